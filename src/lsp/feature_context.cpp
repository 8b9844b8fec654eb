#include "lsp/feature_context.hpp"

#include "lsp/json_writer.hpp"

#include <algorithm>

namespace bitext::lsp {

namespace {

std::size_t valid_until_of(const Analysis& analysis) {
  return analysis.invalid_utf8_at().value_or(analysis.text().size());
}

}  // namespace

Range FeatureContext::range_of(std::size_t begin, std::size_t end) const {
  const LineIndex& idx = index();
  const std::size_t valid_until = valid_until_of(analysis());
  begin = std::min(begin, idx.text().size());
  end = std::min(end, idx.text().size());
  return Range{position_on_line(idx, idx.line_of(begin), begin, valid_until, caps.encoding),
               position_on_line(idx, idx.line_of(end), end, valid_until, caps.encoding)};
}

PositionCursor FeatureContext::position_cursor() const {
  return PositionCursor(index(), caps.encoding, valid_until_of(analysis()));
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
  if (info.kind == LineKind::Translation) return {pair->original.begin(), pair->original.end()};
  if (info.kind == LineKind::Original) return {pair->translation.begin(), pair->translation.end()};
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
