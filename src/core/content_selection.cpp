// Content stage 3: which alternatives are reported. The strongest first; a
// pair takes part in at most one; a drift brings its mirror along.
#include <algorithm>

#include "content_stages.hpp"

namespace bitext::content {

Selection select_alternatives(std::vector<Alternative> candidates, std::size_t n) {
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Alternative& a, const Alternative& b) { return a.evidence > b.evidence; });
  Selection selection;
  std::vector<bool> taken(n, false);
  selection.explained.assign(n, false);
  // The first drift of each boundary, side and direction in this order has
  // the best evidence (ties: the earliest), found without a scan per drift.
  auto drift_slot = [](std::size_t first, bool translation_side, bool forward) {
    return 4 * first + (translation_side ? 2 : 0) + (forward ? 1 : 0);
  };
  std::vector<const Alternative*> first_drift(4 * n, nullptr);
  for (const Alternative& candidate : candidates) {
    if (candidate.type != MoveType::Drift) continue;
    const Alternative*& slot = first_drift[drift_slot(candidate.first, candidate.translation_side, candidate.forward)];
    if (!slot) slot = &candidate;
  }
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
      if (const Alternative* mirror =
              first_drift[drift_slot(candidate.first, !candidate.translation_side, !candidate.forward)])
        selected.mirror = *mirror;
    }
    selection.selected.push_back(std::move(selected));
  }
  return selection;
}

}  // namespace bitext::content
