// parse_transcript: languages, order, front/back matter, pairing robustness;
// and the Transcript helpers (first/last line, pair_of_line, preview).
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/language_tags.hpp"
#include "bitext/pairing.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"

#include "bitext/lexicon.hpp"
#include "core/pairing_detail.hpp"
#include "core/pairing_memo.hpp"
#include "core/split_evidence.hpp"
#include "support/sentence_pairs.hpp"

using namespace bitext;

namespace {

const auto& kPairs = test_support::kSentencePairs;

std::string join(const std::vector<std::string>& lines, std::string_view eol = "\n") {
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) text += eol;
    text += lines[i];
  }
  return text;
}

// zh, en, zh, en, ... for the first `count` pairs.
std::vector<std::string> zh_en_lines(std::size_t count = kPairs.size()) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < count; ++i) {
    lines.push_back(kPairs[i].first);
    lines.push_back(kPairs[i].second);
  }
  return lines;
}

std::vector<std::string> en_zh_lines(std::size_t count = kPairs.size()) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < count; ++i) {
    lines.push_back(kPairs[i].second);
    lines.push_back(kPairs[i].first);
  }
  return lines;
}

Transcript parse(const std::string& text, const CheckOptions& options = {}) {
  const LineIndex index(text);
  return parse_transcript(index, options);
}

using Lines = std::vector<std::uint32_t>;

}  // namespace

TEST_CASE("a version keeps a line record per line and a pair per pair: their small fields share words") {
  // docs/performance.md (mem12): each 8 bytes here is ~0.25 MB per version of
  // a 10 MB document, and the server holds two versions while it reruns.
  CHECK(sizeof(TranscriptLine) <= 48);  // 56 with `kind` after the script profile
  CHECK(sizeof(Pair) <= 88);            // 112 with the speaker a std::string, 144 with the ranges in std::vectors
}

