// The buffers that hold open documents' texts. Each edit copies a large text
// into a new buffer while the analysis holds the old one, and the replaced
// version frees its buffer a little later. Left to the heap, the next copy
// often went elsewhere (a text a byte longer no longer fits the freed buffer,
// and the heap may pick a free stretch it had returned to the system), so a
// third 10 MB region became resident while typing. Here the freed buffer is
// kept as the spare and the next copy goes into it; capacities are rounded
// up so that a text grown by the edits since still fits.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <memory>
#include <string>

namespace bitext::lsp {

// The capacity given to a buffer for `size` bytes: rounded up to a granule of
// 1/128 of the size (64 bytes at least), so a text a few bytes longer fits.
constexpr std::size_t text_buffer_capacity(std::size_t size) {
  const std::size_t granule = std::bit_ceil(std::max<std::size_t>(size / 128, 64));
  return (size / granule + 1) * granule - 1;  // std::string adds the terminator
}

// An empty buffer with room for `size` bytes: the spare when it has the room
// and is not much larger (at most 1/8 of the size beyond the rounding).
std::shared_ptr<std::string> new_text_buffer(std::size_t size);
// Shares `text`; when its last holder lets go, its buffer becomes the spare
// (if it is at least kSpareTextBufferBytes and larger than the spare kept).
std::shared_ptr<std::string> share_text_buffer(std::string text);
inline constexpr std::size_t kSpareTextBufferBytes = std::size_t{64} << 10;
// The spare's capacity (0: none), and freeing it (once the server is idle).
std::size_t spare_text_buffer_capacity();
void free_spare_text_buffer();

}  // namespace bitext::lsp
