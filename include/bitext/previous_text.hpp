// The text a document's previous version had, for a rerun from that version
// after the server wrote the edits into the very buffer the version analysed
// (one copy of a large document in memory, not two): the current text with
// one stretch of it put back as it was.
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>

#include "bitext/text.hpp"

namespace bitext {

// What edits written in place changed: the previous text is the current one
// with bytes [prefix, size - suffix) replaced by `replaced`.
struct WrittenOver {
  std::size_t prefix = 0;
  std::size_t suffix = 0;
  std::string replaced;
};

// The stretch after one more edit written in place, over bytes [begin, end)
// of `text` as it is before that edit (so called before it is written);
// `since` is the stretch before it (null, or an empty stretch, when nothing
// was written yet).
WrittenOver widen(const WrittenOver* since, std::string_view text, std::size_t begin, std::size_t end);

class PreviousText {
 public:
  // The previous version's own buffer, left alone.
  explicit PreviousText(std::string_view text) : whole_(text), size_(text.size()) {}
  // `now` with `written_over` put back; `now` and `written_over` must outlive this.
  PreviousText(std::string_view now, const WrittenOver& written_over);
  PreviousText(const PreviousText&) = delete;
  PreviousText& operator=(const PreviousText&) = delete;

  std::size_t size() const { return size_; }
  char at(std::size_t offset) const;
  // Bytes [begin, end) (clamped to the size), valid while this lives: a view of
  // the buffer, or of a copy when they straddle the written-over stretch.
  // Safe to call from several threads.
  std::string_view range(std::size_t begin, std::size_t end) const;
  // The bytes this text and `text` share at their start and end, as
  // common_ends(previous, text, known) gives them.
  CommonEnds common_ends_with(std::string_view text, const CommonEnds& known) const;

 private:
  std::string_view whole_;  // the intact text, or empty (then `now_` and `written_over_`)
  std::string_view now_;
  const WrittenOver* written_over_ = nullptr;
  std::size_t size_ = 0;
  mutable std::mutex copies_mutex_;
  mutable std::deque<std::string> copies_;  // ranges that straddle the stretch; never moved once made
};

}  // namespace bitext
