// Server settings from initializationOptions, workspace/configuration (section
// "bitext") and workspace/didChangeConfiguration, mapped onto CheckOptions.
//
//   { "order": "auto" | "translation-first" | "original-first",
//     "placeholders": { "translation": "...", "original": "..." },
//     "rules": { "<code>": { "enabled": false, "severity": "error|warning|info|hint" }
//                          | "off" | "error" | "warning" | "info" | "hint" | true | false },
//     "contentChecks": true,
//     "debounceMs": 50,
//     "speakerLabelStyle": "original" | "both" | "translation" }
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bitext/options.hpp"
#include "bitext/speaker_labelling.hpp"

namespace bitext::lsp {

struct Settings {
  CheckOptions check;
  std::chrono::milliseconds debounce{50};
  // Which sides "Label speakers" labels (no re-analysis when it changes).
  LabelStyle speaker_label_style = LabelStyle::Original;
};

// Applies the fields present in `value` on top of `base`. Fields of the wrong
// type or with unknown values, and rules with codes that rules.hpp does not
// know, are skipped, each with a warning, so one typo does not throw away the
// rest. A value of {"bitext": {...}} is unwrapped.
Settings apply_settings(Settings base, const nlohmann::json& value, std::vector<std::string>& warnings);

// Whether a warning from apply_settings is about the rules (an unknown code, a
// bad level): those go to the user (window/showMessage), since a misspelt
// rule otherwise changes nothing without a word; the others are logged.
bool shown_to_user(std::string_view warning);

bool same_options(const CheckOptions& a, const CheckOptions& b);

}  // namespace bitext::lsp
