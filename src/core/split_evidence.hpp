// Evidence, from the text of the lines, for "one segment split over two
// lines" against "a segment and a lone line" where two lines of one language
// meet: the punctuation at the break, and the names and numbers the partner
// carries over. Negative costs favour the split.
#pragma once

#include <string_view>

#include "bitext/lexicon.hpp"

namespace bitext::detail {

// What the text around a line break between two lines of one side says
// (`partner`: the other side's line the two would pair with). `fixed`: negative for "one
// segment split in two", positive for "two segments". `lower_right`: the right
// part opens in lower case, a cue the caller weighs by how often the
// document's own lines of that script open so.
struct BreakCues {
  double fixed = 0.0;
  bool lower_right = false;
};
BreakCues break_cues(std::string_view left, std::string_view right, bool cased, std::string_view partner = {});

// The line's first letter, quotes and brackets aside, is a lower-case ASCII letter.
bool opens_lower_case(std::string_view line);

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
