// The lexical signal of the content stages: the content words of each line
// (lexicon.hpp), looked up once, and which of them have a counterpart in a
// partner line — for a pair as given and for a boundary move (a drift), where
// the words that change partner tell whether the moved text belongs with the
// next pair and where in the line it starts.
#include <algorithm>
#include <array>
#include <bit>

#include "content_stages.hpp"

namespace bitext::content {

const Lexicon* document_lexicon(Script translation, Script original) {
  const bool chinese_english = (translation == Script::Han && original == Script::Latin) ||
                               (translation == Script::Latin && original == Script::Han);
  return chinese_english ? Lexicon::shared() : nullptr;
}

LineFeatures line_features(const SideText& side, const LineOutline* outline,
                           std::span<const std::uint32_t> sentence_offsets) {
  LineFeatures features = outline ? line_features(side.text, side.script, *outline, sentence_offsets)
                                  : line_features(side.text, side.script);
  if (side.lexicon) {
    std::vector<LexicalWord> words = side.script == Script::Han ? chinese_line_words(side.text, side.lexicon)
                                                                : english_line_words(side.text);
    features.words = resolve_words(*side.lexicon, std::move(words));
  }
  return features;
}

namespace {

// A word's values to match on: translation ids of a Chinese word, the key id
// of a Latin word (in the same space), and key hashes (their own space).
using WordValue = ResolvedWords::ValueWord;

// The values of a line's words sorted by value, as the line of a Chinese side
// (translation ids of its Chinese words, hashes of its Latin words) or of an
// English side (key ids and hashes of its Latin words): those resolve_words
// keeps for a long line, or its runs' masks spelt out word by word (a Chinese
// word in an English line matches nothing: words_match).
void word_values(const ResolvedWords& words, bool chinese, std::vector<WordValue>& id_buffer,
                 std::vector<WordValue>& hash_buffer, std::span<const WordValue>& ids,
                 std::span<const WordValue>& hashes) {
  if (!words.masked) {
    ids = chinese ? words.translation_values : words.key_id_values;
    hashes = words.key_hash_values;
    return;
  }
  auto spell_out = [](const std::vector<ResolvedWords::Run>& runs, std::vector<WordValue>& out) {
    for (const ResolvedWords::Run& run : runs)
      for (std::uint64_t m = run.mask; m != 0; m &= m - 1) out.push_back({run.value, std::uint32_t(std::countr_zero(m))});
  };
  spell_out(chinese ? words.translation_runs : words.key_id_runs, id_buffer);
  spell_out(words.key_hash_runs, hash_buffer);
  ids = id_buffer;
  hashes = hash_buffer;
}

// Every pair of counterparts (words_match) between lines of any length, as
// on_pair(word of line, word of partner): one merge of their sorted values,
// where testing every pair of words cost most of a check of long lines.
template <typename OnPair>
void for_each_counterpart(const ResolvedWords& line, const ResolvedWords& partner, bool line_chinese, OnPair&& on_pair) {
  std::vector<WordValue> line_id_buffer, line_hash_buffer, partner_id_buffer, partner_hash_buffer;
  std::span<const WordValue> line_ids, line_hashes, partner_ids, partner_hashes;
  word_values(line, line_chinese, line_id_buffer, line_hash_buffer, line_ids, line_hashes);
  word_values(partner, !line_chinese, partner_id_buffer, partner_hash_buffer, partner_ids, partner_hashes);
  auto merge = [&](std::span<const WordValue> a, std::span<const WordValue> b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
      if (a[i].value < b[j].value) {
        ++i;
      } else if (b[j].value < a[i].value) {
        ++j;
      } else {
        std::size_t i_end = i, j_end = j;
        while (i_end < a.size() && a[i_end].value == a[i].value) ++i_end;
        while (j_end < b.size() && b[j_end].value == b[j].value) ++j_end;
        for (std::size_t x = i; x < i_end; ++x)
          for (std::size_t y = j; y < j_end; ++y) on_pair(std::size_t(a[x].word), std::size_t(b[y].word));
        i = i_end;
        j = j_end;
      }
    }
  };
  merge(line_ids, partner_ids);
  merge(line_hashes, partner_hashes);
}

// All counterparts between `line` (Chinese when `line_chinese`) and
// `partner`, both masked: on_match(line_mask, partner_mask) per group.
template <typename OnMatch>
void match_masks(const ResolvedWords& line, const ResolvedWords& partner, bool line_chinese, OnMatch&& on_match) {
  if (line_chinese) {
    match_lines(line, partner, on_match);
  } else {
    match_lines(partner, line, [&](std::uint64_t c, std::uint64_t e) { on_match(e, c); });
  }
}

// Per word of `partner`, the words of `line` that are its counterparts (masked lines only).
void partner_matches(const ResolvedWords& line, const ResolvedWords& partner, bool line_chinese,
                     std::array<std::uint64_t, 64>& out) {
  std::fill_n(out.begin(), partner.size(), 0);
  match_masks(line, partner, line_chinese, [&](std::uint64_t line_mask, std::uint64_t partner_mask) {
    for (std::uint64_t m = partner_mask; m != 0; m &= m - 1) out[std::size_t(std::countr_zero(m))] |= line_mask;
  });
}

bool known(const ResolvedWords& words, std::size_t i) {
  return words.words[i].origin == WordOrigin::Latin || !words.translations[i].empty();
}

// The cumulative counts of DriftWords::Before, from the per-word views.
void count_before(DriftWords& view) {
  const std::size_t n = view.lean.size();
  DriftWords::Before& before = view.before;
  for (auto* counts : {&before.gained, &before.lost, &before.known, &before.dest_first, &before.dest_last,
                       &before.source_first, &before.source_last})
    counts->assign(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    before.gained[i + 1] = view.lean[i] > 0;
    before.lost[i + 1] = view.lean[i] < 0;
    before.known[i + 1] = view.known[i];
  }
  auto histogram = [n](const std::vector<std::int32_t>& at, std::vector<std::int32_t>& counts) {
    for (const std::int32_t i : at)
      if (i >= 0 && std::size_t(i) < n) ++counts[std::size_t(i) + 1];
  };
  histogram(view.dest_first, before.dest_first);
  histogram(view.dest_last, before.dest_last);
  histogram(view.source_first, before.source_first);
  histogram(view.source_last, before.source_last);
  for (auto* counts : {&before.gained, &before.lost, &before.known, &before.dest_first, &before.dest_last,
                       &before.source_first, &before.source_last})
    for (std::size_t k = 1; k <= n; ++k) (*counts)[k] += (*counts)[k - 1];
}

// A partner word repeated in its line ("如何看待…如何看待…") is one word's
// counterpart, counted once: its later occurrences are set aside. Repeats
// match the same source words, so only words with the same first and last
// match compare their keys.
void drop_repeats(const ResolvedWords& partner, std::vector<std::int32_t>& first, std::vector<std::int32_t>& last) {
  std::array<std::uint32_t, 64> seen;  // matched words kept so far (the first 64)
  std::size_t seen_count = 0;
  for (std::size_t j = 0; j < first.size(); ++j) {
    if (first[j] < 0) continue;
    bool repeat = false;
    for (std::size_t s = 0; s < seen_count && !repeat; ++s) {
      const std::size_t k = seen[s];
      repeat = first[k] == first[j] && last[k] == last[j] && partner.words[k].key == partner.words[j].key;
    }
    if (repeat) {
      first[j] = last[j] = -1;
    } else if (seen_count < seen.size()) {
      seen[seen_count++] = std::uint32_t(j);
    }
  }
}

// How many of the words [0, n) `marked` picks, and the first and last of them
// (first = n when none).
struct MarkedWords {
  std::size_t count = 0, first = 0, last = 0;
};

template <typename Marked>
MarkedWords marked_words(std::size_t n, const Marked& marked) {
  MarkedWords words{0, n, 0};
  for (std::size_t i = 0; i < n; ++i) {
    if (!marked(i)) continue;
    if (words.count++ == 0) words.first = i;
    words.last = i;
  }
  return words;
}

// The destination partner's open end (DriftWords::open_words, open_reach),
// from which of its `m` words the destination line covers (`covered(j)`) and
// dest_first/last.
template <typename Covered>
void open_end(DriftWords& view, const ResolvedWords& partner, std::size_t m, const Covered& covered, bool forward) {
  const MarkedWords covered_words = marked_words(m, covered);
  if (covered_words.count < std::size_t(kTailWords)) return;
  // backward: words after the last covered one; forward: before the first.
  const std::size_t begin = forward ? 0 : covered_words.last + 1, end = forward ? covered_words.first : m;
  int words = 0;
  std::int32_t reach = -1;
  for (std::size_t j = begin; j < end; ++j) {
    words += known(partner, j);
    if (view.dest_first[j] < 0) continue;
    reach = reach < 0 ? (forward ? view.dest_last[j] : view.dest_first[j])
                      : (forward ? std::max(reach, view.dest_last[j]) : std::min(reach, view.dest_first[j]));
  }
  if (words < kTailWords || reach < 0) return;
  view.open_words = words;
  view.open_reach = reach;
}

// The source's open end (DriftWords::source_open, source_open_reach), from
// which of its `n` words have a counterpart in the source partner
// (`in_source(i)`) and in the destination partner (`in_dest(i)`). The source
// partner's own end must be translated by the source line: when both lines of
// the source pair begin (end) with words without counterparts, they more
// likely translate each other in words the dictionary does not pair.
template <typename InSource, typename InDest>
void source_open_end(DriftWords& view, const ResolvedWords& partner, std::size_t n, const InSource& in_source,
                     const InDest& in_dest, bool forward) {
  const MarkedWords own = marked_words(n, in_source);
  if (own.count < std::size_t(kTailWords)) return;
  const std::size_t m = view.source_first.size();
  int partner_open = 0;
  for (std::size_t k = 0; k < m; ++k) {
    const std::size_t j = forward ? m - 1 - k : k;
    if (view.source_first[j] >= 0) break;
    partner_open += known(partner, j);
  }
  if (partner_open >= kTailWords) return;
  const std::size_t begin = forward ? own.last + 1 : 0, end = forward ? n : own.first;
  int words = 0;
  for (std::size_t i = begin; i < end; ++i) words += view.known[i] && !in_dest(i);
  if (words < kTailWords) return;
  view.source_open = words;
  view.source_open_reach = forward ? begin : end;
}

}  // namespace

