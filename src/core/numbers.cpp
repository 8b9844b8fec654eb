// Numbers of a line (the scanner, number_scanner.hpp) and how the numbers
// of two lines are matched; see numbers.hpp for the policy.
#include "bitext/numbers.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "number_scanner.hpp"

namespace bitext {

using namespace number_scan;

namespace {

double tolerance(const NumberMention& a, double a_value, double a_unit, const NumberMention& b) {
  double tol = std::max(a_unit, b.unit) / 2;
  if (a.approximate || b.approximate)
    tol = std::max({2 * tol, 0.15 * std::max(std::fabs(a_value), std::fabs(b.value))});
  return tol + 1e-9 * std::max(std::fabs(a_value), std::fabs(b.value));
}

bool close(const NumberMention& a, double scale, const NumberMention& b) {
  const double value = a.value * scale;
  const double difference = std::fabs(value - b.value);
  if (difference > tolerance(a, value, a.unit * scale, b)) return false;
  // Across a scale, a coarse unit alone is no evidence: 6.5 million is not
  // "1万 give or take 5000" in thousands. Ask for agreement within 10%.
  return scale == 1 || difference <= 0.1 * std::max(value, b.value) + 1e-9 * value;
}

bool written_fraction(const NumberMention& m) {
  return m.notation == NumberNotation::Digits && m.kind == NumberKind::Plain && m.unit < 1 && !m.approximate;
}

bool counted_whole(const NumberMention& m) {
  return m.unit >= 1 && m.kind == NumberKind::Plain &&
         (m.notation == NumberNotation::Chinese || m.notation == NumberNotation::Words);
}

}  // namespace

std::vector<NumberMention> scan_numbers(std::string_view line) { return Scanner(decode_code_points(line)).run(); }

std::vector<NumberMention> scan_numbers(std::string_view, std::span<const CodePointSpan> code_points) {
  return Scanner(code_points).run();
}

NumberMatch match_numbers(const NumberMention& a, const NumberMention& b) {
  // A fraction answers the same percentage: 一半 = 50%, a third = 33%.
  if (a.kind == NumberKind::Percent && b.kind == NumberKind::Fraction)
    return std::fabs(a.value - 100 * b.value) <= std::max(1.0, a.unit / 2) + (a.approximate ? 0.15 * a.value : 0)
               ? NumberMatch::Equal
               : NumberMatch::None;
  if (a.kind == NumberKind::Fraction && b.kind == NumberKind::Percent) return match_numbers(b, a);
  if ((a.kind == NumberKind::Percent) != (b.kind == NumberKind::Percent)) return NumberMatch::None;
  // A month is named (July) or written as a date's digits; a rank or day (3rd)
  // and the digit group of an identifier (XYZ-3.7) are not one.
  if ((a.kind == NumberKind::Month) != (b.kind == NumberKind::Month)) {
    const NumberMention& other = a.kind == NumberKind::Month ? b : a;
    if (other.kind == NumberKind::Ordinal || other.kind == NumberKind::Code) return NumberMatch::None;
  }
  // A decimal written with its fraction (1.0, 2.5) is a measure or a version:
  // a whole count in words (两, two) does not state it.
  if (written_fraction(a) != written_fraction(b) && (counted_whole(a) || counted_whole(b))) return NumberMatch::None;
  // Decades: 90 年代 = the 1990s = the nineties; never across a scale.
  if (a.kind == NumberKind::Decade || b.kind == NumberKind::Decade) {
    if (a.value == b.value) return NumberMatch::Equal;
    const bool either_short = a.value < 100 || b.value < 100;
    const bool both_decades = a.kind == NumberKind::Decade && b.kind == NumberKind::Decade;
    return both_decades && either_short && std::fmod(a.value, 100) == std::fmod(b.value, 100) ? NumberMatch::Equal
                                                                                             : NumberMatch::None;
  }
  if (close(a, 1, b)) return NumberMatch::Equal;
  if (a.value == 0 || b.value == 0) return NumberMatch::None;
  // A year names a date, not a quantity: 2014 is never "2 thousand", so the 02
  // of a date or a footnote's [2] must not answer it.
  if (a.kind == NumberKind::Year || b.kind == NumberKind::Year) return NumberMatch::None;
  // Across a scale, close() asks for agreement within 10%: between positive
  // values, b/a is then within about 0.9..1.12 of the scale (or of its
  // inverse); a ratio outside 0.8..1.25 of both needs no further test.
  const bool positive = a.value > 0 && b.value > 0 && std::isfinite(a.value) && std::isfinite(b.value);
  const double ratio = positive ? b.value / a.value : 0;
  // Most pairs of positive values are within a factor of 800 of each other
  // and so outside every scale's window: none is worth a test.
  if (positive && ratio > 1.25 / 1e3 && ratio < 0.8 * 1e3) return NumberMatch::None;
  for (double scale : {1e3, 1e4, 1e6, 1e8, 1e9, 1e12}) {
    if (positive && !(ratio >= 0.8 * scale && ratio <= 1.25 * scale) && !(ratio >= 0.8 / scale && ratio <= 1.25 / scale))
      continue;
    if (close(a, scale, b) || close(b, scale, a)) return NumberMatch::Scaled;
  }
  return NumberMatch::None;
}

namespace {

// Whether `m` has a counterpart among `other`. Short lines compare every pair;
// long lines (thousands of numbers) look at the nearest values for each scale
// and at the few mentions whose tolerance is wide (approximate, or as coarse as
// their value), so that a comparison stays fast on any input.
class CounterpartFinder {
 public:
  explicit CounterpartFinder(std::span<const NumberMention> other, std::size_t queries) : other_(other) {
    brute_force_ = other.size() * queries <= 4096;
    if (brute_force_) return;
    for (std::size_t k = 0; k < other.size(); ++k) {
      sorted_.emplace_back(other[k].value, k);
      if (other[k].approximate || other[k].unit * 4 >= other[k].value) wide_.push_back(k);
    }
    std::sort(sorted_.begin(), sorted_.end());
  }

