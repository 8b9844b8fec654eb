// joined-lines: two lines of different languages joined into one (a pair's
// two lines, or a pair's second line and the next pair's first). Detection,
// the exact fix text (written by hand), both orders of languages, CRLF, and
// the mixed-script lines that must not be read as joins.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/checks.hpp"
#include "bitext/finding.hpp"
#include "bitext/lexicon.hpp"
#include "bitext/pairing.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"
#include "core/join_carried.hpp"
#include "core/join_entries.hpp"
#include "core/join_glue.hpp"
#include "core/join_lead.hpp"
#include "core/join_sidebar.hpp"
#include "core/join_numbers.hpp"
#include "core/joined_lines.hpp"
#include "core/merged_lexical.hpp"
#include "support/sentence_pairs.hpp"
#include "support/structural_findings.hpp"

using bitext::CheckOptions;
using bitext::Finding;
using bitext::LineIndex;
using bitext::Transcript;
using bitext::test_support::structural_findings;

namespace {

// Where each candidate's second run begins.
std::vector<std::size_t> starts(const std::vector<bitext::detail::JoinCandidate>& candidates) {
  std::vector<std::size_t> out;
  for (const bitext::detail::JoinCandidate& candidate : candidates) out.push_back(candidate.join.second_begin);
  return out;
}

std::string joined_fixed(const std::string& text, const Finding& finding) {
  REQUIRE(finding.fixes.size() == 1);
  CHECK(finding.fixes[0].preferred);
  return bitext::apply_edits(text, finding.fixes[0].edits);
}

std::string joined_crlf(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// Chinese first; pair 3 is "他昨天买了一本新书。" / "He bought a new book yesterday."
const std::string kJoinClean = bitext::test_support::sentence_pair_lines(6) + "\n";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

Finding only_joined(const std::vector<Finding>& findings) {
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "joined-lines");
  CHECK(findings[0].severity == bitext::Severity::Error);
  return findings[0];
}

}  // namespace

TEST_CASE("joined-lines: a translation and its original on one line, no separator") {
  const std::string text = replaced(kJoinClean, "新书。\nHe bought", "新书。He bought");
  const Finding finding = only_joined(structural_findings(text));
  CHECK(finding.pair == 2);
  CHECK(finding.message == "Line 5 holds the Chinese translation and the English original of pair 3 joined into one line");
  CHECK(finding.begin == text.find("他昨天"));
  CHECK(finding.end == text.find("\n", text.find("他昨天")));
  REQUIRE(finding.related.size() == 1);
  CHECK(finding.related[0].begin == text.find("He bought"));
  CHECK(finding.related[0].message == "English original of pair 3");
  CHECK(finding.fixes[0].title == "Split line 5 where the English original starts");
  CHECK(joined_fixed(text, finding) == kJoinClean);
}

TEST_CASE("joined-lines: join-lines put a space at the join; the line break replaces it") {
  const std::string text = replaced(kJoinClean, "新书。\nHe bought", "新书。 He bought");
  const Finding finding = only_joined(structural_findings(text));
  CHECK(joined_fixed(text, finding) == kJoinClean);
  SUBCASE("two spaces are not a joining space: they stay, no character is lost") {
    const std::string spaced = replaced(kJoinClean, "新书。\nHe bought", "新书。  He bought");
    const Finding two = only_joined(structural_findings(spaced));
    CHECK(joined_fixed(spaced, two) == replaced(kJoinClean, "新书。\nHe bought", "新书。  \nHe bought"));
  }
}

TEST_CASE("joined-lines: a pair's original and the next pair's translation on one line") {
  const std::string text = replaced(kJoinClean, "park.\n他昨天", "park.他昨天");
  const Finding finding = only_joined(structural_findings(text));
  CHECK(finding.message ==
        "Line 4 holds the English original of pair 2 and the Chinese translation of pair 3 joined into one line");
  CHECK(finding.begin == text.find("Let's go"));
  REQUIRE(finding.related.size() == 2);
  CHECK(finding.related[0].begin == text.find("Let's go"));
  CHECK(finding.related[0].end == text.find("他昨天"));
  CHECK(finding.related[1].begin == text.find("我们去公园"));  // the partner, pair 2's translation
  CHECK(joined_fixed(text, finding) == kJoinClean);
  const std::string spaced = replaced(kJoinClean, "park.\n他昨天", "park. 他昨天");
  CHECK(joined_fixed(spaced, only_joined(structural_findings(spaced))) == kJoinClean);
}

TEST_CASE("joined-lines: English-first documents, both joins") {
  const std::string clean =
      "The weather is nice today.\n今天天气很好。\n"
      "Let's go for a walk in the park.\n我们去公园散步吧。\n"
      "He bought a new book yesterday.\n他昨天买了一本新书。\n"
      "The food at this restaurant is delicious.\n这家餐厅的菜很好吃。\n"
      "Please open the window.\n请把窗户打开。\n";
  const std::string own = replaced(clean, "yesterday.\n他昨天", "yesterday. 他昨天");
  CHECK(joined_fixed(own, only_joined(structural_findings(own))) == clean);
  const std::string across = replaced(clean, "新书。\nThe food", "新书。The food");
  CHECK(joined_fixed(across, only_joined(structural_findings(across))) == clean);
}

TEST_CASE("joined-lines: in a CRLF file the break is the file's own line end") {
  const std::string clean = joined_crlf(kJoinClean);
  const std::string text = replaced(clean, "新书。\r\nHe bought", "新书。 He bought");
  CHECK(joined_fixed(text, only_joined(structural_findings(text))) == clean);
}

TEST_CASE("joined-lines: Chinese lines with English terms, commands and titles are not joins") {
  SUBCASE("clean text with mixed lines gives nothing") {
    const std::string mixed =
        "6.3. 安装 Debian Edu\n6.3. Installing Debian Edu\n"
        "运行 apt-get install debian-edu-config 命令即可。\n"
        "Run the command apt-get install debian-edu-config.\n"
        "Debian Edu 又名 Skolelinux，是一个 Linux 发行版。\n"
        "Debian Edu aka Skolelinux is a Linux distribution.\n"
        "观点 X11, XFree86 and X.org\nPERSPECTIVE X11, XFree86 and X.org\n";
    CHECK(structural_findings(mixed).empty());
  }
  SUBCASE("a line that lost its original while ending with an English title stays missing-original") {
    const std::string text = replaced(kJoinClean, "新书。\nHe bought a new book yesterday.\n",
                                      "新书。\n");
    const std::string lone = replaced(text, "他昨天买了一本新书。", "第三章 安装 Debian Edu");
    const std::vector<Finding> findings = structural_findings(lone);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].code == "missing-original");
  }
  SUBCASE("a lost original before a Chinese line that starts with a title stays missing-original") {
    const std::string text = replaced(kJoinClean, "新书。\nHe bought a new book yesterday.\n", "新书。\n");
    const std::string titled = replaced(text, "这家餐厅的菜很好吃。", "Graphical expert install 在图形模式中给予访问所有的问题。");
    const std::vector<Finding> findings = structural_findings(titled);
    REQUIRE(!findings.empty());
    CHECK(findings[0].code == "missing-original");
  }
}

