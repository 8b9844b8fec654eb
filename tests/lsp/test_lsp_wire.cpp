// The wire layer of the language server: Content-Length framing, JSON-RPC
// classification and error ids, settings and client capabilities.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "lsp/framing.hpp"
#include "lsp/jsonrpc.hpp"
#include "lsp/long_strings.hpp"
#include "lsp/text_buffer.hpp"
#include "lsp/object_shape.hpp"
#include "lsp/protocol.hpp"
#include "bitext/rules.hpp"
#include "lsp/settings.hpp"

using namespace bitext;
using namespace bitext::lsp;

namespace {

std::vector<FrameEvent> drain(FrameReader& reader) {
  std::vector<FrameEvent> events;
  while (auto event = reader.next()) events.push_back(std::move(*event));
  return events;
}

std::string body_of(const FrameEvent& event) {
  REQUIRE(std::holds_alternative<FrameBody>(event));
  return std::get<FrameBody>(event).body;
}

const FrameError& error_of(const FrameEvent& event) {
  REQUIRE(std::holds_alternative<FrameError>(event));
  return std::get<FrameError>(event);
}

const std::string kPing = R"({"jsonrpc":"2.0","id":1,"method":"ping"})";  // 40 bytes
const std::string kPong = R"({"jsonrpc":"2.0","id":2,"method":"pong"})";

}  // namespace

TEST_CASE("frame_message writes the Content-Length of the body in bytes") {
  CHECK(frame_message("{}") == "Content-Length: 2\r\n\r\n{}");
  CHECK(frame_message("\"你\"") == "Content-Length: 5\r\n\r\n\"你\"");
}

TEST_CASE("a message split into single bytes is reassembled") {
  FrameReader reader;
  std::string wire = frame_message(kPing) + frame_message(kPong);
  std::vector<std::string> bodies;
  for (char c : wire) {
    reader.feed(std::string_view(&c, 1));
    for (auto& event : drain(reader)) bodies.push_back(body_of(event));
  }
  CHECK(bodies == std::vector<std::string>{kPing, kPong});
  CHECK(reader.buffered_bytes() == 0);
}

TEST_CASE("headers: any case, Content-Type accepted, bare LF line ends tolerated, blank lines between messages") {
  FrameReader reader;
  reader.feed("content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:  40 \r\n\r\n" + kPing);
  reader.feed("\r\n\r\nContent-Length: 40\n\n" + kPong);
  auto events = drain(reader);
  REQUIRE(events.size() == 2);
  CHECK(body_of(events[0]) == kPing);
  CHECK(body_of(events[1]) == kPong);
}

TEST_CASE("a header block without Content-Length is an error, and the next message still arrives") {
  FrameReader reader;
  reader.feed("Content-Type: x\r\n\r\n" + kPing + frame_message(kPong));
  auto events = drain(reader);
  REQUIRE(events.size() == 2);
  CHECK(error_of(events[0]).kind == FrameError::Kind::MalformedHeader);
  CHECK(error_of(events[0]).detail == "no Content-Length header");
  CHECK(error_of(events[0]).body_prefix == kPing);
  CHECK(body_of(events[1]) == kPong);
}

TEST_CASE("a Content-Length that is not a number is an error") {
  for (std::string bad : {"-5", "abc", "12x", "", "99999999999999999999999"}) {
    CAPTURE(bad);
    FrameReader reader;
    reader.feed("Content-Length: " + bad + "\r\n\r\n" + kPing + frame_message(kPong));
    auto events = drain(reader);
    REQUIRE(events.size() == 2);
    CHECK(error_of(events[0]).kind == FrameError::Kind::MalformedHeader);
    CHECK(body_of(events[1]) == kPong);
  }
}

TEST_CASE("conflicting Content-Length headers are an error") {
  FrameReader reader;
  reader.feed("Content-Length: 40\r\nContent-Length: 41\r\n\r\n" + kPing + frame_message(kPong));
  auto events = drain(reader);
  REQUIRE(events.size() == 2);
  CHECK(error_of(events[0]).detail == "conflicting Content-Length headers");
  CHECK(body_of(events[1]) == kPong);
}

