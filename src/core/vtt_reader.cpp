// WebVTT: a "WEBVTT" header block, then blocks separated by blank lines: NOTE,
// STYLE and REGION blocks (markup) and cues: an optional identifier line, a
// timing line "[HH:]MM:SS.mmm --> [HH:]MM:SS.mmm [settings]" and text lines.
// Tags in the text (<v Name>, <c>, <i>, <b>, <u>, <lang>, <ruby>, inline
// timestamps) stay in the text and are blanked out of the reading.
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
  bool header_seen = false;
  for (const LineBlock block : blocks_between_blank_lines(text, lines)) {
    const auto line_text = [&](std::size_t k) { return trimmed_line(text, lines[k]); };
    const std::string_view first = line_text(block.first);
    const PhysicalLine range = trimmed(text, lines[block.first].begin, lines[block.stop - 1].end);
    if (!header_seen && starts_block(first, "WEBVTT")) {
      header_seen = true;
      add_unit(layout, UnitKind::FrontMatter, range.begin, range.end);
      continue;
    }
    header_seen = true;
    if (starts_block(first, "NOTE") || starts_block(first, "STYLE") || starts_block(first, "REGION")) {
      add_unit(layout, UnitKind::Markup, range.begin, range.end);
      continue;
    }
    std::size_t timing_line = block.stop;
    for (std::size_t k = block.first; k < block.stop && k < block.first + 2; ++k) {
      if (line_text(k).find("-->") != std::string_view::npos) {
        timing_line = k;
        break;
      }
    }
    if (timing_line == block.stop && block.first + 1 < block.stop && looks_like_timing(line_text(block.first + 1)))
      timing_line = block.first + 1;
    if (timing_line == block.stop && looks_like_timing(first)) timing_line = block.first;
    if (timing_line == block.stop) {
      add_lines_outside_cues(layout, text, lines, block);
    } else {
      add_cue(layout, text, lines, block, timing_line, TimingFormat::Vtt);
    }
  }
  return layout;
}

}  // namespace bitext
