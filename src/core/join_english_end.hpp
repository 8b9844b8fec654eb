// Where an English run ends before a Chinese run that starts with Latin text
// (joined_lines.cpp, english_then_chinese): which marks end the English
// sentence, and which belong to a number or a title's label.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace bitext::detail {

// Whether the full stop at `at` stands between two digits: a number's inner
// dot ("Section 8.31", "Version 1.2", "GIMP 2.4"), which ends no sentence.
bool inner_number_dot(std::string_view line, std::size_t at);

// Whether the full stop at `at` closes the label that follows the line's
// first word ("Chapter 2.", "Appendix E.", "Figure 1255.", "Prev6."): a
// heading's label, after which its title follows, not a sentence's end.
bool line_label_dot(std::string_view line, std::size_t at);

// Whether line[begin, end) is a short term in small letters (a command or a
// package name: "dpkg", "cron-apt", "chgrp group file"; at most three words,
// no capital, no dot or slash): how a Chinese run may start after the English
// sentence's end ("…reserved for local use.emerg：…").
bool small_term(std::string_view line, std::size_t begin, std::size_t end);

// Whether the mark at `at` ends the English sentence before a small-letter
// term that starts the Chinese run (line[next, end), small_term): a semicolon
// (after a prose word when no blank follows: "itself;user"), or a full stop,
// '!' or '?' with a blank after it. A full stop glued to small letters is a
// name's ("OpenOffice.org", "Release.gpg", "smb.conf"); a colon introduces a
// command of the English sentence's own ("up-to-date: apt-get upgrade").
bool small_term_after(std::string_view line, std::size_t at, std::size_t next, std::size_t end);

// In a reference list's line (it starts with an entry's key, join_entries.hpp),
// the start of the last key before `first_cjk` that is not the line's own:
// the next entry's key, which starts the Chinese run ("[WKPD-JPEG] Wikipedia -
// JPEG. https://… .[WKPD-LAB] 维基百科…").
std::optional<std::size_t> next_reference_key(std::string_view line, std::size_t first_cjk);

}  // namespace bitext::detail
