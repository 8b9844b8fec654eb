#include "bitext/finding.hpp"

#include <algorithm>
#include <stdexcept>

namespace bitext {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Information:
      return "info";
    case Severity::Hint:
      return "hint";
  }
  return "unknown";
}

std::string_view signal_name(Signal signal) {
  switch (signal) {
    case Signal::Length: return "length";
    case Signal::SentenceCount: return "sentence-count";
    case Signal::Numbers: return "numbers";
    case Signal::Tokens: return "tokens";
    case Signal::Prior: return "prior";
    case Signal::Mirror: return "mirror";
    case Signal::CutOff: return "cut-off";
    case Signal::Words: return "words";
  }
  return "unknown";
}

std::string apply_edits(std::string_view text, std::vector<TextEdit> edits) {
  // Stable: inserts at the same offset keep the order they were given in.
  std::stable_sort(edits.begin(), edits.end(),
                   [](const TextEdit& a, const TextEdit& b) { return a.begin < b.begin; });
  std::size_t kept_until = 0;
  std::size_t growth = 0;
  for (const TextEdit& edit : edits) {
    if (edit.begin > edit.end || edit.end > text.size())
      throw std::invalid_argument("text edit outside the text");
    if (edit.begin < kept_until) throw std::invalid_argument("overlapping text edits");
    kept_until = edit.end;
    growth += edit.replacement.size();
  }
  std::string result;
  result.reserve(text.size() + growth);
  std::size_t at = 0;
  for (const TextEdit& edit : edits) {
    result.append(text.substr(at, edit.begin - at));
    result.append(edit.replacement);
    at = edit.end;
  }
  result.append(text.substr(at));
  return result;
}

}  // namespace bitext
