// Where two versions of a document's text agree byte for byte: their common
// start and end. Work that depends only on bytes inside either can be taken
// from the previous version without comparing them again.
#pragma once

#include <cstddef>
#include <optional>

namespace bitext::detail {

struct UnchangedEnds {
  std::size_t prefix = 0;    // bytes [0, prefix) are the same in both
  std::size_t suffix = 0;    // so are the last `suffix` bytes; prefix + suffix <= either size
  std::size_t old_size = 0;
  std::size_t new_size = 0;

  // Where new bytes [begin, end) were in the old text, if they lie in the
  // common start or the common end (and so are unchanged).
  std::optional<std::size_t> old_begin(std::size_t begin, std::size_t end) const {
    if (begin > end) return std::nullopt;
    if (end <= prefix) return begin;
    if (begin >= new_size - suffix && end <= new_size) return begin - new_size + old_size;
    return std::nullopt;
  }
};

}  // namespace bitext::detail
