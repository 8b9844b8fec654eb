// Runs one protocol transcript against `bitext lsp`: a file of JSON-RPC
// messages to send and the messages expected back, in order, in the manner of
// clangd's lit tests. Usage: lsp_transcript_runner BITEXT_BINARY FILE.jsonrpc
// runs `bitext lsp` as a process; lsp_transcript_runner --memory FILE.jsonrpc
// replays the same transcript in-process through lsp::MemoryConnection
// (milliseconds, and under sanitizers; the exit code is the server's).
//
// Directives (each on its own line; the block after it runs to the next directive):
//   // send:                 a JSON message, framed with the right Content-Length
//   // send-raw:             bytes sent as they are: the block's lines are joined
//                            without separators, with \r \n \t \\ \xHH escapes
//   // send-padded: N        the JSON message with a "padding" string added so that
//                            its body is exactly N bytes (for the size limit)
//   // send-deep: N          the JSON message with its "deep":null replaced by N
//                            nested arrays (for the nesting limit)
//   // expect:               the next message must match this JSON (see below)
//   // expect-silence: MS    no message may arrive for MS milliseconds
//   // ignore: METHOD        from here on, skip server notifications/requests of METHOD
//   // close-stdin:          end the server's input (EOF)
//   // expect-exit: CODE     the server must exit with CODE, with no message left unread
// Lines starting with '#' outside blocks are comments. A comment line exactly
// "# transport: tcp" runs the server as `bitext lsp --listen 127.0.0.1:0` and
// talks to it over a loopback TCP connection instead of its stdio pipes
// (close-stdin then shuts down the sending half of the connection).
//
// Matching: objects match when every expected key matches (extra keys are
// fine); "{{absent}}" as a value requires the key to be missing. Arrays must
// have the same length and match element by element. "{{any}}" matches any
// value, "{{string}}" / "{{number}}" any string / number, "{{regex:RE}}" a string
// that RE matches entirely (for text with a number computed by the core, such as
// an alignment score). Other values must be equal.
// At the end of the file the runner closes the server's input and fails on
// any message that was not expected.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/memory_connection.hpp"

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kTimeout = std::chrono::seconds(20);

struct Directive {
  std::string kind;
  std::string argument;
  std::string block;
  int line = 0;
};

[[noreturn]] void fail(const std::string& message) {
  std::cerr << "FAIL: " << message << "\n";
  std::exit(1);
}

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::vector<Directive> parse_transcript(const std::string& path) {
  std::ifstream in(path);
  if (!in) fail("cannot read " + path);
  std::vector<Directive> directives;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("// ", 0) == 0 && line.find(':') != std::string::npos) {
      std::string rest = line.substr(3);
      std::size_t colon = rest.find(':');
      directives.push_back(Directive{rest.substr(0, colon), trim(rest.substr(colon + 1)), "", number});
      continue;
    }
    if (directives.empty() || line.rfind("#", 0) == 0) continue;
    directives.back().block += line + "\n";
  }
  return directives;
}

