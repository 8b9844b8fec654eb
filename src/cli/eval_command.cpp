#include "cli/eval_command.hpp"

#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "eval/evaluation.hpp"
#include "cli/command_line.hpp"
#include "cli/exit_status.hpp"
#include "cli/input_file.hpp"
#include "cli/speaker_eval_command.hpp"

namespace bitext::cli {
namespace {

constexpr std::string_view kEvalUsage = R"(Usage: bitext eval [options] FILE...

Measures the checks: each FILE is a clean transcript (one translation line and
one original line per pair). Copies of it get one injected error each, of every
kind, at random places; the analysis must find it (a finding of the kind's code
within one pair of the place, at error, warning or information level) and, for
drift, swapped order, split and duplicated lines (and shifted blocks, reported
apart), its preferred fix must restore the clean text byte for byte.

Prints, per kind: injected, found, recall, found as a warning, restorable and
restored; then the precision of warnings (new warnings that point at the
injected error), and the warnings per 100 pairs of the clean texts.

With --speakers first, measures inferred speakers against hand labels
instead: see 'bitext eval --speakers --help'.

Options:
  --seed N                 random seed (default 1); runs are deterministic
  --trials N               injections per kind and document (default 20)
  --kinds K,K,...          only these kinds: deleted-line, duplicated-line,
                           split-line, swapped-order, untranslated, truncated,
                           changed-number, drift, shifted-block
  --reference FILE         a transcript with real errors (such as the sample):
                           injected into like the others, but its clean-run
                           findings are its baseline and it is left out of the
                           clean warning rate (its warnings are listed)
  --tsv FILE               also use zh<TAB>en<TAB>source pairs, cut into
                           documents of --pairs-per-document pairs (default 60)
                           of one source each
  --doc-pairs N            cut the --tsv pairs into documents of N consecutive
                           pairs across sources instead (the layout of the
                           project's held-out set: 100); the last, shorter
                           one is kept when it has at least 2 pairs
  --min-recall-structural X   fail when a structural kind's recall is below X
  --min-recall-content X      fail when a content kind's recall is below X
  --min-recall KIND=X         fail when that kind's recall is below X (repeatable)
  --min-precision X           fail when the precision of warnings is below X
  --max-clean-warnings X      fail above X warnings per 100 clean pairs
  --min-restored X            fail when the share of drift, swap, split and
                              duplicate errors restored by their fix is below X
  --per-document           print the recall of each kind in each document
  --large-documents N      also score the documents of at least N pairs
                           apart (default 20; 0: not), when some are smaller
  --show-misses N          print up to N missed injections (default 0), each
                           with why it was missed; the count of each reason
                           per kind is printed in any case
  --dump-misses DIR        write the text of each missed injection to
                           DIR/miss-N.txt (N as in --show-misses), and of each
                           unrestored one to DIR/unrestored-N.txt
  --show-false-alarms N    print up to N false-alarm warnings (default 0)
  --show-unrestored N      print up to N found injections whose preferred fix
                           does not restore the clean text, each with why and
                           the first line it gets wrong; the count of each
                           reason per kind is printed in any case
  -h, --help               show this help
)";

struct Threshold {
  std::optional<double> min_recall_structural, min_recall_content, min_precision, max_clean_warnings,
      min_restored;
  std::vector<std::pair<ErrorKind, double>> min_recall_of_kind;
};

bool parse_number(std::string_view text, double& out) {
  try {
    std::size_t used = 0;
    out = std::stod(std::string(text), &used);
    return used == text.size();
  } catch (...) {
    return false;
  }
}

bool parse_count(std::string_view text, std::size_t& out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

void print_line(const std::string& line) { std::printf("%s\n", line.c_str()); }

std::string fixed(double value, int digits = 3) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

}  // namespace

int run_eval_command(std::span<const std::string_view> args) {
  if (!args.empty() && args.front() == "--speakers") return run_speaker_eval_command(args.subspan(1));
  EvaluationSettings settings;
  Threshold threshold;
  std::vector<std::pair<std::string, bool>> files;  // path, reference
  std::optional<std::string> tsv_path;
  std::optional<std::string> dump_dir;
  std::size_t pairs_per_document = 60;
  bool across_sources = false;
  std::size_t show_misses = 0, show_false_alarms = 0, show_unrestored = 0;
  std::size_t large_documents = 20;
  bool per_document = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    std::string_view value;
    if (arg == "--per-document") {
      per_document = true;
      continue;
    }
    if (arg == "-h" || arg == "--help") {
      std::fwrite(kEvalUsage.data(), 1, kEvalUsage.size(), stdout);
      return kExitClean;
    }
    auto number_option = [&](std::string_view name, std::optional<double>& target) -> std::optional<int> {
      const OptionMatch match = match_option_value(args, i, name, value);
      if (match == OptionMatch::NoMatch) return std::nullopt;
      double parsed = 0;
      if (match == OptionMatch::MissingValue || !parse_number(value, parsed))
        return usage_error("eval", std::string(name) + " needs a number");
      target = parsed;
      return kExitClean;
    };
    std::optional<int> handled;
    for (auto& [name, target] : {std::pair<std::string_view, std::optional<double>*>{"--min-recall-structural",
                                                                                    &threshold.min_recall_structural},
                                 {"--min-recall-content", &threshold.min_recall_content},
                                 {"--min-precision", &threshold.min_precision},
                                 {"--max-clean-warnings", &threshold.max_clean_warnings},
                                 {"--min-restored", &threshold.min_restored}}) {
      if ((handled = number_option(name, *target))) break;
    }
    if (handled) {
      if (*handled != kExitClean) return *handled;
      continue;
    }
    std::size_t count = 0;
    if (const OptionMatch m = match_option_value(args, i, "--seed", value); m != OptionMatch::NoMatch) {
      if (m == OptionMatch::MissingValue || !parse_count(value, count)) return usage_error("eval", "--seed needs a number");
      settings.seed = static_cast<std::uint32_t>(count);
    } else if (const OptionMatch m2 = match_option_value(args, i, "--trials", value); m2 != OptionMatch::NoMatch) {
      if (m2 == OptionMatch::MissingValue || !parse_count(value, settings.trials) || settings.trials == 0)
        return usage_error("eval", "--trials needs a positive number");
    } else if (const OptionMatch m3 = match_option_value(args, i, "--pairs-per-document", value);
               m3 != OptionMatch::NoMatch) {
      if (m3 == OptionMatch::MissingValue || !parse_count(value, pairs_per_document) || pairs_per_document < 2)
        return usage_error("eval", "--pairs-per-document needs a number of at least 2");
    } else if (const OptionMatch m12 = match_option_value(args, i, "--doc-pairs", value);
               m12 != OptionMatch::NoMatch) {
      if (m12 == OptionMatch::MissingValue || !parse_count(value, pairs_per_document) || pairs_per_document < 2)
        return usage_error("eval", "--doc-pairs needs a number of at least 2");
      across_sources = true;
    } else if (const OptionMatch m11 = match_option_value(args, i, "--min-recall", value);
               m11 != OptionMatch::NoMatch) {
      const std::size_t equals = value.find('=');
      const auto kind = equals == std::string_view::npos ? std::nullopt : parse_error_kind(value.substr(0, equals));
      double parsed = 0;
      if (m11 == OptionMatch::MissingValue || !kind || !parse_number(value.substr(equals + 1), parsed))
        return usage_error("eval", "--min-recall needs KIND=NUMBER (a kind as in --kinds)");
      threshold.min_recall_of_kind.emplace_back(*kind, parsed);
    } else if (const OptionMatch m10 = match_option_value(args, i, "--large-documents", value);
               m10 != OptionMatch::NoMatch) {
      if (m10 == OptionMatch::MissingValue || !parse_count(value, large_documents))
        return usage_error("eval", "--large-documents needs a number");
    } else if (const OptionMatch m10 = match_option_value(args, i, "--show-unrestored", value);
               m10 != OptionMatch::NoMatch) {
      if (m10 == OptionMatch::MissingValue || !parse_count(value, show_unrestored))
        return usage_error("eval", "--show-unrestored needs a number");
    } else if (const OptionMatch m4 = match_option_value(args, i, "--show-misses", value); m4 != OptionMatch::NoMatch) {
      if (m4 == OptionMatch::MissingValue || !parse_count(value, show_misses))
        return usage_error("eval", "--show-misses needs a number");
    } else if (const OptionMatch m5 = match_option_value(args, i, "--show-false-alarms", value);
               m5 != OptionMatch::NoMatch) {
      if (m5 == OptionMatch::MissingValue || !parse_count(value, show_false_alarms))
        return usage_error("eval", "--show-false-alarms needs a number");
    } else if (const OptionMatch m6 = match_option_value(args, i, "--kinds", value); m6 != OptionMatch::NoMatch) {
      if (m6 == OptionMatch::MissingValue) return usage_error("eval", "--kinds needs a list");
      std::size_t at = 0;
      while (at <= value.size()) {
        std::size_t comma = value.find(',', at);
        if (comma == std::string_view::npos) comma = value.size();
        const std::string_view name = value.substr(at, comma - at);
        const auto kind = parse_error_kind(name);
        if (!kind) return usage_error("eval", "unknown kind '" + std::string(name) + "'");
        settings.kinds.push_back(*kind);
        at = comma + 1;
      }
    } else if (const OptionMatch m7 = match_option_value(args, i, "--reference", value); m7 != OptionMatch::NoMatch) {
      if (m7 == OptionMatch::MissingValue) return usage_error("eval", "--reference needs a file");
      files.emplace_back(std::string(value), true);
    } else if (const OptionMatch m9 = match_option_value(args, i, "--dump-misses", value);
               m9 != OptionMatch::NoMatch) {
      if (m9 == OptionMatch::MissingValue) return usage_error("eval", "--dump-misses needs a directory");
      dump_dir = std::string(value);
      settings.keep_miss_texts = true;
    } else if (const OptionMatch m8 = match_option_value(args, i, "--tsv", value); m8 != OptionMatch::NoMatch) {
      if (m8 == OptionMatch::MissingValue) return usage_error("eval", "--tsv needs a file");
      tsv_path = std::string(value);
    } else if (arg.size() > 1 && arg.front() == '-') {
      return usage_error("eval", "unknown option '" + std::string(arg) + "'");
    } else {
      files.emplace_back(std::string(arg), false);
    }
  }
  if (files.empty() && !tsv_path) return usage_error("eval", "no transcript given");

