// WebVTT: a "WEBVTT" header block, then blocks separated by blank lines: NOTE,
// STYLE and REGION blocks (markup) and cues: an optional identifier line, a
// timing line "[HH:]MM:SS.mmm --> [HH:]MM:SS.mmm [settings]" and text lines.
// Tags in the text (<v Name>, <c>, <i>, <b>, <u>, <lang>, <ruby>, inline
// timestamps) stay in the text and are blanked out of the reading.
#include <charconv>
#include <utility>

#include "bitext/layout.hpp"
#include "layout_reading.hpp"
#include "line_facts.hpp"
#include "subtitle_timing.hpp"

namespace bitext {
namespace {

bool starts_block(std::string_view line, std::string_view keyword) {
  return line.substr(0, keyword.size()) == keyword &&
         (line.size() == keyword.size() || line[keyword.size()] == ' ' || line[keyword.size()] == '\t');
}

}  // namespace

DocumentLayout read_vtt(std::string_view text) {
  using namespace detail;
  DocumentLayout layout;
  layout.layout = Layout::Vtt;
  layout.reading.assign(text);
  layout.separator = first_line_end(text);
  const std::vector<PhysicalLine> lines = physical_lines(text);
  auto line_text = [&](std::size_t line) {
    const PhysicalLine range = trimmed(text, lines[line].begin, lines[line].end);
    return text.substr(range.begin, range.end - range.begin);
  };
  std::size_t line = 0;
  bool header_seen = false;
  while (line < lines.size()) {
    if (is_blank(line_text(line))) {
      ++line;
      continue;
    }
    std::size_t stop = line;
    while (stop < lines.size() && !is_blank(line_text(stop))) ++stop;
    const std::string_view first = line_text(line);
    const PhysicalLine block = trimmed(text, lines[line].begin, lines[stop - 1].end);
    if (!header_seen && starts_block(first, "WEBVTT")) {
      header_seen = true;
      add_unit(layout, UnitKind::FrontMatter, block.begin, block.end);
      line = stop;
      continue;
    }
    header_seen = true;
    if (starts_block(first, "NOTE") || starts_block(first, "STYLE") || starts_block(first, "REGION")) {
      add_unit(layout, UnitKind::Markup, block.begin, block.end);
      line = stop;
      continue;
    }
    std::size_t timing_line = stop;
    for (std::size_t k = line; k < stop && k < line + 2; ++k) {
      if (line_text(k).find("-->") != std::string_view::npos) {
        timing_line = k;
        break;
      }
    }
    if (timing_line == stop && line + 1 < stop && looks_like_timing(line_text(line + 1))) timing_line = line + 1;
    if (timing_line == stop && looks_like_timing(first)) timing_line = line;
    if (timing_line == stop) {
      for (std::size_t k = line; k < stop; ++k) {
        blank_tags(text, layout.reading, lines[k].begin, lines[k].end);
        add_text_unit(layout, text, lines[k].begin, lines[k].end);
      }
      line = stop;
      continue;
    }
    const auto cue_index = static_cast<std::int32_t>(layout.cues.size());
    Cue cue;
    cue.begin = lines[line].begin;
    cue.end = lines[stop - 1].end;
    if (timing_line > line) {
      const PhysicalLine identifier = trimmed(text, lines[line].begin, lines[line].end);
      cue.number_begin = identifier.begin;
      cue.number_end = identifier.end;
      const std::string_view digits = text.substr(identifier.begin, identifier.end - identifier.begin);
      std::int64_t value = 0;
      const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
      if (error == std::errc() && end == digits.data() + digits.size()) cue.number = value;
      add_unit(layout, UnitKind::Markup, identifier.begin, identifier.end, cue_index);
    }
    add_cue_from_timing(layout, text, lines, timing_line, stop, TimingFormat::Vtt, std::move(cue));
    line = stop;
  }
  return layout;
}

}  // namespace bitext
