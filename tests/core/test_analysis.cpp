// Analysis::run and Analysis::rerun: invalid UTF-8, ordering, pair scores,
// degenerate input, and rerun giving exactly what run gives.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/finding.hpp"
#include "support/analysis_compare.hpp"
#include "support/sanitizers.hpp"
#include "support/sentence_pairs.hpp"

using namespace bitext;
using bitext::test_support::check_same_analysis;

namespace {

const std::string kClean = "本集简介\n" + bitext::test_support::sentence_pair_lines(6);

CheckOptions structural_only() {
  CheckOptions options;
  options.content_checks = false;
  return options;
}

// Replace lines [first, first + count) of `text` with `replacement` lines.
std::string replace_lines(const std::string& text, std::size_t first, std::size_t count,
                          const std::vector<std::string>& replacement) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(first),
              lines.begin() + static_cast<std::ptrdiff_t>(first + count));
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(first), replacement.begin(), replacement.end());
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += lines[i];
  }
  return out;
}

}  // namespace

TEST_CASE("run: a clean transcript has pairs, scores and no finding") {
  const auto analysis = Analysis::run(kClean, structural_only());
  CHECK(analysis->text() == kClean);
  CHECK(analysis->index().line_count() == 13);
  CHECK(analysis->findings().empty());
  CHECK(analysis->transcript().pairs.size() == 6);
  CHECK(analysis->transcript().front_matter == std::vector<std::uint32_t>{0});
  CHECK(analysis->pair_scores() == std::vector<double>(6, 1.0));
}

TEST_CASE("run: structural findings with content checks on as well") {
  const auto analysis = Analysis::run(kClean, CheckOptions{});
  CHECK(analysis->pair_scores().size() == 6);
  for (const Finding& finding : analysis->findings()) {
    CHECK(finding.code != "missing-original");
    CHECK(finding.code != "missing-translation");
    CHECK(finding.code != "swapped-order");
    CHECK(finding.code != "duplicate-line");
    CHECK(finding.code != "split-line");
    CHECK(finding.code != "untranslated");
    CHECK(finding.code != "empty-line");
    CHECK(finding.code != "invalid-utf8");
  }
}

TEST_CASE("run: pair scores are 0 for a pair with a missing side (structure only)") {
  const std::string text = replace_lines(kClean, 6, 1, {});  // drop "He bought a new book yesterday."
  const auto analysis = Analysis::run(text, structural_only());
  REQUIRE(analysis->findings().size() == 1);
  CHECK(analysis->findings()[0].code == "missing-original");
  CHECK(analysis->pair_scores() == std::vector<double>{1.0, 1.0, 0.0, 1.0, 1.0, 1.0});
}

TEST_CASE("run: invalid UTF-8 is reported at its byte offset and the analysis goes on") {
  // "今天天气很好。" is 21 bytes; the bad byte replaces nothing, it is added after "今天".
  std::string text = kClean;
  const std::size_t at = text.find("今天") + 6;
  text.insert(at, "\xFF");
  const auto analysis = Analysis::run(text, structural_only());
  REQUIRE(analysis->findings().size() == 1);
  const Finding& finding = analysis->findings()[0];
  CHECK(finding.code == "invalid-utf8");
  CHECK(finding.severity == Severity::Error);
  CHECK(finding.begin == at);
  CHECK(finding.end == at + 1);
  CHECK(finding.pair == 0);
  CHECK(finding.message == "Invalid UTF-8 at byte " + std::to_string(at) +
                               " (line 2): the file is not valid UTF-8; invalid bytes are read as U+FFFD");
  CHECK(finding.fixes.empty());
  CHECK(analysis->transcript().pairs.size() == 6);

  SUBCASE("a truncated sequence at the very end, in back matter position") {
    const std::string truncated = kClean + "\n\xE4\xBD";
    const auto cut = Analysis::run(truncated, structural_only());
    REQUIRE(!cut->findings().empty());
    const Finding& last = cut->findings().back();
    CHECK(last.code == "invalid-utf8");
    CHECK(last.begin == kClean.size() + 1);
    CHECK(last.end == kClean.size() + 3);
    CHECK(last.pair == -1);
  }
  SUBCASE("the rule can be switched off") {
    CheckOptions options = structural_only();
    options.rules["invalid-utf8"].enabled = false;
    CHECK(Analysis::run(text, options)->findings().empty());
  }
}