  std::vector<EvaluationDocument> documents;
  for (const auto& [path, reference] : files) {
    InputFile input = read_input(path);
    if (!input.ok) {
      std::fprintf(stderr, "bitext eval: %s: %s\n", path.c_str(), input.error.c_str());
      return kExitFailure;
    }
    const auto analysis = Analysis::run(std::move(input.text), settings.options);
    auto document = clean_document_of(*analysis, path);
    if (!document) {
      std::fprintf(stderr,
                   "bitext eval: %s: not a clean transcript (every pair needs one line per side, no blank lines)\n",
                   path.c_str());
      return kExitFailure;
    }
    documents.push_back({std::move(*document), reference});
  }
  if (tsv_path) {
    InputFile input = read_input(*tsv_path);
    if (!input.ok) {
      std::fprintf(stderr, "bitext eval: %s: %s\n", tsv_path->c_str(), input.error.c_str());
      return kExitFailure;
    }
    TsvCorpus corpus = documents_from_tsv(input.text, pairs_per_document, across_sources);
    std::printf("%s: %zu documents%s; skipped %zu pairs whose translation has no Chinese character (untranslated), %zu "
                "malformed lines\n",
                tsv_path->c_str(), corpus.documents.size(),
                across_sources ? (" of " + std::to_string(pairs_per_document) + " consecutive pairs").c_str() : "",
                corpus.skipped_latin, corpus.skipped_malformed);
    for (CleanDocument& document : corpus.documents) documents.push_back({std::move(document), false});
  }