TEST_CASE("a pair's speaker name is one pointer, shared by its copies, read as a string") {
  CHECK(sizeof(SharedString) == sizeof(void*));
  const SharedString none;
  CHECK(none.empty());
  CHECK(none.str().empty());
  CHECK(SharedString(std::string()).empty());
  const SharedString ann(std::string("Ann"));
  const SharedString copy = ann;
  CHECK(copy.data() == ann.data());  // one copy of the text
  CHECK(copy == ann);
  CHECK(SharedString("Ann") == ann);  // equal by text, not by copy
  CHECK(ann == "Ann");
  CHECK(ann == std::string("Ann"));
  CHECK(std::string_view(ann) == "Ann");
  CHECK(ann != SharedString("Bo"));
  const std::string& read = ann;
  CHECK(read == "Ann");
  SharedString cleared = ann;
  cleared.clear();
  CHECK(cleared.empty());
  CHECK(ann.str() == "Ann");  // the other copies keep it
  // A labelled document's pairs of one speaker share the name.
  std::ifstream file(std::string(BITEXT_SOURCE_DIR) + "/tests/fixtures/speakers/lines-colon.txt", std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  const auto analysis = Analysis::run(text, CheckOptions{});
  const std::vector<Pair>& pairs = analysis->transcript().pairs;
  std::size_t shared = 0;
  for (std::size_t i = 0; i < pairs.size(); ++i)
    for (std::size_t j = i + 1; j < pairs.size(); ++j)
      if (!pairs[i].speaker.empty() && pairs[i].speaker == pairs[j].speaker) {
        CHECK(pairs[i].speaker.data() == pairs[j].speaker.data());
        ++shared;
      }
  CHECK(shared > 0);
}

TEST_CASE("a side's text ranges are one pointer, null when there are none, and copied whole") {
  CHECK(sizeof(TextRanges) == sizeof(void*));
  const TextRanges none;
  CHECK(none.empty());
  CHECK(none.begin() == none.end());
  const std::vector<TextRange> two{{3, 7}, {9, 12}};
  TextRanges ranges(two);
  REQUIRE(ranges.size() == 2);
  CHECK(ranges.front().begin == 3);
  CHECK(ranges[1].end == 12);
  TextRanges copy = ranges;
  ranges = TextRanges(std::vector<TextRange>{{1, 2}});
  REQUIRE(copy.size() == 2);  // its own copy
  CHECK((copy[0].begin == 3 && copy[0].end == 7 && copy[1].begin == 9 && copy[1].end == 12));
  REQUIRE(ranges.size() == 1);
  CHECK(ranges[0].end == 2);
  ranges = none;
  CHECK(ranges.empty());
  TextRanges moved = std::move(copy);
  CHECK(moved.size() == 2);
  std::size_t total = 0;
  for (const TextRange& range : moved) total += range.end - range.begin;
  CHECK(total == 7);
}

TEST_CASE("a clean zh/en transcript pairs each Chinese line with the English line after it") {
  const std::string text = join(zh_en_lines());
  const Transcript transcript = parse(text);
  CHECK(transcript.translation_script == Script::Han);
  CHECK(transcript.original_script == Script::Latin);
  CHECK(transcript.order == LineOrder::TranslationFirst);
  CHECK(transcript.front_matter.empty());
  CHECK(transcript.back_matter.empty());
  REQUIRE(transcript.pairs.size() == 20);
  REQUIRE(transcript.lines.size() == 40);
  for (std::uint32_t i = 0; i < 20; ++i) {
    const Pair& pair = transcript.pairs[i];
    CHECK(pair.index == i);
    CHECK(pair.translation == Lines{2 * i});
    CHECK(pair.original == Lines{2 * i + 1});
    // No labels, and no change of speaker to infer (one voice throughout): no speaker.
    CHECK(pair.speaker_index == -1);
    CHECK(pair.speaker.empty());
    CHECK(transcript.lines[2 * i].kind == LineKind::Translation);
    CHECK(transcript.lines[2 * i + 1].kind == LineKind::Original);
    CHECK(transcript.lines[2 * i].pair == static_cast<std::int32_t>(i));
    CHECK(transcript.lines[2 * i + 1].pair == static_cast<std::int32_t>(i));
  }
  // Byte ranges of a line's content.
  CHECK(transcript.lines[0].begin == 0);
  CHECK(transcript.lines[0].end == kPairs[0].first.size());
  CHECK(transcript.lines[1].begin == kPairs[0].first.size() + 1);
  CHECK(transcript.lines[0].script.dominant == Script::Han);
  CHECK(transcript.lines[1].script.dominant == Script::Latin);
}

TEST_CASE("roles by language: an English-first document keeps Chinese as the translation") {
  const std::string text = join(en_zh_lines(6));

  SUBCASE("auto: the script that is not Latin is the translation, English comes first") {
    const Transcript transcript = parse(text);
    CHECK(transcript.order == LineOrder::OriginalFirst);
    CHECK(transcript.translation_cue == TranslationCue::NotLatin);
    CHECK(transcript.translation_script == Script::Han);
    CHECK(transcript.original_script == Script::Latin);
    REQUIRE(transcript.pairs.size() == 6);
    CHECK(transcript.pairs[3].original == Lines{6});
    CHECK(transcript.pairs[3].translation == Lines{7});
    CHECK(transcript.lines[6].kind == LineKind::Original);
    CHECK(transcript.lines[7].kind == LineKind::Translation);
  }
  SUBCASE("original-first override: English is the original, Chinese the translation") {
    CheckOptions options;
    options.order = LineOrder::OriginalFirst;
    const Transcript transcript = parse(text, options);
    CHECK(transcript.order == LineOrder::OriginalFirst);
    CHECK(transcript.translation_cue == TranslationCue::Order);
    CHECK(transcript.translation_script == Script::Han);
    CHECK(transcript.original_script == Script::Latin);
    REQUIRE(transcript.pairs.size() == 6);
    CHECK(transcript.pairs[3].original == Lines{6});
    CHECK(transcript.pairs[3].translation == Lines{7});
    CHECK(transcript.lines[6].kind == LineKind::Original);
    CHECK(transcript.lines[7].kind == LineKind::Translation);
  }
  SUBCASE("translation-first override: the side that comes first, English, is the translation") {
    CheckOptions options;
    options.order = LineOrder::TranslationFirst;
    const Transcript transcript = parse(text, options);
    CHECK(transcript.order == LineOrder::TranslationFirst);
    CHECK(transcript.translation_cue == TranslationCue::Order);
    CHECK(transcript.translation_script == Script::Latin);
    REQUIRE(transcript.pairs.size() == 6);
    CHECK(transcript.pairs[3].translation == Lines{6});
    CHECK(transcript.pairs[3].original == Lines{7});
  }
  SUBCASE("translation_language en: English is the translation, and comes first") {
    CheckOptions options;
    options.translation_language = "en";
    const Transcript transcript = parse(text, options);
    CHECK(transcript.order == LineOrder::TranslationFirst);
    CHECK(transcript.translation_cue == TranslationCue::Option);
    CHECK(transcript.translation_script == Script::Latin);
    CHECK(transcript.original_script == Script::Han);
    REQUIRE(transcript.pairs.size() == 6);
    CHECK(transcript.pairs[3].translation == Lines{6});
    CHECK(transcript.pairs[3].original == Lines{7});
  }
  SUBCASE("translation_language zh-Hans: as auto, named by the option") {
    CheckOptions options;
    options.translation_language = "zh-Hans";
    const Transcript transcript = parse(text, options);
    CHECK(transcript.order == LineOrder::OriginalFirst);
    CHECK(transcript.translation_cue == TranslationCue::Option);
    CHECK(transcript.translation_script == Script::Han);
  }
  SUBCASE("a language the document is not in is no cue: auto decides") {
    CheckOptions options;
    options.translation_language = "ja";
    const Transcript transcript = parse(text, options);
    CHECK(transcript.translation_cue == TranslationCue::NotLatin);
    CHECK(transcript.translation_script == Script::Han);
  }
  SUBCASE("the file name's first language tag is the translation") {
    CheckOptions options;
    options.document_name = "/home/me/talks/episode-3.en-zh.txt";
    const Transcript en = parse(text, options);
    CHECK(en.translation_cue == TranslationCue::FileName);
    CHECK(en.translation_script == Script::Latin);
    CHECK(en.order == LineOrder::TranslationFirst);
    options.document_name = "file:///home/me/talks/episode-3.zh-CN.txt";
    const Transcript zh = parse(text, options);
    CHECK(zh.translation_cue == TranslationCue::FileName);
    CHECK(zh.translation_script == Script::Han);
    CHECK(zh.order == LineOrder::OriginalFirst);
    options.document_name = "episode-3.txt";  // no tag
    CHECK(parse(text, options).translation_cue == TranslationCue::NotLatin);
  }
}

TEST_CASE("roles by language: a header and footer in English make English the translation") {
  // Short, title-like lines: a header or footer rather than lines that lost their partner.
  std::vector<std::string> lines = {"Episode 12", "Show notes"};
  for (const std::string& line : zh_en_lines(8)) lines.push_back(line);
  lines.push_back("Thanks for listening");
  lines.push_back("See you soon");
  const Transcript transcript = parse(join(lines));
  CHECK(transcript.front_matter == Lines{0, 1});
  CHECK(transcript.back_matter == Lines{18, 19});
  CHECK(transcript.translation_cue == TranslationCue::Matter);
  CHECK(transcript.translation_script == Script::Latin);
  CHECK(transcript.order == LineOrder::OriginalFirst);
  REQUIRE(transcript.pairs.size() == 8);
  CHECK(transcript.pairs[0].original == Lines{2});
  CHECK(transcript.pairs[0].translation == Lines{3});

  SUBCASE("the file name is a stronger cue than the header") {
    CheckOptions options;
    options.document_name = "notes.zh.txt";
    const Transcript named = parse(join(lines), options);
    CHECK(named.translation_cue == TranslationCue::FileName);
    CHECK(named.translation_script == Script::Han);
  }
  SUBCASE("one header line is no cue (often the original's title)") {
    std::vector<std::string> one(lines.begin() + 1, lines.end() - 2);
    const Transcript titled = parse(join(one));
    CHECK(titled.front_matter == Lines{0});
    CHECK(titled.translation_cue == TranslationCue::NotLatin);
    CHECK(titled.translation_script == Script::Han);
  }
}

TEST_CASE("order: translation-first override on a Chinese-first document is the same as auto") {
  const std::string text = join(zh_en_lines(5));
  CheckOptions options;
  options.order = LineOrder::TranslationFirst;
  const Transcript forced = parse(text, options);
  const Transcript automatic = parse(text);
  CHECK(forced.order == LineOrder::TranslationFirst);
  CHECK(forced.translation_script == Script::Han);
  REQUIRE(forced.pairs.size() == automatic.pairs.size());
  for (std::size_t i = 0; i < forced.pairs.size(); ++i) {
    CHECK(forced.pairs[i].translation == automatic.pairs[i].translation);
    CHECK(forced.pairs[i].original == automatic.pairs[i].original);
  }
}

TEST_CASE("order: the majority decides even when the first pair is swapped") {
  std::vector<std::string> lines = zh_en_lines(10);
  std::swap(lines[0], lines[1]);  // en, zh, then zh, en ...
  const Transcript transcript = parse(join(lines));
  CHECK(transcript.translation_script == Script::Han);
  CHECK(transcript.original_script == Script::Latin);
  REQUIRE(transcript.pairs.size() == 10);
  CHECK(transcript.pairs[0].translation == Lines{1});
  CHECK(transcript.pairs[0].original == Lines{0});
  CHECK(transcript.pairs[1].translation == Lines{2});
  CHECK(transcript.pairs[1].original == Lines{3});
}

TEST_CASE("front and back matter: short lines before the first pair and after the last") {
  std::vector<std::string> lines = {"本集简介", "双语字幕"};
  for (const std::string& line : zh_en_lines(5)) lines.push_back(line);
  lines.push_back("关于 Bayt 播客");  // mixed: four Han and four Latin letters
  lines.push_back("Bayt 提供中文和原文双语字幕。");
  const Transcript transcript = parse(join(lines));
  CHECK(transcript.front_matter == Lines{0, 1});
  CHECK(transcript.back_matter == Lines{12, 13});
  REQUIRE(transcript.pairs.size() == 5);
  CHECK(transcript.pairs[0].translation == Lines{2});
  CHECK(transcript.pairs[0].original == Lines{3});
  CHECK(transcript.pairs[4].translation == Lines{10});
  CHECK(transcript.pairs[4].original == Lines{11});
  CHECK(transcript.lines[0].kind == LineKind::FrontMatter);
  CHECK(transcript.lines[1].kind == LineKind::FrontMatter);
  CHECK(transcript.lines[12].kind == LineKind::BackMatter);
  CHECK(transcript.lines[13].kind == LineKind::BackMatter);
  CHECK(transcript.lines[12].pair == -1);
  CHECK(transcript.lines[12].script.mixed);
}

TEST_CASE("a lone Chinese line of ordinary length before the pairs is a missing original, not a header") {
  std::vector<std::string> lines = {"这是一个完整的句子，但是没有英文原文。"};
  for (const std::string& line : zh_en_lines(8)) lines.push_back(line);
  const Transcript transcript = parse(join(lines));
  CHECK(transcript.front_matter.empty());
  REQUIRE(transcript.pairs.size() == 9);
  CHECK(transcript.pairs[0].translation == Lines{0});
  CHECK(transcript.pairs[0].original.empty());
  CHECK(transcript.pairs[1].translation == Lines{1});
  CHECK(transcript.pairs[1].original == Lines{2});
}

TEST_CASE("a lone short title before the pairs is front matter") {
  std::vector<std::string> lines = {"第一集"};
  for (const std::string& line : zh_en_lines(8)) lines.push_back(line);
  const Transcript transcript = parse(join(lines));
  CHECK(transcript.front_matter == Lines{0});
  REQUIRE(transcript.pairs.size() == 8);
  CHECK(transcript.pairs[0].translation == Lines{1});
  CHECK(transcript.pairs[0].original == Lines{2});
}

TEST_CASE("a first translation that copies its original is that original's pair, not a header") {
  std::vector<std::string> lines = {"Network settings", "Network settings"};
  for (const std::string& line : zh_en_lines(8)) lines.push_back(line);
  const Transcript transcript = parse(join(lines));
  CHECK(transcript.front_matter.empty());
  REQUIRE(transcript.pairs.size() == 9);
  CHECK(transcript.pairs[0].translation == Lines{0});
  CHECK(transcript.pairs[0].original == Lines{1});
  CHECK(transcript.pairs[1].translation == Lines{2});
  CHECK(transcript.pairs[1].original == Lines{3});
}

TEST_CASE("a last line that ends like a sentence is a missing original; the same words as a title are a footer") {
  std::vector<std::string> lines = zh_en_lines(17);
  SUBCASE("sentence") {
    lines.push_back("今天就到这里。");
    const Transcript transcript = parse(join(lines));
    CHECK(transcript.back_matter.empty());
    REQUIRE(transcript.pairs.size() == 18);
    CHECK(transcript.pairs[17].translation == Lines{34});
    CHECK(transcript.pairs[17].original.empty());
  }
  SUBCASE("title") {
    lines.push_back("今天就到这里");
    const Transcript transcript = parse(join(lines));
    CHECK(transcript.back_matter == Lines{34});
    CHECK(transcript.pairs.size() == 17);
  }
}

TEST_CASE("a last line that ends with a colon is a pair's line that lost its partner, not a footer") {
  // A lead-in announces what follows it, and nothing follows the last line.
  SUBCASE("after many pairs") {
    std::vector<std::string> lines = zh_en_lines(17);
    lines.push_back("今天就到这里：");
    const Transcript transcript = parse(join(lines));
    CHECK(transcript.back_matter.empty());
    REQUIRE(transcript.pairs.size() == 18);
    CHECK(transcript.pairs[17].translation == Lines{34});
    CHECK(transcript.pairs[17].original.empty());
  }
  SUBCASE("a document of one pair and the lone line") {
    const Transcript transcript = parse(join({"这份说明适用于所有版本，也适用于以后的版本。",
                                              "These notes apply to every version, and to the versions after it.",
                                              "更多内容请参见以下两篇文档："}));
    CHECK(transcript.back_matter.empty());
    REQUIRE(transcript.pairs.size() == 2);
    CHECK(transcript.pairs[1].translation == Lines{2});
    CHECK(transcript.pairs[1].original.empty());
  }
}

TEST_CASE("a first line that ends like a sentence is a missing original, not a header") {
  std::vector<std::string> lines = zh_en_lines(17);
  lines.insert(lines.begin(), "今天就到这里。");
  const Transcript transcript = parse(join(lines));
  CHECK(transcript.front_matter.empty());
  REQUIRE(transcript.pairs.size() == 18);
  CHECK(transcript.pairs[0].translation == Lines{0});
  CHECK(transcript.pairs[0].original.empty());
  CHECK(transcript.pairs[1].translation == Lines{1});
  CHECK(transcript.pairs[1].original == Lines{2});
}

TEST_CASE("a swapped last pair whose lines fit each other is a swapped pair, not a footer") {
  std::vector<std::string> lines = zh_en_lines(17);  // the last pair: "请在这里签名。" / "Please sign here."
  std::swap(lines[32], lines[33]);
  const Transcript transcript = parse(join(lines));
  CHECK(transcript.back_matter.empty());
  REQUIRE(transcript.pairs.size() == 17);
  CHECK(transcript.pairs[16].translation == Lines{33});
  CHECK(transcript.pairs[16].original == Lines{32});
}

TEST_CASE("a footer in both languages whose lines do not fit as a pair stays a footer") {
  std::vector<std::string> lines = zh_en_lines(17);
  lines.push_back("Transcript: Bayt Studio");  // far too long for "完" as a pair
  lines.push_back("完");
  const Transcript transcript = parse(join(lines));
  CHECK(transcript.back_matter == Lines{34, 35});
  CHECK(transcript.pairs.size() == 17);
}

TEST_CASE("robust: one missing English line in the middle leaves every later pair paired right") {
  std::vector<std::string> lines = zh_en_lines(20);
  lines.erase(lines.begin() + 21);  // the English of pair 11 (index 10)
  const Transcript transcript = parse(join(lines));
  REQUIRE(transcript.pairs.size() == 20);
  for (std::uint32_t i = 0; i < 10; ++i) {
    CHECK(transcript.pairs[i].translation == Lines{2 * i});
    CHECK(transcript.pairs[i].original == Lines{2 * i + 1});
  }
  CHECK(transcript.pairs[10].translation == Lines{20});
  CHECK(transcript.pairs[10].original.empty());
  for (std::uint32_t i = 11; i < 20; ++i) {
    CHECK(transcript.pairs[i].translation == Lines{2 * i - 1});
    CHECK(transcript.pairs[i].original == Lines{2 * i});
  }
}

TEST_CASE("robust: one missing Chinese line in the middle") {
  std::vector<std::string> lines = zh_en_lines(20);
  lines.erase(lines.begin() + 14);  // the Chinese of pair 8 (index 7)
  const Transcript transcript = parse(join(lines));
  REQUIRE(transcript.pairs.size() == 20);
  CHECK(transcript.pairs[6].translation == Lines{12});
  CHECK(transcript.pairs[6].original == Lines{13});
  CHECK(transcript.pairs[7].translation.empty());
  CHECK(transcript.pairs[7].original == Lines{14});
  for (std::uint32_t i = 8; i < 20; ++i) {
    CHECK(transcript.pairs[i].translation == Lines{2 * i - 1});
    CHECK(transcript.pairs[i].original == Lines{2 * i});
  }
}

TEST_CASE("a line split in two becomes a two-line side; identical consecutive lines too") {
  SUBCASE("split Chinese line") {
    std::vector<std::string> lines = zh_en_lines(10);
    lines[16] = "我们下周开会，";  // pair 9 (index 8), once "我们下周开会讨论这个计划。"
    lines.insert(lines.begin() + 17, "讨论这个计划。");
    const Transcript transcript = parse(join(lines));
    REQUIRE(transcript.pairs.size() == 10);
    CHECK(transcript.pairs[7].translation == Lines{14});
    CHECK(transcript.pairs[7].original == Lines{15});
    CHECK(transcript.pairs[8].translation == Lines{16, 17});
    CHECK(transcript.pairs[8].original == Lines{18});
    CHECK(transcript.pairs[9].translation == Lines{19});
    CHECK(transcript.pairs[9].original == Lines{20});
  }
  SUBCASE("duplicated English line of the first pair") {
    std::vector<std::string> lines = zh_en_lines(3);
    lines.insert(lines.begin() + 2, lines[1]);
    const Transcript transcript = parse(join(lines));
    REQUIRE(transcript.pairs.size() == 3);
    CHECK(transcript.front_matter.empty());
    CHECK(transcript.pairs[0].translation == Lines{0});
    CHECK(transcript.pairs[0].original == Lines{1, 2});
    CHECK(transcript.pairs[1].translation == Lines{3});
  }
  SUBCASE("duplicated English line") {
    std::vector<std::string> lines = zh_en_lines(10);
    lines.insert(lines.begin() + 6, lines[5]);
    const Transcript transcript = parse(join(lines));
    REQUIRE(transcript.pairs.size() == 10);
    CHECK(transcript.pairs[2].translation == Lines{4});
    CHECK(transcript.pairs[2].original == Lines{5, 6});
    CHECK(transcript.pairs[3].translation == Lines{7});
  }
}

// Sentence counts decide between a split line and a lone line where lengths
// cannot: every other pair of these documents has one sentence a side, so a
// side with a sentence more than its partner (counting its commas as possible
// sentence ends) is unlikely.
TEST_CASE("sentences: a short first sentence broken off a line is a split, not a missing original") {
  std::vector<std::string> lines = zh_en_lines(20);
  // Pair 11 (index 10) was "对。图书馆周六也开门。" / "Yes. It opens on Saturdays.". By length
  // alone "图书馆周六也开门。" fits the English as well as the whole line does.
  lines[20] = "对。";
  lines[21] = "图书馆周六也开门。";
  lines.insert(lines.begin() + 22, "Yes. It opens on Saturdays.");
  const Transcript transcript = parse(join(lines));
  REQUIRE(transcript.pairs.size() == 20);
  CHECK(transcript.pairs[9].translation == Lines{18});
  CHECK(transcript.pairs[9].original == Lines{19});
  CHECK(transcript.pairs[10].translation == Lines{20, 21});
  CHECK(transcript.pairs[10].original == Lines{22});
  CHECK(transcript.pairs[11].translation == Lines{23});
  CHECK(transcript.pairs[11].original == Lines{24});
}

TEST_CASE("sentences: \"OK.\" ends a sentence, so \"好。\" broken off its line is a split") {
  std::vector<std::string> lines = zh_en_lines(20);
  // Pair 11 (index 10) was "好。快去洗吧。" / "OK. Go and have your shower.". Read as one
  // sentence (ICU's "OK." abbreviation), the English would fit "快去洗吧。" alone
  // better than the two Chinese lines together, and "好。" would be a lone line.
  lines[20] = "好。";
  lines[21] = "快去洗吧。";
  lines.insert(lines.begin() + 22, "OK. Go and have your shower.");
  const Transcript transcript = parse(join(lines));
  REQUIRE(transcript.pairs.size() == 20);
  CHECK(transcript.pairs[9].translation == Lines{18});
  CHECK(transcript.pairs[9].original == Lines{19});
  CHECK(transcript.pairs[10].translation == Lines{20, 21});
  CHECK(transcript.pairs[10].original == Lines{22});
  CHECK(transcript.pairs[11].translation == Lines{23});
  CHECK(transcript.pairs[11].original == Lines{24});
}

TEST_CASE("sentences: an original split between sentences that its translation has both of is a split") {
  // The eval corpus's talk ends "好,时间到了。谢谢大家!" / "All right, we're out of time.
  // Thank you, everyone!", here with the English split between its sentences.
  // The spans overlap either way (the comma may stand for a full stop), and by
  // length "All right, we're out of time." alone fits the short Chinese line
  // better; read so, though, the Chinese keeps a sentence without a
  // counterpart, while the two English lines together have its two sentences,
  // as most pairs of this talk have as many sentences a side.
  std::ifstream file(std::string(BITEXT_SOURCE_DIR) + "/tests/eval/corpus/talk-databases.zh-en.txt",
                     std::ios::binary);
  REQUIRE(file);
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const std::string last = "All right, we're out of time. Thank you, everyone!";
  const std::size_t at = text.rfind(last);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.substr(at + last.size()) == "\n");  // the last line
  text.replace(at, last.size(), "All right, we're out of time.\nThank you, everyone!");
  const Transcript transcript = parse(text);
  REQUIRE(transcript.pairs.size() == 46);  // 92 lines, 46 pairs, no header or footer
  CHECK(transcript.pairs[44].translation == Lines{88});
  CHECK(transcript.pairs[44].original == Lines{89});
  CHECK(transcript.pairs[45].translation == Lines{90});
  CHECK(transcript.pairs[45].original == Lines{91, 92});
  CHECK(transcript.back_matter.empty());
}

