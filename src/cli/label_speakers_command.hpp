// `bitext label-speakers FILE`: the document with labels for its inferred speakers.
#pragma once

#include <span>
#include <string_view>

namespace bitext::cli {

// `args` are the arguments after "label-speakers". Returns 0 when written,
// 2 on bad usage or when the file cannot be read or written.
int run_label_speakers_command(std::span<const std::string_view> args);

}  // namespace bitext::cli
