// Errors injected into clean documents for `bitext eval`: one function per
// kind of error, each returning the damaged text and where the damage is.
#include "eval/evaluation.hpp"

#include <algorithm>
#include <utility>

#include "bitext/numbers.hpp"
#include "bitext/script.hpp"
#include "bitext/text.hpp"
#include "core/chars.hpp"

namespace bitext {
namespace {

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

// Two lines of different languages joined into one (a stray Delete or an
// editor's join-lines): the two lines of a pair, or a pair's second line and
// the next pair's first, half each; joined with nothing or with one space
// (what a join-lines command puts), half each.
std::optional<Injection> inject_joined(const CleanDocument& document, EvalRandom& random) {
  if (document.pairs.empty()) return std::nullopt;
  const bool across = document.pairs.size() >= 2 && random.chance(1, 2);
  const std::size_t pair = random.below(across ? document.pairs.size() - 1 : document.pairs.size());
  const bool spaced = random.chance(1, 2);
  std::vector<std::string> lines = lines_of(document);
  const std::size_t line = document.front.size() + 2 * pair + (across ? 1 : 0);
  lines[line] += (spaced ? " " : "") + lines[line + 1];
  lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(line) + 1);
  const std::string what = across ? "the second line of pair " + std::to_string(pair + 1) + " and the first of pair " +
                                        std::to_string(pair + 2)
                                  : "the two lines of pair " + std::to_string(pair + 1);
  return finish(document, ErrorKind::JoinedLines, std::move(lines), line, line, pair,
                "joined " + what + (spaced ? " with a space" : " without a separator"));
}

// One side of two consecutive pairs on one line, the second pair's line of
// that side gone (a stray Delete at a line end, an editor's join-lines): the
// translations or the originals, half each; joined with nothing or with one
// space, half each.
std::optional<Injection> inject_merged(const CleanDocument& document, EvalRandom& random) {
  if (document.pairs.size() < 2) return std::nullopt;
  const std::size_t pair = random.below(document.pairs.size() - 1);
  const bool translation = random.chance(1, 2);
  const bool spaced = random.chance(1, 2);
  std::vector<std::string> lines = lines_of(document);
  const std::size_t line = line_of_side(document, pair, translation);
  const std::size_t gone = line_of_side(document, pair + 1, translation);
  lines[line] += (spaced ? " " : "") + lines[gone];
  lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(gone));
  return finish(document, ErrorKind::MergedLines, std::move(lines), line, line + 2, pair,
                "merged the " + side_name(translation) + "s of pairs " + std::to_string(pair + 1) + "-" +
                    std::to_string(pair + 2) + (spaced ? " with a space" : " without a separator"));
}

}  // namespace

std::string render(const CleanDocument& document) {
  return join_lines(lines_of(document), document.final_newline);
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
    case ErrorKind::JoinedLines: return inject_joined(document, random);
    case ErrorKind::MergedLines: return inject_merged(document, random);
  }
  return std::nullopt;
}

}  // namespace bitext
