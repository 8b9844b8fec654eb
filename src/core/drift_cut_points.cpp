// Cut points of a drift's source line (drift_cut_points.hpp).
#include "drift_cut_points.hpp"

#include <algorithm>

#include "chars.hpp"
#include "front_matter.hpp"
#include "line_facts.hpp"

namespace bitext::content {

WordCut word_cut_of(const LineFeatures& source, const DriftWords& words, bool forward, bool titles_label) {
  const auto& list = source.words.words;
  const std::size_t n = words.lean.size();
  if (n != list.size() || n < 2) return {};
  if (!forward) {
    std::size_t first_own = 0;
    while (first_own < n && words.lean[first_own] >= 0) ++first_own;
    if (first_own == n) {
      if (!titles_label || words.lean[0] <= 0) return {};
      std::size_t run = 1;
      while (run < n && words.lean[run] > 0) ++run;
      return run < n ? WordCut{list[run - 1].end, run - 1, run} : WordCut{};
    }
    for (std::size_t i = first_own; i-- > 0;)
      if (words.lean[i] > 0) return {list[i].end, i, first_own};
    return {};
  }
  std::size_t last_own = n;
  while (last_own > 0 && words.lean[last_own - 1] >= 0) --last_own;
  if (last_own == 0) return {};
  for (std::size_t i = last_own; i < n; ++i)
    if (words.lean[i] > 0) return {list[i].begin, last_own - 1, i};
  return {};
}

bool begins_unmarked_sentence(std::string_view text, std::size_t at) {
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  std::size_t next = at;
  while (next < text.size() && text[next] == ' ') ++next;
  std::size_t before = std::min(at, next);
  while (before > 0 && text[before - 1] == ' ') --before;
  if (before == 0 || before == next || next + 1 >= text.size()) return false;
  return lower(text[before - 1]) && upper(text[next]) && lower(text[next + 1]);
}

// How many words a line's leading number label has in front of it, glued or
// after one space: 1 for "Next2.2. Master Plan", "Figure 13.9. The…", "图 13.9.
// KMail…", "下一页2.2. 总体规划"; 2 for "PrevAppendix A. Derivative…" (a Latin
// prefix counts its capitalised parts); 0 for a bare number ("6.1. Foo") or a
// letter label without its word ("A. Foo").
static std::size_t worded_label_words(std::string_view text) {
  text = detail::trim(text);
  std::size_t at = 0, capitals = 0;
  bool han = false;
  while (at < text.size()) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    const char32_t c = decoded.code_point;
    if (!chars::is_ascii_letter(c) && !chars::is_han(c)) break;
    han = han || chars::is_han(c);
    capitals += c >= 'A' && c <= 'Z' && (at == 0 || !(text[at - 1] >= 'A' && text[at - 1] <= 'Z'));
    at += std::max<std::size_t>(decoded.length, 1);
  }
  if (at == 0) return 0;
  if (at < text.size() && text[at] == ' ') ++at;
  std::size_t end = at;
  while (end < text.size() && text[end] != ' ') ++end;
  if (!detail::is_number_label(text.substr(at, end - at))) return 0;
  return han ? 1 : std::max<std::size_t>(capitals, 1);
}

// Whether a line begins with `label` followed by a space or nothing ("B.1.2. 显示…" for "B.1.2.").
static bool starts_with_label(std::string_view text, std::string_view label) {
  text = detail::trim(text);
  return text.substr(0, label.size()) == label && (text.size() == label.size() || text[label.size()] == ' ');
}

