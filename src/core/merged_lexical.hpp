// Where a line that holds two segments' text of one side divides when it has
// no punctuation seam (a heading merged with the next heading: "Printing
// Secure Remote Login" before "安全远程登录"): the dictionary's word positions
// (merged-lines read from a missing line, structural checks).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "bitext/lexicon.hpp"
#include "joined_lines.hpp"

namespace bitext::detail {

// The cut of `merged` (Chinese when `merged_chinese`) between its two partner
// lines `first` and `second` (the other language) where the dictionary
// separates them cleanly: every word with a counterpart in only one partner
// lies on that partner's side, at least one on each side, and at least two
// after the cut when `whole_fits` (the whole line is as long as the first
// partner's translation). Within the words' gap the cut goes before the
// second partner's leading label or token (`second_token`), else after a
// sentence end or colon, else before a capital (or at a script change), the
// nearest to the place the partners' lengths predict (`share` of the line)
// among equals. Numbers count as words (merged_anchors.hpp): one the line
// shares with one partner only leans to it (the line's first token, its own
// heading's label, only beside a number of the second partner), and English
// words glued at a capital ("NormalizeColor") are read apart. Why it holds on unseen text: a deleted line's neighbour
// translates its own partner only, so its last words do not translate the
// next pair's line while its first words translate its own.
std::vector<LanguageJoin> merged_lexical_seams(const Lexicon& lexicon, std::string_view merged, bool merged_chinese,
                                               std::string_view first, std::string_view second,
                                               std::string_view second_token, double share, bool whole_fits);

// The same, read once for both answers of `whole_fits`: the words and which
// partner each translates do not depend on it (merged_lexical asks both when
// the whole line fits its first partner).
class MergedLexicalReading {
 public:
  MergedLexicalReading(const Lexicon& lexicon, std::string_view merged, bool merged_chinese, std::string_view first,
                       std::string_view second, std::string_view second_token);
  std::vector<LanguageJoin> seams(double share, bool whole_fits) const;

 private:
  // A word (or number, or label) that only one partner has: where it is,
  // which partner (+1 the first, -1 the second) and how much it counts.
  struct Lean {
    std::size_t begin, end;
    int side, weight;
  };
  std::string_view merged_, second_token_;
  bool merged_chinese_;
  std::vector<std::size_t> small_glued_;
  std::vector<LexicalWord> line_;
  std::vector<bool> to_first_, to_second_;
  std::vector<Lean> leans_;    // the words', the second partner's label's, the numbers'
  std::vector<Lean> leading_;  // the line's first token's numbers, counted only when seams() says
  bool second_number_ = false;
  std::optional<Lean> first_label_;  // the first partner's label at the line's start, beside the second's
  std::size_t first_token_end_ = 0;
};

// A merged line's (or a part's) words: Chinese by the dictionary's
// segmentation, English as merged_english_words reads them (`glue`: cuts
// between glued small-letter words).
std::vector<LexicalWord> merged_line_words(const Lexicon& lexicon, std::string_view text, bool merged_chinese,
                                           const std::vector<std::size_t>& glue = {});

// Which of `words` (read from a merged line, Chinese when `merged_chinese`)
// the dictionary finds translated in `partner`, a line of the other language.
std::vector<bool> merged_words_translated(const Lexicon& lexicon, const std::vector<LexicalWord>& words,
                                          bool merged_chinese, std::string_view partner);

// Whether the part of a merged line before a cut (`before_cut`) is a label
// alone ("10.6.2.", "图 8.2.") while the first partner has a title after its
// label: then the label belongs to the text after it, and the cut is no seam.
bool label_cut_off(std::string_view before_cut, std::string_view first_partner);

}  // namespace bitext::detail