TEST_CASE("sentences: an original with a sentence more than its translation is followed by a lone line") {
  std::vector<std::string> lines = zh_en_lines(20);
  // Pairs 11 and 12 (index 10, 11): "差不多十一点。火车晚点了。" / "About eleven. The train
  // was late." and "又晚点了？" / "Late again?", whose Chinese line is deleted.
  lines[20] = "差不多十一点。火车晚点了。";
  lines[21] = "About eleven. The train was late.";
  lines[22] = "Late again?";
  lines.erase(lines.begin() + 23);  // the English of pair 12 in zh_en_lines
  const Transcript transcript = parse(join(lines));
  REQUIRE(transcript.pairs.size() == 20);
  CHECK(transcript.pairs[10].translation == Lines{20});
  CHECK(transcript.pairs[10].original == Lines{21});
  CHECK(transcript.pairs[11].translation.empty());
  CHECK(transcript.pairs[11].original == Lines{22});
  CHECK(transcript.pairs[12].translation == Lines{23});
  CHECK(transcript.pairs[12].original == Lines{24});
}

TEST_CASE("clauses: an original with a clause more than its translation is followed by a lone line") {
  std::vector<std::string> lines = zh_en_lines(20);
  // "对了，妹妹来电话了。" / "Oh, your sister called." then "她说什么？" / "What did
  // she say?", whose Chinese line is deleted. Sentences alone cannot tell (the
  // comma may end a sentence in English); two clauses a side can.
  lines[20] = "对了，妹妹来电话了。";
  lines[21] = "Oh, your sister called.";
  lines[22] = "What did she say?";
  lines.erase(lines.begin() + 23);
  const Transcript transcript = parse(join(lines));
  REQUIRE(transcript.pairs.size() == 20);
  CHECK(transcript.pairs[10].translation == Lines{20});
  CHECK(transcript.pairs[10].original == Lines{21});
  CHECK(transcript.pairs[11].translation.empty());
  CHECK(transcript.pairs[11].original == Lines{22});
}

