// `bitext check`: checks transcripts and reports findings like a compiler.
#pragma once

#include <span>
#include <string_view>

namespace bitext::cli {

// `args` are the arguments after "check". Returns the exit status.
int run_check_command(std::span<const std::string_view> args);

}  // namespace bitext::cli
