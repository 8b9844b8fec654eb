// A server with an in-memory client end (as rust-analyzer's
// Connection::memory): bytes go in as a client writes them, frames come out
// parsed, with no process or pipe in between, so protocol tests run in
// milliseconds and under sanitizers, and a fuzzer can drive dispatch.
// Everything happens on the calling thread (the server's I/O thread) except
// the analyses, which the server runs on its worker as always.
#pragma once

#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include "lsp/analysis_worker.hpp"
#include "lsp/jsonrpc.hpp"

namespace bitext::lsp {

class Server;

class MemoryConnection {
 public:
  explicit MemoryConnection(std::string version = "0.1.0", Analyser analyser = analyse_with_core);
  ~MemoryConnection();
  MemoryConnection(const MemoryConnection&) = delete;
  MemoryConnection& operator=(const MemoryConnection&) = delete;

  // Client to server: raw bytes (any framing, broken or not), or one message
  // framed with its Content-Length.
  void send_bytes(std::string_view bytes);
  void send(const json& message);
  void close_input();  // end of input, as when the client closes the pipe
  // Runs what is ready on the server's event loop (finished analyses) without
  // waiting, as the I/O thread would between two messages.
  void poll();

  // Server to client: the next frame's body, running the server's event loop
  // (analysis results, debounce timers) until one comes or `timeout` passes.
  std::optional<std::string> receive_body(std::chrono::milliseconds timeout);
  // The same, parsed; a frame that is not "Content-Length: N\r\n\r\n" + JSON throws.
  std::optional<json> receive(std::chrono::milliseconds timeout);
  // Runs the event loop until no frame has come for `quiet` (or `limit` passed),
  // keeping the frames for receive().
  void settle(std::chrono::milliseconds quiet, std::chrono::milliseconds limit);
  std::size_t pending_frames() const { return frames_.size(); }

  bool exited() const { return exit_code_.has_value(); }
  std::optional<int> exit_code() const { return exit_code_; }

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::deque<std::string> frames_;
  std::optional<int> exit_code_;
  std::unique_ptr<Server> server_;
};

}  // namespace bitext::lsp
