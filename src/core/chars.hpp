// Character classes, in one place: whitespace, closing and opening marks,
// sentence ends and CJK text, from ICU's Unicode properties where Unicode has
// one, so that every stage draws the same lines between classes.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace bitext::chars {

// ASCII digits and letters only (full-width forms are fold_width's business).
inline bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool is_ascii_lower(char32_t c) { return c >= U'a' && c <= U'z'; }
inline bool is_ascii_upper(char32_t c) { return c >= U'A' && c <= U'Z'; }
inline bool is_ascii_letter(char32_t c) { return is_ascii_lower(c) || is_ascii_upper(c); }
inline bool is_ascii_alnum(char32_t c) { return is_ascii_digit(c) || is_ascii_letter(c); }
// Whether text[at] is an ASCII digit (letter); false past the end.
inline bool ascii_digit_at(std::string_view text, std::size_t at) {
  return at < text.size() && is_ascii_digit(static_cast<unsigned char>(text[at]));
}
inline bool ascii_letter_at(std::string_view text, std::size_t at) {
  return at < text.size() && is_ascii_letter(static_cast<unsigned char>(text[at]));
}

// The same two classes of a byte by table, for the scans that test every
// byte of a line several times (tokens, numbered tokens): 1 a letter, 2 a
// digit, 0 anything else (every byte from 0x80 on).
enum AsciiClass : unsigned char { kNotAlnum = 0, kAsciiLetter = 1, kAsciiDigit = 2 };
inline constexpr std::array<unsigned char, 256> kAsciiClassOfByte = [] {
  std::array<unsigned char, 256> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[std::size_t(c)] = kAsciiLetter;
  for (int c = 'A'; c <= 'Z'; ++c) classes[std::size_t(c)] = kAsciiLetter;
  for (int c = '0'; c <= '9'; ++c) classes[std::size_t(c)] = kAsciiDigit;
  return classes;
}();
inline unsigned char ascii_class(unsigned char byte) { return kAsciiClassOfByte[byte]; }

// Unicode White_Space: the ASCII blanks, NEL, no-break space, the spaces
// U+2000–U+200A (thin, hair, en, em ...), line and paragraph separators,
// narrow no-break, medium mathematical and ideographic space.
// (ASCII inline: every scanner asks this of every code point.)
bool is_non_ascii_white_space(char32_t c);
inline bool is_white_space(char32_t c) {
  if (c < 0x80) return c == U' ' || (c >= U'\t' && c <= U'\r');
  if (c > 0x3000) return false;  // none above the ideographic space: CJK text never asks ICU
  return is_non_ascii_white_space(c);
}

// Whether the Sentence_Break class (UAX #29) of `c` is one ICU's sentence
// rules may break after: ATerm, STerm, Sep, CR or LF. (ASCII and the CJK
// Unified Ideographs, all OLetter, inline: asked of a line's code points up
// to its first terminator.)
bool non_ascii_may_end_sentence(char32_t c);
inline bool may_end_sentence(char32_t c) {
  if (c < 0x80) return c == U'.' || c == U'!' || c == U'?' || c == U'\n' || c == U'\r';
  if (c >= 0x4E00 && c <= 0x9FFF) return false;
  return non_ascii_may_end_sentence(c);
}

// Invisible characters that are not White_Space in Unicode but separate or
// show nothing: zero-width space U+200B, word joiner U+2060 and the byte
// order mark / zero-width no-break space U+FEFF. Editors and exports leave
// them at line ends and on otherwise empty lines, so trimming removes them
// and a line of only these is blank; they are not word separators. (Zero-
// width joiner and non-joiner are not among them: they shape emoji and
// scripts and belong to the text.)
bool is_zero_width(char32_t c);

// What trimming removes: is_white_space or is_zero_width.
inline bool is_blank(char32_t c) { return is_white_space(c) || c == 0x200B || c == 0x2060 || c == 0xFEFF; }

// Closing brackets and quotes: General_Category Pe (close punctuation: ) ］
// 」 』 】 》 ...) and Pf (final quotes: ” ’ »), plus the straight quotes " and
// ', which close as often as they open.
bool is_non_ascii_closing_mark(char32_t c);
inline bool is_closing_mark(char32_t c) {
  if (c < 0x80) return c == U'"' || c == U'\'' || c == U')' || c == U']' || c == U'}';  // Pe in ASCII: ) ] }
  return is_non_ascii_closing_mark(c);
}

// Brackets that close an aside, a footnote's mark or a reference (no quotes):
// ) ] and their full-width and lenticular forms; and the ones that open it.
inline bool is_closing_bracket(char32_t c) {
  return c == U')' || c == U']' || c == U'\uFF09' || c == U'\uFF3D' || c == U'\u3011' || c == U'\u3015';
}
inline bool is_opening_bracket(char32_t c) {
  return c == U'(' || c == U'[' || c == U'\uFF08' || c == U'\uFF3B' || c == U'\u3010' || c == U'\u3014';
}

// Opening brackets and quotes: Ps and Pi, plus the straight quotes.
bool is_opening_mark(char32_t c);
// The UTF-8 text after its leading is_opening_mark code points ("“(例如" → "例如").
std::string_view without_opening_marks(std::string_view text);

// Unicode Sentence_Terminal: . ! ? and their full-width, ideographic and
// other scripts' forms (。！？｡．‼ ...). Not the ellipsis, which ends clauses
// as often as sentences: callers that count it say so.
bool is_sentence_end(char32_t c);

// Marks that end a clause but not a sentence: , ; : and the Chinese ，、；：
// (with the half-width ideographic comma ､).
inline bool is_clause_mark(char32_t c) {
  switch (c) {
    case U',': case U';': case U':': case U'，': case U'、': case U'；': case U'：': case U'､':
      return true;
    default:
      return false;
  }
}

// Text that joins without spaces: Han, kana, Hangul and Bopomofo letters,
// the CJK punctuation shared by those scripts (Script_Extensions: 、。「」《》
// 【】...) and full-width forms (，：（）Ａ１, ideographic space).
bool is_cjk(char32_t c);
// Whether any well-formed code point of the UTF-8 text is_cjk.
bool contains_cjk(std::string_view text);
// The byte offset of the text's first well-formed is_cjk code point, or text.size() without one.
std::size_t first_cjk_at(std::string_view text);

// Han ideographs only (no kana, Hangul or punctuation): the unified
// ideographs, extension A, extensions B and beyond (U+20000–U+2EBEF) and the
// compatibility ideographs.
bool is_han(char32_t c);

// Full-width ASCII forms (！ to ～, U+FF01–U+FF5E: Ｆ１ ｘ) folded to ASCII,
// so that digits, letters and keys typed in full width compare equal; other
// characters unchanged.
inline char32_t fold_width(char32_t c) { return (c >= 0xFF01 && c <= 0xFF5E) ? c - 0xFEE0 : c; }

}  // namespace bitext::chars