TEST_CASE("clauses: an enumeration comma is not a clause") {
  std::vector<std::string> lines = zh_en_lines(20);
  // Pair 11 (index 10) was "对。我们一起浇水、收菜。" / "Yes. We water and harvest together."
  // Counted as a clause, "、" would let "我们一起浇水、收菜。" match the English's two
  // sentences alone, and "对。" would look like a line that lost its original.
  lines[20] = "对。";
  lines[21] = "我们一起浇水、收菜。";
  lines.insert(lines.begin() + 22, "Yes. We water and harvest together.");
  const Transcript transcript = parse(join(lines));
  REQUIRE(transcript.pairs.size() == 20);
  CHECK(transcript.pairs[10].translation == Lines{20, 21});
  CHECK(transcript.pairs[10].original == Lines{22});
  CHECK(transcript.pairs[11].translation == Lines{23});
}

TEST_CASE("numbers: a line whose number its neighbour's partner lacks is a lone line, not the start of a split") {
  std::vector<std::string> lines = zh_en_lines(20);
  // A pair whose English is lost ("房租是3500元，"), then a pair that would take
  // it as the first part of a split line: the break after a comma and the
  // lengths say split; 3500, absent from the English, says otherwise.
  lines[20] = "房租是3500元，";
  lines[21] = "那时候只有三个人。";
  lines.insert(lines.begin() + 22, "At that time there were only three of us.");
  const Transcript transcript = parse(join(lines));
  REQUIRE(transcript.pairs.size() == 21);
  CHECK(transcript.pairs[10].translation == Lines{20});
  CHECK(transcript.pairs[10].original.empty());
  CHECK(transcript.pairs[11].translation == Lines{21});
  CHECK(transcript.pairs[11].original == Lines{22});
  CHECK(transcript.pairs[12].translation == Lines{23});
}

