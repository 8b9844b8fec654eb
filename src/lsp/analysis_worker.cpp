#include "lsp/analysis_worker.hpp"

#include <algorithm>
#include <exception>
#include <optional>

#if defined(__linux__)
#include <sys/resource.h>
#include <unistd.h>
#endif

#include "lsp/heap.hpp"
#include "lsp/text_buffer.hpp"

namespace bitext::lsp {

std::shared_ptr<const Analysis> analyse_with_core(AnalysisJob& job) {
  // The worker is the only one to rerun from a base, once (a queued job is
  // rebased on the newest version, rebase_on_newest): the base's work kept for
  // rerun is freed as the rerun uses it, not kept beside the new version's,
  // and so is its transcript when no request reads it meanwhile (the server
  // reads a base only under an Analysis::Reading).
  if (job.base && job.edit) {
    if (job.written_over)
      return Analysis::rerun(*job.base, job.text, {*job.edit}, job.options, Analysis::PreviousWork::Consume,
                             *job.written_over);
    const std::shared_ptr<const std::string> edited_from = job.edited_from.lock();
    if (edited_from && edited_from.get() == &job.base->text())
      return Analysis::rerun(*job.base, job.text, {*job.edit}, job.options, Analysis::PreviousWork::Consume,
                             job.known_ends);
    return Analysis::rerun(*job.base, job.text, {*job.edit}, job.options, Analysis::PreviousWork::Consume);
  }
  if (job.on_early) return Analysis::run(job.text, job.options, job.on_early);
  return Analysis::run(job.text, job.options);
}

bool AnalysisWorker::apply_heap_policy() {
  keep_freed_memory();
  return true;
}

AnalysisWorker::AnalysisWorker(std::function<void(AnalysisResult)> on_done, Analyser analyser)
    : heap_policy_applied_(apply_heap_policy()), on_done_(std::move(on_done)), analyser_(std::move(analyser)),
      thread_([this] { loop(); }), reaper_([this] { reap(); }) {}

AnalysisWorker::~AnalysisWorker() { stop(); }

bool AnalysisWorker::submit(AnalysisJob job) {
  bool replaced = false;
  {
    std::lock_guard lock(mutex_);
    auto same = std::find_if(queue_.begin(), queue_.end(), [&](const AnalysisJob& queued) { return queued.uri == job.uri; });
    if (same != queue_.end()) {
      *same = std::move(job);
      replaced = true;
    } else {
      queue_.push_back(std::move(job));
    }
  }
  wake_.notify_one();
  return replaced;
}

std::size_t AnalysisWorker::cancel(const std::string& uri) {
  std::lock_guard lock(mutex_);
  const std::size_t before = queue_.size();
  queue_.erase(std::remove_if(queue_.begin(), queue_.end(), [&](const AnalysisJob& job) { return job.uri == uri; }),
               queue_.end());
  return before - queue_.size();
}

void AnalysisWorker::dispose(std::shared_ptr<const void> garbage) {
  if (!garbage) return;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;  // freed here, by the caller
    garbage_.push_back(std::move(garbage));
  }
  reap_wake_.notify_one();
}

void AnalysisWorker::reap() {
#if defined(__linux__)
  // Below the analysis (freeing must not slow the next one, which the user
  // waits for), but not idle-only: on a busy machine an idle-priority thread
  // got no core at all, and the versions it was to free stayed alive beside
  // the next ones while the user typed.
  setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
#endif
  for (;;) {
    std::unique_lock lock(mutex_);
    reap_wake_.wait(lock, [&] { return stopping_ || !garbage_.empty(); });
    if (stopping_) return;
    // One version at a time, so that the worker frees the rest itself when a
    // job comes before this thread got a core.
    std::shared_ptr<const void> garbage = std::move(garbage_.back());
    garbage_.pop_back();
    lock.unlock();
    garbage.reset();
    release_after_full_run();
  }
}

void AnalysisWorker::release_after_full_run() {
  {
    std::lock_guard lock(mutex_);
    if (!full_run_kept_ || !full_run_.expired()) return;
    full_run_kept_ = false;
  }
  release_freed_memory();
}

void AnalysisWorker::remember(const AnalysisJob& job, const std::shared_ptr<const Analysis>& made) {
  std::erase_if(made_, [](const auto& entry) { return entry.second.analysis.expired(); });  // closed documents
  made_[job.uri] = Made{job.serial, job.generation, job.base, job.base_revision, job.revision, made};
}

