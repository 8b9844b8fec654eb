// Soak test of `bitext lsp` (run by scripts/soak.sh; not part of ctest): one
// server process, tens of thousands of edits at typing speed on the sample and
// on a 5 MB document, with hovers, outlines (documentSymbol) and code actions
// in between. Reports the server's RSS at the start and the end, the latency
// of every kind of request (highest, p50, p99), and checks that
//  - every request is answered (a result or an error), none waits forever;
//  - the diagnostics published for each document's final version equal those a
//    fresh server publishes for the final text (computed here with the core
//    LineIndex, independently of the server's incremental edits).
// Usage: soak BITEXT_BINARY SOURCE_DIR [--quick] [--edits N] [--big-edits N]
//                                      [--interval-ms N] [--seed N]
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "bitext/text.hpp"
#include "lsp/framing.hpp"

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using bitext::LineIndex;
using bitext::Position;
using bitext::PositionEncoding;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Resident and peak resident memory of a process, in MB (from /proc).
std::pair<double, double> rss_mb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  double rss = 0, hwm = 0;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) rss = std::stod(line.substr(6)) / 1024.0;
    if (line.rfind("VmHWM:", 0) == 0) hwm = std::stod(line.substr(6)) / 1024.0;
  }
  return {rss, hwm};
}

struct Latencies {
  std::vector<double> ms;
  std::size_t errors = 0;  // answered with an error (ContentModified, ...)
  std::map<std::int64_t, std::size_t> error_codes;  // how many of each
  void report(const std::string& name) const {
    if (ms.empty()) return;
    std::string codes;
    for (const auto& [code, count] : error_codes) codes += " " + std::to_string(count) + "x" + std::to_string(code);
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    auto at = [&](double q) { return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(q * sorted.size()))]; };
    std::printf("  %-16s %6zu answered (%zu errors:%s)  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms\n", name.c_str(),
                sorted.size(), errors, codes.empty() ? " none" : codes.c_str(), at(0.5), at(0.99), sorted.back());
  }
};

