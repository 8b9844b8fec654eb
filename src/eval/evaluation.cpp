#include "eval/evaluation.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <utility>

#include "bitext/finding.hpp"
#include "bitext/numbers.hpp"
#include "bitext/script.hpp"
#include "bitext/text.hpp"
#include "core/chars.hpp"

namespace bitext {
namespace {

constexpr std::array<ErrorKind, kErrorKindCount> kAllKinds = {
    ErrorKind::DeletedLine,  ErrorKind::DuplicatedLine,       ErrorKind::SplitLine,
    ErrorKind::SwappedOrder, ErrorKind::Untranslated,         ErrorKind::TruncatedTranslation,
    ErrorKind::ChangedNumber, ErrorKind::Drift,               ErrorKind::ShiftedBlock,
};

constexpr std::string_view kDeletedCodes[] = {"missing-translation", "missing-original"};
constexpr std::string_view kDuplicatedCodes[] = {"duplicate-line"};
constexpr std::string_view kSplitCodes[] = {"split-line"};
constexpr std::string_view kSwappedCodes[] = {"swapped-order"};
constexpr std::string_view kUntranslatedCodes[] = {"untranslated"};
constexpr std::string_view kTruncatedCodes[] = {"length-outlier"};
constexpr std::string_view kNumberCodes[] = {"number-mismatch"};
constexpr std::string_view kDriftCodes[] = {"boundary-drift"};
constexpr std::string_view kShiftedCodes[] = {"shifted-block"};

// Findings this many lines before or after the injected lines still point at it
// (one pair each way).
constexpr std::size_t kLineTolerance = 2;

bool is_spaced(std::string_view line) {
  const Script script = classify_script(line).dominant;
  return script != Script::Han && script != Script::Japanese;
}

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    at += std::max<std::size_t>(decoded.length, 1);
    ++count;
  }
  return count;
}

using chars::is_sentence_end;
bool is_closer(char32_t c) { return chars::is_closing_mark(c); }
bool is_clause_end(char32_t c) {
  return is_sentence_end(c) || c == U',' || c == U'，' || c == U';' || c == U'；' || c == U'、' ||
         c == U':' || c == U'：';
}
bool is_lower_ascii(char32_t c) { return c >= U'a' && c <= U'z'; }
bool is_digit_ascii(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || chars::is_han(c) || (c >= 0x00C0 && c < 0x2000);
}

// Line number of one side of pair `pair` in the rendered document.
std::size_t line_of_side(const CleanDocument& document, std::size_t pair, bool translation) {
  const bool first = translation == document.translation_first;
  return document.front.size() + 2 * pair + (first ? 0 : 1);
}

std::vector<std::string> lines_of(const CleanDocument& document) {
  std::vector<std::string> lines = document.front;
  for (const CleanPair& pair : document.pairs) {
    if (document.translation_first) {
      lines.push_back(pair.translation);
      lines.push_back(pair.original);
    } else {
      lines.push_back(pair.original);
      lines.push_back(pair.translation);
    }
  }
  lines.insert(lines.end(), document.back.begin(), document.back.end());
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines, bool final_newline) {
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) text += '\n';
    text += lines[i];
  }
  if (final_newline && !lines.empty()) text += '\n';
  return text;
}

std::string& side_of(CleanPair& pair, bool translation) { return translation ? pair.translation : pair.original; }
const std::string& side_of(const CleanPair& pair, bool translation) {
  return translation ? pair.translation : pair.original;
}

std::string side_name(bool translation) { return translation ? "translation" : "original"; }

template <typename T>
const T& pick(const std::vector<T>& candidates, EvalRandom& random) {
  return candidates[random.below(candidates.size())];
}

Injection finish(const CleanDocument& document, ErrorKind kind, std::vector<std::string> lines,
                 std::size_t first_line, std::size_t last_line, std::size_t pair, std::string description) {
  Injection injection;
  injection.kind = kind;
  injection.text = join_lines(lines, document.final_newline);
  injection.first_line = first_line;
  injection.last_line = last_line;
  injection.pair = pair;
  injection.description = std::string(error_kind_name(kind)) + ": " + description + " [" + document.name + "]";
  return injection;
}

