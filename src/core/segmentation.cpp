// Sentence, clause and comma boundaries of a line (segmentation.hpp).
#include "bitext/segmentation.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <string>

#include "bitext/text.hpp"
#include "chars.hpp"

namespace bitext {
namespace {

using CodePoint = CodePointSpan;

// Whitespace between segments and closing marks that stay with the
// punctuation before them: chars.hpp's classes.
using chars::is_closing_mark;
using chars::is_white_space;

using chars::is_ascii_digit;

// Marks that cannot start a segment: a boundary just before one (ICU after
// "?”)" in "package?”); they ...") is dropped; the mark's own boundary follows.
bool continues_left(char32_t c) {
  switch (c) {
    case U'.': case U'!': case U'?': case U'。': case U'！': case U'？':
      return true;
    default:
      if (chars::is_clause_mark(c)) return true;
      return is_closing_mark(c) && c != U'"' && c != U'\'';  // straight quotes may open
  }
}

// Opening brackets and curly opening quotes (Ps, Pi): never the end of a
// segment. Not the straight quotes, which close a quotation as often.
bool opens_right(char32_t c) { return c != U'"' && c != U'\'' && chars::is_opening_mark(c); }

enum class Language : std::uint8_t { Chinese, Japanese, English };

Language language_of(Script script) {
  if (script == Script::Han) return Language::Chinese;
  if (script == Script::Japanese) return Language::Japanese;
  return Language::English;
}

// ICU's sentence iterator for a language, made once per process and never
// used itself: making one loads rule data and builds the filter of
// abbreviations (~2 M instructions), which every thread the checks start on
// each edit paid again; a clone of it costs little.
const icu::BreakIterator* sentence_prototype(Language language) {
  static std::once_flag made[3];
  static const icu::BreakIterator* prototypes[3] = {nullptr, nullptr, nullptr};  // (kept to the end)
  const auto slot = static_cast<std::size_t>(language);
  std::call_once(made[slot], [&] {
    UErrorCode status = U_ZERO_ERROR;
    const char* locale = language == Language::Chinese    ? "zh"
                         : language == Language::Japanese ? "ja"
                                                          : "en@ss=standard";
    std::unique_ptr<icu::BreakIterator> iterator(icu::BreakIterator::createSentenceInstance(icu::Locale(locale), status));
    if (U_SUCCESS(status)) prototypes[slot] = iterator.release();
  });
  return prototypes[slot];
}

// One sentence iterator per language and thread (an iterator is not thread-safe).
icu::BreakIterator* sentence_iterator(Language language) {
  thread_local std::unique_ptr<icu::BreakIterator> iterators[3];
  thread_local bool failed[3] = {false, false, false};
  const auto slot = static_cast<std::size_t>(language);
  if (!iterators[slot] && !failed[slot]) {
    if (const icu::BreakIterator* prototype = sentence_prototype(language)) iterators[slot].reset(prototype->clone());
    failed[slot] = !iterators[slot];
  }
  return iterators[slot].get();
}

// Whether punctuation_strength can be above 0 for `c` (a quick test: most
// code points of a line are letters).
bool may_be_punctuation(char32_t c) {
  if (c < 0x80) return c == U',' || c == U'.' || c == U':' || c == U';';
  return (c >= U'–' && c <= U'―') || c == U'…' || c == U'、' || c == U'。' || (c >= U'！' && c <= U'､');
}

// Strength of a punctuation mark, or 0 when it is none (or not here: a comma
// or colon between digits, a colon in "://", an ASCII full stop, left to ICU).
int punctuation_strength(std::span<const CodePoint> cps, std::size_t i) {
  const char32_t c = cps[i].c;
  const char32_t prev = i > 0 ? cps[i - 1].c : 0;
  const char32_t next = i + 1 < cps.size() ? cps[i + 1].c : 0;
  switch (c) {
    case U'。': case U'！': case U'？': case U'｡':
      return 3;
    case U'；': case U'：': case U'…': case U'—': case U'―':
      return 2;
    case U';':
      return 2;
    case U':':
      if (is_ascii_digit(prev) && is_ascii_digit(next)) return 0;  // 12:30
      if (next == U'/') return 0;                                  // https://
      return 2;
    case U'–':  // en dash as a clause dash only when spaced: "word – word"
      return (is_white_space(prev) && is_white_space(next)) ? 2 : 0;
    case U'，': case U'、': case U'､':
      return 1;
    case U',':
      if (is_ascii_digit(prev) && is_ascii_digit(next)) return 0;  // 1,000
      return 1;
    case U'.':
      // "..." is an ellipsis (a clause pause); a single full stop is ICU's call.
      if (next == U'.' || prev == U'.') return 2;
      return 0;
    default:
      return 0;
  }
}

// Whether ICU's sentence rules can put a boundary inside the line. They
// break only after a paragraph separator and after a terminator followed by
// more than closing marks and spaces (UAX #29, SB4 and SB11): a line whose
// only terminators are in a trailing run of terminators and closing marks
// followed by spaces has none, and most lines are one sentence. Any other
// character class in that run (Extend, Format, ...) asks ICU.
bool icu_may_break_inside(std::span<const CodePoint> cps) {
  auto sentence_break = [](char32_t c) { return u_getIntPropertyValue(UChar32(c), UCHAR_SENTENCE_BREAK); };
  std::size_t i = cps.size();
  while (i > 0 && sentence_break(cps[i - 1].c) == U_SB_SP) --i;
  for (; i > 0; --i) {
    const auto kind = sentence_break(cps[i - 1].c);
    if (kind != U_SB_ATERM && kind != U_SB_STERM && kind != U_SB_CLOSE) break;
  }
  for (std::size_t k = 0; k < i; ++k)
    if (chars::may_end_sentence(cps[k].c)) return true;
  return false;
}

// A mark that makes a sentence boundary of its run of punctuation.
bool is_sentence_punctuation(char32_t c) { return c == U'。' || c == U'！' || c == U'？' || c == U'｡'; }

// `known_sentences`, when given, are the line's Sentence boundaries as
// found before (the ICU and "OK." ones among them): they stand for that part.
std::vector<Boundary> boundaries(std::span<const CodePoint> cps, Script script, bool sentences_only,
                                 const std::span<const std::uint32_t>* known_sentences = nullptr) {
  // (byte offset, strength) as found; sorted and merged to the strongest per offset at the end.
  std::vector<std::pair<std::size_t, int>> found;

  // Where the text after code point index `i` (exclusive) really starts: past
  // closing marks and whitespace. Returns a code point index.
  auto start_after = [&](std::size_t i) {
    std::size_t j = i;
    while (j < cps.size() && is_closing_mark(cps[j].c)) ++j;
    while (j < cps.size() && is_white_space(cps[j].c)) ++j;
    return j;
  };
  auto add = [&](std::size_t cp_index, int s) {
    if (cp_index == 0 || cp_index >= cps.size() || continues_left(cps[cp_index].c)) return;
    found.emplace_back(cps[cp_index].begin, s);
  };

  // A Sentence boundary was found where a boundary of any strength at its
  // offset would be found now (the strongest is kept), and it passed the
  // filter below, which it passes again.
  if (known_sentences != nullptr) {
    for (const std::uint32_t offset : *known_sentences) found.emplace_back(offset, 3);
  }

  // Sentence boundaries from ICU, on a UTF-16 copy with an index back to bytes
  // (buffers kept per thread: this runs for every line of a document).
  thread_local std::u16string utf16;
  // UTF-16 index -> code point index, [0, utf16.size()] of this line; only
  // grown (never cleared), so that no line pays for zeroing what it writes.
  thread_local std::vector<std::size_t> unit_to_cp;
  utf16.clear();
  if (known_sentences == nullptr && icu_may_break_inside(cps)) {
    utf16.resize(2 * cps.size());  // room for a surrogate pair each; cut to size below
    if (unit_to_cp.size() < 2 * cps.size() + 1) unit_to_cp.resize(2 * cps.size() + 1);
    std::size_t u = 0;
    for (std::size_t k = 0; k < cps.size(); ++k) {
      const char32_t c = cps[k].c;
      if (c >= 0x10000) {
        utf16[u] = char16_t(0xD800 + ((c - 0x10000) >> 10));
        unit_to_cp[u++] = k;
        utf16[u] = char16_t(0xDC00 + ((c - 0x10000) & 0x3FF));
      } else {
        utf16[u] = char16_t(c);
      }
      unit_to_cp[u++] = k;
    }
    unit_to_cp[u] = cps.size();
    utf16.resize(u);
  }
  if (!utf16.empty() && utf16.size() < std::size_t(INT32_MAX)) {
    if (icu::BreakIterator* iterator = sentence_iterator(language_of(script))) {
      const icu::UnicodeString text(false, utf16.data(), static_cast<int32_t>(utf16.size()));
      iterator->setText(text);
      for (int32_t p = iterator->next(); p != icu::BreakIterator::DONE; p = iterator->next()) {
        if (p <= 0 || std::size_t(p) >= utf16.size()) continue;
        // ICU already puts closing marks and trailing spaces on the left; what
        // follows may be an opening quote, which belongs to the right.
        std::size_t k = unit_to_cp[std::size_t(p)];
        while (k < cps.size() && is_white_space(cps[k].c)) ++k;
        // ICU's Close class (UAX #29) holds opening brackets too, so it keeps
        // "[" of "。[96] …" and "“" of "。“…" on the left; an opening mark
        // opens what follows it, so the boundary goes before it.
        while (k > 0 && opens_right(cps[k - 1].c)) --k;
        add(k, 3);
      }
      // Do not keep a pointer to our buffer in the cached iterator.
      iterator->setText(icu::UnicodeString());
    }
  }
  if (utf16.capacity() > (std::size_t(1) << 16)) {  // one huge line: do not keep its copy
    utf16 = std::u16string();
    unit_to_cp = std::vector<std::size_t>();
  }

  // ICU's English suppressions keep "OK." with what follows (the state
  // abbreviation); in a transcript "OK. Go and have your shower." is the
  // interjection and two sentences.
  if (known_sentences == nullptr && language_of(script) == Language::English) {
    const auto letter = [](char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); };
    for (std::size_t i = 0; i + 2 < cps.size(); ++i) {
      const bool ok = (cps[i].c == U'O' || cps[i].c == U'o') && (cps[i + 1].c == U'K' || cps[i + 1].c == U'k') &&
                      !(cps[i].c == U'o' && cps[i + 1].c == U'K');
      if (!ok || (i > 0 && letter(cps[i - 1].c)) || cps[i + 2].c != U'.') continue;
      std::size_t k = i + 3;
      if (k >= cps.size() || !is_white_space(cps[k].c)) continue;
      while (k < cps.size() && is_white_space(cps[k].c)) ++k;
      if (k < cps.size() && cps[k].c >= U'A' && cps[k].c <= U'Z') add(k, 3);
    }
  }

