// Small helpers shared by the subcommands' argument parsing: options take
// their value either as `--name value` or as `--name=value`.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

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

// A bad option or value; read_arguments turns it into the command's usage error.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Reads a command's arguments the way every command reads them, so that they
// agree: operands (a path, '-' for standard input, anything after '--') go to
// `operands`, '-h'/'--help' prints the command's usage, and every other
// option goes to `take_option`, which returns whether it took args[i]
// (advancing `i` past a separate value) and throws UsageError for a bad value.
// Returns the status to exit with (help printed, or a usage error), or
// nullopt to go on.
std::optional<int> read_arguments(std::string_view command, std::span<const std::string_view> args,
                                  std::vector<std::string_view>& operands,
                                  const std::function<bool(std::size_t& i)>& take_option);

// `--name value` or `--name=value`: nullopt when args[i] is not `name`;
// a missing value throws UsageError(`missing`).
std::optional<std::string_view> option_value(std::span<const std::string_view> args, std::size_t& i,
                                             std::string_view name, const char* missing);

// --order, --layout and --translation-language: how a transcript is read, the
// same in every command that reads one. Returns whether args[i] was one of them.
bool take_reading_option(std::span<const std::string_view> args, std::size_t& i, CheckOptions& options);

// Writes "bitext <command>: <message>" and a pointer to the command's help to
// stderr; returns the usage exit status.
int usage_error(std::string_view command, const std::string& message);

}  // namespace bitext::cli
