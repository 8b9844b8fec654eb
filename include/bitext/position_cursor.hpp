// Byte offsets to positions, fast, for callers that convert many offsets:
// publishing diagnostics and the JSON report. Gives exactly what
// LineIndex::position_of gives, but counts valid UTF-8 eight bytes at a time
// and remembers the last line, so that offsets in order cost no search.
#pragma once

#include <cstddef>

#include "bitext/text.hpp"

namespace bitext {

// The position of `offset` on `line` (the line that contains it), as
// LineIndex::position_of gives it. `valid_until` is the text's first invalid
// UTF-8 byte, or its size: valid bytes before it are counted without decoding.
Position position_on_line(const LineIndex& index, std::size_t line, std::size_t offset, std::size_t valid_until,
                          PositionEncoding encoding);

class PositionCursor {
 public:
  PositionCursor(const LineIndex& index, PositionEncoding encoding, std::size_t valid_until)
      : index_(index), encoding_(encoding), valid_until_(valid_until) {}
  Position at(std::size_t offset);
  Range range(std::size_t begin, std::size_t end) { return Range{at(begin), at(end)}; }

 private:
  const LineIndex& index_;
  PositionEncoding encoding_;
  std::size_t valid_until_;  // first invalid UTF-8 byte, or the text's size
  std::size_t line_ = 0;     // the line of the last offset
};

}  // namespace bitext
