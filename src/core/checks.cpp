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

namespace {

// A Markdown ATX heading ("## 第二节"): one to six '#' and a space.
bool markdown_heading(std::string_view line) {
  line = detail::trim(line);
  std::size_t marks = 0;
  while (marks < line.size() && line[marks] == '#') ++marks;
  return marks >= 1 && marks <= 6 && marks < line.size() && line[marks] == ' ';
}

}  // namespace

StructuralChecker::StructuralChecker(const Transcript& transcript, const LineIndex& index,
                                     const CheckOptions& options)
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

std::vector<Finding> StructuralChecker::run() {
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

// At the rule's default severity: the user's settings are applied once, to
// all findings, by apply_rules().
Finding& StructuralChecker::add(std::string_view code, std::uint32_t first, std::uint32_t last, const Pair& pair,
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

auto StructuralChecker::neighbour(const Pair& pair, bool translation) const -> Neighbour {
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

void StructuralChecker::check(const Pair& pair) {
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

void StructuralChecker::missing(const Pair& pair, bool missing_translation) {
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
    if (joined(pair, missing_translation) || merged_before(pair, missing_translation) ||
        merged_after(pair, missing_translation)) {
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

// A line that reads as a speaker label alone ("请留意："), in the missing
// side's language, right where the missing line belongs, beside a present
// line that ends with a colon too ("Please note:"): a heading ending in a
// colon fits as well as a label before a lost line, so information.
void StructuralChecker::heading_read_as_label(Finding& finding, bool missing_translation, std::uint32_t beside,
                                              std::uint32_t present) {
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
void StructuralChecker::untranslated_heading(Finding& finding, std::uint32_t first, std::uint32_t last) {
  if (first != last || !markdown_heading(text_of(first))) return;
  finding.severity = std::max(finding.severity, Severity::Information);
  finding.message += "; or a section heading the document leaves untranslated";
}

void StructuralChecker::swapped(const Pair& pair) {
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

void StructuralChecker::untranslated(const Pair& pair) {
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

bool StructuralChecker::has_han(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    if (decoded.valid && chars::is_han(decoded.code_point)) return true;
    at += std::max<std::size_t>(decoded.length, 1);
  }
  return false;
}

void StructuralChecker::doubled(const Pair& pair, bool translation_side) {
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
  if (merged_segments(pair, translation_side) || joined_doubled(pair, translation_side)) return;
  Finding& finding = add("split-line", first, second, pair, std::move(message));
  const std::size_t finding_at = findings_.size() - 1;
  if (!other.empty()) {
    finding.related.push_back(related(other.front(), std::string(translation_side ? "original" : "translation") +
                                                         " of pair " + pair_number(pair)));
  }
  untranslated_heading(finding, first, first);
  const bool heading_first = markdown_heading(text_of(first));
  std::optional<Fix> title_fix = title_to_label(pair, translation_side);
  if (title_fix) finding.fixes.push_back(std::move(*title_fix));
  // Join: replace what separates the two parts (line end, blank lines) by the
  // separator. Only when nothing but blank lines lies between them.
  for (std::uint32_t between = first + 1; between < second; ++between)
    if (!blank(between)) return;
  Fix fix;
  fix.title = "Join the two lines";
  // A heading joined to its paragraph is no repair to apply unasked.
  fix.preferred = !heading_first && !title_fix;
  fix.edits.push_back({line(first).end, line(second).begin, detail::joiner_in(text_of(first), text_of(second), index_, first, second)});
  finding.fixes.push_back(std::move(fix));
  merged_second_fix(finding_at, pair, translation_side);
}

std::optional<Fix> StructuralChecker::title_to_label(const Pair& pair, bool translation_side) const {
  const SideLines& side = translation_side ? pair.translation : pair.original;
  const SideLines& other = translation_side ? pair.original : pair.translation;
  if (side.size() != 2 || other.size() != 1 || other.front() + 1 != side[0]) return std::nullopt;
  const std::string_view label = detail::trim(text_of(other.front()));
  const std::string_view title = detail::trim(text_of(side[0]));
  const std::string_view heading = detail::trim(text_of(side[1]));
  const std::string_view number = detail::trailing_number_label(label);
  if (number.empty() || title.empty() || !detail::bare_label(label)) return std::nullopt;
  // The heading is its own label and exactly that title after one space.
  if (heading.size() < title.size() + 2 || !heading.ends_with(title)) return std::nullopt;
  const std::string_view heading_label = heading.substr(0, heading.size() - title.size() - 1);
  if (heading[heading_label.size()] != ' ' || !detail::bare_label(heading_label) ||
      detail::trailing_number_label(heading_label) != number)
    return std::nullopt;
  Fix fix;
  fix.title = "Join line " + line_number(side[0]) + " to its label on line " + line_number(other.front());
  fix.preferred = true;
  // A number label is followed by a space in either script ("图 17.5. Pixelize").
  fix.edits.push_back({line(other.front()).end, line(side[0]).begin, " "});
  return fix;
}

auto StructuralChecker::inner_blanks(const Pair& pair) const -> InnerBlanks {
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

void StructuralChecker::count_inner_blank_style() {
  std::size_t with_both = 0, with_blank = 0;
  for (const Pair& pair : transcript_.pairs) {
    if (pair.translation.empty() || pair.original.empty()) continue;
    ++with_both;
    if (inner_blanks(pair).any) ++with_blank;
  }
  blank_inside_pairs_is_style_ = with_blank >= 2 && with_blank * 2 > with_both;
}

void StructuralChecker::inner_blank(const Pair& pair) {
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

}  // namespace bitext::structural

namespace bitext {

std::vector<Finding> structural_checks(const Transcript& transcript, const LineIndex& index,
                                       const CheckOptions& options) {
  if (transcript.lines.size() != index.line_count()) return {};  // not built from this index
  return structural::StructuralChecker(transcript, index, options).run();
}

}  // namespace bitext
