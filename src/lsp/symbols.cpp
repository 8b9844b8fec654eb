#include "lsp/symbols.hpp"

#include <algorithm>
#include <cctype>

#include "lsp/feature_context.hpp"
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

struct SymbolBuilder {
  const std::string& uri;
  const Transcript& transcript;
  const LineIndex& index;
  PositionEncoding encoding;
  bool hierarchical;
  json out = json::array();

  json make(std::string name, std::string detail, int kind, std::uint32_t first, std::uint32_t last,
            std::uint32_t selection, const std::string& container) const {
    Range range = lines_range(index, first, last, encoding);
    if (hierarchical) {
      return json{{"name", std::move(name)},
                  {"detail", std::move(detail)},
                  {"kind", kind},
                  {"range", range},
                  {"selectionRange", lines_range(index, selection, selection, encoding)}};
    }
    json symbol{{"name", std::move(name)}, {"kind", kind}, {"location", {{"uri", uri}, {"range", range}}}};
    if (!container.empty()) symbol["containerName"] = container;
    return symbol;
  }

  void add_matter(const std::vector<std::uint32_t>& lines, const char* name) {
    if (lines.empty()) return;
    out.push_back(make(name, matter_detail(lines), kSymbolModule, lines.front(), lines.back(), lines.front(), ""));
  }

  json pair_symbol(const Pair& pair, const std::string& container) const {
    return make(pair_name(transcript, index, pair), "pair " + std::to_string(pair.index + 1), kSymbolString,
                pair.first_line(), pair.last_line(), selection_line(pair), container);
  }

  void add_pairs() {
    const auto& pairs = transcript.pairs;
    std::size_t i = 0;
    while (i < pairs.size()) {
      if (pairs[i].speaker.empty()) {
        out.push_back(pair_symbol(pairs[i], ""));
        ++i;
        continue;
      }
      // A speaker turn: consecutive pairs of one speaker.
      std::size_t j = i;
      while (j < pairs.size() && pairs[j].speaker == pairs[i].speaker) ++j;
      const std::string& speaker = pairs[i].speaker;
      std::string detail = j - i == 1 ? "pair " + std::to_string(i + 1)
                                      : "pairs " + std::to_string(i + 1) + "–" + std::to_string(j);
      if (hierarchical) {
        json turn = make(speaker, detail, kSymbolNamespace, pairs[i].first_line(), pairs[j - 1].last_line(),
                         pairs[i].first_line(), "");
        json children = json::array();
        for (std::size_t k = i; k < j; ++k) children.push_back(pair_symbol(pairs[k], speaker));
        turn["children"] = std::move(children);
        out.push_back(std::move(turn));
      } else {
        out.push_back(make(speaker, detail, kSymbolNamespace, pairs[i].first_line(), pairs[j - 1].last_line(),
                           pairs[i].first_line(), ""));
        for (std::size_t k = i; k < j; ++k) out.push_back(pair_symbol(pairs[k], speaker));
      }
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

json document_symbols(const std::string& uri, const Transcript& transcript, const LineIndex& index,
                      PositionEncoding encoding, bool hierarchical) {
  SymbolBuilder builder{uri, transcript, index, encoding, hierarchical};
  builder.add_matter(transcript.front_matter, "Front matter");
  builder.add_pairs();
  builder.add_matter(transcript.back_matter, "Back matter");
  return std::move(builder.out);
}

json workspace_symbols(const std::vector<OpenDocumentView>& documents, std::string_view query,
                       PositionEncoding encoding, std::size_t limit) {
  std::string needle(query);
  std::transform(needle.begin(), needle.end(), needle.begin(), ascii_lower);
  json out = json::array();
  for (const OpenDocumentView& document : documents) {
    SymbolBuilder builder{*document.uri, *document.transcript, *document.index, encoding, false};
    for (const Pair& pair : document.transcript->pairs) {
      if (out.size() >= limit) return out;
      bool match = false;
      for (const auto* side : {&pair.translation, &pair.original}) {
        for (std::uint32_t line : *side) match = match || contains_nocase(document.index->line_text(line), needle);
      }
      if (match) out.push_back(builder.pair_symbol(pair, pair.speaker));
    }
  }
  return out;
}

}  // namespace bitext::lsp
