#include "pairing_solve.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bitext/text.hpp"
#include "front_matter.hpp"
#include "line_end_marks.hpp"
#include "line_facts.hpp"
#include "split_evidence.hpp"

namespace bitext::detail {

using namespace pairing_cost;

namespace {

int segment_length(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::FrontFirst:
    case SegmentKind::Front:
    case SegmentKind::BackFirst:
    case SegmentKind::Back:
    case SegmentKind::FirstOnly:
    case SegmentKind::SecondOnly:
      return 1;
    case SegmentKind::Pair:
    case SegmentKind::Swapped:
      return 2;
    case SegmentKind::FirstDoubled:
    case SegmentKind::SecondDoubled:
      return 3;
    default:
      return 0;
  }
}

// Whether the text, from `from` on, ends a sentence anywhere: a full stop
// before a space or at the end, or another end mark (a heading's title holds
// none; a heading merged with its paragraph does, or ends with the colon of
// the paragraph's lead-in).
bool holds_sentence_end(std::string_view text, std::size_t from) {
  text = trim(text);
  for (std::size_t at = std::min(from + 1, text.size()); at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    at += std::max<std::size_t>(decoded.length, 1);
    if (!decoded.valid || !ends_sentence(decoded.code_point)) continue;
    if (decoded.code_point != U'.' || at >= text.size() || text[at] == ' ') return true;
  }
  return false;
}

class Aligner {
 public:
  explicit Aligner(const SolveInput& input)
      : items_(input.items), sequence_(input.sequence), median_(input.medians), cased_(input.cased),
        lengths_(input.lengths), sentences_(input.sentences), sentence_fit_(input.sentence_fit),
        lexicon_(input.lexicon), chinese_(input.chinese), split_memo_(input.split_memo) {
    weigh_lower_case();
  }

  Solution solve(const Orientation& orientation) {
    orientation_ = orientation;
    const double median_first = median_of(orientation.first);
    const double median_second = median_of(orientation.second);
    log_ratio_ = orientation.first == kScript1 ? lengths_.log_ratio : -lengths_.log_ratio;
    log_median_first_ = std::log(median_first);
    log_median_second_ = std::log(median_second);

    const std::size_t n = items_.size();
    body_.assign(n + 1, kInfinity);
    front_.assign(n + 1, kInfinity);
    back_.assign(n + 1, kInfinity);
    body_from_.assign(n + 1, SegmentKind::None);
    front_from_.assign(n + 1, SegmentKind::None);
    back_from_.assign(n + 1, SegmentKind::None);
    body_[0] = 0.0;
    body_from_[0] = SegmentKind::Start;

    for (std::size_t i = 0; i <= n; ++i) {
      // The header line next to the first pair, and the footer line next to
      // the last, are the ones a pair could have lost its partner from: one
      // that ends like a sentence rather than a title costs more there.
      const double leave_front = front_[i] + (i > 0 && items_[i - 1].sentence_end ? kMatterSentence : 0.0);
      if (leave_front < body_[i]) {
        body_[i] = leave_front;
        body_from_[i] = SegmentKind::FromFront;
      }
      if (i == n) break;
      const double matter = matter_cost(items_[i]);
      // Header: only from the very start, or continuing one.
      if (i == 0 && !sequence_.grouped()) relax(front_, front_from_, 1, kMatterEnter + matter, SegmentKind::FrontFirst);
      // A header or footer line that alternates language with the line
      // before it looks like a pair: charge for it.
      const bool alternates = i > 0 && alternation(items_[i - 1], items_[i]);
      const double continued = matter + (alternates ? alternation_cost(items_[i - 1], items_[i]) : 0.0);
      if (front_[i] < kInfinity) relax(front_, front_from_, i + 1, front_[i] + continued, SegmentKind::Front);
      // Footer: from the body, or continuing one.
      if (body_[i] < kInfinity && !sequence_.grouped())
        relax(back_, back_from_, i + 1,
              body_[i] + kMatterEnter + matter +
                  (items_[i].sentence_end || (i + 1 == n && lead_in_at_end(items_[i])) ? kMatterSentence : 0.0),
              SegmentKind::BackFirst);
      if (back_[i] < kInfinity) relax(back_, back_from_, i + 1, back_[i] + continued, SegmentKind::Back);
      if (body_[i] < kInfinity) expand_body(i);
    }

    Solution solution;
    enum class State { Body, Front, Back } state = State::Body;
    // Ties: pairs, then a header, then a footer.
    solution.cost = body_[n];
    if (front_[n] < solution.cost) {
      solution.cost = front_[n];
      state = State::Front;
    }
    if (back_[n] < solution.cost) {
      solution.cost = back_[n];
      state = State::Back;
    }
    // Walk back.
    std::size_t at = n;
    while (at > 0) {
      SegmentKind kind = SegmentKind::None;
      if (state == State::Body) {
        kind = body_from_[at];
        if (kind == SegmentKind::FromFront) {
          state = State::Front;
          continue;
        }
      } else if (state == State::Front) {
        kind = front_from_[at];
      } else {
        kind = back_from_[at];
      }
      const auto length = static_cast<std::size_t>(segment_length(kind));
      if (length == 0 || length > at) break;  // cannot happen; never loop
      at -= length;
      solution.segments.push_back({kind, static_cast<std::uint32_t>(at)});
      if (kind == SegmentKind::BackFirst) state = State::Body;
    }
    std::reverse(solution.segments.begin(), solution.segments.end());
    return solution;
  }