  const EvaluationReport report = evaluate(documents, settings);

  print_line("kind             injected  found  recall  warned  restorable  restored  any-fix");
  for (const ErrorKind kind : all_error_kinds()) {
    const KindScore& score = report.kinds[static_cast<std::size_t>(kind)];
    if (!score.injected) continue;
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "%-16s %8zu %6zu  %6.3f  %6zu  %10s  %8s  %7s",
                  std::string(error_kind_name(kind)).c_str(), score.injected, score.detected, score.recall(),
                  score.warned, fix_restores(kind) ? std::to_string(score.restorable).c_str() : "-",
                  fix_restores(kind) ? std::to_string(score.restored).c_str() : "-",
                  fix_restores(kind) ? std::to_string(score.restored_any).c_str() : "-");
    print_line(buffer);
  }
  // The issue's restoration target: drift, swap, split and duplicate.
  std::size_t restorable = 0, restored = 0;
  for (const ErrorKind kind :
       {ErrorKind::Drift, ErrorKind::SwappedOrder, ErrorKind::SplitLine, ErrorKind::DuplicatedLine}) {
    restorable += report.kinds[static_cast<std::size_t>(kind)].restorable;
    restored += report.kinds[static_cast<std::size_t>(kind)].restored;
  }
  const double restored_share = restorable ? double(restored) / double(restorable) : 1.0;
  print_line("");
  print_line("recall, structural kinds: pooled " + fixed(report.recall(true)) + ", lowest kind " +
             fixed(report.min_recall(true)));
  print_line("recall, content kinds:    pooled " + fixed(report.recall(false)) + ", lowest kind " +
             fixed(report.min_recall(false)));
  print_line("precision of warnings:    " + fixed(report.precision()) + " (" + std::to_string(report.true_warnings) +
             " of " + std::to_string(report.new_warnings) + " new warnings point at the injected error; " +
             std::to_string(report.new_informations) + " new information findings)");
  print_line("restored by the fix:      " + fixed(restored_share) + " of drift, swap, split and duplicate errors (" +
             std::to_string(restored) + "/" + std::to_string(restorable) + ")");
  print_line("clean text:               " + fixed(report.clean_warnings_per_100_pairs(), 2) + " warnings per 100 pairs (" +
             std::to_string(report.clean_warnings()) + " in " + std::to_string(report.clean_pairs()) + " pairs)");
  for (const DocumentBaseline& baseline : report.baselines) {
    if (!baseline.reference && baseline.warnings == 0 && documents.size() > 8) continue;
    std::printf("  %s%s: %zu pairs, %zu warnings, %zu information findings on the clean text\n",
                baseline.reference ? "reference " : "", baseline.name.c_str(), baseline.pairs, baseline.warnings,
                baseline.informations);
    if (baseline.reference || baseline.warnings) {
      for (const Finding& finding : baseline.findings)
        if (finding.severity <= Severity::Warning)
          std::printf("    pair %d [%s] %s\n", finding.pair + 1, finding.code.c_str(), finding.message.c_str());
    }
  }
  // The same scores on the documents of at least N pairs alone: every
  // document gets as many injections, so 2-pair pages weigh like 60-pair ones
  // in the figures above. Reported beside them, never instead.
  if (large_documents > 0) {
    const DocumentSubset large = report.documents_of_at_least(large_documents);
    std::size_t all_documents = 0;
    for (const DocumentBaseline& baseline : report.baselines) all_documents += baseline.reference ? 0 : 1;
    if (large.documents > 0 && large.documents < all_documents) {
      std::string line = "documents of >= " + std::to_string(large_documents) + " pairs (" +
                         std::to_string(large.documents) + " of " + std::to_string(all_documents) + ", " +
                         std::to_string(large.pairs) + " pairs): recall";
      for (const ErrorKind kind : all_error_kinds()) {
        const KindScore& score = large.kinds[static_cast<std::size_t>(kind)];
        if (score.injected) line += " " + std::string(error_kind_name(kind)) + " " + fixed(score.recall());
      }
      line += "; precision " + fixed(large.precision()) + " (" + std::to_string(large.true_warnings) + " of " +
              std::to_string(large.new_warnings) + "); restored " + fixed(large.restored_share());
      print_line(line);
    }
  }
  if (per_document) {
    for (const DocumentBaseline& baseline : report.baselines) {
      std::string line = "  recall in " + baseline.name + " (" + std::to_string(baseline.pairs) + " pairs):";
      for (const ErrorKind kind : all_error_kinds()) {
        const KindScore& score = baseline.kinds[static_cast<std::size_t>(kind)];
        if (score.injected)
          line += " " + std::string(error_kind_name(kind)) + " " + std::to_string(score.detected) + "/" +
                  std::to_string(score.injected);
      }
      print_line(line);
    }
  }
  for (const ErrorKind kind : all_error_kinds()) {
    const KindScore& score = report.kinds[static_cast<std::size_t>(kind)];
    if (score.label_injected)
      std::printf("%s at a number label ('3.1.6.' | 'Diskless workstations'): %zu of %zu found; elsewhere %zu of %zu\n",
                  std::string(error_kind_name(kind)).c_str(), score.label_detected, score.label_injected,
                  score.detected - score.label_detected, score.injected - score.label_injected);
  }
  for (const ErrorKind kind : all_error_kinds()) {
    for (const auto& [why, count] : report.miss_classes[static_cast<std::size_t>(kind)])
      std::printf("missed %s: %zu %s\n", std::string(error_kind_name(kind)).c_str(), count, why.c_str());
  }
  for (const ErrorKind kind : all_error_kinds()) {
    for (const auto& [why, count] : report.unrestored_classes[static_cast<std::size_t>(kind)])
      std::printf("not restored %s: %zu %s\n", std::string(error_kind_name(kind)).c_str(), count, why.c_str());
  }
  for (std::size_t i = 0; i < std::min(show_unrestored, report.unrestored.size()); ++i)
    std::printf("unrestored %zu: %s\n", i + 1, report.unrestored[i].c_str());
  for (std::size_t i = 0; i < std::min(show_misses, report.misses.size()); ++i)
    std::printf("miss %zu: %s\n", i + 1, report.misses[i].c_str());
  if (dump_dir) {
    for (const auto& [prefix, texts] : {std::pair{"/miss-", &report.miss_texts},
                                        std::pair{"/unrestored-", &report.unrestored_texts}}) {
      for (std::size_t i = 0; i < texts->size(); ++i) {
        const std::string path = *dump_dir + prefix + std::to_string(i + 1) + ".txt";
        std::FILE* out = std::fopen(path.c_str(), "wb");
        if (!out) {
          std::fprintf(stderr, "bitext eval: cannot write %s\n", path.c_str());
          return kExitFailure;
        }
        std::fwrite((*texts)[i].data(), 1, (*texts)[i].size(), out);
        std::fclose(out);
      }
    }
  }
  for (std::size_t i = 0; i < std::min(show_false_alarms, report.false_alarms.size()); ++i)
    std::printf("false alarm: %s\n", report.false_alarms[i].c_str());

