#include "speaker_decode.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace bitext::detail {
namespace {

constexpr DecodePoints kNone = std::numeric_limits<DecodePoints>::min();
// A rejoin is looked for at these steps only: they are the forward scores kept.
constexpr std::size_t kCheckpointSteps = 16;

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

// The path back from the best final state.
void trace_back(DecodeTrace& trace) {
  const std::size_t k = trace.speakers;
  const std::size_t states = k * (k + 1);
  const std::size_t n = trace.steps.size();
  trace.speaker_of.assign(n, -1);
  trace.listener_of.assign(n, -1);
  std::size_t state = static_cast<std::size_t>(std::max_element(trace.last.begin(), trace.last.end()) - trace.last.begin());
  for (std::size_t t = n; t-- > 0;) {
    trace.speaker_of[t] = static_cast<std::int32_t>(state / (k + 1));
    const std::size_t q = state % (k + 1);
    trace.listener_of[t] = q == k ? -1 : static_cast<std::int32_t>(q);
    if (t > 0) state = trace.back[t * states + state];
  }
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
  out.back.assign(n * states, 0);
  out.checkpoints.assign(((n - 1) / kCheckpointSteps + 1) * states, kNone);
  std::vector<DecodePoints> forward;
  decoder.start(forward);
  keep_checkpoint(out.checkpoints, 0, forward);
  for (std::size_t t = 1; t < n; ++t) {
    decoder.step(t, forward, &out.back[t * states]);
    if (t % kCheckpointSteps == 0) keep_checkpoint(out.checkpoints, t, forward);
  }
  out.last = std::move(forward);
  out.steps_decoded = n;
  trace_back(out);
}

void decode_again(const DecodeTrace& before, std::size_t first_changed, std::size_t last_changed,
                  const StepScorer& scorer, DecodeTrace& out) {
  const std::size_t k = before.speakers;
  const std::size_t n = before.steps.size();
  out.speakers = k;
  out.steps = before.steps;
  out.back = before.back;
  out.checkpoints = before.checkpoints;
  out.last = before.last;
  if (n == 0 || k == 0) return;
  Decoder decoder(k, scorer);
  const std::size_t states = decoder.states();
  std::vector<DecodePoints> forward;
  std::size_t t = 0;
  if (first_changed == 0) {
    decoder.start(forward);
    keep_checkpoint(out.checkpoints, 0, forward);
    t = 1;
  } else {
    // From the last checkpoint before the first change: the steps up to it are the previous decode's.
    t = (first_changed - 1) / kCheckpointSteps * kCheckpointSteps;
    forward.assign(before.checkpoints.begin() + static_cast<std::ptrdiff_t>(t / kCheckpointSteps * states),
                   before.checkpoints.begin() + static_cast<std::ptrdiff_t>((t / kCheckpointSteps + 1) * states));
    ++t;
  }
  std::size_t decoded = 0;
  bool rejoined = false;
  for (; t < n; ++t) {
    decoder.step(t, forward, &out.back[t * states]);
    ++decoded;
    if (t % kCheckpointSteps != 0) continue;
    if (t >= last_changed && at_checkpoint(before.checkpoints, t, forward)) {
      rejoined = true;  // the forward scores from here on, the back pointers and the end are the previous decode's
      break;
    }
    keep_checkpoint(out.checkpoints, t, forward);
  }
  if (!rejoined) out.last = std::move(forward);
  out.steps_decoded = decoded;
  trace_back(out);
}

}  // namespace bitext::detail
