// The content checks' run over one version (content_checks.cpp) and the memo
// of its findings that the next version's run reuses (content_memo.cpp):
// private to the core, shared by those two files only.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/content.hpp"
#include "bitext/inline_vector.hpp"
#include "content_stages.hpp"
#include "counted_ptr.hpp"

namespace bitext {
namespace content {

using detail::CountedPtr;

constexpr std::uint32_t kNoPair = 0xFFFFFFFFu;

// The first prefix told (ContentRun::tell_prefixes): a few screens of a
// transcript, soon after the fits; each next one twice as long.
constexpr std::size_t kFirstPrefixPairs = 512;

// The lines a stage read for its findings: both lines of up to kMaxBlock pairs
// (kept inline: the memo checks them for every pair of every version).
struct ReadLines {
  std::array<std::uint32_t, 2 * kMaxBlock> lines{};
  std::size_t count = 0;
  const std::uint32_t* begin() const { return lines.data(); }
  const std::uint32_t* end() const { return lines.data() + count; }
  std::size_t size() const { return count; }
  std::uint32_t operator[](std::size_t i) const { return lines[i]; }
};

// Findings of one stage call, with what they were made from besides the
// pairs' content and the fits. Each version has its own record of them
// (ContentRun::reused copies one): the findings are in its result's list from
// `first` on, at offsets from `base`.
// What realign findings were made of: never written once made, so the
// versions that reuse the findings share it (a record is copied per version).
struct MadeSelection {
  SelectedAlternative selected;  // the alternative reported
  std::string line_break;        // merges: the line end their fix copies
};
struct MadeFindings {
  std::uint32_t pair = 0;                   // messages name pairs by number
  std::uint32_t first = 0;                  // the first in ContentResult::findings
  std::uint32_t count = 0;
  CountedPtr<const MadeSelection> selection;  // realign findings only
  std::size_t base = 0;                     // the first byte of the lines read
  InlineVector<std::size_t, 2> line_offsets;  // the begins of the lines read, relative to `base`
  // Until the run lists them (ContentRun::list): the findings made now (null
  // when none), or the previous version's record whose findings these are.
  std::unique_ptr<std::vector<Finding>> findings;
  const MadeFindings* reused = nullptr;
};
// Kept per pair with findings in every version, and copied per reused record
// at each rerun: the selection is shared and the findings a pointer, not held inline.
static_assert(sizeof(MadeFindings) <= 80);

// Most pairs have no findings of a kind: they share one record (reused
// whatever their place, never written: nothing is listed of it).
const CountedPtr<MadeFindings>& no_findings();

}  // namespace content

struct ContentState {
  // Fields ordered by alignment, the two sides' summaries (content::LineSummary) kept
  // field by field so that their flags share a word instead of padding one
  // each; the lexical cost is not kept (lexical_cost of `check` gives it again).
  struct PairRecord {
    double translation_length = 0, original_length = 0;  // content::LineSummary::length
    double cost = 0;
    double fit_score = 1;  // the pair score before findings lower it (of `cost`)
    double local_ratio = 0;  // neighbourhood_ratios: the length findings read it
    detail::CountedPtr<const content::PairMismatches> mismatches;  // null when none (most pairs)
    detail::CountedPtr<const std::vector<content::Alternative>> alternatives;  // relative to this anchor; null: none
    detail::CountedPtr<const content::MadeFindings> findings;                  // lexical_findings
    detail::CountedPtr<const content::MadeFindings> length;                    // length_findings; null: explained
    detail::CountedPtr<const content::MadeFindings> realign;                   // of the alternative selected at this anchor
    std::int32_t translation_sentences = 1, translation_questions = 0;
    std::int32_t original_sentences = 1, original_questions = 0;
    LexicalCheck check;
    content::PairLines lines;
    content::PairChecks::OriginalWords original_words;
    bool translation_ends_sentence = false, original_ends_sentence = false;

