// Structural checks: what the shape of each pair says, with fixes as text
// edits that never lose a character of text (only line ends and blank lines
// are removed or inserted; swapped lines keep their exact bytes).
//
// Empty lines: blank lines are ignored by pairing, so a pair side is never a
// blank line (a pair whose side is blank is a pair with a missing side and is
// reported as missing-translation / missing-original). What is reported as
// empty-line is a blank line between the two sides of a pair, unless the
// document puts blank lines inside most of its pairs (its own style, e.g.
// double-spaced exports): then none is reported.
#include "bitext/checks.hpp"

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

namespace bitext {
namespace {

using detail::LineRole;

std::string pair_number(const Pair& pair) { return std::to_string(pair.index + 1); }

// A Markdown ATX heading ("## 第二节"): one to six '#' and a space.
bool markdown_heading(std::string_view line) {
  line = detail::trim(line);
  std::size_t marks = 0;
  while (marks < line.size() && line[marks] == '#') ++marks;
  return marks >= 1 && marks <= 6 && marks < line.size() && line[marks] == ' ';
}

class Checker {
 public:
  Checker(const Transcript& transcript, const LineIndex& index, const CheckOptions& options)
      : transcript_(transcript), index_(index), options_(options),
        translation_name_(detail::language_name(transcript.translation_script)),
        original_name_(detail::language_name(transcript.original_script)),
        translation_first_(transcript.order != LineOrder::OriginalFirst) {
    // The document's own line end: the first one it uses.
    const std::string_view text = index.text();
    for (std::size_t line = 0; line + 1 < index.line_count(); ++line) {
      const std::size_t end = index.line_end(line);
      const std::size_t next = index.line_start(line + 1);
      if (next > end) {
        document_eol_ = std::string(text.substr(end, next - end));
        break;
      }
    }
  }

  std::vector<Finding> run() {
    if (transcript_.original_script == Script::None) return std::move(findings_);  // not bilingual
    count_inner_blank_style();
    for (const Pair& pair : transcript_.pairs) check(pair);
    if (!transcript_.lines.empty()) number_label_apart(0);
    for (std::uint32_t number = 1; number < transcript_.lines.size(); ++number) {
      broken_off_fragment(number);
      number_label_apart(number);
    }
    doubt_first_lines();
    if (!transcript_.pairs.empty() && !rotated_headings()) {
      orphaned_heading(/*front=*/true);
      orphaned_heading(/*front=*/false);
    }
    return std::move(findings_);
  }

