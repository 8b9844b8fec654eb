#include "unit_reading.hpp"

#include <algorithm>
#include <cstdint>

#include "bitext/speaker_labels.hpp"
#include "front_matter.hpp"
#include "line_facts.hpp"
#include "line_end_marks.hpp"
#include "run_beside.hpp"

namespace bitext::detail {

constexpr std::size_t kMaxOwnLineLabel = 160;  // bytes: a name, markup and a timestamp

Placeholders::Placeholders(const CheckOptions& options)
    : translation(trim(options.translation_placeholder)), original(trim(options.original_placeholder)) {
  shortest = std::min(translation.empty() ? SIZE_MAX : translation.size(),
                      original.empty() ? SIZE_MAX : original.size());
}

UnitReading read_unit(std::string_view text, const ScriptProfile& script, bool first, const Placeholders& placeholders) {
  if (is_blank(text)) return {UnitClass::Blank, false};
  if (text.size() >= placeholders.shortest) {
    const std::string_view trimmed = trim(text);
    const bool translation_mark = !placeholders.translation.empty() && trimmed == placeholders.translation;
    if (translation_mark || (!placeholders.original.empty() && trimmed == placeholders.original))
      return {translation_mark ? UnitClass::TranslationMark : UnitClass::OriginalMark,
              ends_sentence(last_mark(text))};
  }
  // is_markup looks for a first-line header by line number.
  if (is_markup(text, script, first ? 0u : 1u)) return {UnitClass::Markup, false};
  // An appendix's section number alone ("B.1.2."): a number, like "3.1.2.", in
  // no language, though its letter is Latin. A capital alone ("A.") may be an
  // initial: only with a digit group.
  if (const std::string_view trimmed = trim(text);
      trimmed.size() >= 4 && trimmed[0] >= 'A' && trimmed[0] <= 'Z' && is_number_label(trimmed))
    return {UnitClass::Markup, false};
  // A speaker label alone ("Mira  0:02", "**Mira:**") opens a turn; it is not a side.
  if (text.size() <= kMaxOwnLineLabel && read_own_line_label(text, Layout::Lines)) return {UnitClass::Markup, false};
  return {UnitClass::Content, ends_sentence(last_mark(text))};
}

std::vector<UnitReading> read_units(const UnitSequence& sequence, const Placeholders& placeholders,
                                    const std::vector<const UnitReading*>& known) {
  const std::size_t count = sequence.units.size();
  std::vector<UnitReading> readings(count);
  const bool lend = known.size() == count;
  auto read = [&](std::size_t from, std::size_t to) {
    for (std::size_t unit = from; unit < to; ++unit) {
      readings[unit] = lend && known[unit] != nullptr
                           ? *known[unit]
                           : read_unit(sequence.text_of(unit), sequence.script_of(unit),
                                       sequence.units[unit].first_line == 0, placeholders);
    }
  };
  constexpr std::size_t kParallelFrom = 16384;  // units
  if (count >= kParallelFrom) {
    run_beside([&] { read(count / 2, count); }, [&] { read(0, count / 2); });
  } else {
    read(0, count);
  }
  return readings;
}

std::vector<UnitReading> labels_inside_pairs(const UnitSequence& sequence, std::span<const UnitReading> readings) {
  std::vector<UnitReading> out;
  if (sequence.grouped() || sequence.order_per_pair) return out;
  const std::size_t count = readings.size();
  // The nearest unit before or after `unit` that is not blank.
  auto neighbour = [&](std::size_t unit, bool after) -> std::size_t {
    if (after) {
      for (std::size_t u = unit + 1; u < count; ++u)
        if (readings[u].kind() != UnitClass::Blank) return u;
    } else {
      for (std::size_t u = unit; u-- > 0;)
        if (readings[u].kind() != UnitClass::Blank) return u;
    }
    return count;
  };
  for (std::size_t unit = 0; unit < count; ++unit) {
    if (readings[unit].kind() != UnitClass::Markup) continue;
    const std::size_t before = neighbour(unit, false), after = neighbour(unit, true);
    if (before == count || after == count || readings[before].kind() != UnitClass::Content ||
        readings[after].kind() != UnitClass::Content)
      continue;
    const Script language = sequence.script_of(before).dominant;
    if (language == Script::None || sequence.script_of(after).dominant != language) continue;
    const std::string_view text = sequence.text_of(unit);
    if (text.size() > kMaxOwnLineLabel || !read_own_line_label(text, Layout::Lines)) continue;
    if (out.empty()) out.assign(readings.begin(), readings.end());
    out[unit] = {UnitClass::Content, ends_sentence(last_mark(text))};
  }
  return out;
}

}  // namespace bitext::detail
