#include "lsp/protocol.hpp"

#include <limits>

namespace bitext {

void to_json(nlohmann::json& j, const Position& position) {
  j = nlohmann::json{{"line", position.line}, {"character", position.character}};
}

void from_json(const nlohmann::json& j, Position& position) { lsp::decode(j, position); }

void to_json(nlohmann::json& j, const Range& range) {
  j = nlohmann::json{{"start", range.start}, {"end", range.end}};
}

void from_json(const nlohmann::json& j, Range& range) { lsp::decode(j, range); }

}  // namespace bitext

namespace bitext::lsp {

// ---- decoding -------------------------------------------------------------

namespace {

// "a" + "b" -> "a.b"; "a" + "[1]" -> "a[1]".
std::string join_path(std::string_view outer, const std::string& inner) {
  if (inner.empty()) return std::string(outer);
  if (inner.front() == '[') return std::string(outer) + inner;
  return std::string(outer) + "." + inner;
}

}  // namespace

void DecodeError::enclose(std::string_view key) { path_ = join_path(key, path_); }

std::string DecodeError::message(std::string_view root) const { return join_path(root, path_) + ": " + expected_; }

void decode(json& j, std::string& out) {
  if (!j.is_string()) throw DecodeError("", "expected string");
  out = std::move(j.get_ref<std::string&>());
}

void decode(const json& j, bool& out) {
  if (!j.is_boolean()) throw DecodeError("", "expected boolean");
  out = j.get<bool>();
}

void decode(const json& j, std::int64_t& out) {
  if (!j.is_number_integer() || (j.is_number_unsigned() && j.get<std::uint64_t>() > std::uint64_t(INT64_MAX))) {
    throw DecodeError("", "expected integer");
  }
  out = j.get<std::int64_t>();
}

void decode(const json& j, std::uint32_t& out) {
  if (!j.is_number_unsigned()) throw DecodeError("", "expected unsigned integer");
  auto value = j.get<std::uint64_t>();
  out = value > std::numeric_limits<std::uint32_t>::max() ? std::numeric_limits<std::uint32_t>::max()
                                                          : static_cast<std::uint32_t>(value);
}

void decode(json& j, json& out) { out = std::move(j); }

void decode(const json& j, Position& out) {
  if (!j.is_object()) throw DecodeError("", "expected object");
  required_field(j, "line", out.line);
  required_field(j, "character", out.character);
}

void decode(const json& j, Range& out) {
  if (!j.is_object()) throw DecodeError("", "expected object");
  required_field(j, "start", out.start);
  required_field(j, "end", out.end);
}

void decode(const json& j, Void&) {
  if (!j.is_null() && !j.is_object()) throw DecodeError("", "expected object or null");
}

// ---- encodings and capabilities -------------------------------------------

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

void from_json(const json& capabilities, ClientCapabilities& caps) {
  caps = ClientCapabilities{};
  if (!capabilities.is_object()) return;
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
}

// ---- messages the server reads --------------------------------------------

void from_json(json& j, InitializeParams& p) {
  // Capabilities are read leniently (see ClientCapabilities): absent is none.
  if (auto it = j.find("capabilities"); it != j.end()) from_json(*it, p.capabilities);
  if (auto it = j.find("initializationOptions"); it != j.end() && !it->is_null()) p.initialization_options = std::move(*it);
}

void from_json(json& j, TextDocumentIdentifier& p) { required_field(j, "uri", p.uri); }

void from_json(json& j, VersionedTextDocumentIdentifier& p) {
  required_field(j, "uri", p.uri);
  optional_field(j, "version", p.version);
}

void from_json(json& j, TextDocumentItem& p) {
  required_field(j, "uri", p.uri);
  optional_field(j, "languageId", p.language_id);
  required_field(j, "version", p.version);
  required_field(j, "text", p.text);
}

void from_json(json& j, TextDocumentParams& p) { required_field(j, "textDocument", p.text_document); }

void from_json(json& j, TextDocumentPositionParams& p) {
  required_field(j, "textDocument", p.text_document);
  required_field(j, "position", p.position);
}

void from_json(json& j, RenameParams& p) {
  required_field(j, "textDocument", p.text_document);
  required_field(j, "position", p.position);
  required_field(j, "newName", p.new_name);
}

void from_json(json& j, DidOpenTextDocumentParams& p) { required_field(j, "textDocument", p.text_document); }

void from_json(json& j, TextDocumentContentChangeEvent& p) {
  optional_field(j, "range", p.range);
  required_field(j, "text", p.text);
}

void from_json(json& j, DidChangeTextDocumentParams& p) {
  required_field(j, "textDocument", p.text_document);
  required_field(j, "contentChanges", p.content_changes);
}

void from_json(json& j, DidChangeConfigurationParams& p) { optional_field(j, "settings", p.settings); }

void from_json(json& j, CancelParams& p) {
  required_field(j, "id", p.id);
  if (!p.id.is_string() && !p.id.is_number_integer()) throw DecodeError("id", "expected integer or string");
}

void from_json(json& j, WorkspaceSymbolParams& p) { required_field(j, "query", p.query); }

void from_json(json& j, DiagnosticData& p) {
  required_field(j, "code", p.code);
  required_field(j, "index", p.index);
  optional_field(j, "version", p.version);
}

void from_json(json& j, ClientDiagnostic& p) {
  p.sent = j;
  required_field(j, "range", p.range);
  if (auto code = j.find("code"); code != j.end() && code->is_string()) p.code = code->get<std::string>();
  optional_field(j, "source", p.source);
  // Another server's data, or ours from an older release: not an error, just
  // not usable for the fast lookup.
  if (auto data = j.find("data"); data != j.end() && data->is_object()) {
    try {
      decode(*data, p.data.emplace());
    } catch (const DecodeError&) {
      p.data.reset();
    }
  }
}

void from_json(json& j, CodeActionContext& p) {
  required_field(j, "diagnostics", p.diagnostics);
  optional_field(j, "only", p.only);
}

void from_json(json& j, CodeActionParams& p) {
  required_field(j, "textDocument", p.text_document);
  required_field(j, "range", p.range);
  required_field(j, "context", p.context);
}

void from_json(json& j, FixAllData& p) {
  required_field(j, "uri", p.uri);
  required_field(j, "version", p.version);
  optional_field(j, "code", p.code);
}

void from_json(json& j, CodeActionToResolve& p) {
  p.action = j;  // before decoding moves the data's strings out
  required_field(j, "data", p.data);
}

void from_json(json& j, SemanticTokensRangeParams& p) {
  required_field(j, "textDocument", p.text_document);
  required_field(j, "range", p.range);
}

void from_json(json& j, DetectParams& p) {
  optional_field(j, "text", p.text);
  optional_field(j, "textDocument", p.text_document);
}

}  // namespace bitext::lsp
