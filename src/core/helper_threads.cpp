#include "helper_threads.hpp"

#include <algorithm>
#include <utility>

namespace bitext::detail {

struct HelperThreads::Slot {
  std::thread thread;
  std::condition_variable wake;  // work given, or the pool ends
  std::condition_variable ended;
  std::function<void()> work;
  std::exception_ptr failure;
  bool given = false;  // to a Running that has not waited yet
  bool done = false;
  bool stopping = false;
};

HelperThreads::HelperThreads(std::size_t kept) : kept_(kept) {}

HelperThreads::~HelperThreads() {
  {
    std::lock_guard lock(mutex_);
    for (const auto& slot : slots_) {
      slot->stopping = true;
      slot->wake.notify_one();
    }
  }
  for (const auto& slot : slots_) slot->thread.join();
}

HelperThreads& HelperThreads::shared() {
  // An analysis runs at most one piece of work beside it plus its content
  // checks' stretches (one per core, up to 8, the caller's own included).
  static HelperThreads pool(std::clamp(std::thread::hardware_concurrency(), 1u, 8u) + 1);
  return pool;
}

std::size_t HelperThreads::kept_threads() const {
  std::lock_guard lock(mutex_);
  return slots_.size();
}

std::size_t HelperThreads::threads_started() const {
  std::lock_guard lock(mutex_);
  return started_;
}

void HelperThreads::serve(Slot& slot) {
  std::unique_lock lock(mutex_);
  while (true) {
    slot.wake.wait(lock, [&] { return slot.work != nullptr || slot.stopping; });
    if (slot.work == nullptr) return;
    std::function<void()> work = std::move(slot.work);
    slot.work = nullptr;
    lock.unlock();
    std::exception_ptr failure;
    try {
      work();
    } catch (...) {
      failure = std::current_exception();
    }
    work = nullptr;  // its captures are freed before the caller is told
    lock.lock();
    slot.failure = failure;
    slot.done = true;
    slot.ended.notify_all();
  }
}

HelperThreads::Running HelperThreads::start(std::function<void()> work) {
  std::lock_guard lock(mutex_);
  Slot* idle = nullptr;
  for (const auto& slot : slots_) {
    if (!slot->given) {
      idle = slot.get();
      break;
    }
  }
  if (idle == nullptr && slots_.size() < kept_) {
    slots_.push_back(std::make_unique<Slot>());
    idle = slots_.back().get();
    idle->thread = std::thread([this, idle] { serve(*idle); });
    ++started_;
  }
  if (idle == nullptr) {
    ++started_;
    auto failure = std::make_shared<std::exception_ptr>();
    std::thread own([work = std::move(work), failure] {
      try {
        work();
      } catch (...) {
        *failure = std::current_exception();
      }
    });
    return Running(std::move(own), std::move(failure));
  }
  idle->given = true;
  idle->done = false;
  idle->work = std::move(work);
  idle->wake.notify_one();
  return Running(this, idle);
}

HelperThreads::Running::Running(Running&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)),
      slot_(std::exchange(other.slot_, nullptr)),
      own_(std::move(other.own_)),
      own_failure_(std::move(other.own_failure_)) {}

HelperThreads::Running::~Running() {
  try {
    wait();
  } catch (...) {  // the caller did not wait: it did not want to know
  }
}

void HelperThreads::Running::wait() {
  std::exception_ptr failure;
  if (slot_ != nullptr) {
    std::unique_lock lock(pool_->mutex_);
    slot_->ended.wait(lock, [&] { return slot_->done; });
    failure = std::exchange(slot_->failure, nullptr);
    slot_->given = false;
    slot_ = nullptr;
  } else if (own_.joinable()) {
    own_.join();
    failure = *own_failure_;
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace bitext::detail
