// Throughput of `bitext check`'s core (Analysis::run_once) and of one server
// edit (Analysis::rerun after a one-character edit) on documents where MANY
// places carry one error kind, at 0.5, 2 and 8 MB: a check whose work per
// error scans the whole document shows as bytes/s falling with the size (a
// document with every other pair joined once took 15.8 s at 2.5 MB).
//
// The text: the tuning split's real pairs (data/calibration/debian-docs.zh-en.tsv)
// cut into runs of 8 (or 2) pairs; into each run the evaluation's own
// injector (bitext_eval: inject()) puts one error of the kind, so one pair in
// 8 (or 2) carries it. The runs are repeated until the size is reached;
// every line of a run ends in the run's tag (" [copy-run]"), put after the
// injection, so that no two lines are equal (a real document does not repeat;
// work kept by a line's text would make repeated copies free) and the tag's
// numbers agree on both sides of every pair, whatever the error moved.
//
// With and without the dictionary: the process-wide one, $BITEXT_LEXICON (set
// and empty: none). The label says which.
//
//   bench_error_kinds                                  all kinds, all sizes
//   bench_error_kinds --benchmark_filter='Check/.*/8000'
//   bench_error_kinds --write KIND SIZE_KB FILE [PAIRS_PER_PLACE]   the document as a file (for perf,
//                                     callgrind, `bitext check`); KIND as `bitext eval --kinds`, or "clean"
//
// Time columns are the process's CPU time (every thread: the content checks
// run on several), so bytes_per_second is per CPU second, what a loaded
// machine can still measure.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/lexicon.hpp"
#include "bitext/options.hpp"
#include "eval/evaluation.hpp"

namespace {

// One place in 8 pairs (the third argument), dense enough that per-error work
// dominates if it grows with the document, sparse enough that each error keeps
// clean pairs around it (a shifted block rotates 2-5 pairs); and one place in
// 2 pairs, the density of the quadratic found in review (every other pair
// joined), where errors touch and a reading that spans neighbours is strained.
constexpr std::uint32_t kSeed = 1;

const std::vector<bitext::CleanDocument>& runs(std::size_t pairs_per_place) {
  static std::map<std::size_t, std::vector<bitext::CleanDocument>> cache;
  auto found = cache.find(pairs_per_place);
  if (found == cache.end()) {
    std::ifstream in(std::string(BITEXT_SOURCE_DIR) + "/data/calibration/debian-docs.zh-en.tsv", std::ios::binary);
    const std::string tsv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    found = cache.emplace(pairs_per_place, bitext::documents_from_tsv(tsv, pairs_per_place, true).documents).first;
  }
  return found->second;
}

// Index kErrorKindCount is the clean document (no injection): the reference.
constexpr std::int64_t kClean = static_cast<std::int64_t>(bitext::kErrorKindCount);

std::string kind_name(std::int64_t kind) {
  return kind == kClean ? "clean" : std::string(bitext::error_kind_name(bitext::all_error_kinds()[kind]));
}

struct ErrorDocument {
  std::string text;
  std::size_t places = 0;  // runs that received an error
};

ErrorDocument error_document(std::int64_t kind, std::size_t bytes, std::size_t pairs_per_place) {
  ErrorDocument document;
  document.text.reserve(bytes + 4096);
  bitext::EvalRandom random(kSeed);
  const auto& documents = runs(pairs_per_place);
  for (std::size_t copy = 1; document.text.size() < bytes; ++copy) {
    for (std::size_t r = 0; r < documents.size() && document.text.size() < bytes; ++r) {
      std::string text;
      std::optional<bitext::Injection> injection;
      if (kind != kClean) injection = bitext::inject(documents[r], bitext::all_error_kinds()[kind], random);
      if (injection) {
        text = std::move(injection->text);
        ++document.places;
      } else {
        text = bitext::render(documents[r]);
      }
      const std::string tag = " [" + std::to_string(copy) + "-" + std::to_string(r) + "]\n";
      for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        (document.text.append(text, start, end - start)) += tag;
        start = end + 1;
      }
    }
  }
  return document;
}

