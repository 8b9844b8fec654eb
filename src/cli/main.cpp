// The `bitext` command: dispatches to its subcommands.
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/check_command.hpp"
#include "cli/checks_help.hpp"
#include "cli/detect_command.hpp"
#include "cli/eval_command.hpp"
#include "cli/label_speakers_command.hpp"
#include "cli/exit_status.hpp"
#include "cli/lsp_command.hpp"
#include "cli/outline_command.hpp"
#include "cli/report_command.hpp"
#include "cli/usage.hpp"

namespace {

using bitext::cli::kExitClean;
using bitext::cli::kExitFailure;

void print(std::FILE* stream, std::string_view text) { std::fwrite(text.data(), 1, text.size(), stream); }

int run_help(std::span<const std::string_view> args) {
  if (args.empty()) {
    print(stdout, bitext::cli::main_usage());
    return kExitClean;
  }
  if (args.front() == "checks") {
    print(stdout, bitext::cli::checks_help());
    return kExitClean;
  }
  if (args.front() == "eval") {  // its help lives with the command
    const std::string_view help[] = {"--help"};
    return bitext::cli::run_eval_command(help);
  }
  if (const auto usage = bitext::cli::command_usage(args.front())) {
    print(stdout, *usage);
    return kExitClean;
  }
  std::fprintf(stderr, "bitext help: unknown command '%s'\n\n", std::string(args.front()).c_str());
  print(stderr, bitext::cli::main_usage());
  return kExitFailure;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> all(argv + 1, argv + argc);
  if (all.empty()) {
    print(stderr, bitext::cli::main_usage());
    return kExitFailure;
  }
  const std::string_view command = all.front();
  const std::span<const std::string_view> args = std::span(all).subspan(1);
  if (command == "check") return bitext::cli::run_check_command(args);
  if (command == "outline") return bitext::cli::run_outline_command(args);
  if (command == "report") return bitext::cli::run_report_command(args);
  if (command == "detect") return bitext::cli::run_detect_command(args);
  if (command == "lsp") return bitext::cli::run_lsp_command(args);
  if (command == "eval") return bitext::cli::run_eval_command(args);
  if (command == "label-speakers") return bitext::cli::run_label_speakers_command(args);
  if (command == "help" || command == "-h" || command == "--help") return run_help(args);
  if (command == "--version" || command == "version") {
    std::printf("bitext %s\n", BITEXT_VERSION);
    return kExitClean;
  }
  std::fprintf(stderr, "bitext: unknown command '%s'\n\n", std::string(command).c_str());
  print(stderr, bitext::cli::main_usage());
  return kExitFailure;
}
