// `bitext lsp`: hands the process over to the language server.
#pragma once

#include <span>
#include <string_view>

namespace bitext::cli {

int run_lsp_command(std::span<const std::string_view> args);

}  // namespace bitext::cli
