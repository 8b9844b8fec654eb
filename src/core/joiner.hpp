// What a fix puts between two pieces of text it makes one line of (a split
// line joined again, a drifted sentence moved back to its line).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bitext/text.hpp"

namespace bitext::detail {

// Nothing next to white space already there. Else the words that meet decide,
// past the punctuation between them: one space after an ASCII full stop
// unless Chinese text is on both sides (a Latin sentence or a section number
// ends there: "上一页4.3. 在首次启动之后"); nothing when either word is CJK
// ("什么?" then "(继续)如果"); one space between two Latin words.
std::string joiner(std::string_view left, std::string_view right);

// joiner(), except where a sentence's end meets a footnote's reference mark
// ("。" then "[94]"): documents space the mark in some stretches and glue it in
// others, as their translators did, so the nearest line outside the edited
// ones (`first`..`last`) where a sentence end of the same kind (full-width or
// ASCII) meets a mark tells; joiner() when none does within kMarkHabitReach
// lines (a habit is a stretch's; bounded so that each fix costs the same on a
// long document) or the two nearest disagree.
inline constexpr std::size_t kMarkHabitReach = 512;
std::string joiner_in(std::string_view left, std::string_view right, const LineIndex& lines, std::size_t first,
                      std::size_t last);

}  // namespace bitext::detail
