// textDocument/semanticTokens/full and /range: what each part of a transcript
// is, so editors can colour translation and original lines apart, and show
// speaker labels, timestamps, front/back matter and subtitle markup. Standard
// token types only, so every theme already has colours for them:
//   translation line -> string            original line -> variable.readonly
//   speaker label    -> namespace         timestamp     -> number
//   front/back matter -> comment.documentation
//   subtitle markup (cue number, "-->", WEBVTT, NOTE) -> keyword
#pragma once

#include <cstdint>
#include <vector>

#include "lsp/feature_context.hpp"

namespace bitext::lsp {

// {"tokenTypes": [...], "tokenModifiers": [...]} for the server capabilities.
json semantic_tokens_legend();

// The LSP relative encoding (5 integers per token) of the tokens on lines
// [first_line, last_line], in the negotiated position encoding.
std::vector<std::uint32_t> semantic_tokens(const FeatureContext& context, std::uint32_t first_line,
                                           std::uint32_t last_line);

}  // namespace bitext::lsp
