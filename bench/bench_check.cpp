// Throughput of what `bitext check --no-content` does per file: line index,
// pairing and structural checks, on the sample (74 KB) and on a ~10 MB
// transcript made by repeating the sample's pairs, every line tagged so that no two are equal. Targets: >= 100 MB/s on one
// core, peak memory < 5x the file size.
//
//   bench_check                                    all benchmarks
//   bench_check --benchmark_filter=PeakRss         memory of the real command
// BM_CheckCommandPeakRss runs the `bitext` binary next to this build
// (<build>/bitext, or $BITEXT_BINARY) on a 10 MB file and reads its peak
// resident set size (VmHWM) as it exits; build the `bitext` target first.
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/checks.hpp"
#include "bitext/options.hpp"
#include "bitext/pairing.hpp"
#include "bitext/text.hpp"
#include "child_process.hpp"


namespace {

constexpr std::size_t kLargeSize = 10 * 1000 * 1000;

const std::string& sample() {
  static const std::string text = [] {
    std::ifstream in(std::string(BITEXT_SOURCE_DIR) + "/examples/unsupervised-learning-ep1.zh-en.txt",
                     std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }();
  return text;
}

// The sample's 3 header lines, its 117 pairs (lines 4..237) repeated until the
// text reaches `size` bytes, and its 2 footer lines: a long, clean transcript.
// Both lines of each copy of a pair end in the same tag (" [copy-pair]"), so
// that no two lines are equal: a real document does not repeat, and work kept
// by a line's text would otherwise make the copies free.
std::string repeated_transcript(std::size_t size) {
  const std::string& text = sample();
  std::vector<std::string_view> lines;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(std::string_view(text).substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  std::string out;
  out.reserve(size + text.size() + 1024);
  for (std::size_t i = 0; i < 3 && i < lines.size(); ++i) (out += lines[i]) += '\n';
  for (std::size_t copy = 1; out.size() + text.size() <= size; ++copy) {
    for (std::size_t i = 3; i + 3 < lines.size(); i += 2) {
      const std::string tag = " [" + std::to_string(copy) + "-" + std::to_string((i - 3) / 2) + "]\n";
      (out += lines[i]) += tag;
      (out += lines[i + 1]) += tag;
    }
  }
  for (std::size_t i = lines.size() - 2; i < lines.size(); ++i) (out += lines[i]) += '\n';
  out.pop_back();
  return out;
}

const std::string& large() {
  static const std::string text = repeated_transcript(kLargeSize);
  return text;
}

const std::string& input(std::int64_t which) { return which == 0 ? sample() : large(); }
const char* input_name(std::int64_t which) { return which == 0 ? "sample" : "10MB"; }

bitext::CheckOptions structural_only() {
  bitext::CheckOptions options;
  options.content_checks = false;
  return options;
}

// What the CLI runs per file. The text copy into run() is included: it is a
// memcpy, small next to the analysis.
void BM_AnalysisStructural(benchmark::State& state) {
  const std::string& text = input(state.range(0));
  const bitext::CheckOptions options = structural_only();
  std::size_t findings = 0;
  std::size_t pairs = 0;
  for (auto _ : state) {
    const auto analysis = bitext::Analysis::run(text, options);
    findings = analysis->findings().size();
    pairs = analysis->transcript().pairs.size();
    benchmark::DoNotOptimize(analysis.get());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetLabel(input_name(state.range(0)));
  state.counters["pairs"] = static_cast<double>(pairs);
  state.counters["findings"] = static_cast<double>(findings);  // 0: the input is clean
  // Heap kept by one finished analysis, per byte of text (the text itself counts 1).
  const std::size_t before = mallinfo2().uordblks;
  const auto kept = bitext::Analysis::run(text, options);
  state.counters["heap_per_byte"] = static_cast<double>(mallinfo2().uordblks - before) / static_cast<double>(text.size());
}
BENCHMARK(BM_AnalysisStructural)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The parts, to see where the time goes.
void BM_LineIndex(benchmark::State& state) {
  const std::string& text = large();
  for (auto _ : state) {
    bitext::LineIndex index(text);
    benchmark::DoNotOptimize(index.line_count());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_LineIndex)->Unit(benchmark::kMillisecond);

void BM_ParseTranscript(benchmark::State& state) {
  const std::string& text = large();
  const bitext::LineIndex index(text);
  const bitext::CheckOptions options = structural_only();
  for (auto _ : state) {
    const bitext::Transcript transcript = bitext::parse_transcript(index, options);
    benchmark::DoNotOptimize(transcript.pairs.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseTranscript)->Unit(benchmark::kMillisecond);

void BM_StructuralChecks(benchmark::State& state) {
  const std::string& text = large();
  const bitext::LineIndex index(text);
  const bitext::CheckOptions options = structural_only();
  const bitext::Transcript transcript = bitext::parse_transcript(index, options);
  for (auto _ : state) {
    const std::vector<bitext::Finding> findings = bitext::structural_checks(transcript, index, options);
    benchmark::DoNotOptimize(findings.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_StructuralChecks)->Unit(benchmark::kMillisecond);

std::filesystem::path bitext_binary() {
  if (const char* path = std::getenv("BITEXT_BINARY")) return path;
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  return self.parent_path().parent_path() / "bitext";  // <build>/bench/bench_check -> <build>/bitext
}

// Peak resident memory (VmHWM, in KiB) of `binary args...`, read from
// /proc/PID/status at the moment it exits (ptrace exit stop). Not wait4()'s
// ru_maxrss: a child's maxrss starts at its parent's resident size at exec,
// and this benchmark's own memory holds the 10 MB text. -1 on failure.
long peak_rss_kib(const std::string& binary, std::vector<std::string> args, int& exit_status) {
  const pid_t pid = bitext::bench::spawn_quiet(binary, std::move(args), true);
  if (pid < 0) return -1;
  long hwm = -1;
  int status = 0;
  bool options_set = false;
  while (::waitpid(pid, &status, 0) == pid) {
    if (WIFEXITED(status) || WIFSIGNALED(status)) break;
    int deliver = 0;
    if (!options_set) {  // the stop after exec
      ::ptrace(PTRACE_SETOPTIONS, pid, nullptr, reinterpret_cast<void*>(PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL));
      options_set = true;
    } else if ((status >> 8) == (SIGTRAP | (PTRACE_EVENT_EXIT << 8))) {
      std::ifstream in("/proc/" + std::to_string(pid) + "/status");
      for (std::string line; std::getline(in, line);) {
        if (line.rfind("VmHWM:", 0) == 0) hwm = std::strtol(line.c_str() + 6, nullptr, 10);
      }
    } else if (WIFSTOPPED(status) && WSTOPSIG(status) != SIGTRAP) {
      deliver = WSTOPSIG(status);
    }
    ::ptrace(PTRACE_CONT, pid, nullptr, reinterpret_cast<void*>(static_cast<long>(deliver)));
  }
  exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return hwm;
}

// Peak memory of the real command on a 10 MB file: `bitext check --no-content`,
// the "Maximum resident set size" that `/usr/bin/time -v` reports.
void BM_CheckCommandPeakRss(benchmark::State& state) {
  const std::filesystem::path binary = bitext_binary();
  if (!std::filesystem::exists(binary)) {
    state.SkipWithError(("bitext binary not found at " + binary.string() + " (set BITEXT_BINARY)").c_str());
    return;
  }
  const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("bench-check-" + std::to_string(::getpid()) + ".zh-en.txt");
  {
    std::ofstream out(file, std::ios::binary);
    out << large();
  }
  long max_rss_kib = 0;
  int exit_status = -1;
  for (auto _ : state) {
    const long rss = peak_rss_kib(binary.string(), {"check", "--no-content", file.string()}, exit_status);
    if (rss < 0) {
      state.SkipWithError("cannot run bitext under ptrace to read its peak memory");
      break;
    }
    max_rss_kib = std::max(max_rss_kib, rss);
  }
  std::filesystem::remove(file);
  const double file_mib = static_cast<double>(large().size()) / (1024.0 * 1024.0);
  state.counters["file_MiB"] = file_mib;
  state.counters["peak_rss_MiB"] = static_cast<double>(max_rss_kib) / 1024.0;
  state.counters["rss_over_file"] = static_cast<double>(max_rss_kib) / 1024.0 / file_mib;
  state.counters["exit_status"] = exit_status;  // 0: no findings
}
BENCHMARK(BM_CheckCommandPeakRss)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
