#include "bitext/language_tags.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace bitext {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool all_letters(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

// ISO 639 codes of the languages whose script Bitext tells apart (the usual
// script of each). Region subtags ("CN", "tw") are not languages here.
std::optional<Script> language_script(std::string_view code) {
  struct Entry {
    std::string_view code;
    Script script;
  };
  static constexpr std::array kLanguages = {
      Entry{"zh", Script::Han},       Entry{"yue", Script::Han},      Entry{"cmn", Script::Han},
      Entry{"wuu", Script::Han},      Entry{"lzh", Script::Han},      Entry{"ja", Script::Japanese},
      Entry{"ko", Script::Hangul},    Entry{"ru", Script::Cyrillic},  Entry{"uk", Script::Cyrillic},
      Entry{"be", Script::Cyrillic},  Entry{"bg", Script::Cyrillic},  Entry{"mk", Script::Cyrillic},
      Entry{"sr", Script::Cyrillic},  Entry{"kk", Script::Cyrillic},  Entry{"mn", Script::Cyrillic},
      Entry{"el", Script::Greek},     Entry{"ar", Script::Arabic},    Entry{"fa", Script::Arabic},
      Entry{"ur", Script::Arabic},    Entry{"he", Script::Hebrew},    Entry{"yi", Script::Hebrew},
      Entry{"th", Script::Thai},      Entry{"hi", Script::Devanagari}, Entry{"mr", Script::Devanagari},
      Entry{"ne", Script::Devanagari}, Entry{"en", Script::Latin},    Entry{"fr", Script::Latin},
      Entry{"de", Script::Latin},     Entry{"es", Script::Latin},     Entry{"it", Script::Latin},
      Entry{"pt", Script::Latin},     Entry{"nl", Script::Latin},     Entry{"sv", Script::Latin},
      Entry{"da", Script::Latin},     Entry{"nb", Script::Latin},     Entry{"nn", Script::Latin},
      Entry{"no", Script::Latin},     Entry{"fi", Script::Latin},     Entry{"pl", Script::Latin},
      Entry{"cs", Script::Latin},     Entry{"sk", Script::Latin},     Entry{"sl", Script::Latin},
      Entry{"hr", Script::Latin},     Entry{"ro", Script::Latin},     Entry{"hu", Script::Latin},
      Entry{"tr", Script::Latin},     Entry{"vi", Script::Latin},     Entry{"id", Script::Latin},
      Entry{"ms", Script::Latin},     Entry{"ca", Script::Latin},     Entry{"et", Script::Latin},
      Entry{"lv", Script::Latin},     Entry{"lt", Script::Latin},     Entry{"ga", Script::Latin},
      Entry{"cy", Script::Latin},     Entry{"eo", Script::Latin},     Entry{"la", Script::Latin},
  };
  const std::string wanted = lower(code);
  for (const Entry& entry : kLanguages)
    if (entry.code == wanted) return entry.script;
  return std::nullopt;
}

// ISO 15924 script subtags.
std::optional<Script> subtag_script(std::string_view subtag) {
  static constexpr std::array<std::pair<std::string_view, Script>, 12> kScripts = {{
      {"latn", Script::Latin}, {"hans", Script::Han}, {"hant", Script::Han}, {"hani", Script::Han},
      {"jpan", Script::Japanese}, {"kore", Script::Hangul}, {"hang", Script::Hangul}, {"cyrl", Script::Cyrillic},
      {"grek", Script::Greek}, {"arab", Script::Arabic}, {"hebr", Script::Hebrew}, {"deva", Script::Devanagari},
  }};
  const std::string wanted = lower(subtag);
  for (const auto& [code, script] : kScripts)
    if (code == wanted) return script;
  return std::nullopt;
}

std::vector<std::string_view> split(std::string_view text, std::string_view separators) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find_first_of(separators, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

}  // namespace

std::optional<Script> script_of_language_tag(std::string_view tag) {
  const std::vector<std::string_view> subtags = split(tag, "-_");
  for (const std::string_view subtag : subtags)
    if (subtag.empty() || subtag.size() > 8 || !std::all_of(subtag.begin(), subtag.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) != 0;
        }))
      return std::nullopt;
  if (!all_letters(subtags[0]) || subtags[0].size() < 2 || subtags[0].size() > 3) return std::nullopt;
  std::optional<Script> script = language_script(subtags[0]);
  if (!script) return std::nullopt;
  for (std::size_t i = 1; i < subtags.size(); ++i)
    if (subtags[i].size() == 4)
      if (const std::optional<Script> written = subtag_script(subtags[i])) script = written;
  return script;
}

std::vector<Script> scripts_tagged_in_name(std::string_view name) {
  // The last path segment of a path or URI, without a query or fragment.
  if (const std::size_t end = name.find_first_of("?#"); end != std::string_view::npos) name = name.substr(0, end);
  if (const std::size_t slash = name.find_last_of("/\\"); slash != std::string_view::npos)
    name = name.substr(slash + 1);
  const std::vector<std::string_view> parts = split(name, ".");
  std::vector<Script> scripts;
  // parts[0] is the stem, the last part the extension.
  for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
    std::vector<Script> tagged;
    for (const std::string_view subtag : split(parts[i], "-_")) {
      if (const std::optional<Script> script = all_letters(subtag) && subtag.size() <= 3
                                                   ? language_script(subtag)
                                                   : std::optional<Script>()) {
        tagged.push_back(*script);
      } else if (tagged.empty() || !(subtag.size() == 2 || subtag.size() == 4 || subtag.size() == 3)) {
        tagged.clear();  // not a tag: "ep1", "final-draft"
        break;
      } else if (subtag.size() == 4) {
        if (const std::optional<Script> written = subtag_script(subtag)) tagged.back() = *written;
      }
    }
    for (const Script script : tagged)
      if (std::find(scripts.begin(), scripts.end(), script) == scripts.end()) scripts.push_back(script);
  }
  return scripts;
}

}  // namespace bitext