  // The header or footer line next to the pairs, when it is a numbered
  // heading in one of the document's two languages with no translation
  // among the nearest pairs: a bilingual document translates its headings
  // like its other lines, so the first (last) pair may have lost its other
  // line; or the line is the document's own header. Likewise a navigation
  // link alone when a pair beside it translates the document's links.
  // Information: both fit.
  void orphaned_heading(bool front) {
    const Pair& edge = front ? transcript_.pairs.front() : transcript_.pairs.back();
    const std::int64_t at = line_beside_pairs(front);
    if (at < 0) return;
    const auto number = static_cast<std::uint32_t>(at);
    if (line(number).kind != (front ? LineKind::FrontMatter : LineKind::BackMatter)) return;
    if (joined_edge(number, edge)) return;
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

  // The header (footer) line holds a pair's two lines joined (joined_lines.hpp,
  // edge_join): information, since a bilingual title reads the same; the fix
  // puts the line break back as joined() does.
  bool joined_edge(std::uint32_t number, const Pair& edge) {
    const auto join = detail::edge_join(transcript_, index_, number, join_fit_);
    if (!join) return joined_beside_edge(number, edge);
    const bool translation_first = translation_first_;
    const std::string first = std::string(side_name(translation_first)) + (translation_first ? " translation" : " original");
    const std::string second = std::string(side_name(!translation_first)) + (translation_first ? " original" : " translation");
    Finding& finding = add("joined-lines", number, number, edge,
                           "Line " + line_number(number) + " holds a " + first + " and its " + second +
                               " joined into one line; or a header that gives its title in both languages");
    finding.severity = Severity::Information;
    finding.pair = -1;
    const std::size_t start = index_.line_start(number);
    std::size_t cut_begin = start + join->first_end, cut_end = start + join->second_begin;
    if (cut_end - cut_begin != 1) cut_begin = cut_end;  // only a single joining space is replaced
    Fix fix;
    fix.title = "Split line " + line_number(number) + " where the " + second + " starts";
    fix.preferred = true;
    fix.edits.push_back({cut_begin, cut_end, eol_after(number)});
    finding.fixes.push_back(std::move(fix));
    return true;
  }

  // The header (footer) line's partner joined to the first (last) pair's line
  // beside it (detail::beside_reading): information, the line may be a header.
  bool joined_beside_edge(std::uint32_t number, const Pair& edge) {
    const int side = language_side(number);
    if (side < 0) return false;
    const bool missing_translation = side == 0;
    const auto reading = detail::beside_reading(transcript_, index_, number, -1, missing_translation, join_fit_);
    if (!reading) return false;
    const std::string missing_part = std::string(side_name(missing_translation)) + (missing_translation ? " translation" : " original");
    const std::string other_part = std::string(side_name(!missing_translation)) + (missing_translation ? " original" : " translation");
    const std::string pair_part = "the " + other_part + " of pair " + std::to_string(reading->other_pair + 1);
    const std::string line_part = "the " + missing_part + " of line " + line_number(number);
    Finding& finding = add("joined-lines", reading->line, reading->line, edge,
                           "Line " + line_number(reading->line) + " holds " +
                               (reading->missing_first ? line_part + " and " + pair_part : pair_part + " and " + line_part) +
                               " joined into one line; or line " + line_number(number) + " is the document's " +
                               (edge.index == 0 && number < edge.first_line() ? "header" : "footer"));
    finding.severity = Severity::Information;
    const std::size_t start = index_.line_start(reading->line);
    std::size_t cut_begin = start + reading->join.first_end, cut_end = start + reading->join.second_begin;
    if (cut_end - cut_begin != 1) cut_begin = cut_end;  // only a single joining space is replaced
    Fix fix;
    fix.title = "Split line " + line_number(reading->line) + " where the " +
                (reading->missing_first ? other_part : missing_part) + " starts";
    fix.preferred = true;
    fix.edits.push_back({cut_begin, cut_end, eol_after(reading->line)});
    finding.fixes.push_back(std::move(fix));
    finding.related.push_back(related(number, "line " + line_number(number)));
    return true;
  }

  // Which of the two languages a line is in: 1 the translation's, 0 the
  // original's, -1 neither. A Chinese or Japanese line keeps a Latin-heavy
  // title ("图 17.176. Sharpen"), so any CJK character says.
  int language_side(std::uint32_t number) const {
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
  std::int64_t line_beside_pairs(bool front) const {
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
  bool rotated_headings() {
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
  bool continues_list(const Pair& edge, std::string_view text, bool front) const {
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
  std::int64_t translated_navigation(bool front) const {
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
  void doubt_first_lines() {
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

 private:
  // ---- helpers ---------------------------------------------------------------
  const TranscriptLine& line(std::uint32_t number) const { return transcript_.lines[number]; }
  std::string_view text_of(std::uint32_t number) const { return index_.line_text(number); }

  // The line end after a line, or the document's when it is the last line.
  std::string eol_after(std::uint32_t number) const {
    if (index_.of_ranges()) return index_.separator();  // text units of a layout: its own separator
    const std::size_t end = index_.line_end(number);
    const std::size_t next = index_.line_start(number + 1);
    if (number + 1 < index_.line_count() && next > end) return std::string(index_.text().substr(end, next - end));
    return document_eol_;
  }

  // 1-based document line of a line (of a text unit, in layouts other than lines).
  std::string line_number(std::uint32_t line) const { return std::to_string(index_.document_line(line) + 1); }

  bool blank(std::uint32_t number) const { return line(number).kind == LineKind::Blank; }

  RelatedLocation related(std::uint32_t number, std::string message) const {
    return {line(number).begin, line(number).end, std::move(message)};
  }

  // At the rule's default severity: the user's settings are applied once, to
  // all findings, by apply_rules().
  Finding& add(std::string_view code, std::uint32_t first, std::uint32_t last, const Pair& pair,
               std::string message) {
    Finding finding;
    finding.code = std::string(code);
    finding.severity = default_severity(code);
    finding.message = std::move(message);
    finding.begin = line(first).begin;
    finding.end = line(last).end;
    finding.pair = static_cast<std::int32_t>(pair.index);
    findings_.push_back(std::move(finding));
    return findings_.back();
  }

  // Edits that exchange the bytes of [a_begin, a_end) and [b_begin, b_end).
  void exchange(Fix& fix, std::size_t a_begin, std::size_t a_end, std::size_t b_begin, std::size_t b_end) const {
    const std::string_view text = index_.text();
    fix.edits.push_back({a_begin, a_end, std::string(text.substr(b_begin, b_end - b_begin))});
    fix.edits.push_back({b_begin, b_end, std::string(text.substr(a_begin, a_end - a_begin))});
  }

  std::string_view side_name(bool translation) const { return translation ? translation_name_ : original_name_; }

  // Nearest line of the given side in the previous or next pair, for messages.
  struct Neighbour {
    bool found = false;
    bool previous = false;
    std::uint32_t line = 0;
    std::uint32_t pair = 0;
  };
  Neighbour neighbour(const Pair& pair, bool translation) const {
    auto side = [&](const Pair& other) -> const SideLines& {
      return translation ? other.translation : other.original;
    };
    if (pair.index > 0) {
      const Pair& before = transcript_.pairs[pair.index - 1];
      if (!side(before).empty()) return {true, true, side(before).back(), before.index};
    }
    if (pair.index + 1 < transcript_.pairs.size()) {
      const Pair& after = transcript_.pairs[pair.index + 1];
      if (!side(after).empty()) return {true, false, side(after).front(), after.index};
    }
    return {};
  }

  // ---- checks ----------------------------------------------------------------
  void check(const Pair& pair) {
    if (pair.original.empty() && !pair.translation.empty()) {
      missing(pair, /*missing_translation=*/false);
    } else if (pair.translation.empty() && !pair.original.empty()) {
      missing(pair, /*missing_translation=*/true);
    } else if (pair.translation.size() == 1 && pair.original.size() == 1) {
      swapped(pair);
      untranslated(pair);
    }
    if (pair.translation.size() == 2) doubled(pair, true);
    if (pair.original.size() == 2) doubled(pair, false);
    if (!pair.translation.empty() && !pair.original.empty()) inner_blank(pair);
  }

  void missing(const Pair& pair, bool missing_translation) {
    const std::string_view code = missing_translation ? "missing-translation" : "missing-original";
    const SideLines& present = missing_translation ? pair.original : pair.translation;
    const std::uint32_t first = present.front();
    const std::uint32_t last = present.back();
    // Where the missing line belongs: after the present line when the missing
    // side comes second in this document's order.
    const bool missing_comes_second = missing_translation != translation_first_;
    const std::string_view present_name = side_name(!missing_translation);
    const std::string_view missing_name = side_name(missing_translation);
    const std::string_view missing_role = missing_translation ? "translation" : "original";
    std::string message = std::string(present_name) + " line has no " + std::string(missing_name) + " " +
                          std::string(missing_role) + (missing_comes_second ? " after" : " before") +
                          " it (pair " + pair_number(pair);
    const Neighbour near = neighbour(pair, missing_translation);
    if (near.found) {
      message += std::string("; ") + (near.previous ? "previous " : "next ") + std::string(missing_role) +
                 " on line " + line_number(near.line);
    }
    message += ")";
    Finding& finding = add(code, first, last, pair, std::move(message));
    if (near.found) {
      finding.related.push_back(related(near.line, std::string(missing_role) + " of pair " +
                                                       std::to_string(near.pair + 1)));
    }
    heading_read_as_label(finding, missing_translation, missing_comes_second ? last + 1 : first - 1,
                          missing_comes_second ? last : first);
    untranslated_heading(finding, first, last);
    // The line found joined replaces the missing one, but only where nothing
    // else fits as well (a label or a heading lowered it): the doubt stays.
    if (finding.severity == default_severity(code)) {
      const std::size_t at = findings_.size() - 1;
      if (joined(pair, missing_translation) || merged_before(pair, missing_translation)) {
        findings_.erase(findings_.begin() + static_cast<std::ptrdiff_t>(at));
        return;
      }
    }
    const std::string& placeholder =
        missing_translation ? options_.translation_placeholder : options_.original_placeholder;
    if (detail::trim(placeholder).empty()) return;  // nothing useful to insert
    Fix fix;
    fix.title = std::string("Insert a placeholder ") + std::string(missing_role) + " line";
    fix.preferred = true;
    if (missing_comes_second) {
      const std::size_t at = line(last).end;
      fix.edits.push_back({at, at, eol_after(last) + placeholder});
    } else {
      const std::size_t at = line(first).begin;
      fix.edits.push_back({at, at, placeholder + eol_after(first)});
    }
    finding.fixes.push_back(std::move(fix));
  }

  // A pair's missing line found joined to its partner or to the next pair's
  // line (joined_lines.hpp): one error in place of the missing side, with the
  // line break put back where the second language starts. A single space at
  // the join (what join-lines commands put there) is replaced by the break;
  // any other spacing stays on the first line, so no character is lost.
  bool joined(const Pair& pair, bool missing_translation) {
    const auto reading = detail::joined_reading(transcript_, index_, pair, missing_translation, join_fit_);
    if (!reading) return false;
    const std::string_view missing_role = missing_translation ? "translation" : "original";
    const std::string_view present_role = missing_translation ? "original" : "translation";
    const std::string missing_part = std::string(side_name(missing_translation)) + " " + std::string(missing_role);
    const std::string present_part = std::string(side_name(!missing_translation)) + " " + std::string(present_role);
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
    std::size_t cut_begin = start + reading->join.first_end, cut_end = start + reading->join.second_begin;
    if (cut_end - cut_begin != 1) cut_begin = cut_end;  // only a single joining space is replaced
    Fix fix;
    fix.title = "Split line " + line_number(reading->line) + " where the " +
                (reading->missing_first ? present_part : missing_part) + " starts";
    fix.preferred = true;
    fix.edits.push_back({cut_begin, cut_end, eol_after(reading->line)});
    finding.fixes.push_back(std::move(fix));
    return true;
  }

  // A line that reads as a speaker label alone ("请留意："), in the missing
  // side's language, right where the missing line belongs, beside a present
  // line that ends with a colon too ("Please note:"): a heading ending in a
  // colon fits as well as a label before a lost line, so information.
  void heading_read_as_label(Finding& finding, bool missing_translation, std::uint32_t beside, std::uint32_t present) {
    // `beside` is past the end too when it is `first - 1` of the document's first line.
    if (beside >= transcript_.lines.size() || line(beside).kind != LineKind::Markup) return;
    const Script missing_script = missing_translation ? transcript_.translation_script : transcript_.original_script;
    if (line(beside).script.dominant != missing_script) return;
    const std::string_view label = detail::trim(text_of(beside));
    if (!detail::ends_with_colon(label) || !detail::ends_with_colon(text_of(present)) || !read_own_line_label(label, Layout::Lines))
      return;
    finding.severity = Severity::Information;
    finding.message += "; or line " + line_number(beside) + " '" + std::string(label) +
                       "', read as a speaker label, is its " + std::string(missing_translation ? "translation" : "original");
    finding.related.push_back(related(beside, "read as a speaker label"));
  }

  // A side that is, or a split that starts with, one Markdown heading
  // ("## 第二节") in a line-pair file: notes often title their sections in one
  // language only, which fits as well as a lost partner or a broken line, so
  // information.
  void untranslated_heading(Finding& finding, std::uint32_t first, std::uint32_t last) {
    if (first != last || !markdown_heading(text_of(first))) return;
    finding.severity = std::max(finding.severity, Severity::Information);
    finding.message += "; or a section heading the document leaves untranslated";
  }

  void swapped(const Pair& pair) {
    if (transcript_.order_per_pair) return;  // each pair's order is its own
    const std::uint32_t translation = pair.translation.front();
    const std::uint32_t original = pair.original.front();
    const bool in_order = translation_first_ ? translation < original : original < translation;
    if (in_order) return;
    const std::uint32_t first = std::min(translation, original);
    const std::uint32_t second = std::max(translation, original);
    const bool first_is_original = first == original;
    std::string message =
        first_is_original
            ? std::string(original_name_) + " original comes before its " + std::string(translation_name_) +
                  " translation on line " + line_number(second) + " (pair " + pair_number(pair) +
                  "); this document puts the translation first"
            : std::string(translation_name_) + " translation comes before its " + std::string(original_name_) +
                  " original on line " + line_number(second) + " (pair " + pair_number(pair) +
                  "); this document puts the original first";
    Finding& finding = add("swapped-order", first, first, pair, std::move(message));
    finding.related.push_back(
        related(second, std::string(first_is_original ? "translation" : "original") + " of pair " +
                            pair_number(pair)));
    Fix fix;
    fix.title = "Swap the two lines";
    fix.preferred = true;
    // Whole sides, each with its speaker label (a layout may set it before the text).
    exchange(fix, side_begin(transcript_, first), line(first).end, side_begin(transcript_, second), line(second).end);
    finding.fixes.push_back(std::move(fix));
  }

  void untranslated(const Pair& pair) {
    const std::uint32_t translation = pair.translation.front();
    const std::uint32_t original = pair.original.front();
    const TranscriptLine& entry = line(translation);
    // A line in the translation's script is untranslated only if it is
    // identical to its original, which needs the same profile: decided
    // without reading the text, as it is for nearly every pair.
    if (detail::line_script(entry.script, transcript_.translation_script, transcript_.original_script) ==
            transcript_.translation_script &&
        !(entry.script == line(original).script))
      return;
    const LineRole role = detail::role_of(text_of(translation), entry.script, transcript_.translation_script,
                                          transcript_.original_script, options_);
    if (role == LineRole::TranslationPlaceholder) return;  // a known gap, not an untranslated line
    // No letters (a bare section number paired as its heading's partner): in
    // no language, so not untranslated; what the pair lost is another check's.
    if (entry.script.dominant == Script::None) return;
    std::string message;
    if (detail::trim(text_of(translation)) == detail::trim(text_of(original))) {
      message = "Translation line is identical to its original on line " + line_number(original) + " (pair " +
                pair_number(pair) + "): it is not translated. No automatic fix: translate it";
    } else if (role == LineRole::Original) {
      message = "Translation line is in " + std::string(original_name_) + ", the original's language, not " +
                std::string(translation_name_) + " (pair " + pair_number(pair) + "; original on line " +
                line_number(original) + "): it looks untranslated. No automatic fix: translate it";
    } else if (role == LineRole::Other) {
      message = "Translation line is in " + std::string(detail::language_name(entry.script.dominant)) +
                ", not " + std::string(translation_name_) + " (pair " + pair_number(pair) +
                "; original on line " + line_number(original) +
                "): it looks untranslated. No automatic fix: translate it";
    } else {
      return;
    }
    // A line mostly in the original's language that still holds some of the
    // translation's script (commands and paths with a few Chinese words, a
    // UI label and its translation) is translated text that carries much over,
    // as likely as an untranslated one: information, not a warning.
    const bool partly_translated = role == LineRole::Original && transcript_.translation_script == Script::Han &&
                                   has_han(text_of(translation));
    if (partly_translated)
      message = "Translation line is mostly in " + std::string(original_name_) + " with a little " +
                std::string(translation_name_) + " (pair " + pair_number(pair) + "; original on line " +
                line_number(original) + "): it may be partly untranslated";
    Finding& finding = add("untranslated", translation, translation, pair, std::move(message));
    if (partly_translated) finding.severity = std::max(finding.severity, Severity::Information);
    finding.related.push_back(related(original, "original of pair " + pair_number(pair)));
  }

  static bool has_han(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
      const DecodedCodePoint decoded = decode_utf8(text, at);
      if (decoded.valid && chars::is_han(decoded.code_point)) return true;
      at += std::max<std::size_t>(decoded.length, 1);
    }
    return false;
  }

  void doubled(const Pair& pair, bool translation_side) {
    const SideLines& side = translation_side ? pair.translation : pair.original;
    const SideLines& other = translation_side ? pair.original : pair.translation;
    const std::uint32_t first = side[0];
    const std::uint32_t second = side[1];
    const std::string_view name = side_name(translation_side);
    const bool duplicate = detail::trim(text_of(first)) == detail::trim(text_of(second));
    if (duplicate) {
      Finding& finding =
          add("duplicate-line", second, second, pair,
              std::string(name) + " line repeats line " + line_number(first) + " (pair " + pair_number(pair) + ")");
      finding.related.push_back(related(first, "first copy"));
      // Delete the copy with its line end (or, on the last line, with the line
      // end before it).
      Fix fix;
      fix.title = "Delete the repeated line";
      fix.preferred = true;
      if (second + 1 < index_.line_count()) {
        fix.edits.push_back({index_.line_start(second), index_.line_start(second + 1), ""});
      } else {
        fix.edits.push_back({index_.line_end(second - 1), index_.line_end(second), ""});
      }
      finding.fixes.push_back(std::move(fix));
      return;
    }
    std::string message = std::string(name) + " line continues on line " + line_number(second) + ": lines " +
                          line_number(first) + "–" + line_number(second) + " together make one segment";
    if (!other.empty()) {
      message += " with the " + std::string(side_name(!translation_side)) + " line " + line_number(other.front());
    }
    message += " (pair " + pair_number(pair) + ")";
    if (merged_segments(pair, translation_side)) return;
    Finding& finding = add("split-line", first, second, pair, std::move(message));
    const std::size_t finding_at = findings_.size() - 1;
    if (!other.empty()) {
      finding.related.push_back(related(other.front(), std::string(translation_side ? "original" : "translation") +
                                                           " of pair " + pair_number(pair)));
    }
    untranslated_heading(finding, first, first);
    const bool heading_first = markdown_heading(text_of(first));
    // Join: replace what separates the two parts (line end, blank lines) by the
    // separator. Only when nothing but blank lines lies between them.
    for (std::uint32_t between = first + 1; between < second; ++between)
      if (!blank(between)) return;
    Fix fix;
    fix.title = "Join the two lines";
    fix.preferred = !heading_first;  // a heading joined to its paragraph is no repair to apply unasked
    fix.edits.push_back({line(first).end, line(second).begin, detail::joiner(text_of(first), text_of(second))});
    finding.fixes.push_back(std::move(fix));
    merged_second_fix(finding_at, pair, translation_side);
  }

  // The merged shape at an ordinary sentence end ("。" then Han, ". " then a
  // capital): one segment of two sentences split over two lines has it too,
  // so joining stays preferred and splitting the other side's line there and
  // moving its second part is offered second, when both parts fit their
  // partner lines' lengths.
  void merged_second_fix(std::size_t finding_at, const Pair& pair, bool translation_side) {
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
  bool merged_parts_fit(std::string_view text, const detail::LanguageJoin& seam, std::uint32_t first,
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
  bool merged_sentence_evidence(std::string_view text, const detail::LanguageJoin& seam, std::uint32_t first,
                                std::uint32_t second, bool partners_translation) {
    if (!merged_parts_fit(text, seam, first, second, partners_translation)) return false;
    const bool whole_fits =
        partners_translation ? join_fit_.fits(text_of(first), text) : join_fit_.fits(text, text_of(first));
    if (!whole_fits) return true;
    const Script merged_script = partners_translation ? transcript_.original_script : transcript_.translation_script;
    const Script partner_script = partners_translation ? transcript_.translation_script : transcript_.original_script;
    const bool chinese_english = (merged_script == Script::Han && partner_script == Script::Latin) ||
                                 (merged_script == Script::Latin && partner_script == Script::Han);
    const Lexicon* lexicon = chinese_english ? Lexicon::shared() : nullptr;
    if (!lexicon) return false;
    const bool merged_chinese = merged_script == Script::Han;
    auto words_of = [&](std::string_view part, bool chinese) {
      return chinese ? chinese_line_words(part, lexicon) : english_line_words(part);
    };
    const std::vector<LexicalWord> tail = words_of(text.substr(seam.second_begin), merged_chinese);
    const std::vector<LexicalWord> in_first = words_of(text_of(first), !merged_chinese);
    const std::vector<LexicalWord> in_second = words_of(text_of(second), !merged_chinese);
    auto matched = [&](const std::vector<LexicalWord>& partner) {
      const LexicalEvidence e = merged_chinese ? lexical_evidence(*lexicon, tail, partner)
                                               : lexical_evidence(*lexicon, partner, tail);
      return merged_chinese ? e.chinese_matched : e.english_matched;
    };
    const std::vector<bool> to_first = matched(in_first), to_second = matched(in_second);
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
  bool merged_segments(const Pair& pair, bool translation_side) {
    const SideLines& side = translation_side ? pair.translation : pair.original;
    const SideLines& other = translation_side ? pair.original : pair.translation;
    if (side.size() != 2 || other.size() != 1) return false;
    if (other.front() + 1 != side[0] || side[0] + 1 != side[1]) return false;
    return merged_finding(pair, other.front(), side[0], side[1], translation_side, false);
  }

  // The other side of that shape: this pair's line of one side is gone because
  // it was merged into the previous pair's line of that side, which lies
  // between the previous pair's partner and this pair's (the lines alternate).
  bool merged_before(const Pair& pair, bool missing_translation) {
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

  // A line (`merged`) holding two segments' text whose partner lines are
  // `first` and `second` (of the side `partners_translation`): split it at
  // the seam and move the second part to its place in the document's order,
  // right after `second` when the merged side comes second in a pair
  // (`after_second`), else right before it. Joining the two partner lines, the
  // other reading, comes second when they are adjacent.
  // `ordinary_ok`: a missing line's reading (merged_before), where an ordinary
  // sentence end may be the seam with the evidence of merged_sentence_evidence.
  bool merged_finding(const Pair& pair, std::uint32_t merged, std::uint32_t first, std::uint32_t second,
                      bool partners_translation, bool after_second, bool ordinary_ok = false) {
    if (index_.of_ranges()) return false;
    const double first_length = double(text_of(first).size());
    const double second_length = double(text_of(second).size());
    if (first_length <= 0 || second_length <= 0) return false;
    const std::string_view text = text_of(merged);
    const double share = first_length / (first_length + second_length);
    bool spaced_cjk = false, spaced_han = false;
    const std::string_view second_token = detail::leading_latin_token(text_of(second));
    auto seam = detail::merged_seam(text, share, &spaced_cjk, false, second_token);
    // The seam counts only where no other line of the document has one.
    if (seam && spaced_cjk && spaced_cjk_lines() > (detail::has_spaced_cjk_end(text) ? 1u : 0u)) seam.reset();
    if (!seam && ordinary_ok) {
      // A space between Han characters ("前言 图片和样式设计") is a seam only with that
      // evidence and where no other line of the document has one: "第 2 章 案例呈现" is one title.
      const bool han_seams = spaced_han_lines() <= (detail::has_spaced_han(text) ? 1u : 0u);
      seam = detail::merged_seam(text, share, nullptr, true, second_token, han_seams ? &spaced_han : nullptr);
      if (seam && !merged_sentence_evidence(text, *seam, first, second, partners_translation)) seam.reset();
    }
    if (!seam) return false;
    const std::string_view name = side_name(!partners_translation);
    const std::string_view partners = side_name(partners_translation);
    const std::string_view second_part = text.substr(seam->second_begin);
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
    Fix split = merged_split_fix(merged, second, *seam, after_second);
    split.preferred = true;
    finding.fixes.push_back(std::move(split));
    if (first + 1 == second) {
      Fix join;
      join.title = "Join the two lines";
      join.edits.push_back({line(first).end, line(second).begin, detail::joiner(text_of(first), text_of(second))});
      finding.fixes.push_back(std::move(join));
    }
    return true;
  }

  // Split line `merged` at `seam` and move its second part right before line
  // `second` (right after it: `after_second`).
  Fix merged_split_fix(std::uint32_t merged, std::uint32_t second, const detail::LanguageJoin& seam,
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

  // How many lines of the document have a space between two Han characters, counted once.
  std::uint32_t spaced_han_lines() {
    if (!spaced_han_lines_) {
      spaced_han_lines_ = 0;
      for (std::uint32_t number = 0; number < transcript_.lines.size(); ++number)
        *spaced_han_lines_ += detail::has_spaced_han(text_of(number)) ? 1 : 0;
    }
    return *spaced_han_lines_;
  }

  // How many lines of the document have a CJK sentence end, a space and a
  // Han character (merged_seam's writer's-style seam), counted once.
  std::uint32_t spaced_cjk_lines() {
    if (!spaced_cjk_lines_) {
      spaced_cjk_lines_ = 0;
      for (std::uint32_t number = 0; number < transcript_.lines.size(); ++number)
        *spaced_cjk_lines_ += detail::has_spaced_cjk_end(text_of(number)) ? 1 : 0;
    }
    return *spaced_cjk_lines_;
  }

  // A line without letters right after a line of a pair, with no blank line
  // between ("[97]", ":-)", "，" on a line of their own): the end of that line,
  // broken off. Pairing sets such lines aside as markup, so without this they
  // would go unseen. Not fragments: subtitle cue numbers (digits only) and
  // timings, clock times, music notes and rules ("---", "* * *"), which are
  // format, nor a section number ("B.1.2.", set aside too), which labels the
  // line after it (number_label_apart).
  void broken_off_fragment(std::uint32_t number) {
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
    fix.edits.push_back({before.end, entry.begin, detail::joiner(text_of(number - 1), text_of(number))});
    finding.fixes.push_back(std::move(fix));
  }

  // A line holding only a section or list number ("3.1.6.", "A.2.", "12.")
  // right before a line of a pair, with no blank line between: the number of
  // that line, broken off its start (a number that ends in a full stop labels
  // what follows it). Pairing sets it aside as markup, as it does subtitle cue
  // numbers, which have no full stop.
  // At the very start of the document the number may as well be a header's
  // (a chapter number): information there.
  void number_label_apart(std::uint32_t number) {
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
  static bool is_fragment(std::string_view text) {
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

  // Blank lines between the two sides of a pair.
  struct InnerBlanks {
    std::uint32_t after = 0;  // last line of the side before
    std::uint32_t before = 0; // first line of the side after
    bool any = false;
  };
  InnerBlanks inner_blanks(const Pair& pair) const {
    InnerBlanks result;
    const std::size_t line_count = pair.translation.size() + pair.original.size();
    if (pair.last_line() - pair.first_line() + 1 == line_count) return result;  // contiguous: nothing between
    std::vector<std::uint32_t> lines(pair.translation.begin(), pair.translation.end());
    lines.insert(lines.end(), pair.original.begin(), pair.original.end());
    std::sort(lines.begin(), lines.end());
    auto is_translation = [&](std::uint32_t number) {
      return std::find(pair.translation.begin(), pair.translation.end(), number) != pair.translation.end();
    };
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      if (is_translation(lines[i]) == is_translation(lines[i + 1])) continue;
      for (std::uint32_t between = lines[i] + 1; between < lines[i + 1]; ++between) {
        if (blank(between)) {
          result = {lines[i], lines[i + 1], true};
          return result;
        }
      }
    }
    return result;
  }

  void count_inner_blank_style() {
    std::size_t with_both = 0, with_blank = 0;
    for (const Pair& pair : transcript_.pairs) {
      if (pair.translation.empty() || pair.original.empty()) continue;
      ++with_both;
      if (inner_blanks(pair).any) ++with_blank;
    }
    blank_inside_pairs_is_style_ = with_blank >= 2 && with_blank * 2 > with_both;
  }

  void inner_blank(const Pair& pair) {
    if (blank_inside_pairs_is_style_) return;
    const InnerBlanks blanks = inner_blanks(pair);
    if (!blanks.any) return;
    std::uint32_t first_blank = blanks.after + 1;
    while (!blank(first_blank)) ++first_blank;
    const bool after_is_translation =
        std::find(pair.translation.begin(), pair.translation.end(), blanks.after) != pair.translation.end();
    std::string message = "Blank line inside pair " + pair_number(pair) + ", between the " +
                          std::string(side_name(after_is_translation)) + " line " + line_number(blanks.after) +
                          " and its " + std::string(side_name(!after_is_translation)) + " " +
                          (after_is_translation ? "original" : "translation") + " on line " +
                          line_number(blanks.before);
    Finding& finding = add("empty-line", first_blank, first_blank, pair, std::move(message));
    finding.related.push_back(related(blanks.after, "line before"));
    finding.related.push_back(related(blanks.before, "line after"));
    Fix fix;
    fix.title = "Delete the blank line";
    fix.preferred = true;
    // One edit per run of blank lines; markup lines in between stay.
    for (std::uint32_t at = blanks.after + 1; at < blanks.before;) {
      if (!blank(at)) {
        ++at;
        continue;
      }
      std::uint32_t end = at;
      while (end < blanks.before && blank(end)) ++end;
      fix.edits.push_back({index_.line_start(at), index_.line_start(end), ""});
      at = end;
    }
    finding.fixes.push_back(std::move(fix));
  }

  const Transcript& transcript_;
  const LineIndex& index_;
  const CheckOptions& options_;
  std::string_view translation_name_;
  std::string_view original_name_;
  bool translation_first_;
  bool blank_inside_pairs_is_style_ = false;
  std::string document_eol_ = "\n";
  std::vector<Finding> findings_;
  detail::JoinLengthFit join_fit_{transcript_, index_};  // the joined readings' length model, fitted once
  std::optional<std::uint32_t> spaced_cjk_lines_;
  std::optional<std::uint32_t> spaced_han_lines_;
};

}  // namespace

std::vector<Finding> structural_checks(const Transcript& transcript, const LineIndex& index,
                                       const CheckOptions& options) {
  if (transcript.lines.size() != index.line_count()) return {};  // not built from this index
  return Checker(transcript, index, options).run();
}

}  // namespace bitext
