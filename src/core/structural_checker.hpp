// The structural checks' working state: one object per check of a document, its
// members spread over checks.cpp (each pair's shape), checks_edges.cpp (the lines
// around the pairs: headers, footers, broken-off numbers and fragments) and
// checks_joins.cpp (lines joined or merged across pairs; checks_join_order.cpp a
// three-line document read in the other order). Private to the core.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/checks.hpp"
#include "bitext/rules.hpp"
#include "joined_lines.hpp"

namespace bitext::structural {

inline std::string pair_number(const Pair& pair) { return std::to_string(pair.index + 1); }

class StructuralChecker {
 public:
  StructuralChecker(const Transcript& transcript, const LineIndex& index, const CheckOptions& options);
  std::vector<Finding> run();

 private:

  // The header or footer line next to the pairs, when it is a numbered
  // heading in one of the document's two languages with no translation
  // among the nearest pairs: a bilingual document translates its headings
  // like its other lines, so the first (last) pair may have lost its other
  // line; or the line is the document's own header. Likewise a navigation
  // link alone when a pair beside it translates the document's links.
  // Information: both fit.
  void orphaned_heading(bool front);

  // The header (footer) line holds a pair's two lines joined (joined_lines.hpp,
  // edge_join): information, since a bilingual title reads the same; the fix
  // puts the line break back as joined() does.
  bool joined_edge(std::uint32_t number, const Pair& edge);

  // The header (footer) line's partner joined to the first (last) pair's line
  // beside it (detail::beside_reading): information, the line may be a header.
  bool joined_beside_edge(std::uint32_t number, const Pair& edge);

  // A three-line document read as the header (footer) line `number` and one
  // pair, whose far line holds a pair's two lines joined when the document is
  // read in the other order (checks_join_order.cpp): information.
  bool joined_reordered_edge(std::uint32_t number, const Pair& edge);

  // Which of the two languages a line is in: 1 the translation's, 0 the
  // original's, -1 neither. A Chinese or Japanese line keeps a Latin-heavy
  // title ("图 17.176. Sharpen"), so any CJK character says.
  int language_side(std::uint32_t number) const;

  // The nearest non-blank line before the first pair (after the last), or -1.
  std::int64_t line_beside_pairs(bool front) const;

  // A header and a footer around a single pair that are numbered headings
  // in the two languages with the same number ("10. 终止" … "10. TERMINATION"),
  // while the pair's line next to each heading is in the other heading's
  // language: the headings translate each other, so the two pairs' lines
  // were rotated by one (a shifted block) rather than both headings having
  // lost their partners. Information, with the exchange that re-pairs them.
  // True when reported (the headings are then not orphaned).
  bool rotated_headings();

  // A list entry alone next to the first (last) pair, when that pair holds
  // entries of the same list (both its lines are entries) or, after the last
  // pair, introduces the list (both its lines end with a colon): a
  // bilingual document translates its lists entry by entry, as that pair
  // shows, so the entry may have lost its partner; a short title of the
  // document's own fits as well.
  bool continues_list(const Pair& edge, std::string_view text, bool front) const;

  // The nearest of the two pairs next to the first (last) pair, itself
  // included, whose lines are all navigation links in both languages ("上一页…"
  // | "Prev…"): the document translates its navigation, so a link line alone
  // beside it has lost its partner. -1 when there is none.
  std::int64_t translated_navigation(bool front) const;

  // A lone line or a split line at the very start of the document may be a
  // header (a title, a line about the show) the pairing took for text: an
  // error only when the line's words have a translation among the first
  // lines of the other language; without a partner, information (a header as
  // likely as not); without a dictionary to tell, at most a warning.
  void doubt_first_lines();
  const TranscriptLine& line(std::uint32_t number) const { return transcript_.lines[number]; }
  std::string_view text_of(std::uint32_t number) const { return index_.line_text(number); }
  // Whether the line merged from two partners on the translation side
  // (`partners_translation`), or on the original side, is the Chinese one.
  bool merged_line_chinese(bool partners_translation) const {
    return (partners_translation ? transcript_.original_script : transcript_.translation_script) == Script::Han;
  }

