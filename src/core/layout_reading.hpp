// What the layout readers share: the document's physical lines, trimming a
// range to its content, and blanking markup out of the reading text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/layout.hpp"
#include "subtitle_timing.hpp"

namespace bitext::detail {

struct PhysicalLine {
  std::size_t begin = 0;  // content
  std::size_t end = 0;    // before the line end
};

// Every line of the text (as LineIndex counts them).
std::vector<PhysicalLine> physical_lines(std::string_view text);

// The first line end of the text ("\n" when it has none).
std::string first_line_end(std::string_view text);

// [begin, end) without the spaces, tabs and byte order marks at either end.
PhysicalLine trimmed(std::string_view text, std::size_t begin, std::size_t end);

// Replace bytes [begin, end) of the reading text with spaces.
void blank_out(std::string& reading, std::size_t begin, std::size_t end);

// Line ends inside [begin, end) become spaces in the reading text: a wrapped
// paragraph reads as one line (a line end is a sentence break for ICU).
void join_lines(std::string& reading, std::size_t begin, std::size_t end);

// A text unit over the trimmed range; nothing when the range is blank.
void add_text_unit(DocumentLayout& layout, std::string_view text, std::size_t begin, std::size_t end,
                   std::int32_t cue = -1);
void add_unit(DocumentLayout& layout, UnitKind kind, std::size_t begin, std::size_t end, std::int32_t cue = -1);

// Tags `<...>` (HTML, WebVTT spans and inline timestamps) and SRT `{\...}`
// overrides inside [begin, end) are blanked out of the reading text.
void blank_tags(std::string_view text, std::string& reading, std::size_t begin, std::size_t end);

}  // namespace bitext::detail

namespace bitext::detail {

// The text lines [first, last) of subtitle cue `cue`: consecutive lines of one
// script are one text unit (a language wrapped over two lines is one side),
// lines without letters ("♪", "-") join the unit they follow.
void add_cue_text(DocumentLayout& layout, std::string_view text, const std::vector<PhysicalLine>& lines,
                  std::size_t first, std::size_t last, std::int32_t cue);

// Line `line` trimmed (see trimmed()).
std::string_view trimmed_line(std::string_view text, const PhysicalLine& line);

// The blocks of a subtitle file: runs of non-blank lines, as [first, stop)
// line numbers.
struct LineBlock {
  std::size_t first = 0;
  std::size_t stop = 0;
};
std::vector<LineBlock> blocks_between_blank_lines(std::string_view text, const std::vector<PhysicalLine>& lines);

// A block that is not a cue (no timing line): each line is text outside any
// cue, tags blanked, and the pairing sees it as such.
void add_lines_outside_cues(DocumentLayout& layout, std::string_view text, const std::vector<PhysicalLine>& lines,
                            LineBlock block);

// A subtitle cue (the next in layout.cues) over `block`, whose timing is line
// `timing_line`: the identifier before it (markup; the cue's number when it is
// digits), the timing read into the cue (its problems reported as findings),
// the timing unit and the text units.
void add_cue(DocumentLayout& layout, std::string_view text, const std::vector<PhysicalLine>& lines, LineBlock block,
             std::size_t timing_line, TimingFormat format);

}  // namespace bitext::detail
