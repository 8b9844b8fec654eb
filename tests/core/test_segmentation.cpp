#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bitext/segmentation.hpp"
#include "bitext/text.hpp"

#include "support/random_lines.hpp"
#include "support/text_files.hpp"

using bitext::Boundary;
using bitext::BoundaryStrength;
using bitext::find_boundaries;
using bitext::Script;

namespace {

constexpr auto S = BoundaryStrength::Sentence;
constexpr auto C = BoundaryStrength::Clause;
constexpr auto K = BoundaryStrength::Comma;

// Every boundary splits the line into two parts that join back to it, with no
// whitespace at the start of the right part.
void check_parts(const std::string& line, const std::vector<Boundary>& boundaries) {
  for (const Boundary& b : boundaries) {
    REQUIRE(b.offset > 0);
    REQUIRE(b.offset < line.size());
    CHECK(line.substr(0, b.offset) + line.substr(b.offset) == line);
    CHECK(line[b.offset] != ' ');
  }
}

}  // namespace

TEST_CASE("Chinese sentence ends; the final one is not a boundary") {
  const std::string line = "是的。你可以参加课程。网址是hf.co//course。";
  const auto b = find_boundaries(line, Script::Han);
  CHECK(b == std::vector<Boundary>{{9, S}, {33, S}});
  check_parts(line, b);
}

TEST_CASE("English sentences and commas; whitespace goes to the left part") {
  const std::string line = "Yeah. You can, you can take it. Right? So";
  const auto b = find_boundaries(line, Script::Latin);
  CHECK(b == std::vector<Boundary>{{6, S}, {15, K}, {32, S}, {39, S}});
  check_parts(line, b);
}

TEST_CASE("numbers, times, URLs and abbreviations are not split") {
  CHECK(find_boundaries("Paid $1,000.50 at 12:30 via https://hf.co/x today", Script::Latin).empty());
  CHECK(find_boundaries("Mr. Smith arrived at 3 p.m. today", Script::Latin).empty());
  CHECK(find_boundaries("融资1.6亿美元和1,600万", Script::Han).empty());
}

TEST_CASE("\"OK.\" before a capital ends a sentence (ICU keeps it as an abbreviation)") {
  CHECK(find_boundaries("OK. Go and have your shower.", Script::Latin) == std::vector<Boundary>{{4, S}});
  CHECK(find_boundaries("Fine, ok.  Then we go.", Script::Latin) == std::vector<Boundary>{{6, K}, {11, S}});
  // Not a word of its own, or not followed by a new sentence: no boundary.
  CHECK(find_boundaries("BOOK. it was fine", Script::Latin).empty());
  CHECK(find_boundaries("It was OK.", Script::Latin).empty());
}

TEST_CASE("closing quotes stay left, opening quotes go right") {
  const std::string line = "他说：“你好。”然后走了";
  const auto b = find_boundaries(line, Script::Han);
  CHECK(b == std::vector<Boundary>{{9, C}, {24, S}});
  check_parts(line, b);
  const std::string en = "He left. \"Really?\" she asked";
  const auto e = find_boundaries(en, Script::Latin);
  CHECK(e == std::vector<Boundary>{{9, S}, {19, S}});
  check_parts(en, e);
}

TEST_CASE("an opening bracket or quote after a sentence end starts the next sentence (ICU's Close class keeps it left)") {
  // maint-guide's footnotes: "…文件。[96]尝试…" has one boundary, before "[", not a second one after it.
  const std::string zh = "比如 1.1-1 和 1.2-1。[96]尝试用像 debuild 这样的工具。";  // "比如 1.1-1 和 1.2-1。" = 25 bytes
  const auto b = find_boundaries(zh, Script::Han);
  CHECK(b == std::vector<Boundary>{{25, S}});
  CHECK(bitext::find_sentence_boundaries(zh, Script::Han) == std::vector<Boundary>{{25, S}});
  const std::string quote = "他走了。“你好”，她说。";  // "他走了。" = 12 bytes
  CHECK(find_boundaries(quote, Script::Han) == std::vector<Boundary>{{12, S}, {27, K}});
  const std::string en = "It works.(See the manual.) Then stop.";  // "It works." = 9 bytes
  const auto e = find_boundaries(en, Script::Latin);
  REQUIRE(!e.empty());
  CHECK(e.front() == Boundary{9, S});
  check_parts(zh, b);
}

TEST_CASE("dashes, ellipses and stacked marks make one boundary") {
  const std::string line = "然后走了——真的……好吧？！是的";
  const auto b = find_boundaries(line, Script::Han);
  CHECK(b == std::vector<Boundary>{{18, C}, {30, C}, {42, S}});
  check_parts(line, b);
  const std::string en = "It was — honestly — fine; really: yes";
  const auto e = find_boundaries(en, Script::Latin);
  CHECK(e == std::vector<Boundary>{{11, C}, {24, C}, {30, C}, {38, C}});
  check_parts(en, e);
}

TEST_CASE("no segment starts with punctuation") {
  const std::string en = "See (\"Why?\"); they agree";
  const auto e = find_boundaries(en, Script::Latin);
  CHECK(e == std::vector<Boundary>{{14, C}});
  check_parts(en, e);
  const std::string zh = "（“是什么？”）；它";  // （“是什么？”） = 24 bytes, ； = 3
  const auto z = find_boundaries(zh, Script::Han);
  CHECK(z == std::vector<Boundary>{{27, C}});
  check_parts(zh, z);
}

