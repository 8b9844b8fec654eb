#include <doctest/doctest.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <cmath>
#include <algorithm>
#include <string>
#include <vector>

#include "bitext/numbers.hpp"
#include "bitext/text.hpp"

#include "support/random_lines.hpp"

using bitext::compare_numbers;
using bitext::match_numbers;
using bitext::NumberKind;
using bitext::NumberMatch;
using bitext::NumberMention;
using bitext::NumberNotation;
using bitext::scan_numbers;
using bitext::scan_numbered_tokens;
using bitext::compare_numbered_tokens;

namespace {

// The one number a text must contain.
NumberMention only(const std::string& text) {
  const auto found = scan_numbers(text);
  REQUIRE(found.size() == 1);
  return found[0];
}

double value_of(const std::string& text) { return only(text).value; }

}  // namespace

TEST_CASE("digits with grouping, decimals and full-width forms") {
  CHECK(value_of("160,000,000") == 160000000.0);
  CHECK(value_of("raised 1.6 times") == 1.6);
  CHECK(value_of("10,000 companies") == 10000.0);
  CHECK(value_of("\xEF\xBC\x91\xEF\xBC\x96\xEF\xBC\x90\xEF\xBC\x8C\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x90") ==
        160000.0);  // １６０，０００
  // A comma not followed by exactly three digits is a list separator.
  const auto list = scan_numbers("15, 20 years; 1,23");
  REQUIRE(list.size() == 4);
  CHECK(list[0].value == 15);
  CHECK(list[1].value == 20);
  CHECK(list[2].value == 1);
  CHECK(list[3].value == 23);
}

TEST_CASE("spans cover prefixes and suffixes exactly") {
  const std::string text = "a $160,000,000 raise";
  const auto m = only(text);
  CHECK(m.begin == 2);
  CHECK(m.end == 14);
  CHECK(m.kind == NumberKind::Currency);
  CHECK(m.strong);

  const std::string zh = "融资1.6亿美元。";  // 融资 = 6 bytes, 1.6 = 3, 亿美元 = 9
  const auto y = only(zh);
  CHECK(y.begin == 6);
  CHECK(y.end == 18);
  CHECK(y.value == 160000000.0);
  CHECK(y.unit == 10000000.0);
  CHECK(y.kind == NumberKind::Currency);
  CHECK(y.notation == NumberNotation::Mixed);
}

TEST_CASE("Chinese numerals") {
  CHECK(value_of("一亿六千万") == 160000000.0);
  CHECK(value_of("二十五") == 25.0);
  CHECK(value_of("十五") == 15.0);
  CHECK(value_of("一千零六") == 1006.0);
  CHECK(value_of("一万亿") == 1e12);
  CHECK(value_of("兩百") == 200.0);
  SUBCASE("colloquial trailing digit") {
    CHECK(value_of("两万五") == 25000.0);
    CHECK(value_of("一千六") == 1600.0);
    CHECK(value_of("三百五") == 350.0);
    CHECK(only("两万五").unit == 1000.0);
  }
  SUBCASE("two numbers side by side") {
    const auto found = scan_numbers("十五二十年");
    REQUIRE(found.size() == 2);
    CHECK(found[0].value == 15);
    CHECK(found[1].value == 20);
    CHECK(found[1].begin == 6);
  }
  CHECK(only("二十五").strong);
  CHECK(only("二十五").notation == NumberNotation::Chinese);
  // 〇 (U+3007), the lowest code point of a numeral, among ASCII and others.
  CHECK(value_of("版本 一〇五 发布") == 105.0);
  CHECK(only("编号〇〇七号").begin == 6);  // the number starts at its first 〇
  CHECK(only("编号〇〇七号").value == 7.0);
}

TEST_CASE("mixed digit and Chinese scale forms") {
  CHECK(value_of("1.6亿") == 160000000.0);
  CHECK(value_of("25万个模型") == 250000.0);
  CHECK(value_of("1,600万") == 16000000.0);
  CHECK(value_of("5000万") == 50000000.0);
  CHECK(value_of("5千万") == 50000000.0);
  const auto approx = only("10多万");
  CHECK(approx.value == 100000.0);
  CHECK(approx.approximate);
}

