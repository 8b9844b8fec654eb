// Content checks: per-pair findings (length outliers, numbers, carried-over
// tokens) and windowed re-alignment (shifted blocks, boundary drift, merges).
//
// Re-alignment is a search over local alternatives to the given pairing: for
// every pair k, every rotation by one of the lines of pairs k..k+L-1 on either
// side (L = 2..kMaxBlock; L = 2 is a crossed pair), every move of a sentence or
// clause across the boundary of pairs k and k+1 on either side and in either
// direction, and the merge of pairs k and k+1. Each alternative's evidence is
// the pairing cost it saves (length model + numbers + tokens), in nats, less a
// penalty for its kind. Alternatives anchored at pair k depend only on pairs
// k..k+kMaxBlock-1 and on the document's length fit, so their results are
// cached by the text of those pairs: a re-analysis after an edit recomputes
// only the anchors whose window contains a changed pair. Line features and the
// number and token comparisons of each pair are cached by text too, and all
// three caches share an immutable base between versions (LayeredCache), so a
// re-analysis costs a hash of each line and a few look-ups per pair.
#include "bitext/content.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <span>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "bitext/alignment.hpp"
#include "bitext/line_shape.hpp"
#include "bitext/segmentation.hpp"

namespace bitext {

namespace {

constexpr std::size_t kMaxBlock = 5;  // longest shifted block searched
constexpr std::size_t kWindow = kMaxBlock + 1;

// Evidence thresholds (nats saved), calibrated on the Debian FAQ / maint-guide
// corpus and checked on the shipped transcripts (tests/eval).
struct Thresholds {
  double warning;
  double information;
  double hint;
};
constexpr Thresholds kRealignThresholds{5.0, 2.0, 0.5};
// Prior cost (nats) of a re-pairing of each kind, before what depends on its
// size. At the 3 first used, the sample's real drifts at pairs 77/78 and
// 89/90 stayed unreported; at 1 they are information findings, `bitext eval`
// finds 0.88 / 0.85 of injected drifts (seeds 1 / 2) instead of 0.82 / 0.81
// and 0.99 / 0.98 of shifted blocks instead of 0.98 / 0.94, and the clean
// text of the eval corpus and 1,390 Debian pairs gets no new warning and one
// information finding. Both kinds change together so that a crossed pair is
// not taken for a drift of most of a line.
constexpr double kRotationPrior = 1.0;
constexpr double kDriftPrior = 1.0;
// A drift seen from both languages. Moving a drifted sentence back and moving
// the other language's matching text the other way pair the lines alike, so a
// real drift shows up as two candidates (the mirror: same boundary, other side,
// opposite direction) with nearly the same evidence, while a freely translated
// pair usually offers a cut on one side only, or a mirror that fits far worse.
// Measured with every drift candidate down to -3 nats: on clean text (the eval
// corpus, the sample, 1,453 Debian pairs) 17 selected candidates besides the
// sample's two warned drifts had a mirror, 15 of them 1.0 nats or more below
// it; the sample's injected drifts that stayed hints or below mostly had a
// mirror within 0.3 nats. A drift whose mirror is within kMirrorAgreement is therefore
// information from kMirroredInformation on: `bitext eval` (seeds 1-5, 25
// trials) drift recall 0.88 0.85 0.82 0.81 0.85 -> 0.94 0.92 0.87 0.85 0.89,
// Debian (20 trials) 0.913 -> 0.941, precision of warnings unchanged. The one
// new information finding on all that clean text moved '可选)' out of a
// parenthesis: a lift needs both moved pieces' brackets balanced (none new).
constexpr double kMirroredInformation = -1.0;
constexpr double kMirrorAgreement = 1.0;
// Drift candidates are kept down to here (the others down to the hint level).
constexpr double kDriftFloor = std::min(kRealignThresholds.hint, kMirroredInformation);
constexpr Thresholds kLengthThresholds{6.0, 3.0, 2.5};
// Length findings need an odd length (standard deviations of this document's
// spread); less when the translation also stops mid-sentence.
constexpr double kMinResidual = 1.5;
constexpr double kCutOffMinResidual = 1.0;
constexpr double kCutOffEvidence = 2.0;

// A word at a time: the re-analysis hashes every line of the document, so
// this must run at memory speed (a byte-wise FNV took ~4 cycles a byte).
std::uint64_t hash_bytes(std::string_view text, std::uint64_t seed = 1469598103934665603ULL) {
  constexpr std::uint64_t kMultiplier = 0xBF58476D1CE4E5B9ULL;
  std::uint64_t hash = seed ^ (text.size() * 0x9E3779B97F4A7C15ULL);
  const char* data = text.data();
  std::size_t at = 0;
  for (; at + 8 <= text.size(); at += 8) {
    std::uint64_t word;
    std::memcpy(&word, data + at, 8);
    hash = (hash ^ word) * kMultiplier;
    hash ^= hash >> 29;
  }
  std::uint64_t word = 0;
  if (at < text.size()) std::memcpy(&word, data + at, text.size() - at);
  hash = (hash ^ word) * kMultiplier;
  hash ^= hash >> 32;
  hash *= 0x94D049BB133111EBULL;
  return hash ^ (hash >> 29);
}

std::uint64_t combine(std::uint64_t a, std::uint64_t b) {
  return a ^ (b + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2));
}

double confidence_of(double evidence, const Thresholds& thresholds) {
  // 0.5 at the information threshold, about 0.9 at the warning threshold.
  const double scale = (thresholds.warning - thresholds.information) / 2.2;
  return 1.0 / (1.0 + std::exp(-(evidence - thresholds.information) / scale));
}

std::optional<Severity> severity_of(double evidence, const Thresholds& thresholds) {
  if (evidence >= thresholds.warning) return Severity::Warning;
  if (evidence >= thresholds.information) return Severity::Information;
  if (evidence >= thresholds.hint) return Severity::Hint;
  return std::nullopt;
}

std::string quoted(std::string_view text, std::size_t max_chars = 40) {
  return "'" + preview(text, max_chars) + "'";
}

// The end of a line for previews: its last `max_chars` code points.
std::string tail_preview(std::string_view text, std::size_t max_chars = 30) {
  std::vector<std::size_t> starts;
  for (std::size_t at = 0; at < text.size();) {
    starts.push_back(at);
    at += std::max<std::size_t>(decode_utf8(text, at).length, 1);
  }
  if (starts.size() <= max_chars) return "'" + std::string(text) + "'";
  return "'…" + std::string(text.substr(starts[starts.size() - max_chars])) + "'";
}


// Whether brackets and quotes pair up inside a text: a drifted sentence or
// clause carries its brackets with it, while a cut inside a parenthesis
// ("(可选)" cut after "(") leaves the moved piece unbalanced.
bool brackets_balanced(std::string_view text) {
  static constexpr std::pair<char32_t, char32_t> kPairs[] = {
      {U'(', U')'}, {U'（', U'）'}, {U'[', U']'}, {U'【', U'】'}, {U'「', U'」'},
      {U'『', U'』'}, {U'《', U'》'}, {U'“', U'”'}, {U'‘', U'’'}};
  int depth[std::size(kPairs)] = {};
  int straight_quotes = 0;
  for (std::size_t at = 0; at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    at += std::max<std::size_t>(decoded.length, 1);
    if (decoded.code_point == U'"') ++straight_quotes;
    for (std::size_t k = 0; k < std::size(kPairs); ++k) {
      if (decoded.code_point == kPairs[k].first) ++depth[k];
      if (decoded.code_point == kPairs[k].second && --depth[k] < 0) return false;
    }
  }
  return straight_quotes % 2 == 0 && std::all_of(std::begin(depth), std::end(depth), [](int d) { return d == 0; });
}

// Token keys of a line changed by a move: a sorted part (the unchanged line's
// keys) and a few extra keys, so that no move needs a full sort.
struct KeyView {
  std::span<const std::uint64_t> sorted_present;
  std::vector<std::uint64_t> extra_present;
  std::vector<std::uint64_t> names;    // sorted, unique
  std::vector<std::uint64_t> carried;  // sorted, unique
  static KeyView of(const TokenKeys& keys) { return {keys.present, {}, keys.names, keys.carried}; }
  void normalise() {
    for (auto* list : {&names, &carried}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
    }
  }
  bool contains(std::uint64_t key) const {
    return std::binary_search(sorted_present.begin(), sorted_present.end(), key) ||
           std::find(extra_present.begin(), extra_present.end(), key) != extra_present.end();
  }
};

// check_lexical() for changed lines; same counts as check_lexical on the joined text's keys.
LexicalCheck lexical_of(std::span<const NumberMention> translation_numbers,
                        std::span<const NumberMention> original_numbers, const KeyView& translation,
                        const KeyView& original) {
  LexicalCheck check = check_lexical(translation_numbers, original_numbers, TokenKeys{}, TokenKeys{});
  for (const std::uint64_t key : translation.names) {
    if (original.contains(key)) ++check.matched_tokens;
    else ++check.unmatched_tokens;
  }
  for (const std::uint64_t key : original.carried) {
    if (translation.contains(key)) ++check.matched_tokens;
    else ++check.unmatched_tokens;
  }
  return check;
}

}  // namespace

enum class MoveType : std::uint8_t { Rotation, Drift, Merge };

// One local alternative to the given pairing.
struct Candidate {
  MoveType type = MoveType::Rotation;
  std::uint32_t first = 0;      // first pair concerned
  std::uint32_t count = 0;      // pairs concerned
  bool translation_side = true;
  bool forward = true;          // rotation: line j moves to j+1 (last to first); drift: tail of `first` moves to `first`+1
  std::uint32_t cut = 0;        // drift: index into the source line's cuts
  double evidence = 0;          // nats saved, penalty included
  double lexical_gain = 0;      // share of the evidence from numbers and tokens
  bool operator==(const Candidate&) const = default;
};

