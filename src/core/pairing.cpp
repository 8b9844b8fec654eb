// Pairing: from lines to a Transcript, in four steps, each in its own file:
// 1. classification (unit_reading): what each line is on its own;
// 2. languages and roles (role_choice): the document's two languages, and
//    which is the translation, from the options and the document;
// 3. the solve (pairing_solve), a dynamic programme over the content lines,
//    tried in both orders of the two sides (or the one the options force);
// 4. assembly (transcript_assembly) of the cheapest solution.
// The steps take the document as units with byte ranges (pairing_units.hpp);
// here a unit is a line. pair_lines wraps the steps with the memory of the
// previous version's line readings.
#include "bitext/pairing.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "bitext/numbers.hpp"
#include "bitext/pairing_cost.hpp"
#include "front_matter.hpp"
#include "line_facts.hpp"
#include "pairing_detail.hpp"
#include "pairing_fits.hpp"
#include "pairing_items.hpp"
#include "pairing_solve.hpp"
#include "role_choice.hpp"
#include "run_beside.hpp"
#include "speaker_model.hpp"
#include "transcript_assembly.hpp"

namespace bitext {
namespace detail {
namespace {

bool cased(Script script) { return script == Script::Latin || script == Script::Cyrillic || script == Script::Greek; }

// The orientations worth solving for the roles chosen, cheapest first on ties.
struct Trial {
  Orientation orientation;
  Solution solution;
};

// Roles by language: the translation in either position (or the one a
// forced order gives); roles by position: either language first, the side
// in `translation_first`'s position being the translation.
std::vector<Orientation> orientations(const RoleChoice& roles, DocumentLanguages languages, LineOrder order) {
  if (roles.translation) {
    const Label translation = *roles.translation == languages.first ? kScript1 : kScript2;
    const Label original = translation == kScript1 ? kScript2 : kScript1;
    std::vector<Orientation> tried;
    if (order != LineOrder::OriginalFirst) tried.push_back({translation, original, true});
    if (order != LineOrder::TranslationFirst) tried.push_back({original, translation, false});
    return tried;
  }
  const bool translation_first = order != LineOrder::OriginalFirst;
  return {{kScript1, kScript2, translation_first}, {kScript2, kScript1, translation_first}};
}

// A heading's section number ("8.24.1. 概述", "第 8.33 节 “Sepia”"), which the
// number scan leaves to the technical tokens, carried over by its partner or
// not; weighed as a number of the lexical cost.
double heading_numbers_cost(std::string_view heading, std::string_view partner) {
  const std::string_view number = heading_number(heading);
  if (number.empty()) return 0.0;
  LexicalCheck check;
  (carries_number(partner, number) ? check.matched_numbers : check.unmatched_numbers) = 1;
  return lexical_cost(check);
}

// What the numbers of a solution's pairs say of it, in the content checks'
// lexical cost (a number one side lacks costs, a shared one earns): a
// translation carries its numbers over, so the order that pairs "8.24.1. 概述"
// with "8.24.1. Overview" beats the one that pairs it with "8.24.2. …".
double numbers_evidence(const SolveInput& input, const Solution& solution) {
  double evidence = 0.0;
  for (const Segment& segment : solution.segments) {
    if (segment.kind != SegmentKind::Pair && segment.kind != SegmentKind::Swapped) continue;
    const std::string_view text_a = input.sequence.text_of(input.items[segment.first_item].unit);
    const std::string_view text_b = input.sequence.text_of(input.items[segment.first_item + 1].unit);
    const std::vector<NumberMention> a = scan_numbers(text_a);
    const std::vector<NumberMention> b = scan_numbers(text_b);
    if (!a.empty() || !b.empty()) evidence += lexical_cost(check_lexical(a, b, TokenKeys{}, TokenKeys{}));
    evidence += heading_numbers_cost(text_a, text_b) + heading_numbers_cost(text_b, text_a);
  }
  return evidence;
}

// Whether two solutions explain the document with as many pairs, lines alone
// (or header and footer lines) and doubled lines: they then differ only in
// where the pairs fall, as "T O T O T" does read from either end.
bool same_beads(const Solution& a, const Solution& b) {
  const auto count = [](const Solution& solution) {
    std::array<std::size_t, 3> beads{};  // pairs, single lines, doubled lines
    for (const Segment& segment : solution.segments) {
      switch (segment.kind) {
        case SegmentKind::Pair:
        case SegmentKind::Swapped: ++beads[0]; break;
        case SegmentKind::FirstDoubled:
        case SegmentKind::SecondDoubled: ++beads[2]; break;
        default: ++beads[1]; break;
      }
    }
    return beads;
  };
  return count(a) == count(b);
}

// From this many items (each order's solve ~0.3 ms) the two orders are
// solved at once: they are independent, and on an edit the pairing is the
// longest stretch of the analysis that has one thread.
constexpr std::size_t kParallelSolveFrom = 4096;

// The memos of the pairing's text work (pairing_memo.hpp) of the thread that
// runs pair_units: slot 0 for its own solve, slot 1 for the second order's
// helper thread, which is a new thread every run and so keeps its memo here.
struct PairingMemos {
  RunMemo<SentenceSpan> spans[2];
  RunMemo<SplitEvidence> splits[2];
};

PairingMemos& pairing_memos() {
  thread_local PairingMemos memos;
  return memos;
}

// The cheapest explanation of the document. Two orders that explain it with
// the same beads at costs less than a missing line apart (a short document
// with a line alone at either end: "T O T O T") explain it about as well;
// their pairs' numbers then decide. Ties: the language of the first item in
// either language comes first.
Trial best_trial(const SolveInput& input, const std::vector<Orientation>& tried) {
  Label first_seen = kScript1;
  for (const Item& item : input.items) {
    if (item.label == kScript1 || item.label == kScript2) {
      first_seen = item.label;
      break;
    }
  }
  std::vector<Trial> trials;
  if (tried.size() == 2 && input.items.size() >= kParallelSolveFrom) {
    // The second order in a thread, with a counter of its own (it counts lazily).
    SentenceCounter sentences = input.sentences;
    PairingMemos& memos = pairing_memos();
    sentences.set_memo(input.split_memo ? &memos.spans[1] : nullptr);
    const SolveInput second_input{input.sequence, input.items,        input.medians, input.cased,  input.lengths,
                                  sentences,      input.sentence_fit, input.lexicon, input.chinese,
                                  input.split_memo ? &memos.splits[1] : nullptr};
    Solution first, second;
    run_beside([&] { second = solve_pairing(second_input, tried[1]); },
               [&] { first = solve_pairing(input, tried[0]); });
    trials.push_back({tried[0], std::move(first)});
    trials.push_back({tried[1], std::move(second)});
  } else {
    for (const Orientation& orientation : tried) trials.push_back({orientation, solve_pairing(input, orientation)});
  }
  double lowest = pairing_cost::kInfinity;
  for (const Trial& trial : trials) lowest = std::min(lowest, trial.solution.cost);
  const bool close = trials.size() == 2 && lowest < pairing_cost::kInfinity &&
                     std::max(trials[0].solution.cost, trials[1].solution.cost) < lowest + pairing_cost::kMissing &&
                     same_beads(trials[0].solution, trials[1].solution);
  std::size_t best = 0;
  double best_score = pairing_cost::kInfinity;
  for (std::size_t k = 0; k < trials.size(); ++k) {
    const double score = trials[k].solution.cost + (close ? numbers_evidence(input, trials[k].solution) : 0.0);
    const bool better = k == 0 || score < best_score ||
                        (score == best_score && trials[k].orientation.first == first_seen &&
                         trials[best].orientation.first != first_seen);
    if (better) {
      best = k;
      best_score = score;
    }
  }
  return std::move(trials[best]);
}

std::vector<std::uint32_t> matter_units(const std::vector<Item>& items, const Solution& solution) {
  std::vector<std::uint32_t> units;
  for (const Segment& segment : solution.segments) {
    if (segment.kind == SegmentKind::Front || segment.kind == SegmentKind::FrontFirst ||
        segment.kind == SegmentKind::Back || segment.kind == SegmentKind::BackFirst)
      units.push_back(items[segment.first_item].unit);
  }
  return units;
}

}  // namespace

Transcript pair_units(const AssemblyInput& input, const CheckOptions& options) {
  const UnitSequence& units = input.units;
  const DocumentLanguages languages = document_languages(units, input.readings);
  if (languages.second == Script::None) return monolingual_transcript(input, languages.first);

  const PairingItems prepared = pairing_items(units, input.readings, languages.first, languages.second);
  const std::vector<Item>& items = prepared.items;
  const PairLengthFit lengths = fit_lengths(items, prepared.median1, prepared.median2);
  PairingMemos& memos = pairing_memos();
  for (RunMemo<SentenceSpan>& memo : memos.spans) memo.begin_run();
  for (RunMemo<SplitEvidence>& memo : memos.splits) memo.begin_run();
  SentenceCounter sentences(items, units, {languages.first, languages.second}, &memos.spans[0]);
  const SentenceFit sentence_fit = fit_sentences(items, lengths.forward, sentences);
  const bool chinese_english = (languages.first == Script::Han && languages.second == Script::Latin) ||
                               (languages.first == Script::Latin && languages.second == Script::Han);
  const SolveInput solve_input{units,
                               items,
                               {prepared.median1, prepared.median2},
                               {cased(languages.first), cased(languages.second)},
                               lengths,
                               sentences,
                               sentence_fit,
                               chinese_english ? Lexicon::shared() : nullptr,
                               {languages.first == Script::Han, languages.second == Script::Han},
                               &memos.splits[0]};

  RoleChoice roles = choose_roles(options, languages);
  Trial best = best_trial(solve_input, orientations(roles, languages, options.order));
  // The header and footer speak the audience's language: a better cue than
  // the script, not than the options or the file name.
  if (roles.cue == TranslationCue::NotLatin || roles.cue == TranslationCue::Position) {
    const std::optional<Script> audience = matter_language(units, matter_units(items, best.solution), languages);
    if (audience && (!roles.translation || *audience != *roles.translation)) {
      roles = {*audience, TranslationCue::Matter};
      best = best_trial(solve_input, orientations(roles, languages, options.order));
    } else if (audience) {
      roles.cue = TranslationCue::Matter;
    }
  }
  Transcript transcript =
      assemble_transcript(input, items, best.solution, best.orientation, {languages.first, languages.second});
  transcript.translation_cue = roles.cue;
  return transcript;
}

namespace {

std::vector<TextUnit> line_units(const LineIndex& index) {
  std::vector<TextUnit> units(index.line_count());
  for (std::size_t line = 0; line < units.size(); ++line) {
    const auto number = static_cast<std::uint32_t>(line);
    units[line] = {index.line_start(line), index.line_end(line), number, number};
  }
  return units;
}

}  // namespace

ScriptProfile profile_line(std::string_view line) {
  if (is_blank(line)) return {};
  return classify_script(line);
}

PairedLines pair_lines(const LineIndex& index, const CheckOptions& options, const std::vector<ScriptProfile>& profiles,
                       const LineReadings* previous, std::span<const std::uint32_t> previous_lines) {
  const std::vector<TextUnit> units = line_units(index);
  const UnitSequence lines{index.text(), units, profiles};
  const Placeholders placeholders(options);

  // An unchanged line reads as before, except at or from the first line
  // (markup such as "WEBVTT" counts there only).
  std::vector<const UnitReading*> known;
  if (previous != nullptr && previous_lines.size() == units.size() &&
      previous->translation_placeholder == options.translation_placeholder &&
      previous->original_placeholder == options.original_placeholder) {
    known.assign(units.size(), nullptr);
    for (std::size_t line = 1; line < units.size(); ++line) {
      const std::uint32_t before = previous_lines[line];
      if (before != kNoLine && before != 0 && before < previous->readings.size())
        known[line] = &previous->readings[before];
    }
  }
  auto readings = std::make_shared<LineReadings>();
  readings->readings = read_units(lines, placeholders, known);
  readings->translation_placeholder = options.translation_placeholder;
  readings->original_placeholder = options.original_placeholder;

  PairedLines paired;
  const std::vector<UnitReading> in_pairs = labels_inside_pairs(lines, readings->readings);
  paired.transcript = pair_units({lines, lines, in_pairs.empty() ? readings->readings : in_pairs}, options);
  paired.readings = std::move(readings);
  return paired;
}

}  // namespace detail

Transcript parse_transcript(const LineIndex& index, const CheckOptions& options) {
  std::vector<ScriptProfile> profiles(index.line_count());
  for (std::size_t line = 0; line < profiles.size(); ++line)
    profiles[line] = detail::profile_line(index.line_text(line));
  Transcript transcript = detail::pair_lines(index, options, profiles).transcript;
  detail::fill_speaker_model(transcript, {index.text(), index, Layout::Lines});
  return transcript;
}

}  // namespace bitext