TEST_CASE("blank lines separate nothing and are ignored by pairing") {
  const std::string text = kPairs[0].first + "\n\n" + kPairs[0].second + "\n\n\n" + kPairs[1].first + "\n" +
                           kPairs[1].second + "\n   \n" + kPairs[2].first + "\n" + kPairs[2].second + "\n";
  const Transcript transcript = parse(text);
  REQUIRE(transcript.lines.size() == 11);  // the text ends with a line end: an empty last line
  REQUIRE(transcript.pairs.size() == 3);
  CHECK(transcript.pairs[0].translation == Lines{0});
  CHECK(transcript.pairs[0].original == Lines{2});
  CHECK(transcript.pairs[1].translation == Lines{5});
  CHECK(transcript.pairs[1].original == Lines{6});
  CHECK(transcript.pairs[2].translation == Lines{8});
  CHECK(transcript.pairs[2].original == Lines{9});
  for (const std::uint32_t blank : {1u, 3u, 4u, 7u, 10u}) CHECK(transcript.lines[blank].kind == LineKind::Blank);
}

TEST_CASE("subtitle markup (cue numbers, timings) is set aside") {
  const std::string text = "1\n00:00:01,000 --> 00:00:02,500\n" + kPairs[0].first + "\n" + kPairs[0].second +
                           "\n\n2\n00:00:03,000 --> 00:00:04,000\n" + kPairs[1].first + "\n" + kPairs[1].second;
  const Transcript transcript = parse(text);
  REQUIRE(transcript.pairs.size() == 2);
  CHECK(transcript.lines[0].kind == LineKind::Markup);
  CHECK(transcript.lines[1].kind == LineKind::Markup);
  CHECK(transcript.lines[5].kind == LineKind::Markup);
  CHECK(transcript.lines[6].kind == LineKind::Markup);
  CHECK(transcript.pairs[0].translation == Lines{2});
  CHECK(transcript.pairs[0].original == Lines{3});
  CHECK(transcript.pairs[1].translation == Lines{7});
  CHECK(transcript.pairs[1].original == Lines{8});
  CHECK(transcript.front_matter.empty());
}

TEST_CASE("a speaker label alone opens a turn between pairs; one inside a pair is that pair's side") {
  SUBCASE("between pairs (English before it, Chinese after it): a label, set aside") {
    const std::string text = kPairs[0].first + "\n" + kPairs[0].second + "\n米拉：\n" + kPairs[1].first + "\n" +
                             kPairs[1].second + "\n鲍勃：\n" + kPairs[2].first + "\n" + kPairs[2].second + "\n";
    const Transcript transcript = parse(text);
    REQUIRE(transcript.pairs.size() == 3);
    CHECK(transcript.lines[2].kind == LineKind::Markup);
    CHECK(transcript.lines[5].kind == LineKind::Markup);
    CHECK(transcript.pairs[1].translation == Lines{3});
    CHECK(transcript.pairs[1].original == Lines{4});
  }
  SUBCASE("English on both sides (a translation cut to its colon): the pair's translation") {
    // Tuning split, 100-pair documents: "DNS 域名：" cut from "DNS 域名：falcot.com".
    const std::string text = kPairs[0].first + "\n" + kPairs[0].second + "\nDNS 域名：\nDNS domain name: falcot.com\n" +
                             kPairs[1].first + "\n" + kPairs[1].second + "\n";
    const Transcript transcript = parse(text);
    REQUIRE(transcript.pairs.size() == 3);
    CHECK(transcript.lines[2].kind != LineKind::Markup);
    CHECK(transcript.pairs[1].translation == Lines{2});
    CHECK(transcript.pairs[1].original == Lines{3});
    // The cached reading is still the line's own (a label): it depends on nothing else.
    const LineIndex index(text);
    std::vector<ScriptProfile> profiles(index.line_count());
    for (std::size_t line = 0; line < profiles.size(); ++line) profiles[line] = detail::profile_line(index.line_text(line));
    const detail::PairedLines paired = detail::pair_lines(index, CheckOptions{}, profiles);
    CHECK(paired.readings->readings[2].kind() == detail::UnitClass::Markup);
    CHECK(paired.transcript.pairs[1].translation == Lines{2});
  }
}

TEST_CASE("a Chinese line full of English names is still the Chinese side") {
  const std::string text = join({kPairs[0].first, kPairs[0].second,
                                 "我们在GitHub和Hugging Face上分享Transformers模型。",
                                 "We share Transformers models on GitHub and Hugging Face.",
                                 kPairs[1].first, kPairs[1].second});
  const Transcript transcript = parse(text);
  REQUIRE(transcript.pairs.size() == 3);
  CHECK(transcript.lines[2].script.dominant == Script::Latin);  // by letters alone
  CHECK(transcript.pairs[1].translation == Lines{2});
  CHECK(transcript.pairs[1].original == Lines{3});
}

TEST_CASE("a document whose Chinese lines are all mostly Latin is still bilingual") {
  // Reference entries and captions keep their titles and addresses: every
  // line has more Latin letters than Chinese characters.
  const std::string text = join({"[KIT01] Garden Tools 工具手册. https://example.org/kit/ .",
                                 "[KIT01] Garden Tools Handbook. https://example.org/kit/ .",
                                 "[ROSE] Rose Care 玫瑰养护指南. https://example.org/rose .",
                                 "[ROSE] Rose Care Guide. https://example.org/rose .",
                                 "[SOIL] Soil Testing 土壤测试. https://example.org/soil/test .",
                                 "[SOIL] Soil Testing. https://example.org/soil/test ."});
  const Transcript transcript = parse(text);
  CHECK(transcript.translation_script == Script::Han);
  CHECK(transcript.original_script == Script::Latin);
  REQUIRE(transcript.pairs.size() == 3);
  CHECK(transcript.lines[0].script.dominant == Script::Latin);  // by letters alone
  CHECK(transcript.pairs[2].translation == Lines{4});
  CHECK(transcript.pairs[2].original == Lines{5});
  // An English document with no Chinese at all stays monolingual.
  const Transcript english = parse(join({"[KIT01] Garden Tools Handbook.", "[ROSE] Rose Care Guide.",
                                         "[SOIL] Soil Testing."}));
  CHECK(english.pairs.empty());
  CHECK(english.original_script != Script::Han);
  CHECK(english.translation_script != Script::Han);
}

