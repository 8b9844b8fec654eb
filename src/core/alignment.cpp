#include "bitext/alignment.hpp"

#include <algorithm>
#include <cmath>

#include "bitext/script.hpp"
#include "bitext/segmentation.hpp"
#include "bitext/text.hpp"

namespace bitext {
namespace {

bool is_cjk_letter(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x3040 && c <= 0x30FF) ||
         (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x20000 && c <= 0x2FFFF) || (c >= 0xF900 && c <= 0xFAFF);
}
bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0x00A0 || c == 0x3000 || c == 0x200B || c == 0xFEFF;
}
bool is_latin_alnum(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
bool is_sentence_mark(char32_t c) {
  return c == U'.' || c == U'?' || c == U'!' || c == U'。' || c == U'？' || c == U'！' || c == U'…';
}
bool is_closer(char32_t c) {
  return c == U'"' || c == U'\'' || c == U'”' || c == U'’' || c == U'」' || c == U'』' || c == U')' ||
         c == U'）' || c == U'】' || c == U'》';
}


std::size_t advance(std::string_view text, std::size_t offset) {
  const DecodedCodePoint decoded = decode_utf8(text, offset);
  return offset + std::max<std::size_t>(decoded.length, 1);
}

// Standard normal density without the constant (it cancels in the cost).
double kernel(double x, double sigma) { return std::exp(-0.5 * (x * x) / (sigma * sigma)) / sigma; }

constexpr double kTailWeight = 0.08;  // share of pairs translated freely enough to look odd
constexpr double kTailSigma = 3.5;

double mixture(double residual) {
  return (1 - kTailWeight) * kernel(residual, 1.0) + kTailWeight * kernel(residual, kTailSigma);
}

double median_of(std::vector<double> values) {
  if (values.empty()) return 0;
  const std::size_t middle = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle), values.end());
  double upper = values[middle];
  if (values.size() % 2 == 1) return upper;
  const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle));
  return (lower + upper) / 2;
}

}  // namespace

double line_length(std::string_view text, bool spaced) {
  double length = 0;
  bool in_space = true;  // leading whitespace does not count
  for (std::size_t at = 0; at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    at += std::max<std::size_t>(decoded.length, 1);
    const char32_t c = decoded.code_point;
    if (spaced) {
      if (is_space(c)) {
        if (!in_space) length += 1;
        in_space = true;
      } else {
        length += 1;
        in_space = false;
      }
    } else if (is_cjk_letter(c)) {
      length += 1;
    } else if (is_latin_alnum(c)) {
      length += 1.0 / 3.0;
    }
  }
  if (spaced && in_space && length > 0) length -= 1;  // trailing whitespace
  return length;
}

LineFeatures line_features(std::string_view line) {
  LineFeatures features;
  const ScriptProfile profile = classify_script(line);
  features.spaced = profile.dominant != Script::Han && profile.dominant != Script::Japanese;
  features.length = line_length(line, features.spaced);
  features.numbers = scan_numbers(line);
  features.tokens = scan_tokens(line);
  features.keys = token_keys(features.tokens);
  features.token_hashes.reserve(features.tokens.size());
  for (std::size_t i = 0; i < features.tokens.size(); ++i) {
    const LatinToken& token = features.tokens[i];
    features.token_hashes.push_back(token_key_hash(token.key));
    const bool adjacent = i + 1 < features.tokens.size() && features.tokens[i + 1].begin <= token.end + 1;
    features.joined_hashes.push_back(adjacent ? token_key_hash(token.key + features.tokens[i + 1].key) : 0);
  }

  // Cut points at sentence and clause boundaries; the whitespace between the
  // parts belongs to neither.
  std::size_t last_visible_end = 0;
  char32_t last_visible = 0;
  for (std::size_t at = 0; at < line.size();) {
    const DecodedCodePoint decoded = decode_utf8(line, at);
    at += std::max<std::size_t>(decoded.length, 1);
    if (!is_space(decoded.code_point)) {
      last_visible = decoded.code_point;
      last_visible_end = at;
    }
  }
  for (const Boundary& boundary : find_boundaries(line, profile.dominant)) {
    std::size_t head_end = boundary.offset;
    while (head_end > 0) {
      // Step back over whitespace (ASCII and the CJK ideographic space).
      if (line[head_end - 1] == ' ' || line[head_end - 1] == '\t') {
        --head_end;
      } else if (head_end >= 3 && line.substr(head_end - 3, 3) == "\u3000") {
        head_end -= 3;
      } else {
        break;
      }
    }
    if (head_end == 0) continue;
    features.cuts.push_back({head_end, boundary.offset, 0, boundary.strength == BoundaryStrength::Sentence});
  }
  for (CutPoint& cut : features.cuts) cut.head_length = line_length(line.substr(0, cut.head_end), features.spaced);
  features.ends_sentence = last_visible_end > 0 && (is_sentence_mark(last_visible) || is_closer(last_visible));
  for (std::size_t at = 0; at < line.size(); at = advance(line, at)) {
    const char32_t c = decode_utf8(line, at).code_point;
    if (is_space(c)) continue;
    features.starts_lower = c >= U'a' && c <= U'z';
    break;
  }
  return features;
}

