#include "role_choice.hpp"

#include <array>
#include <cstddef>
#include <limits>

#include "bitext/language_tags.hpp"
#include "line_facts.hpp"

namespace bitext::detail {
namespace {

// A second script makes the document bilingual only if it has at least this
// share of the lines of the first (a Chinese article quoting a few English
// sentences is not a transcript).
constexpr std::uint32_t kSecondLanguageShare = 10;  // 1 in 10

constexpr std::size_t kMatterLinesForCue = 2;

bool in_document(Script script, DocumentLanguages languages) {
  return script != Script::None && (script == languages.first || script == languages.second);
}

}  // namespace

DocumentLanguages document_languages(const UnitSequence& sequence, const std::vector<UnitReading>& readings) {
  constexpr std::size_t kScripts = static_cast<std::size_t>(Script::Other) + 1;
  // The two most frequent scripts of the content lines; with `read_secondary`,
  // a mostly-Latin line counts as its second script when line_script would
  // read it so (that script from a tenth of the weighted letters on).
  auto languages_by = [&](bool read_secondary) {
    std::array<std::uint32_t, kScripts> count{};
    std::array<std::size_t, kScripts> first_seen{};
    first_seen.fill(std::numeric_limits<std::size_t>::max());
    for (std::size_t unit = 0; unit < readings.size(); ++unit) {
      if (readings[unit].kind() != UnitClass::Content) continue;
      const ScriptProfile& profile = sequence.script_of(unit);
      Script read = profile.dominant;
      if (read_secondary && read == Script::Latin && profile.secondary != Script::None)
        read = line_script(profile, Script::Latin, profile.secondary);
      const auto script = static_cast<std::size_t>(read);
      if (script == 0) continue;
      if (count[script]++ == 0) first_seen[script] = unit;
    }
    auto better = [&](std::size_t a, std::size_t b) {
      return count[a] > count[b] || (count[a] == count[b] && first_seen[a] < first_seen[b]);
    };
    std::size_t best = 0, second = 0;
    for (std::size_t script = 1; script < kScripts; ++script) {
      if (count[script] == 0) continue;
      if (best == 0 || better(script, best)) {
        second = best;
        best = script;
      } else if (second == 0 || better(script, second)) {
        second = script;
      }
    }
    if (second != 0 && count[second] * kSecondLanguageShare < count[best]) second = 0;
    return DocumentLanguages{static_cast<Script>(best), static_cast<Script>(second)};
  };
  const DocumentLanguages by_majority = languages_by(false);
  if (by_majority.second != Script::None || by_majority.first != Script::Latin) return by_majority;
  // Every line mostly Latin: a Chinese translation of technical text (a
  // bibliography, figure captions) keeps its titles, commands and addresses,
  // so its lines are told by their Chinese characters, as the roles are.
  return languages_by(true);
}

RoleChoice choose_roles(const CheckOptions& options, DocumentLanguages languages) {
  if (options.translation_language != "auto") {
    const std::optional<Script> named = script_of_language_tag(options.translation_language);
    if (named && in_document(*named, languages)) return {*named, TranslationCue::Option};
  }
  if (options.order != LineOrder::Auto) return {std::nullopt, TranslationCue::Order};
  for (const Script tagged : scripts_tagged_in_name(options.document_name))
    if (in_document(tagged, languages)) return {tagged, TranslationCue::FileName};
  const bool first_latin = languages.first == Script::Latin;
  const bool second_latin = languages.second == Script::Latin;
  if (languages.second != Script::None && first_latin != second_latin)
    return {first_latin ? languages.second : languages.first, TranslationCue::NotLatin};
  return {std::nullopt, TranslationCue::Position};
}

std::optional<Script> matter_language(const UnitSequence& sequence, const std::vector<std::uint32_t>& matter_units,
                                      DocumentLanguages languages) {
  std::optional<Script> language;
  std::size_t lines = 0;
  for (const std::uint32_t unit : matter_units) {
    const Script script = line_script(sequence.script_of(unit), languages.first, languages.second);
    if (!in_document(script, languages)) continue;
    if (language && *language != script) return std::nullopt;
    language = script;
    ++lines;
  }
  return lines >= kMatterLinesForCue ? language : std::nullopt;
}

}  // namespace bitext::detail
