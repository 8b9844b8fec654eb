// workspace/symbol for speakers: a query that is part of a speaker's name (or
// of either language's spelling) finds every turn of that speaker in the open
// documents ("mira" -> each turn of Mira, with its location), before the pairs
// whose text contains the query (symbols.hpp, unchanged).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lsp/symbols.hpp"

namespace bitext::lsp {

// The matching turns as SymbolInformation JSON objects separated by commas
// (no brackets: spliced before the pairs), at most `limit`; `count` is how
// many. An empty query matches no speaker (the pairs list everything then).
std::string speaker_turn_symbols(const std::vector<OpenDocumentView>& documents, std::string_view query,
                                 PositionEncoding encoding, std::size_t limit, std::size_t& count);

// Speakers' turns, then pairs (workspace_symbols_text), as one JSON array text.
std::string workspace_symbols_with_speakers(const std::vector<OpenDocumentView>& documents, std::string_view query,
                                            PositionEncoding encoding, std::size_t limit = 1000);

}  // namespace bitext::lsp
