// Markdown, read with cmark (the CommonMark reference parser, Debian's
// libcmark-dev): block structure from cmark, byte ranges from its line
// numbers. Paragraphs at the top level are sides of pairs; headings are
// chapters; front matter, lists, block quotes, code, rules, tables, HTML and
// link definitions are markup. A speaker label ("**Name:**" opening a
// paragraph, or a "### Name:" heading) is a label, not text. Inside a side,
// emphasis, link targets and inline HTML are blanked out of the reading.
#include <cmark.h>

#include <cctype>
#include <memory>

#include "bitext/layout.hpp"
#include "bitext/script.hpp"
#include "layout_reading.hpp"
#include "line_end_marks.hpp"
#include "line_facts.hpp"

namespace bitext {
namespace {

using detail::PhysicalLine;

bool is_line(std::string_view line, std::string_view marker) { return detail::trim(line) == marker; }

// Lines [0, end) of YAML ("---") or TOML ("+++") front matter, or 0.
std::size_t front_matter_lines(std::string_view text, const std::vector<PhysicalLine>& lines) {
  if (lines.empty()) return 0;
  const auto line_at = [&](std::size_t k) { return text.substr(lines[k].begin, lines[k].end - lines[k].begin); };
  const bool yaml = is_line(line_at(0), "---");
  if (!yaml && !is_line(line_at(0), "+++")) return 0;
  for (std::size_t k = 1; k < lines.size(); ++k) {
    if (yaml && (is_line(line_at(k), "---") || is_line(line_at(k), "..."))) return k + 1;
    if (!yaml && is_line(line_at(k), "+++")) return k + 1;
  }
  return 0;
}

// A bold label opening a paragraph: "**Name:**", "**Name**:", "__Name:__"
// (full-width colon too). Returns the byte length of the label, or 0.
std::size_t label_length(std::string_view line) {
  for (const std::string_view marker : {std::string_view("**"), std::string_view("__")}) {
    if (line.substr(0, 2) != marker) continue;
    const std::size_t close = line.find(marker, 2);
    if (close == std::string_view::npos || close > 2 + 80 || close == 2) continue;
    const std::string_view inside = line.substr(2, close - 2);
    std::size_t end = close + 2;
    if (detail::ends_with_colon(inside)) return end;
    if (line.substr(end, 1) == ":") return end + 1;
    if (line.substr(end, 3) == "\uFF1A") return end + 3;
  }
  return 0;
}

std::size_t find_closing(std::string_view text, std::size_t from, std::size_t end, char open, char close) {
  int depth = 0;
  for (std::size_t at = from; at < end; ++at) {
    if (text[at] == '\\') {
      ++at;
      continue;
    }
    if (text[at] == open) ++depth;
    if (text[at] == close && --depth == 0) return at;
  }
  return std::string_view::npos;
}

bool is_punctuation(char c) { return c > ' ' && c < 0x7F && !std::isalnum(static_cast<unsigned char>(c)); }

// Inline markup of [begin, end) blanked out of the reading: emphasis markers,
// images, link targets, code marks, escapes and inline HTML.
void blank_inline(std::string_view text, std::string& reading, std::size_t begin, std::size_t end) {
  detail::blank_tags(text, reading, begin, end);
  for (std::size_t at = begin; at < end; ++at) {
    const char c = text[at];
    if (c == '\\' && at + 1 < end && is_punctuation(text[at + 1])) {
      detail::blank_out(reading, at, at + 1);
      ++at;
    } else if (c == '!' && at + 1 < end && text[at + 1] == '[') {
      const std::size_t close = find_closing(text, at + 1, end, '[', ']');
      if (close == std::string_view::npos || close + 1 >= end || text[close + 1] != '(') continue;
      const std::size_t target = find_closing(text, close + 1, end, '(', ')');
      if (target == std::string_view::npos) continue;
      detail::blank_out(reading, at, target + 1);
      at = target;
    } else if (c == '[') {
      const std::size_t close = find_closing(text, at, end, '[', ']');
      if (close == std::string_view::npos || close + 1 >= end) continue;
      std::size_t target = std::string_view::npos;
      if (text[close + 1] == '(') target = find_closing(text, close + 1, end, '(', ')');
      if (text[close + 1] == '[') target = find_closing(text, close + 1, end, '[', ']');
      if (target == std::string_view::npos) continue;
      detail::blank_out(reading, at, at + 1);
      detail::blank_out(reading, close, target + 1);
    } else if (c == '*' || c == '`' || c == '~') {
      detail::blank_out(reading, at, at + 1);
    } else if (c == '_') {
      const bool word_before = at > begin && std::isalnum(static_cast<unsigned char>(text[at - 1]));
      const bool word_after = at + 1 < end && std::isalnum(static_cast<unsigned char>(text[at + 1]));
      if (!(word_before && word_after)) detail::blank_out(reading, at, at + 1);  // snake_case stays
    }
  }
}

// A link, an image, an autolink or a bare URL, and nothing else.
bool only_a_link(std::string_view text) {
  if (text.empty()) return false;
  if (text.substr(0, 4) == "http" && text.find(' ') == std::string_view::npos) return true;
  if (text.front() == '<' && text.back() == '>' && text.find(' ') == std::string_view::npos) return true;
  if (text.front() == '!') text.remove_prefix(1);
  if (text.empty() || text.front() != '[') return false;
  const std::size_t close = find_closing(text, 0, text.size(), '[', ']');
  if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != '(') return false;
  return find_closing(text, close + 1, text.size(), '(', ')') == text.size() - 1;
}

class MarkdownReader {
 public:
  explicit MarkdownReader(std::string_view text) : text_(text), lines_(detail::physical_lines(text)) {
    layout_.layout = Layout::Markdown;
    layout_.reading.assign(text);
    const std::string eol = detail::first_line_end(text);
    layout_.separator = eol + eol;
  }

