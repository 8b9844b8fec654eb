#include "cli/label_speakers_command.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "bitext/analysis.hpp"
#include "bitext/speaker_labelling.hpp"
#include "cli/command_line.hpp"
#include "cli/exit_status.hpp"
#include "cli/input_file.hpp"
#include "cli/usage.hpp"

namespace bitext::cli {
namespace {

bool write_file(const std::string& path, const std::string& text) {
  // Written beside the file and renamed over it, so a failed write leaves the original whole.
  const std::string temporary = path + ".bitext-tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) return false;
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) std::filesystem::remove(temporary, error);
  return !error;
}

}  // namespace

int run_label_speakers_command(std::span<const std::string_view> args) {
  LabelStyle style = LabelStyle::Original;
  bool in_place = false;
  std::optional<std::string> path;
  CheckOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    std::string_view value;
    if (arg == "-h" || arg == "--help") {
      const auto usage = command_usage("label-speakers");
      std::fwrite(usage->data(), 1, usage->size(), stdout);
      return kExitClean;
    }
    if (arg == "--in-place") {
      in_place = true;
    } else if (const OptionMatch m = match_option_value(args, i, "--style", value); m != OptionMatch::NoMatch) {
      const auto parsed = m == OptionMatch::Value ? parse_label_style(value) : std::nullopt;
      if (!parsed) return usage_error("label-speakers", "--style needs original, both or translation");
      style = *parsed;
    } else if (const OptionMatch m2 = match_option_value(args, i, "--order", value); m2 != OptionMatch::NoMatch) {
      const auto order = m2 == OptionMatch::Value ? parse_line_order(value) : std::nullopt;
      if (!order) return usage_error("label-speakers", "--order needs auto, translation-first or original-first");
      options.order = *order;
    } else if (arg.size() > 1 && arg.front() == '-') {
      return usage_error("label-speakers", "unknown option '" + std::string(arg) + "'");
    } else if (path) {
      return usage_error("label-speakers", "one FILE at a time");
    } else {
      path = std::string(arg);
    }
  }
  if (!path) return usage_error("label-speakers", "no FILE given");
  if (in_place && *path == "-") return usage_error("label-speakers", "--in-place needs a file, not standard input");
  InputFile input = read_input(*path);
  if (!input.ok) {
    std::fprintf(stderr, "bitext label-speakers: %s: %s\n", path->c_str(), input.error.c_str());
    return kExitFailure;
  }
  options.document_name = *path;
  const auto analysis = Analysis::run(std::move(input.text), options);
  const Transcript& transcript = analysis->transcript();
  if (transcript.speaker_model.labelled())
    std::fprintf(stderr, "bitext label-speakers: %s: already labelled; unchanged\n", path->c_str());
  const std::string labelled = apply_edits(analysis->text(), speaker_label_edits(transcript, analysis->text(), style));
  if (in_place) {
    if (!write_file(*path, labelled)) {
      std::fprintf(stderr, "bitext label-speakers: %s: cannot write the file\n", path->c_str());
      return kExitFailure;
    }
    return kExitClean;
  }
  std::fwrite(labelled.data(), 1, labelled.size(), stdout);
  return kExitClean;
}

}  // namespace bitext::cli
