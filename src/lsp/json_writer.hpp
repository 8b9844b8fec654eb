// Appends JSON text directly to a string, for the large results (the outline,
// diagnostics) where building an nlohmann::json tree first costs several times
// more than the text itself. Output matches serialize() (compact; invalid UTF-8
// becomes U+FFFD) so both paths give identical bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "bitext/text.hpp"

namespace bitext::lsp {

// Whether every byte is below 0x80 (checked eight at a time).
bool all_ascii(std::string_view bytes);

// `value` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view value);
void append_json_int(std::string& out, std::int64_t value);
// {"character":c,"line":l}
void append_json_position(std::string& out, Position position);
// {"end":...,"start":...}
void append_json_range(std::string& out, const Range& range);

}  // namespace bitext::lsp
