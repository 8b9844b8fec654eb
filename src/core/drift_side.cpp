// Which side of a drift its preferred fix moves (drift_side.hpp).
#include "drift_side.hpp"

#include <algorithm>
#include <array>
#include <iterator>

#include "bitext/lexicon.hpp"
#include "bitext/text.hpp"
#include "chars.hpp"
#include "drift_cut_points.hpp"
#include "front_matter.hpp"
#include "joiner.hpp"
#include "line_end_marks.hpp"
#include "line_facts.hpp"

namespace bitext::content {

DriftLines drift_lines(const PairTable& table, const Alternative& drift) {
  const std::size_t a = drift.first, b = a + 1;
  const SideText source = table.side_text(drift.forward ? a : b, drift.translation_side);
  const SideText dest = table.side_text(drift.forward ? b : a, drift.translation_side);
  DriftLines lines{line_cut_features(source.text, source.script), line_outline(dest.text, dest.script), {}};
  lines.cut = drift.word_cut != 0 ? cut_at(lines.source, source.text, source.script, drift.word_cut)
                                  : lines.source.cuts[drift.cut];
  return lines;
}

std::string_view moved_text(const PairTable& table, const Alternative& drift, const DriftLines& lines) {
  const std::size_t source_pair = drift.forward ? drift.first : drift.first + 1;
  const CutPoint& cut = lines.cut;
  const std::string_view text = table.side_text(source_pair, drift.translation_side);
  return drift.forward ? text.substr(cut.tail_begin) : text.substr(0, cut.head_end);
}

std::size_t shared_keys(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t shared = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) ++i;
    else if (*j < *i) ++j;
    else ++shared, ++i, ++j;
  }
  return shared;
}

namespace {

// Whether `title` has no sentence end from `at` on but a question or
// exclamation at its very end.
bool no_sentence_end(std::string_view title, std::size_t at) {
  const std::size_t last = code_point_start_before(title, title.size());
  while (at < title.size()) {
    const DecodedCodePoint decoded = decode_utf8(title, at);
    const char32_t c = decoded.code_point;
    const bool question = c == U'?' || c == U'!' || c == U'？' || c == U'！';
    if (chars::is_sentence_end(c) && !(at == last && question)) return false;
    at += std::max<std::size_t>(decoded.length, 1);
  }
  return true;
}

// Whether a line is a heading's title alone: a numbered heading ("3.1.6. 无盘
// 工作站", "4. Requirements", "2. 本书为谁而写？") or a page's navigation link
// ("上一页2.2. 总体规划", "NextPreface") with no sentence ending after its number
// but a question or exclamation at the very end ("GIMP 2.4 中无法使用…。" is a
// sentence). A heading is a line of its own, so text joined to it is out of
// place, and a cut that leaves one alone mends a line.
bool is_title_line(std::string_view line) {
  std::string_view text = detail::trim(line);
  if (detail::navigation_line(text)) {
    text = detail::navigation_title(text);
    if (detail::heading_number(text).empty()) return !text.empty() && no_sentence_end(text, 0);
  }
  const std::string_view number = detail::heading_number(text);
  if (number.empty()) return false;
  std::size_t at = static_cast<std::size_t>(number.data() + number.size() - text.data());
  if (at < text.size() && text[at] == '.') ++at;
  return no_sentence_end(text, at);
}

// A footnote mark ("[12]") that opens a text (after spaces), or an empty view.
std::string_view opening_footnote_mark(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && text[i] == ' ') ++i;
  const std::size_t end = detail::footnote_mark_end(text, i);
  if (end == 0 || end - i - 2 > 4) return {};  // at most four digits
  return text.substr(i, end - i);
}

// A footnote's reference mark alone ("[38]"): neither a sentence of its own
// nor a footnote's body, which carries the note's text after its mark.
bool footnote_mark_alone(std::string_view text) {
  const std::string_view mark = opening_footnote_mark(text);
  return !mark.empty() && detail::trim(text).size() == mark.size();
}

// Whether a line of the text opens with a footnote mark: the page's list of
// footnotes has begun, and every mark that opens a text from there on opens a body.
bool opens_footnote_list(std::string_view text) {
  for (std::size_t at = text.find('['); at != std::string_view::npos; at = text.find('[', at + 1))
    if ((at == 0 || text[at - 1] == '\n') && !opening_footnote_mark(text.substr(at)).empty()) return true;
  return false;
}

