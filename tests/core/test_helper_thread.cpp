// The kept helper thread of repeated analyses (bitext/helper_thread.hpp): under
// UseHelperThread, work beside runs on the helper or on the caller, never on a
// thread started for it.
#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "bitext/helper_thread.hpp"
#include "core/run_beside.hpp"

using namespace bitext;

namespace {

// The threads that ran some work, in any order.
struct Seen {
  std::mutex mutex;
  std::set<std::thread::id> threads;
  void here() {
    std::lock_guard lock(mutex);
    threads.insert(std::this_thread::get_id());
  }
};

}  // namespace

TEST_CASE("without a helper, run_beside and in_stretches start threads") {
  const std::size_t before = detail::threads_started();
  Seen seen;
  detail::run_beside([&] { seen.here(); }, [&] { seen.here(); });
  detail::in_stretches(100, 3, [&](std::size_t, std::size_t, unsigned) { seen.here(); });
  CHECK(detail::threads_started() == before + 3);
  CHECK(seen.threads.size() >= 2);
}

TEST_CASE("under UseHelperThread, the idle helper takes the work beside and no thread is started") {
  std::thread::id helper_id;
  HelperThread helper([&] { helper_id = std::this_thread::get_id(); });
  const std::size_t before = detail::threads_started();
  {
    UseHelperThread use(helper);
    std::thread::id beside_on, work_on;
    detail::run_beside([&] { beside_on = std::this_thread::get_id(); }, [&] { work_on = std::this_thread::get_id(); });
    CHECK(beside_on == helper_id);
    CHECK(work_on == std::this_thread::get_id());
    // Stretches: the first on the caller, the others on the helper, each once.
    std::vector<int> ran(4, 0);
    std::vector<std::thread::id> on(4);
    detail::in_stretches(400, 4, [&](std::size_t begin, std::size_t end, unsigned stretch) {
      CHECK(begin == 100 * stretch);
      CHECK(end == 100 * (stretch + 1));
      ++ran[stretch];
      on[stretch] = std::this_thread::get_id();
    });
    CHECK(ran == std::vector<int>{1, 1, 1, 1});
    CHECK(on[0] == std::this_thread::get_id());
    for (unsigned stretch = 1; stretch < 4; ++stretch) CHECK(on[stretch] == helper_id);
  }
  CHECK(detail::threads_started() == before);
  // Out of the scope, threads are started as before.
  detail::run_beside([] {}, [] {});
  CHECK(detail::threads_started() == before + 1);
}

TEST_CASE("work beside that the busy helper cannot take runs in turn: nested work starts no thread") {
  std::thread::id helper_id;
  HelperThread helper([&] { helper_id = std::this_thread::get_id(); });
  const std::size_t before = detail::threads_started();
  UseHelperThread use(helper);
  Seen inside_beside, inside_work;
  detail::run_beside(
      [&] {
        // On the helper: its own work beside runs there too.
        detail::run_beside([&] { inside_beside.here(); }, [&] { inside_beside.here(); });
        detail::in_stretches(10, 2, [&](std::size_t, std::size_t, unsigned) { inside_beside.here(); });
      },
      [&] {
        // On the caller while the helper may be busy: on the caller or the helper.
        detail::run_beside([&] { inside_work.here(); }, [&] { inside_work.here(); });
        detail::in_stretches(10, 2, [&](std::size_t, std::size_t, unsigned) { inside_work.here(); });
      });
  CHECK(detail::threads_started() == before);
  CHECK(inside_beside.threads == std::set<std::thread::id>{helper_id});
  for (const std::thread::id& id : inside_work.threads) CHECK((id == helper_id || id == std::this_thread::get_id()));
}

TEST_CASE("an exception from either side reaches the caller, and the helper stays usable") {
  HelperThread helper;
  UseHelperThread use(helper);
  std::atomic<int> work_ran{0};
  CHECK_THROWS_WITH_AS(detail::run_beside([] { throw std::runtime_error("beside"); }, [&] { ++work_ran; }), "beside",
                       std::runtime_error);
  CHECK(work_ran == 1);
  CHECK_THROWS_WITH_AS(detail::run_beside([] {}, [] { throw std::runtime_error("work"); }), "work", std::runtime_error);
  CHECK_THROWS_WITH_AS(
      detail::in_stretches(10, 2, [](std::size_t, std::size_t, unsigned stretch) {
        if (stretch == 1) throw std::runtime_error("stretch");
      }),
      "stretch", std::runtime_error);
  std::atomic<int> both{0};
  detail::run_beside([&] { ++both; }, [&] { ++both; });
  CHECK(both == 2);
  CHECK(helper.try_start([] {}));
  CHECK_FALSE(helper.try_start([] {}));  // until waited for
  helper.wait();
}
