#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/checks.hpp"
#include "bitext/lexicon.hpp"
#include "bitext/pairing.hpp"
#include "support/analysis_compare.hpp"
#include "support/built_dictionary.hpp"
#include "support/calibration_pairs.hpp"
#include "support/text_files.hpp"

using bitext::english_word_key;
using bitext::Lexicon;
using bitext::LexiconEntry;
using bitext::LexicalWord;
using bitext::WordOrigin;
using bitext::test_support::built_dictionary;

namespace {

const std::vector<LexiconEntry> kEntries = {
    {"安装", {"to install; installation"}},
    {"软件包", {"software package"}},
    {"软件", {"software"}},
    {"使用", {"to use; to employ; to apply"}},
    {"文件", {"file; document; CL:個|个[ge4]"}},
    {"配置", {"to deploy; to configure; configuration (Tw)"}},
    {"的", {"of; ~'s (possessive particle)"}},
    {"安装", {"to mount"}},  // a second entry for the same headword is merged
};

// Headword number `n`, its decimal digits written with ten Han characters
// ("安", "装安", ...): distinct headwords of one to four characters for n < 10,000
// that share first characters as real ones do.
std::string numbered_headword(int n) {
  static const std::string han[] = {"安", "装", "软", "件", "包", "配", "置", "文", "使", "用"};
  std::string head;
  for (;; n /= 10) {
    head += han[n % 10];
    if (n < 10) break;
  }
  return head;
}

Lexicon small_lexicon() {
  std::string error;
  auto lexicon = Lexicon::from_image(bitext::build_lexicon_image(kEntries), &error);
  REQUIRE_MESSAGE(lexicon.has_value(), error);
  return *lexicon;
}

std::vector<std::string> texts(std::string_view line, const std::vector<LexicalWord>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) out.emplace_back(line.substr(w.begin, w.end - w.begin));
  return out;
}

}  // namespace

TEST_CASE("English word keys: one key for a word and its inflections, none for function words") {
  CHECK(english_word_key("Installing") == english_word_key("install"));
  CHECK(english_word_key("installed") == english_word_key("installs"));
  CHECK(english_word_key("packages") == english_word_key("package"));
  CHECK(english_word_key("libraries") == english_word_key("library"));
  CHECK(english_word_key("processes") == english_word_key("process"));
  CHECK(english_word_key("making") == english_word_key("make"));
  CHECK(english_word_key("configured") == english_word_key("configure"));
  CHECK(english_word_key("running") == english_word_key("run"));
  CHECK(english_word_key("boxes") == english_word_key("box"));
  CHECK(english_word_key("files") == english_word_key("file"));
  CHECK(english_word_key("file") != english_word_key("film"));
  CHECK(english_word_key("install") != english_word_key("instance"));
  CHECK(english_word_key("the").empty());
  CHECK(english_word_key("With").empty());
  CHECK(english_word_key("a").empty());
}

TEST_CASE("a dictionary image: lookups, merged entries, and every malformed image refused") {
  const Lexicon lexicon = small_lexicon();
  CHECK(lexicon.entry_count() == 7);
  CHECK(lexicon.contains("软件包"));
  CHECK_FALSE(lexicon.contains("软件包装"));
  CHECK_FALSE(lexicon.contains(""));
  CHECK(lexicon.longest_headword_bytes() == 9);
  std::vector<std::string> keys;
  for (std::uint32_t id : lexicon.translations("安装")) keys.emplace_back(lexicon.key_text(id));
  CHECK(keys == std::vector<std::string>{english_word_key("install"), english_word_key("installation"),
                                         english_word_key("mount")});
  // Parentheses, brackets and classifiers are not glosses; function words are not keys.
  CHECK_FALSE(lexicon.key_id("tw").has_value());
  CHECK_FALSE(lexicon.key_id("ge").has_value());
  CHECK(lexicon.translations("的").empty());
  CHECK(lexicon.key_id(english_word_key("software")).has_value());
  CHECK(lexicon.translations("不在词典里").empty());

  std::string error;
  CHECK_FALSE(Lexicon::from_image("XTBLEX02" + std::string(28, '\0'), &error));
  CHECK(error == "not a dictionary image: bad magic");
  CHECK_FALSE(Lexicon::from_image("BTXLEX02" + std::string(16, '\0'), &error));  // a header cut short
  CHECK(error == "not a dictionary image: bad magic");
  std::string image = bitext::build_lexicon_image(kEntries);
  CHECK_FALSE(Lexicon::from_image(image.substr(0, image.size() - 1), &error));
  CHECK(error == "not a dictionary image: sizes do not add up");
  std::string bad_id = image;
  // The first gloss id sits after the header (36 bytes), the 7 entries and their end (8 bytes each)
  // and the keys and their end (4 bytes each).
  const std::size_t gloss_at = 36 + 8 * (lexicon.entry_count() + 1) + 4 * (lexicon.key_count() + 1);
  bad_id[gloss_at] = bad_id[gloss_at + 1] = bad_id[gloss_at + 2] = bad_id[gloss_at + 3] = '\xFF';
  CHECK_FALSE(Lexicon::from_image(bad_id, &error));
  CHECK(error == "not a dictionary image: gloss id out of range");
  // The headword index follows the glosses: slots naming entries more than once, or none.
  std::uint32_t gloss_count = 0, headword_slots = 0;
  std::memcpy(&gloss_count, image.data() + 16, 4);
  std::memcpy(&headword_slots, image.data() + 24, 4);
  const std::size_t index_at = gloss_at + 4 * std::size_t(gloss_count);
  std::string bad_slot = image;
  for (std::size_t slot = 0; slot < headword_slots; ++slot) bad_slot[index_at + 4 * slot] = '\x07';
  CHECK_FALSE(Lexicon::from_image(bad_slot, &error));
  CHECK(error == "not a dictionary image: bad index");
  std::string tag_only = image;
  for (std::size_t slot = 0; slot < headword_slots; ++slot)
    if (tag_only.substr(index_at + 4 * slot, 4) == std::string(4, '\0')) tag_only[index_at + 4 * slot + 3] = '\x40';
  CHECK_FALSE(Lexicon::from_image(tag_only, &error));
  CHECK(error == "not a dictionary image: bad index");
  std::string unordered = image;
  std::swap_ranges(unordered.begin() + 36, unordered.begin() + 44, unordered.begin() + 44);  // entries 0 and 1
  CHECK_FALSE(Lexicon::from_image(unordered, &error));
  CHECK(error == "not a dictionary image: entries out of order");
  std::string old_version = image;
  old_version[7] = '1';  // BTXLEX01 had no index: rebuild the image
  CHECK_FALSE(Lexicon::from_image(old_version, &error));
  CHECK(error == "not a dictionary image: another format version (convert CC-CEDICT again with bitext_make_lexicon)");
  CHECK(Lexicon::from_image(bitext::build_lexicon_image({}))->entry_count() == 0);
}

TEST_CASE("every headword and key of an image is found by its index, and nothing else") {
  std::vector<LexiconEntry> entries;
  // 3,000 headwords of one to four characters, sharing first characters as real ones do.
  for (int i = 0; i < 3000; ++i) {
    const std::string head = numbered_headword(i);
    // A letters-only gloss word per i % 700 that no English ending rule shortens.
    std::string gloss = "z";
    for (int n = i % 700; ; n /= 17) {
      gloss += "bcdfghjklmnprtvwx"[n % 17];
      if (n < 17) break;
    }
    entries.push_back({head, {gloss + "q"}});
  }
  std::string error;
  const auto lexicon = Lexicon::from_image(bitext::build_lexicon_image(entries), &error);
  REQUIRE_MESSAGE(lexicon.has_value(), error);
  CHECK(lexicon->entry_count() == 3000);
  CHECK(lexicon->key_count() == 700);
  std::size_t found = 0, keys_back = 0;
  for (const LexiconEntry& e : entries) {
    const auto ids = lexicon->translations(e.chinese);
    found += ids.size() == 1 && lexicon->key_text(ids[0]) == english_word_key(e.glosses[0]);
  }
  for (std::uint32_t id = 0; id < lexicon->key_count(); ++id)
    keys_back += lexicon->key_id(lexicon->key_text(id)) == id;
  CHECK(found == 3000);
  CHECK(keys_back == 700);
  CHECK_FALSE(lexicon->contains("安安安安安"));  // longer than any headword
  CHECK_FALSE(lexicon->contains("软安"));  // 软安 would be 2 read backwards: not a headword
  CHECK_FALSE(lexicon->key_id("zbbbq").has_value());
}

