// Content checks: whether the pairs say the same thing (length model, numbers,
// carried-over names, windowed re-alignment for drift and shifted blocks).
// Codes: shifted-block, boundary-drift, merge-suggested, length-outlier,
// number-mismatch, token-not-carried (the content rules of rules.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "bitext/finding.hpp"
#include "bitext/options.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"

namespace bitext {

// Per-pair work kept between runs so that an edit re-analyses only the windows
// around the edited pairs. Opaque to callers.
struct ContentState;

struct ContentResult {
  std::vector<Finding> findings;
  std::vector<double> pair_scores;  // one per pair, 0..1
  std::shared_ptr<const ContentState> state;
};

// `previous` may be null (full analysis); results never depend on it.
// `previous_lines`, when given with `previous`, has for each line of `index`
// the line of the previous version's text with the same bytes, or kNoLine: the
// work for those lines is then found by position rather than by a hash of
// their text. It must be right (Analysis::rerun verifies it byte for byte).
ContentResult content_checks(const Transcript& transcript, const LineIndex& index,
                             const CheckOptions& options, const ContentState* previous = nullptr,
                             std::span<const std::uint32_t> previous_lines = {});

}  // namespace bitext
