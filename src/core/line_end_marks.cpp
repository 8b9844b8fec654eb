#include "line_end_marks.hpp"

#include <algorithm>

#include "bitext/text.hpp"
#include "chars.hpp"
#include "line_facts.hpp"

namespace bitext::detail {
namespace {

// A letter, digit or comma-like mark at the end of a line: the sentence goes on.
bool continues_sentence(char32_t cp) {
  if (is_comma_like(cp)) return true;
  return (cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') ||
         (chars::is_cjk(cp) && !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0xFF00 && cp <= 0xFF65));
}

}  // namespace

bool is_quote_or_bracket(char32_t cp) { return chars::is_opening_mark(cp) || chars::is_closing_mark(cp); }

bool ends_sentence(char32_t cp) { return chars::is_sentence_end(cp) || cp == U'\u2026'; }

bool is_comma_like(char32_t cp) {
  switch (cp) {
    case U',': case U';': case U'-': case U'\u2014': case U'\u2013':
    case U'\uFF0C': case U'\u3001': case U'\uFF1B':
      return true;
    default:
      return false;
  }
}

char32_t last_mark(std::string_view line) {
  line = trim(line);
  std::size_t end = line.size();
  while (end > 0) {
    std::size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80 && end - start < 4) --start;
    const DecodedCodePoint decoded = decode_utf8(line, start);
    end = start;
    if (decoded.valid && is_quote_or_bracket(decoded.code_point)) continue;
    return decoded.code_point;
  }
  return 0;
}

bool ends_with_colon(std::string_view line) {
  const char32_t mark = last_mark(line);
  return mark == U':' || mark == U'\uFF1A';
}

bool ends_with_closing_bracket(std::string_view line) {
  line = trim(line);
  if (line.empty()) return false;
  std::size_t start = line.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80 && line.size() - start < 4) --start;
  const DecodedCodePoint decoded = decode_utf8(line, start);
  return decoded.valid && chars::is_closing_bracket(decoded.code_point);
}

bool ends_with_comma(std::string_view line) {
  const char32_t mark = last_mark(line);
  return mark == U',' || mark == U'\uFF0C';
}

std::size_t leading_comma_end(std::string_view line) {
  std::size_t at = 0;
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  if (at >= line.size()) return 0;
  const DecodedCodePoint first = decode_utf8(line, at);
  if (!first.valid || (first.code_point != U',' && first.code_point != U'\uFF0C')) return 0;
  std::size_t end = at + first.length;
  while (end < line.size() && (line[end] == ' ' || line[end] == '\t')) ++end;
  return end < line.size() ? end : 0;
}

bool is_aside(std::string_view text) {
  text = trim(text);
  if (text.empty()) return false;
  const DecodedCodePoint first = decode_utf8(text, 0);
  if (first.valid && chars::is_opening_bracket(first.code_point)) return true;
  for (std::size_t at = 0; at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    if (!decoded.valid) return false;
    const char32_t cp = decoded.code_point;
    if (chars::is_ascii_letter(cp) || chars::is_cjk(cp)) return false;
    at += decoded.length;
  }
  return true;
}

std::size_t leading_aside_end(std::string_view line) {
  std::size_t at = 0;
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  if (at >= line.size()) return 0;
  std::size_t end = 0;
  const DecodedCodePoint first = decode_utf8(line, at);
  if (first.valid && chars::is_opening_bracket(first.code_point)) {
    int depth = 0;
    for (std::size_t i = at; i < line.size();) {
      const DecodedCodePoint decoded = decode_utf8(line, i);
      i += std::max<std::size_t>(decoded.length, 1);
      depth += chars::is_opening_bracket(decoded.code_point) ? 1 : chars::is_closing_bracket(decoded.code_point) ? -1 : 0;
      if (depth == 0) {
        end = i;
        break;
      }
    }
  } else {
    std::size_t i = at;
    auto ascii_mark = [](unsigned char c) {
      return c > 0x20 && c < 0x7F && !chars::is_ascii_letter(c) && !chars::is_ascii_digit(c);
    };
    while (i < line.size() && ascii_mark(static_cast<unsigned char>(line[i]))) ++i;
    if (i - at >= 2 && (line[i - 1] == ')' || line[i - 1] == ']')) end = i;
  }
  if (end == 0) return 0;
  std::size_t rest = end;
  while (rest < line.size() && (line[rest] == ' ' || line[rest] == '\t')) ++rest;
  return rest < line.size() ? end : 0;
}

bool ends_inside_sentence(std::string_view line) {
  const char32_t last = last_mark(line);
  return last != 0 && !ends_sentence(last) && continues_sentence(last);
}

std::size_t footnote_mark_end(std::string_view text, std::size_t at) {
  if (at >= text.size() || text[at] != '[') return 0;
  std::size_t end = at + 1;
  while (end < text.size() && chars::is_ascii_digit(static_cast<unsigned char>(text[end]))) ++end;
  return end > at + 1 && end < text.size() && text[end] == ']' ? end + 1 : 0;
}

int glued_footnote_marks(std::string_view text) {
  int count = 0;
  for (std::size_t at = text.find('['); at != std::string_view::npos; at = text.find('[', at + 1)) {
    const std::size_t end = footnote_mark_end(text, at);
    if (end == 0 || end >= text.size()) continue;
    const char32_t next = decode_utf8(text, end).code_point;
    if (!chars::is_ascii_alnum(next) && !chars::is_han(next)) continue;
    const std::size_t before = at > 0 && text[at - 1] == ' ' ? at - 1 : at;
    if (before == 0) continue;
    count += chars::is_sentence_end(decode_utf8(text, code_point_start_before(text, before)).code_point) ? 1 : 0;
  }
  return count;
}

}  // namespace bitext::detail
