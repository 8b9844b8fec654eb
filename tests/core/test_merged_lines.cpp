// merged-lines evidence beside the dictionary's words: numbers a merged line
// shares with one partner only and English words glued at a capital. Also the
// side choice's weight of cohesion in prose and in turns.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bitext/lexicon.hpp"
#include "bitext/line_shape.hpp"
#include "core/content_stages.hpp"
#include "core/joined_lines.hpp"
#include "core/merged_anchors.hpp"
#include "core/merged_lexical.hpp"

namespace {

std::vector<std::string> number_texts(std::string_view line) {
  std::vector<std::string> out;
  for (const auto& number : bitext::detail::merged_numbers(line)) {
    CHECK(line.substr(number.begin, number.end - number.begin) == number.text);
    out.emplace_back(number.text);
  }
  return out;
}

std::vector<std::string> word_keys(std::string_view line) {
  std::vector<std::string> out;
  for (const auto& word : bitext::detail::merged_english_words(line)) {
    CHECK(word.end > word.begin);
    out.push_back(std::string(line.substr(word.begin, word.end - word.begin)));
  }
  return out;
}

}  // namespace

TEST_CASE("merged_numbers: digits with inner separators; a label's closing dot is not part of it") {
  using V = std::vector<std::string>;
  CHECK(number_texts("Figure 15.101.Figure 15.102.") == V{"15.101", "15.102"});
  CHECK(number_texts("Open recent image #4 Open recent image #5") == V{"4", "5"});
  CHECK(number_texts("at 00:00, 1,024 bytes; v1.0") == V{"00:00", "1,024", "1.0"});
  CHECK(number_texts("no digits here").empty());
  const auto numbers = bitext::detail::merged_numbers("Section 11, Section 12.3");
  CHECK(bitext::detail::merged_number_in(numbers, "12.3"));
  CHECK(bitext::detail::merged_number_in(numbers, "11"));
  CHECK_FALSE(bitext::detail::merged_number_in(numbers, "12"));  // whole numbers only
  CHECK_FALSE(bitext::detail::merged_number_in(numbers, "1"));
}

TEST_CASE("merged_english_words: a word glued at a small letter before a capital is read as two") {
  using V = std::vector<std::string>;
  CHECK(word_keys("NormalizeColor Tools") == V{"Normalize", "Color", "Tools"});
  CHECK(word_keys("HomeNext chapter") == V{"Home", "Next", "chapter"});
  CHECK(word_keys("GNU Image") == V{"GNU", "Image"});  // capitals in a row are one word
}

TEST_CASE("merged_english_words: capitals glued to the word before start a word") {
  using V = std::vector<std::string>;
  // an all-capitals label after small letters, a capitalised word after capitals
  CHECK(word_keys("PackageNOTE Clean") == V{"Package", "NOTE", "Clean"});
  CHECK(word_keys("architectureTOOL Installer") == V{"architecture", "TOOL", "Installer"});
  CHECK(word_keys("DKIMExample") == V{"DKIM", "Example"});
  CHECK(word_keys("TRANSLATIONTranslation") == V{"TRANSLATION", "Translation"});
  // names that mix cases stay whole: a capital past the first letter before the
  // capitals, a single small letter before them, a plural's one small letter
  CHECK(word_keys("GNU/kFreeBSD iPXE") == V{"GNU", "kFreeBSD", "iPXE"});
  CHECK(word_keys("URLs GOsa") == V{"URLs", "GOsa"});
  CHECK(word_keys("ESRCULTURE") == V{"ESRCULTURE"});  // capitals in a row: no place to cut
  using bitext::detail::glued_capital_word_at;
  CHECK(glued_capital_word_at("PackageNOTE", 7));
  CHECK_FALSE(glued_capital_word_at("PackageNOTEs", 7));  // the capitals end no word
  CHECK_FALSE(glued_capital_word_at("PackageN", 7));      // one capital: camel case's rule
  CHECK(glued_capital_word_at("XMLParser", 3));
  CHECK_FALSE(glued_capital_word_at("XMLParser", 2));
}

