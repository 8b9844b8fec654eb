// The speaker decode's mechanics (src/core/speaker_decode.hpp) on made-up
// scores: dropping the states below their speaker's best gives the path the
// plain Viterbi gives, ties included, and a decode again after some steps'
// scores changed gives exactly what a decode of the new scores gives, having
// decoded only the steps up to where it rejoins the old path.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "core/speaker_decode.hpp"

using namespace bitext::detail;

namespace {

// Scores per step in a few values so that ties are frequent; a "strong" step
// (someone names themself) now and then makes the paths meet.
struct MadeUpScores {
  std::size_t k = 0;
  std::vector<StepScores> steps;

  MadeUpScores(std::size_t speakers, std::size_t n, std::mt19937& random) : k(speakers), steps(n) {
    for (StepScores& step : steps) randomise(step, random);
  }
  void randomise(StepScores& step, std::mt19937& random) const {
    step.emit.assign(k, 0);
    step.take_over.assign(k * k, 0);
    for (DecodePoints& e : step.emit) e = static_cast<DecodePoints>(random() % 5) * 500 - 1000;
    if (random() % 6 == 0) step.emit[random() % k] += 6000;
    step.stay = static_cast<DecodePoints>(random() % 5) * 500 - 1000;
    for (DecodePoints& t : step.take_over) t = random() % 3 == 0 ? 1500 : 0;
  }
  StepScorer scorer() const {
    return [this](std::size_t t, StepScores& out) {
      for (std::size_t b = 0; b < k; ++b) out.emit[b] = steps[t].emit[b];
      if (t == 0) return;
      out.stay = steps[t].stay;
      for (std::size_t i = 0; i < k * k; ++i) out.take_over[i] = steps[t].take_over[i];
    };
  }
};

std::vector<std::uint32_t> identity(std::size_t n) {
  std::vector<std::uint32_t> steps(n);
  for (std::size_t t = 0; t < n; ++t) steps[t] = static_cast<std::uint32_t>(t * 2);  // any pairs, in order
  return steps;
}

// The Viterbi as speaker inference ran it before: every state kept, the first
// best in loop order winning each comparison.
std::vector<std::int32_t> plain_viterbi(const MadeUpScores& scores) {
  const std::size_t k = scores.k;
  const std::size_t n = scores.steps.size();
  const std::size_t states = k * (k + 1);
  constexpr DecodePoints kNone = INT64_MIN;
  std::vector<DecodePoints> score(states, kNone), next(states, kNone);
  std::vector<std::size_t> back(n * states, 0);
  for (std::size_t s = 0; s < k; ++s) score[s * (k + 1) + k] = scores.steps[0].emit[s];
  for (std::size_t t = 1; t < n; ++t) {
    const StepScores& step = scores.steps[t];
    std::fill(next.begin(), next.end(), kNone);
    for (std::size_t a = 0; a < k; ++a)
      for (std::size_t q = 0; q <= k; ++q) {
        if (score[a * (k + 1) + q] == kNone) continue;
        for (std::size_t b = 0; b < k; ++b) {
          DecodePoints value = score[a * (k + 1) + q] + step.emit[b];
          std::size_t to = b * (k + 1) + a;
          if (b == a) {
            value += step.stay;
            to = a * (k + 1) + q;
          } else {
            value += step.take_over[a * k + b];
          }
          if (value > next[to]) {
            next[to] = value;
            back[t * states + to] = a * (k + 1) + q;
          }
        }
      }
    score.swap(next);
  }
  std::size_t state = static_cast<std::size_t>(std::max_element(score.begin(), score.end()) - score.begin());
  std::vector<std::int32_t> path(n * 2);
  for (std::size_t t = n; t-- > 0;) {
    path[t * 2] = static_cast<std::int32_t>(state / (k + 1));
    path[t * 2 + 1] = state % (k + 1) == k ? -1 : static_cast<std::int32_t>(state % (k + 1));
    if (t > 0) state = back[t * states + state];
  }
  return path;
}

std::vector<std::int32_t> path_of(const DecodeTrace& trace) {
  std::vector<std::int32_t> path;
  for (std::size_t t = 0; t < trace.steps.size(); ++t) {
    path.push_back(trace.speaker_at(t));
    path.push_back(trace.listener_at(t));
  }
  return path;
}

}  // namespace

TEST_CASE("the decode without the states below their speaker's best finds the plain Viterbi's path, ties included") {
  std::mt19937 random(11);
  for (int run = 0; run < 60; ++run) {
    const std::size_t k = 1 + static_cast<std::size_t>(run % 4);
    const MadeUpScores scores(k, 1 + random() % 150, random);
    DecodeTrace trace;
    decode(k, identity(scores.steps.size()), scores.scorer(), trace);
    CAPTURE(run);
    CHECK(path_of(trace) == plain_viterbi(scores));
    CHECK(trace.steps_decoded == scores.steps.size());
  }
}

TEST_CASE("a decode again after some steps changed is the decode of the new scores, and stops where it rejoins") {
  std::mt19937 random(5);
  std::size_t decoded_again = 0;
  std::size_t steps_total = 0;
  std::size_t paths_changed = 0;
  for (int run = 0; run < 80; ++run) {
    const std::size_t k = 2 + static_cast<std::size_t>(run % 3);
    const std::size_t n = 40 + random() % 400;
    MadeUpScores scores(k, n, random);
    DecodeTrace before;
    decode(k, identity(n), scores.scorer(), before);
    // One step changed (as typing changes one pair, whose step and the next
    // score again), or two far apart.
    std::size_t first = random() % n;
    std::size_t last = std::min(n - 1, first + 1);
    scores.randomise(scores.steps[first], random);
    scores.randomise(scores.steps[last], random);
    if (run % 5 == 0) {
      last = std::min(n - 1, last + random() % 200);
      scores.randomise(scores.steps[last], random);
    }
    DecodeTrace again;
    decode_again(before, first, last, scores.scorer(), again);
    DecodeTrace fresh;
    decode(k, identity(n), scores.scorer(), fresh);
    CAPTURE(run);
    CAPTURE(first);
    CAPTURE(last);
    CHECK(path_of(again) == path_of(fresh));
    CHECK(again.path == fresh.path);
    CHECK(again.checkpoints == fresh.checkpoints);
    CHECK(again.last == fresh.last);
    CHECK(path_of(fresh) == plain_viterbi(scores));
    paths_changed += path_of(before) != path_of(fresh) ? 1 : 0;
    decoded_again += again.steps_decoded;
    steps_total += n;
    // And again from that one: a trace made by decode_again lends as well as decode's.
    scores.randomise(scores.steps[n / 2], random);
    DecodeTrace third;
    decode_again(again, n / 2, std::min(n - 1, n / 2 + 1), scores.scorer(), third);
    decode(k, identity(n), scores.scorer(), fresh);
    CHECK(path_of(third) == path_of(fresh));
    CHECK(third.path == fresh.path);
    CHECK(third.checkpoints == fresh.checkpoints);
  }
  CHECK(paths_changed > 20);                 // the changes mattered
  CHECK(decoded_again * 4 < steps_total);    // and were decoded where they mattered only
}
