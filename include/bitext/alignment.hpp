// The content model behind the alignment checks: per-line features (length,
// numbers, carried-over tokens, places where a line can be cut), the cost of
// pairing a translation text with an original text, and local re-pairings of
// a stretch of pairs (rotations of a block of lines, moves of a sentence across
// the boundary of two pairs, merges of two pairs) with the evidence for each.
// A detector is an aligner that compares the given pairing with the best local
// alternative: the evidence is the cost saved, in nats.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "bitext/numbers.hpp"
#include "bitext/tokens.hpp"

namespace bitext {

// A place where a line can be cut in two: [0, head_end) stays, [tail_begin,
// size) moves (the whitespace between them is dropped and re-created).
struct CutPoint {
  std::size_t head_end = 0;
  std::size_t tail_begin = 0;
  double head_length = 0;  // length measure of [0, head_end)
  bool sentence = false;   // a sentence boundary (otherwise a clause boundary)
};

// Carried-over tokens reduced to hashed keys for fast exact matching (the
// alignment costs compare many pairings; tokens.hpp's graded comparison is
// kept for the token findings).
struct TokenKeys {
  std::vector<std::uint64_t> present;  // every token key, and adjacent tokens joined ("hugging"+"face"); sorted
  std::vector<std::uint64_t> names;    // keys a faithful partner line must contain if this is a translation
  std::vector<std::uint64_t> carried;  // keys a faithful translation must contain if this is an original (must_carry)
};
TokenKeys token_keys(std::span<const LatinToken> tokens);
std::uint64_t token_key_hash(std::string_view key);

struct LineFeatures {
  double length = 0;  // length measure, see line_length()
  bool spaced = true;  // words separated by spaces (Latin, ...), not CJK
  bool ends_sentence = false;  // ends with sentence-final punctuation
  bool starts_lower = false;   // starts with a lower-case Latin letter (a continued sentence)
  std::vector<NumberMention> numbers;
  std::vector<LatinToken> tokens;
  TokenKeys keys;
  std::vector<std::uint64_t> token_hashes;   // hash of each token's key, as in TokenKeys
  std::vector<std::uint64_t> joined_hashes;  // ... joined with the next adjacent token's key, or 0
  std::vector<CutPoint> cuts;  // in text order
};

// Length measure of a piece of text in "English characters": a CJK character
// counts the document's ratio `c` later, so here one CJK character counts 1;
// Latin letters and digits inside a CJK line count 1/3 each (a name carried
// into a Chinese line is not Chinese text); in spaced text every code point
// counts 1 and runs of whitespace count 1.
double line_length(std::string_view text, bool spaced);

LineFeatures line_features(std::string_view line);

// Per-document fit of the Gale–Church model o ≈ c·t with variance s²·t, where
// t is the translation's length measure and o the original's.
struct LengthFit {
  double ratio = 3.3;      // c: original units per translation unit
  double variance = 20;    // s²
  std::size_t samples = 0;
  bool operator==(const LengthFit&) const = default;
};
// Robust: median ratio and a MAD-based spread, pulled toward the priors for
// short documents. Rounded so that one edited pair rarely changes the fit.
LengthFit fit_length_model(std::span<const double> translation_lengths,
                           std::span<const double> original_lengths, bool translation_is_cjk);

// Standardised length residual of pairing t with o: (o - c·t)/sqrt(s²·t').
double length_residual(double t, double o, const LengthFit& fit);
// Cost (nats above a perfect fit) of a residual, with a heavy tail so that a
// free translation costs a lot less than a misalignment.
double residual_cost(double residual);

// Lexical consistency of a translation text with an original text: strong
// numbers without counterpart and carried tokens without a match.
struct LexicalCheck {
  int unmatched_numbers = 0;  // both sides
  int matched_numbers = 0;
  int unmatched_tokens = 0;   // translation names missing from the original, must-carry originals missing
  int matched_tokens = 0;
};
LexicalCheck check_lexical(std::span<const NumberMention> translation_numbers,
                           std::span<const NumberMention> original_numbers, const TokenKeys& translation_keys,
                           const TokenKeys& original_keys);
// Cost of a lexical check in nats: each unmatched item costs, each match
// earns a little (two lines sharing 1.6亿 and $160,000,000 belong together).
double lexical_cost(const LexicalCheck& check);

}  // namespace bitext