    content::LineSummary summary(bool translation) const {
      return translation ? content::LineSummary{translation_length, translation_sentences, translation_questions,
                                       translation_ends_sentence}
                         : content::LineSummary{original_length, original_sentences, original_questions, original_ends_sentence};
    }
    void set_summary(bool translation, const content::LineSummary& summary) {
      (translation ? translation_length : original_length) = summary.length;
      (translation ? translation_sentences : original_sentences) = summary.sentences;
      (translation ? translation_questions : original_questions) = summary.questions;
      (translation ? translation_ends_sentence : original_ends_sentence) = summary.ends_sentence;
    }
  };
  content::DocumentFits fits;
  std::vector<PairRecord> pairs;
  std::vector<std::uint32_t> pair_of_line;  // the valid pair a line belongs to, or content::kNoPair
  // Per finding of the result: where the caller listed it, and its severity as made (the rules may change it there).
  struct ListedFinding {
    std::uint32_t at = kNotListed;
    Severity made = Severity::Warning;
  };
  std::vector<ListedFinding> listed;
};
// Kept for every pair of every version: five pointers of 8 bytes, not 16
// (std::shared_ptr's), and no padding inside the summaries (160 bytes before).
static_assert(sizeof(ContentState::PairRecord) <= 136);

namespace content {

class ContentRun {
 public:
  ContentRun(const Transcript& transcript, const LineIndex& index, const ContentState* previous,
             std::span<const std::uint32_t> previous_lines, std::span<const Finding> previous_findings)
      : previous_(previous && previous_lines.size() == index.line_count() ? previous : nullptr),
        previous_lines_(previous_lines), previous_findings_(previous_findings) {
    table_.transcript = &transcript;
    table_.index = &index;
    table_.read_label_widths();
    table_.lexicon = document_lexicon(transcript.translation_script, transcript.original_script);
    // A rerun looks up the words around the edit again: remembered, they
    // leave the dictionary's image unread (Lexicon::remembering; not when the
    // costs change and every pair is checked again: run()).
    if (previous_ && table_.lexicon) {
      remembering_ = std::make_unique<const Lexicon>(table_.lexicon->remembering());
      table_.lexicon = remembering_.get();
    }
  }

  ContentResult run();
  // Lets the run own the previous state, to drop it once read (content_checks_releasing).
  void own_previous(std::shared_ptr<const ContentState> previous) { owned_previous_ = std::move(previous); }
  // Full runs only: tell `listener` the findings of the leading pairs as the
  // first stretch's sweep passes kFirstPrefixPairs, then twice as many, ...
  void tell_prefixes(const ContentPrefixListener& listener) { prefix_listener_ = &listener; }

 private:
  void release_lexicon_pages() const;
  void read_pairs();
  void map_to_previous();
  // What stage 1 reads of every previous record (old_ratios_, old_local_,
  // previous_local_); then the previous records become this run's, moved to
  // their pairs' places, when the run owns the previous state alone
  // (records_in_place_), else this run's are made afresh.
  void take_previous_records();
  // Takes from the previous records what stages 3 and 4 read, then lets the
  // previous state go (freed here when this run owned it last).
  void keep_previous_findings();
  // Features of the valid pairs of [begin, end) that have none (one thread's own pairs only).
  void ensure_features(std::size_t begin, std::size_t end);
  void release_features(std::size_t begin, std::size_t end);
  // Stages 1b, 2 and the pairs' lexical findings over the stretch [begin, end),
  // each pair's features computed once and dropped when no stage ahead reads them.
  void sweep(std::size_t begin, std::size_t end);
  // The same stages for the pairs at the seam `at` between two stretches.
  void seam(std::size_t stretch_begin, std::size_t at);
  // Stages 3 and 4 for the pairs from the last cut told to a new one at or
  // before `target`, then the findings of all pairs before it told.
  void tell_prefix(std::size_t target);
  std::vector<Alternative> candidates_in(std::size_t from, std::size_t to) const;
  void check_and_cost(std::size_t pair);
  void alternatives_for(std::size_t anchor, content::NeighbourCosts* neighbours = nullptr);
  void lexical_for(std::size_t pair);
  // Pairs [p, p + count) are those of the previous version from `q` on, each
  // valid in both or invalid in both.
  bool same_pairs(std::size_t p, std::size_t q, std::size_t count) const;
  // Until keep_previous_findings: in place, a record is its previous one until a stage writes it.
  const ContentState::PairRecord* previous_record(std::size_t pair) const {
    if (previous_ == nullptr || mapped_[pair] == kNoPair) return nullptr;
    return records_in_place_ ? &state_->pairs[pair] : &previous_->pairs[mapped_[pair]];
  }
  ReadLines read_lines(std::size_t first, std::size_t count) const;
  std::size_t base_of(const ReadLines& lines) const;
  bool same_offsets(const MadeFindings& made, const ReadLines& lines) const;
  bool same_neighbours(std::size_t p, std::size_t q) const;
  // The pairs just before and just after [first, first + count) are those of
  // the previous version beside the same block (or neither has one).
  bool same_neighbours_of_block(std::size_t first, std::size_t count) const;
  CountedPtr<MadeFindings> made(std::size_t pair, std::optional<SelectedAlternative> selected,
                                     std::vector<Finding> findings) const;
  // This version's record of `before`'s findings; null when they cannot be read back (not listed).
  CountedPtr<MadeFindings> reused(const MadeFindings& before) const;
  CountedPtr<MadeFindings> reusable_lexical(std::size_t pair) const;
  CountedPtr<MadeFindings> reusable_length(std::size_t pair) const;
  CountedPtr<MadeFindings> reusable_realign(const SelectedAlternative& selected) const;
  std::string_view line_break_after(const ReadLines& lines) const;
  // Appends `made`'s findings to `out`, at offsets from `base` (where its lines begin now).
  void list(MadeFindings& made, std::size_t base, std::vector<Finding>& out) const;

