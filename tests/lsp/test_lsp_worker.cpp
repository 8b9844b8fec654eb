// The analysis worker: jobs analysed off the caller's thread, queued jobs of
// one document replaced by newer ones, and replaced analyses freed on the
// background thread rather than on the I/O thread.
#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "lsp/analysis_worker.hpp"

using namespace bitext;
using namespace bitext::lsp;

namespace {

// Collects results and waits for them.
struct Results {
  std::mutex mutex;
  std::condition_variable ready;
  std::vector<AnalysisResult> done;

  void add(AnalysisResult result) {
    std::lock_guard lock(mutex);
    done.push_back(std::move(result));
    ready.notify_all();
  }
  bool wait_for(std::size_t count) {
    std::unique_lock lock(mutex);
    return ready.wait_for(lock, std::chrono::seconds(20), [&] { return done.size() >= count; });
  }
};

AnalysisJob job_for(std::string text, std::int64_t version) {
  AnalysisJob job;
  job.uri = "file:///a.txt";
  job.version = version;
  job.revision = static_cast<std::uint64_t>(version);
  job.text = std::make_shared<const std::string>(std::move(text));
  return job;
}

}  // namespace

TEST_CASE("a job is analysed on the worker and its snapshot carries the version") {
  Results results;
  AnalysisWorker worker([&](AnalysisResult result) { results.add(std::move(result)); });
  worker.submit(job_for("你好。\nHello.\n再见。\nGoodbye.", 4));
  REQUIRE(results.wait_for(1));
  const AnalysisResult& result = results.done[0];
  REQUIRE(result.snapshot != nullptr);
  CHECK(result.version == 4);
  CHECK(result.snapshot->version() == 4);
  CHECK(result.snapshot->analysis().transcript().pairs.size() == 2);
  CHECK(result.error.empty());
}

TEST_CASE("dispose frees what it is given on a background thread, not the caller's") {
  Results results;
  AnalysisWorker worker([&](AnalysisResult result) { results.add(std::move(result)); });
  std::mutex mutex;
  std::condition_variable freed_cv;
  bool freed = false;
  std::thread::id freed_on;
  {
    std::shared_ptr<const void> garbage(new int(7), [&](const int* value) {
      delete value;
      std::lock_guard lock(mutex);
      freed = true;
      freed_on = std::this_thread::get_id();
      freed_cv.notify_all();
    });
    worker.dispose(std::move(garbage));
  }
  std::unique_lock lock(mutex);
  REQUIRE(freed_cv.wait_for(lock, std::chrono::seconds(20), [&] { return freed; }));
  CHECK(freed_on != std::this_thread::get_id());

  // The worker still analyses after disposing.
  lock.unlock();
  worker.submit(job_for("你好。\nHello.", 5));
  REQUIRE(results.wait_for(1));
  CHECK(results.done[0].version == 5);
}

TEST_CASE("a stopped worker leaves disposal to the caller") {
  AnalysisWorker worker([](AnalysisResult) {});
  worker.stop();
  bool freed = false;
  std::thread::id freed_on;
  worker.dispose(std::shared_ptr<const void>(new int(1), [&](const int* value) {
    delete value;
    freed = true;
    freed_on = std::this_thread::get_id();
  }));
  CHECK(freed);
  CHECK(freed_on == std::this_thread::get_id());
}

#include <cstdlib>

#include "support/sanitizers.hpp"
// glibc's heap only: under AddressSanitizer malloc is the sanitizer's own and mallinfo2() reads 0.
#if defined(__GLIBC__) && !defined(BITEXT_UNDER_ASAN)
#include <malloc.h>

#include "lsp/heap.hpp"

TEST_CASE("freed memory stays in the heap until it is released") {
  keep_freed_memory();
  const std::size_t before = mallinfo2().arena;
  {
    std::vector<char> block(24u << 20, 'x');  // below the 32 MiB threshold: from the heap, not mmap
    CHECK(block[12345] == 'x');
    CHECK(mallinfo2().arena >= before + (24u << 20));
  }
  // Freed, but kept: the heap did not shrink.
  CHECK(mallinfo2().arena >= before + (24u << 20));
  release_freed_memory();
  CHECK(mallinfo2().arena < before + (4u << 20));
}
#endif
