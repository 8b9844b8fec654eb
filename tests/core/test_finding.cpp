#include <doctest/doctest.h>

#include <stdexcept>

#include "bitext/finding.hpp"
#include "bitext/options.hpp"

using bitext::TextEdit;

TEST_CASE("apply_edits applies in offset order regardless of input order") {
  CHECK(bitext::apply_edits("hello world", {{6, 11, "there"}, {0, 5, "HELLO"}}) == "HELLO there");
  CHECK(bitext::apply_edits("abc", {}) == "abc");
  CHECK(bitext::apply_edits("", {{0, 0, "x"}}) == "x");
}

TEST_CASE("inserts at one offset keep their order") {
  CHECK(bitext::apply_edits("ac", {{1, 1, "b"}, {1, 1, "B"}}) == "abBc");
  // An insert right at the end of a replaced range is not an overlap.
  CHECK(bitext::apply_edits("abcd", {{1, 2, "X"}, {2, 2, "Y"}}) == "aXYcd");
}

TEST_CASE("overlapping or out-of-range edits are refused") {
  CHECK_THROWS_AS(bitext::apply_edits("abcdef", {{0, 3, ""}, {2, 4, ""}}), std::invalid_argument);
  CHECK_THROWS_AS(bitext::apply_edits("abc", {{2, 9, ""}}), std::invalid_argument);
  CHECK_THROWS_AS(bitext::apply_edits("abc", {{2, 1, ""}}), std::invalid_argument);
}

TEST_CASE("severity names and rule settings") {
  CHECK(bitext::severity_name(bitext::Severity::Error) == "error");
  CHECK(bitext::severity_name(bitext::Severity::Hint) == "hint");
  bitext::CheckOptions options;
  CHECK(options.enabled("split-line"));
  CHECK(options.severity("split-line", bitext::Severity::Warning) == bitext::Severity::Warning);
  options.rules["split-line"] = {false, bitext::Severity::Information};
  CHECK_FALSE(options.enabled("split-line"));
  CHECK(options.severity("split-line", bitext::Severity::Warning) == bitext::Severity::Information);
  CHECK(options.enabled("duplicate-line"));
}