std::size_t word_at(const LineFeatures& features, std::size_t offset) {
  const auto& words = features.words.words;
  return std::size_t(std::partition_point(words.begin(), words.end(),
                                          [&](const LexicalWord& w) { return w.begin < offset; }) -
                     words.begin());
}

WordMatch word_match(const PairTable& table, const LineFeatures& t, const LineFeatures& o) {
  if (!table.lexicon) return {};
  const bool t_chinese = table.script(true) == Script::Han;
  int t_count = 0, o_count = 0;
  if (t.words.masked && o.words.masked) {
    std::uint64_t t_hit = 0, o_hit = 0;
    match_masks(t.words, o.words, t_chinese, [&](std::uint64_t t_mask, std::uint64_t o_mask) {
      t_hit |= t_mask;
      o_hit |= o_mask;
    });
    t_count = std::popcount(t_hit);
    o_count = std::popcount(o_hit);
  } else {
    std::vector<bool> t_hit(t.words.size(), false), o_hit(o.words.size(), false);
    for_each_counterpart(t.words, o.words, t_chinese, [&](std::size_t i, std::size_t j) {
      t_hit[i] = true;
      o_hit[j] = true;
    });
    t_count = int(std::count(t_hit.begin(), t_hit.end(), true));
    o_count = int(std::count(o_hit.begin(), o_hit.end(), true));
  }
  const bool whole = t_count > 0 && o_count > 0 && std::size_t(t_count) == t.words.size() &&
                     std::size_t(o_count) == o.words.size();
  return {t_count + o_count, whole};
}

