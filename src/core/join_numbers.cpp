// Section numbers at a join (join_numbers.hpp).
#include "join_numbers.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "chars.hpp"
#include "line_facts.hpp"

namespace bitext::detail {
namespace {

bool number_digit(char c) { return chars::is_ascii_digit(static_cast<unsigned char>(c)); }

}  // namespace

bool has_section_number(std::string_view text) {
  for (std::size_t at = 1; at + 1 < text.size(); ++at)
    if (text[at] == '.' && number_digit(text[at - 1]) && number_digit(text[at + 1])) return true;
  return false;
}

bool shares_section_number(std::string_view a, std::string_view b) {
  const auto number_char = [](std::string_view text, std::size_t k) { return number_digit(text[k]) || text[k] == '.'; };
  // Whether text[k] continues a number: a digit, or an inner dot (a digit after it).
  const auto continues = [](std::string_view text, std::size_t k) {
    return number_digit(text[k]) || (text[k] == '.' && k + 1 < text.size() && number_digit(text[k + 1]));
  };
  // The whole number at [begin, end) of `text`: digits and inner dots, the dot after it not counted.
  const auto whole = [&](std::string_view text, std::size_t begin, std::size_t end) {
    return (begin == 0 || !number_char(text, begin - 1)) && (end >= text.size() || !continues(text, end));
  };
  for (std::size_t begin = 0; begin < a.size();) {
    if (!number_digit(a[begin]) || (begin > 0 && number_char(a, begin - 1))) {
      ++begin;
      continue;
    }
    std::size_t end = begin;
    while (end < a.size() && continues(a, end)) ++end;
    const std::string_view number = a.substr(begin, end - begin);
    if (has_section_number(number))
      for (std::size_t at = b.find(number); at != std::string_view::npos; at = b.find(number, at + 1))
        if (whole(b, at, at + number.size())) return true;
    begin = end;
  }
  return false;
}

bool in_section_label(std::string_view line, std::size_t at) {
  const auto number_char = [&](std::size_t k) { return number_digit(line[k]) || line[k] == '.'; };
  std::size_t begin = at, end = at + 1;
  while (begin > 0 && number_char(begin - 1)) --begin;
  while (end < line.size() && number_char(end)) ++end;
  // A label stands apart: not inside a name or a path ("gpl-3.0.html", "v1.2.3-rc").
  if (end < line.size() && chars::is_ascii_alnum(static_cast<unsigned char>(line[end]))) return false;
  if (begin > 0 && (line[begin - 1] == '-' || line[begin - 1] == '/' || line[begin - 1] == '_')) return false;
  const std::string_view token = line.substr(begin, end - begin);
  // Digits first, or an appendix's letter ("A.1."): the dot after it starts the token.
  const bool start = number_digit(token.front()) || (begin > 0 && chars::is_ascii_upper(line[begin - 1]));
  return start && token.back() == '.' && std::any_of(token.begin(), token.end(), number_digit) &&
         std::count(token.begin(), token.end(), '.') >= 2;
}

bool closes_section_label(std::string_view line, std::size_t at) {
  return (at + 1 >= line.size() || !number_digit(line[at + 1])) && in_section_label(line, at);
}

std::optional<std::size_t> repeated_number_start(std::string_view line) {
  std::vector<std::pair<std::size_t, std::string_view>> numbers;
  for (std::size_t at = 0; at < line.size();) {
    if (!number_digit(line[at]) || (at > 0 && (number_digit(line[at - 1]) || line[at - 1] == '.'))) {
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < line.size() && (number_digit(line[end]) || line[end] == '.')) ++end;
    std::size_t token_end = end;
    while (line[token_end - 1] == '.') --token_end;
    const std::string_view number = line.substr(at, token_end - at);
    // A title's number stands alone: a space, a comma or the line's end after it, not "1.3-1~bpo70".
    // A label's closing dot ends it too where a glued title follows ("图 15.102.Figure 15.102."): a
    // version's dots stand between digits, never before a capital.
    const bool alone = end == line.size() || line[end] == ' ' || line[end] == ',' || static_cast<unsigned char>(line[end]) >= 0x80 ||
                       (token_end < end && chars::is_ascii_upper(line[end]));
    if (number.find('.') != std::string_view::npos && alone) numbers.emplace_back(at, number);
    at = end;
  }
  for (std::size_t k = 1; k < numbers.size(); ++k) {
    const std::size_t second_at = numbers[k].first;
    const std::string_view number = numbers[k].second;  // not a structured binding: clang 14 cannot capture one
    if (chars::contains_cjk(line.substr(second_at))) continue;
    if (std::none_of(numbers.begin(), numbers.begin() + static_cast<std::ptrdiff_t>(k),
                     [&](const auto& earlier) { return earlier.second == number; }))
      continue;
    std::size_t before = second_at;
    before = end_before_spaces(line, before);
    std::size_t start = before;
    while (start > 0 && chars::is_ascii_letter(static_cast<unsigned char>(line[start - 1]))) {
      --start;
      if (chars::is_ascii_upper(line[start]) && start > 0 && chars::is_ascii_lower(line[start - 1])) break;
    }
    if (start == before) {
      if (before > 0 && chars::is_ascii_alnum(static_cast<unsigned char>(line[before - 1]))) continue;
      start = second_at;
    } else if (!chars::is_ascii_upper(line[start])) {
      continue;
    }
    if (numbers[0].first < start) return start;
  }
  return std::nullopt;
}

}  // namespace bitext::detail
