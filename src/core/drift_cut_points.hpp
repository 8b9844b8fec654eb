// Where a drift's moved text begins or ends inside its source line: the cut
// that the words' leaning to either partner says, and the section label that
// ends a line (most likely the next line's heading label moved there).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content_stages.hpp"

namespace bitext::content {

// Where the words cut a drift's source line: backward, after the last word
// of the first run that leans to the destination (up to the first word
// leaning to the source's own partner); forward, before the first word of
// the last such run. `at` is a byte offset (0: no cut); any cut whose tail
// begins at a word in (`after`, `upto`] falls between the same leaning words.
struct WordCut {
  std::uint32_t at = 0;
  std::size_t after = 0, upto = 0;
};

// `titles_label`: the destination (backward) ends with a bare section number,
// a heading cut to its number; then the title's words say the cut alone when
// none of the source's words leans to its own partner ("选项边缘平滑" against
// "2.1.2. Options" | "Antialiasing"): after the run of words leaning to the
// destination that begins the line, when some word follows it.
WordCut word_cut_of(const LineFeatures& source, const DriftWords& words, bool forward, bool titles_label);

// Whether the word cut at byte `at` of a spaced line falls where a sentence
// begins without its full stop: a lower-case word, spaces, then a
// capitalised word ("…that look like Now, I'm going…", a speaker's restart).
bool begins_unmarked_sentence(std::string_view text, std::size_t at);

// Where a section label at the end of a line begins, or 0: a bare section
// number ("…download from: 6.2.3.", "…(SPF) 11.1.7.2.", "…选项6.1.") or a
// one-group number with its capitalised word ("…Compiling a Kernel Chapter
// 9."), with a Latin word glued before it as its prefix ("Next8.2.",
// "NextChapter 9.", as add_label_cuts keeps "Prev4.3." whole). A label names
// what follows it, so at a line's end it is most likely the next line's
// heading label moved there; add_label_cuts cuts only after a word. In an
// unspaced (Chinese) line a glued Latin word is text ("…Nagios12.4.2.1.").
// `partner`: the destination's other-language line. When it begins with a label
// that has a word ("Figure 4.5.", "下一页2.2."), the moved label has one too, the word just
// before its number: for a spaced line the capitalised word ("…in the drive
// Figure 4.5."), for a Chinese line as many of the line's last words as the
// partner's label has (ICU's segments, read by the dictionary when it is
// loaded: "…发布周期下一页2.2.", "…承诺上一页附录 A." for "PrevAppendix A."),
// at least the Han character before the number ("…电子邮件软件图 13.9.").
std::size_t trailing_label_begin(std::string_view text, bool spaced, std::string_view partner, const Lexicon* lexicon);

// Whether `partner` opens with a worded label and its full stop ("Chapter 14.
// Security") whose number `own` carries without the stop ("第 14 章 安全"):
// the partner counts a sentence by a full stop that closes none.
bool worded_label_stop(std::string_view partner, std::string_view own);

// Where a drift's fix cuts its source line. The detection may cut between a
// heading label's word and its number: backward, before a section number
// inside the line (add_label_cuts: "Blur 图 | 17.180. Emboss", "…Images Figure
// | 8.1. …"); forward, before a trailing number whose word the length model
// kept ("…安装下一页 | 4.3."). When the partner of the pair that label opens
// begins with a worded label ("Figure 17.180. …", "Next4.3. …"), the word and
// its number are one label and the heading begins at the word
// (trailing_label_begin), so the fix cuts before the word. `cut`: the
// detection's cut; the fix's is returned (only the fix reads it: detection,
// evidence and message keep the detection's).
CutPoint fix_cut(const PairTable& table, const Alternative& drift, CutPoint cut);

}  // namespace bitext::content
