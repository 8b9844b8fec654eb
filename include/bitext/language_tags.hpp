// Languages named by BCP-47 tags ("zh", "zh-Hant", "en-GB", "ja") as the
// writing systems Bitext tells languages apart by, and the language tags in a
// document's file name (the translation's language for roles, see options.hpp).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "bitext/script.hpp"

namespace bitext {

// The script a language is written in: a script subtag if any ("sr-Latn"),
// else the language's usual script. nullopt for a malformed tag or a language
// Bitext does not know.
std::optional<Script> script_of_language_tag(std::string_view tag);

// The languages tagged in a file name or URI, as scripts, in the order they
// appear, each once: the dot-separated parts between the name's stem and its
// extension, each a tag or two joined by '-' or '_' ("talk.zh-en.txt": Han,
// Latin; "movie.zh-CN.srt": Han; "notes.md": none).
std::vector<Script> scripts_tagged_in_name(std::string_view name);

}  // namespace bitext
