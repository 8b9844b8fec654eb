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
  // A cross-reference points from the text before it.
  CHECK(opens_with_continuation("See Chapter 5, Other files under the debian directory."));
  CHECK(opens_with_continuation("(See the manual for details.)"));
  CHECK(opens_with_continuation("参见 第 5 章。"));
  CHECK(opens_with_continuation("请参阅手册。"));
  CHECK_FALSE(opens_with_continuation("Seeds are sown in spring."));
  CHECK_FALSE(opens_with_continuation("参加会议的人很多。"));
  // The colon cue as the realignment reads it: the text trimmed, closing marks aside.
  auto ends_with_colon = [](std::string_view text) { return bitext::detail::ends_with_colon(bitext::detail::trim(text)); };
  CHECK(ends_with_colon("you can just run: "));
  CHECK(ends_with_colon("可选择以下命令中的一个："));
  CHECK(ends_with_colon("如下所示：」 "));
  CHECK_FALSE(ends_with_colon("ratio 3:4 is kept."));
}

TEST_CASE("discourse cues: a sentence's first two words, by which parallel paragraphs open alike") {
  using bitext::content::opening_words;
  CHECK(opening_words("Permission is granted to copy this document.") == "permission is");
  CHECK(opening_words("“If you are a new user, start with stable.") == "if you");
  CHECK(opening_words("[4] Historically, packages were kept…") == "historically packages");  // marks and digits skipped
  CHECK(opening_words("在遵守上述条件的前提下，允许拷贝。") == "在 遵");
  CHECK(opening_words("如果 stable 适合您，请安装它。") == "如 果");
  CHECK(opening_words("stable 中的软件包") == "stable 中");
  CHECK(opening_words("Yes.") == "");  // one word: no opening to compare
  CHECK(opening_words("可。") == "");
  CHECK(opening_words("") == "");
}

TEST_CASE("discourse cues: a yes-no answer said alone") {
  using bitext::content::is_answer_alone;
  CHECK(is_answer_alone("Yes."));
  CHECK(is_answer_alone(" No. "));
  CHECK(is_answer_alone("“Yes!"));
  CHECK(is_answer_alone("可以。"));
  CHECK(is_answer_alone("不能。"));
  CHECK(is_answer_alone("有。"));
  CHECK(is_answer_alone("是的"));  // no mark: the sentence is still the answer word alone
  CHECK_FALSE(is_answer_alone("Yes. You can use cron-apt."));  // the answer with more after it
  CHECK_FALSE(is_answer_alone("Yesterday."));
  CHECK_FALSE(is_answer_alone("Nothing."));
  CHECK_FALSE(is_answer_alone("Yes?"));  // a question, not an answer
  CHECK_FALSE(is_answer_alone("可以吗？"));
  CHECK_FALSE(is_answer_alone("有时。"));
  CHECK_FALSE(is_answer_alone(""));
  CHECK_FALSE(is_answer_alone("。"));
}

TEST_CASE("discourse cues: a pointer to further reading, wherever the sentence says it") {
  using bitext::content::points_further;
  CHECK(points_further("For more information, read the manual page of dpkg."));
  CHECK(points_further("Read apt's manual pages for more information."));
  CHECK(points_further("For details, please see current testing release information."));
  CHECK(points_further("See the guide for further details."));
  CHECK(points_further("欲了解更多信息，请阅读第 10.2 节。"));
  CHECK(points_further("详情请见当前“测试版”的发行信息。"));
  CHECK(points_further("关于这些术语的更多细节，请参阅政策手册。"));
  CHECK_FALSE(points_further("Formore information."));           // not the phrase's words
  CHECK_FALSE(points_further("It stores more information than that."));  // more information, not a pointer to it
  CHECK_FALSE(points_further("Look for detailed logs."));  // "detailed", not "details"
  CHECK_FALSE(points_further("日志会记录更多信息。"));  // more detail with no verb of reading
  CHECK_FALSE(points_further("请阅读发行说明。"));      // reading with no noun of more detail
  CHECK_FALSE(points_further(""));
}
