// The content analysis as a pipeline of pure stages (content_checks.cpp runs
// them and wraps the reuse of the previous version's work around them):
//   line features (pairing_cost.hpp) -> pair checks and document fits
//   (content_pairs.cpp) -> alternative pairings per anchor
//   (content_alternatives.cpp) -> selection (content_selection.cpp) ->
//   findings with message and fixes (content_realign_findings.cpp,
//   content_pair_findings.cpp).
// Each stage reads a PairTable and writes only its result, so stretches of a
// document can run on several threads and a stage's result can be memoised.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/finding.hpp"
#include "bitext/length.hpp"
#include "bitext/lexicon.hpp"
#include "bitext/line_shape.hpp"
#include "bitext/numbers.hpp"
#include "bitext/pairing_cost.hpp"
#include "bitext/speaker_labels.hpp"
#include "bitext/text.hpp"
#include "bitext/tokens.hpp"
#include "bitext/transcript.hpp"

namespace bitext::content {

// Longest block of pairs a shifted-block alternative rotates; alternatives
// anchored at pair k read pairs [k, k + kWindow).
inline constexpr std::size_t kMaxBlock = 5;
inline constexpr std::size_t kWindow = kMaxBlock + 1;

// Evidence thresholds of a kind of finding (nats, or standard deviations for length).
struct Thresholds {
  double warning;
  double information;
  double hint;
};
// Calibration of every constant: docs/calibration.md.
inline constexpr Thresholds kRealignThresholds{5.0, 2.0, 0.5};
inline constexpr double kRotationPrior = 1.0;  // prior cost of a shifted block, before its size
inline constexpr double kDriftPrior = 1.0;     // ... of a boundary drift (equal, so a crossed pair is not a drift)
// A heading's label alone, given back the title its partner has: the weight
// shape_change gives a label out of place (that of a carried name or number).
inline constexpr double kTitleMended = 3.0;
// A pair's line given back the closing colon its partner ends with (a lead-in
// to a list or command), weighed as a whole line glossing its partner.
inline constexpr double kLeadInMended = 1.0;
// A line opened by a comma, given back to the line its sentence began in: no
// sentence opens with a comma, so it is out of place as a label ending a line
// is, and weighs what shape_change gives that (a carried name or number).
inline constexpr double kCommaOpening = 3.0;
// A drift whose mirror (the other language's matching text moved the other
// way) fits within kMirrorAgreement is information from kMirroredInformation on.
inline constexpr double kMirroredInformation = -1.0;
inline constexpr double kMirrorAgreement = 1.0;
inline constexpr double kDriftFloor = kMirroredInformation < kRealignThresholds.hint ? kMirroredInformation
                                                                                      : kRealignThresholds.hint;
inline constexpr Thresholds kLengthThresholds{6.0, 3.0, 2.5};
inline constexpr double kMinResidual = 1.5;         // standard deviations for a length finding
// A length within this factor of the predicted one (half to twice) is never
// a warning by itself, however many deviations long lines make of it.
inline constexpr double kWarningLengthFactor = 2.0;
inline constexpr double kCutOffMinResidual = 1.0;   // ... when the translation also stops mid-sentence
inline constexpr double kCutOffEvidence = 2.0;
// A translation that also leaves this many of its original's last content
// words without a counterpart (the dictionary) adds kWordWeight a word, up to
// kTailWordsCounted of them.
inline constexpr int kTailWords = 2;
inline constexpr int kTailWordsCounted = 4;

std::optional<Severity> severity_of(double evidence, const Thresholds& thresholds);
double confidence_of(double evidence, const Thresholds& thresholds);

// The lines of one pair; `valid` when it has exactly one non-empty line per side.
struct PairLines {
  bool valid = false;
  std::uint32_t translation_line = 0;
  std::uint32_t original_line = 0;
  bool operator==(const PairLines&) const = default;
};

// What the document fits and the length findings need of a line (kept
// between versions instead of the full LineFeatures; line_outline computes
// it without the rest).
struct LineSummary {
  double length = 0;
  int sentences = 1;
  int questions = 0;
  bool ends_sentence = false;  // the length findings' cut-off cue
  bool operator==(const LineSummary&) const = default;
};
LineSummary summary_of(const LineFeatures& features);
LineSummary summary_of(const LineOutline& outline);

// What a pair's lexical findings name (content_pair_findings.cpp): the
// numbers and tokens without a counterpart, and the changed technical tokens.
// Most pairs have none: a version keeps it only for those that have some.
struct PairMismatches {
  NumberComparison numbers;  // empty unless either side has numbers
  TokenComparison tokens;    // empty unless the exact check missed a token
  // Technical tokens with a digit changed (killall(1) / killall(3)): byte
  // spans in the translation and the original line.
  struct ChangedToken {
    std::size_t translation_begin = 0, translation_end = 0, original_begin = 0, original_end = 0;
  };
  std::vector<ChangedToken> changed_tokens;
  // Nothing a finding reads (the matched counts are only in LexicalCheck's).
  bool none() const {
    return numbers.consistent() && tokens.consistent() && tokens.near_translation.empty() &&
           tokens.near_original.empty() && changed_tokens.empty();
  }
};
inline const PairMismatches& no_mismatches() {
  static const PairMismatches none;
  return none;
}

// Fit-independent comparison of one pair's numbers and tokens.
struct PairChecks {
  LexicalCheck lexical;
  PairMismatches mismatches;
  // The original's content words as the translation covers them (the lexical
  // signal; all 0 when it is off): how many there are, how many have a
  // counterpart in the translation, and how many at the end of the original
  // come after the last one that has (what a cut translation leaves).
  struct OriginalWords {
    std::uint16_t words = 0;
    std::uint16_t matched = 0;
    std::uint16_t unmatched_tail = 0;
    bool operator==(const OriginalWords&) const = default;
  };
  OriginalWords original_words;
};
// With the lines' texts, a name missing on one side counts as carried when
// the other side's Chinese text transliterates it (米拉 for Mira).
PairChecks check_pair(const LineFeatures& translation, const LineFeatures& original,
                      std::string_view translation_text = {}, std::string_view original_text = {});

// The document's own models, fitted over its valid pairs and rounded so that
// one edited pair rarely changes them.
struct DocumentFits {
  LengthRatioModel length;
  SentenceCountModel counts;     // n(original sentences) - n(translation sentences)
  SentenceCountModel questions;  // the same for question marks
  LineShapeModel shape;          // which side of a drift moved (line_shape.hpp)
  // The pairing costs depend on these; the shape only on how a drift is reported.
  bool same_costs(const DocumentFits& other) const {
    return length == other.length && counts == other.counts && questions == other.questions;
  }
  bool operator==(const DocumentFits&) const = default;
};
DocumentFits fit_document(std::span<const LineSummary> translations, std::span<const LineSummary> originals,
                          Script translation_script, Script original_script);
// The length ratio of each pair's neighbourhood: the median ratio of up to
// kNeighbourPairs valid pairs either side, the pair itself left out; 0 where
// fewer than kMinNeighbours have both lengths. A document that joins pages
// translated in different styles has one ratio per page, not one for all
// (docs/calibration.md, clean15).
inline constexpr std::size_t kNeighbourPairs = 10;
inline constexpr std::size_t kMinNeighbours = 8;
std::vector<double> neighbourhood_ratios(std::span<const LineSummary> translations,
                                         std::span<const LineSummary> originals);
// The same, given the previous version's valid pairs' length ratios
// (pair_length_ratio: a rerun reads them from its records, 8 bytes a pair) and
// their results: a pair whose whole neighbourhood lies in the ratios both
// versions share at their start, or at their end, keeps its previous result
// (the same inputs in the same places give the same median); the rest are
// computed. An edit changes a pair or two, and computing every pair's median
// again was ~16 M instructions per edit at 10 MB.
std::vector<double> neighbourhood_ratios(std::span<const LineSummary> translations,
                                         std::span<const LineSummary> originals, std::span<const double> old_ratios,
                                         std::span<const double> old_results);
// A pair's length ratio, 0 when a side has no length.
double pair_length_ratio(const LineSummary& translation, const LineSummary& original);

// Cost (nats) of pairing a translation with an original under the fits.
double shape_cost(const LineSummary& translation, const LineSummary& original, const DocumentFits& fits);
double pair_cost(const LineFeatures& translation, const LineFeatures& original, const DocumentFits& fits);

// A pair's line on one side with the script of that side in the transcript
// (what its length is measured as); reads as its text elsewhere.
struct SideText {
  std::string_view text;
  Script script = Script::None;
  const Lexicon* lexicon = nullptr;  // set when the lexical signal is on: the line's content words are read
  operator std::string_view() const { return text; }
};

// The document's pairs as every stage reads them. Owned by one run; the
// features are computed for the pairs a stage is about to read (in a
// re-analysis, only around the edits).
struct PairTable {
  const Transcript* transcript = nullptr;
  const LineIndex* index = nullptr;
  DocumentFits fits;
  // The dictionary when the lexical signal is on (a Chinese/English document
  // and a loaded dictionary), else null.
  const Lexicon* lexicon = nullptr;
  std::vector<PairLines> lines;
  std::vector<std::unique_ptr<const LineFeatures>> features;  // 2 per pair: translation, original
  std::vector<double> cost;                                  // of each valid pair as given
  std::vector<double> lexical;                               // its lexical part
  std::vector<double> local_ratio;                           // neighbourhood_ratios, per pair (0: none)
  std::vector<LexicalCheck> checks;
  std::vector<PairChecks::OriginalWords> original_words;
  // Of each valid pair, never null: those with none share no_mismatches().
  std::vector<const PairMismatches*> mismatches;
  // Per line, the width of the speaker label it starts with (read_label_widths;
  // empty when the document has no labels, or not read: text_begin then).
  std::vector<std::uint32_t> label_widths;