  DocumentLayout read() {
    // cmark does not know front matter: it reads blank lines in its place, so
    // that its line numbers stay those of the document.
    const std::size_t front = front_matter_lines(text_, lines_);
    std::string parsed(text_);
    if (front > 0) {
      for (std::size_t at = lines_[0].begin; at < lines_[front - 1].end; ++at)
        if (parsed[at] != '\n' && parsed[at] != '\r') parsed[at] = ' ';
      detail::add_unit(layout_, UnitKind::FrontMatter, lines_[0].begin, lines_[front - 1].end);
    }
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document(
        cmark_parse_document(parsed.data(), parsed.size(), CMARK_OPT_DEFAULT), &cmark_node_free);
    for (cmark_node* node = cmark_node_first_child(document.get()); node != nullptr; node = cmark_node_next(node))
      block(node);
    return std::move(layout_);
  }

 private:
  // Byte range of cmark's lines [first, last] (1-based), trimmed.
  PhysicalLine range_of(cmark_node* node) const {
    const auto first = static_cast<std::size_t>(std::max(1, cmark_node_get_start_line(node))) - 1;
    auto last = static_cast<std::size_t>(std::max(1, cmark_node_get_end_line(node))) - 1;
    if (first >= lines_.size()) return {text_.size(), text_.size()};
    last = std::min(std::max(last, first), lines_.size() - 1);
    // cmark counts a block's trailing blank lines in some blocks: drop them.
    while (last > first && detail::is_blank(line_text(last))) --last;
    return detail::trimmed(text_, lines_[first].begin, lines_[last].end);
  }
  std::string_view line_text(std::size_t line) const {
    return text_.substr(lines_[line].begin, lines_[line].end - lines_[line].begin);
  }
  std::string_view bytes(PhysicalLine range) const { return text_.substr(range.begin, range.end - range.begin); }

