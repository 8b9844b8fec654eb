// A shared pointer whose count sits beside the value it owns: 8 bytes where
// std::shared_ptr takes 16 (a second pointer, to its control block). The
// content state keeps five per pair of every version, most of them null or
// the one shared empty record, so the pointer's own size is what counts.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace bitext::detail {

template <class Value>
struct CountedBox {
  template <class... Args>
  explicit CountedBox(Args&&... args) : value(std::forward<Args>(args)...) {}
  std::atomic<std::uint32_t> count{1};
  Value value;
};

template <class T>
class CountedPtr {
  using Value = std::remove_const_t<T>;
  using Box = CountedBox<Value>;
  template <class>
  friend class CountedPtr;

 public:
  CountedPtr() noexcept = default;
  CountedPtr(std::nullptr_t) noexcept {}
  template <class... Args>
  static CountedPtr make(Args&&... args) {
    CountedPtr made;
    made.box_ = new Box(std::forward<Args>(args)...);
    return made;
  }
  CountedPtr(const CountedPtr& other) noexcept : box_(other.box_) { hold(); }
  CountedPtr(CountedPtr&& other) noexcept : box_(std::exchange(other.box_, nullptr)) {}
  // CountedPtr<const T> from CountedPtr<T>.
  template <class U, class = std::enable_if_t<std::is_same_v<std::remove_const_t<U>, Value> &&
                                              std::is_convertible_v<U*, T*> && !std::is_same_v<U, T>>>
  CountedPtr(const CountedPtr<U>& other) noexcept : box_(other.box_) {
    hold();
  }
  template <class U, class = std::enable_if_t<std::is_same_v<std::remove_const_t<U>, Value> &&
                                              std::is_convertible_v<U*, T*> && !std::is_same_v<U, T>>>
  CountedPtr(CountedPtr<U>&& other) noexcept : box_(std::exchange(other.box_, nullptr)) {}
  CountedPtr& operator=(CountedPtr other) noexcept {
    std::swap(box_, other.box_);
    return *this;
  }
  ~CountedPtr() { drop(); }

  T* get() const noexcept { return box_ ? &box_->value : nullptr; }
  T& operator*() const noexcept { return box_->value; }
  T* operator->() const noexcept { return &box_->value; }
  explicit operator bool() const noexcept { return box_ != nullptr; }
  friend bool operator==(const CountedPtr& a, const CountedPtr& b) noexcept { return a.box_ == b.box_; }

 private:
  void hold() noexcept {
    if (box_) box_->count.fetch_add(1, std::memory_order_relaxed);
  }
  void drop() noexcept {
    if (box_ && box_->count.fetch_sub(1, std::memory_order_acq_rel) == 1) delete box_;
  }
  Box* box_ = nullptr;
};

}  // namespace bitext::detail