  const ContentState* previous_;
  std::shared_ptr<const ContentState> owned_previous_;  // previous_, when the run may drop it
  std::span<const std::uint32_t> previous_lines_;
  std::span<const Finding> previous_findings_;
  std::unique_ptr<const Lexicon> remembering_;  // a rerun's dictionary (table_.lexicon)
  PairTable table_;
  std::vector<std::uint32_t> mapped_;  // per pair: the previous version's pair with the same lines, or kNoPair
  // What the memo reads of the previous version besides its records: whether
  // each of its pairs was valid, and where its findings were listed (copied,
  // a few bytes a pair, so that the state can be freed before stages 3 and 4).
  bool has_previous_ = false;
  bool records_in_place_ = false;  // take_previous_records
  std::size_t previous_pairs_ = 0;
  std::vector<double> old_ratios_, old_local_;  // of the previous valid pairs, in order (neighbourhood_ratios)
  std::vector<char> previous_valid_;
  std::vector<ContentState::ListedFinding> previous_listed_;
  // What stages 3 and 4 read of each pair's previous record (keep_previous_findings):
  // its length and realign findings when it had any (most pairs share the empty
  // record, which is not counted again here: `previous_no_length_`).
  std::vector<CountedPtr<const MadeFindings>> previous_length_, previous_realign_;
  std::vector<char> previous_no_length_;
  // The previous records whose findings a reused lexical record lists (MadeFindings::reused).
  std::vector<CountedPtr<const MadeFindings>> previous_lexical_;
  std::vector<double> previous_local_;
  bool same_costs_ = false;            // the previous version's fits give the same pair costs
  bool same_fits_ = false;             // the previous version's fits are these
  std::vector<char> dirty_;            // per anchor: its alternatives must be found again
  std::vector<CountedPtr<MadeFindings>> lexical_;  // per pair: its lexical findings
  std::shared_ptr<ContentState> state_ = std::make_shared<ContentState>();
  // Per pair side (2 p, 2 p + 1): what stage 1's outline of a line found
  // beside the pair's LineSummary, until the line's features are taken from
  // it (their sentence boundaries are the outline's: ICU's sentence iterator
  // runs once per line). The offsets are in the stretch's vector.
  struct SideOutline {
    std::uint32_t offsets_begin = 0;
    std::uint32_t offsets_count = 0;
    Script dominant = Script::None;
    bool spaced = true;
    bool starts_lower = false;
    bool read = false;
    std::uint16_t stretch = 0;
  };
  std::vector<SideOutline> outlines_;
  std::vector<std::vector<std::uint32_t>> outline_offsets_;  // per stage 1 stretch

  // The leading pairs' findings told so far (tell_prefix).
  struct ToldAlternative {
    double evidence = 0;
    std::vector<Finding> findings;
  };
  const ContentPrefixListener* prefix_listener_ = nullptr;
  std::size_t next_prefix_ = kFirstPrefixPairs;      // the next target
  std::size_t prefix_end_ = 0;                       // the last cut told
  std::vector<ToldAlternative> prefix_alternatives_;  // selected before it, each cut's in order of evidence
  std::vector<Finding> prefix_pair_findings_;        // the pairs' own findings before it, in pair order
};

}  // namespace content
}  // namespace bitext