TEST_CASE("placeholder lines take their role whatever their script") {
  CheckOptions options;
  options.translation_placeholder = "[translation missing]";
  const std::string text = join({kPairs[0].first, kPairs[0].second, "[translation missing]", kPairs[1].second,
                                 kPairs[2].first, kPairs[2].second});
  const Transcript transcript = parse(text, options);
  REQUIRE(transcript.pairs.size() == 3);
  CHECK(transcript.pairs[1].translation == Lines{2});
  CHECK(transcript.pairs[1].original == Lines{3});
}

TEST_CASE("degenerate inputs") {
  SUBCASE("empty text: one empty line, nothing else") {
    const Transcript transcript = parse("");
    REQUIRE(transcript.lines.size() == 1);
    CHECK(transcript.lines[0].kind == LineKind::Blank);
    CHECK(transcript.pairs.empty());
    CHECK(transcript.front_matter.empty());
    CHECK(transcript.translation_script == Script::None);
    CHECK(transcript.original_script == Script::None);
  }
  SUBCASE("only blank lines") {
    const Transcript transcript = parse("\n  \n\t\r\n\xE3\x80\x80\n");  // the last has U+3000
    REQUIRE(transcript.lines.size() == 5);
    for (const TranscriptLine& line : transcript.lines) CHECK(line.kind == LineKind::Blank);
    CHECK(transcript.pairs.empty());
  }
  SUBCASE("one language only: no pairs, the text is front matter") {
    const Transcript transcript = parse(join({kPairs[0].first, kPairs[1].first, kPairs[2].first}));
    CHECK(transcript.pairs.empty());
    CHECK(transcript.front_matter == Lines{0, 1, 2});
    CHECK(transcript.translation_script == Script::Han);
    CHECK(transcript.original_script == Script::None);
  }
  SUBCASE("a few English lines in a Chinese text do not make it bilingual") {
    std::vector<std::string> lines;
    for (int round = 0; round < 3; ++round)
      for (const auto& pair : kPairs) lines.push_back(pair.first);
    lines.push_back("An English quotation.");
    const Transcript transcript = parse(join(lines));
    CHECK(transcript.pairs.empty());
    CHECK(transcript.original_script == Script::None);
  }
}

TEST_CASE("Pair::first_line / last_line and Transcript::pair_of_line") {
  Pair pair;
  pair.translation = {7, 8};
  pair.original = {5};
  CHECK(pair.first_line() == 5);
  CHECK(pair.last_line() == 8);
  Pair lone;
  lone.original = {3};
  CHECK(lone.first_line() == 3);
  CHECK(lone.last_line() == 3);

  std::vector<std::string> lines = {"本集简介"};
  for (const std::string& line : zh_en_lines(3)) lines.push_back(line);
  const Transcript transcript = parse(join(lines));
  REQUIRE(transcript.pairs.size() == 3);
  CHECK(transcript.pair_of_line(0) == nullptr);  // front matter
  REQUIRE(transcript.pair_of_line(3) != nullptr);
  CHECK(transcript.pair_of_line(3)->index == 1);
  CHECK(transcript.pair_of_line(4) == &transcript.pairs[1]);
  CHECK(transcript.pair_of_line(6) == &transcript.pairs[2]);
  CHECK(transcript.pair_of_line(7) == nullptr);  // past the end
  CHECK(transcript.pair_of_line(4000000000u) == nullptr);
}

TEST_CASE("preview: first words, cut at a word boundary, with an ellipsis") {
  CHECK(preview("Short line.") == "Short line.");
  CHECK(preview("  padded  \t") == "padded");
  CHECK(preview("one  two\tthree", 40) == "one two three");  // blanks collapse
  // 20 code points at most, the ellipsis included; cut after "over".
  CHECK(preview("The quick brown fox jumps over the lazy dog", 20) == "The quick brown fox\u2026");
  CHECK(preview("The quick brown fox jumps over the lazy dog", 12) == "The quick\u2026");
  // Chinese: no spaces, cut at a code point.
  CHECK(preview("今天天气很好我们去公园散步吧", 6) == "今天天气很\u2026");
  // A single long word is cut inside it rather than dropped.
  CHECK(preview("Supercalifragilistic", 8) == "Superca\u2026");
  // Exactly max_chars: no cut.
  CHECK(preview("12345", 5) == "12345");
  // Invalid bytes become U+FFFD, so the preview is always valid UTF-8.
  CHECK(preview("ab\xFF" "cd") == "ab\uFFFD" "cd");
  // A combining mark is never separated from its letter.
  CHECK(preview("xxe\u0301yyy", 4) == "xx\u2026");
  CHECK(preview("") == "");
}

TEST_CASE("language tags: scripts of BCP-47 tags, and the tags in file names") {
  CHECK(script_of_language_tag("zh") == Script::Han);
  CHECK(script_of_language_tag("ZH-hant") == Script::Han);
  CHECK(script_of_language_tag("en") == Script::Latin);
  CHECK(script_of_language_tag("en-GB") == Script::Latin);
  CHECK(script_of_language_tag("sr-Latn") == Script::Latin);
  CHECK(script_of_language_tag("sr") == Script::Cyrillic);
  CHECK(script_of_language_tag("ja") == Script::Japanese);
  CHECK(script_of_language_tag("ko") == Script::Hangul);
  CHECK_FALSE(script_of_language_tag("auto"));
  CHECK_FALSE(script_of_language_tag("xx"));
  CHECK_FALSE(script_of_language_tag(""));
  CHECK_FALSE(script_of_language_tag("zh-"));
  CHECK_FALSE(script_of_language_tag("chinese"));

  using Scripts = std::vector<Script>;
  CHECK(scripts_tagged_in_name("unsupervised-learning-ep1.zh-en.txt") == Scripts{Script::Han, Script::Latin});
  CHECK(scripts_tagged_in_name("talk.en-zh.txt") == Scripts{Script::Latin, Script::Han});
  CHECK(scripts_tagged_in_name("movie.zh-CN.srt") == Scripts{Script::Han});
  CHECK(scripts_tagged_in_name("movie.en.zh.vtt") == Scripts{Script::Latin, Script::Han});
  CHECK(scripts_tagged_in_name("file:///a/b.c/film.ja.srt?x=1") == Scripts{Script::Japanese});
  CHECK(scripts_tagged_in_name("C:\\subs\\film.ko.srt") == Scripts{Script::Hangul});
  CHECK(scripts_tagged_in_name("zh.txt").empty());          // the stem is no tag
  CHECK(scripts_tagged_in_name("notes.final.md").empty());  // not a language
  CHECK(scripts_tagged_in_name("episode.v2-zh.txt").empty());
  CHECK(scripts_tagged_in_name("").empty());
}

