// Layout readers (paragraphs, Markdown, SRT, WebVTT): fixtures read as they
// are, exact findings and fixes, the same results with CRLF, a BOM, tabs and
// trailing spaces, and the sample converted to each layout.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/layout.hpp"
#include "support/text_files.hpp"


using namespace bitext;
using bitext::test_support::read_source_file;

namespace {

std::shared_ptr<const Analysis> analyse(std::string text, const std::string& name, Layout layout = Layout::Auto) {
  CheckOptions options;
  options.document_name = name;
  options.layout = layout;
  return Analysis::run(std::move(text), options);
}

// "code@pair" of every finding, in order.
std::vector<std::string> codes(const Analysis& analysis) {
  std::vector<std::string> result;
  for (const Finding& finding : analysis.findings())
    result.push_back(finding.code + "@" + std::to_string(finding.pair + 1));
  return result;
}

std::size_t errors_and_warnings(const Analysis& analysis) {
  std::size_t count = 0;
  for (const Finding& finding : analysis.findings())
    count += finding.severity == Severity::Error || finding.severity == Severity::Warning ? 1 : 0;
  return count;
}

// The same document with a BOM, CRLF line ends, and a tab and spaces after
// every non-blank line.
std::string roughened(const std::string& text) {
  std::string out = "\xEF\xBB\xBF";
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    out += line;
    if (!line.empty()) out += " \t ";
    if (end < text.size()) out += "\r\n";
    start = end + 1;
  }
  return out;
}

std::string text_at(const Analysis& analysis, std::size_t begin, std::size_t end) {
  return analysis.text().substr(begin, end - begin);
}

}  // namespace

TEST_CASE("layout detection: extension first, then content") {
  CHECK(detect_layout("anything", "a.srt") == Layout::Srt);
  CHECK(detect_layout("anything", "dir/A.VTT") == Layout::Vtt);
  CHECK(detect_layout("anything", "notes.markdown") == Layout::Markdown);
  CHECK(detect_layout("x", "a.txt", Layout::Paragraphs) == Layout::Paragraphs);
  CHECK(detect_layout(read_source_file("tests/fixtures/layouts/clean.vtt"), "") == Layout::Vtt);
  CHECK(detect_layout(read_source_file("tests/fixtures/layouts/clean.srt"), "") == Layout::Srt);
  CHECK(detect_layout(read_source_file("tests/fixtures/layouts/clean-paragraphs.txt"), "") == Layout::Paragraphs);
  CHECK(detect_layout(read_source_file("examples/unsupervised-learning-ep1.zh-en.txt"), "") == Layout::Lines);
  CHECK(parse_layout("markdown") == Layout::Markdown);
  CHECK(!parse_layout("docx"));
}

TEST_CASE("layout detection: arrows in prose are no subtitle timings") {
  // The Debian FAQ's "stable --> testing --> unstable" in both languages of a
  // line-pair document once made all of it one SRT cue: 158 lines unpaired.
  const std::string prose =
      "可以，但这一过程是单向的。您可以从 stable --> testing --> unstable。\n"
      "Yes, but it is a one way process. You can go from stable --> testing --> unstable.\n"
      "所以您最好要确定。\nSo better be sure.\n";
  CHECK(detect_layout(prose, "") == Layout::Lines);
  const auto analysis = analyse(prose, "faq.txt");
  CHECK(analysis->transcript().pairs.size() == 2);
  CHECK(analysis->findings().empty());
  // A timing line still counts when it starts like a timestamp, malformed or not.
  const std::string subtitles =
      "1\n00:00:01,000 --> 00:00:02,000\n你好。\nHello.\n\n"
      "2\n0:00:03.5 --> 00:00:04,000\n再见。\nGoodbye.\n";
  CHECK(detect_layout(subtitles, "") == Layout::Srt);
}

