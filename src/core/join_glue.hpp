// Han and Latin text side by side without a blank (joined_lines.cpp). Most
// writers of Chinese technical text put a blank between a Han character and a
// Latin word ("安装 Debian Edu"); a join that glues a line's two runs ("标准化" +
// "Normalize") leaves them side by side.
#pragma once

#include <string_view>

#include "joined_lines.hpp"

namespace bitext::detail {

// Whether the line holds a Han character and an ASCII letter side by side.
bool glues_scripts(std::string_view line);

// Whether the line holds a Han character and an ASCII letter with blanks
// between them and nothing else ("安装 Debian", "GPS 接收器").
bool spaces_scripts(std::string_view line);

// Whether the cut `join` of the line is glued: no blank between the runs, a Han
// character on one side of it and an ASCII letter on the other. Not a digit:
// the writers' style is read from Han beside letters only, and writers who space
// words often glue numbers ("上一页10.8. DHCP", a navigation link, not a join).
bool glued_cut(std::string_view line, const LanguageJoin& join);

}  // namespace bitext::detail