TEST_CASE("percentages, years, ordinals, months, fractions") {
  const auto a = only("百分之二十");
  CHECK(a.kind == NumberKind::Percent);
  CHECK(a.value == 20.0);
  CHECK(a.strong);
  const auto b = only("增长20%");
  CHECK(b.kind == NumberKind::Percent);
  CHECK(b.value == 20.0);
  const auto c = only("七成用户");
  CHECK(c.kind == NumberKind::Percent);
  CHECK(c.value == 70.0);
  CHECK(only("50 percent").kind == NumberKind::Percent);
  const auto y = only("一九三九年");
  CHECK(y.kind == NumberKind::Year);
  CHECK(y.value == 1939.0);
  CHECK(y.strong);
  const auto o = only("第十八届");
  CHECK(o.kind == NumberKind::Ordinal);
  CHECK(o.value == 18.0);
  CHECK(o.begin == 0);
  CHECK(o.end == 9);  // 第十八 (届 is not part of the number)
  CHECK(only("the 18th time").kind == NumberKind::Ordinal);
  const auto first = only("第一");
  CHECK(first.value == 1.0);
  CHECK_FALSE(first.strong);
  const auto month = only("5月份");
  CHECK(month.kind == NumberKind::Month);
  CHECK(month.value == 5.0);
  const auto may = only("valued in May.");
  CHECK(may.kind == NumberKind::Month);
  CHECK_FALSE(may.strong);
  CHECK(scan_numbers("May I ask?").empty());
  const auto third = only("三分之一");
  CHECK(third.kind == NumberKind::Fraction);
  CHECK(third.value == doctest::Approx(1.0 / 3.0));
  CHECK_FALSE(third.strong);
}

TEST_CASE("English scale words and number words") {
  CHECK(value_of("1.6 million") == 1600000.0);
  CHECK(only("1.6 million").unit == 100000.0);
  const auto b = only("$2 billion");
  CHECK(b.value == 2e9);
  CHECK(b.kind == NumberKind::Currency);
  CHECK(value_of("10k users") == 10000.0);
  CHECK(value_of("15,000,000") == 15000000.0);
  CHECK(value_of("two hundred people") == 200.0);
  CHECK(value_of("two hundred and fifty") == 250.0);
  CHECK(value_of("twenty-five") == 25.0);
  CHECK(value_of("fifty") == 50.0);
  CHECK(only("fifty").strong);
  CHECK_FALSE(only("three cars").strong);
  CHECK_FALSE(only("a hundred times").strong);
  CHECK(only("a hundred times").value == 100.0);
  CHECK_FALSE(only("hundreds of models").strong);
  CHECK_FALSE(only("the million-dollar question").strong);
  CHECK(only("the million-dollar question").value == 1e6);
  CHECK(only("two million").strong);
  CHECK(only("two decades").value == 20.0);
  CHECK(match_numbers(only("二十年"), only("for two decades")) == NumberMatch::Equal);
  CHECK(only("the nineties").value == 90.0);
  CHECK_FALSE(only("the nineties").strong);
  CHECK_FALSE(only("I'm 100% sure").strong);
  CHECK_FALSE(only("a hundred percent").strong);
  CHECK(only("a hundred percent").kind == NumberKind::Percent);
  CHECK(scan_numbers("we work 24/7").empty());
  CHECK(scan_numbers("十之八九,八九不离十").empty());
  // The longest words a number starts with, capitalised or not; a longer
  // word that begins like one is no number.
  CHECK(only("the Seventeenth day").value == 17.0);
  CHECK(only("the Seventeenth day").kind == NumberKind::Ordinal);
  CHECK(only("born in September").kind == NumberKind::Month);
  CHECK(scan_numbers("seventeenthly, septembers and hundredfold").empty());
}

TEST_CASE("a scale's match holds at both ends of its 10% window, in both directions") {
  const auto number = [](double value) {
    NumberMention m;
    m.value = value;
    m.strong = true;
    return m;
  };
  // 1 (thousand) against 900, 1000 and 1111: within 10% of 1000; 1200 is not.
  for (const double value : {900.0, 1000.0, 1111.0}) {
    CAPTURE(value);
    CHECK(match_numbers(number(1), number(value)) == NumberMatch::Scaled);
    CHECK(match_numbers(number(value), number(1)) == NumberMatch::Scaled);
  }
  CHECK(match_numbers(number(1), number(1200)) == NumberMatch::None);
  CHECK(match_numbers(number(3), number(40)) == NumberMatch::None);
  CHECK(match_numbers(number(1e4), number(0.9)) == NumberMatch::Scaled);  // 1万 against 0.9 (of 1e4)
}

