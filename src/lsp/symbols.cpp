#include "lsp/symbols.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include "lsp/ascii_text.hpp"
#include "lsp/feature_context.hpp"
#include "lsp/json_writer.hpp"
#include "lsp/outline_parts.hpp"
#include "lsp/protocol.hpp"

namespace bitext::lsp {
namespace {

// Whole lines [first, last], from the first line's start to the next line's
// start: column 0 is the same in every encoding, so no line is scanned except
// the document's last.
Range lines_range(const LineIndex& index, std::uint32_t first, std::uint32_t last, PositionEncoding encoding) {
  Range range;
  range.start = Position{first, 0};
  if (last + 1 < index.line_count()) {
    range.end = Position{last + 1, 0};
  } else {
    range.end = index.position_of(index.line_end(last), encoding);
  }
  return range;
}

std::uint32_t selection_line(const Pair& pair) {
  if (!pair.translation.empty()) return pair.translation.front();
  if (!pair.original.empty()) return pair.original.front();
  return pair.first_line();
}

std::string matter_detail(const std::vector<std::uint32_t>& lines) {
  return lines.size() == 1 ? "1 line" : std::to_string(lines.size()) + " lines";
}

// The outline name of a pair: its first words; a subtitle cue's start time
// before them ("00:01:02 这里是…").
std::string pair_symbol_name(const Transcript& transcript, const LineIndex& index, const Pair& pair) {
  std::string words = pair_words(transcript, index, pair);
  if (pair.cue >= 0 && static_cast<std::size_t>(pair.cue) < transcript.cues.size()) {
    const Cue& cue = transcript.cues[pair.cue];
    if (cue.timing.valid) return words.empty() ? clock_time(cue.timing.start_ms) : clock_time(cue.timing.start_ms) + " " + words;
  }
  return words.empty() ? "Pair " + std::to_string(pair.index + 1) : words;
}

// Writes symbols straight to JSON text (keys in nlohmann's order): the outline
// of a large transcript has tens of thousands of symbols, and a json tree per
// symbol cost several microseconds each.
struct SymbolWriter {
  const std::string& uri;
  const Transcript& transcript;
  const LineIndex& index;
  PositionEncoding encoding;
  bool hierarchical;
  std::string& out;
  bool first = true;  // no comma before the next element of the current array

  struct Parent {
    std::string name, detail;
    int kind;
    Range range;
    std::uint32_t selection;
  };
  std::vector<Parent> parents{};  // open symbols, outermost first (a flat outline keeps them for containerName)

  void separate() {
    if (!first) out.push_back(',');
    first = false;
  }

  std::string_view container() const { return parents.empty() ? std::string_view() : parents.back().name; }

  // One symbol; with `open_children` it stays open for children until close().
  void write(std::string_view name, std::string_view detail, int kind, std::uint32_t first_line,
             std::uint32_t last_line, std::uint32_t selection, bool open_children = false) {
    Range range = lines_range(index, first_line, last_line, encoding);
    separate();
    if (hierarchical) {
      if (open_children) {
        // "children" sorts first: the parent's own fields wait for close().
        out += "{\"children\":[";
        parents.push_back(Parent{std::string(name), std::string(detail), kind, range, selection});
        first = true;
        return;
      }
      out.push_back('{');
      write_hierarchical_fields(name, detail, kind, range, selection);
      out.push_back('}');
      return;
    }
    append_symbol_information(out, name, container(), kind, range, uri);
    if (open_children) parents.push_back(Parent{std::string(name), std::string(detail), kind, range, selection});
  }

  void write_hierarchical_fields(std::string_view name, std::string_view detail, int kind, const Range& range,
                                 std::uint32_t selection) {
    out += "\"detail\":";
    append_json_string(out, detail);
    out += ",\"kind\":";
    append_json_int(out, kind);
    out += ",\"name\":";
    append_json_string(out, name);
    out += ",\"range\":";
    append_json_range(out, range);
    out += ",\"selectionRange\":";
    append_json_range(out, lines_range(index, selection, selection, encoding));
  }

  // Closes the innermost open symbol.
  void close() {
    if (parents.empty()) return;
    if (hierarchical) {
      const Parent& parent = parents.back();
      out += "],";
      write_hierarchical_fields(parent.name, parent.detail, parent.kind, parent.range, parent.selection);
      out.push_back('}');
      first = false;
    }
    parents.pop_back();
  }

