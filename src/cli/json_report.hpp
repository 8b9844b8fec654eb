// Machine-readable output of findings: LSP-shaped diagnostics (0-based ranges
// in UTF-16 code units, severity 1..4, string codes, relatedInformation), so
// tools that speak LSP can reuse their code. Fixes travel in `data.fixes` as
// LSP text edits.
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

nlohmann::ordered_json json_range(const LineIndex& index, std::size_t begin, std::size_t end);

nlohmann::ordered_json json_diagnostics(const LineIndex& index, const std::vector<Finding>& findings,
                                const std::string& uri);

}  // namespace bitext::cli
