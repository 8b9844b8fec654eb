#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bitext/position_cursor.hpp"
#include "bitext/text.hpp"

using bitext::CommonEnds;
using bitext::LineIndex;
using bitext::Position;
using bitext::PositionCursor;
using bitext::PositionEncoding;
using bitext::Range;

TEST_CASE("decode_utf8 decodes every sequence of up to three bytes as decode_utf8_sequence does") {
  // decode_utf8 decodes most three-byte sequences itself: every lead byte,
  // every second and third byte, whole and cut short.
  const auto same = [](const std::string& text) {
    const bitext::DecodedCodePoint inline_form = bitext::decode_utf8(text, 0);
    const bitext::DecodedCodePoint outlined = bitext::decode_utf8_sequence(text, 0);
    return inline_form.code_point == outlined.code_point && inline_form.length == outlined.length &&
           inline_form.valid == outlined.valid;
  };
  std::size_t differing = 0;
  for (int lead = 0x80; lead <= 0xFF; ++lead) {
    for (int second = 0; second <= 0xFF; ++second) {
      const std::string two{char(lead), char(second)};
      differing += same(std::string(1, char(lead))) && same(two) ? 0 : 1;
      for (int third = 0; third <= 0xFF; ++third) differing += same(two + char(third)) ? 0 : 1;
    }
  }
  CHECK(differing == 0);
  CHECK(bitext::decode_utf8("中", 0).code_point == U'中');
  CHECK(bitext::decode_utf8("\xED\xA0\x80", 0).valid == false);  // a surrogate
}

TEST_CASE("decode_utf8 accepts every valid length") {
  const std::string text = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\xA4\x97";  // a é 中 🤗
  CHECK(bitext::decode_utf8(text, 0).code_point == U'a');
  CHECK(bitext::decode_utf8(text, 1).code_point == 0xE9);
  CHECK(bitext::decode_utf8(text, 1).length == 2);
  CHECK(bitext::decode_utf8(text, 3).code_point == 0x4E2D);
  CHECK(bitext::decode_utf8(text, 3).length == 3);
  CHECK(bitext::decode_utf8(text, 6).code_point == 0x1F917);
  CHECK(bitext::decode_utf8(text, 6).length == 4);
  CHECK(bitext::decode_utf8(text, 6).valid);
  CHECK(bitext::decode_utf8(text, 10).length == 0);
}

TEST_CASE("decode_utf8 rejects invalid sequences and always advances") {
  SUBCASE("stray continuation byte") {
    const auto d = bitext::decode_utf8("\x80", 0);
    CHECK_FALSE(d.valid);
    CHECK(d.length == 1);
    CHECK(d.code_point == 0xFFFD);
  }
  SUBCASE("overlong form") { CHECK_FALSE(bitext::decode_utf8("\xC0\xAF", 0).valid); }
  SUBCASE("surrogate") {
    const auto d = bitext::decode_utf8("\xED\xA0\x80", 0);
    CHECK_FALSE(d.valid);
    CHECK(d.length == 1);
  }
  SUBCASE("above U+10FFFF") { CHECK_FALSE(bitext::decode_utf8("\xF4\x90\x80\x80", 0).valid); }
  SUBCASE("truncated at the end consumes the valid prefix") {
    const auto d = bitext::decode_utf8("\xE4\xB8", 0);
    CHECK_FALSE(d.valid);
    CHECK(d.length == 2);
  }
  SUBCASE("bad continuation stops before it") {
    const auto d = bitext::decode_utf8("\xE4" "A", 0);
    CHECK_FALSE(d.valid);
    CHECK(d.length == 1);
  }
}

TEST_CASE("first_invalid_utf8 reports the byte offset") {
  CHECK_FALSE(bitext::first_invalid_utf8("plain ascii text that is long enough").has_value());
  CHECK_FALSE(bitext::first_invalid_utf8("中文🤗 and more ascii after it").has_value());
  CHECK(bitext::first_invalid_utf8("abcdefghij\xFFxyz") == 10u);
  CHECK(bitext::first_invalid_utf8("\xE4\xB8\xAD\xE4\xB8") == 3u);
  CHECK(bitext::first_invalid_utf8("") == std::nullopt);
}

