// `bitext report`: the alignment report of transcripts as one self-contained
// HTML page, for people (`bitext check --format json` is for programs).
#pragma once

#include <span>
#include <string_view>

namespace bitext::cli {

// `args` are the arguments after "report". Returns the exit status.
int run_report_command(std::span<const std::string_view> args);

}  // namespace bitext::cli
