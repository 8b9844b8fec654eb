// Latin-script token scanner and carried-over token comparison (tokens.hpp).
#include "bitext/tokens.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>

#include "bitext/text.hpp"
#include "chars.hpp"
#include "glued_section_number.hpp"

namespace bitext {
namespace {

using CodePoint = CodePointSpan;


using chars::fold_width;  // full-width ASCII (Ｆ１) folds to ASCII so that keys compare equal
using chars::is_ascii_digit;
bool is_ascii_upper(char32_t c) { return c >= U'A' && c <= U'Z'; }
bool is_ascii_lower(char32_t c) { return c >= U'a' && c <= U'z'; }
// The classes of a code point that fold_width has folded already (the
// scanner's at() folds): folding again in every test cost more than the
// tests. ASCII by table.
bool is_folded_letter(char32_t c) {
  if (c < 0x80) return chars::ascii_class(static_cast<unsigned char>(c)) == chars::kAsciiLetter;
  return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
}
bool is_folded_alnum(char32_t c) {
  if (c < 0x80) return chars::ascii_class(static_cast<unsigned char>(c)) != chars::kNotAlnum;
  return is_folded_letter(c);  // no digit above ASCII once folded
}
char32_t folded_lower(char32_t c) {
  if (is_ascii_upper(c)) return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;  // Latin-1 capitals
  return c;
}
bool is_alnum(char32_t c) { return is_folded_alnum(fold_width(c)); }

constexpr std::array<std::string_view, 28> kTopLevelDomains = {
    "com", "org", "net", "io",  "co",  "ai",  "dev", "edu", "gov", "info",
    "de",  "fr",  "uk",  "cn",  "jp",  "us",  "eu",  "ch",  "nl",  "it",
    "es",  "ru",  "in",  "me",  "app", "tv",  "ly",  "gg"};

// Acronyms that Chinese translations routinely spell out (人工智能, 首席执行官,
// 美国, 万维网 ...), and all-caps English words (NOT, MUST): no carried token.
constexpr std::array<std::string_view, 64> kUncarriedCaps = {
    "ai",   "ml",    "ceo",   "cto",   "cfo",  "coo",  "vp",   "us",    "usa",  "uk",   "eu",
    "un",   "tv",    "pc",    "ok",    "it",   "hr",   "ipo",  "vc",    "am",   "pm",   "id",
    "nyc",  "la",    "sf",    "dc",    "ii",   "iii",  "iv",   "faq",   "www",  "os",   "gui",
    "usb",  "fax",   "irs",   "eta",   "nb",   "not",  "and",  "or",    "no",   "yes",  "all",
    "must", "should", "may",  "shall", "never", "only", "do",  "dont",  "the",  "is",   "are",
    "new",  "free",  "very",  "note",  "warning", "tip", "caution", "important", "one"};

// Identifiers that translations spell out (国际化, 本地化).
constexpr std::array<std::string_view, 3> kTranslatedIdentifiers = {"i18n", "l10n", "m17n"};

constexpr std::array<std::string_view, 7> kSpokenPunctuation = {"dot", "slash", "colon", "at",
                                                                "dash", "underscore", "hyphen"};

constexpr std::array<std::string_view, 11> kDigitWords = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};

// Key of a token's text: lowercase alphanumerics; possessive and (for words,
// names and acronyms) plural s removed.
std::string make_key(std::span<const CodePoint> cps, std::size_t first, std::size_t last,
                     TokenKind kind) {
  std::size_t end = last;
  if (end - first >= 3 && (cps[end - 2].c == U'\'' || cps[end - 2].c == U'’') &&
      (cps[end - 1].c == U's' || cps[end - 1].c == U'S'))
    end -= 2;
  // Written into a buffer and copied once: a key's characters are below
  // U+0250 (is_alnum), two bytes at most, and a std::string grown a
  // character at a time costs more than the rest of the scan.
  constexpr std::size_t kBuffered = 64;
  char buffer[2 * kBuffered];
  std::string long_key;  // tokens of more than kBuffered code points (URLs)
  const bool buffered = end - first <= kBuffered;
  std::size_t size = 0;
  char32_t last_letter = 0, before_last = 0;
  std::size_t letters = 0;
  for (std::size_t i = first; i < end; ++i) {
    const char32_t c = fold_width(cps[i].c);
    if (!is_folded_alnum(c)) continue;
    const char32_t lowered = folded_lower(c);
    if (!buffered) {
      append_utf8(long_key, lowered);
    } else if (lowered < 0x80) {
      buffer[size++] = char(lowered);
    } else {
      buffer[size++] = char(0xC0 | (lowered >> 6));
      buffer[size++] = char(0x80 | (lowered & 0x3F));
    }
    before_last = last_letter;
    last_letter = c;
    ++letters;
  }
  bool drop_plural_s = false;
  const bool plural_kind = kind == TokenKind::Word || kind == TokenKind::Name || kind == TokenKind::Acronym;
  if (plural_kind && last_letter == U's') {
    // PRs, APIs: capital before a lowercase s; words: at least four letters, not -ss.
    drop_plural_s = is_ascii_upper(before_last) || (letters >= 4 && before_last != U's' && before_last != U'S');
  }
  if (!buffered) {
    if (drop_plural_s) long_key.pop_back();
    return long_key;
  }
  return std::string(buffer, size - (drop_plural_s ? 1 : 0));
}

// Keys of the alphanumeric segments of a compound token; none for a token of
// one segment (most tokens: nothing is allocated for them).
std::vector<std::string> make_parts(std::span<const CodePoint> cps, std::size_t first,
                                    std::size_t last) {
  std::vector<std::string> parts;
  std::size_t k = first;
  std::size_t first_start = 0, first_end = 0;  // the first segment, made a key once a second one is found
  std::size_t segments = 0;
  while (k < last) {
    while (k < last && !is_alnum(cps[k].c)) ++k;
    const std::size_t start = k;
    while (k < last && is_alnum(cps[k].c)) ++k;
    // Single digits count (GPT-3 -> gpt, 3); single letters do not (C/C++).
    if (k - start >= 2 || (k - start == 1 && is_ascii_digit(fold_width(cps[start].c)))) {
      if (++segments == 1) {
        first_start = start;
        first_end = k;
        continue;
      }
      if (segments == 2) parts.push_back(make_key(cps, first_start, first_end, TokenKind::Word));
      parts.push_back(make_key(cps, start, k, TokenKind::Word));
    }
  }
  return parts;
}

class TokenScanner {
 public:
  explicit TokenScanner(std::span<const CodePoint> cps) : cps_(cps), out_(buffer()) { out_.clear(); }

