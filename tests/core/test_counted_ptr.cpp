#include <doctest/doctest.h>

#include <memory>
#include <thread>
#include <vector>

#include "core/counted_ptr.hpp"

using bitext::detail::CountedPtr;

namespace {

struct Tracked {
  explicit Tracked(int& alive, int value = 0) : alive(alive), value(value) { ++alive; }
  Tracked(const Tracked&) = delete;
  ~Tracked() { --alive; }
  int& alive;
  int value;
};

}  // namespace

TEST_CASE("a counted pointer is one pointer wide and frees its value with its last copy") {
  CHECK(sizeof(CountedPtr<const Tracked>) == sizeof(void*));
  CHECK(sizeof(CountedPtr<const Tracked>) < sizeof(std::shared_ptr<const Tracked>));
  int alive = 0;
  {
    CountedPtr<Tracked> made = CountedPtr<Tracked>::make(alive, 7);
    CHECK(alive == 1);
    CHECK(made->value == 7);
    made->value = 8;  // the owner may write it before sharing it
    CountedPtr<const Tracked> shared = made;  // a copy as const, the same value
    CHECK(shared.get() == made.get());
    CHECK(shared->value == 8);
    made = nullptr;
    CHECK(!made);
    CHECK(alive == 1);  // `shared` still holds it
    CountedPtr<const Tracked> moved = std::move(shared);
    CHECK(!shared);
    CHECK(moved->value == 8);
    CountedPtr<const Tracked> copy = moved;
    CHECK(copy == moved);
    moved = CountedPtr<const Tracked>();
    CHECK(alive == 1);
    copy = copy;  // (self-assignment keeps it)
    CHECK(alive == 1);
    CHECK(copy->value == 8);
  }
  CHECK(alive == 0);
  CountedPtr<const Tracked> none;
  CHECK(!none);
  CHECK(none.get() == nullptr);
  CHECK(none == CountedPtr<const Tracked>(nullptr));
}

TEST_CASE("copies of a counted pointer made and dropped in several threads free the value once") {
  int alive = 0;
  {
    const CountedPtr<const Tracked> shared = CountedPtr<Tracked>::make(alive);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&] {
        std::vector<CountedPtr<const Tracked>> copies(1000, shared);
        copies.clear();
      });
    for (std::thread& thread : threads) thread.join();
    CHECK(alive == 1);
  }
  CHECK(alive == 0);
}
