// Paragraphs: blocks of lines separated by blank lines; a block is one side of
// a pair however many lines it is wrapped over.
#include "bitext/layout.hpp"
#include "layout_reading.hpp"
#include "line_facts.hpp"

namespace bitext {

DocumentLayout read_paragraphs(std::string_view text) {
  using namespace detail;
  DocumentLayout layout;
  layout.layout = Layout::Paragraphs;
  layout.reading.assign(text);
  const std::string eol = first_line_end(text);
  layout.separator = eol + eol;
  const std::vector<PhysicalLine> lines = physical_lines(text);
  std::size_t line = 0;
  while (line < lines.size()) {
    if (is_blank(text.substr(lines[line].begin, lines[line].end - lines[line].begin))) {
      ++line;
      continue;
    }
    std::size_t stop = line;
    while (stop < lines.size() && !is_blank(text.substr(lines[stop].begin, lines[stop].end - lines[stop].begin)))
      ++stop;
    join_lines(layout.reading, lines[line].begin, lines[stop - 1].end);
    add_text_unit(layout, text, lines[line].begin, lines[stop - 1].end);
    line = stop;
  }
  return layout;
}

}  // namespace bitext