TEST_CASE("language_join: where a line of two languages splits") {
  using bitext::detail::language_join;
  const auto at = [](std::string_view line, bool cjk_first) -> std::pair<std::size_t, std::size_t> {
    const auto join = language_join(line, cjk_first);
    if (!join) return {0, 0};
    return {join->first_end, join->second_begin};
  };
  const std::string zh = "他昨天买了一本新书。";
  CHECK(at(zh + "He bought a new book.", true) == std::pair<std::size_t, std::size_t>{zh.size(), zh.size()});
  CHECK(at(zh + " He bought a new book.", true) == std::pair<std::size_t, std::size_t>{zh.size(), zh.size() + 1});
  // after a sentence end one word is enough; at a bare script change, a title of a few words is a term
  CHECK(at(zh + "Standalone", true).second == zh.size());
  CHECK(!language_join("第三章 安装 Debian Edu", true));
  CHECK(!language_join("非官方来源：mentors.debian.net", true));
  // the same number label starts both runs: one heading's two lines
  CHECK(at("8.11.2. 使用 dpkg 安装8.11.2. Installing with dpkg", true).second ==
        std::string("8.11.2. 使用 dpkg 安装").size());
  // English then Chinese: at the sentence end before a Chinese run that starts with Latin words
  const std::string en = "It fits the needs of a school network.";
  CHECK(at(en + "Debian Edu 又名 Skolelinux。", false) == std::pair<std::size_t, std::size_t>{en.size(), en.size()});
  const std::string heading = "10.4. Principle and Mechanism of the Quality of Service";
  CHECK(at(heading + "10.4.1. 原则与机制", false).second == heading.size());
  CHECK(!language_join("10.4. Quality of Service10.4.1. 原则与机制", false));  // a title of three words, not a run
  CHECK(!language_join("Debian Edu 又名 Skolelinux。", false));
  CHECK(!language_join("Graphical expert install 在图形模式中给予访问。", false));
  // a footnote mark and closing brackets after the Chinese sentence are its own
  const std::string noted = "请确认用它来替换。 [100]";
  CHECK(at(noted + "If it is used, replace it.", true) == std::pair<std::size_t, std::size_t>{noted.size(), noted.size()});
  const std::string aside = "半官方文档（草案） (见下)";
  CHECK(at(aside + " The Debian FAQ is semi-official.", true).second == aside.size() + 1);
  // a footnote list: each line starts with its label, so the label after the Chinese sentence starts the English run
  const std::string list_zh = "[99] 老旧的库路径已不再使用。 ";
  CHECK(at(list_zh + "[99] Old library paths are not used.", true).second == list_zh.size());
  const std::string list_en = "[99] Old library paths are not used anymore.";
  CHECK(at(list_en + "[100] 作为替代，你可以添加参数。", false) == std::pair<std::size_t, std::size_t>{list_en.size(), list_en.size()});
  // a heading's label repeated before its English title splits it, whatever the Chinese title ends with
  const std::string howto = "20. 用户 HowTo";
  CHECK(at(howto + "20. HowTos for users", true) == std::pair<std::size_t, std::size_t>{howto.size(), howto.size()});
  const std::string lvm = "12.1.2. LVM（逻辑卷管理）";
  CHECK(at(lvm + "12.1.2. LVM", true).second == lvm.size());
  CHECK(!language_join("1. 中文标题 21. Notes", true));  // "1." inside "21." is no repeat
  // two headings' lines: both runs start with a label of the same depth
  const std::string bugs = "21.2. Report bugs ";
  CHECK(at(bugs + "21.3. 文档作者和翻译者", false).second == bugs.size());
  CHECK(!language_join("21. Report bugs 21.3. 文档作者和翻译者", false));
  // a footnote mark after the English sentence end is the sentence's, before a Chinese run that starts with Latin words
  const std::string dropped = "This document will be dropped since contents are getting outdated. [1]";
  CHECK(at(dropped + " Debian 的软件包系统是重要原因之一。", false) ==
        std::pair<std::size_t, std::size_t>{dropped.size(), dropped.size() + 1});
  // outside a footnote list the mark ends the English sentence
  const std::string ref_en = "Debian packages should not contain such archive files in general.[92]";
  CHECK(at(ref_en + "一般而言，软件包不应包含它们。", false).second == ref_en.size());
}

TEST_CASE("joined-lines: doubts that lowered the missing line lower the join too") {
  SUBCASE("the document's first line: a bilingual title reads the same, so information") {
    const std::string text = replaced(kJoinClean, "很好。\nThe weather", "很好。The weather");
    const std::vector<Finding> findings = structural_findings(text);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].code == "joined-lines");
    CHECK(findings[0].severity == bitext::Severity::Information);
    CHECK(findings[0].message ==
          "Line 1 holds the Chinese translation and the English original of pair 1 joined into one line; or a header "
          "that gives its title in both languages");
    CHECK(joined_fixed(text, findings[0]) == kJoinClean);
  }
}

