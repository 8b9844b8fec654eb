// The shipped sample: 3 header lines, 117 zh/en pairs (lines 4..237), 2 footer
// lines, no trailing newline, and no structural mistake.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/checks.hpp"
#include "bitext/pairing.hpp"

using namespace bitext;

namespace {

std::string read_sample() {
  std::ifstream in(std::string(BITEXT_SOURCE_DIR) + "/examples/unsupervised-learning-ep1.zh-en.txt",
                   std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool structural(const std::string& code) {
  static const std::set<std::string> codes = {"missing-translation", "missing-original", "swapped-order",
                                              "duplicate-line",      "split-line",       "untranslated",
                                              "empty-line",          "invalid-utf8"};
  return codes.count(code) > 0;
}

}  // namespace

TEST_CASE("sample: 3 header lines, 117 pairs, 2 footer lines, no structural finding") {
  const std::string text = read_sample();
  CheckOptions options;
  options.content_checks = false;
  const auto analysis = Analysis::run(text, options);
  CHECK(analysis->index().line_count() == 239);
  CHECK(analysis->findings().empty());

  const Transcript& transcript = analysis->transcript();
  CHECK(transcript.order == LineOrder::TranslationFirst);
  CHECK(transcript.translation_script == Script::Han);
  CHECK(transcript.original_script == Script::Latin);
  CHECK(transcript.front_matter == std::vector<std::uint32_t>{0, 1, 2});
  CHECK(transcript.back_matter == std::vector<std::uint32_t>{237, 238});
  REQUIRE(transcript.pairs.size() == 117);
  for (std::uint32_t i = 0; i < 117; ++i) {
    CAPTURE(i);
    CHECK(transcript.pairs[i].translation == std::vector<std::uint32_t>{3 + 2 * i});
    CHECK(transcript.pairs[i].original == std::vector<std::uint32_t>{4 + 2 * i});
  }
  // The first footer line, "关于 Bayt 播客", is mixed and still Chinese.
  CHECK(transcript.lines[237].script.mixed);
  CHECK(transcript.lines[237].script.dominant == Script::Han);
  CHECK(analysis->pair_scores() == std::vector<double>(117, 1.0));
}

TEST_CASE("sample: with content checks on, still no structural finding") {
  const auto analysis = Analysis::run(read_sample(), CheckOptions{});
  CHECK(analysis->transcript().pairs.size() == 117);
  CHECK(analysis->pair_scores().size() == 117);
  for (const Finding& finding : analysis->findings()) {
    CAPTURE(finding.message);
    CHECK_FALSE(structural(finding.code));
  }
}

TEST_CASE("sample: parse_transcript and structural_checks agree with the analysis") {
  const std::string text = read_sample();
  const LineIndex index(text);
  const Transcript transcript = parse_transcript(index, CheckOptions{});
  CHECK(transcript.pairs.size() == 117);
  CHECK(structural_checks(transcript, index, CheckOptions{}).empty());
  CHECK(preview(index.line_text(12), 21) == "Thanks for having me.");
  CHECK(preview(index.line_text(12), 20) == "Thanks for having\u2026");
  CHECK(preview(index.line_text(4), 20) == "This is\u2026");  // "Unsupervised" does not fit
  CHECK(preview(index.line_text(3), 12) == "这里是《无监督学习》,\u2026");
}

TEST_CASE("sample: deleting one English line gives one missing-original; rerun agrees") {
  const std::string text = read_sample();
  CheckOptions options;
  options.content_checks = false;
  const auto base = Analysis::run(text, options);
  // Delete line 125 (0-based 124), the English of pair 61. (Not every line
  // works: where the lone Chinese line and the next one together have about
  // the length of the next English line, a split line is as likely, and the
  // pairing says so.)
  const LineIndex index(text);
  std::string edited = text;
  edited.erase(index.line_start(124), index.line_start(125) - index.line_start(124));
  const auto full = Analysis::run(edited, options);
  const auto incremental = Analysis::rerun(*base, edited, {{124, 1, 0}}, options);
  REQUIRE(full->findings().size() == 1);
  CHECK(full->findings()[0].code == "missing-original");
  CHECK(full->findings()[0].pair == 60);
  CHECK(full->findings()[0].message ==
        "Chinese line has no English original after it (pair 61; previous original on line 123)");
  REQUIRE(incremental->findings().size() == 1);
  CHECK(incremental->findings()[0].message == full->findings()[0].message);
  CHECK(incremental->transcript().pairs.size() == 117);
  for (std::uint32_t i = 61; i < 117; ++i) {
    CHECK(full->transcript().pairs[i].translation == std::vector<std::uint32_t>{2 + 2 * i});
    CHECK(full->transcript().pairs[i].original == std::vector<std::uint32_t>{3 + 2 * i});
  }
}

namespace {

// The sample with the two lines of every pair swapped: English first, Chinese
// second; header and footer as they are. Built from the sample's own pairing.
std::string swapped_sample(const std::string& text) {
  const LineIndex index(text);
  const Transcript transcript = parse_transcript(index, CheckOptions{});
  std::vector<std::string> lines;
  for (std::size_t line = 0; line < index.line_count(); ++line) lines.emplace_back(index.line_text(line));
  for (const Pair& pair : transcript.pairs) {
    REQUIRE(pair.translation.size() == 1);
    REQUIRE(pair.original.size() == 1);
    std::swap(lines[pair.translation.front()], lines[pair.original.front()]);
  }
  std::string swapped;
  for (std::size_t line = 0; line < lines.size(); ++line) {
    if (line > 0) swapped += '\n';
    swapped += lines[line];
  }
  return swapped;
}

// (pair, code, severity) of every finding, sorted.
std::multiset<std::tuple<std::int32_t, std::string, int>> findings_by_pair(const Analysis& analysis) {
  std::multiset<std::tuple<std::int32_t, std::string, int>> out;
  for (const Finding& finding : analysis.findings())
    out.emplace(finding.pair, finding.code, static_cast<int>(finding.severity));
  return out;
}

}  // namespace

TEST_CASE("sample with every pair's lines swapped: Chinese stays the translation, same findings pair for pair") {
  const std::string text = read_sample();
  const std::string swapped = swapped_sample(text);
  REQUIRE(swapped != text);
  REQUIRE(swapped.size() == text.size());
  const auto original = Analysis::run(text, CheckOptions{});
  const auto analysis = Analysis::run(swapped, CheckOptions{});

  const Transcript& transcript = analysis->transcript();
  CHECK(transcript.order == LineOrder::OriginalFirst);
  CHECK(transcript.translation_script == Script::Han);
  CHECK(transcript.original_script == Script::Latin);
  CHECK(transcript.front_matter == std::vector<std::uint32_t>{0, 1, 2});
  CHECK(transcript.back_matter == std::vector<std::uint32_t>{237, 238});
  REQUIRE(transcript.pairs.size() == 117);
  for (std::uint32_t i = 0; i < 117; ++i) {
    CAPTURE(i);
    CHECK(transcript.pairs[i].original == std::vector<std::uint32_t>{3 + 2 * i});
    CHECK(transcript.pairs[i].translation == std::vector<std::uint32_t>{4 + 2 * i});
  }
  const auto expected = findings_by_pair(*original);
  CHECK(expected.size() > 10);  // the sample has content findings to compare
  CHECK(findings_by_pair(*analysis) == expected);
  CHECK(analysis->pair_scores() == original->pair_scores());
}

TEST_CASE("sample swapped: forcing English to be the translation gives other findings (the test can fail)") {
  CheckOptions options;
  options.translation_language = "en";
  const auto analysis = Analysis::run(swapped_sample(read_sample()), options);
  CHECK(analysis->transcript().translation_script == Script::Latin);
  CHECK(analysis->transcript().order == LineOrder::TranslationFirst);
  CHECK(findings_by_pair(*analysis) != findings_by_pair(*Analysis::run(read_sample(), CheckOptions{})));
}