  bool ok = true;
  auto gate = [&](bool pass, const std::string& what) {
    if (!pass) {
      std::printf("FAILED: %s\n", what.c_str());
      ok = false;
    }
  };
  if (threshold.min_recall_structural)
    gate(report.min_recall(true) >= *threshold.min_recall_structural,
         "structural recall " + fixed(report.min_recall(true)) + " < " + fixed(*threshold.min_recall_structural));
  if (threshold.min_recall_content)
    gate(report.min_recall(false) >= *threshold.min_recall_content,
         "content recall " + fixed(report.min_recall(false)) + " < " + fixed(*threshold.min_recall_content));
  for (const auto& [kind, minimum] : threshold.min_recall_of_kind) {
    const KindScore& score = report.kinds[static_cast<std::size_t>(kind)];
    gate(score.recall() >= minimum, std::string(error_kind_name(kind)) + " recall " + fixed(score.recall()) + " < " +
                                        fixed(minimum));
  }
  if (threshold.min_precision)
    gate(report.precision() >= *threshold.min_precision,
         "precision " + fixed(report.precision()) + " < " + fixed(*threshold.min_precision));
  if (threshold.max_clean_warnings)
    gate(report.clean_warnings_per_100_pairs() <= *threshold.max_clean_warnings,
         "clean warnings per 100 pairs " + fixed(report.clean_warnings_per_100_pairs(), 2) + " > " +
             fixed(*threshold.max_clean_warnings, 2));
  if (threshold.min_restored)
    gate(restored_share >= *threshold.min_restored,
         "restored share " + fixed(restored_share) + " < " + fixed(*threshold.min_restored));
  print_line(ok ? "evaluation: all thresholds met" : "evaluation: thresholds not met");
  return ok ? kExitClean : kExitFindings;
}

}  // namespace bitext::cli
