// Which side of a boundary drift moved. A sentence that drifted across the
// boundary of two pairs in one language can be repaired two ways: move it back
// in the language that moved, or move the matching text of the other language
// so that the pairs agree again. Both leave consistent pairs, so the pairing
// cost cannot tell them apart; only the first restores the text. What differs
// is the shape of the lines themselves: a drift leaves one line of its
// language a sentence short and the next a sentence long, and moving it back
// returns them to their usual size, while the mirror move unbalances the
// other language's lines too.
//
// The shape cost of a line (nats, lower is more usual):
// - sentences: ν·log(n!) — sentences spread over lines as a Conway–Maxwell–
//   Poisson count, so that moving a sentence from a line of n to a line of m
//   changes the cost by ν·log((m + 1) / n): balanced lines are likelier. ν is
//   the document's own dispersion of sentences per line (its mean over its
//   variance, at most 5): a transcript whose lines hold one or two sentences
//   each makes a three-sentence line unusual, while paragraphs of prose,
//   whose counts vary widely, say little by theirs (fit_sentence_dispersion);
// - length: ½z² of the line's log length against its language's lines in this
//   document (median and MAD spread). Fitted from n lines, the centre and
//   spread are themselves uncertain: the cost is then that of the predictive
//   Student t (n − 1 degrees of freedom, scale widened by √(1 + 1/n)), which
//   grows only logarithmically far out when n is small and tends to ½z² as n
//   grows, so a 3-pair document's length fit cannot outweigh its other terms.
// The preferred move is the one with the larger pairing evidence less shape
// change (both in nats); measured in docs/calibration.md.
#pragma once

#include <span>

namespace bitext {

inline constexpr double kLineShapeMinSpread = 0.15;
inline constexpr double kSentenceShapeWeight = 5.0;  // ν where lines hold nearly the same count of sentences

struct LineShapeModel {
  double centre[2] = {0, 0};  // median log length: [0] translations, [1] originals
  double spread[2] = {1, 1};  // 1.4826 · MAD of the log lengths, at least kMinSpread
  int lines[2] = {0, 0};       // how many lines the fit read; 0: centre and spread given, not fitted (½z²)
  // ν of the sentence term ν·log(n!) of each side (fit_sentence_dispersion; the fixed weight if not fitted)
  double sentence_weight[2] = {kSentenceShapeWeight, kSentenceShapeWeight};
  bool operator==(const LineShapeModel&) const = default;
};

// Fit from the lengths (length.hpp's measure) of the non-empty lines of each side.
LineShapeModel fit_line_shape(std::span<const double> translation_lengths, std::span<const double> original_lengths);

// The sentence term's ν read from the document's own lines (sentences per
// non-empty line of each side): ν = mean / variance, as a Conway–Maxwell–
// Poisson's dispersion (1 for sentences spread at random, more where lines
// hold nearly the same count, less where they vary widely), at most
// kSentenceShapeWeight.
void fit_sentence_dispersion(LineShapeModel& model, std::span<const int> translation_sentences,
                             std::span<const int> original_sentences);

// Shape cost of one line of the translation (translation = true) or original side.
double line_shape_cost(const LineShapeModel& model, bool translation, double length, int sentences);

}  // namespace bitext