std::string unescape(const std::string& block, int line) {
  std::string joined;
  std::istringstream lines(block);
  std::string part;
  while (std::getline(lines, part)) joined += part;
  std::string out;
  for (std::size_t i = 0; i < joined.size(); ++i) {
    if (joined[i] != '\\' || i + 1 == joined.size()) {
      out += joined[i];
      continue;
    }
    char c = joined[++i];
    if (c == 'r') out += '\r';
    else if (c == 'n') out += '\n';
    else if (c == 't') out += '\t';
    else if (c == '\\') out += '\\';
    else if (c == 'x' && i + 2 < joined.size()) {
      out += static_cast<char>(std::stoi(joined.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      fail("line " + std::to_string(line) + ": unknown escape \\" + std::string(1, c));
    }
  }
  return out;
}

json parse_block(const Directive& d) {
  try {
    return json::parse(d.block);
  } catch (const std::exception& e) {
    fail("line " + std::to_string(d.line) + ": block is not JSON: " + e.what());
  }
}

// ---- the server ------------------------------------------------------------

class Peer {
 public:
  virtual ~Peer() = default;
  virtual void write(const std::string& bytes) = 0;
  virtual void close_input() = 0;
  // The next message, or nullopt at EOF or when `deadline` passes.
  virtual std::optional<json> next(Clock::time_point deadline) = 0;
  virtual int wait_exit(Clock::time_point deadline) = 0;
};

// The server in this process.
class MemoryPeer : public Peer {
 public:
  void write(const std::string& bytes) override {
    if (closed_) fail("writing after close-stdin");
    connection_.send_bytes(bytes);
  }
  void close_input() override {
    closed_ = true;
    connection_.close_input();
  }
  std::optional<json> next(Clock::time_point deadline) override {
    // An exited server sends nothing more: what it sent is all there is.
    if (connection_.exited()) deadline = Clock::now();
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    try {
      return connection_.receive(std::max(left, std::chrono::milliseconds(0)));
    } catch (const std::exception& e) {
      fail(e.what());
    }
  }
  int wait_exit(Clock::time_point deadline) override {
    while (!connection_.exited() && Clock::now() < deadline) connection_.settle(std::chrono::milliseconds(10), std::chrono::milliseconds(100));
    if (!connection_.exited()) fail("the server did not exit in time");
    return *connection_.exit_code();
  }

 private:
  bitext::lsp::MemoryConnection connection_;
  bool closed_ = false;
};

// `bitext lsp` as a child process, over its stdio pipes or TCP.
class Server : public Peer {
 public:
  Server(const std::string& binary, bool tcp) : tcp_(tcp) {
    int to_child[2];
    int from_child[2];
    if (pipe(to_child) != 0 || pipe(from_child) != 0) fail("pipe failed");
    pid_ = fork();
    if (pid_ < 0) fail("fork failed");
    if (pid_ == 0) {
      // Over TCP the pipe to the child's stdout carries its stderr instead,
      // where it announces the port it listens on.
      dup2(to_child[0], 0);
      dup2(from_child[1], tcp ? 2 : 1);
      close(to_child[0]);
      close(to_child[1]);
      close(from_child[0]);
      close(from_child[1]);
      if (tcp) {
        execl(binary.c_str(), binary.c_str(), "lsp", "--listen", "127.0.0.1:0", static_cast<char*>(nullptr));
      } else {
        execl(binary.c_str(), binary.c_str(), "lsp", "--stdio", static_cast<char*>(nullptr));
      }
      std::perror("exec");
      _exit(127);
    }
    close(to_child[0]);
    close(from_child[1]);
    in_ = to_child[1];
    out_ = from_child[0];
    if (tcp) connect_tcp();
  }

  ~Server() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  void write(const std::string& bytes) override {
    if (in_ < 0) fail("writing after close-stdin");
    std::size_t done = 0;
    while (done < bytes.size()) {
      // Read what the server says meanwhile so that neither side blocks.
      pollfd fds[2] = {{in_, POLLOUT, 0}, {out_, POLLIN, 0}};
      if (poll(fds, 2, 20000) <= 0) fail("timed out writing to the server");
      if (fds[1].revents & (POLLIN | POLLHUP)) pump_once();
      if (fds[0].revents & (POLLERR | POLLHUP)) fail("the server closed its input");
      if (fds[0].revents & POLLOUT) {
        ssize_t n = ::write(in_, bytes.data() + done, std::min<std::size_t>(bytes.size() - done, 1 << 16));
        if (n < 0 && errno != EINTR && errno != EAGAIN) fail("write to the server failed");
        if (n > 0) done += static_cast<std::size_t>(n);
      }
    }
  }

  void close_input() override {
    if (tcp_ && in_ >= 0) {
      shutdown(in_, SHUT_WR);  // `out_` is the same socket: keep reading
    } else if (in_ >= 0) {
      close(in_);
    }
    in_ = -1;
  }

  // The next message, or nullopt at EOF or when `deadline` passes.
  std::optional<json> next(Clock::time_point deadline) override {
    for (;;) {
      if (auto message = take_message()) return message;
      if (eof_) return std::nullopt;
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return std::nullopt;
      pollfd fd{out_, POLLIN, 0};
      int ready = poll(&fd, 1, static_cast<int>(left));
      if (ready > 0) pump_once();
    }
  }

  bool at_eof() const { return eof_; }

  int wait_exit(Clock::time_point deadline) override {
    for (;;) {
      int status = 0;
      pid_t done = waitpid(pid_, &status, WNOHANG);
      if (done == pid_) {
        exited_ = true;
        if (WIFEXITED(status)) return WEXITSTATUS(status);
        return 128 + WTERMSIG(status);
      }
      if (Clock::now() > deadline) fail("the server did not exit in time");
      usleep(10000);
    }
  }

 private:
  // Reads "bitext lsp: listening on 127.0.0.1:PORT" from the server's stderr
  // (bounded wait), connects, and swaps the pipes for the socket.
  void connect_tcp() {
    std::string said;
    auto deadline = Clock::now() + std::chrono::seconds(20);
    const std::string marker = "listening on 127.0.0.1:";
    while (said.find('\n') == std::string::npos) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      pollfd fd{out_, POLLIN, 0};
      if (left <= 0 || poll(&fd, 1, static_cast<int>(left)) <= 0) fail("the server did not say where it listens");
      char chunk[256];
      ssize_t n = ::read(out_, chunk, sizeof chunk);
      if (n <= 0) fail("the server exited before listening: " + said);
      said.append(chunk, static_cast<std::size_t>(n));
    }
    std::size_t at = said.find(marker);
    if (at == std::string::npos) fail("unexpected announcement: " + said);
    int port = std::stoi(said.substr(at + marker.size()));
    int sock = socket(AF_INET, SOCK_STREAM, 0);
    if (sock < 0) fail("socket failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) fail("connect to the server failed");
    close(in_);  // the child's stdin: unused over TCP
    close(out_);
    in_ = sock;
    out_ = sock;
  }

  void pump_once() {
    char chunk[1 << 16];
    ssize_t n = ::read(out_, chunk, sizeof chunk);
    if (n > 0) {
      buffer_.append(chunk, static_cast<std::size_t>(n));
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
      eof_ = true;
    }
  }

  std::optional<json> take_message() {
    std::size_t end = buffer_.find("\r\n\r\n");
    if (end == std::string::npos) return std::nullopt;
    std::string header = buffer_.substr(0, end);
    const std::string name = "Content-Length: ";
    if (header.rfind(name, 0) != 0 || header.find("\r\n") != std::string::npos) {
      fail("server sent a bad header: " + header);
    }
    std::size_t length = std::stoul(header.substr(name.size()));
    if (buffer_.size() < end + 4 + length) return std::nullopt;
    std::string body = buffer_.substr(end + 4, length);
    buffer_.erase(0, end + 4 + length);
    try {
      return json::parse(body);
    } catch (const std::exception& e) {
      fail("server sent a body that is not JSON: " + body);
    }
  }

  pid_t pid_ = -1;
  bool tcp_ = false;
  int in_ = -1;
  int out_ = -1;
  bool eof_ = false;
  bool exited_ = false;
  std::string buffer_;
};

// ---- matching --------------------------------------------------------------

bool matches(const json& expected, const json& actual, std::string& where) {
  if (expected.is_string()) {
    const auto& s = expected.get_ref<const std::string&>();
    if (s == "{{any}}") return true;
    if (s == "{{string}}") return actual.is_string();
    if (s == "{{number}}") return actual.is_number();
    if (s.rfind("{{regex:", 0) == 0 && s.size() > 10 && s.compare(s.size() - 2, 2, "}}") == 0) {
      // ECMAScript over UTF-8 bytes: literal non-ASCII text matches byte for byte.
      if (!actual.is_string()) return false;
      bool ok = std::regex_match(actual.get<std::string>(), std::regex(s.substr(8, s.size() - 10)));
      if (!ok) where = " does not match " + s;
      return ok;
    }
  }
  if (expected.is_object()) {
    if (!actual.is_object()) return false;
    for (const auto& [key, value] : expected.items()) {
      bool absent = value.is_string() && value == "{{absent}}";
      auto it = actual.find(key);
      if (absent) {
        if (it != actual.end()) {
          where = "/" + key + " should be absent";
          return false;
        }
        continue;
      }
      if (it == actual.end()) {
        where = "/" + key + " is missing";
        return false;
      }
      std::string inner;
      if (!matches(value, *it, inner)) {
        where = "/" + key + inner;
        return false;
      }
    }
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array()) return false;
    if (expected.size() != actual.size()) {
      where = " has " + std::to_string(actual.size()) + " elements, expected " + std::to_string(expected.size());
      return false;
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
      std::string inner;
      if (!matches(expected[i], actual[i], inner)) {
        where = "/" + std::to_string(i) + inner;
        return false;
      }
    }
    return true;
  }
  if (expected.is_number() && actual.is_number()) return expected.get<double>() == actual.get<double>();
  return expected == actual;
}

std::string frame(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) fail("usage: lsp_transcript_runner (BITEXT_BINARY | --memory) FILE.jsonrpc");
  signal(SIGPIPE, SIG_IGN);
  auto directives = parse_transcript(argv[2]);
  bool tcp = false;
  {
    std::ifstream in(argv[2]);
    for (std::string line; std::getline(in, line);) tcp = tcp || trim(line) == "# transport: tcp";
  }
  std::unique_ptr<Peer> peer;
  if (std::string(argv[1]) == "--memory") {
    peer = std::make_unique<MemoryPeer>();
  } else {
    peer = std::make_unique<Server>(argv[1], tcp);
  }
  Peer& server = *peer;
  std::set<std::string> ignored;
  int expectations = 0;

  auto next_relevant = [&](Clock::time_point deadline) -> std::optional<json> {
    for (;;) {
      auto message = server.next(deadline);
      if (!message) return message;
      if (message->contains("method") && ignored.count((*message)["method"].get<std::string>())) continue;
      return message;
    }
  };
  bool exited = false;

  for (const Directive& d : directives) {
    std::string at = "line " + std::to_string(d.line) + " (" + d.kind + "): ";
    if (d.kind == "send") {
      server.write(frame(parse_block(d).dump()));
    } else if (d.kind == "send-raw") {
      server.write(unescape(d.block, d.line));
    } else if (d.kind == "send-padded") {
      std::size_t target = std::stoul(d.argument);
      std::string body = parse_block(d).dump();
      body.pop_back();  // the closing brace
      body += ",\"padding\":\"";
      if (body.size() + 2 > target) fail(at + "target smaller than the message");
      body += std::string(target - body.size() - 2, 'a');
      body += "\"}";
      server.write(frame(body));
    } else if (d.kind == "send-deep") {
      std::size_t depth = std::stoul(d.argument);
      std::string body = parse_block(d).dump();
      std::size_t deep = body.find("\"deep\":null");
      if (deep == std::string::npos) fail(at + "no \"deep\":null in the message");
      body.replace(deep + 7, 4, std::string(depth, '[') + std::string(depth, ']'));
      server.write(frame(body));
    } else if (d.kind == "expect") {
      json expected = parse_block(d);
      auto actual = next_relevant(Clock::now() + kTimeout);
      if (!actual) fail(at + "no message arrived; expected\n" + expected.dump(2));
      std::string where;
      if (!matches(expected, *actual, where)) {
        fail(at + "mismatch at " + (where.empty() ? "/" : where) + "\nexpected:\n" + expected.dump(2) +
             "\nactual:\n" + actual->dump(2));
      }
      ++expectations;
    } else if (d.kind == "expect-silence") {
      auto actual = next_relevant(Clock::now() + std::chrono::milliseconds(std::stoi(d.argument)));
      if (actual) fail(at + "expected no message, got\n" + actual->dump(2));
    } else if (d.kind == "ignore") {
      ignored.insert(d.argument);
    } else if (d.kind == "close-stdin") {
      server.close_input();
    } else if (d.kind == "expect-exit") {
      auto left = next_relevant(Clock::now() + kTimeout);
      if (left) fail(at + "unexpected message before exit:\n" + left->dump(2));
      int code = server.wait_exit(Clock::now() + kTimeout);
      if (code != std::stoi(d.argument)) fail(at + "exit code " + std::to_string(code) + ", expected " + d.argument);
      exited = true;
    } else {
      fail(at + "unknown directive");
    }
  }
  if (!exited) {
    server.close_input();
    auto left = next_relevant(Clock::now() + kTimeout);
    if (left) fail("unexpected message at the end:\n" + left->dump(2));
  }
  std::cout << "PASS: " << expectations << " expectations\n";
  return 0;
}