TEST_CASE("approximation markers") {
  CHECK(only("二十多年").approximate);
  CHECK(only("十几个").approximate);
  CHECK_FALSE(only("十几个").strong);
  CHECK(only("about 250,000").approximate);
  CHECK(only("nearly two dozen").value == 24.0);
  CHECK(only("nearly two dozen").approximate);
  // 二十多 is 20..29: it answers "nearly two dozen" but not 35.
  CHECK(match_numbers(only("二十多种"), only("nearly two dozen")) == NumberMatch::Equal);
  CHECK(match_numbers(only("二十多种"), only("35 kinds")) == NumberMatch::None);
  const auto date = scan_numbers("in november 2007");
  REQUIRE(date.size() == 2);
  CHECK(date[0].kind == NumberKind::Month);
  CHECK(date[0].value == 11.0);
  CHECK(date[1].kind == NumberKind::Year);
  CHECK(scan_numbers("we may march").empty());
  CHECK(only("more than 50,000,000").approximate);
  CHECK(only("约300人").approximate);
  CHECK_FALSE(only("300人").approximate);
  CHECK_FALSE(only("最近一次").approximate);  // 最近 means recently
}

TEST_CASE("idioms and lone 一 are not numbers") {
  for (const char* text : {"一些", "一样", "一直", "一起", "三三两两", "十分重要", "万一", "一切",
                           "一般", "唯一", "我们一起"}) {
    CAPTURE(text);
    CHECK(scan_numbers(text).empty());
  }
  CHECK(value_of("十分钟") == 10.0);     // ten minutes
  CHECK(value_of("一万一") == 11000.0);  // 万一 only as a word of its own
  CHECK(scan_numbers("这是一本书").size() == 1);  // 一 + measure word: weak count
  CHECK_FALSE(only("这是一本书").strong);
  CHECK(scan_numbers("统一管理").empty());
  CHECK(scan_numbers("中国大陆的队伍").empty());  // 陆, 伍 alone are not 6, 5
  CHECK(scan_numbers("零售和零件").empty());
  CHECK(value_of("叁佰伍拾") == 350.0);
  CHECK_FALSE(only("上一个版本").approximate);
  CHECK(only("上千人").approximate);
  CHECK_FALSE(only("上千人").strong);
}

TEST_CASE("digits inside identifiers and versions are weak Code numbers") {
  const auto codes = scan_numbers("GPT-3 x86_64 UTF-8 i386 mp3 F1 v9");
  std::vector<double> values;
  for (const auto& m : codes) {
    CHECK(m.kind == NumberKind::Code);
    CHECK_FALSE(m.strong);
    values.push_back(m.value);
  }
  CHECK(values == std::vector<double>{3, 86, 64, 8, 386, 3, 1, 9});
  REQUIRE(codes.size() == 8);
  CHECK(codes[1].begin == 7);  // "86" in x86_64
  CHECK(codes[1].end == 9);
  const auto version = scan_numbers("version 2.6.32");
  REQUIRE(version.size() == 3);
  CHECK(version[2].value == 32.0);
  CHECK(version[2].kind == NumberKind::Code);
  CHECK(value_of("Debian 12") == 12.0);
  CHECK(only("Debian 12").strong);
  // A number written apart on the other side finds its counterpart in the code.
  CHECK(compare_numbers(scan_numbers("FIPS 151-2"), scan_numbers("FIPS-151-2")).consistent());
  CHECK(compare_numbers(scan_numbers("兼容等级9"), scan_numbers("compat level v9")).consistent());
}

