#include "cli/json_report.hpp"

#include <filesystem>
#include <system_error>

namespace bitext::cli {
namespace {

nlohmann::ordered_json json_position(const LineIndex& index, std::size_t offset) {
  const Position position = index.position_of(offset, PositionEncoding::Utf16);
  return {{"line", position.line}, {"character", position.character}};
}

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

nlohmann::ordered_json json_range(const LineIndex& index, std::size_t begin, std::size_t end) {
  return {{"start", json_position(index, begin)}, {"end", json_position(index, end)}};
}

nlohmann::ordered_json json_diagnostics(const LineIndex& index, const std::vector<Finding>& findings,
                                const std::string& uri) {
  nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
  for (const Finding& finding : findings) {
    nlohmann::ordered_json diagnostic = {
        {"range", json_range(index, finding.begin, finding.end)},
        {"severity", static_cast<int>(finding.severity)},
        {"code", finding.code},
        {"source", "bitext"},
        {"message", finding.message},
    };
    if (!finding.related.empty()) {
      nlohmann::ordered_json related = nlohmann::ordered_json::array();
      for (const RelatedLocation& location : finding.related) {
        related.push_back({{"location", {{"uri", uri}, {"range", json_range(index, location.begin, location.end)}}},
                           {"message", location.message}});
      }
      diagnostic["relatedInformation"] = std::move(related);
    }
    if (!finding.fixes.empty()) {
      nlohmann::ordered_json fixes = nlohmann::ordered_json::array();
      for (const Fix& fix : finding.fixes) {
        nlohmann::ordered_json edits = nlohmann::ordered_json::array();
        for (const TextEdit& edit : fix.edits) {
          edits.push_back({{"range", json_range(index, edit.begin, edit.end)}, {"newText", edit.replacement}});
        }
        fixes.push_back({{"title", fix.title}, {"isPreferred", fix.preferred}, {"edits", std::move(edits)}});
      }
      diagnostic["data"] = {{"fixes", std::move(fixes)}};
    }
    diagnostics.push_back(std::move(diagnostic));
  }
  return diagnostics;
}

}  // namespace bitext::cli
