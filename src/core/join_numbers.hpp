// Section numbers in a line that holds two lines of different languages
// (joined_lines.cpp): a title's number ("7.2", "11.8.2.") tells where a
// caption's, a navigation link's or a heading's two runs meet.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace bitext::detail {

// Whether the text holds a section number with an inner dot ("17.5", "8.2.2").
bool has_section_number(std::string_view text);

// Whether `a` holds a section number with an inner dot ("4.9", "17.195") that
// `b` holds too, as a whole number: a caption's or a heading's two lines carry it
// ("Figure 4.9. Guided partitioning" and "图 4.9. 引导分区").
bool shares_section_number(std::string_view a, std::string_view b);

// Whether the full stop at `at` belongs to a section number's label ("15.4.",
// "11.8.2."; not "4." alone, which may end a sentence on a number, nor a
// version inside a name or path, "gpl-3.0.html"): a title follows the label,
// so none of its dots ends a sentence.
bool in_section_label(std::string_view line, std::size_t at);
// Whether the full stop at `at` closes such a label.
bool closes_section_label(std::string_view line, std::size_t at);

// Where the English run starts in a line whose section number with an inner
// dot stands twice, the second time in a Latin tail with no CJK after it,
// after one capital word or directly ("图 17.5. Pixelize Figure 17.5. Pixelize",
// "上一页7.2. 通常步骤Prev7.2. Common Procedures", glued: "…WineNext13.8."
// starts at "Next"). The first occurrence is before that start.
std::optional<std::size_t> repeated_number_start(std::string_view line);

}  // namespace bitext::detail
