// Language-server latency on a ~10 MB transcript (the shipped sample's pairs
// repeated, every line tagged so that no two are equal), measured in process through the server's real message path:
//   recheck:  one-character didChange -> its publishDiagnostics (debounce 0, so
//             no debounce delay is included), each keystroke as soon as the last
//             is published (the first is the first re-check after opening), and
//             paced 100 ms apart
//   hover, documentSymbol, codeAction: request -> response
// Each reports the median and p99 over its iterations (counters p50_ms, p99_ms)
// and the process CPU time (user + system, all threads) per iteration, cpu_ms:
// on a shared machine wall time includes waiting for a core, CPU time does not.
// recheck also splits each sample into the core's Analysis::rerun (core_*) and
// everything else the server does on the way (lsp_*: edit, copy, hand-offs,
// snapshot tables, diagnostics JSON, framing).
// Run: build/bench/bench_lsp [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <algorithm>
#include <map>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "lsp/framing.hpp"
#include "lsp/published_diagnostics.hpp"
#include "lsp/jsonrpc.hpp"
#include "lsp/server.hpp"

namespace {

using namespace bitext::lsp;
using Clock = std::chrono::steady_clock;
const std::string kUri = "file:///big.zh-en.txt";

// With `labelled`, every line opens with its speaker's label in its language
// ("雅各布：" / "Jacob: "), the speaker changing every three pairs, as in an
// interview's transcript.
std::string big_transcript(std::size_t target_bytes, bool labelled = false) {
  static const char* const kSpeakers[3][2] = {{"雅各布：", "Jacob: "}, {"克莱姆：", "Clem: "}, {"杰森：", "Jason: "}};
  std::ifstream in(std::string(BITEXT_SOURCE_DIR) + "/examples/unsupervised-learning-ep1.zh-en.txt");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  // 3 header lines, pairs on lines 3..236, 2 footer lines.
  std::string text;
  for (int i = 0; i < 3; ++i) text += lines[i] + "\n";
  // Both lines of each copy of a pair end in the same tag, so that no two
  // lines are equal: a real document does not repeat, and work kept by a
  // line's text would otherwise make the copies free.
  for (std::size_t copy = 1; text.size() < target_bytes; ++copy) {
    for (std::size_t i = 3; i + 2 < lines.size(); ++i) {
      if (labelled) text += kSpeakers[((i - 3) / 6) % 3][(i - 3) % 2];  // (the sample: Chinese line first)
      text += lines[i] + " [" + std::to_string(copy) + "-" + std::to_string((i - 3) / 2) + "]\n";
    }
  }
  text += lines[lines.size() - 2] + "\n" + lines.back();
  return text;
}

// The server on its own I/O thread; records when each outgoing frame is made.
class Harness {
 public:
  Harness() : guard_(io_.get_executor()) {
    server_ = std::make_unique<Server>(io_, [this](std::string frame) {
      std::lock_guard lock(mutex_);
      frames_.push_back({Clock::now(), std::move(frame)});
      ready_.notify_all();
    });
    server_->on_analysis_done([this](const AnalysisResult& result) {
      std::lock_guard lock(mutex_);
      core_ms_[result.version] = std::chrono::duration<double, std::milli>(result.core_elapsed).count();
    });
    thread_ = std::thread([this] { io_.run(); });
  }
  ~Harness() {
    boost::asio::post(io_, [this] { server_.reset(); });
    guard_.reset();
    thread_.join();
  }

  void send(const json& message) {
    std::string bytes = frame_message(serialize(message));
    boost::asio::post(io_, [this, bytes = std::move(bytes)] { server_->receive(bytes); });
  }

  // Time at which the first frame containing `needle` (after the ones already
  // seen) was made; earlier frames are dropped.
  Clock::time_point wait_for(const std::string& needle) {
    std::unique_lock lock(mutex_);
    for (;;) {
      while (!frames_.empty()) {
        auto [when, frame] = std::move(frames_.front());
        frames_.erase(frames_.begin());
        if (frame.find(needle) != std::string::npos) return when;
      }
      ready_.wait(lock);
    }
  }

