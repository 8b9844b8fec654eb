// `bitext eval --speakers`: inferred speakers measured against hand labels.
#pragma once

#include <span>
#include <string_view>

namespace bitext::cli {

// `args` are the arguments after "eval --speakers". Returns 0 when every
// threshold is met, 1 when one is not, 2 on bad usage or an unreadable input.
int run_speaker_eval_command(std::span<const std::string_view> args);

}  // namespace bitext::cli
