// Front matter told by content (front_matter.hpp).
#include "front_matter.hpp"

#include <algorithm>

#include "bitext/lexicon.hpp"
#include "bitext/text.hpp"
#include "chars.hpp"
#include "line_end_marks.hpp"
#include "line_facts.hpp"

namespace bitext::detail {

HeaderFit header_fit(std::string_view line, Script line_script, std::span<const std::string_view> others) {
  if (line_script != Script::Han && line_script != Script::Latin) return HeaderFit::Unknown;
  const Lexicon* lexicon = Lexicon::shared();
  if (!lexicon) return HeaderFit::Unknown;
  const bool chinese = line_script == Script::Han;
  const std::vector<LexicalWord> words = chinese ? chinese_line_words(line, lexicon) : english_line_words(line);
  // Two content words the dictionary can match at least: one says little.
  constexpr std::size_t kKnownWords = 2;
  std::size_t known = 0;
  for (const LexicalWord& word : words) known += word.origin == WordOrigin::Latin || lexicon->contains(word.key);
  if (known < kKnownWords) return HeaderFit::Unknown;
  for (const std::string_view other : others) {
    const std::vector<LexicalWord> other_words = chinese ? english_line_words(other) : chinese_line_words(other, lexicon);
    const LexicalEvidence evidence =
        chinese ? lexical_evidence(*lexicon, words, other_words) : lexical_evidence(*lexicon, other_words, words);
    const std::size_t hits = chinese ? evidence.chinese_hits : evidence.english_hits;
    if (hits >= kKnownWords) return HeaderFit::Partner;
  }
  return HeaderFit::NoPartner;
}

namespace {

bool ascii_digit(char c) { return chars::is_ascii_digit(static_cast<unsigned char>(c)); }

// Length of a section number at the start of `text`: digits (or one capital,
// an appendix) and ".digits" groups, at least two groups ("8.41", "A.14") or
// one group closed by a full stop ("16."); 0 when there is none. A capital
// alone ("A.") only after a word ("附录 A.", "Appendix A."): at the start of a
// line it is as likely an initial ("A. Smith").
std::size_t section_number(std::string_view text, bool after_word) {
  std::size_t at = 0;
  std::size_t groups = 0;
  if (!text.empty() && chars::is_ascii_upper(text[0]) && text.size() > 1 && text[1] == '.') {
    at = 1;
    groups = 1;
  } else {
    while (at < text.size() && ascii_digit(text[at])) ++at;
    if (at == 0) return 0;
    groups = 1;
  }
  while (at + 1 < text.size() && text[at] == '.' && ascii_digit(text[at + 1])) {
    ++at;
    while (at < text.size() && ascii_digit(text[at])) ++at;
    ++groups;
  }
  const bool stop = at < text.size() && text[at] == '.';
  if (stop) ++at;
  if (groups == 1 && !ascii_digit(text[0]) && !after_word) return 0;
  return groups >= 2 || stop ? at : 0;
}

bool has_letters(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    at += std::max<std::size_t>(decoded.length, 1);
    const char32_t c = decoded.code_point;
    if (chars::is_ascii_letter(c) || chars::is_han(c)) return true;
  }
  return false;
}

}  // namespace

std::string_view heading_number(std::string_view line) {
  std::string_view text = trim(line);
  // "第 1 章" / "第 8.41 节": the Chinese ordinal frame, with or without spaces.
  constexpr std::string_view kOrdinal = "第";
  if (text.starts_with(kOrdinal)) {
    std::string_view rest = trim(text.substr(kOrdinal.size()));
    std::size_t digits = 0;
    while (digits < rest.size() && (ascii_digit(rest[digits]) || rest[digits] == '.')) ++digits;
    if (digits == 0) return {};
    std::string_view number = rest.substr(0, digits);
    rest = trim(rest.substr(digits));
    while (number.ends_with('.')) number.remove_suffix(1);
    for (const std::string_view unit : {std::string_view("章"), std::string_view("节")})
      if (rest.starts_with(unit)) return has_letters(rest.substr(unit.size())) ? number : std::string_view();
    return {};
  }
  // One word before the number at most ("Figure", "图", "Chapter", "Section").
  std::size_t number = section_number(text, false);
  if (number == 0) {
    const std::size_t space = text.find(' ');
    if (space == std::string_view::npos || space > 16) return {};
    const std::string_view word = text.substr(0, space);
    if (!has_letters(word) || std::any_of(word.begin(), word.end(), ascii_digit)) return {};
    text = trim(text.substr(space + 1));
    number = section_number(text, true);
    if (number == 0) return {};
  }
  // Then a title: a separator (space, or the comma of "Section 8.41,") and letters.
  const std::string_view title = text.substr(number);
  if (title.empty() || (title[0] != ' ' && title[0] != ',')) return {};
  if (!has_letters(title)) return {};
  std::string_view digits = text.substr(0, number);
  if (digits.ends_with('.')) digits.remove_suffix(1);
  return digits;
}

