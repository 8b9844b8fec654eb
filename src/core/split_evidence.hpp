// Evidence, from the text of the lines, for "one segment split over two
// lines" against "a segment and a lone line" where two lines of one language
// meet: the punctuation at the break, and the names and numbers the partner
// carries over. Negative costs favour the split.
#pragma once

#include <string_view>

#include "bitext/lexicon.hpp"

namespace bitext::detail {

// From the text around a line break: negative for "one segment split in
// two", positive for "two segments". `cased`: the script has upper and lower case.
double break_cost(std::string_view left, std::string_view right, bool cased);

double shared_names_cost(std::string_view questioned, std::string_view other_part, bool questioned_cased,
                         std::string_view partner, bool partner_cased);

double shared_numbers_cost(std::string_view questioned, std::string_view other_part, std::string_view partner);

// Evidence from the dictionary (a Chinese/English document with CC-CEDICT
// loaded): content words of the questioned part without a counterpart in the
// partner, while the other part's words have some and the questioned part
// translates no partner word the other part does not, say it had a partner
// of its own (a lone line). Positive or 0.
double shared_words_cost(const Lexicon& lexicon, std::string_view questioned, std::string_view other_part,
                         std::string_view partner, bool questioned_chinese);

}  // namespace bitext::detail
