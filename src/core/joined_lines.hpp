// A line that holds two lines of different languages joined into one (a stray
// Delete or Backspace, an editor's join-lines): where it splits, and whether
// the structure around it needs that reading (structural checks, joined-lines).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "bitext/length.hpp"
#include "bitext/lexicon.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"

namespace bitext::detail {

// Where a line with two runs of different languages splits: the first run
// ends at `first_end` (its trailing spaces excluded), the second starts at
// `second_begin` (byte offsets in the line).
struct LanguageJoin {
  std::size_t first_end = 0;
  std::size_t second_begin = 0;
};

// The boundary of a line that is a whole run of one language followed by a
// whole run of the other: `cjk_first` a Chinese run then an English one
// (split after the last CJK character), else English then Chinese (split at
// the last sentence end before the first CJK character, or at it). Each run
// must be a sentence run, not a term: the English one at least three words,
// the Chinese one at least two Han characters, and the English run after
// Chinese starts with a capital or follows a Chinese sentence end.
std::optional<LanguageJoin> language_join(std::string_view line, bool cjk_first);
// The same, and with `short_run` given an English run of fewer words than a
// sentence run (a heading's title at a bare script change) passes too, setting
// it: the caller then needs the dictionary's word of that run's translation.
std::optional<LanguageJoin> language_join(std::string_view line, bool cjk_first, bool* short_run);

// Every place the line may split, the first as language_join gives it: where
// the script boundary is ambiguous (a number label's dot read as a sentence
// end, a Chinese run that starts with a label and Latin words, a caption's
// number), the readers let the length fit of the runs to their partners
// choose. `short_run` as above; `label_start`: a number label starts the
// Chinese run right before its Han text ("1. Plugins1.1. 简介");
// `repeated_number`: the same section number ("7.2", "8.28") stands in both
// runs ("上一页7.2. 通常步骤Prev7.2. Common Procedures") -- one title's two lines;
// set too where a Latin text is carried into both runs ("文化 Mozilla CULTURE Mozilla"),
// and where both runs start with a sidebar's label ("文化 符号表CULTURE The symbols table").
struct JoinCandidate {
  LanguageJoin join;
  bool short_run = false;
  bool label_start = false;
  bool repeated_number = false;
  // The second run starts with a page's navigation link word ("下一页前言NextForeword",
  // "PrevForeword下一页3. 一般方法", front_matter.hpp): a link is a segment of its own,
  // so its word starts a line; evidence for a short run where both runs fit their partners.
  bool link_start = false;
  // The first run ends with a sentence's end mark (。！？.!?, not a number's
  // dot) and the English run is a sentence run: the cut is at a sentence end.
  bool sentence_end = false;
};
std::vector<JoinCandidate> language_joins(std::string_view line, bool cjk_first);

// A pair with no line on one side (`missing_translation`) whose partner was
// joined to a line next to it: the pair's own single line (`own`), or the
// first line of the next pair / the last of the previous one, where the
// missing side belongs. `line` is the joined line; `missing_first` says the
// missing side's run is the line's first run; `partner` is the line whose
// text the missing run translates (the pair's present line).
struct JoinedReading {
  std::uint32_t line = 0;
  LanguageJoin join;
  bool own = true;
  bool missing_first = false;
  std::uint32_t partner = 0;
  std::uint32_t other_pair = 0;  // the pair the line's other run belongs to
};
// Whether two texts fit as a translation and its original under the
// document's own length model: fitted once, on its one-line pairs, when first
// asked (one per structural check, not one per pair that lacks a side).
// It also holds the dictionary the joined readings consult (the process's own,
// Lexicon::shared(), looked up when first asked, for a Chinese-English
// document; or one given, as tests do).
class JoinLengthFit {
 public:
  JoinLengthFit(const Transcript& transcript, const LineIndex& index) : transcript_(transcript), index_(index) {}
  JoinLengthFit(const Transcript& transcript, const LineIndex& index, const Lexicon* lexicon)
      : transcript_(transcript), index_(index), lexicon_(lexicon) {}
  // Whether the plain |δ| (no widening: merged-lines and the split-segment reading) is within the 1% band.
  bool fits(std::string_view translation, std::string_view original);
  // |δ| of the two texts under the document's model (infinite for an empty one),
  // its spread widened for texts longer than the document's typical pair.
  double delta(std::string_view translation, std::string_view original);
  // Whether a short English run (fewer words than a sentence run) has its
  // content words translated by the Chinese text: at least half of them have a
  // counterpart there, one at least a Chinese word that translates it (a Latin
  // word both carry, a name or a command, is no translation). False without a
  // dictionary.
  bool translated(std::string_view english, std::string_view chinese);
  // The dictionary of a Chinese-English document (the one given, else a
  // remembering copy of the shared one: Lexicon::remembering), or none; decided once.
  const Lexicon* lexicon();
  // Whether the document's writers space the two scripts: another line than
  // `line` puts a blank between a Han character and a Latin letter, and none
  // glues them (join_glue.hpp); a glued script change in `line` is then a join's.
  bool spaces_scripts_except(std::uint32_t line);

