// Turning the lines of a document into a Transcript: script of each line, the
// document's two languages, which of them is the translation (by language, see
// CheckOptions::translation_language) and which side comes first, front/back
// matter and pairs. Pairing is a dynamic programme over the line sequence, so
// one missing line does not make every later pair look wrong.
#pragma once

#include <string_view>

#include "bitext/options.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"

namespace bitext {

Transcript parse_transcript(const LineIndex& index, const CheckOptions& options);

}  // namespace bitext