namespace {

// A dictionary of a few entries (CC-CEDICT's glosses), for the short English runs it vouches for.
bitext::Lexicon joined_lexicon() {
  const std::vector<bitext::LexiconEntry> entries = {
      {"中央", {"central; middle; centre"}}, {"备份", {"backup"}},         {"安装", {"to install; to erect"}},
      {"模糊", {"vague; fuzzy; blurred"}},   {"滤镜", {"filter (optics)"}}, {"餐厅", {"dining hall; restaurant"}}, {"动画", {"animation; cartoon"}},
  };
  std::string error;
  auto lexicon = bitext::Lexicon::from_image(bitext::build_lexicon_image(entries), &error);
  REQUIRE_MESSAGE(lexicon.has_value(), error);
  return *lexicon;
}

// The joined reading of the pair that lacks a side, with the dictionary or without.
std::optional<bitext::detail::JoinedReading> joined_with(const std::string& text, const bitext::Lexicon* lexicon) {
  const CheckOptions options;
  const LineIndex index(text);
  const Transcript transcript = bitext::parse_transcript(index, options);
  bitext::detail::JoinLengthFit fit(transcript, index, lexicon);
  for (const bitext::Pair& pair : transcript.pairs) {
    if (pair.translation.empty() != pair.original.empty())
      return bitext::detail::joined_reading(transcript, index, pair, pair.translation.empty(), fit);
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("joined-lines: a heading's short English title, vouched for by the dictionary") {
  const bitext::Lexicon lexicon = joined_lexicon();
  const std::string clean = replaced(kJoinClean, "他昨天买了一本新书。\nHe bought a new book yesterday.",
                                     "他昨天买了一本新书。\nHe bought a new book yesterday.\n中央备份\nCentral Backup");
  SUBCASE("the heading's two lines on one line: a join with the dictionary, missing-original without") {
    for (const std::string joiner : {"", " "}) {
      const std::string text = replaced(clean, "中央备份\nCentral", "中央备份" + joiner + "Central");
      const auto reading = joined_with(text, &lexicon);
      REQUIRE(reading.has_value());
      CHECK(reading->own);
      CHECK(reading->join.first_end == text.find("Central") - text.find("中央备份") - joiner.size());
      CHECK(reading->join.second_begin == text.find("Central") - text.find("中央备份"));
      CHECK(!joined_with(text, nullptr));
    }
  }
  SUBCASE("an English title the Chinese line quotes is no translation of it: the lost line stays missing") {
    const std::string lost = replaced(kJoinClean, "新书。\nHe bought a new book yesterday.\n", "新书。\n");
    CHECK(!joined_with(replaced(lost, "他昨天买了一本新书。", "安装 Debian Edu"), &lexicon));
    CHECK(!joined_with(replaced(lost, "他昨天买了一本新书。", "中央备份 Debian Edu"), &lexicon));
    // one word of three translated is less than half the run
    CHECK(!joined_with(replaced(lost, "他昨天买了一本新书。", "中央备份 Central Debian Edu"), &lexicon));
  }
}

TEST_CASE("edge_join: a header line that holds a pair's two lines") {
  using bitext::detail::edge_join;
  const bitext::Lexicon lexicon = joined_lexicon();
  const auto reading = [](const std::string& text, const bitext::Lexicon* dictionary) {
    const CheckOptions options;
    const LineIndex index(text);
    const Transcript transcript = bitext::parse_transcript(index, options);
    bitext::detail::JoinLengthFit fit(transcript, index, dictionary);
    return edge_join(transcript, index, 0, fit);
  };
  // A heading's two lines joined at the document's start: the parser reads the line as a header.
  const std::string numbered = "3. 模糊滤镜3. Blur Filters\n" + kJoinClean;
  const auto labelled = reading(numbered, nullptr);  // the repeated label is evidence enough
  REQUIRE(labelled.has_value());
  CHECK(labelled->second_begin == std::string("3. 模糊滤镜").size());
  const std::string titled = "中央备份 Central Backup\n" + kJoinClean;
  const auto vouched = reading(titled, &lexicon);
  REQUIRE(vouched.has_value());
  CHECK(vouched->first_end == std::string("中央备份").size());
  CHECK(vouched->second_begin == std::string("中央备份 ").size());
  CHECK(!reading(titled, nullptr));                             // a short title needs the dictionary
  CHECK(!reading("中央备份 Debian Edu\n" + kJoinClean, &lexicon));  // a title the line quotes
}

TEST_CASE("joined-lines: a header heading's partner joined to the first pair's line") {
  // "16. 卡通滤镜" / "16. Animation Filters" / "16.1. 介绍" / "16.1. Introduction", the second and third joined:
  // the first line reads as a header, the join is on the first pair's line.
  const std::string clean = "16. 动画滤镜\n16. Animation Filters\n16.1. 介绍\n16.1. Introduction\n" + kJoinClean;
  const std::string text = replaced(clean, "Filters\n16.1. 介绍", "Filters16.1. 介绍");
  const bitext::Lexicon lexicon = joined_lexicon();
  const CheckOptions options;
  const LineIndex index(text);
  const Transcript transcript = bitext::parse_transcript(index, options);
  REQUIRE(transcript.front_matter.size() == 1);
  bitext::detail::JoinLengthFit fit(transcript, index, &lexicon);
  const auto reading = bitext::detail::beside_reading(transcript, index, 0, -1, /*missing_translation=*/false, fit);
  REQUIRE(reading.has_value());
  CHECK(reading->line == 1);
  CHECK(reading->join.second_begin == std::string("16. Animation Filters").size());
  bitext::detail::JoinLengthFit without(transcript, index, nullptr);
  // Without the dictionary too: the number label that starts the Chinese run, with both runs fitting their
  // partners (the header line and the first pair's English line), says the short title is a line of its own.
  const auto structural = bitext::detail::beside_reading(transcript, index, 0, -1, false, without);
  REQUIRE(structural.has_value());
  CHECK(structural->join.second_begin == std::string("16. Animation Filters").size());
}

TEST_CASE("joined-lines: the header's partner on the first pair's line, without the dictionary") {
  const std::string clean =
      "16. 动画和光效滤镜\n16. Filters for Animation and Light Effects\n16.1. 介绍\n16.1. Introduction\n" + kJoinClean;
  const std::string text = replaced(clean, "Effects\n16.1. 介绍", "Effects16.1. 介绍");
  const std::vector<Finding> findings = structural_findings(text);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "joined-lines");
  CHECK(findings[0].severity == bitext::Severity::Information);
  CHECK(findings[0].message ==
        "Line 2 holds the English original of line 1 and the Chinese translation of pair 1 joined into one line; or "
        "line 1 is the document's header");
  CHECK(findings[0].fixes[0].title == "Split line 2 where the Chinese translation starts");
  CHECK(joined_fixed(text, findings[0]) == clean);
}

TEST_CASE("merged_seam: ordinary sentence ends only when asked; labels, tokens and glued words") {
  using bitext::detail::merged_seam;
  const auto cut = [](std::string_view line, double share, bool ordinary, std::string_view token = {}) {
    const auto seam = merged_seam(line, share, nullptr, ordinary, token);
    return seam ? seam->second_begin : std::size_t{0};
  };
  const std::string first = "It depends on the entries in the file.";
  const std::string second = "If the third field is testing, you track testing.";
  // ". If": one segment of two sentences has it too, so only with the caller's evidence
  CHECK(cut(first + " " + second, 0.45, false) == 0);
  CHECK(cut(first + " " + second, 0.45, true) == first.size() + 1);
  // "either:If" and "“Feedback”.Debian" are no single segment's
  const std::string lead = "These entries are similar to either:";
  CHECK(cut(lead + second, 0.42, false) == lead.size());
  CHECK(cut("The last feature is ${shlibs:Depends}, ${perl:Depends}, etc.", 0.3, false) == 0);  // a token's colon
  const std::string quoted = "If even that does not help, see Section 16.2, “Feedback”.";
  CHECK(cut(quoted + "Debian GNU/Linux is a distribution.", 0.6, false) == quoted.size());
  const std::string article = "Different distributions use different package formats.";
  CHECK(cut(article + "A program to unpack a package is available.", 0.55, false) == article.size());
  // a label the second partner starts with is a seam on its own; a token only with evidence
  const std::string heading = "10.4. 重置所有滤镜 ";
  CHECK(cut(heading + "10.4.1. 激活命令", 0.55, false, "10.4.1.") == heading.size());
  CHECK(cut("1. 中文标题 21. 其他", 0.5, false, "1.") == 0);  // "1." inside "21." is no label
  const std::string notes = "assuming a typical build environment based on a Makefile: [46]";
  CHECK(cut(notes + "dh_auto_clean usually executes the following.", 0.6, false, "dh_auto_clean") == 0);
  CHECK(cut(notes + "dh_auto_clean usually executes the following.", 0.6, true, "dh_auto_clean") == notes.size());
  const std::string glued = "and for each library listed, execute";
  CHECK(cut(glued + "Then just take the -dev version of every package.", 0.45, true) == glued.size());
  CHECK(cut("He uses JavaScript and PostgreSQL at work.", 0.3, false) == 0);
  // capitals glued to the word before: an admonition label, a word after an acronym
  const std::string package = "8.10.4. Compiling and Building the Package";
  CHECK(cut(package + "NOTE Clean up before rebuilding", 0.55, true) == package.size());
  CHECK(cut(package + "NOTE Clean up before rebuilding", 0.55, false) == 0);
  const std::string dkim = "CAUTION Mailing List Software and DKIM";
  CHECK(cut(dkim + "Example 11.11. Create a private key for signing E-Mails", 0.45, true) == dkim.size());
  CHECK(cut("Netboot is provided using iPXE instead of PXELINUX.", 0.5, true) == 0);  // a name
  CHECK(!bitext::detail::is_label_token("21 apples"));
  CHECK(bitext::detail::is_label_token("[12] note"));
  CHECK(bitext::detail::leading_latin_token("dh_auto_clean 通常执行") == "dh_auto_clean");
  CHECK(bitext::detail::leading_latin_token("8.28.2. 原始图像") == "8.28.2.");
  CHECK(bitext::detail::leading_latin_token("[100] 作为替代") == "[100]");
}

TEST_CASE("language_joins: candidate cuts where the script boundary is ambiguous") {
  using bitext::detail::JoinCandidate;
  using bitext::detail::language_joins;
  // a section number in both runs: one title's two lines (a navigation link, a caption), the cut at the word before
  const std::string nav = "上一页7.2. 通常步骤";
  const auto link = language_joins(nav + "Prev7.2. Common Procedures", true);
  REQUIRE(!link.empty());
  CHECK(link.front().join.second_begin == nav.size());  // the script change, a short run (the dictionary's word)
  CHECK(link.back().join.second_begin == nav.size());   // the repeated number, evidence of its own
  CHECK(link.back().repeated_number);
  const std::string figure = "图 17.5. Pixelize ";
  const auto caption = language_joins(figure + "Figure 17.5. Pixelize", true);
  REQUIRE(caption.size() == 1);  // one Han character: only the repeated number reads a run there
  CHECK(caption.front().join.second_begin == figure.size());
  const std::string glued = "下一页13.8. 模拟 Windows：Wine";
  CHECK(language_joins(glued + "Next13.8. Emulating Windows: Wine", true).back().join.second_begin == glued.size());
  for (const JoinCandidate& candidate : language_joins("版本 1.3 << 1.3-1~bpo70 The revision 1.3-1 is dropped", true))
    CHECK(!candidate.repeated_number);  // a version string, not a title's number
  for (const JoinCandidate& candidate : language_joins("版本 2.4 中的 Version 2.5 news", true))
    CHECK(!candidate.repeated_number);  // two different numbers
  // a Chinese title's closing quote is the Chinese run's
  const std::string quoted = "第 12 节 “装饰滤镜”";
  const auto section = language_joins(quoted + "Section 12, “Decor Filters”", true);
  REQUIRE(section.size() == 1);
  CHECK(section.front().join.second_begin == quoted.size());
  CHECK(section.front().short_run);
  // English then Chinese: a section label's dots end no sentence ("Prev15.4." is not a sentence)
  const std::string prev = "Prev15.4. Becoming a Package Maintainer";
  CHECK(starts(language_joins(prev + "下一页16.1. 即将来临的新开发", false)) == std::vector<std::size_t>{prev.size()});
  // a label starting the Chinese run before its Latin words comes before the script change
  const std::string dns = "11.8.1. DNS settings for RTC services";
  CHECK(starts(language_joins(dns + "11.8.2. TURN 服务器", false)) ==
        std::vector<std::size_t>{dns.size(), (dns + "11.8.2. TURN ").size()});
  // an appendix's letter label, and a label with the label's evidence
  const std::string appendix = "Appendix A. Derivative Distributions";
  const auto lettered = language_joins(appendix + "A.1. 调查和合作", false);
  REQUIRE(!lettered.empty());
  CHECK(lettered.front().join.second_begin == appendix.size());
  CHECK(lettered.front().label_start);
  // a label followed by Han text with another section number ends an English caption: no label evidence
  const auto figures = language_joins("Figure 15.101.图 15.102.", false);
  REQUIRE(figures.size() == 2);
  CHECK(!figures.front().label_start);
  CHECK(figures.back().join.second_begin == std::string("Figure 15.101.").size());
  // a version inside a path is no label
  CHECK(!bitext::detail::in_section_label("see gpl-3.0.html now", std::string("see gpl-3.0").size()));
  CHECK(bitext::detail::in_section_label("Prev15.4. Becoming", std::string("Prev15.4").size()));
}

// merged-lines where no punctuation seam exists: a heading run into the next
// heading. The dictionary places each word with one partner; the cut is taken
// only where the two partners' words do not interleave.
TEST_CASE("merged_lexical_seams: a merged heading is cut where the dictionary's words change partner") {
  using bitext::detail::merged_lexical_seams;
  const std::vector<bitext::LexiconEntry> entries = {
      {"打印", {"to print"}}, {"安全", {"safe; secure"}}, {"远程", {"remote"}}, {"登录", {"to log in; login"}},
  };
  std::string error;
  const auto lexicon = bitext::Lexicon::from_image(bitext::build_lexicon_image(entries), &error);
  REQUIRE_MESSAGE(lexicon.has_value(), error);
  const std::string merged = "Print Secure Remote Login";
  const auto seams = merged_lexical_seams(*lexicon, merged, false, "打印", "安全远程登录", "", 0.25, false);
  REQUIRE(!seams.empty());
  CHECK(seams.front().first_end == std::string("Print").size());
  CHECK(seams.front().second_begin == std::string("Print ").size());
  // The second partner's word before the first partner's: no clean cut.
  CHECK(merged_lexical_seams(*lexicon, "Secure Print Remote Login", false, "打印", "安全远程登录", "", 0.25, false).empty());
  // Every word translates the first partner: nothing belongs to the second.
  CHECK(merged_lexical_seams(*lexicon, "Print Secure Remote Login", false, "打印安全远程登录", "再见", "", 0.25, false).empty());
}

TEST_CASE("language_join: two list entries' lines, each ending with a semicolon") {
  using bitext::detail::language_join;
  const auto second = [](std::string_view line, bool cjk_first) -> std::size_t {
    const auto join = language_join(line, cjk_first);
    return join ? join->second_begin : 0;
  };
  // the Chinese entry's ASCII semicolon is its own; the English entry starts with a small letter
  const std::string ascii = "现代化的，易伸缩的架构;";
  CHECK(second(ascii + "modern, easily scalable infrastructure;", true) == ascii.size());
  const auto ascii_join = language_join(ascii + "modern, easily scalable infrastructure;", true);
  REQUIRE(ascii_join);
  CHECK(ascii_join->first_end == ascii.size());
  const std::string spaced = "更新 locate 程序数据库;";
  CHECK(second(spaced + " updating the database for the locate program;", true) == spaced.size() + 1);
  const std::string full = "至少置于不稳定版中5天；";
  CHECK(second(full + "at least 5 days spent in Unstable;", true) == full.size());
  // English then Chinese: the English entry's semicolon ends its run
  const std::string en = "modern, easily scalable infrastructure;";
  CHECK(second(en + "使用开源软件以减低成本;", false) == en.size());
  // a semicolon only before the change is no entry's end: the English run must end with one too
  CHECK(!language_join("现代化的，易伸缩的架构;modern, easily scalable infrastructure", true));
  CHECK(!language_join("modern, easily scalable infrastructure;使用开源软件以减低成本。", false));
}

TEST_CASE("joined-lines: a short English run in small letters, only where the dictionary vouches for it") {
  const bitext::Lexicon lexicon = joined_lexicon();
  const std::string clean = replaced(kJoinClean, "他昨天买了一本新书。\nHe bought a new book yesterday.",
                                     "他昨天买了一本新书。\nHe bought a new book yesterday.\n中央备份\ncentral backup");
  for (const std::string joiner : {"", " "}) {
    const std::string text = replaced(clean, "中央备份\ncentral", "中央备份" + joiner + "central");
    const auto reading = joined_with(text, &lexicon);
    REQUIRE(reading.has_value());
    CHECK(reading->join.second_begin == text.find("central") - text.find("中央备份"));
    CHECK(!joined_with(text, nullptr));  // a small word after Han text is a term without the dictionary's word
  }
  // a capital after the small word: the Chinese run's last term, then a title; no cut at the small word
  const auto joins = bitext::detail::language_joins("工具 dpkg、APT 和 ar TOOLS dpkg, APT and ar", true);
  CHECK(std::none_of(joins.begin(), joins.end(), [](const bitext::detail::JoinCandidate& candidate) {
    return candidate.join.second_begin == std::string("工具 dpkg、APT 和 ").size();
  }));
  const std::string lost = replaced(kJoinClean, "新书。\nHe bought a new book yesterday.\n", "新书。\n");
  CHECK(!joined_with(replaced(lost, "他昨天买了一本新书。", "安装 dpkg"), &lexicon));
}

TEST_CASE("language_join: a reference list's key and a carried text repeated in both runs") {
  using bitext::detail::language_joins;
  const auto has_cut = [](std::string_view line, std::size_t second_begin) {
    const auto joins = language_joins(line, true);
    return std::any_of(joins.begin(), joins.end(), [&](const bitext::detail::JoinCandidate& candidate) {
      return candidate.join.second_begin == second_begin;
    });
  };
  // a reference list's entry key starts both lines, glued after the Chinese entry's full stop too
  const std::string jpeg = "[WKPD-JPEG] 维基百科(英文) - JPEG. https://en.wikipedia.org/wiki/JPEG .";
  CHECK(has_cut(jpeg + "[WKPD-JPEG] Wikipedia - JPEG. https://en.wikipedia.org/wiki/JPEG .", jpeg.size()));
  CHECK(!has_cut(jpeg + "[WKPD-GIF] Wikipedia - GIF.", jpeg.size()));  // another entry's key
  CHECK(bitext::detail::reference_key_at("[ECI] x", 0) == 5);
  CHECK(bitext::detail::reference_key_at("[see below] x", 0) == 0);
  // a Latin text the Chinese run ends with, ending the line again after an English word
  const std::string culture = "文化 Mozilla ";
  CHECK(has_cut(culture + "CULTURE Mozilla", culture.size()));
  const std::string copyright = "版权 © 2006, 2007 Roland Mas";
  const auto copyrights = language_joins(copyright + "Copyright © 2006, 2007 Roland Mas", true);
  REQUIRE(!copyrights.empty());
  CHECK(std::any_of(copyrights.begin(), copyrights.end(), [&](const bitext::detail::JoinCandidate& candidate) {
    return candidate.join.first_end == copyright.size() && candidate.join.second_begin == copyright.size() &&
           candidate.repeated_number;
  }));
  const std::string glued = "安全 MPPE";
  CHECK(has_cut(glued + "SECURITY MPPE", glued.size()));
  // a Chinese line that ends with a term once is no carried text
  const auto term = language_joins("安装 Debian Edu", true);
  CHECK(std::none_of(term.begin(), term.end(), [](const bitext::detail::JoinCandidate& c) { return c.repeated_number; }));
  CHECK(bitext::detail::carried_tail_start("安装 Debian Debian", std::string("安装 ").size()) == std::nullopt);
}

TEST_CASE("joined-lines: a numbered heading's English line joined to the next pair's Chinese line") {
  // The English title is short and the dictionary has none of its words: the number label that starts
  // it and the pair's Chinese line says the two are one heading's lines.
  const std::string clean = replaced(kJoinClean, "He bought a new book yesterday.\n",
                                     "He bought a new book yesterday.\n19.2. 监视学生\n19.2. Monitoring pupils\n");
  const std::string text = replaced(clean, "Monitoring pupils\n这家", "Monitoring pupils这家");
  const auto reading = joined_with(text, nullptr);
  REQUIRE(reading.has_value());
  CHECK(!reading->own);
  CHECK(reading->join.first_end == std::string("19.2. Monitoring pupils").size());
  // another number on the English title: no evidence, and without the dictionary no join
  const std::string other = replaced(text, "19.2. Monitoring", "19.3. Monitoring");
  CHECK(!joined_with(other, nullptr));
}

TEST_CASE("carried_tail_start: the carried text ends the line as whole words") {
  using bitext::detail::carried_tail_start;
  const std::string dvd = "16.2. 播放 ";
  CHECK(carried_tail_start(dvd + "DVD", dvd.size()) == std::nullopt);
  const std::string mozilla = "文化 ";
  CHECK(carried_tail_start(mozilla + "Mozilla CULTURE Mozilla", mozilla.size()) == mozilla.size() + 8);
}

TEST_CASE("language_joins: a number's dot, a small-letter term and a reference key before the Chinese run") {
  using bitext::detail::language_joins;
  // a number's inner dot ends no sentence: the script change first, the dot's cut only after it
  const std::string section = "Section 8.31, “Desaturate”";
  const std::string section_line = section + "第 8.32 节 “Mono Mixer”";
  CHECK(starts(language_joins(section_line, false)) ==
        std::vector<std::size_t>{section.size(), std::string("Section 8.").size()});
  // the label after the line's first word ("Chapter 2.") is a heading's, not a sentence's end
  const std::string chapter = "Chapter 2. Fire up GIMP";
  CHECK(starts(language_joins(chapter + "第 2 章 启动 GIMP", false)) ==
        std::vector<std::size_t>{chapter.size(), std::string("Chapter 2. ").size()});
  // a sentence's full stop before a capital still comes first
  const std::string released = "Debian Edu 7.1 was released in 2013. Debian Edu";
  CHECK(starts(language_joins(released + " 6.0 发布于二零一一年", false)).front() ==
        std::string("Debian Edu 7.1 was released in 2013. ").size());
  // a small-letter term between the English sentence's end and the Han text starts the Chinese run
  const std::string chown = "chown user file changes the owner of the file;";
  CHECK(starts(language_joins(chown + " chgrp group file 改变文件的所属组；", false)).front() == chown.size() + 1);
  const std::string itself = "syslog: messages from the syslogd server, itself;";
  CHECK(starts(language_joins(itself + "user：用户进程的消息；", false)).front() == itself.size());
  const std::string web = "It is described on wiki.debian.org/UnattendedUpgrades.";
  CHECK(starts(language_joins(web + " apt-listchanges 会在升级前显示变化。", false)).front() == web.size() + 1);
  // ... but not a name's dot glued to small letters, a colon's command, or a capitalised term
  const std::string office = "THE BROADER VIEW LibreOffice replaces OpenOffice.org";
  CHECK(starts(language_joins(office + "更宽泛的观点 LibreOffice 取代 OpenOffice.org", false)).front() ==
        office.size());
  const std::string colon = "Start by making sure the current system is up-to-date: apt-get";
  CHECK(starts(language_joins(colon + " 更新系统的软件包列表", false)).front() == colon.size() + 1);
  const std::string many = "It ends here. then four small words";
  CHECK(starts(language_joins(many + "以及中文的句子。", false)).front() == many.size());
  // a reference list: the next entry's key before the Chinese run starts it
  const std::string entry = "[WKPD-JPEG] Wikipedia - JPEG. https://en.wikipedia.org/wiki/JPEG .";
  CHECK(starts(language_joins(entry + "[WKPD-LAB] 维基百科(英文) - Lab 色彩空间。", false)).front() == entry.size());
  const std::string spaced = "[ARGYLLCMS] Argyll Color Management System Home Page. https://www.argyllcms.com/ .";
  CHECK(starts(language_joins(spaced + " [BABL] babl(英文) 主页。", false)).front() == spaced.size() + 1);
  // not in a line that is no reference list's
  const std::string plain = "See the entry [WKPD-LAB]";
  CHECK(starts(language_joins(plain + " 维基百科的条目说明了色彩空间。", false)).front() == plain.size() + 1);
}

TEST_CASE("joined-lines: a joined heading the pairing read as half of a split segment") {
  const std::string heading = "3.2.1. 商业及社区驱动的系统";
  const std::string head =
      "3.2. 为什么选择这个系统？\n3.2. Why this system?\n";
  const std::string tail =
      "这是一个社区发行的系统，它的发展独立于任何商业限制；因此它的目标基本上是技术性质的，这有利于产品的整体质量。\n"
      "It is a community system, with development ensured independently from any commercial constraints; its "
      "objectives are, thus, essentially of a technical nature, which seem to favor the overall quality of the product.\n";
  const std::string clean = head + heading + "\n3.2.1. Commercial and Community Driven Systems\n" + tail;
  for (const std::string joint : {"", " "}) {
    CAPTURE(joint);
    const std::string text = head + heading + joint + "3.2.1. Commercial and Community Driven Systems\n" + tail;
    const Finding finding = only_joined(structural_findings(text));
    CHECK(finding.message ==
          "Line 3 holds the Chinese translation and the English original of one pair joined into one line, not a "
          "segment split over lines 3–4");
    CHECK(finding.begin == head.size());
    CHECK(joined_fixed(text, finding) == clean);
  }
  // a Chinese segment split over two lines stays a split line: both halves are Chinese
  const std::string split = head + heading + "\n" +
                            replaced(tail, "商业限制；", "商业限制；\n");
  const std::vector<Finding> findings = structural_findings(split);
  CHECK(std::none_of(findings.begin(), findings.end(), [](const Finding& f) { return f.code == "joined-lines"; }));
}

TEST_CASE("joined-lines: a short title glued to its partner where the document spaces the two scripts") {
  // No dictionary here (BITEXT_LEXICON= in the core tests): the glue is the evidence.
  const std::string head =
      "今天天气很好。\nThe weather is nice today.\n我们去公园散步吧，带上 GPS。\nLet's go for a walk in the park with a GPS.\n"
      "颜色增强\nColor enhancement\n";
  const std::string tail = "他昨天买了一本新书。\nHe bought a new book yesterday.\n";
  const std::string clean = head + "标准化\nNormalize\n" + tail;
  const std::string text = head + "标准化Normalize\n" + tail;
  const Finding finding = only_joined(structural_findings(text));
  CHECK(finding.message == "Line 7 holds the Chinese translation and the English original of pair 4 joined into one line");
  CHECK(joined_fixed(text, finding) == clean);
  const auto codes = [](const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings) out.push_back(f.code);
    return out;
  };
  // with a blank the short run may be a term the Chinese line keeps: no join without the dictionary
  CHECK(codes(structural_findings(head + "标准化 Normalize\n" + tail)) == std::vector<std::string>{"missing-original"});
  // where another line glues Han and Latin, the writers do not space the scripts: the glue says nothing
  const std::string glued_elsewhere = replaced(head, "带上 GPS", "带上GPS") + "标准化Normalize\n" + tail;
  CHECK(codes(structural_findings(glued_elsewhere)) == std::vector<std::string>{"missing-original"});
  // and where no other line shows how the writers set the two scripts, nor does it (the dictionary decides)
  const std::string unseen = replaced(head, "带上 GPS。", "带上地图。") + "标准化Normalize\n" + tail;
  CHECK(codes(structural_findings(unseen)) == std::vector<std::string>{"missing-original"});
  CHECK(bitext::detail::spaces_scripts("带上 GPS 和"));
  CHECK(!bitext::detail::spaces_scripts("带上GPS和 2 个"));
  CHECK(bitext::detail::glues_scripts("带上GPS。"));
  CHECK(!bitext::detail::glues_scripts("带上 GPS 和 2.4 版。"));
  CHECK(bitext::detail::glued_cut("标准化Normalize", {9, 9}));
  CHECK(!bitext::detail::glued_cut("标准化 Normalize", {9, 10}));
  CHECK(bitext::detail::glued_cut("Normalize颜色增强", {9, 9}));
  // a number glued to Han is no join: the writers' spacing is read from letters, and a navigation link
  // keeps its target's label ("上一页10.8. DHCP" whose original "Prev10.8. DHCP" was deleted)
  CHECK(codes(structural_findings(head + "上一页10.8. DHCP\n" + tail)) == std::vector<std::string>{"missing-original"});
  CHECK(!bitext::detail::glued_cut("上一页10.8. DHCP", {9, 9}));
  CHECK(!bitext::detail::glued_cut("Version 2第 2 版", {9, 9}));
}

TEST_CASE("language_joins: a cut at a sentence end is marked, for the wider fit band") {
  using bitext::detail::language_joins;
  const auto sentence = language_joins("他昨天买了一本新书。He bought a new book yesterday.", true);
  REQUIRE(sentence.size() == 1);
  CHECK(sentence[0].sentence_end);
  const auto english_first = language_joins("He bought a new book yesterday.他昨天买了一本新书。", false);
  REQUIRE(!english_first.empty());
  CHECK(english_first[0].sentence_end);
  // a short run, a number's dot or no mark at all: no sentence end
  CHECK(!language_joins("中央备份Central Backup", true).front().sentence_end);
  const auto number = language_joins("Section 8.31, “Desaturate”第 8.32 节 “Mono Mixer”", false);
  CHECK(std::none_of(number.begin(), number.end(), [](const auto& c) { return c.sentence_end; }));
  CHECK(!language_joins("他买了一本新书 He bought a new book yesterday and today", true).front().sentence_end);
}

TEST_CASE("joined-lines: a Latin lead carried into both lines of the next pair places the cut") {
  // The heading's English title is short and without the dictionary's word; the number label vouches
  // for it, and the next pair's English line starts with the address its Chinese line starts with.
  const std::string clean = replaced(kJoinClean, "He bought a new book yesterday.\n",
                                     "He bought a new book yesterday.\n17.5. 无线客户端\n17.5. Wireless clients\n"
                                     "https://www.intern/freeradius-ca.pem（对应于运行 Linux 的最终用户设备）\n"
                                     "https://www.intern/freeradius-ca.pem (for end user devices running Linux)\n");
  const std::string text = replaced(clean, "Wireless clients\nhttps", "Wireless clients https");
  const Finding finding = only_joined(structural_findings(text));
  CHECK(finding.message ==
        "Line 8 holds the English original of pair 4 and the Chinese translation of pair 5 joined into one line");
  CHECK(joined_fixed(text, finding) == clean);
  // an address in small letters glued to the title's last word is no lead: the pair stays without its original
  const std::string glued = replaced(clean, "Wireless clients\nhttps", "Wireless clientshttps");
  const auto glued_findings = structural_findings(glued);
  REQUIRE(glued_findings.size() == 1);
  CHECK(glued_findings[0].code == "missing-original");

  using bitext::detail::carried_lead_join;
  const std::string line = "10.9.1. Local Diagnosis: netstat-t, 会只输出 TCP 连接；";
  const auto cut = carried_lead_join(line, "-t, which filters the results to only include TCP connections;");
  REQUIRE(cut.has_value());
  CHECK(cut->first_end == line.find("-t,"));
  CHECK(cut->second_begin == line.find("-t,"));
  // the longest shared beginning wins over an earlier, shorter match of the token
  const std::string twice = "See Example one. Example 5.3 列出";
  const auto later = carried_lead_join(twice, "Example 5.3 lists");
  REQUIRE(later.has_value());
  CHECK(later->second_begin == twice.find("Example 5.3"));
  CHECK(later->first_end == twice.find(" Example 5.3"));
  // a lead in small letters inside a word is no lead ("Germanhttps"); nor a lead the line does not hold
  CHECK(!carried_lead_join("22.1.3. in Germanhttps://lists.debian.org/x - 支持", "https://lists.debian.org/x - support"));
  CHECK(!carried_lead_join(line, "The -p option lists processes"));
  CHECK(!carried_lead_join("Figure 4.9. Guided partitioning基本知识", "BACK TO BASICS Choosing a filesystem"));
  // a common word shared by chance is no lead: "the " of "the value for the month" and "the value for the day"
  CHECK(!carried_lead_join("the value for the month (from 1 to 12);星期值（从0到7）;", "the value for the day of the week;"));
  // a term in small letters right after the English sentence's end is a lead ("…local use.emerg：…")
  const std::string emerg = "local0 to local7: reserved for local use.emerg：系统需要紧急干预；";
  const auto term = carried_lead_join(emerg, "emerg: the system requires urgent intervention;");
  REQUIRE(term.has_value());
  CHECK(term->second_begin == emerg.find("emerg"));
  CHECK(term->first_end == emerg.find("emerg"));
}

TEST_CASE("joined-lines: a list term that starts both entries' lines") {
  // "-c," starts the Chinese entry and its English partner: the English run starts there, not at a capital.
  const std::string clean = replaced(kJoinClean, "He bought a new book yesterday.\n",
                                     "He bought a new book yesterday.\n-c, 不断刷新连接列表。\n"
                                     "-c, to continuously refresh the list of connections.\n");
  const std::string text = replaced(clean, "连接列表。\n-c,", "连接列表。-c,");
  const Finding finding = only_joined(structural_findings(text));
  CHECK(finding.message == "Line 7 holds the Chinese translation and the English original of pair 4 joined into one line");
  CHECK(joined_fixed(text, finding) == clean);
  using bitext::detail::repeats_lead_at;
  const std::string entry = "@monthly：每月一次;@monthly: once per month";
  CHECK(repeats_lead_at(entry, entry.find(";@") + 1));
  CHECK(!repeats_lead_at(entry, 0));
  CHECK(!repeats_lead_at("-c 选项与 -cx 不同", std::string("-c 选项与 ").size()));  // another token
  // a term the Chinese line repeats is still a short run: no cut without the dictionary
  const auto term = bitext::detail::language_joins("dpkg 的配置见 dpkg --configure", true);
  CHECK(std::all_of(term.begin(), term.end(), [](const auto& c) { return c.short_run; }));
}

TEST_CASE("joined-lines: a sidebar's two title lines, each starting with the box's label") {
  // No dictionary (BITEXT_LEXICON= in the core tests): the two labels are the evidence.
  const std::string clean = replaced(kJoinClean, "He bought a new book yesterday.\n",
                                     "He bought a new book yesterday.\n文化 符号表\nCULTURE The symbols table\n");
  const std::string text = replaced(clean, "符号表\nCULTURE", "符号表CULTURE");
  const Finding finding = only_joined(structural_findings(text));
  CHECK(finding.begin == text.find("文化"));
  CHECK(joined_fixed(text, finding) == clean);
  // the English title joined to the next pair's Chinese line: its partner starts with the Chinese label
  const std::string across = replaced(clean, "symbols table\n这家", "symbols table这家");
  CHECK(joined_fixed(across, only_joined(structural_findings(across))) == clean);
  // a Chinese line that starts with a verb before a term in capitals is no sidebar: no join
  const std::string term = replaced(clean, "文化 符号表\nCULTURE The symbols table\n", "安装 GRUB Legacy\n");
  const auto findings = structural_findings(term);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "missing-original");

