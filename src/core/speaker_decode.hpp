// The Viterbi decode of speaker inference (speaker_inference.cpp), in exact
// integer points so that a decode after an edit can stop where it rejoins the
// previous one. State: (speaker s, previous different speaker q), q == k for
// none. A step's scores are a function of the step alone (StepScores: what
// speaker b gets for the step's pair, going on, and taking over from a), never
// of q: two states of one speaker have the same futures, so a state below the
// best of its speaker can never lie on the best path and is dropped. The
// forward scores after each step, dropped states out and minus their best,
// are then the same whenever the decode will go on the same: after the
// changed steps, the first checkpoint where they equal the previous decode's
// is where it rejoins, and everything after it is the previous decode's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace bitext::detail {

// Thousandths of a point: the scores' weights are tenths, so sums are exact.
using DecodePoints = std::int64_t;
DecodePoints decode_points(double points);

struct StepScores {
  std::vector<DecodePoints> emit;       // per speaker b: b speaks the step's pair
  DecodePoints stay = 0;                // the previous step's speaker goes on
  std::vector<DecodePoints> take_over;  // [a * k + b], b != a: b speaks after a
};
// Fills the scores of step t (step 0: emit only).
using StepScorer = std::function<void(std::size_t step, StepScores& scores)>;

struct DecodeTrace {
  std::size_t speakers = 0;               // k
  std::vector<std::uint32_t> steps;       // the pair decoded at each step
  std::vector<DecodePoints> checkpoints;  // forward scores after every kCheckpointSteps-th step
  std::vector<DecodePoints> last;         // forward scores after the last step
  // Per step, the state on the best path: speaker * (k + 1) + previous
  // different speaker (k: none). No back pointers are kept: a decode again
  // makes those of the steps it needs from the checkpoints.
  std::vector<std::uint16_t> path;
  // Steps decoded by the last decode or decode_again.
  std::size_t steps_decoded = 0;
  // The caller's: what the scores read of the whole document (speaker_inference.cpp).
  bool pairs_not_turns = false;

  std::int32_t speaker_at(std::size_t step) const { return static_cast<std::int32_t>(path[step] / (speakers + 1)); }
  // The previous different speaker at a step, -1 for none.
  std::int32_t listener_at(std::size_t step) const {
    const std::size_t q = path[step] % (speakers + 1);
    return q == speakers ? -1 : static_cast<std::int32_t>(q);
  }
};

// The best path over `steps` (pair indices, in order) for k speakers.
void decode(std::size_t k, std::vector<std::uint32_t> steps, const StepScorer& scorer, DecodeTrace& out);
// decode's result when only steps [first_changed, last_changed] score
// differently from `before`'s decode (same speakers, same steps).
void decode_again(const DecodeTrace& before, std::size_t first_changed, std::size_t last_changed,
                  const StepScorer& scorer, DecodeTrace& out);

}  // namespace bitext::detail
