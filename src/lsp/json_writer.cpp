#include "lsp/json_writer.hpp"

#include <charconv>
#include <cstring>

#include "lsp/jsonrpc.hpp"

namespace bitext::lsp {

bool all_ascii(std::string_view bytes) {
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    if (word & 0x8080808080808080ull) return false;
  }
  for (; i < bytes.size(); ++i) {
    if (static_cast<unsigned char>(bytes[i]) >= 0x80) return false;
  }
  return true;
}

namespace {

// Whether any of the eight bytes at `bytes` is below 0x20, '"' or '\\' (the
// bit tricks "has a byte less than n" and "has a zero byte", exact as a whole).
bool needs_escape(const char* bytes) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::uint64_t word;
  std::memcpy(&word, bytes, 8);
  auto has_zero = [&](std::uint64_t v) { return ((v - kOnes) & ~v & kHigh) != 0; };
  const bool control = ((word - kOnes * 0x20) & ~word & kHigh) != 0;
  return control || has_zero(word ^ (kOnes * '"')) || has_zero(word ^ (kOnes * '\\'));
}

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
  if (!all_ascii(value) && first_invalid_utf8(value)) {
    out += serialize(json(std::string(value)));  // rare: let nlohmann do the replacement
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t clean = 0;  // start of the run not yet copied
  std::size_t i = 0;
  for (;;) {
    // Skip eight bytes at a time while none is a control character, '"' or '\\'.
    while (i + 8 <= value.size() && !needs_escape(value.data() + i)) i += 8;
    if (i >= value.size()) break;
    auto c = static_cast<unsigned char>(value[i++]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(value.data() + clean, i - 1 - clean);
    clean = i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(value.data() + clean, value.size() - clean);
  out.push_back('"');
}

void append_json_int(std::string& out, std::int64_t value) {
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void append_json_position(std::string& out, Position position) {
  out += "{\"character\":";
  append_json_int(out, position.character);
  out += ",\"line\":";
  append_json_int(out, position.line);
  out.push_back('}');
}

void append_json_range(std::string& out, const Range& range) {
  out += "{\"end\":";
  append_json_position(out, range.end);
  out += ",\"start\":";
  append_json_position(out, range.start);
  out.push_back('}');
}

}  // namespace bitext::lsp
