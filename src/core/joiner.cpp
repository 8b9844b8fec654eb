#include "joiner.hpp"

#include <algorithm>

#include <unicode/uchar.h>

#include "bitext/text.hpp"
#include "chars.hpp"

namespace bitext::detail {
namespace {

// A letter, a digit or a CJK character (CJK punctuation included): what
// tells the script of the text at a junction.
bool is_word_character(char32_t c) { return chars::is_cjk(c) || u_isalnum(static_cast<UChar32>(c)); }

}  // namespace

std::string joiner(std::string_view left, std::string_view right) {
  if (left.empty() || right.empty()) return "";
  std::size_t at = code_point_start_before(left, left.size());
  const DecodedCodePoint left_end = decode_utf8(left, at);
  const DecodedCodePoint right_start = decode_utf8(right, 0);
  if (!left_end.valid || !right_start.valid) return "";
  if (chars::is_blank(left_end.code_point) || chars::is_blank(right_start.code_point)) return "";
  // The last word character of the left text and the first of the right one.
  char32_t left_word = left_end.code_point;
  while (!is_word_character(left_word) && at > 0) {
    at = code_point_start_before(left, at);
    left_word = decode_utf8(left, at).code_point;
  }
  char32_t right_word = right_start.code_point;
  for (std::size_t from = 0; !is_word_character(right_word) && from < right.size();) {
    from += std::max<std::size_t>(decode_utf8(right, from).length, 1);
    if (from < right.size()) right_word = decode_utf8(right, from).code_point;
  }
  // Chinese ends its sentences with "。": an ASCII full stop after a Latin
  // word or a number ends a Latin sentence or a section number, and a space
  // follows it before Chinese text too; so does one before a Latin word.
  if (left_end.code_point == U'.' && !(chars::is_cjk(left_word) && chars::is_cjk(right_word))) return " ";
  if (chars::is_cjk(left_word) || chars::is_cjk(right_word)) return "";
  return " ";
}

}  // namespace bitext::detail