// How many of a move's two boundary texts (the moved text and the rest of the
// second pair's line) open with a footnote's body but not their line, before
// the move and after it. A footnote's body opens its own line and comes after
// the mark that refers to it: a mark already in the text before the two pairs,
// or one met after the page's list of footnotes has begun (a line opening with
// a mark), opens a body. A mark met for the first time may as well be the
// reference itself, which follows the sentence it annotates on the same line
// (maint-guide writes "…版本号。[94] 你可以…"), and a page's footnotes may
// be cut off from the text that refers to them: such a mark says nothing. The
// look back is bounded (footnotes refer within a page) so that each finding
// costs the same.
// With `in_list` only the bodies inside a page's list of footnotes count, and
// those of a mark met before whose translation (`partner`: the other
// language's moved text and second rest) opens with it: the list's first body.
std::array<int, 2> footnote_bodies_out_of_place(const PairTable& table, const Alternative& move, std::string_view moved,
                                                std::string_view second_rest, bool in_list = false,
                                                std::array<std::string_view, 2> partner = {}) {
  constexpr std::size_t kFootnoteLookBack = 1 << 16;
  const std::size_t a = move.first;
  const std::size_t before = std::min(table.line_begin(table.line(a, true)), table.line_begin(table.line(a, false)));
  const std::size_t from = before > kFootnoteLookBack ? before - kFootnoteLookBack : 0;
  const std::string_view earlier = table.text().substr(from, before - from);
  std::array<int, 2> out{0, 0};  // [0] before the move, [1] after it
  // Before the move the moved text of a forward move is inside its line and the
  // second pair's rest opens its line; a backward move the other way round.
  // The move swaps the two.
  const std::string_view texts[2] = {moved, second_rest};
  const bool list_begun = opens_footnote_list(earlier);
  for (int k = 0; k < 2; ++k) {
    const std::string_view mark = opening_footnote_mark(texts[k]);
    if (mark.empty() || footnote_mark_alone(texts[k])) continue;
    // A mark met before opens a body; in a page's list only where the list
    // has begun or the other language's matching text opens with the same
    // mark too (a body's translation is a body; a reference stays inside).
    const bool met = earlier.find(mark) != std::string_view::npos;
    const bool body = list_begun || (met && (!in_list || opening_footnote_mark(partner[k]) == mark));
    if (!body) continue;
    const bool opens_before = (k == 0) != move.forward;
    out[0] += !opens_before;
    out[1] += opens_before;
  }
  return out;
}

// A remark in round brackets that opens a line and text after it on the line
// ("(See gpc(1).) Pascal…"). A remark comments on the text before it, so a
// line does not open with one (none of the dev sets' lines with text after
// the remark does, against 49 remarks after a sentence in maint-dev alone).
// A remark is words, not one: an enumerator "(1)" or a label "（若干）" opens lines.
bool opens_with_remark(std::string_view line) {
  const std::string_view text = detail::trim(line);
  const std::size_t end = detail::leading_aside_end(text);
  if (end == 0 || !(text.starts_with("(") || text.starts_with("（"))) return false;
  const std::string_view aside = text.substr(0, end);
  std::size_t han = 0;
  bool spaced_words = false;
  for (std::size_t at = 0; at < aside.size();) {
    const DecodedCodePoint decoded = decode_utf8(aside, at);
    han += chars::is_han(decoded.code_point) ? 1 : 0;
    spaced_words = spaced_words || (aside[at] == ' ' && at > 1 && at + 2 < aside.size() && aside[at - 1] != ' ' &&
                                    aside[at + 1] != ' ');
    at += std::max<std::size_t>(decoded.length, 1);
  }
  return spaced_words || han >= 4;
}

// An entry of a list of terms: a package or command name (or two, "debhelper
// and dh-make"), then " - " and its description ("gnupg - a tool that…").
// Such a list gives each term its own line.
bool opens_with_term_entry(std::string_view line) {
  const std::string_view text = detail::trim(line);
  auto is_name_char = [](char c) {
    return chars::is_ascii_letter(static_cast<unsigned char>(c)) || chars::is_ascii_digit(c) || c == '-' || c == '.' ||
           c == '_' || c == '+';
  };
  std::size_t at = 0;
  for (int names = 0; names < 3; ++names) {
    if (at >= text.size() || !chars::is_ascii_letter(static_cast<unsigned char>(text[at]))) return false;
    while (at < text.size() && is_name_char(text[at])) ++at;
    if (text.substr(at).starts_with(" - ")) return at + 3 < text.size() && text[at + 3] != ' ';
    bool joined = false;
    for (std::string_view joiner : {" and ", " or ", ", ", " 和 ", " 或 ", "、"})
      if (!joined && text.substr(at).starts_with(joiner)) {
        at += joiner.size();
        joined = true;
      }
    if (!joined) return false;
  }
  return false;
}

