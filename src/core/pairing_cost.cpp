#include "bitext/pairing_cost.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "bitext/script.hpp"
#include "bitext/segmentation.hpp"
#include "bitext/text.hpp"
#include "chars.hpp"

namespace bitext {
namespace {

// FNV-1a over `key`, continued from `h`: the hash of a + b is hash(b) continued from hash(a).
std::uint64_t continue_hash(std::uint64_t h, std::string_view key) {
  for (const char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

// Whether token i + 1 follows token i with at most one byte between (a space or a hyphen).
bool adjacent_next(std::span<const LatinToken> tokens, std::size_t i) {
  return i + 1 < tokens.size() && tokens[i + 1].begin <= tokens[i].end + 1;
}

// Each token's key hash, and joined with the next token's key where that is adjacent (0 where not).
void token_hashes(std::span<const LatinToken> tokens, std::vector<std::uint64_t>& hashes,
                  std::vector<std::uint64_t>& joined) {
  hashes.reserve(tokens.size());
  joined.reserve(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const LatinToken& token = tokens[i];
    const std::uint64_t h = token_key_hash(token.key);
    hashes.push_back(h);
    joined.push_back(adjacent_next(tokens, i) ? continue_hash(h, tokens[i + 1].key) : 0);
  }
}

// token_keys from the hashes token_hashes gives.
TokenKeys keys_of(std::span<const LatinToken> tokens, std::span<const std::uint64_t> hashes,
                  std::span<const std::uint64_t> joined) {
  TokenKeys keys;
  // Each list made at its size at once (they are kept for every line).
  std::size_t present = 0, names = 0, carried = 0;
  const auto is_name = [](const LatinToken& token) { return !(token.kind == TokenKind::Word && token.key.size() < 3); };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const LatinToken& token = tokens[i];
    if (token.key.empty()) continue;
    present += adjacent_next(tokens, i) ? 2 : 1;
    names += is_name(token) ? 1 : 0;
    carried += must_carry(token) ? 1 : 0;
  }
  keys.present.reserve(present);
  keys.names.reserve(names);
  keys.carried.reserve(carried);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const LatinToken& token = tokens[i];
    if (token.key.empty()) continue;
    const std::uint64_t h = hashes[i];
    keys.present.push_back(h);
    if (adjacent_next(tokens, i)) keys.present.push_back(joined[i]);
    if (is_name(token)) keys.names.push_back(h);  // the tokens compare_tokens looks for in the original
    if (must_carry(token)) keys.carried.push_back(h);
  }
  for (auto* list : {&keys.present, &keys.names, &keys.carried}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  return keys;
}

// A line that ends with the ellipsis ends a sentence as far as pairing goes.
bool is_sentence_mark(char32_t c) { return chars::is_sentence_end(c) || c == U'…'; }


std::size_t advance(std::string_view text, std::size_t offset) {
  const DecodedCodePoint decoded = decode_utf8(text, offset);
  return offset + std::max<std::size_t>(decoded.length, 1);
}

// Standard normal density without the constant (it cancels in the cost).
double kernel(double x, double sigma) { return std::exp(-0.5 * (x * x) / (sigma * sigma)) / sigma; }

constexpr double kTailWeight = 0.08;  // share of pairs translated freely enough to look odd
constexpr double kTailSigma = 3.5;

double mixture(double residual) {
  return (1 - kTailWeight) * kernel(residual, 1.0) + kTailWeight * kernel(residual, kTailSigma);
}


}  // namespace

namespace {

// A section number of two groups or more ("14.1.", "B.1.5.") inside a line,
// after a word and before more text or the line's end, starts a heading: a
// clause cut before it ("Security 14.1. Defining a Security Policy",
// "…本文档25.1.1."), which no punctuation offers. Added to `cuts` in order.
void add_label_cuts(std::string_view line, std::vector<CutPoint>& cuts) {
  if (line.find('.') == std::string_view::npos) return;  // most Chinese lines: no label to find
  bool added = false;
  for (std::size_t at = 1; at < line.size(); ++at) {
    if (!chars::is_ascii_digit(static_cast<unsigned char>(line[at])) ||
        chars::is_ascii_digit(static_cast<unsigned char>(line[at - 1])) || line[at - 1] == '.')
      continue;
    // The label: digit groups each ending in a full stop, two at least.
    std::size_t end = at;
    int groups = 0;
    while (end < line.size() && chars::is_ascii_digit(static_cast<unsigned char>(line[end]))) {
      while (end < line.size() && chars::is_ascii_digit(static_cast<unsigned char>(line[end]))) ++end;
      if (end >= line.size() || line[end] != '.') break;
      ++end;
      ++groups;
    }
    if (groups < 2 || (end < line.size() && line[end - 1] != '.')) continue;
    if (end < line.size() && line[end] != ' ') continue;
    // After a word: a Han character, or a letter and a space (a Latin word
    // glued to the number is its prefix: "Prev4.3.").
    std::size_t head_end = at;
    while (head_end > 0 && line[head_end - 1] == ' ') --head_end;
    if (head_end == 0) continue;
    const char32_t c = decode_utf8(line, code_point_start_before(line, head_end)).code_point;
    if (!(chars::is_ascii_letter(c) && head_end < at) && !chars::is_han(c)) continue;
    const bool known = std::any_of(cuts.begin(), cuts.end(),
                                   [&](const CutPoint& cut) { return cut.tail_begin == at || cut.head_end == head_end; });
    if (known) continue;
    cuts.push_back({head_end, at, 0, false, true});
    added = true;
    at = end;
  }
  if (added)
    std::sort(cuts.begin(), cuts.end(), [](const CutPoint& x, const CutPoint& y) { return x.head_end < y.head_end; });
}

// Where the head of a cut at `offset` ends: before the whitespace (ASCII and
// the CJK ideographic space) that precedes the boundary.
std::size_t head_end_before(std::string_view line, std::size_t offset) {
  std::size_t head_end = offset;
  while (head_end > 0) {
    if (line[head_end - 1] == ' ' || line[head_end - 1] == '\t') {
      --head_end;
    } else if (head_end >= 3 && line.substr(head_end - 3, 3) == "\u3000") {
      head_end -= 3;
    } else {
      break;
    }
  }
  return head_end;
}

// Cut points at sentence and clause boundaries (`boundaries`, find_boundaries')
// and before section labels (head_end, tail_begin and strength only); the
// whitespace between the parts belongs to neither.
std::vector<CutPoint> boundary_cuts(std::string_view line, const std::vector<Boundary>& boundaries) {
  std::vector<CutPoint> cuts;
  for (const Boundary& boundary : boundaries) {
    const std::size_t head_end = head_end_before(line, boundary.offset);
    if (head_end == 0) continue;
    cuts.push_back({head_end, boundary.offset, 0, boundary.strength == BoundaryStrength::Sentence});
  }
  add_label_cuts(line, cuts);
  return cuts;
}

// The features of the line's shape: length, spacing, sentence and question
// counts, how it ends and starts (line_outline and line_features agree on them).
void shape_features(std::string_view line, Script dominant, Script measure, int sentence_cuts, LineOutline& shape) {
  shape.spaced = dominant != Script::Han && dominant != Script::Japanese;
  shape.length = line_length(line, measure);
  std::size_t last_visible_end = 0;
  char32_t last_visible = 0;
  for (std::size_t at = 0; at < line.size();) {
    const DecodedCodePoint decoded = decode_utf8(line, at);
    at += std::max<std::size_t>(decoded.length, 1);
    if (decoded.code_point == U'?' || decoded.code_point == U'？') ++shape.questions;
    if (!chars::is_blank(decoded.code_point)) {
      last_visible = decoded.code_point;
      last_visible_end = at;
    }
  }
  shape.sentences = sentence_cuts + 1;
  shape.ends_sentence = last_visible_end > 0 && (is_sentence_mark(last_visible) || chars::is_closing_mark(last_visible));
  for (std::size_t at = 0; at < line.size(); at = advance(line, at)) {
    const char32_t c = decode_utf8(line, at).code_point;
    if (chars::is_blank(c)) continue;
    shape.starts_lower = c >= U'a' && c <= U'z';
    break;
  }
}

void copy_shape(const LineOutline& shape, LineFeatures& features) {
  features.length = shape.length;
  features.spaced = shape.spaced;
  features.sentences = shape.sentences;
  features.questions = shape.questions;
  features.ends_sentence = shape.ends_sentence;
  features.starts_lower = shape.starts_lower;
}

// Sentence offsets fit 32 bits on any line read_outline records them for.
bool offsets_fit(std::string_view line) { return line.size() <= UINT32_MAX; }

}  // namespace

LineOutline read_outline(std::string_view line, Script script, std::vector<std::uint32_t>& sentence_offsets) {
  LineOutline outline;
  outline.dominant = classify_script(line).dominant;
  const Script measure = script == Script::None ? outline.dominant : script;
  // The sentence cuts boundary_cuts would make, counted (label cuts are never
  // sentence cuts).
  int sentence_cuts = 0;
  for (const Boundary& boundary : find_sentence_boundaries(line, outline.dominant)) {
    sentence_cuts += head_end_before(line, boundary.offset) > 0 ? 1 : 0;
    if (offsets_fit(line)) sentence_offsets.push_back(static_cast<std::uint32_t>(boundary.offset));
  }
  shape_features(line, outline.dominant, measure, sentence_cuts, outline);
  return outline;
}

LineFeatures line_outline(std::string_view line, Script script) {
  LineFeatures features;
  std::vector<std::uint32_t> sentence_offsets;
  copy_shape(read_outline(line, script, sentence_offsets), features);
  return features;
}

namespace {

// The outline with the cut points measured (what line_features and
// line_cut_features share), from the line decoded once; from its outline
// when `known` is read_outline(line, script, ...) and `sentence_offsets` the offsets it appended.
void shape_and_cuts(std::string_view line, Script script, std::span<const CodePointSpan> code_points,
                    const LineOutline* known, std::span<const std::uint32_t> sentence_offsets,
                    LineFeatures& features) {
  const Script dominant = known ? known->dominant : classify_script(line).dominant;
  // Measured as a line of its side's script: a Chinese line that is mostly
  // commands and paths is still a translation, and measured as Latin text it
  // looks c times too long (docs/calibration.md, "Mixed-script lines").
  const Script measure = script == Script::None ? dominant : script;
  if (known) {
    features.cuts = boundary_cuts(line, find_boundaries(line, dominant, code_points, sentence_offsets));
    copy_shape(*known, features);
  } else {
    features.cuts = boundary_cuts(line, find_boundaries(line, dominant, code_points));
    const int sentence_cuts =
        int(std::count_if(features.cuts.begin(), features.cuts.end(), [](const CutPoint& cut) { return cut.sentence; }));
    LineOutline shape;
    shape_features(line, dominant, measure, sentence_cuts, shape);
    copy_shape(shape, features);
  }
  int before = 0;
  // Prefix lengths in one pass: the counts of [0, head_end) are those of the
  // previous prefix, the whitespace between, and the segment up to this cut.
  CharacterCounts prefix;
  std::size_t counted_to = 0;      // prefix covers [0, counted_to), counted_to = previous head_end
  std::size_t next_segment = 0;    // where the next segment's text starts (previous tail_begin)
  std::size_t questions_to = 0;    // question marks of [0, questions_to) are in `questions`
  int questions = 0;
  for (CutPoint& cut : features.cuts) {
    if (cut.head_end > next_segment) {
      const CharacterCounts segment = count_characters(line.substr(next_segment, cut.head_end - next_segment));
      for (std::size_t at = counted_to; at < next_segment; ++at)  // code points of the whitespace between
        prefix.spaces += (static_cast<unsigned char>(line[at]) & 0xC0) != 0x80 ? 1 : 0;
      prefix.cjk += segment.cjk;
      prefix.latin += segment.latin;
      prefix.punctuation += segment.punctuation;
      prefix.spaces += segment.spaces;
      prefix.invalid += segment.invalid;
      counted_to = cut.head_end;
      next_segment = cut.tail_begin;
    }
    cut.head_length = line_length(prefix, measure);
    // Question marks before the cut, counted on from the previous cut's.
    if (cut.head_end < questions_to) questions = 0, questions_to = 0;
    for (std::size_t at = questions_to; at < cut.head_end; ++at)
      questions += line[at] == '?' || (line[at] == '\xEF' && line.substr(at, 3) == "？") ? 1 : 0;
    questions_to = std::max(questions_to, cut.head_end);
    cut.head_questions = questions;
    cut.head_sentences = before + 1;
    cut.tail_sentences = features.sentences - before - (cut.sentence ? 1 : 0);
    before += cut.sentence ? 1 : 0;
  }
}

}  // namespace

LineFeatures line_cut_features(std::string_view line, Script script) {
  LineFeatures features;
  shape_and_cuts(line, script, decode_code_points(line), nullptr, {}, features);
  features.cuts.shrink_to_fit();
  return features;
}

CutPoint cut_at(const LineFeatures& features, std::string_view line, Script script, std::size_t head_end) {
  // Marks that end what precedes them stay with it, as no segment starts with
  // one: a cut the words place between "package" and ". dh_make …" moves past
  // the full stop. Only a run that ends the unit (a space or CJK text
  // follows; never the whole rest of the line), so that "http" | "://" is not stretched into the address.
  std::size_t past_marks = head_end;
  while (past_marks < line.size()) {
    const DecodedCodePoint decoded = decode_utf8(line, past_marks);
    const char32_t c = decoded.code_point;
    const bool ends_left = chars::is_sentence_end(c) || chars::is_clause_mark(c) || c == U'…' ||
                           (chars::is_closing_mark(c) && c != U'"' && c != U'\'');
    if (!ends_left) break;
    past_marks += std::max<std::size_t>(decoded.length, 1);
  }
  if (past_marks > head_end && past_marks < line.size()) {
    const char32_t next = decode_utf8(line, past_marks).code_point;
    if (chars::is_white_space(next) || chars::is_cjk(next)) head_end = past_marks;
  }
  CutPoint cut;
  cut.head_end = head_end_before(line, head_end);
  cut.tail_begin = head_end;
  while (cut.tail_begin < line.size() && (line[cut.tail_begin] == ' ' || line[cut.tail_begin] == '\t')) ++cut.tail_begin;
  const std::string_view head = line.substr(0, cut.head_end);
  const Script measure = script == Script::None ? classify_script(line).dominant : script;
  cut.head_length = line_length(head, measure);
  int before = 0;
  for (const CutPoint& other : features.cuts) before += other.sentence && other.head_end < cut.head_end ? 1 : 0;
  cut.head_sentences = before + 1;
  cut.tail_sentences = features.sentences - before;
  for (std::size_t at = 0; at < head.size(); ++at)
    cut.head_questions += head[at] == '?' || (head[at] == '\xEF' && head.substr(at, 3) == "？") ? 1 : 0;
  return cut;
}

namespace {

LineFeatures features_of(std::string_view line, Script script, const LineOutline* outline,
                         std::span<const std::uint32_t> sentence_offsets) {
  LineFeatures features;
  // One decode of the line for the boundaries, numbers and tokens.
  const std::vector<CodePointSpan> code_points = decode_code_points(line);
  shape_and_cuts(line, script, code_points, outline, sentence_offsets, features);
  features.numbers = scan_numbers(line, code_points);
  features.tokens = scan_tokens(line, code_points);
  token_hashes(features.tokens, features.token_hashes, features.joined_hashes);
  features.keys = keys_of(features.tokens, features.token_hashes, features.joined_hashes);

  // A full analysis holds the features of every line at once: the slack the
  // vectors grew with would be a third of its peak memory.
  features.numbers.shrink_to_fit();
  features.tokens.shrink_to_fit();
  features.cuts.shrink_to_fit();
  return features;
}

}  // namespace

LineFeatures line_features(std::string_view line, Script script) { return features_of(line, script, nullptr, {}); }

LineFeatures line_features(std::string_view line, Script script, const LineOutline& outline,
                           std::span<const std::uint32_t> sentence_offsets) {
  return features_of(line, script, offsets_fit(line) ? &outline : nullptr, sentence_offsets);
}

LengthRatioModel document_length_model(std::span<const LengthPair> pairs, Script translation, Script original) {
  LengthRatioModel model = fit_length_model(pairs, length_prior(translation, original)).model;
  // Rounded to about 1% (c) and 2% (s²).
  auto round_relative = [](double value, double step) {
    if (value <= 0) return value;
    return std::exp(std::round(std::log(value) / step) * step);
  };
  model.c = round_relative(model.c, 0.01);
  model.s2 = round_relative(model.s2, 0.02);
  return model;
}

double residual_cost(double delta) {
  const double residual = delta;
  static const double best = -std::log(mixture(0));
  return -std::log(mixture(residual)) - best;
}

std::uint64_t token_key_hash(std::string_view key) { return continue_hash(1469598103934665603ULL, key); }

SentenceCountModel fit_sentence_counts(std::span<const int> differences) {
  double counts[2 * kCountSpan + 1] = {};
  for (const int difference : differences)
    counts[std::clamp(difference, -kCountSpan, kCountSpan) + kCountSpan] += 1;
  const double total = double(differences.size()) + (2 * kCountSpan + 1);
  double best = 0;
  for (const double count : counts) best = std::max(best, count);
  SentenceCountModel model;
  for (int i = 0; i < 2 * kCountSpan + 1; ++i) {
    const double cost = std::log((best + 1) / total) * -1.0 + std::log((counts[i] + 1) / total);
    model.cost[i] = std::round(-cost * 4) / 4;
  }
  return model;
}

TokenKeys token_keys(std::span<const LatinToken> tokens) {
  std::vector<std::uint64_t> hashes, joined;
  token_hashes(tokens, hashes, joined);
  return keys_of(tokens, hashes, joined);
}

LexicalCheck check_lexical(std::span<const NumberMention> translation_numbers,
                           std::span<const NumberMention> original_numbers, const TokenKeys& translation_keys,
                           const TokenKeys& original_keys) {
  LexicalCheck check;
  if (!translation_numbers.empty() || !original_numbers.empty()) {
    const NumberMatchCounts numbers = count_number_matches(translation_numbers, original_numbers);
    check.unmatched_numbers = static_cast<int>(numbers.unmatched);
    check.matched_numbers = static_cast<int>(numbers.matched);
  }
  for (const std::uint64_t key : translation_keys.names) {
    if (std::binary_search(original_keys.present.begin(), original_keys.present.end(), key)) ++check.matched_tokens;
    else ++check.unmatched_tokens;
  }
  for (const std::uint64_t key : original_keys.carried) {
    if (std::binary_search(translation_keys.present.begin(), translation_keys.present.end(), key)) ++check.matched_tokens;
    else ++check.unmatched_tokens;
  }
  return check;
}

double lexical_cost(const LexicalCheck& check) {
  return 3.0 * check.unmatched_numbers - 1.0 * check.matched_numbers + 1.5 * check.unmatched_tokens -
         0.5 * check.matched_tokens;
}

}  // namespace bitext
