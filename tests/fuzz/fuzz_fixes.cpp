// Fuzzer: the fixes. For arbitrary documents (and each line order), every fix
// of every finding must apply (edits inside the text, not overlapping, on
// character boundaries of valid UTF-8) and must keep every character of the
// input except what it says it removes or inserts. Counted in non-whitespace
// code points, because fixes move text (swap, drift, re-pair, merge) and may
// re-space what they join:
//  - what the edits remove, less what they insert, is nothing, or exactly a
//    line that is still in the fixed text ("Delete the repeated line");
//  - what they insert, less what they remove, is nothing, or exactly a
//    placeholder line ("Insert a placeholder ... line").
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <fuzzer/FuzzedDataProvider.h>

#include "bitext/analysis.hpp"
#include "bitext/text.hpp"
#include "fuzz_check.hpp"

using namespace bitext;

namespace {

bool is_space(char32_t cp) {
  return cp == U' ' || (cp >= U'\t' && cp <= U'\r') || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF;
}

using Counts = std::map<char32_t, long>;

void count(std::string_view text, Counts& counts, long sign) {
  for (std::size_t at = 0; at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    at += std::max<std::size_t>(decoded.length, 1);
    if (!is_space(decoded.code_point)) counts[decoded.code_point] += sign;
  }
}

Counts counts_of(std::string_view text) {
  Counts counts;
  count(text, counts, 1);
  return counts;
}

// The positive part of `counts` (or of its negation).
Counts part(const Counts& counts, long sign) {
  Counts result;
  for (auto [cp, n] : counts)
    if (n * sign > 0) result[cp] = n * sign;
  return result;
}

bool on_boundary(std::string_view text, std::size_t offset) {
  return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

void check_fix(const std::string& text, const Fix& fix, const CheckOptions& options, bool valid_utf8) {
  FUZZ_CHECK(!fix.edits.empty());
  for (const TextEdit& edit : fix.edits) {
    FUZZ_CHECK(edit.begin <= edit.end && edit.end <= text.size());
    if (valid_utf8) FUZZ_CHECK(on_boundary(text, edit.begin) && on_boundary(text, edit.end));
  }
  std::vector<TextEdit> sorted = fix.edits;
  std::stable_sort(sorted.begin(), sorted.end(), [](const TextEdit& a, const TextEdit& b) { return a.begin < b.begin; });
  for (std::size_t i = 1; i < sorted.size(); ++i) FUZZ_CHECK(sorted[i - 1].end <= sorted[i].begin);
  const std::string fixed = apply_edits(text, fix.edits);

  Counts balance;  // inserted minus removed
  for (const TextEdit& edit : fix.edits) {
    count(std::string_view(text).substr(edit.begin, edit.end - edit.begin), balance, -1);
    count(edit.replacement, balance, 1);
  }
  const Counts removed = part(balance, -1);
  const Counts inserted = part(balance, 1);
  if (!removed.empty()) {
    // Only a line that the fixed text still has may go.
    LineIndex index(fixed);
    bool kept_copy = false;
    for (std::size_t line = 0; line < index.line_count() && !kept_copy; ++line) {
      kept_copy = counts_of(index.line_text(line)) == removed;
    }
    FUZZ_CHECK(kept_copy);
  }
  if (!inserted.empty()) {
    FUZZ_CHECK(inserted == counts_of(options.translation_placeholder) ||
               inserted == counts_of(options.original_placeholder));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider provider(data, size);
  CheckOptions options;
  const int order = provider.ConsumeIntegralInRange(0, 2);
  options.order = order == 1 ? LineOrder::TranslationFirst : order == 2 ? LineOrder::OriginalFirst : LineOrder::Auto;
  const std::string text = provider.ConsumeRemainingBytesAsString();
  const bool valid_utf8 = !first_invalid_utf8(text).has_value();
  const auto analysis = Analysis::run(text, options);
  for (const Finding& finding : analysis->findings()) {
    FUZZ_CHECK(finding.begin <= finding.end && finding.end <= text.size());
    for (const Fix& fix : finding.fixes) check_fix(text, fix, options, valid_utf8);
  }
  return 0;
}
