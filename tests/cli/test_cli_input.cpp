// What `bitext check` and `bitext outline` do with inputs that are not a
// well-formed transcript: missing, unreadable, binary, UTF-16, empty, invalid
// UTF-8, very large and oversized files, directories and standard input.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "cli/bitext_process.hpp"
#include "support/sanitizers.hpp"

using bitext::test::fixture;
using bitext::test::finding_skeleton;
using bitext::test::run_bitext;
using bitext::test::TempDir;

namespace {

const std::string kCleanSummary = "1 file checked, 0 errors, 0 warnings\n";

}  // namespace

TEST_CASE("a missing file is an I/O error: exit 2") {
  const auto result = run_bitext({"check", "no/such/file.txt"});
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "no/such/file.txt: error: No such file or directory\n"
        "0 files checked, 0 errors, 0 warnings; 1 file could not be checked\n");

  const auto outline = run_bitext({"outline", "no/such/file.txt"});
  CHECK(outline.status == 2);
  CHECK(outline.out.empty());
  CHECK(outline.err == "no/such/file.txt: error: No such file or directory\n");
}

TEST_CASE("an I/O error wins over the other files' results, which are still reported") {
  const TempDir dir;
  dir.write("good.txt", fixture("clean.zh-en.txt"));
  const auto result = run_bitext({"check", "--no-content", "missing.txt", "good.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "missing.txt: error: No such file or directory\n"
        "1 file checked, 0 errors, 0 warnings; 1 file could not be checked\n");
}

TEST_CASE("a directory where a file is expected") {
  const TempDir dir;
  std::filesystem::create_directory(dir.path() / "folder");
  const auto result = run_bitext({"outline", "folder"}, std::nullopt, dir.path());
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(result.err == "folder: error: is a directory\n");
}

TEST_CASE("a file without read permission") {
  if (::geteuid() == 0) {
    MESSAGE("running as root, which can read any file: skipped (the directory case covers unreadable input)");
    return;
  }
  const TempDir dir;
  const auto file = dir.write("secret.txt", fixture("clean.zh-en.txt"));
  std::filesystem::permissions(file, std::filesystem::perms::none);
  const auto result = run_bitext({"check", "secret.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 2);
  CHECK(result.err ==
        "secret.txt: error: Permission denied\n"
        "0 files checked, 0 errors, 0 warnings; 1 file could not be checked\n");
}

TEST_CASE("a binary file named on the command line is skipped with a message, exit 2") {
  const TempDir dir;
  dir.write("image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const auto result = run_bitext({"check", "image.png"}, std::nullopt, dir.path());
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "image.png: error: binary file, skipped\n"
        "0 files checked, 0 errors, 0 warnings; 1 file could not be checked\n");

  const auto outline = run_bitext({"outline", "image.png"}, std::nullopt, dir.path());
  CHECK(outline.status == 2);
  CHECK(outline.out.empty());
  CHECK(outline.err == "image.png: error: binary file, skipped\n");
}

TEST_CASE("a UTF-16 file is refused with a hint to convert it") {
  const TempDir dir;
  dir.write("utf16.txt", std::string("\xFF\xFE\x60\x4F\x7D\x59\n\0", 8));
  const auto result = run_bitext({"check", "utf16.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 2);
  CHECK(result.err ==
        "utf16.txt: error: UTF-16 or UTF-32 file, skipped (convert it to UTF-8)\n"
        "0 files checked, 0 errors, 0 warnings; 1 file could not be checked\n");
}

TEST_CASE("an empty file: a note, no findings, exit 0") {
  const TempDir dir;
  dir.write("empty.txt", "");
  const auto result = run_bitext({"check", "empty.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 0);
  CHECK(result.out.empty());
  CHECK(result.err == "empty.txt: note: empty file: no pairs\n" + kCleanSummary);

  const auto outline = run_bitext({"outline", "empty.txt"}, std::nullopt, dir.path());
  CHECK(outline.status == 0);
  CHECK(outline.out == "empty.txt: 0 pairs\n");
  CHECK(outline.err == "empty.txt: note: empty file: no pairs\n");
}

TEST_CASE("a file of blank lines has no pairs: a note, exit 0") {
  const TempDir dir;
  dir.write("blank.txt", "\n  \n\t\n");
  const auto result = run_bitext({"check", "blank.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 0);
  CHECK(result.out.empty());
  CHECK(result.err == "blank.txt: note: no pairs found: is this a bilingual transcript?\n" + kCleanSummary);
}

TEST_CASE("invalid UTF-8 is reported as a finding at its line and column") {
  // Line 3 is 这个社区增长得非常快。: the bad byte goes after 这个, so it is the
  // third character of line 3.
  std::string text = fixture("clean.zh-en.txt");
  const std::size_t line3 = text.find("这个社区");
  REQUIRE(line3 != std::string::npos);
  text.insert(line3 + std::string("这个").size(), "\xFF");
  const TempDir dir;
  dir.write("bad.txt", text);
  const auto result = run_bitext({"check", "--no-content", "bad.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 1);
  CHECK(finding_skeleton(result.out) == std::vector<std::string>{"bad.txt:3:3: error [invalid-utf8]"});
  CHECK(result.err == "1 file checked, 1 error, 0 warnings\n");
  // What is printed is valid UTF-8 even though the file is not.
  CHECK(result.out.find('\xFF') == std::string::npos);
}

TEST_CASE("standard input is read with '-' and shown as <stdin>") {
  const auto clean = run_bitext({"check", "--no-content", "-"}, fixture("clean.zh-en.txt"));
  CHECK(clean.status == 0);
  CHECK(clean.out.empty());
  CHECK(clean.err == kCleanSummary);

  const auto empty = run_bitext({"check", "-"});  // stdin is /dev/null
  CHECK(empty.status == 0);
  CHECK(empty.err == "<stdin>: note: empty file: no pairs\n" + kCleanSummary);

  const auto outline = run_bitext({"outline", "-"}, fixture("clean.zh-en.txt"));
  CHECK(outline.status == 0);
  CHECK(outline.out.rfind("<stdin>: 4 pairs, translation (han) first, original (latin) second\n", 0) == 0);
}

TEST_CASE("a FIFO or a device named on the command line is refused at once, exit 2") {
  const TempDir dir;
  const auto fifo = dir.path() / "pipe.txt";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Nobody writes to the FIFO: reading it would block forever.
  const auto result = run_bitext({"check", "pipe.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "pipe.txt: error: is a FIFO, not a regular file (use - to read standard input)\n"
        "0 files checked, 0 errors, 0 warnings; 1 file could not be checked\n");
  const auto outline = run_bitext({"outline", "pipe.txt"}, std::nullopt, dir.path());
  CHECK(outline.status == 2);
  CHECK(outline.err == "pipe.txt: error: is a FIFO, not a regular file (use - to read standard input)\n");

  const auto device = run_bitext({"check", "/dev/zero"});
  CHECK(device.status == 2);
  CHECK(device.err ==
        "/dev/zero: error: is a device, not a regular file\n"
        "0 files checked, 0 errors, 0 warnings; 1 file could not be checked\n");
}

TEST_CASE("standard input with a NUL byte is refused as binary when the NUL is read, not at the size limit") {
  // A text start, then NULs: refused as binary like a named file. (/dev/zero
  // on standard input goes the same way after its first read.)
  std::string input = "本集简介\n" + std::string(1 << 20, '\0');
  const auto result = run_bitext({"check", "-"}, input);
  CHECK(result.status == 2);
  CHECK(result.err ==
        "<stdin>: error: binary file, skipped\n"
        "0 files checked, 0 errors, 0 warnings; 1 file could not be checked\n");
}

TEST_CASE("a file over the size limit is refused before it is read") {
  const TempDir dir;
  const auto big = dir.path() / "huge.txt";
  bitext::test::write_whole_file(big, "");
  std::filesystem::resize_file(big, std::uintmax_t{2} << 30);  // sparse: takes no disk space
  const auto result = run_bitext({"check", "huge.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "huge.txt: error: file too large: 2147483648 bytes (the limit is 1073741824 bytes)\n"
        "0 files checked, 0 errors, 0 warnings; 1 file could not be checked\n");
}

TEST_CASE("a 100 MB transcript is checked whole (8 MB under AddressSanitizer)") {
  // The sample's header, its 117 pairs repeated to over 100 MiB, its footer.
  // Under AddressSanitizer 100 MiB took 45 s, most of the sanitizer tests'
  // time; 8 MiB (over 80,000 lines) still takes every path a long file takes.
  const std::size_t size = (bitext::test::kUnderAddressSanitizer ? 8 : 100) * 1024 * 1024;
  const std::string sample = bitext::test::read_whole_file(
      std::filesystem::path(BITEXT_SOURCE_DIR) / "examples/unsupervised-learning-ep1.zh-en.txt");
  const auto lines = bitext::test::split_lines(sample);
  REQUIRE(lines.size() == 239);
  std::string pairs;
  for (std::size_t i = 3; i < 237; ++i) pairs += lines[i] + "\n";
  std::string text = lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n";
  text.reserve(size + 2 * pairs.size());
  while (text.size() < size) text += pairs;
  text += lines[237] + "\n" + lines[238];
  const TempDir dir;
  dir.write("long.txt", text);
  text = std::string();

  const auto result = run_bitext({"check", "--no-content", "long.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 0);
  CHECK(result.out.empty());
  CHECK(result.err == kCleanSummary);
}
