#include "lsp/text_document.hpp"

#include "lsp/text_buffer.hpp"

#include <algorithm>
#include <atomic>
#include <string_view>

namespace bitext::lsp {
namespace {

// A line starts at p > 0 when the byte before ends a line: "\n", or a "\r" not
// followed by "\n" (LineIndex's rules).
bool starts_line(std::string_view text, std::size_t p) {
  char before = text[p - 1];
  if (before == '\n') return true;
  return before == '\r' && (p == text.size() || text[p] != '\n');
}

void scan_starts(std::string_view text, std::size_t from, std::size_t to, std::vector<std::size_t>& out) {
  for (std::size_t p = from; p <= to; ++p) {
    if (p > 0 && starts_line(text, p)) out.push_back(p);
  }
}

}  // namespace

TextDocument::TextDocument(std::string text) : TextDocument(share_text_buffer(std::move(text))) {}

TextDocument::TextDocument(std::shared_ptr<std::string> text) : text_(std::move(text)) {
  starts_.push_back(0);
  // memchr-speed scan: only bytes after '\n' or '\r' can start a line.
  std::string_view t = *text_;
  for (std::size_t p = t.find_first_of("\r\n"); p != std::string_view::npos; p = t.find_first_of("\r\n", p + 1)) {
    if (starts_line(t, p + 1)) starts_.push_back(p + 1);
  }
}

std::size_t TextDocument::line_of(std::size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<std::size_t>(it - starts_.begin()) - 1;
}

std::size_t TextDocument::offset_of(Position position, PositionEncoding encoding) const {
  const std::string& text = *text_;
  if (position.line >= starts_.size()) return text.size();
  std::size_t start = starts_[position.line];
  std::size_t end = text.size();
  if (position.line + 1 < starts_.size()) {
    end = starts_[position.line + 1];
    if (text[end - 1] == '\n') --end;
    if (end > start && text[end - 1] == '\r') --end;
  }
  // The core index over this one line converts the column.
  LineIndex line(std::string_view(text).substr(start, end - start));
  return start + line.offset_of(Position{0, position.character}, encoding);
}

LineEdit TextDocument::apply(const std::optional<Range>& range, const std::string& new_text,
                             PositionEncoding encoding, bool write_shared) {
  wrote_shared_ = false;
  if (!range) {
    LineEdit edit{0, static_cast<std::uint32_t>(starts_.size()), 0};
    // A whole replacement takes the same buffers as an edit: its own when
    // nobody else holds it, else the spare (the fence as below).
    std::shared_ptr<std::string> whole = std::move(text_);
    if (whole.use_count() > 1 || whole->capacity() < new_text.size()) {
      whole = new_text_buffer(new_text.size());
    } else {
      std::atomic_thread_fence(std::memory_order_acquire);
    }
    whole->assign(new_text);
    *this = TextDocument(std::move(whole));  // and nothing known shared with any buffer
    edit.new_line_count = static_cast<std::uint32_t>(starts_.size());
    return edit;
  }
  std::size_t begin = offset_of(range->start, encoding);
  std::size_t end = offset_of(range->end, encoding);
  if (end < begin) std::swap(begin, end);

  std::size_t first = line_of(begin);
  // An edit at a line start can join or split the line end before it ("\r" + "\n").
  if (first > 0 && begin == starts_[first]) --first;
  std::size_t last_old = line_of(end);

  const std::size_t old_size = text_->size();
  const bool shared = text_.use_count() > 1;
  // Written into a shared buffer only within its capacity: the versions that
  // hold it keep views of its bytes (read no more, but never left dangling).
  const std::size_t new_size = old_size - (end - begin) + new_text.size();
  if (shared && !(write_shared && written_over_ && new_size <= text_->capacity())) {
    // An analysis holds this version: the edited text goes into a new buffer
    // (the one the version before freed, text_buffer.hpp).
    // (Only this thread makes new holders, so a count of 1 cannot go up meanwhile.)
    std::shared_ptr<std::string> edited = new_text_buffer(new_size);
    edited->append(*text_, 0, begin).append(new_text).append(*text_, end, std::string::npos);
    edited_from_ = text_;
    known_ends_ = CommonEnds{};
    known_ends_.prefix = begin;
    known_ends_.suffix = old_size - end;
    text_ = std::move(edited);
    written_over_.reset();  // the tracked analysis keeps the old buffer, untouched
  } else {
    if (!shared) {
      written_over_.reset();  // no version holds the buffer: nothing to put back for
    } else {
      written_over_ = widen(&*written_over_, *text_, begin, end);
      wrote_shared_ = true;
    }
    // Edits after the copy: the ends all of them left alone.
    known_ends_.prefix = std::min(known_ends_.prefix, begin);
    known_ends_.suffix = std::min(known_ends_.suffix, old_size - end);
    // Nobody else holds it, or its holders read it no more: the acquire fence
    // orders this write after the last reads of whoever released it or
    // finished with it (use_count is a relaxed load).
    std::atomic_thread_fence(std::memory_order_acquire);
    text_->replace(begin, end - begin, new_text);
  }
  std::size_t new_end = begin + new_text.size();
  std::ptrdiff_t delta = static_cast<std::ptrdiff_t>(new_text.size()) - static_cast<std::ptrdiff_t>(end - begin);

  // Starts up to starts_[first] are unchanged; starts in (starts_[first], new_end]
  // are rescanned; old starts after `end` move by delta. Only the replaced
  // stretch of the table is moved, and only when its line count changes (a
  // typed character keeps it): the rest is shifted in place.
  std::vector<std::size_t> fresh;
  scan_starts(*text_, starts_[first] + 1, new_end, fresh);
  auto replaced_begin = starts_.begin() + static_cast<std::ptrdiff_t>(first + 1);
  auto replaced_end = std::upper_bound(replaced_begin, starts_.end(), end);
  auto old_count = replaced_end - replaced_begin;
  auto new_count = static_cast<std::ptrdiff_t>(fresh.size());
  if (new_count < old_count) {
    replaced_end = starts_.erase(replaced_begin + new_count, replaced_end);
  } else if (new_count > old_count) {
    replaced_end = starts_.insert(replaced_end, fresh.begin() + old_count, fresh.end()) + (new_count - old_count);
  }
  std::copy(fresh.begin(), fresh.end(), starts_.begin() + static_cast<std::ptrdiff_t>(first + 1));
  if (delta != 0) {
    for (auto it = replaced_end; it != starts_.end(); ++it) *it = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(*it) + delta);
  }
  std::size_t new_last = first + fresh.size();
  // new_last is the line holding new_end (the last start <= new_end).
  return LineEdit{static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(last_old - first + 1),
                  static_cast<std::uint32_t>(new_last - first + 1)};
}