TEST_CASE("run: findings are sorted by position") {
  // Missing original in pair 2, swapped pair 5.
  std::string text = replace_lines(kClean, 4, 1, {});
  text = replace_lines(text, 8, 2, {"Please open the window.", "请把窗户打开。"});
  const auto analysis = Analysis::run(text, structural_only());
  REQUIRE(analysis->findings().size() == 2);
  CHECK(analysis->findings()[0].code == "missing-original");
  CHECK(analysis->findings()[1].code == "swapped-order");
  CHECK(analysis->findings()[0].begin < analysis->findings()[1].begin);
}

TEST_CASE("run: degenerate inputs") {
  const auto empty = Analysis::run("", structural_only());
  CHECK(empty->findings().empty());
  CHECK(empty->transcript().pairs.empty());
  CHECK(empty->pair_scores().empty());
  CHECK(empty->index().line_count() == 1);

  const auto blanks = Analysis::run("\n\n  \n", structural_only());
  CHECK(blanks->findings().empty());
  CHECK(blanks->transcript().pairs.empty());

  const auto monolingual = Analysis::run("今天天气很好。\n我们去公园散步吧。\n", CheckOptions{});
  CHECK(monolingual->findings().empty());
  CHECK(monolingual->transcript().pairs.empty());
  CHECK(monolingual->transcript().front_matter == std::vector<std::uint32_t>{0, 1});
}

TEST_CASE("run: arbitrary bytes never throw; findings and fixes stay inside the text") {
  std::mt19937 random(12345);
  const std::string alphabet[] = {"今", "天", "。", "The", " ", "a", "\n", "\r\n", "\r", "\xFF", "\xE4", "\t", "x"};
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const int pieces = static_cast<int>(random() % 60);
    for (int i = 0; i < pieces; ++i) text += alphabet[random() % std::size(alphabet)];
    CAPTURE(text);
    std::shared_ptr<const Analysis> analysis;
    REQUIRE_NOTHROW(analysis = Analysis::run(text, CheckOptions{}));
    std::size_t previous_begin = 0;
    for (const Finding& finding : analysis->findings()) {
      CHECK(finding.begin >= previous_begin);
      previous_begin = finding.begin;
      CHECK(finding.begin <= finding.end);
      CHECK(finding.end <= text.size());
      for (const Fix& fix : finding.fixes) CHECK_NOTHROW(apply_edits(text, fix.edits));
    }
  }
}

TEST_CASE("every structural fix settles its finding on re-analysis") {
  const std::string broken =
      "今天天气很好。\n"
      "The weather is nice today.\n"
      "我们去公园散步吧。\n"  // no original
      "他昨天买了一本新书。\n"
      "He bought a new book yesterday.\n"
      "The food at this restaurant is delicious.\n"  // before its translation
      "这家餐厅的菜很好吃。\n"
      "请把窗户打开。\n"
      "请把窗户打开。\n"  // twice
      "Please open the window.\n"
      "我们下周开会，\n"  // split
      "讨论这个计划。\n"
      "We will meet next week to discuss this plan.\n"
      "我明天要去北京出差。\n"
      "\n"  // inside a pair
      "I am going to Beijing on business tomorrow.\n"
      "谢谢你的帮助。\n"
      "Thank you for your help.";
  const auto analysis = Analysis::run(broken, structural_only());
  std::vector<std::string> codes;
  for (const Finding& finding : analysis->findings()) codes.push_back(finding.code);
  CHECK(codes == std::vector<std::string>{"missing-original", "swapped-order", "duplicate-line", "split-line",
                                          "empty-line"});
  for (const Finding& finding : analysis->findings()) {
    CAPTURE(finding.code);
    REQUIRE(!finding.fixes.empty());
    const std::string fixed = apply_edits(broken, finding.fixes[0].edits);
    const auto again = Analysis::run(fixed, structural_only());
    CHECK(again->findings().size() == analysis->findings().size() - 1);
    for (const Finding& left : again->findings()) CHECK(left.code != finding.code);
  }
}