std::size_t trailing_label_begin(std::string_view text, bool spaced, std::string_view partner, const Lexicon* lexicon) {
  const std::size_t label_words = worded_label_words(partner);
  const bool worded = label_words > 0;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  std::size_t end = text.size();
  end = detail::end_before_spaces(text, end);
  std::size_t begin = end;
  while (begin > 0 && (digit(text[begin - 1]) || text[begin - 1] == '.' || upper(text[begin - 1]))) --begin;
  while (begin < end && text[begin] == '.') ++begin;  // a full stop before it ends the text before
  // Uppercase letters before the digits belong to a word ("PrevB.1."), not the label.
  while (begin < end && !digit(text[begin]) && !(begin + 1 < end && text[begin + 1] == '.')) ++begin;
  const std::string_view label = text.substr(begin, end - begin);
  if (!detail::is_number_label(label)) return 0;
  // The capitalised word before a space, if any ("Chapter 9.", "Figure A.5.").
  std::size_t word = begin;
  if (begin >= 2 && text[begin - 1] == ' ') {
    word = begin - 1;
    while (word > 0 && lower(text[word - 1])) --word;
    word = word > 0 && word + 2 < begin && upper(text[word - 1]) ? word - 1 : begin;
  }
  // The Han word before the number, glued or after one space.
  const std::size_t han_end = begin > 0 && text[begin - 1] == ' ' ? begin - 1 : begin;
  if (!spaced && worded && han_end > 0 &&
      chars::is_han(decode_utf8(text, code_point_start_before(text, han_end)).code_point)) {
    begin = code_point_start_before(text, han_end);
    const std::vector<LexicalWord> words = chinese_line_words(text.substr(0, han_end), lexicon);
    std::size_t word_end = han_end;
    for (std::size_t taken = 0; taken < label_words && taken < words.size(); ++taken) {
      const LexicalWord& last = words[words.size() - 1 - taken];
      if (last.end != word_end || last.origin != WordOrigin::Chinese) break;
      begin = std::min<std::size_t>(begin, last.begin);
      word_end = last.begin;
    }
  } else if (ends_with_number_label(text.substr(0, end))) {
    // "Figure A.5." or "Security 14.1.": whether the word labels too is the partner's label's say:
    // a partner that begins with this very number bare ("B.1.2. 显示…") says the number alone moved.
    if (word != begin) {
      if (worded)
        begin = word;
      else if (!starts_with_label(partner, label))
        return 0;
    }
  } else {
    if (word == begin || std::count(label.begin(), label.end(), '.') != 1) return 0;
    begin = word;
  }
  if (spaced)
    while (begin > 0 && (lower(text[begin - 1]) || upper(text[begin - 1]))) --begin;  // a glued prefix word
  else if (begin > 0 && (lower(text[begin - 1]) || upper(text[begin - 1])))
    return 0;
  std::size_t head = begin;
  head = detail::end_before_spaces(text, head);
  return head == 0 ? 0 : begin;
}

bool worded_label_stop(std::string_view partner, std::string_view own) {
  partner = detail::trim(partner);
  std::size_t end = partner.find(' ');
  if (end == std::string_view::npos) return false;
  end = partner.find(' ', end + 1);
  const std::string_view label_line = partner.substr(0, end == std::string_view::npos ? partner.size() : end);
  if (!detail::bare_label(label_line) || detail::is_number_label(label_line)) return false;
  const std::string_view label = detail::trailing_number_label(label_line);
  if (label.size() < 2) return false;
  return detail::carries_number(own, label.substr(0, label.size() - 1)) && !detail::holds_label(own, label);
}

CutPoint fix_cut(const PairTable& table, const Alternative& drift, CutPoint cut) {
  const std::size_t source_pair = drift.forward ? drift.first : drift.first + 1;
  const std::string_view text = table.side_text(source_pair, drift.translation_side).text;
  const std::string_view partner = table.side_text(drift.first + 1, !drift.translation_side).text;
  // Backward, the number the kept text opens with; forward, the moved label's number.
  std::string_view label;
  if (drift.forward) {
    if (!detail::bare_label(text.substr(cut.tail_begin))) return cut;
    label = detail::trailing_number_label(text);
  } else {
    std::size_t end = cut.tail_begin;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t') ++end;
    label = text.substr(cut.tail_begin, end - cut.tail_begin);
  }
  if (!detail::is_number_label(label) || !detail::holds_label(partner, label)) return cut;
  const std::size_t label_end = static_cast<std::size_t>(label.data() - text.data()) + label.size();
  // The side's script, not the line's: a Chinese line may hold more Latin letters than Han ("Blur 图 17.180. Emboss").
  const Script script = table.script(drift.translation_side);
  const bool spaced = script != Script::Han && script != Script::Japanese;
  std::size_t begin = trailing_label_begin(text.substr(0, label_end), spaced, partner, table.lexicon);
  // A page's link word ("下一页4.3." for "Next4.3.") is one word, however the
  // segmenter reads it ("下一" "页" without the dictionary).
  if (const std::size_t link = detail::navigation_link_inside(text.substr(0, label_end), partner);
      link != 0 && link < cut.tail_begin) {
    const std::size_t word_end = link + detail::navigation_word(text.substr(link, label_end - link)).size();
    const bool inside = begin > link && begin < word_end;
    const bool glued = (begin == 0 || begin >= cut.tail_begin) && word_end <= cut.tail_begin &&
                       detail::trim(text.substr(word_end, cut.tail_begin - word_end)).empty();
    if (inside || glued) begin = link;
  }
  if (begin == 0 || begin >= cut.tail_begin) return cut;
  std::size_t head_end = begin;
  head_end = detail::end_before_spaces(text, head_end);
  if (head_end == 0) return cut;
  cut.head_end = head_end;
  cut.tail_begin = begin;
  return cut;
}

}  // namespace bitext::content
