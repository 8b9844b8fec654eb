// Exit statuses shared by every subcommand, so scripts can tell findings from failures.
#pragma once

namespace bitext::cli {

inline constexpr int kExitClean = 0;     // ran, nothing to report
inline constexpr int kExitFindings = 1;  // ran, found errors or warnings
inline constexpr int kExitFailure = 2;   // bad usage, or a file could not be read

}  // namespace bitext::cli
