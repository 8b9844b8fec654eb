// Fuzzer: JSON-RPC dispatch of the language server fed arbitrary message
// bodies (or, when the input starts like a header, an arbitrary byte stream).
// The server runs in-process behind the in-memory connection, initialised,
// with one small document open. Checks:
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

#include <exception>
#include <memory>
#include <mutex>
#include <optional>

#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "lsp/framing.hpp"
#include "lsp/memory_connection.hpp"
#include "lsp/settings.hpp"

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

// Every input opens the same document with the same settings, and its full
// analysis cost most of each run (under ASan). Analysis::run is a pure
// function of the text and the options (fuzz_analysis checks that a rerun
// equals it), and the result is immutable: the last full run is reused when
// both are the same (same_options, the server's own comparison, and the
// document's name). Edits and
// settings from the input are analysed afresh, through the core as always.
std::shared_ptr<const bitext::Analysis> analyse_remembering_last(AnalysisJob& job) {
  static std::mutex mutex;
  static std::string last_text;
  static bitext::CheckOptions last_options;
  static std::shared_ptr<const bitext::Analysis> last;
  if (job.base && job.edit) return analyse_with_core(job);
  {
    std::lock_guard lock(mutex);
    if (last && *job.text == last_text && job.options.document_name == last_options.document_name &&
        same_options(job.options, last_options)) {
      return last;
    }
  }
  std::string text = *job.text;
  auto analysis = analyse_with_core(job);
  std::lock_guard lock(mutex);
  last_text = std::move(text);
  last_options = job.options;
  last = analysis;
  return analysis;
}

// The next message from the server, or nothing once `timeout` passes. A frame
// that is not "Content-Length: N" + a JSON-RPC 2.0 body is a failure.
std::optional<nlohmann::json> next_message(MemoryConnection& connection, std::chrono::milliseconds timeout) {
  std::optional<std::string> body;
  try {
    body = connection.receive_body(timeout);
  } catch (const std::exception&) {
    FUZZ_CHECK(false);  // a badly framed reply
  }
  if (!body) return std::nullopt;
  nlohmann::json message = nlohmann::json::parse(*body, nullptr, false);
  FUZZ_CHECK(!message.is_discarded());
  FUZZ_CHECK(message.is_object() && message.value("jsonrpc", "") == "2.0");
  return message;
}

bool answers(const nlohmann::json& message, std::string_view id) {
  auto it = message.find("id");
  return it != message.end() && it->is_string() && *it == id && !message.contains("method");
}

// Reads every frame already written (checking each), without waiting.
void drain(MemoryConnection& connection) {
  while (connection.pending_frames() > 0) next_message(connection, std::chrono::milliseconds(0));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  MemoryConnection connection("0.1.0", analyse_remembering_last);
  for (const std::string& body : prelude()) connection.send_bytes(frame_message(body));

  const bool raw = input.size() >= 8 && (input.substr(0, 8) == "Content-" || input.substr(0, 8) == "content-");
  if (raw) {
    connection.send_bytes(input);
  } else {
    std::size_t at = 0;
    while (at <= input.size() && !connection.exited()) {
      std::size_t end = input.find(kBodySeparator, at);
      if (end == std::string_view::npos) end = input.size();
      connection.send_bytes(frame_message(input.substr(at, end - at)));
      at = end + 1;
      connection.poll();  // let finished analyses in between, as the I/O thread would
      drain(connection);
    }
  }
  // A raw stream may end inside a frame that would swallow a last request:
  // end its input instead (the server must then stop cleanly).
  if (raw) {
    connection.close_input();
    FUZZ_CHECK(connection.exited());
  } else if (!connection.exited()) {
    connection.send_bytes(frame_message(
        R"({"jsonrpc":"2.0","id":"fuzz-end","method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///fuzz.txt"}}})"));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    bool answered = false;
    while (!answered && !connection.exited()) {
      FUZZ_CHECK(std::chrono::steady_clock::now() < deadline);
      std::optional<nlohmann::json> message = next_message(connection, std::chrono::milliseconds(50));
      answered = message && answers(*message, "fuzz-end");
    }
  }
  drain(connection);
  return 0;
}
