#include "cli/check_command.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdio>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/options.hpp"
#include "bitext/rules.hpp"
#include "cli/check_targets.hpp"
#include "cli/command_line.hpp"
#include "cli/display_text.hpp"
#include "cli/exit_status.hpp"
#include "cli/finding_counts.hpp"
#include "cli/input_file.hpp"
#include "cli/json_report.hpp"
#include "cli/text_report.hpp"
#include "cli/transcript_sniffing.hpp"
#include "cli/usage.hpp"

namespace bitext::cli {
namespace {

enum class OutputFormat { Text, Json };

struct CheckSettings {
  OutputFormat format = OutputFormat::Text;
  CheckOptions options;
  unsigned jobs = 0;  // 0: one per core
  std::vector<std::string_view> paths;
};

// What checking one target produced, kept until all targets are done so the
// output comes out in path order whatever order the threads finish in.
struct FileOutcome {
  bool skipped = false;  // a candidate that is not a transcript: not shown at all
  std::string error;     // the file could not be checked
  std::string note;      // checked, but worth a remark ("empty file: no pairs")
  std::string text;      // text report
  std::string diagnostics;  // JSON report: the array, laid out for its place in the report
  FindingCounts counts;
};

// The report's diagnostics arrays sit in a file's object, in the array of files.
constexpr unsigned kDiagnosticsDepth = 2;

std::string display_path(const std::string& path) { return path == "-" ? "<stdin>" : path; }

// Sorted by position; the analysis already sorts by start, this also fixes
// the order of findings that start at the same place.
// Copied only when that order differs (a large document's findings are megabytes).
bool report_order(const Finding& a, const Finding& b) {
  if (a.begin != b.begin) return a.begin < b.begin;
  if (a.end != b.end) return a.end < b.end;
  return a.code < b.code;
}
std::vector<Finding> sorted_findings(const std::vector<Finding>& findings) {
  std::vector<Finding> sorted = findings;
  std::stable_sort(sorted.begin(), sorted.end(), report_order);
  return sorted;
}

FileOutcome check_one(const CheckTarget& target, const CheckSettings& settings) {
  FileOutcome outcome;
  if (!target.error.empty()) {
    outcome.error = target.error;
    return outcome;
  }
  InputFile input = read_input(target.path);
  if (!input.ok) {
    outcome.skipped = target.candidate;
    outcome.error = std::move(input.error);
    return outcome;
  }
  if (std::string reason = why_not_text(input.text); !reason.empty()) {
    outcome.skipped = target.candidate;
    outcome.error = std::move(reason);
    return outcome;
  }
  CheckOptions options = settings.options;
  // The name's extension says the layout, its language tags the translation.
  if (target.path != "-") options.document_name = target.path;
  if (target.candidate && !looks_like_transcript(input.text, options)) {
    outcome.skipped = true;
    return outcome;
  }
  const bool empty = input.text.empty();
  const std::shared_ptr<const Analysis> analysis = Analysis::run_once(std::move(input.text), options);
  std::vector<Finding> resorted;
  if (!std::is_sorted(analysis->findings().begin(), analysis->findings().end(), report_order))
    resorted = sorted_findings(analysis->findings());
  const std::vector<Finding>& findings = resorted.empty() ? analysis->findings() : resorted;
  outcome.counts = count_findings(findings);
  if (empty) {
    outcome.note = "empty file: no pairs";
  } else if (analysis->transcript().pairs.empty()) {
    outcome.note = "no pairs found: is this a bilingual transcript?";
  }
  if (settings.format == OutputFormat::Text) {
    outcome.text = text_report(display_path(target.path), analysis->index(), findings);
  } else {
    append_json_diagnostics(outcome.diagnostics, kDiagnosticsDepth, *analysis, findings, input_uri(target.path));
  }
  return outcome;
}

// Never lets an exception escape a worker thread: it would end the process.
FileOutcome check_one_safely(const CheckTarget& target, const CheckSettings& settings) {
  try {
    return check_one(target, settings);
  } catch (const std::bad_alloc&) {
    FileOutcome outcome;
    outcome.error = "out of memory";
    return outcome;
  } catch (const std::exception& e) {
    FileOutcome outcome;
    outcome.error = std::string("internal error: ") + e.what();
    return outcome;
  }
}

std::vector<FileOutcome> check_all(const std::vector<CheckTarget>& targets, const CheckSettings& settings) {
  std::vector<FileOutcome> outcomes(targets.size());
  unsigned jobs = settings.jobs != 0 ? settings.jobs : std::max(1U, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, targets.size()));
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < targets.size(); i = next++) {
      outcomes[i] = check_one_safely(targets[i], settings);
    }
  };
  if (jobs <= 1) {
    work();
    return outcomes;
  }
  {
    std::vector<std::jthread> workers;
    workers.reserve(jobs);
    for (unsigned j = 0; j < jobs; ++j) workers.emplace_back(work);
  }  // joins every worker before `outcomes` is returned
  return outcomes;
}

void write(std::FILE* stream, const std::string& text) {
  if (!text.empty()) std::fwrite(text.data(), 1, text.size(), stream);
}

