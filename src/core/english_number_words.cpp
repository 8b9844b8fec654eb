// Numbers written as English words (twenty-five, a third, the nineties),
// ordinals, months and vague quantities: the Scanner's reader of them
// (number_scanner.hpp).
#include "number_scanner.hpp"

#include <algorithm>
#include <bitset>
#include <vector>

namespace bitext::number_scan {
namespace {

// Every word a number can start with (a month, a vague quantity, a number
// word, an article before a scale word), sorted, and the first two letters of
// each: most words of a line are none of them and are passed over by one
// test of their first two letters, the rest with one search.
// The index of a word's first two lowercase letters (the second may be the
// end), or -1 for anything else.
int two_letter_index(std::string_view word) {
  if (word.empty() || word[0] < 'a' || word[0] > 'z') return -1;
  const int second = word.size() < 2 ? 26 : word[1] >= 'a' && word[1] <= 'z' ? word[1] - 'a' : -1;
  return second < 0 ? -1 : (word[0] - 'a') * 27 + second;
}

// The longest word may_start_number accepts.
constexpr std::size_t longest_starter() {
  std::size_t longest = std::string_view("hundred").size();
  for (const std::string_view month : kMonths) longest = std::max(longest, month.size());
  for (const WordNumber& entry : kSmallWords) longest = std::max(longest, entry.word.size());
  for (const WordNumber& entry : kScaleWords) longest = std::max(longest, entry.word.size());
  for (const WordNumber& entry : kOrdinalWords) longest = std::max(longest, entry.word.size());
  for (const WordNumber& entry : kVagueWords) longest = std::max(longest, entry.word.size());
  return longest;
}
constexpr std::size_t kLongestStarter = longest_starter();

bool may_start_number(std::string_view word) {
  struct Starters {
    std::vector<std::string_view> words;
    std::bitset<26 * 27> two_letters;
    // The same with the length: most words that share their first two
    // letters with a starter are not as long as one ("the", "this").
    std::bitset<26 * 27 * (kLongestStarter + 1)> two_letters_and_length;
  };
  static const Starters starters = [] {
    Starters out;
    std::vector<std::string_view>& words = out.words;
    words.assign(kMonths.begin(), kMonths.end());
    const auto add = [&words](const auto& table) {
      for (const WordNumber& entry : table) words.push_back(entry.word);
    };
    add(kSmallWords);
    add(kScaleWords);
    add(kOrdinalWords);
    add(kVagueWords);
    for (const std::string_view word : {"a", "an", "hundred"}) words.push_back(word);
    std::sort(words.begin(), words.end());
    for (const std::string_view word : words) {
      const int index = two_letter_index(word);
      if (index >= 0) out.two_letters.set(std::size_t(index));
      if (index >= 0) out.two_letters_and_length.set(std::size_t(index) * (kLongestStarter + 1) + word.size());
    }
    return out;
  }();
  const int index = two_letter_index(word);
  if (index >= 0 && !starters.two_letters.test(std::size_t(index))) return false;
  if (index >= 0 && word.size() <= kLongestStarter &&
      !starters.two_letters_and_length.test(std::size_t(index) * (kLongestStarter + 1) + word.size()))
    return false;
  return std::binary_search(starters.words.begin(), starters.words.end(), word);
}

}  // namespace

// ---- English number words, ordinals, months and vague quantities.
std::size_t Scanner::scan_word(std::size_t i) {
  std::size_t j = i;
  // The word lowered, in a buffer longer than any word a number starts with
  // (may_start_number's): a longer word is none of them. Most words are
  // passed over without a string.
  char lowered[kLongestStarter + 1];
  std::size_t size = 0;
  for (; is_ascii_letter(at(j)); ++j, ++size)
    if (size < sizeof lowered) lowered[size] = char(ascii_lower(at(j)));
  if (is_digit(at(j)) && glued_section_number(j)) return j;  // the number is read on its own (Prev1.6.)
  if (is_digit(at(j)) || at(j) == U'_' || is_latin_letter(at(j))) return skip_identifier(i);
  if (is_latin_letter(before(i)) || is_digit(before(i))) return j;
  // What the readers below return for any other word.
  if (size > kLongestStarter || !may_start_number(std::string_view(lowered, size))) return j;
  const std::string word(lowered, size);

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

}  // namespace bitext::number_scan
