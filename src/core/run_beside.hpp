// Two pieces of work at once: the caller's and one in a thread of its own.
#pragma once

#include <exception>
#include <thread>
#include <utility>

namespace bitext::detail {

// Runs `beside` in a thread of its own while `work` runs on this one, and
// returns when both have ended. An exception from either reaches the caller
// (one escaping the thread would end the process).
template <class Beside, class Work>
void run_beside(Beside&& beside, Work&& work) {
  std::exception_ptr failure;
  std::thread thread([&] {
    try {
      beside();
    } catch (...) {
      failure = std::current_exception();
    }
  });
  try {
    work();
  } catch (...) {
    thread.join();
    throw;
  }
  thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace bitext::detail