 private:
  const Transcript& transcript_;
  const LineIndex& index_;
  std::optional<LengthRatioModel> model_;
  double typical_length_ = 0;  // median (l1 + l2/c)/2 of the document's one-line pairs
  double signed_delta(std::string_view translation, std::string_view original);
  std::optional<const Lexicon*> lexicon_;
  std::optional<Lexicon> remembering_;  // the shared dictionary's remembering copy, when that is the one
  // Lines that glue Han to a Latin letter: how many (counted once, when first
  // asked) and the first of them.
  std::optional<std::size_t> glued_lines_;
  std::uint32_t first_glued_ = 0;
  std::size_t spaced_lines_ = 0;  // lines that space the two scripts
  std::uint32_t first_spaced_ = 0;
};
std::optional<JoinedReading> joined_reading(const Transcript& transcript, const LineIndex& index, const Pair& pair,
                                            bool missing_translation, JoinLengthFit& fit);

// A line `own` (a pair's only line, or with `own_pair` -1 a header or footer
// line beside the pairs) whose partner in the missing side was joined to the
// line beside the gap, as joined_reading reads it.
std::optional<JoinedReading> beside_reading(const Transcript& transcript, const LineIndex& index, std::uint32_t own,
                                            std::int32_t own_pair, bool missing_translation, JoinLengthFit& reader);

// A pair read with two lines on one side (a split segment, checks.cpp's
// doubled) where one of the three lines holds two languages: split there, the
// four runs alternate as the document's order has it and form two pairs that
// each fit (a short English run only where the dictionary finds it translated
// by its partner, or a repeated number says so). The pairing read the joined
// line as one side's line (join_doubled.cpp says why that holds).
struct DoubledJoin {
  std::uint32_t line = 0;
  LanguageJoin join;
  bool second_translation = false;  // the line's second run is a translation
  bool own = true;                  // the two runs are one pair's (else the end of one and the start of the next)
};
std::optional<DoubledJoin> doubled_join(const Transcript& transcript, const LineIndex& index, const Pair& pair,
                                        bool translation_side, JoinLengthFit& fit);

// A line beside the pairs (the document's header or footer line) that holds a
// pair's two lines joined in the document's order: runs that fit each other as
// translation and original (a short English run only where the dictionary
// finds it translated). As likely a bilingual title: the caller says both.
std::optional<LanguageJoin> edge_join(const Transcript& transcript, const LineIndex& index, std::uint32_t line,
                                      JoinLengthFit& fit);
// The same reading of any line, its first run CJK where `cjk_first`, the
// translation the CJK run where `translation_cjk`.
std::optional<LanguageJoin> own_join(std::string_view text, bool cjk_first, bool translation_cjk, JoinLengthFit& fit);

// Whether a script is written in Han characters (Chinese, or Japanese with kana).
bool cjk_script(Script script);
// The nearest non-blank line before (`step` -1) or after (+1) line `from`, or -1.
std::int64_t next_text_line(const Transcript& transcript, std::int64_t from, int step);

// A document of one pair and one line beside it (join_order.cpp): read as a
// header (footer) and a pair, it reads as well as a pair in the other order
// and the other line's two runs joined, where the two lines read as a pair
// fit each other and the far line splits as own_join reads it in that order.
// `line` is the joined line; `first`, `second` the lines read as a pair.
struct ReorderedJoin {
  std::uint32_t line = 0;
  LanguageJoin join;
  std::uint32_t first = 0;
  std::uint32_t second = 0;
  bool second_translation = false;  // the joined line's second run is the translation
};
std::optional<ReorderedJoin> reordered_edge_join(const Transcript& transcript, const LineIndex& index,
                                                 std::uint32_t edge_line, JoinLengthFit& fit);

// Where a line that holds two segments' text (one side of two consecutive
// pairs, the second pair's line of that side gone) splits: a seam no single
// segment has, a CJK sentence end followed by a space or a Latin sentence end
// followed by a capital with no space, whose place in the line (in code
// points) is within a fifth of the line of the proportion the two partner
// lines' lengths predict (`first_share`, 0..1). The closest such seam.
// `spaced_cjk` says the seam is a CJK sentence end then a space: a writer's
// style in some documents (maint-guide puts "。 " between sentences), so the
// caller trusts it only where no other line of the document has one.
// `ordinary`: also an ordinary sentence end (。 then a CJK character, ". " then
// anything but a small letter), which one segment of two sentences has too: the
// caller needs other evidence for it (checks.cpp, merged_before).
// With `ordinary` also: where `second_token` (the second partner line's leading
// Latin token, leading_latin_token) starts a word of the line, and a capital
// word right after a small letter or a closing bracket with no space.
std::optional<LanguageJoin> merged_seam(std::string_view line, double first_share, bool* spaced_cjk = nullptr,
                                        bool ordinary = false, std::string_view second_token = {},
                                        bool* spaced_han = nullptr);
// A heading's number label the second partner starts with ("10.4.1.") is a
// seam without `ordinary` too (a footnote mark "[45]" only with it). `spaced_han` (when given): also a space
// between two Han characters, which the caller trusts only where no other line
// of the document has one (has_spaced_han); it says the seam found is one.
std::string_view leading_latin_token(std::string_view line);
bool is_label_token(std::string_view text);
bool has_spaced_han(std::string_view line);

// The word boundary of a merged line nearest the place the partners' lengths
// predict (`first_share`, within a fifth of the line as merged_seam): after
// spaces, at a capital glued to a small letter, between Han characters or
// where Han meets another script; never inside brackets. A candidate only:
// the caller weighs it by the length model (merged_reading_likelier).
std::optional<LanguageJoin> merged_length_cut(std::string_view line, double first_share);

// The semicolon (";" or "；", outside brackets, text after it) nearest the
// place the partners' lengths predict, within a fifth of the line: where a
// list's entries end with one, two entries merged meet there. A candidate
// only, for a first partner that ends an entry so (checks_joins.cpp).
std::optional<LanguageJoin> merged_entry_seam(std::string_view line, double first_share);

// Whether a line has a CJK sentence end followed by a space and a Han character.
bool has_spaced_cjk_end(std::string_view line);

}  // namespace bitext::detail
