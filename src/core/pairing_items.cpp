#include "pairing_items.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "front_matter.hpp"
#include "line_facts.hpp"

namespace bitext::detail {
namespace {

double median_weight(std::vector<std::uint32_t>& weights) {
  if (weights.empty()) return 1.0;
  const auto middle = weights.begin() + static_cast<std::ptrdiff_t>(weights.size() / 2);
  std::nth_element(weights.begin(), middle, weights.end());
  return std::max<double>(1.0, *middle);
}

// The bare number next to the document's first content line, a heading that
// starts with it: a header's number, a heading's label cut off its title (a
// split), or the heading's partner, of language `number_language`, whose
// title moved into the next line of that language (a drift). A split breaks
// the alternation of languages across the number: the content line after the
// two of them must be of the heading's language when the number comes second,
// of the number's when it comes first, and not carry the number itself (the
// heading's whole partner: the number is a stray). A header's number is left
// to the solve: the pairs after it put the heading's language first.
bool first_heading_partner(const UnitSequence& sequence, const std::vector<UnitReading>& readings, std::size_t unit,
                           std::size_t heading, Label number_language, Script script1, Script script2) {
  const std::size_t next = std::max(unit, heading) + 1;
  if (next >= sequence.units.size() || readings[next].kind() != UnitClass::Content) return false;
  if (sequence.group_of(next) != sequence.group_of(unit)) return false;
  const std::string_view label = trim(sequence.text_of(unit));
  const std::string_view text = trim(sequence.text_of(next));
  if (text.starts_with(label) && text.size() > label.size() && text[label.size()] == ' ') return false;
  const Script script = line_script(sequence.script_of(next), script1, script2);
  if (script != script1 && script != script2) return false;
  const bool number_language_next = (script == script1 ? kScript1 : kScript2) == number_language;
  return heading < unit ? !number_language_next : number_language_next;
}

// A line holding only a section number ("3.1.") next to a line of one of the
// two languages that starts with that number ("3.1. Network"): both sides of
// a heading carry its number, so the bare one is that line's partner whose
// title went elsewhere (a drift or a cut), not markup. Its language is the
// other one; none when neither or both neighbours say so. At the document's
// first content line only as first_heading_partner allows.
std::optional<Label> partner_label(const UnitSequence& sequence, const std::vector<UnitReading>& readings,
                                   std::size_t unit, std::size_t first_content, Script script1, Script script2) {
  const std::string_view label = trim(sequence.text_of(unit));
  if (!is_number_label(label)) return std::nullopt;
  std::optional<Label> found;
  for (const std::size_t neighbour : {unit - 1, unit + 1}) {
    if (neighbour >= sequence.units.size() || neighbour < first_content ||
        readings[neighbour].kind() != UnitClass::Content)
      continue;
    if (sequence.group_of(neighbour) != sequence.group_of(unit)) continue;
    const std::string_view text = trim(sequence.text_of(neighbour));
    if (!text.starts_with(label) || text.size() <= label.size() || text[label.size()] != ' ') continue;
    const Script script = line_script(sequence.script_of(neighbour), script1, script2);
    if (script != script1 && script != script2) continue;
    const Label other = script == script1 ? kScript2 : kScript1;
    if (neighbour == first_content && !first_heading_partner(sequence, readings, unit, neighbour, other, script1, script2))
      continue;
    if (found && *found != other) return std::nullopt;  // a heading on both sides: the number is a stray
    found = other;
  }
  return found;
}

}  // namespace

double log_of(std::uint32_t value) {
  // Lengths repeat a lot; a table avoids a libm call per line.
  static const std::array<double, 2048> table = [] {
    std::array<double, 2048> values{};
    values[0] = 0.0;
    for (std::size_t i = 1; i < values.size(); ++i) values[i] = std::log(static_cast<double>(i));
    return values;
  }();
  if (value == 0) return 0.0;
  return value < table.size() ? table[value] : std::log(static_cast<double>(value));
}

PairingItems pairing_items(const UnitSequence& sequence, const std::vector<UnitReading>& readings, Script script1,
                           Script script2) {
  PairingItems result;
  // At most one item per unit: reserved, not grown by doubling beside the
  // previous capacity (a long document's items are megabytes).
  result.items.reserve(sequence.units.size());
  std::vector<std::uint32_t> weights1, weights2;
  std::size_t first_content = 0;
  while (first_content < sequence.units.size() && !readings[first_content].content()) ++first_content;
  for (std::size_t unit = 0; unit < sequence.units.size(); ++unit) {
    const UnitReading reading = readings[unit];
    std::optional<Label> partner;
    if (reading.kind() == UnitClass::Markup) partner = partner_label(sequence, readings, unit, first_content, script1, script2);
    if (!reading.content() && !partner) continue;
    const ScriptProfile& profile = sequence.script_of(unit);
    Item item;
    item.unit = static_cast<std::uint32_t>(unit);
    if (partner) {
      item.label = *partner;
    } else if (reading.kind() == UnitClass::TranslationMark) {
      item.label = kTranslationPlaceholder;
    } else if (reading.kind() == UnitClass::OriginalMark) {
      item.label = kOriginalPlaceholder;
    } else if (const Script script = line_script(profile, script1, script2); script == script1) {
      item.label = kScript1;
    } else if (script == script2) {
      item.label = kScript2;
    } else {
      item.label = kOtherScript;
    }
    item.weight = std::max<std::uint32_t>(1, weighted_letters(profile));
    item.sentence_end = reading.sentence_end();
    item.group = sequence.group_of(unit);
    item.log_weight = log_of(item.weight);
    if (item.label == kScript1) weights1.push_back(item.weight);
    if (item.label == kScript2) weights2.push_back(item.weight);
    result.items.push_back(item);
  }
  result.median1 = median_weight(weights1);
  result.median2 = median_weight(weights2);
  return result;
}

}  // namespace bitext::detail