TEST_CASE("a bare JSON body without any header is reported at once") {
  FrameReader reader;
  reader.feed(kPing);
  auto events = drain(reader);
  REQUIRE(events.size() == 1);
  CHECK(error_of(events[0]).kind == FrameError::Kind::MissingHeader);
  CHECK(error_of(events[0]).body_prefix == kPing);
  reader.feed(frame_message(kPong));
  events = drain(reader);
  REQUIRE(events.size() == 1);
  CHECK(body_of(events[0]) == kPong);
}

TEST_CASE("garbage before a header is reported when the header arrives") {
  FrameReader reader;
  reader.feed("hello there\r\n");
  CHECK(drain(reader).empty());
  reader.feed(frame_message(kPong));
  auto events = drain(reader);
  REQUIRE(events.size() == 2);
  CHECK(error_of(events[0]).kind == FrameError::Kind::MissingHeader);
  CHECK(error_of(events[0]).body_prefix == "hello there\r\n");
  CHECK(body_of(events[1]) == kPong);
}

TEST_CASE("a Content-Length that is too small: truncated body, then the rest as junk, then the next message") {
  FrameReader reader;
  reader.feed("Content-Length: 20\r\n\r\n" + kPing + frame_message(kPong));
  auto events = drain(reader);
  REQUIRE(events.size() == 3);
  CHECK(body_of(events[0]) == kPing.substr(0, 20));
  CHECK(error_of(events[1]).kind == FrameError::Kind::MissingHeader);
  CHECK(error_of(events[1]).body_prefix == kPing.substr(20));
  CHECK(body_of(events[2]) == kPong);
}

TEST_CASE("a Content-Length that is too large is caught at the next header, without waiting for more bytes") {
  FrameReader reader;
  reader.feed("Content-Length: 500\r\n\r\n" + kPing + frame_message(kPong));
  auto events = drain(reader);
  REQUIRE(events.size() == 2);
  CHECK(error_of(events[0]).kind == FrameError::Kind::LengthMismatch);
  CHECK(error_of(events[0]).body_prefix == kPing);
  CHECK(body_of(events[1]) == kPong);
}

TEST_CASE("a body that merely mentions Content-Length is not mistaken for a lie") {
  std::string body = R"({"jsonrpc":"2.0","method":"x","params":{"text":"}Content-Length: 3\r\n\r\n{}"}})";
  std::string wire = frame_message(body);
  FrameReader reader;
  reader.feed(wire.substr(0, wire.size() - 5));  // the mention is in the pending part
  CHECK(drain(reader).empty());
  reader.feed(wire.substr(wire.size() - 5));
  auto events = drain(reader);
  REQUIRE(events.size() == 1);
  CHECK(body_of(events[0]) == body);
}

TEST_CASE("a message over 64 MiB is reported once and skipped without being buffered") {
  FrameReader reader;
  const std::size_t length = kMaxMessageBytes + 1;
  std::string start = R"({"jsonrpc":"2.0","id":77,"method":"x","params":")";
  reader.feed("Content-Length: " + std::to_string(length) + "\r\n\r\n" + start);
  std::size_t sent = start.size();
  std::string chunk(1 << 20, 'a');
  std::size_t errors = 0;
  std::size_t most_buffered = 0;
  while (sent < length) {
    std::size_t n = std::min(chunk.size(), length - sent);
    reader.feed(std::string_view(chunk).substr(0, n));
    sent += n;
    for (auto& event : drain(reader)) {
      const FrameError& error = error_of(event);
      CHECK(error.kind == FrameError::Kind::TooLarge);
      CHECK(error.body_prefix.size() == kKeptPrefixBytes);
      CHECK(salvage_id(error.body_prefix) == 77);
      ++errors;
    }
    most_buffered = std::max(most_buffered, reader.buffered_bytes());
  }
  CHECK(errors == 1);
  CHECK(most_buffered <= 2 * chunk.size());
  reader.feed(frame_message(kPong));
  auto events = drain(reader);
  REQUIRE(events.size() == 1);
  CHECK(body_of(events[0]) == kPong);
}

