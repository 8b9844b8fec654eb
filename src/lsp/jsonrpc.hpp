// JSON-RPC 2.0 as LSP uses it: error codes, classification of incoming
// messages, and builders for outgoing ones.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

namespace bitext::lsp {

using json = nlohmann::json;

// Deepest nesting of arrays and objects accepted in a message (the message
// itself is level 1). LSP's own messages need fewer than 10.
inline constexpr std::size_t kMaxNestingDepth = 256;

enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestCancelled = -32800,
  ContentModified = -32801,
  RequestFailed = -32803,  // a valid request the server cannot carry out (LSP 3.17): the message says why
};

// Thrown by handlers to answer a request with a specific error.
class RpcError : public std::runtime_error {
 public:
  RpcError(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

struct Request {
  json id;  // number or string
  std::string method;
  json params;  // null when absent
};

struct Notification {
  std::string method;
  json params;
};

struct Response {
  json id;
  std::optional<json> result;
  std::optional<json> error;
};

// A message that is not valid JSON-RPC: what to answer, and to which id
// (null when the id is unknown).
struct Invalid {
  ErrorCode code;
  std::string message;
  json id;
};

using Incoming = std::variant<Request, Notification, Response, Invalid>;

// String values from this many bytes of JSON on (a document's text) are
// decoded apart from the rest of the message (long_strings.hpp).
inline constexpr std::size_t kLiftedStringBytes = std::size_t{64} << 10;

// Parses and classifies one message body. Never throws. The result is the
// same whatever `lift_strings_from` is; it only changes how much memory a
// message with long strings takes to parse.
Incoming parse_message(std::string_view body, std::size_t lift_strings_from = kLiftedStringBytes);

// The top-level "id" of a possibly broken or truncated JSON object, when it
// can be read before the point where parsing fails; null otherwise.
json salvage_id(std::string_view bytes);

json make_response(const json& id, json result);
json make_error(const json& id, ErrorCode code, std::string_view message);
json make_notification(std::string_view method, json params);
json make_request(const json& id, std::string_view method, json params);

// Compact JSON; invalid UTF-8 in strings (from document text) becomes U+FFFD
// instead of throwing.
std::string serialize(const json& message);

}  // namespace bitext::lsp
