// Fuzzer: JSON-RPC dispatch of the language server fed arbitrary message
// bodies (or, when the input starts like a header, an arbitrary byte stream).
// The server runs in-process on an io_context, initialised, with one small
// document open. Checks:
//  - every frame it writes is well framed and its body is a JSON-RPC 2.0 message;
//  - it keeps serving: a last request for the document's outline is answered
//    (a result or an error) within seconds, unless the input made it exit;
//  - after a raw stream, the end of input stops it.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "lsp/framing.hpp"
#include "lsp/server.hpp"

using namespace bitext::lsp;

namespace {

// Separates bodies in an input (never inside a valid JSON body: an unescaped
// control character).
constexpr char kBodySeparator = '\x1e';

const char* const kDocument =
    "本集简介\\n\\n这里是《无监督学习》。\\nThis is Unsupervised Learning.\\n"
    "我们探讨了三个趋势。\\nWe discuss three trends.\\n我们探讨了三个趋势。\\n\\n"
    "感谢收听。\\n";

std::vector<std::string> prelude() {
  return {
      R"({"jsonrpc":"2.0","id":"fuzz-init","method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-16"]}},"initializationOptions":{"debounceMs":0}}})",
      R"({"jsonrpc":"2.0","method":"initialized","params":{}})",
      std::string(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///fuzz.txt","languageId":"bitext","version":1,"text":")") +
          kDocument + R"("}}})",
  };
}

// Checks that `out` holds whole frames with JSON-RPC bodies; returns the bodies.
std::vector<nlohmann::json> parse_output(const std::string& out) {
  std::vector<nlohmann::json> messages;
  std::string_view rest = out;
  const std::string_view prefix = "Content-Length: ";
  while (!rest.empty()) {
    FUZZ_CHECK(rest.substr(0, prefix.size()) == prefix);
    const std::size_t header_end = rest.find("\r\n\r\n");
    FUZZ_CHECK(header_end != std::string_view::npos);
    const std::size_t length = std::stoul(std::string(rest.substr(prefix.size(), header_end - prefix.size())));
    rest.remove_prefix(header_end + 4);
    FUZZ_CHECK(rest.size() >= length);
    nlohmann::json message = nlohmann::json::parse(rest.substr(0, length), nullptr, false);
    FUZZ_CHECK(!message.is_discarded());
    FUZZ_CHECK(message.is_object() && message.value("jsonrpc", "") == "2.0");
    messages.push_back(std::move(message));
    rest.remove_prefix(length);
  }
  return messages;
}

bool answered(const std::vector<nlohmann::json>& messages, std::string_view id) {
  for (const nlohmann::json& message : messages) {
    auto it = message.find("id");
    if (it != message.end() && it->is_string() && *it == id && !message.contains("method")) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  boost::asio::io_context io;
  std::string out;
  Server server(io, [&](std::string frame) { out += frame; });
  for (const std::string& body : prelude()) server.receive(frame_message(body));

  const bool raw = input.size() >= 8 && (input.substr(0, 8) == "Content-" || input.substr(0, 8) == "content-");
  if (raw) {
    server.receive(input);
  } else {
    std::size_t at = 0;
    while (at <= input.size() && !server.finished()) {
      std::size_t end = input.find(kBodySeparator, at);
      if (end == std::string_view::npos) end = input.size();
      server.receive(frame_message(input.substr(at, end - at)));
      at = end + 1;
      io.restart();  // poll() stops the io_context when it runs out of work
      io.poll();     // let finished analyses in between, as the I/O thread would
    }
  }
  // A raw stream may end inside a frame that would swallow a last request:
  // end its input instead (the server must then stop cleanly).
  if (raw) {
    server.end_of_input();
    FUZZ_CHECK(server.finished());
  } else if (!server.finished()) {
    server.receive(frame_message(
        R"({"jsonrpc":"2.0","id":"fuzz-end","method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///fuzz.txt"}}})"));
    // The analysis worker posts to `io`: keep it running while waiting.
    io.restart();
    auto work = boost::asio::make_work_guard(io);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!answered(parse_output(out), "fuzz-end") && !server.finished()) {
      FUZZ_CHECK(std::chrono::steady_clock::now() < deadline);
      io.run_for(std::chrono::milliseconds(1));
    }
  }
  parse_output(out);
  return 0;
}