TEST_CASE("half-width punctuation in Chinese lines") {
  const std::string line = "是啊,我们从边缘走向主流了.知道吗?对";
  const auto b = find_boundaries(line, Script::Han);
  CHECK(b == std::vector<Boundary>{{7, K}, {38, S}, {48, S}});
  check_parts(line, b);
}

TEST_CASE("emoji, invalid UTF-8, empty and blank lines") {
  CHECK(find_boundaries("\xF0\x9F\xA4\x97好，e", Script::Han) == std::vector<Boundary>{{10, K}});
  const std::string bad = "a\xFF" "b\xE3\x80\x82" "c\xE4\xB8" "d\xE3\x80\x82";  // a?b。c?d。
  CHECK(find_boundaries(bad, Script::Han) == std::vector<Boundary>{{6, S}});
  CHECK(find_boundaries("", Script::Han).empty());
  CHECK(find_boundaries("   ", Script::Latin).empty());
  CHECK(find_boundaries("  A, b  ", Script::Latin) == std::vector<Boundary>{{5, K}});
  CHECK(find_boundaries("A, ", Script::Latin).empty());
  CHECK(find_boundaries("\xE4\xB8", Script::Han).empty());
}

using bitext::test_support::at_code_point_start;
using bitext::test_support::random_line;

TEST_CASE("random lines: boundaries are ordered, interior, on code point starts") {
  for (unsigned seed = 0; seed < 3000; ++seed) {
    const std::string line = random_line(seed);
    CAPTURE(line);
    for (Script script : {Script::Han, Script::Latin}) {
      const auto boundaries = find_boundaries(line, script);
      std::size_t previous = 0;
      for (const Boundary& b : boundaries) {
        REQUIRE(b.offset > previous);
        REQUIRE(b.offset < line.size());
        REQUIRE(at_code_point_start(line, b.offset));
        previous = b.offset;
      }
      check_parts(line, boundaries);
    }
  }
}

namespace {

// The sample's lines, random lines, and lines where ICU's rules are on the
// edge of breaking: terminators followed only by closing marks and spaces,
// a space before a closing mark, a paragraph separator, a combining mark.
std::vector<std::string> sample_random_and_edge_lines() {
  std::vector<std::string> lines =
      bitext::test_support::split_lines(bitext::test_support::read_source_file("examples/unsupervised-learning-ep1.zh-en.txt"));
  for (unsigned seed = 0; seed < 3000; ++seed) lines.push_back(random_line(seed));
  for (const char* edge : {"Fine.", "Fine. ", "Fine.\u201D", "Fine.) ", "Fine. )", "Fine. \"", "Fine?! ", "a. .",
                           "Go.\u2029Now", "Go.\u0301 Now", "Go. Now.", "好。", "好。”", "好。 」", "好！，然后",
                           "3.14 is pi", "U.S. Army", "e.g. this", "OK. Go and have your shower.",
                           "OK. Fine, then; so… yes。好！", "  好。 ，然后。", "Wait. . . no", "A—B. C"})
    lines.emplace_back(edge);
  return lines;
}

}  // namespace

TEST_CASE("find_sentence_boundaries is find_boundaries' Sentence boundaries, on random and sample lines") {
  const std::vector<std::string> lines = sample_random_and_edge_lines();
  std::size_t sentences = 0;
  for (const std::string& line : lines) {
    CAPTURE(line);
    for (Script script : {Script::Han, Script::Latin, Script::Japanese}) {
      std::vector<Boundary> expected = find_boundaries(line, script);
      std::erase_if(expected, [](const Boundary& b) { return b.strength != S; });
      CHECK(bitext::find_sentence_boundaries(line, script) == expected);
      sentences += expected.size();
    }
  }
  CHECK(sentences > 1000);
  // ICU is asked when a terminator has text after it, and only then.
  CHECK(find_boundaries("Fine. )", Script::Latin) == std::vector<Boundary>{});  // ")" stays left
  CHECK(find_boundaries("Go.\u2029Now", Script::Latin) == std::vector<Boundary>{{6, S}});
  CHECK(find_boundaries("I went. Now we go. ", Script::Latin) == std::vector<Boundary>{{8, S}});
}

TEST_CASE("find_boundaries given the line's Sentence boundaries finds what it finds asking ICU, on random and sample lines") {
  std::size_t found = 0, sentences = 0;
  for (const std::string& line : sample_random_and_edge_lines()) {
    CAPTURE(line);
    const std::vector<bitext::CodePointSpan> code_points = bitext::decode_code_points(line);
    for (Script script : {Script::Han, Script::Latin, Script::Japanese}) {
      std::vector<std::uint32_t> offsets;
      for (const Boundary& b : bitext::find_sentence_boundaries(line, script))
        offsets.push_back(static_cast<std::uint32_t>(b.offset));
      const std::vector<Boundary> expected = find_boundaries(line, script);
      CHECK(find_boundaries(line, script, code_points, offsets) == expected);
      found += expected.size();
      sentences += offsets.size();
    }
  }
  CHECK(sentences > 1000);
  CHECK(found > sentences + 1000);  // commas and clauses too
  // A known Sentence boundary outranks a comma found at the same offset.
  const std::string line = "好！，然后";
  const std::vector<std::uint32_t> at_comma_end{9};
  CHECK(find_boundaries(line, Script::Han, bitext::decode_code_points(line), at_comma_end) ==
        std::vector<Boundary>{{9, S}});
  CHECK(find_boundaries(line, Script::Han) == std::vector<Boundary>{{9, S}});
}