  // The line end after a line, or the document's when it is the last line.
  std::string eol_after(std::uint32_t number) const {
    if (index_.of_ranges()) return index_.separator();  // text units of a layout: its own separator
    const std::size_t end = index_.line_end(number);
    const std::size_t next = index_.line_start(number + 1);
    if (number + 1 < index_.line_count() && next > end) return std::string(index_.text().substr(end, next - end));
    return document_eol_;
  }

  // 1-based document line of a line (of a text unit, in layouts other than lines).
  std::string line_number(std::uint32_t line) const { return std::to_string(index_.document_line(line) + 1); }
  bool blank(std::uint32_t number) const { return line(number).kind == LineKind::Blank; }
  RelatedLocation related(std::uint32_t number, std::string message) const {
    return {line(number).begin, line(number).end, std::move(message)};
  }

  // At the rule's default severity: the user's settings are applied once, to
  // all findings, by apply_rules().
  Finding& add(std::string_view code, std::uint32_t first, std::uint32_t last, const Pair& pair, std::string message);

  // Edits that exchange the bytes of [a_begin, a_end) and [b_begin, b_end).
  void exchange(Fix& fix, std::size_t a_begin, std::size_t a_end, std::size_t b_begin, std::size_t b_end) const {
    const std::string_view text = index_.text();
    fix.edits.push_back({a_begin, a_end, std::string(text.substr(b_begin, b_end - b_begin))});
    fix.edits.push_back({b_begin, b_end, std::string(text.substr(a_begin, a_end - a_begin))});
  }
  std::string_view side_name(bool translation) const { return translation ? translation_name_ : original_name_; }
  // A side named by its language and role: "Chinese translation", "English original".
  std::string side_part(bool translation) const {
    return std::string(side_name(translation)) + (translation ? " translation" : " original");
  }

  // Nearest line of the given side in the previous or next pair, for messages.
  struct Neighbour {
    bool found = false;
    bool previous = false;
    std::uint32_t line = 0;
    std::uint32_t pair = 0;
  };
  Neighbour neighbour(const Pair& pair, bool translation) const;
  void check(const Pair& pair);
  void missing(const Pair& pair, bool missing_translation);

  // A pair's missing line found joined to its partner or to the next pair's
  // line (joined_lines.hpp): one error in place of the missing side, with the
  // line break put back where the second language starts. A single space at
  // the join (what join-lines commands put there) is replaced by the break;
  // any other spacing stays on the first line, so no character is lost.
  bool joined(const Pair& pair, bool missing_translation);
  // A pair read with two lines on one side where one of them holds two
  // languages whose runs make two fitting pairs (detail::doubled_join): the
  // joined line in place of the split-line reading.
  bool joined_doubled(const Pair& pair, bool translation_side);
  // The fix that puts a joined line's break back where its second run (`second_part`) starts.
  Fix split_at_join(std::uint32_t number, const detail::LanguageJoin& join, const std::string& second_part) const;

  // A line that reads as a speaker label alone ("请留意："), in the missing
  // side's language, right where the missing line belongs, beside a present
  // line that ends with a colon too ("Please note:"): a heading ending in a
  // colon fits as well as a label before a lost line, so information.
  void heading_read_as_label(Finding& finding, bool missing_translation, std::uint32_t beside, std::uint32_t present);

  // A side that is, or a split that starts with, one Markdown heading
  // ("## 第二节") in a line-pair file: notes often title their sections in one
  // language only, which fits as well as a lost partner or a broken line, so
  // information.
  void untranslated_heading(Finding& finding, std::uint32_t first, std::uint32_t last);
  void swapped(const Pair& pair);
  void untranslated(const Pair& pair);
  static bool has_han(std::string_view text);
  void doubled(const Pair& pair, bool translation_side);
  // A doubled side whose first line follows the other side's lone line, a
  // heading's label alone ("图 17.5.", "上一页10.8."), and whose second line is
  // that heading with exactly the first line as its title ("Figure 17.5.
  // Pixelize" after "Pixelize"): pages keep such titles untranslated, so the
  // label's own title was split off it and read by its script as the other
  // side. The join that gives it back, or none.
  std::optional<Fix> title_to_label(const Pair& pair, bool translation_side) const;

  // The merged shape at an ordinary sentence end ("。" then Han, ". " then a
  // capital): one segment of two sentences split over two lines has it too,
  // so joining stays preferred and splitting the other side's line there and
  // moving its second part is offered second, when both parts fit their
  // partner lines' lengths.
  void merged_second_fix(std::size_t finding_at, const Pair& pair, bool translation_side);

