// Names transliterated into Chinese (lexicon.hpp, transliteration_score).
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <string_view>
#include <iterator>
#include <string>
#include <vector>

#include "bitext/lexicon.hpp"
#include "bitext/text.hpp"

namespace bitext {
namespace {

// The toneless pinyin of each name character, read by ICU's Han-Latin at
// build time (tools/name_readings): building the transliterator at run time
// cost more than checking the whole sample.
struct NameReading {
  char32_t character;
  const char* pinyin;
};
constexpr NameReading kNameReadings[] = {
#include "name_readings.inc"
};

const char* name_reading(char32_t c) {
  const auto* found = std::lower_bound(std::begin(kNameReadings), std::end(kNameReadings), c,
                                       [](const NameReading& r, char32_t key) { return r.character < key; });
  return found != std::end(kNameReadings) && found->character == c ? found->pinyin : nullptr;
}

// ICU's Han-Latin with tone marks removed, for Han text outside the name
// characters; built on first use, one instance per thread (not thread-safe).
icu::Transliterator* han_to_pinyin() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  return transliterator.get();
}

// Han text in pinyin, syllables separated by spaces: from the table when every
// character is a name character, else by the transliterator.
std::string pinyin_of(std::string_view han) {
  std::string pinyin;
  for (std::size_t at = 0; at < han.size();) {
    const DecodedCodePoint cp = decode_utf8(han, at);
    const char* reading = cp.valid ? name_reading(cp.code_point) : nullptr;
    if (!reading) {
      icu::Transliterator* t = han_to_pinyin();
      if (!t) return {};
      icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(han.data(), std::int32_t(han.size())));
      t->transliterate(text);
      pinyin.clear();
      text.toUTF8String(pinyin);
      return pinyin;
    }
    if (!pinyin.empty()) pinyin.push_back(' ');
    pinyin += reading;
    at += std::max<std::size_t>(cp.length, 1);
  }
  return pinyin;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w'; }

// Sound class of a consonant letter, or 0 to drop it.
char consonant_class(char c) {
  switch (c) {
    case 'k': case 'g': case 'c': case 'q': return 'K';
    case 'p': case 'b': return 'P';
    case 't': case 'd': return 'T';
    case 'l': case 'r': return 'L';
    case 'm': return 'M';
    case 'n': return 'N';
    case 'f': case 'v': return 'F';
    case 's': case 'z': case 'x': case 'j': return 'S';
    case 'h': return 'H';
    default: return 0;
  }
}

std::string latin_skeleton(std::string_view name) {
  std::string s;
  for (char c : name)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) s.push_back(c >= 'a' ? c : char(c + 32));
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const char next = i + 1 < s.size() ? s[i + 1] : 0;
    if (is_vowel(c)) continue;
    if (i > 0 && s[i - 1] == c) continue;  // doubled letters are one sound
    char cls = 0;
    if ((c == 'p' && next == 'h')) { cls = 'F'; ++i; }
    else if ((c == 't' || c == 's' || c == 'c') && next == 'h') { cls = c == 't' ? 'T' : 'S'; ++i; }
    else if (c == 'c' && next == 'k') { cls = 'K'; ++i; }
    else if (c == 'c' && (next == 'e' || next == 'i' || next == 'y')) cls = 'S';
    else if (c == 'x') { out += "KS"; continue; }
    else if (c == 'r' && (next == 0 || !is_vowel(next)) && i > 0) continue;  // Carter: ka-te
    else if (c == 'h' && i > 0) continue;  // a silent or aspirating h inside a name
    else cls = consonant_class(c);
    if (cls) out.push_back(cls);
  }
  return out;
}

// Initials of pinyin syllables (zh/ch/sh as one), and a final n (not ng).
std::string pinyin_skeleton(const std::string& pinyin) {
  std::string out;
  std::size_t i = 0;
  while (i < pinyin.size()) {
    while (i < pinyin.size() && !(pinyin[i] >= 'a' && pinyin[i] <= 'z')) ++i;
    std::size_t j = i;
    while (j < pinyin.size() && pinyin[j] >= 'a' && pinyin[j] <= 'z') ++j;
    const std::string syllable = pinyin.substr(i, j - i);
    i = j;
    if (syllable.empty()) continue;
    std::size_t k = 0;
    if (syllable.size() > 1 && syllable[1] == 'h' && (syllable[0] == 'z' || syllable[0] == 'c' || syllable[0] == 's')) {
      out.push_back('S');
      k = 2;
    } else if (!is_vowel(syllable[0])) {
      if (const char cls = consonant_class(syllable[0])) out.push_back(syllable[0] == 'c' ? 'S' : cls);
      k = 1;
    }
    if (syllable.size() > k + 1 && syllable.back() == 'n' && syllable[syllable.size() - 2] != 'g') out.push_back('N');
  }
  return out;
}

double substitution_cost(char a, char b) {
  if (a == b) return 0;
  auto near = [&](char x, char y) { return (a == x && b == y) || (a == y && b == x); };
  if (near('T', 'S') || near('H', 'K') || near('H', 'F') || near('K', 'S') || near('L', 'N') || near('F', 'P') ||
      near('M', 'N'))
    return 0.5;
  return 1;
}

double skeleton_distance(const std::string& a, const std::string& b) {
  std::vector<double> row(b.size() + 1), next(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = double(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    next[0] = double(i);
    for (std::size_t j = 1; j <= b.size(); ++j)
      next[j] = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + substitution_cost(a[i - 1], b[j - 1])});
    std::swap(row, next);
  }
  return row[b.size()];
}

}  // namespace

double transliteration_score(std::string_view latin_name, std::string_view han) {
  const std::string a = latin_skeleton(latin_name), b = pinyin_skeleton(pinyin_of(han));
  if (a.empty() || b.empty()) return 0;
  const double longer = double(std::max(a.size(), b.size()));
  const double score = std::max(0.0, 1 - skeleton_distance(a, b) / longer);
  return longer < 2 ? std::min(score, 0.5) : score;
}

bool transliterated_in(std::string_view latin_name, std::string_view han_text, double threshold) {
  const std::string target = latin_skeleton(latin_name);
  if (target.size() < 2) return false;
  // Runs of name characters (name_characters.hpp), each read one character at a time (the
  // skeleton of a window is the concatenation of its characters' skeletons).
  std::vector<std::string> run;
  auto scan_run = [&]() {
    bool found = false;
    const std::size_t longest = std::min<std::size_t>(run.size(), target.size() + 3);
    for (std::size_t begin = 0; begin < run.size() && !found; ++begin) {
      std::string skeleton;
      for (std::size_t end = begin; end < run.size() && end - begin < longest; ++end) {
        skeleton += run[end];
        if (end == begin) continue;  // two characters at least
        const double longer = double(std::max(skeleton.size(), target.size()));
        if (skeleton.size() > target.size() + 2) break;
        if (longer >= 2 && 1 - skeleton_distance(target, skeleton) / longer >= threshold) found = true;
      }
    }
    run.clear();
    return found;
  };
  for (std::size_t at = 0; at < han_text.size();) {
    const DecodedCodePoint cp = decode_utf8(han_text, at);
    const std::size_t length = std::max<std::size_t>(cp.length, 1);
    if (const char* reading = cp.valid ? name_reading(cp.code_point) : nullptr) {
      run.push_back(pinyin_skeleton(reading));
    } else if (!run.empty() && scan_run()) {
      return true;
    }
    at += length;
  }
  return !run.empty() && scan_run();
}

}  // namespace bitext
