#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <random>
#include <utility>
#include <vector>

#include "core/sorted_runs.hpp"

namespace {

// A key and the element's place in the input: equal keys must keep their order.
using Element = std::pair<int, std::size_t>;

bool by_key(const Element& a, const Element& b) { return a.first < b.first; }

// `runs` sorted runs of random lengths and keys from a small range (many ties).
std::vector<Element> runs_of(std::mt19937& random, std::size_t runs, std::size_t longest, int keys) {
  std::vector<Element> elements;
  for (std::size_t r = 0; r < runs; ++r) {
    std::vector<int> run(std::uniform_int_distribution<std::size_t>(0, longest)(random));
    for (int& key : run) key = std::uniform_int_distribution<int>(0, keys)(random);
    std::sort(run.begin(), run.end());
    for (const int key : run) elements.push_back({key, elements.size()});
  }
  return elements;
}

}  // namespace

TEST_CASE("stable_sort_runs gives std::stable_sort's order, equal keys in their input order") {
  std::mt19937 random(8);
  for (const std::size_t runs : {0, 1, 2, 3, 4, 5, 7, 8, 9, 17, 64, 65, 200}) {
    for (const int keys : {0, 3, 1000}) {
      for (int round = 0; round < 20; ++round) {
        std::vector<Element> elements = runs_of(random, runs, 40, keys);
        std::vector<Element> expected = elements;
        std::stable_sort(expected.begin(), expected.end(), by_key);
        bitext::detail::stable_sort_runs(elements.begin(), elements.end(), by_key);
        CAPTURE(runs);
        CAPTURE(keys);
        REQUIRE(elements == expected);
      }
    }
  }
}

TEST_CASE("stable_sort_runs on lists already in order, reversed, and of one key") {
  std::vector<Element> ordered{{1, 0}, {2, 1}, {2, 2}, {5, 3}};
  bitext::detail::stable_sort_runs(ordered.begin(), ordered.end(), by_key);
  CHECK(ordered == std::vector<Element>{{1, 0}, {2, 1}, {2, 2}, {5, 3}});

  std::vector<Element> reversed{{4, 0}, {3, 1}, {3, 2}, {1, 3}, {0, 4}};
  bitext::detail::stable_sort_runs(reversed.begin(), reversed.end(), by_key);
  CHECK(reversed == std::vector<Element>{{0, 4}, {1, 3}, {3, 1}, {3, 2}, {4, 0}});

  std::vector<Element> same{{7, 0}, {7, 1}, {7, 2}};
  bitext::detail::stable_sort_runs(same.begin(), same.end(), by_key);
  CHECK(same == std::vector<Element>{{7, 0}, {7, 1}, {7, 2}});

  std::vector<Element> empty;
  bitext::detail::stable_sort_runs(empty.begin(), empty.end(), by_key);
  CHECK(empty.empty());
}
