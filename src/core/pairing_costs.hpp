// The cost model of the pairing solve, in one place because its constants
// only make sense against each other.
#pragma once

#include <limits>

namespace bitext::detail::pairing_cost {

// Units: roughly nats. The length term of a pair is |log length ratio − the
// document's typical log ratio| / the document's spread (both fitted before
// pairing), capped. Relations that matter (each keeps a case right):
// - kSwapped in (kMissing, 2·kMissing): "T O | O T | T O" is one swap, not two
//   missing lines; "T O O T O T" is two missing lines, not two swaps.
// - kWrongLanguage in (kMissing, 2·kMissing): "T O | O' O | T O" is one
//   untranslated pair, not two missing translations; "T O O T O" is one
//   missing translation.
// - kCopied (a translation slot holding an exact copy of its original) below
//   a header of two lines (kMatterEnter + 2·kMatterLine) and below a doubled
//   line with a lone one (kDuplicate + kMissing): "O O | T O" is one pair
//   left untranslated, not a header, nor a duplicate that turns the order
//   and leaves the last line alone; above kDuplicate + kLengthCap − kMatterEnter
//   − kMatterLine, so "T O O | T O" stays a duplicated original even when T
//   is a short heading that could be a header and fits O badly by length.
// - Split vs missing: the same prior; what decides is whether the two parts
//   together fit the partner better than the second part alone (length), and
//   how the text looks at the break: a left part that does not end a sentence
//   or a right part that starts in lower case is a split; and Latin names in
//   the parts that the partner does or does not carry over.
// - Header / footer: entering costs kMatterEnter, each line kMatterLine plus a
//   length term; a single typical-length lone line (6 + 1 + ~4.2) is dearer
//   than one missing line (10), a short one (7) or a run of two or more lines
//   (≤ 6 + 2·5.2 < 20) is cheaper than that many missing lines. The line
//   next to the pairs costs kMatterSentence more if it ends like a sentence
//   rather than a title, so alone it is always dearer than a missing line
//   (6 + 1 + 4 > 10): a first or last pair that lost a line is reported. A header
//   or footer that alternates languages looks like pairs: each change of
//   language inside one costs kMatterAlternation, and up to kMatterPairLike
//   more the better the two lines fit as a pair by length, so that a swapped pair
//   near the end is not swallowed by the footer.
// - Sentence counts: two lines of one side read as one against the partner,
//   compared with the other part alone, never outweigh a structural bead.
inline constexpr double kMissing = 10.0;
inline constexpr double kSwapped = 14.0;
// Where the order may change per pair: a pair in the other order costs this
// instead of kSwapped, only enough for ties to keep the document's own order.
inline constexpr double kOrderChange = 1.0;
inline constexpr double kWrongLanguage = 12.0;
inline constexpr double kCopied = 5.0;  // the translation slot holds its original's exact text
inline constexpr double kSplit = 10.0;             // 2-1 / 1-2 of two different lines
inline constexpr double kBreakInSentence = 3.0;   // split bonus: the break falls inside a sentence
inline constexpr double kBreakAtQuestion = 0.5;   // split malus: the left part ends with a question (often a turn)
inline constexpr double kSharedNames = 3.0;       // names carried over (or not) between a questioned part and the partner
inline constexpr double kSharedNumbers = 3.0;     // numbers found (or not) in the partner, likewise
inline constexpr double kSharedWords = 3.0;       // dictionary words with (or without) a counterpart, likewise
inline constexpr double kSharedWordEach = 1.5;    // ... per word, up to kSharedWords
inline constexpr double kDuplicate = 3.0;          // 2-1 / 1-2 of two identical lines
inline constexpr double kLengthCap = 8.0;  // a length mismatch alone never outweighs a structural bead
inline constexpr double kMatterEnter = 6.0;
inline constexpr double kMatterLine = 1.0;
inline constexpr double kMatterLength = 6.0;
inline constexpr double kMatterLengthCap = 1.5;
inline constexpr double kMatterSentence = 4.0;     // next to the pairs: a line that ends like a sentence, not a title
inline constexpr double kMatterAlternation = 5.0;  // per change of language inside a header or footer
inline constexpr double kMatterPairLike = 8.0;     // more for a change between two lines whose lengths pair
inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

inline constexpr double kSentenceEvidenceCap = 4.0;  // a count alone never outweighs a structural bead

}  // namespace bitext::detail::pairing_cost