std::optional<Injection> inject_deleted(const CleanDocument& document, EvalRandom& random) {
  if (document.pairs.empty()) return std::nullopt;
  const std::size_t pair = random.below(document.pairs.size());
  const bool translation = random.chance(1, 2);
  std::vector<std::string> lines = lines_of(document);
  const std::size_t line = line_of_side(document, pair, translation);
  lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(line));
  const std::size_t partner = line_of_side(document, pair, !translation);
  const std::size_t first = partner < line ? partner : partner - 1;
  return finish(document, ErrorKind::DeletedLine, std::move(lines), first, first, pair,
                "deleted the " + side_name(translation) + " of pair " + std::to_string(pair + 1));
}

std::optional<Injection> inject_duplicated(const CleanDocument& document, EvalRandom& random) {
  if (document.pairs.empty()) return std::nullopt;
  const std::size_t pair = random.below(document.pairs.size());
  const bool translation = random.chance(1, 2);
  std::vector<std::string> lines = lines_of(document);
  const std::size_t line = line_of_side(document, pair, translation);
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(line) + 1, lines[line]);
  return finish(document, ErrorKind::DuplicatedLine, std::move(lines), line, line + 1, pair,
                "duplicated the " + side_name(translation) + " of pair " + std::to_string(pair + 1));
}

struct LineCut {
  std::size_t pair = 0;
  bool translation = true;
  std::size_t part = 0;  // the cut is before sentence part `part`
};

std::optional<Injection> inject_split(const CleanDocument& document, EvalRandom& random) {
  std::vector<LineCut> cuts;
  for (std::size_t p = 0; p < document.pairs.size(); ++p) {
    for (const bool translation : {true, false}) {
      const auto parts = injection_sentences(side_of(document.pairs[p], translation));
      for (std::size_t k = 1; k < parts.size(); ++k) cuts.push_back({p, translation, k});
    }
  }
  if (cuts.empty()) return std::nullopt;
  const LineCut cut = pick(cuts, random);
  const std::string& text = side_of(document.pairs[cut.pair], cut.translation);
  const auto parts = injection_sentences(text);
  std::vector<std::string> lines = lines_of(document);
  const std::size_t line = line_of_side(document, cut.pair, cut.translation);
  // The separator (one space, or nothing) is dropped: the line end replaces it.
  lines[line] = text.substr(0, parts[cut.part - 1].end);
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(line) + 1, text.substr(parts[cut.part].begin));
  const bool label = is_number_label(text.substr(parts[cut.part - 1].begin, parts[cut.part - 1].end - parts[cut.part - 1].begin));
  Injection injection = finish(document, ErrorKind::SplitLine, std::move(lines), line, line + 1, cut.pair,
                               "split the " + side_name(cut.translation) + " of pair " + std::to_string(cut.pair + 1) +
                                   " before sentence " + std::to_string(cut.part + 1) + (label ? " (number label)" : ""));
  injection.label_cut = label;
  return injection;
}

std::optional<Injection> inject_swapped(const CleanDocument& document, EvalRandom& random) {
  if (document.pairs.empty()) return std::nullopt;
  const std::size_t pair = random.below(document.pairs.size());
  std::vector<std::string> lines = lines_of(document);
  const std::size_t first = document.front.size() + 2 * pair;
  std::swap(lines[first], lines[first + 1]);
  return finish(document, ErrorKind::SwappedOrder, std::move(lines), first, first + 1, pair,
                "swapped the lines of pair " + std::to_string(pair + 1));
}

std::optional<Injection> inject_untranslated(const CleanDocument& document, EvalRandom& random) {
  if (document.pairs.empty()) return std::nullopt;
  const std::size_t pair = random.below(document.pairs.size());
  std::vector<std::string> lines = lines_of(document);
  const std::size_t line = line_of_side(document, pair, true);
  lines[line] = document.pairs[pair].original;
  return finish(document, ErrorKind::Untranslated, std::move(lines), line, line, pair,
                "replaced the translation of pair " + std::to_string(pair + 1) + " by its original");
}