  // The tokens are collected in a buffer kept per thread and moved into a
  // vector of their exact size: a result grown by doubling moved every token
  // again and again, and was shrunk to size by its caller once more.
  std::vector<LatinToken> run() {
    std::size_t i = 0;
    while (i < cps_.size()) {
      if (!is_alnum(cps_[i].c)) {
        ++i;
        continue;
      }
      i = scan_one(i);
    }
    std::vector<LatinToken> tokens(std::make_move_iterator(out_.begin()), std::make_move_iterator(out_.end()));
    out_.clear();
    if (out_.capacity() > 4096) out_ = std::vector<LatinToken>();  // one huge line: do not keep its room
    return tokens;
  }

 private:
  static std::vector<LatinToken>& buffer() {
    thread_local std::vector<LatinToken> tokens;
    return tokens;
  }
  std::span<const CodePoint> cps_;
  std::vector<LatinToken>& out_;

  char32_t at(std::size_t i) const { return i < cps_.size() ? fold_width(cps_[i].c) : 0; }

  bool starts_with_ci(std::size_t i, std::string_view s) const {
    for (std::size_t k = 0; k < s.size(); ++k)
      if (folded_lower(at(i + k)) != char32_t(s[k])) return false;
    return true;
  }

  static bool url_stop(char32_t c) {
    return c < 0x20 || chars::is_blank(c) || c >= 0x2E80 || c == U'"' || c == U'<' ||
           c == U'>' || c == U'\'' || c == U'`' || c == U'(' || c == U')' || c == U'[' || c == U']' ||
           (c >= 0x2000 && c <= 0x206F);  // general punctuation: “ ” ‘ ’ — …
  }

