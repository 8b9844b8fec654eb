// Pairing: from lines to a Transcript.
//
// 1. Every line gets a script profile; blank lines and format markup are set
//    aside (blank lines separate nothing).
// 2. The document's two languages are the two most frequent dominant scripts
//    of the remaining ("content") lines.
// 3. A dynamic programme segments the content lines into front matter, beads
//    and back matter, in that order. Beads: a pair in the document's order
//    (1-1), a swapped pair, a lone line of either side (1-0, 0-1), and a side
//    of two lines (2-1, 1-2: a split line or a duplicated one). Costs follow
//    Gale–Church in spirit: a prior per bead type plus a length term against
//    the document's own typical lengths, so that one missing line costs one
//    bead and every later pair still pairs as before. Where two lines of one
//    language meet, sentence counts, the punctuation at the break and names
//    carried over also say whether they are one split segment or a segment
//    and a lone line.
// 4. Which language comes first in a pair is decided by running the
//    programme both ways and keeping the cheaper explanation of the document.
//
// Roles. Scripts cannot say which side is the translation. Decision: the
// language that comes first in a pair is the translation (the convention of
// the sample and of subtitles made for a reader of the translation: a Chinese
// line followed by its English original), unless CheckOptions::order is
// OriginalFirst, which makes the first language the original. The resolved
// order is therefore TranslationFirst for Auto.
//
// Cost: linear in the number of lines, three states per line. ICU sentence
// segmentation only for a sample of at most 200 pairs and for the lines around
// two consecutive lines of one language.
#include "bitext/pairing.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "bitext/numbers.hpp"
#include "bitext/segmentation.hpp"
#include "line_facts.hpp"
#include "pairing_detail.hpp"

