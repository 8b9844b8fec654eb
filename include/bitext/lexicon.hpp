// A Chinese-English dictionary as a lexical signal: which content words of a
// Chinese line have a translation in an English line and the reverse, and
// where in each line they sit.
//
// The dictionary is CC-CEDICT, converted at build time into a compact image
// (build_lexicon_image) that the core maps into memory once (Lexicon::open).
// Everything here works without it: Lexicon::shared() is then null and the
// callers turn the signal off.
//
// Words. Chinese words are ICU's word segmentation of the Han runs of a line
// (ICU has a Chinese dictionary of its own); a segment the dictionary does not
// know is read again by longest dictionary match inside it. English words are
// ASCII letter runs, lowercased and normalised by english_word_key (plurals,
// -ing, -ed, final e and doubled consonants dropped), so that a gloss "to
// install packages" and a line "installing a package" share keys; function
// words are not content words. Latin words inside a Chinese line (commands,
// names carried over) are English words of that line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bitext {

// Lowercased, normalised form of an English word: "Installing" -> "instal",
// "packages" -> "packag", "libraries" -> "librari"; the same for a word and its
// plural or -ing/-ed form (see above). Empty for a function word ("the", "of").
std::string english_word_key(std::string_view word);

// One dictionary entry, as the converter reads it: a simplified Chinese
// headword and its English glosses ("to install; installation").
struct LexiconEntry {
  std::string chinese;
  std::vector<std::string> glosses;
};

// The compact image of a dictionary: headwords sorted by bytes, each with the
// sorted keys (english_word_key) of the content words of its glosses, outside
// parentheses, and hash indexes of the headwords and keys (so that loading it
// builds nothing). Entries with the same headword are merged.
std::string build_lexicon_image(std::span<const LexiconEntry> entries);

class Lexicon {
 public:
  // Maps the image file. Nullopt with a reason in *error when the file is
  // missing, unreadable or not a valid image (every offset is checked once,
  // and the pages the check read are dropped again).
  static std::optional<Lexicon> open(const std::string& path, std::string* error = nullptr);
  // An image held in memory (tests, or a caller that built one).
  static std::optional<Lexicon> from_image(std::string image, std::string* error = nullptr);

  // The process-wide dictionary, loaded on first use: $BITEXT_LEXICON when set
  // (set and empty: no dictionary), else cedict.lex next to the executable, else
  // ../share/bitext/cedict.lex from it. Null when none can be loaded.
  static const Lexicon* shared();

  std::size_t entry_count() const { return entry_count_; }
  std::size_t key_count() const { return key_count_; }
  std::size_t image_bytes() const { return bytes_.size(); }
  std::size_t longest_headword_bytes() const { return longest_headword_; }

  // Whether the headword is in the dictionary.
  bool contains(std::string_view chinese) const { return find(chinese) >= 0; }
  // Ids of the English keys the headword translates to (sorted); empty when unknown.
  std::span<const std::uint32_t> translations(std::string_view chinese) const;
  // Id of an English key (english_word_key), or nullopt when no gloss has it.
  std::optional<std::uint32_t> key_id(std::string_view key) const;
  std::string_view key_text(std::uint32_t id) const;
  // Drops the resident pages of a mapped image (they come back from the page
  // cache when read again): for a caller done with its lookups for a while,
  // so that the image does not count in the process's memory beside what the
  // caller allocates next. Safe while other threads look words up.
  void release_pages() const { release(0, bytes_.size()); }

  // A copy that remembers the answers of its lookups (contains, translations,
  // key_id) in memory shared by every remembering copy of this dictionary, so
  // that a word looked up again reads no page of the image: a rerun looks up
  // the words of the pairs around the edit again at every edit, and each read
  // of a mapped image maps 64 KiB of it (the kernel's fault-around), so a few
  // hundred lookups made the whole image resident. The answers are the
  // image's; a remembered word is never forgotten (spans stay valid), and
  // once kRememberedWords are kept, further words are read from the image.
  Lexicon remembering() const;
  static constexpr std::size_t kRememberedWords = std::size_t{1} << 14;

