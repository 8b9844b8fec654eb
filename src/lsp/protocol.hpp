// LSP messages the server reads, one struct each with one from_json, and the
// decoding rules they share: a missing or mistyped field throws DecodeError
// naming its JSON path ("params.position.line: expected unsigned integer"),
// which the dispatcher answers with InvalidParams. Outgoing messages are in
// protocol_out.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "bitext/text.hpp"
#include "lsp/jsonrpc.hpp"

namespace bitext {
// ADL hooks for the core's position types (they live in namespace bitext).
void to_json(nlohmann::json& j, const Position& position);
void from_json(const nlohmann::json& j, Position& position);
void to_json(nlohmann::json& j, const Range& range);
void from_json(const nlohmann::json& j, Range& range);
}  // namespace bitext

namespace bitext::lsp {

// ---- decoding -------------------------------------------------------------

// A field that does not have the type the protocol gives it. `path` grows
// from the failing value outwards as the error passes each enclosing field.
class DecodeError : public std::runtime_error {
 public:
  DecodeError(std::string path, std::string expected)
      : std::runtime_error(expected), path_(std::move(path)), expected_(std::move(expected)) {}
  // Adds an enclosing object key or "[i]" array index.
  void enclose(std::string_view key);
  const std::string& path() const { return path_; }
  // "params.position.line: expected unsigned integer"
  std::string message(std::string_view root) const;