TEST_CASE("pair_lines: readings lent by the previous version are the ones a fresh reading gives") {
  std::vector<std::string> lines = {"WEBVTT", "", "00:00:01.000 --> 00:00:02.000"};
  for (const std::string& line : zh_en_lines(6)) lines.push_back(line);
  lines.push_back("[translation missing]");
  lines.push_back(kPairs[6].second);
  const std::string before = join(lines);
  // The new version: the first line is no longer "WEBVTT" (markup only as line 1),
  // and a line is inserted after it, so every later line moved by one.
  std::vector<std::string> edited = lines;
  edited[0] = "Notes";
  edited.insert(edited.begin() + 1, "WEBVTT");
  const std::string after = join(edited);

  const auto profiles_of = [](const LineIndex& index) {
    std::vector<ScriptProfile> profiles(index.line_count());
    for (std::size_t line = 0; line < profiles.size(); ++line)
      profiles[line] = detail::profile_line(index.line_text(line));
    return profiles;
  };
  const LineIndex old_index(before);
  const detail::PairedLines old_paired = detail::pair_lines(old_index, CheckOptions{}, profiles_of(old_index));
  REQUIRE(old_paired.readings);
  CHECK(old_paired.readings->readings[0].kind() == detail::UnitClass::Markup);
  CHECK(old_paired.readings->readings.back().kind() == detail::UnitClass::Content);
  CHECK(old_paired.readings->readings[old_index.line_count() - 2].kind() == detail::UnitClass::TranslationMark);

  const LineIndex index(after);
  std::vector<std::uint32_t> previous_lines(index.line_count(), kNoLine);
  for (std::uint32_t line = 2; line < index.line_count(); ++line) previous_lines[line] = line - 1;
  previous_lines[1] = 0;  // "WEBVTT" moved from the first line: must be read again
  const detail::PairedLines fresh = detail::pair_lines(index, CheckOptions{}, profiles_of(index));
  const detail::PairedLines lent =
      detail::pair_lines(index, CheckOptions{}, profiles_of(index), old_paired.readings.get(), previous_lines);
  CHECK(fresh.readings->readings == lent.readings->readings);
  CHECK(lent.readings->readings[1].kind() == detail::UnitClass::Content);  // "WEBVTT" is text on line 2
  CHECK(fresh.transcript.pairs.size() == lent.transcript.pairs.size());

  SUBCASE("other placeholders: nothing is lent") {
    CheckOptions options;
    options.translation_placeholder = "[missing]";
    const detail::PairedLines other =
        detail::pair_lines(index, options, profiles_of(index), old_paired.readings.get(), previous_lines);
    CHECK(other.readings->readings[index.line_count() - 2].kind() == detail::UnitClass::Content);
    CHECK(other.readings->readings == detail::pair_lines(index, options, profiles_of(index)).readings->readings);
  }
}

TEST_CASE("dictionary words with no counterpart in the partner weigh for a lone line") {
  const std::vector<bitext::LexiconEntry> entries = {
      {"挂载点", {"mount point"}}, {"虚拟", {"virtual"}},  {"内存", {"memory"}},
      {"交换", {"to swap"}},       {"配额", {"quota"}},     {"分区", {"partition"}},
  };
  std::string error;
  const auto lexicon = bitext::Lexicon::from_image(bitext::build_lexicon_image(entries), &error);
  REQUIRE_MESSAGE(lexicon.has_value(), error);
  using bitext::detail::shared_words_cost;
  const std::string partner = "Virtual memory, swap and quota";
  // A lone line: none of its words translates the partner, the other part's do. One word: 1.5 nats.
  CHECK(shared_words_cost(*lexicon, "挂载点", "虚拟内存，交换分区", partner, true) == doctest::Approx(1.5));
  // Nothing to compare: the other part has no counterpart either.
  CHECK(shared_words_cost(*lexicon, "挂载点", "分区", partner, true) == 0.0);
  // Partner words that only the questioned part translates are no evidence either way.
  CHECK(shared_words_cost(*lexicon, "虚拟内存，交换和配额", "挂载点", partner, true) == 0.0);
  // The English side questioned against a Chinese partner.
  CHECK(shared_words_cost(*lexicon, "mount point", "virtual memory", "虚拟内存", false) == doctest::Approx(3.0));
}

TEST_CASE("order: in a short document with a line alone at either end, the pairs' numbers decide") {
  // "T O T O T" is two pairs and a lone line in either order, at about the
  // same cost; a translation carries its numbers over, so the order that pairs
  // each heading with its own number wins (tuning split, gimp-help; main paired
  // "8.24.1. Overview" with "8.24.2. 激活命令" and left the first line alone).
  const Transcript headings = parse(
      "8.24.1. 概述\n"
      "8.24.1. Overview\n"
      "8.24.2. 激活命令\n"
      "8.24.2. Activate the command\n"
      "8.24.3. 选项\n");
  CHECK(headings.order == LineOrder::TranslationFirst);
  REQUIRE(headings.pairs.size() == 3);
  CHECK(headings.pairs[0].translation == Lines{0});
  CHECK(headings.pairs[0].original == Lines{1});
  CHECK(headings.pairs[1].translation == Lines{2});
  CHECK(headings.pairs[1].original == Lines{3});
  CHECK(headings.pairs[2].translation == Lines{4});
  CHECK(headings.pairs[2].original.empty());
  // Numbers in the text: "第 8.33 节" goes with "Section 8.33,", not "Section 8.31,".
  const Transcript sections = parse(
      "Section 8.31, “Desaturate”\n"
      "第 8.33 节 “Sepia”\n"
      "Section 8.33, “Sepia”\n");
  CHECK(sections.order == LineOrder::TranslationFirst);
  REQUIRE(sections.pairs.size() == 2);
  CHECK(sections.pairs[0].translation.empty());
  CHECK(sections.pairs[0].original == Lines{0});
  CHECK(sections.pairs[1].translation == Lines{1});
  CHECK(sections.pairs[1].original == Lines{2});
}

TEST_CASE("a list entry that lost its partner is a lone line, not the start of its neighbour's split") {
  // Menu items and table cells ("Hue", "饱和度") end with no mark because they
  // are entries of a list, not sentences broken off: two such entries meeting
  // say nothing for a split. "Hue" is gone: "色调" is alone, and "饱和度" keeps
  // "Saturation" (main read "色调" + "饱和度" as one segment split in two).
  const Transcript list = parse(
      "颜色\nColors\n"
      "色调\n"
      "饱和度\nSaturation\n"
      "亮度\nBrightness\n"
      "对比度\nContrast\n"
      "曲线\nCurves\n");
  CHECK(list.order == LineOrder::TranslationFirst);
  REQUIRE(list.pairs.size() == 6);
  CHECK(list.pairs[1].translation == Lines{2});
  CHECK(list.pairs[1].original.empty());
  CHECK(list.pairs[2].translation == Lines{3});
  CHECK(list.pairs[2].original == Lines{4});
  using bitext::detail::break_cues;
  // Two list entries: the missing mark says nothing.
  CHECK(break_cues("色调", "饱和度", false).fixed == 0.0);
  CHECK(break_cues("Normalize", "Color Enhance", true).fixed == 0.0);
  CHECK_FALSE(break_cues("Normalize", "Color Enhance", true).lower_right);
  // A sentence broken in two leaves its marks to one of the parts
  // (kBreakInSentence), or starts its right part in lower case (a cue the
  // solve weighs by the document's own lines).
  CHECK(break_cues("我们今天要讨论的", "是机器学习。", false).fixed == doctest::Approx(-3.0));
  CHECK(break_cues("Save background color", "and the gamma", true).fixed == 0.0);
  CHECK(break_cues("Save background color", "and the gamma", true).lower_right);
  CHECK_FALSE(break_cues("保存背景颜色", "和伽马", false).lower_right);  // no case, no cue
  CHECK(break_cues("When we released it,", "Nobody knew", true).fixed == doctest::Approx(-3.0));
  CHECK_FALSE(break_cues("When we released it,", "Nobody knew", true).lower_right);
}

