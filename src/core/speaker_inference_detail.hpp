// Speaker inference (bitext/speaker_inference.hpp) from pair cues already
// read: the public functions read every pair's cues; Analysis::rerun takes
// the cues of unchanged pairs from the previous version (speaker_memo.hpp).
#pragma once

#include <optional>
#include <vector>

#include "bitext/speakers.hpp"
#include "bitext/transcript.hpp"
#include "speaker_cues.hpp"
#include "speaker_decode.hpp"
#include "speaker_participants.hpp"

namespace bitext::detail {

// cues[i] == read_pair_cues(sides[i]), sides == pair_sides(transcript, text).
SpeakerModel infer_speakers(const Transcript& transcript, const std::vector<PairSides>& sides,
                            const std::vector<PairCues>& cues);
void add_inferred_speakers(Transcript& transcript, const std::vector<PairSides>& sides,
                           const std::vector<PairCues>& cues);
// add_inferred_speakers in two steps: the model it would set (none when the
// document is labelled or the inference finds fewer than two speakers), read
// from a transcript it does not change, then setting it.
std::optional<SpeakerModel> inferred_speaker_model(const Transcript& transcript, const std::vector<PairSides>& sides,
                                                   const std::vector<PairCues>& cues);
void set_speaker_model(Transcript& transcript, SpeakerModel model);
// The decode and turns of infer_speakers, given its cast (cast == read_cast(sides, cues));
// `trace` (if given) receives the decode, for infer_from_cast_again.
SpeakerModel infer_from_cast(const Transcript& transcript, const std::vector<PairSides>& sides, const Cast& cast,
                             DecodeTrace* trace = nullptr);
// infer_from_cast's model when the cast's participants and mentions are those
// of the previous version's (whose decode is `before` and whose model is
// `before_model`) and only the wording of the `changed` pairs (sorted) may
// differ: the decode again from the first step those pairs change until it
// rejoins the previous one, and the turns again around the pairs whose
// decision may change. Fills `trace`. Nothing when the previous decode cannot
// be taken (another number of participants, other pairs decoded).
std::optional<SpeakerModel> infer_from_cast_again(const Transcript& transcript, const std::vector<PairSides>& sides,
                                                  const Cast& cast, const std::vector<std::size_t>& changed,
                                                  const DecodeTrace& before, const SpeakerModel& before_model,
                                                  DecodeTrace& trace);
// The model inference gave, kept when it names two speakers or more: one
// speaker throughout tells a reader nothing.
std::optional<SpeakerModel> kept_inferred_model(SpeakerModel inferred);

}  // namespace bitext::detail
