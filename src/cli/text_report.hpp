// Compiler-style text output of findings, one line each:
//   path:line:column: severity: message [code]
// followed by `path:line:column: note: ...` lines for related locations.
// Lines and columns are 1-based; columns count Unicode code points (a Chinese
// character or an emoji is one column), not bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bitext/finding.hpp"
#include "bitext/text.hpp"

namespace bitext::cli {

// 1-based "line:column" of a byte offset, columns in code points.
std::string line_column(const LineIndex& index, std::size_t offset);

std::string text_report(std::string_view display_path, const LineIndex& index,
                        const std::vector<Finding>& findings);

}  // namespace bitext::cli
