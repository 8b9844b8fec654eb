// Byte transports for the server, on Boost.Asio: stdio (pipes through
// posix::stream_descriptor; a blocking reader thread when stdin is a regular
// file, which epoll refuses) and one TCP client on a loopback address.
// Writes are queued and go out in order without blocking the I/O thread.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace bitext::lsp {

class Transport {
 public:
  using DataHandler = std::function<void(std::string_view)>;
  using EofHandler = std::function<void()>;

  virtual ~Transport() = default;
  // Starts reading; `on_eof` is called once when input ends or fails.
  virtual void start(DataHandler on_data, EofHandler on_eof) = 0;
  // Queues a frame; frames are written in order.
  virtual void send(std::string frame) = 0;
  // Stops reading; queued frames are still written.
  virtual void stop_reading() = 0;
};

std::unique_ptr<Transport> make_stdio_transport(boost::asio::io_context& io);
// Takes an accepted connection.
std::unique_ptr<Transport> make_tcp_transport(boost::asio::io_context& io, boost::asio::ip::tcp::socket socket);

}  // namespace bitext::lsp