namespace {

const char* const kContentCodes[] = {"boundary-drift", "length-outlier", "merge-suggested",
                                     "number-mismatch", "shifted-block",  "token-not-carried"};

bool is_content_code(const std::string& code) {
  for (const char* content : kContentCodes)
    if (code == content) return true;
  return false;
}

// pair (1-based) -> its content finding codes, sorted.
std::map<int, std::vector<std::string>> content_by_pair(const Analysis& analysis) {
  std::map<int, std::vector<std::string>> result;
  for (const Finding& finding : analysis.findings())
    if (is_content_code(finding.code)) result[finding.pair + 1].push_back(finding.code);
  for (auto& [pair, list] : result) std::sort(list.begin(), list.end());
  return result;
}

struct SamplePair {
  std::string translation;  // Chinese
  std::string original;     // English
};

std::vector<SamplePair> sample_pairs(const Analysis& sample) {
  std::vector<SamplePair> pairs;
  for (const Pair& pair : sample.transcript().pairs) {
    REQUIRE(pair.translation.size() == 1);
    REQUIRE(pair.original.size() == 1);
    pairs.push_back({std::string(sample.index().line_text(pair.translation[0])),
                     std::string(sample.index().line_text(pair.original[0]))});
  }
  return pairs;
}

bool is_ascii_word_byte(char c) { return static_cast<unsigned char>(c) < 0x80 && c != ' '; }

// English wrapped at 72 columns between words; Chinese at 36 characters (72
// columns), only between two non-ASCII characters, so no number or name is cut.
std::string wrapped(const std::string& text) {
  std::string out;
  std::size_t column = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto byte = static_cast<unsigned char>(text[at]);
    const std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    const bool wide = length >= 3;
    if (text[at] == ' ' && column > 0) {
      std::size_t next = text.find(' ', at + 1);
      if (next == std::string::npos) next = text.size();
      if (column + (next - at) > 72) {
        out += '\n';
        column = 0;
        ++at;
        continue;
      }
    }
    if (wide && column >= 70 && !out.empty() && !is_ascii_word_byte(out.back()) && at + length < text.size() &&
        static_cast<unsigned char>(text[at + length]) >= 0x80) {
      out += '\n';
      column = 0;
    }
    out += text.substr(at, length);
    column += wide ? 2 : 1;
    at += length;
  }
  return out;
}

std::string timestamp(int ms, char separator) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d:%02d%c%03d", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60,
                separator, ms % 1000);
  return buffer;
}

std::string as_paragraphs(const std::vector<SamplePair>& pairs) {
  std::string out;
  for (const SamplePair& pair : pairs) out += wrapped(pair.translation) + "\n\n" + wrapped(pair.original) + "\n\n";
  return out;
}

// Podcast-notes style, Chinese first: front matter, a chapter every 40 pairs,
// a label-only Chinese line, the English paragraph opened by a bold label.
std::string as_markdown(const std::vector<SamplePair>& pairs) {
  std::string out = "---\ntitle: Episode 1\n---\n\n# Episode 1\n\n- [Part 1](#part-1)\n\n";
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    if (k % 40 == 0) out += "## Part " + std::to_string(k / 40 + 1) + "\n\n";
    out += "**主持人：**\n" + wrapped(pairs[k].translation) + "\n\n" + wrapped("**Host:** " + pairs[k].original) + "\n\n";
  }
  return out;
}

// Invented timings: each cue as long as its English needs at 15 characters a second.
std::string as_subtitles(const std::vector<SamplePair>& pairs, bool vtt) {
  std::string out = vtt ? "WEBVTT\n\n" : "";
  int start = 1000;
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const int duration = 1000 + static_cast<int>(pairs[k].original.size()) * 1000 / 15;
    const char separator = vtt ? '.' : ',';
    out += std::to_string(k + 1) + "\n" + timestamp(start, separator) + " --> " +
           timestamp(start + duration, separator) + "\n";
    const std::string speaker = k % 2 == 0 ? "Jacob" : "Clem";
    if (vtt) {
      out += "<v " + speaker + ">" + pairs[k].translation + "</v>\n<v " + speaker + ">" + pairs[k].original + "</v>\n\n";
    } else {
      out += pairs[k].translation + "\n" + pairs[k].original + "\n\n";
    }
    start += duration + 200;
  }
  return out;
}

}  // namespace

TEST_CASE("the sample converted to each layout gives the same content findings per pair") {
  const auto sample = analyse(read_source_file("examples/unsupervised-learning-ep1.zh-en.txt"), "sample.txt");
  const std::vector<SamplePair> pairs = sample_pairs(*sample);
  // Only the pairs: the converted documents have no header or footer.
  std::string lines_only;
  for (const SamplePair& pair : pairs) lines_only += pair.translation + "\n" + pair.original + "\n";
  const auto reference = analyse(lines_only, "pairs.txt");
  REQUIRE(reference->transcript().pairs.size() == pairs.size());
  const auto expected = content_by_pair(*reference);
  CHECK(expected.size() >= 5);  // the sample has content findings to compare

  struct Converted {
    std::string name;
    std::string text;
    Layout layout;
  };
  const std::vector<Converted> documents = {
      {"sample.txt", as_paragraphs(pairs), Layout::Paragraphs},
      {"sample.md", as_markdown(pairs), Layout::Markdown},
      {"sample.srt", as_subtitles(pairs, false), Layout::Srt},
      {"sample.vtt", as_subtitles(pairs, true), Layout::Vtt},
  };
  for (const Converted& document : documents) {
    CAPTURE(document.name);
    const auto analysis = analyse(document.text, document.name);
    CHECK(analysis->transcript().layout == document.layout);
    CHECK(analysis->transcript().pairs.size() == pairs.size());
    CHECK(content_by_pair(*analysis) == expected);
  }
}

