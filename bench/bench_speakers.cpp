// Speaker inference: its cost next to the parse it rides on. A ~10 MB
// document (the sample's pairs repeated) is parsed once; the benchmark times
// infer_speakers alone on that transcript, and parse_transcript (which runs
// the inference at its end) for comparison.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "bitext/pairing.hpp"
#include "bitext/speaker_inference.hpp"
#include "bitext/text.hpp"

namespace {

std::string large_document() {
  std::ifstream in(std::string(BITEXT_SOURCE_DIR) + "/examples/unsupervised-learning-ep1.zh-en.txt", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string sample = buffer.str();
  // Header (3 lines) and footer (2 lines) once; the pairs repeated to ~10 MB.
  std::size_t pairs_begin = 0;
  for (int line = 0; line < 3; ++line) pairs_begin = sample.find('\n', pairs_begin) + 1;
  std::size_t pairs_end = sample.size();
  for (int line = 0; line < 2; ++line) pairs_end = sample.rfind('\n', pairs_end - 1);
  const std::string pairs = sample.substr(pairs_begin, pairs_end + 1 - pairs_begin);
  std::string text = sample.substr(0, pairs_begin);
  while (text.size() < 10'000'000) text += pairs;
  text += sample.substr(pairs_end + 1);
  return text;
}

const std::string& document() {
  static const std::string text = large_document();
  return text;
}

void BM_InferSpeakers10MB(benchmark::State& state) {
  const bitext::LineIndex index(document());
  const bitext::Transcript transcript = bitext::parse_transcript(index, bitext::CheckOptions{});
  for (auto _ : state) benchmark::DoNotOptimize(bitext::infer_speakers(transcript, document()));
  state.counters["pairs"] = static_cast<double>(transcript.pairs.size());
}
BENCHMARK(BM_InferSpeakers10MB)->Unit(benchmark::kMillisecond);

void BM_ParseTranscript10MB(benchmark::State& state) {
  const bitext::LineIndex index(document());
  for (auto _ : state) benchmark::DoNotOptimize(bitext::parse_transcript(index, bitext::CheckOptions{}));
}
BENCHMARK(BM_ParseTranscript10MB)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace

BENCHMARK_MAIN();