PairChecks::OriginalWords original_words(const PairTable& table, const LineFeatures& t, const LineFeatures& o) {
  PairChecks::OriginalWords out;
  if (!table.lexicon || o.words.empty()) return out;
  const bool t_chinese = table.script(true) == Script::Han;
  const std::size_t n = o.words.size();
  constexpr std::size_t kMax = 0xFFFF;
  out.words = std::uint16_t(std::min(n, kMax));
  if (t.words.masked && o.words.masked) {
    std::uint64_t o_hit = 0;
    match_masks(t.words, o.words, t_chinese, [&](std::uint64_t, std::uint64_t o_mask) { o_hit |= o_mask; });
    out.matched = std::uint16_t(std::popcount(o_hit));
    // Words n-1, n-2, ... down to the last one with a counterpart.
    out.unmatched_tail = std::uint16_t(o_hit == 0 ? n : n - 1 - std::size_t(63 - std::countl_zero(o_hit)));
    return out;
  }
  std::vector<bool> hit(n, false);
  for_each_counterpart(t.words, o.words, t_chinese, [&](std::size_t, std::size_t j) { hit[j] = true; });
  out.matched = std::uint16_t(std::min<std::size_t>(std::size_t(std::count(hit.begin(), hit.end(), true)), kMax));
  std::size_t tail = 0;
  while (tail < n && !hit[n - 1 - tail]) ++tail;
  out.unmatched_tail = std::uint16_t(std::min(tail, kMax));
  return out;
}

