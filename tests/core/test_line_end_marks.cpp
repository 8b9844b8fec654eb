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
