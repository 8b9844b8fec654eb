#include "pairing_items.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "line_facts.hpp"

namespace bitext::detail {
namespace {

double median_weight(std::vector<std::uint32_t>& weights) {
  if (weights.empty()) return 1.0;
  const auto middle = weights.begin() + static_cast<std::ptrdiff_t>(weights.size() / 2);
  std::nth_element(weights.begin(), middle, weights.end());
  return std::max<double>(1.0, *middle);
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
  std::vector<std::uint32_t> weights1, weights2;
  for (std::size_t unit = 0; unit < sequence.units.size(); ++unit) {
    const UnitReading reading = readings[unit];
    if (!reading.content()) continue;
    const ScriptProfile& profile = sequence.script_of(unit);
    Item item;
    item.unit = static_cast<std::uint32_t>(unit);
    if (reading.kind() == UnitClass::TranslationMark) {
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
