#include "lsp/text_buffer.hpp"

#include <mutex>
#include <utility>

namespace bitext::lsp {
namespace {

struct Spare {
  std::mutex mutex;
  std::unique_ptr<std::string> buffer;
};

// Never destroyed: a buffer may be let go by a thread still running at exit.
Spare& spare() {
  static Spare* kept = new Spare;
  return *kept;
}

// A buffer's last holder let go (any thread: the freeing thread, the worker,
// the I/O thread).
void recycle(std::string* released) {
  std::unique_ptr<std::string> buffer(released);
  if (buffer->capacity() < kSpareTextBufferBytes) return;
  Spare& kept = spare();
  std::lock_guard lock(kept.mutex);
  if (!kept.buffer || kept.buffer->capacity() < buffer->capacity()) std::swap(kept.buffer, buffer);
  // (The smaller of the two is freed here.)
}

// The spare is taken for a text it holds without wasting much: another open
// document's larger buffer stays the spare for that document's next edit.
bool spare_fits(std::size_t capacity, std::size_t size) {
  return capacity >= size && capacity <= text_buffer_capacity(size) + size / 8;
}

}  // namespace

std::shared_ptr<std::string> share_text_buffer(std::string text) {
  return std::shared_ptr<std::string>(new std::string(std::move(text)), recycle);
}

std::shared_ptr<std::string> new_text_buffer(std::size_t size) {
  std::unique_ptr<std::string> buffer;
  {
    Spare& kept = spare();
    std::lock_guard lock(kept.mutex);
    if (kept.buffer && spare_fits(kept.buffer->capacity(), size)) buffer = std::move(kept.buffer);
  }
  if (buffer) {
    buffer->clear();  // keeps the capacity
  } else {
    buffer = std::make_unique<std::string>();
    buffer->reserve(text_buffer_capacity(size));
  }
  return std::shared_ptr<std::string>(buffer.release(), recycle);
}

std::size_t spare_text_buffer_capacity() {
  Spare& kept = spare();
  std::lock_guard lock(kept.mutex);
  return kept.buffer ? kept.buffer->capacity() : 0;
}

void free_spare_text_buffer() {
  std::unique_ptr<std::string> buffer;
  Spare& kept = spare();
  std::lock_guard lock(kept.mutex);
  buffer = std::move(kept.buffer);
}

}  // namespace bitext::lsp
