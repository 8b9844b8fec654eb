// `bitext check` text output: exact finding positions and codes (messages
// belong to the checks and are not compared), the summary, exit statuses,
// several files, directories and parallel runs.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/bitext_process.hpp"

using bitext::test::fixture;
using bitext::test::finding_skeleton;
using bitext::test::read_whole_file;
using bitext::test::report_skeleton;
using bitext::test::run_bitext;
using bitext::test::TempDir;

namespace {

const std::string kSample = "examples/unsupervised-learning-ep1.zh-en.txt";
const std::string kWithErrors = "examples/with-errors.zh-en.txt";

std::string example(const std::string& path) {
  return read_whole_file(std::filesystem::path(BITEXT_SOURCE_DIR) / path);
}

// examples/with-errors.zh-en.txt was made from the sample's pairs with one
// mistake of each kind; see the comments on each line below.
std::vector<std::string> with_errors_report(const std::string& path) {
  return {
      path + ":6:1: error [missing-original]",  // its English line 7 of the sample was dropped
      path + ":5:1: note",                       //   nearest original: pair 1's
      path + ":10:1: warning [split-line]",      // one English line cut in two (10, 11)
      path + ":9:1: note",                       //   their translation
      path + ":12:1: error [swapped-order]",     // English line put before its Chinese line
      path + ":13:1: note",                      //   the translation, after it
      path + ":17:1: warning [duplicate-line]",  // line 16 twice
      path + ":16:1: note",                      //   the first copy
      path + ":19:1: warning [untranslated]",    // the English line in place of its translation
      path + ":20:1: note",                      //   the original
      path + ":22:1: warning [empty-line]",      // blank line between 21 and 23
      path + ":21:1: note",
      path + ":23:1: note",
      path + ":24:1: error [missing-translation]",  // its Chinese line was dropped
      path + ":21:1: note",                          //   nearest translation: pair 9's
  };
}

std::vector<std::string> missing_original_report(const std::string& path) {
  return {path + ":5:1: error [missing-original]", path + ":4:1: note"};
}

}  // namespace

TEST_CASE("the sample transcript is clean: no output, exit 0") {
  const auto result = run_bitext({"check", "--no-content", kSample});
  CHECK(result.status == 0);
  CHECK(result.out.empty());
  CHECK(result.err == "1 file checked, 0 errors, 0 warnings\n");
}

TEST_CASE("one finding per line, compiler style, with notes at the partner lines; exit 1") {
  const auto result = run_bitext({"check", "--no-content", kWithErrors});
  CHECK(result.status == 1);
  CHECK(report_skeleton(result.out) == with_errors_report(kWithErrors));
  CHECK(result.err == "1 file checked, 3 errors, 4 warnings\n");
}

TEST_CASE("--order, --format text and --jobs are accepted in both spellings") {
  const auto plain = run_bitext({"check", "--no-content", kWithErrors});
  const auto spelled = run_bitext(
      {"check", "--format=text", "--order", "translation-first", "--jobs=3", "--no-content", kWithErrors});
  CHECK(spelled.status == 1);
  CHECK(spelled.out == plain.out);
  CHECK(spelled.err == plain.err);
}

