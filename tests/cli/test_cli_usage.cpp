// The `bitext` command line itself: help, version, unknown commands and bad
// options, with their exact exit statuses and messages.
#include <doctest/doctest.h>

#include "bitext/rules.hpp"
#include "cli/bitext_process.hpp"

using bitext::test::run_bitext;

namespace {

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

const char* const kRuleMessage = "--rule needs CODE=LEVEL with LEVEL one of: off, error, warning, info, hint";
const char* const kCheckUsageFirstLine = "Usage: bitext check [options] PATH...\n";

}  // namespace

TEST_CASE("--version prints the project version") {
  const auto result = run_bitext({"--version"});
  CHECK(result.status == 0);
  CHECK(result.out == "bitext 0.1.0\n");
  CHECK(result.err.empty());
}

TEST_CASE("--help, -h and help print the command list on stdout") {
  const auto help = run_bitext({"--help"});
  CHECK(help.status == 0);
  CHECK(help.err.empty());
  CHECK(starts_with(help.out, "Usage: bitext <command> [options] [arguments]\n"));
  for (const char* command : {"\n  check ", "\n  report ", "\n  outline ", "\n  detect ", "\n  lsp ", "\n  eval ", "\n  help "}) {
    CHECK(help.out.find(command) != std::string::npos);
  }
  CHECK(run_bitext({"-h"}).out == help.out);
  CHECK(run_bitext({"help"}).out == help.out);
}

TEST_CASE("no arguments: usage on stderr, exit 2") {
  const auto result = run_bitext({});
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(result.err == run_bitext({"--help"}).out);
}

TEST_CASE("unknown command: named, usage on stderr, exit 2") {
  const auto result = run_bitext({"frobnicate", "x.txt"});
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(result.err == "bitext: unknown command 'frobnicate'\n\n" + run_bitext({"--help"}).out);
}

TEST_CASE("help <command> and <command> --help print the same text") {
  const auto help_check = run_bitext({"help", "check"});
  CHECK(help_check.status == 0);
  CHECK(starts_with(help_check.out, kCheckUsageFirstLine));
  CHECK(help_check.out.find("--format text|json") != std::string::npos);
  CHECK(help_check.out.find("--order auto|translation-first|original-first") != std::string::npos);
  CHECK(help_check.out.find("--no-content") != std::string::npos);
  CHECK(run_bitext({"check", "--help"}).out == help_check.out);
  CHECK(run_bitext({"check", "-h"}).out == help_check.out);

  const auto help_outline = run_bitext({"help", "outline"});
  CHECK(help_outline.status == 0);
  CHECK(starts_with(help_outline.out, "Usage: bitext outline [options] FILE\n"));
  CHECK(run_bitext({"outline", "--help"}).out == help_outline.out);

  const auto help_lsp = run_bitext({"help", "lsp"});
  CHECK(help_lsp.status == 0);
  CHECK(starts_with(help_lsp.out, "Usage: bitext lsp [--stdio] [--listen 127.0.0.1:PORT]\n"));
  CHECK(run_bitext({"lsp", "--help"}).out == help_lsp.out);

  const auto help_eval = run_bitext({"help", "eval"});
  CHECK(help_eval.status == 0);
  CHECK(starts_with(help_eval.out, "Usage: bitext eval "));
  CHECK(run_bitext({"eval", "--help"}).out == help_eval.out);
}

TEST_CASE("help checks lists every code with its kind, severity, explanation and fix") {
  const auto result = run_bitext({"help", "checks"});
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  CHECK(starts_with(result.out, "Usage: bitext help checks\n"));
  std::size_t previous = 0;
  for (const bitext::Rule& rule : bitext::all_rules()) {
    CAPTURE(rule.code);
    const std::string entry = "\n\n" + std::string(rule.code) + " (" + std::string(bitext::rule_kind_name(rule.kind)) +
                              ", " + bitext::severity_range_text(rule) + ")\n  " + std::string(rule.explanation) +
                              "\n  Fix: " + bitext::fix_text(rule) + "\n";
    const std::size_t at = result.out.find(entry);
    CHECK(at != std::string::npos);
    CHECK(at >= previous);  // in the registry's order
    previous = at;
  }
  CHECK(result.out.find("swapped-order (structural, error)\n  the two lines of a pair are in the opposite order") !=
        std::string::npos);
  CHECK(result.out.find("token-not-carried (content, hint–info)\n") != std::string::npos);
  CHECK(result.out.find("split-suggested") == std::string::npos);
}

