#include "line_facts.hpp"

#include "bitext/text.hpp"
#include "chars.hpp"

namespace bitext::detail {
namespace {

bool is_ascii_space(unsigned char byte) {
  return byte == ' ' || byte == '\t' || byte == '\v' || byte == '\f' || byte == '\r' || byte == '\n';
}

// WebVTT / SRT timing line: starts with a digit and contains "-->". Only the
// first bytes are read unless it starts with a digit.
bool is_timing_line(std::string_view line) {
  std::size_t start = 0;
  while (start < line.size() && is_ascii_space(static_cast<unsigned char>(line[start]))) ++start;
  if (start == line.size() || line[start] < '0' || line[start] > '9') return false;
  return line.find("-->", start) != std::string_view::npos;
}

}  // namespace

std::size_t end_before_spaces(std::string_view text, std::size_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  return at;
}

std::string_view trim(std::string_view line) {
  std::size_t begin = 0;
  while (begin < line.size()) {
    const unsigned char byte = static_cast<unsigned char>(line[begin]);
    if (byte < 0x80) {
      if (!is_ascii_space(byte)) break;
      ++begin;
      continue;
    }
    const DecodedCodePoint decoded = decode_utf8(line, begin);
    if (!decoded.valid || !chars::is_blank(decoded.code_point)) break;
    begin += decoded.length;
  }
  std::size_t end = line.size();
  while (end > begin) {
    const unsigned char byte = static_cast<unsigned char>(line[end - 1]);
    if (byte < 0x80) {
      if (!is_ascii_space(byte)) break;
      --end;
      continue;
    }
    // Step back to the start of the last code point (at most 4 bytes).
    std::size_t start = end - 1;
    while (start > begin && end - start < 4 &&
           (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80)
      --start;
    const DecodedCodePoint decoded = decode_utf8(line, start);
    if (!decoded.valid || start + decoded.length != end || !chars::is_blank(decoded.code_point)) break;
    end = start;
  }
  return line.substr(begin, end - begin);
}

bool is_blank(std::string_view line) {
  for (const char c : line)  // fast path: most lines start with a non-blank byte
    if (!is_ascii_space(static_cast<unsigned char>(c))) return trim(line).empty();
  return true;
}

bool is_markup(std::string_view line, const ScriptProfile& profile, std::uint32_t line_number) {
  if (profile.letters == 0) return !is_blank(line);
  if (line_number == 0) {
    std::string_view content = trim(line);
    if (content.substr(0, 6) == "WEBVTT" &&
        (content.size() == 6 || content[6] == ' ' || content[6] == '\t'))
      return true;
  }
  return is_timing_line(line);
}

std::uint32_t weighted_letters(const ScriptProfile& profile) {
  const std::uint32_t rest = profile.letters - profile.dominant_letters - profile.secondary_letters;
  return profile.dominant_letters * (is_cjk_script(profile.dominant) ? kCjkLetterWeight : 1u) +
         profile.secondary_letters * (is_cjk_script(profile.secondary) ? kCjkLetterWeight : 1u) + rest;
}

std::string_view language_name(Script script) {
  switch (script) {
    case Script::None: return "unknown-language";
    case Script::Latin: return "English";
    case Script::Han: return "Chinese";
    case Script::Japanese: return "Japanese";
    case Script::Hangul: return "Korean";
    case Script::Cyrillic: return "Cyrillic";
    case Script::Greek: return "Greek";
    case Script::Arabic: return "Arabic";
    case Script::Hebrew: return "Hebrew";
    case Script::Thai: return "Thai";
    case Script::Devanagari: return "Devanagari";
    case Script::Other: return "other-script";
  }
  return "unknown-language";
}

Script line_script(const ScriptProfile& profile, Script a, Script b) {
  if (profile.dominant != Script::Latin || profile.secondary == Script::None ||
      (profile.secondary != a && profile.secondary != b) || (a != Script::Latin && b != Script::Latin))
    return profile.dominant;
  // A Latin-majority line with the document's other script: that script wins
  // from a tenth of the weighted letters on.
  const std::uint32_t other = profile.secondary_letters * (is_cjk_script(profile.secondary) ? kCjkLetterWeight : 1u);
  return other * 10 >= weighted_letters(profile) ? profile.secondary : profile.dominant;
}

LineRole role_of(std::string_view line, const ScriptProfile& profile, Script translation_script,
                 Script original_script, const CheckOptions& options) {
  const std::string_view content = trim(line);
  const std::string_view translation_placeholder = trim(options.translation_placeholder);
  const std::string_view original_placeholder = trim(options.original_placeholder);
  if (!translation_placeholder.empty() && content == translation_placeholder)
    return LineRole::TranslationPlaceholder;
  if (!original_placeholder.empty() && content == original_placeholder)
    return LineRole::OriginalPlaceholder;
  const Script script = line_script(profile, translation_script, original_script);
  if (script != Script::None && script == translation_script) return LineRole::Translation;
  if (script != Script::None && script == original_script) return LineRole::Original;
  return LineRole::Other;
}

}  // namespace bitext::detail