  // Analysis::run/rerun time of the analysis of `version` (0 when unknown).
  double core_ms(std::int64_t version) {
    std::lock_guard lock(mutex_);
    auto it = core_ms_.find(version);
    return it == core_ms_.end() ? 0 : it->second;
  }

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<std::pair<Clock::time_point, std::string>> frames_;
  std::map<std::int64_t, double> core_ms_;
};

double process_cpu_ms() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto ms = [](const timeval& t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

// Process CPU per iteration over a benchmark's loop.
struct CpuMeter {
  double start = process_cpu_ms();
  void report(benchmark::State& state) const {
    state.counters["cpu_ms"] = (process_cpu_ms() - start) / static_cast<double>(std::max<std::int64_t>(1, state.iterations()));
  }
};

struct Session {
  Harness harness;
  std::string text;
  std::size_t lines = 0;
  std::uint32_t edit_column = 2;  // where the recheck types: inside the line's text, after any label
  std::int64_t version = 1;
  std::int64_t next_id = 100;

  explicit Session(bool labelled = false) : text(big_transcript(10u << 20, labelled)) {
    lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    if (labelled) {
      // After the label of the line typed in (UTF-16 units: every label is in the BMP).
      std::size_t at = 0;
      for (std::size_t line = 0; line < lines / 2 + 1; ++line) at = text.find('\n', at) + 1;
      const std::size_t colon = std::min(text.find("：", at), text.find(": ", at));
      std::uint32_t units = 0;
      for (std::size_t i = at; i < colon; ++i) units += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
      edit_column = units + 1 + 2;
    }
    harness.send(make_request(1, "initialize",
                              {{"capabilities",
                                {{"textDocument",
                                  {{"documentSymbol", {{"hierarchicalDocumentSymbolSupport", true}}},
                                   {"hover", {{"contentFormat", {"markdown"}}}},
                                   {"codeAction", {{"codeActionLiteralSupport", json::object()}}}}}}},
                               {"initializationOptions", {{"debounceMs", 0}}}}));
    harness.wait_for("\"id\":1");
    harness.send(make_notification("initialized", json::object()));
    harness.send(make_notification(
        "textDocument/didOpen",
        {{"textDocument", {{"uri", kUri}, {"languageId", "bitext"}, {"version", version}, {"text", text}}}}));
    // A hover waits for the analysis and is answered after its full
    // diagnostics (the structural findings of a large document come earlier).
    request("textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", 0}, {"character", 0}}}});
  }

  // Sends a request and returns its latency in milliseconds.
  double request(const std::string& method, json params) {
    std::int64_t id = next_id++;
    auto start = Clock::now();
    harness.send(make_request(id, method, std::move(params)));
    auto done = harness.wait_for("\"id\":" + std::to_string(id) + ",");
    return std::chrono::duration<double, std::milli>(done - start).count();
  }
};

Session& session() {
  static Session instance;
  return instance;
}
Session& labelled_session() {
  static Session instance(true);
  return instance;
}

void report(benchmark::State& state, std::vector<double> samples, const std::string& prefix = "",
            const Session& s = session()) {
  if (samples.empty()) return;
  std::sort(samples.begin(), samples.end());
  auto at = [&](double q) { return samples[std::min(samples.size() - 1, static_cast<std::size_t>(q * samples.size()))]; };
  state.counters[prefix + "p50_ms"] = at(0.5);
  state.counters[prefix + "p99_ms"] = at(0.99);
  state.counters["doc_MB"] = static_cast<double>(s.text.size()) / (1 << 20);
}

