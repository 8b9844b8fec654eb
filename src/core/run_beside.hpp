// Two pieces of work at once: the caller's and one on a helper thread.
#pragma once

#include <exception>
#include <utility>

#include "helper_threads.hpp"

namespace bitext::detail {

// Runs `beside` on a kept helper thread (helper_threads.hpp) while `work` runs
// on this one, and returns when both have ended. An exception from either
// reaches the caller (`work`'s first).
template <class Beside, class Work>
void run_beside(Beside&& beside, Work&& work) {
  HelperThreads::Running running = HelperThreads::shared().start([&] { beside(); });
  try {
    work();
  } catch (...) {
    try {
      running.wait();
    } catch (...) {  // work's exception is the one reported
    }
    throw;
  }
  running.wait();
}

}  // namespace bitext::detail