// A client writing byte by byte (or a slow pipe) gets the same events as one
// writing at once; the reader keeps what it has searched, so this is linear.
TEST_CASE("streams fed byte by byte: a bare object, a lying length and a long header give the same events") {
  auto by_byte = [](const std::string& wire) {
    FrameReader reader;
    std::vector<FrameEvent> events;
    for (char c : wire) {
      reader.feed(std::string_view(&c, 1));
      for (auto& event : drain(reader)) events.push_back(std::move(event));
    }
    return events;
  };
  SUBCASE("a bare object is reported as soon as its last brace arrives, not before") {
    const std::string junk = R"(  {"jsonrpc":"2.0","id":5,"method":"m","params":{"a":"}]{\"}"}})";
    FrameReader reader;
    for (std::size_t i = 0; i + 1 < junk.size(); ++i) {
      reader.feed(junk.substr(i, 1));
      CHECK(drain(reader).empty());
    }
    reader.feed(junk.substr(junk.size() - 1));
    auto events = drain(reader);
    REQUIRE(events.size() == 1);
    CHECK(error_of(events[0]).kind == FrameError::Kind::MissingHeader);
    CHECK(error_of(events[0]).body_prefix == junk.substr(2));  // blanks between messages are skipped
    CHECK(salvage_id(error_of(events[0]).body_prefix) == 5);
  }
  SUBCASE("a length that lies is caught at the next header") {
    auto events = by_byte("Content-Length: 500\r\n\r\n" + kPing + frame_message(kPong));
    REQUIRE(events.size() == 2);
    CHECK(error_of(events[0]).kind == FrameError::Kind::LengthMismatch);
    CHECK(error_of(events[0]).body_prefix == kPing);
    CHECK(body_of(events[1]) == kPong);
  }
  SUBCASE("a header line split anywhere, and a header block too long") {
    auto events = by_byte("Content-Type: x\r\nContent-Length: 40\r\n\r\n" + kPing);
    REQUIRE(events.size() == 1);
    CHECK(body_of(events[0]) == kPing);
    events = by_byte("Content-Type: " + std::string(kMaxHeaderBytes, 'x') + "\r\n\r\n" + frame_message(kPong));
    REQUIRE(events.size() == 2);
    CHECK(error_of(events[0]).kind == FrameError::Kind::MalformedHeader);
    CHECK(body_of(events[1]) == kPong);
  }
  SUBCASE("junk shaped like an object but not one waits for the next header") {
    auto events = by_byte("{\"a\":[1}}" + frame_message(kPong));
    REQUIRE(events.size() == 2);
    CHECK(error_of(events[0]).body_prefix == "{\"a\":[1}}");
    CHECK(body_of(events[1]) == kPong);
  }
}

TEST_CASE("ObjectShape follows brackets and strings, closed only on one whole object") {
  auto shape_of = [](std::string_view bytes) {
    ObjectShape shape;
    for (char c : bytes) shape.feed(std::string_view(&c, 1));
    return shape;
  };
  CHECK(shape_of(" {\"a\":[1,{\"b\":\"}]\\\"\"}]} \r\n").closed());
  CHECK_FALSE(shape_of("{\"a\":[1,2}").closed());
  CHECK_FALSE(shape_of("{\"a\":[1,2}").broken());  // more may come
  CHECK(shape_of("{}}").broken());
  CHECK(shape_of("{} x").broken());
  CHECK(shape_of("[]").broken());
  CHECK(shape_of("x{}").broken());
  CHECK_FALSE(shape_of("{\"}\"").closed());
  CHECK(shape_of("{\"\\\"}\"}").closed());
}

TEST_CASE("input that ends inside a message is reported") {
  FrameReader reader;
  reader.feed("Content-Length: 40\r\n\r\n{\"jsonrpc\"");
  CHECK(drain(reader).empty());
  reader.feed_eof();
  auto events = drain(reader);
  REQUIRE(events.size() == 1);
  CHECK(error_of(events[0]).kind == FrameError::Kind::TruncatedAtEof);
}