std::string label(std::int64_t kind) {
  return kind_name(kind) + (bitext::Lexicon::shared() ? " dict" : " no-dict");
}

// `bitext check`'s core: one analysis, nothing kept for rerun.
void BM_Check(benchmark::State& state) {
  const std::int64_t kind = state.range(0);
  const ErrorDocument document = error_document(kind, static_cast<std::size_t>(state.range(1)) * 1000,
                                                static_cast<std::size_t>(state.range(2)));
  const bitext::CheckOptions options;
  std::size_t findings = 0;
  for (auto _ : state) {
    const auto analysis = bitext::Analysis::run_once(document.text, options);
    findings = analysis->findings().size();
    benchmark::DoNotOptimize(analysis.get());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * document.text.size()));
  state.SetLabel(label(kind));
  state.counters["MB"] = static_cast<double>(document.text.size()) / 1e6;
  state.counters["places"] = static_cast<double>(document.places);
  state.counters["findings"] = static_cast<double>(findings);
}

// One server edit: a character typed in the middle of the document, the
// rerun from the analysed version (which keeps its work for the next).
void BM_Edit(benchmark::State& state) {
  const std::int64_t kind = state.range(0);
  const ErrorDocument document = error_document(kind, static_cast<std::size_t>(state.range(1)) * 1000,
                                                static_cast<std::size_t>(state.range(2)));
  const bitext::CheckOptions options;
  const auto base = bitext::Analysis::run(document.text, options);
  const std::size_t middle = document.text.find('\n', document.text.size() / 2) + 1;
  std::string edited = document.text;
  edited.insert(middle + 3 < edited.size() ? middle + 3 : middle, "x");
  const auto line = static_cast<std::uint32_t>(base->index().line_of(middle));
  // One rerun first, untimed: the first after the run costs several times the
  // next ones (pages touched for the first time), and an 8 MB document gets
  // few iterations.
  bitext::Analysis::rerun(*base, edited, {bitext::LineEdit{line, 1, 1}}, options).reset();
  std::size_t findings = 0;
  for (auto _ : state) {
    auto next = bitext::Analysis::rerun(*base, edited, {bitext::LineEdit{line, 1, 1}}, options);
    findings = next->findings().size();
    benchmark::DoNotOptimize(next.get());
    state.PauseTiming();
    next.reset();  // the version is freed between keystrokes, not while one is analysed
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * document.text.size()));
  state.SetLabel(label(kind));
  state.counters["MB"] = static_cast<double>(document.text.size()) / 1e6;
  state.counters["places"] = static_cast<double>(document.places);
  state.counters["findings"] = static_cast<double>(findings);
}

void sizes_and_kinds(benchmark::internal::Benchmark* bench) {
  for (std::int64_t kind = 0; kind <= kClean; ++kind)
    for (const std::int64_t pairs_per_place : {8, 2})
      for (const std::int64_t kb : {500, 2000, 8000}) bench->Args({kind, kb, pairs_per_place});
}
BENCHMARK(BM_Check)->Apply(sizes_and_kinds)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Edit)->Apply(sizes_and_kinds)->MeasureProcessCPUTime()->MinTime(1.0)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if ((argc == 5 || argc == 6) && std::strcmp(argv[1], "--write") == 0) {
    std::int64_t kind = kClean;
    if (std::strcmp(argv[2], "clean") != 0) {
      const auto parsed = bitext::parse_error_kind(argv[2]);
      if (!parsed) {
        std::fprintf(stderr, "unknown kind %s\n", argv[2]);
        return 2;
      }
      for (kind = 0; bitext::all_error_kinds()[kind] != *parsed; ++kind) {
      }
    }
    const ErrorDocument document = error_document(kind, std::stoul(argv[3]) * 1000, argc == 6 ? std::stoul(argv[5]) : 8);
    std::ofstream(argv[4], std::ios::binary) << document.text;
    std::printf("%s: %zu bytes, %zu places\n", argv[4], document.text.size(), document.places);
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
