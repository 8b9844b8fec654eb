// Content stage 2: local alternatives to the given pairing. For every pair k:
// every rotation by one of the lines of pairs k..k+L-1 on either side (L =
// 2..kMaxBlock; L = 2 is a crossed pair), every move of a sentence or clause
// across the boundary of pairs k and k+1 on either side and in either
// direction, and the merge of pairs k and k+1. Each alternative's evidence is
// the pairing cost it saves (length model + numbers + tokens), in nats, less a
// penalty for its kind; it depends only on pairs k..k+kMaxBlock and the fits.
#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <optional>

#include "chars.hpp"
#include "content_stages.hpp"
#include "drift_cut_points.hpp"
#include "front_matter.hpp"
#include "line_end_marks.hpp"
#include "line_facts.hpp"

namespace bitext::content {
namespace {

// Token keys of a line changed by a move: a sorted part (the unchanged line's
// keys) and a few extra keys, so that no move needs a full sort.
struct KeyView {
  std::span<const std::uint64_t> sorted_present;
  std::vector<std::uint64_t> extra_present;
  std::vector<std::uint64_t> names;    // sorted, unique
  std::vector<std::uint64_t> carried;  // sorted, unique
  bool contains(std::uint64_t key) const {
    return std::binary_search(sorted_present.begin(), sorted_present.end(), key) ||
           std::find(extra_present.begin(), extra_present.end(), key) != extra_present.end();
  }
};

// An unchanged line's keys, read in place (a KeyView of them would copy the lists).
struct UnchangedKeys {
  const TokenKeys& keys;
  std::span<const std::uint64_t> names = keys.names, carried = keys.carried;
  bool contains(std::uint64_t key) const { return std::binary_search(keys.present.begin(), keys.present.end(), key); }
};

// check_lexical() for changed lines; same counts as check_lexical on the joined text's keys.
template <class TranslationKeys, class OriginalKeys>
LexicalCheck lexical_of(std::span<const NumberMention> translation_numbers,
                        std::span<const NumberMention> original_numbers, const TranslationKeys& translation,
                        const OriginalKeys& original) {
  LexicalCheck check = check_lexical(translation_numbers, original_numbers, TokenKeys{}, TokenKeys{});
  for (const std::uint64_t key : translation.names) {
    if (original.contains(key)) ++check.matched_tokens;
    else ++check.unmatched_tokens;
  }
  for (const std::uint64_t key : original.carried) {
    if (translation.contains(key)) ++check.matched_tokens;
    else ++check.unmatched_tokens;
  }
  return check;
}

// Cost of pairing the translation of one pair with the original of another.
double cross_cost(const PairTable& table, std::size_t translation_pair, std::size_t original_pair) {
  if (translation_pair == original_pair) return table.cost[translation_pair];
  return pair_cost(table.side(translation_pair, true), table.side(original_pair, false), table.fits);
}

// A source line's token hashes in sorted order, with each token's span and
// what it counts as: computed once per line so that each cut of it builds its
// sorted key lists by a filter and a merge instead of a sort.
struct SortedTokens {
  struct Entry {
    std::uint64_t hash = 0;
    std::size_t begin = 0, end = 0;  // the token's byte span in the line
    bool name = false;               // a token compare_tokens looks for in the original
    bool carried = false;            // must_carry
  };
  std::vector<Entry> entries;  // by hash; names and carried tokens only
  explicit SortedTokens(const LineFeatures& line) {
    entries.reserve(line.tokens.size());
    for (std::size_t k = 0; k < line.tokens.size(); ++k) {
      const LatinToken& token = line.tokens[k];
      const Entry entry{line.token_hashes[k], token.begin, token.end,
                        token.kind != TokenKind::Word || token.key.size() >= 3, must_carry(token)};
      if (entry.name || entry.carried) entries.push_back(entry);  // the others are in no list
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) { return x.hash < y.hash; });
  }
  // The names and carried keys of the text a cut keeps (sorted, unique) and of
  // the moved text merged with the destination's (`dest_names`,
  // `dest_carried`: sorted, unique), in one pass over the tokens.
  template <class Inside>
  void keys(const Inside& inside, std::span<const std::uint64_t> dest_names,
            std::span<const std::uint64_t> dest_carried, KeyView& kept, KeyView& moved) const {
    kept.names.clear();
    kept.carried.clear();
    moved.names.clear();
    moved.carried.clear();
    auto next_name = dest_names.begin(), next_carried = dest_carried.begin();
    // Appends `hash` to a merged list after the destination's smaller keys, once.
    const auto merge_in = [](std::vector<std::uint64_t>& out, std::uint64_t hash, auto& next, auto end) {
      for (; next != end && *next < hash; ++next) out.push_back(*next);
      if (next != end && *next == hash) ++next;
      if (out.empty() || out.back() != hash) out.push_back(hash);
    };
    const auto append = [](std::vector<std::uint64_t>& out, std::uint64_t hash) {
      if (out.empty() || out.back() != hash) out.push_back(hash);
    };
    for (const Entry& entry : entries) {
      if (inside(entry.begin, entry.end)) {
        if (entry.name) merge_in(moved.names, entry.hash, next_name, dest_names.end());
        if (entry.carried) merge_in(moved.carried, entry.hash, next_carried, dest_carried.end());
      } else {
        if (entry.name) append(kept.names, entry.hash);
        if (entry.carried) append(kept.carried, entry.hash);
      }
    }
    moved.names.insert(moved.names.end(), next_name, dest_names.end());
    moved.carried.insert(moved.carried.end(), next_carried, dest_carried.end());
  }
};

// How many items (numbers, tokens) of a source line lie inside the text a
// cut moves, for every cut at once: the moved text is a suffix [from, line
// end) of the line (forward) or a prefix [0, to) (backward), so an item is
// inside when its begin is at least `from` (and its end within the line), or
// when its end is at most `to`. Sorted once per line and direction, a count
// is a binary search instead of a pass over the items per cut.
class MovedCounter {
 public:
  void reset(bool forward, std::size_t line_size) {
    forward_ = forward;
    line_size_ = line_size;
    bounds_.clear();
  }
  void add(std::size_t begin, std::size_t end) {
    if (!forward_) bounds_.push_back(end);
    else if (end <= line_size_) bounds_.push_back(begin);
  }
  void reserve(std::size_t items) { bounds_.reserve(items); }
  // Items come in text order, so their bounds are usually sorted already.
  void sort() {
    if (!std::is_sorted(bounds_.begin(), bounds_.end())) std::sort(bounds_.begin(), bounds_.end());
  }
  // Items inside the moved text [moved_begin, moved_end) (moved_begin is 0
  // backward, moved_end the line's size forward).
  std::size_t inside(std::size_t moved_begin, std::size_t moved_end) const {
    if (forward_) return std::size_t(bounds_.end() - std::lower_bound(bounds_.begin(), bounds_.end(), moved_begin));
    return std::size_t(std::upper_bound(bounds_.begin(), bounds_.end(), moved_end) - bounds_.begin());
  }

