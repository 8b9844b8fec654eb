// `bitext check --format json`: one object per file, in path order, with
// LSP-shaped diagnostics (0-based lines, UTF-16 columns), related locations
// and fixes as LSP text edits that, applied, give the repaired text.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bitext/analysis.hpp"
#include "cli/bitext_process.hpp"
#include "lsp/diagnostics.hpp"

using bitext::test::fixture;
using bitext::test::read_whole_file;
using bitext::test::run_bitext;
using bitext::test::split_lines;
using bitext::test::TempDir;
using nlohmann::json;

namespace {

const std::string kWithErrors = "examples/with-errors.zh-en.txt";

std::string file_uri(const std::filesystem::path& path) { return "file://" + path.lexically_normal().string(); }

json position(int line, int character) { return {{"line", line}, {"character", character}}; }
json range(int line, int start, int end) { return {{"start", position(line, start)}, {"end", position(line, end)}}; }

// Byte offset of an LSP position (UTF-16 columns) in text with "\n" line ends.
std::size_t offset_of(const std::string& text, const json& at) {
  std::size_t offset = 0;
  for (int line = at["line"].get<int>(); line > 0; --line) offset = text.find('\n', offset) + 1;
  for (int units = at["character"].get<int>(); units > 0;) {
    const auto lead = static_cast<unsigned char>(text[offset]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    units -= length == 4 ? 2 : 1;
    offset += length;
  }
  return offset;
}

// Applies a fix's edits, last first so earlier offsets stay valid.
std::string apply_fix(std::string text, const json& fix) {
  std::vector<std::pair<std::size_t, std::pair<std::size_t, std::string>>> edits;
  for (const json& edit : fix["edits"]) {
    edits.push_back({offset_of(text, edit["range"]["start"]),
                     {offset_of(text, edit["range"]["end"]), edit["newText"].get<std::string>()}});
  }
  std::sort(edits.begin(), edits.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [begin, rest] : edits) text.replace(begin, rest.first - begin, rest.second);
  return text;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

// The fixes of the last boundary-drift diagnostic that `bitext check --format
// json` reports for `text`, written as `name` (the build's dictionary beside it).
json drift_fixes(const std::string& name, const std::string& text) {
  const TempDir dir;
  dir.write(name, text);
  const auto result = run_bitext({"check", "--format", "json", name}, std::nullopt, dir.path());
  REQUIRE_MESSAGE(json::accept(result.out), result.out);
  const json files = json::parse(result.out);
  const json* drift = nullptr;
  for (const json& diagnostic : files[0]["diagnostics"])
    if (diagnostic["code"] == "boundary-drift") drift = &diagnostic;
  REQUIRE(drift != nullptr);
  return (*drift)["data"]["fixes"];
}

json check_json(const std::vector<std::string>& args, const std::filesystem::path& directory = BITEXT_SOURCE_DIR) {
  std::vector<std::string> all = {"check", "--format", "json", "--no-content"};
  all.insert(all.end(), args.begin(), args.end());
  const auto result = run_bitext(all, std::nullopt, directory);
  REQUIRE_MESSAGE(json::accept(result.out), result.out);
  return json::parse(result.out);
}

}  // namespace

TEST_CASE("one object per file in path order, errors included, exit status as in text mode") {
  const TempDir dir;
  dir.write("b.txt", fixture("missing-original.zh-en.txt"));
  dir.write("a.txt", fixture("clean.zh-en.txt"));
  const auto result = run_bitext({"check", "--format=json", "--no-content", "b.txt", "missing.txt", "a.txt"},
                                 std::nullopt, dir.path());
  CHECK(result.status == 2);
  CHECK(result.err ==
        "missing.txt: error: No such file or directory\n"
        "2 files checked, 1 error, 0 warnings; 1 file could not be checked\n");
  const json files = json::parse(result.out);
  REQUIRE(files.is_array());
  REQUIRE(files.size() == 3);
  CHECK(files[0] == json{{"path", "a.txt"}, {"uri", file_uri(dir.path() / "a.txt")}, {"diagnostics", json::array()}});
  CHECK(files[1] == json{{"path", "b.txt"},
                         {"uri", file_uri(dir.path() / "b.txt")},
                         {"diagnostics", files[1]["diagnostics"]}});
  CHECK(files[1]["diagnostics"].size() == 1);
  CHECK(files[2] == json{{"path", "missing.txt"},
                         {"uri", file_uri(dir.path() / "missing.txt")},
                         {"diagnostics", json::array()},
                         {"error", "No such file or directory"}});
}

TEST_CASE("ranges are 0-based with UTF-16 columns; related locations point at the partner line") {
  const TempDir dir;
  dir.write("emoji.txt", fixture("missing-original.zh-en.txt"));
  const json files = check_json({"emoji.txt"}, dir.path());
  REQUIRE(files.size() == 1);
  const json& diagnostics = files[0]["diagnostics"];
  REQUIRE(diagnostics.size() == 1);
  const json& d = diagnostics[0];
  // Line 5 is "🤗🤗大模型就像赛车。": 2 + 2 + 8 UTF-16 units.
  CHECK(d["range"] == range(4, 0, 12));
  CHECK(d["severity"] == 1);
  CHECK(d["code"] == "missing-original");
  CHECK(d["source"] == "bitext");
  CHECK(d["message"].is_string());
  CHECK_FALSE(d["message"].get<std::string>().empty());
  REQUIRE(d["relatedInformation"].size() == 1);
  // Line 4 is "This community is growing very fast.": 36 characters.
  CHECK(d["relatedInformation"][0]["location"] ==
        json{{"uri", file_uri(dir.path() / "emoji.txt")}, {"range", range(3, 0, 36)}});
  CHECK(d["relatedInformation"][0]["message"].is_string());
}

TEST_CASE("invalid UTF-8: position in UTF-16 units, and the output is valid JSON") {
  std::string text = fixture("clean.zh-en.txt");
  text.insert(text.find("这个社区"), "🤗🤗今\xC3");  // 🤗🤗今 are 5 UTF-16 units
  const TempDir dir;
  dir.write("bad.txt", text);
  const json files = check_json({"bad.txt"}, dir.path());
  REQUIRE(files[0]["diagnostics"].size() == 1);
  const json& d = files[0]["diagnostics"][0];
  CHECK(d["code"] == "invalid-utf8");
  CHECK(d["severity"] == 1);
  CHECK(d["range"]["start"] == position(2, 5));
}

TEST_CASE("severities and codes of every structural check, in position order") {
  const json files = check_json({kWithErrors});
  REQUIRE(files.size() == 1);
  CHECK(files[0]["path"] == kWithErrors);
  std::vector<std::pair<std::string, int>> codes;
  std::vector<int> lines;
  for (const json& d : files[0]["diagnostics"]) {
    codes.emplace_back(d["code"].get<std::string>(), d["severity"].get<int>());
    lines.push_back(d["range"]["start"]["line"].get<int>());
    CHECK(d["range"]["start"]["character"] == 0);
  }
  CHECK(codes == std::vector<std::pair<std::string, int>>{{"missing-original", 1},
                                                          {"split-line", 2},
                                                          {"swapped-order", 1},
                                                          {"duplicate-line", 2},
                                                          {"untranslated", 2},
                                                          {"empty-line", 2},
                                                          {"missing-translation", 1}});
  CHECK(lines == std::vector<int>{5, 9, 11, 16, 18, 21, 23});
}

TEST_CASE("each fix, applied as LSP edits, gives the repaired text") {
  const std::string text = read_whole_file(std::filesystem::path(BITEXT_SOURCE_DIR) / kWithErrors);
  const std::vector<std::string> lines = split_lines(text);
  REQUIRE(lines.size() == 30);
  const json files = check_json({kWithErrors});
  const json& diagnostics = files[0]["diagnostics"];
  REQUIRE(diagnostics.size() == 7);

  const auto preferred_fix = [&](std::size_t i) {
    const json& fixes = diagnostics[i]["data"]["fixes"];
    REQUIRE(fixes.size() >= 1);
    CHECK(fixes[0]["isPreferred"] == true);
    CHECK(fixes[0]["title"].is_string());
    return fixes[0];
  };
  // Expected texts: the file's lines (0-based here) with one repair each.
  {  // missing-original: a placeholder original after line 6
    std::vector<std::string> expected = lines;
    expected.insert(expected.begin() + 6, "[original missing]");
    CHECK(apply_fix(text, preferred_fix(0)) == join_lines(expected));
  }
  {  // split-line: lines 10 and 11 joined with a space (English parts)
    std::vector<std::string> expected = lines;
    expected[9] += " " + expected[10];
    expected.erase(expected.begin() + 10);
    CHECK(apply_fix(text, preferred_fix(1)) == join_lines(expected));
  }
  {  // swapped-order: lines 12 and 13 exchanged
    std::vector<std::string> expected = lines;
    std::swap(expected[11], expected[12]);
    CHECK(apply_fix(text, preferred_fix(2)) == join_lines(expected));
  }
  {  // duplicate-line: the copy on line 17 deleted
    std::vector<std::string> expected = lines;
    expected.erase(expected.begin() + 16);
    CHECK(apply_fix(text, preferred_fix(3)) == join_lines(expected));
  }
  // untranslated: no automatic fix; data says which finding it is, as the server's does
  CHECK(diagnostics[4]["data"] == json::parse(R"({"code":"untranslated","index":4})"));
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    CHECK(diagnostics[i]["data"]["index"] == i);
    CHECK(diagnostics[i]["data"]["code"] == diagnostics[i]["code"]);
    CHECK_FALSE(diagnostics[i]["data"].contains("version"));
  }
  {  // empty-line: the blank line 22 deleted
    std::vector<std::string> expected = lines;
    expected.erase(expected.begin() + 21);
    CHECK(apply_fix(text, preferred_fix(5)) == join_lines(expected));
  }
  {  // missing-translation: a placeholder translation before line 24
    std::vector<std::string> expected = lines;
    expected.insert(expected.begin() + 23, "[translation missing]");
    CHECK(apply_fix(text, preferred_fix(6)) == join_lines(expected));
  }
}

TEST_CASE("standard input has the untitled:stdin URI") {
  const auto result = run_bitext({"check", "--format", "json", "--no-content", "-"}, fixture("clean.zh-en.txt"));
  CHECK(result.status == 0);
  CHECK(json::parse(result.out) ==
        json::array({json{{"path", "<stdin>"}, {"uri", "untitled:stdin"}, {"diagnostics", json::array()}}}));
}

TEST_CASE("an empty file carries its note") {
  const TempDir dir;
  dir.write("empty.txt", "");
  const json files = check_json({"empty.txt"}, dir.path());
  CHECK(files == json::array({json{{"path", "empty.txt"},
                                   {"uri", file_uri(dir.path() / "empty.txt")},
                                   {"diagnostics", json::array()},
                                   {"note", "empty file: no pairs"}}}));
}

// The report is written as text, not dumped from a json tree: its layout must
// stay what nlohmann's dump(2) gives for the same tree (the format scripts and
// the comparisons of outputs against earlier builds read byte for byte).
TEST_CASE("the report's text is nlohmann's dump(2) of its own tree") {
  std::string odd = fixture("clean.zh-en.txt");
  odd.insert(odd.find("这个社区"), "🤗\"引号\"\\ \t\x01\xC3");  // quote, backslash, controls, invalid UTF-8
  const TempDir dir;
  dir.write("b.txt", fixture("missing-original.zh-en.txt"));
  dir.write("odd \"name\".txt", odd);
  dir.write("empty.txt", "");
  for (const bool content : {false, true}) {
    std::vector<std::string> args = {"check", "--format", "json", "b.txt", "missing.txt", "odd \"name\".txt",
                                     "empty.txt", std::string(BITEXT_SOURCE_DIR) + "/" + kWithErrors};
    if (!content) args.push_back("--no-content");
    const auto result = run_bitext(args, std::nullopt, dir.path());
    REQUIRE(nlohmann::ordered_json::accept(result.out));
    const nlohmann::ordered_json tree = nlohmann::ordered_json::parse(result.out);
    CHECK(tree.size() == 5);
    CHECK(result.out == tree.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  }
  const auto none = run_bitext({"check", "--format", "json", "missing.txt"}, std::nullopt, dir.path());
  CHECK(none.out == "[\n  {\n    \"path\": \"missing.txt\",\n    \"uri\": \"" + file_uri(dir.path() / "missing.txt") +
                        "\",\n    \"diagnostics\": [],\n    \"error\": \"No such file or directory\"\n  }\n]\n");
}

// The report's diagnostics are written by hand for speed; each must still be
// the server's Diagnostic as lsp::to_json gives it (the one mapping), fixes in data.
TEST_CASE("each reported diagnostic is lsp::to_json of the server's Diagnostic for the finding") {
  const std::string text = read_whole_file(std::filesystem::path(BITEXT_SOURCE_DIR) / kWithErrors);
  const auto result = run_bitext({"check", "--format", "json", "--no-content", kWithErrors});
  const json reported = json::parse(result.out).at(0).at("diagnostics");
  bitext::CheckOptions options;
  options.content_checks = false;
  const auto analysis = bitext::Analysis::run(text, options);
  const bitext::LineIndex& index = analysis->index();
  auto range_of = [&](std::size_t begin, std::size_t end) {
    return bitext::Range{index.position_of(begin, bitext::PositionEncoding::Utf16),
                         index.position_of(end, bitext::PositionEncoding::Utf16)};
  };
  const std::string uri = file_uri(std::filesystem::path(BITEXT_SOURCE_DIR) / kWithErrors);
  const bitext::lsp::DiagnosticOptions diagnostic_options{uri, std::nullopt, true, true};
  REQUIRE(reported.size() == analysis->findings().size());
  std::size_t with_fixes = 0;
  std::size_t with_related = 0;
  for (std::uint32_t i = 0; i < analysis->findings().size(); ++i) {
    bitext::lsp::Diagnostic diagnostic;
    bitext::lsp::make_diagnostic(diagnostic, analysis->findings()[i], i, range_of, diagnostic_options);
    json expected;
    bitext::lsp::to_json(expected, diagnostic);
    CHECK(reported[i] == expected);
    with_fixes += expected["data"].contains("fixes") ? 1 : 0;
    with_related += expected.contains("relatedInformation") ? 1 : 0;
  }
  CHECK(with_fixes >= 1);
  CHECK(with_related >= 1);
}

TEST_CASE("with the dictionary, a drift's fix does not cut an English sentence at a comma to open a line mid-sentence") {
  // A manual's license paragraphs (the GNU verbatim-copying notice, translated
  // for the test); the first Chinese sentence of the last paragraph drifted to
  // the end of the one before. The mirror would move the English paragraph's
  // first clause back ("…for modified versions," | "except that…"), leaving
  // its line to open with "except": the parallel paragraphs share their
  // words, which favoured it. No other English line of the page opens with a
  // small letter. Without the dictionary the evidence alone already decides.
  const std::vector<std::string> lines = {
      "本手册介绍如何安装和配置这个工具。",
      "This manual explains how to install and configure the tool.",
      "版权所有 © 2020 本手册的作者们。",
      "Copyright © 2020 the authors of this manual.",
      "在保留版权声明和本许可声明的前提下，允许制作和分发本手册的完整副本。",
      "Permission is granted to make and distribute verbatim copies of this manual provided the copyright notice and "
      "this permission notice are preserved on all copies.",
      "在完整副本的条件下，允许复制和分发本手册的修改版本，但整个衍生作品须按照与本声明相同的许可声明分发。",
      "Permission is granted to copy and distribute modified versions of this manual under the conditions for verbatim "
      "copying, provided that the entire resulting derived work is distributed under the terms of a permission notice "
      "identical to this one.",
      "在上述修改版本的条件下，允许复制和分发本手册的其他语言译本。本许可声明可以使用经自由软件基金会核准的译本，而不必使用英文原文。",
      "Permission is granted to copy and distribute translations of this manual into another language, under the above "
      "conditions for modified versions, except that this permission notice may be included in translations approved "
      "by the Free Software Foundation instead of in the original English."};
  const std::string moved = "在上述修改版本的条件下，允许复制和分发本手册的其他语言译本。";
  REQUIRE(lines[8].starts_with(moved));
  std::vector<std::string> drifted = lines;
  drifted[6] += moved;
  drifted[8] = lines[8].substr(moved.size());
  const json fixes = drift_fixes("license.txt", join_lines(drifted));
  REQUIRE(fixes.size() == 2);
  CHECK(fixes[0]["title"] == "Move '在上述修改版本的条件下，允许复制和分发本手册的…' to the start of the translation of pair 5");
  CHECK(apply_fix(join_lines(drifted), fixes[0]) == join_lines(lines));
}

TEST_CASE("with the dictionary, a drift's fix leaves every body of a page's footnote list at the start of its line") {
  // A page's list of footnotes (written for the test). The first sentence of
  // the English body of [6] drifted to the end of the body of [5]. The mirror
  // would move the Chinese sentence, mark and all, after the body of [5]:
  // two bodies on one line, which no list of the dev sets shows, but the
  // lengths and the dictionary's evidence favoured it. Without the dictionary
  // the evidence alone already decides.
  const std::vector<std::string> lines = {
      "这个文件记录了这个工具在当前版本中所作出的所有更改。（没有补丁版本）",
      "This file records all the changes made to the tool in the current version. (There is no patch release.)",
      "[1] 不兼容的接口变更常常需要你更新插件的版本号，并把插件的目录名换成新的。",
      "[1] Incompatible interface changes normally require you to update the version of each plugin and the plugin "
      "directory name to new ones.",
      "[2] 对于脚本插件和其他难以逐个追踪函数的情况，请遵循 Plugin Guide, 3.2.1 \"The loader\"。",
      "[2] For script plugins and other cases where tracking individual functions is too difficult, follow Plugin "
      "Guide, 3.2.1 \"The loader\", instead.",
      "[3] 所有先前的版本都能在 http://archive.example.org/ 找到。不过补丁号 被去掉了，以使升级更为容易： 2.1 << "
      "2.1-1~up1 << 2.1-1 and 2.2 << 2.2-1~up1 << 2.2-1",
      "[3] All previous versions are available at http://archive.example.org/. The patch number is dropped from the "
      "version to make upgrades easier: 2.1 << 2.1-1~up1 << 2.1-1 and 2.2 << 2.2-1~up1 << 2.2-1",
      "[4] 补丁号已被从版本中去掉，这能让升级更为容易： 2.3 << 2.3-1~up1 << 2.3-1",
      "[4] The patch number is dropped from the version to make upgrades easier: 2.3 << 2.3-1~up1 << 2.3-1",
      "[5] 旧的插件路径，比如 /opt/tool/ 和 /srv/tool/ 已不再使用。",
      "[5] Old plugin paths such as /opt/tool/ and /srv/tool/ are not used anymore.",
      "[6] 作为替代，你可以添加 --plugindir=\\$${prefix}/lib/$(TOOL_HOST_ARCH) 和 "
      "--datadir=\\$${prefix}/share/$(TOOL_HOST_ARCH) 参数到 ./setup 后头。 请注意 --datadir 指定了 "
      "安装数据文件(它们被插件读取，而更少是用户)的默认路径。它的默认设置为 /usr/local/share/ 但是本发行版的设置为 /usr/share/。",
      "[6] Alternatively, you can add --plugindir=\\$${prefix}/lib/$(TOOL_HOST_ARCH) and "
      "--datadir=\\$${prefix}/share/$(TOOL_HOST_ARCH) arguments to ./setup. Please note that --datadir specifies the "
      "default path to install data files read by plugins rather than by users. Its default is /usr/local/share/ but "
      "this distribution's default is /usr/share/."};
  const std::string moved =
      "[6] Alternatively, you can add --plugindir=\\$${prefix}/lib/$(TOOL_HOST_ARCH) and "
      "--datadir=\\$${prefix}/share/$(TOOL_HOST_ARCH) arguments to ./setup.";
  REQUIRE(lines[13].starts_with(moved + " "));
  std::vector<std::string> drifted = lines;
  drifted[11] += " " + moved;
  drifted[13] = lines[13].substr(moved.size() + 1);
  const json fixes = drift_fixes("notes.txt", join_lines(drifted));
  REQUIRE(fixes.size() == 2);
  CHECK(fixes[0]["title"] == "Move '[6] Alternatively, you…' to the start of the original of pair 7");
  CHECK(apply_fix(join_lines(drifted), fixes[0]) == join_lines(lines));
}

TEST_CASE("with the dictionary, a drift's fix does not open a line with a remark in brackets") {
  // A manual's page (written for the test) whose second paragraph ends with a
  // remark in brackets in both languages. The Chinese remark drifted to the
  // start of the next paragraph; the mirror would move the English remark
  // along, and the evidence favoured it. A remark comments on the text before
  // it: no line of the dev sets opens with one when text follows it.
  const std::vector<std::string> lines = {
      "这个工具可以读取配置文件，并检查其中的每一个选项。它会报告每一个无效的选项，并给出行号。",
      "This tool can read the configuration file and check each of its options. It reports every option that is not "
      "valid, with its line number.",
      "它支持三种格式。默认使用第一种格式，除非命令行另有说明。(完整列表参见 https://tool.example.org/formats)",
      "It supports three formats. The first format is used by default unless the command line says otherwise. (Full "
      "list at https://tool.example.org/formats)",
      "当你想要检查另一个文件时，就将文件名作为命令行参数传给它。比如说，tool check other.conf 会检查 other.conf 文件。",
      "When you want to check another file, give its name to the tool as a command line argument. For example, tool "
      "check other.conf checks the file other.conf.",
      "更多选项见手册。手册还列出了每个选项的默认值。",
      "See the manual for more options. The manual also lists the default value of each option."};
  const std::string moved = "(完整列表参见 https://tool.example.org/formats)";
  REQUIRE(lines[2].ends_with(moved));
  std::vector<std::string> drifted = lines;
  drifted[2] = lines[2].substr(0, lines[2].size() - moved.size());
  drifted[4] = moved + lines[4];
  const json fixes = drift_fixes("formats.txt", join_lines(drifted));
  REQUIRE(fixes.size() == 2);
  CHECK(fixes[0]["title"] == "Move '(完整列表参见…' to the end of the translation of pair 2");
  CHECK(apply_fix(join_lines(drifted), fixes[0]) == join_lines(lines));
}

TEST_CASE("with the dictionary, a drift's side is read from the words next to the cut, not a long paragraph's") {
  // A guide's page (written for the test). The last Chinese sentence of pair 5
  // ("also, the page has translations") drifted to the start of pair 6, whose
  // last sentence, far from the cut, repeats its words. Counted over the whole
  // rest, those words drew the English sentence after it into pair 6; read
  // next to the cut (twice the moved words), they do not, and the shape of
  // the lines decides.
  const std::vector<std::string> lines = {
      "本指南的第一版由 Anna Berg 和 Tom Weller 撰写和维护。之后，本指南由 Maria Lind 维护。",
      "The first edition of this guide was written and maintained by Anna Berg and Tom Weller. After them, the guide was "
      "maintained by Maria Lind.",
      "本指南的作者向所有帮助过这份文档的人们表示感谢。",
      "The authors would like to thank all those who helped make this guide possible.",
      "欢迎对本指南进行评论和补充。请发送电子邮件到 <guide@lists.example.org>，或者向 "
      "toolbox-guide 软件包提交一个缺陷报告。",
      "Comments and additions to this guide are always welcome. Please send e-mail to <guide@lists.example.org>, or "
      "submit a bug report against the toolbox-guide package.",
      "本指南的最新版本可以在项目网站的 https://www.example.org/guide/ 页面访问。",
      "The latest version of this guide can be viewed on the project's web pages at https://www.example.org/guide/.",
      "也可以在 https://www.example.org/manuals#guide 下载纯文本、HTML 和 PDF "
      "格式的版本。此外，该页面上也有几种不同语言的译本。",
      "It is also available for download in plain text, HTML, and PDF formats at https://www.example.org/manuals#guide. "
      "Also, there are several translations there.",
      "本指南可以通过 toolbox-guide 软件包获取。翻译版本可以通过 "
      "toolbox-guide-zh-cn、toolbox-guide-de "
      "和其他软件包获取。这些译本由志愿者维护。此外，该页面还按语言列出了不同的译本，其中几种译本也有纯文本格式。",
      "This guide is available in the toolbox-guide package. Translations are available in toolbox-guide-de, "
      "toolbox-guide-fr and other packages. These translations are maintained by volunteers. Also, the page there lists "
      "several different translations by language, and several of the translations are offered there as plain text too.",
      "用于创建本指南的 XML 源文件可以在 toolbox-guide 的源码包中获取，或者从 "
      "https://git.example.org/toolbox-guide 中通过 GIT 获取。",
      "The original XML files used to create this guide are also available in toolbox-guide's source package, or in GIT "
      "at https://git.example.org/toolbox-guide.",
      "本指南使用 DocBook XML DTD "
      "写成。该系统让我们可以从同一个源文件创建多种格式的文件。",
      "This guide was written using the DocBook XML DTD. This system enables us to create files in a variety of formats "
      "from one source."};
  const std::string moved = "此外，该页面上也有几种不同语言的译本。";
  REQUIRE(lines[8].ends_with(moved));
  std::vector<std::string> drifted = lines;
  drifted[8] = lines[8].substr(0, lines[8].size() - moved.size());
  drifted[10] = moved + lines[10];
  const json fixes = drift_fixes("guide.txt", join_lines(drifted));
  REQUIRE(fixes.size() == 2);
  CHECK(fixes[0]["title"] == "Move '此外，该页面上也有几种不同语言的译本。' to the end of the translation of pair 5");
  CHECK(apply_fix(join_lines(drifted), fixes[0]) == join_lines(lines));
}
