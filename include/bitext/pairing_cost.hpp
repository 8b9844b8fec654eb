// The cost model of the content checks: per-line features (length, numbers,
// carried-over tokens, places where a line can be cut) and the cost, in nats,
// of pairing a translation text with an original text. The content stages
// (src/core/content_stages.hpp) compare the given pairing with local
// alternatives under this model; the aligner that makes the pairing is
// pairing.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "bitext/length.hpp"
#include "bitext/lexicon.hpp"
#include "bitext/numbers.hpp"
#include "bitext/script.hpp"
#include "bitext/tokens.hpp"

namespace bitext {

// A place where a line can be cut in two: [0, head_end) stays, [tail_begin,
// size) moves (the whitespace between them is dropped and re-created).
struct CutPoint {
  std::size_t head_end = 0;
  std::size_t tail_begin = 0;
  double head_length = 0;  // length measure of [0, head_end)
  bool sentence = false;   // a sentence boundary (otherwise a clause boundary)
  bool label = false;      // before a section number inside the line (a heading starts there)
  int head_sentences = 0;  // sentences (or parts of one) in [0, head_end)
  int head_questions = 0;  // question marks in [0, head_end)
  int tail_sentences = 0;  // ... in [tail_begin, size)
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
  double length = 0;  // length.hpp's measure, as a line of its side's script
  bool spaced = true;  // words separated by spaces (Latin, ...), not CJK
  int sentences = 1;           // sentence boundaries + 1
  int questions = 0;           // question marks (? and ？): questions stay questions in translation
  bool ends_sentence = false;  // ends with sentence-final punctuation
  bool starts_lower = false;   // starts with a lower-case Latin letter (a continued sentence)
  std::vector<NumberMention> numbers;
  std::vector<LatinToken> tokens;
  TokenKeys keys;
  std::vector<std::uint64_t> token_hashes;   // hash of each token's key, as in TokenKeys
  std::vector<std::uint64_t> joined_hashes;  // ... joined with the next adjacent token's key, or 0
  std::vector<CutPoint> cuts;  // in text order
  // Content words for the lexical signal (lexicon.hpp), in text order; filled
  // by the content stages for a Chinese/English document when a dictionary
  // is loaded, empty otherwise (signal off).
  ResolvedWords words;
};

// `script` is the script of the line's side in the transcript (its
// translation or original script): lengths are measured as that script's
// lines whatever the line's own dominant script; Script::None measures by the
// line's dominant script. Spacing and cut points follow the line's own text.
LineFeatures line_features(std::string_view line, Script script = Script::None);

// The same line's length, spacing, sentence and question counts and how it
// ends and starts, exactly as line_features has them, without its numbers,
// tokens and cut points (a fraction of the cost: what the document fits need).
LineFeatures line_outline(std::string_view line, Script script = Script::None);

// line_outline's figures and the line's dominant script (classify_script's,
// which picks the sentence rules): with the line's sentence boundaries, what
// line_features reads again after line_outline (ICU's sentence iterator is
// the larger part of both). A stage that outlines every line before it takes
// their features hands each line's outline on.
struct LineOutline {
  double length = 0;
  bool spaced = true;
  int sentences = 1;
  int questions = 0;
  bool ends_sentence = false;
  bool starts_lower = false;
  Script dominant = Script::None;
};
// The outline of `line`; appends the offsets of its sentence boundaries
// (find_sentence_boundaries(line, dominant)'s) to `sentence_offsets`, unless
// the line is longer than they can say (4 GiB).
LineOutline read_outline(std::string_view line, Script script, std::vector<std::uint32_t>& sentence_offsets);
// line_features(line, script), given read_outline(line, script, ...) and the
// offsets it appended.
LineFeatures line_features(std::string_view line, Script script, const LineOutline& outline,
                           std::span<const std::uint32_t> sentence_offsets);

// The outline with the cut points, each measured as line_features measures
// it, without the numbers and tokens (what a drift's findings read).
LineFeatures line_cut_features(std::string_view line, Script script = Script::None);

// A cut of `line` (whose features are `features`) at a place no punctuation
// offers, after its first `head_end` bytes (a drift cut chosen by the words):
// measured as line_features measures its own cuts; a clause cut.
CutPoint cut_at(const LineFeatures& features, std::string_view line, Script script, std::size_t head_end);

// The document's length model (length.hpp's robust fit), rounded so that one
// edited pair rarely changes it: a re-analysis then keeps the results of the
// windows it did not touch.
LengthRatioModel document_length_model(std::span<const LengthPair> pairs, Script translation, Script original);

// Cost (nats above a perfect fit) of a Gale–Church δ (length_delta), with a
// heavy tail: a mixture of the Gaussian and a wide one, so that one freely
// translated pair costs far less than under the Gaussian alone and cannot
// outweigh the evidence of its neighbours.
double residual_cost(double delta);

// Sentence counts: translators mostly keep one sentence for one sentence, so
// the difference n(original) - n(translation) of a pair is mostly the same
// small number in a document. Its per-document distribution (clipped to
// ±kCountSpan, add-one smoothed) gives a cost per pair; a sentence moved into
// the neighbouring pair changes the difference of both pairs.
inline constexpr int kCountSpan = 3;
struct SentenceCountModel {
  double cost[2 * kCountSpan + 1] = {};  // by difference + kCountSpan, nats above the most common difference
  double of(int difference) const {
    const int clipped = difference < -kCountSpan ? -kCountSpan : difference > kCountSpan ? kCountSpan : difference;
    return cost[clipped + kCountSpan];
  }
  bool operator==(const SentenceCountModel&) const = default;
};
// Rounded to 0.25 nats so that one edited pair rarely changes it.
SentenceCountModel fit_sentence_counts(std::span<const int> differences);

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