bool numbered_heading(std::string_view line) { return !heading_number(line).empty(); }

bool carries_number(std::string_view line, std::string_view number) {
  if (number.empty()) return false;
  const auto part_of_number = [](char c) { return ascii_digit(c) || c == '.'; };
  for (std::size_t at = line.find(number); at != std::string_view::npos; at = line.find(number, at + 1)) {
    const std::size_t end = at + number.size();
    const bool open = at == 0 || !(part_of_number(line[at - 1]) || chars::is_ascii_upper(line[at - 1]));
    // "8.4" is not carried by "8.41" nor by "8.4.1", but by "8.4." and "8.4,".
    const bool closed = end == line.size() || (!ascii_digit(line[end]) &&
                                               !(line[end] == '.' && end + 1 < line.size() && ascii_digit(line[end + 1])));
    if (open && closed) return true;
  }
  return false;
}

bool bare_label(std::string_view line) {
  const std::string_view text = trim(line);
  if (is_number_label(text)) return true;
  constexpr std::string_view kOrdinal = "第";
  if (text.starts_with(kOrdinal)) {
    std::string_view rest = trim(text.substr(kOrdinal.size()));
    std::size_t digits = 0;
    while (digits < rest.size() && (ascii_digit(rest[digits]) || rest[digits] == '.')) ++digits;
    if (digits == 0) return false;
    rest = trim(rest.substr(digits));
    return rest == "章" || rest == "节";
  }
  // One word before the number, with or without a space: the number must end
  // the line. A digit, or an appendix capital not inside a Latin word, starts it.
  // section_number reads digits, full stops and a capital only, so the number
  // begins inside the line's last run of those (the rest of a long line is not read).
  std::size_t run = text.size();
  while (run > 0 && (ascii_digit(text[run - 1]) || text[run - 1] == '.' || chars::is_ascii_upper(text[run - 1])))
    --run;
  for (std::size_t at = std::max<std::size_t>(run, 1); at < text.size(); ++at) {
    const char c = text[at];
    const char before = text[at - 1];
    const bool latin_before = chars::is_ascii_letter(before);
    if (!ascii_digit(c) && !(chars::is_ascii_upper(c) && !latin_before)) continue;
    if (section_number(text.substr(at), true) != text.size() - at) continue;
    const std::string_view word = trim(text.substr(0, at));
    return word.size() <= 16 && word.find(' ') == std::string_view::npos && has_letters(word) &&
           std::none_of(word.begin(), word.end(), ascii_digit);
  }
  return false;
}

bool is_number_label(std::string_view text) {
  if (text.size() < 2 || text.back() != '.') return false;
  std::size_t at = 0;
  while (at + 1 < text.size()) {
    const std::size_t start = at;
    while (at < text.size() && ascii_digit(text[at])) ++at;
    if (at == start) {
      if (start != 0 || !chars::is_ascii_upper(text[at])) return false;
      ++at;  // an appendix letter, first group only
    }
    if (at >= text.size() || text[at] != '.') return false;
    ++at;
  }
  return at == text.size();
}

std::string_view navigation_word(std::string_view text) {
  for (const std::string_view word : {std::string_view("上一页"), std::string_view("下一页")})
    if (text.starts_with(word)) return word;
  for (const std::string_view word : {std::string_view("Prev"), std::string_view("Next")}) {
    if (!text.starts_with(word)) continue;
    if (text.size() == word.size()) return word;
    const auto c = static_cast<unsigned char>(text[word.size()]);
    return ascii_digit(static_cast<char>(c)) || chars::is_ascii_upper(c) || c >= 0x80 ? word : std::string_view{};
  }
  return {};
}

bool navigation_line(std::string_view line) { return !navigation_word(trim(line)).empty(); }

std::size_t navigation_link_inside(std::string_view line, std::string_view link_line) {
  const std::string_view word = navigation_word(trim(link_line));
  if (word.empty()) return 0;
  // The same link in the line's own language (the other of the link line's).
  const bool previous = word == "上一页" || word == "Prev";
  const bool link_latin = static_cast<unsigned char>(word.front()) < 0x80;
  const std::string_view own = link_latin ? (previous ? "上一页" : "下一页") : (previous ? "Prev" : "Next");
  std::size_t start = 0;
  while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
  for (std::size_t at = line.find(own, start + 1); at != std::string_view::npos; at = line.find(own, at + 1))
    if (navigation_word(line.substr(at)) == own) return at;
  return 0;
}