  void block(cmark_node* node) {
    const PhysicalLine range = range_of(node);
    if (range.begin >= range.end) return;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING:
        heading(node, range);
        return;
      case CMARK_NODE_PARAGRAPH:
        paragraph(range);
        return;
      case CMARK_NODE_HTML_BLOCK:
        html(range);
        return;
      default:
        detail::add_unit(layout_, UnitKind::Markup, range.begin, range.end);
    }
  }

  void heading(cmark_node* node, PhysicalLine range) {
    // The title: the first line without its "#" markers (ATX) — a setext
    // heading's first line is its title.
    std::string_view title = detail::trim(text_.substr(range.begin, lines_[text_line(range.begin)].end - range.begin));
    while (!title.empty() && title.front() == '#') title.remove_prefix(1);
    while (!title.empty() && (title.back() == '#' || title.back() == ' ')) title.remove_suffix(1);
    title = detail::trim(title);
    if (detail::ends_with_colon(title) && title.size() <= 80) {
      detail::add_unit(layout_, UnitKind::Label, range.begin, range.end);
      return;
    }
    detail::add_unit(layout_, UnitKind::Heading, range.begin, range.end);
    layout_.chapters.push_back({std::string(title), cmark_node_get_heading_level(node), range.begin, range.end});
  }

  std::size_t text_line(std::size_t offset) const {
    std::size_t low = 0, high = lines_.size();
    while (high - low > 1) {
      const std::size_t middle = (low + high) / 2;
      (lines_[middle].begin <= offset ? low : high) = middle;
    }
    return low;
  }

  void paragraph(PhysicalLine range) {
    const std::string_view content = bytes(range);
    if (content.front() == '|') {  // a table (GFM): not part of CommonMark, read as markup
      detail::add_unit(layout_, UnitKind::Markup, range.begin, range.end);
      return;
    }
    std::size_t begin = range.begin;
    const std::size_t label = label_length(content);
    if (label > 0) begin = range.begin + label;
    // "**Source:** [Title](url)": a preamble's metadata, a link and no text.
    if (only_a_link(detail::trim(text_.substr(begin, range.end - begin)))) {
      detail::add_unit(layout_, UnitKind::Markup, range.begin, range.end);
      return;
    }
    if (label > 0) detail::add_unit(layout_, UnitKind::Label, range.begin, range.begin + label);
    side(begin, range.end);
  }

  // A side: a text unit whose reading has the inline markup blanked out.
  void side(std::size_t begin, std::size_t end) {
    blank_inline(text_, layout_.reading, begin, end);
    detail::join_lines(layout_.reading, begin, end);
    detail::add_text_unit(layout_, text_, begin, end);
  }

  // HTML: comments and other blocks are markup; a side wrapped in an element
  // ("<details><summary>…</summary><p>text</p></details>") is the text of its
  // <p> elements.
  void html(PhysicalLine range) {
    const std::string_view content = bytes(range);
    std::size_t at = 0;
    std::size_t covered = range.begin;
    bool found = false;
    while (content.substr(0, 4) != "<!--") {
      const std::size_t open = content.find("<p", at);
      if (open == std::string_view::npos) break;
      if (open + 2 < content.size() && content[open + 2] != '>' && content[open + 2] != ' ') {
        at = open + 2;
        continue;
      }
      const std::size_t inner = content.find('>', open);
      const std::size_t close = inner == std::string_view::npos ? inner : content.find("</p>", inner);
      if (close == std::string_view::npos) break;
      detail::add_unit(layout_, UnitKind::Markup, covered, range.begin + inner + 1);
      side(range.begin + inner + 1, range.begin + close);
      covered = range.begin + close;
      at = close + 4;
      found = true;
    }
    detail::add_unit(layout_, UnitKind::Markup, found ? covered : range.begin, range.end);
  }

  std::string_view text_;
  std::vector<PhysicalLine> lines_;
  DocumentLayout layout_;
};

}  // namespace

DocumentLayout read_markdown(std::string_view text) { return MarkdownReader(text).read(); }

}  // namespace bitext
