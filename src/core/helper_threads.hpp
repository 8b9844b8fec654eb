// Threads kept for the work an analysis runs beside its own: a server
// analyses every keystroke, and a thread started per piece of work costs its
// start, its per-thread caches (ICU iterators, sentence spans) and a malloc
// arena chosen anew each time, in which the version's memory is left.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace bitext::detail {

class HelperThreads {
 public:
  // Up to `kept` threads are kept; work that finds them all busy gets a
  // thread of its own, as it would without the pool (never waits for one).
  explicit HelperThreads(std::size_t kept);
  // Waits for the running work, then ends and joins the kept threads.
  ~HelperThreads();
  HelperThreads(const HelperThreads&) = delete;
  HelperThreads& operator=(const HelperThreads&) = delete;

  // The process's pool (ended when the process exits normally).
  static HelperThreads& shared();

  class Running;
  // Starts `work` on the first idle kept thread (the same kinds of work, in
  // the same order, land on the same threads), or on a new one.
  Running start(std::function<void()> work);
  std::size_t kept_threads() const;
  // Threads started so far, kept ones and threads of their own.
  std::size_t threads_started() const;

 private:
  struct Slot;
  void serve(Slot& slot);
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::size_t kept_;
  std::size_t started_ = 0;
};

// One piece of work started by HelperThreads::start: wait() returns when it
// has ended and rethrows what it threw. Waited for on destruction if not yet.
class HelperThreads::Running {
 public:
  Running(Running&& other) noexcept;
  Running& operator=(Running&&) = delete;
  ~Running();
  void wait();

 private:
  friend class HelperThreads;
  Running(HelperThreads* pool, Slot* slot) : pool_(pool), slot_(slot) {}
  Running(std::thread own, std::shared_ptr<std::exception_ptr> failure)
      : own_(std::move(own)), own_failure_(std::move(failure)) {}
  HelperThreads* pool_ = nullptr;
  Slot* slot_ = nullptr;  // a kept thread's
  std::thread own_;       // or a thread of its own, and what it threw
  std::shared_ptr<std::exception_ptr> own_failure_;
};

// Runs body(begin, end, stretch) over [0, count) in `workers` contiguous
// stretches: the first on the calling thread, the others on helper threads.
template <class Body>
void in_stretches(std::size_t count, unsigned workers, const Body& body) {
  if (workers <= 1) {
    body(std::size_t{0}, count, 0u);
    return;
  }
  std::vector<HelperThreads::Running> running;
  running.reserve(workers - 1);
  for (unsigned w = 1; w < workers; ++w)
    running.push_back(HelperThreads::shared().start(
        [&, w] { body(count * w / workers, count * (w + 1) / workers, w); }));
  std::exception_ptr failure;
  try {
    body(std::size_t{0}, count / workers, 0u);
  } catch (...) {
    failure = std::current_exception();
  }
  for (HelperThreads::Running& stretch : running) {
    try {
      stretch.wait();
    } catch (...) {
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace bitext::detail
