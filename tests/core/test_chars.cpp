// Character classes (src/core/chars.hpp): each class on its members, on the
// characters the old per-file sets disagreed about, and on near misses.
#include <doctest/doctest.h>
#include <unicode/uchar.h>

#include <string>

#include "bitext/segmentation.hpp"
#include "bitext/transcript.hpp"
#include "core/chars.hpp"

using namespace bitext;

TEST_CASE("white space is Unicode's White_Space, ASCII blanks included") {
  for (const char32_t c : {U' ', U'\t', U'\n', U'\v', U'\f', U'\r', char32_t(0x85), char32_t(0xA0),
                           char32_t(0x1680), char32_t(0x2000), char32_t(0x2009), char32_t(0x200A),
                           char32_t(0x2028), char32_t(0x2029), char32_t(0x202F), char32_t(0x205F),
                           char32_t(0x3000)}) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(chars::is_white_space(c));
    CHECK(chars::is_blank(c));
    CHECK_FALSE(chars::is_zero_width(c));
  }
  for (const char32_t c : {U'a', U'0', U'_', char32_t(0x1F), char32_t(0x200B), char32_t(0x200C),
                           char32_t(0x200D), char32_t(0x2060), char32_t(0xFEFF), U'。', U'，'}) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK_FALSE(chars::is_white_space(c));
  }
}

TEST_CASE("white space is ICU's White_Space on every code point") {
  std::size_t differing = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c)
    differing += chars::is_white_space(c) == bool(u_isUWhiteSpace(UChar32(c))) ? 0 : 1;
  CHECK(differing == 0);
}

TEST_CASE("zero-width space, word joiner and BOM are blank but not white space; joiners are text") {
  for (const char32_t c : {char32_t(0x200B), char32_t(0x2060), char32_t(0xFEFF)}) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(chars::is_zero_width(c));
    CHECK(chars::is_blank(c));
  }
  CHECK_FALSE(chars::is_blank(0x200C));  // zero-width non-joiner
  CHECK_FALSE(chars::is_blank(0x200D));  // zero-width joiner (emoji sequences)
  CHECK_FALSE(chars::is_blank(U'x'));
}

TEST_CASE("closing marks: close punctuation, final quotes and the straight quotes") {
  for (const char32_t c : {U')', U']', U'}', U'"', U'\'', U'”', U'’', U'»', U'」', U'』', U'）', U'】', U'〕',
                           U'》', U'〉', U'］', U'｝', U'〗'}) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(chars::is_closing_mark(c));
  }
  for (const char32_t c : {U'(', U'[', U'“', U'‘', U'「', U'《', U'【', U'.', U'。', U'a'}) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK_FALSE(chars::is_closing_mark(c));
  }
  for (const char32_t c : {U'(', U'[', U'{', U'“', U'‘', U'«', U'「', U'『', U'（', U'【', U'《', U'"', U'\''}) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(chars::is_opening_mark(c));
  }
  CHECK_FALSE(chars::is_opening_mark(U'”'));
  CHECK_FALSE(chars::is_opening_mark(U'」'));
}

TEST_CASE("sentence ends: Sentence_Terminal, without the ellipsis or clause marks") {
  for (const char32_t c : {U'.', U'!', U'?', U'。', U'！', U'？', U'｡', U'．', U'‼'}) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(chars::is_sentence_end(c));
  }
  for (const char32_t c : {U'…', U',', U'，', U'；', U'：', U'、', U';', U'a', U'”'}) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK_FALSE(chars::is_sentence_end(c));
  }
}

TEST_CASE("CJK: Han, kana, Hangul, Bopomofo, their shared punctuation and full-width forms") {
  for (const char32_t c : {U'中', U'㐀', char32_t(0x20000), U'あ', U'ア', U'ｱ', U'ー', U'한', U'ㄅ', U'々', U'、',
                           U'。', U'「', U'」', U'《', U'【', U'，', U'：', U'（', U'Ａ', U'１', char32_t(0x3000),
                           U'⺀'}) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(chars::is_cjk(c));
  }
  for (const char32_t c : {U'a', U'Z', U'1', U',', U' ', U'é', U'Я', U'…', U'“', U'—', char32_t(0x1F917)}) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK_FALSE(chars::is_cjk(c));
  }
}

