#include "joiner.hpp"

#include <algorithm>

#include <unicode/uchar.h>

#include "bitext/text.hpp"
#include "chars.hpp"
#include "line_end_marks.hpp"

namespace bitext::detail {
namespace {

// A letter, a digit or a CJK character (CJK punctuation included): what
// tells the script of the text at a junction.
bool is_word_character(char32_t c) { return chars::is_cjk(c) || u_isalnum(static_cast<UChar32>(c)); }

// The sentence end right before a reference mark that opens `right`, when
// `left` ends with one: its code point, else 0.
char32_t stop_before_mark(std::string_view left, std::string_view right) {
  if (left.empty() || footnote_mark_end(right, 0) == 0) return 0;
  const char32_t last = decode_utf8(left, code_point_start_before(left, left.size())).code_point;
  return chars::is_sentence_end(last) ? last : 0;
}

enum class Habit { None, Spaced, Glued, Mixed };

// How a line writes a reference mark after a sentence end of the kind of
// `stop` (ASCII or full-width): with one space, glued, both, or nowhere.
Habit line_habit(std::string_view line, char32_t stop) {
  bool spaced = false, glued = false;
  for (std::size_t at = line.find('['); at != std::string_view::npos; at = line.find('[', at + 1)) {
    if (at == 0 || footnote_mark_end(line, at) == 0) continue;
    const bool space = line[at - 1] == ' ';
    const std::size_t end = space ? at - 1 : at;
    if (end == 0) continue;
    const char32_t before = decode_utf8(line, code_point_start_before(line, end)).code_point;
    if (!chars::is_sentence_end(before) || (before < 0x80) != (stop < 0x80)) continue;
    (space ? spaced : glued) = true;
  }
  return spaced && glued ? Habit::Mixed : spaced ? Habit::Spaced : glued ? Habit::Glued : Habit::None;
}

}  // namespace

std::string joiner_in(std::string_view left, std::string_view right, const LineIndex& lines, std::size_t first,
                      std::size_t last) {
  const char32_t stop = stop_before_mark(left, right);
  if (stop == 0) return joiner(left, right);
  const std::size_t count = lines.line_count();
  auto habit_of = [&](std::size_t line) {
    if (line >= count) return Habit::None;
    const Habit habit = line_habit(lines.line_text(line), stop);
    return habit == Habit::Mixed ? Habit::None : habit;
  };
  for (std::size_t distance = 1; distance <= kMarkHabitReach && (distance <= first || last + distance < count);
       ++distance) {
    const Habit before = distance <= first ? habit_of(first - distance) : Habit::None;
    const Habit after = habit_of(last + distance);
    if (before == Habit::None && after == Habit::None) continue;
    if (before != Habit::None && after != Habit::None && before != after) break;
    return (before == Habit::None ? after : before) == Habit::Spaced ? " " : "";
  }
  return joiner(left, right);
}

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