// Change of the line-shape cost of the two lines a drift move rewrites.
double shape_change(const PairTable& table, const Alternative& drift, const DriftLines& lines) {
  const std::size_t a = drift.first, b = a + 1;
  const bool translation = drift.translation_side;
  const LineFeatures& source = lines.source;
  const LineFeatures& dest = lines.dest;
  const CutPoint& cut = lines.cut;
  const double gap = source.spaced ? 1.0 : 0.0;
  const double tail_length = source.length - cut.head_length - gap;
  const double moved = drift.forward ? tail_length : cut.head_length;
  const double kept = drift.forward ? cut.head_length : tail_length;
  // A label moved alone ("Figure 9.3.", "图 9.3.", "上一页4.3.") or a
  // footnote's reference mark ("[38]") is no sentence of its own but part of
  // the one it labels, however the sentence count read
  // it: the move changes the lines' lengths, not their counts of sentences.
  const bool label_alone = detail::bare_label(moved_text(table, drift, lines)) ||
                           footnote_mark_alone(moved_text(table, drift, lines));
  const int moved_sentences = label_alone ? 0 : drift.forward ? cut.tail_sentences : cut.head_sentences;
  const int kept_sentences = label_alone ? source.sentences : drift.forward ? cut.head_sentences : cut.tail_sentences;
  const double before = line_shape_cost(table.fits.shape, translation, source.length, source.sentences) +
                        line_shape_cost(table.fits.shape, translation, dest.length, dest.sentences);
  const double after = line_shape_cost(table.fits.shape, translation, kept, kept_sentences) +
                       line_shape_cost(table.fits.shape, translation, dest.length + gap + moved, dest.sentences + moved_sentences);
  // A number label at the end of a line is out of place (it labels what
  // follows), and so is a heading's title joined to other text, and a
  // footnote's body that does not open its line (footnote_bodies_out_of_place):
  // each such line the move makes or mends counts like an unusual line. Set once: the
  // weight of a carried name or number elsewhere.
  constexpr double kLabelOutOfPlace = 3.0;
  const std::string_view source_text = table.side_text(drift.forward ? a : b, translation);
  const std::string_view dest_text = table.side_text(drift.forward ? b : a, translation);
  const int labels_before = ends_with_number_label(source_text) + ends_with_number_label(dest_text);
  const int labels_after = drift.forward ? ends_with_number_label(source_text.substr(0, cut.head_end)) +
                                               ends_with_number_label(dest_text)
                                         : ends_with_number_label(source_text) +
                                               ends_with_number_label(source_text.substr(0, cut.head_end));
  // The moved text joins the destination's title; what the source keeps is a
  // title alone where it was none before.
  const std::string_view kept_text = drift.forward ? source_text.substr(0, cut.head_end) : source_text.substr(cut.tail_begin);
  const int titles_joined = is_title_line(dest_text);
  const int titles_freed = !is_title_line(source_text) && is_title_line(kept_text);
  const std::string_view second_rest = drift.forward ? dest_text : source_text.substr(cut.tail_begin);
  const std::string_view moved_part = moved_text(table, drift, lines);
  const std::array<int, 2> bodies = footnote_bodies_out_of_place(table, drift, moved_part, second_rest);
  // So is a footnote's reference mark glued to the sentence after it
  // (glued_footnote_marks), in the two lines as the move leaves them, joined as its fix joins them.
  int glued_change = 0;
  if (source_text.find('[') != std::string_view::npos || dest_text.find('[') != std::string_view::npos) {
    const std::string joined = drift.forward
                                   ? std::string(moved_part) + detail::joiner(moved_part, dest_text) + std::string(dest_text)
                                   : std::string(dest_text) + detail::joiner(dest_text, moved_part) + std::string(moved_part);
    glued_change = detail::glued_footnote_marks(kept_text) + detail::glued_footnote_marks(joined) -
                   detail::glued_footnote_marks(source_text) - detail::glued_footnote_marks(dest_text);
  }
  // A cut at a comma that leaves a line opening with a word of small letters
  // ("…for modified versions," | "except that…") opens that line
  // mid-sentence, which a sentence cut does not: counted as a line out of
  // place too, where no other line of the side opens so. After a colon a
  // small letter is usual (a command, a list), and a command or a path
  // ("dh_make", "debian/rules") is written in small letters anywhere, so only
  // a word of letters counts, and a list of terms ("patch - this utility…")
  // opens its lines so: the document's own lines say it is usual. Read
  // within kUsualOpeningReach pairs of the move (a list's lines stand
  // together), so that each finding costs the same on a long document.
  int mid_sentence_opening = 0;
  auto opens_with_small_word = [](std::string_view line) {
    const std::string_view text = chars::without_opening_marks(detail::trim(line));
    std::size_t end = 0;
    while (end < text.size() && chars::is_ascii_lower(text[end])) ++end;
    return end > 0 && (end == text.size() || text[end] == ' ' || text[end] == ',');
  };
  const std::string_view head = detail::trim(source_text.substr(0, cut.head_end));
  if (!cut.sentence && source.spaced && (head.ends_with(",") || head.ends_with("，"))) {
    const std::string_view opened = drift.forward ? moved_part : source_text.substr(cut.tail_begin);
    if (opens_with_small_word(opened)) {
      constexpr std::size_t kUsualOpeningReach = 256;
      bool usual = false;
      const std::size_t from = a > kUsualOpeningReach ? a - kUsualOpeningReach : 0;
      const std::size_t to = std::min(table.size(), b + 1 + kUsualOpeningReach);
      for (std::size_t p = from; p < to && !usual; ++p)
        if (p != a && p != b && table.valid(p)) usual = opens_with_small_word(table.side_text(p, translation).text);
      mid_sentence_opening = usual ? 0 : 1;
    }
  }
  // So is a line that opens with a remark (opens_with_remark), in the two lines before the move and after it.
  const std::string joined_line = drift.forward ? std::string(moved_part) + " " + std::string(dest_text)
                                                : std::string(dest_text) + " " + std::string(moved_part);
  const int remarks_opening = opens_with_remark(kept_text) + opens_with_remark(joined_line) -
                              opens_with_remark(source_text) - opens_with_remark(dest_text);
  // So is a sentence that ends with a colon and text after it on its line:
  // the colon announces what the next lines show (a command, a list).
  auto colon = [](std::string_view text) { return detail::ends_with_colon(detail::trim(text)) ? 1 : 0; };
  const std::string_view head_text = source_text.substr(0, cut.head_end);
  const int colons_inside = drift.forward ? colon(moved_part) - colon(head_text) : colon(dest_text) - colon(moved_part);
  // So is an entry of a list of terms that does not open its line (opens_with_term_entry).
  const int entries_inside = drift.forward ? opens_with_term_entry(dest_text) - opens_with_term_entry(moved_part)
                                           : opens_with_term_entry(moved_part) -
                                                 opens_with_term_entry(source_text.substr(cut.tail_begin));
  return after - before + kLabelOutOfPlace * (labels_after - labels_before + titles_joined - titles_freed +
                                               bodies[1] - bodies[0] + glued_change + mid_sentence_opening +
                                               remarks_opening + colons_inside + entries_inside);
}

