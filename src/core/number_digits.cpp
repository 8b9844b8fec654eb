// Numbers written with digits (1,000, 3.5, 1990s, 25万, 50%) and 百分之N
// percentages: the Scanner's readers of them (number_scanner.hpp).
#include "glued_section_number.hpp"
#include "number_scanner.hpp"

namespace bitext::number_scan {

// ---- Arabic digits, with grouping, decimals, scale words and Chinese scales.
// A word glued to a section number ("Prev1.6."): the number is the label's
// (glued_section_number.hpp), not a part of an identifier.
bool Scanner::glued_section_number(std::size_t i) const {
  std::size_t letters = 0;
  while (is_ascii_letter(chars::fold_width(before(i, letters + 1)))) ++letters;
  const auto code_point = [this](std::size_t k) { return at(k); };
  return glued_section_number_stop(code_point, i - letters, i).has_value();
}

std::size_t Scanner::scan_digits(std::size_t i) {
  const char32_t p = before(i);
  if ((is_latin_letter(p) && !glued_section_number(i)) || p == U'_' || p == U'@' || p == U'#' || p == U'\\' ||
      ((p == U'-' || p == U'.' || p == U'/' || p == U':' || p == U'~') &&
       is_latin_letter(before(i, 2))))
    return skip_identifier(i);

  // A man-page section, killall(1), smartd(8): part of a technical token (scan_numbered_tokens).
  if (p == U'(' && is_latin_letter(before(i, 2))) return skip_identifier(i);

  // 24/7 means "all the time".
  if (at(i) == U'2' && at(i + 1) == U'4' && at(i + 2) == U'/' && at(i + 3) == U'7' && !is_digit(at(i + 4)))
    return i + 4;

  std::string digits;
  std::size_t j = i;
  std::size_t group = 0;
  bool grouped = false;
  while (is_digit(at(j))) {
    digits.push_back(char('0' + digit_value(at(j++))));
    ++group;
  }
  // Thousands separators: exactly three digits after each, first group 1..3.
  while ((at(j) == U',' || at(j) == U'，') && group <= 3 && is_digit(at(j + 1)) &&
         is_digit(at(j + 2)) && is_digit(at(j + 3)) && !is_digit(at(j + 4))) {
    for (int k = 1; k <= 3; ++k) digits.push_back(char('0' + digit_value(at(j + k))));
    j += 4;
    group = 3;
    grouped = true;
  }
  int decimals = 0;
  if ((at(j) == U'.' || at(j) == U'．') && is_digit(at(j + 1))) {
    digits.push_back('.');
    ++j;
    while (is_digit(at(j))) {
      digits.push_back(char('0' + digit_value(at(j++))));
      ++decimals;
    }
    // A second dot makes it a version string (2.6.32) or address.
    if ((at(j) == U'.' || at(j) == U'．') && is_digit(at(j + 1))) return skip_identifier(i);
  }

  NumberMention m;
  m.notation = NumberNotation::Digits;
  m.strong = true;
  m.value = std::strtod(digits.c_str(), nullptr);
  m.unit = std::pow(10.0, -decimals);
  bool integral = decimals == 0;
  std::size_t end = j;

  // 20 世纪 90 年代: the century of a decade names no quantity of its own.
  if (const std::size_t century_end = century_before_decade_end(j)) {
    m.kind = NumberKind::Ordinal;
    m.strong = false;
    emit(i, century_end, m);
    return century_end;
  }
  if (const std::size_t decade_end = decade_suffix_end(j, digits, integral, grouped)) {
    m.kind = NumberKind::Decade;
    m.unit = 10;
    std::size_t begin = i;
    if (before(begin) == U'\'' || before(begin) == U'\u2019') --begin;  // '90s
    if (chinese_approx_before(begin) || english_approx_before(begin)) m.approximate = true;
    emit(begin, decade_end, m);
    return decade_end;
  }

  // Letters glued to the digits: scale suffixes, ordinals, units; otherwise an identifier.
  if (is_latin_letter(at(j))) {
    std::size_t k = j;
    std::string suffix;
    while (is_ascii_letter(at(k))) suffix.push_back(char(at(k++)));
    if (is_digit(at(k)) || at(k) == U'_' || !is_ascii_letter(at(j))) return skip_identifier(i);
    std::string lower;
    for (char ch : suffix) lower.push_back(char(ascii_lower(char32_t(ch))));
    double scale = 1;
    if (suffix == "k" || suffix == "K") scale = 1e3;
    else if (suffix == "M") scale = 1e6;
    else if (suffix == "B" || suffix == "bn") scale = 1e9;
    if (lower == "st" || lower == "nd" || lower == "rd" || lower == "th") {
      m.kind = NumberKind::Ordinal;
    }
    m.value *= scale;
    m.unit *= scale;
    end = k;
  } else {
    // English scale word after a space: 1.6 million, 160 million.
    std::size_t word_end = 0;
    const std::string w = word_after(j, &word_end);
    if (auto scale = lookup(kScaleWords, w)) {
      m.value *= *scale;
      m.unit *= *scale;
      integral = m.value == std::floor(m.value);
      end = word_end;
    } else if (w == "hundred") {
      m.value *= 100;
      m.unit *= 100;
      end = word_end;
    }
    // Chinese scale, possibly after 多/余 and a space: 1.6亿, 25万, 10多万, 5千万.
    std::size_t k = end;
    if (at(k) == U' ' && chinese_unit(at(k + 1)) >= 100) ++k;
    bool approx = false;
    if ((at(k) == U'多' || at(k) == U'余') && chinese_unit(at(k + 1)) >= 1e4) {
      approx = true;
      ++k;
    }
    double scale = 1;
    while (chinese_unit(at(k)) >= 100 && !masked_[k]) scale *= chinese_unit(at(k++));
    if (scale > 1) {
      m.value *= scale;
      m.unit *= scale;
      m.approximate = m.approximate || approx;
      m.notation = NumberNotation::Mixed;
      integral = m.value == std::floor(m.value);
      end = k;
    }
  }

  std::size_t begin = apply_prefix(i, m);
  if (m.kind == NumberKind::Plain && before(begin) == U'分' && before(begin, 2) == U'之' &&
      before(begin, 3) == U'百') {
    m.kind = NumberKind::Percent;
    begin -= 3;
  }
  end = apply_suffix(end, m, integral);
  // English suffix words.
  {
    std::size_t word_end = 0;
    const std::string w = word_after(end, &word_end);
    if (w == "percent") {
      m.kind = NumberKind::Percent;
      end = word_end;
    } else if (w == "or" && word_after(word_end) == "so") {  // 30 or so
      m.approximate = true;
      word_after(word_end, &end);
    } else if (at(end) == U'-' && (word_after(end + 1) == "odd" || word_after(end + 1) == "ish")) {  // 30-odd
      m.approximate = true;
      word_after(end + 1, &end);
    } else if (w == "per" && word_after(word_end) == "cent") {
      m.kind = NumberKind::Percent;
      word_after(word_end, &end);
    } else if ((w == "dollars" || w == "euros" || w == "cents" || w == "yuan" || w == "usd") &&
               m.kind == NumberKind::Plain) {
      m.kind = NumberKind::Currency;
      end = word_end;
    }
  }
  if (at(end) == U'年' && integral && !grouped && digits.size() == 4 && m.value >= 1000 &&
      m.value <= 2999 && m.kind == NumberKind::Plain) {
    m.kind = NumberKind::Year;
    ++end;
  } else if (m.kind == NumberKind::Plain && integral && !grouped && digits.size() == 4 &&
             m.value >= 1000 && m.value <= 2999 && m.notation == NumberNotation::Digits &&
             end == j) {
    m.kind = NumberKind::Year;
  }
  if (chinese_approx_before(begin) || english_approx_before(begin)) m.approximate = true;
  // A line's leading "16. " labels a chapter or list item: it is exact, so a
  // section label "16.1." (the decimal 16.1) on the other side is not it rounded.
  if (integral && !grouped && end == j && m.kind == NumberKind::Plain && !m.approximate &&
      (at(j) == U'.' || at(j) == U'．') && (at(j + 1) == 0 || chars::is_blank(at(j + 1))) && at_line_start(begin))
    m.unit = 0;
  // "100% sure", "a hundred percent": as often a manner of speaking as a quantity.
  if (m.kind == NumberKind::Percent && m.value == 100) m.strong = false;
  emit(begin, end, m);
  return end;
}

// ---- 百分之N: percentages spelled out.
std::size_t Scanner::scan_percent_words(std::size_t i) {
  const std::size_t start = i + 3;
  const std::size_t before_count = out_.size();
  std::size_t end = start;
  if (at(start) == U'百' && !is_chinese_numeral(at(start + 1))) {
    NumberMention m;
    m.value = 100;
    m.unit = 100;
    m.notation = NumberNotation::Chinese;
    out_.push_back(m);
    end = start + 1;
    out_.back().begin = cps_[start].begin;
    out_.back().end = cps_[start].end;
  } else if (is_digit(at(start))) {
    end = scan_digits(start);
  } else if (is_chinese_numeral(at(start))) {
    end = scan_chinese(start);
  }
  if (out_.size() == before_count + 1 && out_.back().kind != NumberKind::Code) {
    NumberMention& m = out_.back();
    m.kind = NumberKind::Percent;
    m.begin = cps_[i].begin;
    m.strong = m.notation == NumberNotation::Digits || m.value >= 1;
    if (chinese_approx_before(i)) m.approximate = true;
    return end;
  }
  // "百分之" with no number (or an identifier after it): not a percentage;
  // whatever the inner scan found stands, and scanning resumes after it.
  return std::max(end, start);
}

}  // namespace bitext::number_scan
