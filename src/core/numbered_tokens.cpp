// Technical tokens with digits (killall(1), 1.2.3, ISO-8859-1) and the digits
// changed inside them; see numbers.hpp.
#include <algorithm>
#include <array>

#include "bitext/numbers.hpp"
#include "chars.hpp"

namespace bitext {
namespace {

// ASCII letters and digits by table (chars.hpp): the scan tests every byte of
// both sides of a pair, most of them more than once.
bool is_letter(char c) { return chars::ascii_class(static_cast<unsigned char>(c)) == chars::kAsciiLetter; }
bool is_digit(char c) { return chars::ascii_class(static_cast<unsigned char>(c)) == chars::kAsciiDigit; }
bool is_alnum(char c) { return chars::ascii_class(static_cast<unsigned char>(c)) != chars::kNotAlnum; }
bool is_connector(char c) { return c == '.' || c == '-' || c == '_' || c == '/' || c == '+'; }

// End of a man-page section glued to a name: "(1)", "(8)", "(3pm)", "(1M)".
std::size_t section_end(std::string_view line, std::size_t at) {
  if (at >= line.size() || line[at] != '(') return 0;
  std::size_t k = at + 1;
  if (k >= line.size() || !is_digit(line[k])) return 0;
  while (k < line.size() && is_digit(line[k])) ++k;
  while (k < line.size() && is_letter(line[k]) && k - at < 8) ++k;
  return k < line.size() && line[k] == ')' ? k + 1 : 0;
}

}  // namespace

std::vector<NumberedToken> scan_numbered_tokens(std::string_view line) {
  std::vector<NumberedToken> out;
  std::size_t i = 0;
  while (i < line.size()) {
    if (!is_alnum(line[i]) || (i > 0 && (is_alnum(line[i - 1]) || line[i - 1] == '_'))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < line.size()) {
      if (is_alnum(line[j])) ++j;
      else if (is_connector(line[j]) && j + 1 < line.size() && is_alnum(line[j + 1])) j += 2;
      else break;
    }
    std::size_t end = j;
    if (j > i && is_letter(line[j - 1])) end = std::max(end, section_end(line, j));
    // A token needs a digit group: most runs are words, read no further.
    if (std::none_of(line.begin() + std::ptrdiff_t(i), line.begin() + std::ptrdiff_t(end), is_digit)) {
      i = std::max(end, i + 1);
      continue;
    }
    // A decimal or thousands-grouped number is a quantity (scan_numbers); a token
    // needs a letter, a man section, or three dot-separated digit groups (1.2.3).
    NumberedToken token{i, end, {}, {}};
    std::size_t letters = 0, groups = 0, dots = 0;
    for (std::size_t k = i; k < end;) {
      if (is_digit(line[k])) {
        if (!token.digits.empty()) token.digits.push_back('.');
        while (k < end && is_digit(line[k])) token.digits.push_back(line[k++]);
        token.shape.push_back('#');
        ++groups;
        continue;
      }
      if (is_letter(line[k])) ++letters;
      if (line[k] == '.') ++dots;
      token.shape.push_back((line[k] >= 'A' && line[k] <= 'Z') ? char(line[k] + 32) : line[k]);
      ++k;
    }
    const bool versionlike = letters == 0 && groups >= 3 && dots + 1 == groups;
    const bool word_end_ok = end >= line.size() || !(static_cast<unsigned char>(line[end]) < 0x80 && is_alnum(line[end]));
    if (groups > 0 && (letters > 0 || versionlike) && word_end_ok) out.push_back(std::move(token));
    i = std::max(end, i + 1);
  }
  return out;
}

std::vector<NumberedTokenMismatch> compare_numbered_tokens(std::span<const NumberedToken> translation,
                                                           std::span<const NumberedToken> original) {
  auto has_copy = [](const NumberedToken& t, std::span<const NumberedToken> other) {
    return std::any_of(other.begin(), other.end(),
                       [&](const NumberedToken& o) { return o.shape == t.shape && o.digits == t.digits; });
  };
  std::vector<bool> original_used(original.size(), false);
  for (std::size_t k = 0; k < original.size(); ++k) original_used[k] = has_copy(original[k], translation);
  std::vector<NumberedTokenMismatch> out;
  for (std::size_t t = 0; t < translation.size(); ++t) {
    if (has_copy(translation[t], original)) continue;
    for (std::size_t k = 0; k < original.size(); ++k) {
      if (original_used[k] || original[k].shape != translation[t].shape) continue;
      original_used[k] = true;
      out.push_back({t, k});
      break;
    }
  }
  return out;
}

}  // namespace bitext
