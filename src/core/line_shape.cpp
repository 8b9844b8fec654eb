// Line shape (line_shape.hpp).
#include "bitext/line_shape.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace bitext {
namespace {

double median_of(std::vector<double>& values) {
  const std::size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(mid), values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  return (*std::max_element(values.begin(), values.begin() + std::ptrdiff_t(mid)) + upper) / 2;
}

}  // namespace

LineShapeModel fit_line_shape(std::span<const double> translation_lengths, std::span<const double> original_lengths) {
  LineShapeModel model;
  const std::span<const double> sides[2] = {translation_lengths, original_lengths};
  for (int side = 0; side < 2; ++side) {
    std::vector<double> logs;
    for (const double length : sides[side])
      if (length > 0) logs.push_back(std::log(length));
    if (logs.empty()) {
      model.spread[side] = 1;
      continue;
    }
    model.lines[side] = int(logs.size());
    const double centre = median_of(logs);
    for (double& value : logs) value = std::fabs(value - centre);
    model.centre[side] = centre;
    model.spread[side] = std::max(kLineShapeMinSpread, 1.4826 * median_of(logs));
  }
  return model;
}

void fit_sentence_dispersion(LineShapeModel& model, std::span<const int> translation_sentences,
                             std::span<const int> original_sentences) {
  const std::span<const int> sides[2] = {translation_sentences, original_sentences};
  for (int side = 0; side < 2; ++side) {
    double sum = 0, squares = 0, n = 0;
    for (const int count : sides[side])
      if (count > 0) sum += count, squares += double(count) * count, ++n;
    // A Conway–Maxwell–Poisson count with dispersion ν has variance ≈ mean / ν:
    // the moment estimate, capped at the fixed weight (lines with one count, or
    // fewer than two lines, keep it).
    if (n < 2) continue;
    const double mean = sum / n, variance = (squares - n * mean * mean) / (n - 1);
    model.sentence_weight[side] = variance * kSentenceShapeWeight <= mean ? kSentenceShapeWeight : mean / variance;
  }
}

double line_shape_cost(const LineShapeModel& model, bool translation, double length, int sentences) {
  const int side = translation ? 0 : 1;
  const double sentence_cost = model.sentence_weight[side] * std::lgamma(double(std::max(sentences, 1)) + 1.0);
  const double deviation = std::log(std::max(length, 1.0)) - model.centre[side];
  const int n = model.lines[side];
  if (n == 0) {
    const double z = deviation / model.spread[side];
    return sentence_cost + 0.5 * z * z;
  }
  // Predictive Student t of a fit from n lines (line_shape.hpp); one line
  // gives no spread at all, so it counts as two (a Cauchy).
  const double dof = double(std::max(n - 1, 1));
  const double z = deviation / (model.spread[side] * std::sqrt(1.0 + 1.0 / n));
  return sentence_cost + 0.5 * (dof + 1) * std::log1p(z * z / dof);
}

}  // namespace bitext