// A link's or a heading's word glued to a section number ("Prev1.6.") is the
// word and the number, as the other language writes them (上一页1.6.); without
// the label's full stop, or with no dot in the digits, the digits stay a code.
TEST_CASE("a section number glued to a word is read as the number") {
  CHECK(compare_numbers(scan_numbers("上一页1.6. 种花"), scan_numbers("Prev1.6. Planting")).consistent());
  CHECK_FALSE(compare_numbers(scan_numbers("上一页1.7. 种花"), scan_numbers("Prev1.8. Planting")).consistent());
  const auto glued = scan_numbers("Prev1.6. Planting");
  REQUIRE(glued.size() == 1);
  CHECK(glued[0].value == doctest::Approx(1.6));
  CHECK(glued[0].begin == 4);
  for (const char* code : {"mp3.", "Python3.11 is out", "see x86_64.1.", "a-b1.2."})
    for (const NumberMention& m : scan_numbers(code)) CHECK(m.kind == NumberKind::Code);
}

TEST_CASE("emoji and invalid UTF-8 are skipped") {
  const std::string text = "\xF0\x9F\xA4\x97 25\xE4\xB8\x87\xFF\xFE";  // 🤗 25万 + invalid bytes
  const auto m = only(text);
  CHECK(m.value == 250000.0);
  CHECK(m.begin == 5);
  CHECK(m.end == 10);
  CHECK(scan_numbers("\xE4\xB8").empty());  // truncated 万
  CHECK(scan_numbers("").empty());
}

TEST_CASE("matching tolerates scale and rounding") {
  auto first = [](const std::string& text) { return scan_numbers(text).at(0); };
  CHECK(match_numbers(first("1.6亿"), first("160,000,000")) == NumberMatch::Equal);
  CHECK(match_numbers(first("25万"), first("250,000")) == NumberMatch::Equal);
  CHECK(match_numbers(first("1.6亿"), first("160 million")) == NumberMatch::Equal);
  CHECK(match_numbers(first("16亿"), first("1.63 billion")) == NumberMatch::Equal);
  CHECK(match_numbers(first("1.6亿"), first("170,000,000")) == NumberMatch::None);
  CHECK(match_numbers(first("5亿"), first("5 to")) == NumberMatch::Scaled);
  CHECK(match_numbers(first("160"), first("1.6亿")) == NumberMatch::Scaled);
  CHECK(match_numbers(first("6.5 million"), first("1万")) == NumberMatch::None);
  CHECK(match_numbers(first("20%"), first("20 people")) == NumberMatch::None);
  CHECK(match_numbers(first("七成"), first("70%")) == NumberMatch::Equal);
  CHECK(match_numbers(first("50%"), first("恰好一半")) == NumberMatch::Equal);
  CHECK(match_numbers(first("half of them"), first("50%")) == NumberMatch::Equal);
  CHECK(match_numbers(first("33%"), first("三分之一")) == NumberMatch::Equal);
  CHECK(match_numbers(first("40%"), first("三分之一")) == NumberMatch::None);
  CHECK(match_numbers(first("0.5"), first("一半")) == NumberMatch::Equal);
  CHECK(match_numbers(first("2"), first("一半")) == NumberMatch::None);
}

TEST_CASE("compare_numbers reports strong numbers without counterpart") {
  const auto zh = scan_numbers("参数从5亿到100亿不等,有三个版本");
  const auto en = scan_numbers("from 500,000,000 to 10,000,000,000 parameters, in 3 versions");
  const auto same = compare_numbers(zh, en);
  CHECK(same.consistent());
  CHECK(same.matched_translation == 2);
  CHECK(same.matched_original == 3);  // 3 matched by the weak 三

  const auto shifted = scan_numbers("we crossed 250,000 models and 50,000,000 page views");
  const auto mismatch = compare_numbers(zh, shifted);
  CHECK(mismatch.unmatched_translation == std::vector<std::size_t>{0, 1});
  CHECK(mismatch.unmatched_original == std::vector<std::size_t>{0, 1});
  CHECK(mismatch.matched_translation == 0);

  // Weak numbers are never reported missing.
  CHECK(compare_numbers(scan_numbers("三个人"), scan_numbers("people")).consistent());
}

TEST_CASE("long lines: many numbers compare the same way") {
  std::string zh, en;
  for (int k = 1; k <= 100; ++k) {
    zh += std::to_string(k) + "万，";
    if (k != 37) en += std::to_string(k * 10000) + " and ";
  }
  en += "about 500,000 and 6.5 million";
  const auto t = scan_numbers(zh);
  const auto o = scan_numbers(en);
  REQUIRE(t.size() == 100);
  REQUIRE(o.size() == 101);
  const auto c = compare_numbers(t, o);
  CHECK(c.unmatched_translation == std::vector<std::size_t>{36});  // 37万
  CHECK(c.matched_translation == 99);
  CHECK(c.unmatched_original == std::vector<std::size_t>{100});    // 6.5 million
  CHECK(c.matched_original == 100);
  CHECK(scan_numbers(std::string(60, '\xe4') ).empty());
  std::string digits;
  for (int k = 0; k < 40; ++k) digits += "九";
  CHECK(scan_numbers(digits).empty());
}

