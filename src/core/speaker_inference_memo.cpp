#include "speaker_inference_memo.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include "speaker_inference_detail.hpp"
#include "speaker_participants.hpp"

namespace bitext::detail {
namespace {

// Past this many changed pairs comparing costs more than it can save.
constexpr std::size_t kMaxChangedPairs = 64;

bool same_mentions(const std::vector<NameMention>& a, const std::vector<NameMention>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const NameMention& x, const NameMention& y) {
    return x.name == y.name && x.kind == y.kind && x.at_end == y.at_end && x.opens == y.opens && x.words == y.words;
  });
}

// What inference reads of one pair's text besides its cues, given the names
// the cast was read with (speaker_participants.cpp's read_cast and
// speaker_inference.cpp's explain: every use of a pair's sides there).
struct PairTextReads {
  bool latin_empty = false;
  bool han_empty = false;
  std::vector<NameMention> plain;             // find_mentions with the known names
  std::vector<std::string> han_spellings;     // han_spelling of each name its mentions give
  std::vector<bool> capitalised;              // capitalised_inside_sentence, per addressed name
  std::vector<std::size_t> written_inside;    // pairs_writing_inside_sentences, per name addressed once
  std::string_view asked;                     // a question's end: evidence of the next pair's turn
  std::string_view back_channel;              // a bare reply's words: its own evidence

  // What read_cast reads: the same cast.
  bool same_for_cast(const PairTextReads& other) const {
    return latin_empty == other.latin_empty && han_empty == other.han_empty && same_mentions(plain, other.plain) &&
           han_spellings == other.han_spellings && capitalised == other.capitalised &&
           written_inside == other.written_inside;
  }
  // What the turns take as evidence.
  bool same_evidence(const PairTextReads& other) const { return asked == other.asked && back_channel == other.back_channel; }
};

PairTextReads text_reads(const PairSides& sides, const PairCues& cues, const CastNames& names) {
  PairTextReads reads;
  reads.latin_empty = sides.latin.empty();
  reads.han_empty = sides.han.empty();
  find_mentions(sides, names.known, reads.plain);
  for (const std::vector<NameMention>* mentions : {&cues.mentions(), static_cast<const std::vector<NameMention>*>(&reads.plain)})
    for (const NameMention& mention : *mentions) reads.han_spellings.push_back(han_spelling(sides, mention.name));
  for (const std::string& name : names.addressed)
    reads.capitalised.push_back(capitalised_inside_sentence(sides.latin, name));
  if (!names.addressed_once.empty()) {
    std::vector<PairSides> one(1);
    one[0].latin = sides.latin;
    one[0].han = sides.han;
    for (const auto& [name, count] : pairs_writing_inside_sentences(one, names.addressed_once))
      reads.written_inside.push_back(count);
  }
  if (cues.wording.question) reads.asked = sides.latin.substr(sides.latin.size() > 60 ? sides.latin.size() - 60 : 0);
  if (cues.wording.back_channel) reads.back_channel = sides.latin.empty() ? sides.han : sides.latin;
  return reads;
}

// How much of the previous version's inference this one can take.
enum class Reuse { None, Cast, Model };