  using bitext::detail::language_joins;
  // the label after a Latin word of the Chinese title: the cut is before the label
  const std::string alternative = "其他 用 systemd 仿真 cron ALTERNATIVE Emulating cron with systemd";
  const auto cuts = language_joins(alternative, true);
  REQUIRE(cuts.size() == 1);
  CHECK(cuts[0].join.second_begin == alternative.find("ALTERNATIVE"));
  CHECK(cuts[0].join.first_end == alternative.find(" ALTERNATIVE"));
  CHECK(cuts[0].repeated_number);
  CHECK(!language_joins("安装 GRUB Legacy", true).front().repeated_number);

  using bitext::detail::han_label;
  using bitext::detail::sidebar_label;
  CHECK(sidebar_label("GOING FURTHER Mass virtualization") == std::string("GOING FURTHER").size());
  CHECK(sidebar_label("BACK TO BASICS The filesystem") == std::string("BACK TO BASICS").size());
  CHECK(sidebar_label("CULTURE RTFM") == 0);          // no title in small letters after it
  CHECK(sidebar_label("A Debian package") == 0);      // one capital is a word's
  CHECK(sidebar_label("IT IS IN A BOX Maybe") == 0);  // at most three words
  CHECK(sidebar_label("PackageNOTE Clean up") == 0);
  CHECK(han_label("进阶 大规模虚拟化") == std::string("进阶 ").size());
  CHECK(han_label("进阶优化配置 GOING") == 0);  // five Han characters or more: a title, not a label
  CHECK(han_label("安装 ") == 0);
}