  std::size_t scan_one(std::size_t i) {
    // URLs with a scheme or www.: everything up to a space, CJK text or a bracket.
    const bool scheme = starts_with_ci(i, "http://") || starts_with_ci(i, "https://") ||
                        starts_with_ci(i, "ftp://") || starts_with_ci(i, "www.");
    std::size_t j = i;
    if (scheme) {
      while (!url_stop(at(j))) ++j;
      while (j > i && (at(j - 1) == U'.' || at(j - 1) == U',' || at(j - 1) == U':' ||
                       at(j - 1) == U';' || at(j - 1) == U'!' || at(j - 1) == U'?'))
        --j;
      push(i, i, j, TokenKind::Url, Carry::Required);
      return j;
    }
    // Letters, digits and inner connectors; "//" inside a URL path counts as a connector.
    // A path keeps its leading slash (/usr/share/doc, ~/.bashrc).
    std::size_t first = i;
    if (i > 0 && at(i - 1) == U'/') {
      first = i - 1;
      if (i > 1 && at(i - 2) == U'~') first = i - 2;
    } else if (i > 1 && at(i - 1) == U'.' && at(i - 2) == U'/') {
      first = i - 2;
    }
    while (j < cps_.size()) {
      const char32_t c = at(j);
      if (is_folded_alnum(c)) {
        ++j;
        continue;
      }
      const bool connector = c == U'-' || c == U'_' || c == U'.' || c == U'/' || c == U'+' ||
                             c == U'@' || c == U'\'' || c == U'’' || c == U'~';
      if (!connector) break;
      std::size_t k = j + 1;
      if (c == U'/' && at(k) == U'/') ++k;
      if (!is_folded_alnum(at(k))) break;
      if ((c == U'\'' || c == U'’') && !is_folded_letter(at(k))) break;
      j = k;
    }
    // C++, C#: a symbol suffix on a short name.
    if ((at(j) == U'+' && at(j + 1) == U'+') && !is_folded_alnum(at(j + 2))) j += 2;
    else if (at(j) == U'#' && j - i <= 2 && !is_folded_alnum(at(j + 1))) j += 1;
    if (const std::size_t number = glued_section_number(i, j); first == i && number > i) {
      classify(i, i, number);
      classify(number, number, j);
      return j;
    }
    classify(first, i, j);
    return j;
  }

  // A word glued to a section number ("Prev9.5.", glued_section_number.hpp)
  // is two tokens: returns where the number starts, or `i` when [i, j) is not one.
  std::size_t glued_section_number(std::size_t i, std::size_t j) const {
    std::size_t k = i;
    while (k < j && chars::is_ascii_letter(at(k))) ++k;
    const auto code_point = [this](std::size_t m) { return at(m); };
    const auto stop = glued_section_number_stop(code_point, i, k);
    return stop && *stop == j ? k : i;
  }

