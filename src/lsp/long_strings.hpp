// Long JSON string values decoded straight from a message's bytes, before the
// JSON parser sees the message. A document's text arrives as one string of
// megabytes (10 MB of text: ~16 MB of escaped JSON); nlohmann's lexer builds
// each string in a buffer grown by doubling and then copies it into the value,
// so the parse alone held about three times the text next to the message.
// Decoded here into a string of exactly its size, the text costs its own bytes
// once; the parser reads the rest of the message with "" in its place.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bitext::lsp {

struct LiftedString {
  std::size_t literal = 0;  // which string literal of the message, counting keys, in textual order
  std::string value;        // decoded, as the JSON parser would decode it
};

struct LiftedMessage {
  std::string rest;                    // the message with each lifted literal written as ""
  std::vector<LiftedString> strings;   // in textual order
};

// Lifts every string value (not key) whose literal spans at least
// `min_literal_bytes` bytes and is valid JSON (escapes, surrogate pairs, UTF-8
// as RFC 8259 and 3629 ask). A literal that is not valid stays in `rest`, so
// that the parser reports it. Nullopt when nothing is lifted.
std::optional<LiftedMessage> lift_long_strings(std::string_view message, std::size_t min_literal_bytes);

}  // namespace bitext::lsp
