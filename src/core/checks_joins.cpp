// Structural findings for lines joined across a pair's two sides (joined-lines)
// or merged across two pairs' same side (split-line read from the merged line):
// their messages and the fixes that put the line break back (joined_lines.hpp
// reads where the line splits).
#include "structural_checker.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "bitext/lexicon.hpp"
#include "bitext/rules.hpp"
#include "bitext/speaker_labels.hpp"
#include "chars.hpp"
#include "front_matter.hpp"
#include "joined_lines.hpp"
#include "joiner.hpp"
#include "line_end_marks.hpp"
#include "line_facts.hpp"
#include "merged_anchors.hpp"
#include "merged_lexical.hpp"

namespace bitext::structural {

using detail::LineRole;

// The header (footer) line holds a pair's two lines joined (joined_lines.hpp,
// edge_join): information, since a bilingual title reads the same; the fix
// puts the line break back as joined() does.
bool StructuralChecker::joined_edge(std::uint32_t number, const Pair& edge) {
  const auto join = detail::edge_join(transcript_, index_, number, join_fit_);
  if (!join) return joined_beside_edge(number, edge);
  const std::string first = side_part(translation_first_);
  const std::string second = side_part(!translation_first_);
  Finding& finding = add("joined-lines", number, number, edge,
                         "Line " + line_number(number) + " holds a " + first + " and its " + second +
                             " joined into one line; or a header that gives its title in both languages");
  finding.severity = Severity::Information;
  finding.pair = -1;
  finding.fixes.push_back(split_at_join(number, *join, second));
  return true;
}

// The header (footer) line's partner joined to the first (last) pair's line
// beside it (detail::beside_reading): information, the line may be a header.
bool StructuralChecker::joined_beside_edge(std::uint32_t number, const Pair& edge) {
  const int side = language_side(number);
  if (side < 0) return false;
  const bool missing_translation = side == 0;
  const auto reading = detail::beside_reading(transcript_, index_, number, -1, missing_translation, join_fit_);
  if (!reading) return false;
  const std::string missing_part = side_part(missing_translation);
  const std::string other_part = side_part(!missing_translation);
  const std::string pair_part = "the " + other_part + " of pair " + std::to_string(reading->other_pair + 1);
  const std::string line_part = "the " + missing_part + " of line " + line_number(number);
  Finding& finding = add("joined-lines", reading->line, reading->line, edge,
                         "Line " + line_number(reading->line) + " holds " +
                             (reading->missing_first ? line_part + " and " + pair_part : pair_part + " and " + line_part) +
                             " joined into one line; or line " + line_number(number) + " is the document's " +
                             (edge.index == 0 && number < edge.first_line() ? "header" : "footer"));
  finding.severity = Severity::Information;
  finding.fixes.push_back(
      split_at_join(reading->line, reading->join, reading->missing_first ? other_part : missing_part));
  finding.related.push_back(related(number, "line " + line_number(number)));
  return true;
}

// A pair's missing line found joined to its partner or to the next pair's
// line (joined_lines.hpp): one error in place of the missing side, with the
// line break put back where the second language starts. A single space at
// the join (what join-lines commands put there) is replaced by the break;
// any other spacing stays on the first line, so no character is lost.
bool StructuralChecker::joined(const Pair& pair, bool missing_translation) {
  const auto reading = detail::joined_reading(transcript_, index_, pair, missing_translation, join_fit_);
  if (!reading) return false;
  const std::string missing_part = side_part(missing_translation);
  const std::string present_part = side_part(!missing_translation);
  const std::string first_part = reading->missing_first ? missing_part : present_part;
  const std::string second_part = reading->missing_first ? present_part : missing_part;
  std::string message = "Line " + line_number(reading->line) + " holds ";
  if (reading->own) {
    message += "the " + first_part + " and the " + second_part + " of pair " + pair_number(pair) +
               " joined into one line";
  } else {
    const std::string missing_pair = pair_number(pair), other_pair = std::to_string(reading->other_pair + 1);
    message += "the " + first_part + " of pair " + (reading->missing_first ? missing_pair : other_pair) +
               " and the " + second_part + " of pair " + (reading->missing_first ? other_pair : missing_pair) +
               " joined into one line";
  }
  Finding& finding = add("joined-lines", reading->line, reading->line, pair, std::move(message));
  const std::size_t start = index_.line_start(reading->line);
  const std::size_t missing_begin = start + (reading->missing_first ? 0 : reading->join.second_begin);
  const std::size_t missing_end = start + (reading->missing_first ? reading->join.first_end : text_of(reading->line).size());
  finding.related.push_back({missing_begin, missing_end, missing_part + " of pair " + pair_number(pair)});
  if (!reading->own) finding.related.push_back(related(reading->partner, "its partner, pair " + pair_number(pair)));
  finding.fixes.push_back(
      split_at_join(reading->line, reading->join, reading->missing_first ? present_part : missing_part));
  return true;
}

// Two lines on one side, one of them two languages joined (detail::doubled_join):
// the joined line's error, with the break put back, in place of a split line.
bool StructuralChecker::joined_doubled(const Pair& pair, bool translation_side) {
  const auto reading = detail::doubled_join(transcript_, index_, pair, translation_side, join_fit_);
  if (!reading) return false;
  const SideLines& side = translation_side ? pair.translation : pair.original;
  const std::string first_part = side_part(!reading->second_translation);
  const std::string second_part = side_part(reading->second_translation);
  Finding& finding = add("joined-lines", reading->line, reading->line, pair,
                         "Line " + line_number(reading->line) + " holds the " + first_part +
                             (reading->own ? " and the " + second_part + " of one pair"
                                           : " of one pair and the " + second_part + " of the next") +
                             " joined into one line, not a segment split over lines " +
                             line_number(std::min(side.front(), side.back())) + "–" + line_number(side.back()));
  finding.fixes.push_back(split_at_join(reading->line, reading->join, second_part));
  return true;
}

// A single joining space (what join-lines commands put) becomes the line end;
// any other spacing stays on the first line, so no character is lost.
Fix StructuralChecker::split_at_join(std::uint32_t number, const detail::LanguageJoin& join,
                                     const std::string& second_part) const {
  const std::size_t start = index_.line_start(number);
  std::size_t cut_begin = start + join.first_end;
  const std::size_t cut_end = start + join.second_begin;
  if (cut_end - cut_begin != 1) cut_begin = cut_end;
  Fix fix;
  fix.title = "Split line " + line_number(number) + " where the " + second_part + " starts";
  fix.preferred = true;
  fix.edits.push_back({cut_begin, cut_end, eol_after(number)});
  return fix;
}

// The merged shape at an ordinary sentence end ("。" then Han, ". " then a
// capital): one segment of two sentences split over two lines has it too,
// so joining stays preferred and splitting the other side's line there and
// moving its second part is offered second, when both parts fit their
// partner lines' lengths.
void StructuralChecker::merged_second_fix(std::size_t finding_at, const Pair& pair, bool translation_side) {
  const SideLines& side = translation_side ? pair.translation : pair.original;
  const SideLines& other = translation_side ? pair.original : pair.translation;
  if (index_.of_ranges() || side.size() != 2 || other.size() != 1) return;
  if (other.front() + 1 != side[0] || side[0] + 1 != side[1]) return;
  const std::string_view text = text_of(other.front());
  const double first_length = double(text_of(side[0]).size()), second_length = double(text_of(side[1]).size());
  if (first_length <= 0 || second_length <= 0) return;
  const auto seam = detail::merged_seam(text, first_length / (first_length + second_length), nullptr, true);
  if (!seam || !merged_parts_fit(text, *seam, side[0], side[1], translation_side)) return;
  Fix split = merged_split_fix(other.front(), side[1], *seam, false);
  findings_[finding_at].fixes.push_back(std::move(split));
}

// Whether the two parts of a merged line (cut at `seam`) fit the partner
// lines `first` and `second` (of the side `partners_translation`) under the
// document's length model.
bool StructuralChecker::merged_parts_fit(std::string_view text, const detail::LanguageJoin& seam, std::uint32_t first,
                                         std::uint32_t second, bool partners_translation) {
  auto fit = [&](std::string_view part, std::string_view partner) {
    return partners_translation ? join_fit_.fits(partner, part) : join_fit_.fits(part, partner);
  };
  return fit(text.substr(0, seam.first_end), text_of(first)) && fit(text.substr(seam.second_begin), text_of(second));
}

// An ordinary sentence end as a merged line's seam where a line is missing
// (merged_before): the competing reading is a deleted line, whose neighbour
// translates its own partner only. So the parts must fit their partners'
// lengths and either the whole line must be too long for the first partner
// alone, or the dictionary must say the second part translates the second
// partner: at least two of its words have a counterpart there and not in
// the first partner, more than the other way round.
bool StructuralChecker::merged_sentence_evidence(std::string_view text, const detail::LanguageJoin& seam,
                                                 std::uint32_t first, std::uint32_t second, bool partners_translation,
                                                 bool partners_present) {
  const bool whole_fits = partners_present || (partners_translation ? join_fit_.fits(text_of(first), text)
                                                                    : join_fit_.fits(text, text_of(first)));
  if (!merged_parts_fit(text, seam, first, second, partners_translation))
    return (!whole_fits && merged_title_reading(text, seam, first, second, partners_translation)) ||
           (!partners_present && merged_words_agree(text, seam, first, second, partners_translation) &&
            merged_heading_after_sentence(text, seam, first, second, partners_translation));
  if (!whole_fits) return true;
  // Beside a missing line the competing reading is a deletion (with both
  // partners present, a segment split over two lines: no length test here).
  if (!partners_present && merged_reading_likelier(text, seam, first, second, partners_translation)) return true;
  const Lexicon* lexicon = join_fit_.lexicon();  // the dictionary of a Chinese-English document, or none
  if (!lexicon) return false;
  const bool merged_chinese = merged_line_chinese(partners_translation);
  const std::string_view after = text.substr(seam.second_begin);
  const std::vector<LexicalWord> tail = merged_chinese ? chinese_line_words(after, lexicon) : english_line_words(after);
  const std::vector<bool> to_first = detail::merged_words_translated(*lexicon, tail, merged_chinese, text_of(first));
  const std::vector<bool> to_second = detail::merged_words_translated(*lexicon, tail, merged_chinese, text_of(second));
  int second_only = 0, first_only = 0;
  for (std::size_t k = 0; k < tail.size(); ++k) {
    second_only += to_second[k] && !to_first[k];
    first_only += to_first[k] && !to_second[k];
  }
  return second_only >= 2 && second_only > first_only;
}

// The same shape seen from the other side: the pair's one line on the other
// side, right before the two, holds two segments' text joined at a seam no
// single segment has (joined_lines.hpp, merged_seam) where the two lines'
// lengths put it: one side of two pairs merged, the second pair's line of
// that side gone. Split it there and move the second part after the first
// partner line (the document's order); joining the two lines stays second.
bool StructuralChecker::merged_segments(const Pair& pair, bool translation_side) {
  const SideLines& side = translation_side ? pair.translation : pair.original;
  const SideLines& other = translation_side ? pair.original : pair.translation;
  if (side.size() != 2 || other.size() != 1) return false;
  if (other.front() + 1 != side[0] || side[0] + 1 != side[1]) return false;
  if (merged_finding(pair, other.front(), side[0], side[1], translation_side, false)) return true;
  // Where the first of the two lines ends no sentence nor clause and the
  // second opens a segment, both are whole titles or entries ("User
  // management" / "Web server"; "27.2. 旧版本的历史信息" / "以下是…"), not one
  // segment broken in two: the other line's cut is read with a missing
  // line's evidence (the dictionary's clean cut, a sentence end with words
  // of the second partner), the whole line's length telling nothing here.
  if (!detail::segments_apart(text_of(side[0]), text_of(side[1]))) return false;
  // A sentence broken before a capital passes that test: not where the first
  // line ends with a closed-class word, nor where the second opens with a word
  // the document capitalises inside its sentences (a name: "…now uses" /
  // "X2Go, because…"), whose capital opens no segment.
  const bool english = (translation_side ? transcript_.translation_script : transcript_.original_script) == Script::Latin;
  if (english && (detail::ends_with_function_word(text_of(side[0])) ||
                  written_as_name(detail::opening_word(text_of(side[1])))))
    return false;
  return merged_finding(pair, other.front(), side[0], side[1], translation_side, false, true, true);
}

// The other side of that shape: this pair's line of one side is gone because
// it was merged into the previous pair's line of that side, which lies
// between the previous pair's partner and this pair's (the lines alternate).
bool StructuralChecker::merged_before(const Pair& pair, bool missing_translation) {
  const SideLines& present = missing_translation ? pair.original : pair.translation;
  const std::size_t at = static_cast<std::size_t>(&pair - transcript_.pairs.data());
  if (present.size() != 1 || at == 0) return false;
  const Pair& previous = transcript_.pairs[at - 1];
  const SideLines& merged = missing_translation ? previous.translation : previous.original;
  const SideLines& partner = missing_translation ? previous.original : previous.translation;
  if (merged.size() != 1 || partner.size() != 1) return false;
  const std::uint32_t own = present.front();
  const bool merged_first = merged.front() + 2 == own && partner.front() + 1 == own;
  const bool merged_second = partner.front() + 2 == own && merged.front() + 1 == own;
  if (!merged_first && !merged_second) return false;
  return merged_finding(previous, merged.front(), partner.front(), own, !missing_translation, merged_second, true);
}

// The mirror of merged_before: the pairing gave the merged line to the next
// pair's partner and left this pair's line alone ("zh5 / en5␠en6 / zh6" read
// as "zh5" alone and "en5␠en6 | zh6"). The lone line is the first segment's
// partner; the merged line lies right after it, the next pair's partner right
// after that.
bool StructuralChecker::merged_after(const Pair& pair, bool missing_translation) {
  const SideLines& present = missing_translation ? pair.original : pair.translation;
  const std::size_t at = static_cast<std::size_t>(&pair - transcript_.pairs.data());
  if (present.size() != 1 || at + 1 >= transcript_.pairs.size()) return false;
  // Only where the merged side comes second in the document's pairs: else
  // the line after the lone one opens the next pair. The document's first
  // line opens its first pair whatever the pairing made of the order (in a
  // document of two or three pairs the merged pair alone may have set it).
  if (missing_translation == translation_first_ && at != 0) return false;
  const Pair& next = transcript_.pairs[at + 1];
  const SideLines& merged = missing_translation ? next.translation : next.original;
  const SideLines& partner = missing_translation ? next.original : next.translation;
  if (merged.size() != 1 || partner.size() != 1) return false;
  const std::uint32_t own = present.front();
  if (merged.front() != own + 1 || partner.front() != own + 2) return false;
  return merged_finding(next, merged.front(), own, partner.front(), !missing_translation, true, true);
}

// A line (`merged`) holding two segments' text whose partner lines are
// `first` and `second` (of the side `partners_translation`): split it at
// the seam and move the second part to its place in the document's order,
// right after `second` when the merged side comes second in a pair
// (`after_second`), else right before it. Joining the two partner lines, the
// other reading, comes second when they are adjacent.
// `ordinary_ok`: a missing line's reading (merged_before), where an ordinary
// sentence end may be the seam with the evidence of merged_sentence_evidence.
bool StructuralChecker::merged_finding(const Pair& pair, std::uint32_t merged, std::uint32_t first,
                                       std::uint32_t second, bool partners_translation, bool after_second, bool ordinary_ok,
                                       bool partners_present) {
  if (index_.of_ranges()) return false;
  const double first_length = double(text_of(first).size());
  const double second_length = double(text_of(second).size());
  if (first_length <= 0 || second_length <= 0) return false;
  const std::string_view text = text_of(merged);
  const double share = first_length / (first_length + second_length);
  bool spaced_cjk = false, spaced_han = false;
  const std::string_view second_token = detail::leading_latin_token(text_of(second));
  std::optional<detail::LanguageJoin> seam;
  // The second partner is a page's navigation link whose link word the line
  // holds after its start ("…Development Prev13.6. 开发" before "上一页13.6. 开发"):
  // the link is a segment of its own, the cut goes right before its word.
  if (const std::size_t link = detail::navigation_link_inside(text, text_of(second)); link > 0) {
    std::size_t end = link;
    end = detail::end_before_spaces(text, end);
    const detail::LanguageJoin at{end, link};
    if (end > 0 && merged_parts_fit(text, at, first, second, partners_translation)) seam = at;
  }
  if (!seam) {
    seam = detail::merged_seam(text, share, &spaced_cjk, false, second_token);
    // The seam counts only where no other line of the document has one.
    if (seam && spaced_cjk && spaced_cjk_lines() > (detail::has_spaced_cjk_end(text) ? 1u : 0u)) seam.reset();
  }
  // A label alone ("10.6.2.", "图 8.2.") cut off its title is no segment.
  auto label_alone = [&](const std::optional<detail::LanguageJoin>& cut) {
    return cut && detail::label_cut_off(text.substr(0, cut->first_end), text_of(first));
  };
  if (label_alone(seam)) seam.reset();
  if (!seam && ordinary_ok) {
    // A space between Han characters ("前言 图片和样式设计") is a seam only with that
    // evidence and where no other line of the document has one: "第 2 章 案例呈现" is one title.
    const bool han_seams = spaced_han_lines() <= (detail::has_spaced_han(text) ? 1u : 0u);
    seam = detail::merged_seam(text, share, nullptr, true, second_token, han_seams ? &spaced_han : nullptr);
    if (seam && !merged_sentence_evidence(text, *seam, first, second, partners_translation, partners_present))
      seam.reset();
    if (label_alone(seam)) seam.reset();
  }
  // A list whose entries end with a semicolon (";" / "；"): where the first
  // partner ends so, its text ends at the line's semicolon, and what follows
  // (often a small letter, "…see below); make it a…") is the next entry; the
  // evidence is a sentence end's.
  if (!seam && ordinary_ok) {
    const char32_t first_mark = detail::last_mark(text_of(first));
    if (first_mark == U';' || first_mark == U'\uFF1B') {
      seam = detail::merged_entry_seam(text, share);
      if (seam && !merged_sentence_evidence(text, *seam, first, second, partners_translation, partners_present))
        seam.reset();
    }
  }
  if (!seam && ordinary_ok)
    seam = merged_lexical(text, first, second, partners_translation, share, second_token, partners_present);
  // No mark nor dictionary word places the cut: the word boundary where the
  // partners' lengths put it, where the merge is the likelier reading.
  if (!seam && ordinary_ok && !partners_present) {
    seam = detail::merged_length_cut(text, share);
    if (seam && !merged_cut_taken(text, *seam, first, second, partners_translation)) seam.reset();
  }
  if (!seam || label_alone(seam)) return false;
  merged_report(pair, merged, first, second, partners_translation, after_second, *seam);
  return true;
}

// The finding of a line `merged` that holds two segments' text cut at `seam`
// (merged_finding says where), with its fixes.
void StructuralChecker::merged_report(const Pair& pair, std::uint32_t merged, std::uint32_t first, std::uint32_t second,
                                      bool partners_translation, bool after_second,
                                      const detail::LanguageJoin& seam) {
  const std::string_view text = text_of(merged);
  const std::string_view name = side_name(!partners_translation);
  const std::string_view partners = side_name(partners_translation);
  const std::string_view second_part = text.substr(seam.second_begin);
  std::size_t shown = std::min<std::size_t>(24, second_part.size());  // a few words, cut at a character start
  while (shown < second_part.size() && (static_cast<unsigned char>(second_part[shown]) & 0xC0) == 0x80) ++shown;
  std::string message = std::string(name) + " line " + line_number(merged) + " holds two segments' " +
                        std::string(partners_translation ? "originals" : "translations") +
                        ": its first part goes with the " + std::string(partners) + " line " + line_number(first) +
                        ", its second, from '" + std::string(detail::trim(second_part.substr(0, shown))) +
                        "…', with line " + line_number(second) + " (pair " + pair_number(pair) + ")";
  Finding& finding = add("split-line", merged, merged, pair, std::move(message));
  finding.related.push_back(related(first, "first segment's " + std::string(partners)));
  finding.related.push_back(related(second, "second segment's " + std::string(partners)));
  Fix split = merged_split_fix(merged, second, seam, after_second);
  split.preferred = true;
  finding.fixes.push_back(std::move(split));
  if (first + 1 == second) {
    Fix join;
    join.title = "Join the two lines";
    join.edits.push_back(
        {line(first).end, line(second).begin, detail::joiner_in(text_of(first), text_of(second), index_, first, second)});
    finding.fixes.push_back(std::move(join));
  }
}

// Split line `merged` at `seam` and move its second part right before line
// `second` (right after it: `after_second`).
Fix StructuralChecker::merged_split_fix(std::uint32_t merged, std::uint32_t second, const detail::LanguageJoin& seam,
                                        bool after_second) {
  const std::string_view second_part = text_of(merged).substr(seam.second_begin);
  Fix split;
  split.title = "Split line " + line_number(merged) + " and move its second part " +
                (after_second ? "after line " : "before line ") + line_number(second);
  split.edits.push_back({line(merged).begin + seam.first_end, line(merged).end, ""});
  if (after_second)
    split.edits.push_back({line(second).end, line(second).end, eol_after(merged) + std::string(second_part)});
  else
    split.edits.push_back({line(second).begin, line(second).begin, std::string(second_part) + eol_after(merged)});
  return split;
}

// The two readings of a line beside a missing line, weighed by the length
// model alone: a merge (its parts translate the two partners) against a
// deletion (the whole line translates the first partner, the second partner
// lost its line). Each reading's probability is the two-sided tail of its
// |δ| under the document's model (Gale and Church's measure); with no prior
// for either damage, the likelier reading wins.
bool StructuralChecker::merged_reading_likelier(std::string_view text, const detail::LanguageJoin& seam,
                                                std::uint32_t first, std::uint32_t second, bool partners_translation) {
  auto delta = [&](std::string_view part, std::string_view partner) {
    return partners_translation ? join_fit_.delta(partner, part) : join_fit_.delta(part, partner);
  };
  auto tail = [](double d) { return std::erfc(d / std::sqrt(2.0)); };
  // Without a dictionary nothing says whose sentence a line's last one is: a
  // deleted line's neighbour of several sentences has this seam at each end.
  if (!join_fit_.lexicon() && seam.first_end > 0 &&
      chars::is_sentence_end(decode_utf8(text, code_point_start_before(text, seam.first_end)).code_point))
    return false;
  if (!merged_words_agree(text, seam, first, second, partners_translation)) return false;
  // A short line fits its first partner whatever it holds; there the
  // dictionary weighs the readings where the length model cannot.
  if (merged_parts_translated(text, seam, first, second, partners_translation) ||
      merged_marks_place_cut(text, seam, first, second, partners_translation) ||
      merged_heading_after_sentence(text, seam, first, second, partners_translation))
    return true;
  const double merged = tail(delta(text.substr(0, seam.first_end), text_of(first))) *
                        tail(delta(text.substr(seam.second_begin), text_of(second)));
  return merged > tail(delta(text, text_of(first)));
}

// A cut that no mark placed (the lengths', or the dictionary's at the footer)
// stands where it can open the second segment, each part fits its partner,
// and the merge is the likelier reading than a deletion.
bool StructuralChecker::merged_cut_taken(std::string_view text, const detail::LanguageJoin& cut, std::uint32_t first,
                                         std::uint32_t second, bool partners_translation) {
  return merged_cut_starts_segment(text, cut, second, partners_translation) &&
         merged_parts_fit(text, cut, first, second, partners_translation) &&
         merged_reading_likelier(text, cut, first, second, partners_translation);
}

// Whether the partners' numbers and the dictionary leave a cut at `seam`
// standing: each part holds its partner's numbers, no word of the first part
// translates only the second partner, none of the second part only the first.
bool StructuralChecker::merged_words_agree(std::string_view text, const detail::LanguageJoin& seam,
                                           std::uint32_t first, std::uint32_t second, bool partners_translation) {
  // Numbers carry over into a translation as they are: a partner's number
  // missing from its part says the part is not its translation.
  auto numbers_carried = [&](std::string_view part, std::uint32_t partner) {
    const std::vector<detail::MergedNumber> in_part = detail::merged_numbers(part);
    for (const detail::MergedNumber& number : detail::merged_numbers(text_of(partner)))
      if (!detail::merged_number_in(in_part, number.text)) return false;
    return true;
  };
  if (!numbers_carried(text.substr(0, seam.first_end), first) || !numbers_carried(text.substr(seam.second_begin), second))
    return false;
  const Lexicon* lexicon = join_fit_.lexicon();
  if (!lexicon) return true;
  const bool merged_chinese = merged_line_chinese(partners_translation);
  const std::vector<LexicalWord> words = detail::merged_line_words(*lexicon, text, merged_chinese);
  const std::vector<bool> to_first = detail::merged_words_translated(*lexicon, words, merged_chinese, text_of(first));
  const std::vector<bool> to_second = detail::merged_words_translated(*lexicon, words, merged_chinese, text_of(second));
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (to_first[k] == to_second[k]) continue;
    if (to_second[k] && words[k].begin < seam.first_end) return false;
    if (to_first[k] && words[k].end > seam.second_begin) return false;
  }
  return true;
}

