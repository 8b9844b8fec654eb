// The dictionary image: building it, mapping it, looking words up.
//
// Layout (little-endian 32-bit words after an 8-byte magic):
//   magic "BTXLEX02", entry_count, key_count, gloss_count, pool_bytes,
//   headword_slots, key_slots, longest_headword,
//   entries[entry_count + 1] = {headword offset, first gloss}, sorted by headword
//                              bytes; entry i's headword is pool[offset_i, offset_i+1)
//                              and its glosses [first_i, first_i+1) (the last
//                              entry only ends the one before it),
//   keys[key_count + 1]      = offset of English word key i in the pool, sorted by
//                              bytes, ending as the entries do,
//   glosses[gloss_count]     = key ids, sorted within each entry,
//   headword_index[headword_slots], key_index[key_slots]
//                            = open addressing by text_hash with linear probing,
//                              at most 3/4 full; a slot holds index + 1 in its low
//                              index_bits(count) bits (0: empty) and the hash's high
//                              bits above them, so most misses end in the index,
//   pool                     = the bytes of every headword, then of every key.
// The indexes are built by the converter, so loading builds nothing; the image
// is about as large as BTXLEX01's (lengths are differences of offsets).
#include "bitext/lexicon.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

namespace bitext {
namespace {

constexpr std::string_view kMagic = "BTXLEX02";
constexpr std::size_t kHeaderWords = 7;
// A gloss list longer than this is an encyclopaedic entry; its first keys say enough.
constexpr std::size_t kMaxKeysPerEntry = 24;

// FNV-1a, 64 bits, then MurmurHash3's final mix: the hash the image's indexes
// are built with (fixed, not std::hash, so that an image built by one program
// is read by another). Without the mix the low half barely depends on the last
// bytes, and headwords that share their first characters pile up in one stretch
// of slots.
std::uint64_t text_hash(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

// Slots for `count` texts: at most 3/4 full, never full.
std::uint32_t slots_for(std::size_t count) { return std::uint32_t(count + count / 3 + 1); }

// Bits of an index slot that hold index + 1 (the rest hold the hash's tag).
unsigned index_bits(std::size_t count) { return unsigned(std::bit_width(count)); }

// The first slot a text's hash probes: its low 32 bits scaled to the slot count.
std::size_t home_slot(std::uint64_t hash, std::size_t slots) {
  return std::size_t((std::uint64_t(std::uint32_t(hash)) * slots) >> 32);
}

// The tag a slot keeps of a hash: its high bits above the index.
std::uint32_t slot_tag(std::uint64_t hash, unsigned bits) {
  return bits >= 32 ? 0 : std::uint32_t(hash >> 32) >> bits << bits;
}

void put32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(char((v >> (8 * i)) & 0xFF));
}

// Content words of a gloss, outside parentheses and brackets ("(Tw) to steal",
// "variant of 著[zhe5]", "CL:個|个[ge4]").
std::vector<std::string> gloss_keys(std::string_view gloss) {
  std::string plain;
  int depth = 0;
  for (char c : gloss) {
    if (c == '(' || c == '[') ++depth;
    else if ((c == ')' || c == ']') && depth > 0) --depth;
    else if (depth == 0) plain.push_back(c);
  }
  if (plain.rfind("CL:", 0) == 0 || plain.find("variant of") != std::string::npos ||
      plain.find("surname ") != std::string::npos)
    return {};
  std::vector<std::string> keys;
  for (const LexicalWord& w : english_line_words(plain)) keys.push_back(w.key);
  return keys;
}

}  // namespace

std::string build_lexicon_image(std::span<const LexiconEntry> entries) {
  std::map<std::string, std::set<std::string>> by_headword;
  for (const LexiconEntry& e : entries) {
    if (e.chinese.empty()) continue;
    auto& keys = by_headword[e.chinese];
    for (const std::string& gloss : e.glosses) {
      for (std::string& k : gloss_keys(gloss)) {
        if (keys.size() >= kMaxKeysPerEntry) break;
        keys.insert(std::move(k));
      }
    }
  }
  std::set<std::string> all_keys;
  for (const auto& [head, keys] : by_headword) all_keys.insert(keys.begin(), keys.end());
  std::map<std::string, std::uint32_t> key_ids;
  for (const std::string& k : all_keys) key_ids.emplace(k, std::uint32_t(key_ids.size()));

  std::string pool;
  std::string entry_table, key_table, gloss_table;
  std::uint32_t gloss_count = 0;
  std::vector<std::string_view> headwords, key_texts;
  std::size_t longest = 0;
  for (const auto& [head, keys] : by_headword) {
    put32(entry_table, std::uint32_t(pool.size()));
    put32(entry_table, gloss_count);
    pool += head;
    headwords.push_back(head);
    longest = std::max(longest, head.size());
    std::vector<std::uint32_t> ids;
    for (const std::string& k : keys) ids.push_back(key_ids.at(k));
    std::sort(ids.begin(), ids.end());
    for (std::uint32_t id : ids) put32(gloss_table, id);
    gloss_count += std::uint32_t(ids.size());
  }
  put32(entry_table, std::uint32_t(pool.size()));
  put32(entry_table, gloss_count);
  for (const std::string& k : all_keys) {
    put32(key_table, std::uint32_t(pool.size()));
    pool += k;
    key_texts.push_back(k);
  }
  put32(key_table, std::uint32_t(pool.size()));
  auto index_of = [](const std::vector<std::string_view>& texts) {
    const std::uint32_t slots = slots_for(texts.size());
    const unsigned bits = index_bits(texts.size());
    std::vector<std::uint32_t> table(slots, 0);
    for (std::size_t i = 0; i < texts.size(); ++i) {
      const std::uint64_t h = text_hash(texts[i]);
      std::size_t slot = home_slot(h, slots);
      while (table[slot] != 0) slot = slot + 1 == slots ? 0 : slot + 1;
      table[slot] = slot_tag(h, bits) | std::uint32_t(i + 1);
    }
    std::string out;
    for (const std::uint32_t v : table) put32(out, v);
    return std::pair{slots, out};
  };
  const auto [headword_slots, headword_index] = index_of(headwords);
  const auto [key_slots, key_index] = index_of(key_texts);
  std::string image(kMagic);
  put32(image, std::uint32_t(by_headword.size()));
  put32(image, std::uint32_t(all_keys.size()));
  put32(image, gloss_count);
  put32(image, std::uint32_t(pool.size()));
  put32(image, headword_slots);
  put32(image, key_slots);
  put32(image, std::uint32_t(longest));
  image += entry_table;
  image += key_table;
  image += gloss_table;
  image += headword_index;
  image += key_index;
  image += pool;
  return image;
}

std::uint32_t Lexicon::word32(std::size_t at) const {
  std::uint32_t v = 0;
  std::memcpy(&v, bytes_.data() + at, 4);  // little-endian hosts only (x86-64, arm64)
  return v;
}

// Every offset and id of the tables is checked once at load, so that a lookup
// never reads outside the image; the pool's bytes are not read. Each table is
// checked in blocks whose pages are dropped behind the check (release): the
// check does not leave the whole image resident (peak RSS), only what lookups
// touch afterwards comes back.
bool Lexicon::validate(std::string* error) {
  auto fail = [&](const char* why) {
    if (error) *error = std::string("not a dictionary image: ") + why;
    return false;
  };
  const std::size_t header = kMagic.size() + 4 * kHeaderWords;
  if (bytes_.size() >= kMagic.size() && bytes_.substr(0, 6) == kMagic.substr(0, 6) &&
      bytes_.substr(0, kMagic.size()) != kMagic)
    return fail("another format version (convert CC-CEDICT again with bitext_make_lexicon)");
  if (bytes_.size() < header || bytes_.substr(0, kMagic.size()) != kMagic) return fail("bad magic");
  entry_count_ = word32(8);
  key_count_ = word32(12);
  gloss_count_ = word32(16);
  const std::size_t pool_bytes = word32(20);
  headword_slots_ = word32(24);
  key_slots_ = word32(28);
  longest_headword_ = word32(32);
  if (headword_slots_ <= entry_count_ || key_slots_ <= key_count_) return fail("bad index size");
  entries_at_ = header;
  keys_at_ = entries_at_ + 8 * (entry_count_ + 1);
  glosses_at_ = keys_at_ + 4 * (key_count_ + 1);
  headword_index_at_ = glosses_at_ + 4 * gloss_count_;
  key_index_at_ = headword_index_at_ + 4 * headword_slots_;
  pool_at_ = key_index_at_ + 4 * key_slots_;
  if (pool_at_ + pool_bytes != bytes_.size()) return fail("sizes do not add up");
  constexpr std::size_t kBlock = 1 << 16;  // words checked between two releases
  // Offsets and first glosses only grow, so that every length is a difference >= 0.
  for (std::size_t i = 0; i <= entry_count_; ++i) {
    const std::size_t at = entries_at_ + 8 * i;
    const std::uint32_t off = word32(at), first = word32(at + 4);
    if (off > pool_bytes || first > gloss_count_ || (i == entry_count_ && first != gloss_count_))
      return fail("entry out of bounds");
    if (i > 0 && (off < word32(at - 8) || first < word32(at - 4))) return fail("entries out of order");
    if (i > 0 && off - word32(at - 8) > longest_headword_) return fail("headword longer than the header says");
    if (i % kBlock == kBlock - 1) release(entries_at_, at);
  }
  for (std::size_t i = 0; i <= key_count_; ++i) {
    const std::size_t at = keys_at_ + 4 * i;
    if (word32(at) > pool_bytes || (i > 0 && word32(at) < word32(at - 4))) return fail("key out of bounds");
    if (i % kBlock == kBlock - 1) release(entries_at_, at);
  }
  for (std::size_t i = 0; i < gloss_count_; ++i) {
    if (word32(glosses_at_ + 4 * i) >= key_count_) return fail("gloss id out of range");
    if (i % kBlock == kBlock - 1) release(entries_at_, glosses_at_ + 4 * i);
  }
  // An index names each entry (key) at most once and has an empty slot, so a probe ends.
  auto index_valid = [&](std::size_t at, std::size_t slots, std::size_t count) {
    const std::uint32_t mask = std::uint32_t((std::uint64_t{1} << index_bits(count)) - 1);
    std::size_t used = 0;
    for (std::size_t i = 0; i < slots; ++i) {
      const std::uint32_t slot = word32(at + 4 * i), v = slot & mask;
      if (v > count || (v == 0 && slot != 0)) return false;
      used += v != 0;
      if (i % kBlock == kBlock - 1) release(entries_at_, at + 4 * i);
    }
    return used == count;
  };
  if (!index_valid(headword_index_at_, headword_slots_, entry_count_) || !index_valid(key_index_at_, key_slots_, key_count_))
    return fail("bad index");
  // All of it: reading a page maps its neighbours too (the kernel's fault-around).
  release(0, bytes_.size());
  return true;
}

void Lexicon::release(std::size_t from, std::size_t to) const {
  if (!mapped_) return;
  const std::size_t page = std::size_t(::sysconf(_SC_PAGESIZE));
  // Whole pages inside [from, to) only (the end of a mapping counts as whole).
  const std::size_t first = (from + page - 1) / page * page;
  const std::size_t last = to == bytes_.size() ? (to + page - 1) / page * page : to / page * page;
  if (first < last) ::madvise(const_cast<char*>(bytes_.data()) + first, last - first, MADV_DONTNEED);
}

// What remembering copies have looked up, never erased (the spans handed out
// point into it). Nodes of an unordered_map keep their place when it grows, and
// an answer is not changed once stored, so it is read after the lock is let go.
struct Lexicon::RememberedHeadword {
  std::ptrdiff_t entry = -1;
  std::vector<std::uint32_t> translations;
};
struct Lexicon::Memo {
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::mutex mutex;
  std::unordered_map<std::string, RememberedHeadword, Hash, std::equal_to<>> headwords;
  std::unordered_map<std::string, std::optional<std::uint32_t>, Hash, std::equal_to<>> keys;
};

std::optional<Lexicon> Lexicon::from_image(std::string image, std::string* error) {
  Lexicon lexicon;
  auto held = std::make_shared<const std::string>(std::move(image));
  lexicon.bytes_ = *held;
  lexicon.storage_ = held;
  if (!lexicon.validate(error)) return std::nullopt;
  lexicon.memo_ = std::make_shared<Memo>();
  return lexicon;
}

std::optional<Lexicon> Lexicon::open(const std::string& path, std::string* error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (error) *error = path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  struct stat st{};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) {
    ::close(fd);
    if (error) *error = path + ": not a regular non-empty file";
    return std::nullopt;
  }
  const std::size_t size = std::size_t(st.st_size);
  void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapped == MAP_FAILED) {
    if (error) *error = path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  Lexicon lexicon;
  lexicon.mapped_ = true;
  lexicon.storage_ = std::shared_ptr<const void>(mapped, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
  lexicon.bytes_ = std::string_view(static_cast<const char*>(mapped), size);
  if (!lexicon.validate(error)) {
    if (error) *error = path + ": " + *error;
    return std::nullopt;
  }
  lexicon.memo_ = std::make_shared<Memo>();
  return lexicon;
}

const Lexicon* Lexicon::shared() {
  static std::once_flag once;
  static std::optional<Lexicon> lexicon;
  std::call_once(once, [] {
    if (const char* env = std::getenv("BITEXT_LEXICON")) {
      if (*env) lexicon = open(env);
      return;
    }
    char exe[4096];
    const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return;
    std::string dir(exe, std::size_t(n));
    dir.resize(dir.rfind('/') + 1);
    for (const char* relative : {"cedict.lex", "../share/bitext/cedict.lex"}) {
      lexicon = open(dir + relative);
      if (lexicon) return;
    }
  });
  return lexicon ? &*lexicon : nullptr;
}

std::ptrdiff_t Lexicon::find_in(std::size_t index_at, std::size_t slots, std::size_t count, std::size_t table_at,
                                std::size_t stride, std::string_view text) const {
  const std::uint64_t h = text_hash(text);
  const unsigned bits = index_bits(count);
  const std::uint32_t tag = slot_tag(h, bits), mask = std::uint32_t((std::uint64_t{1} << bits) - 1);
  for (std::size_t slot = home_slot(h, slots);; slot = slot + 1 == slots ? 0 : slot + 1) {
    const std::uint32_t v = word32(index_at + 4 * slot);
    if (v == 0) return -1;
    if ((v & ~mask) != tag) continue;
    const std::size_t i = (v & mask) - 1, at = table_at + stride * i;
    const std::uint32_t begin = word32(at);
    if (bytes_.substr(pool_at_ + begin, word32(at + stride) - begin) == text) return std::ptrdiff_t(i);
  }
}

std::ptrdiff_t Lexicon::find(std::string_view chinese) const {
  if (chinese.size() > longest_headword_) return -1;
  if (remembering_)
    if (const RememberedHeadword* known = remembered(chinese)) return known->entry;
  return find_in(headword_index_at_, headword_slots_, entry_count_, entries_at_, 8, chinese);
}

std::span<const std::uint32_t> Lexicon::image_translations(std::ptrdiff_t entry) const {
  if (entry < 0) return {};
  const std::size_t at = entries_at_ + 8 * std::size_t(entry);
  // The image is 4-byte aligned at glosses_at_ (header and tables are multiples of 4).
  const auto* base = reinterpret_cast<const std::uint32_t*>(bytes_.data() + glosses_at_);
  const std::uint32_t first = word32(at + 4);
  return {base + first, word32(at + 12) - first};
}

std::span<const std::uint32_t> Lexicon::translations(std::string_view chinese) const {
  if (remembering_ && chinese.size() <= longest_headword_)
    if (const RememberedHeadword* known = remembered(chinese)) return known->translations;
  return image_translations(find(chinese));
}

std::optional<std::uint32_t> Lexicon::key_id(std::string_view key) const {
  if (remembering_)
    if (const auto known = remembered_key(key)) return *known;
  const std::ptrdiff_t i = find_in(key_index_at_, key_slots_, key_count_, keys_at_, 4, key);
  if (i < 0) return std::nullopt;
  return std::uint32_t(i);
}

Lexicon Lexicon::remembering() const {
  Lexicon copy = *this;
  copy.remembering_ = memo_ != nullptr;
  return copy;
}

const Lexicon::RememberedHeadword* Lexicon::remembered(std::string_view chinese) const {
  {
    std::lock_guard lock(memo_->mutex);
    if (const auto it = memo_->headwords.find(chinese); it != memo_->headwords.end()) return &it->second;
    if (memo_->headwords.size() >= kRememberedWords) return nullptr;
  }
  RememberedHeadword answer;  // read from the image outside the lock
  answer.entry = find_in(headword_index_at_, headword_slots_, entry_count_, entries_at_, 8, chinese);
  const std::span<const std::uint32_t> ids = image_translations(answer.entry);
  answer.translations.assign(ids.begin(), ids.end());
  std::lock_guard lock(memo_->mutex);
  return &memo_->headwords.try_emplace(std::string(chinese), std::move(answer)).first->second;
}

std::optional<std::optional<std::uint32_t>> Lexicon::remembered_key(std::string_view key) const {
  {
    std::lock_guard lock(memo_->mutex);
    if (const auto it = memo_->keys.find(key); it != memo_->keys.end()) return it->second;
    if (memo_->keys.size() >= kRememberedWords) return std::nullopt;
  }
  const std::ptrdiff_t i = find_in(key_index_at_, key_slots_, key_count_, keys_at_, 4, key);
  const std::optional<std::uint32_t> answer = i < 0 ? std::nullopt : std::optional<std::uint32_t>(std::uint32_t(i));
  std::lock_guard lock(memo_->mutex);
  memo_->keys.try_emplace(std::string(key), answer);
  return answer;
}

std::string_view Lexicon::key_text(std::uint32_t id) const {
  if (id >= key_count_) return {};
  const std::size_t at = keys_at_ + 4 * id;
  return bytes_.substr(pool_at_ + word32(at), word32(at + 4) - word32(at));
}

}  // namespace bitext
