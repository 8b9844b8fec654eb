// The lexical signal of the content stages: the content words of each line
// (lexicon.hpp), looked up once, and which of them have a counterpart in a
// partner line — for a pair as given and for a boundary move (a drift), where
// the words that change partner tell whether the moved text belongs with the
// next pair and where in the line it starts.
#include <algorithm>

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
