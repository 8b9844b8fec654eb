// Server settings from initializationOptions, workspace/configuration (section
// "bitext") and workspace/didChangeConfiguration, mapped onto CheckOptions.
//
//   { "order": "auto" | "translation-first" | "original-first",
//     "placeholders": { "translation": "...", "original": "..." },
//     "rules": { "<code>": { "enabled": false, "severity": "error|warning|info|hint" }
//                          | "off" | "error" | "warning" | "info" | "hint" | true | false },
//     "contentChecks": true,
//     "debounceMs": 50 }
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bitext/options.hpp"

namespace bitext::lsp {

struct Settings {
  CheckOptions check;
  std::chrono::milliseconds debounce{50};
};

// Applies the fields present in `value` on top of `base`. Fields of the wrong
// type or with unknown values are skipped, each with a warning, so one typo
// does not throw away the rest. A value of {"bitext": {...}} is unwrapped.
Settings apply_settings(Settings base, const nlohmann::json& value, std::vector<std::string>& warnings);

bool same_options(const CheckOptions& a, const CheckOptions& b);

}  // namespace bitext::lsp