namespace {

struct Fixture {
  const char* file;
  LineOrder order;
  std::size_t pairs;
  std::vector<std::string> findings;  // code@pair, in order
};

void check_fixture(const Fixture& fixture) {
  const std::string text = read_source_file(std::string("tests/fixtures/layouts/") + fixture.file);
  for (const bool rough : {false, true}) {
    CAPTURE(fixture.file);
    CAPTURE(rough);
    CheckOptions options;
    options.document_name = fixture.file;
    options.order = fixture.order;
    const auto analysis = Analysis::run(rough ? roughened(text) : text, options);
    CHECK(analysis->transcript().pairs.size() == fixture.pairs);
    CHECK(codes(*analysis) == fixture.findings);
    // Every fix applies and keeps every non-blank character of the document.
    for (const Finding& finding : analysis->findings()) {
      for (const Fix& fix : finding.fixes) {
        const std::string fixed = apply_edits(analysis->text(), fix.edits);
        std::map<char, long> before, after;
        for (const char c : analysis->text()) before[c] += c == ' ' || c == '\t' || c == '\r' || c == '\n' ? 0 : 1;
        for (const char c : fixed) after[c] += c == ' ' || c == '\t' || c == '\r' || c == '\n' ? 0 : 1;
        for (const auto& [c, count] : before)
          if (finding.code != "subtitle-timestamp-form" && finding.code != "subtitle-overlap" &&
              finding.code != "subtitle-numbering")
            CHECK(after[c] >= count);  // (timing and number fixes rewrite digits)
      }
    }
  }
}

const Finding& find(const Analysis& analysis, std::string_view code, std::size_t nth = 0) {
  for (const Finding& finding : analysis.findings())
    if (finding.code == code && nth-- == 0) return finding;
  FAIL("no finding " << code);
  throw 0;
}

}  // namespace

TEST_CASE("clean fixtures: pairs read, no findings") {
  check_fixture({"clean.srt", LineOrder::Auto, 3, {}});
  check_fixture({"clean.vtt", LineOrder::Auto, 3, {}});
  check_fixture({"clean-paragraphs.txt", LineOrder::Auto, 4, {}});
  check_fixture({"clean.md", LineOrder::Auto, 3, {}});
}

TEST_CASE("fixtures with every structural and timing error kind") {
  check_fixture({"errors.srt", LineOrder::Auto, 6,
                 {"subtitle-overlap@1", "subtitle-numbering@3", "subtitle-end-before-start@3",
                  "subtitle-numbering@4", "subtitle-out-of-order@4", "missing-translation@4",
                  "subtitle-timestamp-malformed@5", "subtitle-timestamp-form@6"}});
  check_fixture({"errors.vtt", LineOrder::Auto, 4,
                 {"subtitle-overlap@1", "missing-original@2", "subtitle-end-before-start@3",
                  "subtitle-timestamp-form@3", "subtitle-timestamp-malformed@4"}});
  check_fixture({"errors-paragraphs.txt", LineOrder::Auto, 4, {"missing-original@2", "swapped-order@4"}});
  check_fixture({"errors.md", LineOrder::OriginalFirst, 4, {"missing-translation@2", "swapped-order@4"}});
}

