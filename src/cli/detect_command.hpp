// `bitext detect`: is a file a bilingual transcript, and of which shape
// (order of the lines, scripts, subtitle markup, speaker labels)? The same
// test as the directory search of `bitext check` and the server's bitext/detect.
#pragma once

#include <span>
#include <string_view>

namespace bitext::cli {

// `args` are the arguments after "detect". Exit status 0 when every FILE is a
// bilingual transcript, 1 when one is not, 2 on bad usage or unreadable files.
int run_detect_command(std::span<const std::string_view> args);

}  // namespace bitext::cli
