// Random lines for property tests of the line scanners (numbers, tokens,
// segmentation): fragments that stress them — CJK, full-width forms, emoji,
// numbers, names, punctuation, invalid and truncated UTF-8.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>

#include "bitext/text.hpp"

namespace bitext::test_support {

inline std::string random_line(unsigned seed) {
  static const char* const kFragments[] = {
      "一", "十", "百", "千", "万", "亿", "两", "零", "第", "成", "分之", "多", "几", "年", "月", "个",
      "美元", "百分之", "的", "。", "，", "、", "——", "……", "？", "！", "“", "”", "（", "）",
      "0", "1", "25", "1,600", ".", ",", "%", "$", " ", "  ", "-", "/", "_", "@",
      "Hugging", "Face", "GPT-3", "hf.co", "//", "million", "two", "hundred", "and", "a", "May",
      "\xF0\x9F\xA4\x97", "\xEF\xBC\x91", "\xEF\xBC\x8C", "\xE3\x80\x80", "\xFF", "\xE4\xB8", "\xC3", "\x80"};
  constexpr std::size_t kCount = sizeof(kFragments) / sizeof(kFragments[0]);
  unsigned state = seed * 2654435761u + 1;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
  };
  std::string line;
  const unsigned length = next() % 24;
  for (unsigned k = 0; k < length; ++k) line += kFragments[next() % kCount];
  return line;
}

// Whether `offset` starts a code point (or an invalid byte) of `text`.
inline bool at_code_point_start(const std::string& text, std::size_t offset) {
  std::size_t k = 0;
  while (k < offset) k += std::max<std::size_t>(1, bitext::decode_utf8(text, k).length);
  return k == offset;
}

}  // namespace bitext::test_support
