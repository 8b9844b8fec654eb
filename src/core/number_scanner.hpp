// The number scanner's shared parts (numbers.hpp): character classes, the
// word tables of Chinese and English numerals, and the Scanner that reads a
// line's numbers. Its readers of digits (number_digits.cpp), Chinese numerals
// (chinese_numerals.cpp) and English number words (english_number_words.cpp)
// are in files of their own; matching is numbers.cpp's.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/numbers.hpp"
#include "bitext/text.hpp"
#include "chars.hpp"

namespace bitext::number_scan {

using CodePoint = CodePointSpan;


using chars::is_ascii_digit;
// Full-width digits and letters (１ Ｆ) read as their ASCII forms.
inline bool is_digit(char32_t c) { return is_ascii_digit(chars::fold_width(c)); }
inline int digit_value(char32_t c) { return int(chars::fold_width(c) - U'0'); }
using chars::is_ascii_letter;
inline bool is_latin_letter(char32_t c) {
  return is_ascii_letter(chars::fold_width(c)) ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
using chars::is_han;
inline char32_t ascii_lower(char32_t c) { return (c >= U'A' && c <= U'Z') ? c + 32 : c; }

// Chinese digit value, or -1. 〇/零 are 0; 两/兩 are 2; financial forms included.
inline int chinese_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': case U'壹': return 1;
    case U'二': case U'贰': case U'貳': case U'两': case U'兩': return 2;
    case U'三': case U'叁': case U'參': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': case U'陸': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
  }
}

inline double chinese_unit(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 10;
    case U'百': case U'佰': return 100;
    case U'千': case U'仟': return 1000;
    case U'万': case U'萬': return 1e4;
    case U'亿': case U'億': return 1e8;
    default: return 0;
  }
}

inline bool is_financial(char32_t c) {
  return std::u32string_view(U"壹贰貳叁參肆伍陆陸柒捌玖").find(c) != std::u32string_view::npos;
}

// (None lies below 〇 U+3007: most code points of a line are answered before the switches.)
inline bool is_chinese_numeral(char32_t c) { return c >= U'〇' && (chinese_digit(c) >= 0 || chinese_unit(c) > 0); }
inline bool is_zero_char(char32_t c) { return c == U'零' || c == U'〇'; }

// Largest power of ten dividing an integral value (Chinese numerals always name
// their lowest place, so this is their precision).
inline double lowest_place(double value) {
  if (value < 1 || value != std::floor(value)) return 1;
  double place = 1;
  while (place < 1e15 && std::fmod(value, place * 10) == 0) place *= 10;
  return place;
}

struct Idiom {
  std::u32string_view text;
  std::u32string_view not_followed_by;  // idiom does not apply when one of these follows
};