TEST_CASE("SRT findings: exact places and fixes") {
  const auto analysis = analyse(read_source_file("tests/fixtures/layouts/errors.srt"), "errors.srt");
  const Analysis& a = *analysis;
  const Finding& malformed = find(a, "subtitle-timestamp-malformed");
  CHECK(text_at(a, malformed.begin, malformed.end) == "x,000");  // the exact column of the mistake
  const Finding& overlap = find(a, "subtitle-overlap");
  REQUIRE(overlap.fixes.size() == 1);
  REQUIRE(overlap.fixes[0].edits.size() == 1);
  CHECK(text_at(a, overlap.fixes[0].edits[0].begin, overlap.fixes[0].edits[0].end) == "00:00:04,000");
  CHECK(overlap.fixes[0].edits[0].replacement == "00:00:03,500");
  const Finding& gap = find(a, "subtitle-numbering");
  CHECK(gap.message == "Cue number 4 skips 3");
  REQUIRE(gap.fixes.size() == 1);
  REQUIRE(gap.fixes[0].edits.size() == 1);
  CHECK(gap.fixes[0].edits[0].replacement == "3");
  CHECK(find(a, "subtitle-numbering", 1).message == "Cue number 4 repeats the number of the cue above");
  const Finding& form = find(a, "subtitle-timestamp-form");
  CHECK(text_at(a, form.begin, form.end) == "00:00:14.000");
  CHECK(form.fixes.at(0).edits.at(0).replacement == "00:00:14,000");
  // The missing translation goes inside the cue, above its English line; no timing moves.
  const Finding& missing = find(a, "missing-translation");
  const std::string fixed = apply_edits(a.text(), missing.fixes.at(0).edits);
  CHECK(fixed.find("00:00:07,000 --> 00:00:09,500\n[translation missing]\nThank you all for listening.") !=
        std::string::npos);
  // Cues and timings are in the model.
  REQUIRE(a.transcript().cues.size() == 6);
  CHECK(a.transcript().cues[1].timing.start_ms == 3500);
  CHECK(a.transcript().cues[1].timing.end_ms == 8000);
  CHECK(a.transcript().pairs[1].cue == 1);
}

TEST_CASE("WebVTT cue numbers: checked only when every identifier is a number of digits") {
  const auto vtt = [](const char* second_identifier) {
    return std::string("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n你好。\nHello.\n\n") + second_identifier +
           "\n00:00:03.000 --> 00:00:04.000\n谢谢。\nThanks.\n\n3\n00:00:05.000 --> 00:00:06.000\n再见。\nBye.\n";
  };
  const auto numbered = analyse(vtt("4"), "cues.vtt");
  REQUIRE(numbered->transcript().cues.size() == 3);
  CHECK(numbered->transcript().cues[1].number == 4);
  CHECK(find(*numbered, "subtitle-numbering").message == "Cue number 4 skips 2–3");
  // "-2" and "intro" are identifiers, not cue numbers: nothing to renumber.
  for (const char* identifier : {"-2", "intro"}) {
    CAPTURE(identifier);
    const auto named = analyse(vtt(identifier), "cues.vtt");
    REQUIRE(named->transcript().cues.size() == 3);
    CHECK_FALSE(named->transcript().cues[1].number.has_value());
    CHECK(codes(*named) == std::vector<std::string>{});
  }
}

TEST_CASE("a language over two lines of a cue is one side") {
  const auto analysis = analyse(read_source_file("tests/fixtures/layouts/clean.srt"), "clean.srt");
  const Pair& pair = analysis->transcript().pairs.at(1);
  CHECK(pair.translation == std::vector<std::uint32_t>{7, 8});
  CHECK(pair.original == std::vector<std::uint32_t>{9, 10});
  REQUIRE(pair.translation_ranges.size() == 1);
  CHECK(text_at(*analysis, pair.translation_ranges[0].begin, pair.translation_ranges[0].end) ==
        "这个领域发展得非常快，\n变化也很大。");
}

TEST_CASE("subtitle hints: reading speed and line width, configurable") {
  const std::string srt =
      "1\n00:00:01,000 --> 00:00:02,000\n这是一句非常非常长的中文字幕，读起来很快很快很快。\n"
      "This is a very long English subtitle line that goes on and on.\n";
  CheckOptions options;
  options.document_name = "a.srt";
  auto analysis = Analysis::run(srt, options);
  CHECK(codes(*analysis) == std::vector<std::string>{"subtitle-reading-speed@1", "subtitle-line-too-long@1",
                                                     "subtitle-reading-speed@1", "subtitle-line-too-long@1"});
  options.subtitle_style.max_cps_han = 100;
  options.subtitle_style.max_cps_latin = 100;
  options.subtitle_style.max_line_han = 100;
  options.subtitle_style.max_line_latin = 100;
  analysis = Analysis::run(srt, options);
  CHECK(codes(*analysis).empty());
}

