// Anchors of a merged line beside the dictionary's words (merged_lexical.cpp):
// the numbers a line shares with one partner only, and English words glued
// together at a capital ("NormalizeColor", a merge without a separator).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "bitext/lexicon.hpp"

namespace bitext::detail {

// A number of a line: a run of digits, with inner '.', ',' or ':' between
// digits ("15.101", "1.0", "00:00"), as byte span and text.
struct MergedNumber {
  std::uint32_t begin = 0, end = 0;
  std::string_view text;
};
std::vector<MergedNumber> merged_numbers(std::string_view line);

// Whether `number` occurs as a whole number in `numbers`.
bool merged_number_in(const std::vector<MergedNumber>& numbers, std::string_view number);

// English words of `line` (english_line_words) with each word that holds a
// small letter followed by a capital ("NormalizeColor", "PrevForeword") cut
// there into its parts, each keyed as a word of its own. A merge without a
// separator glues the last word of one segment to the first of the next; a
// word of the language keeps its capitals at its start ("LibreOffice" is cut
// too: its parts are read like any word, and the cut still needs the
// dictionary's clean separation and the length fit of both parts).
// Capitals glued to the word before are cut too: an all-capitals word after
// small letters ("PackageNOTE", "architectureTOOL": an admonition label is
// written in capitals, the word before it is not) and a capitalised word after
// a run of capitals ("DKIMExample", "TERMINATIONYou", as in "XMLParser").
// Also cut at each offset of `glue` (merged_small_glue's, where the caller has
// the evidence for them).
std::vector<LexicalWord> merged_english_words(std::string_view line, const std::vector<std::size_t>& glue = {});
// Where a word of small letters the dictionary does not know reads one way
// only as two it knows ("toolclick"), the offset between them: English spaces
// its words, so two glued may be two segments' edges.
std::vector<std::size_t> merged_small_glue(std::string_view line, const Lexicon& lexicon);

// Whether a glued capital word starts at byte `at` of `line`, by the two
// capital rules above: line[at] is a capital; before it either a word's small
// letters with no capital past the word's first letter ("kFreeBSD", "iPXE" stay
// whole) and from `at` capitals to the word's end, or two capitals with a
// capital and two small letters from `at` ("URLs", "GOsa" stay whole).
bool glued_capital_word_at(std::string_view line, std::size_t at);

}  // namespace bitext::detail
