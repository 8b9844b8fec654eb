#include "lsp/feature_context.hpp"

#include "lsp/json_writer.hpp"

#include <algorithm>

namespace bitext::lsp {

namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Code units of the valid UTF-8 in text[start, offset) as LineIndex::position_of
// counts them (an offset inside a code point counts up to its start), or -1 at
// the first byte that does not begin a valid sequence (the caller then lets the
// core decide what invalid bytes count as).
long units_if_valid(std::string_view text, std::size_t start, std::size_t offset, PositionEncoding encoding) {
  long units = 0;
  std::size_t at = start;
  while (at < offset) {
    auto c = static_cast<unsigned char>(text[at]);
    std::size_t length;
    if (c < 0x80) {
      length = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
    } else {
      return -1;
    }
    if (at + length > text.size()) return -1;
    for (std::size_t k = 1; k < length; ++k) {
      if (!continuation(static_cast<unsigned char>(text[at + k]))) return -1;
    }
    auto second = static_cast<unsigned char>(length > 1 ? text[at + 1] : 0);
    if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second >= 0xA0) || (c == 0xF0 && second < 0x90) ||
        (c == 0xF4 && second >= 0x90)) {
      return -1;  // overlong, surrogate or beyond U+10FFFF
    }
    if (at + length > offset) break;  // offset inside this code point
    units += encoding == PositionEncoding::Utf8 ? static_cast<long>(length)
             : encoding == PositionEncoding::Utf16 && length == 4 ? 2
                                                                  : 1;
    at += length;
  }
  return units;
}

// LineIndex::position_of without its per-code-point decoding calls: publishing
// converts two or more offsets per finding, most at the end of long lines.
Position fast_position_of(const LineIndex& index, std::size_t offset, PositionEncoding encoding) {
  std::string_view text = index.text();
  offset = std::min(offset, text.size());
  std::size_t line = index.line_of(offset);
  std::size_t start = index.line_start(line);
  std::size_t clamped = std::min(offset, index.line_end(line));
  std::string_view prefix = text.substr(start, clamped - start);
  if (all_ascii(prefix)) return Position{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(prefix.size())};
  long units = units_if_valid(text, start, clamped, encoding);
  if (units < 0) return index.position_of(offset, encoding);
  return Position{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(units)};
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