// A `bitext lsp` child process, with a thread reading its output.
class ServerProcess {
 public:
  explicit ServerProcess(const std::string& binary) {
    int to_child[2], from_child[2];
    if (pipe(to_child) != 0 || pipe(from_child) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(to_child[0], 0);
      dup2(from_child[1], 1);
      close(to_child[1]);
      close(from_child[0]);
      execl(binary.c_str(), binary.c_str(), "lsp", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(to_child[0]);
    close(from_child[1]);
    in_ = to_child[1];
    out_ = from_child[0];
    reader_ = std::thread([this] { read_loop(); });
  }
  ~ServerProcess() {
    if (in_ >= 0) close(in_);
    if (reader_.joinable()) reader_.join();
    int status = 0;
    waitpid(pid_, &status, 0);
  }

  pid_t pid() const { return pid_; }

  void send(const json& message) {
    std::lock_guard lock(write_mutex_);  // the reader thread answers configuration requests
    const std::string frame = bitext::lsp::frame_message(message.dump());
    for (std::size_t at = 0; at < frame.size();) {
      const ssize_t n = write(in_, frame.data() + at, frame.size() - at);
      if (n <= 0) throw std::runtime_error("the server closed its input");
      at += static_cast<std::size_t>(n);
    }
  }
  // Sends a request and times its answer.
  void request(const std::string& method, json params, Latencies* latencies) {
    std::int64_t id;
    {
      std::lock_guard lock(mutex_);
      id = next_id_++;
      pending_[id] = Pending{Clock::now(), latencies};
    }
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  }
  std::size_t unanswered() {
    std::lock_guard lock(mutex_);
    return pending_.size();
  }
  // Waits until every request is answered and `uri`'s diagnostics for
  // `version` are published; returns them.
  std::optional<json> wait_for(const std::string& uri, std::int64_t version, std::chrono::seconds timeout) {
    std::unique_lock lock(mutex_);
    const bool done = changed_.wait_for(lock, timeout, [&] {
      auto it = published_.find(uri);
      return closed_ || (pending_.empty() && it != published_.end() && it->second.first == version);
    });
    auto it = published_.find(uri);
    if (!done || it == published_.end() || it->second.first != version) return std::nullopt;
    return it->second.second;
  }
  bool alive() {
    std::lock_guard lock(mutex_);
    return !closed_;
  }

 private:
  struct Pending {
    Clock::time_point sent;
    Latencies* latencies;
  };

  void read_loop() {
    bitext::lsp::FrameReader reader;
    std::vector<char> buffer(1 << 16);
    for (;;) {
      const ssize_t n = read(out_, buffer.data(), buffer.size());
      if (n <= 0) break;
      reader.feed(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
      while (auto event = reader.next()) {
        if (auto* body = std::get_if<bitext::lsp::FrameBody>(&*event)) handle(json::parse(body->body));
      }
    }
    std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }

  void handle(json message) {
    const auto now = Clock::now();
    std::lock_guard lock(mutex_);
    if (message.value("method", "") == "textDocument/publishDiagnostics") {
      json& params = message["params"];
      published_[params["uri"].get<std::string>()] = {params.value("version", std::int64_t{-1}),
                                                       std::move(params["diagnostics"])};
    } else if (message.contains("id") && message["id"].is_number_integer() && !message.contains("method")) {
      auto it = pending_.find(message["id"].get<std::int64_t>());
      if (it != pending_.end()) {
        if (it->second.latencies) {
          it->second.latencies->ms.push_back(std::chrono::duration<double, std::milli>(now - it->second.sent).count());
          if (message.contains("error")) {
            ++it->second.latencies->errors;
            ++it->second.latencies->error_codes[message["error"].value("code", std::int64_t{0})];
          }
        }
        pending_.erase(it);
      }
    } else if (message.value("method", "") == "workspace/configuration" && message.contains("id")) {
      send({{"jsonrpc", "2.0"}, {"id", message["id"]}, {"result", json::array({json::object()})}});
    }
    changed_.notify_all();
  }

  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  std::thread reader_;
  std::mutex mutex_;  // what follows
  std::mutex write_mutex_;
  std::condition_variable changed_;
  std::int64_t next_id_ = 1;
  std::map<std::int64_t, Pending> pending_;
  std::map<std::string, std::pair<std::int64_t, json>> published_;
  bool closed_ = false;
};

json position_json(Position p) { return {{"line", p.line}, {"character", p.character}}; }

void initialize(ServerProcess& server) {
  server.request("initialize", {{"capabilities", json::object()}, {"processId", nullptr}}, nullptr);
  server.send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
}

void open(ServerProcess& server, const std::string& uri, const std::string& text, std::int64_t version) {
  server.send({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
               {"params", {{"textDocument", {{"uri", uri}, {"languageId", "bitext"}, {"version", version}, {"text", text}}}}}});
  // A hover waits for the analysis and is answered after its full diagnostics:
  // until then wait_for does not take a large document's early (structural) list.
  server.request("textDocument/hover",
                 {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 0}}}}, nullptr);
}

// Someone typing: a cursor that types words and sentence ends, deletes with
// backspace, breaks and joins lines, pastes a line, and moves now and then.
class Typist {
 public:
  explicit Typist(std::uint32_t seed) : random_(seed) {}

