// Pairing step 4, assembly: the solve's segments as a Transcript, every
// document line with its kind and pair, the pairs' sides in roles.
#pragma once

#include <vector>

#include "bitext/script.hpp"
#include "bitext/transcript.hpp"
#include "pairing_items.hpp"
#include "pairing_solve.hpp"
#include "pairing_units.hpp"
#include "unit_reading.hpp"

namespace bitext::detail {

// `lines`: one unit per document line (byte range and profile); `units`: what
// was paired, each covering lines [first_line, last_line]; in the line layout
// the two are the same.
struct AssemblyInput {
  UnitSequence lines;
  UnitSequence units;
  const std::vector<UnitReading>& readings;  // per unit
};

// Every line with its range, profile and kind before pairing (blank, markup,
// or front matter until paired); no pairs.
Transcript unpaired_transcript(const AssemblyInput& input);

// A document that is not bilingual: every content unit is front matter, so
// the outline still shows the text; no findings follow.
Transcript monolingual_transcript(const AssemblyInput& input, Script language);

// The solution in `orientation` of the document in `scripts` (script 1, script 2).
Transcript assemble_transcript(const AssemblyInput& input, const std::vector<Item>& items, const Solution& solution,
                               const Orientation& orientation, std::array<Script, 2> scripts);

}  // namespace bitext::detail