// ICU's Chinese spell-out *formatting* is an independent oracle for standard
// numerals (its parsing is not: it reads 一千六 as 1006). Every value it
// spells must scan back to itself; "个" after it makes even 一 a count.
TEST_CASE("ICU zh spell-out round trip") {
  UErrorCode status = U_ZERO_ERROR;
  icu::RuleBasedNumberFormat spellout(icu::URBNF_SPELLOUT, icu::Locale("zh"), status);
  REQUIRE(U_SUCCESS(status));
  std::vector<double> values;
  for (int v = 1; v <= 2100; ++v) values.push_back(v);
  for (double v = 2101; v < 1e7; v += 9973) values.push_back(std::floor(v));
  for (double v : {10000.0, 25000.0, 100010.0, 160000000.0, 200000000.0, 1000000001.0, 99999999999.0})
    values.push_back(v);
  int mismatches = 0;
  for (double v : values) {
    icu::UnicodeString spelled;
    spellout.format(v, spelled);
    std::string text;
    spelled.toUTF8String(text);
    const auto found = scan_numbers(text + "个");
    if (found.size() != 1 || found[0].value != v) {
      ++mismatches;
      if (mismatches <= 5) {
        CAPTURE(text);
        CHECK(found.size() == 1);
        if (!found.empty()) CHECK(found[0].value == v);
      }
    }
  }
  CHECK(mismatches == 0);
}

using bitext::test_support::at_code_point_start;
using bitext::test_support::random_line;

TEST_CASE("random lines: spans are ordered, inside the line and on code point starts") {
  for (unsigned seed = 0; seed < 3000; ++seed) {
    const std::string line = random_line(seed);
    CAPTURE(line);
    const auto found = scan_numbers(line);
    std::size_t previous_end = 0;
    for (const NumberMention& m : found) {
      REQUIRE(m.begin < m.end);
      REQUIRE(m.end <= line.size());
      REQUIRE(m.begin >= previous_end);
      REQUIRE(at_code_point_start(line, m.begin));
      REQUIRE(at_code_point_start(line, m.end));
      REQUIRE(m.value >= 0);
      previous_end = m.end;
    }
    const auto self = compare_numbers(found, found);
    REQUIRE(self.consistent());
  }
}

namespace {
bool consistent(const std::string& translation, const std::string& original) {
  return compare_numbers(scan_numbers(translation), scan_numbers(original)).consistent();
}
}  // namespace

TEST_CASE("decades: the century may be left out on either side") {
  CHECK(only("90 年代").kind == NumberKind::Decade);
  CHECK(only("90 年代").value == 90.0);
  CHECK(only("90 年代").strong);
  CHECK(only("在1990年代").kind == NumberKind::Decade);
  CHECK(only("九十年代").kind == NumberKind::Decade);
  CHECK(only("九十年代").value == 90.0);
  CHECK(only("in the 1990s").kind == NumberKind::Decade);
  CHECK(only("in the 1990s").value == 1990.0);
  const std::string quoted = "the '90s";
  CHECK(only(quoted).kind == NumberKind::Decade);
  CHECK(only(quoted).begin == 4);  // the apostrophe belongs to it
  CHECK(only(quoted).end == quoted.size());
  CHECK(only("the 1980's").kind == NumberKind::Decade);
  CHECK(only("the nineties").kind == NumberKind::Decade);
  CHECK(consistent("90 年代", "the 1990s"));
  CHECK(consistent("九十年代的软件", "software of the '90s"));
  CHECK(consistent("1990年代", "the nineties"));
  CHECK(consistent("20 世纪 90 年代", "in the 1990s"));
  CHECK(consistent("20世纪90年代", "the 90s"));
  CHECK_FALSE(only("20 世纪").kind == NumberKind::Ordinal);  // a century alone stays a number
  // A different decade is a mismatch, and a decade is no scaled count.
  CHECK_FALSE(consistent("80 年代", "the 1990s"));
  CHECK_FALSE(consistent("九十年代", "in the 1980s"));
  CHECK(match_numbers(only("90 年代"), only("90,000 users")) == NumberMatch::None);
  // Not decades: a year, a count of years, an uneven number.
  CHECK(only("1990年").kind == NumberKind::Year);
  CHECK(only("1995s").kind != NumberKind::Decade);
  CHECK(only("九十年").kind != NumberKind::Decade);
}

