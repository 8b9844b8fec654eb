// LSP protocol types the server reads and writes, with their JSON mapping:
// positions and ranges, the client capabilities we act on, and helpers that
// turn malformed params into InvalidParams errors.
#pragma once

#include <optional>
#include <string>
#include <string_view>

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

std::string_view encoding_name(PositionEncoding encoding);  // "utf-8", "utf-16", "utf-32"
std::optional<PositionEncoding> parse_encoding(std::string_view name);

// What the client told us in `initialize` that changes what we send.
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

ClientCapabilities parse_client_capabilities(const json& capabilities);

// Typed access to request params; a missing or mistyped field throws
// RpcError(InvalidParams) naming the field.
const json& field(const json& object, std::string_view name);
std::string string_field(const json& object, std::string_view name);
Position position_field(const json& object, std::string_view name);
Range range_field(const json& object, std::string_view name);
std::string document_uri(const json& params);  // params.textDocument.uri

}  // namespace bitext::lsp