 private:
  Lexicon() = default;
  bool validate(std::string* error);
  // Drops the resident pages of the image's bytes [from, to) of a mapped file
  // (they come back from the page cache when read again); nothing for an image
  // held in memory.
  void release(std::size_t from, std::size_t to) const;
  std::ptrdiff_t find(std::string_view chinese) const;
  // Index (entry or key) whose text equals `text` in a hash index of `slots`
  // slots at `index_at` over `count` texts (table rows of `stride` bytes), or -1.
  std::ptrdiff_t find_in(std::size_t index_at, std::size_t slots, std::size_t count, std::size_t table_at,
                         std::size_t stride, std::string_view text) const;
  std::uint32_t word32(std::size_t index) const;
  std::span<const std::uint32_t> image_translations(std::ptrdiff_t entry) const;
  struct Memo;  // lexicon.cpp
  struct RememberedHeadword;
  // The remembered answer for a headword, or null when the memo is full.
  const RememberedHeadword* remembered(std::string_view chinese) const;
  std::optional<std::optional<std::uint32_t>> remembered_key(std::string_view key) const;

  std::shared_ptr<const void> storage_;  // the mapping or the string that holds the bytes
  bool mapped_ = false;
  std::string_view bytes_;
  std::size_t entry_count_ = 0;
  std::size_t key_count_ = 0;
  std::size_t gloss_count_ = 0;
  std::size_t entries_at_ = 0, keys_at_ = 0, glosses_at_ = 0, pool_at_ = 0;
  // The image's hash indexes (headwords, keys): a lookup reads one or two slots
  // and the entry they name, so only the pages that lookups touch are read.
  std::size_t headword_index_at_ = 0, key_index_at_ = 0;
  std::size_t headword_slots_ = 0, key_slots_ = 0;
  std::size_t longest_headword_ = 0;
  std::shared_ptr<Memo> memo_;  // shared by all copies; consulted by remembering ones
  bool remembering_ = false;
};

enum class WordOrigin : std::uint8_t {
  Chinese,  // a Chinese word (ICU segment, possibly split by the dictionary)
  Latin,    // a Latin word: an English word, or one carried over into a Chinese line
};

// A content word of a line: byte span in the line and its lookup key (the
// Chinese word itself, or english_word_key of a Latin word).
struct LexicalWord {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  WordOrigin origin = WordOrigin::Latin;
  std::string key;
  bool operator==(const LexicalWord&) const = default;
};

// Content words of a Chinese line: Chinese words that the dictionary knows (all
// Han words of two or more characters without a dictionary) and Latin words.
// Function words (的, 了, 是, ...) are left out.
std::vector<LexicalWord> chinese_line_words(std::string_view line, const Lexicon* lexicon);
// Content words of an English line (Latin letter runs; digits are numbers.hpp's).
std::vector<LexicalWord> english_line_words(std::string_view line);

// Which words of each side have a counterpart on the other: a Chinese word
// whose translations include the key of an English word, a Latin word of the
// Chinese line with the same key as an English word. Spans are given as word
// ranges so that a caller can score re-alignments (a part of a line against a
// part of another) without segmenting again.
struct LexicalEvidence {
  std::vector<bool> chinese_matched;  // per word of the Chinese span
  std::vector<bool> english_matched;  // per word of the English span
  std::size_t chinese_content = 0;    // Chinese words that could be matched (known to the dictionary, or Latin)
  std::size_t chinese_hits = 0;
  std::size_t english_content = 0;
  std::size_t english_hits = 0;
  // Share of content words with a counterpart, both sides pooled; 0 with no content words.
  double coverage() const;
};

LexicalEvidence lexical_evidence(const Lexicon& lexicon, std::span<const LexicalWord> chinese,
                                 std::span<const LexicalWord> english);

