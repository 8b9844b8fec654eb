// Discourse cues (discourse_cues.cpp): whole words and phrases at a
// sentence's opening, in either language, and a colon at a line's end.
#include <doctest/doctest.h>

#include "core/content_stages.hpp"
#include "core/line_end_marks.hpp"
#include "core/line_facts.hpp"

using bitext::content::opens_with_continuation;

TEST_CASE("discourse cues: connectives, anaphors and a closing colon in both languages") {
  CHECK(opens_with_continuation("However, in principle users could…"));
  CHECK(opens_with_continuation("“This is why…"));
  CHECK(opens_with_continuation("For instance, run it."));
  CHECK(opens_with_continuation("它们一起构成了基石。"));
  CHECK(opens_with_continuation("但是这不行。"));
  CHECK(opens_with_continuation(" （「例如，这样）"));  // blanks and opening marks in any order before it
  CHECK(opens_with_continuation("‘It runs."));
  CHECK_FALSE(opens_with_continuation("Thistle grows here."));  // a word, not the anaphor "This"
  CHECK_FALSE(opens_with_continuation("Items are listed."));
  CHECK_FALSE(opens_with_continuation("软件包是什么？"));
  CHECK_FALSE(opens_with_continuation(""));
  // The colon cue as the realignment reads it: the text trimmed, closing marks aside.
  auto ends_with_colon = [](std::string_view text) { return bitext::detail::ends_with_colon(bitext::detail::trim(text)); };
  CHECK(ends_with_colon("you can just run: "));
  CHECK(ends_with_colon("可选择以下命令中的一个："));
  CHECK(ends_with_colon("如下所示：」 "));
  CHECK_FALSE(ends_with_colon("ratio 3:4 is kept."));
}