void TextDocument::analysed_as_is() { written_over_ = WrittenOver{text_->size(), 0, {}}; }

std::optional<CommonEnds> TextDocument::known_ends_from(const std::string& from) const {
  const std::shared_ptr<const std::string> edited_from = edited_from_.lock();
  if (!edited_from || edited_from.get() != &from) return std::nullopt;
  CommonEnds ends = known_ends_;
  ends.old_size = from.size();
  ends.new_size = text_->size();
  return ends;
}

LineEdit compose(const LineEdit& first, const LineEdit& second) {
  std::uint32_t begin = std::min(first.first_line, second.first_line);
  std::uint32_t end_between = std::max(first.first_line + first.new_line_count, second.first_line + second.old_line_count);
  std::uint32_t old_end = end_between - first.new_line_count + first.old_line_count;
  return LineEdit{begin, old_end - begin, end_between - begin - second.old_line_count + second.new_line_count};
}

std::optional<LineEdit> edit_from(const std::vector<RevisionEdit>& log, std::uint64_t from) {
  std::optional<LineEdit> merged;
  std::uint64_t at = from;  // the revision `merged` leads to
  for (const RevisionEdit& entry : log) {
    if (entry.to_revision <= from) continue;
    if (entry.from_revision != at) return std::nullopt;  // spans `from`, or a gap
    merged = merged ? compose(*merged, entry.edit) : entry.edit;
    at = entry.to_revision;
  }
  return merged;
}

}  // namespace bitext::lsp