TEST_CASE("code_units counts per encoding") {
  const std::string text = "a\xF0\x90\x90\x80" "b";  // a𐐀b
  CHECK(bitext::code_units(text, PositionEncoding::Utf8) == 6);
  CHECK(bitext::code_units(text, PositionEncoding::Utf16) == 4);
  CHECK(bitext::code_units(text, PositionEncoding::Utf32) == 3);
  CHECK(bitext::code_units("ab\xFF" "cd", PositionEncoding::Utf16) == 5);
}

TEST_CASE("line index splits on LF, CRLF and lone CR") {
  SUBCASE("empty text has one empty line") {
    LineIndex index("");
    CHECK(index.line_count() == 1);
    CHECK(index.line_text(0) == "");
  }
  SUBCASE("trailing newline makes an empty last line") {
    LineIndex index("a\n");
    CHECK(index.line_count() == 2);
    CHECK(index.line_text(0) == "a");
    CHECK(index.line_text(1) == "");
    CHECK(index.line_start(1) == 2);
  }
  SUBCASE("CRLF") {
    LineIndex index("ab\r\ncd");
    CHECK(index.line_count() == 2);
    CHECK(index.line_end(0) == 2);
    CHECK(index.line_start(1) == 4);
    CHECK(index.line_text(1) == "cd");
    CHECK(index.line_of(3) == 0);
    CHECK(index.line_of(4) == 1);
  }
  SUBCASE("lone CR and mixed ends") {
    LineIndex index("ab\rcd\nef\r\n");
    CHECK(index.line_count() == 4);
    CHECK(index.line_text(0) == "ab");
    CHECK(index.line_text(1) == "cd");
    CHECK(index.line_text(2) == "ef");
    CHECK(index.line_start(3) == 10);
    CHECK(index.line_text(3) == "");
  }
  SUBCASE("CR CR is two line ends") {
    LineIndex index("a\r\rb");
    CHECK(index.line_count() == 3);
    CHECK(index.line_text(1) == "");
    CHECK(index.line_text(2) == "b");
  }
}

TEST_CASE("positions outside the BMP: a𐐀b has b at UTF-16 column 3") {
  const std::string text = "a\xF0\x90\x90\x80" "b";
  LineIndex index(text);
  CHECK(index.position_of(5, PositionEncoding::Utf16) == Position{0, 3});
  CHECK(index.position_of(5, PositionEncoding::Utf8) == Position{0, 5});
  CHECK(index.position_of(5, PositionEncoding::Utf32) == Position{0, 2});
  CHECK(index.offset_of({0, 3}, PositionEncoding::Utf16) == 5);
  CHECK(index.offset_of({0, 2}, PositionEncoding::Utf32) == 5);
  // Column inside the surrogate pair snaps back to the start of the code point.
  CHECK(index.offset_of({0, 2}, PositionEncoding::Utf16) == 1);
  // Byte offset inside the 4-byte sequence snaps back too.
  CHECK(index.position_of(3, PositionEncoding::Utf16) == Position{0, 1});
  CHECK(index.offset_of({0, 3}, PositionEncoding::Utf8) == 1);
}

