#include "cli/outline_command.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/transcript.hpp"
#include "cli/command_line.hpp"
#include "cli/display_text.hpp"
#include "cli/exit_status.hpp"
#include "cli/input_file.hpp"
#include "cli/usage.hpp"

namespace bitext::cli {
namespace {

// Wide scripts take two terminal columns per character: show fewer of them.
std::size_t preview_length(Script script) {
  switch (script) {
    case Script::Han:
    case Script::Japanese:
    case Script::Hangul:
      return 28;
    default:
      return 56;
  }
}

std::string right_aligned(std::size_t number, std::size_t width) {
  std::string text = std::to_string(number);
  if (text.size() < width) text.insert(0, width - text.size(), ' ');
  return text;
}

std::string padded(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

std::string line_range(std::uint32_t first, std::uint32_t last) {
  return first == last ? "line " + std::to_string(first + 1)
                       : "lines " + std::to_string(first + 1) + "-" + std::to_string(last + 1);
}

class OutlinePrinter {
 public:
  explicit OutlinePrinter(const Analysis& analysis)
      : analysis_(analysis), width_(std::to_string(analysis.index().line_count()).size()) {}

  std::string print(const std::string& path) {
    const Transcript& transcript = analysis_.transcript();
    out_ += display_text(path) + ": " + std::to_string(transcript.pairs.size()) +
            (transcript.pairs.size() == 1 ? " pair" : " pairs");
    if (!transcript.pairs.empty()) out_ += ", " + order_description(transcript);
    if (transcript.layout != Layout::Lines) {
      out_ += "; layout: " + std::string(layout_name(transcript.layout));
      if (!transcript.chapters.empty()) out_ += ", " + std::to_string(transcript.chapters.size()) + " chapters";
      if (!transcript.cues.empty()) out_ += ", " + std::to_string(transcript.cues.size()) + " cues";
    }
    out_ += '\n';
    section("front matter", transcript.front_matter);
    for (const Pair& pair : transcript.pairs) print_pair(pair);
    section("back matter", transcript.back_matter);
    return std::move(out_);
  }

 private:
  static std::string order_description(const Transcript& transcript) {
    const std::string translation = "translation (" + std::string(script_name(transcript.translation_script)) + ")";
    const std::string original = "original (" + std::string(script_name(transcript.original_script)) + ")";
    // Markdown notes may change the order per pair: say how often each comes first.
    std::size_t translation_first = 0, original_first = 0;
    for (const Pair& pair : transcript.pairs) {
      if (pair.translation.empty() || pair.original.empty()) continue;
      (pair.translation.front() < pair.original.front() ? translation_first : original_first) += 1;
    }
    if (transcript.order_per_pair && translation_first > 0 && original_first > 0)
      return translation + " first in " + std::to_string(translation_first) + " pairs, " + original + " first in " +
             std::to_string(original_first);
    return transcript.order == LineOrder::OriginalFirst ? original + " first, " + translation + " second"
                                                        : translation + " first, " + original + " second";
  }

  void section(const char* title, const std::vector<std::uint32_t>& lines) {
    if (lines.empty()) return;
    const auto [first, last] = std::minmax_element(lines.begin(), lines.end());
    out_ += '\n';
    out_ += title;
    out_ += " (" + line_range(*first, *last) + ")\n";
    for (const std::uint32_t line : lines) print_line(line, "");
  }

  void print_pair(const Pair& pair) {
    if (pair.index == 0) out_ += '\n';
    out_ += "pair " + std::to_string(pair.index + 1) + " (" + line_range(pair.first_line(), pair.last_line()) + ")";
    if (!pair.speaker.empty()) {
      out_ += ", speaker: " + display_text(pair.speaker);
      const auto& speakers = analysis_.transcript().speaker_model.speakers;
      if (pair.speaker_index >= 0 && static_cast<std::size_t>(pair.speaker_index) < speakers.size() &&
          speakers[static_cast<std::size_t>(pair.speaker_index)].inferred)
        out_ += " (inferred)";
    }
    out_ += '\n';
    std::vector<std::pair<std::uint32_t, const char*>> lines;
    for (const std::uint32_t line : pair.translation) lines.emplace_back(line, "translation");
    for (const std::uint32_t line : pair.original) lines.emplace_back(line, "original");
    std::sort(lines.begin(), lines.end());
    const bool translation_first = analysis_.transcript().order != LineOrder::OriginalFirst;
    if (pair.translation.empty() && translation_first) missing_line("translation");
    if (pair.original.empty() && !translation_first) missing_line("original");
    for (const auto& [line, role] : lines) print_line(line, role);
    if (pair.original.empty() && translation_first) missing_line("original");
    if (pair.translation.empty() && !translation_first) missing_line("translation");
  }

  void print_line(std::uint32_t line, const char* role) {
    const Transcript& transcript = analysis_.transcript();
    const Script script = line < transcript.lines.size() ? transcript.lines[line].script.dominant : Script::None;
    out_ += "  " + right_aligned(line + 1, width_) + "  ";
    if (*role != '\0') out_ += padded(role, 13);
    out_ += display_text(preview(analysis_.index().line_text(line), preview_length(script)));
    out_ += '\n';
  }

  void missing_line(const char* role) {
    out_ += "  " + std::string(width_, ' ') + "  " + padded(role, 13) + "(missing)\n";
  }

  const Analysis& analysis_;
  std::size_t width_;
  std::string out_;
};

}  // namespace

int run_outline_command(std::span<const std::string_view> args) {
  CheckOptions options;
  options.content_checks = false;  // the outline shows structure only
  std::vector<std::string_view> paths;
  const auto take_option = [&](std::size_t& i) { return take_reading_option(args, i, options); };
  if (const std::optional<int> status = read_arguments("outline", args, paths, take_option)) return *status;
  if (paths.size() != 1) return usage_error("outline", "expected exactly one FILE ('-' for standard input)");

  const std::string path(paths.front());
  if (path != "-") options.document_name = path;  // its language tags
  const std::string shown = path == "-" ? "<stdin>" : path;
  const auto fail = [&](const std::string& message) {
    std::fprintf(stderr, "%s: error: %s\n", display_text(shown).c_str(), display_text(message).c_str());
    return kExitFailure;
  };
  try {
    InputFile input = read_input(path);
    if (!input.ok) return fail(input.error);
    if (const std::string reason = why_not_text(input.text); !reason.empty()) return fail(reason);
    const bool empty = input.text.empty();
    const std::shared_ptr<const Analysis> analysis = Analysis::run(std::move(input.text), options);
    const std::string outline = OutlinePrinter(*analysis).print(shown);
    std::fwrite(outline.data(), 1, outline.size(), stdout);
    std::fflush(stdout);
    if (empty) std::fprintf(stderr, "%s: note: empty file: no pairs\n", display_text(shown).c_str());
    return kExitClean;
  } catch (const std::bad_alloc&) {
    return fail("out of memory");
  } catch (const std::exception& e) {
    return fail(std::string("internal error: ") + e.what());
  }
}

}  // namespace bitext::cli
