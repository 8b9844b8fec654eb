// Pairing step 3, the solve: a dynamic programme that segments the content
// items into front matter, pairs and back matter, in that order. Pairs: both
// sides in the orientation's order (1-1), swapped, a lone line of either side
// (1-0, 0-1), and a side of two lines (2-1, 1-2: a split line or a duplicated
// one). Costs (pairing_costs.hpp) follow Gale–Church in spirit: a prior per
// segment kind plus a length term against the document's own typical lengths,
// so one missing line costs one segment and every later pair still pairs as
// before. Linear in the number of items, three states per item.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "bitext/lexicon.hpp"
#include "pairing_costs.hpp"
#include "pairing_fits.hpp"
#include "pairing_items.hpp"
#include "pairing_units.hpp"

namespace bitext::detail {

enum class SegmentKind : std::uint8_t {
  None,
  Start,
  FromFront,      // leaving the header: no item consumed
  FrontFirst,     // first header line
  Front,          // a further header line
  BackFirst,      // first footer line (from the body)
  Back,           // a further footer line
  Pair,           // first side, second side
  Swapped,        // second side, first side
  FirstOnly,      // the second side is missing
  SecondOnly,     // the first side is missing
  FirstDoubled,   // two first-side lines, one second-side line
  SecondDoubled,  // one first-side line, two second-side lines
};

struct Segment {
  SegmentKind kind = SegmentKind::None;
  std::uint32_t first_item = 0;
};

// Which language comes first in a pair, and which side is the translation.
struct Orientation {
  Label first = kScript1;  // language of the side that comes first in a pair
  Label second = kScript2;
  bool translation_first = true;  // role of the first side
};

// The text evidence of a split candidate (Aligner::doubled_cost): terms
// that depend only on the three lines' texts, remembered across runs.
struct SplitEvidence {
  double breaks = 0.0, names = 0.0, numbers = 0.0, words = 0.0;
  bool lower_right = false;  // weighed per document (Aligner::weigh_lower_case)
  bool heading_pair = false;  // the other part and the partner: headings of one number (Aligner::doubled_cost)
};

struct Solution {
  double cost = pairing_cost::kInfinity;
  std::vector<Segment> segments;  // in document order
};

// What the solve knows of the document, fitted once for every orientation tried.
struct SolveInput {
  UnitSequence sequence;
  const std::vector<Item>& items;
  std::array<double, 2> medians;  // median weight of script 1, script 2
  std::array<bool, 2> cased;      // script 1, script 2: has upper and lower case
  PairLengthFit lengths;
  SentenceCounter& sentences;     // computes spans lazily, hence not const
  SentenceFit sentence_fit;
  // The dictionary when the document is Chinese/English and one is loaded,
  // else null; which of script 1, script 2 is the Chinese one.
  const Lexicon* lexicon = nullptr;
  std::array<bool, 2> chinese{};
  RunMemo<SplitEvidence>* split_memo = nullptr;  // one per thread that solves; null: compute every time
};

Solution solve_pairing(const SolveInput& input, const Orientation& orientation);

}  // namespace bitext::detail
