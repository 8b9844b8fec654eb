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
#include "core/content_stages.hpp"

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
    auto result = bitext::content_checks(analysis->transcript(), analysis->index(), nullptr);
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
  const auto previous = bitext::content_checks(first->transcript(), first->index(), nullptr);
  // Its findings listed where they are (as Analysis lists them in its own), so that the rerun reuses them.
  std::vector<std::uint32_t> listed_at(previous.findings.size());
  for (std::uint32_t i = 0; i < listed_at.size(); ++i) listed_at[i] = i;
  bitext::list_content_findings(*previous.state, listed_at);
  std::size_t middle = text.find('\n', text.size() / 2) + 1;
  const std::size_t end = first->index().line_end(first->index().line_of(middle));
  std::string edited_text = text;
  edited_text.insert(end, " Right?");
  const auto edited = bitext::Analysis::run(edited_text, {});
  // Every line is the same as before but the edited one (what Analysis::rerun works out).
  std::vector<std::uint32_t> previous_lines(edited->index().line_count());
  for (std::uint32_t i = 0; i < previous_lines.size(); ++i) previous_lines[i] = i;
  previous_lines[first->index().line_of(middle)] = bitext::kNoLine;
  for (auto _ : state) {
    auto result = bitext::content_checks(edited->transcript(), edited->index(), previous.state.get(), previous_lines,
                                          previous.findings);
    benchmark::DoNotOptimize(result);
  }
}


// The content stages one by one on the 10 MB transcript, single-threaded, to
// say what each costs per MB (bytes processed = the whole document).
struct StageInputs {
  std::shared_ptr<const bitext::Analysis> analysis;
  bitext::content::PairTable table;
  std::vector<bitext::content::PairMismatches> mismatches;  // the table points to them
  std::vector<bitext::content::Alternative> candidates;
  bitext::content::Selection selection;
};

StageInputs& stage_inputs() {
  static StageInputs inputs = [] {
    using namespace bitext::content;
    StageInputs in;
    bitext::CheckOptions options;
    options.content_checks = false;
    in.analysis = bitext::Analysis::run(large(), options);
    const bitext::Transcript& transcript = in.analysis->transcript();
    PairTable& table = in.table;
    table.transcript = &transcript;
    table.index = &in.analysis->index();
    // The dictionary signal as the check has it: on when a dictionary loads
    // (BITEXT_LEXICON=build/cedict.lex; none sits beside the benchmark).
    table.lexicon = document_lexicon(transcript.translation_script, transcript.original_script);
    const std::size_t n = transcript.pairs.size();
    table.lines.resize(n);
    table.features.resize(2 * n);
    std::vector<LineSummary> translations, originals;
    for (std::size_t p = 0; p < n; ++p) {
      const bitext::Pair& pair = transcript.pairs[p];
      if (pair.translation.size() != 1 || pair.original.size() != 1) continue;
      table.lines[p] = {true, pair.translation[0], pair.original[0]};
      for (const bool translation : {true, false})
        table.features[2 * p + (translation ? 0 : 1)] =
            std::make_unique<const bitext::LineFeatures>(bitext::content::line_features(table.side_text(p, translation)));
      translations.push_back(summary_of(table.side(p, true)));
      originals.push_back(summary_of(table.side(p, false)));
    }
    table.fits = fit_document(translations, originals, transcript.translation_script, transcript.original_script);
    table.cost.assign(n, 0);
    table.lexical.assign(n, 0);
    table.checks.assign(n, {});
    table.original_words.assign(n, {});
    table.mismatches.assign(n, &no_mismatches());
    in.mismatches.resize(n);
    for (std::size_t p = 0; p < n; ++p) {
      if (!table.valid(p)) continue;
      PairChecks checks = check_pair(table.side(p, true), table.side(p, false));
      table.checks[p] = checks.lexical;
      in.mismatches[p] = std::move(checks.mismatches);
      table.mismatches[p] = &in.mismatches[p];
      table.lexical[p] = bitext::lexical_cost(table.checks[p]);
      table.cost[p] = shape_cost(summary_of(table.side(p, true)), summary_of(table.side(p, false)), table.fits) +
                      table.lexical[p];
    }
    for (std::size_t anchor = 0; anchor < n; ++anchor) {
      if (!table.valid(anchor)) continue;
      for (const Alternative& alternative : alternatives_at(table, anchor)) in.candidates.push_back(alternative);
    }
    in.selection = select_alternatives(in.candidates, n);
    return in;
  }();
  return inputs;
}

