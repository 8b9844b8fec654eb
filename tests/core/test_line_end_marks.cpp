// A line's end and opening marks (line_end_marks.cpp): the closing bracket of
// an aside at a line's end, and where an aside that opens a line ends.
#include <doctest/doctest.h>

#include "core/line_end_marks.hpp"

TEST_CASE("line end marks: an aside's closing bracket, its shape, and where an opening aside ends") {
  using bitext::detail::ends_with_closing_bracket;
  using bitext::detail::is_aside;
  using bitext::detail::leading_aside_end;
  CHECK(ends_with_closing_bracket("…the GNU compiler. (See gfortran(1).) "));
  CHECK(ends_with_closing_bracket("编译器。（参看 gfortran(1)）"));
  CHECK(ends_with_closing_bracket("Read: don't use it at all. :-)"));
  CHECK(ends_with_closing_bracket("…共享库包的所有软件包。[96]"));
  CHECK_FALSE(ends_with_closing_bracket("the package (foo) is installed."));
  CHECK_FALSE(ends_with_closing_bracket("他说“好”"));
  CHECK_FALSE(ends_with_closing_bracket(""));
  CHECK(is_aside("(Required)"));
  CHECK(is_aside(" :-) "));
  CHECK(is_aside("[47]"));
  CHECK_FALSE(is_aside("Read: don't use it."));
  CHECK_FALSE(is_aside("必须"));
  CHECK(leading_aside_end("(See file(1).) gfortran - the GNU compiler.") == 14);
  CHECK(leading_aside_end(":-)仅当所有冲突的软件包都已经删除后") == 3);
  CHECK(leading_aside_end("[47] dh_auto_configure usually runs") == 4);
  CHECK(leading_aside_end("(Required)") == 0);        // the whole line: no cut inside it
  CHECK(leading_aside_end("(unclosed aside at the start") == 0);
  CHECK(leading_aside_end("-- a dash opens it") == 0);  // marks without a closing bracket
  CHECK(leading_aside_end("gfortran (see below)") == 0);
}

TEST_CASE("line end marks: a footnote mark, and a reference mark glued to the sentence after it") {
  using bitext::detail::footnote_mark_end;
  using bitext::detail::glued_footnote_marks;
  CHECK(footnote_mark_end("文件。[27]这个", 9) == 13);
  CHECK(footnote_mark_end("[100] 作为替代", 0) == 5);
  CHECK(footnote_mark_end("[ab] x", 0) == 0);  // no digits
  CHECK(footnote_mark_end("[] x", 0) == 0);
  CHECK(footnote_mark_end("[12", 0) == 0);     // not closed
  CHECK(footnote_mark_end("x [1]", 0) == 0);   // none begins there
  // After a sentence's end, glued to the text after it: a moved sentence.
  CHECK(glued_footnote_marks("所有的软件包都必须有这几个文件。[27]这个文件包含了很多变量。") == 1);
  CHECK(glued_footnote_marks("比如 1.1-1 和 1.2-1。 [96]尝试用像 debuild 这样的工具。") == 1);
  CHECK(glued_footnote_marks("packages. [27]This file contains values.") == 1);
  // A reference as written: a space, a mark or the line's end after it.
  CHECK(glued_footnote_marks("最小版本号。 [94] 你可以阅读下边的主要参考：") == 0);
  CHECK(glued_footnote_marks("不应当使用 RPATH。[93]") == 0);
  CHECK(glued_footnote_marks("一个网站。[1]，以及") == 0);
  // Inside a sentence a mark may be glued to the words after it ("档案[5]后会"): not counted.
  CHECK(glued_footnote_marks("在下载完 .deb 档案[5]后会直接调用 dpkg。") == 0);
  CHECK(glued_footnote_marks("[1] 这三种格式是文本。") == 0);  // a body opens its line
}