std::optional<Injection> inject_truncated(const CleanDocument& document, EvalRandom& random) {
  struct Cut {
    std::size_t pair;
    std::size_t end;
  };
  std::vector<Cut> cuts;
  for (std::size_t p = 0; p < document.pairs.size(); ++p) {
    const std::string& line = document.pairs[p].translation;
    const std::size_t total = code_points(line);
    if (total < 16) continue;
    std::size_t seen = 0;
    bool words = false;  // a letter before the cut: what is kept is a clause, not a number label
    for (std::size_t at = 0; at < line.size();) {
      const DecodedCodePoint decoded = decode_utf8(line, at);
      at += std::max<std::size_t>(decoded.length, 1);
      ++seen;
      words = words || is_letter(decoded.code_point);
      if (!is_clause_end(decoded.code_point) || at >= line.size() || !words) continue;
      // A mark followed by a digit is inside a number ("16.140", "1,000"), not at a clause end.
      if (is_digit_ascii(decode_utf8(line, at).code_point)) continue;
      if (seen * 10 >= total * 3 && seen * 10 <= total * 6) cuts.push_back({p, at});
    }
  }
  if (cuts.empty()) return std::nullopt;
  const Cut cut = pick(cuts, random);
  std::vector<std::string> lines = lines_of(document);
  const std::size_t line = line_of_side(document, cut.pair, true);
  lines[line] = document.pairs[cut.pair].translation.substr(0, cut.end);
  return finish(document, ErrorKind::TruncatedTranslation, std::move(lines), line, line, cut.pair,
                "cut the translation of pair " + std::to_string(cut.pair + 1) + " after byte " +
                    std::to_string(cut.end));
}

std::optional<Injection> inject_number(const CleanDocument& document, EvalRandom& random) {
  struct Change {
    std::size_t pair;
    bool translation;
    std::size_t digit;  // byte offset of the leading digit to change
  };
  std::vector<Change> changes;
  for (std::size_t p = 0; p < document.pairs.size(); ++p) {
    const CleanPair& pair = document.pairs[p];
    const auto t = scan_numbers(pair.translation);
    const auto o = scan_numbers(pair.original);
    const NumberComparison comparison = compare_numbers(t, o);
    if (!comparison.consistent()) continue;  // already odd: an injection here would be ambiguous
    for (const bool translation : {true, false}) {
      const std::string& line = side_of(pair, translation);
      const auto& mine = translation ? t : o;
      const auto& theirs = translation ? o : t;
      for (const NumberMention& mention : mine) {
        if (!mention.strong || mention.notation == NumberNotation::Chinese ||
            mention.notation == NumberNotation::Words)
          continue;
        const bool has_counterpart = std::any_of(theirs.begin(), theirs.end(), [&](const NumberMention& other) {
          return match_numbers(mention, other) != NumberMatch::None;
        });
        if (!has_counterpart) continue;
        for (std::size_t at = mention.begin; at < mention.end; ++at) {
          if (line[at] >= '1' && line[at] <= '9') {
            changes.push_back({p, translation, at});
            break;
          }
        }
      }
    }
  }
  if (changes.empty()) return std::nullopt;
  const Change change = pick(changes, random);
  std::vector<std::string> lines = lines_of(document);
  const std::size_t line = line_of_side(document, change.pair, change.translation);
  const int old_digit = lines[line][change.digit] - '0';
  const int new_digit = 1 + static_cast<int>((static_cast<std::size_t>(old_digit - 1) + 1 + random.below(8)) % 9);
  lines[line][change.digit] = static_cast<char>('0' + new_digit);
  return finish(document, ErrorKind::ChangedNumber, std::move(lines), line, line, change.pair,
                "changed digit " + std::to_string(old_digit) + " to " + std::to_string(new_digit) + " in the " +
                    side_name(change.translation) + " of pair " + std::to_string(change.pair + 1));
}

