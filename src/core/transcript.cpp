#include "bitext/transcript.hpp"

#include <algorithm>

#include "bitext/text.hpp"
#include "chars.hpp"
#include "line_facts.hpp"

namespace bitext {
namespace {

// Marks that belong to the character before them: a preview never ends just
// before one (combining marks, variation selectors, zero-width joiner, emoji
// modifiers).
bool attaches_to_previous(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200D ||
         (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
         (cp >= 0x3099 && cp <= 0x309A);
}

}  // namespace

std::uint32_t Pair::first_line() const {
  std::uint32_t first = UINT32_MAX;
  for (const std::uint32_t line : translation) first = std::min(first, line);
  for (const std::uint32_t line : original) first = std::min(first, line);
  return first == UINT32_MAX ? 0 : first;
}

std::uint32_t Pair::last_line() const {
  std::uint32_t last = 0;
  for (const std::uint32_t line : translation) last = std::max(last, line);
  for (const std::uint32_t line : original) last = std::max(last, line);
  return last;
}

const Pair* Transcript::pair_of_line(std::uint32_t line) const {
  if (line >= lines.size()) return nullptr;
  const std::int32_t pair = lines[line].pair;
  if (pair < 0 || static_cast<std::size_t>(pair) >= pairs.size()) return nullptr;
  return &pairs[static_cast<std::size_t>(pair)];
}

std::string preview(std::string_view line, std::size_t max_chars) {
  struct Char {
    char32_t cp;
    bool space;
  };
  // Decode at most max_chars + 1 code points of the trimmed line, with blanks
  // collapsed to one space; invalid bytes become U+FFFD so the result is
  // always valid UTF-8.
  const std::string_view text = detail::trim(line);
  std::vector<Char> shown;
  shown.reserve(std::min<std::size_t>(max_chars + 1, text.size()));
  bool truncated = false;
  for (std::size_t at = 0; at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    at += decoded.length;
    const bool space = decoded.valid && chars::is_blank(decoded.code_point);
    if (space && !shown.empty() && shown.back().space) continue;
    if (shown.size() == max_chars) {
      truncated = true;
      break;
    }
    shown.push_back({space ? U' ' : decoded.code_point, space});
  }
  std::size_t keep = shown.size();
  if (truncated) {
    // Room for the ellipsis within max_chars.
    keep = max_chars == 0 ? 0 : max_chars - 1;
    // Spaced scripts: a cut inside a word moves back to the last space; only
    // a first word longer than the room is cut inside.
    const bool inside_word = keep < shown.size() && !shown[keep].space && keep > 0 && !shown[keep - 1].space;
    if (inside_word && !chars::is_cjk(shown[keep - 1].cp)) {
      std::size_t space = keep;
      while (space > 0 && !shown[space - 1].space) --space;
      if (space > 1) keep = space - 1;
    }
    while (keep > 0 && attaches_to_previous(shown[keep].cp)) --keep;  // never strand a mark
    while (keep > 0 && shown[keep - 1].space) --keep;
  }
  // Exactly its size: previews are kept (messages, turn evidence) by every version.
  std::size_t bytes = truncated ? 3 : 0;
  for (std::size_t i = 0; i < keep; ++i)
    bytes += shown[i].cp < 0x80 ? 1 : shown[i].cp < 0x800 ? 2 : shown[i].cp < 0x10000 ? 3 : 4;
  std::string out;
  out.reserve(bytes);
  for (std::size_t i = 0; i < keep; ++i) append_utf8(out, shown[i].cp);
  if (truncated) out += "\u2026";
  return out;
}

}  // namespace bitext
