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

}  // namespace bitext::detail
