// `bitext outline`: the structure of a transcript, exactly as printed.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "cli/bitext_process.hpp"

using bitext::test::fixture;
using bitext::test::run_bitext;
using bitext::test::split_lines;
using bitext::test::TempDir;

namespace {

// An outline with the line previews cut off (they come from the core's
// preview()): headings whole, each row as its line number and role.
std::vector<std::string> outline_skeleton(const std::string& out) {
  static const std::regex row(R"(^  [ \d]+  (translation  |original     )?)");
  std::vector<std::string> skeleton;
  for (const std::string& line : split_lines(out)) {
    std::smatch match;
    if (line.rfind("  ", 0) == 0 && std::regex_search(line, match, row) &&
        (line.size() < 9 || line.compare(line.size() - 9, 9, "(missing)") != 0)) {
      std::string kept = match[0].str();
      kept.erase(kept.find_last_not_of(' ') + 1);
      skeleton.push_back(kept);
    } else {
      skeleton.push_back(line);
    }
  }
  return skeleton;
}

}  // namespace

TEST_CASE("outline of a small transcript: every pair with its line numbers, roles and lines") {
  const TempDir dir;
  dir.write("talk.txt", fixture("clean.zh-en.txt"));
  const auto result = run_bitext({"outline", "talk.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  CHECK(result.out ==
        "talk.txt: 4 pairs, translation (han) first, original (latin) second\n"
        "\n"
        "pair 1 (lines 1-2)\n"
        "  1  translation  今天我们聊聊开源模型。\n"
        "  2  original     Today we talk about open models.\n"
        "pair 2 (lines 3-4)\n"
        "  3  translation  这个社区增长得非常快。\n"
        "  4  original     This community is growing very fast.\n"
        "pair 3 (lines 5-6)\n"
        "  5  translation  大模型就像一级方程式赛车。\n"
        "  6  original     Big models are like Formula One cars.\n"
        "pair 4 (lines 7-8)\n"
        "  7  translation  谢谢大家收听。\n"
        "  8  original     Thanks everyone for listening.\n");
}

TEST_CASE("--order original-first makes the first line of each pair the original") {
  const TempDir dir;
  dir.write("talk.txt", fixture("clean.zh-en.txt"));
  const auto result = run_bitext({"outline", "--order", "original-first", "talk.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 0);
  const auto lines = split_lines(result.out);
  REQUIRE(lines.size() == 14);
  CHECK(lines[0] == "talk.txt: 4 pairs, original (han) first, translation (latin) second");
  CHECK(lines[3] == "  1  original     今天我们聊聊开源模型。");
  CHECK(lines[4] == "  2  translation  Today we talk about open models.");
}

TEST_CASE("a missing side is shown where it belongs") {
  const TempDir dir;
  dir.write("gap.txt", fixture("missing-original.zh-en.txt"));
  const auto result = run_bitext({"outline", "gap.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 0);
  CHECK(result.out ==
        "gap.txt: 4 pairs, translation (han) first, original (latin) second\n"
        "\n"
        "pair 1 (lines 1-2)\n"
        "  1  translation  今天我们聊聊开源模型。\n"
        "  2  original     Today we talk about open models.\n"
        "pair 2 (lines 3-4)\n"
        "  3  translation  这个社区增长得非常快。\n"
        "  4  original     This community is growing very fast.\n"
        "pair 3 (line 5)\n"
        "  5  translation  🤗🤗大模型就像赛车。\n"
        "     original     (missing)\n"
        "pair 4 (lines 6-7)\n"
        "  6  translation  谢谢大家收听。\n"
        "  7  original     Thanks everyone for listening.\n");
}

TEST_CASE("outline of the example with errors: header, split, swapped, doubled and missing lines, footer") {
  const auto result = run_bitext({"outline", "examples/with-errors.zh-en.txt"});
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  const std::vector<std::string> expected = {
      "examples/with-errors.zh-en.txt: 12 pairs, translation (han) first, original (latin) second",
      "",
      "front matter (lines 1-3)",
      "   1",
      "   2",
      "   3",
      "",
      "pair 1 (lines 4-5), speaker: Jacob Efron (inferred)",
      "   4  translation",
      "   5  original",
      "pair 2 (line 6), speaker: Jacob Efron (inferred)",
      "   6  translation",
      "      original     (missing)",
      "pair 3 (lines 7-8), speaker: Jacob Efron (inferred)",
      "   7  translation",
      "   8  original",
      "pair 4 (lines 9-11), speaker: Jacob Efron (inferred)",
      "   9  translation",
      "  10  original",
      "  11  original",
      "pair 5 (lines 12-13), speaker: Clem (inferred)",
      "  12  original",
      "  13  translation",
      "pair 6 (lines 14-15), speaker: Jacob Efron (inferred)",
      "  14  translation",
      "  15  original",
      "pair 7 (lines 16-18), speaker: Clem (inferred)",
      "  16  translation",
      "  17  translation",
      "  18  original",
      "pair 8 (lines 19-20), speaker: Clem (inferred)",
      "  19  translation",
      "  20  original",
      "pair 9 (lines 21-23), speaker: Clem (inferred)",
      "  21  translation",
      "  23  original",
      "pair 10 (line 24), speaker: Clem (inferred)",
      "      translation  (missing)",
      "  24  original",
      "pair 11 (lines 25-26), speaker: Clem (inferred)",
      "  25  translation",
      "  26  original",
      "pair 12 (lines 27-28), speaker: Clem (inferred)",
      "  27  translation",
      "  28  original",
      "",
      "back matter (lines 29-30)",
      "  29",
      "  30",
  };
  CHECK(outline_skeleton(result.out) == expected);
}

TEST_CASE("outline of the sample: 3 header lines, 117 pairs, 2 footer lines") {
  const auto result = run_bitext({"outline", "examples/unsupervised-learning-ep1.zh-en.txt"});
  CHECK(result.status == 0);
  const auto lines = split_lines(result.out);
  REQUIRE(lines.size() == 3 + 2 + 117 * 3 + 2 + 4);  // rows, headings, pairs, blank lines, title
  CHECK(lines[0] ==
        "examples/unsupervised-learning-ep1.zh-en.txt: 117 pairs, translation (han) first, original (latin) second");
  CHECK(lines[2] == "front matter (lines 1-3)");
  CHECK(lines[3] == "    1  本集简介");  // short lines are shown whole
  CHECK(lines[4] == "    2  双语字幕");
  // No labels: each pair names its inferred speaker.
  CHECK(lines[7] == "pair 1 (lines 4-5), speaker: Jacob Efron (inferred)");
  CHECK(lines[7 + 116 * 3] == "pair 117 (lines 236-237), speaker: Clem (inferred)");
  CHECK(lines[lines.size() - 3] == "back matter (lines 238-239)");
  CHECK(lines[lines.size() - 2] == "  238  关于 Bayt 播客");
  std::size_t pairs = 0;
  for (const std::string& line : lines) pairs += line.rfind("pair ", 0) == 0 ? 1 : 0;
  CHECK(pairs == 117);
}

namespace {

// The clean fixture with each pair's lines swapped: English first.
std::string english_first() {
  const std::vector<std::string> lines = split_lines(fixture("clean.zh-en.txt"));
  std::string text;
  for (std::size_t i = 0; i + 1 < lines.size(); i += 2) text += lines[i + 1] + "\n" + lines[i] + "\n";
  return text;
}

}  // namespace

TEST_CASE("roles by language: English first, Chinese is still the translation; --translation-language overrides") {
  const TempDir dir;
  dir.write("talk.txt", english_first());
  dir.write("talk.en-zh.txt", english_first());
  const auto automatic = run_bitext({"outline", "talk.txt"}, std::nullopt, dir.path());
  CHECK(automatic.status == 0);
  auto lines = split_lines(automatic.out);
  REQUIRE(lines.size() == 14);
  CHECK(lines[0] == "talk.txt: 4 pairs, original (latin) first, translation (han) second");
  CHECK(lines[3] == "  1  original     Today we talk about open models.");
  CHECK(lines[4] == "  2  translation  今天我们聊聊开源模型。");

  const auto forced = run_bitext({"outline", "--translation-language=en", "talk.txt"}, std::nullopt, dir.path());
  CHECK(forced.status == 0);
  lines = split_lines(forced.out);
  REQUIRE(lines.size() == 14);
  CHECK(lines[0] == "talk.txt: 4 pairs, translation (latin) first, original (han) second");

  // The file name's first language tag names the translation.
  const auto named = run_bitext({"outline", "talk.en-zh.txt"}, std::nullopt, dir.path());
  CHECK(named.status == 0);
  CHECK(split_lines(named.out).at(0) == "talk.en-zh.txt: 4 pairs, translation (latin) first, original (han) second");
  const auto overridden =
      run_bitext({"outline", "--translation-language", "zh", "talk.en-zh.txt"}, std::nullopt, dir.path());
  CHECK(split_lines(overridden.out).at(0) ==
        "talk.en-zh.txt: 4 pairs, original (latin) first, translation (han) second");
}

TEST_CASE("--translation-language needs auto or a known language tag") {
  const TempDir dir;
  dir.write("talk.txt", fixture("clean.zh-en.txt"));
  for (const char* command : {"outline", "check"}) {
    CAPTURE(command);
    const auto result = run_bitext({command, "--translation-language", "klingon", "talk.txt"}, std::nullopt, dir.path());
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find("--translation-language needs 'auto' or a language tag") != std::string::npos);
    const auto missing = run_bitext({command, "talk.txt", "--translation-language"}, std::nullopt, dir.path());
    CHECK(missing.status == 2);
  }
}

TEST_CASE("Markdown notes whose order changes per pair: the outline says how often each side comes first") {
  const auto result = run_bitext({"outline", "tests/fixtures/layouts/mixed-order.md"});
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  const auto lines = split_lines(result.out);
  REQUIRE(!lines.empty());
  CHECK(lines[0] ==
        "tests/fixtures/layouts/mixed-order.md: 8 pairs, translation (han) first in 4 pairs, original (latin) first in "
        "4; layout: markdown, 4 chapters");
}