TEST_CASE("a PositionCursor gives position_of of every offset, in any order") {
  // Multi-byte, 4-byte, invalid and truncated sequences, CRLF, CR and empty lines:
  // valid lines are counted eight bytes at a time, those past the first invalid byte decoded.
  const std::string text = "\xE4\xB8\xAD a\xF0\x9F\xA4\x97 long ASCII run \xE4\xB8\xAD\xE6\x96\x87\r\n\r\n"
                           "e\xCC\x81y\xF0\x9F\xA4\x97\xF0\x9F\xA4\x97\xF0\x9F\xA4\x97x\xFF\xE4\xB8x\ry\nz\xF0\x90";
  const LineIndex index(text);
  const std::size_t first_invalid = bitext::first_invalid_utf8(text).value();
  for (const PositionEncoding encoding : {PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32}) {
    PositionCursor cursor(index, encoding, first_invalid);
    std::vector<std::size_t> offsets;
    for (std::size_t offset = 0; offset <= text.size() + 1; ++offset) offsets.push_back(offset);
    for (std::size_t offset = text.size() + 2; offset-- > 0;) offsets.push_back(offset);
    for (std::size_t i = 0; i < 3 * text.size(); ++i) offsets.push_back((i * 37) % (text.size() + 2));
    for (const std::size_t offset : offsets) {
      CAPTURE(offset);
      CHECK(cursor.at(offset) == index.position_of(offset, encoding));
    }
  }
  // By hand: the line of "e\xCC\x81y" starts at byte 35; its 'y' is column 2 in UTF-16, 3 in UTF-8.
  const std::size_t y = text.find('y');
  PositionCursor utf16(index, PositionEncoding::Utf16, first_invalid);
  CHECK(utf16.range(y, y + 1) == Range{Position{2, 2}, Position{2, 3}});
  PositionCursor utf8(index, PositionEncoding::Utf8, first_invalid);
  CHECK(utf8.at(y) == Position{2, 3});
}

TEST_CASE("positions on CJK, emoji and combining marks across lines") {
  // line 0: 中文🤗x   line 1: e + U+0301 + y
  const std::string text = "\xE4\xB8\xAD\xE6\x96\x87\xF0\x9F\xA4\x97x\r\ne\xCC\x81y";
  LineIndex index(text);
  REQUIRE(index.line_count() == 2);
  const std::size_t x = 10;
  CHECK(text[x] == 'x');
  CHECK(index.position_of(x, PositionEncoding::Utf16) == Position{0, 4});
  CHECK(index.position_of(x, PositionEncoding::Utf8) == Position{0, 10});
  CHECK(index.position_of(x, PositionEncoding::Utf32) == Position{0, 3});
  CHECK(index.offset_of({0, 4}, PositionEncoding::Utf16) == x);
  const std::size_t y = 16;
  CHECK(text[y] == 'y');
  CHECK(index.position_of(y, PositionEncoding::Utf16) == Position{1, 2});
  CHECK(index.offset_of({1, 2}, PositionEncoding::Utf16) == y);
  // UTF-8 column 2 is byte 15, inside U+0301 (bytes 14-15): snaps back to 14.
  CHECK(index.offset_of({1, 2}, PositionEncoding::Utf8) == 14);
  CHECK(index.offset_of({1, 3}, PositionEncoding::Utf8) == y);
}

TEST_CASE("clamping") {
  const std::string text = "ab\r\ncd";
  LineIndex index(text);
  CHECK(index.offset_of({0, 99}, PositionEncoding::Utf16) == 2);  // end of line, not into CRLF
  CHECK(index.offset_of({7, 0}, PositionEncoding::Utf16) == text.size());
  CHECK(index.position_of(3, PositionEncoding::Utf16) == Position{0, 2});  // inside CRLF
  CHECK(index.position_of(999, PositionEncoding::Utf16) == Position{1, 2});
  CHECK(index.line_of(999) == 1);
}

TEST_CASE("invalid bytes count as one unit each and never stall") {
  const std::string text = "ab\xFF" "cd\n\xE4\xB8";
  LineIndex index(text);
  CHECK(index.position_of(4, PositionEncoding::Utf16) == Position{0, 4});
  CHECK(index.offset_of({0, 3}, PositionEncoding::Utf16) == 3);
  CHECK(index.position_of(text.size(), PositionEncoding::Utf16) == Position{1, 1});
  CHECK(index.offset_of({1, 5}, PositionEncoding::Utf16) == text.size());
}

TEST_CASE("decode_code_points tiles the text, invalid bytes as U+FFFD") {
  const std::string text = "a\xE4\xB8\xAD\xFF\xF0\x9F\xA4\x97";  // a 中 <invalid> 🤗
  const auto spans = bitext::decode_code_points(text);
  REQUIRE(spans.size() == 4);
  CHECK(spans[0].c == U'a');
  CHECK(spans[1].c == 0x4E2D);
  CHECK(spans[1].begin == 1);
  CHECK(spans[1].end == 4);
  CHECK(spans[2].c == 0xFFFD);
  CHECK(spans[2].begin == 4);
  CHECK(spans[2].end == 5);
  CHECK(spans[3].c == 0x1F917);
  CHECK(spans[3].end == text.size());
  CHECK(bitext::decode_code_points("").empty());
}

