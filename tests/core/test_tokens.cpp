#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "bitext/numbers.hpp"
#include "bitext/segmentation.hpp"
#include "bitext/tokens.hpp"
#include "core/glued_section_number.hpp"
#include "bitext/text.hpp"

#include "support/random_lines.hpp"
#include "support/text_files.hpp"

using bitext::compare_tokens;
using bitext::LatinToken;
using bitext::must_carry;
using bitext::scan_tokens;
using bitext::TokenKind;

namespace {

std::vector<std::string> keys(const std::vector<LatinToken>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.key);
  return out;
}

LatinToken only(const std::string& text) {
  const auto found = scan_tokens(text);
  REQUIRE(found.size() == 1);
  return found[0];
}

}  // namespace

TEST_CASE("scan_tokens finds Latin runs inside Chinese text with exact spans") {
  const std::string text = "首位嘉宾是Hugging Face的CEO Clem。";  // 首位嘉宾是 = 15 bytes
  const auto tokens = scan_tokens(text);
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].begin == 15);
  CHECK(tokens[0].end == 22);
  CHECK(tokens[0].kind == TokenKind::Name);
  CHECK(tokens[1].key == "face");
  CHECK(tokens[2].kind == TokenKind::Acronym);
  CHECK(tokens[2].begin == 30);  // after 的 (3 bytes)
  CHECK(tokens[3].key == "clem");
  CHECK(tokens[3].end == 38);
}

TEST_CASE("token kinds") {
  CHECK(only("ChatGPT").kind == TokenKind::Name);
  CHECK(only("GitHub").kind == TokenKind::Name);
  CHECK(only("AGI").kind == TokenKind::Acronym);
  CHECK(only("PRs").kind == TokenKind::Acronym);
  CHECK(only("PRs").key == "pr");
  CHECK(only("GPT-2").kind == TokenKind::Identifier);
  CHECK(only("GPT-2").key == "gpt2");
  CHECK(only("x86_64").kind == TokenKind::Identifier);
  CHECK(only("debian/rules").kind == TokenKind::Identifier);
  CHECK(only("2.6.32").kind == TokenKind::Version);
  CHECK(only("v1.2").kind == TokenKind::Version);
  CHECK(only("hf.co//course").kind == TokenKind::Url);
  CHECK(only("hf.co//course").key == "hfcocourse");
  CHECK(only("网址是https://huggingface.co/course。").kind == TokenKind::Url);
  CHECK(only("网址是https://huggingface.co/course。").key == "httpshuggingfacecocourse");
  CHECK(only("debian-doc@lists.debian.org.").kind == TokenKind::Email);
  CHECK(only("debian-doc@lists.debian.org.").key == "debiandoclistsdebianorg");
  CHECK(only("e.g.").kind == TokenKind::Word);
  CHECK(only("C++").kind == TokenKind::Identifier);
  CHECK(only("\xEF\xBC\xA1\xEF\xBC\xA9").key == "ai");  // full-width ＡＩ
  CHECK(only("\xEF\xBC\xA1\xEF\xBC\xA9").kind == TokenKind::Acronym);
}

// A word glued to a section number with the label's full stop ("Prev4.3.",
// "Tools12.1.1.") is the word and the number, as the other language writes
// them apart ("上一页4.3."); without the full stop, or with no dot in the
// digits, it stays one identifier.
TEST_CASE("a word glued to a section number is two tokens") {
  const auto link = scan_tokens("Prev4.3. Garden Tools");
  REQUIRE(link.size() == 3);
  CHECK(link[0].key == "prev");
  CHECK(link[0].kind == TokenKind::Name);
  CHECK(link[0].end == 4);
  CHECK(link[1].key == "garden");  // 4.3 is a plain number, not a token
  const auto heading = scan_tokens("Rakes and RAKE12.1.1.");
  REQUIRE(heading.size() == 4);
  CHECK(heading[2].kind == TokenKind::Acronym);
  CHECK(heading[3].kind == TokenKind::Version);
  CHECK(heading[3].key == keys(scan_tokens("12.1.1."))[0]);
  CHECK(scan_tokens("Python3.11 is out").front().kind == TokenKind::Identifier);
  CHECK(scan_tokens("Python3.11 is out").front().key == "python311");
  CHECK(scan_tokens("see x86.").back().key == "x86");
  CHECK(scan_tokens("up to Rev12.").back().key == "rev12");
}

