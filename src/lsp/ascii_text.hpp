#pragma once

// ASCII case and blanks, for what the server matches in names and queries
// (speaker names, workspace-symbol queries, typed label prefixes): letters
// outside ASCII compare as they are.

#include <algorithm>
#include <string_view>

namespace bitext::lsp {

inline bool is_blank(char c) { return c == ' ' || c == '\t'; }

inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool equals_nocase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

inline bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  return prefix.size() <= text.size() && equals_nocase(text.substr(0, prefix.size()), prefix);
}

// Whether `haystack` contains `lowered_needle` (already lower case) in any case.
inline bool contains_nocase(std::string_view haystack, std::string_view lowered_needle) {
  if (lowered_needle.empty()) return true;
  auto it = std::search(haystack.begin(), haystack.end(), lowered_needle.begin(), lowered_needle.end(),
                        [](char a, char b) { return ascii_lower(a) == b; });
  return it != haystack.end();
}

}  // namespace bitext::lsp