TEST_CASE("rerun gives exactly what run gives") {
  for (const bool content : {false, true}) {
    CAPTURE(content);
    CheckOptions options;
    options.content_checks = content;
    const auto base = Analysis::run(kClean, options);

    struct Case {
      const char* name;
      std::string text;
      std::vector<LineEdit> edits;
    };
    const std::vector<Case> cases = {
        {"one character changed in a line", replace_lines(kClean, 2, 1, {"The weather is nice tonight."}),
         {{2, 1, 1}}},
        {"a line deleted (missing original)", replace_lines(kClean, 6, 1, {}), {{6, 1, 0}}},
        {"a line inserted (duplicate)", replace_lines(kClean, 3, 0, {"我们去公园散步吧。"}), {{3, 0, 1}}},
        {"a line split in two", replace_lines(kClean, 9, 1, {"请把窗户", "打开。"}), {{9, 1, 2}}},
        {"two edits one after the other",
         replace_lines(replace_lines(kClean, 1, 1, {"今天天气不好。"}), 11, 2, {"I am going.", "我去。", "x"}),
         {{1, 1, 1}, {11, 2, 3}}},
        {"invalid UTF-8 typed in", replace_lines(kClean, 5, 1, {"他昨天买了\xFF一本新书。"}), {{5, 1, 1}}},
        {"no edits given: found by comparing", replace_lines(kClean, 8, 1, {"The food here is delicious."}), {}},
        {"edits that do not fit the text", replace_lines(kClean, 8, 1, {"The food here is delicious."}),
         {{40, 3, 1}}},
        {"wrong but plausible edits", replace_lines(kClean, 8, 1, {"The food here is delicious."}), {{2, 1, 1}}},
        {"everything replaced", "Hello.\n你好。", {{0, 13, 2}}},
        {"emptied", "", {{0, 13, 1}}},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      const auto full = Analysis::run(c.text, options);
      const auto incremental = Analysis::rerun(*base, c.text, c.edits, options);
      check_same_analysis(*full, *incremental);
      // And again from the edited version back to the original.
      std::vector<LineEdit> back;
      for (auto it = c.edits.rbegin(); it != c.edits.rend(); ++it)
        back.push_back({it->first_line, it->new_line_count, it->old_line_count});
      check_same_analysis(*base, *Analysis::rerun(*incremental, kClean, back, options));
    }
  }
}

TEST_CASE("rerun gives exactly what run gives on a document large enough for parallel work") {
  // 8,400 pairs (lines of 16,384+ line documents are classified, and reports
  // of 2,048+ pairs written, on two threads), with findings in both halves: a
  // changed number, a deleted original, and a translation that runs on.
  const auto& sentences = test_support::kSentencePairs;
  std::vector<std::string> lines = {"Episode notes"};
  for (std::size_t i = 0; i < 8400; ++i) {
    const auto& [zh, en] = sentences[i % sentences.size()];
    lines.push_back(zh);
    lines.push_back(en);
  }
  {
    // The clean document, classified in two halves: every line where it belongs.
    std::string clean;
    for (const std::string& line : lines) clean += line + "\n";
    const auto analysis = Analysis::run(clean, CheckOptions{});
    const Transcript& transcript = analysis->transcript();
    REQUIRE(transcript.lines.size() == 16802);  // title, 8,400 pairs, the empty line after the last line end
    CHECK(transcript.lines[0].kind == LineKind::FrontMatter);
    CHECK(transcript.lines[16801].kind == LineKind::Blank);
    REQUIRE(transcript.pairs.size() == 8400);
    std::size_t misplaced = 0;
    for (std::uint32_t i = 0; i < 8400; ++i) {
      const Pair& pair = transcript.pairs[i];
      misplaced += pair.translation != std::vector<std::uint32_t>{1 + 2 * i} ||
                   pair.original != std::vector<std::uint32_t>{2 + 2 * i} ||
                   transcript.lines[1 + 2 * i].kind != LineKind::Translation ||
                   transcript.lines[2 + 2 * i].kind != LineKind::Original;
    }
    CHECK(misplaced == 0);
    CHECK(analysis->findings().empty());
  }
  lines[2 * 1000 + 2] = "The train was thirty minutes late.";  // pair 1001: 二十 in the translation
  lines.erase(lines.begin() + 2 * 3000 + 2);                        // pair 3001 loses its original
  lines[2 * 6000 + 1] += lines[2 * 6001 + 1];                       // pair 6001's translation runs on
  lines.erase(lines.begin() + 2 * 6001 + 1);
  lines.insert(lines.begin() + 2 * 6001 + 1, "");                   // ... and its own is blank
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  const CheckOptions options;
  const auto base = Analysis::run(text, options);
  std::size_t first_half = 0, second_half = 0;
  for (const Finding& finding : base->findings()) (finding.pair < 4200 ? first_half : second_half) += 1;
  REQUIRE(first_half > 0);
  REQUIRE(second_half > 0);

  auto line_start = [](const std::string& t, std::size_t line) {
    std::size_t at = 0;
    for (std::size_t i = 0; i < line; ++i) at = t.find('\n', at) + 1;
    return at;
  };
  struct Case {
    const char* name;
    std::string text;
    std::vector<LineEdit> edits;
  };
  std::vector<Case> cases;
  {
    std::string edited = text;
    edited.insert(line_start(edited, 9001) + 3, "x");  // one character in an English line
    cases.push_back({"one character typed", edited, {{9000, 1, 1}}});
  }
  {
    std::string edited = text;
    edited.insert(line_start(edited, 1), "A new line of notes\n");  // every later line moves down
    cases.push_back({"a line inserted at the top", edited, {{1, 0, 1}}});
  }
  {
    std::string edited = text;
    const std::size_t at = line_start(edited, 2 * 1000 + 2);
    edited.replace(at, edited.find('\n', at) - at, "The train was twenty minutes late.");
    cases.push_back({"the number mended", edited, {{2 * 1000 + 2, 1, 1}}});
  }
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const auto incremental = Analysis::rerun(*base, c.text, c.edits, options);
    check_same_analysis(*Analysis::run(c.text, options), *incremental);
    // A re-analysis of a re-analysis: back to the first text.
    std::vector<LineEdit> back;
    for (auto it = c.edits.rbegin(); it != c.edits.rend(); ++it)
      back.push_back({it->first_line, it->new_line_count, it->old_line_count});
    check_same_analysis(*base, *Analysis::rerun(*incremental, text, back, options));
  }
  // Other options for the same text: findings reused from the previous
  // version go through the new options too.
  auto has_code = [](const Analysis& analysis, std::string_view code) {
    for (const Finding& finding : analysis.findings())
      if (finding.code == code) return true;
    return false;
  };
  REQUIRE(has_code(*base, "length-outlier"));
  REQUIRE(has_code(*base, "number-mismatch"));
  CheckOptions other;
  other.rules["number-mismatch"].severity = Severity::Error;
  other.rules["length-outlier"].enabled = false;
  const auto with_other = Analysis::rerun(*base, text, {}, other);
  check_same_analysis(*Analysis::run(text, other), *with_other);
  bool raised = false;
  for (const Finding& finding : with_other->findings()) {
    CHECK(finding.code != "length-outlier");
    raised = raised || (finding.code == "number-mismatch" && finding.severity == Severity::Error);
  }
  CHECK(raised);
}