  std::size_t size() const { return lines.size(); }
  bool valid(std::size_t pair) const { return lines[pair].valid; }
  std::uint32_t line(std::size_t pair, bool translation) const {
    return translation ? lines[pair].translation_line : lines[pair].original_line;
  }
  const LineFeatures& side(std::size_t pair, bool translation) const {
    return *features[2 * pair + (translation ? 0 : 1)];
  }
  bool has_features(std::size_t pair) const { return features[2 * pair] != nullptr; }
  std::string_view text() const { return index->text(); }
  // After a speaker label: a label is not content (speaker_labels.hpp).
  std::size_t line_begin(std::uint32_t line) const {
    return line < label_widths.size() ? transcript->lines[line].begin + label_widths[line] : text_begin(*transcript, line);
  }
  // Fills label_widths, so that a line's text is found without a search of
  // the labels (the stages read lines' texts many times over).
  void read_label_widths() { label_widths = line_label_widths(*transcript); }
  std::size_t line_end(std::uint32_t line) const { return transcript->lines[line].end; }
  std::string_view line_text(std::uint32_t line) const {
    const std::size_t begin = line_begin(line);  // (once: a search of the labels when the document has any)
    return text().substr(begin, line_end(line) - begin);
  }
  Script script(bool translation) const {
    return translation ? transcript->translation_script : transcript->original_script;
  }
  SideText side_text(std::size_t pair, bool translation) const {
    return {line_text(line(pair, translation)), script(translation), lexicon};
  }
};

// Features of a side's line, measured as a line of that side's script, with
// its content words when the lexical signal is on (content_lexical.cpp);
// from the line's read_outline(side.text, side.script, sentence_offsets) when
// `outline` is given.
LineFeatures line_features(const SideText& side, const LineOutline* outline = nullptr,
                           std::span<const std::uint32_t> sentence_offsets = {});

// The lexical signal (content_lexical.cpp): which content words of one side
// have a translation on the other. Null when the document is not
// Chinese/English or no dictionary is loaded.
const Lexicon* document_lexicon(Script translation, Script original);
// Nats per content word that a re-pairing gives a counterpart (or takes one
// from); calibrated in docs/calibration.md.
inline constexpr double kWordWeight = 0.5;
// Nats more for a pairing whose lines gloss each other whole (WordMatch::whole).
inline constexpr double kWholeLineWeight = 1.0;
// A drift that moves at least this many content words none of which finds a
// counterpart after the move is not a warning: the words say it is not one.
inline constexpr int kWordsToContradict = 2;

// The lexical view of one side's boundary move (a drift): per word of the
// source line, which partner it has a counterpart in, and per word of the
// partner lines, which source words match it.
struct DriftWords {
  bool active = false;
  std::vector<std::int8_t> lean;  // per source word: +1 counterpart in the destination partner only, -1 source only
  std::vector<bool> known;        // per source word: the dictionary knows it (could have a counterpart)
  // Per word of the destination partner without a counterpart in the
  // destination line, and per word of the source partner: first and last
  // source word matching it, -1 when none.
  std::vector<std::int32_t> dest_first, dest_last, source_first, source_last;
  // The destination partner's open end: its known words past the last
  // (backward: the moved text joins the line's end) or before the first
  // (forward) word the destination line gives a counterpart, and the source
  // word nearest that end that matches one of them (-1: none).
  int open_words = 0;
  std::int32_t open_reach = -1;
  // The source's own open end: its known words before the first (backward:
  // the moved text is the line's start) or after the last (forward) word
  // with a counterpart in the source partner, with none in either partner;
  // a move takes them all when it moves the source words up to (from)
  // `source_open_reach`.
  int source_open = 0;
  std::size_t source_open_reach = 0;
  // The same counted once for the moves of a drift, which move a suffix or a
  // prefix of the source words: per k in [0, n], how many source words before
  // k lean each way or are known, and how many partner words have their
  // first or last matching source word before k.
  struct Before {
    std::vector<std::int32_t> gained, lost, known, dest_first, dest_last, source_first, source_last;
  } before;
};
DriftWords drift_words(const PairTable& table, std::size_t first, bool translation_side, bool forward);
// What moving the source words [begin, end) does: counterparts the
// destination pair gains, those the source pair loses, known words moved.
struct MovedWords {
  int gained = 0;
  int lost = 0;
  int known = 0;
  int open_end = 0;     // known words of the destination partner's open end, when the move reaches it
  int source_open = 0;  // words of the source's open end, when the move takes them all
  int net() const { return gained - lost; }
};
MovedWords moved_words(const DriftWords& view, std::size_t begin, std::size_t end, bool forward);
// The index of the first word of `features` that begins at or after `offset`.
std::size_t word_at(const LineFeatures& features, std::size_t offset);
// How the original's content words are covered by the translation's (PairChecks::OriginalWords).
PairChecks::OriginalWords original_words(const PairTable& table, const LineFeatures& translation,
                                         const LineFeatures& original);
// Content words of pair `translation`'s and `original`'s lines with a counterpart on the other side.
// Content words of either line with a counterpart in the other, and whether
// that is every word of both (a whole-line gloss: each line has a word and
// none is left over).
struct WordMatch {
  int hits = 0;
  bool whole = false;
};
WordMatch word_match(const PairTable& table, const LineFeatures& translation, const LineFeatures& original);

// Whether a text ends with a bare section number ("…i386 6.2.4.", "图 17.368.")
// rather than a sentence (content_realign_findings.cpp).
bool ends_with_number_label(std::string_view text);
// Discourse cues (discourse_cues.cpp): a sentence that opens with a
// connective, an anaphor or a cross-reference ("However", "This", "See",
// 但是, 它, 参见) continues the one before it (a line ending with a colon,
// detail::ends_with_colon, introduces what follows it).
bool opens_with_continuation(std::string_view sentence);
// A sentence that points to further reading ("For more information, see…",
// "…for details.", "欲了解更多信息，请阅读…"): it closes what it points from.
bool points_further(std::string_view sentence);
// A yes-no answer said alone ("Yes.", "No.", "有。", "不能。"): it opens the
// answer, so it starts its line (a FAQ's answer paragraph, a dialogue's turn).
bool is_answer_alone(std::string_view sentence);
// A sentence's first two words (ASCII words lower-cased, or Han characters),
// joined by a space; empty when it has fewer. Paragraphs in a row that open
// alike ("Permission is granted…", "If you are…", "在遵守…") are parallel:
// a sentence that opens as they do opens a paragraph too.
std::string opening_words(std::string_view sentence);
// Nats per shared word or discourse cue in a drift's side choice
// (cohesion_weight.cpp): one in prose paragraphs, kWordWeight in turns.
double cohesion_weight(const LineShapeModel& shape);
// Shapes of a cut at a translation's end (cut_cues.cpp): a clause mark of
// another kind than the original's last one (or none there), and a mark
// inside a Latin token the original has whole.
bool ends_at_other_clause_mark(std::string_view translation, std::string_view original);
bool ends_inside_original_token(std::string_view translation, std::string_view original);
// Whether pair a's translation still ends with a cut's shape after a drift's
// move that ends pair a's line on the moved side with `head` (`partner`: that
// line's partner; `original_before`: pair a's original before the move).
// `before_memo`, when given, keeps the part that reads `original_before`,
// the same for every cut of one move's source line.
bool move_leaves_cut_end(bool moves_translation, bool forward, std::string_view head, std::string_view partner,
                         std::string_view original_before, std::optional<bool>* before_memo = nullptr);
// The web address the original ends with when the translation lacks it (else empty).
std::string_view dropped_final_address(std::string_view translation, std::string_view original);

// Text of a line for messages: quoted, at most `max_chars` code points
// (content_pair_findings.cpp); tail_preview shows its end.
std::string quoted(std::string_view text, std::size_t max_chars = 40);
std::string tail_preview(std::string_view text, std::size_t max_chars = 30);

// One local alternative to the given pairing.
enum class MoveType : std::uint8_t { Rotation, Drift, Merge };
struct Alternative {
  MoveType type = MoveType::Rotation;
  std::uint32_t first = 0;  // first pair concerned
  std::uint32_t count = 0;  // pairs concerned
  bool translation_side = true;
  bool forward = true;      // rotation: line j moves to j+1 (last to first); drift: tail of `first` moves to `first`+1
  std::uint32_t cut = 0;    // drift: index into the source line's cuts
  double evidence = 0;      // nats saved, penalty included
  double lexical_gain = 0;  // share of the evidence from numbers and tokens
  double word_gain = 0;     // share of the evidence from the dictionary (content words)
  std::int16_t word_net = 0;    // drift: counterparts gained less lost by the move
  std::int16_t words_known = 0; // drift: content words moved that the dictionary knows
  // drift: when not 0, the cut is not one of the source line's cut points but
  // the place the words chose (cut_at's `head_end`, a byte offset in the line).
  std::uint32_t word_cut = 0;
  bool operator==(const Alternative&) const = default;
};

// How the drift search treats a cut that bounds show cannot be kept:
// Bounded drops it before its numbers and tokens are compared; Full compares
// them for every cut. Both give the same alternatives (tests compare them).
enum class DriftSearch : std::uint8_t { Bounded, Full };

// The costs of pairing a translation with the original of the pair next to
// it (|t - o| = 1), kept from anchor to anchor by one sweep of a table: the
// rotations of neighbouring anchors pair the same neighbours again (a
// rotation's other pairs, its two ends, are its anchor's own).
class NeighbourCosts {
 public:
  template <class Compute>
  double get(std::size_t translation_pair, std::size_t original_pair, Compute&& compute) {
    const std::size_t lower = std::min(translation_pair, original_pair);
    Slot& slot = slots_[lower % slots_.size()];
    if (slot.lower != lower) slot = Slot{lower, {}, {}};
    std::optional<double>& cost = translation_pair < original_pair ? slot.down : slot.up;
    if (!cost) cost = compute();
    return *cost;
  }