 private:
  std::string_view text_of(std::uint32_t unit) const { return sequence_.text_of(unit); }

  double median_of(Label label) const { return label == kScript2 ? median_[1] : median_[0]; }

  static void relax(std::vector<double>& cost, std::vector<SegmentKind>& from, std::size_t at, double value,
                    SegmentKind kind) {
    if (value < cost[at]) {
      cost[at] = value;
      from[at] = kind;
    }
  }

  // Cost of putting an item in the first or second slot of a pair, before
  // lengths: 0 when it is in that side's language, kWrongLanguage for a
  // translation slot holding another language (untranslated), infinite when
  // the line cannot be there at all.
  double slot_cost(const Item& item, bool first_slot) const {
    const Label wanted = first_slot ? orientation_.first : orientation_.second;
    const bool translation_slot = first_slot == orientation_.translation_first;
    if (item.label == wanted) return 0.0;
    if (item.label == kTranslationPlaceholder) return translation_slot ? 0.0 : kInfinity;
    if (item.label == kOriginalPlaceholder) return translation_slot ? kInfinity : 0.0;
    return translation_slot ? kWrongLanguage : kInfinity;
  }

  // A pair whose translation is its original's very text, copied (as a
  // translation tool leaves a string it was not given): the line is plainly
  // the original's untranslated partner, far likelier than a wrong-language
  // line that happens to sit there.
  bool copied(const Item& first, const Item& second) const {
    const Item& translation = orientation_.translation_first ? first : second;
    const Item& original = orientation_.translation_first ? second : first;
    const Label original_label = orientation_.translation_first ? orientation_.second : orientation_.first;
    return original.label == original_label && translation.label == original_label &&
           identical(first, second);
  }

  bool exact(const Item& item, bool first_slot) const {
    return item.label == (first_slot ? orientation_.first : orientation_.second);
  }

  // Length term of a pair: how far the second side's length is from what the
  // document's own ratio predicts from the first side's.
  double length_cost(double log_first, double log_second) const {
    return std::min(std::abs(log_second - log_first - log_ratio_) / lengths_.spread, kLengthCap);
  }

  double matter_cost(const Item& item) const {
    const double log_median = item.label == orientation_.second ? log_median_second_ : log_median_first_;
    const double excess = item.log_weight - (log_median - std::log(2.0));
    return kMatterLine + kMatterLength * std::clamp(excess, 0.0, kMatterLengthCap);
  }

