// Which writing system a line is in, from the letters it contains (ICU uscript).
// Common and Inherited characters (punctuation, digits, emoji, combining marks)
// do not count.
#pragma once

#include <cstdint>
#include <string_view>

namespace bitext {

enum class Script : std::uint8_t {
  None,        // no letters at all (blank, digits, punctuation)
  Latin,
  Han,         // Chinese: Han with no kana
  Japanese,    // kana, or Han in a line with kana
  Hangul,
  Cyrillic,
  Greek,
  Arabic,
  Hebrew,
  Thai,
  Devanagari,
  Other,
};

std::string_view script_name(Script script);  // "latin", "han", ...

// Han, Japanese and Hangul: written without spaces between words.
bool is_cjk_script(Script script);

// One CJK letter carries about as much as a short word: a Chinese line of 10
// characters translates about 30 Latin letters (see the field notes, c ≈ 3).
// Weighting CJK letters so keeps a Chinese line with a few English names
// Chinese, and makes line lengths in the two scripts comparable.
inline constexpr std::uint32_t kCjkLetterWeight = 3;

struct ScriptProfile {
  Script dominant = Script::None;   // majority script
  Script secondary = Script::None;  // next largest, or None
  std::uint32_t letters = 0;            // letters counted (all scripts)
  std::uint32_t dominant_letters = 0;
  std::uint32_t secondary_letters = 0;
  bool mixed = false;               // the secondary script is a substantial share
  bool operator==(const ScriptProfile&) const = default;
};

ScriptProfile classify_script(std::string_view line);

}  // namespace bitext
