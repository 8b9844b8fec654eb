// A word glued to a section number ("Prev1.6.", "RAID12.1.1."): a link's word
// or a heading's last word run into the next heading's number by text
// extraction, which the other language writes apart (上一页1.6.). The token
// scanner splits it into the word and the number, and the number scanner
// reads the number; both ask this one predicate so that they agree.
#pragma once

#include <cstddef>
#include <optional>

#include "chars.hpp"

namespace bitext {

// `at(k)` is the code point at k (0 past the end); the word's letters start
// at `word` and its digits at `digits`. It is one when the word is two or more
// ASCII letters (full-width too) not joined to anything before it (a letter, digit or one of
// _ - . /), and the digits are two or more groups joined by dots, closed by the
// label's full stop that no digit or letter follows. Returns that full stop's
// position, or nothing. "Python3.11 is" (no full stop), "Rev12." (one group)
// and "x86_64.1." (joined to a word before) are identifiers, not labels.
template <class CodePointAt>
std::optional<std::size_t> glued_section_number_stop(const CodePointAt& at, std::size_t word,
                                                     std::size_t digits) {
  const auto digit = [](char32_t c) { return chars::is_ascii_digit(chars::fold_width(c)); };
  const auto letter = [](char32_t c) {
    c = chars::fold_width(c);
    return chars::is_ascii_letter(c) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
  };
  if (digits < word + 2) return std::nullopt;
  for (std::size_t k = word; k < digits; ++k)
    if (!chars::is_ascii_letter(chars::fold_width(at(k)))) return std::nullopt;
  if (word > 0) {
    const char32_t lead = at(word - 1);
    if (digit(lead) || letter(lead) || lead == U'_' || lead == U'-' || lead == U'.' || lead == U'/')
      return std::nullopt;
  }
  std::size_t j = digits;
  std::size_t groups = 0;
  while (digit(at(j))) {
    while (digit(at(j))) ++j;
    ++groups;
    if (at(j) != U'.') return std::nullopt;
    if (!digit(at(j + 1))) break;
    ++j;
  }
  if (groups < 2 || digit(at(j + 1)) || letter(at(j + 1))) return std::nullopt;
  return j;
}

}  // namespace bitext
