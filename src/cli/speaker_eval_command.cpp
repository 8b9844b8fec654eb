#include "cli/speaker_eval_command.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "cli/command_line.hpp"
#include "cli/exit_status.hpp"
#include "cli/input_file.hpp"
#include "eval/speaker_evaluation.hpp"

namespace bitext::cli {
namespace {

constexpr std::string_view kUsage = R"(Usage: bitext eval --speakers [options] [--held-out] DOCUMENT LABELS ...

Measures the speakers inferred for unlabelled transcripts against hand labels.
Each DOCUMENT is followed by its LABELS file: one line per pair, the pair
number (1-based), a tab and the speaker's name; '#' lines are comments.
--held-out before a DOCUMENT marks it as kept out of tuning (reported apart).

Prints per document: pairs, true and inferred speakers, "named" (the share of
pairs whose inferred speaker has the true name; a first name alone matches
the full name), "mapped" (the share right after the best one-to-one mapping
of inferred to true speakers) and "baseline" (the share of the most frequent
true speaker).

Options:
  --min-named X        fail when a document's named share is below X
  --min-mapped X       fail when a document's mapped share is below X
  --above-baseline     fail when a document's mapped share is below its baseline
  --show-wrong N       print up to N wrongly attributed pairs per document
  --changes            print where the speaker changes: true changes between
                       consecutive pairs, inferred ones, both, and the
                       precision and recall of the inferred changes
  --show-pairs         print every pair: inferred and true speaker, and
                       whether the mapping counts it wrong ("x")
  -h, --help           show this help
)";

bool parse_share(std::string_view text, double& out) {
  try {
    std::size_t used = 0;
    out = std::stod(std::string(text), &used);
    return used == text.size() && out >= 0 && out <= 1;
  } catch (...) {
    return false;
  }
}

struct Input {
  std::string document;
  std::string labels;
  bool held_out = false;
};

}  // namespace

