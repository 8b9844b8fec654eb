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

LineFeatures line_features(const SideText& side) {
  LineFeatures features = line_features(side.text, side.script);
  if (side.lexicon) {
    std::vector<LexicalWord> words = side.script == Script::Han ? chinese_line_words(side.text, side.lexicon)
                                                                : english_line_words(side.text);
    features.words = resolve_words(*side.lexicon, std::move(words));
  }
  return features;
}

namespace {

// Whether word i of `line` (Chinese when `line_chinese`) and word j of `partner` are counterparts.
bool match(const ResolvedWords& line, std::size_t i, const ResolvedWords& partner, std::size_t j, bool line_chinese) {
  return line_chinese ? words_match(line, i, partner, j) : words_match(partner, j, line, i);
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

}  // namespace

std::size_t word_at(const LineFeatures& features, std::size_t offset) {
  const auto& words = features.words.words;
  return std::size_t(std::partition_point(words.begin(), words.end(),
                                          [&](const LexicalWord& w) { return w.begin < offset; }) -
                     words.begin());
}

int word_hits(const PairTable& table, const LineFeatures& t, const LineFeatures& o) {
  if (!table.lexicon) return 0;
  const bool t_chinese = table.script(true) == Script::Han;
  if (t.words.masked && o.words.masked) {
    std::uint64_t t_hit = 0, o_hit = 0;
    match_masks(t.words, o.words, t_chinese, [&](std::uint64_t t_mask, std::uint64_t o_mask) {
      t_hit |= t_mask;
      o_hit |= o_mask;
    });
    return std::popcount(t_hit) + std::popcount(o_hit);
  }
  int hits = 0;
  std::vector<bool> o_hit(o.words.size(), false);
  for (std::size_t i = 0; i < t.words.size(); ++i) {
    bool hit = false;
    for (std::size_t j = 0; j < o.words.size(); ++j) {
      if (!match(t.words, i, o.words, j, t_chinese)) continue;
      hit = true;
      o_hit[j] = true;
    }
    hits += hit;
  }
  return hits + int(std::count(o_hit.begin(), o_hit.end(), true));
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
    for (std::size_t i = 0; i < n; ++i) {
      const bool s = (in_source >> i) & 1, d = (in_dest >> i) & 1;
      view.lean[i] = std::int8_t(int(d && !s) - int(s && !d));
      view.known[i] = known(source.words, i);
    }
    return view;
  }
  // Lines of more than 64 words: word by word.
  std::vector<bool> in_source(n, false), in_dest(n, false);
  view.source_first.assign(source_partner.words.size(), -1);
  view.source_last.assign(source_partner.words.size(), -1);
  for (std::size_t j = 0; j < source_partner.words.size(); ++j) {
    for (std::size_t i = 0; i < n; ++i) {
      if (!match(source.words, i, source_partner.words, j, chinese)) continue;
      in_source[i] = true;
      if (view.source_first[j] < 0) view.source_first[j] = std::int32_t(i);
      view.source_last[j] = std::int32_t(i);
    }
  }
  view.dest_first.assign(dest_partner.words.size(), -1);
  view.dest_last.assign(dest_partner.words.size(), -1);
  for (std::size_t j = 0; j < dest_partner.words.size(); ++j) {
    bool covered = false;
    for (std::size_t k = 0; k < dest.words.size() && !covered; ++k)
      covered = match(dest.words, k, dest_partner.words, j, chinese);
    for (std::size_t i = 0; i < n; ++i) {
      if (!match(source.words, i, dest_partner.words, j, chinese)) continue;
      in_dest[i] = true;
      if (covered) continue;  // the destination line already gives it a counterpart
      if (view.dest_first[j] < 0) view.dest_first[j] = std::int32_t(i);
      view.dest_last[j] = std::int32_t(i);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    view.lean[i] = std::int8_t(int(in_dest[i] && !in_source[i]) - int(in_source[i] && !in_dest[i]));
    view.known[i] = known(source.words, i);
  }
  return view;
}

MovedWords moved_words(const DriftWords& view, std::size_t begin, std::size_t end, bool) {
  MovedWords moved;
  if (!view.active) return moved;
  for (std::size_t i = begin; i < end && i < view.lean.size(); ++i) {
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