 private:
  struct Slot {
    std::size_t lower = SIZE_MAX;
    std::optional<double> down, up;  // translation of `lower` with the next original; the other way
  };
  std::array<Slot, 2 * kMaxBlock> slots_{};
};

// Every alternative anchored at `anchor` worth reporting (reads pairs
// [anchor, anchor + kWindow): their features, costs and checks). `neighbours`:
// the sweep's costs of neighbour pairings, when anchors are taken in order.
std::vector<Alternative> alternatives_at(const PairTable& table, std::size_t anchor,
                                         DriftSearch search = DriftSearch::Bounded,
                                         NeighbourCosts* neighbours = nullptr);

// For each pair, the position a rotation puts there: the pair whose line ends up at first + i.
std::vector<std::size_t> rotation_order(const Alternative& rotation);

struct SelectedAlternative {
  Alternative alternative;
  std::optional<Alternative> mirror;  // a drift's: same boundary, other side, opposite direction, best evidence
};
struct Selection {
  std::vector<SelectedAlternative> selected;  // in order of evidence, each pair in at most one
  std::vector<bool> explained;                // per pair: re-paired by a strong alternative
};
// Best alternatives first; each pair takes part in at most one.
Selection select_alternatives(std::vector<Alternative> candidates, std::size_t pair_count);

// Findings of a selected alternative (reads its pairs' text, not the table's
// features: what it needs of them it measures again, a fraction of them).
std::vector<Finding> realign_findings(const PairTable& table, const SelectedAlternative& selected);
// Findings of one pair as given, in this order: its length (from the two
// lines' summaries; not made for a pair a strong alternative re-pairs), then
// its numbers and tokens (reads the pair's features and, for tokens, its
// neighbours').
std::vector<Finding> length_findings(const PairTable& table, std::size_t pair, const LineSummary& translation,
                                     const LineSummary& original);
std::vector<Finding> lexical_findings(const PairTable& table, std::size_t pair);

}  // namespace bitext::content
