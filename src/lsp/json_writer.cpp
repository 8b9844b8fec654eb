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

void append_json_string(std::string& out, std::string_view value) {
  if (!all_ascii(value) && first_invalid_utf8(value)) {
    out += serialize(json(std::string(value)));  // rare: let nlohmann do the replacement
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t clean = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(value.data() + clean, i - clean);
    clean = i + 1;
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
