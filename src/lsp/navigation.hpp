// Going between the two sides of a pair: textDocument/definition jumps to the
// partner line(s), textDocument/documentHighlight highlights them.
#pragma once

#include "lsp/feature_context.hpp"

namespace bitext::lsp {

json definition(const FeatureContext& context, Position position);          // Location[] or null
json document_highlight(const FeatureContext& context, Position position);  // DocumentHighlight[] or null

}  // namespace bitext::lsp
