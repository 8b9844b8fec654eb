// The thread that runs the core analysis, so that the I/O thread keeps
// reading and answering while a large document is checked. Jobs for the same
// document replace each other while queued: only the newest text is analysed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/helper_thread.hpp"
#include "bitext/options.hpp"
#include "lsp/snapshot.hpp"
#include "lsp/text_document.hpp"

namespace bitext::lsp {

struct AnalysisJob {
  std::string uri;
  std::uint64_t serial = 0;      // which opening of the document (a reopened URI is a new document)
  std::uint64_t revision = 0;    // the server's own count of edits, monotonic
  std::int64_t version = 0;      // the client's version of the text
  std::uint64_t generation = 0;  // settings generation the options belong to
  // The document store's buffer itself, unchanged while the job runs: the
  // server holds the changes that come meanwhile (Document::held_changes).
  std::shared_ptr<const std::string> text;
  CheckOptions options;
  // With a base and an edit, Analysis::rerun reuses the base's work.
  std::shared_ptr<const Analysis> base;
  std::optional<LineEdit> edit;
  // What the document store knows the text shares with the buffer it was
  // edited from (TextDocument::known_ends_from): used when the base analysed
  // that buffer, which is checked once the base is final (rebase_on_newest).
  std::weak_ptr<const std::string> edited_from;
  CommonEnds known_ends;
  // When the edits were written into the buffer the base analysed (`text` is
  // that buffer): the bytes they wrote over, to rerun from the base without
  // its text (Analysis::rerun with WrittenOver). Never rebased on a newer version.
  std::optional<WrittenOver> written_over;
  // The edits from revision `base_revision` (the base's, or where the log
  // starts without one) to `revision`, one entry per revision: the worker
  // reruns from a newer version of the document instead when it made one
  // meanwhile (the server learns of it only after the job was queued).
  std::uint64_t base_revision = 0;
  std::vector<RevisionEdit> edits;
  // Told the structural findings of a full analysis of a large document
  // before its content checks, then with its first pairs' content findings
  // (Analysis::run's listener); runs on the worker.
  EarlyFindingsListener on_early;
};

struct AnalysisResult {
  std::string uri;
  std::uint64_t serial = 0;
  std::uint64_t revision = 0;
  std::int64_t version = 0;
  std::uint64_t generation = 0;
  bool incremental = false;                  // a re-analysis from a base
  std::shared_ptr<const Snapshot> snapshot;  // null when the analysis threw
  std::string error;
  std::chrono::steady_clock::duration elapsed{};       // the whole job
  std::chrono::steady_clock::duration core_elapsed{};  // Analysis::run/rerun alone
};

// What a job runs: Analysis::run, or Analysis::rerun from the job's base.
// Replaceable so that tests can make an analysis fail.
using Analyser = std::function<std::shared_ptr<const Analysis>(AnalysisJob& job)>;
std::shared_ptr<const Analysis> analyse_with_core(AnalysisJob& job);

class AnalysisWorker {
 public:
  // `on_done` runs on the worker thread; it must hand the result over (post).
  explicit AnalysisWorker(std::function<void(AnalysisResult)> on_done, Analyser analyser = analyse_with_core);
  ~AnalysisWorker();
  AnalysisWorker(const AnalysisWorker&) = delete;
  AnalysisWorker& operator=(const AnalysisWorker&) = delete;

  // Returns true when the job replaced one queued for the same document (that
  // one gives no result); every other job gives one result.
  bool submit(AnalysisJob job);
  std::size_t cancel(const std::string& uri);  // drops a queued (not a running) job: how many
  // Frees `garbage` (an analysis a newer one replaced) on a background thread
  // of low priority: freeing a large analysis takes
  // milliseconds that the I/O thread should spend answering and the worker
  // analysing. What that thread has not freed when the next job starts, the
  // worker frees first: on a busy machine versions left to it piled up beside
  // the one being analysed.
  void dispose(std::shared_ptr<const void> garbage);
  // Returns freed memory to the system once no work has come for a while
  // (after a large message that needed no analysis, e.g. a huge request id).
  void release_memory_when_idle();
  void stop();                          // finishes the running job, drops the rest, joins

 private:
  void loop();
  void reap();  // the freeing thread
  static bool apply_heap_policy();  // lsp/heap.hpp: keep_freed_memory, before the threads start
  // Points `job` at the newest version made of its document when that is
  // newer than its base and the job's edit log leads from it.
  void rebase_on_newest(AnalysisJob& job);
  void release_after_full_run();  // when the full run's analysis was freed
  void remember(const AnalysisJob& job, const std::shared_ptr<const Analysis>& made);
  bool heap_policy_applied_;  // first: the threads below share the policy's one malloc arena
  std::function<void(AnalysisResult)> on_done_;
  Analyser analyser_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<AnalysisJob> queue_;
  // Per document, the last version this worker made (not kept alive by it:
  // analyses are never made by make_shared, so a weak_ptr holds only the
  // control block).
  struct Made {
    std::uint64_t serial = 0;
    std::uint64_t generation = 0;
    std::weak_ptr<const Analysis> from;  // the job's base (empty for a full run)
    std::uint64_t from_revision = 0;
    std::uint64_t revision = 0;
    std::weak_ptr<const Analysis> analysis;
  };
  std::map<std::string, Made, std::less<>> made_;  // the worker thread's alone
  std::vector<std::shared_ptr<const void>> garbage_;
  std::condition_variable reap_wake_;
  // Freed memory is kept between analyses (heap.hpp) and returned to the
  // system once no work has come for this long.
  static constexpr std::chrono::seconds kIdleBeforeRelease{5};
  bool memory_to_release_ = false;
  std::chrono::steady_clock::time_point release_due_{};  // not before then
  bool stopping_ = false;
  // The last full run's analysis: its working memory was the largest (the
  // open's), and what that left free is returned once the analysis is freed
  // (heap.hpp: release_freed_memory), not kept while the user types.
  std::weak_ptr<const Analysis> full_run_;
  bool full_run_kept_ = false;
  std::thread thread_;
  std::thread reaper_;
  // A rerun's work beside the worker's (the core starts no thread for it):
  // two threads kept, not six started per edit. A full run starts its
  // threads as before.
  HelperThread helper_;
};

}  // namespace bitext::lsp