// Whether a word boundary the lengths chose (merged_length_cut) can open the
// second partner's segment: in English not before a small letter (a segment
// opens with a capital, a digit or a mark; "…a typo by a | determined
// attacker" is one sentence), in Chinese only between two of the
// dictionary's words (a cut between any two Han characters may split a word,
// "日志|文件"), and one word of the second part must translate the second
// partner. Without a dictionary none.
bool StructuralChecker::merged_cut_starts_segment(std::string_view text, const detail::LanguageJoin& seam,
                                                  std::uint32_t second, bool partners_translation) {
  const bool merged_chinese = merged_line_chinese(partners_translation);
  const Lexicon* lexicon = join_fit_.lexicon();
  if (!merged_chinese && chars::is_ascii_lower(text[seam.second_begin])) return false;
  if (!lexicon) return false;  // a title's capitals alone ("Advanced Configuration and | Power Interface") tell nothing
  const std::vector<LexicalWord> words = detail::merged_line_words(*lexicon, text, merged_chinese);
  bool opens = !merged_chinese;
  for (const LexicalWord& word : words) {
    if (word.begin < seam.second_begin && word.end > seam.second_begin) return false;
    opens = opens || word.begin == seam.second_begin;
  }
  if (!opens) return false;
  const std::vector<bool> matched = detail::merged_words_translated(*lexicon, words, merged_chinese, text_of(second));
  for (std::size_t k = 0; k < words.size(); ++k)
    if (matched[k] && words[k].begin >= seam.second_begin) return true;
  return false;
}

