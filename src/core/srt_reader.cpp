// SRT: blocks separated by blank lines; a cue is an index line, a timing line
// "HH:MM:SS,mmm --> HH:MM:SS,mmm" and text lines. Each language of a cue is
// one text unit; the index and timing are markup kept on the cue.
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
  for (const LineBlock block : blocks_between_blank_lines(text, lines)) {
    const auto line_text = [&](std::size_t k) { return trimmed_line(text, lines[k]); };
    // The timing line: the first with "-->", or the line after an index that
    // starts like a time (a timing line that lost its arrow).
    std::size_t timing_line = block.stop;
    for (std::size_t k = block.first; k < block.stop && k < block.first + 3; ++k) {
      if (line_text(k).find("-->") != std::string_view::npos) {
        timing_line = k;
        break;
      }
    }
    if (timing_line == block.stop && block.first + 1 < block.stop && all_digits(line_text(block.first)) &&
        looks_like_timing(line_text(block.first + 1)))
      timing_line = block.first + 1;
    if (timing_line == block.stop) {
      add_lines_outside_cues(layout, text, lines, block);
    } else {
      add_cue(layout, text, lines, block, timing_line, TimingFormat::Srt);
    }
  }
  return layout;
}

}  // namespace bitext