TEST_CASE("files are reported in path order, whatever the order they were named in") {
  const TempDir dir;
  dir.write("b.txt", example(kWithErrors));
  dir.write("a.txt", fixture("missing-original.zh-en.txt"));
  dir.write("c.txt", fixture("clean.zh-en.txt"));
  const auto result = run_bitext({"check", "--no-content", "c.txt", "b.txt", "a.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 1);
  std::vector<std::string> expected = missing_original_report("a.txt");
  for (const std::string& line : with_errors_report("b.txt")) expected.push_back(line);
  CHECK(report_skeleton(result.out) == expected);
  CHECK(result.err == "3 files checked, 4 errors, 4 warnings\n");
}

TEST_CASE("a file named twice is checked once") {
  const auto result = run_bitext({"check", "--no-content", kWithErrors, kWithErrors});
  CHECK(report_skeleton(result.out) == with_errors_report(kWithErrors));
  CHECK(result.err == "1 file checked, 3 errors, 4 warnings\n");
}

TEST_CASE("a directory is searched recursively for .bitext files and transcript-like .txt files") {
  const TempDir dir;
  dir.write("docs/sub/one.bitext", fixture("missing-original.zh-en.txt"));
  dir.write("docs/sub/deeper/two.txt", example(kWithErrors));
  dir.write("docs/Clean.TXT", fixture("clean.zh-en.txt"));
  dir.write("docs/empty.bitext", "");
  // Skipped silently: not a transcript, wrong extension, hidden, binary.
  dir.write("docs/notes.txt", "These are my notes for the week.\nBuy milk and eggs.\nCall the office.\n");
  dir.write("docs/readme.md", "# Project notes\n\nThese are my notes.\n\n## Next\n\nCall the office.\n");  // no pairs
  dir.write("docs/.hidden/three.bitext", example(kWithErrors));
  dir.write("docs/.draft.txt", example(kWithErrors));
  dir.write("docs/blob.txt", std::string("\0\1\2\3", 4));
  dir.write("docs/monolingual.txt", "今天我们聊聊开源模型。\n这个社区增长得非常快。\n谢谢大家收听。\n");

  const auto result = run_bitext({"check", "--no-content", "docs"}, std::nullopt, dir.path());
  CHECK(result.status == 1);
  std::vector<std::string> expected = with_errors_report("docs/sub/deeper/two.txt");
  for (const std::string& line : missing_original_report("docs/sub/one.bitext")) expected.push_back(line);
  CHECK(report_skeleton(result.out) == expected);
  CHECK(result.err ==
        "docs/empty.bitext: note: empty file: no pairs\n"
        "4 files checked, 4 errors, 4 warnings\n");

  // The same with a trailing slash.
  const auto slash = run_bitext({"check", "--no-content", "docs/"}, std::nullopt, dir.path());
  CHECK(slash.out == result.out);
  CHECK(slash.err == result.err);

  // Named explicitly, a file is never skipped: a binary one is an error.
  const auto named = run_bitext({"check", "--no-content", "docs/blob.txt", "docs/notes.txt"}, std::nullopt,
                                dir.path());
  CHECK(named.status == 2);
  CHECK(named.out.empty());
  CHECK(named.err ==
        "docs/blob.txt: error: binary file, skipped\n"
        "docs/notes.txt: note: no pairs found: is this a bilingual transcript?\n"
        "1 file checked, 0 errors, 0 warnings; 1 file could not be checked\n");
}

TEST_CASE("a directory's .md, .srt and .vtt files are checked when they look bilingual") {
  const TempDir dir;
  const auto layout_fixture = [](const std::string& name) {
    return read_whole_file(std::filesystem::path(BITEXT_SOURCE_DIR) / "tests/fixtures/layouts" / name);
  };
  dir.write("subs/a.srt", layout_fixture("errors.srt"));
  dir.write("subs/b.vtt", layout_fixture("clean.vtt"));
  dir.write("subs/c.md", layout_fixture("clean.md"));
  dir.write("subs/notes.md", "# Notes\n\nJust some English notes.\n\nMore notes here.\n");  // skipped
  const auto result = run_bitext({"check", "--no-content", "subs"}, std::nullopt, dir.path());
  CHECK(result.status == 1);
  CHECK(report_skeleton(result.out) == std::vector<std::string>{
                                           "subs/a.srt:2:1: warning [subtitle-overlap]",
                                           "subs/a.srt:7:1: note",
                                           "subs/a.srt:11:1: info [subtitle-numbering]",
                                           "subs/a.srt:12:1: error [subtitle-end-before-start]",
                                           "subs/a.srt:16:1: info [subtitle-numbering]",
                                           "subs/a.srt:17:1: warning [subtitle-out-of-order]",
                                           "subs/a.srt:12:1: note",
                                           "subs/a.srt:18:1: error [missing-translation]",
                                           "subs/a.srt:13:1: note",
                                           "subs/a.srt:21:8: error [subtitle-timestamp-malformed]",
                                           "subs/a.srt:26:1: info [subtitle-timestamp-form]",
                                       });
  CHECK(result.err == "3 files checked, 3 errors, 2 warnings, 3 notes\n");
  // --layout overrides the extension: read as lines, the WebVTT file has no timing findings.
  const auto lines = run_bitext({"check", "--no-content", "--layout", "lines", "subs/b.vtt"}, std::nullopt, dir.path());
  CHECK(lines.out.find("subtitle-") == std::string::npos);
  CHECK(lines.status == 0);
  const auto bad = run_bitext({"check", "--layout", "docx", "subs/b.vtt"}, std::nullopt, dir.path());
  CHECK(bad.status == 2);
}

TEST_CASE("a directory without transcripts: nothing checked, exit 0") {
  const TempDir dir;
  dir.write("folder/readme.md", "# nothing here\n");
  const auto result = run_bitext({"check", "folder"}, std::nullopt, dir.path());
  CHECK(result.status == 0);
  CHECK(result.out.empty());
  CHECK(result.err == "0 files checked, 0 errors, 0 warnings\n");
}

TEST_CASE("a binary .bitext file in a directory is reported: .bitext files are transcripts by name") {
  const TempDir dir;
  dir.write("folder/broken.bitext", std::string("abc\0def", 7));
  const auto result = run_bitext({"check", "folder"}, std::nullopt, dir.path());
  CHECK(result.status == 2);
  CHECK(result.err ==
        "folder/broken.bitext: error: binary file, skipped\n"
        "0 files checked, 0 errors, 0 warnings; 1 file could not be checked\n");
}

TEST_CASE("many files in parallel give the same output, in path order, as one at a time") {
  const TempDir dir;
  const std::string with_errors = example(kWithErrors);
  const std::string missing = fixture("missing-original.zh-en.txt");
  std::vector<std::string> expected;
  for (int i = 0; i < 40; ++i) {
    const std::string name = std::string("many/f") + (i < 10 ? "0" : "") + std::to_string(i) + ".bitext";
    const bool odd = i % 2 == 1;
    dir.write(name, odd ? with_errors : missing);
    for (const std::string& line : odd ? with_errors_report(name) : missing_original_report(name)) {
      expected.push_back(line);
    }
  }
  const auto parallel = run_bitext({"check", "--no-content", "many"}, std::nullopt, dir.path());
  const auto serial = run_bitext({"check", "--no-content", "--jobs", "1", "many"}, std::nullopt, dir.path());
  CHECK(parallel.status == 1);
  CHECK(report_skeleton(parallel.out) == expected);
  CHECK(parallel.out == serial.out);
  // 20 files with 3 errors and 4 warnings, 20 with 1 error.
  CHECK(parallel.err == "40 files checked, 80 errors, 80 warnings\n");
  CHECK(serial.err == parallel.err);
}

TEST_CASE("columns count characters: a finding after CJK text and an emoji") {
  // 🤗🤗今 are three characters (10 bytes, 5 UTF-16 units): the bad byte is column 4.
  std::string text = fixture("clean.zh-en.txt");
  text.insert(text.find("这个社区"), "🤗🤗今\xC3");
  const TempDir dir;
  dir.write("emoji.txt", text);
  const auto result = run_bitext({"check", "--no-content", "emoji.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 1);
  CHECK(finding_skeleton(result.out) == std::vector<std::string>{"emoji.txt:3:4: error [invalid-utf8]"});
}

TEST_CASE("--rule turns a check off or changes its severity") {
  const auto result = run_bitext({"check", "--no-content", "--rule", "split-line=off", "--rule=swapped-order=warning",
                                  "--rule", "untranslated=error", kWithErrors});
  CHECK(result.status == 1);
  std::vector<std::string> expected = with_errors_report(kWithErrors);
  expected.erase(expected.begin() + 2, expected.begin() + 4);  // split-line and its note
  expected[2] = kWithErrors + ":12:1: warning [swapped-order]";
  expected[6] = kWithErrors + ":19:1: error [untranslated]";
  CHECK(report_skeleton(result.out) == expected);
  CHECK(result.err == "1 file checked, 3 errors, 3 warnings\n");
}

TEST_CASE("information and hints are shown and counted as notes, but do not fail the run") {
  const auto result = run_bitext({"check", "--no-content", "--rule", "missing-original=info", "--rule",
                                  "missing-translation=hint", "--rule", "swapped-order=info", "--rule",
                                  "split-line=hint", "--rule", "duplicate-line=info", "--rule", "untranslated=hint",
                                  "--rule", "empty-line=off", kWithErrors});
  CHECK(result.status == 0);
  CHECK(finding_skeleton(result.out) == std::vector<std::string>{
                                            kWithErrors + ":6:1: info [missing-original]",
                                            kWithErrors + ":10:1: hint [split-line]",
                                            kWithErrors + ":12:1: info [swapped-order]",
                                            kWithErrors + ":17:1: info [duplicate-line]",
                                            kWithErrors + ":19:1: hint [untranslated]",
                                            kWithErrors + ":24:1: hint [missing-translation]",
                                        });
  CHECK(result.err == "1 file checked, 0 errors, 0 warnings, 6 notes\n");
}

TEST_CASE("joined-lines: one error in place of the missing original and its follow-on content findings") {
  // Pair 2's original and pair 3's translation on line 4 (a stray Delete).
  // Without the joined reading this was missing-original on line 3 plus a
  // token-not-carried and a length-outlier on line 4 (pair 3).
  const TempDir dir;
  dir.write("joined.txt",
            "今天天气很好。\nThe weather is nice today.\n我们去公园散步吧。\n"
            "Let's go for a walk in the park.他昨天在 Amazon 买了一本新书。\n"
            "He bought a new book on Amazon yesterday.\n这家餐厅的菜很好吃。\n"
            "The food at this restaurant is delicious.\n请把窗户打开。\nPlease open the window.\n");
  const auto result = run_bitext({"check", "joined.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 1);
  CHECK(report_skeleton(result.out) ==
        std::vector<std::string>{"joined.txt:4:1: error [joined-lines]", "joined.txt:4:1: note", "joined.txt:3:1: note"});
  CHECK(result.out.find("Line 4 holds the English original of pair 2 and the Chinese translation of pair 3") !=
        std::string::npos);
  CHECK(result.err == "1 file checked, 1 error, 0 warnings\n");  // main: "..., 2 notes" (the follow-ons)
}

TEST_CASE("merged-lines: a line holding two segments' translations is split-line read from its side") {
  // Pairs 2 and 3's Chinese translations on line 3 after one space, pair 3's
  // own translation line gone. main read lines 4-5 as one English segment
  // split in two and joined them, losing the segment boundary.
  const TempDir dir;
  dir.write("merged.txt",
            "今天天气很好。\nThe weather is nice today.\n我们去公园散步吧。 他昨天在书店买了一本新书。\n"
            "Let's go for a walk in the park.\nHe bought a new book at the bookshop yesterday.\n"
            "这家餐厅的菜很好吃。\nThe food at this restaurant is delicious.\n");
  const auto result = run_bitext({"check", "merged.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 1);
  CHECK(report_skeleton(result.out) == std::vector<std::string>{"merged.txt:3:1: warning [split-line]",
                                                                 "merged.txt:4:1: note", "merged.txt:5:1: note"});
  CHECK(result.out.find("Chinese line 3 holds two segments' translations: its first part goes with the English line "
                        "4, its second, from '他昨天在书店买了…', with line 5 (pair 2)") != std::string::npos);
  const auto fixed = run_bitext({"check", "--format", "json", "merged.txt"}, std::nullopt, dir.path());
  CHECK(fixed.out.find("\"title\": \"Split line 3 and move its second part before line 5\"") != std::string::npos);
  CHECK(fixed.out.find("\"title\": \"Join the two lines\"") != std::string::npos);
}

TEST_CASE("merged-lines: two key-reference entries merged at a plain space, cut where the lengths put it") {
  // Pairs 2 and 3's English entries on line 4 after one space, pair 3's own
  // line gone. No mark separates them and the dictionary gives "Select" and
  // "layer" to both partners; the word boundary the partners' lengths predict
  // opens a capitalised entry whose words translate line 5, and the two parts
  // fit their partners better than the whole fits line 3. main: missing-original.
  const TempDir dir;
  dir.write("entries.txt",
            "图层\nLayers\n选中上层图层\nSelect the layer above Select the layer below\n选中下层图层\n"
            "选择第一个图层\nSelect the first layer\n");
  const auto result = run_bitext({"check", "entries.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 1);
  CHECK(report_skeleton(result.out) == std::vector<std::string>{"entries.txt:4:1: warning [split-line]",
                                                                 "entries.txt:3:1: note", "entries.txt:5:1: note"});
  CHECK(result.out.find("English line 4 holds two segments' originals: its first part goes with the Chinese line 3, "
                        "its second, from 'Select the layer below…', with line 5 (pair 2)") != std::string::npos);
  const auto fixed = run_bitext({"check", "--format", "json", "entries.txt"}, std::nullopt, dir.path());
  CHECK(fixed.out.find("\"title\": \"Split line 4 and move its second part after line 5\"") != std::string::npos);
}

TEST_CASE("merged-lines: the pair's line opens with the header's heading label") {
  // "2.1.2. 选项" / "2.1.2. Options" / "边缘平滑" / "Antialiasing" with the two
  // English lines merged: the pairing reads line 1 as the header and pairs the
  // merged line with line 3. The merged line opens with the header's label,
  // which line 3 lacks: it holds the header's partner. main: information only.
  const TempDir dir;
  dir.write("front.txt", "2.1.2. 选项\n2.1.2. OptionsAntialiasing\n边缘平滑\n");
  const auto result = run_bitext({"check", "front.txt"}, std::nullopt, dir.path());
  CHECK(result.out.find("front.txt:2:1: warning: English line 2 holds two segments' originals: its first part goes "
                        "with the Chinese line 1, its second, from 'Antialiasing…', with line 3 (pair 1) [split-line]") !=
        std::string::npos);
  CHECK(result.out.find("[missing-original]") == std::string::npos);
  const auto fixed = run_bitext({"check", "--format", "json", "front.txt"}, std::nullopt, dir.path());
  CHECK(fixed.out.find("\"title\": \"Split line 2 and move its second part after line 3\"") != std::string::npos);
}

TEST_CASE("split-line: a sentence broken before a capital word is joined, not read as two segments") {
  // The English original of pair 2 broken after "under this", its second line
  // opening with "License", which the document writes capitalised inside its
  // sentences: a name's capital opens no segment, so joining stays preferred.
  // main preferred splitting the Chinese line ("…会自动地终止你在…") and moving it.
  const TempDir dir;
  dir.write("broken.txt",
            "10. 终止\n10. TERMINATION\n"
            "你不可以复制、修改、在本授权下再设定额外条件的次授权或发布文件，除非明白地表示是在本授权所规范的条件下进行。"
            "任何其它的复制、修改、在本授权下再设定额外条件的次授权、或发布文件的意图都是无效的，并且将会自动地终止你在本授权下所被保障的权利。"
            "然而，你在本授权下收到拷贝及权利的团体，只要团体完全遵守本授权的条件，则他们所获得的许可将不会被终止。\n"
            "You may not copy, modify, sublicense, or distribute the Document except as expressly provided for under "
            "this License. Any other attempt to copy, modify, sublicense or distribute the Document is void, and will "
            "automatically terminate your rights under this\n"
            "License. However, parties who have received copies, or rights, from you under this License will not have "
            "their licenses terminated so long as such parties remain in full compliance.\n");
  const auto result = run_bitext({"check", "--format", "json", "broken.txt"}, std::nullopt, dir.path());
  CHECK(result.out.find("English line continues on line 5") != std::string::npos);
  const std::size_t join = result.out.find("\"title\": \"Join the two lines\"");
  REQUIRE(join != std::string::npos);
  CHECK(result.out.find("\"isPreferred\": true", join) < result.out.find('}', join));
  CHECK(result.out.find("move its second part") == std::string::npos);
}

TEST_CASE("merged-lines: the last line's partner merged into the last pair's line, without a number") {
  // "图层类型" / "Layer type" merged into the line before it: the pairing reads
  // "图层类型" as a footer. No number nor link tells, but the boundary the
  // lengths predict opens "Layer type", whose words translate the footer, and
  // the parts fit their partners better than the whole fits line 3. main: no finding.
  const TempDir dir;
  dir.write("footer.txt",
            "第 8 章 合并图像\nChapter 8. Combining Images\n图 8.2. Alpha 通道样例：基本图像\n"
            "Figure 8.2. Alpha channel example: Basic image Layer type\n图层类型\n");
  const auto result = run_bitext({"check", "footer.txt"}, std::nullopt, dir.path());
  CHECK(result.out.find("footer.txt:4:1: warning: English line 4 holds two segments' originals: its first part goes "
                        "with the Chinese line 3, its second, from 'Layer type…', with line 5 (pair 2) [split-line]") !=
        std::string::npos);
  const auto fixed = run_bitext({"check", "--format", "json", "footer.txt"}, std::nullopt, dir.path());
  CHECK(fixed.out.find("\"title\": \"Split line 4 and move its second part after line 5\"") != std::string::npos);
}

TEST_CASE("merged-lines: a caption's label alone is skipped for the dictionary's next cut") {
  // Two captions that differ only in their number merged: the numbers place
  // the cut, whose first candidate after "Figure 16.138." is a label alone
  // (line 1 has a title after its label); the next one, before "Figure
  // 16.139.", is taken. main: missing-original.
  const TempDir dir;
  dir.write("captions.txt",
            "图 16.138. Example\nFigure 16.138. Example Figure 16.139. Example\n图 16.139. Example\n"
            "图 16.140. Result\nFigure 16.140. Result\n");
  const auto result = run_bitext({"check", "captions.txt"}, std::nullopt, dir.path());
  CHECK(result.out.find("captions.txt:2:1: warning: English line 2 holds two segments' originals: its first part "
                        "goes with the Chinese line 1, its second, from 'Figure 16.139. Example…', with line 3 (pair "
                        "1) [split-line]") != std::string::npos);
  CHECK(result.out.find("[missing-original]") == std::string::npos);
  const auto fixed = run_bitext({"check", "--format", "json", "captions.txt"}, std::nullopt, dir.path());
  CHECK(fixed.out.find("\"title\": \"Split line 2 and move its second part after line 3\"") != std::string::npos);
}

TEST_CASE("merged-lines: two short entries whose every word the dictionary gives to one partner") {
  // "Zoom tool" / "click" merged at a space, pair 3's English line gone. The
  // whole line fits line 3's length as well as its parts fit theirs (short
  // lines vary widely), but the dictionary gives "Zoom" and "tool" to line 3
  // and "click" to line 5 alone: the two partners account for the whole line.
  // main: missing-original.
  const TempDir dir;
  dir.write("zoom.txt",
            "缩放工具 — Key reference for the Zoom tool\nZoom tool — Key reference for the Zoom tool\n缩放工具\n"
            "Zoom tool click\n点击\n鼠标拖拽\nmouse drag\n");
  const auto result = run_bitext({"check", "zoom.txt"}, std::nullopt, dir.path());
  CHECK(report_skeleton(result.out) ==
        std::vector<std::string>{"zoom.txt:4:1: warning [split-line]", "zoom.txt:3:1: note", "zoom.txt:5:1: note"});
  CHECK(result.out.find("English line 4 holds two segments' originals: its first part goes with the Chinese line 3, "
                        "its second, from 'click…', with line 5 (pair 2)") != std::string::npos);
  const auto fixed = run_bitext({"check", "--format", "json", "zoom.txt"}, std::nullopt, dir.path());
  CHECK(fixed.out.find("\"title\": \"Split line 4 and move its second part after line 5\"") != std::string::npos);
}

TEST_CASE("merged-lines: a sentence's last word that translates the next line alone is no merge") {
  // Pair 4's English line "Show GTK+ Options." deleted: "options" of line 6
  // translates only line 7 ("选项"), but line 5 ends its sentence and "Show all
  // help" does not, so the part is no whole translation of it: still a
  // missing original, not a merge.
  const TempDir dir;
  dir.write("options.txt",
            "第 2 章 Fire up GIMP\nChapter 2. Fire up GIMP\n显示所有命令行选项列表。\nDisplay a list of all commandline "
            "options.\n显示所有帮助内容。\nShow all help options.\n显示 GTK+ 选项\n显示详细启动信息。\n"
            "Show detailed start-up messages.\n");
  const auto result = run_bitext({"check", "options.txt"}, std::nullopt, dir.path());
  CHECK(report_skeleton(result.out) ==
        std::vector<std::string>{"options.txt:7:1: error [missing-original]", "options.txt:6:1: note"});
}

TEST_CASE("merged-lines: the last line's partner merged into the line before the last pair's partner") {
  // The Chinese lines come first in each pair: "图层类型" merged into line 3,
  // before its partner "Figure 8.2…", so "Layer type" is left as the footer
  // right after that partner (the shape the pairing gives the merged original
  // the other way round). The dictionary gives the parts' words to lines 4 and
  // 5. The second part goes before the footer. main: no finding.
  const TempDir dir;
  dir.write("last.txt",
            "第 8 章 合并图像\nChapter 8. Combining Images\n图 8.2. Alpha 通道样例：基本图像 图层类型\n"
            "Figure 8.2. Alpha channel example: Basic image\nLayer type\n");
  const auto result = run_bitext({"check", "last.txt"}, std::nullopt, dir.path());
  CHECK(report_skeleton(result.out) ==
        std::vector<std::string>{"last.txt:3:1: warning [split-line]", "last.txt:4:1: note", "last.txt:5:1: note"});
  CHECK(result.out.find("Chinese line 3 holds two segments' translations: its first part goes with the English line "
                        "4, its second, from '图层类型…', with line 5 (pair 2)") != std::string::npos);
  const auto fixed = run_bitext({"check", "--format", "json", "last.txt"}, std::nullopt, dir.path());
  CHECK(fixed.out.find("\"title\": \"Split line 3 and move its second part before line 5\"") != std::string::npos);
}

TEST_CASE("merged-lines: a label cut off its title is no refusal where the partner is the label in Chinese order") {
  // "Version 1.2" / "GIMP version 1.2.0 was released…" merged; the first
  // partner "1.2 版" is the label alone, its word after the number as Chinese
  // writes it, so the first part "Version 1.2" is its whole translation, not
  // a label cut off its title. main: missing-original.
  const TempDir dir;
  dir.write("version.txt",
            "1.0 版\nVersion 1.0\nGIMP 版本 1.0 最终于 1998 年 6 月 5 日发布了， GIMP 已经足够稳定，有理由发布给全世界，提供专业的应用。\n"
            "GIMP version 1.0 was released on June 5, 1998. Finally, GIMP was considered stable enough to warrant a "
            "worldwide announcement and professional use.\n1.2 版\nVersion 1.2 GIMP version 1.2.0 was released on "
            "December 25, 2000. Compared to the version 1.0, it included mostly fixes and improvements of the user "
            "interface.\nGIMP 的 1.2.0 版于 2000 年 12 月 25 日发布。它比 1.0 版本多了许多错误修正，也改进了用户界面。\n");
  const auto result = run_bitext({"check", "version.txt"}, std::nullopt, dir.path());
  CHECK(result.out.find("version.txt:6:1: warning: English line 6 holds two segments' originals: its first part goes "
                        "with the Chinese line 5, its second, from 'GIMP version 1.2.0 was r…', with line 7 (pair 3) "
                        "[split-line]") != std::string::npos);
  CHECK(result.out.find("[missing-original]") == std::string::npos);
  const auto fixed = run_bitext({"check", "--format", "json", "version.txt"}, std::nullopt, dir.path());
  CHECK(fixed.out.find("\"title\": \"Split line 6 and move its second part after line 7\"") != std::string::npos);
}

TEST_CASE("merged-lines: a title's line that runs on into the next segment's sentence is cut after the title") {
  // "Selection Tools" / "The selection tools have been rewritten…" merged at a
  // glued capital; the second part is longer than the model's band allows for
  // its partner (a freer translation), so no cut's two parts both fit. The
  // first partner "选取工具" is a title and the first part its whole
  // translation, the whole line far too long for it: the merge is the likelier
  // reading. main cut at "…tools have | been rewritten", where both parts fit.
  const TempDir dir;
  dir.write("title.txt",
            "工具选项中现在可以滑动调节笔刷大小，向量的和点阵的笔刷都可以调节。这是一个数字设计师和照片编辑人员呼声都比较多的特性。"
            "\n"
            "The tool options now include a brush size slider that affects both the parametric and bitmap brushes. "
            "This has been an oft-requested feature from both digital painters and photo editors.\n"
            "图 A.2. GIMP 2.4 中的可调节笔刷\n"
            "Figure A.2. Scalable brushes in GIMP 2.4\n"
            "现在版本的 GIMP ，不论用的是点阵的还是向量的，甚至是图像试管(许多点阵图)，"
            "都可以轻易地改变笔刷大小。可以在侧边栏滑动条上改，可以在外接的MIDI滑动条或者旋钮上改，"
            "或者在 USB 设备上修改(比如 Griffin Powermate)。\n"
            "Unlike previous versions of GIMP, regardless of whether you're using a bitmap brush, parametric "
            "brush or even a picture tube (multiple bitmaps), you can easily set the brush size with either the "
            "tool options dock slider or an external device such as a MIDI slider or knob or a USB device like "
            "the Griffin Powermate.\n"
            "选取工具\n"
            "Selection ToolsThe selection tools have been rewritten from scratch to allow resizing of existing "
            "selections. Additionally the rectangular selection tool includes a setting for creating rounded "
            "corners as this has been identified as a very common task among web designers.\n"
            "重写了选择工具，支持改变现有选区。矩形选择工具可以设置为圆角，这已经开始成为网页设计师的普遍需要。"
            "\n"
            "图 A.3. GIMP 2.4 中的选择工具\n"
            "Figure A.3. Selection tools in GIMP 2.4\n"
            "工具学习曲线开始变的平滑，初学者更容易上手了，因为重要的功能不需要隐晦的快捷键操作了。"
            "多数现有的快捷键仍然可以用，但功能或者放在了工具选项中，或者由于可以在画布上交互式地移动和调整大小，"
            "而不再支持。\n"
            "The learning curve for the tools has been flattened as the key functionality is available without "
            "obscure shortcuts that confused GIMP beginners. Most of the existing shortcuts still work, but the "
            "functionality is either available through the tool options or made obsolete due to the interactive "
            "move and resize on canvas.\n");
  const auto result = run_bitext({"check", "title.txt"}, std::nullopt, dir.path());
  CHECK(result.out.find("title.txt:8:1: warning: English line 8 holds two segments' originals: its first part goes "
                        "with the Chinese line 7, its second, from 'The selection tools have…', with line 9 (pair 4) "
                        "[split-line]") != std::string::npos);
  const auto fixed = run_bitext({"check", "--format", "json", "title.txt"}, std::nullopt, dir.path());
  CHECK(fixed.out.find("\"title\": \"Split line 8 and move its second part after line 9\"") != std::string::npos);
}

TEST_CASE("merged-lines: the partners' end marks place the cut of a short line") {
  // "关闭图像" merged into line 3 after its colon; "Closing the image" is left
  // as the footer. Line 4 ends with a colon and line 5 with no mark; line 3
  // has the colon at the cut and no mark at its end, and "关闭" translates line
  // 5 alone. The whole line fits line 4's length better than its parts fit
  // theirs, so the length model alone keeps the deletion. main: no finding.
  const TempDir dir;
  dir.write("marks.txt",
            "3.1. 不可撤销的操作\n3.1. Things That Cannot be Undone\n以下操作会改变图像且不可恢复： 关闭图像\n"
            "There are a few important actions that do alter an image but cannot be undone:\nClosing the image\n");
  const auto result = run_bitext({"check", "marks.txt"}, std::nullopt, dir.path());
  CHECK(report_skeleton(result.out) ==
        std::vector<std::string>{"marks.txt:3:1: warning [split-line]", "marks.txt:4:1: note", "marks.txt:5:1: note"});
  CHECK(result.out.find("Chinese line 3 holds two segments' translations: its first part goes with the English line "
                        "4, its second, from '关闭图像…', with line 5 (pair 2)") != std::string::npos);
  const auto fixed = run_bitext({"check", "--format", "json", "marks.txt"}, std::nullopt, dir.path());
  CHECK(fixed.out.find("\"title\": \"Split line 3 and move its second part before line 5\"") != std::string::npos);
}

TEST_CASE("merged-lines: the footer's partner glued to the last pair's line, cut where the dictionary's words change") {
  // As "the last line's partner merged into the line before the last pair's
  // partner", with no space: the boundary nearest the lengths' share falls
  // inside "图层" ("…基本图像图|层类型"), which opens no segment; the dictionary's
  // cut before "图层类型" passes the same tests. main: no finding.
  const TempDir dir;
  dir.write("glued.txt",
            "第 8 章 合并图像\nChapter 8. Combining Images\n图 8.2. Alpha 通道样例：基本图像图层类型\n"
            "Figure 8.2. Alpha channel example: Basic image\nLayer type\n");
  const auto result = run_bitext({"check", "glued.txt"}, std::nullopt, dir.path());
  CHECK(report_skeleton(result.out) ==
        std::vector<std::string>{"glued.txt:3:1: warning [split-line]", "glued.txt:4:1: note", "glued.txt:5:1: note"});
  CHECK(result.out.find("from '图层类型…', with line 5 (pair 2)") != std::string::npos);
  const auto fixed = run_bitext({"check", "--format", "json", "glued.txt"}, std::nullopt, dir.path());
  CHECK(fixed.out.find("\"title\": \"Split line 3 and move its second part before line 5\"") != std::string::npos);
}

// Two pairs of GIMP's history page (the tuning split) that the heading tests put
// around the pair they merge: version 0.60's first paragraph, and the plug-in API's.
const std::string kGimpVersion060 =
    "0.60 版\n"
    "Version 0.60\n"
    "当 0.60 版在 1996 年七月发布的时候，它已经被 S and P (Spencer和Peter) 开发了四个月。程序的主要优点在于新的工具箱， GTK (全称是 GIMP "
    "Toolkit ，即 GIMP 工具箱)，以及 gdk (全称是 GIMP Drawing Kit ，即GIMP绘画包)，这些减小了对 Motif 的依赖。对于多数图像设计师来说，"
    " 0.60 版充满了新功能：基本的图层功能；改进的绘画工具(亚像素级别的采样，笔刷间隔)；一个更好的喷枪；绘图模式；等等。\n"
    "When 0.60 was released in July 1996, it had been under S and P (Spencer and Peter) develop"
    "ment for four months. Main programming advantages were the new toolkits, GTK (GIMP Toolkit"
    ") and gdk (GIMP Drawing Kit), which eliminated the reliance on Motif. For the graphic arti"
    "st, 0.60 was full of new features like: basic layers; improved painting tools (sub-pixel s"
    "ampling, brush spacing); a better airbrush; paint modes; etc.\n";
const std::string kGimpPluginApi =
    "新的 API 使得给 GIMP 写扩展和插件变得非常容易。一些新的插件和扩展的出现使 GIMP 变得更加好用(比如 SANE ，可以使 GIMP 支持直接扫描功能)。\n"
    "The new API made it really easy to write extensions and plug-ins for GIMP. Several new plu"
    "g-ins and extensions emerged to make GIMP even more useful (such as SANE, which enables sc"
    "anning directly into GIMP).\n";

TEST_CASE("merged-lines: a sentence then the next pair's heading in one line is cut after the sentence") {
  // "Version 0.99" glued after line 6's last sentence ("…of 0.99.Version
  // 0.99"); its partner "0.99 版" is a heading. Line 5 ends its sentence and
  // so does the first part, then a heading with the partner's number: a
  // sentence's translation ends with its end mark, so the heading is the next
  // segment's. The whole line fits line 5's length, which alone kept the
  // deletion. main: missing-original at line 7.
  const TempDir dir;
  dir.write("heading.txt",
            kGimpVersion060 +
            "0.60 版只是一个开发者的版本，并非一个正式发布给用户的版本。它是后来 0.99 版和最终达到 1.0 版本的工作平台。所以功能和改进可以在这个版本中测试，放弃，或者改变。你可以"
            "认为 0.60 版本是 0.99 版本的一个 alpha 测试版本。\n"
            "Version 0.60 was only a developer's release, and was not intended for widespread use. It s"
            "erved as a workbench for 0.99 and the final 1.0 version, so functions and enhancement coul"
            "d be tested and dropped or changed. You can look at 0.60 as the alpha version of 0.99.Vers"
            "ion 0.99\n"
            "0.99 版\n" +
                kGimpPluginApi);
  const auto result = run_bitext({"check", "heading.txt"}, std::nullopt, dir.path());
  CHECK(result.out.find("heading.txt:6:1: warning: English line 6 holds two segments' originals: its first part goes "
                        "with the Chinese line 5, its second, from 'Version 0.99…', with line 7 (pair 3) [split-line]") !=
        std::string::npos);
  CHECK(result.out.find("[missing-original]") == std::string::npos);
  const auto fixed = run_bitext({"check", "--format", "json", "heading.txt"}, std::nullopt, dir.path());
  CHECK(fixed.out.find("\"title\": \"Split line 6 and move its second part after line 7\"") != std::string::npos);
}

TEST_CASE("merged-lines: the heading after a Chinese sentence's end mark and a space") {
  // The same merge on the Chinese side, "…测试版本。 0.99 版": Chinese puts no
  // space after 。, and the part after it is the heading "Version 0.99"'s
  // translation. main: missing-translation at line 7.
  const TempDir dir;
  dir.write("heading.txt",
            kGimpVersion060 +
            "0.60 版只是一个开发者的版本，并非一个正式发布给用户的版本。它是后来 0.99 版和最终达到 1.0 版本的工作平台。所以功能和改进可以在这个版本中测试，放弃，或者改变。你可以"
            "认为 0.60 版本是 0.99 版本的一个 alpha 测试版本。 0.99 版\n"
            "Version 0.60 was only a developer's release, and was not intended for widespread use. It s"
            "erved as a workbench for 0.99 and the final 1.0 version, so functions and enhancement coul"
            "d be tested and dropped or changed. You can look at 0.60 as the alpha version of 0.99.\n"
            "Version 0.99\n" +
                kGimpPluginApi);
  const auto result = run_bitext({"check", "heading.txt"}, std::nullopt, dir.path());
  CHECK(report_skeleton(result.out) ==
        std::vector<std::string>{"heading.txt:5:1: warning [split-line]", "heading.txt:6:1: note", "heading.txt:7:1: note"});
  CHECK(result.out.find("its second, from '0.99 版…', with line 7 (pair 3)") != std::string::npos);
}

TEST_CASE("merged-lines: a section label after a word's stop opens the heading") {
  // "…as an example.14.6. JXplorer, an LDAP GUI": the label "14.6." follows a
  // word's stop, not a number's, so it opens the heading. main cut after the
  // label ("…example.14.6. | JXplorer…"), leaving it in the first part.
  const TempDir dir;
  dir.write("label.txt",
            "这一工具允许就位置，机器，或者组成员设置默认打印机。关于更多信息，参阅 /usr/share/doc/standardskriver/README.md。\n"
            "This tool allows to set the default printer depending on location, machine, or group membe"
            "rship. For more information, see /usr/share/doc/standardskriver/README.md.\n"
            "其配置文件 /etc/standardskriver.cfg 由管理员提供，参看 /usr/share/doc/standardskriver/examples/standards"
            "kriver.cfg 作为一个示例。\n"
            "The configuration file /etc/standardskriver.cfg has to be provided by the admin, see /usr/"
            "share/doc/standardskriver/examples/standardskriver.cfg as an example.14.6. JXplorer, an LD"
            "AP GUI\n"
            "14.6. JXplorer，一个 LDAP 图形用户界面\n"
            "如果希望使用图形用户界面来处理 LDAP 数据库，查看 jxplorer 软件包，默认情况下已安装。要获得写访问连接像这样：\n"
            "If you prefer a GUI to work with the LDAP database, check out the jxplorer package, which "
            "is installed by default. To get write access connect like this:\n");
  const auto result = run_bitext({"check", "label.txt"}, std::nullopt, dir.path());
  CHECK(result.out.find("label.txt:4:1: warning: English line 4 holds two segments' originals: its first part goes "
                        "with the Chinese line 3, its second, from '14.6. JXplorer, an LDAP…', with line 5 (pair 2) "
                        "[split-line]") != std::string::npos);
}

TEST_CASE("merged-lines: two small-letter entries glued with no space are read apart by the dictionary") {
  // "Zoom tool" / "click" merged without a separator: "toolclick" is no word
  // the dictionary knows, and reads one way only as two it knows, "tool"
  // (工具, line 3 alone) and "click" (点击, line 5 alone). English spaces its
  // words, so the glue is the seam. main: missing-original at line 5.
  const TempDir dir;
  dir.write("glue.txt",
            "缩放工具 — Key reference for the Zoom tool\nZoom tool — Key reference for the Zoom tool\n缩放工具\n"
            "Zoom toolclick\n点击\n鼠标拖拽\nmouse drag\n");
  const auto result = run_bitext({"check", "glue.txt"}, std::nullopt, dir.path());
  CHECK(report_skeleton(result.out) ==
        std::vector<std::string>{"glue.txt:4:1: warning [split-line]", "glue.txt:3:1: note", "glue.txt:5:1: note"});
  CHECK(result.out.find("its second, from 'click…', with line 5 (pair 2)") != std::string::npos);
  const auto fixed = run_bitext({"check", "--format", "json", "glue.txt"}, std::nullopt, dir.path());
  CHECK(fixed.out.find("\"title\": \"Split line 4 and move its second part after line 5\"") != std::string::npos);
}

TEST_CASE("merged-lines: two list entries that end with a semicolon are cut at the first one's") {
  // The Debian handbook's syslog actions, a list whose entries end with ";":
  // line 8 holds two entries, "…(example: root,rhertzog); send the message to
  // all…". Line 7 ends with ";", so its text ends at the line's semicolon; the
  // next entry opens with a small letter, which no sentence-end seam takes.
  // main: missing-original at line 9.
  const TempDir dir;
  dir.write("list.txt",
            "添加信息到文件（例如： /var/log/messages）;\nadd the message to a file (example: /var/log/messages);\n"
            "将消息发送到 syslog 远程服务器（例如： @log.falcot.com）;\n"
            "send the message to a remote syslog server (example: @log.falcot.com);\n"
            "将消息发送至已有的命名管道（例如： |/dev/xconsole）;\n"
            "send the message to an existing named pipe (example: |/dev/xconsole);\n"
            "将消息发给一个或多个已经登录的用户（如： root,rhertzog）;\n"
            "send the message to one or more users, if they are logged in (example: root,rhertzog); send the message to "
            "all logged in users (example: *);\n"
            "将消息发给所有登录用户（如： *）;\n将消息写入文本控制台（如： /dev/tty8）。\n"
            "write the message in a text console (example: /dev/tty8).\n安全 转发日志\nSECURITY Forwarding logs\n");
  const auto result = run_bitext({"check", "list.txt"}, std::nullopt, dir.path());
  CHECK(result.out.find("list.txt:8:1: warning: English line 8 holds two segments' originals: its first part goes with "
                        "the Chinese line 7, its second, from 'send the message to all…', with line 9 (pair 4) "
                        "[split-line]") != std::string::npos);
  CHECK(result.out.find("[missing-original]") == std::string::npos);
  const auto fixed = run_bitext({"check", "--format", "json", "list.txt"}, std::nullopt, dir.path());
  CHECK(fixed.out.find("\"title\": \"Split line 8 and move its second part after line 9\"") != std::string::npos);
}

TEST_CASE("merged-lines: a glued entry whose second word is the next entry's opening function word") {
  // "by name" / "by description" merged without a separator: "nameby" reads
  // as "name" (名称, line 3 alone) and the function word that opens the next
  // entry, whose "description" (描述) translates line 5 alone. The cut goes at
  // the glue, not before "description". main: missing-original at line 5.
  const TempDir dir;
  dir.write("by.txt",
            "12.8.1. 激活命令\n12.8.1. Activating the Command\n按照名称\nby nameby description\n按照描述\n通过帮组\n"
            "by help\n按作者\nby author\n由版权\nby copyright\n按日期\nby date\n按类型\nby type\n");
  const auto result = run_bitext({"check", "by.txt"}, std::nullopt, dir.path());
  CHECK(result.out.find("by.txt:4:1: warning: English line 4 holds two segments' originals: its first part goes with "
                        "the Chinese line 3, its second, from 'by description…', with line 5 (pair 2) [split-line]") !=
        std::string::npos);
  CHECK(result.out.find("[missing-original]") == std::string::npos);
}
