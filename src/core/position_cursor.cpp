#include "bitext/position_cursor.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace bitext {

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

}  // namespace

// Clamped to the line's content, an offset inside a code point counted up to
// its start; a line with invalid bytes before the offset is decoded by LineIndex.
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

}  // namespace bitext