// `pause`: time between keystrokes (0: each as soon as the last is published).
void recheck_after_one_character(benchmark::State& state, std::chrono::milliseconds pause, Session& s = session()) {
  std::vector<double> samples, core, lsp;
  bool insert = true;
  CpuMeter cpu;
  for (auto _ : state) {
    if (pause.count() > 0) std::this_thread::sleep_for(pause);
    // Type or delete one character in the middle of a translation line.
    auto line = static_cast<std::uint32_t>(s.lines / 2 + 1);
    json range = {{"start", {{"line", line}, {"character", s.edit_column}}},
                  {"end", {{"line", line}, {"character", insert ? s.edit_column : s.edit_column + 1}}}};
    ++s.version;
    auto start = Clock::now();
    s.harness.send(make_notification(
        "textDocument/didChange",
        {{"textDocument", {{"uri", kUri}, {"version", s.version}}},
         {"contentChanges", json::array({{{"range", range}, {"text", insert ? "字" : ""}}})}}));
    auto done = s.harness.wait_for("\"version\":" + std::to_string(s.version) + "}");
    double ms = std::chrono::duration<double, std::milli>(done - start).count();
    samples.push_back(ms);
    core.push_back(s.harness.core_ms(s.version));
    lsp.push_back(ms - core.back());
    state.SetIterationTime(ms / 1000);
    insert = !insert;
  }
  cpu.report(state);
  report(state, samples, "", s);
  report(state, core, "core_", s);
  report(state, lsp, "lsp_", s);
}
void BM_RecheckAfterOneCharacter(benchmark::State& state) { recheck_after_one_character(state, {}); }
// Keystrokes 100 ms apart, a fast typist's pace: between them the server frees
// the version it replaced, as it does while a user types.
void BM_RecheckAfterOneCharacterPaced(benchmark::State& state) {
  recheck_after_one_character(state, std::chrono::milliseconds(100));
}
BENCHMARK(BM_RecheckAfterOneCharacter)->UseManualTime()->Iterations(60)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RecheckAfterOneCharacterPaced)->UseManualTime()->Iterations(60)->Unit(benchmark::kMillisecond);
// The same document with a speaker label on every line (the layout of most
// interview transcripts): the labels and the speakers are read again at each edit.
void BM_RecheckAfterOneCharacterLabelled(benchmark::State& state) {
  recheck_after_one_character(state, {}, labelled_session());
}
BENCHMARK(BM_RecheckAfterOneCharacterLabelled)->UseManualTime()->Iterations(60)->Unit(benchmark::kMillisecond);

