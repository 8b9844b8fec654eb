#include "speaker_memo.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <tuple>

namespace bitext::detail {
namespace {

// Appends a pair's key: how many Latin ranges, then every range, each moved to
// the previous version's coordinates when `ends` is given. False when a range
// is not in the text both versions share (the key is then incomplete).
// Also false when a value does not fit the key's type (the memo's 32 bits).
template <class Offset>
bool append_key(const PairSideRanges& ranges, const CommonEnds* ends, std::vector<Offset>& key) {
  const auto fits = [](std::size_t value) { return value <= std::numeric_limits<Offset>::max(); };
  key.push_back(static_cast<Offset>(ranges.latin.size()));
  for (const SideRanges* side : {&ranges.latin, &ranges.han})
    for (const Pair::TextRange& range : *side) {
      std::size_t begin = range.begin;
      if (ends != nullptr) {
        const std::optional<std::size_t> old = ends->old_begin(range.begin, range.end);
        if (!old) return false;
        begin = *old;
      }
      const std::size_t end = begin + (range.end - range.begin);
      if (!fits(end) || !fits(begin)) return false;
      key.push_back(static_cast<Offset>(begin));
      key.push_back(static_cast<Offset>(end));
    }
  return true;
}

// A range as the memo keeps it, when it fits its 32 bits.
std::optional<std::pair<std::uint32_t, std::uint32_t>> kept_range(std::size_t begin, std::size_t end) {
  if (begin > UINT32_MAX || end > UINT32_MAX) return std::nullopt;
  return std::pair<std::uint32_t, std::uint32_t>(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end));
}

// The read as the memo keeps it; none when its range or label lie beyond 32 bits.
std::optional<SpeakerMemo::LabelRead> kept_read(std::size_t begin, std::size_t end, const LabelMatch& match) {
  const auto range = kept_range(begin, end);
  if (!range || match.end > UINT32_MAX || match.name_end > UINT32_MAX) return std::nullopt;
  const auto narrow = [](std::size_t offset) { return static_cast<std::uint32_t>(offset); };
  return SpeakerMemo::LabelRead{range->first,         range->second,           narrow(match.begin), narrow(match.end),
                                narrow(match.name_begin), narrow(match.name_end), match.form,          match.alone,
                                match.strong};
}

// The key of a pair in the previous version's coordinates, if all its ranges are unchanged.
bool old_key(const PairSideRanges& ranges, const CommonEnds& ends, std::vector<std::size_t>& key) {
  key.clear();
  return append_key(ranges, &ends, key) && key.size() > 1;
}

bool has_key(const SpeakerMemo& memo, std::size_t pair, const std::vector<std::size_t>& key) {
  const auto from = memo.keys.begin() + memo.key_starts[pair];
  const auto to = memo.keys.begin() + memo.key_starts[pair + 1];
  return std::equal(from, to, key.begin(), key.end());
}

// The index in `sorted` of `value`, looked for near `hint` first (reads and
// pairs come nearly in the order they were kept), else by binary search.
template <class T, class Less>
std::optional<std::size_t> find_near(const std::vector<T>& sorted, const T& value, std::size_t hint, Less less) {
  const std::size_t from = hint >= 2 ? hint - 2 : 0;
  for (std::size_t at = from; at < sorted.size() && at < hint + 3; ++at)
    if (!less(sorted[at], value) && !less(value, sorted[at])) return at;
  const auto at = std::lower_bound(sorted.begin(), sorted.end(), value, less);
  if (at == sorted.end() || less(value, *at)) return std::nullopt;
  return static_cast<std::size_t>(at - sorted.begin());
}

// The previous version's pair with `key`, tried first at `hint` (the pair
// after the last one found: pairs keep their order).
const PairCues* find_cues(const SpeakerMemo& memo, const std::vector<std::size_t>& key, std::size_t& hint) {
  if (hint < memo.cues.size() && has_key(memo, hint, key)) return &memo.cues[hint++];
  if (key[1] > UINT32_MAX) return nullptr;  // (no kept key starts there)
  const auto start = static_cast<std::uint32_t>(key[1]);
  auto at = std::lower_bound(memo.by_start.begin(), memo.by_start.end(), std::make_pair(start, std::uint32_t{0}));
  for (; at != memo.by_start.end() && at->first == start; ++at) {
    const std::uint32_t pair = at->second;
    if (has_key(memo, pair, key)) {
      hint = std::size_t{pair} + 1;
      return &memo.cues[pair];
    }
  }
  return nullptr;
}

}  // namespace

LabelReader::LabelReader(std::string_view text, Layout layout, const SpeakerRecall& recall)
    : text_(text), layout_(layout),
      previous_(recall.previous != nullptr && recall.previous->layout == layout ? recall.previous : nullptr),
      ends_(recall.ends) {}