// A move's text in one language, read before the move: what it moves, and
// what the first and the second pair keep on that side besides it.
struct MoveParts {
  std::string_view moved, first_rest, second_rest;
};

MoveParts move_parts(const PairTable& table, const Alternative& move, const DriftLines& lines) {
  const std::size_t a = move.first, b = a + 1;
  const std::string_view source = table.side_text(move.forward ? a : b, move.translation_side);
  return {moved_text(table, move, lines),
          move.forward ? source.substr(0, lines.cut.head_end) : table.side_text(a, move.translation_side),
          move.forward ? table.side_text(b, move.translation_side) : source.substr(lines.cut.tail_begin)};
}

// Which pair a drifted sentence and its translation belong with, read from
// lexical cohesion (TextTiling, Hearst 1997): a paragraph's sentences share
// content words. The moved texts of the drift and of its mirror (both
// languages; a Latin token in either) against the rest of each pair's lines,
// both languages: how many distinct words they share with the first pair's
// rest and with the second's. Cohesion is local and a longer text shares more
// words by its length alone, so, as TextTiling compares blocks of one size,
// each rest is read only next to the cut: twice the moved text's words, about
// a neighbouring sentence and the one past it.
std::array<int, 2> shared_with_rests(const PairTable& table, const std::array<MoveParts, 2>& moves) {
  constexpr std::size_t kBlockPerMovedWord = 2;
  std::vector<std::string> moved, rest[2];
  auto words_of = [&](std::string_view text) {
    std::vector<std::string> keys;
    const bool chinese = chars::contains_cjk(text);
    for (LexicalWord& word : chinese ? chinese_line_words(text, table.lexicon) : english_line_words(text))
      if (!word.key.empty()) keys.push_back(std::move(word.key));
    return keys;
  };
  for (const MoveParts& parts : moves) {
    std::vector<std::string> moved_words = words_of(parts.moved), before = words_of(parts.first_rest),
                             after = words_of(parts.second_rest);
    const std::size_t block = kBlockPerMovedWord * moved_words.size();
    if (before.size() > block) before.erase(before.begin(), before.end() - std::ptrdiff_t(block));
    if (after.size() > block) after.resize(block);
    std::move(moved_words.begin(), moved_words.end(), std::back_inserter(moved));
    std::move(before.begin(), before.end(), std::back_inserter(rest[0]));
    std::move(after.begin(), after.end(), std::back_inserter(rest[1]));
  }
  for (std::vector<std::string>* keys : {&moved, &rest[0], &rest[1]}) {
    std::sort(keys->begin(), keys->end());
    keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
  }
  return {int(shared_keys(moved, rest[0])), int(shared_keys(moved, rest[1]))};
}