struct PairSlot {
  bool valid = false;  // one line per side
  std::uint32_t translation_line = 0;
  std::uint32_t original_line = 0;
  std::uint64_t hash = 0;
  // Owned by the state's feature cache (shared pointers cost an atomic
  // increment per line and run).
  const LineFeatures* translation = nullptr;
  const LineFeatures* original = nullptr;
};

// Fit-independent checks of one pair as given, kept by the pair's text so that
// a re-analysis compares only the edited pairs' numbers and tokens.
struct PairChecks {
  // The features compared (an identity check on reuse, never dereferenced).
  const LineFeatures* translation = nullptr;
  const LineFeatures* original = nullptr;
  LexicalCheck lexical;
  NumberComparison numbers;  // empty unless either side has numbers
  TokenComparison tokens;    // empty unless the exact check missed a token
};

// A content-addressed cache shared between versions of a document: a large
// immutable base (shared by every later version) and a small top of entries
// added since. A re-analysis after a small edit then neither copies nor frees
// the whole cache; once the top grows large, the next run starts a new base.
template <class Value>
class LayeredCache {
 public:
  using Map = std::unordered_map<std::uint64_t, Value>;
  const Value* find(std::uint64_t key) const {
    if (auto found = top_.find(key); found != top_.end()) return &found->second;
    if (base_) {
      if (auto found = base_->find(key); found != base_->end()) return &found->second;
    }
    return nullptr;
  }
  bool contains(std::uint64_t key) const { return find(key) != nullptr; }
  void put(std::uint64_t key, Value value) {
    if (base_ && base_->count(key)) return;
    top_.emplace(key, std::move(value));
  }
  void reserve(std::size_t count) { top_.reserve(count); }
  bool shared() const { return base_ != nullptr; }
  // Shares `previous`'s base and copies its top when that top is still small.
  void share(const LayeredCache& previous) {
    if (!previous.base_ || previous.top_.size() > 1024 + previous.base_->size() / 16) return;
    base_ = previous.base_;
    top_ = previous.top_;
  }
  // After a run: a cache built from scratch becomes the base of the next ones.
  void seal() {
    if (base_) return;
    base_ = std::make_shared<const Map>(std::move(top_));
    top_ = Map();
  }

 private:
  std::shared_ptr<const Map> base_;
  Map top_;
};

// The findings report_pair made for one pair, as made (before the options
// filter them), with what they depend on besides the document's fit: a
// re-analysis with the same fit reuses them for an unchanged pair whose
// neighbours are unchanged too, moved by as many bytes as the pair moved.
using MadeFindings = std::vector<std::pair<Finding, Severity>>;  // as made, each with its default severity

struct PairReport {
  std::uint32_t pair = 0;  // messages name the pair by number
  bool explained = false;  // a strong alternative explains the pair's length
  const LineFeatures* translation = nullptr;
  const LineFeatures* original = nullptr;
  std::array<const LineFeatures*, 4> neighbours{};  // both sides of the pairs before and after (null: none)
  std::size_t translation_begin = 0;
  std::size_t original_begin = 0;
  MadeFindings findings;
};

// The findings of a selected alternative (rotation, drift with its mirror,
// merge), reused like a PairReport when the alternative, the lines of the
// pairs it concerns and of their neighbours, and the fits are unchanged.
struct CandidateReport {
  Candidate candidate;
  std::optional<Candidate> mirror;
  std::uint32_t first_pair = 0;  // the pairs read: [first_pair, first_pair + features.size() / 2)
  std::vector<const LineFeatures*> features;  // translation and original of each (null when not one line each)
  std::vector<std::size_t> begins;            // their line starts
  MadeFindings findings;
};

struct ContentState {
  LineShapeModel shape;  // (the fits below decide which alternatives exist; this one how drifts are reported)
  LengthModel model;
  SentenceCountModel counts;     // n(original sentences) - n(translation sentences)
  SentenceCountModel questions;  // the same for question marks
  bool translation_cjk = true;
  LayeredCache<std::shared_ptr<const LineFeatures>> features;                 // by line text
  LayeredCache<std::shared_ptr<const std::vector<Candidate>>> anchors;          // by window text + fit
  LayeredCache<std::shared_ptr<const PairChecks>> pairs;                        // by pair text
  // The same entries by line of this version, so that the next version finds
  // those of its unchanged lines by position (content_checks' previous_lines)
  // instead of hashing their text and looking it up. Indexed by line; the pair
  // and anchor entries by the line of the pair's translation. Owned by the
  // caches above.
  struct ByLine {
    std::uint64_t key = 0;  // hash of the line's text
    const LineFeatures* features = nullptr;
    const PairChecks* checks = nullptr;
    double base_cost = 0;     // of the pair as given, under this version's fits
    double base_lexical = 0;  // its lexical part
    std::uint64_t anchor_key = 0;
    const std::vector<Candidate>* anchor = nullptr;
    std::shared_ptr<const PairReport> report;
    std::shared_ptr<const CandidateReport> candidate_report;  // of the alternative selected at this pair
  };
  std::vector<ByLine> by_line;
};

namespace {

class ContentAnalyser {
 public:
  ContentAnalyser(const Transcript& transcript, const LineIndex& index, const CheckOptions& options,
                  const ContentState* previous, std::span<const std::uint32_t> previous_lines)
      : transcript_(transcript), index_(index), options_(options), previous_(previous) {
    if (previous && previous_lines.size() == index.line_count()) previous_lines_ = previous_lines;
  }

  ContentResult run();

 private:
  const LineFeatures* features_of(std::uint64_t key, std::string_view line);
  void build_slots();
  const PairChecks* checks_of(const PairSlot& slot);
  // The previous version's entry for what is now on `line`, if that line is unchanged.
  const ContentState::ByLine* previous_entry(std::uint32_t line) const {
    if (previous_lines_.empty()) return nullptr;
    const std::uint32_t before = previous_lines_[line];
    return before < previous_->by_line.size() ? &previous_->by_line[before] : nullptr;
  }
  double pair_cost(const LineFeatures& t, const LineFeatures& o) const;
  double pair_cost(std::size_t translation_pair, std::size_t original_pair) const;
  std::vector<Candidate> candidates_at(std::size_t anchor) const;
  void add_rotations(std::size_t anchor, std::vector<Candidate>& out) const;
  void add_drifts(std::size_t anchor, std::vector<Candidate>& out) const;
  void add_merge(std::size_t anchor, std::vector<Candidate>& out) const;
  std::vector<std::size_t> rotation_order(const Candidate& candidate) const;

  // From the transcript's line table, so that a line's bytes are read only when used.
  std::string_view line_text(std::uint32_t line) const {
    const TranscriptLine& entry = transcript_.lines[line];
    return index_.text().substr(entry.begin, entry.end - entry.begin);
  }
  std::string_view side_text(std::size_t pair, bool translation) const {
    return line_text(translation ? slots_[pair].translation_line : slots_[pair].original_line);
  }
  const LineFeatures& side_features(std::size_t pair, bool translation) const {
    return translation ? *slots_[pair].translation : *slots_[pair].original;
  }
  std::size_t line_begin(std::uint32_t line) const { return transcript_.lines[line].begin; }
  std::size_t line_end(std::uint32_t line) const { return transcript_.lines[line].end; }
  std::uint32_t side_line(std::size_t pair, bool translation) const {
    return translation ? slots_[pair].translation_line : slots_[pair].original_line;
  }

  // The report phase reads the analyser and writes only to `out`, so that two
  // stretches of a large document can be reported in parallel.
  bool emit(std::vector<Finding>& out, Finding finding, Severity default_severity) const;
  void report_rotation(MadeFindings& out, const Candidate& candidate) const;
  void report_drift(MadeFindings& out, const Candidate& candidate, const Candidate* mirror) const;
  Fix drift_fix(const Candidate& candidate) const;
  double shape_change(const Candidate& drift) const;
  std::string_view moved_text(const Candidate& drift) const;
  void report_merge(MadeFindings& out, const Candidate& candidate) const;
  // The report of a selected alternative, through the previous version's
  // CandidateReport when it still holds.
  void report_candidate_reusing(std::vector<Finding>& out, const Candidate& candidate, const Candidate* mirror,
                                bool same_fits) const;
  // Findings as made, moved by `shift` bytes, through the options into `out`.
  void emit_made(std::vector<Finding>& out, const MadeFindings& made, std::size_t shift) const;
  // Findings of one pair as made, each with its default severity (not yet
  // filtered by the options: see emit).
  void report_pair(std::vector<std::pair<Finding, Severity>>& out, std::size_t pair,
                   const std::vector<bool>& explained) const;
  // report_pair through the previous version's PairReport when it still holds.
  void report_pair_reusing(std::vector<Finding>& out, std::size_t pair, const std::vector<bool>& explained,
                           bool same_fit) const;
  std::array<const LineFeatures*, 4> neighbours_of(std::size_t pair) const;

