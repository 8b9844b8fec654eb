// The outline: textDocument/documentSymbol (front matter; chapters, nested by
// heading level; speaker turns named by the speaker, when speakers are known;
// pairs or subtitle cues; back matter. Hierarchical when the client supports
// it, flat with containerName otherwise) and workspace/symbol over open documents.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/text.hpp"
#include "bitext/transcript.hpp"
#include "lsp/jsonrpc.hpp"

namespace bitext::lsp {

// LSP SymbolKind values we use.
inline constexpr int kSymbolModule = 2;     // front and back matter
inline constexpr int kSymbolNamespace = 3;  // a speaker turn
inline constexpr int kSymbolChapter = 4;    // a chapter (Markdown heading): Package
inline constexpr int kSymbolString = 15;    // a pair

// The DocumentSymbol[] (hierarchical) or SymbolInformation[] as JSON text, and parsed.
// One SymbolInformation as JSON text, keys in the order nlohmann's serialize()
// writes them; `container` left out when empty.
void append_symbol_information(std::string& out, std::string_view name, std::string_view container, int kind,
                               const Range& range, std::string_view uri);

std::string document_symbols_text(const std::string& uri, const Transcript& transcript, const LineIndex& index,
                                  PositionEncoding encoding, bool hierarchical);
json document_symbols(const std::string& uri, const Transcript& transcript, const LineIndex& index,
                      PositionEncoding encoding, bool hierarchical);

struct OpenDocumentView {
  const std::string* uri;
  const Transcript* transcript;
  const LineIndex* index;
};

// Pairs whose lines contain `query` (ASCII case-insensitive; all pairs when
// empty), at most `limit`, as SymbolInformation.
std::string workspace_symbols_text(const std::vector<OpenDocumentView>& documents, std::string_view query,
                                   PositionEncoding encoding, std::size_t limit = 1000);
json workspace_symbols(const std::vector<OpenDocumentView>& documents, std::string_view query,
                       PositionEncoding encoding, std::size_t limit = 1000);

}  // namespace bitext::lsp