std::optional<Injection> inject_drift(const CleanDocument& document, EvalRandom& random) {
  struct Move {
    std::size_t pair;     // the sentence moves between pair and pair + 1
    bool translation;
    bool forward;         // the last sentence of `pair` moves to the start of `pair + 1`
  };
  std::vector<Move> moves;
  auto movable = [](std::string_view line, const std::vector<SentencePart>& parts, bool last) {
    if (parts.size() < 2) return false;
    const SentencePart& part = last ? parts.back() : parts.front();
    return (part.end - part.begin) * 10 <= line.size() * 6;  // a real drift moves a part, not most of a line
  };
  for (std::size_t p = 0; p + 1 < document.pairs.size(); ++p) {
    for (const bool translation : {true, false}) {
      const std::string& here = side_of(document.pairs[p], translation);
      const std::string& next = side_of(document.pairs[p + 1], translation);
      if (movable(here, injection_sentences(here), true)) moves.push_back({p, translation, true});
      if (movable(next, injection_sentences(next), false)) moves.push_back({p, translation, false});
    }
  }
  if (moves.empty()) return std::nullopt;
  const Move move = pick(moves, random);
  CleanDocument changed = document;
  std::string& here = side_of(changed.pairs[move.pair], move.translation);
  std::string& next = side_of(changed.pairs[move.pair + 1], move.translation);
  const std::string separator = is_spaced(here) ? " " : "";
  std::string description;
  bool label = false;  // the moved part or the part left behind is a number label
  auto part_text = [](const std::string& line, const SentencePart& part) {
    return std::string_view(line).substr(part.begin, part.end - part.begin);
  };
  if (move.forward) {
    const auto parts = injection_sentences(here);
    label = is_number_label(part_text(here, parts.back())) || (parts.size() == 2 && is_number_label(part_text(here, parts[0])));
    const std::string moved = here.substr(parts.back().begin);
    here.resize(parts[parts.size() - 2].end);
    next = moved + separator + next;
    description = "moved the last sentence of the " + side_name(move.translation) + " of pair " +
                  std::to_string(move.pair + 1) + " to the start of pair " + std::to_string(move.pair + 2);
  } else {
    const auto parts = injection_sentences(next);
    label = is_number_label(part_text(next, parts.front())) || (parts.size() == 2 && is_number_label(part_text(next, parts[1])));
    const std::string moved = next.substr(0, parts.front().end);
    next.erase(0, parts[1].begin);
    here += separator + moved;
    description = "moved the first sentence of the " + side_name(move.translation) + " of pair " +
                  std::to_string(move.pair + 2) + " to the end of pair " + std::to_string(move.pair + 1);
  }
  const std::size_t first = line_of_side(document, move.pair, move.translation);
  const std::size_t last = line_of_side(document, move.pair + 1, move.translation);
  if (label) description += " (number label)";
  Injection injection =
      finish(document, ErrorKind::Drift, lines_of(changed), first, last, move.pair, std::move(description));
  injection.label_cut = label;
  return injection;
}

std::optional<Injection> inject_shifted(const CleanDocument& document, EvalRandom& random) {
  const std::size_t n = document.pairs.size();
  if (n < 2) return std::nullopt;
  const std::size_t length = std::min<std::size_t>(2 + random.below(4), n);
  const std::size_t first = random.below(n - length + 1);
  const bool translation = random.chance(1, 2);
  const bool left = random.chance(1, 2);
  CleanDocument changed = document;
  for (std::size_t i = 0; i < length; ++i) {
    const std::size_t from = left ? first + (i + 1) % length : first + (i + length - 1) % length;
    side_of(changed.pairs[first + i], translation) = side_of(document.pairs[from], translation);
    if (side_of(changed.pairs[first + i], translation) == side_of(document.pairs[first + i], translation))
      return std::nullopt;  // equal lines: the rotation would change nothing there
  }
  const std::size_t first_line = document.front.size() + 2 * first;
  const std::size_t last_line = first_line + 2 * length - 1;
  return finish(document, ErrorKind::ShiftedBlock, lines_of(changed), first_line, last_line, first,
                "rotated the " + side_name(translation) + "s of pairs " + std::to_string(first + 1) + "-" +
                    std::to_string(first + length) + (left ? " left" : " right"));
}

// Key of a finding that survives an injection elsewhere: its code and the
// text of the line it starts on.
std::string finding_key(const Finding& finding, const LineIndex& index) {
  return finding.code + '\x1f' + std::string(index.line_text(index.line_of(finding.begin)));
}

bool is_warning(const Finding& finding) { return finding.severity <= Severity::Warning; }
bool is_reported(const Finding& finding) { return finding.severity <= Severity::Information; }

// Why an injection was missed, from what the analysis did report: the right
// code below the severity that counts, the right code on another pair, another
// code at the place (which one), a hint of another code, or nothing at all.
std::string miss_class(std::span<const Finding> findings, std::span<const std::string_view> codes,
                       const std::function<bool(const Finding&)>& near) {
  auto accepted = [&](const Finding& finding) {
    return std::find(codes.begin(), codes.end(), finding.code) != codes.end();
  };
  const Finding* other = nullptr;
  const Finding* other_hint = nullptr;
  bool hint = false, elsewhere = false;
  for (const Finding& finding : findings) {
    if (accepted(finding)) {
      if (near(finding)) hint = true;  // not reported, or it would have been detected
      else if (is_reported(finding)) elsewhere = true;
    } else if (near(finding)) {
      const Finding*& slot = is_reported(finding) ? other : other_hint;
      if (!slot || finding.severity < slot->severity) slot = &finding;
    }
  }
  if (hint) return "right code, hint";
  if (elsewhere) return "right code, another pair";
  if (other) return "other code: " + other->code + " (" + std::string(severity_name(other->severity)) + ")";
  if (other_hint) return "other code as hint: " + other_hint->code;
  return "no finding";
}

}  // namespace

