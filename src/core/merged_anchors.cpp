// Anchors of a merged line beside the dictionary's words (merged_anchors.hpp).
#include "merged_anchors.hpp"

#include <algorithm>

#include "chars.hpp"

namespace bitext::detail {
namespace {

bool lower(char c) { return chars::is_ascii_lower(static_cast<unsigned char>(c)); }
bool upper(char c) { return chars::is_ascii_upper(static_cast<unsigned char>(c)); }
bool letter(char c) { return chars::is_ascii_letter(static_cast<unsigned char>(c)); }

}  // namespace

std::vector<MergedNumber> merged_numbers(std::string_view line) {
  std::vector<MergedNumber> numbers;
  auto digit = [&](std::size_t at) { return at < line.size() && chars::is_ascii_digit(static_cast<unsigned char>(line[at])); };
  for (std::size_t at = 0; at < line.size();) {
    if (!digit(at)) {
      ++at;
      continue;
    }
    const std::size_t begin = at;
    while (digit(at) || ((line[at] == '.' || line[at] == ',' || line[at] == ':') && digit(at + 1) && at > begin)) ++at;
    numbers.push_back({std::uint32_t(begin), std::uint32_t(at), line.substr(begin, at - begin)});
  }
  return numbers;
}

bool merged_number_in(const std::vector<MergedNumber>& numbers, std::string_view number) {
  return std::any_of(numbers.begin(), numbers.end(), [&](const MergedNumber& n) { return n.text == number; });
}

bool glued_capital_word_at(std::string_view line, std::size_t at) {
  if (at < 2 || at + 1 >= line.size() || !upper(line[at])) return false;
  if (lower(line[at - 1])) {
    std::size_t end = at;
    while (end < line.size() && upper(line[end])) ++end;
    if (end - at < 2 || (end < line.size() && letter(line[end]))) return false;
    std::size_t start = at;
    while (start > 0 && letter(line[start - 1])) --start;
    if (at - start < 2) return false;
    for (std::size_t k = start + 1; k < at; ++k) {
      if (upper(line[k])) return false;
    }
    return true;
  }
  return upper(line[at - 1]) && upper(line[at - 2]) && at + 2 < line.size() && lower(line[at + 1]) &&
         lower(line[at + 2]);
}

namespace {

// Where the small-letter word line[begin, end) splits into two words the
// dictionary knows, each of three letters or more, or the first one and then a
// function word (a function word or a two-letter piece first splits too many
// words: "in|odes"), when it is no word of its own and splits so at one place
// only; 0 when none.
std::size_t glued_small_words(std::string_view line, std::size_t begin, std::size_t end, const Lexicon& lexicon) {
  for (std::size_t k = begin; k < end; ++k)
    if (!lower(line[k])) return 0;
  auto known = [&](std::string_view word) {
    const std::string key = english_word_key(word);
    return !key.empty() && lexicon.key_id(key).has_value();
  };
  const std::string_view whole = line.substr(begin, end - begin);
  if (english_word_key(whole).empty() || known(whole)) return 0;
  std::size_t found = 0;
  for (std::size_t at = begin + 3; at + 2 <= end; ++at) {
    // The second may be a function word that opens an entry ("by nameby description").
    const std::string_view right = line.substr(at, end - at);
    const bool right_word = (right.size() >= 3 && known(right)) || english_word_key(right).empty();
    if (!known(line.substr(begin, at - begin)) || !right_word) continue;
    if (found != 0) return 0;
    found = at;
  }
  return found;
}

}  // namespace

std::vector<std::size_t> merged_small_glue(std::string_view line, const Lexicon& lexicon) {
  std::vector<std::size_t> glue;
  for (std::size_t at = 0; at < line.size();) {
    if (!letter(line[at])) {
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < line.size() && letter(line[end])) ++end;
    if (const std::size_t cut = glued_small_words(line, at, end, lexicon); cut != 0) glue.push_back(cut);
    at = end;
  }
  return glue;
}

std::vector<LexicalWord> merged_english_words(std::string_view line, const std::vector<std::size_t>& glue) {
  std::vector<LexicalWord> words = english_line_words(line);
  std::vector<LexicalWord> out;
  out.reserve(words.size());
  // The words of line[from, to), at their offsets in the line.
  auto append_part = [&](std::size_t from, std::size_t to) {
    for (LexicalWord part : english_line_words(line.substr(from, to - from))) {
      part.begin += std::uint32_t(from);
      part.end += std::uint32_t(from);
      out.push_back(std::move(part));
    }
  };
  for (LexicalWord& word : words) {
    std::size_t from = word.begin;
    for (std::size_t at = word.begin + 1; at < word.end; ++at) {
      // A small letter, then a capital followed by a small letter ("…eColor"):
      // not "GNU", not "iPhone"'s single small letter at the word's start.
      const bool camel = lower(line[at - 1]) && upper(line[at]) && at + 1 < word.end && lower(line[at + 1]);
      if (!(camel || glued_capital_word_at(line, at)) || at - from < 2) continue;
      append_part(from, at);
      from = at;
    }
    if (from == word.begin) {
      const auto glued = std::find_if(glue.begin(), glue.end(), [&](std::size_t at) { return at > word.begin && at < word.end; });
      if (glued != glue.end()) {
        append_part(word.begin, *glued);
        append_part(*glued, word.end);
      } else {
        out.push_back(std::move(word));
      }
    } else {
      append_part(from, word.end);
    }
  }
  return out;
}

}  // namespace bitext::detail
