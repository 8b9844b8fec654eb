// Carried text at a join (join_carried.hpp). Why it holds on unseen text: a
// heading's or a notice's Latin part (a name, a command, the years of a
// copyright) is carried unchanged into both of its lines, so a line whose
// Chinese run ends with a Latin text that the line ends with again, after an
// English word, holds the two lines; a Chinese line that quotes an English
// title does not repeat its own last term after it.
#include "join_carried.hpp"

#include <algorithm>

#include "chars.hpp"
#include "line_facts.hpp"

namespace bitext::detail {

std::optional<std::size_t> carried_tail_start(std::string_view line, std::size_t tail_begin) {
  std::size_t end = line.size();
  while (end > tail_begin && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  if (end <= tail_begin) return std::nullopt;
  const std::string_view tail = line.substr(tail_begin, end - tail_begin);
  // A bounded number of comparisons keeps the work per line linear (a line of capitals alone).
  int comparisons = 0;
  for (std::size_t at = 1; at < tail.size() && comparisons < 64; ++at) {
    if (!chars::is_ascii_upper(tail[at])) continue;
    std::size_t carried_end = at;
    carried_end = end_before_spaces(tail, carried_end);
    // The carried text ends the line again, after at least one letter of the English run's own.
    if (carried_end == 0 || tail[carried_end - 1] != tail.back() || 2 * carried_end >= tail.size()) continue;
    ++comparisons;
    const std::string_view carried = tail.substr(0, carried_end);
    if (tail.substr(tail.size() - carried.size()) != carried || tail.size() - carried.size() <= at) continue;
    // The carried text ends the line as whole words: not the end of a word ("16.2. 播放 DVD" is no "D" + "V" + "D").
    const auto alnum = [](char c) { return chars::is_ascii_alnum(static_cast<unsigned char>(c)); };
    if (alnum(tail[tail.size() - carried.size() - 1])) continue;
    if (std::any_of(carried.begin(), carried.end(), alnum)) return tail_begin + at;
  }
  return std::nullopt;
}

}  // namespace bitext::detail
