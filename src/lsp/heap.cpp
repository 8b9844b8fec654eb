#include "lsp/heap.hpp"

#include <cstdlib>  // defines __GLIBC__ where it applies
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace bitext::lsp {
namespace {

// Smaller buffers are freed: the heap reuses them well, and they fault little.
constexpr std::size_t kSpareFrom = 1 << 20;

struct SpareBuffer {
  std::mutex mutex;
  std::unique_ptr<std::string> buffer;
  std::size_t live = 0;  // large buffers made by text_buffer and not let go of yet
};

SpareBuffer& spare() {
  static auto* instance = new SpareBuffer;  // never destroyed: buffers may come back during exit
  return *instance;
}

// The deleter of text_buffer's large strings, on whichever thread lets go
// last. The buffer is kept only while fewer than two others are alive: while
// the user types, the document's text and the one its re-analysis reads. A
// buffer let go of after the next edit made a new one (the freeing thread got
// no core in time) would be a third text kept beside the re-analysis's peak.
void give_back(std::string* text) {
  std::unique_ptr<std::string> buffer(text);
  SpareBuffer& kept = spare();
  std::lock_guard lock(kept.mutex);
  --kept.live;
  if (kept.live < 2 && (!kept.buffer || kept.buffer->capacity() < buffer->capacity())) std::swap(kept.buffer, buffer);
  // The other one is freed here.
}

std::shared_ptr<std::string> counted(std::unique_ptr<std::string> buffer) {
  if (buffer->capacity() < kSpareFrom) return std::shared_ptr<std::string>(std::move(buffer));
  {
    SpareBuffer& kept = spare();
    std::lock_guard lock(kept.mutex);
    ++kept.live;
  }
  return std::shared_ptr<std::string>(buffer.release(), &give_back);
}

std::unique_ptr<std::string> take_spare(std::size_t capacity) {
  SpareBuffer& kept = spare();
  std::lock_guard lock(kept.mutex);
  if (!kept.buffer || kept.buffer->capacity() < capacity) return nullptr;
  return std::move(kept.buffer);
}

}  // namespace

std::shared_ptr<std::string> text_buffer(std::size_t capacity) {
  std::unique_ptr<std::string> buffer = take_spare(capacity);
  if (buffer) {
    buffer->clear();
  } else {
    buffer = std::make_unique<std::string>();
    buffer->reserve(capacity);
  }
  return counted(std::move(buffer));
}

std::shared_ptr<std::string> text_buffer(std::string text) {
  return counted(std::make_unique<std::string>(std::move(text)));
}

void keep_freed_memory() {
#if defined(__GLIBC__)
  // Blocks up to glibc's largest mmap threshold (32 MiB) come from the heap,
  // so freeing them keeps their pages; the heap is never trimmed on free.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

void release_freed_memory() {
  std::unique_ptr<std::string> buffer;
  {
    SpareBuffer& kept = spare();
    std::lock_guard lock(kept.mutex);
    buffer = std::move(kept.buffer);
  }
  buffer.reset();
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace bitext::lsp