  // `lead` <= `first`: a path's leading "/" or "~/" (part of the span, not of the key).
  void classify(std::size_t lead, std::size_t first, std::size_t last) {
    // 32-bit, 13th, 64bit, 1990s: a number with a unit or suffix, not a token.
    if (is_ascii_digit(at(first))) {
      std::size_t k = first;
      while (k < last && is_ascii_digit(at(k))) ++k;
      bool numeric = k < last;
      for (std::size_t m = k; m < last && numeric; ++m)
        numeric = is_ascii_lower(at(m)) || at(m) == U'-';
      if (numeric) return;
    }
    // v9, V2: a version number; numbers.hpp reads it.
    if ((at(first) == U'v' || at(first) == U'V') && last - first >= 2 &&
        std::all_of(cps_.begin() + std::ptrdiff_t(first) + 1, cps_.begin() + std::ptrdiff_t(last),
                    [](const CodePoint& cp) { return is_ascii_digit(fold_width(cp.c)); }))
      return;
    std::size_t letters = 0, digits = 0, uppers = 0, lowers = 0, dots = 0;
    bool at_sign = false, slash = false, underscore = false, plus = false, inner_upper = false;
    std::size_t last_dot = 0;
    bool single_letter_segments = true;  // e.g., i.e., U.S.
    std::size_t segment = 0;
    for (std::size_t k = first; k < last; ++k) {
      const char32_t c = at(k);
      if (is_folded_letter(c)) {
        ++letters;
        ++segment;
        if (is_ascii_upper(c) || (c >= 0xC0 && c <= 0xDE)) {
          ++uppers;
          if (k > first && is_folded_letter(at(k - 1)) && !is_ascii_upper(at(k - 1))) inner_upper = true;
        } else {
          ++lowers;
        }
      } else if (is_ascii_digit(c)) {
        ++digits;
        ++segment;
      } else {
        if (c == U'.') {
          ++dots;
          last_dot = k;
          if (segment != 1) single_letter_segments = false;
          segment = 0;
        }
        at_sign = at_sign || c == U'@';
        slash = slash || c == U'/';
        underscore = underscore || c == U'_';
        plus = plus || c == U'+' || c == U'#';
      }
    }
    if (segment != 1) single_letter_segments = false;

    TokenKind kind = TokenKind::Word;
    if (letters == 0) {
      if (dots >= 2) push(lead, first, last, TokenKind::Version, Carry::Required);  // 2.6.32
      return;  // plain numbers are not tokens
    }
    std::string tld;
    if (dots > 0) {
      for (std::size_t k = last_dot + 1; k < last && is_folded_letter(at(k)); ++k) tld.push_back(char(folded_lower(at(k))));
      // The label after the last dot must end the host part (end of token or a slash).
      std::size_t k = last_dot + 1 + tld.size();
      if (k < last && at(k) != U'/') tld.clear();
    }
    const bool url_like = dots > 0 && !tld.empty() &&
                          std::find(kTopLevelDomains.begin(), kTopLevelDomains.end(), tld) !=
                              kTopLevelDomains.end();
    if (dots > 0 && single_letter_segments) {
      kind = TokenKind::Word;  // abbreviations: e.g, i.e, U.S
    } else if (at_sign && dots > 0) {
      kind = TokenKind::Email;
    } else if (url_like && !at_sign) {
      kind = TokenKind::Url;
    } else if ((at(first) == U'v' || at(first) == U'V') && digits > 0 && letters == 1 && dots >= 1) {
      kind = TokenKind::Version;
    } else if (digits > 0 || underscore || slash || dots > 0 || plus || at_sign) {
      kind = TokenKind::Identifier;
    } else if (uppers >= 2 && (lowers == 0 || (lowers == 1 && at(last - 1) == U's'))) {
      kind = TokenKind::Acronym;
    } else if (uppers > 0 && (is_ascii_upper(at(first)) || inner_upper || (at(first) >= 0xC0 && at(first) <= 0xDE))) {
      kind = TokenKind::Name;
    }
    const bool path = lead < first;
    if (path && kind != TokenKind::Url && kind != TokenKind::Email) kind = TokenKind::Identifier;

    Carry carry = Carry::None;
    switch (kind) {
      case TokenKind::Url:
      case TokenKind::Email:
      case TokenKind::Version:
        carry = Carry::Required;
        break;
      case TokenKind::Identifier:
        if (digits > 0 || dots > 0 || at_sign || plus || path) carry = Carry::Required;
        else if (lowers == 0) carry = Carry::None;  // OVERRIDE_FILE, BIN-DIR: placeholders, often translated
        else if (underscore) carry = Carry::Required;  // dh_make
        else if (uppers > 0) carry = Carry::Expected;  // GNU/Linux; not and/or
        break;
      case TokenKind::Acronym:
        if (letters <= 5) carry = Carry::Expected;  // longer all-caps words are placeholders
        break;
      default:
        break;
    }
    push(lead, first, last, kind, carry);
  }

  void push(std::size_t lead, std::size_t first, std::size_t last, TokenKind kind, Carry carry) {
    std::string key = make_key(cps_, first, last, kind);
    if (key.empty()) return;
    const auto listed = [&](const auto& list) { return std::find(list.begin(), list.end(), key) != list.end(); };
    if ((kind == TokenKind::Acronym && listed(kUncarriedCaps)) ||
        (kind == TokenKind::Identifier && listed(kTranslatedIdentifiers)))
      carry = Carry::None;
    // (The key moved in, not assigned: one string copy less per token.)
    out_.push_back(LatinToken{cps_[lead].begin, cps_[last - 1].end, kind, carry, std::move(key),
                              make_parts(cps_, first, last)});
  }
};

// ---- Comparison.

bool is_single_letter(const LatinToken& t) { return t.key.size() == 1; }

// Whether a token is worth checking on the translation side.
bool considered_in_translation(const LatinToken& t) {
  if (is_single_letter(t)) return false;
  if (t.kind == TokenKind::Word && t.key.size() < 3) return false;
  return true;
}

// Runs of adjacent tokens (separated by at most one byte: a space or a hyphen),
// joined into one key with the word boundaries kept, so that runs of whole
// words can be matched as one key.
struct JoinedRun {
  std::string joined;
  std::vector<std::size_t> starts;    // boundary offsets in `joined`, including 0 and size
  std::vector<std::size_t> token_at;  // token index of each word
  std::string_view window(std::size_t s, std::size_t e) const {
    return std::string_view(joined).substr(starts[s], starts[e] - starts[s]);
  }
  std::size_t words() const { return token_at.size(); }
};

bool is_spoken_punctuation(const std::string& key) {
  return std::find(kSpokenPunctuation.begin(), kSpokenPunctuation.end(), key) != kSpokenPunctuation.end();
}

std::vector<JoinedRun> joined_runs(std::span<const LatinToken> tokens, bool drop_spoken) {
  std::vector<JoinedRun> runs;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const bool adjacent = k > 0 && tokens[k].begin <= tokens[k - 1].end + 1;
    if (!adjacent || runs.empty()) runs.emplace_back().starts.push_back(0);
    if (drop_spoken && is_spoken_punctuation(tokens[k].key)) continue;
    JoinedRun& run = runs.back();
    run.joined += tokens[k].key;
    run.starts.push_back(run.joined.size());
    run.token_at.push_back(k);
  }
  return runs;
}