 private:
  std::string path_;
  std::string expected_;
};

void decode(json& j, std::string& out);  // moved out of the message
void decode(const json& j, bool& out);
void decode(const json& j, std::int64_t& out);
void decode(const json& j, std::uint32_t& out);  // non-negative; above 2^32-1 clamps (LSP uinteger)
void decode(json& j, json& out);  // LSPAny: any value, moved out of the message
void decode(const json& j, Position& out);
void decode(const json& j, Range& out);

template <class T>
concept HasFromJson = requires(json& j, T& t) { from_json(j, t); };

template <class T>
  requires HasFromJson<T>
void decode(json& j, T& out);
template <class T>
void decode(json& j, std::optional<T>& out);
template <class T>
void decode(json& j, std::vector<T>& out);

// Protocol structs: an object, then the struct's own from_json.
template <class T>
  requires HasFromJson<T>
void decode(json& j, T& out) {
  if (!j.is_object()) throw DecodeError("", "expected object");
  from_json(j, out);
}

template <class T>
void decode(json& j, std::optional<T>& out) {
  if (j.is_null()) {
    out.reset();
    return;
  }
  decode(j, out.emplace());
}

template <class T>
void decode(json& j, std::vector<T>& out) {
  if (!j.is_array()) throw DecodeError("", "expected array");
  out.clear();
  out.reserve(j.size());
  for (std::size_t i = 0; i < j.size(); ++i) {
    try {
      decode(j[i], out.emplace_back());
    } catch (DecodeError& e) {
      e.enclose("[" + std::to_string(i) + "]");
      throw;
    }
  }
}

// object[key] into `out`; absent is an error.
template <class Json, class T>
void required_field(Json& object, std::string_view key, T& out) {
  auto it = object.find(key);
  if (it == object.end()) throw DecodeError(std::string(key), "missing");
  try {
    decode(*it, out);
  } catch (DecodeError& e) {
    e.enclose(key);
    throw;
  }
}

// object[key] into `out` when present; absent or null leaves `out` as it is.
template <class Json, class T>
void optional_field(Json& object, std::string_view key, T& out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return;
  try {
    decode(*it, out);
  } catch (DecodeError& e) {
    e.enclose(key);
    throw;
  }
}

// Decoding moves strings and LSPAny values out of the message (a didOpen's
// text is not copied), so a message is decoded once.
// A whole message's params: absent is null. Params of void methods (Void)
// accept absent, null and any object; others must be an object.
template <class T>
T decode_params(json& params) {
  T out{};
  try {
    decode(params, out);
  } catch (DecodeError& e) {
    throw RpcError(ErrorCode::InvalidParams, e.message("params"));
  }
  return out;
}

// ---- encodings and capabilities -------------------------------------------

std::string_view encoding_name(PositionEncoding encoding);  // "utf-8", "utf-16", "utf-32"
std::optional<PositionEncoding> parse_encoding(std::string_view name);

// What the client told us in `initialize` that changes what we send. Read
// leniently: a capability we cannot read is one the client does not have.
struct ClientCapabilities {
  PositionEncoding encoding = PositionEncoding::Utf16;
  bool encoding_from_offset_encoding = false;  // negotiated via clangd's offsetEncoding extension
  bool hierarchical_symbols = false;
  bool related_information = false;
  bool markdown_hover = false;
  bool code_action_literals = false;
  bool code_action_resolve_edit = false;  // codeAction/resolve may fill in "edit"
  bool document_changes = false;
  bool configuration_pull = false;
  bool line_folding_only = false;
};
void from_json(const json& j, ClientCapabilities& caps);

// ---- messages the server reads --------------------------------------------

// Params of shutdown, exit and initialized: absent, null or an object.
struct Void {};
void decode(const json& j, Void& out);

struct InitializeParams {
  ClientCapabilities capabilities;
  std::optional<json> initialization_options;
};
void from_json(json& j, InitializeParams& p);

struct TextDocumentIdentifier {
  std::string uri;
};
void from_json(json& j, TextDocumentIdentifier& p);

// didChange's textDocument: a null or missing version counts up from ours.
struct VersionedTextDocumentIdentifier {
  std::string uri;
  std::optional<std::int64_t> version;
};
void from_json(json& j, VersionedTextDocumentIdentifier& p);

struct TextDocumentItem {
  std::string uri;
  std::string language_id;
  std::int64_t version = 0;
  std::string text;
};
void from_json(json& j, TextDocumentItem& p);

// Any request about one document: documentSymbol, foldingRange, didClose,
// didSave, and the base of those with a position.
struct TextDocumentParams {
  TextDocumentIdentifier text_document;
};
void from_json(json& j, TextDocumentParams& p);

// hover, definition, documentHighlight.
struct TextDocumentPositionParams {
  TextDocumentIdentifier text_document;
  Position position;
};
void from_json(json& j, TextDocumentPositionParams& p);

// textDocument/rename.
struct RenameParams {
  TextDocumentIdentifier text_document;
  Position position;
  std::string new_name;
};
void from_json(json& j, RenameParams& p);

struct DidOpenTextDocumentParams {
  TextDocumentItem text_document;
};
void from_json(json& j, DidOpenTextDocumentParams& p);

struct TextDocumentContentChangeEvent {
  std::optional<Range> range;  // absent: the whole text
  std::string text;
};
void from_json(json& j, TextDocumentContentChangeEvent& p);

struct DidChangeTextDocumentParams {
  VersionedTextDocumentIdentifier text_document;
  std::vector<TextDocumentContentChangeEvent> content_changes;
};
void from_json(json& j, DidChangeTextDocumentParams& p);

struct DidChangeConfigurationParams {
  json settings;  // LSPAny
};
void from_json(json& j, DidChangeConfigurationParams& p);

struct CancelParams {
  json id;  // integer or string
};
void from_json(json& j, CancelParams& p);

struct WorkspaceSymbolParams {
  std::string query;
};
void from_json(json& j, WorkspaceSymbolParams& p);

// What our diagnostics carry in `data` (see diagnostic.hpp); read back from
// the diagnostics a client sends with codeAction.
struct DiagnosticData {
  std::string code;
  std::uint32_t index = 0;               // the finding's index in its analysis
  std::optional<std::int64_t> version;   // the document version (server only)
};
void from_json(json& j, DiagnosticData& p);

// A diagnostic the client sends back: ours when `source` is "bitext".
struct ClientDiagnostic {
  json sent;  // the whole diagnostic, echoed in the code actions that fix it
  Range range;
  std::optional<std::string> code;  // a number code is not ours: left empty
  std::optional<std::string> source;
  std::optional<DiagnosticData> data;  // left empty when it is not ours
};
void from_json(json& j, ClientDiagnostic& p);

struct CodeActionContext {
  std::vector<ClientDiagnostic> diagnostics;
  std::optional<std::vector<std::string>> only;
};
void from_json(json& j, CodeActionContext& p);

struct CodeActionParams {
  TextDocumentIdentifier text_document;
  Range range;
  CodeActionContext context;
};
void from_json(json& j, CodeActionParams& p);

// A fix-all action's data: the document and version it was made for, and the
// code it fixes (empty: every code).
struct FixAllData {
  std::string uri;
  std::int64_t version = 0;
  std::string code;
};
void from_json(json& j, FixAllData& p);

// codeAction/resolve params: one of our fix-all actions, returned with its edit.
struct CodeActionToResolve {
  json action;  // the whole action as sent, to be completed
  FixAllData data;
};
void from_json(json& j, CodeActionToResolve& p);

// textDocument/semanticTokens/range.
struct SemanticTokensRangeParams {
  TextDocumentIdentifier text_document;
  Range range;
};
void from_json(json& j, SemanticTokensRangeParams& p);

// bitext/detect: the beginning of a text, or an open document.
struct DetectParams {
  std::optional<std::string> text;
  std::optional<TextDocumentIdentifier> text_document;
};
void from_json(json& j, DetectParams& p);

}  // namespace bitext::lsp