TEST_CASE("a dictionary file is mapped, and a missing one is a clear error") {
  const auto path = std::filesystem::temp_directory_path() / "bitext-test-lexicon.lex";
  {
    const std::string image = bitext::build_lexicon_image(kEntries);
    std::ofstream out(path, std::ios::binary);
    out.write(image.data(), std::streamsize(image.size()));
  }
  std::string error;
  const auto mapped = Lexicon::open(path.string(), &error);
  REQUIRE_MESSAGE(mapped.has_value(), error);
  CHECK(mapped->image_bytes() == std::filesystem::file_size(path));
  CHECK(mapped->contains("配置"));
  std::filesystem::remove(path);
  CHECK(mapped->contains("配置"));  // the mapping outlives the file's name
  CHECK_FALSE(Lexicon::open(path.string(), &error));
  CHECK(error == path.string() + ": No such file or directory");
}

namespace {

// Resident kilobytes of this process's mapping of `path` (/proc/self/smaps), or -1.
long resident_kb_of_mapping(const std::string& path) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool in_mapping = false;
  while (std::getline(smaps, line)) {
    if (line.size() > path.size() && line.compare(line.size() - path.size(), path.size(), path) == 0) {
      in_mapping = true;
    } else if (in_mapping && line.rfind("Rss:", 0) == 0) {
      return std::stol(line.substr(4));
    }
  }
  return -1;
}

}  // namespace

TEST_CASE("a mapped image is checked at load without staying resident: its pages come back as lookups read them") {
  std::vector<LexiconEntry> entries;
  for (int i = 0; i < 6000; ++i) {
    const std::string head = numbered_headword(i);
    entries.push_back({head, {"to install; software package; configuration file"}});
  }
  const std::string image = bitext::build_lexicon_image(entries);
  REQUIRE(image.size() > 200 * 1024);
  const auto path = (std::filesystem::temp_directory_path() / "bitext-test-resident.lex").string();
  {
    std::ofstream out(path, std::ios::binary);
    out.write(image.data(), std::streamsize(image.size()));
  }
  std::string error;
  const auto mapped = Lexicon::open(path, &error);
  REQUIRE_MESSAGE(mapped.has_value(), error);
  // Every table was read by the check; none of it stays.
  const long after_open = resident_kb_of_mapping(path);
  CAPTURE(after_open);
  CHECK(after_open >= 0);
  CHECK(after_open == 0);
  CHECK(mapped->contains("安装"));
  CHECK(mapped->translations("配置").size() == 5);  // instal, softwar, packag, configur, fil
  CHECK(resident_kb_of_mapping(path) > after_open);  // what a lookup reads is mapped again
  // A caller done with its lookups drops them again; later lookups still answer.
  mapped->release_pages();
  CHECK(resident_kb_of_mapping(path) == 0);
  CHECK(mapped->contains("安装"));
  CHECK(mapped->translations("配置").size() == 5);
  std::filesystem::remove(path);
}

// A rerun's content checks look up the words around the edit again at every
// edit; a remembering copy answers them from memory, so that the image's pages
// (64 KiB mapped per read) are not brought back each time.
TEST_CASE("a remembering copy answers as the image does, and a word looked up once reads no page of it again") {
  std::vector<LexiconEntry> entries;
  for (int i = 0; i < 6000; ++i) {
    const std::string head = numbered_headword(i);
    entries.push_back({head, {i % 2 == 0 ? "to install; software package" : "configuration file"}});
  }
  const auto path = (std::filesystem::temp_directory_path() / "bitext-test-remembering.lex").string();
  {
    const std::string image = bitext::build_lexicon_image(entries);
    std::ofstream out(path, std::ios::binary);
    out.write(image.data(), std::streamsize(image.size()));
  }
  std::string error;
  const auto mapped = Lexicon::open(path, &error);
  REQUIRE_MESSAGE(mapped.has_value(), error);
  const Lexicon remembering = mapped->remembering();
  const std::vector<std::string> headwords = {"安装", "配置", "装安安", "用用用用", "安装软件包", "软", "文文", "安"};
  const std::vector<std::string> keys = {"instal", "softwar", "configur", "fil", "packag", "apt", "zz"};
  auto ids = [](std::span<const std::uint32_t> span) { return std::vector<std::uint32_t>(span.begin(), span.end()); };
  auto same_answers = [&](const Lexicon& lexicon) {
    for (const std::string& word : headwords) {
      CAPTURE(word);
      CHECK(lexicon.contains(word) == mapped->contains(word));
      CHECK(ids(lexicon.translations(word)) == ids(mapped->translations(word)));
    }
    for (const std::string& key : keys) {
      CAPTURE(key);
      CHECK(lexicon.key_id(key) == mapped->key_id(key));
    }
  };
  same_answers(remembering);
  CHECK(remembering.contains("安装"));
  CHECK_FALSE(remembering.contains("装安安安安安安安安"));
  CHECK(remembering.translations("配置").size() == 2);  // configur, fil (i = 65: odd)
  CHECK_FALSE(remembering.key_id("zz").has_value());
  // Asked again (by this copy or another remembering one), after the pages were
  // dropped: the same answers, and nothing of the image is mapped again.
  mapped->release_pages();
  REQUIRE(resident_kb_of_mapping(path) == 0);
  same_answers(remembering);
  same_answers(mapped->remembering());
  mapped->release_pages();
  for (const std::string& word : headwords) {
    (void)remembering.contains(word);
    (void)remembering.translations(word);
  }
  for (const std::string& key : keys) (void)remembering.key_id(key);
  CHECK(resident_kb_of_mapping(path) == 0);
  // The dictionary itself (a full run's) still reads the image.
  CHECK(mapped->contains("安装"));
  CHECK(resident_kb_of_mapping(path) > 0);
  std::filesystem::remove(path);
}

TEST_CASE("content words: Chinese by ICU and the dictionary, Latin words carried over, offsets in bytes") {
  const Lexicon lexicon = small_lexicon();
  const std::string zh = "使用 apt 安装软件包的配置文件。";
  const auto words = bitext::chinese_line_words(zh, &lexicon);
  CHECK(texts(zh, words) == std::vector<std::string>{"使用", "apt", "安装", "软件包", "配置", "文件"});
  CHECK(words[1].origin == WordOrigin::Latin);
  CHECK(words[1].key == "apt");
  CHECK(words[0].begin == 0);
  CHECK(words[1].begin == 7);
  CHECK(words[1].end == 10);

  const std::string en = "Installing the packages with apt";
  const auto english = bitext::english_line_words(en);
  CHECK(texts(en, english) == std::vector<std::string>{"Installing", "packages", "apt"});
  CHECK(english[0].begin == 0);
  CHECK(english[2].begin == 29);
}

TEST_CASE("lexical evidence: which words have a counterpart, and where") {
  const Lexicon lexicon = small_lexicon();
  const std::string zh = "使用 apt 安装软件包。";
  const std::string en = "Install the software package with apt.";
  const auto zw = bitext::chinese_line_words(zh, &lexicon);
  const auto ew = bitext::english_line_words(en);
  const auto evidence = bitext::lexical_evidence(lexicon, zw, ew);
  // 使用 (use) has no counterpart; apt, 安装 and 软件包 (ICU cuts it as 软件 + 包) have.
  CHECK(evidence.chinese_matched == std::vector<bool>{false, true, true, true});
  CHECK(evidence.english_matched == std::vector<bool>{true, true, true, true});
  CHECK(evidence.chinese_content == 4);
  CHECK(evidence.chinese_hits == 3);
  CHECK(evidence.english_hits == 4);
  CHECK(evidence.coverage() == doctest::Approx(7.0 / 8.0));

  // A part of the line against a part of the other: the cut point shows.
  const auto first_half = bitext::lexical_evidence(lexicon, std::span(zw).subspan(0, 2), std::span(ew).subspan(0, 3));
  CHECK(first_half.chinese_hits == 0);
  CHECK(first_half.english_hits == 0);

  // With an empty dictionary only carried Latin words match.
  const Lexicon empty = *Lexicon::from_image(bitext::build_lexicon_image({}));
  const auto bare = bitext::lexical_evidence(empty, bitext::chinese_line_words(zh, &empty), ew);
  CHECK(bare.chinese_hits == 1);
  CHECK(bare.english_hits == 1);
  CHECK(bitext::lexical_evidence(lexicon, {}, {}).coverage() == 0.0);
}

