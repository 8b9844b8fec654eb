// Content stage 3: which alternatives are reported. The strongest first; a
// pair takes part in at most one; a drift brings its mirror along.
#include <algorithm>
#include <utility>
#include <vector>

#include "content_stages.hpp"

namespace bitext::content {

Selection select_alternatives(std::vector<Alternative> candidates, std::size_t n) {
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Alternative& a, const Alternative& b) { return a.evidence > b.evidence; });
  Selection selection;
  std::vector<bool> taken(n, false);
  selection.explained.assign(n, false);
  // The first drift of each boundary, side and direction in this order has
  // the best evidence (ties: the earliest), found without a scan per drift:
  // (slot, position) of every drift, sorted, so the earliest of a slot comes
  // first. The drifts only, not four pointers per pair (0.5 MB at 15,000
  // pairs, alive at the rerun's heap peak).
  auto drift_slot = [](std::size_t first, bool translation_side, bool forward) {
    return 4 * first + (translation_side ? 2 : 0) + (forward ? 1 : 0);
  };
  std::vector<std::pair<std::size_t, std::size_t>> drifts;
  for (std::size_t at = 0; at < candidates.size(); ++at) {
    const Alternative& candidate = candidates[at];
    if (candidate.type == MoveType::Drift)
      drifts.emplace_back(drift_slot(candidate.first, candidate.translation_side, candidate.forward), at);
  }
  std::sort(drifts.begin(), drifts.end());
  auto first_drift = [&](std::size_t slot) -> const Alternative* {
    const auto at = std::lower_bound(drifts.begin(), drifts.end(), std::pair<std::size_t, std::size_t>(slot, 0));
    return at != drifts.end() && at->first == slot ? &candidates[at->second] : nullptr;
  };
  for (const Alternative& candidate : candidates) {
    bool free = true;
    for (std::size_t p = candidate.first; p < candidate.first + candidate.count; ++p) free = free && !taken[p];
    if (!free) continue;
    for (std::size_t p = candidate.first; p < candidate.first + candidate.count; ++p) taken[p] = true;
    // A pair re-paired by a strong alternative needs no length finding of its
    // own; a weaker one may be wrong, and the length finding then still says
    // what is odd about the pair.
    if (candidate.evidence >= kRealignThresholds.warning)
      for (std::size_t p = candidate.first; p < candidate.first + candidate.count; ++p) selection.explained[p] = true;
    SelectedAlternative selected{candidate, std::nullopt};
    if (candidate.type == MoveType::Drift) {
      const std::size_t mirror_slot = drift_slot(candidate.first, !candidate.translation_side, !candidate.forward);
      if (const Alternative* mirror = first_drift(mirror_slot))
        selected.mirror = *mirror;
    }
    selection.selected.push_back(std::move(selected));
  }
  return selection;
}

}  // namespace bitext::content