void BM_Hover(benchmark::State& state) {
  Session& s = session();
  std::vector<double> samples;
  CpuMeter cpu;
  std::uint32_t line = 3;
  for (auto _ : state) {
    line = static_cast<std::uint32_t>((line * 7919 + 13) % s.lines);
    double ms = s.request("textDocument/hover",
                          {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", line}, {"character", 1}}}});
    samples.push_back(ms);
    state.SetIterationTime(ms / 1000);
  }
  cpu.report(state);
  report(state, samples);
}
BENCHMARK(BM_Hover)->UseManualTime()->Iterations(300)->Unit(benchmark::kMillisecond);

void BM_CodeActionAtCursor(benchmark::State& state) {
  Session& s = session();
  std::vector<double> samples;
  CpuMeter cpu;
  std::uint32_t line = 3;
  for (auto _ : state) {
    line = static_cast<std::uint32_t>((line * 7919 + 13) % s.lines);
    json position = {{"line", line}, {"character", 0}};
    double ms = s.request("textDocument/codeAction", {{"textDocument", {{"uri", kUri}}},
                                                      {"range", {{"start", position}, {"end", position}}},
                                                      {"context", {{"diagnostics", json::array()}}}});
    samples.push_back(ms);
    state.SetIterationTime(ms / 1000);
  }
  cpu.report(state);
  report(state, samples);
}
BENCHMARK(BM_CodeActionAtCursor)->UseManualTime()->Iterations(300)->Unit(benchmark::kMillisecond);

void BM_DocumentSymbol(benchmark::State& state) {
  Session& s = session();
  std::vector<double> samples;
  CpuMeter cpu;
  for (auto _ : state) {
    double ms = s.request("textDocument/documentSymbol", {{"textDocument", {{"uri", kUri}}}});
    samples.push_back(ms);
    state.SetIterationTime(ms / 1000);
  }
  cpu.report(state);
  report(state, samples);
  state.counters["pairs"] = static_cast<double>(s.lines / 2);
}
BENCHMARK(BM_DocumentSymbol)->UseManualTime()->Iterations(20)->Unit(benchmark::kMillisecond);

// The first documentSymbol of a new version (the outline is cached per
// version, so BM_DocumentSymbol measures mostly repeats).
void BM_DocumentSymbolNewVersion(benchmark::State& state) {
  Session& s = session();
  std::vector<double> samples;
  bool insert = true;
  for (auto _ : state) {
    state.PauseTiming();
    auto line = static_cast<std::uint32_t>(s.lines / 3 + 1);
    json range = {{"start", {{"line", line}, {"character", 2}}}, {"end", {{"line", line}, {"character", insert ? 2 : 3}}}};
    ++s.version;
    s.harness.send(make_notification(
        "textDocument/didChange",
        {{"textDocument", {{"uri", kUri}, {"version", s.version}}},
         {"contentChanges", json::array({{{"range", range}, {"text", insert ? "字" : ""}}})}}));
    s.harness.wait_for("\"version\":" + std::to_string(s.version) + "}");
    insert = !insert;
    state.ResumeTiming();
    double ms = s.request("textDocument/documentSymbol", {{"textDocument", {{"uri", kUri}}}});
    samples.push_back(ms);
    state.SetIterationTime(ms / 1000);
  }
  report(state, samples);
}
BENCHMARK(BM_DocumentSymbolNewVersion)->UseManualTime()->Iterations(5)->Unit(benchmark::kMillisecond);

}  // namespace



// Attribution: the core's re-analysis alone, and the outline built alone (no
// JSON-RPC, no serialisation), on the same text.
#include "bitext/analysis.hpp"
#include "lsp/diagnostics.hpp"
#include "lsp/symbols.hpp"

namespace {

void BM_CoreRerunAlone(benchmark::State& state) {
  static std::string text = big_transcript(10u << 20);
  static auto base = bitext::Analysis::run(text, bitext::CheckOptions{});
  std::size_t middle = text.size() / 2;
  middle = text.find('\n', middle) + 1;
  std::string edited = text;
  edited.insert(middle + 3, "x");
  auto line = static_cast<std::uint32_t>(base->index().line_of(middle));
  // The CPU column is this thread's; the content checks also run on others:
  // the process's CPU per rerun (user + system, every thread) is cpu_p50_ms.
  std::vector<double> cpu;
  for (auto _ : state) {
    const double start = process_cpu_ms();
    auto next = bitext::Analysis::rerun(*base, edited, {bitext::LineEdit{line, 1, 1}}, bitext::CheckOptions{});
    benchmark::DoNotOptimize(next);
    state.PauseTiming();
    next.reset();  // the version is freed between keystrokes, not while one is analysed
    cpu.push_back(process_cpu_ms() - start);
    state.ResumeTiming();
  }
  std::sort(cpu.begin(), cpu.end());
  state.counters["cpu_p50_ms"] = cpu[cpu.size() / 2];
  state.counters["findings"] = static_cast<double>(base->findings().size());
}
BENCHMARK(BM_CoreRerunAlone)->Iterations(9)->Unit(benchmark::kMillisecond);

void BM_DocumentSymbolsBuildAlone(benchmark::State& state) {
  static std::string text = big_transcript(10u << 20);
  static auto analysis = bitext::Analysis::run(text, bitext::CheckOptions{});
  for (auto _ : state) {
    auto symbols =
        document_symbols_text(kUri, analysis->transcript(), analysis->index(), bitext::PositionEncoding::Utf16, true);
    benchmark::DoNotOptimize(symbols);
  }
  state.counters["pairs"] = static_cast<double>(analysis->transcript().pairs.size());
  state.counters["sec_per_pair"] = benchmark::Counter(static_cast<double>(analysis->transcript().pairs.size()),
                                                     benchmark::Counter::kIsIterationInvariantRate |
                                                         benchmark::Counter::kInvert);
}
BENCHMARK(BM_DocumentSymbolsBuildAlone)->Iterations(5)->Unit(benchmark::kMillisecond);

// The publishDiagnostics params of the whole document written alone (UTF-16
// columns, related information), as the server does after each analysis.
void BM_DiagnosticsJsonAlone(benchmark::State& state) {
  static std::string text = big_transcript(10u << 20);
  static auto analysis = bitext::Analysis::run(text, bitext::CheckOptions{});
  Snapshot snapshot(analysis, 7);
  ClientCapabilities caps;
  caps.related_information = true;
  FeatureContext context{kUri, snapshot, caps};
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string params = publish_diagnostics_text(context);
    bytes = params.size();
    benchmark::DoNotOptimize(params);
  }
  auto findings = static_cast<double>(analysis->findings().size());
  state.counters["findings"] = findings;
  state.counters["MB"] = static_cast<double>(bytes) / (1 << 20);
  state.counters["sec_per_finding"] =
      benchmark::Counter(findings, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_DiagnosticsJsonAlone)->Iterations(5)->Unit(benchmark::kMillisecond);

// The same params written by the server's cache of the last published
// diagnostics, after a one-character edit in the middle of the document (each
// iteration publishes the edited version and the original in turn, each
// reusing what the other left): what the server writes after each keystroke.
void BM_DiagnosticsJsonAfterOneCharacter(benchmark::State& state) {
  static std::string text = big_transcript(10u << 20);
  static auto base = bitext::Analysis::run(text, bitext::CheckOptions{});
  std::size_t middle = text.find('\n', text.size() / 2) + 1;
  std::string edited_text = text;
  edited_text.insert(middle + 3, "x");
  auto line = static_cast<std::uint32_t>(base->index().line_of(middle));
  static auto edited = bitext::Analysis::rerun(*base, edited_text, {bitext::LineEdit{line, 1, 1}}, bitext::CheckOptions{});
  Snapshot base_snapshot(base, 7);
  Snapshot edited_snapshot(edited, 8);
  ClientCapabilities caps;
  caps.related_information = true;
  FeatureContext base_context{kUri, base_snapshot, caps};
  FeatureContext edited_context{kUri, edited_snapshot, caps};
  PublishedDiagnostics published;
  std::string params;
  published.append(params, base_context);
  std::size_t written = 0;
  for (auto _ : state) {
    for (const FeatureContext* context : {&edited_context, &base_context}) {
      params.clear();
      published.append(params, *context);
      written += published.written();
      benchmark::DoNotOptimize(params);
    }
  }
  state.counters["findings"] = static_cast<double>(edited->findings().size());
  state.counters["written_per_publish"] = static_cast<double>(written) / static_cast<double>(2 * state.iterations());
  state.counters["sec_per_publish"] =
      benchmark::Counter(2, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_DiagnosticsJsonAfterOneCharacter)->Iterations(10)->Unit(benchmark::kMillisecond);

// The framing reader fed byte by byte, as from a client (or a pipe) that
// writes in small pieces: a 1 MiB message body, and 64 KiB of bytes outside any
// message (resynchronising). The time per byte stays flat as the size grows
// (the reader resumes its scans where it stopped; it once re-scanned what it
// held on every byte, which made these quadratic).
void BM_FramingByteByByte(benchmark::State& state) {
  const auto bytes = static_cast<std::size_t>(state.range(0));
  const bool junk = state.range(1) != 0;
  std::string wire;
  if (junk) {
    wire = "{\"id\":1,\"x\":\"" + std::string(bytes, 'c') + "\"";  // never closed: no header, no object
  } else {
    wire = frame_message("{\"id\":1,\"x\":\"" + std::string(bytes, 'c') + "\"}");
  }
  std::size_t events = 0;
  for (auto _ : state) {
    FrameReader reader;
    for (char c : wire) {
      reader.feed(std::string_view(&c, 1));
      while (reader.next()) ++events;
    }
    benchmark::DoNotOptimize(events);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * wire.size()));
}
BENCHMARK(BM_FramingByteByByte)->Args({16 << 10, 0})->Args({1 << 20, 0})->Args({16 << 10, 1})->Args({64 << 10, 1})
    ->Unit(benchmark::kMillisecond);

}  // namespace
BENCHMARK_MAIN();
