#include "cli/command_line.hpp"

#include <cstdio>

#include "bitext/language_tags.hpp"
#include "bitext/layout.hpp"
#include "cli/exit_status.hpp"
#include "cli/usage.hpp"

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

std::optional<int> read_arguments(std::string_view command, std::span<const std::string_view> args,
                                  std::vector<std::string_view>& operands,
                                  const std::function<bool(std::size_t& i)>& take_option) {
  bool options_done = false;
  try {
    for (std::size_t i = 0; i < args.size(); ++i) {
      const std::string_view arg = args[i];
      if (options_done || arg == "-" || arg.empty() || arg[0] != '-') {
        operands.push_back(arg);
      } else if (arg == "--") {
        options_done = true;
      } else if (arg == "-h" || arg == "--help") {
        const std::string_view usage = command_usage(command).value_or(main_usage());
        std::fwrite(usage.data(), 1, usage.size(), stdout);
        return kExitClean;
      } else if (!take_option(i)) {
        throw UsageError("unknown option '" + std::string(arg) + "'");
      }
    }
  } catch (const UsageError& error) {
    return usage_error(command, error.what());
  }
  return std::nullopt;
}

std::optional<std::string_view> option_value(std::span<const std::string_view> args, std::size_t& i,
                                             std::string_view name, const char* missing) {
  std::string_view value;
  switch (match_option_value(args, i, name, value)) {
    case OptionMatch::NoMatch:
      return std::nullopt;
    case OptionMatch::MissingValue:
      throw UsageError(missing);
    case OptionMatch::Value:
      break;
  }
  return value;
}

bool take_reading_option(std::span<const std::string_view> args, std::size_t& i, CheckOptions& options) {
  constexpr const char* kOrderHelp = "--order needs one of: auto, translation-first, original-first";
  constexpr const char* kLayoutHelp = "--layout needs one of: auto, lines, paragraphs, markdown, srt, vtt";
  if (const auto value = option_value(args, i, "--order", kOrderHelp)) {
    const std::optional<LineOrder> order = parse_line_order(*value);
    if (!order) throw UsageError(kOrderHelp);
    options.order = *order;
    return true;
  }
  if (const auto value = option_value(args, i, "--layout", kLayoutHelp)) {
    const std::optional<Layout> layout = parse_layout(*value);
    if (!layout) throw UsageError(kLayoutHelp);
    options.layout = *layout;
    return true;
  }
  if (const auto value = option_value(args, i, "--translation-language", kTranslationLanguageHelp)) {
    std::optional<std::string> language = parse_translation_language(*value);
    if (!language) throw UsageError(kTranslationLanguageHelp);
    options.translation_language = std::move(*language);
    return true;
  }
  return false;
}

int usage_error(std::string_view command, const std::string& message) {
  std::fprintf(stderr, "bitext %.*s: %s\nTry 'bitext help %.*s'.\n", static_cast<int>(command.size()),
               command.data(), message.c_str(), static_cast<int>(command.size()), command.data());
  return kExitFailure;
}

}  // namespace bitext::cli
