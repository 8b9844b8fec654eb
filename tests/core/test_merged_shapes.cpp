// merged-lines in the shapes the pairing reads the other way: the lone line
// before the pair that took the merged line, the header before the first
// pair, and a navigation link's word as the seam. Exact findings and the
// preferred fix's text (written by hand); no dictionary.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bitext/checks.hpp"
#include "bitext/finding.hpp"
#include "bitext/pairing.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"
#include "core/front_matter.hpp"
#include "support/structural_findings.hpp"

using bitext::CheckOptions;
using bitext::Finding;
using bitext::LineIndex;
using bitext::Transcript;
using bitext::test_support::structural_findings;

namespace {

std::vector<Finding> split_lines(const std::vector<Finding>& findings) {
  std::vector<Finding> out;
  for (const Finding& finding : findings)
    if (finding.code == "split-line") out.push_back(finding);
  return out;
}

std::string preferred_fixed(const std::string& text, const Finding& finding) {
  REQUIRE(!finding.fixes.empty());
  CHECK(finding.fixes[0].preferred);
  return bitext::apply_edits(text, finding.fixes[0].edits);
}

}  // namespace

TEST_CASE("navigation_link_inside: the other language's link word of the same direction, after the line's start") {
  using bitext::detail::navigation_link_inside;
  const std::string line = "THE BROADER VIEW LibreOffice replaces OpenOffice.org Prev13.6. Development";
  CHECK(navigation_link_inside(line, "上一页13.6. 开发") == line.find("Prev13.6."));
  CHECK(navigation_link_inside(line, "下一页13.8. 模拟 Windows：Wine") == 0);  // the other direction
  CHECK(navigation_link_inside("2. 本书为谁而写？上一页前言", "PrevForeword") == std::string("2. 本书为谁而写？").size());
  CHECK(navigation_link_inside("A.14. And Many MoreNextAppendix B.", "下一页附录 B. 简短辅导课程") ==
        std::string("A.14. And Many More").size());
  CHECK(navigation_link_inside("Prev2.4. Why the Debian Distribution?", "上一页2.4. 为什么") == 0);  // at the start
  CHECK(navigation_link_inside("Read the manual. Next, run the installer.", "下一页3. 安装") == 0);  // a sentence
  CHECK(navigation_link_inside("Some text Prev13.6. Development", "13.6. 开发") == 0);  // no link line
}

// "12.5. 关于" / "12.5. About" / "12.5.2. 对话窗口的说明" / "12.5.2. Description…"
// with the two English lines merged: the pairing makes line 1 a header and
// pairs the merged line with line 3.
TEST_CASE("merged-lines: the header before the first pair is the partner of the merged line's first part") {
  const std::string clean =
      "12.5. 关于\n12.5. About\n12.5.2. 对话窗口的说明\n12.5.2. Description of the dialog window\n";
  const std::string text = "12.5. 关于\n12.5. About 12.5.2. Description of the dialog window\n12.5.2. 对话窗口的说明\n";
  const std::vector<Finding> findings = structural_findings(text);
  REQUIRE(findings.size() == 1);
  const Finding& finding = findings[0];
  CHECK(finding.code == "split-line");
  CHECK(finding.severity == bitext::Severity::Warning);
  CHECK(finding.message ==
        "English line 2 holds two segments' originals: its first part goes with the Chinese line 1, its second, "
        "from '12.5.2. Description of t…', with line 3 (pair 1)");
  REQUIRE(finding.fixes.size() == 1);
  CHECK(finding.fixes[0].title == "Split line 2 and move its second part after line 3");
  CHECK(preferred_fixed(text, finding) == clean);
}

TEST_CASE("merged-lines: a real header before a pair that translates only its own partner stays a header") {
  // The pair's line holds no number of the header: no merge.
  const std::string text = "12.5. 关于\nDescription of the dialog window 12.5.2.\n12.5.2. 对话窗口的说明\n";
  CHECK(split_lines(structural_findings(text)).empty());
}

// A lone Chinese line, then the merged English line paired with the next
// Chinese line: the link word "Prev" of the next line's "上一页" is the seam.
TEST_CASE("merged-lines: the lone line before the pair that took the merged line; a navigation link as the seam") {
  const std::string clean =
      "实践 Ubuntu 的支持和维护承诺\nIN PRACTICE Ubuntu's support and maintenance promise\n"
      "上一页附录 A. 衍生发行版\nPrevAppendix A. Derivative Distributions\n";
  const std::string text =
      "实践 Ubuntu 的支持和维护承诺\nIN PRACTICE Ubuntu's support and maintenance promise PrevAppendix A. Derivative "
      "Distributions\n上一页附录 A. 衍生发行版\n";
  const std::vector<Finding> splits = split_lines(structural_findings(text));
  REQUIRE(splits.size() == 1);
  CHECK(splits[0].message ==
        "English line 2 holds two segments' originals: its first part goes with the Chinese line 1, its second, "
        "from 'PrevAppendix A. Derivati…', with line 3 (pair 2)");
  CHECK(preferred_fixed(text, splits[0]) == clean);
  for (const Finding& finding : structural_findings(text)) CHECK(finding.code != "missing-original");
}