 private:
  bool forward_ = true;
  std::size_t line_size_ = 0;
  std::vector<std::size_t> bounds_;
};

}  // namespace

// Rotation by one of the lines of one side over pairs [first, first + count):
// forward moves the line of pair j to pair j+1 and the last line to the first
// pair. Returns, for each position, the pair whose line ends up there.
std::vector<std::size_t> rotation_order(const Alternative& candidate) {
  std::vector<std::size_t> order(candidate.count);
  for (std::size_t i = 0; i < candidate.count; ++i) {
    order[i] = candidate.forward ? candidate.first + (i + candidate.count - 1) % candidate.count
                                 : candidate.first + (i + 1) % candidate.count;
  }
  return order;
}

static void add_rotations(const PairTable& table, std::size_t anchor, NeighbourCosts* neighbours,
                          std::vector<Alternative>& out) {
  double current = 0;
  // What the dictionary says of pairing the translation of pair anchor+t with
  // the original of anchor+o (kWordWeight a content word with a counterpart,
  // kWholeLineWeight more when the two lines gloss each other whole), each
  // counted once: the rotations of all lengths and both directions pair the
  // same lines again and again.
  std::array<std::array<double, kMaxBlock>, kMaxBlock> words_memo;
  for (auto& row : words_memo) row.fill(-1.0);
  auto words = [&](std::size_t t, std::size_t o) {
    double& memo = words_memo[t - anchor][o - anchor];
    if (memo < 0) {
      const WordMatch match = word_match(table, table.side(t, true), table.side(o, false));
      memo = kWordWeight * double(match.hits) + (match.whole ? kWholeLineWeight : 0.0);
    }
    return memo;
  };
  // The same for the cost of pairing them: the 28 rotations pair 14 distinct
  // lines, and each cost compares their numbers and tokens afresh.
  std::array<std::array<std::optional<double>, kMaxBlock>, kMaxBlock> cost_memo;
  auto cost = [&](std::size_t t, std::size_t o) {
    std::optional<double>& memo = cost_memo[t - anchor][o - anchor];
    if (!memo && neighbours && (t + 1 == o || o + 1 == t))
      memo = neighbours->get(t, o, [&] { return cross_cost(table, t, o); });
    if (!memo) memo = cross_cost(table, t, o);
    return *memo;
  };
  // The same of the pairs as given (0 when the dictionary is off).
  double given_words = 0;
  for (std::size_t length = 1; length <= kMaxBlock && anchor + length <= table.size(); ++length) {
    if (!table.valid(anchor + length - 1)) break;
    current += table.cost[anchor + length - 1];
    if (table.lexicon) given_words += words(anchor + length - 1, anchor + length - 1);
    if (length < 2) continue;
    // Moving translations forward pairs the same lines as moving originals
    // backward; the translation side is the one re-paired by default.
    for (const bool forward : {true, false}) {
      Alternative candidate;
      candidate.type = MoveType::Rotation;
      candidate.first = static_cast<std::uint32_t>(anchor);
      candidate.count = static_cast<std::uint32_t>(length);
      candidate.translation_side = true;
      candidate.forward = forward;
      double alternative = 0;
      double rotated_words = 0;
      for (std::size_t i = 0; i < length; ++i) {
        // rotation_order's pair at position i, without its vector.
        const std::size_t from = anchor + (forward ? (i + length - 1) % length : (i + 1) % length);
        alternative += cost(from, anchor + i);
        if (table.lexicon) rotated_words += words(from, anchor + i);
      }
      candidate.word_gain = rotated_words - given_words;
      // Penalty: the prior of a shifted block plus the choice among block lengths and directions.
      candidate.evidence = current - alternative + candidate.word_gain - (kRotationPrior + 0.5 * double(length));
      out.push_back(candidate);
    }
  }
}

