#include "lsp/jsonrpc.hpp"

#include "lsp/long_strings.hpp"

namespace bitext::lsp {
namespace {

bool valid_id(const json& id) { return id.is_string() || id.is_number_integer(); }

// SAX consumer that remembers the value of the top-level "id" key and stops
// quietly at the first syntax error.
class IdFinder : public nlohmann::json_sax<json> {
 public:
  json id;

  bool null() override { return value(json()); }
  bool boolean(bool) override { return value(json()); }
  bool number_integer(number_integer_t v) override { return value(json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return value(json(v)); }
  bool number_float(number_float_t, const string_t&) override { return value(json()); }
  bool string(string_t& v) override { return value(json(v)); }
  bool binary(binary_t&) override { return value(json()); }
  bool start_object(std::size_t) override {
    value(json());
    ++depth_;
    return true;
  }
  bool key(string_t& k) override {
    id_is_next_ = depth_ == 1 && k == "id";
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    value(json());
    ++depth_;
    return true;
  }
  bool end_array() override {
    --depth_;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  bool value(json v) {
    if (id_is_next_ && valid_id(v)) id = std::move(v);
    id_is_next_ = false;
    return true;
  }
  int depth_ = 0;
  bool id_is_next_ = false;
};

}  // namespace

json salvage_id(std::string_view bytes) {
  // The id sits at the top level of the object, which starts at the first '{'
  // (the bytes may begin with a broken header).
  std::size_t brace = bytes.find('{');
  if (brace == std::string_view::npos) return json();
  IdFinder finder;
  try {
    json::sax_parse(bytes.substr(brace), &finder, json::input_format_t::json, true, true);
  } catch (const std::exception&) {
    // sax_parse reports errors through parse_error; anything else means "no id".
  }
  return finder.id;
}

namespace {

struct TooDeep {};

// The message as nlohmann parses it, with the strings `lifted` put back in
// their places (counted as the parser meets them: keys and string values).
// Throws as json::parse does, or TooDeep.
json parse_json(std::string_view text, LiftedMessage* lifted) {
  std::size_t literal = 0;
  std::size_t next_lifted = 0;
  // The depth is checked while parsing, before a deep value exists: the
  // parser itself is iterative, but copying, comparing or freeing a deep
  // value recurses and would overflow the stack.
  json::parser_callback_t callback = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth >= static_cast<int>(kMaxNestingDepth) &&
        (event == json::parse_event_t::object_start || event == json::parse_event_t::array_start)) {
      throw TooDeep{};
    }
    if (lifted != nullptr &&
        (event == json::parse_event_t::key || (event == json::parse_event_t::value && parsed.is_string()))) {
      if (next_lifted < lifted->strings.size() && lifted->strings[next_lifted].literal == literal) {
        if (event == json::parse_event_t::value) parsed = std::move(lifted->strings[next_lifted].value);
        ++next_lifted;
      }
      ++literal;
    }
    return true;
  };
  json message = json::parse(text, callback);
  if (lifted != nullptr && next_lifted != lifted->strings.size()) throw std::logic_error("lifted strings lost");
  return message;
}

}  // namespace

Incoming parse_message(std::string_view body, std::size_t lift_strings_from) {
  json message;
  try {
    std::optional<LiftedMessage> lifted;
    if (body.size() >= lift_strings_from) lifted = lift_long_strings(body, lift_strings_from);
    if (lifted) {
      try {
        message = parse_json(lifted->rest, &*lifted);
      } catch (...) {
        // Lifting keeps valid JSON valid and invalid invalid, but the error
        // must name the message's own bytes: parse it as it came.
        lifted.reset();
      }
    }
    if (!lifted) message = parse_json(body, nullptr);
  } catch (const TooDeep&) {
    return Invalid{ErrorCode::InvalidRequest,
                   "message nested deeper than " + std::to_string(kMaxNestingDepth) + " levels", salvage_id(body)};
  } catch (const json::out_of_range&) {
    // A number that does not fit a double (1e400): valid JSON that we cannot hold.
    return Invalid{ErrorCode::ParseError, "a number in the message does not fit a double", salvage_id(body)};
  } catch (const json::exception& e) {
    return Invalid{ErrorCode::ParseError, std::string("message is not valid JSON: ") + e.what(),
                   salvage_id(body)};
  }
  if (!message.is_object()) {
    return Invalid{ErrorCode::InvalidRequest,
                   message.is_array() ? "batch messages are not supported" : "message is not a JSON object",
                   json()};
  }
  json id;
  bool has_id = message.contains("id");
  if (has_id) {
    if (!valid_id(message["id"])) {
      return Invalid{ErrorCode::InvalidRequest, "\"id\" must be an integer or a string", json()};
    }
    id = message["id"];
  }
  auto version = message.find("jsonrpc");
  if (version == message.end() || *version != "2.0") {
    return Invalid{ErrorCode::InvalidRequest, "\"jsonrpc\" must be \"2.0\"", id};
  }
  auto method = message.find("method");
  if (method != message.end()) {
    if (!method->is_string()) return Invalid{ErrorCode::InvalidRequest, "\"method\" must be a string", id};
    json params;
    // Null params are absent params: clients send them for void methods.
    if (auto p = message.find("params"); p != message.end() && !p->is_null()) {
      if (!p->is_object() && !p->is_array()) {
        return Invalid{ErrorCode::InvalidRequest, "\"params\" must be an object or an array", id};
      }
      params = std::move(*p);
    }
    if (has_id) return Request{std::move(id), method->get<std::string>(), std::move(params)};
    return Notification{method->get<std::string>(), std::move(params)};
  }
  if (has_id && (message.contains("result") || message.contains("error"))) {
    Response response{std::move(id), std::nullopt, std::nullopt};
    if (auto r = message.find("result"); r != message.end()) response.result = std::move(*r);
    if (auto e = message.find("error"); e != message.end()) response.error = std::move(*e);
    return response;
  }
  return Invalid{ErrorCode::InvalidRequest, "message has neither \"method\" nor \"result\"/\"error\"", id};
}

json make_response(const json& id, json result) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json make_error(const json& id, ErrorCode code, std::string_view message) {
  return json{{"jsonrpc", "2.0"},
              {"id", id},
              {"error", {{"code", static_cast<int>(code)}, {"message", std::string(message)}}}};
}

json make_notification(std::string_view method, json params) {
  return json{{"jsonrpc", "2.0"}, {"method", std::string(method)}, {"params", std::move(params)}};
}

json make_request(const json& id, std::string_view method, json params) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"method", std::string(method)}, {"params", std::move(params)}};
}

std::string serialize(const json& message) {
  return message.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace bitext::lsp
