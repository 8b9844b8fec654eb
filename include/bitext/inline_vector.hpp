// A vector of trivially copyable values that keeps up to N of them inside
// itself and allocates only beyond. A transcript holds one per side of every
// pair, almost always of one or two lines, and an edit rebuilds them all: as
// std::vectors they were two allocations (and two frees) per pair.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <type_traits>
#include <vector>

namespace bitext {

template <class T, std::uint32_t N>
class InlineVector {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
  static_assert(N > 0);

 public:
  using value_type = T;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = T&;
  using const_reference = const T&;
  using pointer = T*;
  using const_pointer = const T*;
  using iterator = T*;
  using const_iterator = const T*;

  InlineVector() noexcept {}
  InlineVector(std::initializer_list<T> values) { append(values.begin(), values.end()); }
  template <std::input_iterator Iterator>
  InlineVector(Iterator first, Iterator last) {
    append(first, last);
  }
  InlineVector(const InlineVector& other) { append(other.begin(), other.end()); }
  InlineVector(InlineVector&& other) noexcept { take(other); }
  InlineVector& operator=(const InlineVector& other) {
    if (this != &other) {
      clear();
      append(other.begin(), other.end());
    }
    return *this;
  }
  InlineVector& operator=(InlineVector&& other) noexcept {
    if (this != &other) {
      release();
      take(other);
    }
    return *this;
  }
  InlineVector& operator=(std::initializer_list<T> values) {
    clear();
    append(values.begin(), values.end());
    return *this;
  }
  ~InlineVector() { release(); }

  size_type size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  size_type capacity() const noexcept { return capacity_; }
  // True while the values are inside the object (no allocation made).
  bool is_inline() const noexcept { return capacity_ == N; }

  T* data() noexcept { return is_inline() ? inline_ : heap_; }
  const T* data() const noexcept { return is_inline() ? inline_ : heap_; }
  iterator begin() noexcept { return data(); }
  iterator end() noexcept { return data() + size_; }
  const_iterator begin() const noexcept { return data(); }
  const_iterator end() const noexcept { return data() + size_; }
  T& operator[](size_type i) noexcept { return data()[i]; }
  const T& operator[](size_type i) const noexcept { return data()[i]; }
  T& front() noexcept { return data()[0]; }
  const T& front() const noexcept { return data()[0]; }
  T& back() noexcept { return data()[size_ - 1]; }
  const T& back() const noexcept { return data()[size_ - 1]; }

  void push_back(const T& value) {
    if (size_ == capacity_) {
      const T copy = value;  // `value` may be one of ours
      reserve(static_cast<size_type>(capacity_) * 2);
      data()[size_++] = copy;
      return;
    }
    data()[size_++] = value;
  }
  template <std::input_iterator Iterator>
  void append(Iterator first, Iterator last) {
    if constexpr (std::forward_iterator<Iterator>)
      reserve(size_ + static_cast<size_type>(std::distance(first, last)));
    for (; first != last; ++first) push_back(*first);
  }
  void reserve(size_type wanted) {
    if (wanted <= capacity_) return;
    T* heap = std::allocator<T>().allocate(wanted);
    std::memcpy(static_cast<void*>(heap), static_cast<const void*>(data()), size_ * sizeof(T));
    const std::uint32_t size = size_;
    release();
    heap_ = heap;
    size_ = size;
    capacity_ = static_cast<std::uint32_t>(wanted);
  }
  void clear() noexcept { size_ = 0; }

  friend bool operator==(const InlineVector& a, const InlineVector& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  friend bool operator==(const InlineVector& a, const std::vector<T>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  void release() noexcept {
    if (!is_inline()) std::allocator<T>().deallocate(heap_, capacity_);
    size_ = 0;
    capacity_ = N;
  }
  // Takes `other`'s values (its allocation, if any), leaving it empty; `this` holds none.
  void take(InlineVector& other) noexcept {
    size_ = other.size_;
    capacity_ = other.capacity_;
    if (other.is_inline())
      std::memcpy(static_cast<void*>(inline_), static_cast<const void*>(other.inline_), size_ * sizeof(T));
    else
      heap_ = other.heap_;
    other.size_ = 0;
    other.capacity_ = N;
  }

  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = N;  // N while inline
  union {
    T inline_[N];
    T* heap_;
  };
};

}  // namespace bitext
