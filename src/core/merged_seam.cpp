// Seams inside one line of one language (joined_lines.hpp: merged_seam,
// has_spaced_han, has_spaced_cjk_end): where two lines of the same language
// were glued, the merged-lines checks look for the end of the first.
#include <algorithm>

#include "chars.hpp"
#include "joined_lines.hpp"
#include "merged_anchors.hpp"

namespace bitext::detail {

bool has_spaced_cjk_end(std::string_view line) {
  for (std::size_t at = 0; at < line.size();) {
    const DecodedCodePoint decoded = decode_utf8(line, at);
    at += std::max<std::size_t>(decoded.length, 1);
    if (decoded.code_point < 0x3000 || !chars::is_sentence_end(decoded.code_point)) continue;
    std::size_t begin = at;
    while (begin < line.size() && line[begin] == ' ') ++begin;
    if (begin > at && begin < line.size() && chars::is_han(decode_utf8(line, begin).code_point)) return true;
  }
  return false;
}

bool has_spaced_han(std::string_view line) {
  // Read around each run of spaces only (the structural checks ask this of
  // every line): the code point after the run, and when that is Han the one
  // before it, decoded from the last ASCII byte before the run (a decoder
  // never takes an ASCII byte into a longer sequence, so it starts a code
  // point there as a decoding from the line's start does).
  for (std::size_t run = line.find(' '); run != std::string_view::npos;) {
    std::size_t after = run;
    while (after < line.size() && line[after] == ' ') ++after;
    if (after == line.size()) return false;
    if (chars::is_han(decode_utf8(line, after).code_point)) {
      std::size_t at = run;
      while (at > 0 && static_cast<unsigned char>(line[at - 1]) >= 0x80) --at;
      char32_t last = 0;
      while (at < run) {
        const DecodedCodePoint decoded = decode_utf8(line, at);
        at += std::max<std::size_t>(decoded.length, 1);
        last = decoded.code_point;
      }
      if (chars::is_han(last)) return true;
    }
    run = line.find(' ', after);
  }
  return false;
}

namespace {

std::size_t code_points_of(std::string_view line) {
  std::size_t total = 0;
  for (std::size_t at = 0; at < line.size(); ++total) at += std::max<std::size_t>(decode_utf8(line, at).length, 1);
  return total;
}

// The cut nearest the place the partners' lengths predict (`first_share` of
// the line's code points), within a fifth of the line: the two languages'
// length ratio varies segment to segment.
struct NearestCut {
  NearestCut(double first_share, std::size_t total) : first_share(first_share), total(total) {}
  double first_share;
  std::size_t total;
  double best_distance = 0.2;
  std::optional<LanguageJoin> best;
  // Offers a cut after `units_before` code points; true when it is the nearest yet.
  bool offer(std::size_t units_before, LanguageJoin join) {
    const double place = double(units_before) / double(total);
    const double distance = place > first_share ? place - first_share : first_share - place;
    if (distance >= best_distance) return false;
    best_distance = distance;
    best = join;
    return true;
  }
};

// The end of the text before `here`, without the spaces before it (spaces
// only, not tabs as detail::end_before_spaces: the seam scan reads spaces).
std::size_t end_before_space_run(std::string_view line, std::size_t here) {
  while (here > 0 && line[here - 1] == ' ') --here;
  return here;
}

}  // namespace

std::optional<LanguageJoin> merged_seam(std::string_view line, double first_share, bool* spaced_cjk, bool ordinary,
                                        std::string_view second_token, bool* spaced_han) {
  const std::size_t total = code_points_of(line);
  if (total == 0) return std::nullopt;
  NearestCut cut(first_share, total);
  char32_t before = 0, earlier = 0;
  char32_t last_unspaced = 0;  // the character before the current run of spaces
  std::size_t count = 0;
  // A heading's number label only: a footnote mark "[45]" stands inside a segment's text too.
  const bool label_token = !second_token.empty() && second_token.front() != '[' && is_label_token(second_token);
  for (std::size_t at = 0; at < line.size();) {
    const DecodedCodePoint decoded = decode_utf8(line, at);
    at += std::max<std::size_t>(decoded.length, 1);
    ++count;
    const char32_t mark = decoded.code_point;
    const char32_t previous = before;
    const char32_t two_back = earlier;
    earlier = before;
    before = mark;
    if (previous != U' ') last_unspaced = previous;
    if (spaced_han && previous == U' ' && chars::is_han(mark) && chars::is_han(last_unspaced)) {
      // "前言 图片和样式设计": one Chinese segment puts no space between two Han
      // characters; the caller trusts it where no other line of the document does.
      const std::size_t here = at - std::max<std::size_t>(decoded.length, 1);
      if (cut.offer(count - 1, LanguageJoin{end_before_space_run(line, here), here})) {
        if (spaced_cjk) *spaced_cjk = false;
        *spaced_han = true;
      }
    }
    if ((ordinary || label_token) && count > 1) {
      // With the caller's evidence: where the second partner's leading token starts a
      // word ("…Makefile: [46]dh_auto_clean usually…"), or a capital word right after a
      // small letter or a bracket ("…, executeThen just…", "(semi-official)Before you…").
      const std::size_t here = at - std::max<std::size_t>(decoded.length, 1);
      const bool alnum_before = chars::is_ascii_alnum(previous) || previous == U'_';
      // A heading's number label the second partner starts with is taken without
      // evidence: it stands at its heading's start, not inside another segment's text.
      // After a stop, a number label continues a number ("1.14.6.") unless a word
      // ends there ("…as an example.14.6. JXplorer"), asked only.
      const bool token_here = !second_token.empty() && line.substr(here, second_token.size()) == second_token &&
                              (second_token.front() == '[' ||
                               (!alnum_before && (previous != U'.' || !chars::is_ascii_digit(static_cast<unsigned char>(second_token.front())) ||
                                                  (ordinary && chars::is_ascii_lower(two_back))))) &&
                              (ordinary || (label_token && is_label_token(line.substr(here))));
      const bool camel = ordinary && chars::is_ascii_upper(mark) &&
                         ((at < line.size() && chars::is_ascii_lower(line[at]) &&
                           (chars::is_ascii_lower(previous) || previous == U')')) ||
                          glued_capital_word_at(line, here));
      const std::size_t first_end = end_before_space_run(line, here);
      if ((token_here || camel) && first_end > 0 && cut.offer(count - 1, LanguageJoin{first_end, here})) {
        if (spaced_cjk) *spaced_cjk = false;
        if (spaced_han) *spaced_han = false;
      }
    }
    // A colon or comma ends a lead-in or a list item that may have been a line
    // of its own ("…either:If the third…", "…by Bruce Perens,Debian Mailing…").
    const bool lead_in = mark == U':' || mark == U',';
    if (!chars::is_sentence_end(mark) && !lead_in) continue;
    std::size_t end = at;  // after the end mark and its closing quotes
    std::size_t end_count = count;
    while (end < line.size()) {
      const DecodedCodePoint next = decode_utf8(line, end);
      if (!chars::is_closing_mark(next.code_point)) break;
      end += std::max<std::size_t>(next.length, 1);
      ++end_count;
    }
    if (end >= line.size()) break;
    std::size_t begin = end;
    while (begin < line.size() && line[begin] == ' ') ++begin;
    if (begin >= line.size()) break;
    const DecodedCodePoint next = decode_utf8(line, begin);
    const bool cjk_mark = mark >= 0x3000;
    const bool spaced = begin > end;
    const bool capital = chars::is_ascii_upper(next.code_point);
    const std::size_t after = begin + std::max<std::size_t>(next.length, 1);
    // A capital that starts a word: a small letter follows, or it is "A" or "I" alone.
    const bool word_start =
        capital && after < line.size() &&
        (chars::is_ascii_lower(line[after]) || ((next.code_point == U'A' || next.code_point == U'I') && line[after] == ' '));
    // A word's last letter or a closing quote or bracket before the mark ("end.The", "“Feedback”.Debian").
    const bool word_end = chars::is_ascii_lower(previous) || chars::is_closing_mark(previous);
    bool seam = false;
    if (cjk_mark) {
      seam = !lead_in && spaced && chars::is_han(next.code_point);  // Chinese puts no space after 。！？
      // One segment's ordinary sentence end too, when asked: 。 then a CJK character.
      if (ordinary && !lead_in && !spaced && next.code_point >= 0x2E80) seam = true;
      // A space after 。 before a number or a Latin word ("…测试。 0.99 版"), asked too.
      if (ordinary && !lead_in && spaced) seam = true;
    } else if (lead_in) {
      // "either:If": no space after a colon before a word in capitals is no single segment's;
      // ", Debian" and ": The" are, so they need the caller's evidence (`ordinary`).
      // The word before the colon must be prose (after a space or the line start):
      // "${shlibs:Depends}" and "Foo::Bar" are tokens.
      std::size_t word = at - 1;
      while (word > 0 && chars::is_ascii_letter(line[word - 1]))
        --word;
      const bool prose_word = word == 0 || line[word - 1] == ' ';
      seam = !spaced && mark == U':' && word_end && word_start && prose_word;
      if (ordinary && (spaced ? capital : word_end && word_start)) seam = true;
    } else if (ordinary && spaced && (mark == U'.' || mark == U'?' || mark == U'!')) {
      // ". The": an ordinary Latin sentence end, when asked (not before a small letter: "e.g. the").
      seam = !chars::is_ascii_lower(next.code_point);
    } else if (!spaced && mark == U'.') {
      // "end.The": a word's last letter, the stop and a capital then a small letter
      // ("System.IO" and "e.g.X" are tokens, not two sentences; with the caller's evidence they may be seams).
      // A number's last digit then the stop and a word ("…of 0.99.Version 0.99"), when asked.
      seam = (word_end && (word_start || (ordinary && capital))) ||
             (ordinary && word_start && chars::is_ascii_digit(previous));
    } else if (!spaced) {
      seam = (mark == U'?' || mark == U'!') && capital;
    }
    if (!seam) continue;
    if (cut.offer(end_count, LanguageJoin{end, begin})) {
      if (spaced_cjk) *spaced_cjk = cjk_mark && spaced;
      if (spaced_han) *spaced_han = false;
    }
  }
  return cut.best;
}

std::optional<LanguageJoin> merged_entry_seam(std::string_view line, double first_share) {
  const std::size_t total = code_points_of(line);
  if (total < 2) return std::nullopt;
  NearestCut cut(first_share, total);
  int depth = 0;  // a semicolon inside brackets separates a gloss's parts, not two entries
  std::size_t count = 0;
  for (std::size_t at = 0; at < line.size();) {
    const DecodedCodePoint decoded = decode_utf8(line, at);
    at += std::max<std::size_t>(decoded.length, 1);
    ++count;
    const char32_t mark = decoded.code_point;
    if (chars::is_opening_bracket(mark)) ++depth;
    if (chars::is_closing_bracket(mark) && depth > 0) --depth;
    if ((mark != U';' && mark != U'\uFF1B') || depth > 0) continue;
    std::size_t begin = at;
    while (begin < line.size() && line[begin] == ' ') ++begin;
    if (begin >= line.size()) break;
    cut.offer(count, LanguageJoin{at, begin});
  }
  return cut.best;
}

std::optional<LanguageJoin> merged_length_cut(std::string_view line, double first_share) {
  const std::size_t total = code_points_of(line);
  if (total < 2) return std::nullopt;
  NearestCut cut(first_share, total);
  char32_t previous = 0;
  int depth = 0;  // open brackets: a cut inside brackets splits a gloss from its word
  std::size_t count = 0;
  for (std::size_t at = 0; at < line.size();) {
    const DecodedCodePoint decoded = decode_utf8(line, at);
    const std::size_t here = at;
    at += std::max<std::size_t>(decoded.length, 1);
    ++count;
    const char32_t mark = decoded.code_point;
    const bool opening = chars::is_opening_bracket(mark);
    const bool latin_word = chars::is_ascii_letter(mark);
    const bool upper = chars::is_ascii_upper(mark);
    const bool lower_before = chars::is_ascii_lower(previous);
    // A word's start: after spaces, at a capital glued to a small letter
    // ("allSelect"), or where Han meets Han or another script with no space.
    const bool boundary =
        here > 0 && mark != U' ' && !opening && depth == 0 &&
        (previous == U' ' || (upper && lower_before) || glued_capital_word_at(line, here) ||
         (chars::is_han(mark) && (chars::is_han(previous) || latin_word || chars::is_ascii_digit(previous))) ||
         (latin_word && chars::is_han(previous)));
    if (const std::size_t first_end = end_before_space_run(line, here); boundary && first_end > 0)
      cut.offer(count - 1, LanguageJoin{first_end, here});
    if (opening) ++depth;
    if (chars::is_closing_bracket(mark) && depth > 0) --depth;
    previous = mark;
  }
  return cut.best;
}

}  // namespace bitext::detail