TEST_CASE("keys drop possessives, plurals, case and separators") {
  CHECK(bitext::token_key("Hugging-Face's") == "huggingface");
  CHECK(bitext::token_key("Editions") == "edition");
  CHECK(bitext::token_key("class") == "class");
  CHECK(bitext::token_key("APIs") == "api");
  CHECK(bitext::token_key("Lux") == "lux");
  // Latin-1 and Latin Extended letters keep their two bytes, lowercased where
  // Latin-1 has a capital; full-width letters fold to ASCII.
  CHECK(bitext::token_key("ÉCOLE-Ŝtraße") == "écoleŜtraße");  // no capital above Latin-1 is lowered
  CHECK(bitext::token_key("Ｆ１ Cafés") == "f1café");
  // Keys of 64 letters and more (URLs, long identifiers) are made the same way.
  const std::string long_word(64, 'A');
  CHECK(bitext::token_key(long_word + "s") == std::string(64, 'a'));
  CHECK(bitext::token_key(long_word) == std::string(64, 'a'));
  CHECK(bitext::token_key(long_word + "_Élan's") == std::string(64, 'a') + "élan");
}

TEST_CASE("pure numbers are not tokens; emoji and invalid bytes separate tokens") {
  CHECK(scan_tokens("160,000,000 与 1.6").empty());
  const std::string text = "Hugging\xF0\x9F\xA4\x97" "Face\xFF" "Git";
  const auto tokens = scan_tokens(text);
  CHECK(keys(tokens) == std::vector<std::string>{"hugging", "face", "git"});
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[1].begin == 11);
  CHECK(tokens[2].begin == 16);
  CHECK(scan_tokens("\xC3").empty());
}

TEST_CASE("carry levels") {
  using bitext::Carry;
  CHECK(only("hf.co").carry == Carry::Required);
  CHECK(only("dh_make").carry == Carry::Required);
  CHECK(only("MD5sums").carry == Carry::Required);
  CHECK(only("AGI").carry == Carry::Expected);
  CHECK(only("GNU/Linux").carry == Carry::Expected);
  CHECK(only("and/or").carry == Carry::None);
  CHECK(only("OVERRIDE_FILE").carry == Carry::None);
  CHECK(only("PATHPREFIX").carry == Carry::None);
  CHECK(only("NOT").carry == Carry::None);
  CHECK(only("WWW").carry == Carry::None);
  CHECK(only("i18n").carry == Carry::None);
  const std::string path = "见 /usr/share/doc 目录";  // 见 + space = 4 bytes
  const auto p = only(path);
  CHECK(p.kind == TokenKind::Identifier);
  CHECK(p.carry == Carry::Required);
  CHECK(p.begin == 4);
  CHECK(p.end == 18);
  CHECK(p.key == "usrsharedoc");
}

TEST_CASE("numbers with units or suffixes are not tokens") {
  CHECK(scan_tokens("32-bit 64bit 13th 2-letter 1990s v9").empty());
  CHECK(only("3D").key == "3d");
}

TEST_CASE("compound tokens keep their segments") {
  CHECK(only("Unix-like").parts == std::vector<std::string>{"unix", "like"});
  CHECK(only("GNU/Linux").parts == std::vector<std::string>{"gnu", "linux"});
  CHECK(only("Clem").parts.empty());
  CHECK(only("C/C++").parts.empty());  // one segment of two characters or more
}

TEST_CASE("must_carry") {
  CHECK(must_carry(only("hf.co//course")));
  CHECK(must_carry(only("AGI")));
  CHECK(must_carry(only("GPT-2")));
  CHECK_FALSE(must_carry(only("AI")));
  CHECK_FALSE(must_carry(only("CEO")));
  CHECK_FALSE(must_carry(only("Clem")));
  CHECK_FALSE(must_carry(only("course")));
}