  // One edit on `text` (applied to it); returns the didChange contentChanges.
  json edit(std::string& text) {
    LineIndex index(text);
    const std::size_t lines = index.line_count();
    if (below(40) == 0 || line_ >= lines) {  // move the cursor
      line_ = below(lines);
      column_ = static_cast<std::uint32_t>(below(code_units(index.line_text(line_)) + 1));
    }
    const std::uint32_t length = static_cast<std::uint32_t>(code_units(index.line_text(line_)));
    column_ = std::min(column_, length);
    Position at{static_cast<std::uint32_t>(line_), column_};
    Position end = at;
    std::string inserted;
    const std::size_t what = below(100);
    if (what < 55) {
      static const char* const kTyped[] = {"a", "e", "n", " ", "中", "文", "的", "。", ".", ",", "1", "🤗"};
      inserted = kTyped[below(std::size(kTyped))];
    } else if (what < 85) {  // backspace
      if (column_ == 0) return edit(text);
      at.character = column_ - 1;
    } else if (what < 92) {
      inserted = "\n";
    } else if (what < 96 && line_ + 1 < lines) {  // join with the next line
      end = Position{static_cast<std::uint32_t>(line_ + 1), 0};
      at.character = length;
    } else {
      inserted = std::string(index.line_text(below(lines))) + "\n";  // paste a line
      at.character = 0;
      end = at;
    }
    const std::size_t begin = index.offset_of(at, PositionEncoding::Utf16);
    const std::size_t finish = index.offset_of(end, PositionEncoding::Utf16);
    text = text.substr(0, begin) + inserted + text.substr(finish);
    // The cursor follows the text, as in an editor.
    LineIndex after(text);
    const Position cursor = after.position_of(begin + inserted.size(), PositionEncoding::Utf16);
    line_ = cursor.line;
    column_ = cursor.character;
    return json::array({{{"range", {{"start", position_json(at)}, {"end", position_json(end)}}}, {"text", inserted}}});
  }

  std::size_t below(std::size_t bound) { return std::uniform_int_distribution<std::size_t>(0, bound - 1)(random_); }

 private:
  static std::size_t code_units(std::string_view line) { return bitext::code_units(line, PositionEncoding::Utf16); }
  std::mt19937 random_;
  std::size_t line_ = 0;
  std::uint32_t column_ = 0;
};

struct Phase {
  std::string name, uri, text;
  std::size_t edits;
};

