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
#include "drift_side.hpp"
#include "drift_cut_points.hpp"
#include "front_matter.hpp"
#include "joiner.hpp"
#include "line_end_marks.hpp"
#include "line_facts.hpp"

namespace bitext::content {

namespace {

// Where the run of digits, full stops and capitals (an appendix's "B.4.") that
// ends `text` begins: a number label at its end starts inside it.
std::size_t label_run_begin(std::string_view text) {
  std::size_t begin = text.size();
  while (begin > 0 && (chars::is_ascii_digit(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '.' ||
                       chars::is_ascii_upper(static_cast<unsigned char>(text[begin - 1]))))
    --begin;
  return begin;
}

}  // namespace

// Whether a text ends with a bare section number ("…i386 6.2.4.",
// "…光盘。6.3.9."): of two groups at least, or right after a sentence end, so
// that a sentence ending "in chapter 2." is not one. A number labels what
// follows it; at the end of a line it is what a cut left there.
bool ends_with_number_label(std::string_view text) {
  text = detail::trim(text);
  std::size_t begin = label_run_begin(text);
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

// The number label of a heading label moved alone ("8.2." of "Figure 8.2.",
// "B.4." of "PrevB.4."); empty when the moved text is not such a label.
std::string_view moved_number_label(std::string_view moved) {
  if (!detail::bare_label(moved)) return {};
  const std::string_view text = detail::trim(moved);
  std::size_t begin = label_run_begin(text);
  while (begin < text.size() && (text[begin] == '.' || !detail::is_number_label(text.substr(begin)))) ++begin;
  return text.substr(begin);
}

// A drift that moves a heading label (bare, or with its word) back onto a line's end ("9." of "9.
// 时钟同步" onto "8.2. 网络打印机") when the other language's line of that pair
// ends with the same label ("8.2. Network printers 9.", "16. 桌面 HowTo16.1."): the
// label is that line's, moved onto it from the next pair's start, which the
// drift search does not cut at (a one-group number after a word may end a
// sentence: "It costs 9."). Moving it back, forward on the other side, is
// offered when the search found no mirror; a number label labels what
// follows it, with a space in either script.
std::optional<Fix> trailing_label_fix(const PairTable& table, const Alternative& drift, std::string_view moved) {
  if (drift.forward) return std::nullopt;
  const std::string_view bare = detail::trim(moved);
  const std::string_view number = detail::is_number_label(bare) ? bare : moved_number_label(moved);
  if (number.empty()) return std::nullopt;
  const std::size_t a = drift.first, b = a + 1;
  const bool other = !drift.translation_side;
  const std::string_view end_text = table.side_text(a, other).text;
  const std::string_view start_text = table.side_text(b, other).text;
  const std::string_view kept = detail::trim(end_text);
  if (kept.size() <= number.size() + 1 || !kept.ends_with(number)) return std::nullopt;
  const Script script = table.script(other);
  const bool spaced = script != Script::Han && script != Script::Japanese;
  std::string_view label = number;
  if (number == bare) {
    // After a space, or glued in a Chinese line ("…HowTo16.1."); not inside a longer number.
    const char before = kept[kept.size() - number.size() - 1];
    if (before != ' ' && (spaced || chars::is_ascii_digit(static_cast<unsigned char>(before)) || before == '.'))
      return std::nullopt;
    if (detail::trim(start_text).starts_with(label)) return std::nullopt;
  } else {
    // A label with its word ("Figure 8.2.", "上一页1.4."): the other line's
    // label takes its own word along ("…合并图像图 8.2.", "…软件库上一页1.4."):
    // a navigation link's word is known in both languages; another word is
    // read as the drift search reads a trailing label, the moved label's
    // line (which opens with it) as the partner.
    const std::size_t begin =
        detail::navigation_line(bare)
            ? detail::navigation_link_inside(kept, bare)
            : trailing_label_begin(kept, spaced, table.side_text(b, drift.translation_side).text, table.lexicon);
    if (begin == 0 || begin >= kept.size() - number.size() || !detail::bare_label(kept.substr(begin)))
      return std::nullopt;
    if (detail::holds_label(start_text, number)) return std::nullopt;
    label = kept.substr(begin);
  }
  std::size_t head_end = static_cast<std::size_t>(kept.data() - end_text.data()) + kept.size() - label.size();
  head_end = detail::end_before_spaces(end_text, head_end);
  const std::uint32_t source_line = table.line(a, other), dest_line = table.line(b, other);
  Fix fix;
  fix.title = "Move " + quoted(label, 24) + " to the start of the " + (other ? "translation" : "original") + " of pair " +
              std::to_string(b + 1);
  fix.edits.push_back({table.line_begin(source_line) + head_end, table.line_end(source_line), ""});
  fix.edits.push_back({table.line_begin(dest_line), table.line_begin(dest_line), std::string(label) + " "});
  return fix;
}

// A moved heading label ("16.1.", "Figure 8.2.", "PrevB.4.") that the other
// language's line of the pair it joins holds and that of the pair it leaves
// does not: a label names one heading, so the two lines' numbers together say
// where it belongs, whatever the lengths say.
bool label_joins_its_partner(const PairTable& table, const Alternative& drift, std::string_view moved) {
  const std::string_view label = moved_number_label(moved);
  if (label.empty()) return false;
  const std::size_t a = drift.first, b = a + 1;
  const bool other = !drift.translation_side;
  const std::string_view joined = table.side_text(drift.forward ? b : a, other).text;
  const std::string_view left = table.side_text(drift.forward ? a : b, other).text;
  return detail::holds_label(joined, label) && !detail::holds_label(left, label);
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
  const bool mirror_moved_less = mirror && mirror_undoes_drift(table, best, best_lines, *mirror, *mirror_lines);
  const Alternative& candidate = mirror_moved_less ? *mirror : best;
  const DriftLines& candidate_lines = mirror_moved_less ? *mirror_lines : best_lines;
  const Alternative* alternative = mirror_moved_less ? &best : mirror;
  const DriftLines* alternative_lines = mirror_moved_less ? &best_lines : mirror_lines ? &*mirror_lines : nullptr;
  const std::size_t a = candidate.first, b = a + 1;
  const bool translation = candidate.translation_side;
  const std::uint32_t source_line = table.line(candidate.forward ? a : b, translation);
  const std::uint32_t dest_line = table.line(candidate.forward ? b : a, translation);
  const std::string_view moved = moved_text(table, candidate, candidate_lines);
  const bool label_placed = severity == Severity::Hint && label_joins_its_partner(table, candidate, moved);
  if (label_placed) severity = Severity::Information;
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
  // A mirrored drift, or a label placed by its partner, counts as reaching the information threshold (0.5).
  finding.confidence = mirrored || label_placed ? 0.5 : confidence_of(best.evidence, kRealignThresholds);
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
  std::optional<Fix> label_fix = alternative ? std::nullopt : trailing_label_fix(table, candidate, moved);
  // Where the label fix is offered, the drift's move ends a second line with
  // a bare number label, which the line shape counts as out of place
  // (shape_change); the label fix mends the one line that ends so: it goes first.
  if (label_fix) {
    label_fix->preferred = true;
    finding.fixes.push_back(std::move(*label_fix));
    finding.fixes.push_back(std::move(fix));
  } else {
    fix.preferred = true;
    finding.fixes.push_back(std::move(fix));
    if (alternative) finding.fixes.push_back(drift_fix(table, *alternative, *alternative_lines));
  }
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
