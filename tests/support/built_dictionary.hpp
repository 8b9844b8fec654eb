// The converted CC-CEDICT that the build put next to the bitext binary, for
// tests that compare results with and without the dictionary. Null when the
// build has none (scripts/fetch-cedict.sh could not fetch it): those tests skip.
#pragma once

#include <filesystem>
#include <optional>

#include <bitext/lexicon.hpp>

namespace bitext::test_support {

inline const Lexicon* built_dictionary() {
  static const std::optional<Lexicon> lexicon = [] {
    const auto path = std::filesystem::path(BITEXT_BINARY).parent_path() / "cedict.lex";
    return std::filesystem::exists(path) ? Lexicon::open(path.string()) : std::nullopt;
  }();
  return lexicon ? &*lexicon : nullptr;
}

}  // namespace bitext::test_support
