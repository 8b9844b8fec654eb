// textDocument/foldingRange: front matter, back matter, chapters (a Markdown
// heading to the next of its level), subtitle cue blocks (number line to last
// text line), speaker turns, and outside subtitles runs of pairs (a run ends at
// a blank or markup line, or where the turn changes).
#pragma once

#include "bitext/text.hpp"
#include "bitext/transcript.hpp"
#include "lsp/jsonrpc.hpp"

namespace bitext::lsp {

json folding_ranges(const Transcript& transcript, const LineIndex& index);

}  // namespace bitext::lsp
