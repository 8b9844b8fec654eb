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

// Which line of a pair comes first in the document: the translation's or the
// original's. Forcing it also says which side is the translation (the one in
// that position), unless translation_language names it.
enum class LineOrder : std::uint8_t { Auto, TranslationFirst, OriginalFirst };

struct RuleSetting {
  bool enabled = true;
  std::optional<Severity> severity;  // overrides the rule's own severity
};

struct CheckOptions {
  LineOrder order = LineOrder::Auto;
  // Which language is the translation: "auto" (from the document: the file
  // name's language tags, the language of its header and footer, else the
  // script that is not Latin) or a BCP-47 tag such as "zh" or "en"
  // (language_tags.hpp says which are known).
  std::string translation_language = "auto";
  // The document's file name or URI, for the language tags in it (".zh-en.",
  // ".zh.") and its layout (the extension: .md, .srt, .vtt); empty when
  // unknown. The core reads nothing from the file system.
  std::string document_name;
  std::string translation_placeholder = "[translation missing]";
  std::string original_placeholder = "[original missing]";
  std::map<std::string, RuleSetting, std::less<>> rules;  // by finding code
  bool content_checks = true;  // length, numbers, drift, shifted blocks
  Layout layout = Layout::Auto;  // how the document is laid out (layout.hpp)
  SubtitleStyle subtitle_style;  // limits of the subtitle reading-speed and line-width hints

  bool enabled(std::string_view code) const;
  Severity severity(std::string_view code, Severity fallback) const;
};

}  // namespace bitext
