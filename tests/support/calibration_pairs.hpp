// The real calibration pairs of data/calibration/ (zh<TAB>en<TAB>source per
// line), and the AUC used to report how well a score tells true pairs from
// pairs shifted by one. Shared by tests and bench/.
#pragma once

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace bitext::test_support {

struct CalibrationPair {
  std::string zh;
  std::string en;
  std::string source;  // document the pair comes from
};

inline std::vector<CalibrationPair> read_calibration_pairs(const std::string& path) {
  std::vector<CalibrationPair> pairs;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const auto tab2 = line.find('\t', tab + 1);
    pairs.push_back({line.substr(0, tab),
                     line.substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1),
                     tab2 == std::string::npos ? std::string() : line.substr(tab2 + 1)});
  }
  return pairs;
}

// Probability that a true pair scores higher than a shifted one (ties count half).
inline double auc_higher_is_true(const std::vector<double>& true_scores, const std::vector<double>& shifted_scores) {
  std::vector<std::pair<double, int>> all;
  for (double v : true_scores) all.emplace_back(v, 1);
  for (double v : shifted_scores) all.emplace_back(v, 0);
  std::sort(all.begin(), all.end());
  double rank_sum = 0;
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j].first == all[i].first) ++j;
    const double average_rank = (double(i) + double(j) + 1) / 2;
    for (std::size_t k = i; k < j; ++k)
      if (all[k].second == 1) rank_sum += average_rank;
    i = j;
  }
  const double n1 = double(true_scores.size()), n0 = double(shifted_scores.size());
  if (n1 == 0 || n0 == 0) return 0.5;
  return (rank_sum - n1 * (n1 + 1) / 2) / (n1 * n0);
}

}  // namespace bitext::test_support
