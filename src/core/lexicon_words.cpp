// Content words of Chinese and English lines, and the evidence that one line
// translates the other word by word (see lexicon.hpp).
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <functional>
#include <memory>

#include "bitext/lexicon.hpp"
#include "bitext/text.hpp"
#include "chars.hpp"

namespace bitext {
namespace {

constexpr std::string_view kEnglishFunctionWords[] = {
    "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "doing", "done", "down", "during", "each", "either", "etc", "even", "every", "for",
    "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most",
    "much", "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
    "other", "our", "ours", "out", "over", "own", "same", "shall", "she", "should", "so", "some",
    "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    "yours", "something", "someone", "sth", "sb"};

// Chinese function words: particles, pronouns, copulas, conjunctions. Their
// glosses ("of", "is", "and") are English function words, so they would never
// match; leaving them out keeps them out of the coverage denominators.
constexpr std::u8string_view kChineseFunctionWords[] = {
    u8"的", u8"了", u8"是", u8"在", u8"和", u8"与", u8"或", u8"也", u8"就", u8"都", u8"而",
    u8"及", u8"把", u8"被", u8"对", u8"从", u8"这", u8"那", u8"个", u8"之", u8"其", u8"以",
    u8"为", u8"于", u8"不", u8"我", u8"你", u8"他", u8"她", u8"它", u8"们", u8"会", u8"可",
    u8"能", u8"要", u8"将", u8"所", u8"等", u8"则", u8"该", u8"此", u8"并", u8"很", u8"又",
    u8"还", u8"如", u8"让", u8"使", u8"由", u8"向", u8"到", u8"给", u8"地", u8"得", u8"着",
    u8"过", u8"吗", u8"呢", u8"吧", u8"啊", u8"我们", u8"你们", u8"他们", u8"可以"};

// The lists above sorted once, so that a word is looked up by binary search
// (every content word of every line asks).
template <std::size_t N, class Word>
std::array<std::string_view, N> sorted_words(const Word (&words)[N]) {
  std::array<std::string_view, N> out;
  for (std::size_t i = 0; i < N; ++i)
    out[i] = std::string_view(reinterpret_cast<const char*>(words[i].data()), words[i].size());
  std::sort(out.begin(), out.end());
  return out;
}

bool is_function_word(std::string_view lower) {
  static const auto words = sorted_words(kEnglishFunctionWords);
  return std::binary_search(words.begin(), words.end(), lower);
}

bool is_chinese_function_word(std::string_view word) {
  static const auto words = sorted_words(kChineseFunctionWords);
  return std::binary_search(words.begin(), words.end(), word);
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
using chars::is_ascii_letter;
using chars::is_han;

// A clone of ICU's Chinese word iterator per thread, of one made once per
// process and never used itself: making one loads rules and dictionaries,
// which every thread the checks start on each edit paid again; cloning is
// cheap, and an iterator is not thread-safe.
icu::BreakIterator* chinese_word_iterator() {
  static const icu::BreakIterator* const prototype = [] {  // (kept to the end)
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    return U_SUCCESS(status) ? it.release() : nullptr;
  }();
  thread_local std::unique_ptr<icu::BreakIterator> iterator(prototype != nullptr ? prototype->clone() : nullptr);
  return iterator.get();
}

// Dictionary words are looked for up to 8 Han characters and 4 of ICU's
// segments: longer CC-CEDICT headwords are idioms and titles that ICU's own
// segmentation already keeps whole or that carry no more evidence than their parts.
constexpr std::size_t kMaxWordBytes = 24;
constexpr std::size_t kMaxSegmentsPerWord = 4;

// Longest dictionary words inside a Han segment the dictionary does not know
// as a whole ("安装软件包" -> 安装 软件包). Characters no entry starts with are skipped.
void split_by_dictionary(std::string_view line, std::size_t begin, std::size_t end, const Lexicon& lexicon,
                         std::vector<LexicalWord>& out) {
  std::vector<std::size_t> bounds;  // code point boundaries in [begin, end]
  for (std::size_t at = begin; at < end;) {
    bounds.push_back(at);
    at += std::max<std::size_t>(1, decode_utf8(line, at).length);
  }
  bounds.push_back(end);
  for (std::size_t i = 0; i + 1 < bounds.size();) {
    std::size_t best = 0;
    for (std::size_t j = std::min(bounds.size() - 1, i + kMaxWordBytes / 3); j > i; --j) {
      const std::size_t bytes = bounds[j] - bounds[i];
      if (bytes > kMaxWordBytes) continue;
      if (lexicon.contains(line.substr(bounds[i], bytes))) {
        best = j;
        break;
      }
    }
    if (best == 0) {
      ++i;
      continue;
    }
    const std::string_view word = line.substr(bounds[i], bounds[best] - bounds[i]);
    if (!is_chinese_function_word(word))
      out.push_back({std::uint32_t(bounds[i]), std::uint32_t(bounds[best]), WordOrigin::Chinese, std::string(word)});
    i = best;
  }
}

void add_chinese_word(std::string_view line, std::size_t begin, std::size_t end, std::vector<LexicalWord>& out) {
  const std::string_view word = line.substr(begin, end - begin);
  if (!is_chinese_function_word(word))
    out.push_back({std::uint32_t(begin), std::uint32_t(end), WordOrigin::Chinese, std::string(word)});
}

// A stretch of Han text with ICU's word boundaries `bounds` (first = its
// begin, last = its end).
void read_han_stretch(std::string_view line, const std::vector<std::size_t>& bounds, const Lexicon* lexicon,
                      std::vector<LexicalWord>& out) {
  for (std::size_t i = 0; i + 1 < bounds.size();) {
    if (!lexicon) {
      // Without a dictionary, ICU's words of two or more characters.
      if (bounds[i + 1] - bounds[i] >= 6) add_chinese_word(line, bounds[i], bounds[i + 1], out);
      ++i;
      continue;
    }
    std::size_t best = 0;
    for (std::size_t j = std::min(bounds.size() - 1, i + kMaxSegmentsPerWord); j > i; --j) {
      if (bounds[j] - bounds[i] > kMaxWordBytes) continue;
      if (lexicon->contains(line.substr(bounds[i], bounds[j] - bounds[i]))) {
        best = j;
        break;
      }
    }
    if (best != 0) {
      add_chinese_word(line, bounds[i], bounds[best], out);
      i = best;
    } else {
      split_by_dictionary(line, bounds[i], bounds[i + 1], *lexicon, out);
      ++i;
    }
  }
}

void add_latin_words(std::string_view line, std::size_t begin, std::size_t end, std::vector<LexicalWord>& out) {
  std::size_t at = begin;
  while (at < end) {
    if (!is_ascii_letter(char32_t(static_cast<unsigned char>(line[at])))) {
      ++at;
      continue;
    }
    std::size_t stop = at;
    while (stop < end && is_ascii_letter(char32_t(static_cast<unsigned char>(line[stop])))) ++stop;
    std::string key = english_word_key(line.substr(at, stop - at));
    if (!key.empty()) out.push_back({std::uint32_t(at), std::uint32_t(stop), WordOrigin::Latin, std::move(key)});
    at = stop;
  }
}

}  // namespace

std::string english_word_key(std::string_view word) {
  std::string w;
  for (char c : word) w.push_back((c >= 'A' && c <= 'Z') ? char(c + 32) : c);
  if (w.size() < 2 || is_function_word(w)) return {};
  if (ends_with(w, "'s")) w.resize(w.size() - 2);
  // Plurals and third persons.
  if (w.size() > 4 && ends_with(w, "ies")) {
    w.resize(w.size() - 3);
    w += 'y';
  } else if (ends_with(w, "sses") || ends_with(w, "ches") || ends_with(w, "shes") ||
             (w.size() > 3 && ends_with(w, "es") && (w[w.size() - 3] == 'x' || w[w.size() - 3] == 'z' ||
                                                     w[w.size() - 3] == 's'))) {
    w.resize(w.size() - 2);
  } else if (w.size() > 3 && w.back() == 's' && !ends_with(w, "ss") && !ends_with(w, "us") && !ends_with(w, "is")) {
    w.pop_back();
  }
  // -ing and -ed, when a syllable is left.
  auto has_vowel = [](std::string_view s) { return std::any_of(s.begin(), s.end(), [](char c) { return is_vowel(c) || c == 'y'; }); };
  if (w.size() > 5 && ends_with(w, "ing") && has_vowel(std::string_view(w).substr(0, w.size() - 3))) {
    w.resize(w.size() - 3);
  } else if (w.size() > 4 && ends_with(w, "ied")) {
    w.resize(w.size() - 3);
    w += 'y';
  } else if (w.size() > 4 && ends_with(w, "ed") && has_vowel(std::string_view(w).substr(0, w.size() - 2))) {
    w.resize(w.size() - 2);
  }
  // make / making, use / used, install / installed: drop a final e and undouble.
  if (w.size() > 3 && w.back() == 'e') w.pop_back();
  if (w.size() > 3 && w.back() == w[w.size() - 2] && !is_vowel(w.back())) w.pop_back();
  if (w.size() > 3 && w.back() == 'y') w.back() = 'i';
  return w;
}

std::vector<LexicalWord> english_line_words(std::string_view line) {
  std::vector<LexicalWord> out;
  add_latin_words(line, 0, line.size(), out);
  return out;
}

std::vector<LexicalWord> chinese_line_words(std::string_view line, const Lexicon* lexicon) {
  std::vector<LexicalWord> out;
  icu::BreakIterator* it = chinese_word_iterator();
  if (!it) {
    add_latin_words(line, 0, line.size(), out);
    return out;
  }
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), std::int32_t(line.size())));
  // UTF-16 index -> byte offset, for the segment boundaries.
  std::vector<std::uint32_t> byte_at(std::size_t(text.length()) + 1, std::uint32_t(line.size()));
  {
    std::int32_t unit = 0;
    for (std::size_t at = 0; at < line.size() && unit < text.length();) {
      const DecodedCodePoint cp = decode_utf8(line, at);
      byte_at[std::size_t(unit)] = std::uint32_t(at);
      unit += (cp.valid && cp.code_point > 0xFFFF) ? 2 : 1;
      at += std::max<std::size_t>(1, cp.length);
    }
  }
  it->setText(text);
  // ICU's boundaries of a stretch of Han segments; a dictionary word may span
  // several of them (ICU cuts 软件包 as 软件 + 包), so each stretch is read by
  // the longest dictionary word that ends on one of its boundaries.
  std::vector<std::size_t> han_bounds;
  auto flush_han = [&] {
    if (han_bounds.size() >= 2) read_han_stretch(line, han_bounds, lexicon, out);
    han_bounds.clear();
  };
  std::int32_t start = it->first();
  for (std::int32_t stop = it->next(); stop != icu::BreakIterator::DONE; start = stop, stop = it->next()) {
    const std::size_t begin = byte_at[std::size_t(start)], end = byte_at[std::size_t(stop)];
    if (begin >= end) continue;
    if (!is_han(decode_utf8(line, begin).code_point)) {
      flush_han();
      add_latin_words(line, begin, end, out);
      continue;
    }
    if (han_bounds.empty() || han_bounds.back() != begin) {
      flush_han();
      han_bounds.push_back(begin);
    }
    han_bounds.push_back(end);
  }
  flush_han();
  return out;
}