TEST_CASE("language_joins: a repeated letter label, and a number label beside one Han character") {
  using bitext::detail::language_joins;
  const std::string letter = "B.5.2. 后台守护进程（daemon） B.5.2. Daemons";
  const auto cuts = language_joins(letter, true);
  REQUIRE(!cuts.empty());
  CHECK(cuts[0].join.second_begin == letter.rfind("B.5.2."));
  CHECK(!cuts[0].short_run);
  // one Han character beside the label is a Chinese run, as in a caption ("图 17.5. Pixelize")
  const std::string raid = "12.1.1. 软 RAID 12.1.1. Software RAID";
  const auto raid_cuts = language_joins(raid, true);
  REQUIRE(!raid_cuts.empty());
  CHECK(raid_cuts[0].join.second_begin == raid.rfind("12.1.1."));
  CHECK(raid_cuts[0].join.first_end == raid.find(" 12.1.1. Software"));
  // a letter glued to a word is no label ("PrevA.6."): no repeated-label cut there
  const std::string prev = "A.6. 调查PrevA.6. Grml";
  for (const auto& c : language_joins(prev, true)) CHECK(c.join.second_begin != prev.rfind("A.6."));
}

TEST_CASE("joined-lines: a caption's English line joined to the next pair's Chinese line, one number in both") {
  // "Figure 4.9. Guided partitioning" is short and, without the dictionary, unvouched: the section
  // number its partner "图 4.9. 引导分区" carries says the two are one caption's lines.
  const std::string clean = replaced(kJoinClean, "He bought a new book yesterday.\n",
                                     "He bought a new book yesterday.\n图 4.9. 引导分区\nFigure 4.9. Guided partitioning\n");
  const std::string text = replaced(clean, "Guided partitioning\n这家", "Guided partitioning这家");
  const auto reading = joined_with(text, nullptr);
  REQUIRE(reading.has_value());
  CHECK(!reading->own);
  CHECK(reading->join.first_end == text.find("这家") - text.find("Figure 4.9."));
  // another number in the caption: no evidence, and no join without the dictionary
  CHECK(!joined_with(replaced(text, "Figure 4.9.", "Figure 4.8."), nullptr));

  using bitext::detail::shares_section_number;
  CHECK(shares_section_number("Figure 17.195. Results", "图 17.195. Results"));
  CHECK(!shares_section_number("Figure 17.19. Results", "图 17.195. Results"));  // a whole number only
  CHECK(!shares_section_number("Figure 7.1. Results", "图 17.1. Results"));
  CHECK(!shares_section_number("Chapter 4. Install", "第 4 章 安装"));  // no inner dot: any count has it
  CHECK(!shares_section_number("version 2.4.1", "版本 2.4"));
}

