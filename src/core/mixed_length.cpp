// Lengths without carried-over text (mixed_length.hpp).
#include "bitext/mixed_length.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "bitext/text.hpp"
#include "chars.hpp"

namespace bitext {
namespace {

using chars::is_ascii_alnum;
bool is_latin_letter(char32_t c) { return is_ascii_alnum(c) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7); }
bool is_ascii_inner(char32_t c) { return c >= 0x20 && c < 0x7F && !is_ascii_alnum(c); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

// Where `piece` occurs in `text` (ASCII case-insensitive) not inside a longer
// alphanumeric word ("ls" is not carried by "tools"), or npos.
std::size_t find_piece(std::string_view text, std::string_view piece) {
  if (piece.empty() || piece.size() > text.size()) return std::string_view::npos;
  for (std::size_t at = 0; at + piece.size() <= text.size(); ++at) {
    std::size_t k = 0;
    while (k < piece.size() && lower(text[at + k]) == lower(piece[k])) ++k;
    if (k != piece.size()) continue;
    const bool left_ok = at == 0 || !is_ascii_alnum(char32_t(static_cast<unsigned char>(text[at - 1]))) ||
                         !is_ascii_alnum(char32_t(static_cast<unsigned char>(piece.front())));
    const std::size_t after = at + piece.size();
    // An English plural of the piece still carries it: daemon in "Daemons".
    const bool plural = after < text.size() && text[after] == 's' &&
                        (after + 1 >= text.size() || !is_ascii_alnum(char32_t(static_cast<unsigned char>(text[after + 1]))));
    const bool right_ok = after >= text.size() || !is_ascii_alnum(char32_t(static_cast<unsigned char>(text[after]))) ||
                          !is_ascii_alnum(char32_t(static_cast<unsigned char>(piece.back()))) || plural;
    if (left_ok && right_ok) return at;
  }
  return std::string_view::npos;
}

// Whether the English text has an opening bracket just before `at` or just after `end` (spaces skipped).
bool bracket_before(std::string_view text, std::size_t at) {
  while (at > 0 && text[at - 1] == ' ') --at;
  return at > 0 && text[at - 1] == '(';
}
bool bracket_after(std::string_view text, std::size_t end) {
  while (end < text.size() && text[end] == ' ') ++end;
  return end < text.size() && text[end] == '(';
}

std::size_t alnum_count(std::string_view s) {
  return std::size_t(std::count_if(s.begin(), s.end(), [](char c) { return is_ascii_alnum(char32_t(static_cast<unsigned char>(c))); }));
}

using chars::is_han;
bool is_open_bracket(char32_t c) { return c == U'(' || c == U'\uFF08'; }
bool is_close_bracket(char32_t c) { return c == U')' || c == U'\uFF09'; }

// The code point before byte offset `at`, skipping spaces (0 at the start).
char32_t previous_code_point(std::string_view text, std::size_t at) {
  while (at > 0) {
    const std::size_t start = code_point_start_before(text, at);
    const char32_t c = decode_utf8(text, start).code_point;
    if (c != U' ') return c;
    at = start;
  }
  return 0;
}

// Han characters of a bracketed gloss that starts at `open` (an opening
// bracket), and the byte offset past its closing bracket; {0, open} when the
// brackets hold anything but Han text and punctuation.
std::pair<std::size_t, std::size_t> bracketed_han(std::string_view text, std::size_t open) {
  std::size_t at = open + decode_utf8(text, open).length;
  std::size_t han = 0;
  while (at < text.size()) {
    const DecodedCodePoint d = decode_utf8(text, at);
    if (is_close_bracket(d.code_point)) return han > 0 ? std::pair{han, at + d.length} : std::pair{std::size_t(0), open};
    if (is_latin_letter(d.code_point)) return {0, open};
    han += is_han(d.code_point);
    at += std::max<std::size_t>(1, d.length);
  }
  return {0, open};
}

}  // namespace

MixedLengths mixed_lengths(std::string_view chinese, std::string_view english) {
  MixedLengths out;
  const CharacterCounts zh = count_characters(chinese);
  double translation = line_length(zh, Script::Han);
  double original = line_length(english, Script::Latin);
  std::size_t at = 0;
  while (at < chinese.size()) {
    const DecodedCodePoint d = decode_utf8(chinese, at);
    if (!is_latin_letter(d.code_point)) {
      at += std::max<std::size_t>(1, d.length);
      continue;
    }
    // The run: Latin letters/digits, with ASCII punctuation and spaces inside it.
    std::size_t end = at;
    std::size_t last_alnum_end = at;
    while (end < chinese.size()) {
      const DecodedCodePoint e = decode_utf8(chinese, end);
      if (is_latin_letter(e.code_point)) last_alnum_end = end + e.length;
      else if (!is_ascii_inner(e.code_point)) break;
      end += std::max<std::size_t>(1, e.length);
    }
    // Closing brackets and quotes belong to the run (smartd(8), "K").
    while (last_alnum_end < end && (chinese[last_alnum_end] == ')' || chinese[last_alnum_end] == ']' ||
                                    chinese[last_alnum_end] == '"' || chinese[last_alnum_end] == '\''))
      ++last_alnum_end;
    const std::string_view run = chinese.substr(at, last_alnum_end - at);
    ++out.latin_runs;
    bool any = false;
    // A term given twice, translated and in Latin: 守护进程（daemon）. The English
    // has it once; the Chinese translation of it counts, the Latin copy does not.
    // (Only when the English has no brackets there: "打印机 (cups-...)" against
    // "printers (cups-...)" carries the bracketed text.)
    const bool bracketed_after_han = is_open_bracket(previous_code_point(chinese, at)) &&
                                     is_han(previous_code_point(chinese, at - (chinese[at - 1] == '(' ? 1 : 3)));
    bool english_bracket_after = false;
    for (std::size_t p = 0; p < run.size();) {
      while (p < run.size() && run[p] == ' ') ++p;
      std::size_t q = p;
      while (q < run.size() && run[q] != ' ') ++q;
      const std::string_view piece = run.substr(p, q - p);
      const std::size_t found = piece.empty() || alnum_count(piece) == 0 ? std::string_view::npos : find_piece(english, piece);
      if (found != std::string_view::npos) {
        any = true;
        const bool glossed_in_latin = bracketed_after_han && !bracket_before(english, found);
        english_bracket_after = bracket_after(english, found + piece.size());
        const double english_chars = double(piece.size()) + (out.carried > 0 ? 1 : 0);  // ASCII: bytes = characters
        translation -= kLatinInCjkWeight * double(alnum_count(piece));
        if (!glossed_in_latin) {
          out.carried += english_chars;
          original -= english_chars;
        }
      }
      p = q;
    }
    out.carried_runs += any;
    // The reverse, LVM（逻辑卷管理）: a carried term glossed in Chinese; the gloss
    // has no counterpart in the English line.
    if (any && !english_bracket_after) {
      std::size_t next = last_alnum_end;
      while (next < chinese.size() && chinese[next] == ' ') ++next;
      if (next < chinese.size() && is_open_bracket(decode_utf8(chinese, next).code_point)) {
        const auto [han, past] = bracketed_han(chinese, next);
        translation -= double(han);
        out.glossed += double(han);
        if (han > 0) last_alnum_end = past;
      }
    }
    at = std::max(last_alnum_end, at + 1);
  }
  out.translation = std::max(0.0, translation);
  out.original = std::max(0.0, original);
  return out;
}

double mixed_length_delta(const MixedLengths& lengths, const LengthRatioModel& model) {
  const double m = (lengths.translation + lengths.original / model.c) / 2;
  const double variance = model.s2 * m + kCarriedVariancePerCharacter * lengths.carried;
  if (variance <= 0) return 0;
  return (lengths.original - model.c * lengths.translation) / std::sqrt(variance);
}

}  // namespace bitext
