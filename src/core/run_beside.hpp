// Work beside the caller: two pieces at once (the caller's and one in a thread
// of its own), or one range cut into stretches run in parallel.
#pragma once

#include <cstddef>
#include <exception>
#include <thread>
#include <utility>
#include <vector>

#include "bitext/helper_thread.hpp"

namespace bitext::detail {

// Under UseHelperThread: `beside` on the kept helper when it is idle, else
// both on this thread in turn (beside first).
template <class Beside, class Work>
void run_beside_in_turn(Beside&& beside, Work&& work) {
  HelperThread* helper = beside_policy().helper;
  if (helper != nullptr && helper->try_start([&] { beside(); })) {
    try {
      work();
    } catch (...) {
      try {
        helper->wait();
      } catch (...) {
      }
      throw;
    }
    helper->wait();
    return;
  }
  beside();
  work();
}

// Runs `beside` in a thread of its own while `work` runs on this one, and
// returns when both have ended. An exception from either reaches the caller
// (one escaping the thread would end the process).
template <class Beside, class Work>
void run_beside(Beside&& beside, Work&& work) {
  if (beside_policy().in_turn) {
    run_beside_in_turn(beside, work);
    return;
  }
  std::exception_ptr failure;
  count_thread_started();
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


// Runs body(begin, end, stretch) over [0, count) in `workers` contiguous stretches.
template <class Body>
void in_stretches(std::size_t count, unsigned workers, const Body& body) {
  if (workers <= 1) {
    body(std::size_t{0}, count, 0u);
    return;
  }
  if (beside_policy().in_turn) {  // the same stretches, the first here and the rest on the helper
    run_beside_in_turn(
        [&] {
          for (unsigned w = 1; w < workers; ++w) body(count * w / workers, count * (w + 1) / workers, w);
        },
        [&] { body(std::size_t{0}, count / workers, 0u); });
    return;
  }
  std::vector<std::thread> threads;
  std::vector<std::exception_ptr> failures(workers);
  for (unsigned w = 1; w < workers; ++w) {
    count_thread_started();
    threads.emplace_back([&, w] {
      try {
        body(count * w / workers, count * (w + 1) / workers, w);
      } catch (...) {
        failures[w] = std::current_exception();
      }
    });
  }
  try {
    body(std::size_t{0}, count / workers, 0u);
  } catch (...) {
    failures[0] = std::current_exception();
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& failure : failures)
    if (failure) std::rethrow_exception(failure);
}

}  // namespace bitext::detail