TEST_CASE("rerun reads unchanged lines again when the placeholders change or a line moves to or from the first") {
  const std::string text = kClean + "\n[no English]\n我们下周见。\nSee you next week.";
  CheckOptions plain;
  CheckOptions marked;
  marked.original_placeholder = "[no English]";
  // The same text, other placeholders: "[no English]" becomes a placeholder line.
  const auto with_plain = Analysis::run(text, plain);
  check_same_analysis(*Analysis::run(text, marked), *Analysis::rerun(*with_plain, text, {}, marked));
  check_same_analysis(*with_plain, *Analysis::rerun(*Analysis::run(text, marked), text, {}, plain));

  // "WEBVTT" is markup on the first line only.
  const std::string vtt = "WEBVTT\n\n你好。\nHello.\n再见。\nGoodbye.";
  const std::string below = "Notes\n" + vtt;
  const auto first = Analysis::run(vtt, plain);
  const auto second = Analysis::run(below, plain);
  REQUIRE(first->transcript().lines[0].kind == LineKind::Markup);
  REQUIRE(second->transcript().lines[1].kind != LineKind::Markup);
  check_same_analysis(*second, *Analysis::rerun(*first, below, {{0, 0, 1}}, plain));
  check_same_analysis(*first, *Analysis::rerun(*second, vtt, {{0, 1, 0}}, plain));
}