namespace bitext {
namespace {

// ---- Cost model ------------------------------------------------------------
// Units: roughly nats. The length term of a pair is |log length ratio − the
// document's typical log ratio| / the document's spread (both fitted before
// pairing), capped. Relations that matter (each keeps a case right):
// - kSwapped in (kMissing, 2·kMissing): "T O | O T | T O" is one swap, not two
//   missing lines; "T O O T O T" is two missing lines, not two swaps.
// - kWrongLanguage in (kMissing, 2·kMissing): "T O | O' O | T O" is one
//   untranslated pair, not two missing translations; "T O O T O" is one
//   missing translation.
// - Split vs missing: the same prior; what decides is whether the two parts
//   together fit the partner better than the second part alone (length), and
//   how the text looks at the break: a left part that does not end a sentence
//   or a right part that starts in lower case is a split; and Latin names in
//   the parts that the partner does or does not carry over.
// - Header / footer: entering costs kMatterEnter, each line kMatterLine plus a
//   length term; a single typical-length lone line (6 + 1 + ~4.2) is dearer
//   than one missing line (10), a short one (7) or a run of two or more lines
//   (≤ 6 + 2·5.2 < 20) is cheaper than that many missing lines. The line
//   next to the pairs costs kMatterSentence more if it ends like a sentence
//   rather than a title, so alone it is always dearer than a missing line
//   (6 + 1 + 4 > 10): a first or last pair that lost a line is reported. A header
//   or footer that alternates languages looks like pairs: each change of
//   language inside one costs kMatterAlternation, and up to kMatterPairLike
//   more the better the two lines fit as a pair by length, so that a swapped pair
//   near the end is not swallowed by the footer.
constexpr double kMissing = 10.0;
constexpr double kSwapped = 14.0;
constexpr double kWrongLanguage = 12.0;
constexpr double kSplit = 10.0;             // 2-1 / 1-2 of two different lines
constexpr double kBreakInSentence = 3.0;   // split bonus: the break falls inside a sentence
constexpr double kBreakAtQuestion = 0.5;   // split malus: the left part ends with a question (often a turn)
constexpr double kSharedNames = 3.0;       // names carried over (or not) between a questioned part and the partner
constexpr double kSharedNumbers = 3.0;     // numbers found (or not) in the partner, likewise
constexpr double kDuplicate = 3.0;          // 2-1 / 1-2 of two identical lines
constexpr double kLengthCap = 8.0;  // a length mismatch alone never outweighs a structural bead
constexpr double kMinSpread = 0.1;  // bounds of the fitted length spread (log ratio, mean absolute deviation)
constexpr double kMaxSpread = 0.6;
constexpr double kDefaultSpread = 0.3;
constexpr double kMatterEnter = 6.0;
constexpr double kMatterLine = 1.0;
constexpr double kMatterLength = 6.0;
constexpr double kMatterLengthCap = 1.5;
constexpr double kMatterSentence = 4.0;     // next to the pairs: a line that ends like a sentence, not a title
constexpr double kMatterAlternation = 5.0;  // per change of language inside a header or footer
constexpr double kMatterPairLike = 8.0;     // more for a change between two lines whose lengths pair
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// A second script makes the document bilingual only if it has at least this
// share of the lines of the first (a Chinese article quoting a few English
// sentences is not a transcript).
constexpr std::uint32_t kSecondLanguageShare = 10;  // 1 in 10

enum Label : std::uint8_t { kScript1, kScript2, kOtherScript, kTranslationPlaceholder, kOriginalPlaceholder };

struct Item {  // one content line
  std::uint32_t line = 0;
  Label label = kOtherScript;
  std::uint32_t units = 0;   // weighted letters
  double log_units = 0.0;
  bool sentence_end = false;  // ends with a full stop, question or exclamation mark
  std::uint32_t group = 0;    // a bead never joins items of two groups (subtitle cues)
};

enum class Bead : std::uint8_t {
  None,
  Start,
  FromFront,   // leaving the header: no line consumed
  FrontFirst,  // first header line
  Front,       // a further header line
  BackFirst,   // first footer line (from the body)
  Back,        // a further footer line
  Pair,           // first side, second side
  Swapped,        // second side, first side
  FirstOnly,      // the second side is missing
  SecondOnly,     // the first side is missing
  FirstDoubled,   // two first-side lines, one second-side line
  SecondDoubled,  // one first-side line, two second-side lines
};

int bead_length(Bead bead) {
  switch (bead) {
    case Bead::FrontFirst:
    case Bead::Front:
    case Bead::BackFirst:
    case Bead::Back:
    case Bead::FirstOnly:
    case Bead::SecondOnly:
      return 1;
    case Bead::Pair:
    case Bead::Swapped:
      return 2;
    case Bead::FirstDoubled:
    case Bead::SecondDoubled:
      return 3;
    default:
      return 0;
  }
}

struct Segment {
  Bead bead = Bead::None;
  std::uint32_t first_item = 0;
};

struct Candidate {
  Label first = kScript1;    // script of the side that comes first in a pair
  Label second = kScript2;
  bool translation_first = true;  // role of the first side
};

struct Solution {
  double cost = kInfinity;
  std::vector<Segment> segments;  // in document order
};

double log_of(std::uint32_t value) {
  // Lengths repeat a lot; a table avoids a libm call per line.
  static const std::array<double, 2048> table = [] {
    std::array<double, 2048> values{};
    values[0] = 0.0;
    for (std::size_t i = 1; i < values.size(); ++i) values[i] = std::log(static_cast<double>(i));
    return values;
  }();
  if (value == 0) return 0.0;
  return value < table.size() ? table[value] : std::log(static_cast<double>(value));
}

// Closing and opening quotes and brackets, skipped when looking for the
// punctuation at a line break.
bool is_quote_or_bracket(char32_t cp) {
  switch (cp) {
    case U'"': case U'\'': case U')': case U']': case U'(': case U'[':
    case U'\u201C': case U'\u201D': case U'\u2018': case U'\u2019':
    case U'\u300C': case U'\u300D': case U'\u300E': case U'\u300F':
    case U'\uFF08': case U'\uFF09': case U'\u3010': case U'\u3011':
    case U'\u300A': case U'\u300B':
      return true;
    default:
      return false;
  }
}

bool ends_sentence(char32_t cp) {
  switch (cp) {
    case U'.': case U'!': case U'?': case U'\u2026':
    case U'\u3002': case U'\uFF01': case U'\uFF1F': case U'\uFF0E':
      return true;
    default:
      return false;
  }
}

// A letter, digit or comma-like mark at the end of a line: the sentence goes on.
bool continues_sentence(char32_t cp) {
  switch (cp) {
    case U',': case U';': case U'-': case U'\u2014': case U'\u2013':
    case U'\uFF0C': case U'\u3001': case U'\uFF1B':
      return true;
    default:
      return (cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') ||
             (detail::is_cjk_code_point(cp) && !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0xFF00 && cp <= 0xFF65));
  }
}

// Last code point of a line that is not a closing quote or bracket (0 if none).
char32_t last_mark(std::string_view line) {
  line = detail::trim(line);
  std::size_t end = line.size();
  while (end > 0) {
    std::size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80 && end - start < 4) --start;
    const DecodedCodePoint decoded = decode_utf8(line, start);
    end = start;
    if (decoded.valid && is_quote_or_bracket(decoded.code_point)) continue;
    return decoded.code_point;
  }
  return 0;
}

// The line stops inside a sentence (a letter, digit or comma at its end).
bool ends_inside_sentence(std::string_view line) {
  const char32_t last = last_mark(line);
  return last != 0 && !ends_sentence(last) && continues_sentence(last);
}

// Evidence from the text around a line break for "one segment split in two"
// (negative cost) or "two segments" (positive).
double break_cost(std::string_view left, std::string_view right, bool cased) {
  right = detail::trim(right);
  double cost = 0.0;
  const char32_t last = last_mark(left);
  if (last == U'?' || last == U'\uFF1F') {
    cost += kBreakAtQuestion;
  } else if (ends_inside_sentence(left)) {
    cost -= kBreakInSentence;
  }
  // In a cased script, a right part that starts in lower case continues a
  // sentence. (A full stop and a capital say nothing: a line broken between
  // sentences looks the same as two lines, and only lengths, sentence counts
  // and names can tell them apart.)
  for (std::size_t at = 0; cased && at < right.size();) {
    const DecodedCodePoint decoded = decode_utf8(right, at);
    at += decoded.length;
    if (decoded.valid && is_quote_or_bracket(decoded.code_point)) continue;
    if (decoded.code_point >= U'a' && decoded.code_point <= U'z') cost -= kBreakInSentence;
    break;
  }
  return cost;
}

// The document's length model, fitted before pairing: the log ratio of
// second-script to first-script length over adjacent lines that alternate
// between the two scripts in one direction or the other; the direction that
// agrees better (smaller spread) is the pairing, the other straddles pairs.
struct LengthModel {
  double log_ratio = 0.0;           // typical ln(units of script 2) - ln(units of script 1)
  double spread = kDefaultSpread;   // mean absolute deviation of that log ratio
  bool forward = true;              // pairs are script 1 then script 2 (as far as lengths tell)
};

double median_of(std::vector<double>& values) {
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

LengthModel fit_lengths(const std::vector<Item>& items, double median1, double median2) {
  std::vector<double> forward, backward;  // script 1 then 2, script 2 then 1
  for (std::size_t i = 0; i + 1 < items.size(); ++i) {
    const Item& a = items[i];
    const Item& b = items[i + 1];
    if (a.label == kScript1 && b.label == kScript2) forward.push_back(b.log_units - a.log_units);
    if (a.label == kScript2 && b.label == kScript1) backward.push_back(a.log_units - b.log_units);
  }
  LengthModel best{std::log(median2 / median1), kDefaultSpread};
  bool found = false;
  for (std::vector<double>* values : {&forward, &backward}) {
    if (values->size() < 3) continue;
    const double ratio = median_of(*values);
    double deviation = 0.0;
    for (const double value : *values) deviation += std::abs(value - ratio);
    deviation /= static_cast<double>(values->size());
    if (!found || deviation < best.spread) {
      best = {ratio, deviation, values == &forward};
      found = true;
    }
  }
  best.spread = std::clamp(best.spread, kMinSpread, kMaxSpread);
  return best;
}

// Sentences. A translation keeps the sentences of its original, give or take
// the commas: Chinese often joins with "，" what English ends with ". ". So a
// line has a span of sentence counts, from its sentences alone (ICU
// segmentation) to sentences plus clauses and commas, and the two sides of a
// pair agree when their spans overlap. Measured: they do in 97.5% of 1,390
// Debian documentation pairs, 98-100% of subtitle and talk transcripts and
// 93% of a loosely translated podcast. So when two lines of one side compete
// for one partner, the spans say which reading fits: "对。" + "图书馆周六也开门。"
// against "Yes. It opens on Saturdays." is a split line; "差不多十一点。火车晚点了。"
// against "About eleven. The train was late." + "Late again?" is a pair and a
// lone line. Within the span, the clause counts (commas included) say more in
// documents that keep them, like subtitles: "对了，妹妹来电话了。" against
// "Oh, your sister called." + "What did she say?" is a pair and a lone line.
// What a gap or a clause difference weighs is fitted per document over
// adjacent pairs, shrunk towards a prior, so a document whose sides often
// disagree gets little evidence from it.
constexpr int kSentenceGapLimit = 3;  // a larger gap counts as this
constexpr std::array<double, 2 * kSentenceGapLimit + 1> kSentencePrior = {0.01, 0.02, 0.07, 0.80,
                                                                          0.07, 0.02, 0.01};
constexpr std::array<double, 2 * kSentenceGapLimit + 1> kClausePrior = {0.05, 0.10, 0.20, 0.30,
                                                                        0.20, 0.10, 0.05};
constexpr double kSentencePriorWeight = 20.0;  // in pseudo-pairs
constexpr std::size_t kSentenceSample = 200;   // pairs read for the fit, spread evenly over the document
constexpr double kSentenceEvidenceCap = 4.0;   // a count alone never outweighs a structural bead
constexpr double kSentenceCountEvidence = 3.0;  // at most; see sentence_evidence
constexpr double kSameCountPrior = 0.6;         // pairs with as many sentences a side

struct SentenceSpan {
  std::uint32_t sentences = 1;  // at least
  std::uint32_t clauses = 1;    // at most: sentences, clauses and comma-separated parts
};

// Gap between the spans of a script-1 line and a script-2 line: 0 when they
// overlap, positive when the script-2 line has more sentences.
int sentence_gap(SentenceSpan one, SentenceSpan two) {
  int gap = 0;
  if (two.sentences > one.clauses) gap = static_cast<int>(two.sentences - one.clauses);
  if (one.sentences > two.clauses) gap = -static_cast<int>(one.sentences - two.clauses);
  return std::clamp(gap, -kSentenceGapLimit, kSentenceGapLimit);
}

// Sentence spans of content lines, computed when first needed: ICU
// segmentation is the costliest thing pairing does with a line, and only the
// fit's sample and the lines around two same-language lines need it.
class SentenceCounter {
 public:
  SentenceCounter(const std::vector<Item>& items, const LineIndex& index, std::array<Script, 2> scripts)
      : items_(items), index_(index), scripts_(scripts), spans_(items.size()), counted_(items.size(), false) {}

  SentenceSpan of(std::size_t item) {
    if (!counted_[item]) {
      const std::string_view line = index_.line_text(items_[item].line);
      const Script script = items_[item].label == kScript2 ? scripts_[1] : scripts_[0];
      spans_[item] = remembered_span(line, script);
      counted_[item] = true;
    }
    return spans_[item];
  }

  // Two consecutive lines read as one: one sentence fewer when the break
  // falls inside a sentence, one clause fewer when it falls inside a clause
  // (or at an enumeration comma, which separates no clauses).
  SentenceSpan joined(std::size_t first, std::size_t second) {
    const SentenceSpan a = of(first);
    const SentenceSpan b = of(second);
    const std::string_view left = index_.line_text(items_[first].line);
    const char32_t last = last_mark(left);
    const bool inside_sentence = ends_inside_sentence(left);
    const bool inside_clause = inside_sentence && (!is_comma_like(last) || last == U'\u3001');
    return {a.sentences + b.sentences - (inside_sentence ? 1 : 0), a.clauses + b.clauses - (inside_clause ? 1 : 0)};
  }

 private:
  static SentenceSpan span_of(std::string_view line, Script script) {
    SentenceSpan span;
    for (const Boundary& boundary : find_boundaries(line, script)) {
      if (boundary.strength == BoundaryStrength::Sentence) ++span.sentences;
      // "、" separates the items of a list, which English joins with "and"
      // as often as with commas: not a clause.
      if (boundary.strength != BoundaryStrength::Comma || !after_enumeration_comma(line, boundary.offset))
        ++span.clauses;
    }
    return span;
  }

  // span_of remembered by the line's text on this thread: a re-analysis after
  // an edit fits the sentence model on the same sample lines again, and ICU's
  // sentence breaking is the dear part of pairing a large document.
  static SentenceSpan remembered_span(std::string_view line, Script script) {
    struct Key {
      std::string text;
      Script script;
      bool operator==(const Key&) const = default;
    };
    struct KeyHash {
      std::size_t operator()(const Key& key) const {
        return std::hash<std::string_view>()(key.text) ^ static_cast<std::size_t>(key.script);
      }
    };
    constexpr std::size_t kRemembered = 4096;  // lines; the sample is at most 2 * kSentenceSample
    thread_local std::unordered_map<Key, SentenceSpan, KeyHash> remembered;
    Key key{std::string(line), script};
    if (auto found = remembered.find(key); found != remembered.end()) return found->second;
    if (remembered.size() >= kRemembered) remembered.clear();
    const SentenceSpan span = span_of(line, script);
    remembered.emplace(std::move(key), span);
    return span;
  }

  static bool after_enumeration_comma(std::string_view line, std::size_t offset) {
    const std::string_view before = detail::trim(line.substr(0, offset));
    return before.size() >= 3 && before.substr(before.size() - 3) == "\u3001";
  }

  static bool is_comma_like(char32_t cp) {
    switch (cp) {
      case U',': case U';': case U'-': case U'\u2014': case U'\u2013':
      case U'\uFF0C': case U'\u3001': case U'\uFF1B':
        return true;
      default:
        return false;
    }
  }

  const std::vector<Item>& items_;
  const LineIndex& index_;
  std::array<Script, 2> scripts_;
  std::vector<SentenceSpan> spans_;
  std::vector<bool> counted_;
};

// Difference of the clause counts (sentences, clauses and commas), script 2 minus script 1.
int clause_difference(SentenceSpan one, SentenceSpan two) {
  return std::clamp(static_cast<int>(two.clauses) - static_cast<int>(one.clauses), -kSentenceGapLimit,
                    kSentenceGapLimit);
}

struct SentenceModel {
  std::array<double, 2 * kSentenceGapLimit + 1> gap_cost{};     // -log P(gap), gap = -limit..limit
  std::array<double, 2 * kSentenceGapLimit + 1> clause_cost{};  // -log P(clause difference)
  // log of P(the two sides have as many sentences) over P(one more on one side):
  // what an exact sentence count says in this document (0 when it says nothing).
  double count_evidence = 0.0;

  // Cost of a pair of a script-1 line and a script-2 line with these spans.
  double of(SentenceSpan one, SentenceSpan two) const {
    return gap_cost[static_cast<std::size_t>(sentence_gap(one, two) + kSentenceGapLimit)] +
           clause_cost[static_cast<std::size_t>(clause_difference(one, two) + kSentenceGapLimit)];
  }
};

// Fitted over adjacent lines of the two scripts in the direction the length
// fit found to be the pairing; at most kSentenceSample of them, evenly spread.
SentenceModel fit_sentences(const std::vector<Item>& items, bool forward, SentenceCounter& counter) {
  std::vector<std::size_t> starts;  // first item of each adjacent pair
  for (std::size_t i = 0; i + 1 < items.size(); ++i) {
    const Label a = items[i].label;
    const Label b = items[i + 1].label;
    if ((forward && a == kScript1 && b == kScript2) || (!forward && a == kScript2 && b == kScript1)) {
      starts.push_back(i);
      ++i;  // pairs do not overlap
    }
  }
  std::array<double, 2 * kSentenceGapLimit + 1> counts{};
  std::array<double, 2 * kSentenceGapLimit + 1> clause_counts{};
  const std::size_t step = std::max<std::size_t>(1, (starts.size() + kSentenceSample - 1) / kSentenceSample);
  double total = 0.0;
  double same_count = 0.0;  // pairs whose sides have as many sentences
  for (std::size_t k = 0; k < starts.size(); k += step) {
    const std::size_t first = starts[k];
    const std::size_t one = forward ? first : first + 1;  // the script-1 line
    const std::size_t two = forward ? first + 1 : first;
    counts[static_cast<std::size_t>(sentence_gap(counter.of(one), counter.of(two)) + kSentenceGapLimit)] += 1.0;
    clause_counts[static_cast<std::size_t>(clause_difference(counter.of(one), counter.of(two)) + kSentenceGapLimit)] +=
        1.0;
    same_count += counter.of(one).sentences == counter.of(two).sentences ? 1.0 : 0.0;
    total += 1.0;
  }
  SentenceModel model;
  for (std::size_t gap = 0; gap < counts.size(); ++gap) {
    const double p = (counts[gap] + kSentencePriorWeight * kSentencePrior[gap]) / (total + kSentencePriorWeight);
    model.gap_cost[gap] = -std::log(p);
    const double q =
        (clause_counts[gap] + kSentencePriorWeight * kClausePrior[gap]) / (total + kSentencePriorWeight);
    model.clause_cost[gap] = -std::log(q);
  }
  const double same = (same_count + kSentencePriorWeight * kSameCountPrior) / (total + kSentencePriorWeight);
  model.count_evidence = std::clamp(std::log(same / ((1.0 - same) / 2.0)), 0.0, kSentenceCountEvidence);
  return model;
}

// Latin words (ASCII letters and digits, two or more) of a line, lower-cased.
// In a line of a cased script only the words that look like names count:
// with a capital that does not start a sentence, or with a digit.
std::vector<std::string> latin_words(std::string_view line, bool names_only) {
  std::vector<std::string> words;
  bool sentence_start = true;
  for (std::size_t at = 0; at < line.size();) {
    const auto byte = static_cast<unsigned char>(line[at]);
    const bool alnum = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9');
    if (!alnum) {
      if (byte == '.' || byte == '!' || byte == '?') sentence_start = true;
      ++at;
      continue;
    }
    std::size_t end = at;
    bool capital = false, digit = false;
    while (end < line.size()) {
      const auto c = static_cast<unsigned char>(line[end]);
      if (c >= 'A' && c <= 'Z') capital = true;
      else if (c >= '0' && c <= '9') digit = true;
      else if (!(c >= 'a' && c <= 'z')) break;
      ++end;
    }
    const bool keep = end - at >= 2 && (!names_only || digit || (capital && !sentence_start));
    if (keep) {
      std::string word(line.substr(at, end - at));
      for (char& c : word) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      words.push_back(std::move(word));
    }
    sentence_start = false;
    at = end;
  }
  return words;
}

// Evidence from names carried over between the two languages: Latin names
// and terms inside a Chinese line appear as such in its English original.
// If the questioned part has names that its partner has and the other part
// has not, it belongs to the partner (a split). If a Chinese questioned part
// has names and the English partner has none of them, it had another
// partner (a lone line); an English name may be rendered in Chinese, so the
// converse is no evidence. Names in both parts (a document's recurring
// topic) say nothing.
double shared_names_cost(std::string_view questioned, std::string_view other_part, bool questioned_cased,
                         std::string_view partner, bool partner_cased) {
  if (questioned_cased == partner_cased) return 0.0;  // no carried names between two such scripts
  std::vector<std::string> names = latin_words(questioned, questioned_cased);
  if (names.empty()) return 0.0;
  const std::vector<std::string> partner_words = latin_words(partner, false);
  const auto in = [](const std::vector<std::string>& words, const std::string& word) {
    return std::find(words.begin(), words.end(), word) != words.end();
  };
  std::size_t found = 0;
  for (const std::string& name : names) found += in(partner_words, name) ? 1 : 0;
  if (found == 0) return questioned_cased ? 0.0 : kSharedNames;
  const std::vector<std::string> other_words = latin_words(other_part, false);
  for (const std::string& name : names)
    if (in(partner_words, name) && !in(other_words, name)) return -kSharedNames;
  return 0.0;
}

// Evidence from numbers, which a translation keeps: if the questioned part's
// numbers are in the partner and not in the other part, it belongs to the
// partner (a split); if it has numbers and the partner has none of them, its
// own partner is missing (a lone line). Only numbers that must have a
// counterpart (numbers.hpp: digits, large numerals) count against.
double shared_numbers_cost(std::string_view questioned, std::string_view other_part, std::string_view partner) {
  const std::vector<NumberMention> mine = scan_numbers(questioned);
  if (mine.empty()) return 0.0;
  const std::vector<NumberMention> theirs = scan_numbers(partner);
  const std::vector<NumberMention> others = scan_numbers(other_part);
  const auto found_in = [](const NumberMention& number, const std::vector<NumberMention>& in) {
    return std::any_of(in.begin(), in.end(),
                       [&](const NumberMention& other) { return match_numbers(number, other) != NumberMatch::None; });
  };
  bool missing = false, found = false, found_only_here = false;
  for (const NumberMention& number : mine) {
    if (!number.strong) continue;
    if (!found_in(number, theirs)) {
      missing = true;
    } else {
      found = true;
      if (!found_in(number, others)) found_only_here = true;
    }
  }
  if (missing && !found) return kSharedNumbers;
  if (found_only_here && !missing) return -kSharedNumbers;
  return 0.0;
}

double median_units(std::vector<std::uint32_t>& units) {
  if (units.empty()) return 1.0;
  const auto middle = units.begin() + static_cast<std::ptrdiff_t>(units.size() / 2);
  std::nth_element(units.begin(), middle, units.end());
  return std::max<double>(1.0, *middle);
}

class Aligner {
 public:
  Aligner(const std::vector<Item>& items, const LineIndex& index, std::array<double, 2> medians,
          std::array<bool, 2> cased, const LengthModel& lengths, SentenceCounter& sentences,
          const SentenceModel& sentence_model)
      : items_(items), index_(index), median_(medians), cased_(cased), lengths_(lengths),
        sentences_(sentences), sentence_model_(sentence_model) {}

  // Subtitle cues: every text is in a cue, so none is header or footer.
  void set_grouped(bool grouped) { grouped_ = grouped; }

  Solution solve(const Candidate& candidate) {
    candidate_ = candidate;
    const double median_first = median_of(candidate.first);
    const double median_second = median_of(candidate.second);
    log_ratio_ = candidate.first == kScript1 ? lengths_.log_ratio : -lengths_.log_ratio;
    log_median_first_ = std::log(median_first);
    log_median_second_ = std::log(median_second);

    const std::size_t n = items_.size();
    body_.assign(n + 1, kInfinity);
    front_.assign(n + 1, kInfinity);
    back_.assign(n + 1, kInfinity);
    body_from_.assign(n + 1, Bead::None);
    front_from_.assign(n + 1, Bead::None);
    back_from_.assign(n + 1, Bead::None);
    body_[0] = 0.0;
    body_from_[0] = Bead::Start;

    for (std::size_t i = 0; i <= n; ++i) {
      // The header line next to the first pair, and the footer line next to
      // the last, are the ones a pair could have lost its partner from: one
      // that ends like a sentence rather than a title costs more there.
      const double leave_front = front_[i] + (i > 0 && items_[i - 1].sentence_end ? kMatterSentence : 0.0);
      if (leave_front < body_[i]) {
        body_[i] = leave_front;
        body_from_[i] = Bead::FromFront;
      }
      if (i == n) break;
      const double matter = matter_cost(items_[i]);
      // Header: only from the very start, or continuing one.
      if (i == 0 && !grouped_) relax(front_, front_from_, 1, kMatterEnter + matter, Bead::FrontFirst);
      // A header or footer line that alternates language with the line
      // before it looks like a pair: charge for it.
      const bool alternates = i > 0 && alternation(items_[i - 1], items_[i]);
      const double continued = matter + (alternates ? alternation_cost(items_[i - 1], items_[i]) : 0.0);
      if (front_[i] < kInfinity) relax(front_, front_from_, i + 1, front_[i] + continued, Bead::Front);
      // Footer: from the body, or continuing one.
      if (body_[i] < kInfinity && !grouped_)
        relax(back_, back_from_, i + 1,
              body_[i] + kMatterEnter + matter + (items_[i].sentence_end ? kMatterSentence : 0.0), Bead::BackFirst);
      if (back_[i] < kInfinity) relax(back_, back_from_, i + 1, back_[i] + continued, Bead::Back);
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
      Bead bead = Bead::None;
      if (state == State::Body) {
        bead = body_from_[at];
        if (bead == Bead::FromFront) {
          state = State::Front;
          continue;
        }
      } else if (state == State::Front) {
        bead = front_from_[at];
      } else {
        bead = back_from_[at];
      }
      const auto length = static_cast<std::size_t>(bead_length(bead));
      if (length == 0 || length > at) break;  // cannot happen; never loop
      at -= length;
      solution.segments.push_back({bead, static_cast<std::uint32_t>(at)});
      if (bead == Bead::BackFirst) state = State::Body;
    }
    std::reverse(solution.segments.begin(), solution.segments.end());
    return solution;
  }

 private:
  double median_of(Label label) const { return label == kScript2 ? median_[1] : median_[0]; }

  static void relax(std::vector<double>& cost, std::vector<Bead>& from, std::size_t at, double value,
                    Bead bead) {
    if (value < cost[at]) {
      cost[at] = value;
      from[at] = bead;
    }
  }

  // Cost of putting an item in the first or second slot of a pair, before
  // lengths: 0 when it is in that side's language, kWrongLanguage for a
  // translation slot holding another language (untranslated), infinite when
  // the line cannot be there at all.
  double slot_cost(const Item& item, bool first_slot) const {
    const Label wanted = first_slot ? candidate_.first : candidate_.second;
    const bool translation_slot = first_slot == candidate_.translation_first;
    if (item.label == wanted) return 0.0;
    if (item.label == kTranslationPlaceholder) return translation_slot ? 0.0 : kInfinity;
    if (item.label == kOriginalPlaceholder) return translation_slot ? kInfinity : 0.0;
    return translation_slot ? kWrongLanguage : kInfinity;
  }

  bool exact(const Item& item, bool first_slot) const {
    return item.label == (first_slot ? candidate_.first : candidate_.second);
  }

  // Length term of a pair: how far the second side's length is from what the
  // document's own ratio predicts from the first side's.
  double length_cost(double log_first, double log_second) const {
    return std::min(std::abs(log_second - log_first - log_ratio_) / lengths_.spread, kLengthCap);
  }

  double matter_cost(const Item& item) const {
    const double log_median = item.label == candidate_.second ? log_median_second_ : log_median_first_;
    const double excess = item.log_units - (log_median - std::log(2.0));
    return kMatterLine + kMatterLength * std::clamp(excess, 0.0, kMatterLengthCap);
  }

  // A change of language inside a header or footer; the better the two lines
  // fit each other as a pair by length, the more it looks like a pair (in
  // either order) rather than matter.
  double alternation_cost(const Item& a, const Item& b) const {
    const double length = a.label == candidate_.first ? length_cost(a.log_units, b.log_units)
                                                      : length_cost(b.log_units, a.log_units);
    return kMatterAlternation + std::max(0.0, kMatterPairLike - length);
  }

  static bool alternation(const Item& a, const Item& b) {
    return (a.label == kScript1 && b.label == kScript2) || (a.label == kScript2 && b.label == kScript1);
  }

  bool identical(const Item& a, const Item& b) const {
    return detail::trim(index_.line_text(a.line)) == detail::trim(index_.line_text(b.line));
  }

  // Two lines of one side (items a, a + 1) against the partner on the other side.
  double doubled_cost(std::size_t a, std::size_t partner, bool doubled_first) const {
    const Item& first = items_[a];
    const Item& second = items_[a + 1];
    const double log_partner = items_[partner].log_units;
    if (identical(first, second)) {
      return kDuplicate + (doubled_first ? length_cost(first.log_units, log_partner)
                                         : length_cost(log_partner, first.log_units));
    }
    const double log_sum = log_of(first.units + second.units);
    const bool cased = cased_[first.label == kScript2 ? 1 : 0];
    // The part that would be a lone line if this were not a split: the first
    // of two translation lines, the second of two original lines.
    const std::size_t questioned = doubled_first ? a : a + 1;
    const std::size_t other_part = doubled_first ? a + 1 : a;
    return kSplit + break_cost(index_.line_text(first.line), index_.line_text(second.line), cased) +
           shared_names_cost(index_.line_text(items_[questioned].line), index_.line_text(items_[other_part].line),
                             cased, index_.line_text(items_[partner].line),
                             cased_[items_[partner].label == kScript2 ? 1 : 0]) +
           shared_numbers_cost(index_.line_text(items_[questioned].line), index_.line_text(items_[other_part].line),
                               index_.line_text(items_[partner].line)) +
           sentence_evidence(a, other_part, partner) +
           (doubled_first ? length_cost(log_sum, log_partner) : length_cost(log_partner, log_sum));
  }

  // Sentence counts: the two lines read as one against the partner, compared
  // with the other part alone against it (the reading with a lone line).
  double sentence_evidence(std::size_t a, std::size_t other_part, std::size_t partner) const {
    const SentenceSpan joined = sentences_.joined(a, a + 1);
    const SentenceSpan alone = sentences_.of(other_part);
    const SentenceSpan with = sentences_.of(partner);
    const bool side_is_first_script = items_[a].label == kScript1;
    const double split = side_is_first_script ? sentence_model_.of(joined, with) : sentence_model_.of(with, joined);
    const double lone = side_is_first_script ? sentence_model_.of(alone, with) : sentence_model_.of(with, alone);
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
      count = -sentence_model_.count_evidence;
    return std::clamp(split - lone + count, -kSentenceEvidenceCap, kSentenceEvidenceCap);
  }

  void expand_body(std::size_t i) {
    const std::size_t n = items_.size();
    const double base = body_[i];
    const Item& a = items_[i];
    if (i + 1 < n && items_[i + 1].group == a.group) {
      const Item& b = items_[i + 1];
      const double cost = slot_cost(a, true) + slot_cost(b, false);
      if (cost < kInfinity) {
        const double length = exact(a, true) && exact(b, false) ? length_cost(a.log_units, b.log_units) : 0.0;
        relax(body_, body_from_, i + 2, base + cost + length, Bead::Pair);
      }
      if (exact(a, false) && exact(b, true))
        relax(body_, body_from_, i + 2, base + kSwapped + length_cost(b.log_units, a.log_units), Bead::Swapped);
    }
    const double alone_first = slot_cost(a, true);
    if (alone_first < kInfinity) relax(body_, body_from_, i + 1, base + kMissing + alone_first, Bead::FirstOnly);
    const double alone_second = slot_cost(a, false);
    if (alone_second < kInfinity)
      relax(body_, body_from_, i + 1, base + kMissing + alone_second, Bead::SecondOnly);
    if (i + 2 < n && items_[i + 1].group == a.group && items_[i + 2].group == a.group) {
      const Item& b = items_[i + 1];
      const Item& c = items_[i + 2];
      if (exact(a, true) && exact(b, true) && exact(c, false))
        relax(body_, body_from_, i + 3, base + doubled_cost(i, i + 2, true), Bead::FirstDoubled);
      if (exact(a, true) && exact(b, false) && exact(c, false))
        relax(body_, body_from_, i + 3, base + doubled_cost(i + 1, i, false), Bead::SecondDoubled);
    }
  }

  const std::vector<Item>& items_;
  const LineIndex& index_;
  std::array<double, 2> median_;
  std::array<bool, 2> cased_;  // script 1, script 2: has upper and lower case
  LengthModel lengths_;
  SentenceCounter& sentences_;
  SentenceModel sentence_model_;
  Candidate candidate_;
  bool grouped_ = false;
  double log_ratio_ = 0.0;
  double log_median_first_ = 0.0;
  double log_median_second_ = 0.0;
  std::vector<double> body_, front_, back_;
  std::vector<Bead> body_from_, front_from_, back_from_;
};

// The two most frequent dominant scripts, ties to the one seen first.
std::pair<Script, Script> document_languages(const std::vector<ScriptProfile>& profiles,
                                             const std::vector<std::uint8_t>& content,
                                             const std::vector<std::uint8_t>& placeholder) {
  constexpr std::size_t kScripts = static_cast<std::size_t>(Script::Other) + 1;
  std::array<std::uint32_t, kScripts> count{};
  std::array<std::size_t, kScripts> first_seen{};
  first_seen.fill(std::numeric_limits<std::size_t>::max());
  for (std::size_t line = 0; line < profiles.size(); ++line) {
    if (!content[line] || placeholder[line]) continue;
    const auto script = static_cast<std::size_t>(profiles[line].dominant);
    if (script == 0) continue;
    if (count[script]++ == 0) first_seen[script] = line;
  }
  auto better = [&](std::size_t a, std::size_t b) {
    return count[a] > count[b] || (count[a] == count[b] && first_seen[a] < first_seen[b]);
  };
  std::size_t best = 0, second = 0;
  for (std::size_t script = 1; script < kScripts; ++script) {
    if (count[script] == 0) continue;
    if (best == 0 || better(script, best)) {
      second = best;
      best = script;
    } else if (second == 0 || better(script, second)) {
      second = script;
    }
  }
  if (second != 0 && count[second] * kSecondLanguageShare < count[best]) second = 0;
  return {static_cast<Script>(best), static_cast<Script>(second)};
}

}  // namespace

namespace detail {

ScriptProfile profile_line(std::string_view line) {
  if (is_blank(line)) return {};
  return classify_script(line);
}

Transcript parse_transcript_with_profiles(const LineIndex& index, const CheckOptions& options,
                                          std::vector<ScriptProfile> profiles, const Transcript* previous,
                                          std::span<const std::uint32_t> previous_lines,
                                          std::span<const std::uint32_t> groups) {
  Transcript transcript;
  const std::size_t line_count = index.line_count();
  profiles.resize(line_count);
  transcript.lines.resize(line_count);

  // One look at each line's text: what kind of line it is. Everything after
  // works from these bytes and the profiles (a 10 MB text is read once here).
  enum LineClass : std::uint8_t { kBlank, kMarkup, kContent, kTranslationMark, kOriginalMark };
  const std::string_view translation_placeholder = trim(options.translation_placeholder);
  const std::string_view original_placeholder = trim(options.original_placeholder);
  const std::size_t shortest_placeholder =
      std::min(translation_placeholder.empty() ? SIZE_MAX : translation_placeholder.size(),
               original_placeholder.empty() ? SIZE_MAX : original_placeholder.size());
  std::vector<LineClass> classes(line_count, kBlank);
  std::vector<std::uint8_t> content(line_count, 0);  // bytes, not bits: two threads write them
  std::vector<std::uint8_t> placeholder(line_count, 0);
  std::vector<std::uint8_t> sentence_end(line_count, 0);  // a content line that ends like a sentence
  // A line's reading: its class in the low bits, kSentenceEnd when it ends
  // like a sentence (TranscriptLine::reading).
  constexpr std::uint8_t kClassBits = 0x7, kSentenceEnd = 0x8;
  auto read_line = [&](std::string_view text, const ScriptProfile& script, std::size_t line) -> std::uint8_t {
    if (is_blank(text)) return kBlank;
    if (text.size() >= shortest_placeholder) {
      const std::string_view trimmed = trim(text);
      const bool translation_mark = !translation_placeholder.empty() && trimmed == translation_placeholder;
      if (translation_mark || (!original_placeholder.empty() && trimmed == original_placeholder))
        return static_cast<std::uint8_t>((translation_mark ? kTranslationMark : kOriginalMark) |
                                         (ends_sentence(last_mark(text)) ? kSentenceEnd : 0));
    }
    if (is_markup(text, script, static_cast<std::uint32_t>(line))) return kMarkup;
    return static_cast<std::uint8_t>(kContent | (ends_sentence(last_mark(text)) ? kSentenceEnd : 0));
  };
  // An unchanged line reads as before, except at or from the first line
  // (markup such as "WEBVTT" counts there only).
  const bool lend = previous != nullptr && previous_lines.size() == line_count;
  auto classify = [&](std::size_t from, std::size_t to) {
    for (std::size_t line = from; line < to; ++line) {
      TranscriptLine& entry = transcript.lines[line];
      entry.number = static_cast<std::uint32_t>(line);
      entry.begin = index.line_start(line);
      entry.end = index.line_end(line);
      entry.script = profiles[line];
      const std::uint32_t before = lend ? previous_lines[line] : kNoLine;
      entry.reading = before != kNoLine && before != 0 && line != 0 && before < previous->lines.size()
                          ? previous->lines[before].reading
                          : read_line(index.text().substr(entry.begin, entry.end - entry.begin), entry.script, line);
      const auto line_class = static_cast<LineClass>(entry.reading & kClassBits);
      classes[line] = line_class;
      sentence_end[line] = (entry.reading & kSentenceEnd) != 0;
      placeholder[line] = line_class == kTranslationMark || line_class == kOriginalMark;
      content[line] = line_class == kContent || placeholder[line];
      entry.kind = line_class == kBlank ? LineKind::Blank
                   : line_class == kMarkup ? LineKind::Markup
                                           : LineKind::FrontMatter;  // until paired
    }
  };
  // Each line on its own: the halves of a large document on two threads
  // (reading the text is what costs, one cache miss per line).
  constexpr std::size_t kParallelFrom = 16384;  // lines
  if (line_count >= kParallelFrom) {
    std::thread helper(classify, line_count / 2, line_count);
    classify(0, line_count / 2);
    helper.join();
  } else {
    classify(0, line_count);
  }

  const auto [script1, script2] = document_languages(profiles, content, placeholder);
  const bool translation_first = options.order != LineOrder::OriginalFirst;
  transcript.order = translation_first ? LineOrder::TranslationFirst : LineOrder::OriginalFirst;

  if (script2 == Script::None) {
    // Not bilingual (one language, or none): no pairs. Every content line is
    // front matter, so the outline still shows the text; no findings follow.
    transcript.translation_script = script1;
    transcript.original_script = Script::None;
    for (std::size_t line = 0; line < line_count; ++line)
      if (content[line]) transcript.front_matter.push_back(static_cast<std::uint32_t>(line));
    return transcript;
  }

  std::vector<Item> items;
  std::vector<std::uint32_t> units1, units2;
  for (std::size_t line = 0; line < line_count; ++line) {
    if (!content[line]) continue;
    Item item;
    item.line = static_cast<std::uint32_t>(line);
    if (classes[line] == kTranslationMark) {
      item.label = kTranslationPlaceholder;
    } else if (classes[line] == kOriginalMark) {
      item.label = kOriginalPlaceholder;
    } else if (const Script script = line_script(profiles[line], script1, script2); script == script1) {
      item.label = kScript1;
    } else if (script == script2) {
      item.label = kScript2;
    } else {
      item.label = kOtherScript;
    }
    item.units = std::max<std::uint32_t>(1, weighted_letters(profiles[line]));
    item.sentence_end = sentence_end[line];
    item.log_units = log_of(item.units);
    if (line < groups.size()) item.group = groups[line];
    if (item.label == kScript1) units1.push_back(item.units);
    if (item.label == kScript2) units2.push_back(item.units);
    items.push_back(item);
  }
  const double median1 = median_units(units1);
  const double median2 = median_units(units2);

  const auto cased = [](Script script) {
    return script == Script::Latin || script == Script::Cyrillic || script == Script::Greek;
  };
  const LengthModel lengths = fit_lengths(items, median1, median2);
  SentenceCounter sentences(items, index, {script1, script2});
  const SentenceModel sentence_model = fit_sentences(items, lengths.forward, sentences);
  Aligner aligner(items, index, {median1, median2}, {cased(script1), cased(script2)}, lengths, sentences,
                  sentence_model);
  aligner.set_grouped(!groups.empty());
  Solution one = aligner.solve({kScript1, kScript2, translation_first});
  Solution two = aligner.solve({kScript2, kScript1, translation_first});
  // Ties: the language of the first line in either language comes first.
  Label first_seen = kScript1;
  for (const Item& item : items) {
    if (item.label == kScript1 || item.label == kScript2) {
      first_seen = item.label;
      break;
    }
  }
  const bool take_two = two.cost < one.cost || (two.cost == one.cost && first_seen == kScript2);
  const Solution& best = take_two ? two : one;
  const Script first_script = take_two ? script2 : script1;
  const Script second_script = take_two ? script1 : script2;
  transcript.translation_script = translation_first ? first_script : second_script;
  transcript.original_script = translation_first ? second_script : first_script;

  const LineKind first_kind = translation_first ? LineKind::Translation : LineKind::Original;
  const LineKind second_kind = translation_first ? LineKind::Original : LineKind::Translation;
  transcript.pairs.reserve(best.segments.size());
  for (const Segment& segment : best.segments) {
    const std::uint32_t at = segment.first_item;
    auto line_of = [&](std::uint32_t offset) { return items[at + offset].line; };
    if (segment.bead == Bead::Front || segment.bead == Bead::FrontFirst) {
      transcript.front_matter.push_back(line_of(0));
      transcript.lines[line_of(0)].kind = LineKind::FrontMatter;
      continue;
    }
    if (segment.bead == Bead::Back || segment.bead == Bead::BackFirst) {
      transcript.back_matter.push_back(line_of(0));
      transcript.lines[line_of(0)].kind = LineKind::BackMatter;
      continue;
    }
    Pair pair;
    pair.index = static_cast<std::uint32_t>(transcript.pairs.size());
    std::vector<std::uint32_t>& first_side = translation_first ? pair.translation : pair.original;
    std::vector<std::uint32_t>& second_side = translation_first ? pair.original : pair.translation;
    switch (segment.bead) {
      case Bead::Pair:
        first_side.push_back(line_of(0));
        second_side.push_back(line_of(1));
        break;
      case Bead::Swapped:
        second_side.push_back(line_of(0));
        first_side.push_back(line_of(1));
        break;
      case Bead::FirstOnly:
        first_side.push_back(line_of(0));
        break;
      case Bead::SecondOnly:
        second_side.push_back(line_of(0));
        break;
      case Bead::FirstDoubled:
        first_side = {line_of(0), line_of(1)};
        second_side.push_back(line_of(2));
        break;
      case Bead::SecondDoubled:
        first_side.push_back(line_of(0));
        second_side = {line_of(1), line_of(2)};
        break;
      default:
        continue;
    }
    const auto pair_index = static_cast<std::int32_t>(pair.index);
    for (const std::uint32_t line : first_side) {
      transcript.lines[line].kind = first_kind;
      transcript.lines[line].pair = pair_index;
    }
    for (const std::uint32_t line : second_side) {
      transcript.lines[line].kind = second_kind;
      transcript.lines[line].pair = pair_index;
    }
    transcript.pairs.push_back(std::move(pair));
  }
  return transcript;
}

}  // namespace detail

Transcript parse_transcript(const LineIndex& index, const CheckOptions& options) {
  std::vector<ScriptProfile> profiles(index.line_count());
  for (std::size_t line = 0; line < profiles.size(); ++line)
    profiles[line] = detail::profile_line(index.line_text(line));
  return detail::parse_transcript_with_profiles(index, options, std::move(profiles));
}

}  // namespace bitext
