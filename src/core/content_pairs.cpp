// Content stage 1: what is known of each pair as given — its lexical checks,
// the document's fits and the cost of each pair under them.
#include <cmath>

#include "content_stages.hpp"

namespace bitext::content {

std::optional<Severity> severity_of(double evidence, const Thresholds& thresholds) {
  if (evidence >= thresholds.warning) return Severity::Warning;
  if (evidence >= thresholds.information) return Severity::Information;
  if (evidence >= thresholds.hint) return Severity::Hint;
  return std::nullopt;
}

double confidence_of(double evidence, const Thresholds& thresholds) {
  // 0.5 at the information threshold, about 0.9 at the warning threshold.
  const double scale = (thresholds.warning - thresholds.information) / 2.2;
  return 1.0 / (1.0 + std::exp(-(evidence - thresholds.information) / scale));
}

LineSummary summary_of(const LineFeatures& features) {
  return {features.length, features.sentences, features.questions};
}

PairChecks check_pair(const LineFeatures& t, const LineFeatures& o) {
  PairChecks checks;
  checks.lexical = check_lexical(t.numbers, o.numbers, t.keys, o.keys);
  if (!t.numbers.empty() || !o.numbers.empty()) checks.numbers = compare_numbers(t.numbers, o.numbers);
  // The fast exact check found every token: the graded comparison would too.
  if ((!t.tokens.empty() || !o.tokens.empty()) && checks.lexical.unmatched_tokens > 0)
    checks.tokens = compare_tokens(t.tokens, o.tokens);
  return checks;
}

DocumentFits fit_document(std::span<const LineSummary> translations, std::span<const LineSummary> originals,
                          Script translation_script, Script original_script) {
  DocumentFits fits;
  const std::size_t n = translations.size();
  std::vector<LengthPair> lengths(n);
  std::vector<double> translation_lengths(n), original_lengths(n);
  std::vector<int> counts(n), questions(n);
  for (std::size_t i = 0; i < n; ++i) {
    lengths[i] = {translations[i].length, originals[i].length};
    translation_lengths[i] = translations[i].length;
    original_lengths[i] = originals[i].length;
    counts[i] = originals[i].sentences - translations[i].sentences;
    questions[i] = originals[i].questions - translations[i].questions;
  }
  fits.length = document_length_model(lengths, translation_script, original_script);
  fits.shape = fit_line_shape(translation_lengths, original_lengths);
  fits.counts = fit_sentence_counts(counts);
  fits.questions = fit_sentence_counts(questions);
  return fits;
}

double shape_cost(const LineSummary& t, const LineSummary& o, const DocumentFits& fits) {
  return residual_cost(length_delta(t.length, o.length, fits.length)) + fits.counts.of(o.sentences - t.sentences) +
         fits.questions.of(o.questions - t.questions);
}

double pair_cost(const LineFeatures& t, const LineFeatures& o, const DocumentFits& fits) {
  const double length = shape_cost(summary_of(t), summary_of(o), fits);
  return length + lexical_cost(check_lexical(t.numbers, o.numbers, t.keys, o.keys));
}

}  // namespace bitext::content