DriftWords drift_words(const PairTable& table, std::size_t a, bool translation, bool forward) {
  DriftWords view;
  if (!table.lexicon) return view;
  const std::size_t source_pair = forward ? a : a + 1, dest_pair = forward ? a + 1 : a;
  const LineFeatures& source = table.side(source_pair, translation);
  const LineFeatures& dest = table.side(dest_pair, translation);
  const LineFeatures& source_partner = table.side(source_pair, !translation);
  const LineFeatures& dest_partner = table.side(dest_pair, !translation);
  if (source.words.empty()) return view;
  const bool chinese = table.script(translation) == Script::Han;
  const std::size_t n = source.words.size();
  view.active = true;
  view.lean.assign(n, 0);
  view.known.assign(n, false);
  if (source.words.masked && dest.words.masked && source_partner.words.masked && dest_partner.words.masked) {
    std::array<std::uint64_t, 64> matches;
    std::uint64_t in_source = 0, in_dest = 0;
    view.source_first.assign(source_partner.words.size(), -1);
    view.source_last.assign(source_partner.words.size(), -1);
    partner_matches(source.words, source_partner.words, chinese, matches);
    for (std::size_t j = 0; j < source_partner.words.size(); ++j) {
      if (matches[j] == 0) continue;
      in_source |= matches[j];
      view.source_first[j] = std::countr_zero(matches[j]);
      view.source_last[j] = 63 - std::countl_zero(matches[j]);
    }
    // Destination partner words the destination line already gives a counterpart.
    std::uint64_t covered = 0;
    match_masks(dest.words, dest_partner.words, chinese,
                [&](std::uint64_t, std::uint64_t partner_mask) { covered |= partner_mask; });
    view.dest_first.assign(dest_partner.words.size(), -1);
    view.dest_last.assign(dest_partner.words.size(), -1);
    partner_matches(source.words, dest_partner.words, chinese, matches);
    for (std::size_t j = 0; j < dest_partner.words.size(); ++j) {
      if (matches[j] == 0) continue;
      in_dest |= matches[j];
      if ((covered >> j) & 1) continue;
      view.dest_first[j] = std::countr_zero(matches[j]);
      view.dest_last[j] = 63 - std::countl_zero(matches[j]);
    }
    open_end(view, dest_partner.words, dest_partner.words.size(), [&](std::size_t j) { return (covered >> j) & 1; },
             forward);
    for (std::size_t i = 0; i < n; ++i) {
      const bool s = (in_source >> i) & 1, d = (in_dest >> i) & 1;
      view.lean[i] = std::int8_t(int(d && !s) - int(s && !d));
      view.known[i] = known(source.words, i);
    }
    source_open_end(view, source_partner.words, n, [&](std::size_t i) { return (in_source >> i) & 1; },
                    [&](std::size_t i) { return (in_dest >> i) & 1; }, forward);
    drop_repeats(source_partner.words, view.source_first, view.source_last);
    drop_repeats(dest_partner.words, view.dest_first, view.dest_last);
    count_before(view);
    return view;
  }
  // Lines of more than 64 words: word by word.
  std::vector<bool> in_source(n, false), in_dest(n, false);
  view.source_first.assign(source_partner.words.size(), -1);
  view.source_last.assign(source_partner.words.size(), -1);
  // First and last word of the line that is a counterpart of partner word j.
  auto widen = [](std::vector<std::int32_t>& first, std::vector<std::int32_t>& last, std::size_t j, std::size_t i) {
    if (first[j] < 0 || std::int32_t(i) < first[j]) first[j] = std::int32_t(i);
    last[j] = std::max(last[j], std::int32_t(i));
  };
  for_each_counterpart(source.words, source_partner.words, chinese, [&](std::size_t i, std::size_t j) {
    in_source[i] = true;
    widen(view.source_first, view.source_last, j, i);
  });
  view.dest_first.assign(dest_partner.words.size(), -1);
  view.dest_last.assign(dest_partner.words.size(), -1);
  // Destination partner words the destination line already gives a counterpart.
  std::vector<bool> covered(dest_partner.words.size(), false);
  for_each_counterpart(dest.words, dest_partner.words, chinese,
                       [&](std::size_t, std::size_t j) { covered[j] = true; });
  for_each_counterpart(source.words, dest_partner.words, chinese, [&](std::size_t i, std::size_t j) {
    in_dest[i] = true;
    if (!covered[j]) widen(view.dest_first, view.dest_last, j, i);
  });
  open_end(view, dest_partner.words, covered.size(), [&](std::size_t j) { return bool(covered[j]); }, forward);
  for (std::size_t i = 0; i < n; ++i) {
    view.lean[i] = std::int8_t(int(in_dest[i] && !in_source[i]) - int(in_source[i] && !in_dest[i]));
    view.known[i] = known(source.words, i);
  }
  source_open_end(view, source_partner.words, n, [&](std::size_t i) { return bool(in_source[i]); },
                  [&](std::size_t i) { return bool(in_dest[i]); }, forward);
  drop_repeats(source_partner.words, view.source_first, view.source_last);
  drop_repeats(dest_partner.words, view.dest_first, view.dest_last);
  count_before(view);
  return view;
}

