// The evaluation: deterministic random numbers, sentence parts for injection,
// each kind of injected error, TSV corpora, and scoring end to end.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "eval/evaluation.hpp"
#include "bitext/text.hpp"

using namespace bitext;

namespace {

CleanDocument small_document() {
  CleanDocument document;
  document.name = "small";
  document.pairs = {
      {"谢谢邀请。", "Thanks for having me."},
      {"没有马上辞职。我先用周末做了两年。我们在三栋楼上试验,记录每个箱子的产量。",
       "Not right away. I did it on weekends for two years first. We experimented on three buildings and recorded "
       "the yield of every box."},
      {"公司已融资1.6亿美元。", "The company has raised $160,000,000."},
      {"这听起来很有意思。那时候你在做什么工作?", "That sounds like fun. What were you doing for work at the time?"},
      {"所以你辞职了?", "So you quit?"},
      {"我们现在管理着十四个屋顶,总面积大约六千平方米,去年卖出了十八吨蔬菜。",
       "We now manage fourteen roofs, about six thousand square metres in total, and last year we sold eighteen "
       "tonnes of vegetables."},
  };
  return document;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (true) {
    const std::size_t end = text.find('\n', at);
    lines.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return lines;
}

std::map<char32_t, int> visible_characters(std::string_view text) {
  std::map<char32_t, int> counts;
  for (std::size_t at = 0; at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    at += std::max<std::size_t>(decoded.length, 1);
    if (decoded.code_point != U' ' && decoded.code_point != U'\n') ++counts[decoded.code_point];
  }
  return counts;
}

}  // namespace

TEST_CASE("EvalRandom is std::mt19937 with an unbiased bounded draw") {
  // The first output of mt19937 with the default seed 5489 is 3499211612 (C++ standard, [rand.predef]
  // gives the 10000th; the first is the published reference value).
  EvalRandom random(5489);
  CHECK(random.below(10) == 2);  // 3499211612 % 10
  EvalRandom a(42), b(42);
  for (int i = 0; i < 100; ++i) CHECK(a.below(7) == b.below(7));
  EvalRandom c(1);
  for (int i = 0; i < 1000; ++i) CHECK(c.below(3) < 3);
  CHECK(c.below(1) == 0);
}

TEST_CASE("injection sentences: English after a mark, a space and a capital; Chinese after the mark") {
  const std::string english = "Not right away. I did it on weekends, e.g. on Sundays. 1.6 million? Yes!";
  const auto parts = injection_sentences(english);
  REQUIRE(parts.size() == 4);
  CHECK(english.substr(parts[0].begin, parts[0].end - parts[0].begin) == "Not right away.");
  CHECK(english.substr(parts[1].begin, parts[1].end - parts[1].begin) == "I did it on weekends, e.g. on Sundays.");
  CHECK(english.substr(parts[2].begin, parts[2].end - parts[2].begin) == "1.6 million?");
  CHECK(english.substr(parts[3].begin, parts[3].end - parts[3].begin) == "Yes!");
  const std::string chinese = "没有马上辞职。我先用周末做了两年!对吧?好";
  const auto zh = injection_sentences(chinese);
  REQUIRE(zh.size() == 4);
  CHECK(chinese.substr(zh[1].begin, zh[1].end - zh[1].begin) == "我先用周末做了两年!");
  CHECK(chinese.substr(zh[3].begin) == "好");
}

TEST_CASE("number labels: a section or figure number that the sentence rule takes for a sentence") {
  for (const std::string label : {"3.1.6.", "12.", "图 16.139.", "Figure 2.1.", "Next13.8.", "上一页6.5."}) {
    INFO(label);
    CHECK(is_number_label(label));
  }
  for (const std::string other : {"3.1.6", "Not right away.", "In the year 2010.", "Chapter A.", "1.6 million?", "."}) {
    INFO(other);
    CHECK_FALSE(is_number_label(other));
  }
}

TEST_CASE("truncation cuts after words at a clause end, never inside a number nor after a number alone") {
  CleanDocument document;
  document.name = "headings";
  document.pairs = {{"图 16.140. 结果，左边是原图而右边是新图", "Figure 16.140. Result, the original on the left"},
                    {"3.1.6. 无盘工作站，在个人计算机上运行所有软件", "3.1.6. Diskless workstations, running all software"}};
  EvalRandom random(5);
  std::map<std::string, int> kept;
  for (int trial = 0; trial < 60; ++trial) {
    const auto injection = inject(document, ErrorKind::TruncatedTranslation, random);
    REQUIRE(injection.has_value());
    ++kept[lines_of(injection->text)[injection->first_line]];
  }
  // Clause ends after a letter within 30-60% of each line: not "图 16." nor "3.1.6.".
  std::vector<std::string> heads;
  for (const auto& [head, count] : kept) heads.push_back(head);
  CHECK(heads == std::vector<std::string>{"3.1.6. 无盘工作站，", "图 16.140.", "图 16.140. 结果，"});
}

TEST_CASE("each injected kind changes the document as described") {
  const CleanDocument document = small_document();
  const std::string clean = render(document);
  const std::vector<std::string> clean_lines = lines_of(clean);
  REQUIRE(clean_lines.size() == 12);
  EvalRandom random(11);
  for (int trial = 0; trial < 10; ++trial) {
    for (const ErrorKind kind : all_error_kinds()) {
      CAPTURE(error_kind_name(kind));
      const auto injection = inject(document, kind, random);
      REQUIRE(injection.has_value());
      CHECK(injection->kind == kind);
      CHECK(injection->text != clean);
      const std::vector<std::string> lines = lines_of(injection->text);
      CHECK(injection->first_line <= injection->last_line);
      CHECK(injection->last_line < lines.size());
      switch (kind) {
        case ErrorKind::DeletedLine:
          CHECK(lines.size() == 11);
          break;
        case ErrorKind::DuplicatedLine:
          CHECK(lines.size() == 13);
          CHECK(lines[injection->first_line] == lines[injection->first_line + 1]);
          break;
        case ErrorKind::SplitLine:
          CHECK(lines.size() == 13);
          CHECK(visible_characters(injection->text) == visible_characters(clean));
          break;
        case ErrorKind::SwappedOrder:
        case ErrorKind::ShiftedBlock:
        case ErrorKind::Drift: {
          // A move: same characters, same number of lines.
          CHECK(lines.size() == 12);
          CHECK(visible_characters(injection->text) == visible_characters(clean));
          break;
        }
        case ErrorKind::Untranslated:
          CHECK(lines[injection->first_line] == lines[injection->first_line + 1]);
          break;
        case ErrorKind::TruncatedTranslation:
          CHECK(lines[injection->first_line].size() < clean_lines[injection->first_line].size());
          CHECK(clean_lines[injection->first_line].rfind(lines[injection->first_line], 0) == 0);
          break;
        case ErrorKind::ChangedNumber: {
          // One digit changed in one line: same length, one byte differs.
          const std::string& changed = lines[injection->first_line];
          const std::string& before = clean_lines[injection->first_line];
          REQUIRE(changed.size() == before.size());
          int differing = 0;
          for (std::size_t i = 0; i < changed.size(); ++i) differing += changed[i] != before[i] ? 1 : 0;
          CHECK(differing == 1);
          break;
        }
        case ErrorKind::MergedLines: {
          // One side of two neighbouring pairs on one line, the second pair's
          // line of that side gone; the lines between keep their places.
          REQUIRE(lines.size() == 11);
          const std::size_t at = injection->first_line;
          const std::string& merged = lines[at];
          CHECK((merged == clean_lines[at] + clean_lines[at + 2] || merged == clean_lines[at] + " " + clean_lines[at + 2]));
          CHECK(lines[at + 1] == clean_lines[at + 1]);
          CHECK(lines[at + 2] == clean_lines[at + 3]);
          break;
        }
        case ErrorKind::JoinedLines: {
          // Two neighbouring clean lines as one, with nothing or one space between.
          REQUIRE(lines.size() == 11);
          const std::size_t at = injection->first_line;
          const std::string& joined = lines[at];
          CHECK((joined == clean_lines[at] + clean_lines[at + 1] || joined == clean_lines[at] + " " + clean_lines[at + 1]));
          break;
        }
      }
    }
  }
}

TEST_CASE("documents from a TSV: pairs by source, translations without Chinese skipped, mostly Latin ones kept") {
  const std::string tsv =
      "第一段。\tFirst paragraph.\tdoc-a\n"
      "第二段。\tSecond paragraph.\tdoc-a\n"
      "dpkg -i foo.deb\tdpkg -i foo.deb\tdoc-a\n"
      "第三段。\tThird paragraph.\tdoc-a\n"
      "运行 dpkg --configure -a 命令\tRun dpkg --configure -a\tdoc-a\n"
      "另一篇。\tAnother one.\tdoc-b\n"
      "broken line without tabs\n"
      "再一段。\tOnce more.\tdoc-b\n";
  const TsvCorpus corpus = documents_from_tsv(tsv, 2);
  CHECK(corpus.skipped_latin == 1);
  CHECK(corpus.skipped_malformed == 1);
  // doc-a: 4 pairs with Chinese (the mostly Latin one kept) -> 2 + 2; doc-b: 2.
  REQUIRE(corpus.documents.size() == 3);
  CHECK(corpus.documents[0].pairs.size() == 2);
  CHECK(corpus.documents[0].pairs[1].original == "Second paragraph.");
  CHECK(corpus.documents[1].pairs.size() == 2);
  CHECK(corpus.documents[1].pairs[1].translation == "运行 dpkg --configure -a 命令");
  CHECK(corpus.documents[2].pairs.size() == 2);
  CHECK(corpus.documents[2].pairs[0].translation == "另一篇。");
  CHECK(render(corpus.documents[2]) == "另一篇。\nAnother one.\n再一段。\nOnce more.");
}

TEST_CASE("documents from a TSV across sources: consecutive pairs whatever their source") {
  const std::string tsv =
      "第一段。\tFirst paragraph.\tdoc-a\n"
      "第二段。\tSecond paragraph.\tdoc-a\n"
      "dpkg -i foo.deb\tdpkg -i foo.deb\tdoc-a\n"
      "第三段。\tThird paragraph.\tdoc-a\n"
      "另一篇。\tAnother one.\tdoc-b\n"
      "再一段。\tOnce more.\tdoc-b\n"
      "最后。\tLast.\tdoc-c\n";
  const TsvCorpus corpus = documents_from_tsv(tsv, 3, true);
  CHECK(corpus.skipped_latin == 1);
  // 6 pairs with Chinese -> 3 + 3, the second one across doc-a, doc-b and doc-c.
  REQUIRE(corpus.documents.size() == 2);
  CHECK(corpus.documents[0].pairs.size() == 3);
  CHECK(corpus.documents[0].pairs[2].original == "Third paragraph.");
  CHECK(corpus.documents[1].pairs.size() == 3);
  CHECK(corpus.documents[1].pairs[0].translation == "另一篇。");
  CHECK(corpus.documents[1].pairs[2].translation == "最后。");
  // By source, the same rows make three documents (doc-c's single pair is dropped).
  CHECK(documents_from_tsv(tsv, 3).documents.size() == 2);
  CHECK(documents_from_tsv(tsv, 3).documents[1].pairs.size() == 2);
}

TEST_CASE("clean_document_of gives back the analysed text") {
  const std::string text = render(small_document());
  const auto analysis = Analysis::run(text, {});
  const auto document = clean_document_of(*analysis, "x");
  REQUIRE(document.has_value());
  CHECK(document->pairs.size() == 6);
  CHECK(render(*document) == text);
}

TEST_CASE("evaluate scores injected shifted blocks and duplicated lines") {
  EvaluationSettings settings;
  settings.seed = 3;
  settings.trials = 4;
  settings.kinds = {ErrorKind::DuplicatedLine, ErrorKind::ShiftedBlock};
  const std::vector<EvaluationDocument> documents = {{small_document(), false}};
  const EvaluationReport report = evaluate(documents, settings);
  const KindScore& duplicated = report.kinds[static_cast<std::size_t>(ErrorKind::DuplicatedLine)];
  const KindScore& shifted = report.kinds[static_cast<std::size_t>(ErrorKind::ShiftedBlock)];
  CHECK(duplicated.injected == 4);
  CHECK(shifted.injected == 4);
  CHECK(report.kinds[static_cast<std::size_t>(ErrorKind::Drift)].injected == 0);
  CHECK(duplicated.detected == 4);
  CHECK(duplicated.restored == duplicated.restorable);
  CHECK(shifted.detected >= 3);
  CHECK(report.baselines.size() == 1);
  CHECK(report.baselines[0].pairs == 6);
  CHECK(report.precision() >= 0.9);
}

// The scores of the documents of at least N pairs are those documents' own
// shares: with a 6-pair and a 3-pair document, N = 5 keeps the first only, N
// = 3 both (the pooled scores), N = 7 none.
TEST_CASE("evaluate scores the documents of at least N pairs apart") {
  EvaluationSettings settings;
  settings.seed = 3;
  settings.trials = 4;
  settings.kinds = {ErrorKind::DuplicatedLine, ErrorKind::ShiftedBlock};
  CleanDocument short_one = small_document();
  short_one.name = "short";
  short_one.pairs.resize(3);
  const std::vector<EvaluationDocument> documents = {{small_document(), false}, {short_one, false}};
  const EvaluationReport report = evaluate(documents, settings);
  REQUIRE(report.baselines.size() == 2);
  const DocumentSubset large = report.documents_of_at_least(5);
  CHECK(large.documents == 1);
  CHECK(large.pairs == 6);
  for (const ErrorKind kind : {ErrorKind::DuplicatedLine, ErrorKind::ShiftedBlock}) {
    const std::size_t k = static_cast<std::size_t>(kind);
    CHECK(large.kinds[k].injected == report.baselines[0].kinds[k].injected);
    CHECK(large.kinds[k].detected == report.baselines[0].kinds[k].detected);
    CHECK(large.kinds[k].restored == report.baselines[0].kinds[k].restored);
  }
  CHECK(large.new_warnings == report.baselines[0].new_warnings);
  const DocumentSubset all = report.documents_of_at_least(3);
  CHECK(all.documents == 2);
  std::size_t warnings = 0, true_warnings = 0;
  for (const DocumentBaseline& baseline : report.baselines) {
    warnings += baseline.new_warnings;
    true_warnings += baseline.true_warnings;
  }
  CHECK(all.new_warnings == report.new_warnings);
  CHECK(warnings == report.new_warnings);
  CHECK(true_warnings == report.true_warnings);
  for (std::size_t k = 0; k < kErrorKindCount; ++k) {
    CHECK(all.kinds[k].injected == report.kinds[k].injected);
    CHECK(all.kinds[k].detected == report.kinds[k].detected);
    CHECK(all.kinds[k].warned == report.kinds[k].warned);
    CHECK(all.kinds[k].restorable == report.kinds[k].restorable);
    CHECK(all.kinds[k].restored == report.kinds[k].restored);
  }
  CHECK(report.documents_of_at_least(7).documents == 0);
}

TEST_CASE("evaluate says why each missed injection was missed") {
  EvaluationSettings settings;
  settings.seed = 3;
  settings.trials = 6;
  settings.kinds = {ErrorKind::Drift};
  settings.options.content_checks = false;  // no drift can be found: every injection is a miss
  settings.keep_miss_texts = true;
  const std::vector<EvaluationDocument> documents = {{small_document(), false}};
  const EvaluationReport report = evaluate(documents, settings);
  const KindScore& drift = report.kinds[static_cast<std::size_t>(ErrorKind::Drift)];
  CHECK(drift.injected == 6);
  CHECK(drift.detected == 0);
  const auto& classes = report.miss_classes[static_cast<std::size_t>(ErrorKind::Drift)];
  std::size_t counted = 0;
  for (const auto& [why, count] : classes) counted += count;
  CHECK(counted == 6);
  CHECK(classes == std::map<std::string, std::size_t>{{"no finding", 6}});
  REQUIRE(report.misses.size() == 6);
  CHECK(report.misses[0].find(" {no finding}") != std::string::npos);
  REQUIRE(report.miss_texts.size() == 6);
  CHECK(report.miss_texts[0] != render(small_document()));
}

// A two-pair document whose first pair is swapped reads as one in the other
// order whose second pair is swapped: the finding swaps the second pair's
// lines, which the injection left alone. Swaps of the second pair are restored.
TEST_CASE("evaluate says why a found injection's preferred fix does not restore the text") {
  EvaluationSettings settings;
  settings.seed = 3;
  settings.trials = 8;
  settings.kinds = {ErrorKind::SwappedOrder};
  settings.keep_miss_texts = true;
  CleanDocument two = small_document();
  two.pairs.resize(2);
  const std::vector<EvaluationDocument> documents = {{two, false}};
  const EvaluationReport report = evaluate(documents, settings);
  const KindScore& swapped = report.kinds[static_cast<std::size_t>(ErrorKind::SwappedOrder)];
  CHECK(swapped.injected == 8);
  CHECK(swapped.detected == 8);
  REQUIRE(swapped.restored < swapped.restorable);
  CHECK(swapped.restored > 0);
  const std::size_t unrestored = swapped.restorable - swapped.restored;
  CHECK(report.unrestored_classes[static_cast<std::size_t>(ErrorKind::SwappedOrder)] ==
        std::map<std::string, std::size_t>{{"another repair, on lines the injection left alone", unrestored}});
  REQUIRE(report.unrestored.size() == unrestored);
  REQUIRE(report.unrestored_texts.size() == unrestored);
  for (const std::string& line : report.unrestored) {
    CHECK(line.find("swapped the lines of pair 1 ") != std::string::npos);
    CHECK(line.find("[swapped-order] {another repair, on lines the injection left alone} line 1 got "
                    "\"Thanks for having me.\" want \"谢谢邀请。\"") != std::string::npos);
  }
}

TEST_CASE("kind names round-trip; structural kinds and accepted codes") {
  for (const ErrorKind kind : all_error_kinds()) CHECK(parse_error_kind(error_kind_name(kind)) == kind);
  CHECK_FALSE(parse_error_kind("nonsense").has_value());
  CHECK(is_structural(ErrorKind::SplitLine));
  CHECK_FALSE(is_structural(ErrorKind::Drift));
  CHECK(fix_restores(ErrorKind::Drift));
  CHECK_FALSE(fix_restores(ErrorKind::ChangedNumber));
  CHECK(accepted_codes(ErrorKind::DeletedLine).size() == 2);
  CHECK(accepted_codes(ErrorKind::Drift).front() == "boundary-drift");
}
