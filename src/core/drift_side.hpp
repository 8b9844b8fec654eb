// Which side of a drift its preferred fix moves: the drifted text back, or
// the other language's matching text along (the mirror). Both pair the lines
// alike; what tells them apart is read here from the lines' shapes, the words
// and the discourse around the cut (content stage 4a's choice, used by
// content_realign_findings.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "content_stages.hpp"

namespace bitext::content {

// What a drift's findings read of its two lines beyond their text: the source
// line's cut points and both lines' shape. Measured again from the text (the
// sweep's features are gone by now, and most of them are not needed here).
struct DriftLines {
  LineFeatures source;  // with its cuts
  LineFeatures dest;    // the outline
  CutPoint cut;         // where the drift cuts the source line
};
DriftLines drift_lines(const PairTable& table, const Alternative& drift);
// The text a drift moves, read before the move.
std::string_view moved_text(const PairTable& table, const Alternative& drift, const DriftLines& lines);

// How many keys two sorted lists of unique word keys share.
std::size_t shared_keys(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Whether the mirror of the strongest move `best` (the other language's
// matching text moved the other way) is the move that undoes the drift. Both
// pair the lines alike; the one that undoes it leaves the lines of its
// language their usual shape and puts the sentence with the pair whose words
// it shares and whose discourse it continues. All terms are in nats: the
// pairing evidence less the change of the line-shape cost, and each word the
// moved texts share with the rest of the pair a move puts them in, and each
// discourse cue for that pair, counts for that move by the document's kind:
// a nat in prose paragraphs, a dictionary word's half nat in turns
// (cohesion_weight). A move that leaves a footnote's body inside a line of a
// page's list of footnotes is never the one.
bool mirror_undoes_drift(const PairTable& table, const Alternative& best, const DriftLines& best_lines,
                         const Alternative& mirror, const DriftLines& mirror_lines);

}  // namespace bitext::content