  // Whether the two parts of a merged line (cut at `seam`) fit the partner
  // lines `first` and `second` (of the side `partners_translation`) under the
  // document's length model.
  bool merged_parts_fit(std::string_view text, const detail::LanguageJoin& seam, std::uint32_t first,
                        std::uint32_t second, bool partners_translation);
  // Whether the merged reading of a line cut at `seam` is likelier than a
  // deletion beside it under the length model (checks_joins.cpp).
  bool merged_reading_likelier(std::string_view text, const detail::LanguageJoin& seam, std::uint32_t first,
                               std::uint32_t second, bool partners_translation);
  // The dictionary's readings of a line cut at `seam`, asked where
  // merged_words_agree holds (merged_lexical.cpp). Whether it reads each part
  // as its partner's translation, every word of it.
  bool merged_parts_translated(std::string_view text, const detail::LanguageJoin& seam, std::uint32_t first,
                               std::uint32_t second, bool partners_translation);
  // Whether the partners' end marks place the cut at `seam`: the first part
  // ends as the first partner does, the second as the second, the two unlike.
  bool merged_marks_place_cut(std::string_view text, const detail::LanguageJoin& seam, std::uint32_t first,
                              std::uint32_t second, bool partners_translation);
  // Whether a line too long for its first partner, a title, holds that
  // title's translation and then a sentence at `seam` (merged_lexical.cpp).
  bool merged_title_reading(std::string_view text, const detail::LanguageJoin& seam, std::uint32_t first,
                            std::uint32_t second, bool partners_translation);
  // Whether a line holds its first partner's sentence, whole, and then the
  // second partner's heading at `seam`.
  bool merged_heading_after_sentence(std::string_view text, const detail::LanguageJoin& seam, std::uint32_t first,
                                     std::uint32_t second, bool partners_translation);
  // Its guards: each part holds its partner's numbers and no dictionary word
  // leans across the cut; a length-chosen boundary can open the second
  // segment; a word the document capitalises inside its sentences (a name).
  bool merged_words_agree(std::string_view text, const detail::LanguageJoin& seam, std::uint32_t first,
                          std::uint32_t second, bool partners_translation);
  bool written_as_name(std::string_view word);
  bool merged_cut_starts_segment(std::string_view text, const detail::LanguageJoin& seam, std::uint32_t second,
                                 bool partners_translation);
  // A cut no mark placed: it starts a segment, the parts fit, the merge is likelier (checks_joins.cpp).
  bool merged_cut_taken(std::string_view text, const detail::LanguageJoin& cut, std::uint32_t first,
                        std::uint32_t second, bool partners_translation);

  // An ordinary sentence end as a merged line's seam where a line is missing
  // (merged_before): the competing reading is a deleted line, whose neighbour
  // translates its own partner only. So the parts must fit their partners'
  // lengths and either the whole line must be too long for the first partner
  // alone, or the dictionary must say the second part translates the second
  // partner: at least two of its words have a counterpart there and not in
  // the first partner, more than the other way round.
  // `partners_present`: both partner lines stand beside the line (split-line's
  // shape), where the line is long for the first alone in either reading.
  bool merged_sentence_evidence(std::string_view text, const detail::LanguageJoin& seam, std::uint32_t first,
                                std::uint32_t second, bool partners_translation, bool partners_present);

  // A missing line's merged reading with no punctuation seam (merged_lexical.hpp):
  // the dictionary's clean cut, where both parts fit their partners' lengths.
  std::optional<detail::LanguageJoin> merged_lexical(std::string_view text, std::uint32_t first, std::uint32_t second,
                                                     bool partners_translation, double share,
                                                     std::string_view second_token, bool partners_present);

  // The same shape seen from the other side: the pair's one line on the other
  // side, right before the two, holds two segments' text joined at a seam no
  // single segment has (joined_lines.hpp, merged_seam) where the two lines'
  // lengths put it: one side of two pairs merged, the second pair's line of
  // that side gone. Split it there and move the second part after the first
  // partner line (the document's order); joining the two lines stays second.
  bool merged_segments(const Pair& pair, bool translation_side);

