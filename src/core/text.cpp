#include "bitext/text.hpp"

#include <algorithm>
#include <cstring>

namespace bitext {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

std::size_t units_of(const DecodedCodePoint& decoded, PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8:
      return decoded.length;
    case PositionEncoding::Utf16:
      return decoded.code_point >= 0x10000 ? 2 : 1;
    case PositionEncoding::Utf32:
      return 1;
  }
  return 1;
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

DecodedCodePoint decode_utf8_sequence(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return {0, 0, false};
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t available = text.size() - offset;
  const unsigned char lead = bytes[offset];
  if (lead < 0x80) return {lead, 1, true};

  // Allowed range of the second byte depends on the lead (Unicode table 3-7);
  // this rejects overlong forms, surrogates and values above U+10FFFF.
  std::size_t length = 0;
  unsigned char second_low = 0x80, second_high = 0xBF;
  char32_t value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0F;
    if (lead == 0xE0) second_low = 0xA0;
    if (lead == 0xED) second_high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07;
    if (lead == 0xF0) second_low = 0x90;
    if (lead == 0xF4) second_high = 0x8F;
  } else {
    return {kReplacement, 1, false};
  }

  // On a bad or missing continuation byte, consume the maximal valid prefix
  // (at least the lead), as the U+FFFD substitution practice recommends.
  for (std::size_t i = 1; i < length; ++i) {
    if (i >= available) return {kReplacement, static_cast<std::uint8_t>(i), false};
    const unsigned char byte = bytes[offset + i];
    const unsigned char low = i == 1 ? second_low : 0x80;
    const unsigned char high = i == 1 ? second_high : 0xBF;
    if (byte < low || byte > high) return {kReplacement, static_cast<std::uint8_t>(i), false};
    value = (value << 6) | (byte & 0x3F);
  }
  return {value, static_cast<std::uint8_t>(length), true};
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  std::size_t offset = 0;
  const std::size_t size = text.size();
  while (offset < size) {
    // Skip ASCII eight bytes at a time.
    if (offset + 8 <= size) {
      std::uint64_t chunk;
      std::memcpy(&chunk, text.data() + offset, 8);
      if ((chunk & 0x8080808080808080ULL) == 0) {
        offset += 8;
        continue;
      }
    }
    const DecodedCodePoint decoded = decode_utf8(text, offset);
    if (!decoded.valid) return offset;
    offset += decoded.length;
  }
  return std::nullopt;
}

std::vector<CodePointSpan> decode_code_points(std::string_view text) {
  std::vector<CodePointSpan> spans;
  spans.reserve(text.size());
  for (std::size_t offset = 0; offset < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, offset);
    spans.push_back({decoded.code_point, offset, offset + decoded.length});
    offset += decoded.length;
  }
  return spans;
}

std::size_t code_units(std::string_view text, PositionEncoding encoding) {
  if (encoding == PositionEncoding::Utf8) return text.size();
  std::size_t units = 0;
  for (std::size_t offset = 0; offset < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, offset);
    units += units_of(decoded, encoding);
    offset += decoded.length;
  }
  return units;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  const char* data = text.data();
  const std::size_t size = text.size();
  starts_.reserve(size / 64 + 1);
  if (std::memchr(data, '\r', size) == nullptr) {
    // Common case: "\n" only, found with memchr.
    for (const char* p = data; (p = static_cast<const char*>(std::memchr(p, '\n', data + size - p)));) {
      ++p;
      starts_.push_back(static_cast<std::size_t>(p - data));
    }
  } else {
    ends_.reserve(size / 64 + 1);
    for (std::size_t i = 0; i < size; ++i) {
      if (data[i] == '\n') {
        ends_.push_back(i);
        starts_.push_back(i + 1);
      } else if (data[i] == '\r') {
        ends_.push_back(i);
        if (i + 1 < size && data[i + 1] == '\n') ++i;
        starts_.push_back(i + 1);
      }
    }
  }
  // The index lives as long as the document's analysis: not the guess above
  // (a 10 MB document of 300-byte lines would keep 1 MB it never uses).
  starts_.shrink_to_fit();
  ends_.shrink_to_fit();
}