TEST_CASE("parse_message classifies requests, notifications and responses") {
  auto request = parse_message(R"({"jsonrpc":"2.0","id":"a","method":"m","params":{"x":1}})");
  REQUIRE(std::holds_alternative<Request>(request));
  CHECK(std::get<Request>(request).id == "a");
  CHECK(std::get<Request>(request).params["x"] == 1);
  auto notification = parse_message(R"({"jsonrpc":"2.0","method":"n"})");
  REQUIRE(std::holds_alternative<Notification>(notification));
  CHECK(std::get<Notification>(notification).params.is_null());
  auto response = parse_message(R"({"jsonrpc":"2.0","id":3,"result":null})");
  REQUIRE(std::holds_alternative<Response>(response));
  CHECK(std::get<Response>(response).result.has_value());
}

TEST_CASE("parse_message gives the right error and id for each kind of bad message") {
  struct Case {
    std::string body;
    ErrorCode code;
    json id;
  };
  std::vector<Case> cases = {
      {R"({"jsonrpc":"2.0","id":5,"method":"x",)", ErrorCode::ParseError, 5},  // truncated: id salvaged
      {"not json", ErrorCode::ParseError, nullptr},
      {"[1,2]", ErrorCode::InvalidRequest, nullptr},
      {"42", ErrorCode::InvalidRequest, nullptr},
      {R"({"jsonrpc":"1.0","id":6,"method":"x"})", ErrorCode::InvalidRequest, 6},
      {R"({"id":7,"method":"x"})", ErrorCode::InvalidRequest, 7},
      {R"({"jsonrpc":"2.0","id":{"a":1},"method":"x"})", ErrorCode::InvalidRequest, nullptr},
      {R"({"jsonrpc":"2.0","id":1.5,"method":"x"})", ErrorCode::InvalidRequest, nullptr},
      {R"({"jsonrpc":"2.0","id":8,"method":3})", ErrorCode::InvalidRequest, 8},
      {R"({"jsonrpc":"2.0","id":9,"method":"x","params":"p"})", ErrorCode::InvalidRequest, 9},
      {R"({"jsonrpc":"2.0","id":10})", ErrorCode::InvalidRequest, 10},
  };
  for (const Case& c : cases) {
    CAPTURE(c.body);
    auto message = parse_message(c.body);
    REQUIRE(std::holds_alternative<Invalid>(message));
    CHECK(std::get<Invalid>(message).code == c.code);
    CHECK(std::get<Invalid>(message).id == c.id);
  }
}