  const Transcript& transcript_;
  const LineIndex& index_;
  const CheckOptions& options_;
  const ContentState* previous_;
  std::span<const std::uint32_t> previous_lines_;  // empty unless given for `previous_`
  std::shared_ptr<ContentState> state_ = std::make_shared<ContentState>();
  std::vector<PairSlot> slots_;
  std::vector<double> base_cost_;  // cost of each pair as given
  std::vector<double> base_lexical_;  // lexical part of base_cost_
  std::vector<LexicalCheck> base_check_;
  std::vector<const PairChecks*> checks_;  // per valid pair, owned by state_->pairs
  // Cost of pairing translation j with original j + d, |d| < kMaxBlock, computed on demand.
  mutable std::vector<double> cross_cost_;
  ContentResult result_;
  std::vector<double> worst_confidence_;  // per pair, from findings
  LineShapeModel shape_;  // which side of a drift moved (line_shape.hpp)
};

const LineFeatures* ContentAnalyser::features_of(std::uint64_t key, std::string_view line) {
  if (const auto* found = state_->features.find(key)) return found->get();
  if (previous_) {
    if (const auto* found = previous_->features.find(key)) {
      state_->features.put(key, *found);
      return found->get();
    }
  }
  auto features = std::make_shared<const LineFeatures>(line_features(line));
  const LineFeatures* raw = features.get();
  state_->features.put(key, std::move(features));
  return raw;
}

void ContentAnalyser::build_slots() {
  const std::size_t n = transcript_.pairs.size();
  slots_.resize(n);
  // A cache built from scratch needs room for every line.
  if (previous_) state_->features.share(previous_->features);
  else state_->features.reserve(2 * n);
  state_->by_line.assign(index_.line_count(), {});
  // An unchanged line takes its key and features from the previous version by
  // position (owned here when this cache shares the previous one's); any other
  // line is hashed once and looked up.
  const bool by_position = !previous_lines_.empty() && state_->features.shared();
  std::vector<std::uint64_t> keys(2 * n, 0);
  std::vector<const LineFeatures*> known(2 * n, nullptr);  // features already cached
  // Features of lines not seen before, computed on two threads for large
  // documents (they depend on the text alone, so the result is the same).
  std::vector<std::pair<std::uint64_t, std::string_view>> work;
  {
    std::unordered_set<std::uint64_t> queued;
    for (std::size_t p = 0; p < n; ++p) {
      const Pair& pair = transcript_.pairs[p];
      if (pair.translation.size() != 1 || pair.original.size() != 1) continue;
      for (const bool translation : {true, false}) {
        const std::uint32_t line = translation ? pair.translation[0] : pair.original[0];
        const LineFeatures*& hit = known[2 * p + (translation ? 0 : 1)];
        if (const ContentState::ByLine* before = by_position ? previous_entry(line) : nullptr;
            before && before->features) {
          keys[2 * p + (translation ? 0 : 1)] = before->key;
          hit = before->features;
          continue;
        }
        const std::string_view text = line_text(line);
        const std::uint64_t key = hash_bytes(text);
        keys[2 * p + (translation ? 0 : 1)] = key;
        // One look-up per line: the state shares the previous base when it can.
        if (const auto* found = state_->features.find(key)) {
          hit = found->get();
        } else if (previous_) {
          if (const auto* found_before = previous_->features.find(key)) {
            hit = found_before->get();
            state_->features.put(key, *found_before);
          }
        }
        if (!hit && queued.insert(key).second) work.emplace_back(key, text);
      }
    }
  }
  constexpr std::size_t kParallelFrom = 4096;
  if (work.size() >= kParallelFrom) {
    std::vector<std::shared_ptr<const LineFeatures>> computed(work.size());
    auto compute = [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) computed[i] = std::make_shared<const LineFeatures>(line_features(work[i].second));
    };
    std::thread helper(compute, work.size() / 2, work.size());
    compute(0, work.size() / 2);
    helper.join();
    state_->features.reserve(work.size());
    for (std::size_t i = 0; i < work.size(); ++i) state_->features.put(work[i].first, std::move(computed[i]));
  }
  for (std::size_t p = 0; p < n; ++p) {
    const Pair& pair = transcript_.pairs[p];
    PairSlot& slot = slots_[p];
    if (pair.translation.size() != 1 || pair.original.size() != 1) continue;
    slot.translation_line = pair.translation[0];
    slot.original_line = pair.original[0];
    const TranscriptLine& t = transcript_.lines[slot.translation_line];
    const TranscriptLine& o = transcript_.lines[slot.original_line];
    if (t.begin == t.end || o.begin == o.end) continue;
    slot.valid = true;
    slot.translation = known[2 * p] ? known[2 * p] : features_of(keys[2 * p], line_text(slot.translation_line));
    slot.original = known[2 * p + 1] ? known[2 * p + 1] : features_of(keys[2 * p + 1], line_text(slot.original_line));
    slot.hash = combine(keys[2 * p], keys[2 * p + 1] ^ 0x7F4A7C159E3779B9ULL);
    state_->by_line[slot.translation_line].key = keys[2 * p];
    state_->by_line[slot.translation_line].features = slot.translation;
    state_->by_line[slot.original_line].key = keys[2 * p + 1];
    state_->by_line[slot.original_line].features = slot.original;
  }
}

const PairChecks* ContentAnalyser::checks_of(const PairSlot& slot) {
  // An unchanged pair by position, when this cache shares the previous one's.
  if (const ContentState::ByLine* before = state_->pairs.shared() ? previous_entry(slot.translation_line) : nullptr;
      before && before->checks && before->checks->translation == slot.translation &&
      before->checks->original == slot.original)
    return before->checks;
  // Kept in this state's cache here, so that a hit in a shared cache costs one look-up.
  for (const ContentState* state : {static_cast<const ContentState*>(state_.get()), previous_}) {
    if (!state) continue;
    if (const auto* found = state->pairs.find(slot.hash);
        found && (*found)->translation == slot.translation && (*found)->original == slot.original) {
      if (state == previous_) state_->pairs.put(slot.hash, *found);
      return found->get();
    }
  }
  auto checks = std::make_shared<PairChecks>();
  const LineFeatures& t = *slot.translation;
  const LineFeatures& o = *slot.original;
  checks->translation = slot.translation;
  checks->original = slot.original;
  checks->lexical = check_lexical(t.numbers, o.numbers, t.keys, o.keys);
  if (!t.numbers.empty() || !o.numbers.empty()) checks->numbers = compare_numbers(t.numbers, o.numbers);
  // The fast exact check found every token: the graded comparison would too.
  if ((!t.tokens.empty() || !o.tokens.empty()) && checks->lexical.unmatched_tokens > 0)
    checks->tokens = compare_tokens(t.tokens, o.tokens);
  const PairChecks* raw = checks.get();
  state_->pairs.put(slot.hash, std::move(checks));
  return raw;
}

double ContentAnalyser::pair_cost(const LineFeatures& t, const LineFeatures& o) const {
  const double length = residual_cost(length_delta(t.length, o.length, state_->model)) +
                        state_->counts.of(o.sentences - t.sentences) +
                        state_->questions.of(o.questions - t.questions);
  const LexicalCheck lexical = check_lexical(t.numbers, o.numbers, t.keys, o.keys);
  return length + lexical_cost(lexical);
}

double ContentAnalyser::pair_cost(std::size_t translation_pair, std::size_t original_pair) const {
  const std::ptrdiff_t offset =
      static_cast<std::ptrdiff_t>(original_pair) - static_cast<std::ptrdiff_t>(translation_pair);
  if (offset == 0) return base_cost_[translation_pair];
  constexpr std::ptrdiff_t kSpan = 2 * static_cast<std::ptrdiff_t>(kMaxBlock) - 1;
  double& memo = cross_cost_[translation_pair * kSpan + static_cast<std::size_t>(offset + kMaxBlock - 1)];
  if (std::isnan(memo)) memo = pair_cost(*slots_[translation_pair].translation, *slots_[original_pair].original);
  return memo;
}

// Rotation by one of the lines of one side over pairs [first, first + count):
// forward moves the line of pair j to pair j+1 and the last line to the first
// pair. Returns, for each position, the pair whose line ends up there.
std::vector<std::size_t> ContentAnalyser::rotation_order(const Candidate& candidate) const {
  std::vector<std::size_t> order(candidate.count);
  for (std::size_t i = 0; i < candidate.count; ++i) {
    order[i] = candidate.forward ? candidate.first + (i + candidate.count - 1) % candidate.count
                                 : candidate.first + (i + 1) % candidate.count;
  }
  return order;
}

void ContentAnalyser::add_rotations(std::size_t anchor, std::vector<Candidate>& out) const {
  double current = 0;
  for (std::size_t length = 1; length <= kMaxBlock && anchor + length <= slots_.size(); ++length) {
    if (!slots_[anchor + length - 1].valid) break;
    current += base_cost_[anchor + length - 1];
    if (length < 2) continue;
    // Moving translations forward pairs the same lines as moving originals
    // backward; the translation side is the one re-paired by default.
    for (const bool forward : {true, false}) {
      Candidate candidate;
      candidate.type = MoveType::Rotation;
      candidate.first = static_cast<std::uint32_t>(anchor);
      candidate.count = static_cast<std::uint32_t>(length);
      candidate.translation_side = true;
      candidate.forward = forward;
      const std::vector<std::size_t> order = rotation_order(candidate);
      double alternative = 0;
      for (std::size_t i = 0; i < length; ++i) alternative += pair_cost(order[i], anchor + i);
      // Penalty: the prior of a shifted block plus the choice among block lengths and directions.
      candidate.evidence = current - alternative - (kRotationPrior + 0.5 * double(length));
      out.push_back(candidate);
    }
  }
}