TEST_CASE("a numbered heading and the heading that carries its number are each other's, however their lengths fit") {
  // "10. TERMINATION" lost nothing: its paragraph lost its translation, and is
  // alone (main read heading and paragraph as one segment split in two, since
  // a terse title's length fits its partner worse than the two lines do).
  const std::string paragraph =
      "You may not copy, modify, sublicense, or distribute the Document except as expressly provided for under this "
      "License.";
  const Transcript lone = parse("10. 终止\n10. TERMINATION\n" + paragraph + "\n");
  REQUIRE(lone.pairs.size() == 2);
  CHECK(lone.pairs[0].translation == Lines{0});
  CHECK(lone.pairs[0].original == Lines{1});
  CHECK(lone.pairs[1].translation.empty());
  CHECK(lone.pairs[1].original == Lines{2});
  // A partner that holds a sentence after its number is no title alone: the
  // heading merged with its paragraph's translation, and the two English lines
  // are its one segment.
  const Transcript merged = parse("10. 终止除本授权明确规定外，您不得复制、修改、再授权或散布本文件。\n10. TERMINATION\n" + paragraph + "\n");
  REQUIRE(merged.pairs.size() == 1);
  CHECK(merged.pairs[0].original == (Lines{1, 2}));
  // A title after the heading, no sentence, may be part of a partner that
  // holds no sentence either: the lengths still decide.
  const Transcript title = parse("2.1.2. 选项 边缘平滑\n2.1.2. Options\nAntialiasing\n");
  REQUIRE(title.pairs.size() == 1);
  CHECK(title.pairs[0].original == (Lines{1, 2}));
}

TEST_CASE("a navigation link after a line with no end mark is no sentence broken off") {
  using bitext::detail::break_cues;
  // A page's link is a segment of its own...
  CHECK(break_cues("PrevThe Debian Administrator's Handbook", "NextForeword", true, "上一页Debian 管理员手册").fixed ==
        0.0);
  // ...unless the partner holds it too: then the partner holds two segments.
  CHECK(break_cues("PrevThe Debian Administrator's Handbook", "NextForeword", true, "上一页Debian 管理员手册下一页前言")
            .fixed == doctest::Approx(-3.0));
  // The preface lost "下一页序言" before "NextForeword": that line is alone, not the
  // end of the link before it (main read the two links as one segment split in two).
  const Transcript page = parse(
      "序\nPreface\n"
      "上一页Debian 管理员手册\nPrevThe Debian Administrator's Handbook\n"
      "NextForeword\n");
  REQUIRE(page.pairs.size() == 3);
  CHECK(page.pairs[1].translation == Lines{2});
  CHECK(page.pairs[1].original == Lines{3});
  CHECK(page.pairs[2].translation.empty());
  CHECK(page.pairs[2].original == Lines{4});
}

TEST_CASE("a right part in lower case is a split in prose, and says little in a list whose entries open so") {
  // Entries of a plug-in's search menu all open in lower case ("by name"): one
  // more that does is no sign that it continues the entry before it. "按作者"
  // was deleted before "by help": "by help" is alone, "按照描述" keeps "by
  // description" (main read "by description" + "by help" as one segment).
  const std::string entries =
      "12.8.1. 激活命令\n12.8.1. Activating the Command\n"
      "按照名称\nby name\n"
      "按照描述\nby description\n"
      "by help\n"
      "按作者\nby author\n"
      "由版权\nby copyright\n"
      "按日期\nby date\n";
  const Transcript list = parse(entries);
  CHECK(list.order == LineOrder::TranslationFirst);
  REQUIRE(list.pairs.size() == 7);
  CHECK(list.pairs[2].translation == Lines{4});
  CHECK(list.pairs[2].original == Lines{5});
  CHECK(list.pairs[3].translation.empty());
  CHECK(list.pairs[3].original == Lines{6});
  // The same break in prose, where the English lines open in capitals: the
  // lower-case start keeps its full weight and the two lines are one segment.
  std::vector<std::string> lines = zh_en_lines(6);
  lines.insert(lines.begin() + 6, "他们一起保存了背景颜色和伽马值。");
  lines.insert(lines.begin() + 7, "Together they saved the background color");
  lines.insert(lines.begin() + 8, "and the gamma value.");
  const Transcript prose = parse(join(lines));
  REQUIRE(prose.pairs.size() == 7);
  CHECK(prose.pairs[3].translation == Lines{6});
  CHECK(prose.pairs[3].original == (Lines{7, 8}));
}

// From 4,096 items the two orders are solved at once, one in a thread
// (pairing.cpp): the order and the pairs are what the solve of each gives.
TEST_CASE("a long document in either order, with a line alone: its two orders solved at once") {
  for (const bool translation_first : {true, false}) {
    CAPTURE(translation_first);
    std::vector<std::string> lines;
    constexpr std::size_t kCopies = 105;  // 2,100 pairs: 4,199 content lines
    for (std::size_t copy = 0; copy < kCopies; ++copy)
      for (const std::string& line : translation_first ? zh_en_lines() : en_zh_lines())
        lines.push_back(line + " [" + std::to_string(copy) + "]");
    // Pair 1,000 (lines 2,000 and 2,001) loses its original: its translation is line 2,000 alone.
    lines.erase(lines.begin() + (translation_first ? 2001 : 2000));
    const Transcript transcript = parse(join(lines));
    CHECK(transcript.translation_script == Script::Han);
    CHECK(transcript.order == (translation_first ? LineOrder::TranslationFirst : LineOrder::OriginalFirst));
    REQUIRE(transcript.pairs.size() == kCopies * kPairs.size());
    for (std::uint32_t i = 0; i < transcript.pairs.size(); ++i) {
      const Pair& pair = transcript.pairs[i];
      // Lines of pair i: 2i and 2i + 1 before the lone line, one less after it.
      const std::uint32_t first = 2 * i - (i > 1000 ? 1 : 0);
      const Lines translation = translation_first ? Lines{first} : Lines{first + 1};
      const Lines original = translation_first ? Lines{first + 1} : Lines{first};
      if (i == 1000) {
        CHECK(pair.translation == Lines{2000});
        CHECK(pair.original.empty());
        continue;
      }
      if (pair.translation != translation || pair.original != original) {
        CAPTURE(i);
        FAIL_CHECK("pair " << i << " is not lines " << first << " and " << first + 1);
      }
    }
  }
}

TEST_CASE("RunMemo: an entry lives while each run uses it, and goes one run after its last use") {
  bitext::detail::RunMemo<int> memo;
  const auto put = [&](std::string_view key, int value) {
    memo.key().append(key);
    memo.put(value);
  };
  const auto find = [&](std::string_view key) {
    memo.key().append(key);
    return memo.find();
  };
  memo.begin_run();  // run 1
  put("a", 1);
  put("b", 2);
  CHECK(find("a") == 1);
  CHECK(!find("c"));
  memo.begin_run();  // run 2 uses "a" and puts "c"; "b" is not used
  CHECK(find("a") == 1);
  put("c", 4);
  memo.begin_run();  // run 3: what run 2 used or put is kept, "b" is gone
  CHECK(!find("b"));
  CHECK(find("a") == 1);
  CHECK(find("c") == 4);
  put("c", 5);  // a put replaces the value
  memo.begin_run();  // run 4
  CHECK(find("c") == 5);
  CHECK(find("a") == 1);
}