TEST_CASE("merged-lines: a navigation link inside the line before a missing line") {
  const std::string clean =
      "13.7. 办公软件包\n13.7. Office Suites\n更宽泛的观点 LibreOffice 取代 OpenOffice.org\n"
      "THE BROADER VIEW LibreOffice replaces OpenOffice.org\n上一页13.6. 开发\nPrev13.6. Development\n"
      "下一页13.8. 模拟 Windows：Wine\nNext13.8. Emulating Windows: Wine\n";
  const std::string text =
      "13.7. 办公软件包\n13.7. Office Suites\n更宽泛的观点 LibreOffice 取代 OpenOffice.org\n"
      "THE BROADER VIEW LibreOffice replaces OpenOffice.org Prev13.6. Development\n上一页13.6. 开发\n"
      "下一页13.8. 模拟 Windows：Wine\nNext13.8. Emulating Windows: Wine\n";
  const std::vector<Finding> splits = split_lines(structural_findings(text));
  REQUIRE(splits.size() == 1);
  CHECK(splits[0].message ==
        "English line 4 holds two segments' originals: its first part goes with the Chinese line 3, its second, "
        "from 'Prev13.6. Development…', with line 5 (pair 2)");
  CHECK(preferred_fixed(text, splits[0]) == clean);
}

TEST_CASE("merged-lines: a lone first line before a pair of one heading is no merge") {
  // The translation of pair 1 was lost; the next Chinese line holds only its
  // own partner's heading (a label alone is no first part).
  const std::string text = "10.6.1. Activating the submenu\n10.6.2. 刷新脚本\n10.6.2. Refresh Scripts\n";
  CHECK(split_lines(structural_findings(text)).empty());
}

TEST_CASE("segments_apart: two whole titles or entries, not one segment broken in two") {
  using bitext::detail::segments_apart;
  CHECK(segments_apart("User management", "Web server"));
  CHECK(segments_apart("2.2. Master Plan", "Figure 2.1. Overview of the Falcot Corp network"));
  CHECK(segments_apart("27.2. 旧版本的历史信息", "以下是从前所做的更多 Debian Edu 发行版："));
  CHECK(segments_apart("See Section 4.5, “Rotate”", "Transform"));  // a quoted title, no sentence end
  CHECK_FALSE(segments_apart("If the GOsa² interface works,", "If LTSP clients can connect"));  // a clause
  CHECK_FALSE(segments_apart("如果 GOsa² 图形用户界面正在工作，", "如果能够连接 LTSP 客户端和工作站，"));
  CHECK_FALSE(segments_apart("You may not copy the Document except under this License.”", "Any other attempt"));
  CHECK_FALSE(segments_apart("Please note:", "LTSP diskless workstations"));
  CHECK_FALSE(segments_apart("3.1.6.", "Diskless workstations"));  // a label alone labels the next line
  // A sentence broken before a capital reads as apart too: there the other
  // line's clean dictionary cut and both parts' length fit must tell.
  CHECK(segments_apart("The thin client setup now uses", "X2Go, because LTSP has dropped support."));
  CHECK_FALSE(segments_apart("Read the manual", "and then install"));  // a small letter continues
}

TEST_CASE("ends_with_function_word, opening_word, inner_capital_words: a sentence's head and the names inside it") {
  using bitext::detail::ends_with_function_word;
  CHECK(ends_with_function_word("will automatically terminate your rights under this License of the"));
  CHECK(ends_with_function_word("This drop-down list lets you select between Use a locally installed copy and"));
  CHECK(ends_with_function_word("The file is"));
  CHECK_FALSE(ends_with_function_word("User management"));  // a title ends with a content word
  CHECK_FALSE(ends_with_function_word("The thin client setup now uses"));
  CHECK_FALSE(ends_with_function_word("Zoom in."));
  CHECK_FALSE(ends_with_function_word("Theme"));  // a content word alone
  CHECK_FALSE(ends_with_function_word("fast-and"));  // part of a compound, not the word "and"
  CHECK(bitext::detail::opening_word("  X2Go, because LTSP has dropped support.") == "X2Go");
  CHECK(bitext::detail::opening_word("“Help” menu").empty());
  std::vector<std::string_view> names;
  bitext::detail::inner_capital_words("The setup now uses X2Go, because LTSP has dropped Debian support. Next", names);
  CHECK(names == std::vector<std::string_view>{"X2Go", "LTSP", "Debian"});  // not after a full stop
}

