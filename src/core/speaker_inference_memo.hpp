// Speaker inference wrapped with the previous version's result (for
// Analysis::rerun). Inference (speaker_inference.cpp) is a pure function of
// the pairs' cues, a few scans of the pairs' text for the cast's names, and
// the pair count and scripts. When this version has as many pairs and every
// pair but a few has the previous version's bytes at the same index, those
// few are read again and compared with what the previous version's read:
// - the same cues and the same answers to every scan: inference would read
//   exactly what it read before, and its model is the previous one;
// - the same mentions, welcome and scans for names, other wording changed
//   (a question mark typed, a word added): the cast (read_cast) is the
//   previous one, and only the decode and the turns run again;
// - otherwise inference runs whole.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "bitext/transcript.hpp"
#include "speaker_cues.hpp"
#include "speaker_memo.hpp"

namespace bitext::detail {

// inferred_speaker_model(transcript, sides, memo.cues), or the previous
// version's model where that gives the same; fills memo.inference.
// `from_previous` is recall_pair_cues' mapping of pairs to the previous version's.
std::optional<SpeakerModel> infer_with_recall(const Transcript& transcript, const std::vector<PairSides>& sides,
                                              const std::vector<std::uint32_t>& from_previous,
                                              const SpeakerRecall& recall, SpeakerMemo& memo);

}  // namespace bitext::detail
