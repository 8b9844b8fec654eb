// Settings that change what the analysis reports. Shared by the CLI (flags)
// and the language server (initializationOptions / workspace/configuration).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "bitext/finding.hpp"
#include "bitext/layout.hpp"

namespace bitext {

// Which line of a pair comes first in the document.
enum class LineOrder : std::uint8_t { Auto, TranslationFirst, OriginalFirst };

struct RuleSetting {
  bool enabled = true;
  std::optional<Severity> severity;  // overrides the rule's own severity
};

struct CheckOptions {
  LineOrder order = LineOrder::Auto;
  std::string translation_placeholder = "[translation missing]";
  std::string original_placeholder = "[original missing]";
  std::map<std::string, RuleSetting, std::less<>> rules;  // by finding code
  bool content_checks = true;  // length, numbers, drift, shifted blocks
  Layout layout = Layout::Auto;  // how the document is laid out (layout.hpp)
  std::string name_hint;         // the document's file name, for detecting its layout ("" when unknown)
  SubtitleStyle subtitle_style;  // limits of the subtitle reading-speed and line-width hints

  bool enabled(std::string_view code) const;
  Severity severity(std::string_view code, Severity fallback) const;
};

}  // namespace bitext