  // A change of language inside a header or footer; the better the two lines
  // fit each other as a pair by length, the more it looks like a pair (in
  // either order) rather than matter.
  double alternation_cost(const Item& a, const Item& b) const {
    const double length = a.label == orientation_.first ? length_cost(a.log_weight, b.log_weight)
                                                      : length_cost(b.log_weight, a.log_weight);
    return kMatterAlternation + std::max(0.0, kMatterPairLike - length);
  }

  // A footer of one line, the document's last, that ends with a colon: a
  // lead-in announces what follows it, and nothing follows the last line, so
  // it is no footer of its own but a pair's line that lost its partner (the
  // text it introduced went with the rest of the document, not with it).
  bool lead_in_at_end(const Item& item) const {
    const std::string_view text = trim(text_of(item.unit));
    return text.ends_with(":") || text.ends_with("\xEF\xBC\x9A");  // ':' or '：'
  }

  static bool alternation(const Item& a, const Item& b) {
    return (a.label == kScript1 && b.label == kScript2) || (a.label == kScript2 && b.label == kScript1);
  }

  bool identical(const Item& a, const Item& b) const {
    return trim(text_of(a.unit)) == trim(text_of(b.unit));
  }

  // Two lines of one side (items a, a + 1) against the partner on the other side.
  double doubled_cost(std::size_t a, std::size_t partner, bool doubled_first) const {
    const Item& first = items_[a];
    const Item& second = items_[a + 1];
    const double log_partner = items_[partner].log_weight;
    if (identical(first, second)) {
      return kDuplicate + (doubled_first ? length_cost(first.log_weight, log_partner)
                                         : length_cost(log_partner, first.log_weight));
    }
    const double log_sum = log_of(first.weight + second.weight);
    // The part that would be a lone line if this were not a split: the first
    // of two translation lines, the second of two original lines.
    const std::size_t other_part = doubled_first ? a + 1 : a;
    const SplitEvidence evidence = split_evidence(a, partner, doubled_first);
    const double lower = evidence.lower_right ? lower_case_weight_[items_[a].label == kScript2 ? 1 : 0] : 0.0;
    // A numbered heading and the partner heading that carries its number are
    // each other's, whatever their lengths say (a title is translated
    // tersely), and a sentence after the heading has no counterpart in a
    // partner that holds none: the lone reading's length term says nothing
    // against it, so the split pays it too and must win on its own evidence.
    const double pinned = evidence.heading_pair ? (doubled_first ? length_cost(items_[other_part].log_weight, log_partner)
                                                                 : length_cost(log_partner, items_[other_part].log_weight))
                                                : 0.0;
    return kSplit + pinned + evidence.breaks - lower + evidence.names + evidence.numbers + evidence.words +
           sentence_evidence(a, other_part, partner) +
           (doubled_first ? length_cost(log_sum, log_partner) : length_cost(log_partner, log_sum));
  }

