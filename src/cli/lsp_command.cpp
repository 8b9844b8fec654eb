#include "cli/lsp_command.hpp"

#include <cstdio>
#include <string>

#include "cli/command_line.hpp"
#include "cli/exit_status.hpp"
#include "cli/usage.hpp"

namespace bitext::cli {

int run_lsp_command(std::span<const std::string_view> args) {
  for (const std::string_view arg : args) {
    if (arg == "-h" || arg == "--help") {
      const std::string_view usage = *command_usage("lsp");
      std::fwrite(usage.data(), 1, usage.size(), stdout);
      return kExitClean;
    }
    if (arg != "--stdio") return usage_error("lsp", "unknown option '" + std::string(arg) + "'");
  }
  // TODO(lead): call the server's entry point from src/lsp/server_main.hpp once it lands.
  std::fputs("bitext lsp: the language server is not built yet\n", stderr);
  return kExitFailure;
}

}  // namespace bitext::cli
