// Numbers in a line of Chinese or English text, and whether the numbers of a
// translation line and of its original line agree. One scanner reads both
// languages (Chinese lines carry Arabic digits, English lines rarely carry
// Chinese numerals), so callers need not say which language a line is in.
//
// Policy against false alarms. Each number is either *strong* (it must have a
// counterpart on the other side, or the pair is suspect) or *weak* (it may serve
// as a counterpart but is never reported missing):
//   strong: numbers written with digits (160,000,000; 1.6亿; ２５; 10k; 20%);
//           Chinese numerals of value >= 10 with an explicit multiplier
//           (二十五, 一亿六千万, 两万五, 第十八, 七成, 一九三九年);
//           English number words of value >= 10 (fifty, two hundred).
//   weak:   small numbers in words (三, 两个, 第一, three, first, twice), month
//           names, vague quantities (几十, 数百, 上千, 百万 without multiplier,
//           hundreds, a million, dozens, the nineties), fractions (三分之一,
//           一半, half), digit strings read out that are not years, and 100%
//           ("100% sure", "a hundred percent" are manners of speaking).
//           Digit groups inside identifiers and version strings (GPT-3,
//           x86_64, v9, 2.6.32) are weak numbers of kind Code: they are
//           carried-over tokens (tokens.hpp) more than quantities, but may
//           answer a number written apart on the other side (FIPS 151-2).
//   none:   idioms that contain numerals (一些, 一样, 一直, 十分 'very', 万一,
//           三三两两, 唯一 ...); a lone 一 unless a measure word or scale
//           follows it or 第 precedes it; 24/7.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/text.hpp"

namespace bitext {

enum class NumberKind : std::uint8_t {
  Plain,
  Percent,   // 20%, 百分之二十, 七成 (= 70), 20 percent: value is the percentage
  Currency,  // $2 billion, 1.6亿美元, 10美分
  Ordinal,   // 第十八届, 18th, first
  Year,      // 一九三九年, 2017年; 4-digit 1000..2999 digit runs in English
  Month,     // 5月, 十二月, May (value 1..12)
  Fraction,  // 三分之一 (value 1/3), 一半, half (0.5): answers the same percentage
  Code,      // a digit group inside an identifier or version (GPT-3, v9, 2.6.32): always weak
  Decade,    // 1990s, '90s, 90 年代, 九十年代 (value 1990 or 90: the century may be left out),
             // the nineties (weak); a decade answers a decade with the same last two digits
};

enum class NumberNotation : std::uint8_t {
  Digits,    // Arabic digits, ASCII or full-width, with or without scale words
  Chinese,   // Chinese numerals only
  Mixed,     // digits with a Chinese scale: 1.6亿, 25万, 1,600万
  Words,     // English number words: two hundred, fifty
};

struct NumberMention {
  std::size_t begin = 0;  // byte span of the whole expression, prefixes and
  std::size_t end = 0;    // suffixes included ("$160,000,000", "百分之二十", "1.6亿美元")
  double value = 0;       // 1.6亿 -> 160000000, 20% -> 20, 第十八 -> 18
  double unit = 1;        // value of one step of the last written digit (1.6亿 -> 1e7): rounding tolerance
  NumberKind kind = NumberKind::Plain;
  NumberNotation notation = NumberNotation::Digits;
  bool approximate = false;  // 多, 余, 几, 左右, 约, about, over, nearly, more than, ...
  bool strong = false;       // must have a counterpart (see the policy above)
  bool operator==(const NumberMention&) const = default;
};

// Ranges (3-5, 3 到 5, 3~5, three to five) are two numbers, each answering its
// own counterpart; a scale after the second (5-10 万) reaches the first through
// a Scaled match. Approximations (约 30, 30 左右, about 30, 30 or so, 30-odd)
// set `approximate`.
//
// All numbers in a line, in text order, non-overlapping. Never throws; invalid
// UTF-8 bytes are skipped as non-number characters.
std::vector<NumberMention> scan_numbers(std::string_view line);
// The same with the line's code points as decode_code_points gives them.
std::vector<NumberMention> scan_numbers(std::string_view line, std::span<const CodePointSpan> code_points);

enum class NumberMatch : std::uint8_t {
  None,
  Scaled,  // equal up to a scale word: "5" in "5 to 10 billion" vs 5亿; 160 vs 1.6亿
  Equal,   // equal within rounding (half the larger unit); when either is approximate,
           // within the larger unit or 15% (二十多 = 20..30 answers "nearly two dozen")
};

// Whether two mentions can denote the same quantity. Kind is ignored (a year
// 2017 equals a plain 2017) except that a percentage only equals a percentage
// or a fraction (50% = 一半, within one point).
NumberMatch match_numbers(const NumberMention& a, const NumberMention& b);

// Strong numbers of each side that have no counterpart (any number, strong or
// weak, that matches Equal or Scaled) on the other side. A counterpart may
// serve several numbers: "10 and 10" vs "10" is consistent.
struct NumberComparison {
  std::vector<std::size_t> unmatched_translation;  // indices into the translation's mentions
  std::vector<std::size_t> unmatched_original;     // indices into the original's mentions
  std::size_t matched_translation = 0;  // strong translation numbers with a counterpart
  std::size_t matched_original = 0;     // strong original numbers with a counterpart
  bool consistent() const { return unmatched_translation.empty() && unmatched_original.empty(); }
};

NumberComparison compare_numbers(std::span<const NumberMention> translation,
                                 std::span<const NumberMention> original);
// compare_numbers' counts alone (both sides summed), with no index vectors:
// the pairing and content costs ask only these, many times per line.
struct NumberMatchCounts {
  std::size_t matched = 0, unmatched = 0;
};
NumberMatchCounts count_number_matches(std::span<const NumberMention> translation,
                                       std::span<const NumberMention> original);

// Technical tokens that contain digits, compared as tokens rather than as
// quantities: man-page references (killall(1), smartd(8)), versions (1.2.3,
// v2.6), standards and identifiers (ISO-8859-1, x86_64, RFC 2822 is two
// tokens). Their digit groups are weak Code numbers for compare_numbers; a
// digit changed inside such a token is found here.
struct NumberedToken {
  std::size_t begin = 0;  // byte span in the line
  std::size_t end = 0;
  std::string shape;      // lowercase letters and punctuation, each digit group as '#': "killall(#)", "iso-#-#"
  std::string digits;     // the digit groups joined by '.': "1", "8859.1"
  bool operator==(const NumberedToken&) const = default;
};
std::vector<NumberedToken> scan_numbered_tokens(std::string_view line);

// A token of one side with no identical token on the other, and a token of
// the other side of the same shape with other digits and no identical token on
// the first side: the same thing with a number changed (killall(1) against
// killall(3), ISO-8859-1 against ISO-8860-1). Each token is in one mismatch at most.
struct NumberedTokenMismatch {
  std::size_t translation = 0;  // index into the translation's tokens
  std::size_t original = 0;     // index into the original's tokens
  bool operator==(const NumberedTokenMismatch&) const = default;
};
std::vector<NumberedTokenMismatch> compare_numbered_tokens(std::span<const NumberedToken> translation,
                                                           std::span<const NumberedToken> original);

}  // namespace bitext
