#include "eval/speaker_evaluation.hpp"

#include <algorithm>
#include <charconv>
#include <map>

namespace bitext {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::vector<std::string>> parse_speaker_truth(std::string_view text, std::string& error) {
  std::vector<std::string> truth;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const std::size_t tab = line.find('\t');
    std::size_t pair = 0;
    const auto parsed = std::from_chars(line.data(), line.data() + (tab == std::string_view::npos ? 0 : tab), pair);
    const std::string_view name = tab == std::string_view::npos ? std::string_view() : trim(line.substr(tab + 1));
    if (tab == std::string_view::npos || parsed.ec != std::errc() || parsed.ptr != line.data() + tab || pair == 0 ||
        name.empty()) {
      error = "line " + std::to_string(line_number) + ": expected a pair number, a tab and a speaker";
      return std::nullopt;
    }
    if (truth.size() < pair) truth.resize(pair);
    truth[pair - 1] = std::string(name);
  }
  return truth;
}

bool speaker_name_matches(std::string_view inferred, std::string_view truth) {
  const std::string a = lower(trim(inferred));
  const std::string b = lower(trim(truth));
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  const std::string_view first_a = std::string_view(a).substr(0, a.find(' '));
  const std::string_view first_b = std::string_view(b).substr(0, b.find(' '));
  return first_a == first_b && (first_a.size() == a.size() || first_b.size() == b.size());
}

SpeakerScore score_speakers(const std::vector<std::string>& truth, const Transcript& transcript) {
  SpeakerScore score;
  std::map<std::string, std::size_t> true_ids;
  std::map<std::string, std::size_t> inferred_ids;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;  // (inferred, true) per scored pair
  std::vector<std::size_t> pair_index;
  const std::size_t n = std::min(truth.size(), transcript.pairs.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (truth[i].empty()) continue;
    const std::string& inferred = transcript.pairs[i].speaker;
    ++score.pairs;
    if (speaker_name_matches(inferred, truth[i])) ++score.named;
    const std::size_t t = true_ids.emplace(truth[i], true_ids.size()).first->second;
    const std::size_t s = inferred_ids.emplace(inferred, inferred_ids.size()).first->second;
    pairs.emplace_back(s, t);
    pair_index.push_back(i);
  }
  for (std::size_t k = 1; k < pair_index.size(); ++k) {
    const std::size_t i = pair_index[k];
    if (pair_index[k - 1] + 1 != i) continue;  // an unlabelled pair between: no change to judge
    const bool true_change = truth[i] != truth[i - 1];
    const bool inferred_change = transcript.pairs[i].speaker != transcript.pairs[i - 1].speaker;
    score.true_changes += true_change ? 1 : 0;
    score.inferred_changes += inferred_change ? 1 : 0;
    score.changes_found += true_change && inferred_change ? 1 : 0;
  }
  score.true_speakers = true_ids.size();
  score.inferred_speakers = inferred_ids.size();

  std::vector<std::size_t> per_true(true_ids.size(), 0);
  for (const auto& [s, t] : pairs) ++per_true[t];
  score.baseline = per_true.empty() ? 0 : *std::max_element(per_true.begin(), per_true.end());

  // Best one-to-one mapping: a dynamic programme over inferred speakers and
  // the set of true speakers already taken (exact for up to 16 true speakers).
  const std::size_t m = inferred_ids.size();
  const std::size_t t_count = std::min<std::size_t>(true_ids.size(), 16);
  std::vector<std::vector<std::size_t>> counts(m, std::vector<std::size_t>(true_ids.size(), 0));
  for (const auto& [s, t] : pairs) ++counts[s][t];
  const std::size_t masks = std::size_t{1} << t_count;
  std::vector<std::vector<long>> best(m + 1, std::vector<long>(masks, -1));
  std::vector<std::vector<int>> choice(m + 1, std::vector<int>(masks, -1));
  best[0][0] = 0;
  for (std::size_t s = 0; s < m; ++s) {
    for (std::size_t mask = 0; mask < masks; ++mask) {
      if (best[s][mask] < 0) continue;
      if (best[s][mask] > best[s + 1][mask]) {  // s maps to nobody
        best[s + 1][mask] = best[s][mask];
        choice[s + 1][mask] = -1;
      }
      for (std::size_t t = 0; t < t_count; ++t) {
        if (mask & (std::size_t{1} << t)) continue;
        const std::size_t to = mask | (std::size_t{1} << t);
        const long value = best[s][mask] + static_cast<long>(counts[s][t]);
        if (value > best[s + 1][to]) {
          best[s + 1][to] = value;
          choice[s + 1][to] = static_cast<int>(t);
        }
      }
    }
  }
  std::size_t mask = static_cast<std::size_t>(std::max_element(best[m].begin(), best[m].end()) - best[m].begin());
  score.mapped = static_cast<std::size_t>(std::max(0L, best[m][mask]));
  std::vector<int> map_to(m, -1);
  for (std::size_t s = m; s > 0; --s) {
    const int t = choice[s][mask];
    map_to[s - 1] = t;
    if (t >= 0) mask &= ~(std::size_t{1} << static_cast<std::size_t>(t));
  }
  for (std::size_t k = 0; k < pairs.size(); ++k)
    if (map_to[pairs[k].first] != static_cast<int>(pairs[k].second)) score.wrong.push_back(pair_index[k]);
  return score;
}

}  // namespace bitext