// Words containing numerals that are not quantities. They apply only when no
// numeral precedes them (一万一 is 11000, not 一 + 万一).
inline constexpr std::array kIdioms = {
    Idiom{U"一些", U""},     Idiom{U"一样", U""},     Idiom{U"一直", U""},
    Idiom{U"一起", U""},     Idiom{U"一切", U""},     Idiom{U"一般", U""},
    Idiom{U"唯一", U""},     Idiom{U"统一", U""},     Idiom{U"同一", U""},
    Idiom{U"万一", U""},     Idiom{U"十分", U"钟之"}, Idiom{U"一定", U""},
    Idiom{U"一旦", U""},     Idiom{U"一致", U""},     Idiom{U"一向", U""},
    Idiom{U"一再", U""},     Idiom{U"一律", U""},     Idiom{U"一概", U""},
    Idiom{U"一番", U""},     Idiom{U"一贯", U""},     Idiom{U"一味", U""},
    Idiom{U"一同", U""},     Idiom{U"一齐", U""},     Idiom{U"一边", U""},
    Idiom{U"一面", U""},     Idiom{U"一方面", U""},   Idiom{U"一时", U""},
    Idiom{U"一下", U""},     Idiom{U"一会", U""},     Idiom{U"一点", U""},
    Idiom{U"一道", U""},     Idiom{U"一旁", U""},     Idiom{U"一体", U""},
    Idiom{U"一开始", U""},   Idiom{U"一模一样", U""}, Idiom{U"独一无二", U""},
    Idiom{U"三三两两", U""}, Idiom{U"七七八八", U""}, Idiom{U"乱七八糟", U""},
    Idiom{U"五花八门", U""}, Idiom{U"四面八方", U""}, Idiom{U"千方百计", U""},
    Idiom{U"九牛一毛", U""}, Idiom{U"一五一十", U""}, Idiom{U"十全十美", U""},
    Idiom{U"十足", U""},     Idiom{U"十字", U""},     Idiom{U"十万火急", U""},
    Idiom{U"十有八九", U""}, Idiom{U"千千万万", U""}, Idiom{U"成千上万", U""},
    Idiom{U"万万", U""},     Idiom{U"万物", U""},     Idiom{U"万能", U""},
    Idiom{U"万维网", U""},   Idiom{U"百科", U""},     Idiom{U"一成不变", U""},
    Idiom{U"一举两得", U""}, Idiom{U"三心二意", U""}, Idiom{U"七上八下", U""},
    Idiom{U"一心一意", U""}, Idiom{U"一无所", U""},   Idiom{U"一如既往", U""},
    Idiom{U"一目了然", U""}, Idiom{U"一流", U""},     Idiom{U"一手", U""},
    Idiom{U"二手", U""},     Idiom{U"一口气", U""},   Idiom{U"再三", U""},
    Idiom{U"十之八九", U""}, Idiom{U"八九不离十", U""},
};

// Measure words and scale-like characters after which a lone 一 is a count.
inline constexpr std::u32string_view kMeasureWords =
    U"个位名次件种年月天日周本张条家台部项份篇套座层首支只匹辆元块岁倍节章页段步批组对双片颗句号"
    U"场轮届期代版代秒分刻小亿万千百十";

// Characters after 成 that make it a word (成为, 成功 ...) rather than tenths.
inline constexpr std::u32string_view kPercentChengFollowers = U"的以左多是到至来用";

inline constexpr std::array<std::u32string_view, 9> kCurrencySuffixes = {
    U"美元", U"美金", U"欧元", U"英镑", U"日元", U"美分", U"港元", U"元", U"块"};

// 上/数/几 before a unit (上千, 数百, 几十) make a vague number; scan_chinese reads them.
inline constexpr std::array<std::u32string_view, 11> kChineseApproxPrefixes = {
    U"大约", U"大概", U"将近", U"接近", U"超过", U"不到", U"至少", U"约", U"近", U"逾", U"多达"};

inline constexpr std::array<std::u32string_view, 5> kChineseApproxSuffixes = {U"左右", U"上下", U"以上",
                                                                        U"多", U"余"};

struct WordNumber {
  std::string_view word;
  double value;
};

inline constexpr std::array<WordNumber, 28> kSmallWords = {{
    {"zero", 0},      {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},      {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},      {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15},  {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},    {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},  {"eighty", 80},    {"ninety", 90},
}};

inline constexpr std::array<WordNumber, 4> kScaleWords = {{
    {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}}};

