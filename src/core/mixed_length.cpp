// Lengths without carried-over text (mixed_length.hpp).
#include "bitext/mixed_length.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "bitext/text.hpp"

namespace bitext {
namespace {

bool is_ascii_alnum(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
}
bool is_latin_letter(char32_t c) { return is_ascii_alnum(c) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7); }
bool is_ascii_inner(char32_t c) { return c >= 0x20 && c < 0x7F && !is_ascii_alnum(c); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

// Whether `piece` occurs in `text` (ASCII case-insensitive) not inside a longer
// alphanumeric word: "ls" is not carried by "tools".
bool occurs(std::string_view text, std::string_view piece) {
  if (piece.empty() || piece.size() > text.size()) return false;
  for (std::size_t at = 0; at + piece.size() <= text.size(); ++at) {
    std::size_t k = 0;
    while (k < piece.size() && lower(text[at + k]) == lower(piece[k])) ++k;
    if (k != piece.size()) continue;
    const bool left_ok = at == 0 || !is_ascii_alnum(char32_t(static_cast<unsigned char>(text[at - 1]))) ||
                         !is_ascii_alnum(char32_t(static_cast<unsigned char>(piece.front())));
    const std::size_t after = at + piece.size();
    const bool right_ok = after >= text.size() || !is_ascii_alnum(char32_t(static_cast<unsigned char>(text[after]))) ||
                          !is_ascii_alnum(char32_t(static_cast<unsigned char>(piece.back())));
    if (left_ok && right_ok) return true;
  }
  return false;
}

std::size_t alnum_count(std::string_view s) {
  return std::size_t(std::count_if(s.begin(), s.end(), [](char c) { return is_ascii_alnum(char32_t(static_cast<unsigned char>(c))); }));
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
    for (std::size_t p = 0; p < run.size();) {
      while (p < run.size() && run[p] == ' ') ++p;
      std::size_t q = p;
      while (q < run.size() && run[q] != ' ') ++q;
      const std::string_view piece = run.substr(p, q - p);
      if (!piece.empty() && alnum_count(piece) > 0 && occurs(english, piece)) {
        any = true;
        const double english_chars = double(piece.size()) + (out.carried > 0 ? 1 : 0);  // ASCII: bytes = characters
        out.carried += english_chars;
        original -= english_chars;
        translation -= kLatinInCjkWeight * double(alnum_count(piece));
      }
      p = q;
    }
    out.carried_runs += any;
    at = std::max(last_alnum_end, at + 1);
  }
  out.translation = std::max(0.0, translation);
  out.original = std::max(0.0, original);
  return out;
}

double mixed_length_delta(const MixedLengths& lengths, const LengthModel& model) {
  const double m = (lengths.translation + lengths.original / model.c) / 2;
  const double variance = model.s2 * m + kCarriedVariancePerCharacter * lengths.carried;
  if (variance <= 0) return 0;
  return (lengths.original - model.c * lengths.translation) / std::sqrt(variance);
}

}  // namespace bitext