TEST_CASE("a body framed in place is the frame of a copy") {
  for (const std::string& body : {std::string(), std::string("{}"), std::string(100000, 'x')}) {
    std::string spare = body;
    spare.reserve(body.size() + kFrameHeaderRoom);
    CHECK(frame_in_place(spare) == frame_message(body));
    CHECK(frame_in_place(body) == "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  }
}

TEST_CASE("long string values are decoded apart from the message, keys and invalid literals left to the parser") {
  const std::string message = R"({"a" : "xyz","b":["\u00e9\n\ud83d\ude00", "\ud800"],"key long" :1})";
  auto lifted = lift_long_strings(message, 1);
  REQUIRE(lifted.has_value());
  // "a" is literal 0, "xyz" 1, "b" 2, the array's strings 3 and 4 (a lone
  // surrogate: left for the parser to refuse), "key long" 5 (a key).
  CHECK(lifted->rest == R"({"a" : "","b":["", "\ud800"],"key long" :1})");
  REQUIRE(lifted->strings.size() == 2);
  CHECK(lifted->strings[0].literal == 1);
  CHECK(lifted->strings[0].value == "xyz");
  CHECK(lifted->strings[1].literal == 3);
  CHECK(lifted->strings[1].value == "\xc3\xa9\n\xf0\x9f\x98\x80");
  // Only literals of at least the size asked for (quotes included).
  auto longer = lift_long_strings(message, 6);
  REQUIRE(longer.has_value());
  REQUIRE(longer->strings.size() == 1);
  CHECK(longer->strings[0].value == "\xc3\xa9\n\xf0\x9f\x98\x80");
  CHECK_FALSE(lift_long_strings(R"({"a":"short"})", 100).has_value());
  // A lifted value (an opened document's text) has a text buffer's room to
  // grow (text_buffer.hpp), so the buffer edits copy into can take its place.
  const std::string text(300000, 'a');
  auto document = lift_long_strings(R"({"text":")" + text + R"("})", 1000);
  REQUIRE(document.has_value());
  CHECK(document->strings.at(0).value == text);
  CHECK(document->strings.at(0).value.capacity() == text_buffer_capacity(text.size()));
}

TEST_CASE("parse_message gives the same result with and without long strings lifted, valid or not") {
  // Every result compared as the text of its JSON parts (an error's message
  // names the byte where parsing failed: it must be the message's own).
  auto describe = [](const Incoming& incoming) {
    if (auto* r = std::get_if<Request>(&incoming)) return "request " + r->id.dump() + " " + r->method + " " + r->params.dump();
    if (auto* n = std::get_if<Notification>(&incoming)) return "notification " + n->method + " " + n->params.dump();
    if (auto* r = std::get_if<Response>(&incoming))
      return "response " + r->id.dump() + " " + (r->result ? r->result->dump() : "-") + " " + (r->error ? r->error->dump() : "-");
    const Invalid& invalid = std::get<Invalid>(incoming);
    return "invalid " + std::to_string(static_cast<int>(invalid.code)) + " " + invalid.message + " " + invalid.id.dump();
  };
  const std::vector<std::string> pieces = {
      "plain text ", "\\\"", "\\\\", "\\/", "\\b\\f\\n\\r\\t", "\\u0000", "\\u00E9", "\\u4e2d", "\\ud83d\\ude00",
      "\xc3\xa9", "\xe4\xb8\xad", "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf",
      // invalid: lone or reversed surrogates, bad escapes and hex, control bytes, ill-formed UTF-8
      "\\ud800", "\\udc00", "\\ud800\\u0041", "\\x", "\\u12g4", "\x01", "\t", "\xc0\x80", "\xed\xa0\x80", "\xf5\x80\x80\x80",
      "\xe4\xb8", "\x80", "\xf4\x90\x80\x80"};
  std::mt19937 random(8);
  int lifted_valid = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int count = 1 + static_cast<int>(random() % 6);
    for (int k = 0; k < count; ++k) {
      // Mostly valid pieces, so that most messages parse.
      std::size_t pick = random() % (round % 3 == 0 ? pieces.size() : 13);
      text += pieces[pick];
    }
    std::string body = R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.txt","text":")" +
                       text + R"(","version":1},"other":[")" + text + R"(",  "x"]}})";
    if (round % 7 == 0) body.pop_back();  // truncated
    CAPTURE(body);
    const std::string plain = describe(parse_message(body, std::string::npos));
    CHECK(describe(parse_message(body, 1)) == plain);
    CHECK(describe(parse_message(body, 8)) == plain);
    if (plain.rfind("notification", 0) == 0 && lift_long_strings(body, 1)) ++lifted_valid;
  }
  CHECK(lifted_valid > 100);  // the comparison covered lifted strings in messages that parse
}

TEST_CASE("salvage_id reads only the top-level id, before the point of failure") {
  CHECK(salvage_id(R"({"params":{"id":1},"id":"x")") == "x");
  CHECK(salvage_id(R"({"params":{"id":1},"method":)").is_null());
  CHECK(salvage_id(R"(Content-Length: zz\r\n\r\n{"id":12,"jsonrpc")") == 12);
  CHECK(salvage_id(R"({"method":"x","id":)").is_null());
  CHECK(salvage_id("").is_null());
}

TEST_CASE("serialize replaces invalid UTF-8 from documents instead of throwing") {
  json message = make_notification("n", {{"text", std::string("a\xff" "b")}});
  CHECK(serialize(message) == "{\"jsonrpc\":\"2.0\",\"method\":\"n\",\"params\":{\"text\":\"a\xef\xbf\xbd" "b\"}}");
}

