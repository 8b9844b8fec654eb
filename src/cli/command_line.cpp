#include "cli/command_line.hpp"

#include <cstdio>

#include "bitext/language_tags.hpp"
#include "cli/exit_status.hpp"

namespace bitext::cli {

OptionMatch match_option_value(std::span<const std::string_view> args, std::size_t& i, std::string_view name,
                               std::string_view& value) {
  const std::string_view arg = args[i];
  if (arg == name) {
    if (i + 1 >= args.size()) return OptionMatch::MissingValue;
    value = args[++i];
    return OptionMatch::Value;
  }
  if (arg.size() > name.size() && arg.substr(0, name.size()) == name && arg[name.size()] == '=') {
    value = arg.substr(name.size() + 1);
    return OptionMatch::Value;
  }
  return OptionMatch::NoMatch;
}

std::optional<LineOrder> parse_line_order(std::string_view text) {
  if (text == "auto") return LineOrder::Auto;
  if (text == "translation-first") return LineOrder::TranslationFirst;
  if (text == "original-first") return LineOrder::OriginalFirst;
  return std::nullopt;
}

std::optional<std::string> parse_translation_language(std::string_view text) {
  if (text == "auto" || script_of_language_tag(text)) return std::string(text);
  return std::nullopt;
}

int usage_error(std::string_view command, const std::string& message) {
  std::fprintf(stderr, "bitext %.*s: %s\nTry 'bitext help %.*s'.\n", static_cast<int>(command.size()),
               command.data(), message.c_str(), static_cast<int>(command.size()), command.data());
  return kExitFailure;
}

}  // namespace bitext::cli
