// Facts about single lines that pairing and the structural checks share:
// blankness, format markup, placeholders, trimming, weighted length and the
// language role of a line once the document's two languages are known.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bitext/options.hpp"
#include "bitext/script.hpp"
#include "bitext/transcript.hpp"

namespace bitext::detail {

// Without the blanks (chars::is_blank: White_Space and zero-width) at both ends.
std::string_view trim(std::string_view line);
bool is_blank(std::string_view line);
// Where the text before byte `at` ends without the spaces and tabs right
// before it: the end of the first part at a cut (the blanks between two parts
// belong to neither).
std::size_t end_before_spaces(std::string_view text, std::size_t at);

// Lines that are format, not text: lines without a single letter (SRT cue
// numbers, timings, "---"), a "WEBVTT" first line and WebVTT timing lines.
bool is_markup(std::string_view line, const ScriptProfile& profile, std::uint32_t line_number);

// Length of a line in "Latin-letter equivalents": a CJK letter counts as
// kCjkLetterWeight = 3 (about the English letters one Chinese character
// translates to), so a Chinese line and its English original have comparable
// lengths, and names written in Latin inside a Chinese line count the same on
// both sides.
std::uint32_t weighted_letters(const ScriptProfile& profile);

// Human name of the language a script stands for in messages. A Latin-script
// side of a two-script transcript is English in practice; say so.
std::string_view language_name(Script script);

// The language of a content line in a document written in scripts `a` and
// `b`: its dominant script (CJK letters weighted, see script.cpp), except that
// a Latin-majority line in which the document's other, non-Latin script has
// at least a tenth of the weighted letters counts as that script. Latin
// names, commands and URLs are common inside a Chinese (Japanese, Russian...)
// line; Han inside an English line is not. Without this, technical
// translations full of names and paths would look untranslated.
Script line_script(const ScriptProfile& profile, Script a, Script b);

// What a content line is, given the document's two scripts.
enum class LineRole : std::uint8_t {
  Translation,             // in the translation's script
  Original,                // in the original's script
  Other,                   // a third script
  TranslationPlaceholder,  // exactly options.translation_placeholder (trimmed)
  OriginalPlaceholder,     // exactly options.original_placeholder (trimmed)
};

// A line's script is its dominant script (CJK weighted, see script.cpp).
LineRole role_of(std::string_view line, const ScriptProfile& profile, Script translation_script,
                 Script original_script, const CheckOptions& options);

}  // namespace bitext::detail