// Would inference on this version read exactly what it read on the previous
// one (Model), or at least the cast read the same (Cast: the pairs' mentions,
// whether they welcome, and the scans of their text for names — not the rest
// of their wording, which only the decode reads)?
// `changed` receives the pairs read again.
Reuse reusable(const Transcript& transcript, const std::vector<PairSides>& sides,
               const std::vector<std::uint32_t>& from_previous, const SpeakerRecall& recall, const SpeakerMemo& memo,
               std::vector<std::size_t>& changed) {
  const SpeakerMemo* previous = recall.previous;
  if (previous == nullptr || recall.previous_model == nullptr || recall.previous_text == nullptr ||
      !previous->inference.ran)
    return Reuse::None;
  const SpeakerMemo::Inference& before = previous->inference;
  const std::size_t n = sides.size();
  if (before.pairs != n || previous->cues.size() != n || from_previous.size() != n || memo.cues.size() != n ||
      before.translation_script != transcript.translation_script ||
      before.original_script != transcript.original_script || previous->layout != transcript.layout)
    return Reuse::None;
  for (std::size_t i = 0; i < n; ++i) {
    if (from_previous[i] == i) continue;  // the same bytes at the same place
    if (from_previous[i] != kNoPreviousPair || changed.size() >= kMaxChangedPairs) return Reuse::None;  // moved
    changed.push_back(i);
  }
  Reuse reuse = Reuse::Model;
  for (const std::size_t i : changed) {
    const PairCues& now = memo.cues[i];
    const PairCues& then = previous->cues[i];
    // What the cast reads of a pair's wording: a welcome or a greeting makes a guest.
    if (!same_mentions(now.mentions(), then.mentions()) ||
        now.wording.host_wording.found() != then.wording.host_wording.found() ||
        now.wording.greeting.found() != then.wording.greeting.found())
      return Reuse::None;
    const std::optional<PairSideRanges> old_ranges = memo_ranges(*previous, i);
    if (!old_ranges) return Reuse::None;  // (not kept: offsets beyond 32 bits)
    const PairSides old_sides = pair_sides_of(*recall.previous_text, *old_ranges);
    const PairTextReads reads = text_reads(sides[i], now, before.names);
    const PairTextReads old_reads = text_reads(old_sides, then, before.names);
    if (!reads.same_for_cast(old_reads)) return Reuse::None;
    if (now.wording != then.wording || !reads.same_evidence(old_reads)) reuse = Reuse::Cast;
  }
  return reuse;
}

// The cast read_cast gives, from the previous version's (Reuse::Cast): its
// participants and mentions, this version's wording (`cues`).
Cast recalled_cast(const SpeakerMemo::Inference& before, const std::vector<PairCues>& cues) {
  Cast cast;
  cast.participants = before.participants;
  cast.names = before.names;
  cast.cues = &cues;
  cast.mentions = before.mentions;
  return cast;
}

void keep_cast(const Cast& cast, SpeakerMemo::Inference& inference) {
  inference.names = cast.names;
  inference.participants = cast.participants;
  inference.mentions = cast.mentions;
}

}  // namespace

std::optional<SpeakerModel> infer_with_recall(const Transcript& transcript, const std::vector<PairSides>& sides,
                                              const std::vector<std::uint32_t>& from_previous,
                                              const SpeakerRecall& recall, SpeakerMemo& memo) {
  if (transcript.speaker_model.labelled() || transcript.pairs.empty()) return std::nullopt;
  SpeakerMemo::Inference& inference = memo.inference;
  inference.ran = true;
  inference.pairs = transcript.pairs.size();
  inference.translation_script = transcript.translation_script;
  inference.original_script = transcript.original_script;
  std::vector<std::size_t> changed;
  switch (reusable(transcript, sides, from_previous, recall, memo, changed)) {
    case Reuse::Model: {
      // An unlabelled version's model is the inferred one, or none when
      // inference found fewer than two speakers: either way the same again.
      const SpeakerMemo::Inference& before = recall.previous->inference;
      inference.names = before.names;
      inference.participants = before.participants;
      inference.mentions = before.mentions;
      inference.decode = before.decode;
      if (recall.given_model != nullptr) return kept_inferred_model(std::move(*recall.given_model));
      return kept_inferred_model(*recall.previous_model);
    }
    case Reuse::Cast: {
      const SpeakerMemo::Inference& before = recall.previous->inference;
      const Cast cast = recalled_cast(before, memo.cues);
      inference.names = before.names;
      inference.participants = before.participants;
      inference.mentions = before.mentions;
      auto trace = std::make_shared<DecodeTrace>();
      std::optional<SpeakerModel> model;
      if (before.decode != nullptr)
        model = infer_from_cast_again(transcript, sides, cast, changed, *before.decode, *recall.previous_model, *trace);
      if (!model) model = infer_from_cast(transcript, sides, cast, trace.get());
      inference.decode = std::move(trace);
      return kept_inferred_model(std::move(*model));
    }
    case Reuse::None:
      break;
  }
  const Cast cast = read_cast(sides, memo.cues);
  auto trace = std::make_shared<DecodeTrace>();
  SpeakerModel model = infer_from_cast(transcript, sides, cast, trace.get());
  keep_cast(cast, inference);
  inference.decode = std::move(trace);
  return kept_inferred_model(std::move(model));
}

}  // namespace bitext::detail
