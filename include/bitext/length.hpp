// The length model of Gale & Church (1993), fitted per document.
//
// Lengths. Spaced scripts (English ...) count every code point, spaces and
// punctuation included, as Gale-Church does. Chinese and Japanese count CJK
// characters (Han, kana, Hangul) in full and Latin letters and digits at
// kLatinInCjkWeight each; punctuation, symbols and emoji do not count. Why:
// - a name or command carried over from the original ("Hugging Face",
//   "dpkg-buildpackage") has the same length on both sides, so counting it in
//   full makes the Chinese side look far too long; weighting it by about 1/c
//   puts it in Chinese-character units;
// - Chinese punctuation follows the Chinese sentence structure (， where
//   English has ". "), so it adds noise rather than signal.
// (Figures: docs/calibration.md.)
//
// Parameters. c is original characters per translation character; s² is the
// variance of (l2 - c·l1) per unit of length. A document's own ratio differs
// by genre, so c and s² are fitted per document (median ratio, MAD spread) and
// shrunk towards priors when the document has few pairs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "bitext/script.hpp"

namespace bitext {

inline constexpr double kLatinInCjkWeight = 0.35;

// Character classes of a line, as the length measure sees them.
struct CharacterCounts {
  std::uint32_t cjk = 0;          // Han, kana, Hangul, CJK symbols
  std::uint32_t latin = 0;        // letters and digits of other scripts (Latin, Cyrillic, ...)
  std::uint32_t punctuation = 0;  // punctuation and symbols, ASCII or full-width, emoji
  std::uint32_t spaces = 0;       // whitespace between the first and last non-space character
  std::uint32_t invalid = 0;      // invalid UTF-8 sequences (each would be one U+FFFD)
  bool operator==(const CharacterCounts&) const = default;
};
CharacterCounts count_characters(std::string_view line);

// Length of a line for the model: CJK measure for Script::Han and
// Script::Japanese, all characters for the others (see above). Leading and
// trailing whitespace never counts; an invalid sequence counts as one character.
double line_length(std::string_view line, Script script);
double line_length(const CharacterCounts& counts, Script script);

// c and s² of the Gale–Church length model (pairing.cpp has its own log-ratio model).
struct LengthRatioModel {
  double c = 3.5;   // expected original length per unit of translation length
  double s2 = 25.0; // variance of (l2 - c·l1) per unit length
  bool operator==(const LengthRatioModel&) const = default;
};

// Priors for a translation/original script pair. Chinese translation of an
// English original: c = 3.5, s² = 25 (middle of the published 2.9-4.0 and
// 12-36). The reverse direction is the same model seen from the other side
// (c' = 1/c, s'² = s²/c³). Two spaced scripts: Gale-Church's c = 1, s² = 6.8.
LengthRatioModel length_prior(Script translation, Script original);

struct LengthPair {
  double translation = 0;  // l1
  double original = 0;     // l2
};

struct LengthFit {
  LengthRatioModel model;       // shrunk towards the prior: what the cost functions should use
  LengthRatioModel raw;         // the document's own estimate (prior when no usable pair)
  std::size_t pairs_used = 0;  // pairs with both lengths > 0
};

// Robust fit: c = median of l2/l1; s² = (1.4826 · MAD of the residuals
// (l2 - c·l1)/√m)², m = (l1 + l2/c)/2. Both are shrunk towards the prior in
// log space with weight n / (n + prior_weight) (prior_weight in pseudo-pairs).
LengthFit fit_length_model(std::span<const LengthPair> pairs, const LengthRatioModel& prior,
                           double prior_weight = 20.0);

// Gale-Church δ = (l2 - c·l1) / √(s²·m) with m = (l1 + l2/c)/2 (symmetric, so
// that a bead with one empty side still has a finite δ); 0 when both are 0.
double length_delta(double l1, double l2, const LengthRatioModel& model);

// -log P(match | δ) with P = 2(1 - Φ(|δ|)); finite for every δ (an asymptotic
// expansion takes over where erfc underflows).
double match_cost(double l1, double l2, const LengthRatioModel& model);

}  // namespace bitext