TEST_CASE("help for an unknown command fails") {
  const auto result = run_bitext({"help", "nosuch"});
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(starts_with(result.err, "bitext help: unknown command 'nosuch'\n"));
}

TEST_CASE("check: usage errors name the problem and exit 2") {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::string kUnknownTypo =
      "--rule: unknown check code 'typo'; known codes: " + bitext::known_rule_codes() + " (see 'bitext help checks')";
  const std::vector<Case> cases = {
      {{"check"}, "no input files (use '-' for standard input)"},
      {{"check", "--no-content"}, "no input files (use '-' for standard input)"},
      {{"check", "--format", "xml", "a.txt"}, "unknown format 'xml' (expected text or json)"},
      {{"check", "--format=yaml", "a.txt"}, "unknown format 'yaml' (expected text or json)"},
      {{"check", "a.txt", "--format"}, "--format needs a value: text or json"},
      {{"check", "--order", "sideways", "a.txt"}, "--order needs one of: auto, translation-first, original-first"},
      {{"check", "a.txt", "--order"}, "--order needs one of: auto, translation-first, original-first"},
      {{"check", "--jobs", "0", "a.txt"}, "--jobs needs a positive number"},
      {{"check", "--jobs=2x", "a.txt"}, "--jobs needs a positive number"},
      {{"check", "--rule", "split-line", "a.txt"}, kRuleMessage},
      {{"check", "--rule=split-line=sometimes", "a.txt"}, kRuleMessage},
      {{"check", "--rule", "=off", "a.txt"}, kRuleMessage},
      {{"check", "a.txt", "--rule"}, kRuleMessage},
      {{"check", "--rule", "typo=off", "a.txt"}, kUnknownTypo},
      {{"check", "--rule=split-lines=error", "a.txt"},
       "--rule: unknown check code 'split-lines'; known codes: " + bitext::known_rule_codes() +
           " (see 'bitext help checks')"},
      {{"check", "--rule", "split-suggested=off", "a.txt"},
       "--rule: unknown check code 'split-suggested'; known codes: " + bitext::known_rule_codes() +
           " (see 'bitext help checks')"},
      {{"check", "--rule", "split-line=loud", "a.txt"}, kRuleMessage},
      {{"check", "--bogus", "a.txt"}, "unknown option '--bogus'"},
      {{"check", "-x", "a.txt"}, "unknown option '-x'"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.message);
    const auto result = run_bitext(c.args);
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK(result.err == "bitext check: " + c.message + "\nTry 'bitext help check'.\n");
  }
}

TEST_CASE("check: after --, a name that starts with a dash is a path") {
  const auto result = run_bitext({"check", "--", "--no-such-file"});
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "--no-such-file: error: No such file or directory\n"
        "0 files checked, 0 errors, 0 warnings; 1 file could not be checked\n");
}

TEST_CASE("outline: usage errors exit 2") {
  const std::string one_file = "bitext outline: expected exactly one FILE ('-' for standard input)\n"
                               "Try 'bitext help outline'.\n";
  CHECK(run_bitext({"outline"}).err == one_file);
  CHECK(run_bitext({"outline"}).status == 2);
  const auto two = run_bitext({"outline", "a.txt", "b.txt"});
  CHECK(two.status == 2);
  CHECK(two.err == one_file);
  const auto bad_order = run_bitext({"outline", "--order=diagonal", "a.txt"});
  CHECK(bad_order.status == 2);
  CHECK(bad_order.err ==
        "bitext outline: --order needs one of: auto, translation-first, original-first\n"
        "Try 'bitext help outline'.\n");
  const auto bad_option = run_bitext({"outline", "--format", "json", "a.txt"});
  CHECK(bad_option.status == 2);
  CHECK(bad_option.err == "bitext outline: unknown option '--format'\nTry 'bitext help outline'.\n");
}