LengthFit fit_length_model(std::span<const double> translation_lengths, std::span<const double> original_lengths,
                           bool translation_is_cjk) {
  LengthFit fit;
  const double prior_ratio = translation_is_cjk ? 3.3 : 1.0;
  const double prior_variance = translation_is_cjk ? 25.0 : 6.8;
  std::vector<double> ratios;
  const std::size_t n = std::min(translation_lengths.size(), original_lengths.size());
  for (std::size_t i = 0; i < n; ++i) {
    const double t = translation_lengths[i], o = original_lengths[i];
    if (t >= 4 && o >= 4) ratios.push_back(o / t);
  }
  fit.samples = ratios.size();
  constexpr double kPriorWeight = 8;  // pseudo-pairs behind the priors
  const double weight = double(ratios.size()) / (double(ratios.size()) + kPriorWeight);
  const double ratio = ratios.empty() ? prior_ratio : median_of(ratios);
  fit.ratio = weight * ratio + (1 - weight) * prior_ratio;
  std::vector<double> deviations;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = translation_lengths[i], o = original_lengths[i];
    if (t >= 4 && o >= 4) deviations.push_back(std::fabs(o - fit.ratio * t) / std::sqrt(t));
  }
  const double spread = deviations.empty() ? 0 : 1.4826 * median_of(deviations);
  const double variance = deviations.empty() ? prior_variance : spread * spread;
  fit.variance = weight * variance + (1 - weight) * prior_variance;
  fit.variance = std::max(fit.variance, prior_variance * 0.25);
  // Rounded: one edited pair must rarely move the fit, so that a re-analysis
  // can keep the results of windows it did not touch.
  fit.ratio = std::round(fit.ratio * 20) / 20;
  fit.variance = std::round(fit.variance * 2) / 2;
  return fit;
}

double length_residual(double t, double o, const LengthFit& fit) {
  const double variance = fit.variance * (std::max(t, 0.0) + 2.0);
  return (o - fit.ratio * t) / std::sqrt(variance);
}

double residual_cost(double residual) {
  static const double best = -std::log(mixture(0));
  return -std::log(mixture(residual)) - best;
}

std::uint64_t token_key_hash(std::string_view key) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

TokenKeys token_keys(std::span<const LatinToken> tokens) {
  TokenKeys keys;
  const auto hash = token_key_hash;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const LatinToken& token = tokens[i];
    if (token.key.empty()) continue;
    const std::uint64_t h = hash(token.key);
    keys.present.push_back(h);
    if (i + 1 < tokens.size() && tokens[i + 1].begin <= token.end + 1)
      keys.present.push_back(hash(token.key + tokens[i + 1].key));
    const bool short_word = token.kind == TokenKind::Word && token.key.size() < 3;
    if (!short_word && token.kind != TokenKind::Word) keys.names.push_back(h);
    if (must_carry(token)) keys.carried.push_back(h);
  }
  for (auto* list : {&keys.present, &keys.names, &keys.carried}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  return keys;
}

LexicalCheck check_lexical(std::span<const NumberMention> translation_numbers,
                           std::span<const NumberMention> original_numbers, const TokenKeys& translation_keys,
                           const TokenKeys& original_keys) {
  LexicalCheck check;
  if (!translation_numbers.empty() || !original_numbers.empty()) {
    const NumberComparison numbers = compare_numbers(translation_numbers, original_numbers);
    check.unmatched_numbers = static_cast<int>(numbers.unmatched_translation.size() + numbers.unmatched_original.size());
    check.matched_numbers = static_cast<int>(numbers.matched_translation + numbers.matched_original);
  }
  for (const std::uint64_t key : translation_keys.names) {
    if (std::binary_search(original_keys.present.begin(), original_keys.present.end(), key)) ++check.matched_tokens;
    else ++check.unmatched_tokens;
  }
  for (const std::uint64_t key : original_keys.carried) {
    if (std::binary_search(translation_keys.present.begin(), translation_keys.present.end(), key)) ++check.matched_tokens;
    else ++check.unmatched_tokens;
  }
  return check;
}

double lexical_cost(const LexicalCheck& check) {
  return 3.0 * check.unmatched_numbers - 1.0 * check.matched_numbers + 1.5 * check.unmatched_tokens -
         0.5 * check.matched_tokens;
}

}  // namespace bitext
