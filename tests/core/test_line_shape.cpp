// Line shape: the per-document fit of line lengths and the shape cost that
// tells which language of a boundary drift moved.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "bitext/line_shape.hpp"

using bitext::fit_line_shape;
using bitext::fit_sentence_dispersion;
using bitext::kSentenceShapeWeight;
using bitext::line_shape_cost;
using bitext::LineShapeModel;

TEST_CASE("line shape fit: median and MAD spread of log lengths per side") {
  const std::vector<double> translations = {10, 20, 40};
  const std::vector<double> originals = {5, 5, 5, 5};
  const LineShapeModel model = fit_line_shape(translations, originals);
  // logs ln10, ln20, ln40: median ln20, deviations ln2, 0, ln2 → MAD ln2.
  CHECK(model.centre[0] == doctest::Approx(std::log(20.0)));
  CHECK(model.spread[0] == doctest::Approx(1.4826 * std::log(2.0)));
  // Identical lengths have no spread: the floor applies.
  CHECK(model.centre[1] == doctest::Approx(std::log(5.0)));
  CHECK(model.spread[1] == doctest::Approx(0.15));
  // Empty lines are left out; no line at all keeps the neutral model.
  const std::vector<double> with_empty = {0, 10, 20, 40, 0};
  const LineShapeModel partial = fit_line_shape(with_empty, {});
  CHECK(partial.centre[0] == doctest::Approx(std::log(20.0)));
  CHECK(partial.spread[0] == doctest::Approx(1.4826 * std::log(2.0)));
  CHECK(partial.centre[1] == 0.0);
  CHECK(partial.spread[1] == 1.0);
}

TEST_CASE("line shape cost: sentences as log n! weighted 5, length as half a squared z") {
  LineShapeModel model;
  model.centre[0] = std::log(20.0);
  model.spread[0] = 1.4826 * std::log(2.0);
  model.centre[1] = std::log(70.0);
  model.spread[1] = 0.5;
  // A usual line of one sentence costs nothing.
  CHECK(line_shape_cost(model, true, 20, 1) == doctest::Approx(0.0));
  // Twice the usual length and two sentences: 5·ln 2! + ½(ln 2 / (1.4826 ln 2))².
  CHECK(line_shape_cost(model, true, 40, 2) == doctest::Approx(5 * std::log(2.0) + 0.5 / (1.4826 * 1.4826)));
  // The original side has its own centre and spread: 35 is ln 2 below 70, z = -ln 2 / 0.5.
  CHECK(line_shape_cost(model, false, 35, 1) == doctest::Approx(0.5 * std::pow(std::log(2.0) / 0.5, 2)));
  // Lengths below 1 count as 1; no line has fewer than one sentence.
  CHECK(line_shape_cost(model, true, 0, 0) == doctest::Approx(line_shape_cost(model, true, 1, 1)));
}

TEST_CASE("balanced lines cost less: one sentence moved from 3+1 to 2+2 saves 5·ln 1.5") {
  LineShapeModel model;
  model.centre[0] = std::log(30.0);
  const double unbalanced = line_shape_cost(model, true, 30, 3) + line_shape_cost(model, true, 30, 1);
  const double balanced = 2 * line_shape_cost(model, true, 30, 2);
  CHECK(unbalanced - balanced == doctest::Approx(5 * std::log(1.5)));
}

TEST_CASE("a length fit from few lines costs as its predictive Student t, not a normal") {
  const std::vector<double> translations = {10, 20, 40};
  const LineShapeModel model = fit_line_shape(translations, {});
  CHECK(model.lines[0] == 3);
  CHECK(model.lines[1] == 0);
  // Three lines: 2 degrees of freedom, scale 1.4826 ln 2 · √(4/3). A line of
  // 80 lies 2 ln 2 above the median.
  const double z = 2 / (1.4826 * std::sqrt(4.0 / 3.0));
  CHECK(line_shape_cost(model, true, 80, 1) == doctest::Approx(1.5 * std::log1p(z * z / 2)));
  // Far out, the cost grows as the log of the distance: a line e⁴ times the
  // median costs 2.8 nats where the normal of the same fit would charge 7.6.
  const double far = 20 * std::exp(4.0);
  const double z_far = 4 / (1.4826 * std::log(2.0) * std::sqrt(4.0 / 3.0));
  CHECK(line_shape_cost(model, true, far, 1) == doctest::Approx(1.5 * std::log1p(z_far * z_far / 2)));
  CHECK(line_shape_cost(model, true, far, 1) < 3.0);
  // A single line has no spread: it counts as a Cauchy (one degree of freedom).
  const std::vector<double> one = {20};
  const LineShapeModel single = fit_line_shape(one, one);
  const double z_one = std::log(2.0) / (0.15 * std::sqrt(2.0));
  CHECK(line_shape_cost(single, false, 40, 1) == doctest::Approx(std::log1p(z_one * z_one)));
  // Many lines: the t tends to the normal ½z².
  std::vector<double> many;
  for (int i = 0; i < 2000; ++i) many.push_back(i % 2 ? 10 : 40);
  const LineShapeModel wide = fit_line_shape(many, {});
  const double z_wide = (std::log(40.0) - wide.centre[0]) / wide.spread[0];
  CHECK(line_shape_cost(wide, true, 40, 1) == doctest::Approx(0.5 * z_wide * z_wide).epsilon(0.01));
}

TEST_CASE("the sentence term's weight is the document's own dispersion of sentences per line") {
  LineShapeModel model = fit_line_shape(std::vector<double>{10, 20, 40}, std::vector<double>{10, 20, 40});
  // Paragraphs of prose: 1–5 sentences, mean 3, variance 2.5: ν = 1.2, so a
  // sentence moved from 3+1 to 2+2 saves 1.2·ln 1.5, not 5·ln 1.5.
  const std::vector<int> paragraphs = {1, 2, 3, 4, 5};
  // A transcript's turns: nearly all one sentence (mean 1.25, variance 0.25):
  // ν = 5 (mean / variance, capped at the fixed weight).
  const std::vector<int> turns = {1, 1, 1, 2};
  fit_sentence_dispersion(model, paragraphs, turns);
  CHECK(model.sentence_weight[0] == doctest::Approx(1.2));
  CHECK(model.sentence_weight[1] == doctest::Approx(kSentenceShapeWeight));
  const double unbalanced = line_shape_cost(model, true, 20, 3) + line_shape_cost(model, true, 20, 1);
  const double balanced = line_shape_cost(model, true, 20, 2) + line_shape_cost(model, true, 20, 2);
  CHECK(unbalanced - balanced == doctest::Approx(1.2 * std::log(1.5)));
  // Lines of one count (no variance), empty lines (0) and fewer than two lines keep the fixed weight.
  LineShapeModel same = model;
  fit_sentence_dispersion(same, std::vector<int>{2, 2, 0, 2}, std::vector<int>{3});
  CHECK(same.sentence_weight[0] == doctest::Approx(kSentenceShapeWeight));
  CHECK(same.sentence_weight[1] == doctest::Approx(kSentenceShapeWeight));
  // An unfitted model keeps it too.
  CHECK(LineShapeModel{}.sentence_weight[0] == kSentenceShapeWeight);
}