TEST_CASE("joined-lines: a long paragraph's fit widens with its length") {
  // Twenty one-sentence pairs set the document's typical pair; a paragraph of six of their
  // sentences whose translation leaves two clauses out fits as a long text does, not as six short ones.
  std::string clean = bitext::test_support::sentence_pair_lines(20) + "\n";
  const std::string chinese =
      "我们下周开会讨论这个计划。孩子们在院子里玩耍。火车晚点了二十分钟。他的中文说得非常流利。图书馆周末不开门。我忘了带雨伞。";
  const std::string english =
      "We will meet next week to discuss this plan, which everyone has been waiting for since the spring. The children "
      "are playing in the yard behind the old school. The train was twenty minutes late. He speaks Chinese very "
      "fluently. The library is closed on weekends. I forgot to bring my umbrella.";
  clean = replaced(clean, "He bought a new book yesterday.\n", "He bought a new book yesterday.\n" + chinese + "\n" + english + "\n");
  const std::string text = replaced(clean, chinese + "\n", chinese);
  const auto reading = joined_with(text, nullptr);
  REQUIRE(reading.has_value());  // main: |δ| 3.50, above the sentence end's 3.29
  CHECK(reading->own);
  CHECK(reading->join.first_end == chinese.size());
  CHECK(reading->join.second_begin == chinese.size());
  const CheckOptions options;
  const LineIndex index(clean);
  const Transcript transcript = bitext::parse_transcript(index, options);
  bitext::detail::JoinLengthFit fit(transcript, index, nullptr);
  CHECK(fit.delta(chinese, english) < 1.5);
  // A short sentence with the same clause added is as far out as before: the text both sides share is short.
  CHECK(fit.delta("他昨天买了一本新书。", "He bought a new book yesterday, which everyone has been waiting for since the spring.") >
        3.29);
}

