// Content stage 4a: the findings of a selected alternative pairing — the
// message, the pairs it names and the fixes that re-pair them.
#include <algorithm>
#include <array>
#include <cstdio>
#include <iterator>
#include <optional>

#include "bitext/lexicon.hpp"
#include "bitext/text.hpp"
#include "chars.hpp"
#include "content_stages.hpp"
#include "drift_cut_points.hpp"
#include "front_matter.hpp"
#include "joiner.hpp"
#include "line_end_marks.hpp"
#include "line_facts.hpp"

namespace bitext::content {

// Whether a text ends with a bare section number ("…i386 6.2.4.",
// "…光盘。6.3.9."): of two groups at least, or right after a sentence end, so
// that a sentence ending "in chapter 2." is not one. A number labels what
// follows it; at the end of a line it is what a cut left there.
bool ends_with_number_label(std::string_view text) {
  text = detail::trim(text);
  std::size_t begin = text.size();
  while (begin > 0) {
    const char c = text[begin - 1];
    if (!((c >= '0' && c <= '9') || c == '.' || (c >= 'A' && c <= 'Z'))) break;
    --begin;
  }
  // Leading full stops belong to the text before ("。" is not ASCII, "." is).
  while (begin < text.size() && text[begin] == '.') ++begin;
  const std::string_view label = text.substr(begin);
  if (!detail::is_number_label(label)) return false;
  const bool groups = std::count(label.begin(), label.end(), '.') >= 2;
  const std::string_view before = detail::trim(text.substr(0, begin));
  const bool after_sentence =
      before.empty() || chars::is_sentence_end(decode_utf8(before, code_point_start_before(before, before.size())).code_point);
  return groups || after_sentence;
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

constexpr auto bits(Signal signal) { return static_cast<std::uint16_t>(signal); }
// The signals of a pairing cost: the length model and the sentence counts,
// with the prior of the move's kind.
constexpr std::uint16_t kShapeSignals = bits(Signal::Length) | bits(Signal::SentenceCount) | bits(Signal::Prior);
constexpr std::uint16_t kLexicalSignals = bits(Signal::Numbers) | bits(Signal::Tokens);
constexpr std::uint16_t kPairingSignals = kShapeSignals | kLexicalSignals;

// " (evidence 5.2, numbers or names agree after the move)": the score and,
// for a drift, the signals beyond the pairs' shape that decided it.
std::string evidence_note(const Evidence& evidence, MoveType type) {
  char score[32];
  std::snprintf(score, sizeof score, "%.1f", evidence.score);
  std::string note = " (evidence " + std::string(score);
  if (type == MoveType::Drift && evidence.has(Signal::Numbers)) note += ", numbers or names agree after the move";
  if (type == MoveType::Drift && evidence.has(Signal::Words)) note += ", its words translate the other pair's line";
  if (evidence.has(Signal::Mirror)) note += "; the other language's matching text moved the other way fits as well";
  return note + ")";
}

// Whether brackets and quotes pair up inside a text: a drifted sentence or
// clause carries its brackets with it, while a cut inside a parenthesis
// ("(可选)" cut after "(") leaves the moved piece unbalanced.
bool brackets_balanced(std::string_view text) {
  static constexpr std::pair<char32_t, char32_t> kPairs[] = {
      {U'(', U')'}, {U'（', U'）'}, {U'[', U']'}, {U'【', U'】'}, {U'「', U'」'},
      {U'『', U'』'}, {U'《', U'》'}, {U'“', U'”'}, {U'‘', U'’'}};
  int depth[std::size(kPairs)] = {};
  int straight_quotes = 0;
  for (std::size_t at = 0; at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    at += std::max<std::size_t>(decoded.length, 1);
    if (decoded.code_point == U'"') ++straight_quotes;
    for (std::size_t k = 0; k < std::size(kPairs); ++k) {
      if (decoded.code_point == kPairs[k].first) ++depth[k];
      if (decoded.code_point == kPairs[k].second && --depth[k] < 0) return false;
    }
  }
  return straight_quotes % 2 == 0 && std::all_of(std::begin(depth), std::end(depth), [](int d) { return d == 0; });
}

// Content word keys of a line, sorted and unique: Chinese words (and the Latin
// words inside) of a line with CJK characters, English words otherwise.
std::vector<std::string> word_keys(std::string_view text, const Lexicon* lexicon) {
  std::vector<std::string> keys;
  for (LexicalWord& word : chars::contains_cjk(text) ? chinese_line_words(text, lexicon) : english_line_words(text))
    if (!word.key.empty()) keys.push_back(std::move(word.key));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
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

// Both fixes of a rotation pair the same lines; they differ in the order the
// pairs end up in: the originals' order as it is (moving the translations) or
// the translations' order (moving the originals). Text follows on from the line
// before: consecutive lines share words. Whether the originals' order holds
// together at least as well as the translations' — the content words each line
// shares with the next, both languages counted, from the pair before the block
// to the pair after it. The rotated side is the one whose order breaks that.
bool originals_in_order(const PairTable& table, const Alternative& candidate, const std::vector<std::size_t>& order) {
  const std::size_t first = candidate.first, count = candidate.count;
  const std::size_t from = first > 0 && table.valid(first - 1) ? first - 1 : first;
  const std::size_t to = first + count < table.size() && table.valid(first + count) ? first + count : first + count - 1;
  // Lines of each side in pair order, and where each side's lines go under the two fixes.
  std::vector<std::vector<std::string>> translations, originals;
  for (std::size_t p = from; p <= to; ++p) {
    translations.push_back(word_keys(table.line_text(table.line(p, true)), table.lexicon));
    originals.push_back(word_keys(table.line_text(table.line(p, false)), table.lexicon));
  }
  const std::size_t offset = first - from;
  // Moving the translations: position first+i holds translation order[i].
  std::vector<std::size_t> by_originals(to - from + 1), by_translations(to - from + 1);
  for (std::size_t k = 0; k < by_originals.size(); ++k) by_originals[k] = by_translations[k] = k;
  for (std::size_t i = 0; i < count; ++i) by_originals[offset + i] = order[i] - from;
  // Moving the originals: original first+i goes where translation first+i is paired.
  for (std::size_t i = 0; i < count; ++i) by_translations[order[i] - from] = offset + i;
  // One shared word more can be chance (a common word, a short line): the
  // translations' order must share two more to move the originals instead.
  constexpr std::size_t kChanceShared = 1;
  std::size_t keep_originals = 0, keep_translations = 0;
  for (std::size_t k = 0; k + 1 < by_originals.size(); ++k) {
    keep_originals += shared_keys(originals[k], originals[k + 1]) +
                      shared_keys(translations[by_originals[k]], translations[by_originals[k + 1]]);
    keep_translations += shared_keys(translations[k], translations[k + 1]) +
                         shared_keys(originals[by_translations[k]], originals[by_translations[k + 1]]);
  }
  return keep_originals + kChanceShared >= keep_translations;
}

void report_rotation(const PairTable& table, std::vector<Finding>& out, const Alternative& candidate) {
  const auto severity = severity_of(candidate.evidence, kRealignThresholds);
  if (!severity) return;
  const std::size_t first = candidate.first, last = candidate.first + candidate.count - 1;
  const std::vector<std::size_t> order = rotation_order(candidate);
  Finding finding;
  finding.code = "shifted-block";
  finding.pair = static_cast<std::int32_t>(first);
  finding.confidence = confidence_of(candidate.evidence, kRealignThresholds);
  const std::uint32_t anchor_line = table.line(first, true);
  finding.begin = table.line_begin(anchor_line);
  finding.end = table.line_end(anchor_line);
  // The translation that belongs to the first pair's original comes from pair order[0].
  const std::size_t from = order[0];
  if (candidate.count == 2) {
    finding.message = "Pairs " + std::to_string(first + 1) + " and " + std::to_string(last + 1) +
                      " have each other's translations: the translation of pair " + std::to_string(from + 1) + " " +
                      quoted(table.side_text(from, true)) + " fits the original of pair " + std::to_string(first + 1) +
                      " " + quoted(table.side_text(first, false));
  } else {
    finding.message = "Pairs " + std::to_string(first + 1) + "–" + std::to_string(last + 1) +
                      " are paired with their neighbours' translations: the translation of pair " +
                      std::to_string(from + 1) + " " + quoted(table.side_text(from, true)) + " fits the original of pair " +
                      std::to_string(first + 1) + " " + quoted(table.side_text(first, false));
  }
  finding.evidence = Evidence{candidate.evidence, kPairingSignals};
  finding.message += evidence_note(*finding.evidence, MoveType::Rotation);
  for (std::size_t p = first; p <= last; ++p) {
    for (const bool translation : {true, false}) {
      const std::uint32_t line = table.line(p, translation);
      if (line == anchor_line) continue;
      finding.related.push_back({table.line_begin(line), table.line_end(line),
                                 std::string(translation ? "translation" : "original") + " of pair " +
                                     std::to_string(p + 1)});
    }
  }
  // Fixes: re-pair by moving the translations or the originals; preferred,
  // the one that leaves the pairs in the order whose lines follow on.
  const bool move_translations = originals_in_order(table, candidate, order);
  for (const bool translation : {true, false}) {
    Fix fix;
    fix.preferred = translation == move_translations;
    fix.title = "Re-pair pairs " + std::to_string(first + 1) + "–" + std::to_string(last + 1) + " (move the " +
                (translation ? "translations" : "originals") + ")";
    for (std::size_t i = 0; i < candidate.count; ++i) {
      // Moving translations: position first+i gets the translation of order[i].
      // Moving originals instead: the original of first+i goes where its
      // translation is, i.e. position j gets the original of the pair whose
      // translation's source order maps there.
      const std::size_t position = first + i;
      std::size_t source = order[i];
      if (!translation) {
        // Inverse permutation: the original of `position` moves to where
        // order[] put translation `position`.
        for (std::size_t k = 0; k < candidate.count; ++k)
          if (order[k] == position) source = first + k;
        const std::uint32_t line = table.line(source, false);
        fix.edits.push_back({table.line_begin(table.line(position, false)), table.line_end(table.line(position, false)),
                             std::string(table.line_text(line))});
        continue;
      }
      fix.edits.push_back({table.line_begin(table.line(position, true)), table.line_end(table.line(position, true)),
                           std::string(table.side_text(source, true))});
    }
    finding.fixes.push_back(std::move(fix));
  }
  finding.severity = *severity;
  out.push_back(std::move(finding));
}

// What a drift's findings read of its two lines beyond their text: the source
// line's cut points and both lines' shape. Measured again from the text (the
// sweep's features are gone by now, and most of them are not needed here).
struct DriftLines {
  LineFeatures source;  // with its cuts
  LineFeatures dest;    // the outline
  CutPoint cut;         // where the drift cuts the source line
};
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

Fix drift_fix(const PairTable& table, const Alternative& candidate, const DriftLines& lines) {
  const std::size_t a = candidate.first, b = a + 1;
  const bool translation = candidate.translation_side;
  const CutPoint cut = fix_cut(table, candidate, lines.cut);
  const std::uint32_t source_line = table.line(candidate.forward ? a : b, translation);
  const std::uint32_t dest_line = table.line(candidate.forward ? b : a, translation);
  const std::string_view source_text = table.side_text(candidate.forward ? a : b, translation).text;
  const std::string_view moved =
      candidate.forward ? source_text.substr(cut.tail_begin) : source_text.substr(0, cut.head_end);
  const std::string side = translation ? "translation" : "original";
  Fix fix;
  const std::size_t source_begin = table.line_begin(source_line);
  // What joins the moved text to its line depends on the characters that
  // meet there, not on the line's script: a number label or a Latin sentence
  // takes a space after its full stop in a Chinese line too.
  const std::string_view dest_text = table.side_text(candidate.forward ? b : a, translation).text;
  const std::uint32_t first_line = std::min(source_line, dest_line), last_line = std::max(source_line, dest_line);
  if (candidate.forward) {
    fix.title = "Move " + quoted(moved, 24) + " to the start of the " + side + " of pair " + std::to_string(b + 1);
    fix.edits.push_back({source_begin + cut.head_end, table.line_end(source_line), ""});
    fix.edits.push_back({table.line_begin(dest_line), table.line_begin(dest_line),
                         std::string(moved) + detail::joiner_in(moved, dest_text, *table.index, first_line, last_line)});
  } else {
    fix.title = "Move " + quoted(moved, 24) + " to the end of the " + side + " of pair " + std::to_string(a + 1);
    fix.edits.push_back({table.line_end(dest_line), table.line_end(dest_line),
                         detail::joiner_in(dest_text, moved, *table.index, first_line, last_line) + std::string(moved)});
    fix.edits.push_back({source_begin, source_begin + cut.tail_begin, ""});
  }
  return fix;
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
  // opens its lines so: the document's own lines say it is usual.
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
      bool usual = false;
      for (std::size_t p = 0; p < table.size() && !usual; ++p)
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

// A drift that moves a bare number label back onto a line's end ("9." of "9.
// 时钟同步" onto "8.2. 网络打印机") when the other language's line of that pair
// ends with the same label ("8.2. Network printers 9.", "16. 桌面 HowTo16.1."): the
// label is that line's, moved onto it from the next pair's start, which the
// drift search does not cut at (a one-group number after a word may end a
// sentence: "It costs 9."). Moving it back, forward on the other side, is
// offered second when the search found no mirror; a number label labels what
// follows it, with a space in either script.
std::optional<Fix> trailing_label_fix(const PairTable& table, const Alternative& drift, std::string_view moved) {
  const std::string_view label = detail::trim(moved);
  if (drift.forward || !detail::is_number_label(label)) return std::nullopt;
  const std::size_t a = drift.first, b = a + 1;
  const bool other = !drift.translation_side;
  const std::string_view end_text = table.side_text(a, other).text;
  const std::string_view start_text = table.side_text(b, other).text;
  const std::string_view kept = detail::trim(end_text);
  if (kept.size() <= label.size() + 1 || !kept.ends_with(label)) return std::nullopt;
  // After a space, or glued in a Chinese line ("…HowTo16.1."); not inside a longer number.
  const char before = kept[kept.size() - label.size() - 1];
  const Script script = table.script(other);
  const bool spaced = script != Script::Han && script != Script::Japanese;
  if (before != ' ' && (spaced || chars::is_ascii_digit(static_cast<unsigned char>(before)) || before == '.'))
    return std::nullopt;
  if (detail::trim(start_text).starts_with(label)) return std::nullopt;
  std::size_t head_end = static_cast<std::size_t>(kept.data() - end_text.data()) + kept.size() - label.size();
  while (head_end > 0 && (end_text[head_end - 1] == ' ' || end_text[head_end - 1] == '\t')) --head_end;
  const std::uint32_t source_line = table.line(a, other), dest_line = table.line(b, other);
  Fix fix;
  fix.title = "Move " + quoted(label, 24) + " to the start of the " + (other ? "translation" : "original") + " of pair " +
              std::to_string(b + 1);
  fix.edits.push_back({table.line_begin(source_line) + head_end, table.line_end(source_line), ""});
  fix.edits.push_back({table.line_begin(dest_line), table.line_begin(dest_line), std::string(label) + " "});
  return fix;
}

void report_drift(const PairTable& table, std::vector<Finding>& out, const Alternative& best, const Alternative* mirror) {
  auto severity = severity_of(best.evidence, kRealignThresholds);
  // The dictionary knows the moved words and none of them finds a
  // counterpart after the move: the lengths fit a drift, the words do not.
  // Two explanations then fit about equally: information, not a warning.
  if (severity == Severity::Warning && table.lexicon && best.words_known >= kWordsToContradict && best.word_net <= 0)
    severity = Severity::Information;
  // Below the information level, a mirror that fits nearly as well lifts it there.
  const bool may_lift = mirror && best.evidence >= kMirroredInformation &&
                        mirror->evidence >= best.evidence - kMirrorAgreement &&
                        (!severity || *severity > Severity::Information);
  if (!severity && !may_lift) return;  // nothing to report: the lines need not be measured
  const DriftLines best_lines = drift_lines(table, best);
  const std::optional<DriftLines> mirror_lines = mirror ? std::optional(drift_lines(table, *mirror)) : std::nullopt;
  const bool mirrored = may_lift && brackets_balanced(moved_text(table, best, best_lines)) &&
                        brackets_balanced(moved_text(table, *mirror, *mirror_lines));
  if (mirrored) severity = Severity::Information;
  if (!severity) return;
  // The strongest move and its mirror (the other language's matching text
  // moved the other way) pair the lines alike; the one that undoes the drift
  // leaves the lines of its language their usual shape and puts the sentence
  // with the pair whose words it shares and whose discourse it continues.
  // All terms are in nats: the pairing evidence less the change of the
  // line-shape cost, and each word the moved texts share with the rest of the
  // pair a move puts them in, and each discourse cue for that pair, counts for
  // that move by the document's kind: a nat in prose paragraphs, a dictionary
  // word's half nat in turns (cohesion_weight).
  const bool mirror_moved_less = [&] {
    if (!mirror) return false;
    const std::array<MoveParts, 2> moves = {move_parts(table, best, best_lines),
                                             move_parts(table, *mirror, *mirror_lines)};
    const std::array<int, 2> shared = shared_with_rests(table, moves);
    std::array<int, 2> cues = discourse_cues(moves);
    cues[1] += opens_like_neighbours(table, best, moves[0]) + opens_like_neighbours(table, *mirror, moves[1]);
    // In a page's list of footnotes every body opens its own line (so do all
    // 88 lines of the dev sets' lists): a move that leaves a body inside a
    // line there gives a page no document shows, whatever the other terms say.
    const int best_left = footnote_bodies_out_of_place(table, best, moves[0].moved, moves[0].second_rest, true,
                                                       {moves[1].moved, moves[1].second_rest})[1];
    const int mirror_left = footnote_bodies_out_of_place(table, *mirror, moves[1].moved, moves[1].second_rest, true,
                                                         {moves[0].moved, moves[0].second_rest})[1];
    if (best_left != mirror_left) return mirror_left < best_left;
    const double weight = cohesion_weight(table.fits.shape);
    auto kept_together = [&](const Alternative& move) {
      return weight * (shared[move.forward ? 1 : 0] + cues[move.forward ? 1 : 0]);
    };
    return mirror->evidence - shape_change(table, *mirror, *mirror_lines) + kept_together(*mirror) >
           best.evidence - shape_change(table, best, best_lines) + kept_together(best);
  }();
  const Alternative& candidate = mirror_moved_less ? *mirror : best;
  const DriftLines& candidate_lines = mirror_moved_less ? *mirror_lines : best_lines;
  const Alternative* alternative = mirror_moved_less ? &best : mirror;
  const DriftLines* alternative_lines = mirror_moved_less ? &best_lines : mirror_lines ? &*mirror_lines : nullptr;
  const std::size_t a = candidate.first, b = a + 1;
  const bool translation = candidate.translation_side;
  const std::uint32_t source_line = table.line(candidate.forward ? a : b, translation);
  const std::uint32_t dest_line = table.line(candidate.forward ? b : a, translation);
  const std::string_view moved = moved_text(table, candidate, candidate_lines);
  const std::string side = translation ? "translation" : "original";
  const std::string other = translation ? "original" : "translation";
  Finding finding;
  finding.code = "boundary-drift";
  // The finding sits on the line the translation-side move would cut, so
  // that it stays where it is when new evidence swaps the preferred side.
  const Alternative& anchor = best.translation_side || !mirror ? best : *mirror;
  const std::size_t anchor_pair = anchor.forward ? a : b;
  const std::uint32_t anchor_line = table.line(anchor_pair, anchor.translation_side);
  finding.pair = static_cast<std::int32_t>(anchor_pair);
  // A mirrored drift counts as reaching the information threshold (0.5).
  finding.confidence = mirrored ? 0.5 : confidence_of(best.evidence, kRealignThresholds);
  finding.begin = table.line_begin(anchor_line);
  finding.end = table.line_end(anchor_line);
  if (anchor_line != source_line)
    finding.related.push_back({table.line_begin(source_line), table.line_end(source_line),
                               side + " of pair " + std::to_string((candidate.forward ? a : b) + 1)});
  if (candidate.forward) {
    finding.message = "The " + side + " of pair " + std::to_string(a + 1) + " runs on into pair " +
                      std::to_string(b + 1) + ": its end " + quoted(moved) + " belongs with the " + other +
                      " of pair " + std::to_string(b + 1) + " " + quoted(table.side_text(b, !translation));
  } else {
    finding.message = "The " + side + " of pair " + std::to_string(b + 1) + " starts with " + quoted(moved) +
                      ", which belongs to pair " + std::to_string(a + 1) + ": the " + other + " of pair " +
                      std::to_string(a + 1) + " ends with " + tail_preview(table.side_text(a, !translation));
  }
  Evidence evidence{best.evidence, kShapeSignals};
  if (best.lexical_gain > 0.5) evidence.signals |= kLexicalSignals;
  if (best.word_gain > 0.5) evidence.signals |= static_cast<std::uint16_t>(Signal::Words);
  if (mirrored) evidence.signals |= static_cast<std::uint16_t>(Signal::Mirror);
  finding.evidence = evidence;
  finding.message += evidence_note(evidence, MoveType::Drift);
  finding.related.push_back({table.line_begin(dest_line), table.line_end(dest_line),
                             side + " of pair " + std::to_string((candidate.forward ? b : a) + 1)});
  const std::uint32_t partner = table.line(candidate.forward ? b : a, !translation);
  finding.related.push_back({table.line_begin(partner), table.line_end(partner),
                             other + " of pair " + std::to_string((candidate.forward ? b : a) + 1)});
  // Which side drifted cannot be told from the pairs alone (moving the
  // matching text of the other side gives consistent pairs too): the move
  // that leaves its lines their usual shape is preferred, the other offered.
  Fix fix = drift_fix(table, candidate, candidate_lines);
  fix.preferred = true;
  finding.fixes.push_back(std::move(fix));
  if (alternative) finding.fixes.push_back(drift_fix(table, *alternative, *alternative_lines));
  else if (std::optional<Fix> label_fix = trailing_label_fix(table, candidate, moved)) finding.fixes.push_back(std::move(*label_fix));
  finding.severity = *severity;
  out.push_back(std::move(finding));
}

void report_merge(const PairTable& table, std::vector<Finding>& out, const Alternative& candidate) {
  const auto severity = severity_of(candidate.evidence, kRealignThresholds);
  if (!severity) return;
  const std::size_t a = candidate.first, b = a + 1;
  Finding finding;
  finding.code = "merge-suggested";
  finding.evidence = Evidence{candidate.evidence, kShapeSignals};
  finding.pair = static_cast<std::int32_t>(b);
  finding.confidence = confidence_of(candidate.evidence, kRealignThresholds);
  const std::uint32_t line = table.line(b, false);
  finding.begin = table.line_begin(line);
  finding.end = table.line_end(line);
  finding.message = "The original of pair " + std::to_string(b + 1) + " " + quoted(table.side_text(b, false)) +
                    " continues the sentence of pair " + std::to_string(a + 1) + " " +
                    tail_preview(table.side_text(a, false)) + ": the two pairs may be one segment";
  finding.related.push_back({table.line_begin(table.line(a, false)), table.line_end(table.line(a, false)),
                             "original of pair " + std::to_string(a + 1)});
  // Fix: join both sides. The lines of the two pairs are consecutive; rewrite
  // them from the end of the first line to the end of the last.
  const std::uint32_t lines[4] = {table.line(a, true), table.line(a, false), table.line(b, true),
                                  table.line(b, false)};
  const std::uint32_t low = *std::min_element(lines, lines + 4), high = *std::max_element(lines, lines + 4);
  // Labels stay where they are: the second line of the first pair keeps its
  // own; the second pair's labels would have nowhere to go (no fix then).
  const bool second_labelled = table.line_begin(table.line(b, true)) != table.transcript->lines[table.line(b, true)].begin ||
                               table.line_begin(table.line(b, false)) != table.transcript->lines[table.line(b, false)].begin;
  if (high - low == 3 && !second_labelled) {
    const bool translation_first = table.line(a, true) < table.line(a, false);
    const SideText t = table.side_text(a, true), o = table.side_text(a, false);
    const std::string t_sep = line_outline(t.text, t.script).spaced ? " " : "";
    const std::string o_sep = line_outline(o.text, o.script).spaced ? " " : "";
    const std::string translation = std::string(table.side_text(a, true)) + t_sep + std::string(table.side_text(b, true));
    const std::string original = std::string(table.side_text(a, false)) + o_sep + std::string(table.side_text(b, false));
    // Keep the document's line end.
    const std::size_t first_end = table.line_end(low);
    const std::string line_break(
        table.text().substr(first_end, table.line_begin(low + 1) - first_end));  // with the next line's label
    Fix fix;
    fix.preferred = true;
    fix.title = "Merge pairs " + std::to_string(a + 1) + " and " + std::to_string(b + 1);
    fix.edits.push_back({table.line_begin(low), table.line_end(high),
                         translation_first ? translation + line_break + original : original + line_break + translation});
    finding.fixes.push_back(std::move(fix));
  }
  finding.severity = *severity;
  out.push_back(std::move(finding));
}

}  // namespace

std::vector<Finding> realign_findings(const PairTable& table, const SelectedAlternative& selected) {
  std::vector<Finding> out;
  const Alternative& alternative = selected.alternative;
  switch (alternative.type) {
    case MoveType::Rotation: report_rotation(table, out, alternative); break;
    case MoveType::Drift:
      report_drift(table, out, alternative, selected.mirror ? &*selected.mirror : nullptr);
      break;
    case MoveType::Merge: report_merge(table, out, alternative); break;
  }
  return out;
}

}  // namespace bitext::content
