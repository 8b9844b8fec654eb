// Machine-readable output of findings: the server's LSP Diagnostics
// (lsp/diagnostics.hpp; ranges in UTF-16 code units), with each finding's
// fixes as LSP text edits in `data.fixes`.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bitext/finding.hpp"
#include "bitext/text.hpp"

namespace bitext::cli {

// The URI tools use for a file: file:///absolute/path, percent-encoded, or
// "untitled:stdin" for standard input.
std::string input_uri(const std::string& path);

nlohmann::ordered_json json_diagnostics(const LineIndex& index, const std::vector<Finding>& findings,
                                const std::string& uri);

}  // namespace bitext::cli