std::string_view error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::DeletedLine: return "deleted-line";
    case ErrorKind::DuplicatedLine: return "duplicated-line";
    case ErrorKind::SplitLine: return "split-line";
    case ErrorKind::SwappedOrder: return "swapped-order";
    case ErrorKind::Untranslated: return "untranslated";
    case ErrorKind::TruncatedTranslation: return "truncated";
    case ErrorKind::ChangedNumber: return "changed-number";
    case ErrorKind::Drift: return "drift";
    case ErrorKind::ShiftedBlock: return "shifted-block";
  }
  return "unknown";
}

std::optional<ErrorKind> parse_error_kind(std::string_view name) {
  for (const ErrorKind kind : kAllKinds)
    if (error_kind_name(kind) == name) return kind;
  return std::nullopt;
}

std::span<const ErrorKind> all_error_kinds() { return kAllKinds; }

bool is_structural(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::DeletedLine:
    case ErrorKind::DuplicatedLine:
    case ErrorKind::SplitLine:
    case ErrorKind::SwappedOrder:
    case ErrorKind::Untranslated:
      return true;
    default:
      return false;
  }
}

bool fix_restores(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::DuplicatedLine:
    case ErrorKind::SplitLine:
    case ErrorKind::SwappedOrder:
    case ErrorKind::Drift:
    case ErrorKind::ShiftedBlock:
      return true;
    default:
      return false;
  }
}

std::span<const std::string_view> accepted_codes(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::DeletedLine: return kDeletedCodes;
    case ErrorKind::DuplicatedLine: return kDuplicatedCodes;
    case ErrorKind::SplitLine: return kSplitCodes;
    case ErrorKind::SwappedOrder: return kSwappedCodes;
    case ErrorKind::Untranslated: return kUntranslatedCodes;
    case ErrorKind::TruncatedTranslation: return kTruncatedCodes;
    case ErrorKind::ChangedNumber: return kNumberCodes;
    case ErrorKind::Drift: return kDriftCodes;
    case ErrorKind::ShiftedBlock: return kShiftedCodes;
  }
  return {};
}

std::string render(const CleanDocument& document) {
  return join_lines(lines_of(document), document.final_newline);
}

std::optional<CleanDocument> clean_document_of(const Analysis& analysis, std::string name) {
  const Transcript& transcript = analysis.transcript();
  const LineIndex& index = analysis.index();
  if (transcript.pairs.empty()) return std::nullopt;
  CleanDocument document;
  document.name = std::move(name);
  document.translation_first = transcript.order != LineOrder::OriginalFirst;
  for (const std::uint32_t line : transcript.front_matter) document.front.emplace_back(index.line_text(line));
  for (const Pair& pair : transcript.pairs) {
    if (pair.translation.size() != 1 || pair.original.size() != 1) return std::nullopt;
    document.pairs.push_back({std::string(index.line_text(pair.translation[0])),
                              std::string(index.line_text(pair.original[0]))});
  }
  for (const std::uint32_t line : transcript.back_matter) document.back.emplace_back(index.line_text(line));
  const std::string& text = analysis.text();
  document.final_newline = !text.empty() && text.back() == '\n';
  if (render(document) != text) return std::nullopt;
  return document;
}