double LexicalEvidence::coverage() const {
  const std::size_t content = chinese_content + english_content;
  return content == 0 ? 0.0 : double(chinese_hits + english_hits) / double(content);
}

LexicalEvidence lexical_evidence(const Lexicon& lexicon, std::span<const LexicalWord> chinese,
                                 std::span<const LexicalWord> english) {
  LexicalEvidence evidence;
  evidence.chinese_matched.assign(chinese.size(), false);
  evidence.english_matched.assign(english.size(), false);
  std::vector<std::optional<std::uint32_t>> english_ids(english.size());
  std::vector<std::uint32_t> english_sorted;
  for (std::size_t k = 0; k < english.size(); ++k) {
    english_ids[k] = lexicon.key_id(english[k].key);
    if (english_ids[k]) english_sorted.push_back(*english_ids[k]);
  }
  std::sort(english_sorted.begin(), english_sorted.end());
  std::vector<std::uint32_t> translated;      // key ids that some Chinese word translates to
  std::vector<std::string_view> carried;      // keys of Latin words in the Chinese line
  for (std::size_t k = 0; k < chinese.size(); ++k) {
    const LexicalWord& w = chinese[k];
    if (w.origin == WordOrigin::Latin) {
      ++evidence.chinese_content;
      carried.push_back(w.key);
      const bool hit = std::any_of(english.begin(), english.end(), [&](const LexicalWord& e) { return e.key == w.key; });
      evidence.chinese_matched[k] = hit;
      evidence.chinese_hits += hit;
      continue;
    }
    const auto ids = lexicon.translations(w.key);
    if (ids.empty()) continue;
    ++evidence.chinese_content;
    translated.insert(translated.end(), ids.begin(), ids.end());
    bool hit = false;
    for (std::uint32_t id : ids) {
      if (std::binary_search(english_sorted.begin(), english_sorted.end(), id)) {
        hit = true;
        break;
      }
    }
    evidence.chinese_matched[k] = hit;
    evidence.chinese_hits += hit;
  }
  std::sort(translated.begin(), translated.end());
  for (std::size_t k = 0; k < english.size(); ++k) {
    ++evidence.english_content;
    const bool hit = (english_ids[k] && std::binary_search(translated.begin(), translated.end(), *english_ids[k])) ||
                     std::find(carried.begin(), carried.end(), english[k].key) != carried.end();
    evidence.english_matched[k] = hit;
    evidence.english_hits += hit;
  }
  return evidence;
}

