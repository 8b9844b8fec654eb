// The lexical signal (bitext/lexicon.hpp): its speed, and (when asked) how well
// it tells true pairs from pairs shifted by one.
//
//   bench_lexicon --benchmark_filter=^$            # discrimination only
//   bench_lexicon --benchmark_filter=Lexic          # speed (bytes/s = line bytes)
//
// Reads data/calibration/*.tsv (override with BITEXT_LEXICON_DATA=path.tsv) and
// the dictionary image $BITEXT_LEXICON, default build/cedict.lex next to this
// binary's parent directory. Prints, per file: AUC of the coverage score (share
// of content words with a counterpart) for true pairs against the pair's
// Chinese line with the next pair's English line (same document), with the
// dictionary and with an empty one (only Latin words carried over), and the
// bootstrap spread of the AUC over documents.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "../tests/support/calibration_pairs.hpp"
#include "bitext/lexicon.hpp"

namespace {

using bitext::Lexicon;
using bitext::test_support::CalibrationPair;

const Lexicon* dictionary() {
  static std::optional<Lexicon> lexicon = [] {
    const char* env = std::getenv("BITEXT_LEXICON");
    std::string path = env ? env : std::string(BITEXT_BINARY_DIR) + "/cedict.lex";
    std::string error;
    auto l = Lexicon::open(path, &error);
    if (!l) std::fprintf(stderr, "no dictionary: %s\n", error.c_str());
    return l;
  }();
  return lexicon ? &*lexicon : nullptr;
}

const Lexicon& empty_lexicon() {
  static const Lexicon lexicon = *Lexicon::from_image(bitext::build_lexicon_image({}));
  return lexicon;
}

double coverage(const Lexicon& lexicon, const std::string& zh, const std::string& en) {
  const auto zw = bitext::chinese_line_words(zh, &lexicon);
  const auto ew = bitext::english_line_words(en);
  return bitext::lexical_evidence(lexicon, zw, ew).coverage();
}

struct Scores {
  std::vector<double> true_scores, shifted_scores;
  std::vector<std::size_t> true_doc, shifted_doc;
};

Scores score(const std::vector<CalibrationPair>& pairs, const Lexicon& lexicon) {
  Scores s;
  std::map<std::string, std::size_t> docs;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const std::size_t doc = docs.emplace(pairs[i].source, docs.size()).first->second;
    s.true_scores.push_back(coverage(lexicon, pairs[i].zh, pairs[i].en));
    s.true_doc.push_back(doc);
    if (i + 1 < pairs.size() && pairs[i + 1].source == pairs[i].source) {
      s.shifted_scores.push_back(coverage(lexicon, pairs[i].zh, pairs[i + 1].en));
      s.shifted_doc.push_back(doc);
    }
  }
  return s;
}

// Standard deviation of the AUC when documents are resampled with replacement.
double bootstrap_sd(const Scores& s, std::size_t rounds = 200) {
  std::size_t doc_count = 0;
  for (std::size_t d : s.true_doc) doc_count = std::max(doc_count, d + 1);
  std::mt19937 rng(1);
  std::vector<double> aucs;
  for (std::size_t r = 0; r < rounds; ++r) {
    std::vector<std::size_t> weight(doc_count, 0);
    std::uniform_int_distribution<std::size_t> pick(0, doc_count - 1);
    for (std::size_t k = 0; k < doc_count; ++k) ++weight[pick(rng)];
    std::vector<double> t, f;
    for (std::size_t i = 0; i < s.true_scores.size(); ++i)
      for (std::size_t w = 0; w < weight[s.true_doc[i]]; ++w) t.push_back(s.true_scores[i]);
    for (std::size_t i = 0; i < s.shifted_scores.size(); ++i)
      for (std::size_t w = 0; w < weight[s.shifted_doc[i]]; ++w) f.push_back(s.shifted_scores[i]);
    aucs.push_back(bitext::test_support::auc_higher_is_true(t, f));
  }
  double mean = 0, var = 0;
  for (double a : aucs) mean += a / double(aucs.size());
  for (double a : aucs) var += (a - mean) * (a - mean) / double(aucs.size() - 1);
  return std::sqrt(var);
}

std::vector<std::string> data_files() {
  if (const char* env = std::getenv("BITEXT_LEXICON_DATA")) return {env};
  const std::string dir = std::string(BITEXT_SOURCE_DIR) + "/data/calibration/";
  return {dir + "debian-docs.zh-en.tsv", dir + "debian-docs-heldout.zh-en.tsv"};
}

void report() {
  for (const std::string& path : data_files()) {
    const auto pairs = bitext::test_support::read_calibration_pairs(path);
    std::printf("%s: %zu pairs\n", path.c_str(), pairs.size());
    const Scores without = score(pairs, empty_lexicon());
    std::printf("  coverage AUC without dictionary %.3f (bootstrap sd %.3f)\n",
                bitext::test_support::auc_higher_is_true(without.true_scores, without.shifted_scores),
                bootstrap_sd(without));
    if (const Lexicon* lexicon = dictionary()) {
      const Scores with = score(pairs, *lexicon);
      std::printf("  coverage AUC with CC-CEDICT      %.3f (bootstrap sd %.3f)\n",
                  bitext::test_support::auc_higher_is_true(with.true_scores, with.shifted_scores),
                  bootstrap_sd(with));
      double mean_true = 0, mean_shifted = 0;
      for (double v : with.true_scores) mean_true += v / double(with.true_scores.size());
      for (double v : with.shifted_scores) mean_shifted += v / double(with.shifted_scores.size());
      std::printf("  mean coverage true %.3f, shifted %.3f\n", mean_true, mean_shifted);
    }
  }
}

std::vector<CalibrationPair> bench_pairs() {
  return bitext::test_support::read_calibration_pairs(data_files().front());
}

void BM_LexicalEvidence(benchmark::State& state) {
  const Lexicon* lexicon = dictionary();
  if (!lexicon) {
    state.SkipWithError("no dictionary");
    return;
  }
  const auto pairs = bench_pairs();
  std::size_t bytes = 0;
  for (const auto& p : pairs) bytes += p.zh.size() + p.en.size();
  for (auto _ : state) {
    double total = 0;
    for (const auto& p : pairs) total += coverage(*lexicon, p.zh, p.en);
    benchmark::DoNotOptimize(total);
  }
  state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes));
}
BENCHMARK(BM_LexicalEvidence)->Unit(benchmark::kMillisecond);

void BM_LexiconOpen(benchmark::State& state) {
  const char* env = std::getenv("BITEXT_LEXICON");
  const std::string path = env ? env : std::string(BITEXT_BINARY_DIR) + "/cedict.lex";
  for (auto _ : state) benchmark::DoNotOptimize(Lexicon::open(path));
}
BENCHMARK(BM_LexiconOpen)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  report();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