TEST_CASE("rerun keeps track of invalid UTF-8 across edits") {
  const CheckOptions options = structural_only();
  const std::string bad = replace_lines(kClean, 3, 1, {"我们去\xFF公园散步吧。"});
  const auto with_bad = Analysis::run(bad, options);
  REQUIRE(!with_bad->findings().empty());

  // An edit after the bad byte keeps it; an edit before it moves it.
  // A pair, not a structured binding: clang 14 (the sanitizer build) cannot capture bindings.
  for (const auto& text_and_edit : std::vector<std::pair<std::string, LineEdit>>{
           {replace_lines(bad, 10, 1, {"Please open the door."}), {10, 1, 1}},
           {replace_lines(bad, 1, 1, {"今天的天气很好。"}), {1, 1, 1}},
           {replace_lines(bad, 3, 1, {"我们去公园散步吧。"}), {3, 1, 1}},          // repaired
           {replace_lines(bad, 3, 1, {"我们去\xE4\xBD公园散步吧。"}), {3, 1, 1}},  // another bad sequence
       }) {
    const std::string& text = text_and_edit.first;
    const LineEdit& edit = text_and_edit.second;
    CAPTURE(text);
    check_same_analysis(*Analysis::run(text, options), *Analysis::rerun(*with_bad, text, {edit}, options));
  }
  // From valid to a bad byte appended at the very end.
  const auto clean = Analysis::run(kClean, options);
  const std::string tail = kClean + "\xC3";
  check_same_analysis(*Analysis::run(tail, options), *Analysis::rerun(*clean, tail, {{12, 1, 1}}, options));
}

namespace {

// A document to type into: every pair distinct (a number tag per pair), with
// a changed number, a translation that runs on into the next pair and a cut
// sentence, so that every kind of content finding is made and reused.
std::vector<std::string> typing_document() {
  const auto& sentences = test_support::kSentencePairs;
  std::vector<std::string> lines = {"Episode notes"};
  for (std::size_t i = 0; i < 48; ++i) {
    const auto& [zh, en] = sentences[i % sentences.size()];
    const std::string tag = std::to_string(i + 1);
    lines.push_back(tag + " " + zh);
    lines.push_back(tag + " " + en);
  }
  lines[2 * 10 + 2] = "11 The train was thirty minutes late.";  // pair 11: 二十 in the translation
  lines[2 * 30 + 1] += lines[2 * 31 + 1];                         // pair 31's translation runs on
  lines[2 * 31 + 1] = "32 好。";
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

}  // namespace

// Type, undo and redo on a few lines, each version analysed by rerun from the
// one before: the reuse of earlier versions' work (kept across many versions
// and restarted now and then) must never read freed or stale entries. Under
// ASan this is the regression test for the use-after-free of issue 9.
TEST_CASE("rerun chains of thousands of type/undo/redo edits give exactly what run gives") {
  std::vector<std::string> lines = typing_document();
  const CheckOptions options;
  std::mt19937 random(9);
  struct Step {
    std::uint32_t line;
    std::string before, after;
  };
  std::vector<Step> undo, redo;
  const std::uint32_t edited_lines[] = {3, 4, 21, 22, 61, 62, 63, 95};
  const std::string typed[] = {"a", "e", " ", "1", "的", "。", ".", "x", "2"};
  auto current = Analysis::run(join_lines(lines), options);
  std::size_t findings_seen = 0;
  // A third of the chain under AddressSanitizer, where it took a third of the
  // sanitizer tests' time; the release build runs all of it.
  constexpr int kEdits = bitext::test::kUnderAddressSanitizer ? 1000 : 3000;
  for (int edit = 0; edit < kEdits; ++edit) {
    const unsigned roll = random() % 8;
    Step step;
    if (roll < 2 && !undo.empty()) {
      step = undo.back();
      undo.pop_back();
      std::swap(step.before, step.after);
      redo.push_back(step);
    } else if (roll < 4 && !redo.empty()) {
      step = redo.back();
      redo.pop_back();
      std::swap(step.before, step.after);
      undo.push_back(step);
    } else {
      step.line = edited_lines[random() % std::size(edited_lines)];
      step.before = lines[step.line];
      step.after = step.before;
      if (roll == 7 && step.after.size() > 12) {
        // Backspace over the last character.
        std::size_t cut = step.after.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(step.after[cut]) & 0xC0) == 0x80) --cut;
        step.after.erase(cut);
      } else {
        step.after += typed[random() % std::size(typed)];
      }
      undo.push_back(step);
      redo.clear();
    }
    REQUIRE(lines[step.line] == step.before);
    lines[step.line] = step.after;
    const std::string text = join_lines(lines);
    current = Analysis::rerun(*current, text, {{step.line, 1, 1}}, options);
    findings_seen += current->findings().size();
    if (edit % 25 == 0 || edit + 1 == kEdits) {
      CAPTURE(edit);
      check_same_analysis(*Analysis::run(text, options), *current);
    }
  }
  CHECK(findings_seen > 3 * kEdits);  // content findings were made all along
}