// Writes the report, with each outcome's diagnostics (freed once written).
int report(const std::vector<CheckTarget>& targets, std::vector<FileOutcome>& outcomes,
           const CheckSettings& settings) {
  FindingCounts total;
  std::size_t checked = 0;
  std::size_t failed = 0;
  // The JSON report, written after the loop (after its messages to stderr, as
  // ever): the text between the diagnostics arrays, and the arrays.
  std::vector<std::string> json_pieces;
  std::string json_text;
  PrettyJsonWriter files(json_text, 0);
  files.begin_array();
  for (std::size_t i = 0; i < targets.size(); ++i) {
    FileOutcome& outcome = outcomes[i];
    if (outcome.skipped) continue;
    const std::string path = display_path(targets[i].path);
    if (outcome.error.empty()) {
      ++checked;
      total.add(outcome.counts);
    } else {
      ++failed;
    }
    if (settings.format == OutputFormat::Json) {
      files.begin_object();
      files.key("path");
      files.string(path);
      files.key("uri");
      files.string(input_uri(targets[i].path));
      files.key("diagnostics");
      if (outcome.error.empty() && !outcome.diagnostics.empty()) {
        // Kept as they are rather than copied into the report (megabytes for a long document).
        files.raw("");
        json_pieces.push_back(std::move(json_text));
        json_text.clear();
        json_pieces.push_back(std::move(outcome.diagnostics));
      } else {
        files.raw("[]");
      }
      if (!outcome.error.empty()) {
        files.key("error");
        files.string(outcome.error);
      }
      if (!outcome.note.empty()) {
        files.key("note");
        files.string(outcome.note);
      }
      files.end_object();
    } else {
      std::fflush(stderr);
      write(stdout, outcome.text);
      std::fflush(stdout);
    }
    // Problems with a file go to stderr in both formats, so a person running a
    // JSON pipeline still sees them.
    if (!outcome.error.empty()) write(stderr, display_text(path) + ": error: " + display_text(outcome.error) + "\n");
    if (!outcome.note.empty()) write(stderr, display_text(path) + ": note: " + outcome.note + "\n");
  }
  if (settings.format == OutputFormat::Json) {
    files.end_array();
    json_pieces.push_back(std::move(json_text));
    for (std::string& piece : json_pieces) {
      write(stdout, piece);
      std::string().swap(piece);
    }
    write(stdout, "\n");
  }
  std::string summary = plural(checked, "file", "files") + " checked, " + plural(total.errors, "error", "errors") +
                        ", " + plural(total.warnings, "warning", "warnings");
  if (total.notes > 0) summary += ", " + plural(total.notes, "note", "notes");
  if (failed > 0) summary += "; " + plural(failed, "file", "files") + " could not be checked";
  std::fflush(stdout);
  write(stderr, summary + "\n");
  if (failed > 0) return kExitFailure;
  return total.failing() ? kExitFindings : kExitClean;
}

constexpr const char* kRuleUsage = "--rule needs CODE=LEVEL with LEVEL one of: off, error, warning, info, hint";

// "CODE=LEVEL": turns a check off or gives it another severity.
void parse_rule(std::string_view text, CheckOptions& options) {
  const std::size_t equals = text.find('=');
  const std::optional<RuleSetting> setting =
      equals == 0 || equals == std::string_view::npos ? std::nullopt : parse_rule_level(text.substr(equals + 1));
  if (!setting) throw UsageError(kRuleUsage);
  const std::string_view code = text.substr(0, equals);
  if (!find_rule(code)) {
    throw UsageError("--rule: unknown check code '" + std::string(code) + "'; known codes: " + known_rule_codes() +
                     " (see 'bitext help checks')");
  }
  options.rules[std::string(code)] = *setting;
}

// One option of the check command (besides the reading options); false when args[i] is none.
bool take_check_option(std::span<const std::string_view> args, std::size_t& i, CheckSettings& settings) {
  if (args[i] == "--no-content") {
    settings.options.content_checks = false;
    return true;
  }
  if (const auto value = option_value(args, i, "--format", "--format needs a value: text or json")) {
    if (*value != "text" && *value != "json")
      throw UsageError("unknown format '" + std::string(*value) + "' (expected text or json)");
    settings.format = *value == "json" ? OutputFormat::Json : OutputFormat::Text;
    return true;
  }
  if (const auto value = option_value(args, i, "--rule", kRuleUsage)) {
    parse_rule(*value, settings.options);
    return true;
  }
  if (const auto value = option_value(args, i, "--jobs", "--jobs needs a positive number")) {
    unsigned jobs = 0;
    const auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), jobs);
    if (error != std::errc() || end != value->data() + value->size() || jobs == 0)
      throw UsageError("--jobs needs a positive number");
    settings.jobs = jobs;
    return true;
  }
  return take_reading_option(args, i, settings.options);
}

// Parses the arguments; returns an exit status when the command is already done.
std::optional<int> parse_arguments(std::span<const std::string_view> args, CheckSettings& settings) {
  if (const std::optional<int> status = read_arguments(
          "check", args, settings.paths, [&](std::size_t& i) { return take_check_option(args, i, settings); }))
    return status;
  if (settings.paths.empty()) return usage_error("check", "no input files (use '-' for standard input)");
  return std::nullopt;
}

}  // namespace

int run_check_command(std::span<const std::string_view> args) {
  CheckSettings settings;
  if (const std::optional<int> status = parse_arguments(args, settings)) return *status;
  const std::vector<CheckTarget> targets = collect_check_targets(settings.paths);
  std::vector<FileOutcome> outcomes = check_all(targets, settings);
  return report(targets, outcomes, settings);
}

}  // namespace bitext::cli
