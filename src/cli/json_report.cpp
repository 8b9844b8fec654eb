#include "cli/json_report.hpp"

#include <filesystem>
#include <system_error>

#include "lsp/diagnostics.hpp"

namespace bitext::cli {
namespace {

std::string percent_encode_path(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' ||
                            byte == '~' || byte == '/';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

}  // namespace

std::string input_uri(const std::string& path) {
  if (path == "-") return "untitled:stdin";
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(path, error);
  if (error) absolute = path;
  return "file://" + percent_encode_path(absolute.lexically_normal().generic_string());
}

nlohmann::ordered_json json_diagnostics(const LineIndex& index, const std::vector<Finding>& findings,
                                const std::string& uri) {
  // The server's mapping, with the fixes in data (a report has no codeAction to ask).
  const lsp::DiagnosticOptions options{uri, std::nullopt, true, true};
  auto range_of = [&](std::size_t begin, std::size_t end) {
    return Range{index.position_of(begin, PositionEncoding::Utf16), index.position_of(end, PositionEncoding::Utf16)};
  };
  nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
  lsp::Diagnostic diagnostic;
  for (std::uint32_t i = 0; i < findings.size(); ++i) {
    lsp::make_diagnostic(diagnostic, findings[i], i, range_of, options);
    nlohmann::ordered_json written;
    lsp::to_json(written, diagnostic);
    diagnostics.push_back(std::move(written));
  }
  return diagnostics;
}

}  // namespace bitext::cli
