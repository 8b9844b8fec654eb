#include "cli/detect_command.hpp"

#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bitext/detection.hpp"
#include "cli/command_line.hpp"
#include "cli/display_text.hpp"
#include "cli/exit_status.hpp"
#include "cli/input_file.hpp"
#include "cli/usage.hpp"
#include "lsp/detect.hpp"

namespace bitext::cli {
namespace {

std::string describe(const Detection& detection) {
  const std::string pairs = std::to_string(detection.pairs) + (detection.pairs == 1 ? " pair" : " pairs");
  if (!detection.bilingual) {
    return "not a bilingual transcript (" + pairs + " of lines in two scripts in the first " +
           std::to_string(detection.bytes_examined) + " bytes)";
  }
  const std::string translation = "translation (" + std::string(script_name(detection.translation_script)) + ")";
  const std::string original = "original (" + std::string(script_name(detection.original_script)) + ")";
  std::string text = "bilingual transcript: ";
  text += detection.order == LineOrder::OriginalFirst ? original + " first, " + translation + " second"
                                                      : translation + " first, " + original + " second";
  if (detection.markup) text += ", subtitle markup";
  if (detection.speakers) text += ", speaker labels";
  return text + "; " + pairs + " in the first " + std::to_string(detection.bytes_examined) + " bytes";
}

}  // namespace

int run_detect_command(std::span<const std::string_view> args) {
  CheckOptions options;
  options.content_checks = false;
  bool json_format = false;
  std::vector<std::string_view> paths;
  const auto take_option = [&](std::size_t& i) {
    if (const auto value = option_value(args, i, "--format", "--format needs a value: text or json")) {
      if (*value != "text" && *value != "json") throw UsageError("--format needs a value: text or json");
      json_format = *value == "json";
      return true;
    }
    return take_reading_option(args, i, options);
  };
  if (const std::optional<int> status = read_arguments("detect", args, paths, take_option)) return *status;
  if (paths.empty()) return usage_error("detect", "no input files (use '-' for standard input)");

  int status = kExitClean;
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const std::string_view path_view : paths) {
    const std::string path(path_view);
    const std::string shown = path == "-" ? "<stdin>" : path;
    std::string error;
    std::optional<Detection> detection;
    try {
      InputFile input = read_input(path);
      error = input.ok ? why_not_text(input.text) : input.error;
      CheckOptions file_options = options;
      if (path != "-") file_options.document_name = path;  // its layout and language tags
      if (error.empty()) detection = detect_transcript(input.text, file_options);
    } catch (const std::exception& e) {
      error = std::string("internal error: ") + e.what();
    }
    if (!detection) {
      std::fprintf(stderr, "%s: error: %s\n", display_text(shown).c_str(), display_text(error).c_str());
      status = kExitFailure;
      if (json_format) results.push_back({{"path", shown}, {"error", error}});
      continue;
    }
    if (!detection->bilingual && status == kExitClean) status = kExitFindings;
    if (json_format) {
      nlohmann::ordered_json entry{{"path", shown}};
      const nlohmann::json facts = lsp::detection_json(*detection);
      for (const auto& [key, value] : facts.items()) entry[key] = value;
      results.push_back(std::move(entry));
    } else {
      const std::string line = display_text(shown) + ": " + describe(*detection) + "\n";
      std::fwrite(line.data(), 1, line.size(), stdout);
    }
  }
  if (json_format) {
    const std::string text = results.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  return status;
}

}  // namespace bitext::cli
