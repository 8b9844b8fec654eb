// Speaker inference (bitext/speaker_inference.hpp) from pair cues already
// read: the public functions read every pair's cues; Analysis::rerun takes
// the cues of unchanged pairs from the previous version (speaker_memo.hpp).
#pragma once

#include <optional>
#include <vector>

#include "bitext/speakers.hpp"
#include "bitext/transcript.hpp"
#include "speaker_cues.hpp"

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

}  // namespace bitext::detail
