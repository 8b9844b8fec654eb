// List entries in a line that holds two lines of different languages
// (joined_lines.cpp): a list whose entries end with a semicolon in both
// languages ("现代化的，易伸缩的架构;modern, easily scalable infrastructure;").
#pragma once

#include <cstddef>
#include <string_view>

namespace bitext::detail {

// Whether the text, trailing blanks aside, ends with a semicolon (ASCII or
// full width): the end of a list entry.
bool ends_list_entry(std::string_view text);

// Bytes of an ASCII semicolon and the blanks after it at `at`, or 0: a
// Chinese list entry may end with the ASCII mark before the English run.
std::size_t entry_semicolon_at(std::string_view line, std::size_t at);

}  // namespace bitext::detail

namespace bitext::detail {

// Bytes of a bibliography entry's key in brackets at `at` ("[WKPD-JPEG]",
// "[ECI]": letters, digits, '-', '_', '.', at least one capital letter, no
// blank), or 0. A reference list starts each of its lines, in either
// language, with the entry's key.
std::size_t reference_key_at(std::string_view line, std::size_t at);

}  // namespace bitext::detail
