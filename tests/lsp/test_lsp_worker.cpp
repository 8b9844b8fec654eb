// The analysis worker: jobs analysed off the caller's thread, queued jobs of
// one document replaced by newer ones, and replaced analyses freed on the
// background thread rather than on the I/O thread.
#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
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

TEST_CASE("versions left to the freeing thread are freed before the next job, even while that thread is busy") {
  // On a busy machine the low-priority freeing thread may get no core for long: what it
  // has not freed must not stay alive beside the next version being made.
  std::mutex mutex;
  std::condition_variable changed;
  bool freeing_started = false;
  bool analysed = false;
  int freed = 0;
  int freed_when_analysed = -1;
  Results results;
  AnalysisWorker worker([&](AnalysisResult result) { results.add(std::move(result)); },
                        [&](AnalysisJob& job) {
                          {
                            std::lock_guard lock(mutex);
                            freed_when_analysed = freed;
                            analysed = true;
                          }
                          changed.notify_all();
                          return analyse_with_core(job);
                        });
  // The freeing thread is held inside the first version's destructor until the job runs.
  worker.dispose(std::shared_ptr<const void>(new int(0), [&](const int* value) {
    delete value;
    std::unique_lock lock(mutex);
    freeing_started = true;
    changed.notify_all();
    changed.wait_for(lock, std::chrono::seconds(20), [&] { return analysed; });
  }));
  {
    std::unique_lock lock(mutex);
    REQUIRE(changed.wait_for(lock, std::chrono::seconds(20), [&] { return freeing_started; }));
  }
  for (int i = 1; i <= 3; ++i) {
    worker.dispose(std::shared_ptr<const void>(new int(i), [&](const int* value) {
      delete value;
      std::lock_guard lock(mutex);
      ++freed;
    }));
  }
  worker.submit(job_for("你好。\nHello.", 6));
  REQUIRE(results.wait_for(1));
  CHECK(results.done[0].version == 6);
  std::lock_guard lock(mutex);
  CHECK(freed_when_analysed == 3);
}

