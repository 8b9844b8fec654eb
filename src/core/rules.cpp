// The rule registry (rules.hpp). To add a finding code: add one row to kRules
// (in the order it should be listed), a row to the README's table of checks
// (a test compares them), and emit it from its producer at `severity`.
#include "bitext/rules.hpp"

#include <stdexcept>

namespace bitext {
namespace {

// Not `using enum RuleKind`: in a unity build its names (Speaker) would reach
// the next file of the batch and clash with bitext::Speaker.
constexpr RuleKind kStructural = RuleKind::Structural;
constexpr RuleKind kContent = RuleKind::Content;
constexpr RuleKind kSubtitle = RuleKind::Subtitle;
constexpr RuleKind kSpeakerRule = RuleKind::Speaker;
constexpr Severity kError = Severity::Error;
constexpr Severity kWarning = Severity::Warning;
constexpr Severity kInfo = Severity::Information;
constexpr Severity kHint = Severity::Hint;

constexpr Rule kRules[] = {
    // code, kind, severity, weakest, has_fix, explanation, fix
    {"missing-translation", kStructural, kError, kError, true,
     "an original line with no translation next to it",
     "insert a placeholder translation line (`[translation missing]`, a setting)"},
    {"missing-original", kStructural, kError, kError, true, "a translation line alone",
     "insert a placeholder original line (`[original missing]`, a setting)"},
    {"joined-lines", kStructural, kError, kError, true,
     "one line holds two lines of different languages joined (a pair's two lines, or a pair's second line and "
     "the next pair's first): a whole sentence run of the missing side's language beside a pair that lacks it",
     "split the line where the second language starts (a single joining space becomes the line break)"},
    {"swapped-order", kStructural, kError, kError, true,
     "the two lines of a pair are in the opposite order to the rest of the document", "swap the lines"},
    {"duplicate-line", kStructural, kWarning, kWarning, true, "the same line twice in a row", "delete the copy"},
    {"split-line", kStructural, kWarning, kWarning, true,
     "two consecutive lines of one language that together make one segment",
     "join them (no separator between Chinese parts, a space between English parts)"},
    {"untranslated", kStructural, kWarning, kWarning, false,
     "the translation line is in the original's language, or identical to it", "translate it"},
    {"empty-line", kStructural, kWarning, kWarning, true, "a blank line between the two lines of a pair",
     "delete it"},
    {"invalid-utf8", kStructural, kError, kError, false,
     "bytes that are not UTF-8, at their exact line and column", "re-save the file as UTF-8"},
    {"shifted-block", kContent, kWarning, kHint, true,
     "pairs k–m are paired with their neighbours' lines (a block shifted by one; two pairs = crossed)",
     "re-pair the block"},
    {"boundary-drift", kContent, kWarning, kHint, true,
     "the translation (or original) of a pair also covers the start or end of the next pair (weak evidence is "
     "raised to info when the other language's matching text, moved the other way, fits as well)",
     "move that text to the right line, cut at the best clause boundary; preferred: the move in the language "
     "whose lines it returns to their usual sentence count and length, the other language's matching move "
     "offered too"},
    {"merge-suggested", kContent, kWarning, kHint, true, "one sentence is cut across two pairs on both sides",
     "merge the two pairs"},
    {"length-outlier", kContent, kWarning, kHint, false,
     "a translation much shorter (truncated) or longer than this document's ratio predicts; a translation that "
     "stops mid-sentence where its original ends one counts as a cue",
     ""},
    {"number-mismatch", kContent, kWarning, kInfo, false,
     "a number on one side has no counterpart on the other (missing and extra reported separately; a warning "
     "when both sides have a number the other lacks)",
     ""},
    {"token-not-carried", kContent, kInfo, kHint, false,
     "a Latin name, acronym or URL of one side is missing (info) or spelled differently (hint) on the other", ""},
    {"subtitle-timestamp-malformed", kSubtitle, kError, kError, false,
     "a timing that cannot be read; the finding starts at the exact column where reading failed",
     "write it as the format defines it"},
    {"subtitle-timestamp-form", kSubtitle, kInfo, kInfo, true,
     "a time players accept but the format does not define (SRT with `.` or without hours)",
     "write it in the format's form"},
    {"subtitle-end-before-start", kSubtitle, kError, kError, false,
     "a cue ends when or before it starts",
     "correct the timing"},
    {"subtitle-overlap", kSubtitle, kWarning, kWarning, true,
     "a cue ends after the next one starts",
     "end it at the next start"},
    {"subtitle-out-of-order", kSubtitle, kWarning, kWarning, false,
     "a cue starts before the cue above it",
     "move the cue or correct its timing"},
    {"subtitle-numbering", kSubtitle, kInfo, kInfo, true,
     "a cue number skips or repeats (SRT; WebVTT when every identifier is a number)",
     "renumber the file"},
    {"subtitle-reading-speed", kSubtitle, kHint, kHint, false,
     "a language's text reads faster than its limit (`CheckOptions::subtitle_style`)",
     "shorten the text or lengthen the cue"},
    {"subtitle-line-too-long", kSubtitle, kHint, kHint, false,
     "a subtitle line longer than its language's limit (`CheckOptions::subtitle_style`)",
     "rewrap or shorten the line"},
    {"speaker-mismatch", kSpeakerRule, kWarning, kWarning, false,
     "the two sides of a pair name different speakers that are not two spellings of one",
     "correct the label on the wrong side"},
    {"speaker-label-missing", kSpeakerRule, kInfo, kInfo, true,
     "one side of a pair is labelled, the other not, where the document labels both sides",
     "add the label in that language's known spelling"},
    {"speaker-spelling", kSpeakerRule, kInfo, kInfo, true,
     "a speaker name seen once or twice next to a close spelling seen far more often (a misspelling)",
     "write the frequent spelling"},
};

}  // namespace

std::string_view rule_kind_name(RuleKind kind) {
  switch (kind) {
    case RuleKind::Structural: return "structural";
    case RuleKind::Content: return "content";
    case RuleKind::Subtitle: return "subtitle";
    case RuleKind::Speaker: return "speaker";
  }
  return "unknown";
}

std::span<const Rule> all_rules() { return kRules; }

const Rule* find_rule(std::string_view code) {
  for (const Rule& rule : kRules)
    if (rule.code == code) return &rule;
  return nullptr;
}

Severity default_severity(std::string_view code) {
  const Rule* rule = find_rule(code);
  if (!rule) throw std::invalid_argument("no rule with code " + std::string(code));
  return rule->severity;
}

std::string known_rule_codes() {
  std::string out;
  for (const Rule& rule : kRules) {
    if (!out.empty()) out += ", ";
    out += rule.code;
  }
  return out;
}

std::string severity_range_text(const Rule& rule) {
  if (!rule.graded()) return std::string(severity_name(rule.severity));
  return std::string(severity_name(rule.weakest)) + "–" + std::string(severity_name(rule.severity));
}

std::string fix_text(const Rule& rule) {
  if (rule.has_fix) return std::string(rule.fix);
  return rule.fix.empty() ? "none" : "none: " + std::string(rule.fix);
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "error") return Severity::Error;
  if (name == "warning") return Severity::Warning;
  if (name == "info" || name == "information") return Severity::Information;
  if (name == "hint") return Severity::Hint;
  return std::nullopt;
}

std::optional<RuleSetting> parse_rule_level(std::string_view level) {
  RuleSetting setting;
  if (level == "off") {
    setting.enabled = false;
    return setting;
  }
  setting.severity = parse_severity(level);
  if (!setting.severity) return std::nullopt;
  return setting;
}

void apply_rules(std::vector<Finding>& findings, const CheckOptions& options) {
  if (options.rules.empty()) return;
  std::erase_if(findings, [&](const Finding& finding) { return !options.enabled(finding.code); });
  for (Finding& finding : findings) finding.severity = options.severity(finding.code, finding.severity);
}

}  // namespace bitext
