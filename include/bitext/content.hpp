// Content checks: whether the pairs say the same thing (length model, numbers,
// carried-over names, local re-pairings for drift and shifted blocks).
// Codes: shifted-block, boundary-drift, merge-suggested, length-outlier,
// number-mismatch, token-not-carried (the content rules of rules.hpp). Findings
// are made at each code's default severity; apply_rules() applies the user's
// settings afterwards.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "bitext/finding.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"

namespace bitext {

// The work of one version kept for the next: per pair, the results of the
// stages (content_stages.hpp) with what they were computed from. Opaque.
struct ContentState;

struct ContentResult {
  std::vector<Finding> findings;
  std::vector<double> pair_scores;  // one per pair, 0..1
  std::shared_ptr<ContentState> state;
};

// The state does not keep a copy of the findings: a rerun reads those it
// reuses from the list the caller kept them in (the analysis's findings), so
// the caller tells the state where each of ContentResult::findings went, in
// order: its index in that list, or kNotListed (the rules dropped it; such
// findings are made again). Without it, no findings are reused.
constexpr std::uint32_t kNotListed = 0xFFFFFFFFu;
void list_content_findings(ContentState& state, std::span<const std::uint32_t> listed_at);

// `previous` may be null (full analysis); results never depend on it.
// `previous_lines`, given with `previous`, has for each line of `index` the
// line of the previous version's text with the same bytes, or kNoLine: the
// stages' results for pairs of such lines are reused. It must be right
// (Analysis::rerun verifies it byte for byte); without it nothing is reused.
// `previous_findings` is the list `previous`'s findings were listed in
// (list_content_findings), as it is now: only their severity may differ.
ContentResult content_checks(const Transcript& transcript, const LineIndex& index,
                             const ContentState* previous = nullptr,
                             std::span<const std::uint32_t> previous_lines = {},
                             std::span<const Finding> previous_findings = {});
// The same, given the previous state to own: it is dropped once the run has
// taken what the selection and the findings read of it, before those stages,
// so that a rerun's peak does not hold two versions' per-pair records (freed
// then when this run was its last owner).
ContentResult content_checks_releasing(const Transcript& transcript, const LineIndex& index,
                                       std::shared_ptr<const ContentState> previous,
                                       std::span<const std::uint32_t> previous_lines,
                                       std::span<const Finding> previous_findings);

// The content findings of the document's first `pairs` pairs, known before
// the rest: exactly the result's findings on those pairs (the pair a finding
// names), in the result's order. Told for a growing number of pairs, each a
// cut no alternative crosses, so that what lies after it cannot change what
// lies before (content_checks.cpp).
struct ContentPrefix {
  std::size_t pairs = 0;
  std::vector<Finding> findings;
};
using ContentPrefixListener = std::function<void(const ContentPrefix&)>;

// A full run (no previous version) telling `on_prefix`, on the calling
// thread, the findings of its leading pairs while it checks the rest.
ContentResult content_checks(const Transcript& transcript, const LineIndex& index,
                             const ContentPrefixListener& on_prefix);

}  // namespace bitext