// Discourse cues of the same choice, counted in both languages: the moved
// sentence continues the text before it (it opens with a connective or an
// anaphor, or ends with a colon, as a pair's last line does before a list or
// a block it introduces) or the next pair's rest continues it (it opens with
// one), or the first pair's rest ends with a colon, introducing what follows
// the line rather than the sentence, or the moved sentence is a yes-no
// answer alone, which opens its answer. A moved sentence that points to
// further reading closes the text it points from: one more cue for the first
// pair, counted once with an opening connective ("See … for details.").
// Counts for the first pair and the second.
std::array<int, 2> discourse_cues(const std::array<MoveParts, 2>& moves) {
  std::array<int, 2> cues{0, 0};
  for (const MoveParts& parts : moves) {
    cues[0] += (opens_with_continuation(parts.moved) || points_further(parts.moved)) +
               detail::ends_with_colon(detail::trim(parts.moved));
    cues[1] += opens_with_continuation(parts.second_rest) + detail::ends_with_colon(detail::trim(parts.first_rest)) +
               is_answer_alone(parts.moved);
  }
  return cues;
}

// Whether a move's text opens as the lines around the move that it leaves
// alone open (pairs a - 1, a and b + 1 on its side; opening_words): parallel
// paragraphs, of which the moved sentence is one more opening, so it belongs
// at the start of the second pair. A cue for the second pair.
int opens_like_neighbours(const PairTable& table, const Alternative& move, const MoveParts& parts) {
  const std::string moved = opening_words(parts.moved);
  if (moved.empty()) return 0;
  const std::size_t a = move.first;
  const bool side = move.translation_side;
  auto opens_alike = [&](std::size_t pair) {
    return pair < table.size() && table.valid(pair) && opening_words(table.side_text(pair, side).text) == moved;
  };
  return opening_words(parts.first_rest) == moved || (a > 0 && opens_alike(a - 1)) || opens_alike(a + 2) ? 1 : 0;
}

}  // namespace

bool mirror_undoes_drift(const PairTable& table, const Alternative& best, const DriftLines& best_lines,
                         const Alternative& mirror, const DriftLines& mirror_lines) {
  const std::array<MoveParts, 2> moves = {move_parts(table, best, best_lines),
                                           move_parts(table, mirror, mirror_lines)};
  const std::array<int, 2> shared = shared_with_rests(table, moves);
  std::array<int, 2> cues = discourse_cues(moves);
  cues[1] += opens_like_neighbours(table, best, moves[0]) + opens_like_neighbours(table, mirror, moves[1]);
  // In a page's list of footnotes every body opens its own line (so do all
  // 88 lines of the dev sets' lists): a move that leaves a body inside a
  // line there gives a page no document shows, whatever the other terms say.
  const int best_left = footnote_bodies_out_of_place(table, best, moves[0].moved, moves[0].second_rest, true,
                                                     {moves[1].moved, moves[1].second_rest})[1];
  const int mirror_left = footnote_bodies_out_of_place(table, mirror, moves[1].moved, moves[1].second_rest, true,
                                                       {moves[0].moved, moves[0].second_rest})[1];
  if (best_left != mirror_left) return mirror_left < best_left;
  const double weight = cohesion_weight(table.fits.shape);
  auto kept_together = [&](const Alternative& move) {
    return weight * (shared[move.forward ? 1 : 0] + cues[move.forward ? 1 : 0]);
  };
  return mirror.evidence - shape_change(table, mirror, mirror_lines) + kept_together(mirror) >
         best.evidence - shape_change(table, best, best_lines) + kept_together(best);
}

}  // namespace bitext::content
