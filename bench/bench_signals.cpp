// Alignment signals: speed, and (when asked) their quality on correctly aligned
// pairs.
//
//   BITEXT_SIGNALS_DATA=/path/to/pairs.tsv bench_signals --benchmark_filter=^$
//
// prints, for the TSV file (zh<TAB>en[<TAB>source] per line) and for the shipped
// sample transcript: how many correct pairs the number and token comparisons
// flag (false alarms per 100 pairs), the fitted length model, and the AUC of the
// length cost for true pairs against pairs shifted by one. Set
// BITEXT_SIGNALS_VERBOSE=1 to list every flagged pair. The data file is read at
// run time and never part of the build.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <numeric>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "bitext/length.hpp"
#include "bitext/numbers.hpp"
#include "bitext/segmentation.hpp"
#include "bitext/tokens.hpp"

namespace {

using PairList = std::vector<std::pair<std::string, std::string>>;  // (zh, en)

PairList read_tsv(const std::string& path) {
  PairList pairs;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const auto tab2 = line.find('\t', tab + 1);
    pairs.emplace_back(line.substr(0, tab), line.substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1));
  }
  return pairs;
}

// The shipped sample: 3 header lines, then zh/en line pairs, then 2 footer lines.
PairList read_sample() {
  PairList pairs;
  std::ifstream in(std::string(BITEXT_SOURCE_DIR) + "/examples/unsupervised-learning-ep1.zh-en.txt",
                   std::ios::binary);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  if (lines.size() < 5) return pairs;
  for (std::size_t i = 3; i + 1 < lines.size() - 2; i += 2) pairs.emplace_back(lines[i], lines[i + 1]);
  return pairs;
}

std::string clip(const std::string& s, std::size_t n = 90) {
  if (s.size() <= n) return s;
  std::size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

double auc(const std::vector<double>& positive_scores, const std::vector<double>& negative_scores) {
  // Probability that a true pair costs less than a shifted one (ties count half).
  std::vector<std::pair<double, int>> all;
  for (double v : positive_scores) all.emplace_back(v, 1);
  for (double v : negative_scores) all.emplace_back(v, 0);
  std::sort(all.begin(), all.end());
  double rank_sum = 0;
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j].first == all[i].first) ++j;
    const double average_rank = (double(i) + double(j) + 1) / 2;
    for (std::size_t k = i; k < j; ++k)
      if (all[k].second == 0) rank_sum += average_rank;
    i = j;
  }
  const double n_neg = double(negative_scores.size()), n_pos = double(positive_scores.size());
  return (rank_sum - n_neg * (n_neg + 1) / 2) / (n_neg * n_pos);
}

