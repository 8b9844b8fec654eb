// What the pairing steps work on: a document cut into units (a line each in
// the line layout; a layout reader may cut differently, e.g. a paragraph over
// several lines or the text lines of a subtitle cue) with their byte ranges.
// Every step takes units, never the LineIndex, so that any reader can feed them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "bitext/script.hpp"

namespace bitext::detail {

struct TextUnit {
  std::size_t begin = 0;         // byte range of the unit's content in the document
  std::size_t end = 0;
  std::uint32_t first_line = 0;  // document lines the unit covers (a line unit: first == last)
  std::uint32_t last_line = 0;
};

// The units of a document and its text: what a reader hands to pairing.
struct UnitSequence {
  std::string_view text;
  std::span<const TextUnit> units;
  std::span<const ScriptProfile> scripts;  // one per unit: the profile of its text (blank: empty)
  // One per unit, or empty: a pair never joins units of two groups, and no
  // unit is header or footer (a subtitle cue is a group: every text is in one).
  std::span<const std::uint32_t> groups = {};
  // The order of the two sides may change from pair to pair (Markdown notes
  // put each speaker's own language first): a pair in the other order is a
  // pair, not a swap.
  bool order_per_pair = false;

  std::string_view text_of(std::size_t unit) const {
    return text.substr(units[unit].begin, units[unit].end - units[unit].begin);
  }
  const ScriptProfile& script_of(std::size_t unit) const { return scripts[unit]; }
  bool grouped() const { return !groups.empty(); }
  std::uint32_t group_of(std::size_t unit) const { return unit < groups.size() ? groups[unit] : 0; }
};

}  // namespace bitext::detail
