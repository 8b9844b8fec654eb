#include "lsp/symbols.hpp"

#include <algorithm>
#include <cctype>

#include "lsp/feature_context.hpp"
#include "lsp/json_writer.hpp"
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

  void separate() {
    if (!first) out.push_back(',');
    first = false;
  }

  // One symbol; a hierarchical one is left open (no closing brace) when
  // `open_children`, for the caller to add children and close it.
  void write(std::string_view name, std::string_view detail, int kind, std::uint32_t first_line,
             std::uint32_t last_line, std::uint32_t selection, std::string_view container, bool open_children = false) {
    separate();
    Range range = lines_range(index, first_line, last_line, encoding);
    if (hierarchical) {
      if (open_children) {
        // "children" sorts first: the parent's own fields wait for close_parent().
        out += "{\"children\":[";
        pending = Pending{std::string(name), std::string(detail), kind, range, selection};
        first = true;
        return;
      }
      out.push_back('{');
      write_hierarchical_fields(name, detail, kind, range, selection);
      out.push_back('}');
      return;
    }
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

  struct Pending {
    std::string name, detail;
    int kind;
    Range range;
    std::uint32_t selection;
  };
  Pending pending{};  // the open speaker turn (turns do not nest)

  void close_parent() {
    out += "],";
    write_hierarchical_fields(pending.name, pending.detail, pending.kind, pending.range, pending.selection);
    out.push_back('}');
    first = false;
  }

  void add_matter(const std::vector<std::uint32_t>& lines, const char* name) {
    if (lines.empty()) return;
    write(name, matter_detail(lines), kSymbolModule, lines.front(), lines.back(), lines.front(), "");
  }

  void add_pair(const Pair& pair, std::string_view container) {
    write(pair_name(transcript, index, pair), "pair " + std::to_string(pair.index + 1), kSymbolString,
          pair.first_line(), pair.last_line(), selection_line(pair), container);
  }

  void add_pairs() {
    const auto& pairs = transcript.pairs;
    std::size_t i = 0;
    while (i < pairs.size()) {
      if (pairs[i].speaker.empty()) {
        add_pair(pairs[i], "");
        ++i;
        continue;
      }
      // A speaker turn: consecutive pairs of one speaker.
      std::size_t j = i;
      while (j < pairs.size() && pairs[j].speaker == pairs[i].speaker) ++j;
      const std::string& speaker = pairs[i].speaker;
      std::string detail = j - i == 1 ? "pair " + std::to_string(i + 1)
                                      : "pairs " + std::to_string(i + 1) + "–" + std::to_string(j);
      write(speaker, detail, kSymbolNamespace, pairs[i].first_line(), pairs[j - 1].last_line(), pairs[i].first_line(),
            "", hierarchical);
      for (std::size_t k = i; k < j; ++k) add_pair(pairs[k], speaker);
      if (hierarchical) close_parent();
      i = j;
    }
  }
};

char ascii_lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool contains_nocase(std::string_view haystack, std::string_view lowered_needle) {
  if (lowered_needle.empty()) return true;
  auto it = std::search(haystack.begin(), haystack.end(), lowered_needle.begin(), lowered_needle.end(),
                        [](char a, char b) { return ascii_lower(a) == b; });
  return it != haystack.end();
}

}  // namespace

std::string document_symbols_text(const std::string& uri, const Transcript& transcript, const LineIndex& index,
                                  PositionEncoding encoding, bool hierarchical) {
  std::string out = "[";
  SymbolWriter writer{uri, transcript, index, encoding, hierarchical, out};
  writer.add_matter(transcript.front_matter, "Front matter");
  writer.add_pairs();
  writer.add_matter(transcript.back_matter, "Back matter");
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
