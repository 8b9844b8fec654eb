// `bitext label-speakers`: the labelled document on stdout or in place, its
// styles, and its errors.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "cli/bitext_process.hpp"

using namespace bitext::test;

namespace {

// Written for this test: a host who introduces herself, a guest who thanks her.
const std::string kInterview =
    "欢迎收听《长夜》。我是安娜·伯格。\nWelcome to Long Night. I'm Anna Berg.\n"
    "汤姆，谢谢你来到节目。\nTom, thanks for coming on.\n"
    "谢谢邀请。\nThanks for having me.\n"
    "你是怎么开始写作的？\nHow did you start writing?\n"
    "我小时候就喜欢讲故事。\nI loved telling stories as a child.\n";

}  // namespace

TEST_CASE("label-speakers writes the labelled document to stdout, the original side by default") {
  const TempDir dir;
  const auto file = dir.write("interview.zh-en.txt", kInterview);
  const auto result = run_bitext({"label-speakers", file.string()});
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  CHECK(result.out ==
        "欢迎收听《长夜》。我是安娜·伯格。\nAnna Berg: Welcome to Long Night. I'm Anna Berg.\n"
        "汤姆，谢谢你来到节目。\nTom, thanks for coming on.\n"
        "谢谢邀请。\nTom: Thanks for having me.\n"
        "你是怎么开始写作的？\nAnna Berg: How did you start writing?\n"
        "我小时候就喜欢讲故事。\nTom: I loved telling stories as a child.\n");
  CHECK(read_whole_file(file) == kInterview);  // the file is untouched
}

TEST_CASE("label-speakers --style both --in-place rewrites the file with each language's spelling") {
  const TempDir dir;
  const auto file = dir.write("interview.zh-en.txt", kInterview);
  const auto result = run_bitext({"label-speakers", "--style", "both", "--in-place", file.string()});
  CHECK(result.status == 0);
  CHECK(result.out.empty());
  const std::string labelled = read_whole_file(file);
  CHECK(labelled.rfind("安娜·伯格：欢迎收听《长夜》。我是安娜·伯格。\nAnna Berg: Welcome", 0) == 0);
  CHECK(labelled.find("汤姆：谢谢邀请。\nTom: Thanks for having me.\n") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(file.string() + ".bitext-tmp"));
}

TEST_CASE("label-speakers --style translation labels the Chinese side only") {
  const auto result = run_bitext({"label-speakers", "--style=translation", "-"}, kInterview);
  CHECK(result.status == 0);
  CHECK(result.out.find("汤姆：谢谢邀请。\nThanks for having me.\n") != std::string::npos);
  CHECK(result.out.find("Anna Berg:") == std::string::npos);
}

TEST_CASE("label-speakers: bad usage is exit 2 with a message") {
  const auto no_file = run_bitext({"label-speakers"});
  CHECK(no_file.status == 2);
  CHECK(no_file.err.find("bitext label-speakers: no FILE given") != std::string::npos);
  const auto bad_style = run_bitext({"label-speakers", "--style", "left", "x.txt"});
  CHECK(bad_style.status == 2);
  CHECK(bad_style.err.find("--style needs original, both or translation") != std::string::npos);
  const auto stdin_in_place = run_bitext({"label-speakers", "--in-place", "-"}, kInterview);
  CHECK(stdin_in_place.status == 2);
  const auto missing = run_bitext({"label-speakers", "no-such-file.txt"});
  CHECK(missing.status == 2);
  CHECK(missing.err.rfind("bitext label-speakers: no-such-file.txt: ", 0) == 0);
  CHECK(run_bitext({"help", "label-speakers"}).out == run_bitext({"label-speakers", "--help"}).out);
  CHECK(run_bitext({"label-speakers", "--help"}).out.rfind("Usage: bitext label-speakers", 0) == 0);
}

TEST_CASE("eval --speakers --show-pairs lists every pair's inferred and true speaker, wrong ones marked") {
  const TempDir dir;
  const auto file = dir.write("interview.zh-en.txt", kInterview);
  // Hand labels with one wrong on purpose: pair 5 is Tom's, labelled Anna's.
  const auto labels = dir.write("interview.labels", "# test\n1\tAnna Berg\n2\tAnna Berg\n3\tTom\n4\tAnna Berg\n5\tAnna Berg\n");
  const auto result = run_bitext({"eval", "--speakers", "--show-pairs", file.string(), labels.string()});
  CHECK(result.status == 0);
  CHECK(result.out.find("    1   inferred Anna Berg        true Anna Berg\n"
                        "    2   inferred Anna Berg        true Anna Berg\n"
                        "    3   inferred Tom              true Tom\n"
                        "    4   inferred Anna Berg        true Anna Berg\n"
                        "    5 x inferred Tom              true Anna Berg\n") != std::string::npos);
}

TEST_CASE("eval --speakers --changes counts where the speaker changes, true and inferred") {
  const TempDir dir;
  const auto file = dir.write("interview.zh-en.txt", kInterview);
  // Labels change after pairs 2 and 3; the inference (Anna Anna Tom Anna Tom) after 2, 3 and 4.
  const auto labels = dir.write("interview.labels", "1\tAnna Berg\n2\tAnna Berg\n3\tTom\n4\tAnna Berg\n5\tAnna Berg\n");
  const auto result = run_bitext({"eval", "--speakers", "--changes", file.string(), labels.string()});
  CHECK(result.status == 0);
  CHECK(result.out.find("  changes: true 2, inferred 3, both 2 (precision 0.667, recall 1.000)\n") != std::string::npos);
  const auto without = run_bitext({"eval", "--speakers", file.string(), labels.string()});
  CHECK(without.out.find("changes:") == std::string::npos);
}
