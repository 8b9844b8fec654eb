// A kept thread for the work an analysis does beside its own thread, so that
// repeated analyses (a server's reruns) allocate in the same malloc arenas
// every time instead of in those of new threads (docs/performance.md, mem31).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace bitext {

class HelperThread {
 public:
  // `on_start` runs first on the thread (e.g. binding it to a malloc arena);
  // the constructor returns once it has.
  explicit HelperThread(const std::function<void()>& on_start = {});
  ~HelperThread();
  HelperThread(const HelperThread&) = delete;
  HelperThread& operator=(const HelperThread&) = delete;

  // Gives `work` to the thread; false (and nothing done) while it runs other work.
  bool try_start(std::function<void()> work);
  // Waits for the work started to end; rethrows what it threw.
  void wait();

 private:
  void loop(const std::function<void()>& on_start);
  std::mutex mutex_;
  std::condition_variable wake_;
  std::function<void()> work_;
  std::exception_ptr failure_;
  bool busy_ = false;     // from try_start to wait's return
  bool running_ = false;  // work_ given and not ended
  bool started_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

// While alive, the analyses run on the constructing thread start no thread:
// their beside work goes to `helper` when it is idle, otherwise it runs on
// this thread in turn (and work on the helper itself runs in turn there).
class UseHelperThread {
 public:
  explicit UseHelperThread(HelperThread& helper);
  ~UseHelperThread();
  UseHelperThread(const UseHelperThread&) = delete;
  UseHelperThread& operator=(const UseHelperThread&) = delete;

 private:
  HelperThread* saved_helper_;
  bool saved_in_turn_;
};

namespace detail {

// The calling thread's policy for work beside (run_beside.hpp).
struct BesidePolicy {
  HelperThread* helper = nullptr;  // kept thread to use when idle
  bool in_turn = false;            // start no thread: what the helper cannot take runs here
};
BesidePolicy& beside_policy();
// Threads that run_beside and in_stretches started so far, in the process (tests).
std::size_t threads_started();
void count_thread_started();

}  // namespace detail
}  // namespace bitext
