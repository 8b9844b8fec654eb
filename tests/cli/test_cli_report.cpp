// `bitext report` (the HTML page, checked as text here; tests/report loads it
// in Chromium) and `bitext detect`.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "cli/bitext_process.hpp"

using bitext::test::fixture;
using bitext::test::run_bitext;
using bitext::test::TempDir;

namespace {

const char* const kSample = "examples/unsupervised-learning-ep1.zh-en.txt";

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++count;
  return count;
}

// Anything that would make the page fetch or link outside itself.
void check_self_contained(const std::string& page) {
  for (const char* outside : {"http:", "https:", "//cdn", " src=", "<link", "@import", "url(", "<iframe"}) {
    INFO("found " << outside);
    CHECK(page.find(outside) == std::string::npos);
  }
  CHECK(page.find("Content-Security-Policy\" content=\"default-src 'none';") != std::string::npos);
}

}  // namespace

TEST_CASE("report of the sample: one self-contained page with every pair, finding and strip cell") {
  const auto result = run_bitext({"report", kSample});
  REQUIRE(result.status == 0);
  CHECK(result.err.empty());
  const std::string& page = result.out;
  CHECK(page.rfind("<!DOCTYPE html>\n", 0) == 0);
  CHECK(page.size() > 74284);  // the whole text is on the page
  check_self_contained(page);
  CHECK(occurrences(page, "<article class=\"pair") == 117);
  CHECK(occurrences(page, "<a class=\"cell") == 117);
  CHECK(page.find("<dd class=\"pair-count\">117</dd>") != std::string::npos);
  CHECK(page.find("<dd class=\"layout\">translation first, then its original</dd>") != std::string::npos);
  CHECK(page.find("<dd class=\"languages\">translation: han, original: latin</dd>") != std::string::npos);
  CHECK(occurrences(page, "<script>") == 1);

  // The same findings as `bitext check --format json`, each on the page once, with its code.
  const auto check = run_bitext({"check", "--format", "json", kSample});
  const auto diagnostics = nlohmann::json::parse(check.out).at(0).at("diagnostics");
  REQUIRE(diagnostics.size() > 0);
  CHECK(occurrences(page, "<li class=\"finding ") == diagnostics.size());
  for (const auto& diagnostic : diagnostics) {
    const std::string code = diagnostic.at("code");
    const int line = diagnostic.at("range").at("start").at("line");
    INFO(code << " on line " << line);
    CHECK(page.find("data-code=\"" + code + "\" data-line=\"" + std::to_string(line) + "\"") != std::string::npos);
  }
}

TEST_CASE("report escapes hostile text: markup in a transcript is shown as text") {
  const TempDir dir;
  dir.write("hostile.txt",
            "今天我们聊聊<script>alert(\"zh\")</script>开源模型。\n"
            "Today we talk about </p><img src=x onerror=alert(1)> open models & 'quotes'.\n"
            "这个社区增长得非常快。\n"
            "This community is growing very fast.\n");
  const auto result = run_bitext({"report", "hostile.txt", "-o", "page.html"}, std::nullopt, dir.path());
  REQUIRE(result.status == 0);
  CHECK(result.out.empty());
  const std::string page = bitext::test::read_whole_file(dir.path() / "page.html");
  CHECK(occurrences(page, "<script>") == 1);  // the page's own
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("今天我们聊聊&lt;script&gt;alert(&quot;zh&quot;)&lt;/script&gt;开源模型。") != std::string::npos);
  CHECK(page.find("Today we talk about &lt;/p&gt;&lt;img src=x onerror=alert(1)&gt; open models &amp; &#39;quotes&#39;.") !=
        std::string::npos);
  CHECK(occurrences(page, "<article class=\"pair") == 2);
}

