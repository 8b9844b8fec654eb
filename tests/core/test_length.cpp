#include <doctest/doctest.h>

#include <unicode/uchar.h>

#include <cmath>
#include <string>
#include <vector>

#include "bitext/length.hpp"

using bitext::CharacterCounts;
using bitext::LengthRatioModel;
using bitext::LengthPair;
using bitext::Script;

TEST_CASE("character classes") {
  // 的 + 。 ; Hugging Face CEO Clem = 18 letters; two inner spaces.
  const CharacterCounts zh = bitext::count_characters("Hugging Face的CEO Clem。");
  CHECK(zh == CharacterCounts{1, 18, 1, 2, 0});
  // Leading and trailing spaces never count; full-width punctuation is punctuation.
  CHECK(bitext::count_characters("  Hi, you.  ") == CharacterCounts{0, 5, 2, 1, 0});
  CHECK(bitext::count_characters("你好，世界！") == CharacterCounts{4, 0, 2, 0, 0});
  // Emoji count as symbols; each invalid sequence once.
  CHECK(bitext::count_characters("\xF0\x9F\xA4\x97好") == CharacterCounts{1, 0, 1, 0, 0});
  CHECK(bitext::count_characters("a\xFF\xE4\xB8\xAD\xE4\xB8") == CharacterCounts{1, 1, 0, 0, 2});
  CHECK(bitext::count_characters("") == CharacterCounts{});
}

TEST_CASE("ASCII characters are counted as ICU classes them") {
  for (int c = 0; c < 0x80; ++c) {
    CAPTURE(c);
    CharacterCounts expected{0, 2, 0, 0, 0};  // the two letters around it
    if (c == ' ' || (c >= '\t' && c <= '\r')) expected.spaces = 1;
    else if (u_isalnum(c)) expected.latin = 3;
    else if (!u_iscntrl(c)) expected.punctuation = 1;
    CHECK(bitext::count_characters(std::string("a") + char(c) + "b") == expected);
  }
}

TEST_CASE("line length per script") {
  // CJK measure: 的 in full, 18 Latin letters at 0.35, no punctuation, no spaces.
  CHECK(bitext::line_length("Hugging Face的CEO Clem。", Script::Han) == doctest::Approx(1 + 0.35 * 18));
  CHECK(bitext::line_length("Hugging Face的CEO Clem。", Script::Japanese) == doctest::Approx(7.3));
  CHECK(bitext::line_length("  Hi, you.  ", Script::Latin) == 8.0);
  CHECK(bitext::line_length("你好，世界！", Script::Han) == 4.0);
  CHECK(bitext::line_length("\xF0\x9F\xA4\x97好", Script::Han) == 1.0);  // emoji do not count
  CHECK(bitext::line_length("你好，世界！", Script::Latin) == 6.0);
  CHECK(bitext::line_length("a\xFF\xE4\xB8\xAD", Script::Han) == doctest::Approx(2.35));
  CHECK(bitext::line_length("a\xFF\xE4\xB8\xAD", Script::Latin) == 3.0);
  CHECK(bitext::line_length("   ", Script::Latin) == 0.0);
}

TEST_CASE("delta and match cost") {
  const LengthRatioModel model{3.5, 25.0};
  CHECK(bitext::length_delta(10, 35, model) == 0.0);
  CHECK(bitext::length_delta(10, 50, model) == doctest::Approx(0.8609160647753271));
  CHECK(bitext::length_delta(10, 20, model) == doctest::Approx(-1.0702591020190135));
  CHECK(bitext::length_delta(0, 0, model) == 0.0);
  CHECK(bitext::match_cost(10, 35, model) == doctest::Approx(0.0));
  CHECK(bitext::match_cost(10, 50, model) == doctest::Approx(0.9434454230814102));
  CHECK(bitext::match_cost(10, 20, model) == doctest::Approx(1.2570125424687726));
  // Far outside erfc's range the cost stays finite and keeps growing.
  const double far = bitext::match_cost(1, 5000, model);
  const double farther = bitext::match_cost(1, 6000, model);
  CHECK(std::isfinite(far));
  CHECK(std::isfinite(farther));
  CHECK(far > 100.0);
  CHECK(farther > far);
  // Continuous where the asymptotic expansion takes over (|δ|/√2 = 25).
  const double below = -std::log(std::erfc(24.999));
  const double delta_target = 25.001 * std::sqrt(2.0);
  // Find l2 with δ = delta_target for l1 = 100: solve numerically by bisection.
  double lo = 350, hi = 1e6;
  for (int k = 0; k < 200; ++k) {
    const double mid = (lo + hi) / 2;
    (bitext::length_delta(100, mid, model) < delta_target ? lo : hi) = mid;
  }
  CHECK(bitext::match_cost(100, lo, model) == doctest::Approx(below).epsilon(0.001));
}

TEST_CASE("priors per script pair") {
  CHECK(bitext::length_prior(Script::Han, Script::Latin) == LengthRatioModel{3.5, 25.0});
  const LengthRatioModel reverse = bitext::length_prior(Script::Latin, Script::Han);
  CHECK(reverse.c == doctest::Approx(1 / 3.5));
  CHECK(reverse.s2 == doctest::Approx(25 / (3.5 * 3.5 * 3.5)));
  CHECK(bitext::length_prior(Script::Latin, Script::Cyrillic) == LengthRatioModel{1.0, 6.8});
}

TEST_CASE("robust fit with shrinkage") {
  const std::vector<LengthPair> pairs{{10, 30}, {10, 35}, {10, 40}, {0, 12}, {5, 0}};
  const LengthRatioModel prior{3.5, 25.0};
  const auto fit = bitext::fit_length_model(pairs, prior);
  CHECK(fit.pairs_used == 3);
  CHECK(fit.raw.c == 3.5);
  CHECK(fit.raw.s2 == doctest::Approx(5.128906440000001));
  CHECK(fit.model.c == doctest::Approx(3.5));
  CHECK(fit.model.s2 == doctest::Approx(20.33349039687156));
  // Without a prior weight the document's own estimate is used as is.
  const auto own = bitext::fit_length_model(pairs, prior, 0.0);
  CHECK(own.model.s2 == doctest::Approx(5.128906440000001));
  // A ratio far from the prior moves c towards the data as pairs accumulate.
  std::vector<LengthPair> many(200, LengthPair{10, 25});
  many.push_back({10, 30});
  const auto moved = bitext::fit_length_model(many, prior);
  CHECK(moved.raw.c == 2.5);
  CHECK(moved.model.c == doctest::Approx(std::exp((201.0 * std::log(2.5) + 20 * std::log(3.5)) / 221.0)));
  CHECK(moved.raw.s2 == prior.s2);  // MAD of 0: no information about the spread
  // Nothing usable: the prior.
  const auto none = bitext::fit_length_model({}, prior);
  CHECK(none.pairs_used == 0);
  CHECK(none.model == prior);
  CHECK(none.raw == prior);
}
