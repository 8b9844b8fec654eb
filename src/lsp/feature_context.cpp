#include "lsp/feature_context.hpp"

#include "lsp/json_writer.hpp"

#include <algorithm>
#include <cstring>

namespace bitext::lsp {

namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// How many of a word's byte high bits are set, given only high bits may be
// (a multiply adds them up: portable builds have no popcount instruction).
std::size_t high_bits_set(std::uint64_t high_bits) {
  return static_cast<std::size_t>(((high_bits >> 7) * 0x0101010101010101ULL) >> 56);
}

// Code units of text[start, end), which must be valid UTF-8 that starts and
// ends on code point boundaries: UTF-8 counts bytes, UTF-32 the bytes that are
// not continuation bytes (10xxxxxx), UTF-16 those plus one per 4-byte lead
// (11110xxx, a surrogate pair). Eight bytes at a time.
std::uint32_t units_of_valid(std::string_view text, std::size_t start, std::size_t end, PositionEncoding encoding) {
  const std::size_t bytes = end - start;
  if (encoding == PositionEncoding::Utf8) return static_cast<std::uint32_t>(bytes);
  std::size_t continuations = 0;
  std::size_t four_byte_leads = 0;
  std::size_t at = start;
  for (; at + 8 <= end; at += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + at, 8);
    if ((word & kHighBits) == 0) continue;
    continuations += high_bits_set(word & ~(word << 1) & kHighBits);
    four_byte_leads += high_bits_set(word & (word << 1) & (word << 2) & (word << 3) & kHighBits);
  }
  for (; at < end; ++at) {
    const auto c = static_cast<unsigned char>(text[at]);
    continuations += (c & 0xC0) == 0x80;
    four_byte_leads += c >= 0xF0;
  }
  const std::size_t code_points = bytes - continuations;
  return static_cast<std::uint32_t>(encoding == PositionEncoding::Utf16 ? code_points + four_byte_leads : code_points);
}

// The position of `offset` on `line` (which contains it) as LineIndex::position_of
// gives it: clamped to the line's content, an offset inside a code point counted
// up to its start. Valid UTF-8 before `valid_until` is counted without decoding;
// a line with invalid bytes before the offset goes through the core.
Position position_on_line(const LineIndex& index, std::size_t line, std::size_t offset, std::size_t valid_until,
                          PositionEncoding encoding) {
  const std::string_view text = index.text();
  const std::size_t start = index.line_start(line);
  std::size_t clamped = std::min(offset, index.line_end(line));
  if (clamped >= valid_until && valid_until < text.size()) return index.position_of(offset, encoding);
  if (clamped < text.size())
    while (clamped > start && (static_cast<unsigned char>(text[clamped]) & 0xC0) == 0x80) --clamped;
  return Position{static_cast<std::uint32_t>(line), units_of_valid(text, start, clamped, encoding)};
}

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

PositionCursor::PositionCursor(const FeatureContext& context)
    : index_(context.index()), encoding_(context.caps.encoding), valid_until_(valid_until_of(context.analysis())) {}

Position PositionCursor::at(std::size_t offset) {
  offset = std::min(offset, index_.text().size());
  // A few lines either way of the last one, else a binary search.
  constexpr std::size_t kNear = 4;
  const std::size_t count = index_.line_count();
  auto contains = [&](std::size_t line) {
    return index_.line_start(line) <= offset && (line + 1 == count || offset < index_.line_start(line + 1));
  };
  bool found = false;
  const std::size_t from = line_ > kNear ? line_ - kNear : 0;
  for (std::size_t line = from; line < std::min(count, line_ + kNear + 1); ++line) {
    if (contains(line)) {
      line_ = line;
      found = true;
      break;
    }
  }
  if (!found) line_ = index_.line_of(offset);
  return position_on_line(index_, line_, offset, valid_until_, encoding_);
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