// The sample's pairs repeated to `bytes`, each copy's lines tagged with its
// number so that no two lines are equal (caches keyed by line text would
// otherwise skip most of the work).
std::string big_document(const std::string& sample, std::size_t bytes) {
  std::string out;
  for (int copy = 1; out.size() < bytes; ++copy) {
    std::istringstream in(sample);
    std::string line;
    while (std::getline(in, line)) out += line.empty() ? "\n" : line + " (" + std::to_string(copy) + ")\n";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: soak BITEXT_BINARY SOURCE_DIR [--quick] [--edits N] [--big-edits N] [--interval-ms N] [--seed N]\n";
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  const std::string binary = argv[1];
  const std::string source = argv[2];
  std::size_t edits = 20000, big_edits = 10000, interval_ms = 10, big_interval_ms = 20;
  std::uint32_t seed = 1;
  for (int i = 3; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&] { return i + 1 < argc ? std::stoul(argv[++i]) : throw std::invalid_argument(arg + " needs a value"); };
    if (arg == "--quick") edits = 1500, big_edits = 300;
    else if (arg == "--edits") edits = value();
    else if (arg == "--big-edits") big_edits = value();
    else if (arg == "--interval-ms") interval_ms = value(), big_interval_ms = 2 * interval_ms;
    else if (arg == "--seed") seed = static_cast<std::uint32_t>(value());
    else {
      std::cerr << "soak: unknown option " << arg << "\n";
      return 2;
    }
  }
  const std::string sample = read_file(source + "/examples/unsupervised-learning-ep1.zh-en.txt");
  if (sample.empty()) {
    std::cerr << "soak: cannot read the sample under " << source << "\n";
    return 2;
  }
  std::vector<Phase> phases = {{"sample", "file:///soak/sample.txt", sample, edits},
                               {"5 MB document", "file:///soak/big.txt", big_document(sample, 5u << 20), big_edits}};

  ServerProcess server(binary);
  initialize(server);
  Typist typist(seed);
  Latencies hover, symbols, actions;
  bool ok = true;
  std::optional<std::pair<double, double>> start_rss;

  for (Phase& phase : phases) {
    const std::size_t interval = &phase == &phases[0] ? interval_ms : big_interval_ms;
    std::printf("%s: %zu bytes, %zu edits %zu ms apart\n", phase.name.c_str(), phase.text.size(), phase.edits, interval);
    std::fflush(stdout);
    open(server, phase.uri, phase.text, 1);
    if (!server.wait_for(phase.uri, 1, std::chrono::seconds(120))) {
      std::printf("  FAIL: no diagnostics for the opened document\n");
      return 1;
    }
    const auto opened_rss = rss_mb(server.pid());
    if (!start_rss) start_rss = opened_rss;
    std::printf("  RSS once opened and analysed: %.1f MB\n", opened_rss.first);
    std::int64_t version = 1;
    const auto began = Clock::now();
    for (std::size_t i = 0; i < phase.edits && server.alive(); ++i) {
      json changes = typist.edit(phase.text);
      server.send({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"},
                   {"params", {{"textDocument", {{"uri", phase.uri}, {"version", ++version}}}, {"contentChanges", changes}}}});
      const json document = {{"uri", phase.uri}};
      if (i % 25 == 12) {
        LineIndex index(phase.text);
        const auto line = static_cast<std::uint32_t>(typist.below(index.line_count()));
        server.request("textDocument/hover", {{"textDocument", document}, {"position", position_json({line, 1})}}, &hover);
      }
      if (i % 200 == 100) server.request("textDocument/documentSymbol", {{"textDocument", document}}, &symbols);
      if (i % 100 == 50) {
        LineIndex index(phase.text);
        const auto line = static_cast<std::uint32_t>(typist.below(index.line_count()));
        server.request("textDocument/codeAction",
                       {{"textDocument", document},
                        {"range", {{"start", position_json({line, 0})}, {"end", position_json({line + 3, 0})}}},
                        {"context", {{"diagnostics", json::array()}}}},
                       &actions);
      }
      std::this_thread::sleep_until(began + std::chrono::milliseconds(interval * (i + 1)));
    }
    const std::optional<json> published = server.wait_for(phase.uri, version, std::chrono::seconds(300));
    if (!published) {
      std::printf("  FAIL: no diagnostics for the final version %lld, or %zu requests unanswered (server %s)\n",
                  static_cast<long long>(version), server.unanswered(), server.alive() ? "alive" : "gone");
      ok = false;
      break;
    }
    ServerProcess fresh(binary);
    initialize(fresh);
    open(fresh, phase.uri, phase.text, version);
    const std::optional<json> expected = fresh.wait_for(phase.uri, version, std::chrono::seconds(300));
    const bool same = expected && *expected == *published;
    std::printf("  final version %lld (%zu bytes): %zu diagnostics published, %s a fresh server's %zu\n",
                static_cast<long long>(version), phase.text.size(), published->size(),
                same ? "equal to" : "DIFFERENT FROM", expected ? expected->size() : 0);
    ok = ok && same;
    std::printf("  RSS after the edits: %.1f MB\n", rss_mb(server.pid()).first);
    fresh.send({{"jsonrpc", "2.0"}, {"id", 99}, {"method", "shutdown"}, {"params", nullptr}});
    fresh.send({{"jsonrpc", "2.0"}, {"method", "exit"}});
  }
  const auto end_rss = rss_mb(server.pid());
  std::printf("RSS: %.1f MB at start, %.1f MB at the end (peak %.1f MB)\n", start_rss ? start_rss->first : 0.0,
              end_rss.first, end_rss.second);
  std::printf("requests:\n");
  hover.report("hover");
  symbols.report("documentSymbol");
  actions.report("codeAction");
  const std::size_t unanswered = server.unanswered();
  if (unanswered > 0) {
    std::printf("FAIL: %zu requests never answered\n", unanswered);
    ok = false;
  }
  server.send({{"jsonrpc", "2.0"}, {"id", 0}, {"method", "shutdown"}});
  server.send({{"jsonrpc", "2.0"}, {"method", "exit"}});
  std::printf("%s\n", ok ? "soak: OK" : "soak: FAILED");
  return ok ? 0 : 1;
}
