// Discourse cues (discourse_cues.cpp): whole words and phrases at a
// sentence's opening, in either language, and a colon at a line's end.
#include <doctest/doctest.h>

#include "core/content_stages.hpp"

using bitext::content::ends_with_colon;
using bitext::content::opens_with_continuation;

TEST_CASE("discourse cues: connectives, anaphors and a closing colon in both languages") {
  CHECK(opens_with_continuation("However, in principle users could…"));
  CHECK(opens_with_continuation("“This is why…"));
  CHECK(opens_with_continuation("For instance, run it."));
  CHECK(opens_with_continuation("它们一起构成了基石。"));
  CHECK(opens_with_continuation("但是这不行。"));
  CHECK_FALSE(opens_with_continuation("Thistle grows here."));  // a word, not the anaphor "This"
  CHECK_FALSE(opens_with_continuation("Items are listed."));
  CHECK_FALSE(opens_with_continuation("软件包是什么？"));
  CHECK_FALSE(opens_with_continuation(""));
  CHECK(ends_with_colon("you can just run: "));
  CHECK(ends_with_colon("可选择以下命令中的一个："));
  CHECK_FALSE(ends_with_colon("ratio 3:4 is kept."));
}