static void add_drifts(const PairTable& table, std::size_t anchor, DriftSearch search, std::vector<Alternative>& out) {
  if (anchor + 1 >= table.size() || !table.valid(anchor) || !table.valid(anchor + 1)) return;
  const std::size_t a = anchor, b = anchor + 1;
  const double current = table.cost[a] + table.cost[b];
  // The changed lines' keys and numbers, and the moved items' bounds: reused from cut to cut and move to move.
  KeyView kept_keys, moved_keys;
  std::vector<NumberMention> here_numbers, next_numbers;
  MovedCounter numbers_moved, tokens_moved, needed_tokens_moved;
  for (const bool translation : {true, false}) {
    const LineFeatures& here = table.side(a, translation);
    const LineFeatures& next = table.side(b, translation);
    const LineFeatures& here_other = table.side(a, !translation);
    const LineFeatures& next_other = table.side(b, !translation);
    const double gap = here.spaced ? 1.0 : 0.0;
    for (const bool forward : {true, false}) {
      const LineFeatures& source = forward ? here : next;
      const std::string_view source_text = table.side_text(forward ? a : b, translation);
      std::optional<SortedTokens> sorted_tokens;  // made for the first cut that moves numbers or tokens
      // Content words that change partner with the moved text (signal off: none).
      const DriftWords words = drift_words(table, a, translation, forward);
      const double word_bound =
          words.active ? kWordWeight * double(source.words.size() + here_other.words.size() + next_other.words.size())
                       : 0.0;
      // The numbers and tokens a cut may move: all of them, and the tokens that
      // make the lexical part change — a name or must-carry token, or a word
      // that a partner line's name needs ("hugging face" for "Hugging Face").
      // Counted for the first cut that asks.
      for (MovedCounter* counter : {&numbers_moved, &tokens_moved, &needed_tokens_moved})
        counter->reset(forward, source_text.size());
      // The source's tokens that can enter the changed line's checked keys:
      // its names when the translation changes, its must-carry tokens else.
      std::size_t checked_tokens = 0;
      bool counted = false;
      auto count_items = [&] {
        counted = true;
        numbers_moved.reserve(source.numbers.size());
        tokens_moved.reserve(source.tokens.size());
        needed_tokens_moved.reserve(source.tokens.size());
        for (const NumberMention& m : source.numbers) numbers_moved.add(m.begin, m.end);
        auto wanted_by_partner = [&](std::uint64_t key) {
          for (const LineFeatures* partner : {&here_other, &next_other}) {
            const auto& wanted = translation ? partner->keys.carried : partner->keys.names;
            if (!wanted.empty() && std::binary_search(wanted.begin(), wanted.end(), key)) return true;
          }
          return false;
        };
        for (std::size_t k = 0; k < source.tokens.size(); ++k) {
          const LatinToken& token = source.tokens[k];
          tokens_moved.add(token.begin, token.end);
          const bool needed = (translation ? token.kind != TokenKind::Word || token.key.size() >= 3 : must_carry(token)) ||
                              wanted_by_partner(source.token_hashes[k]) ||
                              (source.joined_hashes[k] != 0 && wanted_by_partner(source.joined_hashes[k]));
          if (needed) needed_tokens_moved.add(token.begin, token.end);
          if (translation ? token.kind != TokenKind::Word || token.key.size() >= 3 : must_carry(token)) ++checked_tokens;
        }
        numbers_moved.sort();
        tokens_moved.sort();
        needed_tokens_moved.sort();
      };
      // A destination that ends with a bare section number, or is a label
      // alone with its word ("Chapter 4.", "PrevChapter 10.", "第 4 章"), is a
      // heading cut to its number: the title the source begins with, taken
      // back up to a section number or to where the words say, is a whole unit.
      const std::string_view dest_back = table.side_text(a, translation).text;
      const bool titles_label = !forward && (ends_with_number_label(dest_back) || detail::bare_label(dest_back));
      // Such a label with its word counts as a sentence by its number's full
      // stop, which closes none: joined to its title it is one heading, as its
      // partner counts it when the partner's label has no full stop ("Chapter
      // 4." against "第 4 章 安装"; "Prev12.4." against "上一页12.4. 监控" counts
      // the stop on both sides).
      const bool label_alone = titles_label && detail::bare_label(dest_back);
      const std::string_view dest_partner = table.side_text(a, !translation).text;
      const std::string_view dest_label = label_alone ? detail::trailing_number_label(dest_back) : std::string_view{};
      const bool worded_label_alone = label_alone && here.sentences > 0 &&
                                      !detail::is_number_label(detail::trim(dest_back)) &&
                                      !detail::holds_label(dest_partner, dest_label);
      // A label alone whose partner carries the same number with a title
      // ("8.23.1." against "8.23.1. Overview", "Chapter 4." against "第 4 章
      // 安装") is a heading that lost its title: a move that gives it one mends
      // a line out of place, weighed as shape_change weighs a label out of
      // place when it chooses a drift's side (kTitleMended).
      const double title_mended =
          label_alone && !dest_label.empty() && !detail::bare_label(dest_partner) &&
                  detail::carries_number(dest_partner, dest_label.substr(0, dest_label.size() - 1))
              ? kTitleMended
              : 0.0;
      // A bare section number at the source's end moved forward is a whole
      // unit too, whatever precedes it (add_label_cuts cuts only after a word).
      const std::size_t trailing_label =
          forward ? trailing_label_begin(source_text, source.spaced, table.side_text(b, !translation).text, table.lexicon)
                  : 0;
      // Its partner's own worded label ("Chapter 14." of "Chapter 14.
      // Security") counts a sentence by a full stop that closes none, which
      // the head kept here ("第 14 章 安全") does not hold: with the next
      // heading's number gone from its end, the head counts one sentence as
      // the partner's heading is one (drift16's rule for a label alone, mirrored).
      const bool partner_label_stop = trailing_label != 0 && worded_label_stop(dest_partner, source_text.substr(0, trailing_label));
      // A line that ends with a colon introduces what follows (a list, a
      // command); a faithful translation keeps the colon at the pair's end on
      // both sides. Pair a's end is the only one a move changes: a move that
      // gives it the colon its partner ends with brings a lead-in back.
      // (Taking a colon away is not rewarded: a truncated translation leaves
      // its original's colon alone too.)
      const bool partner_colon = detail::ends_with_colon(dest_partner);
      const bool here_colon = detail::ends_with_colon(dest_back);
      // So does a closing bracket: an aside in parentheses, a footnote's mark,
      // a manual reference ("(See file(1).)") or an emoticon at a line's end
      // is carried to the end of its translation, often byte for byte.
      const bool partner_bracket = detail::ends_with_closing_bracket(dest_partner);
      const bool here_bracket = detail::ends_with_closing_bracket(dest_back);
      // Such an aside moved forward opens the next line, where no punctuation
      // offers a cut after it ("(See file(1).) gfortran - …", ":-)仅当…"): the
      // aside is a whole unit, cut where its bracket closes.
      // So does a comma, whose sentence goes on in the next pair: moved
      // forward it opens the next line ("，众多开发者…"), which no line
      // opening its own sentence does, and is a unit of marks alone too.
      const bool partner_comma = detail::ends_with_comma(dest_partner);
      const bool here_comma = detail::ends_with_comma(dest_back);
      const std::size_t bracket_head =
          !forward && partner_bracket && !here_bracket ? detail::leading_aside_end(source_text) : 0;
      const std::size_t comma_head =
          !forward && partner_comma && !here_comma ? detail::leading_comma_end(source_text) : 0;
      const std::size_t aside_head = bracket_head != 0 ? bracket_head : comma_head;
      const std::size_t link_head =
          titles_label ? detail::navigation_link_inside(source_text, table.side_text(b, !translation).text) : 0;
      // Its partner opens otherwise: the aside opens one side of pair b only,
      // a second line end out of place (a faithful pair opens alike too).
      const std::string_view partner_b = table.side_text(b, !translation).text;
      double aside_opened = 0.0;
      if (bracket_head != 0) aside_opened = detail::leading_aside_end(partner_b) == 0 ? kLeadInMended : 0.0;
      else if (comma_head != 0) aside_opened = detail::leading_comma_end(partner_b) == 0 ? kCommaOpening : 0.0;
      // A move that leaves pair a's translation cut is no drift (cut_cues.cpp).
      std::optional<bool> original_before_cut;  // the part of that test that no cut changes
      auto leaves_cut_end = [&](std::string_view head) {
        return move_leaves_cut_end(translation, forward, head, dest_partner, table.side_text(a, false).text,
                                   &original_before_cut);
      };
      double word_cut_penalty = 0;
      bool word_cut_sentence = false;  // the words' cut begins a sentence that lost its full stop
      // `word_cut`: the byte offset of a cut that is not one of the line's
      // cut points (chosen by the words, or before a trailing label).
      auto consider = [&](const CutPoint& cut, std::uint32_t c, std::uint32_t word_cut, bool by_words) {
        // forward: source = here, [tail_begin, end) moves to the start of next.
        // backward: source = next, [0, head_end) moves to the end of here.
        const double moved = forward ? source.length - cut.head_length - gap : cut.head_length;
        // An aside of marks alone (":-)") has no length, yet moves; nor is it
        // a sentence of its own: it joins the destination's last.
        const bool aside_cut = aside_head != 0 && cut.head_end == aside_head;
        if (moved <= 0 && !aside_cut) return;
        const bool marks_alone = aside_cut && moved <= 0;
        // Pair a's changed line ends, after the move, with the source's head
        // (moved back, or kept).
        if (leaves_cut_end(source_text.substr(0, cut.head_end))) return;
        const double here_length = forward ? cut.head_length : here.length + gap + moved;
        const double next_length = forward ? next.length + gap + moved : source.length - cut.head_length - gap;
        auto cost_of = [&](double t_len, double o_len) {
          return residual_cost(length_delta(t_len, o_len, table.fits.length));
        };
        const int here_sentences =
            forward ? cut.head_sentences
                    : here.sentences + cut.head_sentences - (worded_label_alone || marks_alone ? 1 : 0);
        const int next_sentences = forward ? next.sentences + cut.tail_sentences : cut.tail_sentences;
        const int here_other_sentences =
            here_other.sentences - (partner_label_stop && cut.tail_begin == trailing_label ? 1 : 0);
        const int here_questions = forward ? cut.head_questions : here.questions + cut.head_questions;
        const int next_questions =
            forward ? next.questions + source.questions - cut.head_questions : source.questions - cut.head_questions;
        // Shape costs (length, sentences, questions) of both pairs after the move.
        double alternative_a = 0, alternative_b = 0;
        if (translation) {
          alternative_a = cost_of(here_length, here_other.length) +
                          table.fits.counts.of(here_other_sentences - here_sentences) +
                          table.fits.questions.of(here_other.questions - here_questions);
          alternative_b = cost_of(next_length, next_other.length) +
                          table.fits.counts.of(next_other.sentences - next_sentences) +
                          table.fits.questions.of(next_other.questions - next_questions);
        } else {
          alternative_a = cost_of(here_other.length, here_length) +
                          table.fits.counts.of(here_sentences - here_other_sentences) +
                          table.fits.questions.of(here_questions - here_other.questions);
          alternative_b = cost_of(next_other.length, next_length) +
                          table.fits.counts.of(next_sentences - next_other.sentences) +
                          table.fits.questions.of(next_questions - next_other.questions);
        }
        const double alternative = alternative_a + alternative_b;
        const std::string_view new_end = source_text.substr(0, cut.head_end);
        // The comma only as the unit that opened the next line: any other
        // text's comma end gives pair a no sign of a move (a sentence goes on
        // after a comma in both languages).
        const bool end_mended = (partner_bracket && !here_bracket && detail::ends_with_closing_bracket(new_end)) ||
                                (comma_head != 0 && aside_cut);
        const double lead_in_mended =
            (partner_colon && !here_colon && detail::ends_with_colon(new_end)) || end_mended ? kLeadInMended : 0.0;
        // Lexical part: only changes when the moved text holds numbers or tokens.
        const std::size_t moved_begin = forward ? cut.tail_begin : 0;
        const std::size_t moved_end = forward ? source_text.size() : cut.head_end;
        auto inside = [&](std::size_t begin, std::size_t end) { return begin >= moved_begin && end <= moved_end; };
        if (!counted) count_items();
        const std::size_t numbers_inside = numbers_moved.inside(moved_begin, moved_end);
        const bool moves_numbers = numbers_inside > 0;
        const bool moves_tokens = needed_tokens_moved.inside(moved_begin, moved_end) > 0;
        const double lexical_current = table.lexical[a] + table.lexical[b];
        // Bound on what numbers and tokens can gain: every mismatch resolved and
        // matched in turn (4 and 2 nats), plus what moved items might add.
        // Moves that cannot reach the reporting level even so stop here.
        {
          const int unmatched_numbers = table.checks[a].unmatched_numbers + table.checks[b].unmatched_numbers;
          const int unmatched_tokens = table.checks[a].unmatched_tokens + table.checks[b].unmatched_tokens;
          const double moved_items =
              double(numbers_inside) + (moves_tokens ? 0.5 * double(tokens_moved.inside(moved_begin, moved_end)) : 0.0);
          const double bound = 4.0 * unmatched_numbers + 2.0 * unmatched_tokens + moved_items;
          const double least_gain = (current - lexical_current) - alternative - kDriftPrior;
          const double opened_bound = aside_cut ? aside_opened : 0.0;
          if (least_gain + bound + word_bound + title_mended + lead_in_mended + opened_bound < kDriftFloor) return;
        }
        // A drift leaves one pair with too much and the other with too little:
        // the move must help both, not mend one pair at the other's expense
        // (a truncated or freely translated pair next to a good one).
        constexpr double kReceiverSlack = 1.0;
        const std::size_t split = word_at(source, forward ? cut.tail_begin : cut.head_end);
        const MovedWords moved_words_ =
            forward ? moved_words(words, split, source.words.size(), true) : moved_words(words, 0, split, false);
        // The destination pair gains the counterparts, the source pair loses its own.
        // A drift leaves open ends: the destination partner's end that its line
        // does not translate (the moved text does), and the source's end that its
        // partner does not. The words of both count as a truncation's unmatched
        // tail does (kWordWeight each, up to kTailWordsCounted): the destination's
        // besides the one the move reaches, the source's when the move takes them
        // all and reaches the destination's (a cut translation leaves the second
        // alone, with the next pair whole).
        const double word_gain_dest =
            kWordWeight * (moved_words_.gained + std::max(0, std::min(kTailWordsCounted, moved_words_.open_end) - 1));
        const double word_loss_source =
            kWordWeight * (moved_words_.lost -
                           (moved_words_.open_end > 0 ? std::min(kTailWordsCounted, moved_words_.source_open) : 0));
        // A label alone whose partner carries its title names the pair the
        // title belongs to: in the source line, the moved words with their
        // counterpart in that partner are words its own partner does not
        // translate, which the source pair sheds (weighed as a truncation's
        // unmatched tail). Short headings fit the length ratio poorly, so the
        // receiver test needs the words' say.
        const double title_shed =
            title_mended > 0 ? kWordWeight * std::min(kTailWordsCounted, moved_words_.gained) : 0.0;
        // The receiver test with each pair's lexical cost at its least (every
        // number and checked token matched, none unmatched): a cut that fails
        // even so fails below, so its lexical part is not computed.
        if (search == DriftSearch::Bounded && (moves_numbers || moves_tokens)) {
          const LineFeatures& dest = forward ? next : here;
          auto least_lexical = [&](std::size_t pair, bool receives, const LineFeatures& other) {
            // compare_numbers matches strong numbers only.
            const auto strong = [](const LineFeatures& line) {
              return std::size_t(std::count_if(line.numbers.begin(), line.numbers.end(),
                                               [](const NumberMention& m) { return m.strong; }));
            };
            const std::size_t changed_numbers = strong(source) + (receives ? strong(dest) : 0);
            const double numbers = moves_numbers ? -double(changed_numbers + strong(other))
                                                 : 3.0 * table.checks[pair].unmatched_numbers -
                                                       1.0 * table.checks[pair].matched_numbers;
            const std::size_t changed_tokens =
                checked_tokens + (receives ? (translation ? dest.keys.names.size() : dest.keys.carried.size()) : 0);
            const std::size_t other_tokens = translation ? other.keys.carried.size() : other.keys.names.size();
            return numbers - 0.5 * double(changed_tokens + other_tokens);
          };
          const double best_a = table.cost[a] - (alternative_a + least_lexical(a, !forward, here_other)) +
                                (forward ? -word_loss_source : word_gain_dest + title_mended) + lead_in_mended;
          const double best_b = table.cost[b] - (alternative_b + least_lexical(b, forward, next_other)) +
                                (forward ? word_gain_dest : title_shed - word_loss_source) + (aside_cut ? aside_opened : 0.0);
          if (std::min(best_a, best_b) < -kReceiverSlack) return;
        }
        double lexical_alternative = 0;
        double lexical_a = table.lexical[a], lexical_b = table.lexical[b];
        if (moves_numbers || moves_tokens) {
          here_numbers.clear();
          next_numbers.clear();
          const LineFeatures& dest = forward ? next : here;
          // When no number moves, both pairs keep their numbers and their counts
          // (table.checks): only the tokens are compared again.
          if (moves_numbers) {
            std::vector<NumberMention>& source_numbers = forward ? here_numbers : next_numbers;
            std::vector<NumberMention>& dest_numbers = forward ? next_numbers : here_numbers;
            dest_numbers = dest.numbers;
            for (const NumberMention& m : source.numbers)
              (inside(m.begin, m.end) ? dest_numbers : source_numbers).push_back(m);
          }
          // Token keys of the two changed lines, from the precomputed hashes:
          // the destination keeps its sorted keys plus the moved ones.
          kept_keys.extra_present.clear();
          moved_keys.extra_present.clear();
          for (std::size_t k = 0; k < source.tokens.size(); ++k) {
            const LatinToken& token = source.tokens[k];
            const bool in_moved = inside(token.begin, token.end);
            KeyView& keys = in_moved ? moved_keys : kept_keys;
            keys.extra_present.push_back(source.token_hashes[k]);
            if (source.joined_hashes[k] != 0 && k + 1 < source.tokens.size() &&
                inside(source.tokens[k + 1].begin, source.tokens[k + 1].end) == in_moved)
              keys.extra_present.push_back(source.joined_hashes[k]);
          }
          moved_keys.sorted_present = dest.keys.present;
          if (!sorted_tokens) sorted_tokens.emplace(source);
          sorted_tokens->keys(inside, dest.keys.names, dest.keys.carried, kept_keys, moved_keys);
          const KeyView& here_view = forward ? kept_keys : moved_keys;
          const KeyView& next_view = forward ? moved_keys : kept_keys;
          const UnchangedKeys here_other_view{here_other.keys}, next_other_view{next_other.keys};
          LexicalCheck check_a, check_b;
          const std::span<const NumberMention> none, here_other_numbers = moves_numbers ? here_other.numbers : none,
                                                     next_other_numbers = moves_numbers ? next_other.numbers : none;
          if (translation) {
            check_a = lexical_of(here_numbers, here_other_numbers, here_view, here_other_view);
            check_b = lexical_of(next_numbers, next_other_numbers, next_view, next_other_view);
          } else {
            check_a = lexical_of(here_other_numbers, here_numbers, here_other_view, here_view);
            check_b = lexical_of(next_other_numbers, next_numbers, next_other_view, next_view);
          }
          if (!moves_numbers) {
            check_a.unmatched_numbers = table.checks[a].unmatched_numbers;
            check_a.matched_numbers = table.checks[a].matched_numbers;
            check_b.unmatched_numbers = table.checks[b].unmatched_numbers;
            check_b.matched_numbers = table.checks[b].matched_numbers;
          }
          lexical_alternative = lexical_cost(check_a) + lexical_cost(check_b);
          lexical_a = lexical_cost(check_a);
          lexical_b = lexical_cost(check_b);
        } else {
          lexical_alternative = lexical_current;
        }
        // The title is the moved text only when something in it says so: a
        // word with its counterpart in the label's partner, or a number or
        // name that matches after the move (a title cut off its heading by a
        // truncation leaves a label alone too, with the next line whole).
        // So does a glued link word's place: text before it is no part of the
        // link's line, as the partner opening with the link shows.
        const bool link_cut = link_head != 0 && cut.tail_begin == link_head;
        const double title_gain =
            moved_words_.gained > 0 || lexical_current - lexical_alternative > 0 || link_cut ? title_mended : 0.0;
        // So is a lead-in's colon: a truncation that stops at a colon leaves
        // the line ends disagreeing too, with no text of it next door.
        // An aside says so by its shape too: the moved text is one (it opens
        // with a bracket, or is a mark without words), as its partner's end is.
        const bool moved_aside = end_mended && (marks_alone || detail::is_aside(source_text.substr(
                                                                      moved_begin, moved_end - moved_begin)));
        const double lead_in_gain =
            moved_words_.gained > 0 || lexical_current - lexical_alternative > 0 || moved_aside ? lead_in_mended : 0.0;
        const double opened_gain = moved_aside && aside_cut ? aside_opened : 0.0;
        const double gain_a = table.cost[a] - (alternative_a + lexical_a) +
                              (forward ? -word_loss_source : word_gain_dest + title_gain) + lead_in_gain;
        const double gain_b = table.cost[b] - (alternative_b + lexical_b) +
                              (forward ? word_gain_dest : title_shed - word_loss_source) + opened_gain;
        if (std::min(gain_a, gain_b) < -kReceiverSlack) return;
        const double length_current = current - lexical_current;
        Alternative candidate;
        candidate.type = MoveType::Drift;
        candidate.first = static_cast<std::uint32_t>(a);
        candidate.count = 2;
        candidate.translation_side = translation;
        candidate.forward = forward;
        candidate.cut = c;
        candidate.word_cut = word_cut;
        candidate.lexical_gain = lexical_current - lexical_alternative;
        // Drift moves a sentence or a clause, rarely more: each further
        // sentence moved costs as much as a clause cut. A section number
        // begins a heading (headings carry no full stop): moving the heading
        // it begins costs what moving a sentence does. The text before it may
        // be the number's own prefix word (上一页, 图), so moving that back
        // stays a clause's move.
        // A forward cut after a trailing label's beginning cuts the label from its word.
        const int moved_sentences = forward ? cut.tail_sentences : cut.head_sentences;
        const bool inside_label = trailing_label != 0 && cut.tail_begin > trailing_label;
        const bool whole_unit =
            !inside_label && (cut.sentence || (by_words && word_cut_sentence) || (cut.label && forward) ||
                              (titles_label && (cut.label || word_cut != 0)) ||
                              (trailing_label != 0 && cut.tail_begin == trailing_label) ||
                              aside_cut);
        const double penalty = kDriftPrior + (whole_unit ? 0.0 : 1.5) + 1.0 * std::max(0, moved_sentences - 1) +
                               (by_words ? word_cut_penalty : 0.0);
        candidate.word_gain = word_gain_dest - word_loss_source;
        candidate.word_net = static_cast<std::int16_t>(moved_words_.net());
        candidate.words_known = static_cast<std::int16_t>(moved_words_.known);
        candidate.evidence =
            (length_current - alternative) + candidate.lexical_gain + candidate.word_gain + title_gain + lead_in_gain +
            opened_gain - penalty;
        // A cut that neither punctuation nor a heading's number offers is
        // shown only from the information level on: as a hint it would
        // guess at a place in every sentence whose words lean next door.
        if (by_words && !titles_label && candidate.evidence < kRealignThresholds.information) return;
        out.push_back(candidate);
      };
      for (std::size_t c = 0; c < source.cuts.size(); ++c) consider(source.cuts[c], std::uint32_t(c), 0, false);
      if (trailing_label != 0 && std::none_of(source.cuts.begin(), source.cuts.end(), [&](const CutPoint& cut) {
            return cut.tail_begin == trailing_label;
          }))
        consider(cut_at(source, source_text, table.script(translation), trailing_label), 0,
                 static_cast<std::uint32_t>(trailing_label), false);
      // A page's link word glued after text ("开发下一页13.8. …", "Development
      // Next13.8. …") where the partner opens with that link ("Next13.8. …")
      // begins its own line: the text before it is a whole unit, the title a
      // label alone above lost (no mark offers the cut, nor, for such short
      // titles, the words).
      if (link_head != 0 && std::none_of(source.cuts.begin(), source.cuts.end(), [&](const CutPoint& cut) {
            return cut.tail_begin == link_head;
          }))
        consider(cut_at(source, source_text, table.script(translation), link_head), 0,
                 static_cast<std::uint32_t>(link_head), false);
      if (aside_head != 0 && std::none_of(source.cuts.begin(), source.cuts.end(), [&](const CutPoint& cut) {
            return cut.head_end == aside_head;
          }))
        consider(cut_at(source, source_text, table.script(translation), aside_head), 0,
                 static_cast<std::uint32_t>(aside_head), false);
      // A footnote's reference mark follows the sentence it annotates ("…这几个文件。[27]", "…1.2-1。 [96]"),
      // while a sentence boundary goes before an opening bracket. A mark glued
      // to the text after it ("[27]这个文件…", where a moved sentence now
      // follows it) is no footnote's body, whose mark a space follows: it is a
      // reference, and the cut after it keeps it with its sentence. Offered
      // beside the cut before it (a spaced mark may open a body: "。[100] 作为替代…").
      for (const CutPoint& cut : source.cuts) {
        const std::size_t mark_end = cut.sentence ? detail::footnote_mark_end(source_text, cut.tail_begin) : 0;
        if (mark_end == 0 || mark_end >= source_text.size() || source_text[mark_end] == ' ' ||
            source_text[mark_end] == '\t')
          continue;
        if (std::any_of(source.cuts.begin(), source.cuts.end(),
                        [&](const CutPoint& other) { return other.head_end == mark_end; }))
          continue;
        CutPoint after = cut_at(source, source_text, table.script(translation), mark_end);
        if (after.tail_begin >= source_text.size()) continue;
        after.sentence = true;  // the sentence boundary, past the mark
        consider(after, 0, static_cast<std::uint32_t>(mark_end), false);
      }
      // A cut no punctuation offers, chosen by the words: a heading's title
      // joined to the next line without a mark ("8.23.1." | "Overview Original
      // image" against "8.23.1. 概述" | "原图"). The moved words find a
      // counterpart only in the destination's partner, the kept words next to
      // them only in the source's: at least one of each, so both parts say
      // which partner they translate.
      if (words.active) {
        if (const WordCut chosen = word_cut_of(source, words, forward, titles_label); chosen.at != 0) {
          // Where punctuation cuts between the same leaning words, it says
          // better where the parts meet ("而" goes with its clause, "中," with
          // the phrase before it): the words' cut then pays a drift's prior
          // again, so that it wins only on clearly better evidence.
          const bool known = std::any_of(source.cuts.begin(), source.cuts.end(), [&](const CutPoint& other) {
            const std::size_t word = word_at(source, other.tail_begin);
            return word > chosen.after && word <= chosen.upto;
          });
          // A capitalised word after a lower-case one with no mark between
          // begins a sentence whose full stop is missing: the cut is the
          // sentence's, a whole unit, and no punctuation says better.
          word_cut_sentence = source.spaced && begins_unmarked_sentence(source_text, chosen.at);
          word_cut_penalty = known && !word_cut_sentence ? kDriftPrior : 0.0;
          consider(cut_at(source, source_text, table.script(translation), chosen.at), 0, chosen.at, true);
        }
      }
    }
  }
}

