#include "lsp/protocol.hpp"

#include <limits>

namespace bitext {

void to_json(nlohmann::json& j, const Position& position) {
  j = nlohmann::json{{"line", position.line}, {"character", position.character}};
}

void from_json(const nlohmann::json& j, Position& position) {
  // Accept any non-negative integer; larger than 32 bits clamps (LSP uinteger).
  auto coordinate = [&](const char* name) -> std::uint32_t {
    const auto& v = j.at(name);
    if (!v.is_number_integer() || (v.is_number_integer() && !v.is_number_unsigned() && v.get<std::int64_t>() < 0)) {
      throw lsp::RpcError(lsp::ErrorCode::InvalidParams,
                          std::string("position.") + name + " must be a non-negative integer");
    }
    auto value = v.get<std::uint64_t>();
    return value > std::numeric_limits<std::uint32_t>::max() ? std::numeric_limits<std::uint32_t>::max()
                                                             : static_cast<std::uint32_t>(value);
  };
  if (!j.is_object()) throw lsp::RpcError(lsp::ErrorCode::InvalidParams, "position must be an object");
  position.line = coordinate("line");
  position.character = coordinate("character");
}

void to_json(nlohmann::json& j, const Range& range) {
  j = nlohmann::json{{"start", range.start}, {"end", range.end}};
}

void from_json(const nlohmann::json& j, Range& range) {
  if (!j.is_object()) throw lsp::RpcError(lsp::ErrorCode::InvalidParams, "range must be an object");
  range.start = j.at("start").get<Position>();
  range.end = j.at("end").get<Position>();
}

}  // namespace bitext

namespace bitext::lsp {

std::string_view encoding_name(PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8: return "utf-8";
    case PositionEncoding::Utf16: return "utf-16";
    case PositionEncoding::Utf32: return "utf-32";
  }
  return "utf-16";
}

std::optional<PositionEncoding> parse_encoding(std::string_view name) {
  if (name == "utf-8") return PositionEncoding::Utf8;
  if (name == "utf-16") return PositionEncoding::Utf16;
  if (name == "utf-32") return PositionEncoding::Utf32;
  return std::nullopt;
}

namespace {

// capabilities["a"]["b"]... as a bool, false when absent or mistyped.
bool flag(const json& root, std::initializer_list<const char*> path) {
  const json* node = &root;
  for (const char* key : path) {
    if (!node->is_object()) return false;
    auto it = node->find(key);
    if (it == node->end()) return false;
    node = &*it;
  }
  return node->is_boolean() && node->get<bool>();
}

const json* find_path(const json& root, std::initializer_list<const char*> path) {
  const json* node = &root;
  for (const char* key : path) {
    if (!node->is_object()) return nullptr;
    auto it = node->find(key);
    if (it == node->end()) return nullptr;
    node = &*it;
  }
  return node;
}

// The first encoding of the client's preference list that we support.
std::optional<PositionEncoding> first_supported(const json* offered) {
  if (offered == nullptr || !offered->is_array()) return std::nullopt;
  for (const auto& name : *offered) {
    if (!name.is_string()) continue;
    if (auto encoding = parse_encoding(name.get<std::string>())) return encoding;
  }
  return std::nullopt;
}

}  // namespace

ClientCapabilities parse_client_capabilities(const json& capabilities) {
  ClientCapabilities caps;
  if (!capabilities.is_object()) return caps;
  if (auto encoding = first_supported(find_path(capabilities, {"general", "positionEncodings"}))) {
    caps.encoding = *encoding;
  } else if (auto legacy = first_supported(find_path(capabilities, {"offsetEncoding"}))) {
    // clangd's pre-3.17 extension, which Neovim < 0.9 configurations use.
    caps.encoding = *legacy;
    caps.encoding_from_offset_encoding = true;
  }
  caps.hierarchical_symbols =
      flag(capabilities, {"textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"});
  caps.related_information = flag(capabilities, {"textDocument", "publishDiagnostics", "relatedInformation"});
  if (const json* formats = find_path(capabilities, {"textDocument", "hover", "contentFormat"});
      formats != nullptr && formats->is_array()) {
    for (const auto& format : *formats) {
      if (format == "markdown") caps.markdown_hover = true;
    }
  }
  caps.code_action_literals =
      find_path(capabilities, {"textDocument", "codeAction", "codeActionLiteralSupport"}) != nullptr;
  if (const json* properties = find_path(capabilities, {"textDocument", "codeAction", "resolveSupport", "properties"});
      properties != nullptr && properties->is_array()) {
    for (const auto& property : *properties) {
      if (property == "edit") caps.code_action_resolve_edit = true;
    }
  }
  caps.document_changes = flag(capabilities, {"workspace", "workspaceEdit", "documentChanges"});
  caps.configuration_pull = flag(capabilities, {"workspace", "configuration"});
  caps.line_folding_only = flag(capabilities, {"textDocument", "foldingRange", "lineFoldingOnly"});
  return caps;
}

const json& field(const json& object, std::string_view name) {
  if (!object.is_object()) throw RpcError(ErrorCode::InvalidParams, "params must be an object");
  auto it = object.find(name);
  if (it == object.end()) throw RpcError(ErrorCode::InvalidParams, "missing field \"" + std::string(name) + "\"");
  return *it;
}

std::string string_field(const json& object, std::string_view name) {
  const json& value = field(object, name);
  if (!value.is_string()) throw RpcError(ErrorCode::InvalidParams, "field \"" + std::string(name) + "\" must be a string");
  return value.get<std::string>();
}

Position position_field(const json& object, std::string_view name) {
  try {
    return field(object, name).get<Position>();
  } catch (const json::exception&) {
    throw RpcError(ErrorCode::InvalidParams, "field \"" + std::string(name) + "\" is not a Position");
  }
}

Range range_field(const json& object, std::string_view name) {
  try {
    return field(object, name).get<Range>();
  } catch (const json::exception&) {
    throw RpcError(ErrorCode::InvalidParams, "field \"" + std::string(name) + "\" is not a Range");
  }
}

std::string document_uri(const json& params) { return string_field(field(params, "textDocument"), "uri"); }

}  // namespace bitext::lsp
