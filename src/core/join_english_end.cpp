// Ends of an English run before a Chinese run (join_english_end.hpp). Why
// these hold on unseen text: a number's inner dot and a heading label's dot
// are read as sentence ends by a bare search for marks, but English ends no
// sentence inside "8.31" or after "Chapter 2"; and English sentences start
// with a capital, so a small-letter term between an English full stop and Han
// text is the Chinese sentence's first word (technical Chinese often opens
// with a command: "dpkg 会…").
#include "join_english_end.hpp"

#include "chars.hpp"
#include "join_entries.hpp"

namespace bitext::detail {

bool inner_number_dot(std::string_view line, std::size_t at) {
  return at > 0 && line[at] == '.' && chars::ascii_digit_at(line, at - 1) && chars::ascii_digit_at(line, at + 1);
}

bool line_label_dot(std::string_view line, std::size_t at) {
  if (at == 0 || line[at] != '.') return false;
  // The label: digits (with inner dots), or one capital letter (an appendix).
  std::size_t begin = at;
  while (begin > 0 &&
         (chars::ascii_digit_at(line, begin - 1) || (line[begin - 1] == '.' && chars::ascii_digit_at(line, begin))))
    --begin;
  if (begin == at) {
    if (!chars::is_ascii_upper(line[at - 1]) || (at >= 2 && chars::ascii_letter_at(line, at - 2))) return false;
    begin = at - 1;
  }
  // Before it, the line's first word alone ("Chapter ", or glued: "Prev6.").
  std::size_t word_end = begin;
  if (word_end > 0 && line[word_end - 1] == ' ') --word_end;
  if (word_end == 0) return false;
  for (std::size_t k = 0; k < word_end; ++k)
    if (!chars::ascii_letter_at(line, k)) return false;
  return true;
}

bool small_term(std::string_view line, std::size_t begin, std::size_t end) {
  while (end > begin && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  if (begin >= end || !chars::is_ascii_lower(line[begin])) return false;
  std::size_t words = 1;
  for (std::size_t k = begin; k < end; ++k) {
    const char c = line[k];
    if (c == ' ') {
      if (line[k - 1] != ' ') ++words;
    } else if (!(chars::is_ascii_lower(c) || chars::ascii_digit_at(line, k) || c == '-' || c == '_' || c == '+')) {
      return false;
    }
  }
  return words <= 3;
}

bool small_term_after(std::string_view line, std::size_t at, std::size_t next, std::size_t end) {
  const char mark = line[at];
  if (!small_term(line, next, end)) return false;
  const bool spaced = next > at + 1;
  if (mark == '.' || mark == '!' || mark == '?') return spaced;
  if (mark != ';') return false;
  if (spaced) return true;
  // "itself;user": a prose word before it (letters after a blank), not a token such as "a;b".
  std::size_t begin = at;
  while (begin > 0 && chars::ascii_letter_at(line, begin - 1)) --begin;
  return at - begin >= 2 && (begin == 0 || line[begin - 1] == ' ');
}

std::optional<std::size_t> next_reference_key(std::string_view line, std::size_t first_cjk) {
  const std::size_t own = reference_key_at(line, 0);
  if (own == 0) return std::nullopt;
  std::optional<std::size_t> found;
  for (std::size_t at = line.find('[', own); at != std::string_view::npos && at < first_cjk; at = line.find('[', at + 1)) {
    const std::size_t key = reference_key_at(line, at);
    // The entry's key ends its text: after a blank or the entry's closing stop.
    if (key > 0 && at + key <= first_cjk && (line[at - 1] == ' ' || line[at - 1] == '.')) found = at;
  }
  return found;
}

}  // namespace bitext::detail
