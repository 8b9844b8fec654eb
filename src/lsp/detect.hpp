// `bitext/detect`: whether a text is a bilingual transcript, and of which
// shape, so that an editor can offer the transcript language for a plain-text,
// Markdown or subtitle file. The same JSON is printed by `bitext detect
// --format json`.
#pragma once

#include "bitext/detection.hpp"
#include "lsp/jsonrpc.hpp"

namespace bitext::lsp {

// {"bilingual", "order", "translationScript", "originalScript", "pairs",
//  "bytesExamined", "subtitles", "speakers"}
json detection_json(const Detection& detection);

}  // namespace bitext::lsp
