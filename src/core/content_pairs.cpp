// Content stage 1: what is known of each pair as given — its lexical checks,
// the document's fits and the cost of each pair under them.
#include <algorithm>
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
  return {features.length, features.sentences, features.questions, features.ends_sentence};
}

LineSummary summary_of(const LineOutline& outline) {
  return {outline.length, outline.sentences, outline.questions, outline.ends_sentence};
}

namespace {

// Drops the names of `unmatched` that the other side's text transliterates;
// returns how many were dropped.
int drop_transliterated(std::vector<std::size_t>& unmatched, std::span<const LatinToken> tokens,
                        std::string_view text, std::string_view other_text) {
  if (text.empty() || other_text.empty()) return 0;
  const std::size_t before = unmatched.size();
  std::erase_if(unmatched, [&](std::size_t i) {
    const LatinToken& token = tokens[i];
    return token.kind == TokenKind::Name && transliterated_in(text.substr(token.begin, token.end - token.begin), other_text);
  });
  return int(before - unmatched.size());
}

}  // namespace

PairChecks check_pair(const LineFeatures& t, const LineFeatures& o, std::string_view t_text, std::string_view o_text) {
  PairChecks checks;
  checks.lexical = check_lexical(t.numbers, o.numbers, t.keys, o.keys);
  if (!t.numbers.empty() || !o.numbers.empty()) checks.mismatches.numbers = compare_numbers(t.numbers, o.numbers);
  // The fast exact check found every token: the graded comparison would too.
  if ((!t.tokens.empty() || !o.tokens.empty()) && checks.lexical.unmatched_tokens > 0) {
    TokenComparison& tokens = checks.mismatches.tokens;
    tokens = compare_tokens(t.tokens, o.tokens);
    const int carried = drop_transliterated(tokens.unmatched_translation, t.tokens, t_text, o_text) +
                        drop_transliterated(tokens.unmatched_original, o.tokens, o_text, t_text);
    const int counted = std::min(carried, checks.lexical.unmatched_tokens);
    checks.lexical.unmatched_tokens -= counted;
    checks.lexical.matched_tokens += counted;
  }
  if (!t.numbers.empty() && !o.numbers.empty() && !t_text.empty() && !o_text.empty()) {
    const std::vector<NumberedToken> t_tokens = scan_numbered_tokens(t_text), o_tokens = scan_numbered_tokens(o_text);
    for (const NumberedTokenMismatch& m : compare_numbered_tokens(t_tokens, o_tokens))
      checks.mismatches.changed_tokens.push_back({t_tokens[m.translation].begin, t_tokens[m.translation].end,
                                                  o_tokens[m.original].begin, o_tokens[m.original].end});
  }
  return checks;
}

DocumentFits fit_document(std::span<const LineSummary> translations, std::span<const LineSummary> originals,
                          Script translation_script, Script original_script) {
  // Each fit's inputs are made just before it and freed after it, not held
  // together beside a rerun's two versions of the per-pair records.
  DocumentFits fits;
  const std::size_t n = translations.size();
  {
    std::vector<LengthPair> lengths(n);
    for (std::size_t i = 0; i < n; ++i) lengths[i] = {translations[i].length, originals[i].length};
    fits.length = document_length_model(lengths, translation_script, original_script);
  }
  {
    std::vector<double> translation_lengths(n), original_lengths(n);
    for (std::size_t i = 0; i < n; ++i) {
      translation_lengths[i] = translations[i].length;
      original_lengths[i] = originals[i].length;
    }
    fits.shape = fit_line_shape(translation_lengths, original_lengths);
  }
  {
    std::vector<int> translation_sentences(n), original_sentences(n);
    for (std::size_t i = 0; i < n; ++i) {
      translation_sentences[i] = translations[i].length > 0 ? translations[i].sentences : 0;
      original_sentences[i] = originals[i].length > 0 ? originals[i].sentences : 0;
    }
    fit_sentence_dispersion(fits.shape, translation_sentences, original_sentences);
  }
  std::vector<int> counts(n);
  for (std::size_t i = 0; i < n; ++i) counts[i] = originals[i].sentences - translations[i].sentences;
  fits.counts = fit_sentence_counts(counts);
  for (std::size_t i = 0; i < n; ++i) counts[i] = originals[i].questions - translations[i].questions;
  fits.questions = fit_sentence_counts(counts);
  return fits;
}

double pair_length_ratio(const LineSummary& translation, const LineSummary& original) {
  return translation.length > 0 && original.length > 0 ? original.length / translation.length : 0.0;
}

namespace {

std::vector<double> pair_length_ratios(std::span<const LineSummary> translations,
                                       std::span<const LineSummary> originals) {
  std::vector<double> ratio(translations.size(), 0.0);
  for (std::size_t i = 0; i < ratio.size(); ++i) ratio[i] = pair_length_ratio(translations[i], originals[i]);
  return ratio;
}

// The neighbourhood ratio of pair i (0: too few neighbours); `around` is scratch.
double neighbourhood_ratio_at(const std::vector<double>& ratio, std::size_t i, std::vector<double>& around) {
  const std::size_t n = ratio.size();
  around.clear();
  for (std::size_t j = i > kNeighbourPairs ? i - kNeighbourPairs : 0; j < std::min(n, i + kNeighbourPairs + 1); ++j)
    if (j != i && ratio[j] > 0) around.push_back(ratio[j]);
  if (around.size() < kMinNeighbours) return 0.0;
  const auto middle = around.begin() + static_cast<std::ptrdiff_t>(around.size() / 2);
  std::nth_element(around.begin(), middle, around.end());
  double median = *middle;
  if (around.size() % 2 == 0) median = (median + *std::max_element(around.begin(), middle)) / 2;
  // Rounded to about 1%, as the document's own ratio is.
  return std::exp(std::round(std::log(median) / 0.01) * 0.01);
}

}  // namespace

std::vector<double> neighbourhood_ratios(std::span<const LineSummary> translations,
                                         std::span<const LineSummary> originals) {
  const std::vector<double> ratio = pair_length_ratios(translations, originals);
  std::vector<double> out(ratio.size(), 0.0), around;
  around.reserve(2 * kNeighbourPairs);
  for (std::size_t i = 0; i < ratio.size(); ++i) out[i] = neighbourhood_ratio_at(ratio, i, around);
  return out;
}

std::vector<double> neighbourhood_ratios(std::span<const LineSummary> translations,
                                         std::span<const LineSummary> originals, std::span<const double> old_ratio,
                                         std::span<const double> old_results) {
  const std::vector<double> ratio = pair_length_ratios(translations, originals);
  const std::size_t n = ratio.size();
  const std::size_t m = old_ratio.size();
  if (old_results.size() != m) return neighbourhood_ratios(translations, originals);
  // The ratios both share at their start (prefix) and end (suffix, not overlapping it).
  std::size_t prefix = 0;
  while (prefix < std::min(n, m) && ratio[prefix] == old_ratio[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < std::min(n, m) - prefix && ratio[n - 1 - suffix] == old_ratio[m - 1 - suffix]) ++suffix;
  std::vector<double> out(n, 0.0), around;
  around.reserve(2 * kNeighbourPairs);
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kNeighbourPairs < prefix)  // the window [i - K, i + K] (clipped at 0) inside the shared start
      out[i] = old_results[i];
    else if (i >= n - suffix + kNeighbourPairs)  // inside the shared end, at the same distance from the end
      out[i] = old_results[i + m - n];
    else
      out[i] = neighbourhood_ratio_at(ratio, i, around);
  }
  return out;
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
