// The punctuation at the end of a line, as pairing reads it: does the line end
// a sentence, or stop inside one (the sign of a line split in two)?
#pragma once

#include <string_view>

namespace bitext::detail {

// Closing and opening quotes and brackets, skipped when looking for the
// punctuation at a line break.
bool is_quote_or_bracket(char32_t cp);
bool ends_sentence(char32_t cp);  // . ! ? … and their CJK forms
bool is_comma_like(char32_t cp);  // , ; - — – and their CJK forms
// Last code point of a line that is not a closing quote or bracket (0 if none).
char32_t last_mark(std::string_view line);
// The line stops inside a sentence (a letter, digit or comma at its end).
bool ends_inside_sentence(std::string_view line);
// The line ends with a colon (ASCII or full-width), closing quotes and brackets aside:
// it introduces what follows (a list, a quote, a command).
bool ends_with_colon(std::string_view line);
// The line ends with a closing bracket (ASCII, full-width or lenticular): an
// aside, a footnote's mark, a manual reference or an emoticon closes it.
bool ends_with_closing_bracket(std::string_view line);
// The line ends with a comma (ASCII or full-width), closing quotes and
// brackets aside: its sentence goes on in the next line.
bool ends_with_comma(std::string_view line);
// Where a comma that opens the line ends, spaces after it included, when text
// follows it ("，众多开发者…"); 0 when none. A line opens with a comma only
// where its sentence began in the line before.
std::size_t leading_comma_end(std::string_view line);
// The text is an aside by its shape: it opens with a bracket, or holds no
// letter and no CJK character (a mark such as ":-)" or "[96]").
bool is_aside(std::string_view text);
// Where an aside that opens the line ends: after the bracket that closes its
// opening one, or after a leading run of two or more ASCII marks that ends
// with a closing bracket (":-)"). 0 when none, or when it is the whole line.
std::size_t leading_aside_end(std::string_view line);
// Where a footnote mark ("[96]": digits in square brackets) that begins at
// `at` ends, or 0 when none begins there.
std::size_t footnote_mark_end(std::string_view text, std::size_t at);
// How many footnote marks in the text follow a sentence's end (after one space
// at most) and are glued to a letter, digit or Han character after them ("。 [96]尝试").
// A reference mark follows the sentence it annotates and a space, a mark or
// the line's end follows it; a body's mark opens a line and a space follows it.
int glued_footnote_marks(std::string_view text);

}  // namespace bitext::detail