TEST_CASE("names transliterated into Chinese") {
  CHECK(bitext::transliteration_score("Clem", "克莱姆") >= 0.9);
  CHECK(bitext::transliteration_score("Karpathy", "卡帕西") >= 0.75);
  CHECK(bitext::transliteration_score("Smith", "史密斯") >= 0.75);
  CHECK(bitext::transliteration_score("Karpathy", "克莱姆") < 0.5);
  CHECK(bitext::transliteration_score("Clem", "卡帕西") < 0.5);
  CHECK(bitext::transliteration_score("Smith", "卡帕西") < 0.5);
  CHECK(bitext::transliteration_score("Clem", "") == 0.0);
  CHECK(bitext::transliteration_score("", "克莱姆") == 0.0);
}

TEST_CASE("a name is found transliterated inside a Chinese line") {
  CHECK(bitext::transliterated_in("Clem", "我是克莱姆，欢迎收听。"));
  CHECK(bitext::transliterated_in("Karpathy", "想象一下，尤其是像卡帕西发布的那些视频"));
  CHECK_FALSE(bitext::transliterated_in("Karpathy", "我是克莱姆，欢迎收听。"));
  CHECK_FALSE(bitext::transliterated_in("Clem", "想象一下，尤其是像卡帕西发布的那些视频"));
  CHECK_FALSE(bitext::transliterated_in("Clem", "这是一个关于软件的问题。"));
  CHECK_FALSE(bitext::transliterated_in("C", "克莱姆"));  // one consonant says nothing
}

// Gate on the real calibration data (data/calibration, tuning split) when the
// build converted CC-CEDICT. Measured: see docs/calibration.md ("Lexical signal").
TEST_CASE("the dictionary tells true pairs from shifted ones on real documentation") {
  const Lexicon* lexicon = built_dictionary();
  if (!lexicon) {
    MESSAGE("no cedict.lex next to the bitext binary (scripts/fetch-cedict.sh): dictionary gate skipped");
    return;
  }
  const auto pairs = bitext::test_support::read_calibration_pairs(std::string(BITEXT_SOURCE_DIR) +
                                                                  "/data/calibration/debian-docs.zh-en.tsv");
  REQUIRE(pairs.size() > 2000);
  const Lexicon empty = *Lexicon::from_image(bitext::build_lexicon_image({}));
  auto auc = [&](const Lexicon& l) {
    std::vector<double> t, s;
    for (std::size_t i = 0; i + 1 < pairs.size(); ++i) {
      const auto zw = bitext::chinese_line_words(pairs[i].zh, &l);
      t.push_back(bitext::lexical_evidence(l, zw, bitext::english_line_words(pairs[i].en)).coverage());
      if (pairs[i + 1].source == pairs[i].source)
        s.push_back(bitext::lexical_evidence(l, zw, bitext::english_line_words(pairs[i + 1].en)).coverage());
    }
    return bitext::test_support::auc_higher_is_true(t, s);
  };
  const double with = auc(*lexicon), without = auc(empty);
  CAPTURE(with);
  CAPTURE(without);
  CHECK(with >= 0.88);  // measured 0.943, bootstrap sd over documents 0.010
  CHECK(with - without >= 0.15);  // measured 0.261 (0.943 against 0.682)
}

TEST_CASE("the cut point of a drift: where the words stop answering one partner and start answering the next") {
  const Lexicon lexicon = small_lexicon();
  // The Chinese line holds its own translation and the start of the next pair's.
  const std::string zh = "使用 apt 安装软件包。配置文件";
  const auto line = bitext::chinese_line_words(zh, &lexicon);
  const auto first = bitext::english_line_words("Install the software package with apt.");
  const auto second = bitext::english_line_words("The configuration file is read at boot.");
  const auto cut = bitext::lexical_cut(lexicon, line, true, first, second);
  REQUIRE(cut.has_value());
  CHECK(cut->word == 4);  // 配置
  CHECK(zh.substr(cut->offset) == "配置文件");
  CHECK(cut->score == 5);  // apt, 安装, 软件包 before; 配置, 文件 after

  // The English side cut against two Chinese partners.
  const std::string en = "Install the software package. The configuration";
  const auto english = bitext::english_line_words(en);
  const auto en_cut = bitext::lexical_cut(lexicon, english, false, bitext::chinese_line_words("安装软件包", &lexicon),
                                          bitext::chinese_line_words("配置", &lexicon));
  REQUIRE(en_cut.has_value());
  CHECK(en.substr(en_cut->offset) == "configuration");

  // No word answers either partner alone: no cut.
  CHECK_FALSE(bitext::lexical_cut(lexicon, line, true, bitext::english_line_words("Weather report"),
                                  bitext::english_line_words("Sports news")).has_value());
  // Words that answer both partners lean nowhere: the first best boundary is before them.
  const auto whole = bitext::lexical_cut(lexicon, line, true, bitext::english_line_words("use apt to install software packages, configuration files"), second);
  REQUIRE(whole.has_value());
  CHECK(whole->word == line.size() - 2);  // 配置 and 文件 answer both partners (lean 0): the first best cut
}

namespace {

// Makes the converted CC-CEDICT (cedict.lex next to the bitext binary) the
// process-wide dictionary; false, with a message, when the build has none.
bool load_built_dictionary() {
  const auto path = std::filesystem::path(BITEXT_BINARY).parent_path() / "cedict.lex";
  if (!std::filesystem::exists(path)) {
    MESSAGE("no cedict.lex next to the bitext binary (scripts/fetch-cedict.sh): dictionary gate skipped");
    return false;
  }
  ::setenv("BITEXT_LEXICON", path.string().c_str(), 1);
  if (!Lexicon::shared()) {
    MESSAGE("the process-wide dictionary was already set up without the file: dictionary gate skipped");
    return false;
  }
  return true;
}

}  // namespace