// Where a line divides between two partner lines (a drift: the end of this
// line translates the next pair's line): the word boundary k that maximises
// the words before k with a counterpart in `first` only plus the words from k
// on with a counterpart in `second` only. `line_is_chinese` says which side
// `line` is; the partners are the other language. Nullopt when no word of the
// line has a counterpart in exactly one partner.
struct LexicalCut {
  std::size_t word = 0;       // first word of the second part (line.size(): nothing goes to `second`)
  std::uint32_t offset = 0;   // byte offset of that word in the line (end of the last word when k = size)
  int score = 0;              // the maximised count minus the words placed against their counterpart
};
// The content words of a line looked up once, so that the many partner lines
// a re-alignment tries are matched without dictionary lookups: per word, its
// translations (a Chinese word) or its key id and key hash (a Latin word).
struct ResolvedWords {
  std::vector<LexicalWord> words;
  std::vector<std::span<const std::uint32_t>> translations;  // Chinese words; empty span for Latin words
  std::vector<std::uint32_t> key_ids;                        // Latin words: key id, or kNoKey
  std::vector<std::uint64_t> key_hashes;                     // Latin words: hash of the key; 0 for Chinese words
  static constexpr std::uint32_t kNoKey = 0xFFFFFFFFu;
  // The same words as sorted (value, word mask) runs, so that all counterparts
  // between two lines come from one merge of short integer vectors
  // (match_lines): the translation ids of the Chinese words, the key ids of
  // the Latin words, the key hashes of the Latin words. Bit k of a mask is
  // word k; empty (and `masked` false) for a line of more than 64 words.
  struct Run {
    std::uint64_t value = 0;
    std::uint64_t mask = 0;
  };
  std::vector<Run> translation_runs, key_id_runs, key_hash_runs;
  bool masked = false;
  // For a line of more than 64 words (not `masked`): the same values, one
  // entry per word and value, sorted by value (empty for a masked line).
  struct ValueWord {
    std::uint64_t value = 0;
    std::uint32_t word = 0;
  };
  std::vector<ValueWord> translation_values, key_id_values, key_hash_values;
  std::size_t size() const { return words.size(); }
  bool empty() const { return words.empty(); }
  bool operator==(const ResolvedWords& other) const { return words == other.words; }
};
ResolvedWords resolve_words(const Lexicon& lexicon, std::vector<LexicalWord> words);
// Whether word `c` of a Chinese line and word `e` of an English line are
// counterparts: a translation of the Chinese word, or the same Latin word.
bool words_match(const ResolvedWords& chinese, std::size_t c, const ResolvedWords& english, std::size_t e);
// All counterparts between a Chinese and an English line at once (both
// `masked`): calls on_match(chinese_mask, english_mask) for groups of words in
// which every Chinese word of the first mask and every English word of the
// second are counterparts (words_match); every matching pair is in a group.
template <typename OnMatch>
void match_lines(const ResolvedWords& chinese, const ResolvedWords& english, OnMatch&& on_match);

namespace detail {
// Calls on_match(a.mask, b.mask) for each value in both sorted runs.
template <typename OnMatch>
void merge_runs(const std::vector<ResolvedWords::Run>& a, const std::vector<ResolvedWords::Run>& b, OnMatch& on_match) {
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->value < j->value) {
      ++i;
    } else if (j->value < i->value) {
      ++j;
    } else {
      on_match(i->mask, j->mask);
      ++i;
      ++j;
    }
  }
}
}  // namespace detail

template <typename OnMatch>
void match_lines(const ResolvedWords& chinese, const ResolvedWords& english, OnMatch&& on_match) {
  detail::merge_runs(chinese.translation_runs, english.key_id_runs, on_match);
  detail::merge_runs(chinese.key_hash_runs, english.key_hash_runs, on_match);
}

std::optional<LexicalCut> lexical_cut(const Lexicon& lexicon, std::span<const LexicalWord> line, bool line_is_chinese,
                                      std::span<const LexicalWord> first, std::span<const LexicalWord> second);

}  // namespace bitext

namespace bitext {

// How well a Latin name and a Han string can be the same name transliterated
// (米拉 and Mira, 卡特 and Carter), in [0, 1]. The Han string is read in
// pinyin by ICU's Han-Latin transliterator; both are reduced to consonant
// skeletons (sound classes: k/g/hard c, p/b, t/d, l/r, m, n, f/v/ph, s/z/x/j/q/sh/ch,
// h; vowels, y and w dropped; an English r before a consonant or at the end
// dropped, as transliteration drops it), and the score is one minus their
// weighted edit distance over the longer skeleton (near classes such as th and
// x, or h and k, cost half). Skeletons of fewer than two consonants score at
// most 0.5: one sound says little. 0 when either side has no letters.
double transliteration_score(std::string_view latin_name, std::string_view han);

// Whether a run of Han characters in `han_text` (characters of the standard
// name-transliteration tables only) reads as the Latin name, scored as
// transliteration_score does: 米拉 in "我是米拉。" for Mira.
bool transliterated_in(std::string_view latin_name, std::string_view han_text, double threshold = 0.75);

}  // namespace bitext