TEST_CASE("report of a directory: an index row per transcript, other text files left out") {
  const TempDir dir;
  dir.write("a/clean.zh-en.txt", fixture("clean.zh-en.txt"));
  dir.write("a/missing.txt", fixture("missing-original.zh-en.txt"));
  dir.write("a/shopping.txt", "Milk and eggs.\nBread and butter.\n");
  const auto result = run_bitext({"report", "a"}, std::nullopt, dir.path());
  REQUIRE(result.status == 0);
  const std::string& page = result.out;
  check_self_contained(page);
  CHECK(occurrences(page, "<tr class=\"file-row\">") == 2);
  CHECK(occurrences(page, "<section class=\"file\"") == 2);
  CHECK(page.find("<a href=\"#f1-file\">a/clean.zh-en.txt</a>") != std::string::npos);
  CHECK(page.find("<a href=\"#f2-file\">a/missing.txt</a>") != std::string::npos);
  CHECK(page.find("shopping") == std::string::npos);
  CHECK(page.find("id=\"f2-pair-1\"") != std::string::npos);
  CHECK(page.find("data-code=\"missing-original\"") != std::string::npos);
}

TEST_CASE("report: a missing file is an error, the others are still reported") {
  const auto result = run_bitext({"report", kSample, "no-such-file.txt"});
  CHECK(result.status == 2);
  CHECK(result.err == "no-such-file.txt: error: No such file or directory\n");
  CHECK(occurrences(result.out, "<article class=\"pair") == 117);
  CHECK(run_bitext({"report"}).status == 2);
  CHECK(run_bitext({"report", "--bogus", kSample}).status == 2);
}

TEST_CASE("detect: the sample is a transcript, an English note is not") {
  auto result = run_bitext({"detect", kSample});
  CHECK(result.status == 0);
  CHECK(std::regex_match(result.out,
                         std::regex("examples/unsupervised-learning-ep1\\.zh-en\\.txt: bilingual transcript: translation "
                                    "\\(han\\) first, original \\(latin\\) second; [0-9]+ pairs in the first 6[0-9]{4} "
                                    "bytes\n")));
  const TempDir dir;
  dir.write("note.txt", "Milk and eggs.\nBread and butter.\n");
  result = run_bitext({"detect", "note.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 1);
  CHECK(result.out == "note.txt: not a bilingual transcript (0 pairs of lines in two scripts in the first 33 bytes)\n");

  result = run_bitext({"detect", "--format", "json", "-"}, fixture("clean.zh-en.txt"));
  CHECK(result.status == 0);
  CHECK(nlohmann::json::parse(result.out) ==
        nlohmann::json::parse(R"([{"path":"<stdin>","bilingual":true,"order":"translation-first",
          "translationScript":"han","originalScript":"latin","pairs":4,"bytesExamined":269,
          "subtitles":false,"speakers":false}])"));
  result = run_bitext({"detect", "missing.txt"}, std::nullopt, dir.path());
  CHECK(result.status == 2);
  CHECK(result.err == "missing.txt: error: No such file or directory\n");
}

TEST_CASE("report of a bilingual SRT: each cue's number and timing are shown with its pair") {
  const auto result = run_bitext({"report", "--stdin-name", "talk.srt", "-"},
                                 std::string("1\n00:00:01,000 --> 00:00:03,500\n谢谢邀请。\nThanks for having me.\n\n"
                                             "2\n00:00:04,000 --> 00:00:06,000\n你觉得五年后我们会在哪里?\n"
                                             "Where do you see us in five years?\n"));
  REQUIRE(result.status == 0);
  const std::string& page = result.out;
  CHECK(page.find("<title>Bitext report: talk.srt</title>") != std::string::npos);
  CHECK(page.find("<dd class=\"layout\">translation first, then its original; subtitle markup (cue numbers, "
                  "timings)</dd>") != std::string::npos);
  const std::size_t pair1 = page.find("id=\"f1-pair-1\""), pair2 = page.find("id=\"f1-pair-2\"");
  REQUIRE(pair1 != std::string::npos);
  REQUIRE(pair2 != std::string::npos);
  const std::size_t timing1 = page.find("<span class=\"markup\" data-line=\"1\">00:00:01,000 --&gt; 00:00:03,500</span>");
  const std::size_t timing2 = page.find("<span class=\"markup\" data-line=\"6\">00:00:04,000 --&gt; 00:00:06,000</span>");
  CHECK(pair1 < timing1);
  CHECK(timing1 < pair2);
  CHECK(pair2 < timing2);
  CHECK(page.find("Other findings") == std::string::npos);
}
