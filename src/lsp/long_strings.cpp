#include "lsp/long_strings.hpp"

#include <cstring>

#include "bitext/text.hpp"
#include "lsp/text_buffer.hpp"

namespace bitext::lsp {
namespace {

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

// Decodes the inside of a string literal (between its quotes), appending to
// `out`. Measures only when `out` is null (the first pass, so that the value
// is allocated once at its exact size). Returns the decoded length, nullopt if
// the literal is invalid.
std::optional<std::size_t> decode(std::string_view raw, std::string* out) {
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
      if (out) out->append(raw.data() + i, end - i);
      length += end - i;
      i = end;
      continue;
    }
    if (byte >= 0x80) {
      const DecodedCodePoint sequence = decode_utf8_sequence(raw, i);
      if (!sequence.valid) return std::nullopt;
      const std::size_t n = sequence.length;
      if (out) out->append(raw.data() + i, n);
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
      if (out) out->push_back(simple);
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
    if (out) append_utf8(*out, code_point);
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
    string.value.reserve(text_buffer_capacity(*length));  // a document's text, which edits copy (text_buffer.hpp)
    decode(raw, &string.value);
    lifted.rest.append(message.substr(copied, open - copied)).append("\"\"");
    copied = close + 1;
  }
  if (lifted.strings.empty()) return std::nullopt;
  lifted.rest.append(message.substr(copied));
  return lifted;
}

}  // namespace bitext::lsp
