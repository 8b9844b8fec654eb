// The rule registry: its rows, the README's table of checks (parsed from
// README.md and compared cell by cell), apply_rules, and that the analysis
// only emits registered codes at the severities the registry gives them.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/checks.hpp"
#include "bitext/pairing.hpp"
#include "bitext/rules.hpp"

using namespace bitext;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> split_row(const std::string& line) {
  // "| a | b |" -> {"a", "b"}; cells are trimmed.
  std::vector<std::string> cells;
  std::size_t at = line.find('|');
  while (at != std::string::npos) {
    const std::size_t next = line.find('|', at + 1);
    if (next == std::string::npos) break;
    std::string cell = line.substr(at + 1, next - at - 1);
    const std::size_t first = cell.find_first_not_of(' ');
    const std::size_t last = cell.find_last_not_of(' ');
    cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
    at = next;
  }
  return cells;
}

// The rows of every table under "## Checks" (up to the next "## " heading)
// whose header starts with "Code".
std::vector<std::vector<std::string>> readme_check_rows(std::vector<std::string>& header) {
  std::istringstream in(read_file(std::filesystem::path(BITEXT_SOURCE_DIR) / "README.md"));
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool in_checks = false, in_table = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) {
      in_checks = line == "## Checks";
      in_table = false;
      continue;
    }
    if (!in_checks) continue;
    if (line.rfind("| Code |", 0) == 0) {
      header = split_row(line);
      in_table = true;
      continue;
    }
    if (!in_table || line.rfind("|", 0) != 0) {
      in_table = false;
      continue;
    }
    if (line.rfind("|---", 0) == 0) continue;
    rows.push_back(split_row(line));
  }
  return rows;
}

std::vector<std::filesystem::path> transcripts() {
  std::vector<std::filesystem::path> paths;
  for (const char* dir : {"examples", "tests/eval/corpus"})
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(BITEXT_SOURCE_DIR) / dir))
      if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  return paths;
}

const std::string kSwapped =
    "今天天气很好。\n"
    "The weather is nice today.\n"
    "He bought a new book yesterday.\n"
    "他昨天买了一本新书。\n"
    "这家餐厅的菜很好吃。\n"
    "The food at this restaurant is delicious.";

}  // namespace

TEST_CASE("registry: codes are unique kebab-case, each row is complete") {
  std::set<std::string_view> codes;
  for (const Rule& rule : all_rules()) {
    CAPTURE(rule.code);
    CHECK(codes.insert(rule.code).second);
    CHECK(!rule.code.empty());
    CHECK(rule.code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos);
    CHECK(!rule.explanation.empty());
    CHECK(rule.weakest >= rule.severity);  // larger value = weaker severity
    if (rule.has_fix) CHECK(!rule.fix.empty());
    CHECK(find_rule(rule.code) == &rule);
    CHECK(default_severity(rule.code) == rule.severity);
    CHECK(known_rule_codes().find(std::string(rule.code)) != std::string::npos);
  }
  CHECK(codes.size() == 26);
  CHECK(find_rule("split-suggested") == nullptr);  // never emitted
  CHECK(find_rule("typo") == nullptr);
  CHECK_THROWS_AS(default_severity("typo"), std::invalid_argument);
  CHECK(known_rule_codes().rfind("missing-translation, missing-original, joined-lines, swapped-order", 0) == 0);
}

TEST_CASE("registry: the texts of severity ranges and fixes") {
  CHECK(severity_range_text(*find_rule("swapped-order")) == "error");
  CHECK(severity_range_text(*find_rule("length-outlier")) == "hint–warning");
  CHECK(severity_range_text(*find_rule("number-mismatch")) == "info–warning");
  CHECK(fix_text(*find_rule("duplicate-line")) == "delete the copy");
  CHECK(fix_text(*find_rule("untranslated")) == "none: translate it");
  CHECK(fix_text(*find_rule("length-outlier")) == "none");
  CHECK(rule_kind_name(find_rule("empty-line")->kind) == "structural");
  CHECK(rule_kind_name(find_rule("boundary-drift")->kind) == "content");
  CHECK(rule_kind_name(find_rule("subtitle-overlap")->kind) == "subtitle");
  CHECK(rule_kind_name(find_rule("speaker-mismatch")->kind) == "speaker");
  CHECK(severity_range_text(*find_rule("speaker-mismatch")) == "warning");
  CHECK(severity_range_text(*find_rule("speaker-label-missing")) == "info");
  CHECK(fix_text(*find_rule("speaker-spelling")) == "write the frequent spelling");
  CHECK(severity_range_text(*find_rule("subtitle-reading-speed")) == "hint");
  CHECK(fix_text(*find_rule("subtitle-numbering")) == "renumber the file");
}

TEST_CASE("levels: off and the four severities, nothing else") {
  CHECK_FALSE(parse_rule_level("off")->enabled);
  CHECK(parse_rule_level("error")->severity == Severity::Error);
  CHECK(parse_rule_level("warning")->severity == Severity::Warning);
  CHECK(parse_rule_level("info")->severity == Severity::Information);
  CHECK(parse_rule_level("information")->severity == Severity::Information);
  CHECK(parse_rule_level("hint")->severity == Severity::Hint);
  CHECK(parse_rule_level("hint")->enabled);
  CHECK_FALSE(parse_rule_level("Error"));
  CHECK_FALSE(parse_rule_level(""));
  CHECK_FALSE(parse_rule_level("loud"));
}

