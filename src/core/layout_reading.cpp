#include "layout_reading.hpp"

#include <charconv>
#include <utility>

#include "bitext/text.hpp"
#include "line_facts.hpp"

namespace bitext::detail {

std::vector<PhysicalLine> physical_lines(std::string_view text) {
  const LineIndex index(text);
  std::vector<PhysicalLine> lines(index.line_count());
  for (std::size_t line = 0; line < lines.size(); ++line) lines[line] = {index.line_start(line), index.line_end(line)};
  return lines;
}

std::string first_line_end(std::string_view text) {
  const std::size_t at = text.find_first_of("\r\n");
  if (at == std::string_view::npos) return "\n";
  if (text[at] == '\r') return at + 1 < text.size() && text[at + 1] == '\n' ? "\r\n" : "\r";
  return "\n";
}

PhysicalLine trimmed(std::string_view text, std::size_t begin, std::size_t end) {
  const std::string_view content = trim(text.substr(begin, end - begin));
  if (content.empty()) return {begin, begin};
  const std::size_t from = static_cast<std::size_t>(content.data() - text.data());
  return {from, from + content.size()};
}

void blank_out(std::string& reading, std::size_t begin, std::size_t end) {
  for (std::size_t at = begin; at < end && at < reading.size(); ++at) reading[at] = ' ';
}

void join_lines(std::string& reading, std::size_t begin, std::size_t end) {
  for (std::size_t at = begin; at < end && at < reading.size(); ++at)
    if (reading[at] == '\n' || reading[at] == '\r') reading[at] = ' ';
}

void add_text_unit(DocumentLayout& layout, std::string_view text, std::size_t begin, std::size_t end,
                   std::int32_t cue) {
  // Trimmed in the reading text: markup blanked at either end is not text.
  const PhysicalLine range = trimmed(layout.reading.empty() ? text : std::string_view(layout.reading), begin, end);
  if (range.begin == range.end) {
    if (begin < end) layout.units.push_back({UnitKind::Markup, begin, end, cue});
    return;
  }
  layout.units.push_back({UnitKind::Text, range.begin, range.end, cue});
}

void add_unit(DocumentLayout& layout, UnitKind kind, std::size_t begin, std::size_t end, std::int32_t cue) {
  if (begin < end) layout.units.push_back({kind, begin, end, cue});
}

void blank_tags(std::string_view text, std::string& reading, std::size_t begin, std::size_t end) {
  for (std::size_t at = begin; at < end; ++at) {
    const char c = text[at];
    if (c != '<' && !(c == '{' && at + 1 < end && text[at + 1] == '\\')) continue;
    const char close = c == '<' ? '>' : '}';
    const std::size_t stop = text.find(close, at + 1);
    if (stop == std::string_view::npos || stop >= end) continue;
    // "<" followed by a space or a digit-less comparison is text ("a < b").
    if (c == '<' && (at + 1 >= end || text[at + 1] == ' ')) continue;
    blank_out(reading, at, stop + 1);
    at = stop;
  }
}

}  // namespace bitext::detail

#include "bitext/script.hpp"

namespace bitext::detail {

void add_cue_text(DocumentLayout& layout, std::string_view text, const std::vector<PhysicalLine>& lines,
                  std::size_t first, std::size_t last, std::int32_t cue) {
  std::size_t run_begin = first;
  Script run_script = Script::None;
  auto close_run = [&](std::size_t stop) {
    if (run_begin >= stop) return;
    const std::size_t begin = lines[run_begin].begin;
    const std::size_t end = lines[stop - 1].end;
    join_lines(layout.reading, begin, end);
    add_text_unit(layout, text, begin, end, cue);
  };
  for (std::size_t line = first; line < last; ++line) {
    blank_tags(text, layout.reading, lines[line].begin, lines[line].end);
    const std::string_view reading(layout.reading.data() + lines[line].begin, lines[line].end - lines[line].begin);
    const Script script = classify_script(reading).dominant;
    if (script == Script::None) continue;
    if (run_script != Script::None && script != run_script) {
      close_run(line);
      run_begin = line;
    }
    run_script = script;
  }
  close_run(last);
}

std::string_view trimmed_line(std::string_view text, const PhysicalLine& line) {
  const PhysicalLine range = trimmed(text, line.begin, line.end);
  return text.substr(range.begin, range.end - range.begin);
}

std::vector<LineBlock> blocks_between_blank_lines(std::string_view text, const std::vector<PhysicalLine>& lines) {
  std::vector<LineBlock> blocks;
  std::size_t line = 0;
  while (line < lines.size()) {
    if (is_blank(trimmed_line(text, lines[line]))) {
      ++line;
      continue;
    }
    LineBlock block{line, line};
    while (block.stop < lines.size() && !is_blank(trimmed_line(text, lines[block.stop]))) ++block.stop;
    blocks.push_back(block);
    line = block.stop;
  }
  return blocks;
}

void add_lines_outside_cues(DocumentLayout& layout, std::string_view text, const std::vector<PhysicalLine>& lines,
                            LineBlock block) {
  for (std::size_t k = block.first; k < block.stop; ++k) {
    blank_tags(text, layout.reading, lines[k].begin, lines[k].end);
    add_text_unit(layout, text, lines[k].begin, lines[k].end);
  }
}

void add_cue(DocumentLayout& layout, std::string_view text, const std::vector<PhysicalLine>& lines, LineBlock block,
             std::size_t timing_line, TimingFormat format) {
  const auto cue_index = static_cast<std::int32_t>(layout.cues.size());
  Cue cue;
  cue.begin = lines[block.first].begin;
  cue.end = lines[block.stop - 1].end;
  if (timing_line > block.first) {
    const PhysicalLine identifier = trimmed(text, lines[block.first].begin, lines[timing_line - 1].end);
    cue.number_begin = identifier.begin;
    cue.number_end = identifier.end;
    const std::string_view digits = text.substr(identifier.begin, identifier.end - identifier.begin);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (!digits.empty() && digits.front() != '-' && error == std::errc() && end == digits.data() + digits.size())
      cue.number = value;
    add_unit(layout, UnitKind::Markup, identifier.begin, identifier.end, cue_index);
  }
  const PhysicalLine timing_range = trimmed(text, lines[timing_line].begin, lines[timing_line].end);
  const TimingLine timing = read_timing_line(text, timing_range.begin, timing_range.end, format);
  report_timing(timing, format, layout.findings);
  cue.timing.begin = timing_range.begin;
  cue.timing.end = timing_range.end;
  cue.timing.valid = timing.start.valid && timing.end.valid;
  cue.timing.start_ms = timing.start.ms;
  cue.timing.end_ms = timing.end.ms;
  cue.timing.start_begin = timing.start.begin;
  cue.timing.start_end = timing.start.end;
  cue.timing.end_begin = timing.end.begin;
  cue.timing.end_end = timing.end.end;
  add_unit(layout, UnitKind::Timing, timing_range.begin, timing_range.end, cue_index);
  add_cue_text(layout, text, lines, timing_line + 1, block.stop, cue_index);
  layout.cues.push_back(std::move(cue));
}

}  // namespace bitext::detail
