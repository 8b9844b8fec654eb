// The dictionary image: building it, mapping it, looking words up.
//
// Layout (little-endian 32-bit words after an 8-byte magic):
//   magic "BTXLEX01", entry_count, key_count, gloss_count, pool_bytes,
//   entries[entry_count] = {headword offset, headword bytes, first gloss, gloss count}
//                          sorted by headword bytes,
//   keys[key_count]      = {offset, bytes} sorted by bytes (English word keys),
//   glosses[gloss_count] = key ids, sorted within each entry,
//   pool                 = the bytes of every headword and key.
#include "bitext/lexicon.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <set>

namespace bitext {
namespace {

constexpr std::string_view kMagic = "BTXLEX01";
constexpr std::size_t kHeaderWords = 4;
// A gloss list longer than this is an encyclopaedic entry; its first keys say enough.
constexpr std::size_t kMaxKeysPerEntry = 24;

// The first code point's bytes of a headword, as one number (0 for an empty one).
std::uint32_t first_code_point_key(std::string_view word) {
  if (word.empty()) return 0;
  const auto lead = static_cast<unsigned char>(word[0]);
  const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  std::uint32_t key = 0;
  for (std::size_t i = 0; i < n && i < word.size(); ++i) key = (key << 8) | static_cast<unsigned char>(word[i]);
  return key;
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
  for (const auto& [head, keys] : by_headword) {
    put32(entry_table, std::uint32_t(pool.size()));
    put32(entry_table, std::uint32_t(head.size()));
    pool += head;
    std::vector<std::uint32_t> ids;
    for (const std::string& k : keys) ids.push_back(key_ids.at(k));
    std::sort(ids.begin(), ids.end());
    put32(entry_table, gloss_count);
    put32(entry_table, std::uint32_t(ids.size()));
    for (std::uint32_t id : ids) put32(gloss_table, id);
    gloss_count += std::uint32_t(ids.size());
  }
  for (const std::string& k : all_keys) {
    put32(key_table, std::uint32_t(pool.size()));
    put32(key_table, std::uint32_t(k.size()));
    pool += k;
  }
  std::string image(kMagic);
  put32(image, std::uint32_t(by_headword.size()));
  put32(image, std::uint32_t(all_keys.size()));
  put32(image, gloss_count);
  put32(image, std::uint32_t(pool.size()));
  image += entry_table;
  image += key_table;
  image += gloss_table;
  image += pool;
  return image;
}

std::uint32_t Lexicon::word32(std::size_t at) const {
  std::uint32_t v = 0;
  std::memcpy(&v, bytes_.data() + at, 4);  // little-endian hosts only (x86-64, arm64)
  return v;
}

bool Lexicon::validate(std::string* error) {
  auto fail = [&](const char* why) {
    if (error) *error = std::string("not a dictionary image: ") + why;
    return false;
  };
  const std::size_t header = kMagic.size() + 4 * kHeaderWords;
  if (bytes_.size() < header || bytes_.substr(0, kMagic.size()) != kMagic) return fail("bad magic");
  entry_count_ = word32(8);
  key_count_ = word32(12);
  gloss_count_ = word32(16);
  const std::size_t pool_bytes = word32(20);
  entries_at_ = header;
  keys_at_ = entries_at_ + 16 * entry_count_;
  glosses_at_ = keys_at_ + 8 * key_count_;
  pool_at_ = glosses_at_ + 4 * gloss_count_;
  if (pool_at_ + pool_bytes != bytes_.size()) return fail("sizes do not add up");
  std::string_view previous;
  auto runs = std::make_shared<std::unordered_map<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>>>();
  for (std::size_t i = 0; i < entry_count_; ++i) {
    const std::size_t at = entries_at_ + 16 * i;
    const std::uint64_t off = word32(at), len = word32(at + 4), first = word32(at + 8), n = word32(at + 12);
    if (off + len > pool_bytes || first + n > gloss_count_) return fail("entry out of bounds");
    const std::string_view head = bytes_.substr(pool_at_ + off, len);
    if (i > 0 && !(previous < head)) return fail("headwords not sorted");
    previous = head;
    longest_headword_ = std::max<std::size_t>(longest_headword_, len);
    auto [run, inserted] = runs->try_emplace(first_code_point_key(head), std::uint32_t(i), std::uint32_t(i));
    run->second.second = std::uint32_t(i + 1);
  }
  runs_ = std::move(runs);
  for (std::size_t i = 0; i < key_count_; ++i) {
    const std::size_t at = keys_at_ + 8 * i;
    if (std::uint64_t(word32(at)) + word32(at + 4) > pool_bytes) return fail("key out of bounds");
  }
  for (std::size_t i = 0; i < gloss_count_; ++i)
    if (word32(glosses_at_ + 4 * i) >= key_count_) return fail("gloss id out of range");
  return true;
}

std::optional<Lexicon> Lexicon::from_image(std::string image, std::string* error) {
  Lexicon lexicon;
  auto held = std::make_shared<const std::string>(std::move(image));
  lexicon.bytes_ = *held;
  lexicon.storage_ = held;
  if (!lexicon.validate(error)) return std::nullopt;
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
  lexicon.storage_ = std::shared_ptr<const void>(mapped, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
  lexicon.bytes_ = std::string_view(static_cast<const char*>(mapped), size);
  if (!lexicon.validate(error)) {
    if (error) *error = path + ": " + *error;
    return std::nullopt;
  }
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

std::ptrdiff_t Lexicon::find(std::string_view chinese) const {
  const auto run = runs_->find(first_code_point_key(chinese));
  if (run == runs_->end()) return -1;
  std::size_t lo = run->second.first, hi = run->second.second;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    const std::size_t at = entries_at_ + 16 * mid;
    const std::string_view head = bytes_.substr(pool_at_ + word32(at), word32(at + 4));
    if (head < chinese) lo = mid + 1;
    else hi = mid;
  }
  if (lo == run->second.second) return -1;
  const std::size_t at = entries_at_ + 16 * lo;
  return bytes_.substr(pool_at_ + word32(at), word32(at + 4)) == chinese ? std::ptrdiff_t(lo) : -1;
}

std::span<const std::uint32_t> Lexicon::translations(std::string_view chinese) const {
  const std::ptrdiff_t i = find(chinese);
  if (i < 0) return {};
  const std::size_t at = entries_at_ + 16 * std::size_t(i);
  // The image is 4-byte aligned at glosses_at_ (header and tables are multiples of 4).
  const auto* base = reinterpret_cast<const std::uint32_t*>(bytes_.data() + glosses_at_);
  return {base + word32(at + 8), word32(at + 12)};
}

std::optional<std::uint32_t> Lexicon::key_id(std::string_view key) const {
  std::size_t lo = 0, hi = key_count_;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (key_text(std::uint32_t(mid)) < key) lo = mid + 1;
    else hi = mid;
  }
  if (lo < key_count_ && key_text(std::uint32_t(lo)) == key) return std::uint32_t(lo);
  return std::nullopt;
}

std::string_view Lexicon::key_text(std::uint32_t id) const {
  if (id >= key_count_) return {};
  const std::size_t at = keys_at_ + 8 * id;
  return bytes_.substr(pool_at_ + word32(at), word32(at + 4));
}

}  // namespace bitext