void ContentAnalyser::add_drifts(std::size_t anchor, std::vector<Candidate>& out) const {
  if (anchor + 1 >= slots_.size() || !slots_[anchor].valid || !slots_[anchor + 1].valid) return;
  const std::size_t a = anchor, b = anchor + 1;
  const double current = base_cost_[a] + base_cost_[b];
  for (const bool translation : {true, false}) {
    const LineFeatures& here = side_features(a, translation);
    const LineFeatures& next = side_features(b, translation);
    const LineFeatures& here_other = side_features(a, !translation);
    const LineFeatures& next_other = side_features(b, !translation);
    const double gap = here.spaced ? 1.0 : 0.0;
    for (const bool forward : {true, false}) {
      const LineFeatures& source = forward ? here : next;
      const std::string_view source_text = side_text(forward ? a : b, translation);
      for (std::size_t c = 0; c < source.cuts.size(); ++c) {
        const CutPoint& cut = source.cuts[c];
        // forward: source = here, [tail_begin, end) moves to the start of next.
        // backward: source = next, [0, head_end) moves to the end of here.
        const double moved = forward ? source.length - cut.head_length - gap : cut.head_length;
        if (moved <= 0) continue;
        const double here_length = forward ? cut.head_length : here.length + gap + moved;
        const double next_length = forward ? next.length + gap + moved : source.length - cut.head_length - gap;
        auto cost_of = [&](double t_len, double o_len) {
          return residual_cost(length_delta(t_len, o_len, state_->model));
        };
        const int here_sentences = forward ? cut.head_sentences : here.sentences + cut.head_sentences;
        const int next_sentences = forward ? next.sentences + cut.tail_sentences : cut.tail_sentences;
        const int here_questions = forward ? cut.head_questions : here.questions + cut.head_questions;
        const int next_questions =
            forward ? next.questions + source.questions - cut.head_questions : source.questions - cut.head_questions;
        // Shape costs (length, sentences, questions) of both pairs after the move.
        double alternative_a = 0, alternative_b = 0;
        if (translation) {
          alternative_a = cost_of(here_length, here_other.length) +
                          state_->counts.of(here_other.sentences - here_sentences) +
                          state_->questions.of(here_other.questions - here_questions);
          alternative_b = cost_of(next_length, next_other.length) +
                          state_->counts.of(next_other.sentences - next_sentences) +
                          state_->questions.of(next_other.questions - next_questions);
        } else {
          alternative_a = cost_of(here_other.length, here_length) +
                          state_->counts.of(here_sentences - here_other.sentences) +
                          state_->questions.of(here_questions - here_other.questions);
          alternative_b = cost_of(next_other.length, next_length) +
                          state_->counts.of(next_sentences - next_other.sentences) +
                          state_->questions.of(next_questions - next_other.questions);
        }
        const double alternative = alternative_a + alternative_b;
        // Lexical part: only changes when the moved text holds numbers or tokens.
        const std::size_t moved_begin = forward ? cut.tail_begin : 0;
        const std::size_t moved_end = forward ? source_text.size() : cut.head_end;
        auto inside = [&](std::size_t begin, std::size_t end) { return begin >= moved_begin && end <= moved_end; };
        const bool moves_numbers = std::any_of(source.numbers.begin(), source.numbers.end(),
                                               [&](const NumberMention& m) { return inside(m.begin, m.end); });
        // Tokens matter when a name or must-carry token moves, or a word that
        // a partner line's name needs ("hugging face" for "Hugging Face").
        bool moves_tokens = false;
        for (std::size_t k = 0; k < source.tokens.size() && !moves_tokens; ++k) {
          const LatinToken& token = source.tokens[k];
          if (!inside(token.begin, token.end)) continue;
          const bool needs_partner =
              translation ? token.kind != TokenKind::Word || token.key.size() >= 3 : must_carry(token);
          if (needs_partner) {
            moves_tokens = true;
            break;
          }
          const std::uint64_t key = source.token_hashes[k];
          for (const LineFeatures* partner : {&here_other, &next_other}) {
            const auto& wanted = translation ? partner->keys.carried : partner->keys.names;
            if (!wanted.empty() && std::binary_search(wanted.begin(), wanted.end(), key)) moves_tokens = true;
          }
          const std::uint64_t joined = source.joined_hashes[k];
          if (joined != 0) {
            for (const LineFeatures* partner : {&here_other, &next_other}) {
              const auto& wanted = translation ? partner->keys.carried : partner->keys.names;
              if (!wanted.empty() && std::binary_search(wanted.begin(), wanted.end(), joined)) moves_tokens = true;
            }
          }
        }
        const double lexical_current = base_lexical_[a] + base_lexical_[b];
        // Bound on what numbers and tokens can gain: every mismatch resolved and
        // matched in turn (4 and 2 nats), plus what moved items might add.
        // Moves that cannot reach the reporting level even so stop here.
        {
          const int unmatched_numbers = base_check_[a].unmatched_numbers + base_check_[b].unmatched_numbers;
          const int unmatched_tokens = base_check_[a].unmatched_tokens + base_check_[b].unmatched_tokens;
          double moved_items = 0;
          for (const NumberMention& m : source.numbers) moved_items += inside(m.begin, m.end) ? 1.0 : 0.0;
          if (moves_tokens)
            for (const LatinToken& token : source.tokens) moved_items += inside(token.begin, token.end) ? 0.5 : 0.0;
          const double bound = 4.0 * unmatched_numbers + 2.0 * unmatched_tokens + moved_items;
          if ((current - lexical_current) - alternative - kDriftPrior + bound < kDriftFloor) continue;
        }
        double lexical_alternative = 0;
        double lexical_a = base_lexical_[a], lexical_b = base_lexical_[b];
        if (moves_numbers || moves_tokens) {
          std::vector<NumberMention> here_numbers, next_numbers;
          const LineFeatures& dest = forward ? next : here;
          std::vector<NumberMention>& source_numbers = forward ? here_numbers : next_numbers;
          std::vector<NumberMention>& dest_numbers = forward ? next_numbers : here_numbers;
          dest_numbers = dest.numbers;
          for (const NumberMention& m : source.numbers)
            (inside(m.begin, m.end) ? dest_numbers : source_numbers).push_back(m);
          // Token keys of the two changed lines, from the precomputed hashes:
          // the destination keeps its sorted keys plus the moved ones.
          KeyView kept, moved;
          for (std::size_t k = 0; k < source.tokens.size(); ++k) {
            const LatinToken& token = source.tokens[k];
            const bool in_moved = inside(token.begin, token.end);
            KeyView& keys = in_moved ? moved : kept;
            keys.extra_present.push_back(source.token_hashes[k]);
            if (source.joined_hashes[k] != 0 && k + 1 < source.tokens.size() &&
                inside(source.tokens[k + 1].begin, source.tokens[k + 1].end) == in_moved)
              keys.extra_present.push_back(source.joined_hashes[k]);
            if (token.kind != TokenKind::Word || token.key.size() >= 3) keys.names.push_back(source.token_hashes[k]);
            if (must_carry(token)) keys.carried.push_back(source.token_hashes[k]);
          }
          moved.sorted_present = dest.keys.present;
          moved.names.insert(moved.names.end(), dest.keys.names.begin(), dest.keys.names.end());
          moved.carried.insert(moved.carried.end(), dest.keys.carried.begin(), dest.keys.carried.end());
          moved.normalise();
          kept.normalise();
          const KeyView& here_view = forward ? kept : moved;
          const KeyView& next_view = forward ? moved : kept;
          const KeyView here_other_view = KeyView::of(here_other.keys);
          const KeyView next_other_view = KeyView::of(next_other.keys);
          LexicalCheck check_a, check_b;
          if (translation) {
            check_a = lexical_of(here_numbers, here_other.numbers, here_view, here_other_view);
            check_b = lexical_of(next_numbers, next_other.numbers, next_view, next_other_view);
          } else {
            check_a = lexical_of(here_other.numbers, here_numbers, here_other_view, here_view);
            check_b = lexical_of(next_other.numbers, next_numbers, next_other_view, next_view);
          }
          lexical_alternative = lexical_cost(check_a) + lexical_cost(check_b);
          lexical_a = lexical_cost(check_a);
          lexical_b = lexical_cost(check_b);
        } else {
          lexical_alternative = lexical_current;
        }
        // A drift leaves one pair with too much and the other with too little:
        // the move must help both, not mend one pair at the other's expense
        // (a truncated or freely translated pair next to a good one).
        constexpr double kReceiverSlack = 1.0;
        const double gain_a = base_cost_[a] - (alternative_a + lexical_a);
        const double gain_b = base_cost_[b] - (alternative_b + lexical_b);
        if (std::min(gain_a, gain_b) < -kReceiverSlack) continue;
        const double length_current = current - lexical_current;
        Candidate candidate;
        candidate.type = MoveType::Drift;
        candidate.first = static_cast<std::uint32_t>(a);
        candidate.count = 2;
        candidate.translation_side = translation;
        candidate.forward = forward;
        candidate.cut = static_cast<std::uint32_t>(c);
        candidate.lexical_gain = lexical_current - lexical_alternative;
        // Drift moves a sentence or a clause, rarely more: each further
        // sentence moved costs as much as a clause cut.
        const int moved_sentences = forward ? cut.tail_sentences : cut.head_sentences;
        const double penalty = kDriftPrior + (cut.sentence ? 0.0 : 1.5) + 1.0 * std::max(0, moved_sentences - 1);
        candidate.evidence = (length_current - alternative) + candidate.lexical_gain - penalty;
        out.push_back(candidate);
      }
    }
  }
}

void ContentAnalyser::add_merge(std::size_t anchor, std::vector<Candidate>& out) const {
  if (anchor + 1 >= slots_.size() || !slots_[anchor].valid || !slots_[anchor + 1].valid) return;
  const std::size_t a = anchor, b = anchor + 1;
  const LineFeatures& ta = *slots_[a].translation;
  const LineFeatures& tb = *slots_[b].translation;
  const LineFeatures& oa = *slots_[a].original;
  const LineFeatures& ob = *slots_[b].original;
  // A sentence cut in the middle on both sides ("What Yeah. I" / "was gonna say, ...").
  const bool continued = !oa.ends_sentence && ob.starts_lower;
  if (!continued) return;
  const double joined_t = ta.length + tb.length + (ta.spaced ? 1 : 0);
  const double joined_o = oa.length + ob.length + (oa.spaced ? 1 : 0);
  const double merged = residual_cost(length_delta(joined_t, joined_o, state_->model)) +
                        state_->counts.of(oa.sentences + ob.sentences - ta.sentences - tb.sentences) +
                        state_->questions.of(oa.questions + ob.questions - ta.questions - tb.questions);
  const double apart = residual_cost(length_delta(ta.length, oa.length, state_->model)) +
                       residual_cost(length_delta(tb.length, ob.length, state_->model)) +
                       state_->counts.of(oa.sentences - ta.sentences) + state_->counts.of(ob.sentences - tb.sentences) +
                       state_->questions.of(oa.questions - ta.questions) + state_->questions.of(ob.questions - tb.questions);
  Candidate candidate;
  candidate.type = MoveType::Merge;
  candidate.first = static_cast<std::uint32_t>(a);
  candidate.count = 2;
  // A cut sentence is a suggestion, never an error: the evidence stays at hint level.
  candidate.evidence = std::min(kRealignThresholds.hint + 1.0, kRealignThresholds.hint + (apart - merged));
  if (candidate.evidence >= kRealignThresholds.hint) out.push_back(candidate);
}