static void add_merge(const PairTable& table, std::size_t anchor, std::vector<Alternative>& out) {
  if (anchor + 1 >= table.size() || !table.valid(anchor) || !table.valid(anchor + 1)) return;
  const std::size_t a = anchor, b = anchor + 1;
  const LineFeatures& ta = table.side(a, true);
  const LineFeatures& tb = table.side(b, true);
  const LineFeatures& oa = table.side(a, false);
  const LineFeatures& ob = table.side(b, false);
  // A sentence cut in the middle on both sides ("What Yeah. I" / "was gonna say, ...").
  const bool continued = !oa.ends_sentence && ob.starts_lower;
  if (!continued) return;
  const double joined_t = ta.length + tb.length + (ta.spaced ? 1 : 0);
  const double joined_o = oa.length + ob.length + (oa.spaced ? 1 : 0);
  const double merged = residual_cost(length_delta(joined_t, joined_o, table.fits.length)) +
                        table.fits.counts.of(oa.sentences + ob.sentences - ta.sentences - tb.sentences) +
                        table.fits.questions.of(oa.questions + ob.questions - ta.questions - tb.questions);
  const double apart = residual_cost(length_delta(ta.length, oa.length, table.fits.length)) +
                       residual_cost(length_delta(tb.length, ob.length, table.fits.length)) +
                       table.fits.counts.of(oa.sentences - ta.sentences) + table.fits.counts.of(ob.sentences - tb.sentences) +
                       table.fits.questions.of(oa.questions - ta.questions) + table.fits.questions.of(ob.questions - tb.questions);
  Alternative candidate;
  candidate.type = MoveType::Merge;
  candidate.first = static_cast<std::uint32_t>(a);
  candidate.count = 2;
  // A cut sentence is a suggestion, never an error: the evidence stays at hint level.
  candidate.evidence = std::min(kRealignThresholds.hint + 1.0, kRealignThresholds.hint + (apart - merged));
  if (candidate.evidence >= kRealignThresholds.hint) out.push_back(candidate);
}

std::vector<Alternative> alternatives_at(const PairTable& table, std::size_t anchor, DriftSearch search,
                                         NeighbourCosts* neighbours) {
  std::vector<Alternative> out;
  if (!table.valid(anchor)) return out;
  add_rotations(table, anchor, neighbours, out);
  add_drifts(table, anchor, search, out);
  add_merge(table, anchor, out);
  // Keep only those worth reporting; the rest cost memory in the cache.
  std::erase_if(out, [](const Alternative& c) {
    return c.evidence < (c.type == MoveType::Drift ? kDriftFloor : kRealignThresholds.hint);
  });
  return out;
}

}  // namespace bitext::content