TEST_CASE("joined-lines: a three-line document read in the other order") {
  // "12.5. 关于" / "12.5. About" / the next heading's two lines joined: the pairing reads a Chinese header and an
  // English-first pair (the only pair fixes the order); read Chinese-first, lines 1 and 2 pair and line 3 splits.
  const std::string clean = "12.5. 关于\n12.5. About\n12.5.2. 对话窗口的说明\n12.5.2. Description of the dialog window\n";
  const std::string text = replaced(clean, "说明\n12.5.2.", "说明12.5.2.");
  const CheckOptions options;
  const LineIndex index(text);
  const Transcript transcript = bitext::parse_transcript(index, options);
  REQUIRE(transcript.pairs.size() == 1);
  REQUIRE(transcript.front_matter.size() == 1);
  const std::vector<Finding> findings = structural_findings(text);
  const auto joined = std::find_if(findings.begin(), findings.end(), [](const Finding& f) { return f.code == "joined-lines"; });
  REQUIRE(joined != findings.end());
  CHECK(joined->severity == bitext::Severity::Information);
  CHECK(joined->message ==
        "Line 3 holds a Chinese translation and its English original joined into one line, lines 1 and 2 being a pair "
        "in that order; or line 1 is the document's header and line 3 pairs with line 2");
  CHECK(joined->begin == text.find("12.5.2."));
  CHECK(joined->fixes[0].title == "Split line 3 where the English original starts");
  CHECK(joined_fixed(text, *joined) == clean);
  // The header's orphaned-heading finding gives way to it.
  CHECK(std::none_of(findings.begin(), findings.end(), [](const Finding& f) { return f.code == "missing-original"; }));
  // A long sentence pair joined at its sentence end reads the same way.
  const std::string sentence = "2. 提交 BUG\n2. Reporting the Bug\n用一句话总结出这个 BUG，这样别人搜索的时候才能找到。"
                               "Give a one-sentence summary so that somebody searching for similar bugs would find it.\n";
  const std::vector<Finding> long_findings = structural_findings(sentence);
  CHECK(std::count_if(long_findings.begin(), long_findings.end(),
                      [](const Finding& f) { return f.code == "joined-lines"; }) == 1);
  // Not where the far line is a Chinese line quoting a short English title (no dictionary vouches for it),
  // nor where a second pair fixes the order.
  const std::vector<Finding> quoted = structural_findings("2.1.2. 选项\n2.1.2. Options\n安装 Debian Edu\n");
  CHECK(std::none_of(quoted.begin(), quoted.end(), [](const Finding& f) { return f.code == "joined-lines"; }));
  // The mirror: a footer after the pair, the joined line first, in an English-first reading.
  const std::string footer = "12.5.2. Description of the dialog window12.5.2. 对话窗口的说明\n12.5. About\n12.5. 关于\n";
  const std::vector<Finding> footer_findings = structural_findings(footer);
  REQUIRE(footer_findings.size() == 1);
  CHECK(footer_findings[0].message ==
        "Line 1 holds an English original and its Chinese translation joined into one line, lines 2 and 3 being a pair "
        "in that order; or line 3 is the document's footer and line 1 pairs with line 2");
  CHECK(joined_fixed(footer, footer_findings[0]) ==
        "12.5.2. Description of the dialog window\n12.5.2. 对话窗口的说明\n12.5. About\n12.5. 关于\n");
  // The two orders must agree: a Chinese-first joined line before an English-first pair is no such reading.
  const std::vector<Finding> mixed = structural_findings("12.5.2. 对话窗口的说明12.5.2. Description of the dialog window\n12.5. About\n12.5. 关于\n");
  CHECK(std::none_of(mixed.begin(), mixed.end(), [](const Finding& f) { return f.code == "joined-lines"; }));
  const std::string longer = "12.5. 关于\n12.5. About\n12.5.1. 简介\n12.5.1. Introduction\n12.5.2. 对话窗口的说明12.5.2. Description of the dialog window\n";
  const std::vector<Finding> two_pairs = structural_findings(longer);
  CHECK(std::none_of(two_pairs.begin(), two_pairs.end(), [](const Finding& f) {
    return f.code == "joined-lines" && f.message.find("in that order") != std::string::npos;
  }));
}

