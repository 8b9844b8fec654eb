// Speaker inference (bitext/speaker_inference.hpp) from pair cues already
// read: the public functions read every pair's cues; Analysis::rerun takes
// the cues of unchanged pairs from the previous version (speaker_memo.hpp).
#pragma once

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

}  // namespace bitext::detail