std::string_view navigation_title(std::string_view line) {
  std::string_view text = trim(line);
  // Links glued together ("上一页下一页…") all go.
  for (std::string_view word = navigation_word(text); !word.empty(); word = navigation_word(text))
    text = trim(text.substr(word.size()));
  return text;
}

bool segments_apart(std::string_view first, std::string_view second) {
  first = trim(first);
  second = trim(second);
  if (first.empty() || second.empty() || bare_label(first)) return false;
  // The mark before closing quotes and brackets ("…the License.”").
  std::size_t end = first.size();
  while (end > 0 && chars::is_closing_mark(decode_utf8(first, code_point_start_before(first, end)).code_point))
    end = code_point_start_before(first, end);
  if (end == 0) return false;
  const char32_t last = decode_utf8(first, code_point_start_before(first, end)).code_point;
  if (ends_sentence(last) || is_comma_like(last) || last == U':' || last == U'\uFF1A' || last == U';' ||
      last == U'\uFF1B' || last == U'-' || last == U'\u3002')
    return false;
  const char32_t open = decode_utf8(second, 0).code_point;
  if (open < 0x80) return chars::is_ascii_upper(open) || chars::is_ascii_digit(open);
  return chars::is_cjk(open);
}

bool ends_with_function_word(std::string_view line) {
  static constexpr std::string_view kClosed[] = {
      "a",    "an",   "the",   "of",    "to",    "in",  "into", "for",   "with",    "on",    "at",   "by",
      "from", "via",  "and",   "or",    "but",   "nor", "as",   "than",  "is",      "are",   "was",  "were",
      "be",   "been", "has",   "have",  "had",   "can", "could", "may",  "might",   "must",  "shall", "should",
      "will", "would", "do",   "does",  "that",  "which", "whose", "if", "whether", "when",  "while", "because"};
  line = trim(line);
  std::size_t begin = line.size();
  while (begin > 0 && chars::is_ascii_letter(static_cast<unsigned char>(line[begin - 1]))) --begin;
  if (begin == line.size() || (begin > 0 && line[begin - 1] != ' ')) return false;
  std::string word(line.substr(begin));
  for (char& c : word) c = static_cast<char>(chars::is_ascii_upper(c) ? c - 'A' + 'a' : c);
  return std::find(std::begin(kClosed), std::end(kClosed), word) != std::end(kClosed);
}

std::string_view opening_word(std::string_view line) {
  line = trim(line);
  std::size_t end = 0;
  while (end < line.size() && (chars::is_ascii_alnum(static_cast<unsigned char>(line[end])) || line[end] == '-')) ++end;
  return line.substr(0, end);
}

void inner_capital_words(std::string_view line, std::vector<std::string_view>& out) {
  for (std::size_t at = line.find(' '); at != std::string_view::npos; at = line.find(' ', at + 1)) {
    if (at == 0 || !chars::is_ascii_lower(line[at - 1]) || at + 1 >= line.size()) continue;
    if (!chars::is_ascii_upper(line[at + 1])) continue;
    const std::string_view word = opening_word(line.substr(at + 1));
    if (!word.empty()) out.push_back(word);
  }
}

bool list_entry(std::string_view line) {
  constexpr std::size_t kListEntryCodePoints = 24;
  line = trim(line);
  if (line.empty()) return false;
  std::size_t count = 0;
  for (std::size_t at = 0; at < line.size();) {
    const DecodedCodePoint decoded = decode_utf8(line, at);
    at += std::max<std::size_t>(decoded.length, 1);
    const char32_t c = decoded.code_point;
    if (ends_sentence(c) || is_comma_like(c) || c == U':' || c == U'\uFF1A' || c == U'\u3002') return false;
    if (++count > kListEntryCodePoints) return false;
  }
  return true;
}

// The number label that ends a text ("4." of "Chapter 4.", "12.4." of
// "Prev12.4."), or empty.
std::string_view trailing_number_label(std::string_view text) {
  text = trim(text);
  std::size_t begin = text.size();
  while (begin > 0 && (ascii_digit(text[begin - 1]) || text[begin - 1] == '.')) --begin;
  while (begin < text.size() && text[begin] == '.') ++begin;
  const std::string_view label = text.substr(begin);
  return is_number_label(label) ? label : std::string_view{};
}

// Whether `partner` holds `label` with its full stop as a whole number (not
// inside "1.13." for "13.").
bool holds_label(std::string_view partner, std::string_view label) {
  if (label.empty()) return false;
  for (std::size_t at = partner.find(label); at != std::string_view::npos; at = partner.find(label, at + 1)) {
    const bool open = at == 0 || !(ascii_digit(partner[at - 1]) || partner[at - 1] == '.');
    const std::size_t end = at + label.size();
    const bool closed = end == partner.size() || !ascii_digit(partner[end]);
    if (open && closed) return true;
  }
  return false;
}

}  // namespace bitext::detail
