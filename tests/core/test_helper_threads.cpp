#include <doctest/doctest.h>

#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/helper_threads.hpp"
#include "core/run_beside.hpp"

using bitext::detail::HelperThreads;

namespace {

// How many pieces of work this thread has run: 1 on a thread started for the
// work, more on a thread kept from before (std::thread::id values are reused
// by the system after a thread ends, so they cannot tell).
int count_on_this_thread() {
  thread_local int runs = 0;
  return ++runs;
}

}  // namespace

TEST_CASE("the work beside an analysis runs on the same kept thread each time") {
  int first = 0, second = 0, third = 0;
  bitext::detail::run_beside([&] { first = count_on_this_thread(); }, [] {});
  bitext::detail::run_beside([&] { second = count_on_this_thread(); }, [] {});
  bitext::detail::run_beside([&] { third = count_on_this_thread(); }, [] {});
  CHECK(second == first + 1);
  CHECK(third == first + 2);
}

TEST_CASE("content stretches run on the calling thread and on kept helper threads") {
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<int> before(4), after(4);
  std::vector<std::thread::id> where(4);
  bitext::detail::in_stretches(400, 4, [&](std::size_t begin, std::size_t end, unsigned stretch) {
    CHECK(end - begin == 100);
    before[stretch] = count_on_this_thread();
  });
  bitext::detail::in_stretches(400, 4, [&](std::size_t, std::size_t, unsigned stretch) {
    after[stretch] = count_on_this_thread();
    where[stretch] = std::this_thread::get_id();
  });
  CHECK(where[0] == caller);
  for (unsigned stretch = 1; stretch < 4; ++stretch) {
    CHECK(where[stretch] != caller);
    CHECK(after[stretch] == before[stretch] + 1);  // the same three threads again
  }
}

TEST_CASE("work that finds every kept thread busy gets a thread of its own and does not wait") {
  HelperThreads pool(1);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  HelperThreads::Running blocked = pool.start([released] { released.wait(); });
  std::atomic<bool> ran{false};
  HelperThreads::Running other = pool.start([&] { ran = true; });
  other.wait();  // would never return if it waited for the kept thread
  CHECK(ran);
  CHECK(pool.kept_threads() == 1);
  release.set_value();
  blocked.wait();
  int first = 0, second = 0;
  pool.start([&] { first = count_on_this_thread(); }).wait();
  pool.start([&] { second = count_on_this_thread(); }).wait();
  CHECK(second == first + 1);  // the kept thread is free again
  CHECK(pool.kept_threads() == 1);
}

TEST_CASE("a helper's exception reaches the caller and the thread stays usable") {
  HelperThreads pool(1);
  HelperThreads::Running failing = pool.start([] { throw std::runtime_error("helper failed"); });
  CHECK_THROWS_WITH_AS(failing.wait(), "helper failed", std::runtime_error);
  bool ran = false;
  pool.start([&] { ran = true; }).wait();
  CHECK(ran);
  CHECK_THROWS_WITH_AS(bitext::detail::run_beside([] { throw std::runtime_error("beside failed"); }, [] {}),
                       "beside failed", std::runtime_error);
  CHECK_THROWS_WITH_AS(bitext::detail::run_beside([] {}, [] { throw std::logic_error("work failed"); }),
                       "work failed", std::logic_error);
}

TEST_CASE("work started from a helper thread does not wait for the pool") {
  int inner = 0;
  bitext::detail::run_beside(
      [&] { bitext::detail::run_beside([&] { inner = 1; }, [] {}); },
      [&] { bitext::detail::in_stretches(10, 3, [](std::size_t, std::size_t, unsigned) {}); });
  CHECK(inner == 1);
}

TEST_CASE("a pool ends its kept threads when it is destroyed, after the work given to them") {
  std::atomic<int> done{0};
  {
    HelperThreads pool(2);
    HelperThreads::Running a = pool.start([&] { ++done; });
    HelperThreads::Running b = pool.start([&] { ++done; });
    a.wait();
    b.wait();
    pool.start([&] { ++done; });  // not waited for by the caller: its destructor waits
    CHECK(pool.kept_threads() == 2);
  }
  CHECK(done == 3);
}