TsvCorpus documents_from_tsv(std::string_view tsv, std::size_t pairs_per_document, bool across_sources) {
  TsvCorpus corpus;
  pairs_per_document = std::max<std::size_t>(pairs_per_document, 2);
  CleanDocument current;
  std::string current_source;
  auto flush = [&] {
    if (current.pairs.size() >= 2) corpus.documents.push_back(std::move(current));
    current = CleanDocument{};
  };
  std::size_t at = 0;
  while (at < tsv.size()) {
    std::size_t end = tsv.find('\n', at);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view row = tsv.substr(at, end - at);
    at = end + 1;
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (row.empty()) continue;
    const std::size_t tab1 = row.find('\t');
    const std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : row.find('\t', tab1 + 1);
    if (tab1 == std::string_view::npos) {
      ++corpus.skipped_malformed;
      continue;
    }
    const std::string_view zh = row.substr(0, tab1);
    const std::string_view en = row.substr(tab1 + 1, tab2 == std::string_view::npos ? row.npos : tab2 - tab1 - 1);
    const std::string_view source = tab2 == std::string_view::npos ? std::string_view() : row.substr(tab2 + 1);
    if (zh.empty() || en.empty()) {
      ++corpus.skipped_malformed;
      continue;
    }
    // A translation that is mostly Latin (commands, paths, UI labels with a
    // few Chinese words) is a Chinese line of the document like any other and
    // is kept; one without a single Chinese character is an untranslated
    // paragraph, which the checks rightly report, so it cannot be clean text.
    bool has_han = false;
    for (std::size_t k = 0; k < zh.size() && !has_han;) {
      const DecodedCodePoint decoded = decode_utf8(zh, k);
      has_han = decoded.valid && chars::is_han(decoded.code_point);
      k += std::max<std::size_t>(decoded.length, 1);
    }
    if (!has_han) {
      ++corpus.skipped_latin;
      continue;
    }
    if ((source != current_source && !across_sources) || current.pairs.size() >= pairs_per_document) {
      flush();
      current_source = std::string(source);
    }
    if (current.name.empty())
      current.name = std::string(source) + "#" + std::to_string(corpus.documents.size() + 1);
    current.pairs.push_back({std::string(zh), std::string(en)});
  }
  flush();
  return corpus;
}

std::size_t EvalRandom::below(std::size_t bound) {
  if (bound <= 1) return 0;
  // Rejection sampling over the 32-bit output: no modulo bias, same on every library.
  const std::uint64_t range = std::uint64_t{1} << 32;
  const std::uint64_t limit = range - range % bound;
  for (;;) {
    const std::uint64_t value = engine_();
    if (value < limit) return static_cast<std::size_t>(value % bound);
  }
}

std::vector<SentencePart> injection_sentences(std::string_view line) {
  std::vector<SentencePart> parts;
  std::size_t begin = 0;
  std::size_t at = 0;
  while (at < line.size()) {
    const DecodedCodePoint decoded = decode_utf8(line, at);
    at += std::max<std::size_t>(decoded.length, 1);
    if (!is_sentence_end(decoded.code_point)) continue;
    // Runs of end marks and closing quotes stay with the sentence.
    while (at < line.size()) {
      const DecodedCodePoint next = decode_utf8(line, at);
      if (!is_sentence_end(next.code_point) && !is_closer(next.code_point)) break;
      at += std::max<std::size_t>(next.length, 1);
    }
    if (at >= line.size()) break;
    const DecodedCodePoint next = decode_utf8(line, at);
    if (next.code_point == U' ') {
      // One space, then a sentence start (not a lower-case word, not another space).
      if (at + 1 >= line.size()) break;
      const DecodedCodePoint after = decode_utf8(line, at + 1);
      if (after.code_point == U' ' || is_lower_ascii(after.code_point)) continue;
      parts.push_back({begin, at});
      begin = at + 1;
      at = begin;
    } else if (next.code_point >= 0x2E80 && decoded.code_point != U'.') {
      // CJK text: no space between sentences ("。" or "?" then Han).
      parts.push_back({begin, at});
      begin = at;
    } else if (is_digit_ascii(next.code_point) || next.code_point < 0x80) {
      continue;  // "1.6", "e.g.x", "?!" inside a token
    }
  }
  if (begin < line.size()) parts.push_back({begin, line.size()});
  return parts;
}

bool is_number_label(std::string_view part) {
  std::size_t at = 0;
  std::size_t runs = 0;
  bool in_run = false;
  while (at < part.size()) {
    const DecodedCodePoint decoded = decode_utf8(part, at);
    if (is_digit_ascii(decoded.code_point)) break;
    const bool letter = is_letter(decoded.code_point);
    if (letter && !in_run) ++runs;
    in_run = letter;
    if (!letter && decoded.code_point != U' ') return false;
    at += std::max<std::size_t>(decoded.length, 1);
  }
  if (runs > 1 || at >= part.size()) return false;
  // digits and dots to the end, the last a full stop after a digit
  if (part.size() - at < 2 || part.back() != '.' || !is_digit_ascii(static_cast<unsigned char>(part[part.size() - 2])))
    return false;
  for (; at < part.size(); ++at)
    if (!is_digit_ascii(static_cast<unsigned char>(part[at])) && part[at] != '.') return false;
  return true;
}

