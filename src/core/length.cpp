// Gale-Church length model (length.hpp).
#include "bitext/length.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

#include "bitext/text.hpp"
#include "chars.hpp"

namespace bitext {
namespace {


// CJK letters only, not chars::is_cjk: the measure counts CJK punctuation
// (。，「」) and full-width forms as punctuation, which the CJK-length measure
// leaves out; counted as CJK they would change every Chinese line's length.
bool is_cjk_letter(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) ||   // radicals
         (c >= 0x3040 && c <= 0x30FF) ||   // kana
         (c >= 0x3100 && c <= 0x31FF) ||   // bopomofo, kana extensions
         (c >= 0x3400 && c <= 0x4DBF) ||   // Han extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||   // Han
         (c >= 0xAC00 && c <= 0xD7AF) ||   // Hangul
         (c >= 0xF900 && c <= 0xFAFF) ||   // compatibility ideographs
         (c >= 0x20000 && c <= 0x3FFFF);   // Han extensions B..
}

// What count_characters makes of an ASCII byte, by table (it reads every
// byte of every line): white space (chars::is_white_space), a control
// character (no text), a letter or digit, or punctuation.
enum class AsciiKind : unsigned char { Space, Control, Latin, Punctuation };
constexpr std::array<AsciiKind, 128> kAsciiKinds = [] {
  std::array<AsciiKind, 128> kinds{};
  for (int c = 0; c < 128; ++c) {
    const bool space = c == ' ' || (c >= '\t' && c <= '\r');
    const bool latin = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    kinds[std::size_t(c)] = space                   ? AsciiKind::Space
                            : c < 0x20 || c == 0x7F ? AsciiKind::Control
                            : latin                 ? AsciiKind::Latin
                                                    : AsciiKind::Punctuation;
  }
  return kinds;
}();

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  const std::size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(mid), values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  const double lower = *std::max_element(values.begin(), values.begin() + std::ptrdiff_t(mid));
  return (lower + upper) / 2;
}

// log(erfc(x)) for x >= 0, accurate where erfc itself underflows.
double log_erfc(double x) {
  if (x < 25) return std::log(std::erfc(x));
  const double x2 = x * x;
  // erfc(x) ~ exp(-x²)/(x√π) · (1 - 1/(2x²) + 3/(4x⁴))
  return -x2 - std::log(x * std::sqrt(std::numbers::pi)) + std::log1p(-1 / (2 * x2) + 3 / (4 * x2 * x2));
}

}  // namespace

CharacterCounts count_characters(std::string_view line) {
  CharacterCounts counts;
  std::uint32_t pending_spaces = 0;  // spaces count only between non-space characters
  bool seen_text = false;
  std::size_t offset = 0;
  while (offset < line.size()) {
    // ASCII without ICU: u_isalnum is [0-9A-Za-z] there, u_iscntrl the C0
    // controls and DEL (the white space among them is tested first).
    const auto byte = static_cast<unsigned char>(line[offset]);
    if (byte < 0x80) {
      ++offset;
      const AsciiKind kind = kAsciiKinds[byte];
      if (kind == AsciiKind::Space) {
        if (seen_text) ++pending_spaces;
        continue;
      }
      if (kind == AsciiKind::Control) continue;
      if (kind == AsciiKind::Latin) ++counts.latin;
      else ++counts.punctuation;
      seen_text = true;
      counts.spaces += pending_spaces;
      pending_spaces = 0;
      continue;
    }
    const DecodedCodePoint d = decode_utf8(line, offset);
    offset += d.length == 0 ? 1 : d.length;
    if (!d.valid) {
      ++counts.invalid;
    } else if (chars::is_white_space(d.code_point)) {
      if (seen_text) ++pending_spaces;
      continue;
    } else if (is_cjk_letter(d.code_point)) {
      ++counts.cjk;
    } else if (u_isalnum(UChar32(d.code_point))) {
      ++counts.latin;
    } else if (u_iscntrl(UChar32(d.code_point)) || d.code_point == 0xFEFF) {
      continue;  // controls and BOM carry no text
    } else {
      ++counts.punctuation;
    }
    seen_text = true;
    counts.spaces += pending_spaces;
    pending_spaces = 0;
  }
  return counts;
}

double line_length(const CharacterCounts& counts, Script script) {
  if (script == Script::Han || script == Script::Japanese)
    return counts.cjk + counts.invalid + kLatinInCjkWeight * counts.latin;
  return double(counts.cjk) + counts.latin + counts.punctuation + counts.spaces + counts.invalid;
}

double line_length(std::string_view line, Script script) {
  return line_length(count_characters(line), script);
}

LengthRatioModel length_prior(Script translation, Script original) {
  const bool cjk_translation = translation == Script::Han || translation == Script::Japanese;
  const bool cjk_original = original == Script::Han || original == Script::Japanese;
  const LengthRatioModel zh_en{3.5, 25.0};
  if (cjk_translation && !cjk_original) return zh_en;
  if (!cjk_translation && cjk_original)
    return {1 / zh_en.c, zh_en.s2 / (zh_en.c * zh_en.c * zh_en.c)};
  if (cjk_translation && cjk_original) return {1.0, 2.0};  // zh-ja: close to 1:1, tighter spread
  return {1.0, 6.8};
}

LengthFit fit_length_model(std::span<const LengthPair> pairs, const LengthRatioModel& prior,
                           double prior_weight) {
  LengthFit fit;
  fit.model = prior;
  fit.raw = prior;
  std::vector<double> ratios;
  for (const LengthPair& p : pairs)
    if (p.translation > 0 && p.original > 0) ratios.push_back(p.original / p.translation);
  const std::size_t n = ratios.size();
  fit.pairs_used = n;
  if (n == 0) return fit;

  const double c = median(ratios);
  std::vector<double> residuals;
  residuals.reserve(n);
  for (const LengthPair& p : pairs) {
    if (p.translation <= 0 || p.original <= 0) continue;
    const double m = (p.translation + p.original / c) / 2;
    residuals.push_back((p.original - c * p.translation) / std::sqrt(m));
  }
  const double centre = median(residuals);
  for (double& r : residuals) r = std::fabs(r - centre);
  const double spread = 1.4826 * median(residuals);
  // A spread of zero (one pair, or identical ratios) says nothing: keep the prior's.
  const double s2 = spread > 0 ? spread * spread : prior.s2;
  fit.raw = {c, s2};

  const double w = double(n) / (double(n) + std::max(0.0, prior_weight));
  fit.model.c = std::exp(w * std::log(c) + (1 - w) * std::log(prior.c));
  fit.model.s2 = std::exp(w * std::log(s2) + (1 - w) * std::log(prior.s2));
  return fit;
}

double length_delta(double l1, double l2, const LengthRatioModel& model) {
  const double m = (l1 + l2 / model.c) / 2;
  if (m <= 0 || model.s2 <= 0) return 0;
  return (l2 - model.c * l1) / std::sqrt(model.s2 * m);
}

double match_cost(double l1, double l2, const LengthRatioModel& model) {
  const double delta = std::fabs(length_delta(l1, l2, model));
  // 2(1 - Φ(|δ|)) = erfc(|δ|/√2)
  return -log_erfc(delta / std::numbers::sqrt2);
}

}  // namespace bitext
