// What a fix puts between two pieces of text it makes one line of (a split
// line joined again, a drifted sentence moved back to its line).
#pragma once

#include <string>
#include <string_view>

namespace bitext::detail {

// Nothing next to white space already there. Else the words that meet decide,
// past the punctuation between them: one space after an ASCII full stop
// unless Chinese text is on both sides (a Latin sentence or a section number
// ends there: "上一页4.3. 在首次启动之后"); nothing when either word is CJK
// ("什么?" then "(继续)如果"); one space between two Latin words.
std::string joiner(std::string_view left, std::string_view right);

}  // namespace bitext::detail