TEST_CASE("compare_tokens: matches across spacing, plural and acronyms") {
  auto compare = [](const std::string& zh, const std::string& en) {
    const auto t = scan_tokens(zh);
    const auto o = scan_tokens(en);
    return compare_tokens(t, o);
  };
  SUBCASE("joined or split names") {
    const auto a = compare("HuggingFace的模型", "models on Hugging Face");
    CHECK(a.matched_translation == 1);
    CHECK(a.consistent());
    const auto b = compare("Hugging Face的模型", "models on HuggingFace's hub");
    CHECK(b.matched_translation == 2);
    CHECK(b.consistent());
  }
  SUBCASE("plural and case") {
    const auto c = compare("处理issue和PR", "handle issues and PRs");
    CHECK(c.matched_translation == 2);
    CHECK(c.consistent());
  }
  SUBCASE("acronym of the original's words") {
    const auto d = compare("开发ML模型,比作F1赛车", "machine learning models, like Formula One cars");
    CHECK(d.matched_translation == 2);
    CHECK(d.consistent());
    const auto e = compare("VoIP 有两个主要的开放协议", "Two main open protocols are used for Voice Over IP");
    CHECK(e.matched_translation == 1);
  }
  SUBCASE("spelled-out address and number words") {
    const auto e = compare("网址是hf.co//course。", "So h f dot c o slash slash course.");
    CHECK(e.matched_translation == 1);
    CHECK(e.consistent());
    const auto f = compare("主导GPT-2的开源工作", "led the release of GPT-two");
    CHECK(f.matched_translation == 1);
    CHECK(f.matched_original == 0);  // GPT-two is a name, not a must-carry identifier
    CHECK(f.consistent());
  }
  SUBCASE("number words after a name") {
    const auto a = compare("围绕GPT-3做提示工程", "Here's how GPT three works today.");
    CHECK(a.matched_translation == 1);
    CHECK(a.matched_original == 1);  // GPT, found as a segment of GPT-3
    CHECK(a.consistent());
  }
  SUBCASE("transliteration slips are near matches") {
    const auto g = compare("ChatGPT爆红", "all of a sudden, Chad GBT, my grandmother");
    CHECK(g.matched_translation == 0);
    CHECK(g.near_translation == std::vector<std::size_t>{0});
    CHECK(g.unmatched_translation.empty());
    CHECK(g.near_original == std::vector<std::size_t>{5});  // GBT (all, of, a, sudden, Chad, GBT)
    CHECK(g.unmatched_original.empty());
  }
  SUBCASE("segments of compounds") {
    const auto a = compare("正如所有 Unix 系统", "Like all Unix-like systems");
    CHECK(a.matched_translation == 1);
    CHECK(a.consistent());
    const auto b = compare("（以及 FIPS-151-2）认证", "(and FIPS 151-2) certification");
    CHECK(b.matched_translation == 1);
    CHECK(b.consistent());
    const auto c = compare("一些 IBM/摩托罗拉的机器", "some IBM/Motorola machines");
    CHECK(c.matched_translation == 1);
    CHECK(c.near_original == std::vector<std::size_t>{1});
    CHECK(c.consistent());
    const auto d = compare("指向 /etc/alternatives/名称 的链接", "points to /etc/alternatives/NAME");
    CHECK(d.matched_translation == 1);
    CHECK(d.near_original == std::vector<std::size_t>{2});
    CHECK(d.consistent());
  }
  SUBCASE("abbreviations and misspelt joins are near") {
    const auto a = compare("参见 man 手册页", "see the manual page");
    CHECK(a.near_translation == std::vector<std::size_t>{0});
    const auto b = compare("MD5 校验和", "the MD5sums file");
    CHECK(b.matched_translation == 0);
    CHECK(b.near_translation == std::vector<std::size_t>{0});
    CHECK(b.near_original == std::vector<std::size_t>{1});
    CHECK(b.consistent());
    const auto c = compare("使用Hugging Face平台时", "when they use the Higginface platform");
    CHECK(c.near_translation == std::vector<std::size_t>{0, 1});
    CHECK(c.consistent());
  }
  SUBCASE("three-letter slips need the same first letter") {
    const auto a = compare("做个聊天GPT", "make a chat GBT");
    CHECK(a.near_translation == std::vector<std::size_t>{0});
    CHECK(a.near_original == std::vector<std::size_t>{3});
    const auto b = compare("用GPT写", "use the API");
    CHECK(b.unmatched_translation == std::vector<std::size_t>{0});
    CHECK(b.unmatched_original == std::vector<std::size_t>{2});
  }
  SUBCASE("absent tokens on both sides") {
    const auto h = compare("我们与GitHub合作", "Check the AGI question at hf.co");
    CHECK(h.unmatched_translation == std::vector<std::size_t>{0});
    CHECK(h.unmatched_original == std::vector<std::size_t>{2, 5});  // AGI, hf.co
    CHECK(h.considered_translation() == 1);
    CHECK(h.considered_original() == 2);
    CHECK_FALSE(h.consistent());
  }
  SUBCASE("short lowercase words in the translation are not checked") {
    const auto k = compare("用App看", "use the application");
    CHECK(k.considered_translation() == 1);  // App is a Name
    const auto m = compare("用ok吧", "fine");
    CHECK(m.considered_translation() == 0);
  }
}

