// Sidebar labels at a join (join_sidebar.hpp). Why it holds on unseen text: a
// sidebar's two title lines each start with the box's label, so a line (or a
// run and its partner line) where the Chinese text starts with a short word
// set apart by a blank and the English text with capitals before a title has
// the shape of the two title lines; a Chinese line that quotes an English
// title does not start with such a label, nor does its quote start in capitals.
#include "join_sidebar.hpp"

#include "bitext/text.hpp"
#include "chars.hpp"

namespace bitext::detail {

std::size_t sidebar_label(std::string_view english) {
  std::size_t at = 0, letters = 0, label_end = 0;
  // A label has at most three words ("BACK TO BASICS"): it bounds the work at each word start.
  for (int words = 0; words < 3; ++words) {
    std::size_t end = at;
    while (end < english.size() && chars::is_ascii_upper(english[end])) ++end;
    // A word of capitals ends at a blank; anything else (a small letter, a digit, a sign) makes it no label word.
    if (end - at < 2 || end >= english.size() || english[end] != ' ') break;
    letters += end - at;
    label_end = end;
    at = end + 1;
  }
  if (label_end == 0 || letters < 3) return 0;
  // The title: the next word holds a small letter.
  std::size_t word_end = label_end + 1;
  bool small = false;
  for (; word_end < english.size() && english[word_end] != ' '; ++word_end) small = small || chars::is_ascii_lower(english[word_end]);
  return small ? label_end : 0;
}

std::size_t han_label(std::string_view chinese) {
  std::size_t han = 0, at = 0;
  while (at < chinese.size()) {
    const DecodedCodePoint decoded = decode_utf8(chinese, at);
    if (!decoded.valid || !chars::is_han(decoded.code_point)) break;
    ++han;
    at += decoded.length;
  }
  if (han < 2 || han > 4 || at >= chinese.size() || chinese[at] != ' ') return 0;
  std::size_t title = at + 1;
  while (title < chinese.size() && chinese[title] == ' ') ++title;
  return title < chinese.size() ? title : 0;
}

std::optional<std::size_t> sidebar_label_in(std::string_view line, std::size_t tail_begin) {
  for (std::size_t at = tail_begin; at < line.size(); ++at) {
    if (at > tail_begin && chars::is_ascii_alnum(static_cast<unsigned char>(line[at - 1]))) continue;
    if (chars::is_ascii_upper(line[at]) && sidebar_label(line.substr(at)) > 0) return at;
  }
  return std::nullopt;
}

}  // namespace bitext::detail
