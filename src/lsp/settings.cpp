#include "lsp/settings.hpp"

#include "bitext/language_tags.hpp"

#include <optional>

#include "bitext/rules.hpp"

namespace bitext::lsp {
namespace {

using json = nlohmann::json;

void apply_rule(RuleSetting& rule, const std::string& code, const json& value, std::vector<std::string>& warnings) {
  if (value.is_boolean()) {
    rule.enabled = value.get<bool>();
    return;
  }
  if (value.is_string()) {
    const auto& name = value.get_ref<const std::string&>();
    if (name == "off") {
      rule.enabled = false;
    } else if (auto severity = parse_severity(name)) {
      rule.enabled = true;
      rule.severity = severity;
    } else {
      warnings.push_back("rules." + code + ": unknown value \"" + name + "\"");
    }
    return;
  }
  if (!value.is_object()) {
    warnings.push_back("rules." + code + ": expected an object, a severity, \"off\" or a boolean");
    return;
  }
  if (auto it = value.find("enabled"); it != value.end()) {
    if (it->is_boolean()) {
      rule.enabled = it->get<bool>();
    } else {
      warnings.push_back("rules." + code + ".enabled: expected a boolean");
    }
  }
  if (auto it = value.find("severity"); it != value.end()) {
    std::optional<Severity> severity;
    if (it->is_string()) severity = parse_severity(it->get<std::string>());
    if (severity) {
      rule.severity = severity;
    } else if (it->is_null()) {
      rule.severity.reset();
    } else {
      warnings.push_back("rules." + code + ".severity: expected error, warning, info or hint");
    }
  }
}

void apply_placeholder(std::string& target, const json& value, const char* name, std::vector<std::string>& warnings) {
  if (value.is_string() && !value.get_ref<const std::string&>().empty() &&
      value.get_ref<const std::string&>().find_first_of("\r\n") == std::string::npos) {
    target = value.get<std::string>();
  } else {
    warnings.push_back(std::string(name) + ": expected a non-empty one-line string");
  }
}

}  // namespace

bool shown_to_user(std::string_view warning) { return warning.starts_with("rules"); }

Settings apply_settings(Settings base, const json& input, std::vector<std::string>& warnings) {
  const json* value = &input;
  if (value->is_object()) {
    if (auto it = value->find("bitext"); it != value->end() && it->is_object()) value = &*it;
  }
  if (value->is_null()) return base;
  if (!value->is_object()) {
    warnings.push_back("settings: expected an object");
    return base;
  }
  const json& s = *value;
  if (auto it = s.find("order"); it != s.end()) {
    std::string name = it->is_string() ? it->get<std::string>() : "";
    if (name == "auto") {
      base.check.order = LineOrder::Auto;
    } else if (name == "translation-first" || name == "translationFirst") {
      base.check.order = LineOrder::TranslationFirst;
    } else if (name == "original-first" || name == "originalFirst") {
      base.check.order = LineOrder::OriginalFirst;
    } else {
      warnings.push_back("order: expected \"auto\", \"translation-first\" or \"original-first\"");
    }
  }
  if (auto it = s.find("translationLanguage"); it != s.end()) {
    const std::string tag = it->is_string() ? it->get<std::string>() : "";
    if (tag == "auto" || script_of_language_tag(tag)) {
      base.check.translation_language = tag;
    } else {
      warnings.push_back("translationLanguage: expected \"auto\" or a language tag such as \"zh\" or \"en\"");
    }
  }
  if (auto it = s.find("layout"); it != s.end()) {
    const std::optional<Layout> layout = it->is_string() ? parse_layout(it->get<std::string>()) : std::nullopt;
    if (layout) {
      base.check.layout = *layout;
    } else {
      warnings.push_back("layout: expected \"auto\", \"lines\", \"paragraphs\", \"markdown\", \"srt\" or \"vtt\"");
    }
  }
  if (auto it = s.find("placeholders"); it != s.end()) {
    if (it->is_object()) {
      if (auto t = it->find("translation"); t != it->end()) {
        apply_placeholder(base.check.translation_placeholder, *t, "placeholders.translation", warnings);
      }
      if (auto o = it->find("original"); o != it->end()) {
        apply_placeholder(base.check.original_placeholder, *o, "placeholders.original", warnings);
      }
    } else {
      warnings.push_back("placeholders: expected an object");
    }
  }
  if (auto it = s.find("translationPlaceholder"); it != s.end()) {
    apply_placeholder(base.check.translation_placeholder, *it, "translationPlaceholder", warnings);
  }
  if (auto it = s.find("originalPlaceholder"); it != s.end()) {
    apply_placeholder(base.check.original_placeholder, *it, "originalPlaceholder", warnings);
  }
  if (auto it = s.find("rules"); it != s.end()) {
    if (it->is_object()) {
      for (const auto& [code, rule_value] : it->items()) {
        if (!find_rule(code)) {
          warnings.push_back("rules." + code + ": unknown check code; known codes: " + known_rule_codes());
          continue;
        }
        apply_rule(base.check.rules[code], code, rule_value, warnings);
      }
    } else {
      warnings.push_back("rules: expected an object keyed by finding code");
    }
  }
  if (auto it = s.find("contentChecks"); it != s.end()) {
    if (it->is_boolean()) {
      base.check.content_checks = it->get<bool>();
    } else {
      warnings.push_back("contentChecks: expected a boolean");
    }
  }
  if (auto it = s.find("debounceMs"); it != s.end()) {
    if (it->is_number_integer() && it->get<std::int64_t>() >= 0 && it->get<std::int64_t>() <= 10'000) {
      base.debounce = std::chrono::milliseconds(it->get<std::int64_t>());
    } else {
      warnings.push_back("debounceMs: expected an integer from 0 to 10000");
    }
  }
  if (auto it = s.find("speakerLabelStyle"); it != s.end()) {
    const std::optional<LabelStyle> style = it->is_string() ? parse_label_style(it->get<std::string>()) : std::nullopt;
    if (style) {
      base.speaker_label_style = *style;
    } else {
      warnings.push_back("speakerLabelStyle: expected \"original\", \"both\" or \"translation\"");
    }
  }
  return base;
}

bool same_options(const CheckOptions& a, const CheckOptions& b) {
  if (a.order != b.order || a.translation_language != b.translation_language ||
      a.translation_placeholder != b.translation_placeholder ||
      a.original_placeholder != b.original_placeholder || a.content_checks != b.content_checks ||
      a.layout != b.layout) {
    return false;
  }
  // A rule set to its defaults (as a rejected value leaves it) is no change.
  const auto same_rules = [](const CheckOptions& x, const CheckOptions& y) {
    for (const auto& [code, rule] : x.rules) {
      const auto other = y.rules.find(code);
      const RuleSetting theirs = other == y.rules.end() ? RuleSetting{} : other->second;
      if (rule.enabled != theirs.enabled || rule.severity != theirs.severity) return false;
    }
    return true;
  };
  return same_rules(a, b) && same_rules(b, a);
}

}  // namespace bitext::lsp
