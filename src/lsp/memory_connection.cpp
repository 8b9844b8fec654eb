#include "lsp/memory_connection.hpp"

#include <stdexcept>

#include "lsp/framing.hpp"
#include "lsp/server.hpp"

namespace bitext::lsp {

MemoryConnection::MemoryConnection(std::string version, Analyser analyser) : work_(io_.get_executor()) {
  server_ = std::make_unique<Server>(
      io_, [this](std::string frame) { frames_.push_back(std::move(frame)); }, std::move(version), std::move(analyser));
  server_->on_exit([this](int code) { exit_code_ = code; });
}

MemoryConnection::~MemoryConnection() {
  server_.reset();  // joins the worker: no result is posted after this
  work_.reset();
}

void MemoryConnection::send_bytes(std::string_view bytes) { server_->receive(bytes); }

void MemoryConnection::send(const json& message) { send_bytes(frame_message(serialize(message))); }

void MemoryConnection::close_input() { server_->end_of_input(); }

void MemoryConnection::poll() {
  io_.restart();  // poll() leaves the io_context stopped when it runs out of ready work
  io_.poll();
}

std::optional<std::string> MemoryConnection::receive_body(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (frames_.empty()) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return std::nullopt;
    io_.run_one_for(deadline - now);
  }
  std::string frame = std::move(frames_.front());
  frames_.pop_front();
  constexpr std::string_view kName = "Content-Length: ";
  const std::size_t end = frame.find("\r\n\r\n");
  if (frame.rfind(kName, 0) != 0 || end == std::string::npos ||
      std::stoul(frame.substr(kName.size(), end - kName.size())) != frame.size() - end - 4) {
    throw std::runtime_error("the server sent a bad frame: " + frame.substr(0, 80));
  }
  return frame.substr(end + 4);
}

std::optional<json> MemoryConnection::receive(std::chrono::milliseconds timeout) {
  auto body = receive_body(timeout);
  if (!body) return std::nullopt;
  return json::parse(*body);
}

void MemoryConnection::settle(std::chrono::milliseconds quiet, std::chrono::milliseconds limit) {
  const auto stop = std::chrono::steady_clock::now() + limit;
  auto last = std::chrono::steady_clock::now();
  std::size_t seen = frames_.size();
  for (;;) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= stop || now - last >= quiet) return;
    io_.run_one_for(std::min<std::chrono::steady_clock::duration>(quiet - (now - last), stop - now));
    if (frames_.size() != seen) {
      seen = frames_.size();
      last = std::chrono::steady_clock::now();
    }
  }
}

}  // namespace bitext::lsp
