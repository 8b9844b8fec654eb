// Front matter told by content: whether a line at the start of a document has
// a partner among the first lines of the other language (lexicon.hpp). A
// header (a title, a date, a line about the show) has none; a first pair's
// line has one.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "bitext/script.hpp"

namespace bitext::detail {

enum class HeaderFit {
  Unknown,    // no dictionary, not Chinese/English, or too few known words to tell
  Partner,    // some line of the other language translates it
  NoPartner,  // its words have no translation in any of them: a header, as likely as not
};
HeaderFit header_fit(std::string_view line, Script line_script, std::span<const std::string_view> others);

// A numbered heading: a section, chapter, figure or appendix number and a
// title after it ("9.6. The inetd Super-Server", "A.14. 其它更多", "Figure
// 17.180. Emboss", "第 8.41 节 “Sepia”", "第 1 章 Debian 项目"). Such a line is
// the structure of the text itself, which a bilingual document translates like
// any other line; a document's own header (a show's title, "本集简介") is not
// numbered this way.
bool numbered_heading(std::string_view line);

// The number of a numbered heading, without its full stop ("9.6", "A.14",
// "17.180", "8.41", "1"); empty when the line is no numbered heading.
std::string_view heading_number(std::string_view line);

// Whether `line` holds `number` as a whole number: not inside a longer one
// ("8.41" does not carry "8.4", "12.1." does not carry "12"). A translation
// carries its heading's number over.
bool carries_number(std::string_view line, std::string_view number);

// A heading's label with no title after it: a bare number label, or one word
// and a number ("Chapter 2.", "附录 A.", "上一页16.3.", "PrevChapter 4.", "第 2
// 章"). It labels a title that follows it, so the title is not a line of its own.
bool bare_label(std::string_view line);

// A bare section or list number ("3.1.6.", "A.2.", "12."): digits or one
// capital letter, then ".digits" groups, then a full stop. It labels what
// follows it, with a space between in either script.
bool is_number_label(std::string_view text);

// The number label that ends a text ("4." of "Chapter 4.", "12.4." of
// "Prev12.4."), or empty.
std::string_view trailing_number_label(std::string_view text);

// Whether `line` holds `label` with its full stop as a whole number (not
// inside "1.13." for "13.").
bool holds_label(std::string_view line, std::string_view label);

// A page's navigation link as a line: "上一页" / "下一页" / "Prev" / "Next" and
// the title it leads to ("下一页16.2. Debian的未来", "NextPreface", "Prev9.8.
// Scheduling…"). Exported help pages glue the link word to the title; an
// English word must be followed at once by a capital, a digit or a
// non-Latin character, or stand alone, so a sentence ("Next, run…", "Next
// we…") is no link.
bool navigation_line(std::string_view line);
// The link word that text starts with under that rule ("下一页", "Next"), or empty.
std::string_view navigation_word(std::string_view text);
// Where `line` holds, after its start, the link word of the navigation line
// `link_line` in either language ("Next" or "下一页" for "下一页16.2. …") as
// the start of a link, or 0: a page's link is a segment of its own, so a line
// that holds text and then that link holds the link line's segment too.
std::size_t navigation_link_inside(std::string_view line, std::string_view link_line);
// A navigation line's title: the line trimmed, without its link words
// ("上一页2.2. 总体规划" gives "2.2. 总体规划"); any other line trimmed.
std::string_view navigation_title(std::string_view line);

// A list entry: a few words with no sentence or clause mark anywhere (no
// full stop, comma, colon or semicolon, in either width): a menu item, a
// table cell, a key name ("Color Enhance", "原始尺寸", "Save background color").
// At most 24 code points, about four English words or eight Chinese
// characters with room for a Latin term.
bool list_entry(std::string_view line);

// Two consecutive lines of one side that read as two segments rather than one
// broken in two: the first ends with no sentence end, clause mark, colon or
// hyphen (a title or an entry, not a sentence's head) and is no label alone;
// the second opens with a capital, a digit or a Han character.
bool segments_apart(std::string_view first, std::string_view second);

// Whether an English line ends with a closed-class word (an article, a
// preposition, a conjunction, an auxiliary: "the", "of", "and", "is"), which
// ends no title and no sentence: the line is a sentence's head.
bool ends_with_function_word(std::string_view line);

// The Latin word a line opens with (letters, digits, '-'), or empty.
std::string_view opening_word(std::string_view line);

// The capitalised words a text writes right after a small-letter word and a
// space ("…now uses X2Go", "…the Debian Edu"): names, whose capital opens no
// segment. Appended to `out` (unsorted).
void inner_capital_words(std::string_view line, std::vector<std::string_view>& out);

}  // namespace bitext::detail