std::optional<LabelMatch> LabelReader::read(std::size_t begin, std::size_t end) {
  // Exactly the bytes text.substr(begin, end - begin) gives.
  const std::string_view piece = text_.substr(begin, end - begin);
  end = begin + piece.size();
  if (previous_ != nullptr) {
    if (const std::optional<std::size_t> old = ends_.old_begin(begin, end)) {
      const std::pair<std::size_t, std::size_t> range{*old, *old + (end - begin)};
      const std::optional<std::pair<std::uint32_t, std::uint32_t>> kept = kept_range(range.first, range.second);
      const auto& labels = previous_->labels;
      const auto by_range = [](const SpeakerMemo::LabelRead& a, const SpeakerMemo::LabelRead& b) {
        return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
      };
      const std::optional<std::size_t> at =
          kept ? find_near(labels, SpeakerMemo::LabelRead{kept->first, kept->second}, label_hint_, by_range)
               : std::nullopt;
      if (at) {
        label_hint_ = *at + 1;
        const LabelMatch match = labels[*at].match();
        if (const auto read = kept_read(begin, end, match)) reads_.push_back(*read);
        return match;
      }
      if (const std::optional<std::size_t> at =
              kept ? find_near(previous_->no_labels, *kept, miss_hint_, std::less<std::pair<std::uint32_t, std::uint32_t>>())
                   : std::nullopt) {
        miss_hint_ = *at + 1;
        if (const auto now = kept_range(begin, end)) misses_.push_back(*now);
        return std::nullopt;
      }
    }
  }
  std::optional<LabelMatch> match = read_label(piece, layout_);
  if (match) {
    if (const auto read = kept_read(begin, end, *match)) reads_.push_back(*read);
  } else if (const auto kept = kept_range(begin, end)) {
    misses_.push_back(*kept);
  }
  return match;
}

void LabelReader::take(SpeakerMemo& memo) {
  // Lines are read in document order: mostly sorted already (a sort of ~30,000 ranges per edit otherwise).
  const auto by_range = [](const SpeakerMemo::LabelRead& a, const SpeakerMemo::LabelRead& b) {
    return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
  };
  if (!std::is_sorted(reads_.begin(), reads_.end(), by_range)) std::sort(reads_.begin(), reads_.end(), by_range);
  reads_.erase(std::unique(reads_.begin(), reads_.end(),
                           [](const SpeakerMemo::LabelRead& a, const SpeakerMemo::LabelRead& b) {
                             return a.begin == b.begin && a.end == b.end;
                           }),
               reads_.end());
  if (!std::is_sorted(misses_.begin(), misses_.end())) std::sort(misses_.begin(), misses_.end());
  misses_.erase(std::unique(misses_.begin(), misses_.end()), misses_.end());
  memo.labels = std::move(reads_);
  memo.no_labels = std::move(misses_);
  // The memo is kept while the user types: without the slack the vectors grew with.
  memo.labels.shrink_to_fit();
  memo.no_labels.shrink_to_fit();
}

void recall_pair_cues(const Transcript& transcript, const std::vector<PairSides>& sides,
                      const SpeakerRecall& recall, SpeakerMemo& memo, std::vector<std::uint32_t>* from_previous) {
  const std::size_t n = sides.size();
  std::vector<PairCues>& cues = memo.cues;
  cues.clear();
  cues.reserve(n);
  memo.keys.clear();
  std::size_t key_size = 0;  // reserved exactly: the memo is kept while the user types
  for (std::size_t i = 0; i < n; ++i) {
    const PairSideRanges pair = pair_side_ranges(transcript, i);
    key_size += 1 + 2 * (pair.latin.size() + pair.han.size());
  }
  memo.keys.reserve(key_size);
  memo.key_starts.clear();
  memo.key_starts.reserve(n + 1);
  memo.key_starts.push_back(0);
  memo.by_start.clear();
  memo.by_start.reserve(n);
  std::size_t hint = 0;
  std::vector<std::size_t> key;
  if (from_previous != nullptr) from_previous->assign(n, kNoPreviousPair);
  for (std::size_t i = 0; i < n; ++i) {
    const PairSideRanges ranges = pair_side_ranges(transcript, i);
    const PairCues* known = nullptr;
    if (recall.previous != nullptr && old_key(ranges, recall.ends, key)) known = find_cues(*recall.previous, key, hint);
    if (known != nullptr && from_previous != nullptr)
      (*from_previous)[i] = static_cast<std::uint32_t>(known - recall.previous->cues.data());
    cues.push_back(known != nullptr ? *known : read_pair_cues(sides[i]));
    const std::size_t key_start = memo.keys.size();
    if (!append_key(ranges, nullptr, memo.keys)) memo.keys.resize(key_start);
    memo.key_starts.push_back(static_cast<std::uint32_t>(memo.keys.size()));
    if (memo.keys.size() > key_start + 1)
      memo.by_start.emplace_back(memo.keys[key_start + 1], static_cast<std::uint32_t>(i));
  }
  if (!std::is_sorted(memo.by_start.begin(), memo.by_start.end())) std::sort(memo.by_start.begin(), memo.by_start.end());
  memo.by_start.shrink_to_fit();  // (no copy when every pair had a range)
}

std::optional<PairSideRanges> memo_ranges(const SpeakerMemo& memo, std::size_t pair) {
  if (pair + 1 >= memo.key_starts.size()) return std::nullopt;
  const std::size_t from = memo.key_starts[pair];
  const std::size_t to = memo.key_starts[pair + 1];
  if (from >= to) return std::nullopt;
  PairSideRanges ranges;
  const std::size_t latin = memo.keys[from];
  for (std::size_t at = from + 1, count = 0; at + 1 < to; at += 2, ++count)
    (count < latin ? ranges.latin : ranges.han).push_back({memo.keys[at], memo.keys[at + 1]});
  return ranges;
}

}  // namespace bitext::detail
