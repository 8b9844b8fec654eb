// Text and positions: UTF-8 decoding and a line index that converts byte
// offsets to and from (line, column) in UTF-8, UTF-16 or UTF-32 units.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bitext {

// How columns are counted. LSP defaults to UTF-16 code units.
enum class PositionEncoding : std::uint8_t { Utf8, Utf16, Utf32 };

// 0-based line and column; the column unit depends on the PositionEncoding.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  auto operator<=>(const Position&) const = default;
};

struct Range {
  Position start;
  Position end;
  bool operator==(const Range&) const = default;
};

// One decoded code point. Invalid or truncated sequences decode as U+FFFD
// with valid == false and length >= 1, so a loop over them always advances.
struct DecodedCodePoint {
  char32_t code_point = 0;
  std::uint8_t length = 0;  // bytes consumed, 1..4 (0 only at end of text)
  bool valid = false;
};
DecodedCodePoint decode_utf8_sequence(std::string_view text, std::size_t offset);  // at a non-ASCII byte
// (ASCII inline: the scanners call this for every code point of a document.)
inline DecodedCodePoint decode_utf8(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return {0, 0, false};
  const auto lead = static_cast<unsigned char>(text[offset]);
  if (lead < 0x80) return {lead, 1, true};
  // Three bytes led by E1..EC or EE..EF (most CJK) take any continuation
  // bytes: decoded here too. E0, ED and the other lengths are checked there.
  if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && text.size() - offset >= 3) {
    const auto second = static_cast<unsigned char>(text[offset + 1]);
    const auto third = static_cast<unsigned char>(text[offset + 2]);
    if ((second & 0xC0) == 0x80 && (third & 0xC0) == 0x80)
      return {char32_t(lead & 0x0F) << 12 | char32_t(second & 0x3F) << 6 | char32_t(third & 0x3F), 3, true};
  }
  return decode_utf8_sequence(text, offset);
}

// Byte offset where the code point that ends at byte `at` begins (0 < at <= text.size()).
inline std::size_t code_point_start_before(std::string_view text, std::size_t at) {
  std::size_t start = at - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return start;
}

// Appends the UTF-8 encoding of a code point (at most U+10FFFF, not a surrogate).
void append_utf8(std::string& out, char32_t code_point);

// Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates
// and values above U+10FFFF are invalid), or nullopt when the text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// A code point with its byte span [begin, end). Invalid bytes decode as U+FFFD.
struct CodePointSpan {
  char32_t c = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};
// Every code point of `text` in order; the spans tile the text exactly.
std::vector<CodePointSpan> decode_code_points(std::string_view text);

// Number of code units `text` takes in `encoding` (invalid bytes count as one
// unit each, as U+FFFD would).
std::size_t code_units(std::string_view text, PositionEncoding encoding);

// A line number that stands for no line (as in "the old line of this new
// line": none, the line is new or changed).
inline constexpr std::uint32_t kNoLine = 0xFFFFFFFFu;

// Line starts of a text. Line ends are "\n", "\r\n" or a lone "\r". A text of
// N line ends has N + 1 lines (the last one may be empty), as in LSP.
// The index keeps a view of the text: the text must outlive it and not move.
struct CommonEnds;

class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);
  // LineIndex(text) for a text that shares `ends` with the one `previous`
  // indexes: only the changed middle is scanned, the other lines' starts are
  // the previous index's, moved (an edit of a 10 MB document otherwise reads
  // every byte again to find its lines).
  LineIndex(std::string_view text, const LineIndex& previous, const CommonEnds& ends);
  // Same text, same lines (for tests).
  friend bool operator==(const LineIndex&, const LineIndex&) = default;
  // An index whose "lines" are the given byte ranges of `text` (a layout's
  // text units, layout.hpp), in order and non-overlapping, so that pairing and
  // checks read a wrapped paragraph or a cue's lines of one language as one
  // line while every offset stays one of the document. `document_lines` holds
  // the document line each range starts on (for messages); `separator` is what
  // a fix inserts between two ranges. position_of/offset_of are meaningless
  // on such an index.
  static LineIndex of_ranges(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                             std::vector<std::uint32_t> document_lines, std::string separator);
  bool of_ranges() const { return ranged_; }
  // The document line a line of this index starts on (itself for a plain index).
  std::uint32_t document_line(std::size_t line) const {
    return ranged_ ? (line < document_lines_.size() ? document_lines_[line] : 0) : static_cast<std::uint32_t>(line);
  }
  const std::string& separator() const { return separator_; }

  std::string_view text() const { return text_; }
  std::size_t line_count() const { return starts_.size(); }
  // Inline: analysis and publishing call these for every line of large documents.
  // Byte offset of the line's first byte (the text's size past the last line).
  std::size_t line_start(std::size_t line) const { return line < starts_.size() ? starts_[line] : text_.size(); }
  // Byte offset just past the line's content (before its line end).
  // (Without reading the text: a large document's lines are not in cache.)
  std::size_t line_end(std::size_t line) const {
    if (ranged_) return line < ends_.size() ? ends_[line] : text_.size();
    if (line + 1 >= starts_.size()) return text_.size();
    return ends_.empty() ? starts_[line + 1] - 1 : ends_[line];
  }
  // The line's content without its line end.
  std::string_view line_text(std::size_t line) const {
    const std::size_t start = line_start(line);
    return text_.substr(start, line_end(line) - start);
  }
  std::size_t line_of(std::size_t offset) const;   // line containing byte offset (clamped)

  // Offset to position: offsets past the end clamp to the end of the text; an
  // offset inside a code point or a "\r\n" snaps back to its start.
  Position position_of(std::size_t offset, PositionEncoding encoding) const;
  // Position to offset: a line past the last clamps to the end of the text, a
  // column past the end of its line clamps to the line's end, a column inside
  // a surrogate pair or multi-byte sequence snaps back to its start.
  std::size_t offset_of(Position position, PositionEncoding encoding) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_{0};
  std::vector<std::size_t> ends_;  // content end of each line but the last; empty when every line end is "\n"
  bool ranged_ = false;            // of_ranges: ends_ has every line's end
  std::vector<std::uint32_t> document_lines_;
  std::string separator_;
};

// The bytes two versions of a text share at their start and at their end:
// what an edit left alone. Work that depends only on bytes inside either can
// be taken from the old version without comparing them again.
struct CommonEnds {
  std::size_t prefix = 0;    // bytes [0, prefix) are the same in both
  std::size_t suffix = 0;    // so are the last `suffix` bytes; prefix + suffix <= either size
  std::size_t old_size = 0;
  std::size_t new_size = 0;

  // Where new bytes [begin, end) were in the old text, if they lie in the
  // common start or the common end (and so are unchanged).
  std::optional<std::size_t> old_begin(std::size_t begin, std::size_t end) const {
    if (begin > end) return std::nullopt;
    if (end <= prefix) return begin;
    if (begin >= new_size - suffix && end <= new_size) return begin - new_size + old_size;
    return std::nullopt;
  }
};
CommonEnds common_ends(std::string_view old_text, std::string_view text);
// The bytes a text A shares with a text C, knowing what A shares with B
// (`first`) and B with C (`second`): what both keep (nothing when the sizes
// say that `second` does not start from `first`'s text).
CommonEnds through(const CommonEnds& first, const CommonEnds& second);
// The same, told bytes the caller knows the texts share (`known.prefix` at the
// start, `known.suffix` at the end: where an edit was made), which it does not
// compare again; the result is the same as without them if they are true.
CommonEnds common_ends(std::string_view old_text, std::string_view text, const CommonEnds& known);

}  // namespace bitext