std::optional<LexicalCut> lexical_cut(const Lexicon& lexicon, std::span<const LexicalWord> line, bool line_is_chinese,
                                      std::span<const LexicalWord> first, std::span<const LexicalWord> second) {
  auto matched = [&](std::span<const LexicalWord> partner) {
    const LexicalEvidence e = line_is_chinese ? lexical_evidence(lexicon, line, partner) : lexical_evidence(lexicon, partner, line);
    return line_is_chinese ? e.chinese_matched : e.english_matched;
  };
  const std::vector<bool> in_first = matched(first), in_second = matched(second);
  // +1 for a word that belongs before the cut (counterpart in first only), -1 after.
  std::vector<int> lean(line.size(), 0);
  bool any = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    lean[i] = int(in_first[i]) - int(in_second[i]);
    any = any || lean[i] != 0;
  }
  if (!any) return std::nullopt;
  // score(k) = Σ_{i<k} lean[i] - Σ_{i>=k} lean[i]; the first best k.
  int total = 0;
  for (int v : lean) total += v;
  int prefix = 0;
  LexicalCut best{0, line.empty() ? 0 : line[0].begin, -total};
  for (std::size_t k = 1; k <= line.size(); ++k) {
    prefix += lean[k - 1];
    const int score = prefix - (total - prefix);
    if (score > best.score) best = {k, k < line.size() ? line[k].begin : line[k - 1].end, score};
  }
  return best;
}