std::vector<Candidate> ContentAnalyser::candidates_at(std::size_t anchor) const {
  std::vector<Candidate> out;
  if (!slots_[anchor].valid) return out;
  add_rotations(anchor, out);
  add_drifts(anchor, out);
  add_merge(anchor, out);
  // Keep only those worth reporting; the rest cost memory in the cache.
  std::erase_if(out, [](const Candidate& c) {
    return c.evidence < (c.type == MoveType::Drift ? kDriftFloor : kRealignThresholds.hint);
  });
  return out;
}

bool ContentAnalyser::emit(std::vector<Finding>& out, Finding finding, Severity default_severity) const {
  if (!options_.enabled(finding.code)) return false;
  finding.severity = options_.severity(finding.code, default_severity);
  out.push_back(std::move(finding));
  return true;
}

void ContentAnalyser::report_rotation(MadeFindings& out, const Candidate& candidate) const {
  const auto severity = severity_of(candidate.evidence, kRealignThresholds);
  if (!severity) return;
  const std::size_t first = candidate.first, last = candidate.first + candidate.count - 1;
  const std::vector<std::size_t> order = rotation_order(candidate);
  Finding finding;
  finding.code = "shifted-block";
  finding.pair = static_cast<std::int32_t>(first);
  finding.confidence = confidence_of(candidate.evidence, kRealignThresholds);
  const std::uint32_t anchor_line = side_line(first, true);
  finding.begin = line_begin(anchor_line);
  finding.end = line_end(anchor_line);
  // The translation that belongs to the first pair's original comes from pair order[0].
  const std::size_t from = order[0];
  if (candidate.count == 2) {
    finding.message = "Pairs " + std::to_string(first + 1) + " and " + std::to_string(last + 1) +
                      " have each other's translations: the translation of pair " + std::to_string(from + 1) + " " +
                      quoted(side_text(from, true)) + " fits the original of pair " + std::to_string(first + 1) +
                      " " + quoted(side_text(first, false));
  } else {
    finding.message = "Pairs " + std::to_string(first + 1) + "–" + std::to_string(last + 1) +
                      " are paired with their neighbours' translations: the translation of pair " +
                      std::to_string(from + 1) + " " + quoted(side_text(from, true)) + " fits the original of pair " +
                      std::to_string(first + 1) + " " + quoted(side_text(first, false));
  }
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, " (evidence %.1f)", candidate.evidence);
  finding.message += buffer;
  for (std::size_t p = first; p <= last; ++p) {
    for (const bool translation : {true, false}) {
      const std::uint32_t line = side_line(p, translation);
      if (line == anchor_line) continue;
      finding.related.push_back({line_begin(line), line_end(line),
                                 std::string(translation ? "translation" : "original") + " of pair " +
                                     std::to_string(p + 1)});
    }
  }
  // Fixes: re-pair by moving the translations (preferred) or the originals.
  for (const bool translation : {true, false}) {
    Fix fix;
    fix.preferred = translation;
    fix.title = "Re-pair pairs " + std::to_string(first + 1) + "–" + std::to_string(last + 1) + " (move the " +
                (translation ? "translations" : "originals") + ")";
    for (std::size_t i = 0; i < candidate.count; ++i) {
      // Moving translations: position first+i gets the translation of order[i].
      // Moving originals instead: the original of first+i goes where its
      // translation is, i.e. position j gets the original of the pair whose
      // translation's source order maps there.
      const std::size_t position = first + i;
      std::size_t source = order[i];
      if (!translation) {
        // Inverse permutation: the original of `position` moves to where
        // order[] put translation `position`.
        for (std::size_t k = 0; k < candidate.count; ++k)
          if (order[k] == position) source = first + k;
        const std::uint32_t line = side_line(source, false);
        fix.edits.push_back({line_begin(side_line(position, false)), line_end(side_line(position, false)),
                             std::string(line_text(line))});
        continue;
      }
      fix.edits.push_back({line_begin(side_line(position, true)), line_end(side_line(position, true)),
                           std::string(side_text(source, true))});
    }
    finding.fixes.push_back(std::move(fix));
  }
  out.emplace_back(std::move(finding), *severity);
}

std::string_view ContentAnalyser::moved_text(const Candidate& drift) const {
  const std::size_t source_pair = drift.forward ? drift.first : drift.first + 1;
  const CutPoint& cut = side_features(source_pair, drift.translation_side).cuts[drift.cut];
  const std::string_view text = side_text(source_pair, drift.translation_side);
  return drift.forward ? text.substr(cut.tail_begin) : text.substr(0, cut.head_end);
}

Fix ContentAnalyser::drift_fix(const Candidate& candidate) const {
  const std::size_t a = candidate.first, b = a + 1;
  const bool translation = candidate.translation_side;
  const LineFeatures& source = side_features(candidate.forward ? a : b, translation);
  const CutPoint& cut = source.cuts[candidate.cut];
  const std::uint32_t source_line = side_line(candidate.forward ? a : b, translation);
  const std::uint32_t dest_line = side_line(candidate.forward ? b : a, translation);
  const std::string_view moved = moved_text(candidate);
  const std::string side = translation ? "translation" : "original";
  Fix fix;
  const std::string separator = source.spaced ? " " : "";
  const std::size_t source_begin = line_begin(source_line);
  if (candidate.forward) {
    fix.title = "Move " + quoted(moved, 24) + " to the start of the " + side + " of pair " + std::to_string(b + 1);
    fix.edits.push_back({source_begin + cut.head_end, line_end(source_line), ""});
    fix.edits.push_back({line_begin(dest_line), line_begin(dest_line), std::string(moved) + separator});
  } else {
    fix.title = "Move " + quoted(moved, 24) + " to the end of the " + side + " of pair " + std::to_string(a + 1);
    fix.edits.push_back({line_end(dest_line), line_end(dest_line), separator + std::string(moved)});
    fix.edits.push_back({source_begin, source_begin + cut.tail_begin, ""});
  }
  return fix;
}

// Change of the line-shape cost of the two lines a drift move rewrites.
double ContentAnalyser::shape_change(const Candidate& drift) const {
  const std::size_t a = drift.first, b = a + 1;
  const bool translation = drift.translation_side;
  const LineFeatures& source = side_features(drift.forward ? a : b, translation);
  const LineFeatures& dest = side_features(drift.forward ? b : a, translation);
  const CutPoint& cut = source.cuts[drift.cut];
  const double gap = source.spaced ? 1.0 : 0.0;
  const double tail_length = source.length - cut.head_length - gap;
  const double moved = drift.forward ? tail_length : cut.head_length;
  const double kept = drift.forward ? cut.head_length : tail_length;
  const int moved_sentences = drift.forward ? cut.tail_sentences : cut.head_sentences;
  const int kept_sentences = drift.forward ? cut.head_sentences : cut.tail_sentences;
  const double before = line_shape_cost(shape_, translation, source.length, source.sentences) +
                        line_shape_cost(shape_, translation, dest.length, dest.sentences);
  const double after = line_shape_cost(shape_, translation, kept, kept_sentences) +
                       line_shape_cost(shape_, translation, dest.length + gap + moved, dest.sentences + moved_sentences);
  return after - before;
}

void ContentAnalyser::report_drift(MadeFindings& out, const Candidate& best, const Candidate* mirror) const {
  auto severity = severity_of(best.evidence, kRealignThresholds);
  // Below the information level, a mirror that fits nearly as well lifts it there.
  const bool mirrored = mirror && best.evidence >= kMirroredInformation &&
                        mirror->evidence >= best.evidence - kMirrorAgreement &&
                        (!severity || *severity > Severity::Information) && brackets_balanced(moved_text(best)) &&
                        brackets_balanced(moved_text(*mirror));
  if (mirrored) severity = Severity::Information;
  if (!severity) return;
  // The strongest move and its mirror (the other language's matching text
  // moved the other way) pair the lines alike; the one that undoes the drift
  // leaves the lines of its language their usual shape. Both terms are in
  // nats: the pairing evidence less the change of the line-shape cost.
  const bool mirror_moved_less =
      mirror && mirror->evidence - shape_change(*mirror) > best.evidence - shape_change(best);
  const Candidate& candidate = mirror_moved_less ? *mirror : best;
  const Candidate* alternative = mirror_moved_less ? &best : mirror;
  const std::size_t a = candidate.first, b = a + 1;
  const bool translation = candidate.translation_side;
  const std::uint32_t source_line = side_line(candidate.forward ? a : b, translation);
  const std::uint32_t dest_line = side_line(candidate.forward ? b : a, translation);
  const std::string_view moved = moved_text(candidate);
  const std::string side = translation ? "translation" : "original";
  const std::string other = translation ? "original" : "translation";
  Finding finding;
  finding.code = "boundary-drift";
  // The finding sits on the line the translation-side move would cut, so
  // that it stays where it is when new evidence swaps the preferred side.
  const Candidate& anchor = best.translation_side || !mirror ? best : *mirror;
  const std::size_t anchor_pair = anchor.forward ? a : b;
  const std::uint32_t anchor_line = side_line(anchor_pair, anchor.translation_side);
  finding.pair = static_cast<std::int32_t>(anchor_pair);
  // A mirrored drift counts as reaching the information threshold (0.5).
  finding.confidence = mirrored ? 0.5 : confidence_of(best.evidence, kRealignThresholds);
  finding.begin = line_begin(anchor_line);
  finding.end = line_end(anchor_line);
  if (anchor_line != source_line)
    finding.related.push_back({line_begin(source_line), line_end(source_line),
                               side + " of pair " + std::to_string((candidate.forward ? a : b) + 1)});
  if (candidate.forward) {
    finding.message = "The " + side + " of pair " + std::to_string(a + 1) + " runs on into pair " +
                      std::to_string(b + 1) + ": its end " + quoted(moved) + " belongs with the " + other +
                      " of pair " + std::to_string(b + 1) + " " + quoted(side_text(b, !translation));
  } else {
    finding.message = "The " + side + " of pair " + std::to_string(b + 1) + " starts with " + quoted(moved) +
                      ", which belongs to pair " + std::to_string(a + 1) + ": the " + other + " of pair " +
                      std::to_string(a + 1) + " ends with " + tail_preview(side_text(a, !translation));
  }
  char buffer[192];
  std::snprintf(buffer, sizeof buffer, " (evidence %.1f%s%s)", best.evidence,
                best.lexical_gain > 0.5 ? ", numbers or names agree after the move" : "",
                mirrored ? "; the other language's matching text moved the other way fits as well" : "");
  finding.message += buffer;
  finding.related.push_back({line_begin(dest_line), line_end(dest_line),
                             side + " of pair " + std::to_string((candidate.forward ? b : a) + 1)});
  const std::uint32_t partner = side_line(candidate.forward ? b : a, !translation);
  finding.related.push_back({line_begin(partner), line_end(partner),
                             other + " of pair " + std::to_string((candidate.forward ? b : a) + 1)});
  // Which side drifted cannot be told from the pairs alone (moving the
  // matching text of the other side gives consistent pairs too): the move
  // that leaves its lines their usual shape is preferred, the other offered.
  Fix fix = drift_fix(candidate);
  fix.preferred = true;
  finding.fixes.push_back(std::move(fix));
  if (alternative) finding.fixes.push_back(drift_fix(*alternative));
  out.emplace_back(std::move(finding), *severity);
}

