// How much a rerun that releases the previous version's work holds at its
// peak, counted by this binary's own operator new: the server's typing peak is
// two versions plus a rerun's working memory (docs/performance.md, memver34).
#include <doctest/doctest.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "bitext/analysis.hpp"
#include "support/sanitizers.hpp"
#include "support/text_files.hpp"

#ifdef __GLIBC__
namespace {
std::atomic<long long> live_bytes{0};
std::atomic<long long> peak_bytes{0};

void counted(void* p) {
  const long long now = live_bytes.fetch_add(static_cast<long long>(malloc_usable_size(p))) +
                        static_cast<long long>(malloc_usable_size(p));
  long long peak = peak_bytes.load();
  while (now > peak && !peak_bytes.compare_exchange_weak(peak, now)) {
  }
}
void* allocate(std::size_t size) {
  void* p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr) throw std::bad_alloc();
  counted(p);
  return p;
}
void release(void* p) noexcept {
  if (p == nullptr) return;
  live_bytes.fetch_sub(static_cast<long long>(malloc_usable_size(p)));
  std::free(p);
}
}  // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
#endif

using namespace bitext;
using bitext::test_support::join_lines;
using bitext::test_support::read_source_file;
using bitext::test_support::split_lines;
using bitext::test_support::tagged_copies;


#ifdef __GLIBC__
// Below 1,024 pairs a rerun's stages run one after the other on the calling
// thread, so its peak is the same at every run. The previous version's
// per-pair content records are dropped before the selection and the findings
// (what those read of them is copied first), and the lines' script profiles
// once the lines are paired, so that neither is held beside the content
// checks' peak with the new version's records; nor are the content run's
// per-pair costs, checks and features beside the findings.
namespace {

// The peak of a one-character rerun of `base` above what it started with, in
// multiples of the text.
double rerun_peak(const std::shared_ptr<const Analysis>& base, Analysis::PreviousWork work) {
  const std::string& text = base->text();
  const std::size_t line = base->index().line_count() / 2;
  const std::string_view middle = base->index().line_text(line);
  const std::size_t at = static_cast<std::size_t>(middle.data() - text.data()) + middle.size() / 2;
  std::string edited;
  edited.reserve(text.size() + 1);
  edited.append(text, 0, at);
  edited += 'x';
  edited.append(text, at);
  auto next = std::make_shared<const std::string>(std::move(edited));

  const long long before = live_bytes.load();
  peak_bytes.store(before);
  auto rerun = Analysis::rerun(*base, next, {LineEdit{static_cast<std::uint32_t>(line), 1, 1}}, CheckOptions{}, work);
  const double over = static_cast<double>(peak_bytes.load() - before) / static_cast<double>(text.size());
  std::printf("rerun peak over before (%s): %lld bytes, %.3f x the text\n",
              work == Analysis::PreviousWork::Consume ? "consume" : "release", peak_bytes.load() - before, over);
  CHECK(rerun->findings().size() == base->findings().size());
  return over;
}

}  // namespace

TEST_CASE("a one-character rerun that releases the previous version's work peaks below 1.05 x the text above what it started with") {
  if (test::kUnderAddressSanitizer) return;  // (its allocator counts differently)
  const std::string text = tagged_copies(read_source_file("examples/unsupervised-learning-ep1.zh-en.txt"), 8);
  auto base = Analysis::run(std::make_shared<const std::string>(text), CheckOptions{});
  REQUIRE(base->transcript().pairs.size() < 1024);
  REQUIRE(base->transcript().pairs.size() >= 800);
  CHECK(rerun_peak(base, Analysis::PreviousWork::Release) < 1.05);
}

// The server's worker also lets the rerun take the previous version's
// transcript (nobody else reads it): freed before the new one is paired.
TEST_CASE("a one-character rerun that consumes the previous version peaks below 0.75 x the text above its start") {
  if (test::kUnderAddressSanitizer) return;
  const std::string text = tagged_copies(read_source_file("examples/unsupervised-learning-ep1.zh-en.txt"), 8);
  const auto release = rerun_peak(Analysis::run(std::make_shared<const std::string>(text), CheckOptions{}),
                                  Analysis::PreviousWork::Release);
  const auto consume = rerun_peak(Analysis::run(std::make_shared<const std::string>(text), CheckOptions{}),
                                  Analysis::PreviousWork::Consume);
  CHECK(consume < 0.75);  // (0.64 when measured; releasing alone, 0.99)
  CHECK(release - consume > 0.2);
}
#endif