// Whether the document writes `word` capitalised right after a small-letter
// word (detail::inner_capital_words), collected once.
bool StructuralChecker::written_as_name(std::string_view word) {
  // Capitals alone ("GNU", "BACK TO BASICS", "B.4.2.") are an acronym, a label or a heading's letter.
  if (std::none_of(word.begin(), word.end(), [](char c) { return chars::is_ascii_lower(c); })) return false;
  if (!inner_capitals_) {
    inner_capitals_.emplace();
    for (std::uint32_t number = 0; number < transcript_.lines.size(); ++number)
      detail::inner_capital_words(text_of(number), *inner_capitals_);
    std::sort(inner_capitals_->begin(), inner_capitals_->end());
    inner_capitals_->erase(std::unique(inner_capitals_->begin(), inner_capitals_->end()), inner_capitals_->end());
  }
  return std::binary_search(inner_capitals_->begin(), inner_capitals_->end(), word);
}

// How many lines of the document have a space between two Han characters, counted once.
std::uint32_t StructuralChecker::spaced_han_lines() {
  if (!spaced_han_lines_) {
    spaced_han_lines_ = 0;
    for (std::uint32_t number = 0; number < transcript_.lines.size(); ++number)
      *spaced_han_lines_ += detail::has_spaced_han(text_of(number)) ? 1 : 0;
  }
  return *spaced_han_lines_;
}

// How many lines of the document have a CJK sentence end, a space and a
// Han character (merged_seam's writer's-style seam), counted once.
std::uint32_t StructuralChecker::spaced_cjk_lines() {
  if (!spaced_cjk_lines_) {
    spaced_cjk_lines_ = 0;
    for (std::uint32_t number = 0; number < transcript_.lines.size(); ++number)
      *spaced_cjk_lines_ += detail::has_spaced_cjk_end(text_of(number)) ? 1 : 0;
  }
  return *spaced_cjk_lines_;
}

}  // namespace bitext::structural
