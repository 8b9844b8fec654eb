// The speaker model's per-piece work of one version, lent to the next
// (Analysis::rerun). Two pure steps are memoised, each by the byte ranges it
// reads: a label read at the start of a side (read_label on a range) and a
// pair's cues (read_pair_cues on the text of its sides' ranges). A result is
// taken from the previous version only when every range it read lies in the
// text both versions share at their start or end (CommonEnds), so it is
// the result a fresh reading gives. A memo holds one version's results only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "bitext/layout.hpp"
#include "bitext/previous_text.hpp"
#include "bitext/speaker_labels.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"
#include "speaker_cues.hpp"
#include "speaker_decode.hpp"
#include "speaker_participants.hpp"

namespace bitext::detail {

struct SpeakerMemo {
  // A read that found a label: the range read, and the label relative to its
  // start, as read_label gives it (a labelled document keeps one per line).
  struct LabelRead {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::uint32_t label_begin = 0, label_end = 0, name_begin = 0, name_end = 0;
    LabelForm form = LabelForm::Colon;
    bool alone = false;
    bool strong = false;
    LabelMatch match() const {
      return LabelMatch{label_begin, label_end, name_begin, name_end, form, alone, strong};
    }
  };
  Layout layout = Layout::Lines;
  std::vector<LabelRead> labels;  // reads that found a label, sorted by (begin, end)
  // Ranges read that found none, sorted. Offsets in this memo are 32 bits (a
  // version keeps it while the user types): a range beyond 4 GiB is not kept,
  // and is read again, as a range not kept is (labels too).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> no_labels;

  // Per pair: its side ranges (flattened: latin count, latin ranges, han
  // ranges) and its cues; `by_start` orders the pairs by their first range.
  // (A pair with a range beyond 4 GiB has an empty key: found by none.)
  std::vector<std::uint32_t> keys;
  std::vector<std::uint32_t> key_starts;  // pair i's key is keys[key_starts[i] .. key_starts[i + 1])
  std::vector<PairCues> cues;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> by_start;

  // Inference on this version (unlabelled line documents): whether it ran,
  // on how many pairs and scripts, and its cast — the participants, the names
  // it was read with, and the pairs' mentions as resolved, kept for the pairs
  // that have any (speaker_inference_memo.hpp).
  struct Inference {
    bool ran = false;
    std::size_t pairs = 0;
    Script translation_script = Script::None;
    Script original_script = Script::None;
    CastNames names;
    std::vector<Participant> participants;
    std::shared_ptr<const CastMentions> mentions;  // the cast's, shared with the next version that keeps the cast
    // The decode (speaker_decode.hpp), for the next version to decode from.
    std::shared_ptr<const DecodeTrace> decode;
  } inference;
};

// The previous version's memo and where its text agrees with this one's.
struct SpeakerRecall {
  const SpeakerMemo* previous = nullptr;
  CommonEnds ends;
  // The previous version's text and speaker model, when the caller has them
  // (Analysis::rerun of a line document): whole-model reuse needs both.
  const PreviousText* previous_text = nullptr;
  const SpeakerModel* previous_model = nullptr;
  // `previous_model` itself when the caller gives it up (a rerun that took the
  // previous version): a model kept whole is then moved, not copied.
  SpeakerModel* given_model = nullptr;
};

// read_label over `text`'s bytes [begin, end), remembering every read for the
// next version and answering from the previous one where it can.
class LabelReader {
 public:
  LabelReader(std::string_view text, Layout layout, const SpeakerRecall& recall);
  std::optional<LabelMatch> read(std::size_t begin, std::size_t end);
  void take(SpeakerMemo& memo);  // this version's reads, for the next

 private:
  std::string_view text_;
  Layout layout_;
  const SpeakerMemo* previous_;  // null when it cannot lend (none, or another layout)
  CommonEnds ends_;
  std::vector<SpeakerMemo::LabelRead> reads_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> misses_;
  // Reads come in document order, nearly: where the last answer was found in
  // the previous version's sorted reads, the next is usually close by.
  std::size_t label_hint_ = 0;
  std::size_t miss_hint_ = 0;
};

// Sets memo.cues[i] = read_pair_cues(sides[i]) for every pair (sides from
// pair_sides(transcript, ...)), taken from the previous version for pairs
// whose side ranges are unchanged, and memo's keys. Each pair's ranges are
// pair_side_ranges(transcript, i), read again here rather than kept for every
// pair beside the memo being made. `from_previous` (if given) receives per
// pair the previous version's pair with the same ranges (its text the same),
// or kNoPreviousPair.
constexpr std::uint32_t kNoPreviousPair = 0xFFFFFFFFu;
void recall_pair_cues(const Transcript& transcript, const std::vector<PairSides>& sides,
                      const SpeakerRecall& recall, SpeakerMemo& memo,
                      std::vector<std::uint32_t>* from_previous = nullptr);
// Pair `pair`'s ranges as the memo keeps them; none when it kept no key for it.
std::optional<PairSideRanges> memo_ranges(const SpeakerMemo& memo, std::size_t pair);

}  // namespace bitext::detail
