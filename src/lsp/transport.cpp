#include "lsp/transport.hpp"

#include <unistd.h>

#include <array>
#include <cerrno>
#include <deque>
#include <optional>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

namespace bitext::lsp {
namespace {

namespace asio = boost::asio;

constexpr std::size_t kReadChunk = 64 * 1024;

// In-order asynchronous writes to one stream; on a write error (the client
// went away) the rest is dropped and `on_error` is told once.
template <typename Stream>
class WriteQueue {
 public:
  explicit WriteQueue(Stream& stream) : stream_(stream) {}
  void set_on_error(std::function<void()> on_error) { on_error_ = std::move(on_error); }

  void push(std::string frame) {
    if (failed_) return;
    queue_.push_back(std::move(frame));
    if (queue_.size() == 1) write_front();
  }

 private:
  void write_front() {
    asio::async_write(stream_, asio::buffer(queue_.front()), [this](const boost::system::error_code& error, std::size_t) {
      if (error) {
        failed_ = true;
        queue_.clear();
        if (on_error_) on_error_();
        return;
      }
      queue_.pop_front();
      if (!queue_.empty()) write_front();
    });
  }
  Stream& stream_;
  std::deque<std::string> queue_;
  bool failed_ = false;
  std::function<void()> on_error_;
};

// Blocking writes, for a stdout that epoll cannot watch (a regular file).
void write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

class StdioTransport : public Transport {
 public:
  explicit StdioTransport(asio::io_context& io) : io_(io), in_(io), out_(io), writer_(out_) {}

  ~StdioTransport() override {
    if (reader_thread_.joinable()) reader_thread_.detach();  // blocked in read(); the process is ending
    // Leave fds 0 and 1 open: they belong to the process, not to us.
    in_.release();
    out_.release();
  }

  void start(DataHandler on_data, EofHandler on_eof) override {
    on_data_ = std::move(on_data);
    on_eof_ = std::move(on_eof);
    writer_.set_on_error([this] { end(); });
    boost::system::error_code error;
    out_.assign(STDOUT_FILENO, error);
    out_async_ = !error;
    in_.assign(STDIN_FILENO, error);
    if (!error) {
      read_async();
    } else {
      read_in_thread();
    }
  }

  void send(std::string frame) override {
    if (out_async_) {
      writer_.push(std::move(frame));
    } else {
      write_all(STDOUT_FILENO, frame);
    }
  }

  void stop_reading() override {
    reading_ = false;
    boost::system::error_code ignored;
    in_.cancel(ignored);
    guard_.reset();
  }

 private:
  void read_async() {
    in_.async_read_some(asio::buffer(buffer_), [this](const boost::system::error_code& error, std::size_t n) {
      if (!reading_) return;
      if (error == asio::error::operation_not_supported || error.value() == EPERM) {
        // epoll refused the descriptor (a regular file): read it in a thread.
        read_in_thread();
        return;
      }
      if (n > 0) on_data_(std::string_view(buffer_.data(), n));
      if (error) {
        end();
        return;
      }
      if (reading_) read_async();
    });
  }

  void read_in_thread() {
    guard_.emplace(io_.get_executor());
    reader_thread_ = std::thread([this] {
      std::array<char, kReadChunk> chunk;
      for (;;) {
        ssize_t n = ::read(STDIN_FILENO, chunk.data(), chunk.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
          asio::post(io_, [this] { end(); });
          return;
        }
        asio::post(io_, [this, data = std::string(chunk.data(), static_cast<std::size_t>(n))] {
          if (reading_) on_data_(data);
        });
      }
    });
  }

  void end() {
    if (ended_) return;
    ended_ = true;
    reading_ = false;
    guard_.reset();
    if (on_eof_) on_eof_();
  }

  asio::io_context& io_;
  asio::posix::stream_descriptor in_;
  asio::posix::stream_descriptor out_;
  WriteQueue<asio::posix::stream_descriptor> writer_;
  bool out_async_ = false;
  bool reading_ = true;
  bool ended_ = false;
  std::array<char, kReadChunk> buffer_{};
  DataHandler on_data_;
  EofHandler on_eof_;
  std::thread reader_thread_;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> guard_;
};

class TcpTransport : public Transport {
 public:
  TcpTransport(asio::io_context&, asio::ip::tcp::socket socket) : socket_(std::move(socket)), writer_(socket_) {}

  void start(DataHandler on_data, EofHandler on_eof) override {
    on_data_ = std::move(on_data);
    on_eof_ = std::move(on_eof);
    writer_.set_on_error([this] { end(); });
    read();
  }

  void send(std::string frame) override { writer_.push(std::move(frame)); }

  void stop_reading() override {
    reading_ = false;
    boost::system::error_code ignored;
    socket_.shutdown(asio::ip::tcp::socket::shutdown_receive, ignored);
  }

 private:
  void read() {
    socket_.async_read_some(asio::buffer(buffer_), [this](const boost::system::error_code& error, std::size_t n) {
      if (!reading_) return;
      if (n > 0) on_data_(std::string_view(buffer_.data(), n));
      if (error) {
        end();
        return;
      }
      if (reading_) read();
    });
  }

  void end() {
    if (ended_) return;
    ended_ = true;
    reading_ = false;
    if (on_eof_) on_eof_();
  }

  asio::ip::tcp::socket socket_;
  WriteQueue<asio::ip::tcp::socket> writer_;
  bool reading_ = true;
  bool ended_ = false;
  std::array<char, kReadChunk> buffer_{};
  DataHandler on_data_;
  EofHandler on_eof_;
};

}  // namespace

std::unique_ptr<Transport> make_stdio_transport(asio::io_context& io) { return std::make_unique<StdioTransport>(io); }

std::unique_ptr<Transport> make_tcp_transport(asio::io_context& io, asio::ip::tcp::socket socket) {
  return std::make_unique<TcpTransport>(io, std::move(socket));
}

}  // namespace bitext::lsp
