// The rule registry: every finding code Bitext emits, with its default
// severity, kind, whether it has a fix, and a one-line explanation. Producers
// emit findings at the default severity; apply_rules() applies the user's
// settings (off / another severity) once, at the end of an analysis. The CLI
// and the language server refuse codes that are not here, `bitext help checks`
// and hover explain codes from here, and a test keeps the README's table equal
// to it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/finding.hpp"
#include "bitext/options.hpp"

namespace bitext {

enum class RuleKind : std::uint8_t {
  Structural,  // from the shape of the pairing alone
  Content,     // whether the two lines of a pair say the same thing (--no-content turns these off)
  Subtitle,    // timings and text limits of subtitle cues (SRT, WebVTT layouts)
  Speaker,     // speaker labels: the two sides agree, both are labelled, names spelled alike
};
std::string_view rule_kind_name(RuleKind kind);  // "structural", "content", "subtitle", "speaker"

struct Rule {
  std::string_view code;  // stable kebab-case, as in Finding::code
  RuleKind kind = RuleKind::Structural;
  // What the producer emits. A graded rule's severity follows the strength of
  // its evidence, from `weakest` up to `severity`; otherwise weakest == severity.
  Severity severity = Severity::Warning;
  Severity weakest = Severity::Warning;
  bool has_fix = false;
  std::string_view explanation;  // what the finding means, one line
  // With a fix: what it does. Without: what to do by hand (may be empty).
  std::string_view fix;

  bool graded() const { return weakest != severity; }
};

// Every rule, in the order the README and `bitext help checks` list them.
std::span<const Rule> all_rules();
// The rule of `code`, or null when there is none.
const Rule* find_rule(std::string_view code);
// Default severity of a registered code (std::invalid_argument if unknown):
// what a producer of a single-severity code emits.
Severity default_severity(std::string_view code);
// "missing-translation, missing-original, ...": for error messages.
std::string known_rule_codes();

// "warning", or "hint–warning" for a graded rule.
std::string severity_range_text(const Rule& rule);
// The Fix column: the fix, or "none" / "none: <what to do>".
std::string fix_text(const Rule& rule);

// "error", "warning", "info" (or "information"), "hint".
std::optional<Severity> parse_severity(std::string_view name);
// A rule level as users write it: "off" or a severity.
std::optional<RuleSetting> parse_rule_level(std::string_view level);

// Applies options.rules to findings made at their default severity: drops
// those turned off and gives the others their configured severity. Works on
// any finding list and is idempotent; codes not in the registry are only
// subject to the settings (never dropped for being unknown).
void apply_rules(std::vector<Finding>& findings, const CheckOptions& options);

}  // namespace bitext