// The sample's five real drifts (pairs 39/40, 48/49, 77/78, 89/90, 97/98; the
// sample README) with the dictionary loaded: the words that change partner make
// four of them warnings; nothing else on the sample is a warning. 48/49 has
// no punctuation where its English text moved ("...that look like Now, I'm
// going..."): the next test.
TEST_CASE("with the dictionary, the sample's loose drifts are warnings and nothing else is") {
  if (!load_built_dictionary()) return;
  std::ifstream in(std::string(BITEXT_SOURCE_DIR) + "/examples/unsupervised-learning-ep1.zh-en.txt", std::ios::binary);
  const std::string sample((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto analysis = bitext::Analysis::run(sample, {});
  std::vector<int> warned_drifts;  // the first pair (1-based) of each boundary-drift warning
  int other_warnings = 0;
  for (const bitext::Finding& finding : analysis->findings()) {
    if (finding.severity > bitext::Severity::Warning) continue;
    if (finding.code != "boundary-drift") {
      ++other_warnings;
      continue;
    }
    // The lower of the two pair numbers the message names.
    int lowest = 1 << 30;
    for (std::size_t at = finding.message.find("pair "); at != std::string::npos;
         at = finding.message.find("pair ", at + 5))
      lowest = std::min(lowest, std::atoi(finding.message.c_str() + at + 5));
    warned_drifts.push_back(lowest);
    CHECK(finding.evidence->has(bitext::Signal::Words));
  }
  std::sort(warned_drifts.begin(), warned_drifts.end());
  CHECK(warned_drifts == std::vector<int>{39, 77, 89, 97});
  CHECK(other_warnings == 0);
}

// The sample's fifth drift, 48/49: "There's gonna be a bunch of different
// things that exist in the world that look like" opens the English line of
// pair 49 but is translated at the end of pair 48's Chinese line (各种形态都会
// 并存). No punctuation cuts there; the words do (exist/并存 change partner, the
// rest of the line answers pair 49's Chinese), and the cut falls before a
// capitalised word after a lower-case one ("like Now,"): a sentence whose full
// stop is missing. The English head its partner does not translate and the
// Chinese tail its line does not translate are the drift's open ends:
// information, whose preferred fix moves exactly that text back.
TEST_CASE("with the dictionary, the sample's drift at 48/49 is information and its fix moves the text back") {
  if (!load_built_dictionary()) return;
  std::ifstream in(std::string(BITEXT_SOURCE_DIR) + "/examples/unsupervised-learning-ep1.zh-en.txt", std::ios::binary);
  const std::string sample((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto analysis = bitext::Analysis::run(sample, {});
  std::vector<const bitext::Finding*> found;
  for (const bitext::Finding& finding : analysis->findings())
    if (finding.code == "boundary-drift" && finding.message.find("pair 49") != std::string::npos) found.push_back(&finding);
  REQUIRE(found.size() == 1);
  const bitext::Finding& drift = *found.front();
  CHECK(drift.severity == bitext::Severity::Information);
  CHECK(drift.message.find("The original of pair 49 starts with 'There's gonna be a bunch of different…', which "
                           "belongs to pair 48") == 0);
  REQUIRE(drift.evidence);
  CHECK(drift.evidence->has(bitext::Signal::Words));
  REQUIRE(!drift.fixes.empty());
  CHECK(drift.fixes.front().preferred);
  const std::vector<std::string> fixed =
      bitext::test_support::split_lines(bitext::apply_edits(sample, drift.fixes.front().edits));
  const std::vector<std::string> given = bitext::test_support::split_lines(sample);
  REQUIRE(fixed.size() == given.size());
  const std::string moved = "There's gonna be a bunch of different things that exist in the world that look like";
  // The sample's 3 header lines, then pairs of a Chinese and an English line.
  CHECK(fixed[3 + 2 * 47 + 1] == given[3 + 2 * 47 + 1] + " " + moved);
  CHECK(fixed[3 + 2 * 48 + 1] == given[3 + 2 * 48 + 1].substr(moved.size() + 1));
  CHECK(fixed[3 + 2 * 48 + 1].rfind("Now, I'm going ask you", 0) == 0);
}

// The handbook's packaging chapter (packaging-system, 7 pairs) with the title
// "工具 dpkg、APT 和 ar" / "TOOLS dpkg, APT and ar" cut after its first
// comma: the length alone is not odd (under one standard deviation), but the
// translation ends at a comma where its original does not, and the original's
// last two words of four have no counterpart in it: information, with the
// words as a signal. The clean title gets no length finding.
TEST_CASE("with the dictionary, an original whose last words have no counterpart tells a cut translation") {
  if (!load_built_dictionary()) return;
  const std::vector<std::string> rows =
      bitext::test_support::split_lines(bitext::test_support::read_source_file("data/calibration/debian-docs.zh-en.tsv"));
  std::vector<std::string> lines;
  for (std::size_t row = 875; row < 882; ++row) {
    const std::size_t tab = rows[row].find('\t');
    lines.push_back(rows[row].substr(0, tab));
    lines.push_back(rows[row].substr(tab + 1, rows[row].find('\t', tab + 1) - tab - 1));
  }
  REQUIRE(lines[4] == "工具 dpkg、APT 和 ar");
  REQUIRE(lines[5] == "TOOLS dpkg, APT and ar");
  auto length_findings = [](const bitext::Analysis& analysis) {
    std::vector<const bitext::Finding*> found;
    for (const bitext::Finding& finding : analysis.findings())
      if (finding.code == "length-outlier" && finding.pair == 2) found.push_back(&finding);
    return found;
  };
  CHECK(length_findings(*bitext::Analysis::run(bitext::test_support::join_lines(lines), {})).empty());
  lines[4] = "工具 dpkg、";
  const auto cut = bitext::Analysis::run(bitext::test_support::join_lines(lines), {});
  const auto found = length_findings(*cut);
  REQUIRE(found.size() == 1);
  CHECK(found.front()->severity == bitext::Severity::Information);
  CHECK(found.front()->evidence->has(bitext::Signal::Words));
  CHECK(found.front()->message.find("last 2 content words have no counterpart") != std::string::npos);
  // A rerun that renumbers the pairs makes the finding again from the words kept per pair.
  lines.insert(lines.begin(), {"新的一行。", "A new line."});
  const auto again = bitext::Analysis::rerun(*cut, bitext::test_support::join_lines(lines), {{0, 0, 2}}, {});
  const auto moved = length_findings(*again);
  REQUIRE(moved.empty());
  std::vector<const bitext::Finding*> renumbered;
  for (const bitext::Finding& finding : again->findings())
    if (finding.code == "length-outlier" && finding.pair == 3) renumbered.push_back(&finding);
  REQUIRE(renumbered.size() == 1);
  CHECK(renumbered.front()->message.find("last 2 content words have no counterpart") != std::string::npos);
}

// The Markdown fixture written in the style of published notes (test_layouts)
// is clean with the dictionary too: no error, no warning.
TEST_CASE("with the dictionary, the podcast-notes Markdown fixture has no errors or warnings") {
  if (!load_built_dictionary()) return;
  std::ifstream in(std::string(BITEXT_SOURCE_DIR) + "/tests/fixtures/layouts/podcast-notes.md", std::ios::binary);
  const std::string notes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  bitext::CheckOptions options;
  options.document_name = "podcast-notes.md";
  const auto analysis = bitext::Analysis::run(notes, options);
  CHECK(analysis->transcript().pairs.size() == 112);
  std::vector<std::string> serious;
  for (const bitext::Finding& finding : analysis->findings())
    if (finding.severity <= bitext::Severity::Warning) serious.push_back(finding.code + ": " + finding.message);
  CHECK(serious == std::vector<std::string>{});
}

// Every counterpart match_lines reports is a words_match pair and the reverse,
// on the calibration data's lines against their own partner and the next one.
TEST_CASE("matching whole lines by sorted runs finds exactly the word-by-word counterparts") {
  const Lexicon small = small_lexicon();
  const Lexicon* built = built_dictionary();
  const auto pairs = bitext::test_support::read_calibration_pairs(std::string(BITEXT_SOURCE_DIR) +
                                                                  "/data/calibration/debian-docs.zh-en.tsv");
  REQUIRE(pairs.size() > 2000);
  for (const Lexicon* lexicon : {&small, built}) {
    if (!lexicon) continue;
    std::size_t compared = 0, matches = 0, unmasked = 0;
    for (std::size_t i = 0; i + 1 < pairs.size(); ++i) {
      const auto zh = bitext::resolve_words(*lexicon, bitext::chinese_line_words(pairs[i].zh, lexicon));
      if (!zh.masked) {
        CHECK(zh.size() > 64);
        ++unmasked;
        continue;
      }
      for (const std::size_t k : {i, i + 1}) {
        const auto en = bitext::resolve_words(*lexicon, bitext::english_line_words(pairs[k].en));
        if (!en.masked) {
          CHECK(en.size() > 64);
          continue;
        }
        std::vector<std::uint64_t> grouped(zh.size(), 0), expected(zh.size(), 0);
        bitext::match_lines(zh, en, [&](std::uint64_t c, std::uint64_t e) {
          for (std::size_t w = 0; w < zh.size(); ++w)
            if ((c >> w) & 1) grouped[w] |= e;
        });
        for (std::size_t c = 0; c < zh.size(); ++c)
          for (std::size_t e = 0; e < en.size(); ++e)
            if (bitext::words_match(zh, c, en, e)) {
              expected[c] |= std::uint64_t{1} << e;
              ++matches;
            }
        CHECK(grouped == expected);
        ++compared;
      }
    }
    CAPTURE(unmasked);
    CHECK(compared > 4000);
    CHECK(matches > 1000);  // Latin words carried over match even with the small dictionary
  }
}

namespace {

// The handbook's workstation chapter (6 pairs) as one document of lines.
std::vector<std::string> workstation_lines() {
  const std::vector<std::string> rows =
      bitext::test_support::split_lines(bitext::test_support::read_source_file("data/calibration/debian-docs.zh-en.tsv"));
  std::vector<std::string> lines;
  for (std::size_t row = 1700; row < 1706; ++row) {
    const std::size_t tab = rows[row].find('\t');
    lines.push_back(rows[row].substr(0, tab));
    lines.push_back(rows[row].substr(tab + 1, rows[row].find('\t', tab + 1) - tab - 1));
  }
  return lines;
}

// The analysis's boundary-drift findings, in order.
std::vector<const bitext::Finding*> drifts_in(const bitext::Analysis& analysis) {
  std::vector<const bitext::Finding*> found;
  for (const bitext::Finding& finding : analysis.findings())
    if (finding.code == "boundary-drift") found.push_back(&finding);
  return found;
}

// `drifted` has one drift, of `severity` when given, whose message starts with
// `message` and whose preferred fix gives `clean` back byte for byte.
void check_one_drift_restores(const std::string& drifted, const std::string& clean,
                              std::optional<bitext::Severity> severity, std::string_view message) {
  INFO("expected drift: " << message);
  const auto analysis = bitext::Analysis::run(drifted, {});
  const std::vector<const bitext::Finding*> found = drifts_in(*analysis);
  REQUIRE(found.size() == 1);
  if (severity) CHECK(found.front()->severity == *severity);
  CHECK(found.front()->message.find(message) == 0);
  REQUIRE(!found.front()->fixes.empty());
  CHECK(found.front()->fixes.front().preferred);
  CHECK(bitext::apply_edits(drifted, found.front()->fixes.front().edits) == clean);
}

}  // namespace

// A heading's title joined to the next line without a mark ("Prev12.4." |
// "Monitoring Next13.2. …"): no punctuation offers the cut after
// "Monitoring", the words do (监控 is in the translation of the heading cut to
// its number, 下一页 and 定制 in the next). The drift is a warning (the label
// alone got its title back, kTitleMended) and its fix restores the text byte
// for byte; the clean document gets no drift.
TEST_CASE("with the dictionary, a heading title moved into the next line is a drift cut where the words say") {
  if (!load_built_dictionary()) return;
  std::vector<std::string> lines = workstation_lines();
  REQUIRE(lines[9] == "Prev12.4. Monitoring");
  REQUIRE(lines[11] == "Next13.2. Customizing the Graphical Interface");
  const std::string clean = bitext::test_support::join_lines(lines);
  CHECK(drifts_in(*bitext::Analysis::run(clean, {})).empty());
  lines[9] = "Prev12.4.";
  lines[11] = "Monitoring " + lines[11];
  check_one_drift_restores(bitext::test_support::join_lines(lines), clean, bitext::Severity::Warning,
                           "The original of pair 6 starts with 'Monitoring', which belongs to pair 5");
}

// A section label moved onto the end of a heading that ends with a capitalised
// word ("…Managing Files B.1.2."): the word could label too ("Figure A.5."),
// but the Chinese line of the pair it came from begins with this very number
// bare ("B.1.2. 显示…"), so the number alone moves back, as a whole unit: an
// information drift whose fix restores the text (main: only the mirror, the
// Chinese "B.1.2." moved the other way, as a hint).
TEST_CASE("with the dictionary, a bare label moved onto the end of a title goes back alone, as its partner's is bare") {
  if (!load_built_dictionary()) return;
  const std::vector<std::string> lines = {
      "附录 B. 简短辅导课程", "Appendix B. Short Remedial Course",
      "B.1. Shell 和基本命令", "B.1. Shell and Basic Commands",
      "速览启动命令解释器", "QUICK LOOK Starting the command interpreter",
      "B.1.1. 浏览目录与管理文件", "B.1.1. Browsing the Directory Tree and Managing Files",
      "B.1.2. 显示和修改文本文件", "B.1.2. Displaying and Modifying Text Files",
      "B.1.3. 搜索文件和在文件中搜索", "B.1.3. Searching for Files and within Files",
      "B.1.4. 管理进程", "B.1.4. Managing Processes",
      "B.1.5. 系统信息：内存、磁盘空间、身份信息", "B.1.5. System Information: Memory, Disk Space, Identity",
      "上一页A.14. 其它更多", "PrevA.14. And Many More",
      "下一页B.2. 文件系统层次结构的组织", "NextB.2. Organization of the Filesystem Hierarchy"};
  const std::string clean = bitext::test_support::join_lines(lines);
  std::vector<std::string> moved = lines;
  moved[7] += " B.1.2.";
  moved[9] = "Displaying and Modifying Text Files";
  check_one_drift_restores(bitext::test_support::join_lines(moved), clean, bitext::Severity::Information,
                           "The original of pair 4 runs on into pair 5: its end 'B.1.2.'");
}

// The handbook's appendix page (tuning split, sect.ubuntu.html): the Chinese
// navigation label moved onto the end of the box title before it ("…承诺上一页附录
// A."). Its partner's label has two words in front of the letter ("PrevAppendix
// A."), so the move takes the line's last two words with it (上一页附录): an
// information drift whose fix restores the text (main: only the English mirror,
// a hint at 1.97, as a letter label was not a label with a word).
TEST_CASE("with the dictionary, a navigation label with two words before its letter goes back with both") {
  if (!load_built_dictionary()) return;
  const std::vector<std::string> lines = {"实践 Ubuntu 的支持和维护承诺", "IN PRACTICE Ubuntu's support and maintenance promise",
                                          "上一页附录 A. 衍生发行版", "PrevAppendix A. Derivative Distributions"};
  const std::string clean = bitext::test_support::join_lines(lines);
  CHECK(drifts_in(*bitext::Analysis::run(clean, {})).empty());
  std::vector<std::string> moved = lines;
  moved[0] += "上一页附录 A.";
  moved[2] = "衍生发行版";
  check_one_drift_restores(bitext::test_support::join_lines(moved), clean, bitext::Severity::Information,
                           "The translation of pair 1 runs on into pair 2: its end '上一页附录 A.'");
}

// The handbook's office-suites page (tuning split, sect.office-suites.html):
// the title of the "previous page" link cut off its label and glued before the
// next link ("上一页13.6." | "开发下一页13.8. …" against "Prev13.6. Development" |
// "Next13.8. …"). No mark cuts before 下一页 and the dictionary does not pair
// 开发 with "Development"; the partner opening with the link says the text
// before it is no part of that line: an information drift whose fix restores
// the text, on either side (main: no drift, only the label's length-outlier).
TEST_CASE("with the dictionary, a title glued before the next page's link word goes back to its label") {
  if (!load_built_dictionary()) return;
  const std::vector<std::string> lines = {"13.7. 办公软件包", "13.7. Office Suites",
                                          "更宽泛的观点 LibreOffice 取代 OpenOffice.org",
                                          "THE BROADER VIEW LibreOffice replaces OpenOffice.org",
                                          "上一页13.6. 开发", "Prev13.6. Development",
                                          "下一页13.8. 模拟 Windows：Wine", "Next13.8. Emulating Windows: Wine"};
  const std::string clean = bitext::test_support::join_lines(lines);
  CHECK(drifts_in(*bitext::Analysis::run(clean, {})).empty());
  std::vector<std::string> moved = lines;
  moved[4] = "上一页13.6.";
  moved[6] = "开发" + lines[6];
  check_one_drift_restores(bitext::test_support::join_lines(moved), clean, bitext::Severity::Information,
                           "The translation of pair 4 starts with '开发', which belongs to pair 3");
  moved = lines;
  moved[5] = "Prev13.6.";
  moved[7] = "Development " + lines[7];
  check_one_drift_restores(bitext::test_support::join_lines(moved), clean, std::nullopt,
                           "The original of pair 4 starts with 'Development', which belongs to pair 3");
}

// GIMP's selection tools page (tuning split, gimp-tools-selection.html): a
// heading's title moved onto the next line, whose words the dictionary does
// not pair ("2.1.2." | "选项边缘平滑" against "2.1.2. Options" | "Antialiasing").
// No word leans to the source's own partner, but the destination is a heading
// cut to its number: the words cut after 选项 (Options), and the title goes
// back, on either side; an information drift (its mirror agrees) whose fix
// restores the text (main: the Chinese side only as the English mirror's hint
// moving "Options" forward, the English side nothing).
TEST_CASE("with the dictionary, a title moved off a heading cut to its number goes back where its words end") {
  if (!load_built_dictionary()) return;
  const std::vector<std::string> lines = {"2.1.2. 选项", "2.1.2. Options", "边缘平滑", "Antialiasing"};
  const std::string clean = bitext::test_support::join_lines(lines);
  CHECK(drifts_in(*bitext::Analysis::run(clean, {})).empty());
  auto fixed = [&](bool translation, const std::string& message) {
    std::vector<std::string> moved = lines;
    moved[translation ? 0 : 1] = "2.1.2.";
    moved[translation ? 2 : 3] = translation ? "选项边缘平滑" : "Options Antialiasing";
    const std::string drifted = bitext::test_support::join_lines(moved);
    const auto analysis = bitext::Analysis::run(drifted, {});
    const std::vector<const bitext::Finding*> found = drifts_in(*analysis);
    REQUIRE(found.size() == 1);
    CHECK(found.front()->severity == bitext::Severity::Information);
    CHECK(found.front()->message.find(message) == 0);
    REQUIRE(!found.front()->fixes.empty());
    CHECK(found.front()->fixes.front().preferred);
    return bitext::apply_edits(drifted, found.front()->fixes.front().edits);
  };
  CHECK(fixed(true, "The translation of pair 2 starts with '选项', which belongs to pair 1") == clean);
  CHECK(fixed(false, "The original of pair 2 starts with 'Options', which belongs to pair 1") == clean);
}

// A chapter's label with its word ("Chapter 13.") counts a sentence by its
// number's full stop; joined to its title it is one heading, as "第 13 章
// Scripting" is: the title moved off it goes back (GIMP's chapter pages), a
// warning with the label given its title back (kTitleMended).
TEST_CASE("with the dictionary, a title moved off a chapter's worded label goes back to it") {
  if (!load_built_dictionary()) return;
  const std::vector<std::string> lines = {"第 13 章 Scripting", "Chapter 13. Scripting", "1. 插件", "1. Plugins",
                                          "1.1. 简介",          "1.1. Introduction",     "1.2. 使用插件",
                                          "1.2. Using Plugins", "1.4. 编写插件",          "1.4. Writing Plugins"};
  const std::string clean = bitext::test_support::join_lines(lines);
  CHECK(drifts_in(*bitext::Analysis::run(clean, {})).empty());
  std::vector<std::string> moved = lines;
  moved[1] = "Chapter 13.";
  moved[3] = "Scripting 1. Plugins";
  check_one_drift_restores(bitext::test_support::join_lines(moved), clean, bitext::Severity::Warning,
                           "The original of pair 2 starts with 'Scripting', which belongs to pair 1");
}

// A section number alone ("1.1.") whose partner has the same number with a
// title ("1.1. 作者") is a heading that lost its title: the move that gives
// it back, confirmed by the moved word's counterpart, mends it (kTitleMended);
// the same title cut off by a truncation, with the next pair whole, is no drift.
TEST_CASE("with the dictionary, a section number left without its title takes it back, and a truncated title does not") {
  if (!load_built_dictionary()) return;
  const std::vector<std::string> lines = {
      "第 1 章 简介",
      "Chapter 1. Introduction",
      "1. 欢迎使用 GIMP",
      "1. Welcome to GIMP",
      "GIMP 具有可延伸性和可扩展性，它能通过扩展插件 完成各种事情。其高级脚本接口允许用户通过编写简单的脚本完成从最简单到最复杂的各种图像处理过程。",
      "GIMP is expandable and extensible. It is designed to be augmented with plug-ins and extensions to do just about "
      "anything. The advanced scripting interface allows everything from the simplest task to the most complex image "
      "manipulation procedures to be easily scripted.",
      "1.1. 作者",
      "1.1. Authors",
      "1.2. GIMP 帮助系统",
      "1.2. The GIMP Help system",
      "1.3. 特性和功能",
      "1.3. Features and Capabilities",
      "GIMP 特性与功能预览：",
      "The following list is a short overview of some of the features and capabilities which GIMP offers you:"};
  const std::string clean = bitext::test_support::join_lines(lines);
  CHECK(drifts_in(*bitext::Analysis::run(clean, {})).empty());
  std::vector<std::string> moved = lines;
  moved[7] = "1.1.";
  moved[9] = "Authors 1.2. The GIMP Help system";
  check_one_drift_restores(bitext::test_support::join_lines(moved), clean, bitext::Severity::Information,
                           "The original of pair 5 starts with 'Authors', which belongs to pair 4");
  std::vector<std::string> truncated = lines;
  truncated[7] = "1.1.";
  CHECK(drifts_in(*bitext::Analysis::run(bitext::test_support::join_lines(truncated), {})).empty());
}

// A Chinese title glued to the next heading's number ("12.2.2.3." | "搭建系统12.2.2.4.
// 启动容器"): pair 7 loses words its original does not translate, so its
// shorter heading fitting the length ratio worse does not veto the move
// (title_shed). The Debian handbook's LXC page.
TEST_CASE("with the dictionary, a title glued to the next heading's number goes back to its label alone") {
  if (!load_built_dictionary()) return;
  const std::vector<std::string> lines = {
      "由于内核在主机系统和容器之间共享，因此约束容器的进程仍然可以访问内核消息，如果容器发出消息，这可能会导致信息泄漏;",
      "since the kernel is shared among the host system and the containers, processes constrained to containers can "
      "still access the kernel messages, which can lead to information leaks if messages are emitted by a container;",
      "出于类似原因，如果容器遭到破坏，并且内核漏洞被利用，其他容器也可能受到影响;",
      "for similar reasons, if a container is compromised and a kernel vulnerability is exploited, the other "
      "containers may be affected too;",
      "在文件系统上，内核根据用户和组的数字标识符检查权限；这些标识符可以根据容器指定不同的用户和组，如果文件系统的可写部分在容器之间共享，应牢记这些用户和组。",
      "on the filesystem, the kernel checks permissions according to the numerical identifiers for users and groups; "
      "these identifiers may designate different users and groups depending on the container, which should be kept "
      "in mind if writable parts of the filesystem are shared among containers.",
      "12.2.2.1. 准备步骤",
      "12.2.2.1. Preliminary Steps",
      "12.2.2.2. 网络配置",
      "12.2.2.2. Network Configuration",
      "12.2.2.3. 搭建系统",
      "12.2.2.3. Setting Up the System",
      "12.2.2.4. 启动容器",
      "12.2.2.4. Starting the Container",
      "进阶 大规模虚拟化",
      "GOING FURTHER Mass virtualization",
      "12.2.3. KVM 虚拟化",
      "12.2.3. Virtualization with KVM"};
  const std::string clean = bitext::test_support::join_lines(lines);
  CHECK(drifts_in(*bitext::Analysis::run(clean, {})).empty());
  std::vector<std::string> moved = lines;
  moved[10] = "12.2.2.3.";
  moved[12] = "搭建系统12.2.2.4. 启动容器";
  check_one_drift_restores(bitext::test_support::join_lines(moved), clean, bitext::Severity::Warning,
                           "The translation of pair 7 starts with '搭建系统', which belongs to pair 6");
  std::vector<std::string> truncated = lines;
  truncated[10] = "12.2.2.3.";
  CHECK(drifts_in(*bitext::Analysis::run(bitext::test_support::join_lines(truncated), {})).empty());
}

// The next heading's number moved onto a chapter's heading ("第 14 章 安全14.1."
// | "Chapter 14. Security"): moved back, the Chinese heading counts one
// sentence while "Chapter 14." counts its label's full stop as one more; that
// stop closes no sentence (worded_label_stop), so the move passes the receiver
// test and the translation's side wins over the mirror. The Debian handbook's
// navigation and security pages.
TEST_CASE("with the dictionary, a section number glued to a chapter's heading goes forward to its title") {
  if (!load_built_dictionary()) return;
  const std::vector<std::string> lines = {
      "10.2.1. 创建免费的受信任证书",
      "10.2.1. Creating gratis trusted certificates",
      "10.2.2. 公钥基础设施：easy-rsa",
      "10.2.2. Public Key Infrastructure: easy-rsa",
      "上一页第 10 章 基本网络设置",
      "PrevChapter 10. Network Infrastructure",
      "下一页10.3. 虚拟专用网络",
      "Next10.3. Virtual Private Network",
      "第 14 章 安全",
      "Chapter 14. Security",
      "14.1. 定义安全策略",
      "14.1. Defining a Security Policy",
      "注意 本章所涉及范围",
      "CAUTION Scope of this chapter"};
  const std::string clean = bitext::test_support::join_lines(lines);
  CHECK(drifts_in(*bitext::Analysis::run(clean, {})).empty());
  std::vector<std::string> moved = lines;
  moved[8] = "第 14 章 安全14.1.";
  moved[10] = "定义安全策略";
  check_one_drift_restores(bitext::test_support::join_lines(moved), clean, std::nullopt,
                           "The translation of pair 5 runs on into pair 6: its end '14.1.'");
}

// A lead-in that ends with a colon ("Some common uses are:") moved to the next
// pair while its translation ("常用的有：") stayed: the move that gives the
// original of pair 4 back the colon its translation ends with brings the
// lead-in back (kLeadInMended). The Debian FAQ's dpkg page; without that
// evidence no move is offered, and the clean page has no drift.
TEST_CASE("with the dictionary, a lead-in's colon left on the other side of a pair boundary is a drift") {
  if (!load_built_dictionary()) return;
  const std::vector<std::string> drifted_lines = {
      "有多个工具可以管理 Debian 软件包，从图形或文本界面工具，到用于安装软件包的底层工具。所有可用的工具都依赖底层的工具才能正常工作，这里按照复杂度从高到低排序。",
      "There are multiple tools that are used to manage Debian packages, from graphic or text-based interfaces to the low level tools used to install packages. All the available tools rely on the lower level tools to properly work and are presented here in decreasing complexity level.",
      "很重要的一个知识点是高层的软件包管理工具，例如 aptitude 或 synaptic，依赖 apt，而 apt 又依赖 dpkg 来管理系统中的软件包。",
      "It is important to understand that the higher level package management tools such as aptitude or synaptic rely on apt which, itself, relies on dpkg to manage the packages in the system.",
      "参见 Debian 参考手册的第 2 章 Debian 软件包管理以获得关于 Debian 软件包管理工具的更多信息。该文档有多种语言的翻译以及不同的格式，参见 Debian 用户手册概览中的 Debian 参考手册条目。",
      "See Chapter 2. Debian package management of the Debian reference for more information about the Debian package management utilities. This document is available in various languages and formats, see the Debian Reference entry in the DDP Users' Manuals overview.",
      "这是主要的软件包管理程序。dpkg 支持很多选项。常用的有：",
      "This is the main package management program. dpkg can be invoked with many options.",
      "列出所有选项：dpkg --help。",
      "Some common uses are: Find out all the options: dpkg --help.",
      "打印指定的软件包的控制文件（和其他信息）：dpkg --info foo_VVV-RRR.deb。",
      "Print out the control file (and other information) for a specified package: dpkg --info foo_VVV-RRR.deb.",
      "安装软件包（包括解压缩和配置）到硬盘上的文件系统中：dpkg --install foo_VVV-RRR.deb。",
      "Install a package (including unpacking and configuring) onto the file system of the hard disk: dpkg --install foo_VVV-RRR.deb.",
  };
  std::vector<std::string> lines = drifted_lines;
  lines[7] += " Some common uses are:";
  lines[9] = "Find out all the options: dpkg --help.";
  const std::string clean = bitext::test_support::join_lines(lines);
  CHECK(drifts_in(*bitext::Analysis::run(clean, {})).empty());
  check_one_drift_restores(bitext::test_support::join_lines(drifted_lines), clean, bitext::Severity::Hint,
                           "The original of pair 5 starts with 'Some common uses are:', which belongs to pair 4");
}

// A list of tools, each entry closed by a manual reference in parentheses on
// both sides ("(See automake(1).)", "(参看 automake(1))"): the aside moved to
// the next pair opens its line with no punctuation to cut after it, a lower-case
// word or a Chinese character following. The cut where its bracket closes, and
// the line ends it mends (pair 2's end, pair 3's opening), bring it back on
// either side; main offered only a hint that moved the other side's aside along.
TEST_CASE("with the dictionary, an aside in brackets moved to the next pair goes back to its line's end") {
  if (!load_built_dictionary()) return;
  const std::vector<std::string> lines = {
      "autoconf - 这个工具根据模板生成可移植的配置脚本。(参看 autoconf(1))",
      "autoconf - this tool generates portable configuration scripts from a template. (See autoconf(1).)",
      "automake - 这个工具从 Makefile.am 模板生成 Makefile.in 文件。(参看 automake(1))",
      "automake - this tool generates Makefile.in files from Makefile.am templates. (See automake(1).)",
      "bison - 一个与 yacc 兼容的语法分析器生成工具。(参看 bison(1))",
      "bison - a parser generator that is compatible with yacc. (See bison(1).)",
      "cpio - 这个归档程序可以读写 cpio 和 tar 格式的归档文件。(参看 cpio(1))",
      "cpio - this archiver reads and writes archives in the cpio and tar formats. (See cpio(1).)",
      "flex - 一个快速的词法分析器生成工具，与 lex 兼容。(参看 flex(1))",
      "flex - a fast lexical analyzer generator that is compatible with lex. (See flex(1).)",
      "m4 - 一个宏处理器，许多配置脚本都用它。(参看 m4(1))",
      "m4 - a macro processor that many configuration scripts use. (See m4(1).)"};
  const std::string clean = bitext::test_support::join_lines(lines);
  CHECK(drifts_in(*bitext::Analysis::run(clean, {})).empty());
  // The translation's aside also moves a name and a number that agree with
  // the original of pair 2 after the move: more evidence, a warning.
  struct Case {
    std::size_t here, next;
    std::string kept, opened, message;
    bitext::Severity severity;
  };
  const std::vector<Case> cases = {
      {3, 5, "automake - this tool generates Makefile.in files from Makefile.am templates.",
       "(See automake(1).) bison - a parser generator that is compatible with yacc. (See bison(1).)",
       "The original of pair 3 starts with '(See automake(1).)', which belongs to pair 2", bitext::Severity::Information},
      {2, 4, "automake - 这个工具从 Makefile.am 模板生成 Makefile.in 文件。",
       "(参看 automake(1))bison - 一个与 yacc 兼容的语法分析器生成工具。(参看 bison(1))",
       "The translation of pair 3 starts with '(参看 automake(1))', which belongs to pair 2", bitext::Severity::Warning}};
  for (const Case& c : cases) {
    CAPTURE(c.message);
    std::vector<std::string> moved = lines;
    moved[c.here] = c.kept;
    moved[c.next] = c.opened;
    const std::string drifted = bitext::test_support::join_lines(moved);
    const auto analysis = bitext::Analysis::run(drifted, {});
    const std::vector<const bitext::Finding*> found = drifts_in(*analysis);
    REQUIRE(found.size() == 1);
    CHECK(found.front()->severity == c.severity);
    CHECK(found.front()->message.find(c.message) == 0);
    REQUIRE(!found.front()->fixes.empty());
    CHECK(found.front()->fixes.front().preferred);
    CHECK(bitext::apply_edits(drifted, found.front()->fixes.front().edits) == clean);
  }
}

// The same heading's Chinese title joined to the next line ("上一页12.4." |
// "监控下一页13.2. …"): moved back to the number it was cut from, the title
// follows it after a space, as the heading had it.
TEST_CASE("with the dictionary, a title moved back to its section number takes a space after it") {
  if (!load_built_dictionary()) return;
  std::vector<std::string> lines = workstation_lines();
  REQUIRE(lines[8] == "上一页12.4. 监控");
  const std::string clean = bitext::test_support::join_lines(lines);
  lines[8] = "上一页12.4.";
  lines[10] = "监控" + lines[10];
  const std::string drifted = bitext::test_support::join_lines(lines);
  const auto analysis = bitext::Analysis::run(drifted, {});
  const std::vector<const bitext::Finding*> found = drifts_in(*analysis);
  REQUIRE(found.size() == 1);
  CHECK(found.front()->severity == bitext::Severity::Information);
  const auto restores = [&](const bitext::Fix& fix) { return bitext::apply_edits(drifted, fix.edits) == clean; };
  CHECK(std::any_of(found.front()->fixes.begin(), found.front()->fixes.end(), restores));
}

// A page of the GIMP manual whose first pair lost its Chinese line: the
// heading "5. Distort Filters" is alone before the figure caption "图 17.53.
// 扭曲滤镜菜单" / "Figure 17.53. The Distort filters menu". The caption
// translates the heading's words, but under another number: it is the next
// line on the same subject, not the heading's translation, which would carry
// "5." over. So the heading is reported as a first pair that may have lost its
// line (information), as it is without the dictionary; the clean page is not.
TEST_CASE("with the dictionary, a numbered heading is answered only by a line that carries its number") {
  if (!load_built_dictionary()) return;
  const std::string caption = "图 17.53. 扭曲滤镜菜单\nFigure 17.53. The Distort filters menu\n";
  const auto missing = [](const std::string& text) {
    std::vector<bitext::Finding> found;
    const auto analysis = bitext::Analysis::run(text, {});
    for (const bitext::Finding& finding : analysis->findings())
      if (finding.code.starts_with("missing-")) found.push_back(finding);
    return found;
  };
  const std::vector<bitext::Finding> found = missing("5. Distort Filters\n" + caption);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "missing-translation");
  CHECK(found[0].severity == bitext::Severity::Information);
  CHECK(found[0].message ==
        "Numbered heading on line 1 has no Chinese translation: the first pair may have lost its Chinese line, or it "
        "is the document's header");
  CHECK(missing("5. 扭曲滤镜\n5. Distort Filters\n" + caption).empty());
  // The same words under the heading's own number are its translation.
  CHECK(missing("5. Distort Filters\n5. 扭曲滤镜菜单\n5. The Distort filters menu\n").empty());
}

// A menu whose translations are rotated by one over three items: lengths say
// nothing of one- or two-character labels, and a word a side (0.5 nats each)
// is below information after the prior. Each rotated pair now glosses its
// lines whole, every content word of both sides with a counterpart, which
// the given pairs do not: kWholeLineWeight each. Information (a close list of
// labels may gloss its neighbour by chance), and its fix restores the menu;
// the clean menu gets nothing (main: a hint, evidence 0.5).
TEST_CASE("with the dictionary, a rotated list of menu labels is a shifted block, as each label glosses another whole") {
  if (!load_built_dictionary()) return;
  const std::vector<std::string> lines = {"编辑", "Edit", "撤销", "Undo", "重做", "Redo",
                                          "剪切", "Cut",  "复制", "Copy", "粘贴", "Paste"};
  const std::string clean = bitext::test_support::join_lines(lines);
  CHECK(bitext::Analysis::run(clean, {})->findings().empty());
  std::vector<std::string> rotated = lines;
  rotated[2] = "重做";
  rotated[4] = "剪切";
  rotated[6] = "撤销";
  const std::string shifted = bitext::test_support::join_lines(rotated);
  const auto analysis = bitext::Analysis::run(shifted, {});
  std::vector<const bitext::Finding*> found;
  for (const bitext::Finding& finding : analysis->findings()) found.push_back(&finding);
  REQUIRE(found.size() == 1);
  CHECK(found.front()->code == "shifted-block");
  CHECK(found.front()->severity == bitext::Severity::Information);
  CHECK(found.front()->message ==
        "Pairs 2–4 are paired with their neighbours' translations: the translation of pair 4 '撤销' fits the "
        "original of pair 2 'Undo' (evidence 3.5)");
  REQUIRE(!found.front()->fixes.empty());
  CHECK(found.front()->fixes.front().preferred);
  CHECK(bitext::apply_edits(shifted, found.front()->fixes.front().edits) == clean);
}

// A rerun's content checks use a remembering copy of the dictionary (the words
// around the edit are looked up again at every edit): each rerun, the first
// filling the memory and the next ones answered from it, gives what a full
// run gives. The sample's drifts are warnings by the words that change
// partner (above), so edits next to them rerun what the dictionary decides;
// the calibration rows are more than 1024 pairs (the inference beside).
TEST_CASE("with the dictionary, reruns that remember the words they look up give what runs give") {
  if (!load_built_dictionary()) return;
  std::ifstream in(std::string(BITEXT_SOURCE_DIR) + "/examples/unsupervised-learning-ep1.zh-en.txt", std::ios::binary);
  const std::string sample((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::vector<std::string> rows =
      bitext::test_support::split_lines(bitext::test_support::read_source_file("data/calibration/debian-docs.zh-en.tsv"));
  REQUIRE(rows.size() > 1300);
  std::vector<std::string> calibration;
  for (std::size_t row = 0; row < 1300; ++row) {
    const std::size_t tab = rows[row].find('\t');
    calibration.push_back(rows[row].substr(0, tab));
    calibration.push_back(rows[row].substr(tab + 1, rows[row].find('\t', tab + 1) - tab - 1));
  }
  // (document lines, the lines edited in turn: the sample's 3 header lines, then a Chinese and an English line per pair)
  const std::vector<std::pair<std::vector<std::string>, std::vector<std::uint32_t>>> documents = {
      {bitext::test_support::split_lines(sample), {3 + 2 * 38 + 1, 3 + 2 * 38 + 1, 3 + 2 * 41, 3 + 2 * 76 + 1, 3 + 2 * 38}},
      {calibration, {2 * 650 + 1, 2 * 650 + 1, 2 * 650, 2 * 652 + 1}}};
  int edit = 0;
  for (auto [lines, edited] : documents) {
    auto previous = bitext::Analysis::run(bitext::test_support::join_lines(lines), {});
    for (const std::uint32_t line : edited) {
      CAPTURE(line);
      std::size_t at = lines[line].size() / 2;  // inside the line, at a character's start
      while (at > 0 && (static_cast<unsigned char>(lines[line][at]) & 0xC0) == 0x80) --at;
      lines[line].insert(at, ++edit % 2 == 0 ? "的" : "x");
      const std::string document = bitext::test_support::join_lines(lines);
      const auto rerun = bitext::Analysis::rerun(*previous, std::make_shared<const std::string>(document),
                                                 {{line, 1, 1}}, {}, bitext::Analysis::PreviousWork::Release);
      bitext::test_support::check_same_analysis(*rerun, *bitext::Analysis::run(document, {}));
      previous = rerun;
    }
  }
}

TEST_CASE("with the dictionary, the structural checks remember the words they look up: checked again, no page is read") {
  if (!load_built_dictionary()) return;
  const std::string path = (std::filesystem::path(BITEXT_BINARY).parent_path() / "cedict.lex").string();
  // "Zoom tool" and "click" merged, pair 3's English line gone: the merged
  // reading asks the dictionary which partner each word translates.
  const std::string text =
      "缩放工具 — Key reference for the Zoom tool\nZoom tool — Key reference for the Zoom tool\n缩放工具\n"
      "Zoom tool click\n点击\n鼠标拖拽\nmouse drag\n";
  const bitext::CheckOptions options;
  const bitext::LineIndex index(text);
  const bitext::Transcript transcript = bitext::parse_transcript(index, options);
  auto split_line_at_4 = [&] {
    const std::vector<bitext::Finding> findings = bitext::structural_checks(transcript, index, options);
    return std::count_if(findings.begin(), findings.end(), [&](const bitext::Finding& finding) {
      return finding.code == "split-line" && finding.begin == index.line_start(3);
    });
  };
  CHECK(split_line_at_4() == 1);
  Lexicon::shared()->release_pages();
  REQUIRE(resident_kb_of_mapping(path) == 0);
  // The server checks the document again at every edit (the same words):
  // they are answered from memory, not from the image's pages.
  CHECK(split_line_at_4() == 1);
  CHECK(resident_kb_of_mapping(path) == 0);
}
