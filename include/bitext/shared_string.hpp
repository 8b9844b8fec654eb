// An immutable string that its copies share: one pointer wide, null when
// empty. A version keeps a pair per pair, and each pair its speaker's name
// (Pair::speaker): the pairs of one speaker share one copy of the name
// instead of holding a 32-byte std::string each. Reads as a const std::string&.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace bitext {

class SharedString {
 public:
  SharedString() noexcept = default;
  SharedString(std::string_view text) { assign(std::string(text)); }
  SharedString(const std::string& text) { assign(std::string(text)); }
  SharedString(std::string&& text) { assign(std::move(text)); }
  SharedString(const char* text) { assign(std::string(text)); }
  SharedString(const SharedString& other) noexcept : box_(other.box_) {
    if (box_) box_->count.fetch_add(1, std::memory_order_relaxed);
  }
  SharedString(SharedString&& other) noexcept : box_(std::exchange(other.box_, nullptr)) {}
  SharedString& operator=(SharedString other) noexcept {
    std::swap(box_, other.box_);
    return *this;
  }
  ~SharedString() { drop(); }

  const std::string& str() const noexcept { return box_ ? box_->text : empty_string(); }
  operator const std::string&() const noexcept { return str(); }
  operator std::string_view() const noexcept { return str(); }
  bool empty() const noexcept { return box_ == nullptr; }
  std::size_t size() const noexcept { return str().size(); }
  const char* c_str() const noexcept { return str().c_str(); }
  const char* data() const noexcept { return str().data(); }
  void clear() noexcept {
    drop();
    box_ = nullptr;
  }

  friend bool operator==(const SharedString& a, const SharedString& b) noexcept {
    return a.box_ == b.box_ || a.str() == b.str();
  }
  friend bool operator==(const SharedString& a, const std::string& b) noexcept { return a.str() == b; }
  friend bool operator==(const SharedString& a, std::string_view b) noexcept { return a.str() == b; }
  friend bool operator==(const SharedString& a, const char* b) noexcept { return a.str() == b; }
  template <class Stream>
  friend auto operator<<(Stream& out, const SharedString& s) -> decltype(out << std::declval<const std::string&>()) {
    return out << s.str();
  }

 private:
  struct Box {
    std::atomic<std::uint32_t> count{1};
    std::string text;
  };
  static const std::string& empty_string() noexcept {
    static const std::string empty;
    return empty;
  }
  void assign(std::string&& text) {
    if (!text.empty()) box_ = new Box{{1}, std::move(text)};
  }
  void drop() noexcept {
    if (box_ && box_->count.fetch_sub(1, std::memory_order_acq_rel) == 1) delete box_;
  }
  Box* box_ = nullptr;
};

}  // namespace bitext