  void add_matter(const std::vector<std::uint32_t>& lines, const char* name) {
    if (lines.empty()) return;
    write(name, matter_detail(lines), kSymbolModule, lines.front(), lines.back(), lines.front());
  }

  void add_pair(const Pair& pair) {
    // A cue's symbol covers its number and timing lines too.
    const std::uint32_t first_line = pair_block_first_line(transcript, index, pair);
    write(pair_symbol_name(transcript, index, pair), "pair " + std::to_string(pair.index + 1), kSymbolString,
          first_line, pair.last_line(), selection_line(pair));
  }

  // A pair as a flat symbol in `container` (workspace/symbol).
  void add_pair(const Pair& pair, std::string_view container) {
    parents.push_back(Parent{std::string(container), "", kSymbolNamespace, Range{}, 0});
    add_pair(pair);
    parents.pop_back();
  }
};

// The document outline: front matter; chapters (nested by heading level);
// within them speaker turns (cut where a chapter starts) holding their pairs,
// or the pairs themselves; back matter.
class OutlineWriter {
 public:
  OutlineWriter(SymbolWriter& writer, const Transcript& transcript, const LineIndex& index)
      : writer_(writer), transcript_(transcript), index_(index), turns_(speaker_turns(transcript)) {}

  void write() {
    const auto& chapters = transcript_.chapters;
    const std::uint32_t first_heading = chapters.empty() ? std::numeric_limits<std::uint32_t>::max() : heading_line(0);
    std::vector<std::uint32_t> front = front_matter_lines(transcript_, index_);
    std::vector<std::uint32_t> top_front, later_front;
    for (std::uint32_t line : front) (line < first_heading ? top_front : later_front).push_back(line);
    writer_.add_matter(top_front, "Front matter");
    // Front matter after the first heading (text under a title before the first pair) goes into its chapter.
    std::size_t later = 0;
    const auto& pairs = transcript_.pairs;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      const std::uint32_t first_line = pairs[i].first_line();
      while (later < later_front.size() && later_front[later] < first_line) {
        open_chapters_until(later_front[later]);
        std::vector<std::uint32_t> group;
        const std::uint32_t limit = next_heading_line();
        while (later < later_front.size() && later_front[later] < first_line && later_front[later] < limit)
          group.push_back(later_front[later++]);
        close_turn();
        writer_.add_matter(group, "Front matter");
      }
      open_chapters_until(first_line);
      write_pair(static_cast<std::uint32_t>(i));
    }
    close_turn();
    const std::uint32_t end = transcript_.back_matter.empty() ? std::numeric_limits<std::uint32_t>::max()
                                                              : transcript_.back_matter.front();
    while (next_chapter_ < chapters.size() && heading_line(next_chapter_) < end) open_chapter(next_chapter_++);
    while (!open_levels_.empty()) close_chapter();
    writer_.add_matter(transcript_.back_matter, "Back matter");
  }

 private:
  std::uint32_t heading_line(std::size_t chapter) const {
    return static_cast<std::uint32_t>(index_.line_of(transcript_.chapters[chapter].begin));
  }
  std::uint32_t next_heading_line() const {
    return next_chapter_ < transcript_.chapters.size() ? heading_line(next_chapter_)
                                                       : std::numeric_limits<std::uint32_t>::max();
  }

  void open_chapters_until(std::uint32_t line) {
    while (next_chapter_ < transcript_.chapters.size() && heading_line(next_chapter_) <= line)
      open_chapter(next_chapter_++);
  }

  void open_chapter(std::size_t chapter) {
    close_turn();
    const Chapter& heading = transcript_.chapters[chapter];
    while (!open_levels_.empty() && open_levels_.back() >= heading.level) close_chapter();
    const LineSpan span = chapter_lines(transcript_, index_, chapter);
    std::string detail = "no pairs";
    const auto& pairs = transcript_.pairs;
    while (pair_cursor_ < pairs.size() && pairs[pair_cursor_].first_line() < span.first) ++pair_cursor_;
    std::size_t last = pair_cursor_;
    while (last < pairs.size() && pairs[last].first_line() <= span.last) ++last;
    if (last > pair_cursor_)
      detail = pair_range_text(static_cast<std::uint32_t>(pair_cursor_), static_cast<std::uint32_t>(last - 1));
    writer_.write(heading.title.empty() ? std::string("Chapter") : heading.title, detail, kSymbolChapter,
                  span.first, span.last, span.first, true);
    open_levels_.push_back(heading.level);
  }