void ContentAnalyser::report_merge(MadeFindings& out, const Candidate& candidate) const {
  const auto severity = severity_of(candidate.evidence, kRealignThresholds);
  if (!severity) return;
  const std::size_t a = candidate.first, b = a + 1;
  Finding finding;
  finding.code = "merge-suggested";
  finding.pair = static_cast<std::int32_t>(b);
  finding.confidence = confidence_of(candidate.evidence, kRealignThresholds);
  const std::uint32_t line = side_line(b, false);
  finding.begin = line_begin(line);
  finding.end = line_end(line);
  finding.message = "The original of pair " + std::to_string(b + 1) + " " + quoted(side_text(b, false)) +
                    " continues the sentence of pair " + std::to_string(a + 1) + " " +
                    tail_preview(side_text(a, false)) + ": the two pairs may be one segment";
  finding.related.push_back({line_begin(side_line(a, false)), line_end(side_line(a, false)),
                             "original of pair " + std::to_string(a + 1)});
  // Fix: join both sides. The lines of the two pairs are consecutive; rewrite
  // them from the end of the first line to the end of the last.
  const std::uint32_t lines[4] = {slots_[a].translation_line, slots_[a].original_line, slots_[b].translation_line,
                                  slots_[b].original_line};
  const std::uint32_t low = *std::min_element(lines, lines + 4), high = *std::max_element(lines, lines + 4);
  if (high - low == 3) {
    const bool translation_first = slots_[a].translation_line < slots_[a].original_line;
    const std::string t_sep = slots_[a].translation->spaced ? " " : "";
    const std::string o_sep = slots_[a].original->spaced ? " " : "";
    const std::string translation = std::string(side_text(a, true)) + t_sep + std::string(side_text(b, true));
    const std::string original = std::string(side_text(a, false)) + o_sep + std::string(side_text(b, false));
    // Keep the document's line end.
    const std::size_t first_end = line_end(low);
    const std::string line_break(index_.text().substr(first_end, line_begin(low + 1) - first_end));
    Fix fix;
    fix.preferred = true;
    fix.title = "Merge pairs " + std::to_string(a + 1) + " and " + std::to_string(b + 1);
    fix.edits.push_back({line_begin(low), line_end(high),
                         translation_first ? translation + line_break + original : original + line_break + translation});
    finding.fixes.push_back(std::move(fix));
  }
  out.emplace_back(std::move(finding), *severity);
}

void ContentAnalyser::emit_made(std::vector<Finding>& out, const MadeFindings& made, std::size_t shift) const {
  // `shift` is modular: adding it moves offsets back as well as forward.
  for (const auto& [kept, severity] : made) {
    Finding finding = kept;
    if (shift != 0) {
      finding.begin += shift;
      finding.end += shift;
      for (RelatedLocation& related : finding.related) {
        related.begin += shift;
        related.end += shift;
      }
      for (Fix& fix : finding.fixes) {
        for (TextEdit& edit : fix.edits) {
          edit.begin += shift;
          edit.end += shift;
        }
      }
    }
    emit(out, std::move(finding), severity);
  }
}

void ContentAnalyser::report_candidate_reusing(std::vector<Finding>& out, const Candidate& candidate,
                                               const Candidate* mirror, bool same_fits) const {
  // The pairs the report may read: those of the alternative and one either side.
  const std::size_t first = candidate.first > 0 ? candidate.first - 1 : 0;
  const std::size_t end = std::min<std::size_t>(slots_.size(), candidate.first + std::max<std::uint32_t>(candidate.count, 2) + 1);
  std::vector<const LineFeatures*> features;
  std::vector<std::size_t> begins;
  features.reserve(2 * (end - first));
  begins.reserve(2 * (end - first));
  for (std::size_t p = first; p < end; ++p) {
    const PairSlot& slot = slots_[p];
    features.push_back(slot.valid ? slot.translation : nullptr);
    features.push_back(slot.valid ? slot.original : nullptr);
    begins.push_back(slot.valid ? line_begin(slot.translation_line) : 0);
    begins.push_back(slot.valid ? line_begin(slot.original_line) : 0);
  }
  const std::optional<Candidate> mirrored = mirror ? std::optional<Candidate>(*mirror) : std::nullopt;
  const std::uint32_t anchor_line = slots_[candidate.first].translation_line;
  std::shared_ptr<const CandidateReport> report;
  std::size_t shift = 0;
  if (const ContentState::ByLine* before = same_fits ? previous_entry(anchor_line) : nullptr;
      before && before->candidate_report) {
    const CandidateReport& old = *before->candidate_report;
    bool same = old.candidate == candidate && old.mirror == mirrored && old.first_pair == first &&
                old.features == features;
    if (same) {
      // Every line read moved by the same bytes.
      shift = begins.empty() ? 0 : begins[0] - old.begins[0];
      for (std::size_t i = 0; same && i < begins.size(); ++i)
        same = features[i] == nullptr || begins[i] - old.begins[i] == shift;
    }
    if (same) report = before->candidate_report;
  }
  if (!report) {
    auto made = std::make_shared<CandidateReport>();
    made->candidate = candidate;
    made->mirror = mirrored;
    made->first_pair = static_cast<std::uint32_t>(first);
    made->features = std::move(features);
    made->begins = std::move(begins);
    switch (candidate.type) {
      case MoveType::Rotation: report_rotation(made->findings, candidate); break;
      case MoveType::Drift: report_drift(made->findings, candidate, mirror); break;
      case MoveType::Merge: report_merge(made->findings, candidate); break;
    }
    report = std::move(made);
    shift = 0;
  }
  emit_made(out, report->findings, shift);
  // Only this alternative's entry is written (see report_pair_reusing).
  state_->by_line[anchor_line].candidate_report = std::move(report);
}

std::array<const LineFeatures*, 4> ContentAnalyser::neighbours_of(std::size_t p) const {
  std::array<const LineFeatures*, 4> neighbours{};
  if (p > 0 && slots_[p - 1].valid) neighbours = {slots_[p - 1].translation, slots_[p - 1].original, nullptr, nullptr};
  if (p + 1 < slots_.size() && slots_[p + 1].valid) {
    neighbours[2] = slots_[p + 1].translation;
    neighbours[3] = slots_[p + 1].original;
  }
  return neighbours;
}

void ContentAnalyser::report_pair_reusing(std::vector<Finding>& out, std::size_t p, const std::vector<bool>& explained,
                                          bool same_fit) const {
  const PairSlot& slot = slots_[p];
  const std::size_t translation_begin = line_begin(slot.translation_line);
  const std::size_t original_begin = line_begin(slot.original_line);
  std::shared_ptr<const PairReport> report;
  if (const ContentState::ByLine* before = same_fit ? previous_entry(slot.translation_line) : nullptr;
      before && before->report) {
    const PairReport& old = *before->report;
    if (old.pair == p && old.explained == explained[p] && old.translation == slot.translation &&
        old.original == slot.original && old.neighbours == neighbours_of(p) &&
        translation_begin - old.translation_begin == original_begin - old.original_begin)
      report = before->report;
  }
  if (!report) {
    auto made = std::make_shared<PairReport>();
    made->pair = static_cast<std::uint32_t>(p);
    made->explained = explained[p];
    made->translation = slot.translation;
    made->original = slot.original;
    made->neighbours = neighbours_of(p);
    made->translation_begin = translation_begin;
    made->original_begin = original_begin;
    report_pair(made->findings, p, explained);
    report = std::move(made);
  }
  // Offsets of the findings move with the pair (both lines by the same bytes).
  emit_made(out, report->findings, translation_begin - report->translation_begin);
  // Only this pair's entry is written: the two halves of the report phase
  // run on two threads.
  state_->by_line[slot.translation_line].report = std::move(report);
}

