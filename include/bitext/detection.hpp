// Is a text a bilingual transcript, and of which shape? Read from the pairing
// of its beginning only, so a large unrelated file costs little. The one test
// used by `bitext check` (directory search), `bitext detect` and the language
// server's `bitext/detect` request.
#pragma once

#include <cstddef>
#include <string_view>

#include "bitext/options.hpp"
#include "bitext/script.hpp"

namespace bitext {

struct Detection {
  bool bilingual = false;  // at least two pairs of lines in two different scripts
  LineOrder order = LineOrder::TranslationFirst;  // resolved, never Auto
  Script translation_script = Script::None;
  Script original_script = Script::None;
  std::size_t pairs = 0;          // pairs found in the part examined
  std::size_t bytes_examined = 0;  // the whole text, or its beginning cut at a line end
  bool markup = false;    // subtitle markup lines (cue numbers, timings, WEBVTT)
  bool speakers = false;  // speaker labels on the pairs
  Layout layout = Layout::Lines;  // detected from options.document_name and the text (layout.hpp)
};

Detection detect_transcript(std::string_view text, const CheckOptions& options,
                            std::size_t window = 64 * 1024);

}  // namespace bitext
