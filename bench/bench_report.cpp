// `bitext report` on the bundled sample, run as the user runs it (a process:
// start-up, reading, analysis, the HTML written). The issue asks for under
// 100 ms; wall time is the manual time, the child's CPU time a counter.
//   build/bench/bench_report [--benchmark_repetitions=5]
#include <benchmark/benchmark.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "child_process.hpp"

namespace {

std::filesystem::path bitext_binary() {
  if (const char* path = std::getenv("BITEXT_BINARY")) return path;
  return std::filesystem::path(BITEXT_BINARY_DIR) / "bitext";
}

std::filesystem::path sample() {
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(BITEXT_SOURCE_DIR) / "examples"))
    if (entry.path().filename().string().rfind("unsupervised-learning-ep1", 0) == 0) return entry.path();
  return {};
}

// Runs `binary args...` with output to /dev/null; returns the exit status and
// adds the child's user+system CPU seconds to `cpu_seconds`.
int run(const std::string& binary, std::vector<std::string> args, double& cpu_seconds) {
  const pid_t pid = bitext::bench::spawn_quiet(binary, std::move(args), false);
  if (pid < 0) return -1;
  int status = 0;
  rusage usage{};
  if (::wait4(pid, &status, 0, &usage) != pid) return -1;
  cpu_seconds += double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                 double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void BM_ReportSample(benchmark::State& state) {
  const std::filesystem::path binary = bitext_binary(), input = sample();
  if (!std::filesystem::exists(binary) || input.empty()) {
    state.SkipWithError("bitext binary or the bundled sample not found (set BITEXT_BINARY)");
    return;
  }
  const std::filesystem::path output =
      std::filesystem::temp_directory_path() / ("bench-report-" + std::to_string(::getpid()) + ".html");
  double cpu_seconds = 0;
  int exit_status = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    exit_status = run(binary.string(), {"report", input.string(), "-o", output.string()}, cpu_seconds);
    state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (exit_status < 0 || exit_status > 1) {
      state.SkipWithError("bitext report failed");
      break;
    }
  }
  std::error_code ignored;
  state.counters["output_KiB"] = double(std::filesystem::file_size(output, ignored)) / 1024.0;
  std::filesystem::remove(output, ignored);
  state.counters["child_cpu_ms"] = benchmark::Counter(cpu_seconds * 1000.0, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_ReportSample)->UseManualTime()->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
