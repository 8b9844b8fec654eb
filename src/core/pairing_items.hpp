// The content units of a document as the solve sees them: which of the
// document's two languages each is in (or a placeholder, or a third script)
// and its weighted length.
#pragma once

#include <cstdint>
#include <vector>

#include "bitext/script.hpp"
#include "pairing_units.hpp"
#include "unit_reading.hpp"

namespace bitext::detail {

// Script 1 is the document's most frequent language, script 2 the other.
enum Label : std::uint8_t { kScript1, kScript2, kOtherScript, kTranslationPlaceholder, kOriginalPlaceholder };

struct Item {  // one content unit
  std::uint32_t unit = 0;
  Label label = kOtherScript;
  std::uint32_t weight = 0;  // weighted letters, at least 1
  double log_weight = 0.0;
  bool sentence_end = false;  // ends with a full stop, question or exclamation mark
  std::uint32_t group = 0;    // UnitSequence::groups: a segment never joins items of two groups
};

struct PairingItems {
  std::vector<Item> items;
  double median1 = 1.0;  // median weight of the script-1 items
  double median2 = 1.0;
};

// ln(value), 0 for 0.
double log_of(std::uint32_t value);

PairingItems pairing_items(const UnitSequence& sequence, const std::vector<UnitReading>& readings, Script script1,
                           Script script2);

}  // namespace bitext::detail