// The stages that used their own sets now agree; these are the cases where
// the old sets disagreed.
TEST_CASE("segmentation: any Unicode space around an en dash makes it a clause dash") {
  // En space (U+2002) was not in segmentation's own set, thin space (U+2009) was.
  for (const std::string space : {" ", "\u2009", "\u2002", "\u00A0"}) {
    CAPTURE(space);
    const std::string line = "we tried" + space + "–" + space + "it failed";
    const auto boundaries = find_boundaries(line, Script::Latin);
    REQUIRE(boundaries.size() == 1);
    CHECK(boundaries[0].strength == BoundaryStrength::Clause);
    CHECK(boundaries[0].offset == line.find("it failed"));
  }
  CHECK(find_boundaries("we tried\u200B–\u200Bit failed", Script::Latin).empty());  // zero-width: not a space
}

TEST_CASE("segmentation: every closing bracket stays with the sentence before it") {
  // 〗 (U+3017) was in no set; it is close punctuation (Pe).
  const std::string line = "他说〖好。〗我们走吧。";
  const auto boundaries = find_boundaries(line, Script::Han);
  REQUIRE(boundaries.size() == 1);
  CHECK(boundaries[0].offset == line.find("我们"));
}

TEST_CASE("preview and trimming: zero-width characters and all White_Space are blanks") {
  CHECK(preview("\u200B\uFEFF Hello\u2060 \u0085", 40) == "Hello");
  CHECK(preview("a\u2003\u2003b", 40) == "a b");
}

TEST_CASE("Han: ideographs of every block, not kana, Hangul or CJK punctuation") {
  for (const char32_t c : {U'中', U'\u3400', U'\U00020000', U'\U0002A6D6', U'\uF900'}) CHECK(bitext::chars::is_han(c));
  for (const char32_t c : {U'か', U'カ', U'한', U'。', U'，', U'a', U'\u3000'}) CHECK_FALSE(bitext::chars::is_han(c));
}

TEST_CASE("full-width ASCII forms fold to ASCII; everything else is unchanged") {
  CHECK(bitext::chars::fold_width(U'１') == U'1');
  CHECK(bitext::chars::fold_width(U'Ｆ') == U'F');
  CHECK(bitext::chars::fold_width(U'ｘ') == U'x');
  CHECK(bitext::chars::fold_width(U'！') == U'!');
  CHECK(bitext::chars::fold_width(U'～') == U'~');
  CHECK(bitext::chars::fold_width(U'\uFF5F') == U'\uFF5F');  // full-width white parenthesis: no ASCII form
  CHECK(bitext::chars::fold_width(U'。') == U'。');
  CHECK(bitext::chars::fold_width(U'\u3000') == U'\u3000');  // ideographic space stays (a blank, not a letter)
  CHECK(bitext::chars::fold_width(U'中') == U'中');
}

TEST_CASE("may_end_sentence is ICU's Sentence_Break ATerm, STerm, Sep, CR or LF, on every code point") {
  std::size_t differing = 0, terminators = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    const auto kind = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK);
    const bool expected = kind == U_SB_ATERM || kind == U_SB_STERM || kind == U_SB_SEP || kind == U_SB_CR ||
                          kind == U_SB_LF;
    differing += chars::may_end_sentence(c) != expected ? 1 : 0;
    terminators += expected ? 1 : 0;
  }
  CHECK(differing == 0);
  CHECK(terminators > 100);
  for (const char32_t c : {U'.', U'!', U'?', U'\n', U'\r', U'。', U'！', U'？', char32_t(0x2029), char32_t(0x85)})
    CHECK(chars::may_end_sentence(c));
  for (const char32_t c : {U',', U';', U':', U' ', U'a', U'一', U'龥', U'，', U'…', char32_t(0x0B), char32_t(0x0C)})
    CHECK_FALSE(chars::may_end_sentence(c));
}