TEST_CASE("layout detection: a line-pair transcript saved as .md is read as lines") {
  // Read as Markdown, each paragraph holding both languages would be one side
  // and the sample would give "no pairs found".
  const std::string sample = read_source_file("examples/unsupervised-learning-ep1.zh-en.txt");
  CHECK(detect_layout(sample, "episode.md") == Layout::Lines);
  CHECK(detect_layout(sample, "episode.md", Layout::Markdown) == Layout::Markdown);  // asked for: obeyed
  const auto as_md = analyse(sample, "episode.md");
  const auto as_txt = analyse(sample, "episode.txt");
  CHECK(as_md->transcript().layout == Layout::Lines);
  CHECK(as_md->transcript().pairs.size() == as_txt->transcript().pairs.size());
  CHECK(content_by_pair(*as_md) == content_by_pair(*as_txt));
  const std::string notes =
      "# 第一章\n\n我们今天讨论翻译。\nWe discuss translation today.\n\n"
      "## 第二节\n\n还有一段文字在这里。\nThere is one more paragraph here.\n";
  CHECK(detect_layout(notes, "notes.md") == Layout::Lines);
  CHECK(analyse(notes, "notes.md")->transcript().pairs.size() == 2);
  // Markdown with one language per paragraph stays Markdown, a Chinese
  // paragraph that shows a command on its second line included.
  const std::string markdown =
      "# 第一章\n\n运行以下命令：\napt-get install bitext\n\nRun the following command:\napt-get install bitext\n\n"
      "这是第一段。\n\nThis is the first paragraph.\n";
  CHECK(detect_layout(markdown, "notes.md") == Layout::Markdown);
  for (const char* fixture : {"clean.md", "errors.md", "mixed-order.md", "podcast-notes.md"})
    CHECK(detect_layout(read_source_file(std::string("tests/fixtures/layouts/") + fixture), fixture) == Layout::Markdown);
}

TEST_CASE("the podcast-notes Markdown fixture: every paragraph pair, no errors or warnings") {
  // English first, said here; the reading with the order and roles left to auto is compared below.
  CheckOptions options;
  options.document_name = "podcast-notes.md";
  options.order = LineOrder::OriginalFirst;
  const auto analysis = Analysis::run(read_source_file("tests/fixtures/layouts/podcast-notes.md"), options);
  const Transcript& transcript = analysis->transcript();
  CHECK(transcript.layout == Layout::Markdown);
  CHECK(transcript.pairs.size() == 112);
  CHECK(errors_and_warnings(*analysis) == 0);
  REQUIRE(transcript.chapters.size() == 4);
  CHECK(transcript.chapters[0].title == "Contents");
  CHECK(transcript.chapters[1].title == "Introduction");
  CHECK(transcript.chapters[1].level == 2);
  CHECK(transcript.front_matter.empty());
  // Labels are not text: the first pair's English side starts after "**Jacob Effron:**".
  const Pair& first = transcript.pairs.at(0);
  REQUIRE(first.original_ranges.size() == 1);
  CHECK(text_at(*analysis, first.original_ranges[0].begin, first.original_ranges[0].begin + 4) == "This");
  REQUIRE(first.translation_ranges.size() == 1);
  CHECK(text_at(*analysis, first.translation_ranges[0].begin, first.translation_ranges[0].begin + 6) == "这里");

  // With the order and roles left to auto: the same pairs, Chinese the
  // translation by language, English first in every pair.
  CheckOptions automatic;
  automatic.document_name = "podcast-notes.md";
  const auto detected = Analysis::run(read_source_file("tests/fixtures/layouts/podcast-notes.md"), automatic);
  const Transcript& read = detected->transcript();
  CHECK(read.translation_script == Script::Han);
  CHECK(read.order == LineOrder::OriginalFirst);
  REQUIRE(read.pairs.size() == transcript.pairs.size());
  for (std::size_t k = 0; k < read.pairs.size(); ++k) {
    CAPTURE(k + 1);
    CHECK(read.pairs[k].translation == transcript.pairs[k].translation);
    CHECK(read.pairs[k].original == transcript.pairs[k].original);
  }
}

