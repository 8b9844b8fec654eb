// A cheap test of whether a .txt file found in a directory is a bilingual
// transcript: its beginning pairs lines of two different scripts.
#pragma once

#include <string_view>

#include "bitext/options.hpp"

namespace bitext::cli {

// Looks at the first `window` bytes only, so a large unrelated file costs little.
bool looks_like_transcript(std::string_view text, const CheckOptions& options,
                           std::size_t window = 64 * 1024);

}  // namespace bitext::cli