// Digit variant of a key ending in a number word: "gpttwo" -> "gpt2".
std::optional<std::string> digit_variant(const std::string& key) {
  for (std::size_t d = 0; d < kDigitWords.size(); ++d) {
    const auto word = kDigitWords[d];
    if (key.size() > word.size() && key.ends_with(word))
      return key.substr(0, key.size() - word.size()) + std::to_string(d);
  }
  return std::nullopt;
}

int digit_of_word(const std::string& key) {
  for (std::size_t d = 0; d < kDigitWords.size(); ++d)
    if (kDigitWords[d] == key) return int(d);
  return -1;
}

// Optimal string alignment distance (edits plus adjacent transpositions), in
// bytes; any value above `limit` is reported as limit + 1.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
  std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// Edits allowed for a near match: one per three characters, at most three;
// three-character keys get one edit if the first letter agrees (GPT ~ GBT, an
// ASR slip), shorter keys none.
std::size_t near_limit(std::size_t length) { return length < 3 ? 0 : std::clamp<std::size_t>(length / 3, 1, 3); }

constexpr std::size_t kMaxNearWords = 3;
constexpr std::size_t kMaxSpokenWords = 8;  // "h f dot c o slash slash course" is 5 words once "dot"/"slash" go
constexpr std::size_t kMaxInitials = 6;
// Edit-distance evaluations per comparison: typical pairs need a few hundred;
// the budget only bounds pathological lines (no near match is found past it).
constexpr std::size_t kNearBudget = 200000;

