#include "layout_analysis.hpp"

#include <algorithm>
#include <array>

#include "bitext/checks.hpp"
#include "bitext/content.hpp"
#include "bitext/speaker_checks.hpp"
#include "bitext/speaker_labels.hpp"
#include "bitext/subtitle_checks.hpp"
#include "pairing_detail.hpp"
#include "speaker_model.hpp"

namespace bitext::detail {
namespace {

bool is_white(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The transcript of the units, told in document lines.
Transcript in_document_lines(const Transcript& units, const LineIndex& unit_index, const LineIndex& index,
                             DocumentLayout& layout, const std::vector<std::size_t>& unit_of_text) {
  Transcript transcript;
  transcript.order = units.order;
  transcript.order_per_pair = units.order_per_pair;
  transcript.translation_cue = units.translation_cue;
  transcript.translation_script = units.translation_script;
  transcript.original_script = units.original_script;
  transcript.layout = layout.layout;
  const std::size_t line_count = index.line_count();
  transcript.lines.resize(line_count);
  for (std::size_t line = 0; line < line_count; ++line) {
    TranscriptLine& entry = transcript.lines[line];
    entry.number = static_cast<std::uint32_t>(line);
    entry.begin = index.line_start(line);
    entry.end = index.line_end(line);
    entry.kind = entry.begin == entry.end ? LineKind::Blank : LineKind::Markup;
  }
  auto lines_of = [&](std::size_t begin, std::size_t end) {
    const std::size_t first = index.line_of(begin);
    const std::size_t last = end > begin ? index.line_of(end - 1) : first;
    return std::pair{first, last};
  };
  // Blank lines stay blank; every other line is markup until a text unit claims it.
  for (std::size_t line = 0; line < line_count; ++line) {
    const std::string_view content = index.line_text(line);
    if (std::all_of(content.begin(), content.end(), [](char c) { return is_white(c); }))
      transcript.lines[line].kind = LineKind::Blank;
  }
  for (std::size_t unit = 0; unit < units.lines.size(); ++unit) {
    const TranscriptLine& source = units.lines[unit];
    const auto [first, last] = lines_of(unit_index.line_start(unit), unit_index.line_end(unit));
    for (std::size_t line = first; line <= last && line < line_count; ++line) {
      TranscriptLine& entry = transcript.lines[line];
      entry.kind = source.kind == LineKind::Blank ? LineKind::Markup : source.kind;
      entry.script = source.script;
      entry.pair = source.pair;
    }
  }
  auto document_lines = [&]<class Lines>(const Lines& unit_lines) {
    Lines lines;
    for (const std::uint32_t unit : unit_lines) {
      const auto [first, last] = lines_of(unit_index.line_start(unit), unit_index.line_end(unit));
      for (std::size_t line = first; line <= last; ++line) lines.push_back(static_cast<std::uint32_t>(line));
    }
    return lines;
  };
  auto ranges = [&](const SideLines& unit_lines) {
    std::vector<Pair::TextRange> result;
    for (const std::uint32_t unit : unit_lines) result.push_back({unit_index.line_start(unit), unit_index.line_end(unit)});
    return result;
  };
  transcript.front_matter = document_lines(units.front_matter);
  transcript.back_matter = document_lines(units.back_matter);
  transcript.pairs.reserve(units.pairs.size());
  for (const Pair& pair : units.pairs) {
    Pair mapped;
    mapped.index = pair.index;
    mapped.speaker = pair.speaker;
    mapped.speaker_index = pair.speaker_index;
    mapped.translation = document_lines(pair.translation);
    mapped.original = document_lines(pair.original);
    mapped.translation_ranges = ranges(pair.translation);
    mapped.original_ranges = ranges(pair.original);
    const SideLines& any = pair.translation.empty() ? pair.original : pair.translation;
    if (!any.empty()) mapped.cue = layout.units[unit_of_text[any.front()]].cue;
    transcript.pairs.push_back(std::move(mapped));
  }
  transcript.speaker_model = units.speaker_model;  // labels carry document lines and offsets
  transcript.units = std::move(layout.units);
  transcript.chapters = std::move(layout.chapters);
  transcript.cues = std::move(layout.cues);
  return transcript;
}

// For each text unit, the previous version's unit with the same text, or
// kNoLine: the units of the unchanged start and end of the sequence (an edit
// changes a stretch of units; compared byte for byte, so a wrong match is
// impossible).
std::vector<std::uint32_t> previous_units(std::string_view reading,
                                          const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                                          const std::vector<std::uint32_t>& label_skips, const LayoutMemo& previous,
                                          const PreviousText& previous_text) {
  std::vector<std::uint32_t> mapped(ranges.size(), kNoLine);
  const auto& old_ranges = previous.ranges;
  auto same = [&](std::size_t unit, std::size_t old_unit) {
    const auto [begin, end] = ranges[unit];
    const auto [old_begin, old_end] = old_ranges[old_unit];
    const std::string_view old_unit_text = previous.reading
                                               ? std::string_view(*previous.reading).substr(old_begin, old_end - old_begin)
                                               : previous_text.range(old_begin, old_end);
    return reading.substr(begin, end - begin) == old_unit_text;
  };
  // Compared apart from the text: a unit whose label came or went is not
  // reused, but the units after it still match.
  auto same_skip = [&](std::size_t unit, std::size_t old_unit) {
    return unit < label_skips.size() && old_unit < previous.label_skips.size() &&
           label_skips[unit] == previous.label_skips[old_unit];
  };
  const std::size_t count = ranges.size(), old_count = old_ranges.size();
  std::size_t prefix = 0;
  while (prefix < count && prefix < old_count && same(prefix, prefix)) {
    if (same_skip(prefix, prefix)) mapped[prefix] = static_cast<std::uint32_t>(prefix);
    ++prefix;
  }
  for (std::size_t suffix = 1; suffix + prefix <= count && suffix + prefix <= old_count; ++suffix) {
    if (!same(count - suffix, old_count - suffix)) break;
    if (same_skip(count - suffix, old_count - suffix)) mapped[count - suffix] = static_cast<std::uint32_t>(old_count - suffix);
  }
  return mapped;
}

}  // namespace

bool fix_keeps_text(std::string_view text, const Fix& fix) {
  std::array<std::int64_t, 256> balance{};
  for (const TextEdit& edit : fix.edits) {
    if (edit.begin > edit.end || edit.end > text.size()) return false;
    for (std::size_t at = edit.begin; at < edit.end; ++at)
      if (!is_white(text[at])) --balance[static_cast<unsigned char>(text[at])];
    for (const char c : edit.replacement)
      if (!is_white(c)) ++balance[static_cast<unsigned char>(c)];
  }
  return std::all_of(balance.begin(), balance.end(), [](std::int64_t count) { return count >= 0; });
}

LayoutAnalysis analyse_layout(const LineIndex& index, DocumentLayout layout, const CheckOptions& options,
                              const LayoutMemo* previous, const PreviousText* previous_text) {
  const std::string_view text = index.text();
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  std::vector<std::uint32_t> document_lines;
  std::vector<std::uint32_t> groups;
  std::vector<std::size_t> unit_of_text;  // text unit -> index in layout.units
  const bool subtitles = layout.layout == Layout::Srt || layout.layout == Layout::Vtt;
  std::uint32_t outside = 0x80000000u;  // groups of text outside any cue: one each
  for (std::size_t k = 0; k < layout.units.size(); ++k) {
    const Unit& unit = layout.units[k];
    if (unit.kind != UnitKind::Text) continue;
    ranges.emplace_back(unit.begin, unit.end);
    document_lines.push_back(static_cast<std::uint32_t>(index.line_of(unit.begin)));
    unit_of_text.push_back(k);
    if (subtitles) groups.push_back(unit.cue >= 0 ? static_cast<std::uint32_t>(unit.cue) : outside++);
  }
  LayoutAnalysis result;
  // Read before the reading text moves into the memo; added at the end.
  std::vector<Finding> timing = subtitle_checks(text, layout, options);
  // The reading text outlives the unit index: the memo keeps it for the next
  // version to compare its units with.
  auto memo = std::make_shared<LayoutMemo>();
  if (!layout.reading.empty()) memo->reading = std::make_shared<const std::string>(std::move(layout.reading));
  const LineIndex unit_index = LineIndex::of_ranges(memo->reading ? std::string_view(*memo->reading) : text, ranges,
                                                    std::move(document_lines), layout.separator);
  // The pairing's one path (pair_units), each text unit a "line" of the unit
  // index; subtitle cues are the sequence's groups.
  std::vector<TextUnit> text_units(unit_index.line_count());
  std::vector<ScriptProfile> profiles(text_units.size());
  for (std::size_t unit = 0; unit < text_units.size(); ++unit) {
    const auto number = static_cast<std::uint32_t>(unit);
    text_units[unit] = {unit_index.line_start(unit), unit_index.line_end(unit), number, number};
    profiles[unit] = profile_line(unit_index.line_text(unit));
  }
  // Markdown notes may change the order per pair; a forced order is the user's word that they do not.
  const bool order_per_pair = layout.layout == Layout::Markdown && options.order == LineOrder::Auto;
  const UnitSequence sequence{unit_index.text(), text_units, profiles, groups, order_per_pair};
  const std::vector<UnitReading> readings = read_units(sequence, Placeholders(options));
  const std::vector<UnitReading> in_pairs = labels_inside_pairs(sequence, readings);
  Transcript units = pair_units({sequence, sequence, in_pairs.empty() ? readings : in_pairs}, options);
  const std::string_view reading = memo->reading ? std::string_view(*memo->reading) : std::string_view();
  fill_speaker_model(units, {text, index, layout.layout, reading, &layout.units});
  result.findings = structural_checks(units, unit_index, options);
  memo->label_skips.resize(units.lines.size());
  for (std::size_t unit = 0; unit < units.lines.size(); ++unit)
    memo->label_skips[unit] =
        static_cast<std::uint32_t>(text_begin(units, static_cast<std::uint32_t>(unit)) - units.lines[unit].begin);
  if (options.content_checks) {
    std::vector<std::uint32_t> previous_lines;
    if (previous && previous->content && previous_text)
      previous_lines = previous_units(unit_index.text(), ranges, memo->label_skips, *previous, *previous_text);
    ContentResult content =
        previous_lines.empty()
            ? content_checks(units, unit_index)
            : content_checks(units, unit_index, previous->content.get(), previous_lines, previous->content_findings);
    std::vector<std::uint32_t> listed_at(content.findings.size());
    for (std::size_t i = 0; i < listed_at.size(); ++i) listed_at[i] = static_cast<std::uint32_t>(i);
    list_content_findings(*content.state, listed_at);
    memo->content = std::move(content.state);
    memo->content_findings = content.findings;
    result.findings.insert(result.findings.end(), std::make_move_iterator(content.findings.begin()),
                           std::make_move_iterator(content.findings.end()));
    result.pair_scores = std::move(content.pair_scores);
  }
  result.pair_scores.resize(units.pairs.size(), 1.0);
  memo->ranges = std::move(ranges);
  result.memo = std::move(memo);
  for (Finding& finding : result.findings) {
    auto& fixes = finding.fixes;
    fixes.erase(std::remove_if(fixes.begin(), fixes.end(), [&](const Fix& fix) { return !fix_keeps_text(text, fix); }),
                fixes.end());
  }
  // Speaker fixes rename labels: the check above counts characters and would withhold them.
  for (Finding& finding : speaker_checks(units, text)) result.findings.push_back(std::move(finding));
  // At their default severities, like every producer's (Analysis applies the rules).
  for (Finding& finding : layout.findings) timing.push_back(std::move(finding));
  result.transcript = in_document_lines(units, unit_index, index, layout, unit_of_text);
  // A subtitle finding belongs to the pair of its cue.
  std::vector<std::int32_t> pair_of_cue(result.transcript.cues.size(), -1);
  for (const Pair& pair : result.transcript.pairs)
    if (pair.cue >= 0 && pair_of_cue[static_cast<std::size_t>(pair.cue)] < 0)
      pair_of_cue[static_cast<std::size_t>(pair.cue)] = static_cast<std::int32_t>(pair.index);
  const std::vector<Cue>& cues = result.transcript.cues;
  for (Finding& finding : timing) {
    const auto after = std::upper_bound(cues.begin(), cues.end(), finding.begin,
                                        [](std::size_t offset, const Cue& cue) { return offset < cue.begin; });
    if (after != cues.begin() && finding.begin <= std::prev(after)->end)
      finding.pair = pair_of_cue[static_cast<std::size_t>(std::prev(after) - cues.begin())];
    result.findings.push_back(std::move(finding));
  }
  return result;
}

}  // namespace bitext::detail
