#include "cli/lsp_command.hpp"

#include <cstdio>
#include <string>
#include <vector>

#include "cli/command_line.hpp"
#include "cli/exit_status.hpp"
#include "cli/usage.hpp"
#include "lsp/server_main.hpp"

namespace bitext::cli {

int run_lsp_command(std::span<const std::string_view> args) {
  for (const std::string_view arg : args) {
    if (arg == "-h" || arg == "--help") {
      const std::string_view usage = *command_usage("lsp");
      std::fwrite(usage.data(), 1, usage.size(), stdout);
      return kExitClean;
    }
  }
  // The server parses its own options (--stdio, --listen HOST:PORT).
  std::vector<std::string> owned{"lsp"};
  owned.insert(owned.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : owned) argv.push_back(arg.data());
  argv.push_back(nullptr);
  return bitext::lsp::run_server(static_cast<int>(owned.size()), argv.data());
}

}  // namespace bitext::cli
