// Speaker inference (bitext/speaker_inference.hpp) from pair cues already
// read: the public functions read every pair's cues; Analysis::rerun takes
// the cues of unchanged pairs from the previous version (speaker_memo.hpp).
#pragma once

#include <vector>

#include "bitext/speakers.hpp"
#include "bitext/transcript.hpp"
#include "speaker_cues.hpp"
#include "speaker_participants.hpp"

namespace bitext::detail {

// cues[i] == read_pair_cues(sides[i]), sides == pair_sides(transcript, text).
// `names` (if given) receives the names the cast was read with.
SpeakerModel infer_speakers(const Transcript& transcript, const std::vector<PairSides>& sides,
                            const std::vector<PairCues>& cues, CastNames* names = nullptr);
void add_inferred_speakers(Transcript& transcript, const std::vector<PairSides>& sides,
                           const std::vector<PairCues>& cues, CastNames* names = nullptr);
// What add_inferred_speakers does with the model inference gave: kept when it
// names two speakers or more, and each pair given its turn's speaker.
void apply_inferred_model(Transcript& transcript, SpeakerModel inferred);

}  // namespace bitext::detail
