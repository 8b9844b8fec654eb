// Mixed-script lines under the length model: residuals (δ, in standard
// deviations) of true pairs whose Chinese line is mostly Latin text, with the
// current measure (length.hpp) and with carried text taken out
// (mixed_length.hpp), and the AUC of |δ| for true against shifted pairs.
//
//   bench_mixed_length --benchmark_filter=^$     # the report
//   bench_mixed_length                            # and the speed of mixed_lengths
//
// Reads data/calibration/*.tsv (or BITEXT_MIXED_DATA=path.tsv). The model is
// fitted per package (the part of the source column before ':'), as the
// checker fits it per document.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "../tests/support/calibration_pairs.hpp"
#include "bitext/length.hpp"
#include "bitext/mixed_length.hpp"
#include "bitext/script.hpp"

namespace {

using bitext::test_support::CalibrationPair;

std::vector<std::string> data_files() {
  if (const char* env = std::getenv("BITEXT_MIXED_DATA")) return {env};
  const std::string dir = std::string(BITEXT_SOURCE_DIR) + "/data/calibration/";
  return {dir + "debian-docs.zh-en.tsv", dir + "debian-docs-heldout.zh-en.tsv"};
}

std::string package_of(const std::string& source) { return source.substr(0, source.find(':')); }

// A Chinese line is Latin-heavy when it has at least as many Latin letters and
// digits as CJK characters, mostly Latin with three times as many.
bool latin_heavy(const std::string& zh) {
  const auto counts = bitext::count_characters(zh);
  return counts.latin >= counts.cjk;
}
bool mostly_latin(const std::string& zh) {
  const auto counts = bitext::count_characters(zh);
  return counts.latin >= 3 * counts.cjk;
}

struct Distribution {
  std::vector<double> z;
  void print(const char* label) const {
    if (z.empty()) return;
    std::vector<double> a;
    for (double v : z) a.push_back(std::fabs(v));
    std::sort(a.begin(), a.end());
    auto share = [&](double t) { return double(std::count_if(a.begin(), a.end(), [&](double v) { return v > t; })) / double(a.size()); };
    std::vector<double> s = z;
    std::sort(s.begin(), s.end());
    std::printf("    %-34s n=%4zu  median z %+.2f  median |z| %.2f  p95 |z| %5.2f  max %6.2f  |z|>3 %5.1f%%  |z|>5 %5.1f%%\n",
                label, a.size(), s[s.size() / 2], a[a.size() / 2], a[std::size_t(0.95 * double(a.size() - 1))], a.back(),
                100 * share(3), 100 * share(5));
  }
};

struct Measure {
  const char* name;
  // δ of a Chinese line against an English line under the group's fit.
  virtual bitext::LengthPair lengths(const std::string& zh, const std::string& en) const = 0;
  virtual double delta(const std::string& zh, const std::string& en, const bitext::LengthRatioModel& model) const = 0;
  explicit Measure(const char* n) : name(n) {}
  virtual ~Measure() = default;
};

struct Current : Measure {
  Current() : Measure("Han measure for every Chinese line (length.hpp)") {}
  bitext::LengthPair lengths(const std::string& zh, const std::string& en) const override {
    return {bitext::line_length(zh, bitext::Script::Han), bitext::line_length(en, bitext::Script::Latin)};
  }
  double delta(const std::string& zh, const std::string& en, const bitext::LengthRatioModel& model) const override {
    const auto l = lengths(zh, en);
    return bitext::length_delta(l.translation, l.original, model);
  }
};

// What the checker computes today (alignment.cpp, line_features): each line
// measured by its own dominant script, so a Chinese line with more Latin
// letters than Han characters is measured as a spaced-script line.
struct ByDominantScript : Measure {
  ByDominantScript() : Measure("checker today (line's own dominant script)") {}
  bitext::LengthPair lengths(const std::string& zh, const std::string& en) const override {
    return {bitext::line_length(zh, bitext::classify_script(zh).dominant),
            bitext::line_length(en, bitext::classify_script(en).dominant)};
  }
  double delta(const std::string& zh, const std::string& en, const bitext::LengthRatioModel& model) const override {
    const auto l = lengths(zh, en);
    return bitext::length_delta(l.translation, l.original, model);
  }
};

struct Mixed : Measure {
  Mixed() : Measure("carried text out (mixed_length)") {}
  bitext::LengthPair lengths(const std::string& zh, const std::string& en) const override {
    const auto m = bitext::mixed_lengths(zh, en);
    return {m.translation, m.original};
  }
  double delta(const std::string& zh, const std::string& en, const bitext::LengthRatioModel& model) const override {
    return bitext::mixed_length_delta(bitext::mixed_lengths(zh, en), model);
  }
};

void report_file(const std::string& path) {
  const auto pairs = bitext::test_support::read_calibration_pairs(path);
  std::printf("%s: %zu pairs, %zu Latin-heavy Chinese lines\n", path.c_str(), pairs.size(),
              std::size_t(std::count_if(pairs.begin(), pairs.end(), [](const CalibrationPair& p) { return latin_heavy(p.zh); })));
  const ByDominantScript today;
  const Current current;
  const Mixed mixed;
  for (const Measure* measure : std::initializer_list<const Measure*>{&today, &current, &mixed}) {
    // Fit groups: packages, or documents of BITEXT_MIXED_CHUNK consecutive pairs
    // (the held-out set's documents have 100 pairs).
    const char* chunk_env = std::getenv("BITEXT_MIXED_CHUNK");
    const std::size_t chunk = chunk_env ? std::size_t(std::atoi(chunk_env)) : 0;
    std::vector<std::string> group(pairs.size());
    for (std::size_t i = 0; i < pairs.size(); ++i)
      group[i] = package_of(pairs[i].source) + (chunk ? "#" + std::to_string(i / chunk) : std::string());
    std::map<std::string, std::vector<bitext::LengthPair>> by_package;
    for (std::size_t i = 0; i < pairs.size(); ++i)
      by_package[group[i]].push_back(measure->lengths(pairs[i].zh, pairs[i].en));
    std::map<std::string, bitext::LengthRatioModel> fits;
    const bitext::LengthRatioModel prior = bitext::length_prior(bitext::Script::Han, bitext::Script::Latin);
    for (const auto& [package, lengths] : by_package) fits[package] = bitext::fit_length_model(lengths, prior).model;
    Distribution heavy, mostly, rest;
    std::vector<std::pair<double, std::size_t>> worst;
    std::vector<double> true_all, shifted_all, true_heavy, shifted_heavy;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      const auto& model = fits[group[i]];
      const double z = measure->delta(pairs[i].zh, pairs[i].en, model);
      const bool is_heavy = latin_heavy(pairs[i].zh);
      (is_heavy ? heavy : rest).z.push_back(z);
      if (mostly_latin(pairs[i].zh)) mostly.z.push_back(z);
      if (is_heavy) worst.emplace_back(std::fabs(z), i);
      // AUC: a lower |δ| should mean a true pair; scores are -|δ|.
      true_all.push_back(-std::fabs(z));
      if (is_heavy) true_heavy.push_back(-std::fabs(z));
      if (i + 1 < pairs.size() && pairs[i + 1].source == pairs[i].source) {
        const double zs = -std::fabs(measure->delta(pairs[i].zh, pairs[i + 1].en, model));
        shifted_all.push_back(zs);
        if (is_heavy) shifted_heavy.push_back(zs);
      }
    }
    std::printf("  %s:", measure->name);
    if (!chunk)
      for (const auto& [package, model] : fits) std::printf(" %s c=%.2f s2=%.1f;", package.c_str(), model.c, model.s2);
    std::printf("\n");
    heavy.print("Latin-heavy true pairs");
    mostly.print("  of which mostly Latin (>= 3x)");
    rest.print("other true pairs");
    if (std::getenv("BITEXT_MIXED_VERBOSE")) {
      std::sort(worst.rbegin(), worst.rend());
      for (std::size_t k = 0; k < std::min<std::size_t>(8, worst.size()); ++k)
        std::printf("      z=%+.2f  %s  |  %s\n", measure->delta(pairs[worst[k].second].zh, pairs[worst[k].second].en,
                                                                 fits[group[worst[k].second]]),
                    pairs[worst[k].second].zh.substr(0, 120).c_str(), pairs[worst[k].second].en.substr(0, 120).c_str());
    }
    std::printf("    AUC |z| true vs shifted: all %.3f, Latin-heavy Chinese line %.3f\n",
                bitext::test_support::auc_higher_is_true(true_all, shifted_all),
                bitext::test_support::auc_higher_is_true(true_heavy, shifted_heavy));
  }
}

void BM_MixedLengths(benchmark::State& state) {
  const auto pairs = bitext::test_support::read_calibration_pairs(data_files().front());
  std::size_t bytes = 0;
  for (const auto& p : pairs) bytes += p.zh.size() + p.en.size();
  for (auto _ : state) {
    double total = 0;
    for (const auto& p : pairs) total += bitext::mixed_lengths(p.zh, p.en).translation;
    benchmark::DoNotOptimize(total);
  }
  state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes));
}
BENCHMARK(BM_MixedLengths)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  for (const std::string& path : data_files()) report_file(path);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
