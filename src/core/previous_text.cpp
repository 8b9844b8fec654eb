#include "bitext/previous_text.hpp"

#include <algorithm>

namespace bitext {

WrittenOver widen(const WrittenOver* since, std::string_view text, std::size_t begin, std::size_t end) {
  const std::size_t size = text.size();
  // Nothing written yet (or all of it put back as it was): the edit's own stretch.
  if (since == nullptr || (since->replaced.empty() && since->prefix + since->suffix == size))
    return WrittenOver{begin, size - end, std::string(text.substr(begin, end - begin))};
  // The previous text's bytes over the wider stretch: those of `text` that the
  // edit now reaches on either side, around what was put back before.
  const std::size_t prefix = std::min(since->prefix, begin);
  const std::size_t suffix = std::min(since->suffix, size - end);
  WrittenOver wider{prefix, suffix, {}};
  wider.replaced.reserve(since->prefix - prefix + since->replaced.size() + since->suffix - suffix);
  wider.replaced.append(text.substr(prefix, since->prefix - prefix));
  wider.replaced.append(since->replaced);
  wider.replaced.append(text.substr(size - since->suffix, since->suffix - suffix));
  return wider;
}

PreviousText::PreviousText(std::string_view now, const WrittenOver& written_over)
    : now_(now), written_over_(&written_over),
      size_(written_over.prefix + written_over.replaced.size() + written_over.suffix) {}

char PreviousText::at(std::size_t offset) const {
  if (written_over_ == nullptr) return whole_[offset];
  const WrittenOver& over = *written_over_;
  if (offset < over.prefix) return now_[offset];
  if (offset - over.prefix < over.replaced.size()) return over.replaced[offset - over.prefix];
  return now_[offset - size_ + now_.size()];
}

std::string_view PreviousText::range(std::size_t begin, std::size_t end) const {
  end = std::min(end, size_);
  begin = std::min(begin, end);
  if (written_over_ == nullptr) return whole_.substr(begin, end - begin);
  const WrittenOver& over = *written_over_;
  const std::size_t suffix_start = size_ - over.suffix;
  if (end <= over.prefix) return now_.substr(begin, end - begin);
  if (begin >= suffix_start) return now_.substr(begin - size_ + now_.size(), end - begin);
  if (begin >= over.prefix && end <= suffix_start) return std::string_view(over.replaced).substr(begin - over.prefix, end - begin);
  std::string copy;
  copy.reserve(end - begin);
  for (std::size_t at_offset = begin; at_offset < end;) {
    // Whole pieces at a time: the prefix, the stretch, the suffix.
    const std::size_t piece_end = at_offset < over.prefix ? std::min(end, over.prefix)
                                  : at_offset < suffix_start ? std::min(end, suffix_start)
                                                             : end;
    copy.append(range(at_offset, piece_end));
    at_offset = piece_end;
  }
  std::lock_guard lock(copies_mutex_);
  return copies_.emplace_back(std::move(copy));
}

CommonEnds PreviousText::common_ends_with(std::string_view text, const CommonEnds& known) const {
  if (written_over_ == nullptr) return common_ends(whole_, text, known);
  // `text` is the buffer the stretch was written over: its bytes before the
  // stretch and after it are the previous text's, so only the bytes around
  // the stretch are compared.
  const WrittenOver& over = *written_over_;
  const std::size_t limit = std::min(size_, text.size());
  CommonEnds ends;
  ends.old_size = size_;
  ends.new_size = text.size();
  std::size_t& prefix = ends.prefix;
  prefix = std::min(std::max(known.prefix, over.prefix), limit);
  while (prefix < limit && at(prefix) == text[prefix]) ++prefix;
  const std::size_t suffix_limit = limit - prefix;
  std::size_t& suffix = ends.suffix;
  suffix = std::min(std::max(known.suffix, over.suffix), suffix_limit);
  while (suffix < suffix_limit && at(size_ - suffix - 1) == text[text.size() - suffix - 1]) ++suffix;
  return ends;
}

}  // namespace bitext
