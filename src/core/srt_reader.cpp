// SRT: blocks separated by blank lines; a cue is an index line, a timing line
// "HH:MM:SS,mmm --> HH:MM:SS,mmm" and text lines. Each language of a cue is
// one text unit; the index and timing are markup kept on the cue.
#include <charconv>
#include <utility>

#include "bitext/layout.hpp"
#include "layout_reading.hpp"
#include "line_facts.hpp"
#include "subtitle_timing.hpp"

namespace bitext {
namespace {

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

DocumentLayout read_srt(std::string_view text) {
  using namespace detail;
  DocumentLayout layout;
  layout.layout = Layout::Srt;
  layout.reading.assign(text);
  layout.separator = first_line_end(text);
  const std::vector<PhysicalLine> lines = physical_lines(text);
  auto line_text = [&](std::size_t line) {
    const PhysicalLine range = trimmed(text, lines[line].begin, lines[line].end);
    return text.substr(range.begin, range.end - range.begin);
  };
  std::size_t line = 0;
  while (line < lines.size()) {
    if (is_blank(line_text(line))) {
      ++line;
      continue;
    }
    std::size_t stop = line;
    while (stop < lines.size() && !is_blank(line_text(stop))) ++stop;
    // The timing line: the first with "-->", or the line after an index that
    // starts like a time (a timing line that lost its arrow).
    std::size_t timing_line = stop;
    for (std::size_t k = line; k < stop && k < line + 3; ++k) {
      if (line_text(k).find("-->") != std::string_view::npos) {
        timing_line = k;
        break;
      }
    }
    if (timing_line == stop && line + 1 < stop && all_digits(line_text(line)) && looks_like_timing(line_text(line + 1)))
      timing_line = line + 1;
    if (timing_line == stop) {
      // No cue: text outside any cue (the pairing sees it as such).
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
      const PhysicalLine number = trimmed(text, lines[line].begin, lines[timing_line - 1].end);
      cue.number_begin = number.begin;
      cue.number_end = number.end;
      const std::string_view digits = text.substr(number.begin, number.end - number.begin);
      std::int64_t value = 0;
      if (all_digits(digits) && std::from_chars(digits.data(), digits.data() + digits.size(), value).ec == std::errc())
        cue.number = value;
      add_unit(layout, UnitKind::Markup, number.begin, number.end, cue_index);
    }
    add_cue_from_timing(layout, text, lines, timing_line, stop, TimingFormat::Srt, std::move(cue));
    line = stop;
  }
  return layout;
}

}  // namespace bitext
