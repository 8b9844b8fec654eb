#include <doctest/doctest.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "bitext/inline_vector.hpp"
#include "bitext/transcript.hpp"

using bitext::SideLines;
using Values = std::vector<std::uint32_t>;

namespace {

Values values_of(const SideLines& lines) { return Values(lines.begin(), lines.end()); }

SideLines counted(std::uint32_t from, std::uint32_t count) {
  SideLines lines;
  for (std::uint32_t k = 0; k < count; ++k) lines.push_back(from + k);
  return lines;
}

}  // namespace

TEST_CASE("SideLines keeps up to four lines inside itself, in order, and more on the heap") {
  static_assert(sizeof(SideLines) == sizeof(std::vector<std::uint32_t>));  // no larger than what it replaces
  SideLines lines;
  CHECK(lines.empty());
  CHECK(lines.size() == 0);
  CHECK(lines.is_inline());
  for (std::uint32_t line = 10; line < 14; ++line) lines.push_back(line);
  CHECK(lines.is_inline());
  CHECK(values_of(lines) == Values{10, 11, 12, 13});
  CHECK(lines.front() == 10);
  CHECK(lines.back() == 13);
  CHECK(lines[2] == 12);
  lines.push_back(14);  // the fifth spills
  CHECK_FALSE(lines.is_inline());
  CHECK(lines.size() == 5);
  CHECK(values_of(lines) == Values{10, 11, 12, 13, 14});
  for (std::uint32_t line = 15; line < 30; ++line) lines.push_back(line);
  CHECK(lines.size() == 20);
  CHECK(lines.front() == 10);
  CHECK(lines.back() == 29);
  CHECK(lines == counted(10, 20));
  lines.clear();
  CHECK(lines.empty());
  lines.push_back(7);
  CHECK(values_of(lines) == Values{7});
}

TEST_CASE("SideLines copies and moves keep the exact lines, inline or spilled") {
  for (const std::uint32_t count : {0u, 1u, 2u, 4u, 5u, 9u}) {
    CAPTURE(count);
    const SideLines source = counted(100, count);
    Values expected;
    for (std::uint32_t k = 0; k < count; ++k) expected.push_back(100 + k);
    REQUIRE(values_of(source) == expected);

    SideLines copy(source);
    CHECK(values_of(copy) == expected);
    copy.push_back(1);  // the copy is its own: the source is unchanged
    CHECK(values_of(source) == expected);

    SideLines assigned = counted(7, 6);  // spilled, then assigned over
    assigned = source;
    CHECK(values_of(assigned) == expected);
    SideLines shrunk = counted(7, 2);
    shrunk = source;
    CHECK(values_of(shrunk) == expected);

    SideLines from(source);
    SideLines moved(std::move(from));
    CHECK(values_of(moved) == expected);
    CHECK(from.empty());
    CHECK(from.is_inline());
    from.push_back(3);  // a moved-from vector is usable
    CHECK(values_of(from) == Values{3});

    SideLines target = counted(50, 7);
    target = std::move(moved);
    CHECK(values_of(target) == expected);
    CHECK(moved.empty());
    SideLines& self = target;
    target = self;  // self-assignment keeps the lines
    CHECK(values_of(target) == expected);
  }
}

TEST_CASE("SideLines is built from a list or a range and compares with vectors by its lines") {
  const SideLines listed{3, 4, 9};
  CHECK(values_of(listed) == Values{3, 4, 9});
  const Values many{1, 2, 3, 4, 5, 6};
  const SideLines ranged(many.begin(), many.end());
  CHECK(values_of(ranged) == many);
  CHECK(ranged == many);
  CHECK(many == ranged);
  CHECK_FALSE(listed == Values{3, 4});
  CHECK_FALSE(listed == SideLines{3, 4, 8});
  SideLines assigned = counted(0, 8);
  assigned = {5};
  CHECK(values_of(assigned) == Values{5});
  SideLines self_growing{1, 2, 3, 4};
  self_growing.push_back(self_growing.front());  // a value of its own, pushed as it spills
  CHECK(values_of(self_growing) == Values{1, 2, 3, 4, 1});
  SideLines appended{8};
  appended.append(many.begin(), many.end());
  CHECK(values_of(appended) == Values{8, 1, 2, 3, 4, 5, 6});
}