TEST_CASE("Markdown notes: the order of the two sides may change per pair; roles stay by language") {
  // Each speaker's own language first: the host's Chinese before its English,
  // the guest's English before its Chinese.
  const std::string text = read_source_file("tests/fixtures/layouts/mixed-order.md");
  struct Expected {
    const char* translation;  // first words of the Chinese side, after its label
    const char* original;     // first words of the English side, after its label
    bool translation_first;
  };
  const std::vector<Expected> expected = {
      {"欢迎收听本期节目", "Welcome to the show.", true},
      {"谢谢邀请", "Thank you for having me", false},
      {"你最早是怎么开始", "How did you first", true},
      {"那时我还是学生", "I was a student", false},
      {"先是几个人用", "A few people used it", false},
      {"那你觉得开源模型", "So how do you think", true},
      {"模型是训练出来的", "A model is trained", false},
      {"谢谢你今天的分享", "Thank you for sharing", true},
  };
  for (const bool rough : {false, true}) {
    CAPTURE(rough);
    const auto analysis = analyse(rough ? roughened(text) : text, "mixed-order.md");
    const Transcript& transcript = analysis->transcript();
    CHECK(transcript.layout == Layout::Markdown);
    CHECK(transcript.order_per_pair);
    CHECK(transcript.translation_script == Script::Han);
    CHECK(transcript.original_script == Script::Latin);
    CHECK(codes(*analysis).empty());
    REQUIRE(transcript.pairs.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
      CAPTURE(k + 1);
      const Pair& pair = transcript.pairs[k];
      REQUIRE(pair.translation_ranges.size() == 1);
      REQUIRE(pair.original_ranges.size() == 1);
      const std::string translation = text_at(*analysis, pair.translation_ranges[0].begin, pair.translation_ranges[0].end);
      const std::string original = text_at(*analysis, pair.original_ranges[0].begin, pair.original_ranges[0].end);
      CHECK(translation.rfind(expected[k].translation, 0) == 0);
      CHECK(original.rfind(expected[k].original, 0) == 0);
      CHECK((pair.translation_ranges[0].begin < pair.original_ranges[0].begin) == expected[k].translation_first);
    }
  }
  // A forced order is the user's word that the order does not change: pairs
  // in the other order are swaps again, and two swaps in a row (the guest's
  // pairs 4 and 5) cost more than a missing side on either end of them.
  CheckOptions options;
  options.document_name = "mixed-order.md";
  options.order = LineOrder::TranslationFirst;
  options.translation_language = "zh";
  const auto forced = Analysis::run(text, options);
  CHECK_FALSE(forced->transcript().order_per_pair);
  CHECK(codes(*forced) == std::vector<std::string>{"swapped-order@2", "missing-translation@4", "missing-original@6",
                                                   "swapped-order@8"});
}

TEST_CASE("layout detection: '#' lines inside a line-pair transcript are no Markdown headings") {
  // Root prompts (or a pair of '#' titles) between line pairs: still lines,
  // every pair read; a whole document read as one Markdown paragraph loses all.
  const std::string lines =
      "请运行以下命令。\nRun the following command.\n"
      "# apt-get update\n# apt-get update\n"
      "然后安装软件包。\nThen install the package.\n"
      "## 安装\n## Installation\n"
      "完成了。\nDone.\n";
  CHECK(detect_layout(lines, "") == Layout::Lines);
  const auto analysis = analyse(lines, "commands.txt");
  CHECK(analysis->transcript().layout == Layout::Lines);
  CHECK(analysis->transcript().pairs.size() == 5);
  // A heading in one language only is a section title as likely as a lost
  // partner: information, not an error.
  const std::string untranslated_heading =
      "# 第一章\n\n我们今天讨论翻译。\nWe discuss translation today.\n\n"
      "## 第二节\n\n还有一段文字在这里。\nThere is one more paragraph here.\n";
  const auto headed = analyse(untranslated_heading, "notes.txt");
  CHECK(headed->transcript().layout == Layout::Lines);
  REQUIRE(headed->findings().size() == 1);
  const Finding& heading = headed->findings()[0];
  CHECK(heading.code == "split-line");  // the pairing reads the heading as the start of pair 2's translation
  CHECK(heading.severity == Severity::Information);
  CHECK(text_at(*headed, heading.begin, heading.end) == "## 第二节\n\n还有一段文字在这里。");
  CHECK(heading.message.find("section heading the document leaves untranslated") != std::string::npos);
  REQUIRE(heading.fixes.size() == 1);
  CHECK_FALSE(heading.fixes[0].preferred);
  // Markdown keeps its headings when the blocks between them hold one language.
  const std::string markdown = "# 第一章\n\n这是第一段。\n\n# Chapter one\n\nThis is the first paragraph.\n";
  CHECK(detect_layout(markdown, "") == Layout::Markdown);
}
