#include "cli/checks_help.hpp"

#include "bitext/rules.hpp"

namespace bitext::cli {

std::string checks_help() {
  std::string out =
      "Usage: bitext help checks\n"
      "\n"
      "Every finding has one of these codes. Turn a check off or change its\n"
      "severity with 'bitext check --rule CODE=LEVEL' (LEVEL: off, error, warning,\n"
      "info, hint) or the editor setting \"rules\". Content checks set the severity\n"
      "from the strength of the evidence, within the range shown; --no-content\n"
      "turns them all off.\n";
  for (const Rule& rule : all_rules()) {
    out += "\n";
    out += std::string(rule.code) + " (" + std::string(rule_kind_name(rule.kind)) + ", " + severity_range_text(rule) +
           ")\n";
    out += "  " + std::string(rule.explanation) + "\n";
    out += "  Fix: " + fix_text(rule) + "\n";
  }
  return out;
}

}  // namespace bitext::cli