void ContentAnalyser::report_pair(std::vector<std::pair<Finding, Severity>>& out, std::size_t p,
                                  const std::vector<bool>& explained) const {
  const PairSlot& slot = slots_[p];
  const LineFeatures& t = *slot.translation;
  const LineFeatures& o = *slot.original;
  const std::string_view t_text = line_text(slot.translation_line);
  const std::string_view o_text = line_text(slot.original_line);

  // Length: odd relative to this document's own ratio and spread.
  if (!explained[p]) {
    const double residual = length_delta(t.length, o.length, state_->model);
    // Evidence in standard deviations of this document's own spread, plus the
    // cues of a cut: a translation that stops mid-sentence while its original
    // ends one, and fewer sentences than usual. The first is rare in clean
    // text (13 of 1,724 pairs of the Debian corpus, the sample and the eval
    // corpus) and is what a cut leaves: it adds 2 and lowers the bar for the
    // length itself to 1 standard deviation (information level below 1.5).
    const bool cut_off = residual > 0 && !t.ends_sentence && o.ends_sentence;
    const int difference = o.sentences - t.sentences;
    double evidence = std::fabs(residual);
    if (cut_off) evidence += kCutOffEvidence;
    // Sentence and question counts that are odd for this document, in the
    // same direction as the length, add evidence; the length itself must be
    // odd (kMinResidual) for a length finding at all.
    double shape = 0;
    if ((residual > 0) == (difference > 0)) shape += state_->counts.of(difference);
    const int question_difference = o.questions - t.questions;
    if ((residual > 0) == (question_difference > 0)) shape += state_->questions.of(question_difference);
    evidence += std::min(shape, 3.0);
    if (std::fabs(residual) < (cut_off ? kCutOffMinResidual : kMinResidual)) evidence = 0;
    // A length only that odd because of the cut cue is never more than information.
    if (std::fabs(residual) < kMinResidual)
      evidence = std::min(evidence, std::nextafter(kLengthThresholds.warning, 0.0));
    if (const auto severity = severity_of(evidence, kLengthThresholds)) {
      Finding finding;
      finding.code = "length-outlier";
      finding.pair = static_cast<std::int32_t>(p);
      finding.confidence = confidence_of(evidence, kLengthThresholds);
      const double expected = state_->model.c * t.length;
      char buffer[200];
      if (residual > 0) {
        finding.begin = line_begin(slot.translation_line);
        finding.end = line_end(slot.translation_line);
        std::snprintf(buffer, sizeof buffer,
                      "The translation of pair %zu looks truncated: its original is %.0f%% of the length this "
                      "document's ratio predicts (%.1f standard deviations)",
                      p + 1, expected > 0 ? 100.0 * o.length / expected : 0.0, residual);
        finding.message = buffer;
        if (cut_off) finding.message += "; it ends with " + tail_preview(t_text, 12) + " mid-sentence";
        if (difference > 0 && state_->counts.of(difference) > 0)
          finding.message += "; it has " + std::to_string(t.sentences) + " sentence" + (t.sentences > 1 ? "s" : "") +
                             " where the original has " + std::to_string(o.sentences);
      } else {
        finding.begin = line_begin(slot.translation_line);
        finding.end = line_end(slot.translation_line);
        std::snprintf(buffer, sizeof buffer,
                      "The translation of pair %zu is over-long: its original is only %.0f%% of the length this "
                      "document's ratio predicts (%.1f standard deviations)",
                      p + 1, expected > 0 ? 100.0 * o.length / expected : 0.0, -residual);
        finding.message = buffer;
      }
      finding.related.push_back({line_begin(slot.original_line), line_end(slot.original_line),
                                 "original of pair " + std::to_string(p + 1)});
      out.emplace_back(std::move(finding), *severity);
    }
  }

  // Numbers: missing and extra reported separately, by value.
  if (!t.numbers.empty() || !o.numbers.empty()) {
    const NumberComparison& numbers = checks_[p]->numbers;
    const bool both = !numbers.unmatched_translation.empty() && !numbers.unmatched_original.empty();
    auto report = [&](bool in_translation, const std::vector<std::size_t>& unmatched) {
      if (unmatched.empty()) return;
      const auto& mentions = in_translation ? t.numbers : o.numbers;
      const std::string_view text = in_translation ? t_text : o_text;
      const std::uint32_t line = in_translation ? slot.translation_line : slot.original_line;
      const std::uint32_t partner = in_translation ? slot.original_line : slot.translation_line;
      Finding finding;
      finding.code = "number-mismatch";
      finding.pair = static_cast<std::int32_t>(p);
      const NumberMention& first = mentions[unmatched.front()];
      finding.begin = line_begin(line) + first.begin;
      finding.end = line_begin(line) + first.end;
      std::string list;
      for (const std::size_t i : unmatched) {
        if (!list.empty()) list += ", ";
        list += "'" + std::string(text.substr(mentions[i].begin, mentions[i].end - mentions[i].begin)) + "'";
      }
      const bool plural = unmatched.size() > 1;
      if (in_translation) {
        finding.message = "Extra number" + std::string(plural ? "s " : " ") + list + " in the translation of pair " +
                          std::to_string(p + 1) + ": not in the original " + quoted(o_text);
      } else {
        finding.message = "Missing number" + std::string(plural ? "s " : " ") + list +
                          ": the original of pair " + std::to_string(p + 1) + " has " +
                          (plural ? "them" : "it") + ", the translation " + quoted(t_text) + " does not";
      }
      // Both sides with a number the other lacks: most likely one was changed.
      finding.confidence = both ? 0.92 : 0.6;
      if (both) finding.message += " (both sides have a number the other lacks: one was probably changed)";
      finding.related.push_back({line_begin(partner), line_end(partner),
                                 std::string(in_translation ? "original" : "translation") + " of pair " +
                                     std::to_string(p + 1)});
      out.emplace_back(std::move(finding), both ? Severity::Warning : Severity::Information);
    };
    report(true, numbers.unmatched_translation);
    report(false, numbers.unmatched_original);
  }

  // Carried-over names, acronyms and URLs.
  // The fast exact check found every token: the graded comparison would too.
  if ((!t.tokens.empty() || !o.tokens.empty()) && base_check_[p].unmatched_tokens > 0) {
    const TokenComparison& tokens = checks_[p]->tokens;
    // One finding per side and grade, listing the words; a word found in the
    // neighbouring pair's partner line points at a drift.
    auto report = [&](bool in_translation, const std::vector<std::size_t>& indices, bool near) {
      if (indices.empty()) return;
      const auto& list = in_translation ? t.tokens : o.tokens;
      const std::string_view text = in_translation ? t_text : o_text;
      const std::uint32_t line = in_translation ? slot.translation_line : slot.original_line;
      const std::uint32_t partner = in_translation ? slot.original_line : slot.translation_line;
      std::vector<std::string> words;
      std::string elsewhere;
      for (const std::size_t i : indices) {
        const LatinToken& token = list[i];
        std::string word(text.substr(token.begin, token.end - token.begin));
        if (std::find(words.begin(), words.end(), word) != words.end()) continue;
        if (!near && elsewhere.empty()) {
          const std::uint64_t key = token_key_hash(token.key);
          for (const std::size_t q : {p - 1, p + 1}) {
            if (q >= slots_.size() || !slots_[q].valid) continue;
            const auto& present = (in_translation ? slots_[q].original : slots_[q].translation)->keys.present;
            if (std::binary_search(present.begin(), present.end(), key)) {
              elsewhere = " ('" + word + "' is in the " + (in_translation ? "original" : "translation") +
                          " of pair " + std::to_string(q + 1) + ")";
              break;
            }
          }
        }
        words.push_back(std::move(word));
      }
      std::string listed;
      for (const std::string& word : words) listed += (listed.empty() ? "'" : ", '") + word + "'";
      const bool plural = words.size() > 1;
      Finding finding;
      finding.code = "token-not-carried";
      finding.pair = static_cast<std::int32_t>(p);
      finding.begin = line_begin(line) + list[indices.front()].begin;
      finding.end = line_begin(line) + list[indices.front()].end;
      if (in_translation) {
        finding.message = listed + " in the translation of pair " + std::to_string(p + 1) +
                          (near ? (plural ? " are" : " is") + std::string(" spelled differently in the original ")
                                : (plural ? " do" : " does") + std::string(" not appear in its original ")) +
                          quoted(o_text);
      } else {
        finding.message = listed + " of the original of pair " + std::to_string(p + 1) +
                          (near ? (plural ? " are" : " is") + std::string(" spelled differently in the translation ")
                                : (plural ? " are" : " is") + std::string(" not carried into the translation ")) +
                          quoted(t_text);
      }
      finding.message += elsewhere;
      finding.confidence = near ? 0.3 : 0.55;
      finding.related.push_back({line_begin(partner), line_end(partner),
                                 std::string(in_translation ? "original" : "translation") + " of pair " +
                                     std::to_string(p + 1)});
      out.emplace_back(std::move(finding), near ? Severity::Hint : Severity::Information);
    };
    report(true, tokens.unmatched_translation, false);
    report(false, tokens.unmatched_original, false);
    report(true, tokens.near_translation, true);
    report(false, tokens.near_original, true);
  }
}

