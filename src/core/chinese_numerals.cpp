// Numbers written in Chinese numerals (三千五百, 两万, 九十年代): the
// Scanner's reader of them (number_scanner.hpp).
#include "number_scanner.hpp"

namespace bitext::number_scan {

// ---- Chinese numerals.
std::size_t Scanner::scan_chinese(std::size_t i) {
  // Read-out digit strings: 一九三九年, 二〇二三; two adjacent small digits are a range (两三年).
  if (chinese_digit(at(i)) >= 0 && chinese_digit(at(i + 1)) >= 0 && !masked_[i + 1]) {
    std::size_t j = i;
    double value = 0;
    bool has_zero = false;
    while (chinese_digit(at(j)) >= 0 && !masked_[j]) {
      has_zero = has_zero || is_zero_char(at(j));
      value = value * 10 + chinese_digit(at(j++));
    }
    const std::size_t length = j - i;
    if (length > 15) return j;  // a run of read-out digits this long is no quantity
    NumberMention m;
    m.notation = NumberNotation::Chinese;
    const int d1 = chinese_digit(at(i));
    const int d2 = chinese_digit(at(i + 1));
    if (length == 2 && !has_zero && (d2 == d1 + 1 || (d1 == 3 && d2 == 5))) {
      m.value = d1;
      m.approximate = true;
      m.unit = 1;
      std::size_t end = j;
      // 两三百, 三四千: a range of the scale that follows.
      double scale = 1;
      while (chinese_unit(at(end)) >= 10 && !masked_[end]) scale *= chinese_unit(at(end++));
      m.value *= scale;
      m.unit *= scale;
      end = apply_suffix(end, m, true);
      emit(i, end, m);
      return end;
    }
    m.value = value;
    m.unit = 1;
    std::size_t end = j;
    if (at(j) == U'年' && (length == 4 || length == 2)) {
      m.kind = NumberKind::Year;
      m.strong = length == 4;
      ++end;
    }
    emit(i, end, m);
    return end;
  }

  double yi_part = 0, wan_part = 0, section = 0;
  int pending = -1;
  double last_unit = 0;       // last unit inside the current section (十/百/千)
  double last_any_unit = 0;   // last unit of any size (for colloquial 两万五)
  bool pending_after_unit = false;
  bool after_zero = false;
  bool bare_start = false;  // 百万, 千万, 万一: no multiplier before the first unit
  bool vague = false;       // 几 in the number: 十几, 几十
  bool approx = false;
  std::size_t j = i;
  bool previous_was_unit = false;
  while (j < cps_.size() && !masked_[j]) {
    const char32_t c = cps_[j].c;
    const int d = chinese_digit(c);
    const double u = chinese_unit(c);
    if (d >= 0) {
      if (is_zero_char(c)) {
        if (pending >= 0) break;
        after_zero = true;
        previous_was_unit = false;
        ++j;
        continue;
      }
      if (pending >= 0) break;  // two digits in a row: a new number (十五二十)
      pending = d;
      pending_after_unit = previous_was_unit && !after_zero;
      previous_was_unit = false;
      ++j;
      continue;
    }
    if (u > 0) {
      const bool nothing_yet = pending < 0 && section == 0 && wan_part == 0 && yi_part == 0;
      if (u == 1e4) {
        if (nothing_yet) bare_start = true;
        const double base = section + (pending >= 0 ? pending : 0);
        wan_part = (base == 0 ? 1 : base) * 1e4;
        section = 0;
      } else if (u == 1e8) {
        if (nothing_yet) bare_start = true;
        double base = yi_part + wan_part + section + (pending >= 0 ? pending : 0);
        yi_part = (base == 0 ? 1 : base) * 1e8;
        wan_part = 0;
        section = 0;
      } else {
        if (last_unit != 0 && u >= last_unit && pending < 0 && section > 0) break;  // 百千
        if (pending < 0) {
          if (nothing_yet && u >= 100) bare_start = true;
          pending = 1;  // 十五, 百万, 一百十
        }
        section += pending * u;
        last_unit = u;
      }
      if (u >= 1e4) last_unit = 0;
      last_any_unit = u;
      pending = -1;
      after_zero = false;
      previous_was_unit = true;
      ++j;
      // 十几万, 二十多万: 几/多/余 between a unit and 万/亿.
      if ((at(j) == U'几' || at(j) == U'多' || at(j) == U'余') && chinese_unit(at(j + 1)) >= 1e4 &&
          u < 1e4) {
        vague = vague || at(j) == U'几';
        approx = true;
        ++j;
      }
      continue;
    }
    break;
  }
  if (j == i) return i + 1;

  double value = yi_part + wan_part + section;
  double unit = 1;
  bool colloquial = false;
  if (pending >= 0) {
    if (pending_after_unit && last_any_unit >= 100) {
      value += pending * last_any_unit / 10;  // 一千六 = 1600, 两万五 = 25000
      colloquial = true;
    } else {
      value += pending;
    }
  }
  unit = lowest_place(value);
  if (colloquial) unit = std::min(unit, last_any_unit / 10);

  const std::size_t length = j - i;
  // Alone, the financial forms (陆 in 大陆, 伍 in 队伍) and 零 (零售, 零件) are words.
  if (length == 1 && (is_zero_char(at(i)) || is_financial(at(i)))) return j;
  // A lone 一 is a count only before a measure word or scale, or after 第.
  if (length == 1 && at(i) == U'一' && before(i) != U'第' &&
      kMeasureWords.find(at(j)) == std::u32string_view::npos)
    return j;

  NumberMention m;
  m.notation = NumberNotation::Chinese;
  m.value = value;
  m.unit = unit;
  m.approximate = approx;
  std::size_t end = j;
  if (at(end) == U'几') {  // 十几, 二十几
    vague = true;
    m.approximate = true;
    ++end;
  }
  const char32_t p = before(i);
  if ((p == U'几' || p == U'数' || p == U'上' || p == U'成') && chinese_unit(at(i)) > 0) vague = true;
  if (vague) m.approximate = true;  // 几十, 数百, 上千, 成千

  // 三分之一: a fraction.
  if (matches(end, U"分之") && (chinese_digit(at(end + 2)) >= 0 || chinese_unit(at(end + 2)) == 10)) {
    std::size_t k = end + 2;
    double numerator = 0;
    int numerator_pending = -1;
    while (k < cps_.size() && (chinese_digit(at(k)) >= 0 || chinese_unit(at(k)) == 10)) {
      if (chinese_unit(at(k)) == 10) {
        numerator += (numerator_pending < 0 ? 1 : numerator_pending) * 10;
        numerator_pending = -1;
      } else {
        if (numerator_pending >= 0) break;
        numerator_pending = chinese_digit(at(k));
      }
      ++k;
    }
    if (numerator_pending >= 0) numerator += numerator_pending;
    if (value > 0) {
      m.kind = NumberKind::Fraction;
      m.value = numerator / value;
      m.unit = 0;
      m.strong = false;
      emit(i, k, m);
      return k;
    }
  }
  // 七成 = 70%.
  if (at(end) == U'成' && value >= 1 && value <= 10 && !bare_start &&
      (end + 1 >= cps_.size() || !is_han(at(end + 1)) ||
       kPercentChengFollowers.find(at(end + 1)) != std::u32string_view::npos)) {
    m.kind = NumberKind::Percent;
    m.value = value * 10;
    m.unit = 10;
    ++end;
  }
  // 九十年代: a decade (the century left out).
  if (matches(end, U"年代") && value >= 10 && value <= 90 && std::fmod(value, 10) == 0 && !vague && !bare_start) {
    m.kind = NumberKind::Decade;
    m.unit = 10;
    m.strong = true;
    if (chinese_approx_before(i)) m.approximate = true;
    emit(i, end + 2, m);
    return end + 2;
  }
  std::size_t begin = apply_prefix(i, m);
  const bool integral = value == std::floor(value);
  end = apply_suffix(end, m, integral);
  if (chinese_approx_before(i)) m.approximate = true;
  m.strong = m.value >= 10 && !bare_start && !vague;
  if (m.kind == NumberKind::Percent) m.strong = !vague && !bare_start;
  emit(begin, end, m);
  return end;
}

}  // namespace bitext::number_scan
