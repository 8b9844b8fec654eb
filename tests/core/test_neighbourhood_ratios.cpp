// neighbourhood_ratios given the previous version (content_pairs.cpp): the
// results it keeps from the previous version are the ones computing every
// pair afresh gives, whatever the edit (pairs changed, inserted, removed, at
// either end or in the middle, none).
#include <doctest/doctest.h>

#include <cstddef>
#include <random>
#include <vector>

#include "core/content_stages.hpp"

using namespace bitext::content;

namespace {

LineSummary nr_test_summary(std::mt19937& random) {
  LineSummary summary;
  // Few distinct lengths (and some zero), so that equal ratios and ties in the medians are common.
  summary.length = static_cast<double>(std::uniform_int_distribution<int>(0, 6)(random) * 10);
  return summary;
}

struct NrTestDocument {
  std::vector<LineSummary> translations, originals;
};

NrTestDocument nr_test_document(std::mt19937& random, std::size_t n) {
  NrTestDocument document;
  for (std::size_t i = 0; i < n; ++i) {
    document.translations.push_back(nr_test_summary(random));
    document.originals.push_back(nr_test_summary(random));
  }
  return document;
}

// Each pair's length ratio, as a version's records keep it.
std::vector<double> nr_test_ratios(const NrTestDocument& document) {
  std::vector<double> ratios;
  for (std::size_t i = 0; i < document.translations.size(); ++i)
    ratios.push_back(pair_length_ratio(document.translations[i], document.originals[i]));
  return ratios;
}

}  // namespace

TEST_CASE("neighbourhood ratios after an edit equal those computed afresh") {
  std::mt19937 random(20261207);
  int checked = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const std::size_t n = std::uniform_int_distribution<std::size_t>(0, 80)(random);
    const NrTestDocument before = nr_test_document(random, n);
    const std::vector<double> before_results = neighbourhood_ratios(before.translations, before.originals);
    NrTestDocument after = before;
    // An edit: remove `removed` pairs at `at`, insert `inserted` new ones (each 0-3, possibly none).
    const std::size_t at = std::uniform_int_distribution<std::size_t>(0, n)(random);
    const std::size_t removed = std::min(n - at, std::uniform_int_distribution<std::size_t>(0, 3)(random));
    const std::size_t inserted = std::uniform_int_distribution<std::size_t>(0, 3)(random);
    const NrTestDocument fresh = nr_test_document(random, inserted);
    const auto place = static_cast<std::ptrdiff_t>(at);
    after.translations.erase(after.translations.begin() + place,
                             after.translations.begin() + place + static_cast<std::ptrdiff_t>(removed));
    after.originals.erase(after.originals.begin() + place,
                          after.originals.begin() + place + static_cast<std::ptrdiff_t>(removed));
    after.translations.insert(after.translations.begin() + place, fresh.translations.begin(), fresh.translations.end());
    after.originals.insert(after.originals.begin() + place, fresh.originals.begin(), fresh.originals.end());
    const std::vector<double> expected = neighbourhood_ratios(after.translations, after.originals);
    // A rerun gives the previous pairs' ratios, read from its records.
    const std::vector<double> got =
        neighbourhood_ratios(after.translations, after.originals, nr_test_ratios(before), before_results);
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i] == expected[i]);
      ++checked;
    }
  }
  CHECK(checked > 50000);
}

TEST_CASE("neighbourhood ratios with previous results of the wrong size are computed afresh") {
  std::mt19937 random(7);
  const NrTestDocument document = nr_test_document(random, 40);
  const std::vector<double> expected = neighbourhood_ratios(document.translations, document.originals);
  const std::vector<double> wrong(3, 9.0);
  CHECK(neighbourhood_ratios(document.translations, document.originals, nr_test_ratios(document), wrong) == expected);
}