std::optional<Injection> inject(const CleanDocument& document, ErrorKind kind, EvalRandom& random) {
  switch (kind) {
    case ErrorKind::DeletedLine: return inject_deleted(document, random);
    case ErrorKind::DuplicatedLine: return inject_duplicated(document, random);
    case ErrorKind::SplitLine: return inject_split(document, random);
    case ErrorKind::SwappedOrder: return inject_swapped(document, random);
    case ErrorKind::Untranslated: return inject_untranslated(document, random);
    case ErrorKind::TruncatedTranslation: return inject_truncated(document, random);
    case ErrorKind::ChangedNumber: return inject_number(document, random);
    case ErrorKind::Drift: return inject_drift(document, random);
    case ErrorKind::ShiftedBlock: return inject_shifted(document, random);
  }
  return std::nullopt;
}

std::size_t EvaluationReport::clean_pairs() const {
  std::size_t total = 0;
  for (const DocumentBaseline& baseline : baselines)
    if (!baseline.reference) total += baseline.pairs;
  return total;
}

std::size_t EvaluationReport::clean_warnings() const {
  std::size_t total = 0;
  for (const DocumentBaseline& baseline : baselines)
    if (!baseline.reference) total += baseline.warnings;
  return total;
}

double EvaluationReport::clean_warnings_per_100_pairs() const {
  const std::size_t pairs = clean_pairs();
  return pairs ? 100.0 * double(clean_warnings()) / double(pairs) : 0.0;
}

double EvaluationReport::recall(bool structural) const {
  std::size_t injected = 0, detected = 0;
  for (const ErrorKind kind : kAllKinds) {
    if (is_structural(kind) != structural) continue;
    injected += kinds[static_cast<std::size_t>(kind)].injected;
    detected += kinds[static_cast<std::size_t>(kind)].detected;
  }
  return injected ? double(detected) / double(injected) : 1.0;
}

double EvaluationReport::min_recall(bool structural) const {
  double lowest = 1.0;
  for (const ErrorKind kind : kAllKinds) {
    const KindScore& score = kinds[static_cast<std::size_t>(kind)];
    if (is_structural(kind) == structural && score.injected) lowest = std::min(lowest, score.recall());
  }
  return lowest;
}

double EvaluationReport::restored_share() const {
  std::size_t restorable = 0, restored = 0;
  for (const ErrorKind kind : kAllKinds) {
    restorable += kinds[static_cast<std::size_t>(kind)].restorable;
    restored += kinds[static_cast<std::size_t>(kind)].restored;
  }
  return restorable ? double(restored) / double(restorable) : 1.0;
}

DocumentSubset EvaluationReport::documents_of_at_least(std::size_t min_pairs) const {
  DocumentSubset subset;
  subset.min_pairs = min_pairs;
  for (const DocumentBaseline& baseline : baselines) {
    if (baseline.reference || baseline.pairs < min_pairs) continue;
    ++subset.documents;
    subset.pairs += baseline.pairs;
    subset.new_warnings += baseline.new_warnings;
    subset.true_warnings += baseline.true_warnings;
    for (std::size_t k = 0; k < kErrorKindCount; ++k) {
      KindScore& into = subset.kinds[k];
      const KindScore& from = baseline.kinds[k];
      into.injected += from.injected;
      into.detected += from.detected;
      into.warned += from.warned;
      into.restorable += from.restorable;
      into.restored += from.restored;
      into.restored_any += from.restored_any;
      into.label_injected += from.label_injected;
      into.label_detected += from.label_detected;
    }
  }
  return subset;
}

double DocumentSubset::restored_share() const {
  std::size_t restorable = 0, restored = 0;
  for (const ErrorKind kind :
       {ErrorKind::Drift, ErrorKind::SwappedOrder, ErrorKind::SplitLine, ErrorKind::DuplicatedLine}) {
    restorable += kinds[static_cast<std::size_t>(kind)].restorable;
    restored += kinds[static_cast<std::size_t>(kind)].restored;
  }
  return restorable ? double(restored) / double(restorable) : 1.0;
}

