// How much a drift's side choice trusts lexical cohesion and discourse cues:
// they are signals of paragraphs, and a document is read as paragraphs or as
// turns from its own dispersion of sentences per line (line_shape.cpp).
#include "content_stages.hpp"

namespace bitext::content {

// Words a moved sentence shares with a pair's rest (TextTiling) and discourse
// cues are evidence of the paragraph it belongs to. In prose, where a line is a
// paragraph of a varying count of sentences (the fitted ν near the Poisson's
// 1), each such word or cue names the side that restores the text about twice
// to four times as often as the other: odds of e, one nat. In turns of one or
// two sentences (ν near its cap kSentenceShapeWeight: transcripts, subtitles,
// short documentation lines) a turn answers the one before it and shares its
// words across the boundary, so a shared word there tells nothing more than
// chance: it keeps the half nat of a dictionary word. The line between the
// two is the middle of the range ν takes, (1 + 5) / 2; the document's ν is the
// mean of its two languages'.
double cohesion_weight(const LineShapeModel& shape) {
  constexpr double kParagraphWeight = 1.0;
  constexpr double kProseDispersion = (1.0 + kSentenceShapeWeight) / 2;
  const double dispersion = (shape.sentence_weight[0] + shape.sentence_weight[1]) / 2;
  return dispersion < kProseDispersion ? kParagraphWeight : kWordWeight;
}

}  // namespace bitext::content