namespace {

ClientCapabilities capabilities_from(const json& capabilities) {
  ClientCapabilities caps;
  from_json(capabilities, caps);
  return caps;
}

}  // namespace

TEST_CASE("position encodings: the client's first supported choice, utf-16 otherwise") {
  CHECK(capabilities_from(json::object()).encoding == PositionEncoding::Utf16);
  auto caps = capabilities_from(json::parse(R"({"general":{"positionEncodings":["utf-8","utf-16"]}})"));
  CHECK(caps.encoding == PositionEncoding::Utf8);
  caps = capabilities_from(json::parse(R"({"general":{"positionEncodings":["latin-1","utf-32"]}})"));
  CHECK(caps.encoding == PositionEncoding::Utf32);
  caps = capabilities_from(json::parse(R"({"general":{"positionEncodings":["latin-1"]}})"));
  CHECK(caps.encoding == PositionEncoding::Utf16);
  caps = capabilities_from(json::parse(R"({"offsetEncoding":["utf-8","utf-16"]})"));
  CHECK(caps.encoding == PositionEncoding::Utf8);
  CHECK(caps.encoding_from_offset_encoding);
}

TEST_CASE("client capabilities that change what the server sends") {
  auto caps = capabilities_from(json::parse(R"({
    "textDocument": {
      "documentSymbol": {"hierarchicalDocumentSymbolSupport": true},
      "publishDiagnostics": {"relatedInformation": true},
      "hover": {"contentFormat": ["plaintext", "markdown"]},
      "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": []}},
                     "resolveSupport": {"properties": ["edit"]}},
      "foldingRange": {"lineFoldingOnly": true}},
    "workspace": {"configuration": true, "workspaceEdit": {"documentChanges": true}}})"));
  CHECK(caps.hierarchical_symbols);
  CHECK(caps.related_information);
  CHECK(caps.markdown_hover);
  CHECK(caps.code_action_literals);
  CHECK(caps.code_action_resolve_edit);
  CHECK(caps.document_changes);
  CHECK(caps.configuration_pull);
  CHECK(caps.line_folding_only);
  auto none = capabilities_from(json::parse(R"({"textDocument":{"hover":{"contentFormat":["plaintext"]}}})"));
  CHECK_FALSE(none.markdown_hover);
  CHECK_FALSE(none.hierarchical_symbols);
  CHECK_FALSE(none.code_action_literals);
}

TEST_CASE("positions from JSON: negative or non-integer coordinates are InvalidParams naming the field") {
  CHECK(json::parse(R"({"line":2,"character":7})").get<Position>() == Position{2, 7});
  CHECK_THROWS_AS(json::parse(R"({"line":-1,"character":0})").get<Position>(), DecodeError);
  json params = json::parse(R"({"textDocument":{"uri":"file:///x"},"position":{"line":"1","character":0}})");
  try {
    decode_params<TextDocumentPositionParams>(params);
    FAIL("no error");
  } catch (const RpcError& e) {
    CHECK(e.code() == ErrorCode::InvalidParams);
    CHECK(std::string(e.what()) == "params.position.line: expected unsigned integer");
  }
  CHECK(json(Range{{1, 2}, {3, 4}}) == json::parse(R"({"start":{"line":1,"character":2},"end":{"line":3,"character":4}})"));
}

TEST_CASE("settings: an unknown rule code or level is skipped with a warning naming it, shown to the user") {
  std::vector<std::string> warnings;
  Settings s = apply_settings(Settings{}, json::parse(R"({"rules": {"typo": "off", "split-line": "loud",
                                                                    "untranslated": "hint"}})"),
                              warnings);
  CHECK(s.check.rules.count("typo") == 0);
  CHECK(s.check.rules.at("untranslated").severity == Severity::Hint);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0] == "rules.split-line: unknown value \"loud\"");
  CHECK(warnings[1] == "rules.typo: unknown check code; known codes: " + bitext::known_rule_codes());
  CHECK(shown_to_user(warnings[0]));
  CHECK(shown_to_user(warnings[1]));
  CHECK_FALSE(shown_to_user("order: expected \"auto\", \"translation-first\" or \"original-first\""));
  // A rejected level leaves the rule at its defaults: no change to re-check for.
  Settings unchanged = apply_settings(Settings{}, json::parse(R"({"rules": {"split-line": "loud"}})"), warnings);
  CHECK(same_options(unchanged.check, Settings{}.check));
  CHECK_FALSE(same_options(s.check, Settings{}.check));
}

