// Number scanner for Chinese and English lines; see numbers.hpp for the policy.
#include "bitext/numbers.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

#include "bitext/text.hpp"
#include "chars.hpp"

namespace bitext {
namespace {

using CodePoint = CodePointSpan;


bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
// Full-width digits and letters (１ Ｆ) read as their ASCII forms.
bool is_digit(char32_t c) { return is_ascii_digit(chars::fold_width(c)); }
int digit_value(char32_t c) { return int(chars::fold_width(c) - U'0'); }
bool is_ascii_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool is_latin_letter(char32_t c) {
  return is_ascii_letter(chars::fold_width(c)) ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
using chars::is_han;
char32_t ascii_lower(char32_t c) { return (c >= U'A' && c <= U'Z') ? c + 32 : c; }

// Chinese digit value, or -1. 〇/零 are 0; 两/兩 are 2; financial forms included.
int chinese_digit(char32_t c) {
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

double chinese_unit(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 10;
    case U'百': case U'佰': return 100;
    case U'千': case U'仟': return 1000;
    case U'万': case U'萬': return 1e4;
    case U'亿': case U'億': return 1e8;
    default: return 0;
  }
}

bool is_financial(char32_t c) {
  return std::u32string_view(U"壹贰貳叁參肆伍陆陸柒捌玖").find(c) != std::u32string_view::npos;
}

bool is_chinese_numeral(char32_t c) { return chinese_digit(c) >= 0 || chinese_unit(c) > 0; }
bool is_zero_char(char32_t c) { return c == U'零' || c == U'〇'; }

// Largest power of ten dividing an integral value (Chinese numerals always name
// their lowest place, so this is their precision).
double lowest_place(double value) {
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
constexpr std::array kIdioms = {
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
constexpr std::u32string_view kMeasureWords =
    U"个位名次件种年月天日周本张条家台部项份篇套座层首支只匹辆元块岁倍节章页段步批组对双片颗句号"
    U"场轮届期代版代秒分刻小亿万千百十";

// Characters after 成 that make it a word (成为, 成功 ...) rather than tenths.
constexpr std::u32string_view kPercentChengFollowers = U"的以左多是到至来用";

constexpr std::array<std::u32string_view, 9> kCurrencySuffixes = {
    U"美元", U"美金", U"欧元", U"英镑", U"日元", U"美分", U"港元", U"元", U"块"};

// 上/数/几 before a unit (上千, 数百, 几十) make a vague number; scan_chinese reads them.
constexpr std::array<std::u32string_view, 11> kChineseApproxPrefixes = {
    U"大约", U"大概", U"将近", U"接近", U"超过", U"不到", U"至少", U"约", U"近", U"逾", U"多达"};

constexpr std::array<std::u32string_view, 5> kChineseApproxSuffixes = {U"左右", U"上下", U"以上",
                                                                        U"多", U"余"};

struct WordNumber {
  std::string_view word;
  double value;
};

constexpr std::array<WordNumber, 28> kSmallWords = {{
    {"zero", 0},      {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},      {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},      {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15},  {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},    {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},  {"eighty", 80},    {"ninety", 90},
}};

constexpr std::array<WordNumber, 4> kScaleWords = {{
    {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}}};

constexpr std::array<WordNumber, 22> kOrdinalWords = {{
    {"first", 1},       {"second", 2},      {"third", 3},        {"fourth", 4},
    {"fifth", 5},       {"sixth", 6},       {"seventh", 7},      {"eighth", 8},
    {"ninth", 9},       {"tenth", 10},      {"eleventh", 11},    {"twelfth", 12},
    {"thirteenth", 13}, {"fourteenth", 14}, {"fifteenth", 15},   {"sixteenth", 16},
    {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
    {"thirtieth", 30},  {"hundredth", 100},
}};

// Vague quantities: weak evidence only.
constexpr std::array<WordNumber, 22> kVagueWords = {{
    {"hundreds", 100},   {"thousands", 1e3}, {"millions", 1e6}, {"billions", 1e9},
    {"dozens", 12},      {"dozen", 12},      {"decade", 10},    {"decades", 10},
    {"couple", 2},       {"twice", 2},       {"half", 0.5},     {"tens", 10},
    {"century", 100},    {"centuries", 100}, {"twenties", 20},  {"thirties", 30},
    {"forties", 40},     {"fifties", 50},    {"sixties", 60},   {"seventies", 70},
    {"eighties", 80},    {"nineties", 90},
}};

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

constexpr std::array<std::string_view, 12> kEnglishApproxWords = {
    "about", "around", "approximately", "roughly", "nearly", "almost",
    "over",  "some",   "under",         "circa",   "approx", "~"};

bool ends_with_ies(std::string_view word) {
  return word.size() > 3 && word.substr(word.size() - 3) == "ies" && word != "centuries";
}

template <std::size_t N>
std::optional<double> lookup(const std::array<WordNumber, N>& table, std::string_view word) {
  for (const auto& entry : table)
    if (entry.word == word) return entry.value;
  return std::nullopt;
}

class Scanner {
 public:
  explicit Scanner(std::string_view line) : cps_(decode_code_points(line)) {
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
  std::vector<CodePoint> cps_;
  std::vector<bool> masked_;
  std::vector<NumberMention> out_;

  char32_t at(std::size_t i) const { return i < cps_.size() ? cps_[i].c : 0; }
  char32_t before(std::size_t i, std::size_t back = 1) const {
    return i >= back ? cps_[i - back].c : 0;
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
    if (c == U'月' && integral && m.value >= 1 && m.value <= 12 && m.kind == NumberKind::Plain &&
        !m.approximate) {
      m.kind = NumberKind::Month;
      return j + 1;
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
  std::size_t scan_digits(std::size_t i) {
    const char32_t p = before(i);
    if (is_latin_letter(p) || p == U'_' || p == U'@' || p == U'#' || p == U'\\' ||
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
    // "100% sure", "a hundred percent": as often a manner of speaking as a quantity.
    if (m.kind == NumberKind::Percent && m.value == 100) m.strong = false;
    emit(begin, end, m);
    return end;
  }

  // ---- 百分之N: percentages spelled out.
  std::size_t scan_percent_words(std::size_t i) {
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

  // ---- Chinese numerals.
  std::size_t scan_chinese(std::size_t i) {
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

  // ---- English number words, ordinals, months and vague quantities.
  std::size_t scan_word(std::size_t i) {
    std::size_t j = i;
    std::string word;
    while (is_ascii_letter(at(j))) word.push_back(char(ascii_lower(at(j++))));
    if (is_digit(at(j)) || at(j) == U'_' || is_latin_letter(at(j))) return skip_identifier(i);
    if (is_latin_letter(before(i)) || is_digit(before(i))) return j;

    NumberMention m;
    m.notation = NumberNotation::Words;
    // Months (capitalised). "May" needs a date context: in May, May 5.
    for (std::size_t k = 0; k < kMonths.size(); ++k) {
      // "may" and "march" are also verbs: capitalised only.
      if (word != kMonths[k] || (!(at(i) >= U'A' && at(i) <= U'Z') && (k == 2 || k == 4))) continue;
      if (k == 4) {
        const std::string prev = word_before(i);
        const bool date_context = prev == "in" || prev == "of" || prev == "since" ||
                                  prev == "until" || prev == "by" || prev == "early" ||
                                  prev == "late" || prev == "mid" || prev == "last" ||
                                  prev == "next" || prev == "this" ||
                                  (at(j) == U' ' && is_digit(at(j + 1)));
        if (!date_context) return j;
      }
      m.kind = NumberKind::Month;
      m.value = double(k + 1);
      emit(i, j, m);
      return j;
    }
    if (auto v = lookup(kVagueWords, word)) {
      m.value = *v;
      m.unit = *v;
      m.approximate = word != "twice" && word != "half" && word != "dozen";
      if (word == "half") {
        m.kind = NumberKind::Fraction;
        m.unit = 0;
      }
      if (ends_with_ies(word)) {  // the nineties: a decade, century unsaid
        m.kind = NumberKind::Decade;
        m.unit = 10;
        m.approximate = false;
      }
      emit(i, j, m);
      return j;
    }

    // Number phrase: [a|an] (small|tens[-small]|hundred|scale|and)* [ordinal].
    bool article = false;
    std::size_t end = i;
    double total = 0, current = 0;
    bool any = false;
    bool ordinal = false;
    std::string w = word;
    std::size_t w_end = j;
    if (w == "a" || w == "an") {
      std::size_t next_end = 0;
      const std::string next = word_after(j, &next_end);
      if (next == "hundred" || lookup(kScaleWords, next)) {
        article = true;
        current = 1;
        w = next;
        w_end = next_end;
      } else {
        return j;
      }
    }
    double smallest_step = 1;
    while (true) {
      bool consumed = true;
      if (auto v = lookup(kSmallWords, w)) {
        if (any && current != 0 && std::fmod(current, 100) != 0 &&
            !(std::fmod(current, 10) == 0 && *v < 10 && current >= 20))
          break;  // "five six" is two numbers
        current += *v;
        smallest_step = (*v >= 20 && *v < 100) ? 10 : 1;
      } else if (w == "hundred") {
        current = (current == 0 ? 1 : current) * 100;
        smallest_step = 100;
      } else if ((w == "dozen" || w == "dozens") && any && current > 0) {
        current *= 12;  // two dozen
        smallest_step = 12;
      } else if ((w == "decade" || w == "decades") && any && current > 0) {
        current *= 10;  // two decades
        smallest_step = 10;
      } else if (auto s = lookup(kScaleWords, w)) {
        total += (current == 0 ? 1 : current) * *s;
        current = 0;
        smallest_step = *s;
      } else if (auto o = lookup(kOrdinalWords, w)) {
        current += *o;
        ordinal = true;
        smallest_step = 1;
      } else {
        consumed = false;
      }
      if (!consumed) break;
      any = true;
      end = w_end;
      if (ordinal) break;
      // Continue over a space or hyphen; "and" may join hundreds and tens.
      if (at(end) != U' ' && at(end) != U'-') break;
      std::size_t next_end = 0;
      std::string next = word_after(end + 1 - (at(end) == U' ' ? 1 : 0), &next_end);
      if (at(end) == U'-') {
        next.clear();
        std::size_t q = end + 1;
        while (is_ascii_letter(at(q))) next.push_back(char(ascii_lower(at(q++))));
        next_end = q;
      }
      if (next == "and") {
        std::size_t after_and = 0;
        const std::string next2 = word_after(next_end, &after_and);
        if (!lookup(kSmallWords, next2) || total + current < 100) break;
        next = next2;
        next_end = after_and;
      }
      if (!lookup(kSmallWords, next) && next != "hundred" && !lookup(kScaleWords, next) &&
          !lookup(kOrdinalWords, next) && next != "dozen" && next != "dozens" && next != "decade" &&
          next != "decades")
        break;
      if (is_latin_letter(at(next_end)) || is_digit(at(next_end))) break;
      w = next;
      w_end = next_end;
    }
    if (!any) return j;
    m.value = total + current;
    m.unit = smallest_step;
    if (ordinal) m.kind = NumberKind::Ordinal;
    std::size_t word_end = 0;
    const std::string after = word_after(end, &word_end);
    if (after == "percent") {
      m.kind = NumberKind::Percent;
      end = word_end;
    }
    m.approximate = english_approx_before(i);
    // "a million", "million-dollar": a scale word with no number before it is vague.
    const bool bare_scale = word == "hundred" || lookup(kScaleWords, word).has_value();
    m.strong = m.value >= 10 && !article && !bare_scale;
    if (m.kind == NumberKind::Percent && m.value == 100) m.strong = false;  // "a hundred percent"
    emit(i, end, m);
    return end;
  }
};

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

}  // namespace

std::vector<NumberMention> scan_numbers(std::string_view line) { return Scanner(line).run(); }

NumberMatch match_numbers(const NumberMention& a, const NumberMention& b) {
  // A fraction answers the same percentage: 一半 = 50%, a third = 33%.
  if (a.kind == NumberKind::Percent && b.kind == NumberKind::Fraction)
    return std::fabs(a.value - 100 * b.value) <= std::max(1.0, a.unit / 2) + (a.approximate ? 0.15 * a.value : 0)
               ? NumberMatch::Equal
               : NumberMatch::None;
  if (a.kind == NumberKind::Fraction && b.kind == NumberKind::Percent) return match_numbers(b, a);
  if ((a.kind == NumberKind::Percent) != (b.kind == NumberKind::Percent)) return NumberMatch::None;
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
  for (double scale : {1e3, 1e4, 1e6, 1e8, 1e9, 1e12}) {
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

NumberComparison compare_numbers(std::span<const NumberMention> translation,
                                 std::span<const NumberMention> original) {
  NumberComparison result;
  CounterpartFinder in_original(original, strong_count(translation));
  for (std::size_t k = 0; k < translation.size(); ++k) {
    if (!translation[k].strong) continue;
    if (in_original.find(translation[k])) ++result.matched_translation;
    else result.unmatched_translation.push_back(k);
  }
  CounterpartFinder in_translation(translation, strong_count(original));
  for (std::size_t k = 0; k < original.size(); ++k) {
    if (!original[k].strong) continue;
    if (in_translation.find(original[k])) ++result.matched_original;
    else result.unmatched_original.push_back(k);
  }
  return result;
}

}  // namespace bitext
