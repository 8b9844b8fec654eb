// Time to check ~10 MB of each layout (paragraphs, Markdown, SRT, WebVTT, and
// lines for comparison): the whole Analysis::run, content checks included, as
// `bitext check` does. The text is the sample's pairs repeated with a running
// number in both languages, so no two pairs are the same. The CPU column is
// the process's (the content checks run on several threads); the counters
// give the pairs read and the findings by severity.
//
//   bench_layouts                              all layouts, one run each (a run is seconds)
//   bench_layouts --benchmark_filter=Srt       one layout
#include <benchmark/benchmark.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"

namespace {

constexpr std::size_t kSize = 10 * 1000 * 1000;

struct SamplePair {
  std::string zh, en;
};

const std::vector<SamplePair>& sample_pairs() {
  static const std::vector<SamplePair> pairs = [] {
    std::ifstream in(std::string(BITEXT_SOURCE_DIR) + "/examples/unsupervised-learning-ep1.zh-en.txt",
                     std::ios::binary);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::vector<SamplePair> result;
    for (std::size_t i = 3; i + 2 < lines.size(); i += 2) result.push_back({lines[i], lines[i + 1]});
    return result;
  }();
  return pairs;
}

std::string timestamp(long long ms, char separator) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld%c%03lld", ms / 3600000, ms / 60000 % 60,
                ms / 1000 % 60, separator, ms % 1000);
  return buffer;
}

// English wrapped at 72 columns between words.
std::string wrapped(const std::string& text) {
  std::string out;
  std::size_t column = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::size_t length = end - start;
    if (column > 0 && column + 1 + length > 72) {
      out += '\n';
      column = 0;
    } else if (column > 0) {
      out += ' ';
      ++column;
    }
    out.append(text, start, length);
    column += length;
    start = end + 1;
  }
  return out;
}

std::string generate(bitext::Layout layout) {
  const std::vector<SamplePair>& pairs = sample_pairs();
  std::string out;
  if (layout == bitext::Layout::Vtt) out += "WEBVTT\n\n";
  if (layout == bitext::Layout::Markdown) out += "---\ntitle: bench\n---\n\n";
  long long start = 0;
  for (std::size_t k = 0; out.size() < kSize; ++k) {
    const SamplePair& pair = pairs[k % pairs.size()];
    const std::string zh = pair.zh + "（第" + std::to_string(k) + "段）";
    const std::string en = pair.en + " (part " + std::to_string(k) + ")";
    const long long duration = 1000 + static_cast<long long>(en.size()) * 1000 / 15;
    switch (layout) {
      case bitext::Layout::Paragraphs:
        out += zh + "\n\n" + wrapped(en) + "\n\n";
        break;
      case bitext::Layout::Markdown:
        if (k % 40 == 0) out += "## Chapter " + std::to_string(k / 40 + 1) + "\n\n";
        out += "**主持人：**\n" + zh + "\n\n" + wrapped("**Host:** " + en) + "\n\n";
        break;
      case bitext::Layout::Srt:
      case bitext::Layout::Vtt: {
        const char separator = layout == bitext::Layout::Srt ? ',' : '.';
        out += std::to_string(k + 1) + "\n" + timestamp(start, separator) + " --> " +
               timestamp(start + duration, separator) + "\n" + zh + "\n" + en + "\n\n";
        start += duration + 100;
        break;
      }
      default:
        out += zh + "\n" + en + "\n";
    }
  }
  return out;
}

void check_layout(benchmark::State& state, bitext::Layout layout) {
  const std::string text = generate(layout);
  bitext::CheckOptions options;
  options.layout = layout;
  std::size_t pairs = 0;
  std::array<std::size_t, 4> by_severity{};  // errors, warnings, information, hints
  for (auto _ : state) {
    auto analysis = bitext::Analysis::run(text, options);
    pairs = analysis->transcript().pairs.size();
    by_severity = {};
    for (const bitext::Finding& finding : analysis->findings())
      by_severity[static_cast<std::size_t>(finding.severity) - 1] += 1;
    benchmark::DoNotOptimize(analysis);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["pairs"] = static_cast<double>(pairs);
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
  state.counters["errors"] = static_cast<double>(by_severity[0]);
  state.counters["warnings"] = static_cast<double>(by_severity[1]);
  state.counters["info"] = static_cast<double>(by_severity[2]);
  state.counters["hints"] = static_cast<double>(by_severity[3]);
}

}  // namespace

BENCHMARK_CAPTURE(check_layout, Lines, bitext::Layout::Lines)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(check_layout, Paragraphs, bitext::Layout::Paragraphs)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(check_layout, Markdown, bitext::Layout::Markdown)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(check_layout, Srt, bitext::Layout::Srt)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(check_layout, Vtt, bitext::Layout::Vtt)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->MeasureProcessCPUTime();

BENCHMARK_MAIN();
