// Pairing step 2, languages and roles: which two languages the document is
// in, and which of them is the translation. Roles follow languages, not
// positions: the order of the two sides in a pair is found by the solve
// separately (pairing.cpp tries both).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "bitext/options.hpp"
#include "bitext/script.hpp"
#include "bitext/transcript.hpp"
#include "pairing_units.hpp"
#include "unit_reading.hpp"

namespace bitext::detail {

// The two most frequent dominant scripts of the content units (ties to the
// one seen first); `second` is None when the document is not bilingual.
struct DocumentLanguages {
  Script first = Script::None;
  Script second = Script::None;
};

DocumentLanguages document_languages(const UnitSequence& sequence, const std::vector<UnitReading>& readings);

// Roles as far as they can be told before the solve. With `translation` set,
// roles go by language; without, by position (the translation is the side in
// `translation_first`'s position, whichever language that is).
struct RoleChoice {
  std::optional<Script> translation;
  TranslationCue cue = TranslationCue::Position;
};

// In order: options.translation_language; a forced options.order (roles by
// position); the first language tagged in options.document_name that the
// document is in; the script that is not Latin when exactly one is. Else
// roles by position.
RoleChoice choose_roles(const CheckOptions& options, DocumentLanguages languages);

// The audience's language from what the solve took as header and footer: the
// one language of the document that all of their lines are in, when there
// are at least two such lines (one line is often a title kept in the original).
std::optional<Script> matter_language(const UnitSequence& sequence, const std::vector<std::uint32_t>& matter_units,
                                      DocumentLanguages languages);

}  // namespace bitext::detail
