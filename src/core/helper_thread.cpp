#include "bitext/helper_thread.hpp"

#include <atomic>
#include <utility>

namespace bitext {

namespace detail {

BesidePolicy& beside_policy() {
  thread_local BesidePolicy policy;
  return policy;
}

namespace {
std::atomic<std::size_t> started{0};
}  // namespace

std::size_t threads_started() { return started.load(); }
void count_thread_started() { started.fetch_add(1, std::memory_order_relaxed); }

}  // namespace detail

HelperThread::HelperThread(const std::function<void()>& on_start) : thread_([this, on_start] { loop(on_start); }) {
  std::unique_lock lock(mutex_);
  wake_.wait(lock, [&] { return started_; });
}

HelperThread::~HelperThread() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void HelperThread::loop(const std::function<void()>& on_start) {
  if (on_start) on_start();
  // Work given to the helper runs whole on it: it starts no thread of its own.
  detail::beside_policy() = {nullptr, true};
  std::unique_lock lock(mutex_);
  started_ = true;
  wake_.notify_all();
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || running_; });
    if (stopping_ && !running_) return;
    std::function<void()> work = std::move(work_);
    lock.unlock();
    std::exception_ptr failure;
    try {
      work();
    } catch (...) {
      failure = std::current_exception();
    }
    work = nullptr;  // (what it captured is released on this thread, before the caller goes on)
    lock.lock();
    failure_ = failure;
    running_ = false;
    wake_.notify_all();
  }
}

bool HelperThread::try_start(std::function<void()> work) {
  {
    std::lock_guard lock(mutex_);
    if (busy_) return false;
    busy_ = true;
    running_ = true;
    work_ = std::move(work);
  }
  wake_.notify_all();
  return true;
}

void HelperThread::wait() {
  std::exception_ptr failure;
  {
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [&] { return !running_; });
    busy_ = false;
    failure = std::exchange(failure_, nullptr);
  }
  if (failure) std::rethrow_exception(failure);
}

UseHelperThread::UseHelperThread(HelperThread& helper) {
  detail::BesidePolicy& policy = detail::beside_policy();
  saved_helper_ = policy.helper;
  saved_in_turn_ = policy.in_turn;
  policy = {&helper, true};
}

UseHelperThread::~UseHelperThread() { detail::beside_policy() = {saved_helper_, saved_in_turn_}; }

}  // namespace bitext
