// `bitext eval`: the measured evaluation of the checks (error injection into
// clean transcripts, recall per kind, precision of warnings, restoration by fixes).
#pragma once

#include <span>
#include <string_view>

namespace bitext::cli {

// `args` are the arguments after "eval". Returns 0 when every threshold is met,
// 1 when one is not, 2 on bad usage or an unreadable input.
int run_eval_command(std::span<const std::string_view> args);

}  // namespace bitext::cli