inline constexpr std::array<WordNumber, 22> kOrdinalWords = {{
    {"first", 1},       {"second", 2},      {"third", 3},        {"fourth", 4},
    {"fifth", 5},       {"sixth", 6},       {"seventh", 7},      {"eighth", 8},
    {"ninth", 9},       {"tenth", 10},      {"eleventh", 11},    {"twelfth", 12},
    {"thirteenth", 13}, {"fourteenth", 14}, {"fifteenth", 15},   {"sixteenth", 16},
    {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
    {"thirtieth", 30},  {"hundredth", 100},
}};

// Vague quantities: weak evidence only.
inline constexpr std::array<WordNumber, 22> kVagueWords = {{
    {"hundreds", 100},   {"thousands", 1e3}, {"millions", 1e6}, {"billions", 1e9},
    {"dozens", 12},      {"dozen", 12},      {"decade", 10},    {"decades", 10},
    {"couple", 2},       {"twice", 2},       {"half", 0.5},     {"tens", 10},
    {"century", 100},    {"centuries", 100}, {"twenties", 20},  {"thirties", 30},
    {"forties", 40},     {"fifties", 50},    {"sixties", 60},   {"seventies", 70},
    {"eighties", 80},    {"nineties", 90},
}};

inline constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

inline constexpr std::array<std::string_view, 12> kEnglishApproxWords = {
    "about", "around", "approximately", "roughly", "nearly", "almost",
    "over",  "some",   "under",         "circa",   "approx", "~"};

inline bool ends_with_ies(std::string_view word) {
  return word.size() > 3 && word.substr(word.size() - 3) == "ies" && word != "centuries";
}

template <std::size_t N>
inline std::optional<double> lookup(const std::array<WordNumber, N>& table, std::string_view word) {
  for (const auto& entry : table)
    if (entry.word == word) return entry.value;
  return std::nullopt;
}

class Scanner {
 public:
  explicit Scanner(std::span<const CodePoint> cps) : cps_(cps) {
    mask_idioms();
  }

  std::vector<NumberMention> run() {
    std::size_t i = 0;
    while (i < cps_.size()) {
      if (masked_[i]) {
        ++i;
        continue;
      }
      const char32_t c = cps_[i].c;
      std::size_t next = i + 1;
      if (is_digit(c)) {
        next = scan_digits(i);
      } else if (c == U'百' && matches(i + 1, U"分之")) {
        next = scan_percent_words(i);
      } else if ((c == U'一' && matches(i + 1, U"半")) || (c == U'半' && matches(i + 1, U"数"))) {
        NumberMention half;  // 一半, 半数: a half
        half.kind = NumberKind::Fraction;
        half.notation = NumberNotation::Chinese;
        half.value = 0.5;
        half.unit = 0;
        emit(i, i + 2, half);
        next = i + 2;
      } else if (is_chinese_numeral(c)) {
        next = scan_chinese(i);
      } else if (is_ascii_letter(c)) {
        next = scan_word(i);
      }
      i = std::max(next, i + 1);
    }
    return std::move(out_);
  }

 private:
  std::span<const CodePoint> cps_;
  std::vector<bool> masked_;
  std::vector<NumberMention> out_;

  char32_t at(std::size_t i) const { return i < cps_.size() ? cps_[i].c : 0; }
  char32_t before(std::size_t i, std::size_t back = 1) const {
    return i >= back ? cps_[i - back].c : 0;
  }

  // Only blanks before code point `i` on its line.
  bool at_line_start(std::size_t i) const {
    for (std::size_t k = 0; k < i; ++k)
      if (!chars::is_blank(cps_[k].c)) return false;
    return true;
  }

  bool matches(std::size_t i, std::u32string_view s) const {
    if (i + s.size() > cps_.size()) return false;
    for (std::size_t k = 0; k < s.size(); ++k)
      if (cps_[i + k].c != s[k]) return false;
    return true;
  }
  bool ends_at(std::size_t end, std::u32string_view s) const {
    return end >= s.size() && matches(end - s.size(), s);
  }

  void mask_idioms() {
    masked_.assign(cps_.size(), false);
    for (std::size_t i = 0; i < cps_.size(); ++i) {
      if (cps_[i].c < U'〇') continue;  // every idiom starts with a Han character
      if (!is_chinese_numeral(cps_[i].c) && cps_[i].c != U'唯' && cps_[i].c != U'统' &&
          cps_[i].c != U'同' && cps_[i].c != U'独' && cps_[i].c != U'乱' && cps_[i].c != U'成' &&
          cps_[i].c != U'再')
        continue;
      if (i > 0 && (is_chinese_numeral(cps_[i - 1].c) || is_digit(cps_[i - 1].c))) continue;
      for (const Idiom& idiom : kIdioms) {
        if (!matches(i, idiom.text)) continue;
        const char32_t follower = at(i + idiom.text.size());
        if (follower != 0 && idiom.not_followed_by.find(follower) != std::u32string_view::npos)
          continue;
        for (std::size_t k = 0; k < idiom.text.size(); ++k) masked_[i + k] = true;
        break;
      }
    }
  }

  // Skip an identifier such as x86_64, GPT-3.5, UTF-8, 2.6.32: the run of
  // letters, digits and inner connectors starting at i. Its digit groups are
  // weak Code numbers.
  std::size_t skip_identifier(std::size_t i) {
    const std::size_t j = identifier_end(i);
    for (std::size_t k = i; k < j;) {
      if (!is_digit(cps_[k].c)) {
        ++k;
        continue;
      }
      const std::size_t start = k;
      double value = 0;
      while (k < j && is_digit(cps_[k].c)) value = value * 10 + digit_value(cps_[k++].c);
      NumberMention m;
      m.value = value;
      m.kind = NumberKind::Code;
      m.notation = NumberNotation::Digits;
      emit(start, k, m);
    }
    return j;
  }

  std::size_t identifier_end(std::size_t i) const {
    std::size_t j = i;
    while (j < cps_.size()) {
      const char32_t c = cps_[j].c;
      if (is_digit(c) || is_latin_letter(c)) {
        ++j;
      } else if ((c == U'.' || c == U'-' || c == U'_' || c == U'/' || c == U'+') &&
                 (is_digit(at(j + 1)) || is_latin_letter(at(j + 1)))) {
        j += 2;
      } else {
        break;
      }
    }
    return j;
  }

  // Lowercase ASCII word ending just before code point `end` (skipping spaces).
  std::string word_before(std::size_t end, std::size_t* word_begin = nullptr) const {
    std::size_t j = end;
    while (j > 0 && cps_[j - 1].c == U' ') --j;
    std::size_t k = j;
    while (k > 0 && (is_ascii_letter(cps_[k - 1].c) || cps_[k - 1].c == U'~')) --k;
    std::string word;
    for (std::size_t m = k; m < j; ++m) word.push_back(char(ascii_lower(cps_[m].c)));
    if (word_begin) *word_begin = k;
    return word;
  }

  // Lowercase ASCII word starting at code point i (skipping one space), and its end.
  std::string word_after(std::size_t i, std::size_t* word_end = nullptr) const {
    std::size_t j = i;
    if (at(j) == U' ') ++j;
    std::string word;
    while (is_ascii_letter(at(j))) word.push_back(char(ascii_lower(at(j++))));
    if (word_end) *word_end = j;
    return word;
  }

  bool english_approx_before(std::size_t begin) const {
    std::size_t first = 0;
    const std::string w1 = word_before(begin, &first);
    if (w1.empty()) return before(begin) == U'~';
    if (std::find(kEnglishApproxWords.begin(), kEnglishApproxWords.end(), w1) !=
        kEnglishApproxWords.end())
      return true;
    if (w1 == "than" || w1 == "to" || w1 == "least") {
      const std::string w2 = word_before(first);
      return w2 == "more" || w2 == "less" || w2 == "fewer" || w2 == "up" || w2 == "at" ||
             w2 == "close";
    }
    return false;
  }

  bool chinese_approx_before(std::size_t begin) const {
    std::size_t j = begin;
    if (j > 0 && cps_[j - 1].c == U' ') --j;
    for (auto prefix : kChineseApproxPrefixes) {
      if (!ends_at(j, prefix)) continue;
      // 最近/附近/亲近 (recently, nearby, close) are no approximation; nor 以上 before a number.
      const char32_t p = before(j - prefix.size());
      if (prefix == U"近" && (p == U'最' || p == U'附' || p == U'亲' || p == U'靠' || p == U'接'))
        continue;
      return true;
    }
    return false;
  }

  // Prefixes that set the kind: 第 (ordinal), currency signs. Returns the new begin.
  std::size_t apply_prefix(std::size_t begin, NumberMention& m) const {
    std::size_t j = begin;
    if (j > 0 && cps_[j - 1].c == U' ' && (before(j, 2) == U'第' || before(j, 2) == U'$')) --j;
    const char32_t p = before(j);
    if (p == U'第') {
      m.kind = NumberKind::Ordinal;
      return j - 1;
    }
    if (p == U'$' || p == U'¥' || p == U'￥' || p == U'€' || p == U'£' || p == U'＄') {
      m.kind = NumberKind::Currency;
      std::size_t k = j - 1;
      if (ends_at(k, U"US")) k -= 2;
      return k;
    }
    return begin;
  }

  // Suffixes after a number (Chinese or digits): percent, currency, month,
  // approximation. Returns the new end.
  std::size_t apply_suffix(std::size_t end, NumberMention& m, bool integral) {
    std::size_t j = end;
    // "30 左右" with a space, as mixed Chinese/Latin text is often typed.
    if (at(j) == U' ' && (matches(j + 1, U"左右") || matches(j + 1, U"上下"))) ++j;
    for (auto suffix : kChineseApproxSuffixes) {
      if (matches(j, suffix)) {
        m.approximate = true;
        j += suffix.size();
        break;
      }
    }
    const char32_t c = at(j);
    if (c == U'%' || c == U'％') {
      m.kind = NumberKind::Percent;
      return j + 1;
    }
    if (matches(j, U"个百分点")) {
      m.kind = NumberKind::Percent;
      return j + 4;
    }
    if (c == U'+') {
      m.approximate = true;
      return j + 1;
    }
    // "7 月" with a space, as mixed Chinese/Latin text is often typed.
    const bool spaced_month = c == U' ' && at(j + 1) == U'月';
    if ((c == U'月' || spaced_month) && integral && m.value >= 1 && m.value <= 12 && m.kind == NumberKind::Plain &&
        !m.approximate) {
      m.kind = NumberKind::Month;
      return j + (spaced_month ? 2 : 1);
    }
    for (auto suffix : kCurrencySuffixes) {
      if (matches(j, suffix)) {
        if (m.kind == NumberKind::Plain) m.kind = NumberKind::Currency;
        return j + suffix.size();
      }
    }
    return j;
  }

  void emit(std::size_t first, std::size_t last, NumberMention m) {
    m.begin = cps_[first].begin;
    m.end = cps_[last - 1].end;
    out_.push_back(m);
  }

  // End of a decade suffix after the digits ending at j: 1990s, 90's, 90 年代,
  // 1990年代; 0 when none. Only whole tens of two or four digits are decades.
  std::size_t decade_suffix_end(std::size_t j, const std::string& digits, bool integral, bool grouped) const {
    if (!integral || grouped || (digits.size() != 2 && digits.size() != 4) || digits.back() != '0') return 0;
    if (at(j) == U's' && !is_latin_letter(at(j + 1)) && !is_digit(at(j + 1))) return j + 1;
    if ((at(j) == U'\'' || at(j) == U'\u2019') && at(j + 1) == U's' && !is_latin_letter(at(j + 2))) return j + 2;
    const std::size_t k = at(j) == U' ' ? j + 1 : j;
    return matches(k, U"年代") ? k + 2 : 0;
  }

  // End of "世纪" after the digits ending at j when a decade follows it
  // (20 世纪 90 年代, 20世纪90年代); 0 otherwise.
  std::size_t century_before_decade_end(std::size_t j) const {
    std::size_t k = at(j) == U' ' ? j + 1 : j;
    if (!matches(k, U"世纪")) return 0;
    const std::size_t century_end = k + 2;
    std::size_t q = at(century_end) == U' ' ? century_end + 1 : century_end;
    const std::size_t first = q;
    while (is_digit(at(q))) ++q;
    if (q == first) return 0;
    if (at(q) == U' ') ++q;
    return matches(q, U"年代") ? century_end : 0;
  }

  // ---- Arabic digits, with grouping, decimals, scale words and Chinese scales.
  std::size_t scan_digits(std::size_t i);
  bool glued_section_number(std::size_t i) const;

  // ---- 百分之N: percentages spelled out.
  std::size_t scan_percent_words(std::size_t i);

  // ---- Chinese numerals.
  std::size_t scan_chinese(std::size_t i);

  // ---- English number words, ordinals, months and vague quantities.
  std::size_t scan_word(std::size_t i);
};

}  // namespace bitext::number_scan
