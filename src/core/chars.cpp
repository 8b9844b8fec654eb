#include "chars.hpp"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "bitext/text.hpp"

namespace bitext::chars {

bool is_non_ascii_white_space(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

bool non_ascii_may_end_sentence(char32_t c) {
  switch (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK)) {
    case U_SB_ATERM: case U_SB_STERM: case U_SB_SEP: case U_SB_CR: case U_SB_LF:
      return true;
    default:
      return false;
  }
}

bool is_zero_width(char32_t c) { return c == 0x200B || c == 0x2060 || c == 0xFEFF; }

bool is_non_ascii_closing_mark(char32_t c) {
  const auto type = u_charType(static_cast<UChar32>(c));
  return type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION;
}

bool is_opening_mark(char32_t c) {
  if (c == U'"' || c == U'\'') return true;
  const auto type = u_charType(static_cast<UChar32>(c));
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION;
}

std::string_view without_opening_marks(std::string_view text) {
  while (!text.empty()) {
    const DecodedCodePoint decoded = decode_utf8(text, 0);
    if (!decoded.valid || !is_opening_mark(decoded.code_point)) break;
    text.remove_prefix(decoded.length);
  }
  return text;
}

bool is_sentence_end(char32_t c) {
  if (c < 0x80) return c == U'.' || c == U'!' || c == U'?';
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_S_TERM);
}

bool is_cjk(char32_t c) {
  if (c < 0x1100) return false;                 // nothing CJK before Hangul Jamo
  if (c >= 0x4E00 && c <= 0x9FFF) return true;  // the bulk of Han, without a lookup
  const auto u = static_cast<UChar32>(c);
  static constexpr UScriptCode kScripts[] = {USCRIPT_HAN, USCRIPT_HIRAGANA, USCRIPT_KATAKANA, USCRIPT_HANGUL,
                                             USCRIPT_BOPOMOFO};
  for (const UScriptCode script : kScripts)
    if (uscript_hasScript(u, script)) return true;
  return u_getIntPropertyValue(u, UCHAR_EAST_ASIAN_WIDTH) == U_EA_FULLWIDTH;
}

bool contains_cjk(std::string_view text) { return first_cjk_at(text) < text.size(); }

std::size_t first_cjk_at(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    if (decoded.valid && is_cjk(decoded.code_point)) return at;
    at += std::max<std::size_t>(decoded.length, 1);
  }
  return text.size();
}

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2EBEF) ||
         (c >= 0xF900 && c <= 0xFAFF);
}

}  // namespace bitext::chars