TEST_CASE("README: one table of checks, equal to the registry row by row") {
  std::vector<std::string> header;
  const auto rows = readme_check_rows(header);
  CHECK(header == std::vector<std::string>{"Code", "Kind", "Severity", "What it means", "Fix"});
  REQUIRE(rows.size() == all_rules().size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Rule& rule = all_rules()[i];
    CAPTURE(rule.code);
    REQUIRE(rows[i].size() == 5);
    CHECK(rows[i][0] == "`" + std::string(rule.code) + "`");
    CHECK(rows[i][1] == rule_kind_name(rule.kind));
    CHECK(rows[i][2] == severity_range_text(rule));
    CHECK(rows[i][3] == rule.explanation);
    CHECK(rows[i][4] == fix_text(rule));
  }
}

TEST_CASE("apply_rules: off drops, a level replaces the severity; idempotent; unknown codes kept") {
  std::vector<Finding> findings(4);
  findings[0].code = "split-line";
  findings[1].code = "swapped-order";
  findings[1].severity = Severity::Error;
  findings[2].code = "length-outlier";
  findings[2].severity = Severity::Hint;
  findings[3].code = "from-the-future";
  findings[3].severity = Severity::Information;
  CheckOptions options;
  options.rules["split-line"].enabled = false;
  options.rules["swapped-order"].severity = Severity::Information;
  options.rules["length-outlier"].severity = Severity::Error;
  apply_rules(findings, options);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].code == "swapped-order");
  CHECK(findings[0].severity == Severity::Information);
  CHECK(findings[1].severity == Severity::Error);
  CHECK(findings[2].code == "from-the-future");
  CHECK(findings[2].severity == Severity::Information);
  const std::vector<Finding> once = findings;
  apply_rules(findings, options);
  REQUIRE(findings.size() == once.size());
  for (std::size_t i = 0; i < once.size(); ++i) CHECK(findings[i].severity == once[i].severity);
}

TEST_CASE("producers emit at the default severity; the analysis applies the settings once") {
  CheckOptions options;
  options.content_checks = false;
  options.rules["swapped-order"].severity = Severity::Hint;
  const LineIndex index(kSwapped);
  const std::vector<Finding> made = structural_checks(parse_transcript(index, options), index, options);
  REQUIRE(made.size() == 1);
  CHECK(made[0].code == "swapped-order");
  CHECK(made[0].severity == Severity::Error);
  const auto analysis = Analysis::run(kSwapped, options);
  REQUIRE(analysis->findings().size() == 1);
  CHECK(analysis->findings()[0].severity == Severity::Hint);
  options.rules["swapped-order"].enabled = false;
  CHECK(Analysis::run(kSwapped, options)->findings().empty());
}

TEST_CASE("the examples and the evaluation corpus give only registered codes, within their severities") {
  std::set<std::string> seen;
  for (const auto& path : transcripts()) {
    CAPTURE(path.string());
    const auto analysis = Analysis::run(read_file(path), CheckOptions{});
    for (const Finding& finding : analysis->findings()) {
      CAPTURE(finding.code);
      const Rule* rule = find_rule(finding.code);
      REQUIRE(rule != nullptr);
      CHECK(finding.severity >= rule->severity);
      CHECK(finding.severity <= rule->weakest);
      seen.insert(finding.code);
    }
  }
  // with-errors has one mistake of each structural kind but invalid UTF-8.
  for (const char* code : {"missing-translation", "missing-original", "swapped-order", "duplicate-line",
                           "split-line", "untranslated", "empty-line", "boundary-drift"})
    CHECK(seen.count(code) == 1);
}

TEST_CASE("subtitle fixtures: registered codes at their default severities; the settings apply to them") {
  std::set<std::string> seen;
  for (const char* name : {"errors.srt", "errors.vtt"}) {
    CAPTURE(name);
    CheckOptions options;
    options.document_name = name;
    const std::string text = read_file(std::filesystem::path(BITEXT_SOURCE_DIR) / "tests/fixtures/layouts" / name);
    const auto analysis = Analysis::run(text, options);
    for (const Finding& finding : analysis->findings()) {
      CAPTURE(finding.code);
      const Rule* rule = find_rule(finding.code);
      REQUIRE(rule != nullptr);
      if (rule->kind == RuleKind::Subtitle) CHECK(finding.severity == rule->severity);
      seen.insert(finding.code);
    }
    // Off drops the code, a level replaces its severity, like any other code.
    options.rules["subtitle-overlap"].enabled = false;
    options.rules["subtitle-timestamp-malformed"].severity = Severity::Hint;
    std::size_t malformed = 0;
    const auto configured = Analysis::run(text, options);
    for (const Finding& finding : configured->findings()) {
      CHECK(finding.code != "subtitle-overlap");
      if (finding.code == "subtitle-timestamp-malformed") {
        CHECK(finding.severity == Severity::Hint);
        ++malformed;
      }
    }
    CHECK(malformed == 1);
  }
  for (const char* code : {"subtitle-timestamp-malformed", "subtitle-timestamp-form", "subtitle-end-before-start",
                           "subtitle-overlap", "subtitle-out-of-order", "subtitle-numbering"})
    CHECK(seen.count(code) == 1);
}
