#include "lsp/feature_context.hpp"

#include "lsp/json_writer.hpp"

#include <algorithm>

namespace bitext::lsp {

namespace {

// LineIndex::position_of, without decoding when the line up to `offset` is
// ASCII (a column is then its byte count in every encoding): publishing
// converts two or more offsets per finding, most at the end of long lines.
Position fast_position_of(const LineIndex& index, std::size_t offset, PositionEncoding encoding) {
  std::string_view text = index.text();
  offset = std::min(offset, text.size());
  std::size_t line = index.line_of(offset);
  std::size_t start = index.line_start(line);
  std::size_t clamped = std::min(offset, index.line_end(line));
  if (all_ascii(text.substr(start, clamped - start))) {
    return Position{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(clamped - start)};
  }
  return index.position_of(offset, encoding);
}

}  // namespace

Range FeatureContext::range_of(std::size_t begin, std::size_t end) const {
  const LineIndex& idx = index();
  return Range{fast_position_of(idx, begin, caps.encoding), fast_position_of(idx, end, caps.encoding)};
}

Range FeatureContext::line_range(std::uint32_t line) const {
  const LineIndex& idx = index();
  return range_of(idx.line_start(line), idx.line_end(line));
}

json FeatureContext::location(std::size_t begin, std::size_t end) const {
  return json{{"uri", uri}, {"range", range_of(begin, end)}};
}

std::size_t FeatureContext::offset_of(Position position) const {
  return index().offset_of(position, caps.encoding);
}

std::uint32_t FeatureContext::line_at(Position position) const {
  auto last = static_cast<std::uint32_t>(index().line_count() - 1);
  return std::min(position.line, last);
}

std::vector<std::uint32_t> partner_lines(const Transcript& transcript, std::uint32_t line) {
  if (line >= transcript.lines.size()) return {};
  const TranscriptLine& info = transcript.lines[line];
  const Pair* pair = transcript.pair_of_line(line);
  if (pair == nullptr) return {};
  if (info.kind == LineKind::Translation) return pair->original;
  if (info.kind == LineKind::Original) return pair->translation;
  return {};
}

std::string pair_name(const Transcript& transcript, const LineIndex& index, const Pair& pair) {
  (void)transcript;
  for (const auto* side : {&pair.translation, &pair.original}) {
    for (std::uint32_t line : *side) {
      std::string name = preview(index.line_text(line));
      if (!name.empty()) return name;
    }
  }
  return "Pair " + std::to_string(pair.index + 1);
}

bool kind_matches(std::string_view kind, std::string_view filter) {
  if (filter.empty()) return false;
  return kind == filter || (kind.size() > filter.size() && kind.substr(0, filter.size()) == filter &&
                            kind[filter.size()] == '.');
}

}  // namespace bitext::lsp