  // The terms of doubled_cost that depend on the lines' texts alone (and on
  // the document's scripts and dictionary, which are part of the key).
  SplitEvidence split_evidence(std::size_t a, std::size_t partner, bool doubled_first) const {
    const std::size_t questioned = doubled_first ? a : a + 1;
    const std::size_t other_part = doubled_first ? a + 1 : a;
    const bool cased = cased_[items_[a].label == kScript2 ? 1 : 0];
    const bool partner_cased = cased_[items_[partner].label == kScript2 ? 1 : 0];
    const std::string_view first = text_of(items_[a].unit);
    const std::string_view second = text_of(items_[a + 1].unit);
    const std::string_view with = text_of(items_[partner].unit);
    if (split_memo_) {
      std::string& key = split_memo_->key();
      key.push_back(doubled_first ? 'F' : 'S');
      key.push_back(cased ? 'c' : 'u');
      key.push_back(partner_cased ? 'c' : 'u');
      key.push_back(chinese_[items_[questioned].label == kScript2 ? 1 : 0] ? 'z' : 'x');
      key.push_back(chinese_[items_[partner].label == kScript2 ? 1 : 0] ? 'z' : 'x');
      const auto lexicon = reinterpret_cast<std::uintptr_t>(lexicon_);
      key.append(reinterpret_cast<const char*>(&lexicon), sizeof lexicon);
      for (const std::string_view text : {first, second, with}) {
        const std::size_t size = text.size();
        key.append(reinterpret_cast<const char*>(&size), sizeof size);
        key.append(text);
      }
      if (const std::optional<SplitEvidence> found = split_memo_->find()) return *found;
    }
    const std::string_view questioned_text = doubled_first ? first : second;
    const std::string_view other_text = doubled_first ? second : first;
    SplitEvidence evidence;
    const BreakCues cues = break_cues(first, second, cased, with);
    evidence.breaks = cues.fixed;
    evidence.lower_right = cues.lower_right;
    evidence.names = shared_names_cost(questioned_text, other_text, cased, with, partner_cased);
    evidence.numbers = shared_numbers_cost(questioned_text, other_text, with);
    const std::string_view number = heading_number(other_text);
    evidence.heading_pair = !number.empty() && heading_number(with) == number &&
                            !carries_number(questioned_text, number) && !holds_sentence_end(with, number.size()) &&
                            !ends_with_colon(with) && holds_sentence_end(questioned_text, 0);
    evidence.words = words_evidence(questioned, other_part, partner);
    if (split_memo_) split_memo_->put(evidence);
    return evidence;
  }

  double words_evidence(std::size_t questioned, std::size_t other_part, std::size_t partner) const {
    if (!lexicon_) return 0.0;
    const bool chinese = chinese_[items_[questioned].label == kScript2 ? 1 : 0];
    if (chinese == chinese_[items_[partner].label == kScript2 ? 1 : 0]) return 0.0;  // not a zh/en pair
    return shared_words_cost(*lexicon_, text_of(items_[questioned].unit), text_of(items_[other_part].unit),
                             text_of(items_[partner].unit), chinese);
  }

  // A right part that opens in lower case continues a sentence, unless the
  // document's lines of that script often open so (entries such as "by name",
  // "by date"). The cue is worth the log of how much likelier it is at a
  // split (near 1) than at the start of a line of its own (the document's own
  // rate, by Laplace's rule of succession so that a short document is not
  // sure of it), at most kBreakInSentence: in prose, where almost no line
  // opens in lower case, it keeps its full weight.
  void weigh_lower_case() {
    std::array<std::size_t, 2> lines{}, lower{};
    for (const Item& item : items_) {
      if (item.label != kScript1 && item.label != kScript2) continue;
      const std::size_t side = item.label == kScript2 ? 1 : 0;
      ++lines[side];
      if (cased_[side] && opens_lower_case(text_of(item.unit))) ++lower[side];
    }
    for (const std::size_t side : {0, 1})
      lower_case_weight_[side] =
          std::min(kBreakInSentence, -std::log((double(lower[side]) + 1.0) / (double(lines[side]) + 2.0)));
  }