MovedWords moved_words(const DriftWords& view, std::size_t begin, std::size_t end, bool forward) {
  MovedWords moved;
  if (!view.active) return moved;
  if (view.open_reach >= 0 &&
      (forward ? std::size_t(view.open_reach) >= begin : std::size_t(view.open_reach) < end))
    moved.open_end = view.open_words;
  if (view.source_open > 0 && (forward ? begin <= view.source_open_reach : end >= view.source_open_reach))
    moved.source_open = view.source_open;
  const std::size_t n = view.lean.size();
  const DriftWords::Before& before = view.before;
  if ((begin == 0 || end >= n) && before.gained.size() == n + 1) {
    // A prefix [0, end) or a suffix [begin, n): a word index x is inside when
    // x < end, or when x >= begin; first <= last for every partner word.
    const std::size_t hi = std::min(end, n), lo = std::min(begin, hi);
    moved.gained = before.gained[hi] - before.gained[lo];
    moved.lost = before.lost[hi] - before.lost[lo];
    moved.known = before.known[hi] - before.known[lo];
    if (begin == 0) {
      moved.gained += before.dest_first[hi];  // first inside, or last inside: first < end
      moved.lost += before.source_last[hi];   // both inside: last < end
    } else {
      moved.gained += before.dest_last[n] - before.dest_last[lo];      // last >= begin
      moved.lost += before.source_first[n] - before.source_first[lo];  // first >= begin
    }
    return moved;
  }
  for (std::size_t i = begin; i < end && i < n; ++i) {
    moved.gained += view.lean[i] > 0;
    moved.lost += view.lean[i] < 0;
    moved.known += view.known[i];
  }
  auto inside = [&](std::int32_t i) { return i >= 0 && std::size_t(i) >= begin && std::size_t(i) < end; };
  // A destination partner word matched only by the moved words gains a
  // counterpart; a source partner word all of whose matches move loses it.
  for (std::size_t j = 0; j < view.dest_first.size(); ++j)
    moved.gained += inside(view.dest_first[j]) || inside(view.dest_last[j]);
  for (std::size_t j = 0; j < view.source_first.size(); ++j)
    moved.lost += inside(view.source_first[j]) && inside(view.source_last[j]);
  return moved;
}

}  // namespace bitext::content
