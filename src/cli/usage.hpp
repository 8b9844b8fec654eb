// Help texts of the `bitext` command and its subcommands.
#pragma once

#include <optional>
#include <string_view>

namespace bitext::cli {

std::string_view main_usage();
// Help of one subcommand, or nullopt when there is no such subcommand.
std::optional<std::string_view> command_usage(std::string_view command);

}  // namespace bitext::cli
