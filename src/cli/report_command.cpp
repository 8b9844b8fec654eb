#include "cli/report_command.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <new>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "bitext/analysis.hpp"
#include "cli/check_targets.hpp"
#include "cli/command_line.hpp"
#include "cli/display_text.hpp"
#include "cli/exit_status.hpp"
#include "cli/html_report.hpp"
#include "cli/input_file.hpp"
#include "cli/transcript_sniffing.hpp"
#include "cli/usage.hpp"

namespace bitext::cli {
namespace {

struct ReportSettings {
  CheckOptions options;
  std::string output = "-";
  std::string stdin_name = "<stdin>";  // what standard input is called on the page
  std::vector<std::string_view> paths;
};

// One option of the report command (besides the reading options); false when args[i] is none.
bool take_report_option(std::span<const std::string_view> args, std::size_t& i, ReportSettings& settings) {
  if (args[i] == "--no-content") {
    settings.options.content_checks = false;
    return true;
  }
  if (const auto value = option_value(args, i, "--stdin-name", "--stdin-name needs a name")) {
    settings.stdin_name = std::string(*value);
    return true;
  }
  std::optional<std::string_view> output = option_value(args, i, "--output", "-o needs a file name");
  if (!output) output = option_value(args, i, "-o", "-o needs a file name");
  if (output) {
    if (output->empty()) throw UsageError("-o needs a file name");
    settings.output = std::string(*output);
    return true;
  }
  return take_reading_option(args, i, settings.options);
}

std::optional<int> parse_arguments(std::span<const std::string_view> args, ReportSettings& settings) {
  if (const std::optional<int> status = read_arguments(
          "report", args, settings.paths, [&](std::size_t& i) { return take_report_option(args, i, settings); }))
    return status;
  if (settings.paths.empty()) return usage_error("report", "no input files (use '-' for standard input)");
  return std::nullopt;
}

// Analyses one target; nullopt for a directory's .txt file that is not a transcript.
std::optional<ReportedFile> analyse(const CheckTarget& target, const ReportSettings& settings) {
  const CheckOptions& options = settings.options;
  ReportedFile file;
  file.path = target.path == "-" ? settings.stdin_name : target.path;
  if (!target.error.empty()) {
    file.error = target.error;
    return file;
  }
  try {
    InputFile input = read_input(target.path);
    if (input.ok && input.error.empty()) input.error = why_not_text(input.text);
    if (!input.ok || !input.error.empty()) {
      if (target.candidate) return std::nullopt;
      file.error = input.error;
      return file;
    }
    if (target.candidate && !looks_like_transcript(input.text, options)) return std::nullopt;
    file.analysis = Analysis::run(std::move(input.text), options);
  } catch (const std::bad_alloc&) {
    file.error = "out of memory";
  } catch (const std::exception& e) {
    file.error = std::string("internal error: ") + e.what();
  }
  return file;
}

bool write_output(const std::string& path, const std::string& page) {
  if (path == "-") {
    const bool ok = std::fwrite(page.data(), 1, page.size(), stdout) == page.size();
    return std::fflush(stdout) == 0 && ok;
  }
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    std::fprintf(stderr, "%s: error: %s\n", display_text(path).c_str(), std::strerror(errno));
    return false;
  }
  const bool written = std::fwrite(page.data(), 1, page.size(), file) == page.size();
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed) std::fprintf(stderr, "%s: error: could not write the report\n", display_text(path).c_str());
  return written && closed;
}

}  // namespace

int run_report_command(std::span<const std::string_view> args) {
  ReportSettings settings;
  if (const std::optional<int> status = parse_arguments(args, settings)) return *status;
  bool directory = settings.paths.size() > 1;
  for (const std::string_view path : settings.paths) {
    std::error_code error;
    if (path != "-" && std::filesystem::is_directory(std::string(path), error)) directory = true;
  }
  std::vector<ReportedFile> files;
  bool failed = false;
  for (const CheckTarget& target : collect_check_targets(settings.paths)) {
    std::optional<ReportedFile> file = analyse(target, settings);
    if (!file) continue;
    if (!file->error.empty()) {
      failed = true;
      std::fprintf(stderr, "%s: error: %s\n", display_text(file->path).c_str(), display_text(file->error).c_str());
    }
    files.push_back(std::move(*file));
  }
  if (files.empty()) {
    std::fprintf(stderr, "bitext report: no transcripts found\n");
    return kExitFailure;
  }
  if (!write_output(settings.output, html_report(files, directory))) return kExitFailure;
  return failed ? kExitFailure : kExitClean;
}

}  // namespace bitext::cli