  // Punctuation: runs of marks (？！, ……, ——, ...) make one boundary after the run.
  // Only a run with a sentence mark in it makes a sentence boundary.
  const bool punctuation = !sentences_only || std::any_of(cps.begin(), cps.end(), [](const CodePoint& cp) {
    return is_sentence_punctuation(cp.c);
  });
  for (std::size_t i = 0; punctuation && i < cps.size(); ++i) {
    if (!may_be_punctuation(cps[i].c)) continue;
    int s = punctuation_strength(cps, i);
    if (s == 0) continue;
    std::size_t j = i + 1;
    while (j < cps.size() && punctuation_strength(cps, j) > 0) {
      s = std::max(s, punctuation_strength(cps, j));
      ++j;
    }
    add(start_after(j), s);
    i = j - 1;
  }

  // Keep boundaries with non-space text on both sides.
  std::size_t first_text = 0;
  while (first_text < cps.size() && is_white_space(cps[first_text].c)) ++first_text;
  std::vector<Boundary> out;
  if (first_text >= cps.size()) return out;
  std::size_t last_text = cps.size() - 1;
  while (is_white_space(cps[last_text].c)) --last_text;  // stops at first_text
  std::sort(found.begin(), found.end());
  for (std::size_t k = 0; k < found.size(); ++k) {
    const std::size_t offset = found[k].first;
    // Sorted by offset, then strength: the last of an offset's entries is its strongest.
    if (k + 1 < found.size() && found[k + 1].first == offset) continue;
    if (offset <= cps[first_text].begin || offset > cps[last_text].begin) continue;
    const auto strength = static_cast<BoundaryStrength>(found[k].second);
    if (!sentences_only || strength == BoundaryStrength::Sentence) out.push_back({offset, strength});
  }
  return out;
}

}  // namespace

std::vector<Boundary> find_boundaries(std::string_view line, Script script) {
  return boundaries(decode_code_points(line), script, false);
}

std::vector<Boundary> find_boundaries(std::string_view, Script script, std::span<const CodePointSpan> code_points) {
  return boundaries(code_points, script, false);
}

std::vector<Boundary> find_boundaries(std::string_view, Script script, std::span<const CodePointSpan> code_points,
                                     std::span<const std::uint32_t> sentence_offsets) {
  return boundaries(code_points, script, false, &sentence_offsets);
}

std::vector<Boundary> find_sentence_boundaries(std::string_view line, Script script) {
  return boundaries(decode_code_points(line), script, true);
}

}  // namespace bitext