// Many single-character edits analysed in groups (as a server does while the
// user types faster than it analyses), each group one rerun with its edits.
TEST_CASE("rerun after groups of 100 single-character edits gives exactly what run gives") {
  std::vector<std::string> lines = typing_document();
  const CheckOptions options;
  std::mt19937 random(100);
  auto current = Analysis::run(join_lines(lines), options);
  const std::string typed[] = {"a", " ", "3", "的", "，", "."};
  for (int group = 0; group < 90; ++group) {
    std::vector<LineEdit> edits;
    for (int i = 0; i < 100; ++i) {
      const auto line = static_cast<std::uint32_t>(1 + random() % (lines.size() - 1));
      std::string& text = lines[line];
      if (random() % 3 == 0 && text.size() > 8) {
        std::size_t cut = random() % text.size();
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        std::size_t end = cut + 1;
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
        text.erase(cut, end - cut);
      } else {
        std::size_t at = random() % (text.size() + 1);
        while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
        text.insert(at, typed[random() % std::size(typed)]);
      }
      edits.push_back({line, 1, 1});
    }
    const std::string text = join_lines(lines);
    CAPTURE(group);
    current = Analysis::rerun(*current, text, edits, options);
    check_same_analysis(*Analysis::run(text, options), *current);
  }
}

namespace {

// typing_document()'s pairs as a layout document: SRT cues, or Markdown
// paragraphs (one per side, a heading now and then).
std::vector<std::string> layout_document(bool srt) {
  const std::vector<std::string> lines = typing_document();
  std::vector<std::string> out;
  if (!srt) out = {"# Episode notes", ""};
  for (std::size_t k = 1; k + 1 < lines.size(); k += 2) {
    const std::size_t pair = k / 2;
    if (srt) {
      const std::string second = std::to_string(10 + pair / 60) + ":" + std::to_string(10 + pair % 60);
      out.push_back(std::to_string(pair + 1));
      out.push_back("00:" + second + ",000 --> 00:" + second + ",900");
      out.push_back(lines[k]);
      out.push_back(lines[k + 1]);
    } else {
      if (pair % 16 == 15) out.insert(out.end(), {"## Part " + std::to_string(pair / 16 + 2), ""});
      out.insert(out.end(), {lines[k], "", lines[k + 1]});
    }
    out.push_back("");
  }
  return out;
}

}  // namespace

// Layout documents are read again whole after an edit, and the content checks
// reuse the previous version's work for the text units whose bytes are
// unchanged: typing (characters, line breaks that split or join units) must
// still give exactly what a fresh analysis gives.
TEST_CASE("rerun of SRT and Markdown documents after random edits gives exactly what run gives") {
  for (const bool srt : {true, false}) {
    CAPTURE(srt);
    std::vector<std::string> lines = layout_document(srt);
    CheckOptions options;
    options.document_name = srt ? "episode.srt" : "episode.md";
    std::mt19937 random(srt ? 31 : 32);
    const std::string typed[] = {"a", " ", "3", "的", "。", ".", "\n", "\n\n"};
    auto current = Analysis::run(join_lines(lines), options);
    REQUIRE(current->transcript().layout == (srt ? Layout::Srt : Layout::Markdown));
    std::size_t content_findings = 0;
    for (int edit = 0; edit < (bitext::test::kUnderAddressSanitizer ? 50 : 150); ++edit) {
      const auto line = static_cast<std::uint32_t>(random() % lines.size());
      std::string& text = lines[line];
      if (random() % 3 == 0 && !text.empty()) {
        std::size_t cut = random() % text.size();
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        std::size_t end = cut + 1;
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
        text.erase(cut, end - cut);
      } else {
        std::size_t at = random() % (text.size() + 1);
        while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
        text.insert(at, typed[random() % std::size(typed)]);
      }
      const std::string document = join_lines(lines);
      current = Analysis::rerun(*current, document, {{line, 1, 1}}, options);
      for (const Finding& finding : current->findings())
        content_findings += finding.code == "length-outlier" || finding.code == "number-mismatch" ? 1 : 0;
      CAPTURE(edit);
      check_same_analysis(*Analysis::run(document, options), *current);
      // An inserted line break splits the line: keep the list one line per entry.
      lines = [&] {
        std::vector<std::string> split;
        std::size_t start = 0;
        for (std::size_t end; (end = document.find('\n', start)) != std::string::npos; start = end + 1)
          split.push_back(document.substr(start, end - start));
        return split;
      }();
    }
    CHECK(content_findings > 0);  // the content checks ran on the units all along
  }
}