TEST_CASE("man sections, versions and standards: digits inside tokens are compared as tokens") {
  // The section of a man page is part of the name, not a quantity.
  const auto man = scan_numbers("see killall(1)");
  REQUIRE(man.size() == 1);
  CHECK(man[0].kind == NumberKind::Code);
  CHECK_FALSE(man[0].strong);

  const auto tokens = scan_numbered_tokens("参见 killall(1) 和 ISO-8859-1，版本 1.2.3，x86_64。");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].shape == "killall(#)");
  CHECK(tokens[0].digits == "1");
  CHECK(tokens[1].shape == "iso-#-#");
  CHECK(tokens[1].digits == "8859.1");
  CHECK(tokens[2].shape == "#.#.#");
  CHECK(tokens[2].digits == "1.2.3");
  CHECK(tokens[3].shape == "x#_#");
  // Byte span of killall(1): after "参见 " (7 bytes), 10 bytes long.
  CHECK(tokens[0].begin == 7);
  CHECK(tokens[0].end == 17);

  auto mismatches = [](const std::string& t, const std::string& o) {
    return compare_numbered_tokens(scan_numbered_tokens(t), scan_numbered_tokens(o));
  };
  using bitext::NumberedTokenMismatch;
  CHECK(mismatches("参见 killall(3)。", "See killall(1).") == std::vector<NumberedTokenMismatch>{{0, 0}});
  CHECK(mismatches("使用 ISO-8860-1 编码", "uses the ISO-8859-1 encoding") == std::vector<NumberedTokenMismatch>{{0, 0}});
  CHECK(mismatches("升级到 1.2.4", "upgrade to 1.2.3").size() == 1);
  // Same tokens, or tokens of different shapes: nothing changed inside a token.
  CHECK(mismatches("参见 killall(1) 和 smartd(8)", "See smartd(8) and killall(1)").empty());
  CHECK(mismatches("参见 killall(1)", "See pkill(1)").empty());
  CHECK(mismatches("GPT-3 和 GPT-4", "GPT-4 and GPT-3").empty());
  // A token kept on both sides answers for itself even when another changed.
  CHECK(mismatches("killall(1)、killall(8)", "killall(1), killall(8)").empty());
  // Decimal numbers and grouped numbers are quantities, not tokens.
  CHECK(scan_numbered_tokens("1.5 倍，10,000 个，3.14").empty());
  CHECK(scan_numbered_tokens("RFC 2822").empty());
}

TEST_CASE("ranges: each end answers its counterpart") {
  CHECK(consistent("3 到 5 天", "3-5 days"));
  CHECK(consistent("3到5天", "three to five days"));
  CHECK(consistent("3~5 分钟", "3 to 5 minutes"));
  CHECK(consistent("5-10 万用户", "50,000 to 100,000 users"));
  CHECK_FALSE(consistent("3 到 6 天", "3-5 days"));
}

TEST_CASE("approximations in both languages") {
  CHECK(only("约 30 人").approximate);
  CHECK(only("大约30人").approximate);
  CHECK(only("30 左右").approximate);
  CHECK(only("30左右").approximate);
  CHECK(only("about 30 people").approximate);
  CHECK(only("30 or so people").approximate);
  CHECK(only("30-odd people").approximate);
  CHECK_FALSE(only("30 people").approximate);
  CHECK(consistent("约 30 人", "about 30 people"));
  CHECK(consistent("30 左右", "roughly 28"));  // approximate: within 15%
  CHECK_FALSE(consistent("30 人", "28 people"));
}