// Everything one side offers for matching the other side's keys. Exact
// lookups binary-search the sorted suffixes of the joined runs that start at a
// word, so any run of whole words is found at the cost of one sort; the
// candidates for near matches and acronyms are built only when first needed.
class SideIndex {
 public:
  explicit SideIndex(std::span<const LatinToken> tokens) : tokens_(tokens) {
    runs_ = joined_runs(tokens, false);
    literal_runs_ = runs_.size();
    if (std::any_of(tokens.begin(), tokens.end(), [](const LatinToken& t) { return is_spoken_punctuation(t.key); })) {
      std::vector<JoinedRun> dropped = joined_runs(tokens, true);
      runs_.insert(runs_.end(), std::make_move_iterator(dropped.begin()), std::make_move_iterator(dropped.end()));
    }
    spoken_runs_end_ = runs_.size();
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      const LatinToken& t = tokens[k];
      if (auto variant = digit_variant(t.key)) add_single(*variant);  // GPT-two = GPT-2
      // "GPT three" = GPT-3: a number word after an adjacent token.
      const int digit = digit_of_word(t.key);
      if (digit >= 0 && k > 0 && t.begin <= tokens[k - 1].end + 1)
        add_single(tokens[k - 1].key + char('0' + digit));
      for (const std::string& part : t.parts) add_single(part);       // Unix in Unix-like
      words_.push_back(t.key);
    }
    for (std::uint32_t r = 0; r < runs_.size(); ++r)
      for (std::uint32_t w = 0; w < runs_[r].words(); ++w)
        suffixes_.push_back(Suffix::of(std::string_view(runs_[r].joined).substr(runs_[r].starts[w]), r, w));
    // The order of the texts (their first bytes decide most comparisons).
    std::sort(suffixes_.begin(), suffixes_.end(), [](const Suffix& a, const Suffix& b) {
      return a.head != b.head ? a.head < b.head : a.text < b.text;
    });
    std::sort(words_.begin(), words_.end());
  }
  SideIndex(const SideIndex&) = delete;
  SideIndex& operator=(const SideIndex&) = delete;

  // The keys exact() and initials() accept, up to kMaxNearWords words per
  // literal window and kMaxSpokenWords per window with spoken punctuation dropped.
  std::vector<std::string> all_keys() const {
    std::vector<std::string> keys;
    for (std::size_t r = 0; r < runs_.size(); ++r) {
      const JoinedRun& run = runs_[r];
      const bool spoken = r >= literal_runs_ && r < spoken_runs_end_;
      const std::size_t max_words = spoken ? kMaxSpokenWords : kMaxNearWords;
      for (std::size_t s = 0; s < run.words(); ++s)
        for (std::size_t e = s + 1; e <= run.words() && e <= s + max_words; ++e) keys.emplace_back(run.window(s, e));
    }
    if (!initials_built_) build_initials();
    keys.insert(keys.end(), initials_.begin(), initials_.end());
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
  }

  // `key` is one or more whole consecutive words of this side (or a segment, or a digit variant).
  bool exact(std::string_view key) const {
    if (key.empty()) return false;
    auto it = std::lower_bound(suffixes_.begin(), suffixes_.end(), key,
                               [](const Suffix& s, std::string_view k) { return s.text < k; });
    for (; it != suffixes_.end() && it->text.starts_with(key); ++it) {
      const JoinedRun& run = runs_[it->run];
      if (std::binary_search(run.starts.begin(), run.starts.end(), run.starts[it->word] + key.size()))
        return true;
    }
    return false;
  }

  // Without listing them all (most keys asked are none): only the starts
  // whose first word can begin `key` are read.
  bool initials(std::string_view key) const {
    if (key.size() < 2 || key.size() > kMaxInitials) return false;
    if (initials_built_) return std::binary_search(initials_.begin(), initials_.end(), key);
    for (std::size_t r = 0; r < literal_runs_; ++r) {
      const JoinedRun& run = runs_[r];
      for (std::size_t s = 0; s < run.words(); ++s) {
        // Initials from s start with its word's first letter, or with the
        // digit it names ('0' + 10 for "ten").
        const std::string& word = tokens_[run.token_at[s]].key;
        if (word.size() < 2) continue;
        if (word[0] != key[0]) {
          const int digit = key[0] >= '0' && key[0] <= ':' ? digit_of_word(word) : -1;
          if (digit < 0 || char('0' + digit) != key[0]) continue;
        }
        const bool found = visit_initials(run, s, [&](const std::vector<std::string>& variants) {
          return std::find(variants.begin(), variants.end(), key) != variants.end();
        });
        if (found) return true;
      }
    }
    return false;
  }

  std::vector<std::string> all_initials() const {
    if (!initials_built_) build_initials();
    return initials_;
  }

  // `key` starts a longer word of this side (man -> manual).
  bool starts_word(std::string_view key) const {
    if (key.size() < 3) return false;
    for (auto it = std::lower_bound(words_.begin(), words_.end(), key); it != words_.end() && it->starts_with(key); ++it)
      if (it->size() > key.size()) return true;
    return false;
  }

  // This side has a word of three or more characters that starts `key` (MD5 -> md5sum).
  bool has_prefix_of(std::string_view key) const {
    for (std::size_t length = 3; length < key.size(); ++length)
      if (std::binary_search(words_.begin(), words_.end(), key.substr(0, length))) return true;
    return false;
  }

  // Within near_limit edits of 1..3 consecutive words.
  bool near(std::string_view key, std::size_t& budget) const {
    const std::size_t limit = near_limit(key.size());
    if (limit == 0) return false;
    if (!near_built_) build_near();
    auto it = std::lower_bound(near_.begin(), near_.end(), key.size() - limit,
                               [](std::string_view w, std::size_t length) { return w.size() < length; });
    for (; it != near_.end() && it->size() <= key.size() + limit; ++it) {
      if (key.size() <= 3 && (*it)[0] != key[0]) continue;
      if (budget == 0) return false;
      --budget;
      if (edit_distance(key, *it, limit) <= limit) return true;
    }
    return false;
  }

 private:
  struct Suffix {
    std::string_view text;
    std::uint32_t run = 0;
    std::uint32_t word = 0;
    // The text's first 8 bytes, big-endian, zero-padded: a smaller head is a
    // smaller text (bytes compare unsigned, as char_traits<char> does); equal
    // heads leave it to the whole texts.
    std::uint64_t head = 0;
    static Suffix of(std::string_view text, std::uint32_t run, std::uint32_t word) {
      Suffix suffix{text, run, word, 0};
      for (std::size_t k = 0; k < 8; ++k)
        suffix.head = suffix.head << 8 | (k < text.size() ? static_cast<unsigned char>(text[k]) : 0u);
      return suffix;
    }
  };
  std::span<const LatinToken> tokens_;
  std::vector<JoinedRun> runs_;
  std::size_t literal_runs_ = 0;
  std::size_t spoken_runs_end_ = 0;  // runs_[literal_runs_, spoken_runs_end_) drop spoken punctuation
  std::vector<Suffix> suffixes_;
  std::vector<std::string_view> words_;
  mutable bool initials_built_ = false, near_built_ = false;
  mutable std::vector<std::string> initials_;
  mutable std::vector<std::string_view> near_;  // sorted by length

  void add_single(const std::string& key) {
    JoinedRun run;
    run.joined = key;
    run.starts = {0, key.size()};
    run.token_at = {0};
    runs_.push_back(std::move(run));
  }

  void build_near() const {
    near_built_ = true;
    for (const JoinedRun& run : runs_)
      for (std::size_t s = 0; s < run.words(); ++s)
        for (std::size_t e = s + 1; e <= run.words() && e <= s + kMaxNearWords; ++e) near_.push_back(run.window(s, e));
    std::stable_sort(near_.begin(), near_.end(),
                     [](std::string_view a, std::string_view b) { return a.size() < b.size(); });
  }

  // Initials of 2..6 consecutive words (single letters excluded), with number
  // words also read as digits ("formula one" gives "fo" and "f1") and
  // acronyms whole ("Voice over IP" gives "voi" and "voip").
  void build_initials() const {
    initials_built_ = true;
    for (std::size_t r = 0; r < literal_runs_; ++r) {
      for (std::size_t s = 0; s < runs_[r].words(); ++s) {
        visit_initials(runs_[r], s, [&](const std::vector<std::string>& variants) {
          initials_.insert(initials_.end(), variants.begin(), variants.end());
          return false;
        });
      }
    }
    std::sort(initials_.begin(), initials_.end());
  }

  // The initials of the words of `run` from word s on, 2 words and more, each
  // length's variants given to visit(variants) until it returns true (then true).
  template <class Visit>
  bool visit_initials(const JoinedRun& run, std::size_t s, const Visit& visit) const {
    std::vector<std::string> variants{""};
    for (std::size_t e = s; e < run.words() && e < s + kMaxInitials; ++e) {
      const LatinToken& token = tokens_[run.token_at[e]];
      const std::string& word = token.key;
      if (word.size() < 2) break;
      const int digit = digit_of_word(word);
      const bool acronym = token.kind == TokenKind::Acronym;
      const std::size_t count = variants.size();
      for (std::size_t v = 0; v < count; ++v) {
        if (digit >= 0 && variants.size() < 8) variants.push_back(variants[v] + char('0' + digit));
        if (acronym && variants.size() < 8) variants.push_back(variants[v] + word);
        variants[v].push_back(word[0]);
      }
      if (e > s && visit(variants)) return true;
    }
    return false;
  }
};

}  // namespace

