#include "lsp/server_main.hpp"

#include <csignal>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "lsp/server.hpp"
#include "lsp/transport.hpp"

#ifndef BITEXT_VERSION
#define BITEXT_VERSION "0.1.0"
#endif

namespace bitext::lsp {
namespace {

namespace asio = boost::asio;

constexpr std::string_view kUsage =
    "usage: bitext lsp [--stdio] [--listen 127.0.0.1:PORT]\n"
    "Runs the Bitext language server (LSP 3.17) on stdin/stdout, or for one TCP\n"
    "client on a loopback address with --listen (PORT 0 picks a free port).\n";

struct Arguments {
  std::optional<std::string> listen;
  bool help = false;
};

std::optional<Arguments> parse_arguments(int argc, char** argv, std::string& error) {
  Arguments arguments;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--stdio" || (i == 1 && arg == "lsp")) continue;
    if (arg == "--help" || arg == "-h") {
      arguments.help = true;
    } else if (arg == "--listen") {
      if (i + 1 >= argc) {
        error = "--listen needs an address, e.g. --listen 127.0.0.1:9257";
        return std::nullopt;
      }
      arguments.listen = argv[++i];
    } else if (arg.rfind("--listen=", 0) == 0) {
      arguments.listen = std::string(arg.substr(9));
    } else {
      error = "unknown argument: " + std::string(arg);
      return std::nullopt;
    }
  }
  return arguments;
}

// "127.0.0.1:PORT" or "[::1]:PORT"; only loopback addresses are served.
std::optional<asio::ip::tcp::endpoint> parse_endpoint(std::string_view text, std::string& error) {
  std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    error = "--listen expects HOST:PORT";
    return std::nullopt;
  }
  std::string host(text.substr(0, colon));
  std::string port_text(text.substr(colon + 1));
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host == "localhost") host = "127.0.0.1";
  boost::system::error_code ec;
  auto address = asio::ip::make_address(host, ec);
  if (ec) {
    error = "not an IP address: " + host;
    return std::nullopt;
  }
  if (!address.is_loopback()) {
    error = "refusing to listen on " + host + ": only loopback addresses are served";
    return std::nullopt;
  }
  unsigned long port = 0;
  try {
    std::size_t used = 0;
    port = std::stoul(port_text, &used);
    if (used != port_text.size() || port > 65535) throw std::out_of_range("port");
  } catch (const std::exception&) {
    error = "not a port number: " + port_text;
    return std::nullopt;
  }
  return asio::ip::tcp::endpoint(address, static_cast<unsigned short>(port));
}

}  // namespace

int run_server(int argc, char** argv) {
  std::string error;
  auto arguments = parse_arguments(argc, argv, error);
  if (!arguments) {
    std::cerr << "bitext lsp: " << error << "\n" << kUsage;
    return 2;
  }
  if (arguments->help) {
    std::cout << kUsage;
    return 0;
  }
  // A client that closes the pipe must not kill us with SIGPIPE mid-write.
  std::signal(SIGPIPE, SIG_IGN);

  asio::io_context io;
  std::unique_ptr<Transport> transport;
  if (arguments->listen) {
    auto endpoint = parse_endpoint(*arguments->listen, error);
    if (!endpoint) {
      std::cerr << "bitext lsp: " << error << "\n";
      return 2;
    }
    try {
      asio::ip::tcp::acceptor acceptor(io, *endpoint);
      auto local = acceptor.local_endpoint();
      std::cerr << "bitext lsp: listening on " << local.address().to_string() << ":" << local.port() << std::endl;
      asio::ip::tcp::socket socket(io);
      acceptor.accept(socket);
      socket.set_option(asio::ip::tcp::no_delay(true));
      transport = make_tcp_transport(io, std::move(socket));
    } catch (const std::exception& e) {
      std::cerr << "bitext lsp: cannot listen on " << *arguments->listen << ": " << e.what() << "\n";
      return 2;
    }
  } else {
    transport = make_stdio_transport(io);
  }

  int exit_code = 1;
  {
    Server server(io, [&transport](std::string frame) { transport->send(std::move(frame)); }, BITEXT_VERSION);
    server.on_exit([&](int code) {
      exit_code = code;
      transport->stop_reading();  // queued responses are still written, then io.run() returns
    });
    transport->start([&server](std::string_view bytes) { server.receive(bytes); },
                     [&server] { server.end_of_input(); });
    io.run();
    if (!server.finished()) exit_code = 1;
  }
  return exit_code;
}

}  // namespace bitext::lsp
