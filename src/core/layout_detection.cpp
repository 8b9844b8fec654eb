// Which layout a document is in: the requested one, else the file name's
// extension, else the content (a WEBVTT header; SRT cue timings; Markdown
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

Layout layout_from_content(std::string_view text) {
  const std::vector<detail::PhysicalLine> lines = detail::physical_lines(text.substr(0, kLayoutDetectionBytes));
  const std::size_t count = std::min(lines.size(), kDetectionLines);
  auto line_at = [&](std::size_t line) {
    return detail::trim(text.substr(lines[line].begin, lines[line].end - lines[line].begin));
  };
  std::size_t first = 0;
  while (first < count && detail::is_blank(line_at(first))) ++first;
  if (first < count) {
    const std::string_view head = line_at(first);
    if (head.substr(0, 6) == "WEBVTT") return Layout::Vtt;
    if (head == "---" || head == "+++") return Layout::Markdown;
  }
  std::size_t timings = 0, headings = 0, blocks = 0, wrapped_blocks = 0, mixed_blocks = 0, content = 0;
  // Blocks with text besides heading-like lines, and those holding both
  // languages: the mark of a line-pair transcript, which Markdown is not.
  std::size_t text_blocks = 0, mixed_text_blocks = 0;
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
      if (detail::is_timing_shaped(current)) ++timings;
      const bool heading = current.size() > 2 && current[0] == '#' && (current[1] == ' ' || current[1] == '#');
      if (heading) ++headings;
      const Script script = classify_script(current).dominant;
      if (script != Script::None) {
        if (block_script != Script::None && script != block_script) mixed = true;
        block_script = script;
        ++content;
        if (!heading) {
          if (text_script != Script::None && script != text_script) text_mixed = true;
          text_script = script;
        }
      }
      ++stop;
    }
    ++blocks;
    if (mixed) ++mixed_blocks;
    if (text_script != Script::None) ++text_blocks;
    if (text_mixed) ++mixed_text_blocks;
    if (!mixed && stop - line >= 2) ++wrapped_blocks;
    line = stop;
  }
  if (timings >= 2 && timings * 4 >= blocks) return Layout::Srt;
  // A root prompt ("# apt update") or a '#' line inside a line-pair
  // transcript is no heading: Markdown puts one language per paragraph.
  if (headings >= 2 && mixed_text_blocks * 5 <= text_blocks) return Layout::Markdown;
  // Paragraphs: most blocks hold one language (a line-pair transcript has
  // few blocks, each with both languages), and some are wrapped.
  if (blocks >= 4 && mixed_blocks * 5 <= blocks && wrapped_blocks > 0) return Layout::Paragraphs;
  (void)content;
  return Layout::Lines;
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
  if (const std::optional<Layout> named = layout_from_name(name, requested)) return *named;
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