TEST_CASE("token_match_keys lists what compare_tokens matches exactly") {
  const auto keys = bitext::token_match_keys(scan_tokens("Formula One, GPT-two, Unix-like: h f dot c o"));
  // Runs: [formula one] [gpttwo] [unixlike] [h f dot c o]; literal windows of up
  // to three words, the last run again without "dot" (h f c o), the segments
  // gpt/two and unix/like, the digit variants gpt2 and formula1 (a number word
  // after an adjacent token), the initials fo and f1.
  const std::vector<std::string> expected{
      "c",   "co",   "dot",  "dotc", "dotco",   "f",          "f1",  "fc",   "fco",    "fdot",
      "fdotc", "fo", "formula", "formula1", "formulaone", "gpt", "gpt2", "gpttwo", "h",   "hf",     "hfc",
      "hfco", "hfdot", "like", "o",   "one",     "two",        "unix", "unixlike"};
  CHECK(keys == expected);
}

using bitext::test_support::at_code_point_start;
using bitext::test_support::random_line;

TEST_CASE("are_token_initials answers what token_initials lists, on sample, random and acronym lines") {
  std::vector<std::string> lines =
      bitext::test_support::split_lines(bitext::test_support::read_source_file("examples/unsupervised-learning-ep1.zh-en.txt"));
  for (unsigned seed = 0; seed < 1000; ++seed) lines.push_back(random_line(seed));
  for (const char* line : {"Formula One, GPT-two, Unix-like: h f dot c o", "Voice over IP and VoIP, the ten commandments",
                           "Read Only Memory ROM, Random Access Memory RAM, one two three four five six seven",
                           "Zero Ten Nine ten two Ten ABC DEF GHI JKL MNO PQR STU, é è, Ärger über Öl"})
    lines.emplace_back(line);
  std::size_t listed = 0, differing = 0;
  for (const std::string& line : lines) {
    const auto tokens = scan_tokens(line);
    const std::vector<std::string> initials = bitext::token_initials(tokens);
    // Every listed initials, every key the line matches, their prefixes and
    // each with a letter changed, and the digit forms.
    std::vector<std::string> asked = bitext::token_match_keys(tokens);
    asked.insert(asked.end(), initials.begin(), initials.end());
    for (std::size_t k = 0, n = asked.size(); k < n; ++k) {
      const std::string key = asked[k];
      for (std::size_t length = 1; length < key.size(); ++length) asked.push_back(key.substr(0, length));
      for (const char c : {'a', 'z', '1', ':'}) {
        std::string changed = key;
        if (!changed.empty()) changed.back() = c;
        asked.push_back(changed);
        changed = key;
        if (!changed.empty()) changed.front() = c;
        asked.push_back(changed);
      }
    }
    const std::vector<bool> found = bitext::are_token_initials(tokens, asked);
    for (std::size_t k = 0; k < asked.size(); ++k) {
      const std::string& key = asked[k];
      const bool expected = std::binary_search(initials.begin(), initials.end(), key) && key.size() >= 2 &&
                            key.size() <= 6;
      if (found[k] != expected) {
        ++differing;
        MESSAGE(line << " / " << key);
      }
    }
    listed += initials.size();
  }
  CHECK(differing == 0);
  CHECK(listed > 1000);
}

TEST_CASE("random lines: tokens are ordered, inside the line, and a line matches itself") {
  for (unsigned seed = 0; seed < 3000; ++seed) {
    const std::string line = random_line(seed);
    CAPTURE(line);
    const auto tokens = scan_tokens(line);
    std::size_t previous_end = 0;
    for (const LatinToken& t : tokens) {
      REQUIRE(t.begin < t.end);
      REQUIRE(t.end <= line.size());
      REQUIRE(t.begin >= previous_end);
      REQUIRE(at_code_point_start(line, t.begin));
      REQUIRE(at_code_point_start(line, t.end));
      REQUIRE_FALSE(t.key.empty());
      previous_end = t.end;
    }
    const auto self = compare_tokens(tokens, tokens);
    REQUIRE(self.consistent());
    REQUIRE(self.near_translation.empty());
  }
}