ResolvedWords resolve_words(const Lexicon& lexicon, std::vector<LexicalWord> words) {
  ResolvedWords out;
  out.translations.resize(words.size());
  out.key_ids.assign(words.size(), ResolvedWords::kNoKey);
  out.key_hashes.assign(words.size(), 0);
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (words[k].origin == WordOrigin::Chinese) {
      out.translations[k] = lexicon.translations(words[k].key);
      continue;
    }
    if (const auto id = lexicon.key_id(words[k].key)) out.key_ids[k] = *id;
    out.key_hashes[k] = std::hash<std::string_view>{}(words[k].key) | 1;  // never 0
  }
  out.words = std::move(words);
  out.masked = out.words.size() <= 64;
  if (!out.masked) {
    for (std::size_t k = 0; k < out.words.size(); ++k) {
      const auto word = std::uint32_t(k);
      if (out.words[k].origin == WordOrigin::Chinese) {
        for (const std::uint32_t id : out.translations[k]) out.translation_values.push_back({id, word});
        continue;
      }
      if (out.key_ids[k] != ResolvedWords::kNoKey) out.key_id_values.push_back({out.key_ids[k], word});
      out.key_hash_values.push_back({out.key_hashes[k], word});
    }
    for (auto* values : {&out.translation_values, &out.key_id_values, &out.key_hash_values})
      std::sort(values->begin(), values->end(), [](const auto& a, const auto& b) { return a.value < b.value; });
    return out;
  }
  auto add = [](std::vector<ResolvedWords::Run>& runs, std::uint64_t value, std::size_t word) {
    runs.push_back({value, std::uint64_t{1} << word});
  };
  for (std::size_t k = 0; k < out.words.size(); ++k) {
    if (out.words[k].origin == WordOrigin::Chinese) {
      for (const std::uint32_t id : out.translations[k]) add(out.translation_runs, id, k);
      continue;
    }
    if (out.key_ids[k] != ResolvedWords::kNoKey) add(out.key_id_runs, out.key_ids[k], k);
    add(out.key_hash_runs, out.key_hashes[k], k);
  }
  // Sorted by value, one run per value with the masks of its words or'ed.
  for (auto* runs : {&out.translation_runs, &out.key_id_runs, &out.key_hash_runs}) {
    std::sort(runs->begin(), runs->end(), [](const auto& a, const auto& b) { return a.value < b.value; });
    std::size_t kept = 0;
    for (std::size_t r = 0; r < runs->size(); ++r) {
      if (kept > 0 && (*runs)[kept - 1].value == (*runs)[r].value) {
        (*runs)[kept - 1].mask |= (*runs)[r].mask;
      } else {
        (*runs)[kept++] = (*runs)[r];
      }
    }
    runs->resize(kept);
    runs->shrink_to_fit();
  }
  return out;
}

bool words_match(const ResolvedWords& chinese, std::size_t c, const ResolvedWords& english, std::size_t e) {
  if (chinese.words[c].origin == WordOrigin::Latin) return chinese.key_hashes[c] == english.key_hashes[e];
  const std::uint32_t id = english.key_ids[e];
  if (id == ResolvedWords::kNoKey) return false;
  const auto& ids = chinese.translations[c];
  return std::binary_search(ids.begin(), ids.end(), id);
}

}  // namespace bitext
