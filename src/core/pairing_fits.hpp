// What pairing learns from a document before solving it: the typical length
// ratio of its two languages, and how often their sentence and clause counts
// agree. Fitted over adjacent lines of the two languages, so a document that
// translates loosely gets weaker evidence from lengths and counts.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "bitext/script.hpp"
#include "pairing_items.hpp"
#include "pairing_memo.hpp"
#include "pairing_units.hpp"

namespace bitext::detail {

// The document's length ratio: ln(weight of script 2) - ln(weight of script 1)
// over adjacent lines that alternate between the two scripts in one direction
// or the other; the direction that agrees better (smaller spread) is the
// pairing, the other straddles pairs.
struct PairLengthFit {
  double log_ratio = 0.0;  // typical ln(weight of script 2) - ln(weight of script 1)
  double spread = 0.3;     // mean absolute deviation of that log ratio
  bool forward = true;     // pairs are script 1 then script 2 (as far as lengths tell)
};

PairLengthFit fit_lengths(const std::vector<Item>& items, double median1, double median2);

// A line's span of sentence counts: from its sentences alone (ICU) to its
// sentences, clauses and comma-separated parts.
struct SentenceSpan {
  std::uint32_t sentences = 1;  // at least
  std::uint32_t clauses = 1;    // at most: sentences, clauses and comma-separated parts
};

// Sentence spans of content items, computed when first needed: ICU
// segmentation is the costliest thing pairing does with a line, and only the
// fit's sample and the lines around two same-language lines need it.
class SentenceCounter {
 public:
  SentenceCounter(const std::vector<Item>& items, const UnitSequence& sequence, std::array<Script, 2> scripts,
                  RunMemo<SentenceSpan>* memo = nullptr);
  // Where spans are remembered across runs (one memo per thread that counts).
  void set_memo(RunMemo<SentenceSpan>* memo) { memo_ = memo; }

  SentenceSpan of(std::size_t item);
  // Two consecutive lines read as one: one sentence fewer when the break
  // falls inside a sentence, one clause fewer when it falls inside a clause
  // (or at an enumeration comma, which separates no clauses).
  SentenceSpan joined(std::size_t first, std::size_t second);

 private:
  const std::vector<Item>& items_;
  UnitSequence sequence_;
  std::array<Script, 2> scripts_;
  std::vector<SentenceSpan> spans_;
  std::vector<bool> counted_;
  RunMemo<SentenceSpan>* memo_ = nullptr;
};

inline constexpr int kSentenceGapLimit = 3;  // a larger gap counts as this

struct SentenceFit {
  std::array<double, 2 * kSentenceGapLimit + 1> gap_cost{};     // -log P(gap), gap = -limit..limit
  std::array<double, 2 * kSentenceGapLimit + 1> clause_cost{};  // -log P(clause difference)
  // log of P(the two sides have as many sentences) over P(one more on one side):
  // what an exact sentence count says in this document (0 when it says nothing).
  double count_evidence = 0.0;

  // Cost of a pair of a script-1 line and a script-2 line with these spans.
  double of(SentenceSpan one, SentenceSpan two) const;
};

// Fitted over adjacent lines of the two scripts in the direction the length
// fit found to be the pairing; at most a sample of them, evenly spread.
SentenceFit fit_sentences(const std::vector<Item>& items, bool forward, SentenceCounter& counter);

}  // namespace bitext::detail
