// Making document text safe to print: what a terminal shows must be valid
// UTF-8 without control characters, whatever bytes the file contained.
#pragma once

#include <string>
#include <string_view>

namespace bitext::cli {

// Invalid UTF-8 and control characters (other than tab) become U+FFFD.
std::string display_text(std::string_view text);

}  // namespace bitext::cli