// Two menu entries merged where the whole line still fits the first entry's
// partner (short lines vary widely in length): the cut's two parts fit their
// partners far better than the whole fits the first, so the merge is the
// likelier reading than a deleted line.
TEST_CASE("merged-lines: short entries whose parts fit their partners better than the whole fits the first") {
  const std::string clean = "全选\nSelect all\n不选\nSelect none\n反选\nInvert selection\n";
  const std::string text = "全选\nSelect allSelect none\n不选\n反选\nInvert selection\n";
  const std::vector<Finding> findings = structural_findings(text);
  const std::vector<Finding> splits = split_lines(findings);
  REQUIRE(splits.size() == 1);
  CHECK(splits[0].severity == bitext::Severity::Warning);
  CHECK(splits[0].message ==
        "English line 2 holds two segments' originals: its first part goes with the Chinese line 1, its second, "
        "from 'Select none…', with line 3 (pair 1)");
  REQUIRE(splits[0].fixes.size() == 1);
  CHECK(splits[0].fixes[0].title == "Split line 2 and move its second part after line 3");
  CHECK(preferred_fixed(text, splits[0]) == clean);
  for (const Finding& finding : findings) CHECK(finding.code != "missing-original");
}

TEST_CASE("merged-lines: a deleted line beside an entry that fits its own partner stays a missing line") {
  // "Zoom out" was deleted: "Zoom in" translates 放大 alone and has no seam.
  const std::string text = "放大\nZoom in\n缩小\n原始尺寸\nZoom 1:1\n";
  const std::vector<Finding> findings = structural_findings(text);
  CHECK(split_lines(findings).empty());
  REQUIRE_FALSE(findings.empty());
  CHECK(findings[0].code == "missing-original");
  CHECK(findings[0].begin == text.find("缩小"));
}

TEST_CASE("merged-lines: a second part without its partner's number is no merge") {
  // The lengths favour cutting "Select allSelect none" before "Select none",
  // but line 3 holds a "2" that part lacks: numbers carry over into a
  // translation as they are, so the deletion stays the reading.
  const std::string text = "全选\nSelect allSelect none\n不选 2\n反选\nInvert selection\n";
  const std::vector<Finding> findings = structural_findings(text);
  CHECK(split_lines(findings).empty());
  bool missing = false;
  for (const Finding& finding : findings) missing = missing || (finding.code == "missing-original" && finding.begin == text.find("不选"));
  CHECK(missing);
}

TEST_CASE("merged-lines: without a dictionary a sentence end beside a missing line needs more than lengths") {
  // The original of the heading "确定…" was deleted; the line before it ends
  // with two questions whose last fits the heading's length better than the
  // whole line fits its own partner, but without a dictionary nothing says
  // whose sentence the last one is: a deleted line's neighbour has that seam
  // at each sentence end.
  const std::string text =
      "很遗憾，无论哪个版本的 GIMP 都不是完美的。\nSad to say, no version of GIMP has yet been absolutely perfect.\n"
      "假设你发现了一个 BUG，或者你觉得你遇到了一个：你想做某件事，但结果不尽人意。你可以怎么办呢？怎样提交 BUG 呢？\n"
      "Suppose, then, that you have found a bug, or at least think you have: you try to do something, and the "
      "results are not what you expect. What should you do? How should you report it?\n"
      "确定它的确是个 BUG\n"
      "实际上我们已知有一些情况会导致 GIMP 崩溃，但修复这些问题需要的代价太大，目前来说还不值得。\n"
      "Actually there are a few things that are known to cause GIMP to crash but have turned out to be too "
      "inconvenient to be worth fixing.\n";
  const std::vector<Finding> findings = structural_findings(text);
  CHECK(split_lines(findings).empty());
  bool missing = false;
  for (const Finding& finding : findings) missing = missing || (finding.code == "missing-original" && finding.begin == text.find("确定它"));
  CHECK(missing);
}

TEST_CASE("merged-lines: without a dictionary a footer whose cut opens no segment stays a footer") {
  // "Section 8.33, “Sepia”" was deleted: the footer "第 8.33 节 “Sepia”" has no
  // partner and the last pair's line no number of it. Without a dictionary no
  // cut can open the footer's segment, so the line is no merge.
  const std::string text = "第 8.31 节 “Desaturate”\nSection 8.31, “Desaturate”\n第 8.33 节 “Sepia”\n";
  const std::vector<Finding> findings = structural_findings(text);
  CHECK(split_lines(findings).empty());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "missing-original");
  CHECK(findings[0].severity == bitext::Severity::Information);
  CHECK(findings[0].begin == text.find("第 8.33"));
}
