// textDocument/foldingRange: front matter, back matter, and runs of pairs (a
// run ends at a blank or markup line, or where the speaker changes).
#pragma once

#include "bitext/transcript.hpp"
#include "lsp/jsonrpc.hpp"

namespace bitext::lsp {

json folding_ranges(const Transcript& transcript);

}  // namespace bitext::lsp