TEST_CASE("a job queued while its document was analysed reruns from the version made meanwhile") {
  // Revision 1 is queued while revision 0 (just opened) is analysed, with the
  // edit log from revision 0 and no base (none was known when it was queued).
  std::mutex mutex;
  std::condition_variable changed;
  bool first_started = false, queued = false;
  std::vector<std::shared_ptr<const Analysis>> made;
  std::shared_ptr<const Analysis> second_base;
  std::optional<LineEdit> second_edit;
  Results results;
  AnalysisWorker worker([&](AnalysisResult result) { results.add(std::move(result)); },
                        [&](AnalysisJob& job) {
                          std::unique_lock lock(mutex);
                          if (job.revision == 0) {
                            first_started = true;
                            changed.notify_all();
                            changed.wait_for(lock, std::chrono::seconds(20), [&] { return queued; });
                          } else {
                            second_base = job.base;
                            second_edit = job.edit;
                          }
                          lock.unlock();
                          auto analysis = analyse_with_core(job);
                          lock.lock();
                          made.push_back(analysis);
                          return analysis;
                        });
  const std::string before = "你好。\nHello.\n再见。\nGoodbye.";
  const std::string after = "你好。\nHello there.\n再见。\nGoodbye.";
  worker.submit(job_for(before, 0));
  {
    std::unique_lock lock(mutex);
    REQUIRE(changed.wait_for(lock, std::chrono::seconds(20), [&] { return first_started; }));
  }
  AnalysisJob second = job_for(after, 1);
  second.edits = {RevisionEdit{0, 1, LineEdit{1, 1, 1}}};
  worker.submit(std::move(second));
  {
    std::lock_guard lock(mutex);
    queued = true;
  }
  changed.notify_all();
  REQUIRE(results.wait_for(2));
  std::lock_guard lock(mutex);
  REQUIRE(made.size() == 2);
  CHECK(second_base == made[0]);
  REQUIRE(second_edit.has_value());
  CHECK(second_edit->first_line == 1);
  CHECK(second_edit->old_line_count == 1);
  CHECK(second_edit->new_line_count == 1);
  CHECK(results.done[1].incremental);
  // The same result as a full analysis of the text.
  const auto full = Analysis::run(after, CheckOptions{});
  REQUIRE(made[1]->findings().size() == full->findings().size());
  for (std::size_t i = 0; i < full->findings().size(); ++i) {
    CHECK(made[1]->findings()[i].code == full->findings()[i].code);
    CHECK(made[1]->findings()[i].begin == full->findings()[i].begin);
    CHECK(made[1]->findings()[i].message == full->findings()[i].message);
  }
  CHECK(made[1]->transcript().pairs.size() == 2);
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

#include <cstdio>
#include <cstring>

namespace {

// glibc's malloc arenas so far (malloc_info's <heap> elements; never fewer later).
int arena_count() {
  char* text = nullptr;
  std::size_t size = 0;
  FILE* out = open_memstream(&text, &size);
  malloc_info(0, out);
  std::fclose(out);
  int count = 0;
  for (const char* at = text; (at = std::strstr(at, "<heap nr=")) != nullptr; ++at) ++count;
  std::free(text);
  return count;
}

}  // namespace

// The server's threads share one malloc arena (heap.hpp): with one per
// thread, typing's resident memory was the sum of each arena's high-water mark.
TEST_CASE("threads started once a worker exists allocate in no new malloc arena") {
  AnalysisWorker worker([](AnalysisResult) {});
  const int arenas = arena_count();
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([] {
      std::vector<char> block(1u << 20, 'x');
      CHECK(block[12345] == 'x');
    });
  for (std::thread& thread : threads) thread.join();
  CHECK(arena_count() == arenas);
}
#endif

// A rerun of a long document runs work beside the content checks: on the
// worker's kept helper thread, so that every edit allocates in the same malloc
// arenas (new threads took whichever arenas were free, and each one grew).
TEST_CASE("the worker's reruns of a long document start no thread; its full runs do") {
  std::string text;
  for (int pair = 0; pair < 1200; ++pair)
    text += "这是第" + std::to_string(pair) + "句话，内容不同。\nThis is sentence number " + std::to_string(pair) +
            ", with its own words.\n";
  std::vector<std::size_t> started;  // threads each job started
  Results results;
  AnalysisWorker worker([&](AnalysisResult result) { results.add(std::move(result)); }, [&](AnalysisJob& job) {
    const std::size_t before = bitext::detail::threads_started();
    auto analysis = analyse_with_core(job);
    started.push_back(bitext::detail::threads_started() - before);
    return analysis;
  });
  worker.submit(job_for(text, 0));
  REQUIRE(results.wait_for(1));
  REQUIRE(results.done[0].snapshot != nullptr);
  REQUIRE(results.done[0].snapshot->analysis().transcript().pairs.size() >= 1024);
  std::shared_ptr<const Analysis> base = results.done[0].snapshot->analysis_ptr();
  for (int edit = 1; edit <= 3; ++edit) {
    const std::size_t at = text.find("number 600");
    text.insert(at, "x");
    AnalysisJob job = job_for(text, edit);
    job.base = base;
    job.edit = LineEdit{1201, 1, 1};
    job.base_revision = static_cast<std::uint64_t>(edit - 1);
    worker.submit(std::move(job));
    REQUIRE(results.wait_for(static_cast<std::size_t>(edit) + 1));
    REQUIRE(results.done.back().snapshot != nullptr);
    CHECK(results.done.back().incremental);
    base = results.done.back().snapshot->analysis_ptr();
  }
  REQUIRE(started.size() == 4);
  CHECK(started[0] > 0);
  CHECK(started[1] == 0);
  CHECK(started[2] == 0);
  CHECK(started[3] == 0);
  CHECK(base->findings().size() == Analysis::run(text, CheckOptions{})->findings().size());
}
