// Small helpers shared by the subcommands' argument parsing: options take
// their value either as `--name value` or as `--name=value`.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "bitext/options.hpp"

namespace bitext::cli {

// Result of matching args[i] against option `name` that takes a value.
enum class OptionMatch { NoMatch, Value, MissingValue };

// When args[i] is `name` or `name=...`, stores the value (advancing `i` past a
// separate value argument).
OptionMatch match_option_value(std::span<const std::string_view> args, std::size_t& i, std::string_view name,
                               std::string_view& value);

std::optional<LineOrder> parse_line_order(std::string_view text);  // auto, translation-first, original-first
// "auto" or a language tag that language_tags.hpp knows ("zh", "en", "zh-Hant").
std::optional<std::string> parse_translation_language(std::string_view text);
inline constexpr const char* kTranslationLanguageHelp =
    "--translation-language needs 'auto' or a language tag such as zh, en, ja, ko, ru, fr";

// Writes "bitext <command>: <message>" and a pointer to the command's help to
// stderr; returns the usage exit status.
int usage_error(std::string_view command, const std::string& message);

}  // namespace bitext::cli