TEST_CASE("joined-lines: a page's navigation link starts the second run") {
  using bitext::detail::language_joins;
  // The link word starts the English run glued to the link's title, or the Chinese run after a link's English line.
  const std::string own = "下一页前言NextForeword";
  const auto own_cuts = language_joins(own, true);
  REQUIRE(own_cuts.size() == 1);
  CHECK(own_cuts[0].join.second_begin == std::string("下一页前言").size());
  CHECK(own_cuts[0].short_run);
  CHECK(own_cuts[0].link_start);
  const auto across = language_joins("PrevForeword下一页3. 一般方法", false);
  REQUIRE(!across.empty());
  CHECK(across.back().join.second_begin == std::string("PrevForeword").size());
  CHECK(across.back().link_start);
  CHECK(!language_joins("中央备份 Central Backup", true).front().link_start);
  // "Next" before a space is a word of a sentence ("Next, run…"), no link word.
  for (const auto& cut : language_joins("然后安装 Next steps for Debian Edu users", true)) CHECK(!cut.link_start);
  // In a page's navigation: the pairs "上一页序" / "PrevPreface", "下一页前言" / "NextForeword".
  const std::string clean =
      replaced(kJoinClean, "yesterday.\n", "yesterday.\n上一页序\nPrevPreface\n下一页前言\nNextForeword\n");
  const std::string joined_own = replaced(clean, "前言\nNextForeword", "前言NextForeword");
  const Finding own_finding = only_joined(structural_findings(joined_own));
  CHECK(own_finding.message == "Line 9 holds the Chinese translation and the English original of pair 5 joined into one line");
  CHECK(joined_fixed(joined_own, own_finding) == clean);
  const std::string joined_across = replaced(clean, "PrevPreface\n下一页", "PrevPreface下一页");
  const Finding across_finding = only_joined(structural_findings(joined_across));
  CHECK(joined_fixed(joined_across, across_finding) == clean);
  // A short English title glued to a Chinese line is still no join without the dictionary's word.
  const std::string title = replaced(clean, "前言\nNextForeword", "前言Foreword");
  const std::vector<Finding> title_findings = structural_findings(title);
  CHECK(std::none_of(title_findings.begin(), title_findings.end(), [](const Finding& f) { return f.code == "joined-lines"; }));
}

TEST_CASE("language_joins: a caption's label glued to its English title repeats the number") {
  const auto cuts = bitext::detail::language_joins("图 15.102.Figure 15.102.", true);
  const auto repeated = std::find_if(cuts.begin(), cuts.end(), [](const auto& c) { return c.repeated_number; });
  REQUIRE(repeated != cuts.end());
  CHECK(repeated->join.first_end == std::string("图 15.102.").size());
  CHECK(repeated->join.second_begin == std::string("图 15.102.").size());
  // A number glued to small letters ("15.102.x") is no label's.
  const auto small = bitext::detail::language_joins("图 15.102.figure 15.102.", true);
  CHECK(std::none_of(small.begin(), small.end(), [](const auto& c) { return c.repeated_number; }));
}

TEST_CASE("joined-lines: an untranslated sentence that starts both lines of a pair, joined") {
  using bitext::detail::repeated_opening_join;
  const std::string chinese = "This drop-down list lets you select a copy. See 第 12.2 节 “帮助”.";
  const std::string english = "This drop-down list lets you select a copy. See Section 12.2, “Help”.";
  const auto cut = repeated_opening_join(chinese + " " + english);
  REQUIRE(cut.has_value());
  CHECK(cut->first_end == chinese.size());
  CHECK(cut->second_begin == chinese.size() + 1);
  CHECK(repeated_opening_join(chinese + english)->second_begin == chinese.size());  // glued after the full stop
  // Three words at least, a whole word, no Han text after the repeat, and a capital to start with.
  CHECK(!repeated_opening_join("See the 第 12.2 节 “帮助”。See the Section 12.2"));
  CHECK(!repeated_opening_join("This drop-down list 第 12.2 节。XThis drop-down list is"));
  CHECK(!repeated_opening_join("This drop-down list 第 12.2 节。This drop-down list 是"));
  CHECK(!repeated_opening_join("dpkg is the tool 的说明。dpkg is the tool"));
  // In a document: pair 4's two lines joined, the joiner's space put back as the line break.
  const std::string clean = replaced(kJoinClean, "yesterday.\n", "yesterday.\n" + chinese + "\n" + english + "\n");
  const std::string text = replaced(clean, chinese + "\n", chinese + " ");
  const Finding finding = only_joined(structural_findings(text));
  CHECK(finding.message == "Line 7 holds the Chinese translation and the English original of pair 4 joined into one line");
  CHECK(joined_fixed(text, finding) == clean);
}
