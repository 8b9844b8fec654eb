#include "speaker_decode.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace bitext::detail {
namespace {

constexpr DecodePoints kNone = std::numeric_limits<DecodePoints>::min();
// A rejoin is looked for at these steps only: they are the forward scores kept.
constexpr std::size_t kCheckpointSteps = 32;

class Decoder {
 public:
  Decoder(std::size_t k, const StepScorer& scorer) : k_(k), states_(k * (k + 1)), scorer_(scorer) {
    scores_.emit.assign(k_, 0);
    scores_.take_over.assign(k_ * k_, 0);
    next_.assign(states_, kNone);
  }
  std::size_t states() const { return states_; }

  // Forward scores after step 0.
  void start(std::vector<DecodePoints>& forward) {
    scorer_(0, scores_);
    forward.assign(states_, kNone);
    for (std::size_t s = 0; s < k_; ++s) forward[s * (k_ + 1) + k_] = scores_.emit[s];
    settle(forward);
  }

  // Forward scores after step t from those after t - 1; back pointers into `back`.
  void step(std::size_t t, std::vector<DecodePoints>& forward, std::uint16_t* back) {
    scorer_(t, scores_);
    std::fill(next_.begin(), next_.end(), kNone);
    for (std::size_t a = 0; a < k_; ++a) {
      for (std::size_t q = 0; q <= k_; ++q) {
        const DecodePoints from = forward[a * (k_ + 1) + q];
        if (from == kNone) continue;
        for (std::size_t b = 0; b < k_; ++b) {
          DecodePoints value = from + scores_.emit[b];
          std::size_t to = 0;
          if (b == a) {
            value += scores_.stay;
            to = a * (k_ + 1) + q;
          } else {
            value += scores_.take_over[a * k_ + b];
            to = b * (k_ + 1) + a;
          }
          if (value > next_[to]) {
            next_[to] = value;
            back[to] = static_cast<std::uint16_t>(a * (k_ + 1) + q);
          }
        }
      }
    }
    forward.swap(next_);
    settle(forward);
  }

 private:
  // Drops the states below their speaker's best (they can never be on the
  // best path, see the header) and subtracts the best of all.
  void settle(std::vector<DecodePoints>& forward) const {
    DecodePoints best = kNone;
    for (std::size_t s = 0; s < k_; ++s) {
      DecodePoints own = kNone;
      for (std::size_t q = 0; q <= k_; ++q) own = std::max(own, forward[s * (k_ + 1) + q]);
      for (std::size_t q = 0; q <= k_; ++q)
        if (forward[s * (k_ + 1) + q] < own) forward[s * (k_ + 1) + q] = kNone;
      best = std::max(best, own);
    }
    for (DecodePoints& value : forward)
      if (value != kNone) value -= best;
  }

  std::size_t k_;
  std::size_t states_;
  const StepScorer& scorer_;
  StepScores scores_;
  std::vector<DecodePoints> next_;
};

void keep_checkpoint(std::vector<DecodePoints>& checkpoints, std::size_t t, const std::vector<DecodePoints>& forward) {
  std::copy(forward.begin(), forward.end(), checkpoints.begin() + static_cast<std::ptrdiff_t>(t / kCheckpointSteps * forward.size()));
}

bool at_checkpoint(const std::vector<DecodePoints>& checkpoints, std::size_t t, const std::vector<DecodePoints>& forward) {
  return std::equal(forward.begin(), forward.end(),
                    checkpoints.begin() + static_cast<std::ptrdiff_t>(t / kCheckpointSteps * forward.size()));
}

std::vector<DecodePoints> checkpoint(const std::vector<DecodePoints>& checkpoints, std::size_t t, std::size_t states) {
  const auto at = checkpoints.begin() + static_cast<std::ptrdiff_t>(t / kCheckpointSteps * states);
  return {at, at + static_cast<std::ptrdiff_t>(states)};
}

std::uint16_t best_state(const std::vector<DecodePoints>& forward) {
  return static_cast<std::uint16_t>(std::max_element(forward.begin(), forward.end()) - forward.begin());
}

// path[t] for t in [from, to) from path[to] and the back pointers of steps
// from + 1 .. to (`back` holds those of steps from + 1 on).
void follow_back(std::vector<std::uint16_t>& path, const std::vector<std::uint16_t>& back, std::size_t states,
                 std::size_t from, std::size_t to) {
  for (std::size_t t = to; t > from; --t) path[t - 1] = back[(t - from - 1) * states + path[t]];
}

}  // namespace

