#include "lsp/long_strings.hpp"

#include <algorithm>
#include <cstring>

namespace bitext::lsp {
namespace {

bool in_range(unsigned char byte, unsigned char low, unsigned char high) { return byte >= low && byte <= high; }

// Length of the well-formed UTF-8 sequence at raw[i] (Unicode table 3-7), 0 if ill-formed.
std::size_t utf8_sequence(std::string_view raw, std::size_t i) {
  auto at = [&](std::size_t k) { return i + k < raw.size() ? static_cast<unsigned char>(raw[i + k]) : 0; };
  const unsigned char lead = at(0);
  auto tail = [&](std::size_t count, unsigned char second_low, unsigned char second_high) -> std::size_t {
    if (!in_range(at(1), second_low, second_high)) return 0;
    for (std::size_t k = 2; k <= count; ++k)
      if (!in_range(at(k), 0x80, 0xBF)) return 0;
    return count + 1;
  };
  if (in_range(lead, 0xC2, 0xDF)) return tail(1, 0x80, 0xBF);
  if (lead == 0xE0) return tail(2, 0xA0, 0xBF);
  if (in_range(lead, 0xE1, 0xEC) || in_range(lead, 0xEE, 0xEF)) return tail(2, 0x80, 0xBF);
  if (lead == 0xED) return tail(2, 0x80, 0x9F);
  if (lead == 0xF0) return tail(3, 0x90, 0xBF);
  if (in_range(lead, 0xF1, 0xF3)) return tail(3, 0x80, 0xBF);
  if (lead == 0xF4) return tail(3, 0x80, 0x8F);
  return 0;
}

std::optional<unsigned> hex4(std::string_view raw, std::size_t i) {
  if (i + 4 > raw.size()) return std::nullopt;
  unsigned value = 0;
  for (std::size_t k = i; k < i + 4; ++k) {
    const char c = raw[k];
    unsigned digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<unsigned>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      digit = static_cast<unsigned>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
    value = value * 16 + digit;
  }
  return value;
}

std::size_t utf8_length(unsigned code_point) {
  return code_point < 0x80 ? 1 : code_point < 0x800 ? 2 : code_point < 0x10000 ? 3 : 4;
}

void put_utf8(char*& out, unsigned cp) {
  auto put = [&](unsigned byte) { *out++ = static_cast<char>(byte); };
  if (cp < 0x80) {
    put(cp);
  } else if (cp < 0x800) {
    put(0xC0 | (cp >> 6));
    put(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    put(0xE0 | (cp >> 12));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  } else {
    put(0xF0 | (cp >> 18));
    put(0x80 | ((cp >> 12) & 0x3F));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  }
}

// Decodes the inside of a string literal (between its quotes). Measures only
// when `out` is null (the first pass, so that the value is allocated once at
// its exact size). Returns the decoded length, nullopt if the literal is invalid.
std::optional<std::size_t> decode(std::string_view raw, char* out) {
  std::size_t length = 0;
  std::size_t i = 0;
  while (i < raw.size()) {
    const auto byte = static_cast<unsigned char>(raw[i]);
    if (byte < 0x20) return std::nullopt;
    if (byte < 0x80 && byte != '\\') {
      // A run of plain ASCII: copied as is.
      std::size_t end = i + 1;
      while (end < raw.size()) {
        const auto next = static_cast<unsigned char>(raw[end]);
        if (next < 0x20 || next >= 0x80 || next == '\\') break;
        ++end;
      }
      if (out) out = std::copy(raw.data() + i, raw.data() + end, out);
      length += end - i;
      i = end;
      continue;
    }
    if (byte >= 0x80) {
      const std::size_t n = utf8_sequence(raw, i);
      if (n == 0) return std::nullopt;
      if (out) out = std::copy(raw.data() + i, raw.data() + i + n, out);
      length += n;
      i += n;
      continue;
    }
    // An escape.
    if (i + 1 >= raw.size()) return std::nullopt;
    const char kind = raw[i + 1];
    char simple = 0;
    switch (kind) {
      case '"': simple = '"'; break;
      case '\\': simple = '\\'; break;
      case '/': simple = '/'; break;
      case 'b': simple = '\b'; break;
      case 'f': simple = '\f'; break;
      case 'n': simple = '\n'; break;
      case 'r': simple = '\r'; break;
      case 't': simple = '\t'; break;
      case 'u': break;
      default: return std::nullopt;
    }
    if (kind != 'u') {
      if (out) *out++ = simple;
      ++length;
      i += 2;
      continue;
    }
    auto unit = hex4(raw, i + 2);
    if (!unit) return std::nullopt;
    unsigned code_point = *unit;
    i += 6;
    if (code_point >= 0xDC00 && code_point <= 0xDFFF) return std::nullopt;  // a low surrogate alone
    if (code_point >= 0xD800 && code_point <= 0xDBFF) {
      if (i + 1 >= raw.size() || raw[i] != '\\' || raw[i + 1] != 'u') return std::nullopt;
      auto low = hex4(raw, i + 2);
      if (!low || *low < 0xDC00 || *low > 0xDFFF) return std::nullopt;
      code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
      i += 6;
    }
    if (out) put_utf8(out, code_point);
    length += utf8_length(code_point);
  }
  return length;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::optional<LiftedMessage> lift_long_strings(std::string_view message, std::size_t min_literal_bytes) {
  LiftedMessage lifted;
  std::size_t copied = 0;  // message bytes before this are in lifted.rest
  std::size_t literal = 0;
  std::size_t i = 0;
  while (i < message.size()) {
    if (message[i] != '"') {
      ++i;
      continue;
    }
    const std::size_t open = i;
    // The closing quote: the first one after an even run of backslashes (a
    // run that starts after a character no escape consumed).
    std::size_t close = open + 1;
    for (;;) {
      const void* quote = std::memchr(message.data() + close, '"', message.size() - close);
      if (quote == nullptr) {
        close = message.size();
        break;
      }
      close = static_cast<std::size_t>(static_cast<const char*>(quote) - message.data());
      std::size_t backslashes = 0;
      while (close - backslashes > open + 1 && message[close - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) break;
      ++close;
    }
    if (close >= message.size()) break;  // unterminated: the parser reports it
    i = close + 1;
    const std::size_t index = literal++;
    if (close + 1 - open < min_literal_bytes) continue;
    std::size_t after = close + 1;
    while (after < message.size() && is_space(message[after])) ++after;
    if (after < message.size() && message[after] == ':') continue;  // a key
    const std::string_view raw = message.substr(open + 1, close - open - 1);
    const std::optional<std::size_t> length = decode(raw, nullptr);
    if (!length) continue;
    LiftedString& string = lifted.strings.emplace_back();
    string.literal = index;
    string.value.resize(*length);
    decode(raw, string.value.data());
    lifted.rest.append(message.substr(copied, open - copied)).append("\"\"");
    copied = close + 1;
  }
  if (lifted.strings.empty()) return std::nullopt;
  lifted.rest.append(message.substr(copied));
  return lifted;
}

}  // namespace bitext::lsp