int run_speaker_eval_command(std::span<const std::string_view> args) {
  std::optional<double> min_named, min_mapped;
  bool above_baseline = false;
  std::size_t show_wrong = 0;
  bool show_pairs = false;
  bool show_changes = false;
  std::vector<Input> inputs;
  bool next_held_out = false;
  std::optional<std::string> pending;  // a DOCUMENT waiting for its LABELS
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    std::string_view value;
    if (arg == "-h" || arg == "--help") {
      std::fwrite(kUsage.data(), 1, kUsage.size(), stdout);
      return kExitClean;
    }
    if (arg == "--above-baseline") {
      above_baseline = true;
    } else if (arg == "--changes") {
      show_changes = true;
    } else if (arg == "--show-pairs") {
      show_pairs = true;
    } else if (arg == "--held-out") {
      if (pending) return usage_error("eval", "--held-out must come before a DOCUMENT, not between it and its LABELS");
      next_held_out = true;
    } else if (const OptionMatch m = match_option_value(args, i, "--min-named", value); m != OptionMatch::NoMatch) {
      double share = 0;
      if (m == OptionMatch::MissingValue || !parse_share(value, share))
        return usage_error("eval", "--min-named needs a share between 0 and 1");
      min_named = share;
    } else if (const OptionMatch m2 = match_option_value(args, i, "--min-mapped", value); m2 != OptionMatch::NoMatch) {
      double share = 0;
      if (m2 == OptionMatch::MissingValue || !parse_share(value, share))
        return usage_error("eval", "--min-mapped needs a share between 0 and 1");
      min_mapped = share;
    } else if (const OptionMatch m3 = match_option_value(args, i, "--show-wrong", value); m3 != OptionMatch::NoMatch) {
      try {
        if (m3 == OptionMatch::MissingValue) throw 0;
        show_wrong = std::stoul(std::string(value));
      } catch (...) {
        return usage_error("eval", "--show-wrong needs a number");
      }
    } else if (arg.size() > 1 && arg.front() == '-') {
      return usage_error("eval", "unknown option '" + std::string(arg) + "'");
    } else if (!pending) {
      pending = std::string(arg);
    } else {
      inputs.push_back({std::move(*pending), std::string(arg), next_held_out});
      pending.reset();
      next_held_out = false;
    }
  }
  if (pending) return usage_error("eval", "DOCUMENT " + *pending + " has no LABELS file after it");
  if (inputs.empty()) return usage_error("eval", "--speakers needs DOCUMENT LABELS pairs");

  bool ok = true;
  std::printf("%-34s %5s %4s %4s %7s %7s %8s\n", "document", "pairs", "true", "inf", "named", "mapped", "baseline");
  for (const bool held_out : {false, true}) {
    for (const Input& input : inputs) {
      if (input.held_out != held_out) continue;
      InputFile document = read_input(input.document);
      InputFile labels = read_input(input.labels);
      if (!document.ok || !labels.ok) {
        std::fprintf(stderr, "bitext eval: %s: %s\n", (document.ok ? input.labels : input.document).c_str(),
                     (document.ok ? labels.error : document.error).c_str());
        return kExitFailure;
      }
      std::string error;
      const auto truth = parse_speaker_truth(labels.text, error);
      if (!truth) {
        std::fprintf(stderr, "bitext eval: %s: %s\n", input.labels.c_str(), error.c_str());
        return kExitFailure;
      }
      const auto analysis = Analysis::run(std::move(document.text), CheckOptions{});
      const Transcript& transcript = analysis->transcript();
      const SpeakerScore score = score_speakers(*truth, transcript);
      std::string name = input.document.substr(input.document.find_last_of('/') + 1);
      if (held_out) name += " (held out)";
      std::printf("%-34s %5zu %4zu %4zu %7.3f %7.3f %8.3f\n", name.c_str(), score.pairs, score.true_speakers,
                  score.inferred_speakers, score.share(score.named), score.share(score.mapped),
                  score.share(score.baseline));
      if (truth->size() != transcript.pairs.size())
        std::printf("  note: %zu labelled pairs, %zu pairs in the transcript\n", truth->size(), transcript.pairs.size());
      if (show_changes) {
        const auto ratio = [](std::size_t a, std::size_t b) { return b ? double(a) / double(b) : 0.0; };
        std::printf("  changes: true %zu, inferred %zu, both %zu (precision %.3f, recall %.3f)\n", score.true_changes,
                    score.inferred_changes, score.changes_found, ratio(score.changes_found, score.inferred_changes),
                    ratio(score.changes_found, score.true_changes));
      }
      for (std::size_t k = 0; k < std::min(show_wrong, score.wrong.size()); ++k) {
        const std::size_t pair = score.wrong[k];
        std::printf("  pair %zu: inferred %s, true %s\n", pair + 1, transcript.pairs[pair].speaker.c_str(),
                    (*truth)[pair].c_str());
      }
      if (show_pairs) {
        for (std::size_t pair = 0; pair < std::min(truth->size(), transcript.pairs.size()); ++pair) {
          const bool wrong = std::find(score.wrong.begin(), score.wrong.end(), pair) != score.wrong.end();
          std::printf("  %3zu %s inferred %-16s true %s\n", pair + 1, wrong ? "x" : " ",
                      transcript.pairs[pair].speaker.c_str(), (*truth)[pair].c_str());
        }
      }
      auto gate = [&](bool pass, const char* what, double value, double limit) {
        if (pass) return;
        std::printf("FAILED: %s: %s %.3f < %.3f\n", name.c_str(), what, value, limit);
        ok = false;
      };
      if (min_named) gate(score.share(score.named) >= *min_named, "named", score.share(score.named), *min_named);
      if (min_mapped) gate(score.share(score.mapped) >= *min_mapped, "mapped", score.share(score.mapped), *min_mapped);
      if (above_baseline)
        gate(score.mapped >= score.baseline, "mapped below baseline", score.share(score.mapped),
             score.share(score.baseline));
    }
  }
  std::printf("%s\n", ok ? "speaker evaluation: all thresholds met" : "speaker evaluation: thresholds not met");
  return ok ? kExitClean : kExitFindings;
}

}  // namespace bitext::cli