TEST_CASE("an index made from the previous version's equals one made from scratch") {
  // Random edits of random lines (line ends "\n", some "\r"), at the ends of
  // the text too; each new index is made from the one before, itself made so.
  std::uint32_t seed = 12345;
  auto next = [&](std::uint32_t bound) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % bound;
  };
  auto piece = [&](std::size_t length, bool carriage_returns) {
    static const char* const kinds[] = {"a", "\n", "\xE4\xB8\xAD", " ", "\n\n", "\r"};
    std::string out;
    for (std::size_t i = 0; i < length; ++i) out += kinds[next(carriage_returns ? 6 : 5)];
    return out;
  };
  for (int document = 0; document < 40; ++document) {
    // Each version on the heap, so that an index's view of it survives the loop.
    auto text = std::make_shared<const std::string>(piece(next(60), document % 8 == 7));
    LineIndex index(*text);
    for (int edit = 0; edit < 30; ++edit) {
      std::string edited = *text;
      const std::size_t begin = next(static_cast<std::uint32_t>(edited.size() + 1));
      const std::size_t length = next(static_cast<std::uint32_t>(edited.size() - begin + 1)) % 6;
      edited.replace(begin, length, piece(next(4), edit % 10 == 9));
      auto version = std::make_shared<const std::string>(std::move(edited));
      LineIndex made(*version, index, bitext::common_ends(*text, *version));
      const LineIndex fresh(*version);
      INFO("document ", document, " edit ", edit);
      REQUIRE(made.line_count() == fresh.line_count());
      for (std::size_t line = 0; line < fresh.line_count(); ++line) {
        CHECK(made.line_start(line) == fresh.line_start(line));
        CHECK(made.line_end(line) == fresh.line_end(line));
      }
      CHECK(made == fresh);
      text = std::move(version);
      index = std::move(made);
    }
  }
}

TEST_CASE("common_ends told known shared ends gives the full comparison's result") {
  // Texts around the ambiguous cases: a repeated byte at the edit, an edit
  // that replaces bytes by the same bytes, texts of different sizes, and
  // blocks of more than a page (the comparison's memcmp step).
  const std::string page(5000, 'x');
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"aaaa", "aaaaa"}, {"abcabc", "abcXabc"}, {"same", "same"}, {"", "new"}, {"abab", "ab"},
      {page + "a" + page, page + page}, {page + "12" + page, page + "21" + page}, {"a\nb\n", "a\nb\nb\n"}};
  for (const auto& texts : cases) {
    // Named references, not a structured binding: clang 14 cannot capture a
    // binding in CAPTURE's lambda.
    const std::string& old_text = texts.first;
    const std::string& text = texts.second;
    const CommonEnds compared = bitext::common_ends(old_text, text);
    // Every true pair of bounds: any prefix up to the common one, any suffix
    // up to the longest common end (which may overlap the prefix).
    std::size_t longest_suffix = 0;
    while (longest_suffix < std::min(old_text.size(), text.size()) &&
           old_text[old_text.size() - 1 - longest_suffix] == text[text.size() - 1 - longest_suffix])
      ++longest_suffix;
    for (std::size_t prefix = 0; prefix <= compared.prefix; prefix += (prefix < 10 || compared.prefix - prefix < 10) ? 1 : 997) {
      for (std::size_t suffix = 0; suffix <= longest_suffix; suffix += (suffix < 10 || longest_suffix - suffix < 10) ? 1 : 997) {
        CAPTURE(old_text.size());
        CAPTURE(prefix);
        CAPTURE(suffix);
        CommonEnds known;
        known.prefix = prefix;
        known.suffix = suffix;
        const CommonEnds ends = bitext::common_ends(old_text, text, known);
        CHECK(ends.prefix == compared.prefix);
        CHECK(ends.suffix == compared.suffix);
        CHECK(ends.old_size == compared.old_size);
        CHECK(ends.new_size == compared.new_size);
      }
    }
  }
}