void BM_StageLineFeatures10MB(benchmark::State& state) {
  const auto& table = stage_inputs().table;
  for (auto _ : state) {
    for (std::size_t p = 0; p < table.size(); ++p) {
      if (!table.valid(p)) continue;
      for (const bool translation : {true, false})
        benchmark::DoNotOptimize(bitext::content::line_features(table.side_text(p, translation)));
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * large().size()));
}

void BM_StagePairChecksAndFits10MB(benchmark::State& state) {
  using namespace bitext::content;
  const auto& table = stage_inputs().table;
  for (auto _ : state) {
    std::vector<LineSummary> translations, originals;
    double total = 0;
    for (std::size_t p = 0; p < table.size(); ++p) {
      if (!table.valid(p)) continue;
      translations.push_back(summary_of(table.side(p, true)));
      originals.push_back(summary_of(table.side(p, false)));
      total += bitext::lexical_cost(check_pair(table.side(p, true), table.side(p, false)).lexical);
    }
    const DocumentFits fits = fit_document(translations, originals, table.transcript->translation_script,
                                           table.transcript->original_script);
    for (std::size_t i = 0; i < translations.size(); ++i) total += shape_cost(translations[i], originals[i], fits);
    benchmark::DoNotOptimize(total);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * large().size()));
}

void BM_StageAlternatives10MB(benchmark::State& state) {
  const auto& table = stage_inputs().table;
  for (auto _ : state) {
    std::size_t found = 0;
    for (std::size_t anchor = 0; anchor < table.size(); ++anchor)
      if (table.valid(anchor)) found += bitext::content::alternatives_at(table, anchor).size();
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * large().size()));
  state.counters["candidates"] = static_cast<double>(stage_inputs().candidates.size());
}

void BM_StageSelection10MB(benchmark::State& state) {
  const StageInputs& in = stage_inputs();
  for (auto _ : state) benchmark::DoNotOptimize(bitext::content::select_alternatives(in.candidates, in.table.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * large().size()));
  state.counters["selected"] = static_cast<double>(in.selection.selected.size());
}

void BM_StageFindings10MB(benchmark::State& state) {
  const StageInputs& in = stage_inputs();
  std::size_t findings = 0;
  for (auto _ : state) {
    findings = 0;
    for (const auto& selected : in.selection.selected) findings += bitext::content::realign_findings(in.table, selected).size();
    for (std::size_t p = 0; p < in.table.size(); ++p)
      if (in.table.valid(p)) {
        if (!in.selection.explained[p])
          findings += bitext::content::length_findings(in.table, p, bitext::content::summary_of(in.table.side(p, true)),
                                                       bitext::content::summary_of(in.table.side(p, false)))
                          .size();
        findings += bitext::content::lexical_findings(in.table, p).size();
      }
    benchmark::DoNotOptimize(findings);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * large().size()));
  state.counters["findings"] = static_cast<double>(findings);
}

}  // namespace

BENCHMARK(BM_StageLineFeatures10MB)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_StagePairChecksAndFits10MB)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_StageAlternatives10MB)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_StageSelection10MB)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_StageFindings10MB)->Unit(benchmark::kMillisecond)->Iterations(3);

BENCHMARK(BM_FullAnalysisSample)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FullAnalysis10MB)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_StructureOnly10MB)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ContentChecksOnly10MB)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_RerunAfterOnePairEdit10MB)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_ContentRerunAfterOnePairEdit10MB)->Unit(benchmark::kMillisecond)->Iterations(10);

BENCHMARK_MAIN();