TEST_CASE("a line's leading label is exact: a section label is not the chapter number rounded") {
  // "16.1." reads as the decimal 16.1; the chapter label "16." must not answer it within rounding.
  CHECK(match_numbers(only("16. Animation Filters"), only("16.1. 介绍")) == NumberMatch::None);
  CHECK(match_numbers(only("16.1. Introduction"), only("16. 卡通滤镜")) == NumberMatch::None);
  CHECK(match_numbers(only("16. Animation Filters"), only("16. 卡通滤镜")) == NumberMatch::Equal);
  CHECK(only("16. Animation Filters").unit == 0);
  // Inside a line, or without the label's dot and space, a number keeps its rounding.
  CHECK(only("grew by 16. Then").unit == 1);
  CHECK(only("16 files").unit == 1);
  CHECK(match_numbers(only("grew by 16. Then"), only("增长了 16.1")) == NumberMatch::Equal);
}

TEST_CASE("a year is a date, not a quantity: no scale reaches it") {
  auto first = [](const std::string& text) { return scan_numbers(text).at(0); };
  CHECK(first("2014年").kind == NumberKind::Year);
  CHECK(match_numbers(first("2014年"), first("第 2 节")) == NumberMatch::None);
  CHECK(match_numbers(first("[2]"), first("in 2014,")) == NumberMatch::None);
  CHECK(match_numbers(first("2014年"), first("in 2014,")) == NumberMatch::Equal);
  // A year changed in an ISO date: the date's own 01 must not answer it as "1 thousand".
  const bitext::NumberComparison changed =
      bitext::compare_numbers(scan_numbers("缺陷 #746715 2014-08-01：“技术委员会期望"), scan_numbers("Bug #746715 1014-08-01: \"The technical committee expects"));
  REQUIRE(changed.unmatched_original.size() == 1);
  REQUIRE(changed.unmatched_translation.size() == 1);
}

TEST_CASE("a month answers neither a rank nor an identifier's digits") {
  auto first = [](const std::string& text) { return scan_numbers(text).at(0); };
  // Typed with a space between digits and Chinese, 7 月 is still a month.
  CHECK(first("在 7 月 3 日").kind == NumberKind::Month);
  CHECK(first("在 7 月 3 日").value == 7.0);
  CHECK(first("13 月").kind == NumberKind::Plain);
  CHECK(match_numbers(first("7 月"), first("July")) == NumberMatch::Equal);
  CHECK(match_numbers(first("3 月"), first("3rd")) == NumberMatch::None);
  CHECK(match_numbers(first("3 月"), first("XYZ-3.8")) == NumberMatch::None);
  CHECK(match_numbers(first("3 日"), first("3rd")) == NumberMatch::Equal);
  // A month changed from 7 to 3: July 3rd no longer answers it.
  const bitext::NumberComparison changed = compare_numbers(scan_numbers("但是在 3 月 3 日另外一位用户在 XYZ-3.8 中发现了"),
                                                           scan_numbers("But on July 3rd some other person discovers XYZ-3.8."));
  REQUIRE(changed.unmatched_translation.size() == 1);
  CHECK(changed.unmatched_original.empty());
}

TEST_CASE("a decimal written with its fraction is not a whole count in words") {
  auto first = [](const std::string& text) { return scan_numbers(text).at(0); };
  CHECK(match_numbers(first("2.0 source format"), first("两个")) == NumberMatch::None);
  CHECK(match_numbers(first("2.0 source format"), first("two files")) == NumberMatch::None);
  CHECK(match_numbers(first("1.0 源代码格式"), first("the 1.0 format")) == NumberMatch::Equal);
  CHECK(match_numbers(first("2 packages"), first("两个")) == NumberMatch::Equal);
  // A version's digit groups still answer it: GIMP 2.4 is GIMP-2.4.
  CHECK(compare_numbers(scan_numbers("GIMP 2.4 中无法使用"), scan_numbers("used with GIMP-2.4.")).unmatched_translation.empty());
  // A version changed from 1.0 to 2.0: the 两 of 两个 diff.gz files does not stand in for it.
  const bitext::NumberComparison changed =
      compare_numbers(scan_numbers("你可以使用 interdiff(1) 命令比较两个 diff.gz 文件。使用旧的 1.0 源代码格式"),
                      scan_numbers("You can compare two diff.gz files with the interdiff(1) command. in the old 2.0 source format."));
  REQUIRE(changed.unmatched_original.size() == 1);
}
