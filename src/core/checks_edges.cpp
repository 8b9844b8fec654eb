// Structural checks of the lines around the pairs: a header or footer that is a
// heading or navigation line without its partner, headings rotated by a shift,
// doubts about the document's first lines, and a number or a fragment broken
// off a pair's line.
#include "structural_checker.hpp"

#include <algorithm>
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

namespace bitext::structural {

using detail::LineRole;

// The header or footer line next to the pairs, when it is a numbered
// heading in one of the document's two languages with no translation
// among the nearest pairs: a bilingual document translates its headings
// like its other lines, so the first (last) pair may have lost its other
// line; or the line is the document's own header. Likewise a navigation
// link alone when a pair beside it translates the document's links.
// Information: both fit.
void StructuralChecker::orphaned_heading(bool front) {
  const Pair& edge = front ? transcript_.pairs.front() : transcript_.pairs.back();
  const std::int64_t at = line_beside_pairs(front);
  if (at < 0) return;
  const auto number = static_cast<std::uint32_t>(at);
  if (line(number).kind != (front ? LineKind::FrontMatter : LineKind::BackMatter)) return;
  if (joined_edge(number, edge) || joined_reordered_edge(number, edge)) return;
  if (front ? merged_front(number, edge) : merged_edge(number, edge)) return;
  const std::string_view text = text_of(number);
  const std::int64_t navigation_pair = detail::navigation_line(text) ? translated_navigation(front) : -1;
  const bool heading = detail::numbered_heading(text);
  const bool entry = navigation_pair < 0 && !heading && continues_list(edge, text, front);
  if (navigation_pair < 0 && !heading && !entry) return;
  const int side = language_side(number);
  if (side < 0) return;
  const bool translation_side = side == 1;
  // A line whose words the nearest pairs translate is not orphaned; its
  // translation carries its number over: a line of the same words under
  // another number ("图 17.53. 扭曲滤镜菜单" after "5. Distort Filters") is the
  // next heading or caption on the same subject, not its partner.
  const std::string_view heading_label = detail::heading_number(text);
  std::vector<std::string_view> others;
  const std::size_t count = transcript_.pairs.size();
  for (std::size_t k = 0; k < std::min<std::size_t>(2, count); ++k) {
    const Pair& near = transcript_.pairs[front ? k : count - 1 - k];
    for (const std::uint32_t other : translation_side ? near.original : near.translation)
      if (entry || detail::carries_number(text_of(other), heading_label)) others.push_back(text_of(other));
  }
  const Script script = translation_side ? transcript_.translation_script : transcript_.original_script;
  if (navigation_pair < 0 && detail::header_fit(text, script, others) == detail::HeaderFit::Partner) return;
  const std::string_view missing_role = translation_side ? "original" : "translation";
  const char* what = navigation_pair >= 0 ? "Navigation line" : heading ? "Numbered heading" : "List entry";
  std::string message = std::string(what) + " on line " +
                        line_number(number) + " has no " + std::string(side_name(!translation_side)) + " " +
                        std::string(missing_role) +
                        (navigation_pair >= 0 ? ", though the document translates its navigation (pair " +
                                                    std::to_string(navigation_pair + 1) + ")"
                         : entry ? std::string(", though the ") + (front ? "first" : "last") +
                                       " pair translates the list it belongs to"
                                 : std::string()) +
                        ": the " + (front ? "first" : "last") + " pair may have lost its " +
                        std::string(side_name(!translation_side)) + " line, or it is the document's " +
                        (front ? "header" : "footer");
  Finding finding;
  finding.code = translation_side ? "missing-original" : "missing-translation";
  finding.severity = Severity::Information;
  finding.message = std::move(message);
  finding.begin = line(number).begin;
  finding.end = line(number).end;
  finding.related.push_back(related(front ? edge.first_line() : edge.last_line(),
                                    std::string(front ? "first" : "last") + " pair"));
  findings_.push_back(std::move(finding));
}

// Which of the two languages a line is in: 1 the translation's, 0 the
// original's, -1 neither. A Chinese or Japanese line keeps a Latin-heavy
// title ("图 17.176. Sharpen"), so any CJK character says.
int StructuralChecker::language_side(std::uint32_t number) const {
  const bool cjk_translation = transcript_.translation_script == Script::Han ||
                               transcript_.translation_script == Script::Japanese;
  const bool cjk_original = transcript_.original_script == Script::Han ||
                            transcript_.original_script == Script::Japanese;
  if (cjk_translation != cjk_original) return chars::contains_cjk(text_of(number)) == cjk_translation ? 1 : 0;
  const Script script = line(number).script.dominant;
  if (script == transcript_.translation_script) return 1;
  return script == transcript_.original_script ? 0 : -1;
}

// The nearest non-blank line before the first pair (after the last), or -1.
std::int64_t StructuralChecker::line_beside_pairs(bool front) const {
  const Pair& edge = front ? transcript_.pairs.front() : transcript_.pairs.back();
  std::int64_t at = front ? static_cast<std::int64_t>(edge.first_line()) - 1
                          : static_cast<std::int64_t>(edge.last_line()) + 1;
  while (at >= 0 && at < static_cast<std::int64_t>(transcript_.lines.size()) &&
         blank(static_cast<std::uint32_t>(at)))
    at += front ? -1 : 1;
  return at < static_cast<std::int64_t>(transcript_.lines.size()) ? at : -1;
}

// A header and a footer around a single pair that are numbered headings
// in the two languages with the same number ("10. 终止" … "10. TERMINATION"),
// while the pair's line next to each heading is in the other heading's
// language: the headings translate each other, so the two pairs' lines
// were rotated by one (a shifted block) rather than both headings having
// lost their partners. Information, with the exchange that re-pairs them.
// True when reported (the headings are then not orphaned).
bool StructuralChecker::rotated_headings() {
  if (transcript_.pairs.size() != 1) return false;
  const Pair& pair = transcript_.pairs.front();
  if (pair.translation.size() != 1 || pair.original.size() != 1) return false;
  const std::int64_t before = line_beside_pairs(true), after = line_beside_pairs(false);
  if (before < 0 || after < 0) return false;
  const auto header = static_cast<std::uint32_t>(before), footer = static_cast<std::uint32_t>(after);
  if (line(header).kind != LineKind::FrontMatter || line(footer).kind != LineKind::BackMatter) return false;
  const std::string_view number = detail::heading_number(text_of(header));
  if (number.empty() || detail::heading_number(text_of(footer)) != number) return false;
  const int header_side = language_side(header), footer_side = language_side(footer);
  if (header_side < 0 || footer_side < 0 || header_side == footer_side) return false;
  const std::uint32_t first = pair.first_line(), last = pair.last_line();
  if (language_side(first) != footer_side || language_side(last) != header_side) return false;
  std::string message = "Numbered headings on lines " + line_number(header) + " and " + line_number(footer) +
                        " carry the same number (" + std::string(number) +
                        ") in the two languages: they translate each other, so the two pairs' lines look "
                        "shifted by one (exchanging lines " +
                        line_number(first) + " and " + line_number(footer) + " re-pairs them)";
  Finding& finding = add("shifted-block", header, header, pair, std::move(message));
  finding.severity = Severity::Information;
  finding.related.push_back(related(footer, "heading in the other language"));
  finding.related.push_back(related(first, "line paired with the heading's partner"));
  Fix fix;
  fix.title = "Re-pair the headings (exchange lines " + line_number(first) + " and " + line_number(footer) + ")";
  fix.preferred = true;
  exchange(fix, line(first).begin, line(first).end, line(footer).begin, line(footer).end);
  finding.fixes.push_back(std::move(fix));
  return true;
}

// A list entry alone next to the first (last) pair, when that pair holds
// entries of the same list (both its lines are entries) or, after the last
// pair, introduces the list (both its lines end with a colon): a
// bilingual document translates its lists entry by entry, as that pair
// shows, so the entry may have lost its partner; a short title of the
// document's own fits as well.
bool StructuralChecker::continues_list(const Pair& edge, std::string_view text, bool front) const {
  if (!detail::list_entry(text) || edge.translation.empty() || edge.original.empty()) return false;
  const auto all = [&](const SideLines& side, auto&& test) {
    return std::all_of(side.begin(), side.end(), [&](std::uint32_t other) { return test(text_of(other)); });
  };
  const auto entries = [](std::string_view other) { return detail::list_entry(other); };
  if (all(edge.translation, entries) && all(edge.original, entries)) return true;
  return !front && detail::ends_with_colon(text_of(edge.translation.back())) &&
         detail::ends_with_colon(text_of(edge.original.back()));
}

// The nearest of the two pairs next to the first (last) pair, itself
// included, whose lines are all navigation links in both languages ("上一页…"
// | "Prev…"): the document translates its navigation, so a link line alone
// beside it has lost its partner. -1 when there is none.
std::int64_t StructuralChecker::translated_navigation(bool front) const {
  const std::size_t count = transcript_.pairs.size();
  for (std::size_t k = 0; k < std::min<std::size_t>(2, count); ++k) {
    const Pair& near = transcript_.pairs[front ? k : count - 1 - k];
    if (near.translation.empty() || near.original.empty()) continue;
    const auto links = [&](const SideLines& side) {
      return std::all_of(side.begin(), side.end(),
                         [&](std::uint32_t other) { return detail::navigation_line(text_of(other)); });
    };
    if (links(near.translation) && links(near.original)) return static_cast<std::int64_t>(near.index);
  }
  return -1;
}

// A lone line or a split line at the very start of the document may be a
// header (a title, a line about the show) the pairing took for text: an
// error only when the line's words have a translation among the first
// lines of the other language; without a partner, information (a header as
// likely as not); without a dictionary to tell, at most a warning.
void StructuralChecker::doubt_first_lines() {
  if (transcript_.pairs.empty()) return;
  std::uint32_t first_line = 0;
  while (first_line < transcript_.lines.size() && transcript_.lines[first_line].pair < 0) ++first_line;
  if (first_line >= transcript_.lines.size() || transcript_.lines[first_line].pair != 0) return;
  const bool translation_side = line(first_line).kind == LineKind::Translation;
  std::vector<std::string_view> others;
  for (std::size_t p = 0; p < std::min<std::size_t>(2, transcript_.pairs.size()); ++p)
    for (const std::uint32_t other : translation_side ? transcript_.pairs[p].original : transcript_.pairs[p].translation)
      others.push_back(text_of(other));
  for (Finding& finding : findings_) {
    if (finding.pair != 0 || finding.begin != line(first_line).begin) continue;
    if (finding.code == "joined-lines") {
      // Both languages on a document's first line is also how bilingual
      // titles are written: as likely as not a header.
      finding.severity = std::max(finding.severity, Severity::Information);
      finding.message += "; or a header that gives its title in both languages";
      continue;
    }
    if (finding.code != "missing-original" && finding.code != "missing-translation" && finding.code != "split-line")
      continue;
    const Script script = translation_side ? transcript_.translation_script : transcript_.original_script;
    switch (detail::header_fit(text_of(first_line), script, others)) {
      case detail::HeaderFit::Partner: break;
      case detail::HeaderFit::NoPartner:
        finding.severity = std::max(finding.severity, Severity::Information);
        finding.message += "; or a header: none of its words has a translation in the first lines of the other language";
        break;
      case detail::HeaderFit::Unknown: finding.severity = std::max(finding.severity, Severity::Warning); break;
    }
  }
}

// A line without letters right after a line of a pair, with no blank line
// between ("[97]", ":-)", "，" on a line of their own): the end of that line,
// broken off. Pairing sets such lines aside as markup, so without this they
// would go unseen. Not fragments: subtitle cue numbers (digits only) and
// timings, clock times, music notes and rules ("---", "* * *"), which are
// format, nor a section number ("B.1.2.", set aside too), which labels the
// line after it (number_label_apart).
void StructuralChecker::broken_off_fragment(std::uint32_t number) {
  const TranscriptLine& entry = line(number);
  if (entry.kind != LineKind::Markup) return;
  const TranscriptLine& before = line(number - 1);
  if (before.pair < 0 || (before.kind != LineKind::Translation && before.kind != LineKind::Original)) return;
  if (number + 1 < transcript_.lines.size() && line(number + 1).kind == LineKind::Markup) return;
  const std::string_view fragment = detail::trim(text_of(number));
  if (!is_fragment(fragment) || detail::is_number_label(fragment)) return;
  if (read_own_line_label(fragment, Layout::Lines)) return;  // a speaker label opening the next turn
  const Pair& pair = transcript_.pairs[static_cast<std::size_t>(before.pair)];
  const bool translation_side = before.kind == LineKind::Translation;
  std::string message = std::string(side_name(translation_side)) + " line continues on line " +
                        line_number(number) + ", which holds only '" + std::string(fragment) + "': lines " +
                        line_number(number - 1) + "–" + line_number(number) + " together make one line (pair " +
                        pair_number(pair) + ")";
  Finding& finding = add("split-line", number - 1, number, pair, std::move(message));
  finding.related.push_back(related(number, "broken-off end"));
  Fix fix;
  fix.title = "Join the two lines";
  fix.preferred = true;
  fix.edits.push_back(
      {before.end, entry.begin, detail::joiner_in(text_of(number - 1), text_of(number), index_, number - 1, number)});
  finding.fixes.push_back(std::move(fix));
}

// A line holding only a section or list number ("3.1.6.", "A.2.", "12.")
// right before a line of a pair, with no blank line between: the number of
// that line, broken off its start (a number that ends in a full stop labels
// what follows it). Pairing sets it aside as markup, as it does subtitle cue
// numbers, which have no full stop.
// At the very start of the document the number may as well be a header's
// (a chapter number): information there.
void StructuralChecker::number_label_apart(std::uint32_t number) {
  const TranscriptLine& entry = line(number);
  const bool first = number == 0;
  // At the start, pairing may have read the number as a header line.
  const bool set_aside = entry.kind == LineKind::Markup || (first && entry.kind == LineKind::FrontMatter);
  if (!set_aside || number + 1 >= transcript_.lines.size()) return;
  const TranscriptLine& after = line(number + 1);
  const auto content = [](const TranscriptLine& other) {
    return other.pair >= 0 && (other.kind == LineKind::Translation || other.kind == LineKind::Original);
  };
  if ((!first && !content(line(number - 1))) || !content(after)) return;
  const std::string_view label = detail::trim(text_of(number));
  if (!detail::is_number_label(label)) return;
  // A line that already starts with this number ("3.1." before "3.1. Network")
  // did not lose it: the bare number is the other side's line cut to its
  // label (a drift or a cut), and joining would double the label.
  const std::string_view after_text = detail::trim(text_of(number + 1));
  if (after_text.starts_with(label) &&
      (after_text.size() == label.size() || after_text[label.size()] == ' '))
    return;
  const Pair& pair = transcript_.pairs[static_cast<std::size_t>(after.pair)];
  const bool translation_side = after.kind == LineKind::Translation;
  std::string message = std::string(side_name(translation_side)) + " line " + line_number(number + 1) +
                        " starts on line " + line_number(number) + ", which holds only its number '" +
                        std::string(label) + "': lines " + line_number(number) + "–" + line_number(number + 1) +
                        " together make one line (pair " + pair_number(pair) + ")";
  if (first) message += "; or the document's header";
  Finding& finding = add("split-line", number, number + 1, pair, std::move(message));
  if (first) finding.severity = std::max(finding.severity, Severity::Information);
  finding.related.push_back(related(number, "broken-off number"));
  // A number label is followed by a space in either script ("3.1.6. 无盘工作站").
  Fix fix;
  fix.title = "Join the two lines";
  fix.preferred = true;
  fix.edits.push_back({entry.end, after.begin, " "});
  finding.fixes.push_back(std::move(fix));
}

// Text that is neither letters nor format: some character other than digits,
// spaces, the marks of numbers and times (: . , - > /) and music notes, and
// not one mark repeated (a rule).
bool StructuralChecker::is_fragment(std::string_view text) {
  bool other = false, varied = false;
  std::size_t marks = 0;
  char32_t first = 0;
  for (std::size_t at = 0; at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    at += std::max<std::size_t>(decoded.length, 1);
    const char32_t cp = decoded.code_point;
    if (chars::is_blank(cp)) continue;
    ++marks;
    if (marks == 1) first = cp;
    else if (cp != first) varied = true;
    const bool number_mark = (cp >= U'0' && cp <= U'9') || cp == U':' || cp == U'.' || cp == U',' ||
                             cp == U'-' || cp == U'>' || cp == U'/';
    const bool music = cp == U'\u266A' || cp == U'\u266B' || cp == U'\u266C';  // subtitles mark songs
    if (!number_mark && !music) other = true;
  }
  const bool rule = marks >= 2 && !varied;
  return other && !rule;
}

}  // namespace bitext::structural