void report(const std::string& name, const PairList& pairs, bool verbose) {
  std::printf("== %s: %zu pairs\n", name.c_str(), pairs.size());
  if (pairs.empty()) return;
  const double per100 = 100.0 / double(pairs.size());

  // Numbers.
  std::size_t number_flagged = 0, with_strong = 0;
  for (const auto& [zh, en] : pairs) {
    const auto t = bitext::scan_numbers(zh);
    const auto o = bitext::scan_numbers(en);
    const auto c = bitext::compare_numbers(t, o);
    if (c.matched_translation + c.matched_original + c.unmatched_translation.size() + c.unmatched_original.size() > 0)
      ++with_strong;
    if (c.consistent()) continue;
    ++number_flagged;
    if (!verbose) continue;
    std::printf("  numbers:");
    for (auto k : c.unmatched_translation) std::printf(" zh[%s]", zh.substr(t[k].begin, t[k].end - t[k].begin).c_str());
    for (auto k : c.unmatched_original) std::printf(" en[%s]", en.substr(o[k].begin, o[k].end - o[k].begin).c_str());
    std::printf("\n    %s\n    %s\n", clip(zh).c_str(), clip(en).c_str());
  }
  // Detection: the same comparison on pairs shifted by one (zh_i with en_{i+1}).
  std::size_t number_shift_flagged = 0;
  for (std::size_t i = 0; i + 1 < pairs.size(); ++i) {
    const auto t = bitext::scan_numbers(pairs[i].first);
    const auto o = bitext::scan_numbers(pairs[i + 1].second);
    if (!bitext::compare_numbers(t, o).consistent()) ++number_shift_flagged;
  }
  std::printf("numbers: %zu pairs flagged = %.2f per 100 pairs (%zu pairs have strong numbers); "
              "shifted pairs flagged: %.2f per 100\n",
              number_flagged, double(number_flagged) * per100, with_strong,
              100.0 * double(number_shift_flagged) / double(pairs.size() - 1));

  // Tokens.
  std::size_t any_flagged = 0, zh_flagged = 0, en_flagged = 0, required_flagged = 0, near_pairs = 0, considered = 0, matched = 0;
  for (const auto& [zh, en] : pairs) {
    const auto t = bitext::scan_tokens(zh);
    const auto o = bitext::scan_tokens(en);
    const auto c = bitext::compare_tokens(t, o);
    considered += c.considered_translation();
    matched += c.matched_translation;
    if (!c.near_translation.empty() || !c.near_original.empty()) ++near_pairs;
    if (!c.consistent()) ++any_flagged;
    if (!c.unmatched_translation.empty()) ++zh_flagged;
    if (!c.unmatched_original.empty()) ++en_flagged;
    if (std::any_of(c.unmatched_original.begin(), c.unmatched_original.end(),
                    [&](std::size_t k) { return o[k].carry == bitext::Carry::Required; }))
      ++required_flagged;
    if (!verbose || c.consistent()) continue;
    std::printf("  tokens:");
    for (auto k : c.unmatched_translation) std::printf(" zh[%s]", zh.substr(t[k].begin, t[k].end - t[k].begin).c_str());
    for (auto k : c.unmatched_original) std::printf(" en[%s]", en.substr(o[k].begin, o[k].end - o[k].begin).c_str());
    std::printf("\n    %s\n    %s\n", clip(zh).c_str(), clip(en).c_str());
  }
  std::printf("tokens: translation tokens matched %zu of %zu; pairs with an unmatched translation token %zu = %.2f "
              "per 100; with an unmatched must-carry original token %zu = %.2f per 100 (Required only: %zu); "
              "with near matches %zu\n",
              matched, considered, zh_flagged, double(zh_flagged) * per100, en_flagged, double(en_flagged) * per100,
              required_flagged, near_pairs);
  std::printf("tokens: pairs flagged either way %zu = %.2f per 100\n", any_flagged, double(any_flagged) * per100);
  std::size_t token_shift_flagged = 0, token_shift_zh = 0;
  for (std::size_t i = 0; i + 1 < pairs.size(); ++i) {
    const auto t = bitext::scan_tokens(pairs[i].first);
    const auto o = bitext::scan_tokens(pairs[i + 1].second);
    const auto c = bitext::compare_tokens(t, o);
    if (!c.consistent()) ++token_shift_flagged;
    if (!c.unmatched_translation.empty()) ++token_shift_zh;
  }
  std::printf("tokens: shifted pairs flagged %.2f per 100 (by an unmatched translation token: %.2f per 100)\n",
              100.0 * double(token_shift_flagged) / double(pairs.size() - 1),
              100.0 * double(token_shift_zh) / double(pairs.size() - 1));

  // Length model.
  const auto prior = bitext::length_prior(bitext::Script::Han, bitext::Script::Latin);
  struct Measure {
    const char* name;
    double (*zh)(const bitext::CharacterCounts&);
  };
  const Measure measures[] = {
      {"line_length: cjk + 0.35 latin", [](const bitext::CharacterCounts& k) {
         return bitext::line_length(k, bitext::Script::Han);
       }},
      {"all non-space characters", [](const bitext::CharacterCounts& k) {
         return double(k.cjk + k.punctuation + k.latin + k.invalid);
       }},
      {"cjk + punctuation + 0.35 latin", [](const bitext::CharacterCounts& k) {
         return k.cjk + k.punctuation + 0.35 * k.latin + k.invalid;
       }},
  };
  std::vector<double> en_lengths;
  std::vector<bitext::CharacterCounts> zh_counts;
  for (const auto& [zh, en] : pairs) {
    zh_counts.push_back(bitext::count_characters(zh));
    en_lengths.push_back(bitext::line_length(en, bitext::Script::Latin));
  }
  for (const Measure& measure : measures) {
    std::vector<bitext::LengthPair> lengths;
    for (std::size_t i = 0; i < pairs.size(); ++i) lengths.push_back({measure.zh(zh_counts[i]), en_lengths[i]});
    const auto fit = bitext::fit_length_model(lengths, prior);
    std::vector<double> true_cost, shifted_cost, true5, shifted5;
    for (std::size_t i = 0; i + 1 < lengths.size(); ++i) {
      true_cost.push_back(bitext::match_cost(lengths[i].translation, lengths[i].original, fit.model));
      shifted_cost.push_back(bitext::match_cost(lengths[i].translation, lengths[i + 1].original, fit.model));
    }
    for (std::size_t i = 0; i + 5 < lengths.size(); ++i) {
      double a = 0, b = 0;
      for (std::size_t k = i; k < i + 5; ++k) {
        a += true_cost[k];
        b += shifted_cost[k];
      }
      true5.push_back(a);
      shifted5.push_back(b);
    }
    std::printf("length [%s]: raw c=%.3f s2=%.2f; shrunk c=%.3f s2=%.2f (n=%zu); AUC one pair %.3f, 5 pairs %.3f\n",
                measure.name, fit.raw.c, fit.raw.s2, fit.model.c, fit.model.s2, fit.pairs_used,
                auc(true_cost, shifted_cost), auc(true5, shifted5));
  }
}