DecodePoints decode_points(double points) { return std::llround(points * 1000.0); }

void decode(std::size_t k, std::vector<std::uint32_t> steps, const StepScorer& scorer, DecodeTrace& out) {
  out = {};
  out.speakers = k;
  out.steps = std::move(steps);
  const std::size_t n = out.steps.size();
  if (n == 0 || k == 0) return;
  Decoder decoder(k, scorer);
  const std::size_t states = decoder.states();
  std::vector<std::uint16_t> back((n - 1) * states, 0);
  out.checkpoints.assign(((n - 1) / kCheckpointSteps + 1) * states, kNone);
  std::vector<DecodePoints> forward;
  decoder.start(forward);
  keep_checkpoint(out.checkpoints, 0, forward);
  for (std::size_t t = 1; t < n; ++t) {
    decoder.step(t, forward, &back[(t - 1) * states]);
    if (t % kCheckpointSteps == 0) keep_checkpoint(out.checkpoints, t, forward);
  }
  out.last = std::move(forward);
  out.steps_decoded = n;
  out.path.assign(n, 0);
  out.path[n - 1] = best_state(out.last);
  follow_back(out.path, back, states, 0, n - 1);
}

void decode_again(const DecodeTrace& before, std::size_t first_changed, std::size_t last_changed,
                  const StepScorer& scorer, DecodeTrace& out) {
  const std::size_t k = before.speakers;
  const std::size_t n = before.steps.size();
  out = {};
  out.speakers = k;
  out.steps = before.steps;
  out.checkpoints = before.checkpoints;
  out.last = before.last;
  out.path = before.path;
  if (n == 0 || k == 0) return;
  Decoder decoder(k, scorer);
  const std::size_t states = decoder.states();
  std::size_t decoded = 0;

  // Forward from the last checkpoint before the first change (the steps up
  // to it are the previous decode's) to the first checkpoint after the
  // changes where the scores are the previous decode's again, or the end.
  std::vector<DecodePoints> forward;
  std::size_t from = 0;  // the step whose forward scores the pass starts from
  if (first_changed == 0) {
    decoder.start(forward);
    keep_checkpoint(out.checkpoints, 0, forward);
    ++decoded;
  } else {
    from = (first_changed - 1) / kCheckpointSteps * kCheckpointSteps;
    forward = checkpoint(before.checkpoints, from, states);
  }
  std::vector<std::uint16_t> back;
  std::size_t to = from;  // the last step decoded
  bool rejoined = false;
  while (to + 1 < n) {
    ++to;
    back.resize((to - from) * states);
    decoder.step(to, forward, &back[(to - from - 1) * states]);
    ++decoded;
    if (to % kCheckpointSteps != 0) continue;
    if (to >= last_changed && at_checkpoint(before.checkpoints, to, forward)) {
      rejoined = true;  // from here on the back pointers and the end are the previous decode's: so is the path
      break;
    }
    keep_checkpoint(out.checkpoints, to, forward);
  }
  if (!rejoined) {
    out.last = std::move(forward);
    out.path[n - 1] = best_state(out.last);
  }
  follow_back(out.path, back, states, from, to);
  // Before `from` the back pointers are the previous decode's: the path is
  // the previous one from the first step where they meet; until then, the
  // back pointers of the checkpoint stretch before are made again.
  while (from > 0 && out.path[from] != before.path[from]) {
    const std::size_t start = from - kCheckpointSteps;
    forward = checkpoint(before.checkpoints, start, states);
    back.assign(kCheckpointSteps * states, 0);
    for (std::size_t t = start + 1; t <= from; ++t) decoder.step(t, forward, &back[(t - start - 1) * states]);
    decoded += kCheckpointSteps;
    follow_back(out.path, back, states, start, from);
    from = start;
  }
  out.steps_decoded = decoded;
}

}  // namespace bitext::detail
