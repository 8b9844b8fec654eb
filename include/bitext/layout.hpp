// Transcript layouts and the readers in front of the pairing. A reader turns a
// document into units: byte ranges of the original text that are either text
// (a side of a pair: a line, a paragraph, a language's lines in a subtitle
// cue) or markup (timings, cue numbers, headings, front matter, labels, ...).
// The pairing reads the text units only, so a wrapped paragraph is one side,
// and every finding and fix keeps exact byte offsets in the original text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/finding.hpp"

namespace bitext {

enum class Layout : std::uint8_t { Auto, Lines, Paragraphs, Markdown, Srt, Vtt };

std::string_view layout_name(Layout layout);  // "auto", "lines", "paragraphs", "markdown", "srt", "vtt"
std::optional<Layout> parse_layout(std::string_view name);

// The layout of a document: `requested` unless Auto; else from the file name's
// extension (`name`, may be empty) and then the content.
Layout detect_layout(std::string_view text, std::string_view name, Layout requested = Layout::Auto);
// detect_layout's two steps: the layout `requested` or the name decides, if either
// does; else the content's, which reads no more than the text's first
// kLayoutDetectionBytes (so texts that start alike have the same).
std::optional<Layout> layout_from_name(std::string_view name, Layout requested);
inline constexpr std::size_t kLayoutDetectionBytes = 256 * 1024;
Layout layout_from_content(std::string_view text);
// For a file the name says is Markdown (and no layout requested): Markdown,
// or Lines when most of its paragraphs hold both languages line by line.
// Reads no more than the first kLayoutDetectionBytes, like layout_from_content.
Layout markdown_or_lines(std::string_view text);

enum class UnitKind : std::uint8_t {
  Text,         // can be a side of a pair
  Markup,       // format: cue number, block separator, tag, rule, table, code, HTML, ...
  Heading,      // a Markdown heading: a chapter
  FrontMatter,  // YAML/TOML front matter, WEBVTT header
  Timing,       // a subtitle cue's timing line
  Label,        // a speaker label alone ("**Name:**", "### Name:")
};

struct Unit {
  UnitKind kind = UnitKind::Text;
  std::size_t begin = 0;  // byte range in the original text
  std::size_t end = 0;
  std::int32_t cue = -1;  // index into DocumentLayout::cues, -1 outside cues
};

// Milliseconds since the start of the media.
struct CueTiming {
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
  std::size_t begin = 0;  // the timing line's byte range
  std::size_t end = 0;
  std::size_t start_begin = 0, start_end = 0;  // the start timestamp's bytes
  std::size_t end_begin = 0, end_end = 0;      // the end timestamp's bytes
  bool valid = false;     // both timestamps read
};

struct Cue {
  std::optional<std::int64_t> number;  // SRT index / numeric VTT identifier
  std::size_t number_begin = 0;        // the index / identifier line (empty range when none)
  std::size_t number_end = 0;
  CueTiming timing;
  std::size_t begin = 0;  // the whole cue block (number line to last text line)
  std::size_t end = 0;
};

struct Chapter {
  std::string title;      // the heading's text without its markers
  int level = 1;          // 1..6
  std::size_t begin = 0;  // the heading line
  std::size_t end = 0;
};

// Tunables of the subtitle checks (defaults: see README, "Subtitle style").
struct SubtitleStyle {
  double max_cps_latin = 17.0;  // characters per second, letters and spaces
  double max_cps_han = 9.0;
  std::size_t max_line_latin = 42;  // characters per line
  std::size_t max_line_han = 16;
};

struct DocumentLayout {
  Layout layout = Layout::Lines;
  std::vector<Unit> units;  // in document order, non-overlapping
  std::vector<Cue> cues;
  std::vector<Chapter> chapters;
  // The text as the content checks read it: same size and offsets as the
  // original, markup inside text units (emphasis, links' targets, tags, inline
  // timestamps, line ends inside a paragraph) blanked out with spaces.
  std::string reading;
  // What to insert between two text units when a fix adds one ("\n" in a cue,
  // a blank line between paragraphs), in the document's line ends.
  std::string separator = "\n";
  std::vector<Finding> findings;  // what reading found: malformed timestamps, ...
};

// Reads the document in `layout` (never Auto; Lines gives one unit per line).
DocumentLayout read_layout(std::string_view text, Layout layout);

// One reader per layout (each in its own file).
DocumentLayout read_paragraphs(std::string_view text);
DocumentLayout read_markdown(std::string_view text);
DocumentLayout read_srt(std::string_view text);
DocumentLayout read_vtt(std::string_view text);

}  // namespace bitext