// While the user types faster than the document is analysed, each job is
// queued with the base the server knew, which the running job is about to
// replace: rerun from that older base, the job kept it alive beside the newer
// version and redid the edits between them (a full analysis again when the
// user typed while a document was opened). The result is the same from any
// base (Analysis::rerun == run).
void AnalysisWorker::rebase_on_newest(AnalysisJob& job) {
  auto it = made_.find(job.uri);
  if (it == made_.end() || job.written_over) return;  // (the bytes written over are the base's)
  const Made& made = it->second;
  const bool same_base = !made.from.owner_before(job.base) && !job.base.owner_before(made.from);
  if (made.serial != job.serial || made.generation != job.generation || !same_base ||
      made.from_revision != job.base_revision || made.revision < job.base_revision || made.revision >= job.revision)
    return;
  std::shared_ptr<const Analysis> newer = made.analysis.lock();
  if (!newer) return;
  std::optional<LineEdit> edit = edit_from(job.edits, made.revision);
  if (!edit || job.edits.back().to_revision != job.revision) return;
  job.base = std::move(newer);
  job.edit = edit;
  job.base_revision = made.revision;
  std::erase_if(job.edits, [&](const RevisionEdit& entry) { return entry.to_revision <= made.revision; });
  job.on_early = nullptr;  // a re-analysis tells no early findings
}

void AnalysisWorker::release_memory_when_idle() {
  {
    std::lock_guard lock(mutex_);
    memory_to_release_ = true;
    release_due_ = std::max(release_due_, std::chrono::steady_clock::now() + kIdleBeforeRelease);
  }
  wake_.notify_one();
}

void AnalysisWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  // Garbage left is freed with the worker (after the threads are joined).
  wake_.notify_all();
  reap_wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (reaper_.joinable()) reaper_.join();
}

void AnalysisWorker::loop() {
  bool ran_job = false;
  for (;;) {
    AnalysisJob job;
    {
      std::unique_lock lock(mutex_);
      auto ready = [&] { return stopping_ || !queue_.empty(); };
      if (ran_job) {
        release_due_ = std::max(release_due_, std::chrono::steady_clock::now() + kIdleBeforeRelease);
        ran_job = false;
      }
      // Freed memory is kept while work comes in, and returned after a pause
      // (counted from the last job or large message: release_memory_when_idle).
      if (memory_to_release_) {
        if (!wake_.wait_until(lock, release_due_, ready)) {
          if (std::chrono::steady_clock::now() < release_due_) continue;  // work came meanwhile
          memory_to_release_ = false;
          lock.unlock();
          free_spare_text_buffer();
          release_freed_memory();
          continue;
        }
      } else {
        wake_.wait(lock, [&] { return ready() || memory_to_release_; });
      }
      if (stopping_) return;
      if (queue_.empty()) continue;  // woken to release memory after the pause
      memory_to_release_ = true;
      if (!garbage_.empty()) {
        // The reaper got no core yet (a busy machine): the replaced versions
        // are freed here, before the next one is made, not kept beside it.
        std::vector<std::shared_ptr<const void>> garbage = std::move(garbage_);
        garbage_.clear();
        lock.unlock();
        garbage.clear();
        release_after_full_run();
        continue;
      }
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    rebase_on_newest(job);
    AnalysisResult result;
    result.uri = job.uri;
    result.serial = job.serial;
    result.revision = job.revision;
    result.version = job.version;
    result.generation = job.generation;
    result.incremental = job.base && job.edit;
    auto started = std::chrono::steady_clock::now();
    try {
      std::optional<UseHelperThread> use_helper;
      if (result.incremental) use_helper.emplace(helper_);
      std::shared_ptr<const Analysis> analysis = analyser_(job);
      result.core_elapsed = std::chrono::steady_clock::now() - started;
      remember(job, analysis);
      if (!result.incremental) {
        std::lock_guard lock(mutex_);
        full_run_ = analysis;
        full_run_kept_ = true;
      }
      result.snapshot = std::make_shared<const Snapshot>(std::move(analysis), job.version);
    } catch (const std::exception& e) {
      result.error = e.what();
    } catch (...) {
      result.error = "unknown exception";
    }
    result.elapsed = std::chrono::steady_clock::now() - started;
    on_done_(std::move(result));
    ran_job = true;
  }
}

}  // namespace bitext::lsp
