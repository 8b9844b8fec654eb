// List entries at a join (join_entries.hpp). Why a semicolon at both runs'
// ends is evidence: an entry of a list ends its clause with one in either
// language, so a line whose first run ends with a semicolon and whose second
// run, of the other language, ends with one too holds two entries' lines; a
// Chinese line that quotes an English clause does not end both with it. The
// second run then may start with a small letter, as a list entry's does
// ("当搜索条件……； when the search criteria …;").
#include "join_entries.hpp"

#include "chars.hpp"
#include "line_facts.hpp"

namespace bitext::detail {

bool ends_list_entry(std::string_view text) {
  std::size_t end = text.size();
  end = end_before_spaces(text, end);
  if (end >= 1 && text[end - 1] == ';') return true;
  constexpr std::string_view kFullWidthSemicolon = "\xEF\xBC\x9B";  // U+FF1B
  return end >= kFullWidthSemicolon.size() &&
         text.substr(end - kFullWidthSemicolon.size(), kFullWidthSemicolon.size()) == kFullWidthSemicolon;
}

std::size_t entry_semicolon_at(std::string_view line, std::size_t at) {
  if (at >= line.size() || line[at] != ';') return 0;
  std::size_t end = at + 1;
  while (end < line.size() && (line[end] == ' ' || line[end] == '\t')) ++end;
  return end - at;
}

std::size_t reference_key_at(std::string_view line, std::size_t at) {
  if (at >= line.size() || line[at] != '[') return 0;
  std::size_t end = at + 1;
  bool capital = false;
  for (; end < line.size(); ++end) {
    const char c = line[end];
    if (chars::is_ascii_upper(c)) {
      capital = true;
    } else if (!(chars::is_ascii_alnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) {
      break;
    }
  }
  return capital && end < line.size() && line[end] == ']' ? end + 1 - at : 0;
}

}  // namespace bitext::detail
