// textDocument/hover: on a pair line, the other side of the pair with the pair
// number, speaker and alignment score; on front/back matter, what it is; on a
// line with findings, what they mean.
#pragma once

#include "lsp/feature_context.hpp"

namespace bitext::lsp {

json hover(const FeatureContext& context, Position position);

// Markdown-escapes text quoted from the document.
std::string escape_markdown(std::string_view text);

}  // namespace bitext::lsp
