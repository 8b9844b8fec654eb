// Which layout a document is in: the requested one, else the file name's
// extension (a .md file whose paragraphs hold both languages line by line is
// read as lines), else the content (a WEBVTT header; SRT cue timings; Markdown
// front matter or headings between blocks of one language; blocks of one
// language wrapped over several lines).
#include <algorithm>
#include <cctype>
#include <string>

#include "bitext/layout.hpp"
#include "bitext/script.hpp"
#include "layout_reading.hpp"
#include "line_facts.hpp"
#include "subtitle_timing.hpp"

namespace bitext {
namespace {

std::string lowercase_extension(std::string_view name) {
  const std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string extension(name.substr(dot));
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

// Looks at the first lines only: detection must stay cheap on 10 MB.
constexpr std::size_t kDetectionLines = 400;

}  // namespace

namespace {

// What the first lines of a text hold, block by block (blocks are separated
// by blank lines).
struct BlockCensus {
  bool webvtt = false, front_matter = false;
  std::size_t timings = 0, headings = 0, blocks = 0, wrapped_blocks = 0, mixed_blocks = 0;
  // Blocks with text besides heading-like lines, and those holding both
  // languages: the mark of a line-pair transcript, which Markdown is not.
  std::size_t text_blocks = 0, mixed_text_blocks = 0;
};

BlockCensus take_census(std::string_view text) {
  BlockCensus census;
  const std::vector<detail::PhysicalLine> lines = detail::physical_lines(text.substr(0, kLayoutDetectionBytes));
  const std::size_t count = std::min(lines.size(), kDetectionLines);
  auto line_at = [&](std::size_t line) {
    return detail::trim(text.substr(lines[line].begin, lines[line].end - lines[line].begin));
  };
  std::size_t first = 0;
  while (first < count && detail::is_blank(line_at(first))) ++first;
  if (first < count) {
    const std::string_view head = line_at(first);
    census.webvtt = head.substr(0, 6) == "WEBVTT";
    census.front_matter = head == "---" || head == "+++";
  }
  for (std::size_t line = 0; line < count;) {
    if (detail::is_blank(line_at(line))) {
      ++line;
      continue;
    }
    std::size_t stop = line;
    Script block_script = Script::None, text_script = Script::None;
    bool mixed = false, text_mixed = false;
    while (stop < count && !detail::is_blank(line_at(stop))) {
      const std::string_view current = line_at(stop);
      if (detail::is_timing_shaped(current)) ++census.timings;
      const bool heading = current.size() > 2 && current[0] == '#' && (current[1] == ' ' || current[1] == '#');
      if (heading) ++census.headings;
      const Script script = classify_script(current).dominant;
      if (script != Script::None) {
        if (block_script != Script::None && script != block_script) mixed = true;
        block_script = script;
        if (!heading) {
          if (text_script != Script::None && script != text_script) text_mixed = true;
          text_script = script;
        }
      }
      ++stop;
    }
    ++census.blocks;
    if (mixed) ++census.mixed_blocks;
    if (text_script != Script::None) ++census.text_blocks;
    if (text_mixed) ++census.mixed_text_blocks;
    if (!mixed && stop - line >= 2) ++census.wrapped_blocks;
    line = stop;
  }
  return census;
}

}  // namespace

Layout layout_from_content(std::string_view text) {
  const BlockCensus census = take_census(text);
  if (census.webvtt) return Layout::Vtt;
  if (census.front_matter) return Layout::Markdown;
  if (census.timings >= 2 && census.timings * 4 >= census.blocks) return Layout::Srt;
  // A root prompt ("# apt update") or a '#' line inside a line-pair
  // transcript is no heading: Markdown puts one language per paragraph.
  if (census.headings >= 2 && census.mixed_text_blocks * 5 <= census.text_blocks) return Layout::Markdown;
  // Paragraphs: most blocks hold one language (a line-pair transcript has
  // few blocks, each with both languages), and some are wrapped.
  if (census.blocks >= 4 && census.mixed_blocks * 5 <= census.blocks && census.wrapped_blocks > 0)
    return Layout::Paragraphs;
  return Layout::Lines;
}

Layout markdown_or_lines(std::string_view text) {
  // A line-pair transcript saved as .md: most of its paragraphs hold both
  // languages, line by line. Read as Markdown, each would be one side and
  // the document would give no pairs at all.
  const BlockCensus census = take_census(text);
  if (!census.front_matter && census.text_blocks > 0 && census.mixed_text_blocks * 2 > census.text_blocks)
    return Layout::Lines;
  return Layout::Markdown;
}

std::string_view layout_name(Layout layout) {
  switch (layout) {
    case Layout::Auto: return "auto";
    case Layout::Lines: return "lines";
    case Layout::Paragraphs: return "paragraphs";
    case Layout::Markdown: return "markdown";
    case Layout::Srt: return "srt";
    case Layout::Vtt: return "vtt";
  }
  return "auto";
}

std::optional<Layout> parse_layout(std::string_view name) {
  for (const Layout layout :
       {Layout::Auto, Layout::Lines, Layout::Paragraphs, Layout::Markdown, Layout::Srt, Layout::Vtt})
    if (layout_name(layout) == name) return layout;
  return std::nullopt;
}

std::optional<Layout> layout_from_name(std::string_view name, Layout requested) {
  if (requested != Layout::Auto) return requested;
  const std::string extension = lowercase_extension(name);
  if (extension == ".srt") return Layout::Srt;
  if (extension == ".vtt") return Layout::Vtt;
  if (extension == ".md" || extension == ".markdown") return Layout::Markdown;
  return std::nullopt;
}

Layout detect_layout(std::string_view text, std::string_view name, Layout requested) {
  const std::optional<Layout> named = layout_from_name(name, requested);
  if (named && *named == Layout::Markdown && requested == Layout::Auto) return markdown_or_lines(text);
  if (named) return *named;
  return layout_from_content(text);
}

DocumentLayout read_layout(std::string_view text, Layout layout) {
  switch (layout) {
    case Layout::Paragraphs: return read_paragraphs(text);
    case Layout::Markdown: return read_markdown(text);
    case Layout::Srt: return read_srt(text);
    case Layout::Vtt: return read_vtt(text);
    default: break;
  }
  // Lines: one text unit per non-blank line, as the pairing has always read them.
  DocumentLayout lines;
  lines.layout = Layout::Lines;
  lines.separator = detail::first_line_end(text);
  for (const detail::PhysicalLine& line : detail::physical_lines(text))
    if (!detail::is_blank(text.substr(line.begin, line.end - line.begin)))
      lines.units.push_back({UnitKind::Text, line.begin, line.end, -1});
  return lines;
}

}  // namespace bitext
