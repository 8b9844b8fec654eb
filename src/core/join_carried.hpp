// Text carried into both lines of a heading or a notice (joined_lines.cpp): a
// name, a number or a copyright's years that the Chinese line keeps in Latin
// letters after its Han text and the English line ends with ("文化 Mozilla
// CULTURE Mozilla", "版权 © 2006, … Roland MasCopyright © 2006, … Roland Mas").
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace bitext::detail {

// Where the English run starts in a line whose Latin tail (from `tail_begin`,
// right after the last CJK character and its blanks) is a carried text, a run
// starting with a capital letter, and the same carried text ending the line:
// the line is C + carried + run + carried. The first such start, or nothing.
std::optional<std::size_t> carried_tail_start(std::string_view line, std::size_t tail_begin);

}  // namespace bitext::detail
