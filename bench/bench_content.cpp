// Content analysis speed: full analysis of the sample and of a ~10 MB
// transcript (MB/s), content checks alone, and the re-analysis after a
// one-pair edit (which re-computes only the windows around the edited pair).
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/content.hpp"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const std::string& sample() {
  static const std::string text =
      read_file(std::string(BITEXT_SOURCE_DIR) + "/examples/unsupervised-learning-ep1.zh-en.txt");
  return text;
}

// Pairs of the sample and the evaluation corpora, repeated until ~10 MB. Each
// copy of a pair gets the same made-up name on both sides so that no two
// lines are equal (the feature cache would otherwise make copies free).
const std::string& large() {
  static const std::string text = [] {
    std::vector<std::string> lines;
    for (const char* path : {"/examples/unsupervised-learning-ep1.zh-en.txt",
                             "/tests/eval/corpus/interview-garden.zh-en.txt",
                             "/tests/eval/corpus/talk-databases.zh-en.txt",
                             "/tests/eval/corpus/subtitles-kitchen.zh-en.txt"}) {
      std::istringstream in(read_file(std::string(BITEXT_SOURCE_DIR) + path));
      std::vector<std::string> file_lines;
      for (std::string line; std::getline(in, line);) file_lines.push_back(line);
      // The sample's header and footer are not pairs.
      const std::size_t skip_front = std::string(path).find("unsupervised") != std::string::npos ? 3 : 0;
      const std::size_t skip_back = skip_front ? 2 : 0;
      for (std::size_t i = skip_front; i + skip_back < file_lines.size(); ++i) lines.push_back(file_lines[i]);
    }
    std::string out;
    out.reserve(10'500'000);
    std::size_t copy = 0;
    while (out.size() < 10'000'000) {
      for (std::size_t i = 0; i + 1 < lines.size(); i += 2) {
        std::string tag = "Zq";
        for (std::size_t n = copy * 1000 + i; n; n /= 26) tag += static_cast<char>('a' + n % 26);
        out += lines[i] + tag + "\n" + lines[i + 1] + " " + tag + "\n";
      }
      ++copy;
    }
    out.pop_back();
    return out;
  }();
  return text;
}

void run_full(benchmark::State& state, const std::string& text) {
  for (auto _ : state) {
    auto analysis = bitext::Analysis::run(text, {});
    benchmark::DoNotOptimize(analysis);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_FullAnalysisSample(benchmark::State& state) { run_full(state, sample()); }
void BM_FullAnalysis10MB(benchmark::State& state) { run_full(state, large()); }

void BM_StructureOnly10MB(benchmark::State& state) {
  bitext::CheckOptions options;
  options.content_checks = false;
  for (auto _ : state) {
    auto analysis = bitext::Analysis::run(large(), options);
    benchmark::DoNotOptimize(analysis);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * large().size()));
}

void BM_ContentChecksOnly10MB(benchmark::State& state) {
  const auto analysis = bitext::Analysis::run(large(), {});
  for (auto _ : state) {
    auto result = bitext::content_checks(analysis->transcript(), analysis->index(), {}, nullptr);
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * large().size()));
}

// Re-analysis after editing one pair in the middle of the 10 MB transcript.
void BM_RerunAfterOnePairEdit10MB(benchmark::State& state) {
  const std::string& text = large();
  const auto first = bitext::Analysis::run(text, {});
  // An English line in the middle: append a short sentence to it.
  std::size_t middle = text.size() / 2;
  middle = text.find('\n', middle) + 1;  // start of a line
  const std::size_t line = first->index().line_of(middle);
  const std::size_t end = first->index().line_end(line);
  std::string edited = text;
  edited.insert(end, " Right?");
  for (auto _ : state) {
    auto again = bitext::Analysis::rerun(*first, edited, {{static_cast<std::uint32_t>(line), 1, 1}}, {});
    benchmark::DoNotOptimize(again);
  }
}

// The content part of that re-analysis alone: content_checks on the edited
// transcript given the previous version's state.
void BM_ContentRerunAfterOnePairEdit10MB(benchmark::State& state) {
  const std::string& text = large();
  const auto first = bitext::Analysis::run(text, {});
  const auto previous = bitext::content_checks(first->transcript(), first->index(), {}, nullptr);
  std::size_t middle = text.find('\n', text.size() / 2) + 1;
  const std::size_t end = first->index().line_end(first->index().line_of(middle));
  std::string edited_text = text;
  edited_text.insert(end, " Right?");
  const auto edited = bitext::Analysis::run(edited_text, {});
  for (auto _ : state) {
    auto result = bitext::content_checks(edited->transcript(), edited->index(), {}, previous.state.get());
    benchmark::DoNotOptimize(result);
  }
}

}  // namespace

BENCHMARK(BM_FullAnalysisSample)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FullAnalysis10MB)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_StructureOnly10MB)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ContentChecksOnly10MB)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_RerunAfterOnePairEdit10MB)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_ContentRerunAfterOnePairEdit10MB)->Unit(benchmark::kMillisecond)->Iterations(10);

BENCHMARK_MAIN();