TEST_CASE("lsp: unknown options exit 2 without starting the server") {
  // The server parses its own options; its message is its own, but must name the argument.
  const auto result = run_bitext({"lsp", "--tcp"});
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(starts_with(result.err, "bitext lsp: "));
  CHECK(result.err.find("--tcp") != std::string::npos);
}

TEST_CASE("every command that reads a transcript takes --order, --layout and --translation-language alike") {
  for (const std::string command : {"check", "outline", "report", "detect", "label-speakers"}) {
    CAPTURE(command);
    const std::string try_help = "Try 'bitext help " + command + "'.\n";
    const auto bad_layout = run_bitext({command, "--layout=scroll", "a.txt"});
    CHECK(bad_layout.status == 2);
    CHECK(bad_layout.out.empty());
    CHECK(bad_layout.err ==
          "bitext " + command + ": --layout needs one of: auto, lines, paragraphs, markdown, srt, vtt\n" + try_help);
    const auto no_language = run_bitext({command, "a.txt", "--translation-language"});
    CHECK(no_language.status == 2);
    CHECK(no_language.err == "bitext " + command +
                                 ": --translation-language needs 'auto' or a language tag such as zh, en, ja, ko, "
                                 "ru, fr\n" +
                                 try_help);
    const auto bad_order = run_bitext({command, "--order", "sideways", "a.txt"});
    CHECK(bad_order.err ==
          "bitext " + command + ": --order needs one of: auto, translation-first, original-first\n" + try_help);
    const auto unknown = run_bitext({command, "--frobnicate", "a.txt"});
    CHECK(unknown.status == 2);
    CHECK(unknown.err == "bitext " + command + ": unknown option '--frobnicate'\n" + try_help);
    const std::string help = run_bitext({command, "--help"}).out;
    CHECK(help.find("--layout auto|lines|paragraphs|markdown|srt|vtt") != std::string::npos);
    CHECK(help.find("--translation-language auto|TAG") != std::string::npos);
  }
}

TEST_CASE("detect: --layout reads the file in the layout given") {
  const std::string srt = "tests/fixtures/layouts/clean.srt";
  const auto as_subtitles = run_bitext({"detect", srt});
  CHECK(as_subtitles.status == 0);
  CHECK(as_subtitles.out.find("; 3 pairs in the first") != std::string::npos);
  // Read as plain lines, every cue's number and timing line is text of its own.
  const auto as_lines = run_bitext({"detect", "--layout", "lines", srt});
  CHECK(as_lines.out.find("; 4 pairs in the first") != std::string::npos);
}

TEST_CASE("label-speakers: after --, a name that starts with a dash is the FILE") {
  const bitext::test::TempDir dir;
  const std::string sample = bitext::test::read_whole_file(BITEXT_SOURCE_DIR "/examples/unsupervised-learning-ep1.zh-en.txt");
  dir.write("-ep1.zh-en.txt", sample);
  dir.write("ep1.zh-en.txt", sample);
  const auto dashed = run_bitext({"label-speakers", "--", "-ep1.zh-en.txt"}, std::nullopt, dir.path());
  const auto plain = run_bitext({"label-speakers", "ep1.zh-en.txt"}, std::nullopt, dir.path());
  CHECK(dashed.status == 0);
  CHECK(plain.status == 0);
  CHECK(dashed.out.size() > sample.size());  // labels were inserted
  CHECK(dashed.out == plain.out);
  const auto two = run_bitext({"label-speakers", "a.txt", "b.txt"});
  CHECK(two.status == 2);
  CHECK(two.err == "bitext label-speakers: one FILE at a time\nTry 'bitext help label-speakers'.\n");
}