std::vector<LatinToken> scan_tokens(std::string_view line) { return TokenScanner(decode_code_points(line)).run(); }

std::vector<LatinToken> scan_tokens(std::string_view, std::span<const CodePointSpan> code_points) {
  return TokenScanner(code_points).run();
}

std::string token_key(std::string_view text) {
  const auto cps = decode_code_points(text);
  return make_key(cps, 0, cps.size(), TokenKind::Word);
}

bool must_carry(const LatinToken& token) { return token.carry != Carry::None; }

std::vector<std::string> token_match_keys(std::span<const LatinToken> tokens) {
  return SideIndex(tokens).all_keys();
}

std::vector<std::string> token_initials(std::span<const LatinToken> tokens) { return SideIndex(tokens).all_initials(); }

std::vector<bool> are_token_initials(std::span<const LatinToken> tokens, std::span<const std::string> keys) {
  const SideIndex index(tokens);
  std::vector<bool> found;
  found.reserve(keys.size());
  for (const std::string& key : keys) found.push_back(index.initials(key));
  return found;
}

TokenComparison compare_tokens(std::span<const LatinToken> translation,
                               std::span<const LatinToken> original) {
  TokenComparison result;
  const SideIndex original_index(original);
  const SideIndex translation_index(translation);
  std::size_t budget = kNearBudget;
  const std::vector<JoinedRun> translation_runs = joined_runs(translation, false);

  // Translation side: a token matches alone, or joined with its neighbours
  // (HuggingFace vs Hugging Face), or as an acronym of original words.
  std::vector<TokenMatch> grade(translation.size(), TokenMatch::None);
  for (std::size_t k = 0; k < translation.size(); ++k) {
    if (original_index.exact(translation[k].key) || original_index.initials(translation[k].key))
      grade[k] = TokenMatch::Exact;
  }
  for (const JoinedRun& run : translation_runs) {
    for (std::size_t s = 0; s < run.words(); ++s) {
      for (std::size_t e = s + 2; e <= run.words() && e <= s + kMaxNearWords; ++e) {
        if (!original_index.exact(run.window(s, e))) continue;
        for (std::size_t m = s; m < e; ++m) grade[run.token_at[m]] = TokenMatch::Exact;
      }
    }
  }
  // A compound whose word segments are all there: FIPS-151-2 vs "FIPS 151-2";
  // some of them: near (IBM/摩托罗拉 vs IBM/Motorola).
  for (std::size_t k = 0; k < translation.size(); ++k) {
    const auto& parts = translation[k].parts;
    if (grade[k] != TokenMatch::None || parts.empty()) continue;
    std::size_t found = 0, digits_only = 0;
    for (const std::string& part : parts) {
      if (std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) ++digits_only;
      else if (original_index.exact(part)) ++found;
    }
    if (found > 0) grade[k] = found + digits_only == parts.size() ? TokenMatch::Exact : TokenMatch::Near;
  }
  // Joined neighbours within a small edit distance: Hugging Face ~ Higginface.
  for (const JoinedRun& run : translation_runs) {
    for (std::size_t s = 0; s < run.words(); ++s) {
      for (std::size_t e = s + 2; e <= run.words() && e <= s + kMaxNearWords; ++e) {
        bool open = false;
        for (std::size_t m = s; m < e; ++m) open = open || grade[run.token_at[m]] == TokenMatch::None;
        if (!open || !original_index.near(run.window(s, e), budget)) continue;
        for (std::size_t m = s; m < e; ++m)
          if (grade[run.token_at[m]] == TokenMatch::None) grade[run.token_at[m]] = TokenMatch::Near;
      }
    }
  }
  for (std::size_t k = 0; k < translation.size(); ++k) {
    if (!considered_in_translation(translation[k])) continue;
    const std::string& key = translation[k].key;
    if (grade[k] == TokenMatch::None && (original_index.starts_word(key) || original_index.near(key, budget)))
      grade[k] = TokenMatch::Near;
    switch (grade[k]) {
      case TokenMatch::Exact: ++result.matched_translation; break;
      case TokenMatch::Near: result.near_translation.push_back(k); break;
      case TokenMatch::None: result.unmatched_translation.push_back(k); break;
    }
  }

  // Original side: tokens that should be carried.
  for (std::size_t k = 0; k < original.size(); ++k) {
    if (!must_carry(original[k])) continue;
    const std::string& key = original[k].key;
    bool exact = translation_index.exact(key);
    if (!exact) {
      if (auto variant = digit_variant(key)) exact = translation_index.exact(*variant);
    }
    // Every segment of a compound found is a match; some of them a near match
    // (/etc/alternatives/NAME vs /etc/alternatives/名称).
    const auto& parts = original[k].parts;
    std::size_t found_parts = 0;
    for (const std::string& part : parts) found_parts += translation_index.exact(part) ? 1 : 0;
    if (exact || (!parts.empty() && found_parts == parts.size())) {
      ++result.matched_original;
      continue;
    }
    // Near: some segments, an edit or two away, abbreviated in the translation
    // (MD5 for MD5sums), or joined with adjacent original words ("Java Script" ~ JavaScript).
    bool near = found_parts > 0 || translation_index.has_prefix_of(key) || translation_index.near(key, budget);
    for (std::size_t s = k >= 2 ? k - 2 : 0; s <= k && !near; ++s) {
      for (std::size_t e = std::max(k + 1, s + 2); e <= original.size() && e <= s + 3 && !near; ++e) {
        std::string joined;
        bool adjacent = true;
        for (std::size_t m = s; m < e; ++m) {
          if (m > s && original[m].begin > original[m - 1].end + 1) adjacent = false;
          joined += original[m].key;
        }
        near = adjacent && (translation_index.exact(joined) || translation_index.near(joined, budget));
      }
    }
    if (near) result.near_original.push_back(k);
    else result.unmatched_original.push_back(k);
  }
  return result;
}

}  // namespace bitext