ContentResult ContentAnalyser::run() {
  const std::size_t n = transcript_.pairs.size();
  result_.pair_scores.assign(n, 1.0);
  worst_confidence_.assign(n, 0.0);
  state_->translation_cjk = transcript_.translation_script == Script::Han ||
                            transcript_.translation_script == Script::Japanese ||
                            transcript_.translation_script == Script::Hangul;
  build_slots();

  std::vector<LengthPair> lengths;
  for (const PairSlot& slot : slots_)
    if (slot.valid) lengths.push_back({slot.translation->length, slot.original->length});
  state_->model = document_length_model(lengths, transcript_.translation_script, transcript_.original_script);
  {
    std::vector<double> translation_lengths, original_lengths;
    translation_lengths.reserve(lengths.size());
    original_lengths.reserve(lengths.size());
    for (const LengthPair& pair : lengths) {
      translation_lengths.push_back(pair.translation);
      original_lengths.push_back(pair.original);
    }
    shape_ = fit_line_shape(translation_lengths, original_lengths);
    state_->shape = shape_;
  }
  std::vector<int> differences;
  for (const PairSlot& slot : slots_)
    if (slot.valid) differences.push_back(slot.original->sentences - slot.translation->sentences);
  state_->counts = fit_sentence_counts(differences);
  differences.clear();
  for (const PairSlot& slot : slots_)
    if (slot.valid) differences.push_back(slot.original->questions - slot.translation->questions);
  state_->questions = fit_sentence_counts(differences);
  const bool same_shape = previous_ && previous_->shape == state_->shape;
  const bool same_fit = previous_ && previous_->model == state_->model && previous_->counts == state_->counts &&
                        previous_->questions == state_->questions;

  base_cost_.assign(n, 0.0);
  base_lexical_.assign(n, 0.0);
  base_check_.assign(n, LexicalCheck{});
  checks_.assign(n, nullptr);
  if (previous_) state_->pairs.share(previous_->pairs);
  else state_->pairs.reserve(n);
  cross_cost_.assign(n * (2 * kMaxBlock - 1), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t p = 0; p < n; ++p) {
    if (!slots_[p].valid) continue;
    const LineFeatures& t = *slots_[p].translation;
    const LineFeatures& o = *slots_[p].original;
    checks_[p] = checks_of(slots_[p]);
    ContentState::ByLine& entry = state_->by_line[slots_[p].translation_line];
    entry.checks = checks_[p];
    base_check_[p] = checks_[p]->lexical;
    // The same checks (so the same lines) under the same fits cost the same.
    if (const ContentState::ByLine* before = same_fit ? previous_entry(slots_[p].translation_line) : nullptr;
        before && before->checks == checks_[p]) {
      base_lexical_[p] = before->base_lexical;
      base_cost_[p] = before->base_cost;
    } else {
      base_lexical_[p] = lexical_cost(base_check_[p]);
      base_cost_[p] = residual_cost(length_delta(t.length, o.length, state_->model)) +
                      state_->counts.of(o.sentences - t.sentences) + state_->questions.of(o.questions - t.questions) +
                      base_lexical_[p];
    }
    entry.base_lexical = base_lexical_[p];
    entry.base_cost = base_cost_[p];
  }

  // Local alternatives, anchor by anchor, reusing cached windows.
  std::vector<Candidate> candidates;
  std::uint64_t fit_key = combine(std::bit_cast<std::uint64_t>(state_->model.c),
                                  std::bit_cast<std::uint64_t>(state_->model.s2));
  for (const double cost : state_->counts.cost) fit_key = combine(fit_key, std::bit_cast<std::uint64_t>(cost));
  for (const double cost : state_->questions.cost) fit_key = combine(fit_key, std::bit_cast<std::uint64_t>(cost));
  if (same_fit) state_->anchors.share(previous_->anchors);
  for (std::size_t anchor = 0; anchor < n; ++anchor) {
    if (!slots_[anchor].valid) continue;
    std::uint64_t key = fit_key;
    for (std::size_t k = anchor; k < std::min(n, anchor + kWindow); ++k)
      key = combine(key, slots_[k].valid ? slots_[k].hash : 0x51ED);
    key = combine(key, std::min(n, anchor + kWindow) - anchor);
    // Cached candidates are stored relative to their anchor, so a window that
    // moved (lines inserted above it) is still found: by position when the
    // anchor's line is unchanged and this cache shares the previous one's,
    // else by key.
    ContentState::ByLine& entry = state_->by_line[slots_[anchor].translation_line];
    entry.anchor_key = key;
    const std::vector<Candidate>* cached = nullptr;
    if (same_fit) {
      const ContentState::ByLine* before =
          state_->anchors.shared() ? previous_entry(slots_[anchor].translation_line) : nullptr;
      if (before && before->anchor && before->anchor_key == key) {
        cached = before->anchor;
      } else if (const auto* found = previous_->anchors.find(key)) {
        cached = found->get();
        // A shared cache holds every entry of the previous one already.
        if (!state_->anchors.shared() && !state_->anchors.contains(key)) state_->anchors.put(key, *found);
      }
    }
    if (cached) {
      entry.anchor = cached;
      for (Candidate c : *cached) {
        c.first += static_cast<std::uint32_t>(anchor);
        candidates.push_back(c);
      }
    } else {
      std::vector<Candidate> found = candidates_at(anchor);
      candidates.insert(candidates.end(), found.begin(), found.end());
      for (Candidate& c : found) c.first -= static_cast<std::uint32_t>(anchor);
      if (const auto* existing = state_->anchors.find(key)) {
        entry.anchor = existing->get();
      } else {
        auto stored = std::make_shared<const std::vector<Candidate>>(std::move(found));
        entry.anchor = stored.get();
        state_->anchors.put(key, std::move(stored));
      }
    }
  }

  // Best alternatives first; each pair takes part in at most one.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.evidence > b.evidence; });
  std::vector<bool> taken(n, false), explained(n, false);
  // The first drift of each boundary, side and direction in this order has
  // the best evidence (ties: the earliest), found without a scan per drift.
  auto drift_slot = [](std::size_t first, bool translation_side, bool forward) {
    return 4 * first + (translation_side ? 2 : 0) + (forward ? 1 : 0);
  };
  std::vector<const Candidate*> first_drift(4 * n, nullptr);
  for (const Candidate& candidate : candidates) {
    if (candidate.type != MoveType::Drift) continue;
    const Candidate*& slot = first_drift[drift_slot(candidate.first, candidate.translation_side, candidate.forward)];
    if (!slot) slot = &candidate;
  }
  std::vector<const Candidate*> selected;  // in order of evidence, each pair in at most one
  for (const Candidate& candidate : candidates) {
    bool free = true;
    for (std::size_t p = candidate.first; p < candidate.first + candidate.count; ++p) free = free && !taken[p];
    if (!free) continue;
    for (std::size_t p = candidate.first; p < candidate.first + candidate.count; ++p) taken[p] = true;
    // A pair re-paired by a strong alternative needs no length finding of its
    // own; a weaker one may be wrong, and the length finding then still says
    // what is odd about the pair.
    if (candidate.evidence >= kRealignThresholds.warning)
      for (std::size_t p = candidate.first; p < candidate.first + candidate.count; ++p) explained[p] = true;
    selected.push_back(&candidate);
  }

  // Reports: the selected alternatives, then the pairs, of each half of the
  // document in turn; the halves are written on two threads for large
  // documents (the same order either way, so results never depend on it).
  const std::size_t middle = n / 2;
  auto report_half = [&](bool first_half, std::vector<Finding>& out) {
    for (const Candidate* candidate : selected) {
      if ((candidate->first < middle) != first_half) continue;
      // A drift's mirror: same boundary, other side, opposite direction, best evidence.
      const Candidate* mirror =
          candidate->type == MoveType::Drift
              ? first_drift[drift_slot(candidate->first, !candidate->translation_side, !candidate->forward)]
              : nullptr;
      report_candidate_reusing(out, *candidate, mirror, same_fit && same_shape);
    }
    for (std::size_t p = first_half ? 0 : middle; p < (first_half ? middle : n); ++p)
      if (slots_[p].valid) report_pair_reusing(out, p, explained, same_fit);
  };
  std::vector<Finding> second_half;
  constexpr std::size_t kParallelReportsFrom = 2048;  // pairs; below, a thread costs more than it saves
  if (n >= kParallelReportsFrom) {
    std::exception_ptr failure;
    std::thread helper([&] {
      try {
        report_half(false, second_half);
      } catch (...) {
        failure = std::current_exception();
      }
    });
    try {
      report_half(true, result_.findings);
    } catch (...) {
      helper.join();
      throw;
    }
    helper.join();
    if (failure) std::rethrow_exception(failure);
  } else {
    report_half(true, result_.findings);
    report_half(false, second_half);
  }
  result_.findings.insert(result_.findings.end(), std::make_move_iterator(second_half.begin()),
                          std::make_move_iterator(second_half.end()));
  for (const Finding& finding : result_.findings) {
    if (finding.pair < 0) continue;
    double& worst = worst_confidence_[static_cast<std::size_t>(finding.pair)];
    worst = std::max(worst, finding.severity <= Severity::Information ? finding.confidence : finding.confidence / 2);
  }

  for (std::size_t p = 0; p < n; ++p) {
    if (!slots_[p].valid) {
      const Pair& pair = transcript_.pairs[p];
      result_.pair_scores[p] = pair.translation.empty() || pair.original.empty() ? 0.0 : 0.5;
      continue;
    }
    // Fit of the pair as given (1 at a perfect fit, 0.5 at about 3 nats), then
    // lowered by the strongest finding on it.
    const double fit_score = 1.0 / (1.0 + std::exp(base_cost_[p] - 3.0)) * (1.0 + std::exp(-3.0));
    result_.pair_scores[p] = std::clamp(std::min(fit_score, 1.0) * (1.0 - worst_confidence_[p]), 0.0, 1.0);
  }
  state_->features.seal();
  state_->anchors.seal();
  state_->pairs.seal();
  result_.state = state_;
  return std::move(result_);
}

}  // namespace

ContentResult content_checks(const Transcript& transcript, const LineIndex& index, const CheckOptions& options,
                             const ContentState* previous, std::span<const std::uint32_t> previous_lines) {
  if (!options.content_checks) {
    ContentResult result;
    result.pair_scores.assign(transcript.pairs.size(), 1.0);
    result.state = std::make_shared<const ContentState>();
    return result;
  }
  ContentAnalyser analyser(transcript, index, options, previous, previous_lines);
  return analyser.run();
}

}  // namespace bitext