EvaluationReport evaluate(std::span<const EvaluationDocument> documents, const EvaluationSettings& settings) {
  EvaluationReport report;
  EvalRandom random(settings.seed);
  const std::vector<ErrorKind> kinds =
      settings.kinds.empty() ? std::vector<ErrorKind>(kAllKinds.begin(), kAllKinds.end()) : settings.kinds;
  for (const EvaluationDocument& entry : documents) {
    const CleanDocument& document = entry.document;
    const std::string clean_text = render(document);
    const auto clean = Analysis::run(clean_text, settings.options);
    DocumentBaseline baseline;
    baseline.name = document.name;
    baseline.pairs = document.pairs.size();
    baseline.reference = entry.reference;
    std::map<std::string, std::size_t> baseline_keys;
    for (const Finding& finding : clean->findings()) {
      ++baseline_keys[finding_key(finding, clean->index())];
      if (is_warning(finding)) ++baseline.warnings;
      else if (finding.severity == Severity::Information) ++baseline.informations;
      if (is_reported(finding)) baseline.findings.push_back(finding);
    }
    report.baselines.push_back(std::move(baseline));
    DocumentBaseline& document_baseline = report.baselines.back();
    auto& document_scores = document_baseline.kinds;

    for (const ErrorKind kind : kinds) {
      KindScore& score = report.kinds[static_cast<std::size_t>(kind)];
      KindScore& document_score = document_scores[static_cast<std::size_t>(kind)];
      const auto codes = accepted_codes(kind);
      std::size_t done = 0;
      for (std::size_t attempt = 0; done < settings.trials && attempt < settings.trials * 4; ++attempt) {
        const std::optional<Injection> injection = inject(document, kind, random);
        if (!injection) continue;
        ++done;
        ++score.injected;
        ++document_score.injected;
        if (injection->label_cut) {
          ++score.label_injected;
          ++document_score.label_injected;
        }
        const auto analysis = Analysis::run(injection->text, settings.options);
        const LineIndex& index = analysis->index();
        const std::size_t low = injection->first_line >= kLineTolerance ? injection->first_line - kLineTolerance : 0;
        const std::size_t high = injection->last_line + kLineTolerance;
        auto near = [&](const Finding& finding) {
          const std::size_t line = index.line_of(finding.begin);
          return line >= low && line <= high;
        };
        std::map<std::string, std::size_t> remaining = baseline_keys;
        const Finding* detector = nullptr;
        bool warned = false;
        for (const Finding& finding : analysis->findings()) {
          auto key = remaining.find(finding_key(finding, index));
          const bool old = key != remaining.end() && key->second > 0;
          if (old) --key->second;
          const bool accepted = std::find(codes.begin(), codes.end(), finding.code) != codes.end();
          if (accepted && near(finding) && is_reported(finding)) {
            if (!detector || finding.confidence > detector->confidence ||
                (is_warning(finding) && !is_warning(*detector)))
              detector = &finding;
            warned = warned || is_warning(finding);
          }
          if (old) continue;
          if (is_warning(finding)) {
            ++report.new_warnings;
            ++document_baseline.new_warnings;
            if (near(finding)) {
              ++report.true_warnings;
              ++document_baseline.true_warnings;
            } else {
              report.false_alarms.push_back(injection->description + " -> line " +
                                            std::to_string(index.line_of(finding.begin) + 1) + " [" +
                                            finding.code + "] " + finding.message);
            }
          } else if (finding.severity == Severity::Information) {
            ++report.new_informations;
          }
        }
        if (!detector) {
          const std::string why = miss_class(analysis->findings(), codes, near);
          ++report.miss_classes[static_cast<std::size_t>(kind)][why];
          report.misses.push_back(injection->description + " {" + why + "}");
          if (settings.keep_miss_texts) report.miss_texts.push_back(injection->text);
          continue;
        }
        ++score.detected;
        ++document_score.detected;
        if (injection->label_cut) {
          ++score.label_detected;
          ++document_score.label_detected;
        }
        if (warned) {
          ++score.warned;
          ++document_score.warned;
        }
        if (!fix_restores(kind)) continue;
        ++score.restorable;
        ++document_score.restorable;
        const Fix* fix = nullptr;
        for (const Fix& candidate : detector->fixes)
          if (candidate.preferred) fix = &candidate;
        if (!fix && !detector->fixes.empty()) fix = &detector->fixes.front();
        auto restores = [&](const Fix& candidate) {
          try {
            return apply_edits(injection->text, candidate.edits) == clean_text;
          } catch (const std::invalid_argument&) {
            return false;  // overlapping edits restore nothing
          }
        };
        if (fix && restores(*fix)) {
          ++score.restored;
          ++document_score.restored;
        }
        if (std::any_of(detector->fixes.begin(), detector->fixes.end(), restores)) {
          ++score.restored_any;
          ++document_score.restored_any;
        }
      }
    }
  }
  return report;
}

}  // namespace bitext