  // Sentence counts: the two lines read as one against the partner, compared
  // with the other part alone against it (the reading with a lone line).
  double sentence_evidence(std::size_t a, std::size_t other_part, std::size_t partner) const {
    const SentenceSpan joined = sentences_.joined(a, a + 1);
    const SentenceSpan alone = sentences_.of(other_part);
    const SentenceSpan with = sentences_.of(partner);
    const bool side_is_first_script = items_[a].label == kScript1;
    const double split = side_is_first_script ? sentence_fit_.of(joined, with) : sentence_fit_.of(with, joined);
    const double lone = side_is_first_script ? sentence_fit_.of(alone, with) : sentence_fit_.of(with, alone);
    // The spans let a comma stand for a full stop. When the partner has
    // exactly the sentences of the two lines together and more than the
    // other part alone, the lone reading leaves a sentence of the partner
    // without a counterpart: "好，时间到了。谢谢大家！" against "All right, we're out of
    // time." + "Thank you, everyone!". How much that says is fitted per
    // document (count_evidence): in a loose translation, little. Only this
    // way round: a partner with fewer sentences than the two lines ("别太久，
    // 热水不多了。" against "Don't take too long." + "There isn't much hot water
    // left.") is a comma for a full stop, common, and no evidence of a lone line.
    double count = 0.0;
    if (with.sentences == joined.sentences && with.sentences > alone.sentences)
      count = -sentence_fit_.count_evidence;
    return std::clamp(split - lone + count, -kSentenceEvidenceCap, kSentenceEvidenceCap);
  }

  void expand_body(std::size_t i) {
    const std::size_t n = items_.size();
    const double base = body_[i];
    const Item& a = items_[i];
    if (i + 1 < n && items_[i + 1].group == a.group) {
      const Item& b = items_[i + 1];
      const double cost = copied(a, b) ? kCopied : slot_cost(a, true) + slot_cost(b, false);
      if (cost < kInfinity) {
        const double length = exact(a, true) && exact(b, false) ? length_cost(a.log_weight, b.log_weight) : 0.0;
        relax(body_, body_from_, i + 2, base + cost + length, SegmentKind::Pair);
      }
      if (exact(a, false) && exact(b, true)) {
        const double swap = sequence_.order_per_pair ? kOrderChange : kSwapped;
        relax(body_, body_from_, i + 2, base + swap + length_cost(b.log_weight, a.log_weight), SegmentKind::Swapped);
      }
    }
    const double alone_first = slot_cost(a, true);
    if (alone_first < kInfinity) relax(body_, body_from_, i + 1, base + kMissing + alone_first, SegmentKind::FirstOnly);
    const double alone_second = slot_cost(a, false);
    if (alone_second < kInfinity)
      relax(body_, body_from_, i + 1, base + kMissing + alone_second, SegmentKind::SecondOnly);
    if (i + 2 < n && items_[i + 1].group == a.group && items_[i + 2].group == a.group) {
      const Item& b = items_[i + 1];
      const Item& c = items_[i + 2];
      if (exact(a, true) && exact(b, true) && exact(c, false))
        relax(body_, body_from_, i + 3, base + doubled_cost(i, i + 2, true), SegmentKind::FirstDoubled);
      if (exact(a, true) && exact(b, false) && exact(c, false))
        relax(body_, body_from_, i + 3, base + doubled_cost(i + 1, i, false), SegmentKind::SecondDoubled);
    }
  }

  const std::vector<Item>& items_;
  UnitSequence sequence_;
  std::array<double, 2> median_;
  std::array<bool, 2> cased_;  // script 1, script 2: has upper and lower case
  PairLengthFit lengths_;
  SentenceCounter& sentences_;
  SentenceFit sentence_fit_;
  const Lexicon* lexicon_ = nullptr;
  std::array<bool, 2> chinese_{};  // script 1, script 2: is Chinese (the dictionary's side)
  RunMemo<SplitEvidence>* split_memo_ = nullptr;
  std::array<double, 2> lower_case_weight_{};  // script 1, script 2 (weigh_lower_case)
  Orientation orientation_;
  double log_ratio_ = 0.0;
  double log_median_first_ = 0.0;
  double log_median_second_ = 0.0;
  std::vector<double> body_, front_, back_;
  std::vector<SegmentKind> body_from_, front_from_, back_from_;
};
}  // namespace

Solution solve_pairing(const SolveInput& input, const Orientation& orientation) {
  return Aligner(input).solve(orientation);
}

}  // namespace bitext::detail
