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
// character on one side of it and an ASCII letter or digit on the other.
bool glued_cut(std::string_view line, const LanguageJoin& join);

}  // namespace bitext::detail