  void close_chapter() {
    writer_.close();
    open_levels_.pop_back();
  }

  void close_turn() {
    if (!turn_open_) return;
    writer_.close();
    turn_open_ = false;
  }

  void write_pair(std::uint32_t pair) {
    if (turn_open_ && pair > turn_last_) close_turn();
    if (!turn_open_) {
      if (const SpeakerTurn* turn = turn_of_pair(turns_, pair)) open_turn(*turn, pair);
    }
    writer_.add_pair(transcript_.pairs[pair]);
    if (turn_open_ && pair == turn_last_) close_turn();
  }

  // The part of `turn` from `pair` on that lies before the next chapter.
  void open_turn(const SpeakerTurn& turn, std::uint32_t pair) {
    const auto& pairs = transcript_.pairs;
    const std::uint32_t limit = next_heading_line();
    std::uint32_t last = pair;
    while (last < turn.last_pair && last + 1 < pairs.size() && pairs[last + 1].first_line() < limit) ++last;
    std::string detail = pair_range_text(pair, last);
    std::string words = pair_words(transcript_, index_, pairs[pair]);
    if (!words.empty()) detail += " · " + words;
    if (turn.inferred) detail += " · inferred";
    const std::string_view name = turn_speaker_name(transcript_, turn);
    writer_.write(name.empty() ? std::string_view("Speaker") : name, detail, kSymbolNamespace,
                  pair_block_first_line(transcript_, index_, pairs[pair]), pairs[last].last_line(),
                  selection_line(pairs[pair]), true);
    turn_open_ = true;
    turn_last_ = last;
  }

  SymbolWriter& writer_;
  const Transcript& transcript_;
  const LineIndex& index_;
  std::vector<SpeakerTurn> turns_;
  std::size_t next_chapter_ = 0;
  std::size_t pair_cursor_ = 0;
  std::vector<int> open_levels_;  // heading levels of the open chapters
  bool turn_open_ = false;
  std::uint32_t turn_last_ = 0;
};


}  // namespace

void append_symbol_information(std::string& out, std::string_view name, std::string_view container, int kind,
                               const Range& range, std::string_view uri) {
  out += "{";
  if (!container.empty()) {
    out += "\"containerName\":";
    append_json_string(out, container);
    out.push_back(',');
  }
  out += "\"kind\":";
  append_json_int(out, kind);
  out += ",\"location\":{\"range\":";
  append_json_range(out, range);
  out += ",\"uri\":";
  append_json_string(out, uri);
  out += "},\"name\":";
  append_json_string(out, name);
  out.push_back('}');
}

std::string document_symbols_text(const std::string& uri, const Transcript& transcript, const LineIndex& index,
                                  PositionEncoding encoding, bool hierarchical) {
  std::string out = "[";
  SymbolWriter writer{uri, transcript, index, encoding, hierarchical, out};
  OutlineWriter(writer, transcript, index).write();
  out.push_back(']');
  return out;
}

json document_symbols(const std::string& uri, const Transcript& transcript, const LineIndex& index,
                      PositionEncoding encoding, bool hierarchical) {
  return json::parse(document_symbols_text(uri, transcript, index, encoding, hierarchical));
}

std::string workspace_symbols_text(const std::vector<OpenDocumentView>& documents, std::string_view query,
                                   PositionEncoding encoding, std::size_t limit) {
  std::string needle(query);
  std::transform(needle.begin(), needle.end(), needle.begin(), ascii_lower);
  std::string out = "[";
  std::size_t count = 0;
  for (const OpenDocumentView& document : documents) {
    SymbolWriter writer{*document.uri, *document.transcript, *document.index, encoding, false, out, count == 0};
    for (const Pair& pair : document.transcript->pairs) {
      if (count >= limit) break;
      bool match = false;
      for (const auto* side : {&pair.translation, &pair.original}) {
        for (std::uint32_t line : *side) match = match || contains_nocase(document.index->line_text(line), needle);
      }
      if (match) {
        writer.add_pair(pair, pair.speaker);
        ++count;
      }
    }
  }
  out.push_back(']');
  return out;
}

json workspace_symbols(const std::vector<OpenDocumentView>& documents, std::string_view query,
                       PositionEncoding encoding, std::size_t limit) {
  return json::parse(workspace_symbols_text(documents, query, encoding, limit));
}

}  // namespace bitext::lsp