// Two menu entries that differ only in their number: the words translate both
// partners alike, the numbers say where the first entry ends.
TEST_CASE("merged_lexical_seams: a number shared with one partner only places the cut") {
  using bitext::detail::merged_lexical_seams;
  const std::vector<bitext::LexiconEntry> entries = {
      {"打开", {"to open"}}, {"最近", {"recent"}}, {"图像", {"image"}},
  };
  std::string error;
  const auto lexicon = bitext::Lexicon::from_image(bitext::build_lexicon_image(entries), &error);
  REQUIRE_MESSAGE(lexicon.has_value(), error);
  const std::string first = "Open recent image #4";
  const std::string merged = first + " Open recent image #5";
  const auto seams = merged_lexical_seams(*lexicon, merged, false, "打开最近的图像 #4", "打开最近的图像 #5", "", 0.5, false);
  REQUIRE(!seams.empty());
  CHECK(seams.front().first_end == first.size());
  CHECK(seams.front().second_begin == first.size() + 1);
  // The same numbers on both partners tell nothing: no cut.
  CHECK(merged_lexical_seams(*lexicon, merged, false, "打开最近的图像 #4 #5", "打开最近的图像 #4 #5", "", 0.5, false)
            .empty());
}

TEST_CASE("cohesion_weight: a nat in prose paragraphs, a dictionary word's half nat in turns") {
  bitext::LineShapeModel shape;
  shape.sentence_weight[0] = 1.2;
  shape.sentence_weight[1] = 1.6;
  CHECK(bitext::content::cohesion_weight(shape) == 1.0);
  shape.sentence_weight[0] = shape.sentence_weight[1] = bitext::kSentenceShapeWeight;
  CHECK(bitext::content::cohesion_weight(shape) == bitext::content::kWordWeight);
  shape.sentence_weight[0] = 2.0;  // mean 3.5: above the middle of ν's range
  shape.sentence_weight[1] = 5.0;
  CHECK(bitext::content::cohesion_weight(shape) == bitext::content::kWordWeight);
}

// "2.2. 总体规划图 2.1. Falcot Corp 网络总览" for "2.2. Master Plan" and "Figure
// 2.1. Overview of the Falcot Corp network": the cut before the figure's number
// goes before its caption 图, though the dictionary gives 图 to the first
// partner too ("to plan").
TEST_CASE("merged_lexical_seams: a Chinese number's caption goes with the number") {
  using bitext::detail::merged_lexical_seams;
  const std::vector<bitext::LexiconEntry> entries = {
      {"规划", {"plan"}}, {"图", {"picture", "to plan"}}, {"网络", {"network"}},
  };
  std::string error;
  const auto lexicon = bitext::Lexicon::from_image(bitext::build_lexicon_image(entries), &error);
  REQUIRE_MESSAGE(lexicon.has_value(), error);
  const std::string first_part = "2.2. 总体规划";
  const std::string merged = first_part + "图 2.1. Falcot Corp 网络总览";
  const auto seams = merged_lexical_seams(*lexicon, merged, true, "2.2. Master Plan",
                                          "Figure 2.1. Overview of the Falcot Corp network", "Figure", 0.3, true);
  REQUIRE(!seams.empty());
  CHECK(seams.front().first_end == first_part.size());
  CHECK(seams.front().second_begin == first_part.size());
  // With a space before the caption the space stays between the parts.
  const std::string spaced = first_part + " 图 2.1. Falcot Corp 网络总览";
  const auto spaced_seams = merged_lexical_seams(*lexicon, spaced, true, "2.2. Master Plan",
                                                 "Figure 2.1. Overview of the Falcot Corp network", "Figure", 0.3, true);
  REQUIRE(!spaced_seams.empty());
  CHECK(spaced_seams.front().first_end == first_part.size());
  CHECK(spaced_seams.front().second_begin == first_part.size() + 1);
}

TEST_CASE("merged_length_cut: the word boundary nearest the partners' share, never inside brackets") {
  using bitext::detail::merged_length_cut;
  const std::string entries = "Select the layer above Select the layer below";
  const auto cut = merged_length_cut(entries, 0.5);
  REQUIRE(cut.has_value());
  CHECK(cut->first_end == std::string("Select the layer above").size());
  CHECK(cut->second_begin == cut->first_end + 1);
  const auto glued = merged_length_cut("Select allSelect none", 0.45);  // a capital glued to a small letter
  REQUIRE(glued.has_value());
  CHECK(glued->first_end == 10);
  CHECK(glued->second_begin == 10);
  const auto han = merged_length_cut("全选不选", 0.5);  // between Han characters
  REQUIRE(han.has_value());
  CHECK(han->first_end == std::string("全选").size());
  // Inside the brackets lies the only boundary near the share: none.
  CHECK_FALSE(merged_length_cut("Bootloader（引导程序）", 0.75).has_value());
  CHECK_FALSE(merged_length_cut("x", 0.5).has_value());
}
