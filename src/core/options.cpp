#include "bitext/options.hpp"

namespace bitext {

bool CheckOptions::enabled(std::string_view code) const {
  const auto found = rules.find(code);
  return found == rules.end() || found->second.enabled;
}

Severity CheckOptions::severity(std::string_view code, Severity fallback) const {
  const auto found = rules.find(code);
  if (found == rules.end() || !found->second.severity) return fallback;
  return *found->second.severity;
}

}  // namespace bitext