  // The other side of that shape: this pair's line of one side is gone because
  // it was merged into the previous pair's line of that side, which lies
  // between the previous pair's partner and this pair's (the lines alternate).
  bool merged_before(const Pair& pair, bool missing_translation);
  // Its mirror: this pair's line alone, the merged line and its partner in
  // the next pair (the pairing took the merged line for the next segment's).
  bool merged_after(const Pair& pair, bool missing_translation);
  // The footer line after the last pair as the partner of the second half of
  // the last pair's line (merged_edges.cpp): only where that line holds a
  // number of the footer line that its own partner lacks.
  bool merged_edge(std::uint32_t number, const Pair& edge);
  // The header line before the first pair as the partner of the first half
  // of the first pair's line right after it (merged_edges.cpp).
  bool merged_front(std::uint32_t number, const Pair& edge);

  // A line (`merged`) holding two segments' text whose partner lines are
  // `first` and `second` (of the side `partners_translation`): split it at
  // the seam and move the second part to its place in the document's order,
  // right after `second` when the merged side comes second in a pair
  // (`after_second`), else right before it. Joining the two partner lines, the
  // other reading, comes second when they are adjacent.
  // `ordinary_ok`: a missing line's reading (merged_before), where an ordinary
  // sentence end may be the seam with the evidence of merged_sentence_evidence.
  bool merged_finding(const Pair& pair, std::uint32_t merged, std::uint32_t first, std::uint32_t second,
                      bool partners_translation, bool after_second, bool ordinary_ok = false,
                      bool partners_present = false);
  // The finding of a merged line cut at `seam` and its fixes (merged_finding's report).
  void merged_report(const Pair& pair, std::uint32_t merged, std::uint32_t first, std::uint32_t second,
                     bool partners_translation, bool after_second, const detail::LanguageJoin& seam);

  // Split line `merged` at `seam` and move its second part right before line
  // `second` (right after it: `after_second`).
  Fix merged_split_fix(std::uint32_t merged, std::uint32_t second, const detail::LanguageJoin& seam, bool after_second);

  // How many lines of the document have a space between two Han characters, counted once.
  std::uint32_t spaced_han_lines();

  // How many lines of the document have a CJK sentence end, a space and a
  // Han character (merged_seam's writer's-style seam), counted once.
  std::uint32_t spaced_cjk_lines();

  // A line without letters right after a line of a pair, with no blank line
  // between ("[97]", ":-)", "，" on a line of their own): the end of that line,
  // broken off. Pairing sets such lines aside as markup, so without this they
  // would go unseen. Not fragments: subtitle cue numbers (digits only) and
  // timings, clock times, music notes and rules ("---", "* * *"), which are
  // format, nor a section number ("B.1.2.", set aside too), which labels the
  // line after it (number_label_apart).
  void broken_off_fragment(std::uint32_t number);

  // A line holding only a section or list number ("3.1.6.", "A.2.", "12.")
  // right before a line of a pair, with no blank line between: the number of
  // that line, broken off its start (a number that ends in a full stop labels
  // what follows it). Pairing sets it aside as markup, as it does subtitle cue
  // numbers, which have no full stop.
  // At the very start of the document the number may as well be a header's
  // (a chapter number): information there.
  void number_label_apart(std::uint32_t number);

  // Text that is neither letters nor format: some character other than digits,
  // spaces, the marks of numbers and times (: . , - > /) and music notes, and
  // not one mark repeated (a rule).
  static bool is_fragment(std::string_view text);

  // Blank lines between the two sides of a pair.
  struct InnerBlanks {
    std::uint32_t after = 0;  // last line of the side before
    std::uint32_t before = 0; // first line of the side after
    bool any = false;
  };
  InnerBlanks inner_blanks(const Pair& pair) const;
  void count_inner_blank_style();
  void inner_blank(const Pair& pair);
  const Transcript& transcript_;
  const LineIndex& index_;
  const CheckOptions& options_;
  std::string_view translation_name_;
  std::string_view original_name_;
  bool translation_first_;
  bool blank_inside_pairs_is_style_ = false;
  std::string document_eol_ = "\n";
  std::vector<Finding> findings_;
  detail::JoinLengthFit join_fit_{transcript_, index_};  // the joined readings' length model, fitted once
  std::optional<std::uint32_t> spaced_cjk_lines_;
  std::optional<std::uint32_t> spaced_han_lines_;
  std::optional<std::vector<std::string_view>> inner_capitals_;  // names written inside sentences, sorted
};

}  // namespace bitext::structural