TEST_CASE("settings map onto CheckOptions, skipping bad fields with a warning each") {
  std::vector<std::string> warnings;
  Settings s = apply_settings(Settings{}, json::parse(R"({"bitext":{
      "order": "original-first",
      "placeholders": {"translation": "[待译]", "original": ""},
      "rules": {"untranslated": "off", "length-outlier": {"severity": "hint"},
                "duplicate-line": "error", "split-line": {"enabled": "yes"}},
      "contentChecks": false,
      "debounceMs": 0}})"),
                              warnings);
  CHECK(s.check.order == LineOrder::OriginalFirst);
  CHECK(s.check.translation_placeholder == "[待译]");
  CHECK(s.check.original_placeholder == "[original missing]");  // "" rejected
  CHECK_FALSE(s.check.rules.at("untranslated").enabled);
  CHECK(s.check.rules.at("length-outlier").severity == Severity::Hint);
  CHECK(s.check.rules.at("duplicate-line").severity == Severity::Error);
  CHECK(s.check.rules.at("split-line").enabled);  // "yes" rejected
  CHECK_FALSE(s.check.content_checks);
  CHECK(s.debounce.count() == 0);
  CHECK(warnings == std::vector<std::string>{"placeholders.original: expected a non-empty one-line string",
                                             "rules.split-line.enabled: expected a boolean"});

  warnings.clear();
  Settings same = apply_settings(s, json::parse(R"({"order":"sideways","debounceMs":-3})"), warnings);
  CHECK(same_options(same.check, s.check));
  CHECK(warnings.size() == 2);
  CHECK_FALSE(same_options(apply_settings(s, json::parse(R"({"order":"auto"})"), warnings).check, s.check));
}

TEST_CASE("settings: translationLanguage takes auto or a language tag, and changes the options") {
  std::vector<std::string> warnings;
  const Settings en = apply_settings(Settings{}, json::parse(R"({"bitext":{"translationLanguage":"en"}})"), warnings);
  CHECK(en.check.translation_language == "en");
  CHECK(warnings.empty());
  CHECK_FALSE(same_options(en.check, Settings{}.check));
  const Settings back = apply_settings(en, json::parse(R"({"translationLanguage":"auto"})"), warnings);
  CHECK(back.check.translation_language == "auto");
  CHECK(same_options(back.check, Settings{}.check));
  const Settings bad = apply_settings(en, json::parse(R"({"translationLanguage":"elvish"})"), warnings);
  CHECK(bad.check.translation_language == "en");
  CHECK(warnings == std::vector<std::string>{
                        "translationLanguage: expected \"auto\" or a language tag such as \"zh\" or \"en\""});
}

TEST_CASE("settings: layout takes auto or a layout's name, and changes the options") {
  std::vector<std::string> warnings;
  const Settings srt = apply_settings(Settings{}, json::parse(R"({"bitext":{"layout":"srt"}})"), warnings);
  CHECK(srt.check.layout == Layout::Srt);
  CHECK(warnings.empty());
  CHECK_FALSE(same_options(srt.check, Settings{}.check));
  const Settings back = apply_settings(srt, json::parse(R"({"layout":"auto"})"), warnings);
  CHECK(back.check.layout == Layout::Auto);
  CHECK(same_options(back.check, Settings{}.check));
  const Settings bad = apply_settings(srt, json::parse(R"({"layout":"docx"})"), warnings);
  CHECK(bad.check.layout == Layout::Srt);
  CHECK(warnings == std::vector<std::string>{
                        "layout: expected \"auto\", \"lines\", \"paragraphs\", \"markdown\", \"srt\" or \"vtt\""});
}
