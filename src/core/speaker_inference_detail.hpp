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
// `cast_read` (if given) receives the cast it read (read_cast).
SpeakerModel infer_speakers(const Transcript& transcript, const std::vector<PairSides>& sides,
                            const std::vector<PairCues>& cues, Cast* cast_read = nullptr);
void add_inferred_speakers(Transcript& transcript, const std::vector<PairSides>& sides,
                           const std::vector<PairCues>& cues, Cast* cast_read = nullptr);
// The decode and turns of infer_speakers, given its cast (cast == read_cast(sides, cues)).
SpeakerModel infer_from_cast(const Transcript& transcript, const std::vector<PairSides>& sides, const Cast& cast);
// What add_inferred_speakers does with the model inference gave: kept when it
// names two speakers or more, and each pair given its turn's speaker.
void apply_inferred_model(Transcript& transcript, SpeakerModel inferred);

}  // namespace bitext::detail