LineIndex::LineIndex(std::string_view text, const LineIndex& previous, const CommonEnds& ends) {
  const std::size_t size = text.size();
  const std::size_t old_size = previous.text_.size();
  const bool fits = !previous.ranged_ && previous.ends_.empty() && ends.old_size == old_size &&
                    ends.new_size == size && ends.prefix + ends.suffix <= std::min(size, old_size);
  const std::size_t middle_end = size - ends.suffix;
  // A "\r" in the new bytes makes every line end count (the previous text had none).
  if (!fits || std::memchr(text.data() + ends.prefix, '\r', middle_end - ends.prefix) != nullptr) {
    *this = LineIndex(text);
    return;
  }
  text_ = text;
  const std::vector<std::size_t>& old = previous.starts_;
  // Lines whose preceding "\n" lies in the common start, then those whose "\n" lies in the common end.
  const auto prefix_end = std::upper_bound(old.begin(), old.end(), ends.prefix);
  const auto suffix_begin = std::lower_bound(prefix_end, old.end(), old_size - ends.suffix + 1);
  std::vector<std::size_t> middle;
  const char* data = text.data();
  for (const char* p = data + ends.prefix;
       (p = static_cast<const char*>(std::memchr(p, '\n', data + middle_end - p)));) {
    ++p;
    middle.push_back(static_cast<std::size_t>(p - data));
  }
  starts_.clear();
  starts_.reserve(static_cast<std::size_t>(prefix_end - old.begin()) + middle.size() +
                  static_cast<std::size_t>(old.end() - suffix_begin));
  starts_.insert(starts_.end(), old.begin(), prefix_end);
  starts_.insert(starts_.end(), middle.begin(), middle.end());
  for (auto start = suffix_begin; start != old.end(); ++start) starts_.push_back(*start - old_size + size);
}

LineIndex LineIndex::of_ranges(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                               std::vector<std::uint32_t> document_lines, std::string separator) {
  LineIndex index;
  index.text_ = text;
  index.ranged_ = true;
  index.starts_.clear();
  index.starts_.reserve(ranges.size());
  index.ends_.reserve(ranges.size());
  for (const auto& [begin, end] : ranges) {
    index.starts_.push_back(begin);
    index.ends_.push_back(end);
  }
  index.document_lines_ = std::move(document_lines);
  index.separator_ = std::move(separator);
  return index;
}

std::size_t LineIndex::line_of(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
  if (after == starts_.begin()) return 0;  // a ranged index whose first range starts later
  return static_cast<std::size_t>(after - starts_.begin()) - 1;
}

namespace {
// Code units from `at` (a code point's start) up to `offset`; `at` is left
// where the count stopped (`offset`, or the start of a code point it is inside).
std::size_t units_up_to(std::string_view text, std::size_t& at, std::size_t offset, PositionEncoding encoding) {
  std::size_t units = 0;
  while (at < offset) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    if (at + decoded.length > offset) break;  // offset inside this code point
    units += units_of(decoded, encoding);
    at += decoded.length;
  }
  return units;
}
}  // namespace

Position LineIndex::position_of(std::size_t offset, PositionEncoding encoding) const {
  offset = std::min(offset, text_.size());
  const std::size_t line = line_of(offset);
  std::size_t at = starts_[line];
  const std::size_t units = units_up_to(text_, at, std::min(offset, line_end(line)), encoding);
  return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(units)};
}

std::size_t LineIndex::offset_of(Position position, PositionEncoding encoding) const {
  if (position.line >= starts_.size()) return text_.size();
  const std::size_t start = starts_[position.line];
  const std::size_t end = line_end(position.line);
  std::size_t units = 0;
  std::size_t at = start;
  while (at < end) {
    const DecodedCodePoint decoded = decode_utf8(text_, at);
    const std::size_t next_units = units + units_of(decoded, encoding);
    if (next_units > position.character) break;
    units = next_units;
    at += decoded.length;
  }
  return at;
}

CommonEnds common_ends(std::string_view old_text, std::string_view text) { return common_ends(old_text, text, {}); }

CommonEnds through(const CommonEnds& first, const CommonEnds& second) {
  CommonEnds ends;
  ends.old_size = first.old_size;
  ends.new_size = second.new_size;
  if (first.new_size != second.old_size) return ends;
  ends.prefix = std::min(first.prefix, second.prefix);
  ends.suffix = std::min(first.suffix, second.suffix);
  return ends;
}

CommonEnds common_ends(std::string_view old_text, std::string_view text, const CommonEnds& known) {
  // Compared a page at a time with memcmp first: an edit changes a few bytes of megabytes.
  // The known ends are where the comparisons start: the bytes before are equal.
  constexpr std::size_t kBlock = 4096;
  const std::size_t limit = std::min(old_text.size(), text.size());
  CommonEnds ends;
  ends.old_size = old_text.size();
  ends.new_size = text.size();
  std::size_t& prefix = ends.prefix;
  prefix = std::min(known.prefix, limit);
  while (prefix + kBlock <= limit && std::memcmp(old_text.data() + prefix, text.data() + prefix, kBlock) == 0)
    prefix += kBlock;
  while (prefix < limit && old_text[prefix] == text[prefix]) ++prefix;
  const std::size_t suffix_limit = limit - prefix;
  std::size_t& suffix = ends.suffix;
  suffix = std::min(known.suffix, suffix_limit);
  const char* const old_end = old_text.data() + old_text.size();
  const char* const end = text.data() + text.size();
  while (suffix + kBlock <= suffix_limit && std::memcmp(old_end - suffix - kBlock, end - suffix - kBlock, kBlock) == 0)
    suffix += kBlock;
  while (suffix < suffix_limit && *(old_end - suffix - 1) == *(end - suffix - 1)) ++suffix;
  return ends;
}

}  // namespace bitext
