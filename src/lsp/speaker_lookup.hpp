// Lookups in a transcript's speaker model that several editor features share
// (rename, completion, semantic tokens, workspace symbols): the labels on a
// document line, the speaker a line belongs to, and the script of a name,
// which decides which language's spelling a name is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "bitext/script.hpp"
#include "bitext/transcript.hpp"
#include "lsp/outline_parts.hpp"  // speaker_turns

namespace bitext::lsp {

// Indices [first, last) into model.labels of the labels on document line
// `line` (labels are in document order).
std::pair<std::size_t, std::size_t> labels_on_line(const SpeakerModel& model, std::uint32_t line);

// The script a name is written in: its letters' dominant script; Script::None
// for a name without letters.
Script name_script(std::string_view name);

// The spelling of `speaker` in `script` (its translation or original spelling,
// else its display name, whichever is written in that script); empty when none is.
std::string_view spelling_in_script(const Speaker& speaker, Script script);

// The name as written in a label (empty for nameless labels).
std::string_view label_name(std::string_view text, const SpeakerLabel& label);

}  // namespace bitext::lsp
