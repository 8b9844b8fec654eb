// Asks the kernel to back a large buffer that is about to be written in full
// with transparent huge pages (2 MB) where it has them "on request"
// (/sys/kernel/mm/transparent_hugepage/enabled: madvise). Each 4 KB page
// written for the first time costs a page fault, ~13 µs of system time on the
// virtual machines measured (docs/performance.md, speed22): 2,400 faults for
// a 10 MB input read, on the one thread, before the analysis starts.
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace bitext::cli {

// The 2 MB-aligned part of [data, data + size) only: a huge page is not
// partly used, so nothing outside the buffer becomes resident. A hint: the
// kernel may refuse it, and nothing changes but the number of faults.
inline void advise_huge_pages(void* data, std::size_t size) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const auto at = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (at + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t end = (at + size) & ~(kHuge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)size;
#endif
}

}  // namespace bitext::cli