PairList& sample_pairs() {
  static PairList pairs = read_sample();
  return pairs;
}

void BM_ScanNumbers(benchmark::State& state) {
  const auto& pairs = sample_pairs();
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& [zh, en] : pairs) {
      benchmark::DoNotOptimize(bitext::scan_numbers(zh));
      benchmark::DoNotOptimize(bitext::scan_numbers(en));
      bytes += zh.size() + en.size();
    }
  }
  state.SetBytesProcessed(std::int64_t(bytes));
}
BENCHMARK(BM_ScanNumbers);

void BM_CompareTokens(benchmark::State& state) {
  const auto& pairs = sample_pairs();
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& [zh, en] : pairs) {
      const auto t = bitext::scan_tokens(zh);
      const auto o = bitext::scan_tokens(en);
      benchmark::DoNotOptimize(bitext::compare_tokens(t, o));
      bytes += zh.size() + en.size();
    }
  }
  state.SetBytesProcessed(std::int64_t(bytes));
}
BENCHMARK(BM_CompareTokens);

void BM_FindBoundaries(benchmark::State& state) {
  const auto& pairs = sample_pairs();
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& [zh, en] : pairs) {
      benchmark::DoNotOptimize(bitext::find_boundaries(zh, bitext::Script::Han));
      benchmark::DoNotOptimize(bitext::find_boundaries(en, bitext::Script::Latin));
      bytes += zh.size() + en.size();
    }
  }
  state.SetBytesProcessed(std::int64_t(bytes));
}
BENCHMARK(BM_FindBoundaries);

void BM_LineLength(benchmark::State& state) {
  const auto& pairs = sample_pairs();
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& [zh, en] : pairs) {
      benchmark::DoNotOptimize(bitext::line_length(zh, bitext::Script::Han));
      benchmark::DoNotOptimize(bitext::line_length(en, bitext::Script::Latin));
      bytes += zh.size() + en.size();
    }
  }
  state.SetBytesProcessed(std::int64_t(bytes));
}
BENCHMARK(BM_LineLength);

}  // namespace

int main(int argc, char** argv) {
  const char* verbose_env = std::getenv("BITEXT_SIGNALS_VERBOSE");
  const bool verbose = verbose_env != nullptr && std::string(verbose_env) == "1";
  if (const char* data = std::getenv("BITEXT_SIGNALS_DATA")) {
    report(data, read_tsv(data), verbose);
    report("sample transcript", sample_pairs(), verbose);
    std::fflush(stdout);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