  bool find(const NumberMention& m) {
    if (brute_force_) {
      return std::any_of(other_.begin(), other_.end(),
                         [&](const NumberMention& o) { return match_numbers(m, o) != NumberMatch::None; });
    }
    for (std::size_t k : wide_) {
      if (wide_budget_ == 0) break;
      --wide_budget_;
      if (match_numbers(m, other_[k]) != NumberMatch::None) return true;
    }
    for (double scale : {1.0, 1e3, 1e4, 1e6, 1e8, 1e9, 1e12, 1e-3, 1e-4, 1e-6, 1e-8, 1e-9, 1e-12}) {
      const double target = m.value * scale;
      const auto pos = std::lower_bound(sorted_.begin(), sorted_.end(), std::make_pair(target, std::size_t{0}));
      const std::ptrdiff_t centre = pos - sorted_.begin();
      for (std::ptrdiff_t k = std::max<std::ptrdiff_t>(0, centre - 3);
           k < std::min<std::ptrdiff_t>(std::ptrdiff_t(sorted_.size()), centre + 3); ++k) {
        if (match_numbers(m, other_[sorted_[std::size_t(k)].second]) != NumberMatch::None) return true;
      }
    }
    return false;
  }

 private:
  std::span<const NumberMention> other_;
  bool brute_force_ = true;
  std::vector<std::pair<double, std::size_t>> sorted_;
  std::vector<std::size_t> wide_;
  std::size_t wide_budget_ = 1000000;
};

std::size_t strong_count(std::span<const NumberMention> mentions) {
  return std::size_t(std::count_if(mentions.begin(), mentions.end(), [](const NumberMention& m) { return m.strong; }));
}

}  // namespace

// Calls `matched(translation_side, index, found)` for every strong number of
// either side, translation first, in order.
template <class Matched>
void match_strong_numbers(std::span<const NumberMention> translation, std::span<const NumberMention> original,
                          Matched&& matched) {
  CounterpartFinder in_original(original, strong_count(translation));
  for (std::size_t k = 0; k < translation.size(); ++k)
    if (translation[k].strong) matched(true, k, in_original.find(translation[k]));
  CounterpartFinder in_translation(translation, strong_count(original));
  for (std::size_t k = 0; k < original.size(); ++k)
    if (original[k].strong) matched(false, k, in_translation.find(original[k]));
}

NumberComparison compare_numbers(std::span<const NumberMention> translation,
                                 std::span<const NumberMention> original) {
  NumberComparison result;
  match_strong_numbers(translation, original, [&](bool translation_side, std::size_t k, bool found) {
    if (found) ++(translation_side ? result.matched_translation : result.matched_original);
    else (translation_side ? result.unmatched_translation : result.unmatched_original).push_back(k);
  });
  return result;
}

NumberMatchCounts count_number_matches(std::span<const NumberMention> translation,
                                       std::span<const NumberMention> original) {
  NumberMatchCounts counts;
  match_strong_numbers(translation, original, [&](bool, std::size_t, bool found) {
    ++(found ? counts.matched : counts.unmatched);
  });
  return counts;
}

}  // namespace bitext

