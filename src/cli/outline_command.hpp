// `bitext outline`: prints the structure of one transcript.
#pragma once

#include <span>
#include <string_view>

namespace bitext::cli {

// `args` are the arguments after "outline". Returns the exit status.
int run_outline_command(std::span<const std::string_view> args);

}  // namespace bitext::cli
