#include "cli/text_report.hpp"

#include "cli/display_text.hpp"

namespace bitext::cli {

std::string line_column(const LineIndex& index, std::size_t offset) {
  const Position position = index.position_of(offset, PositionEncoding::Utf32);
  return std::to_string(position.line + 1) + ":" + std::to_string(position.character + 1);
}

std::string text_report(std::string_view display_path, const LineIndex& index,
                        const std::vector<Finding>& findings) {
  const std::string path = display_text(display_path);
  std::string out;
  for (const Finding& finding : findings) {
    out += path;
    out += ':';
    out += line_column(index, finding.begin);
    out += ": ";
    out += severity_name(finding.severity);
    out += ": ";
    out += display_text(finding.message);
    out += " [";
    out += display_text(finding.code);
    out += "]\n";
    for (const RelatedLocation& related : finding.related) {
      out += path;
      out += ':';
      out += line_column(index, related.begin);
      out += ": note: ";
      out += display_text(related.message);
      out += '\n';
    }
  }
  return out;
}

}  // namespace bitext::cli
