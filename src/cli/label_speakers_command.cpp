#include "cli/label_speakers_command.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

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
  CheckOptions options;
  std::vector<std::string_view> files;
  const auto take_option = [&](std::size_t& i) {
    if (args[i] == "--in-place") {
      in_place = true;
      return true;
    }
    if (const auto value = option_value(args, i, "--style", "--style needs original, both or translation")) {
      const std::optional<LabelStyle> parsed = parse_label_style(*value);
      if (!parsed) throw UsageError("--style needs original, both or translation");
      style = *parsed;
      return true;
    }
    return take_reading_option(args, i, options);
  };
  if (const std::optional<int> status = read_arguments("label-speakers", args, files, take_option)) return *status;
  if (files.size() > 1) return usage_error("label-speakers", "one FILE at a time");
  const std::optional<std::string> path =
      files.empty() ? std::nullopt : std::optional<std::string>(std::string(files.front()));
  if (!path) return usage_error("label-speakers", "no FILE given");
  if (in_place && *path == "-") return usage_error("label-speakers", "--in-place needs a file, not standard input");
  InputFile input = read_input(*path);
  if (!input.ok) {
    std::fprintf(stderr, "bitext label-speakers: %s: %s\n", path->c_str(), input.error.c_str());
    return kExitFailure;
  }
  if (*path != "-") options.document_name = *path;  // its layout and language tags
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