// One predicate (glued_section_number.hpp) decides for both scanners: at
// each edge of the shape, the token scanner splits the word from the number
// exactly when the number scanner reads the number as a number, not a code.
TEST_CASE("glued section numbers: the edges of the shape, and both scanners agree") {
  const auto stop = [](std::u32string_view text, std::size_t word, std::size_t digits) {
    const auto at = [text](std::size_t k) { return k < text.size() ? text[k] : U'\0'; };
    return bitext::glued_section_number_stop(at, word, digits);
  };
  CHECK(stop(U"Prev1.6. Next", 0, 4) == std::optional<std::size_t>(7));
  CHECK(stop(U"RAID12.1.1.", 0, 4) == std::optional<std::size_t>(10));
  CHECK(stop(U"(Prev1.6.)", 1, 5) == std::optional<std::size_t>(8));
  CHECK(stop(U"Ｐｒｅｖ1.6.", 0, 4) == std::optional<std::size_t>(7));  // full-width letters
  CHECK_FALSE(stop(U"P1.6.", 0, 1));            // one letter: a code
  CHECK_FALSE(stop(U"Rev12.", 0, 3));           // one digit group
  CHECK_FALSE(stop(U"Python3.11 is", 0, 6));    // no label's full stop
  CHECK_FALSE(stop(U"Prev1.6.x", 0, 4));        // a letter goes on after it
  CHECK_FALSE(stop(U"Prev1.6.7", 0, 4));        // not closed
  CHECK_FALSE(stop(U"x_Prev1.6.", 2, 6));       // joined to a word before it
  CHECK_FALSE(stop(U"a-Prev1.6.", 2, 6));
  CHECK_FALSE(stop(U"/Prev1.6.", 1, 5));
  CHECK_FALSE(stop(U"éPrev1.6.", 1, 5));
  CHECK_FALSE(stop(U"Prev", 0, 4));             // no digits at all
  CHECK_FALSE(stop(U"", 0, 0));

  // (With one dot: a read number is not a code. "Tools12.1.1." is a version, a code either way.)
  for (const std::string text : {"Prev1.6. Planting", "Python3.11 is out", "up to Rev12.",
                                  "x_Prev1.6.", "a-Prev1.6.", "Prev1.6.x", "P1.6.", "see Prev1.6.7 now",
                                  "（Prev4.3.）"}) {
    CAPTURE(text);
    const auto tokens = scan_tokens(text);
    const bool split = std::any_of(tokens.begin(), tokens.end(), [&](const LatinToken& t) {
      return t.end < text.size() && text[t.end] >= '0' && text[t.end] <= '9' && t.kind == TokenKind::Name;
    });
    const auto numbers = bitext::scan_numbers(text);
    const bool read = std::any_of(numbers.begin(), numbers.end(), [](const bitext::NumberMention& m) {
      return m.kind != bitext::NumberKind::Code;
    });
    CHECK(split == read);
  }
}

TEST_CASE("the scanners given a line's decoded code points find what they find decoding it themselves") {
  std::size_t tokens = 0, numbers = 0, boundaries = 0;
  for (unsigned seed = 0; seed < 2000; ++seed) {
    const std::string line = random_line(seed);
    CAPTURE(line);
    const std::vector<bitext::CodePointSpan> code_points = bitext::decode_code_points(line);
    const auto t = scan_tokens(line);
    const auto n = bitext::scan_numbers(line);
    CHECK(scan_tokens(line, code_points) == t);
    CHECK(bitext::scan_numbers(line, code_points) == n);
    for (const bitext::Script script : {bitext::Script::Han, bitext::Script::Latin}) {
      const auto b = bitext::find_boundaries(line, script);
      CHECK(bitext::find_boundaries(line, script, code_points) == b);
      boundaries += b.size();
    }
    tokens += t.size();
    numbers += n.size();
  }
  CHECK(tokens > 1000);
  CHECK(numbers > 1000);
  CHECK(boundaries > 1000);
}
