#include "lsp/heap.hpp"

#include <cstdlib>  // defines __GLIBC__ where it applies

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace bitext::lsp {
namespace {
#if defined(__GLIBC__)
constexpr int kServerArenas = 3;
#endif
}  // namespace

void keep_freed_memory() {
#if defined(__GLIBC__)
  // Blocks up to glibc's largest mmap threshold (32 MiB) come from the heap,
  // so freeing them keeps their pages; the heap is never trimmed on free.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  // So each malloc arena stays at its own high-water mark, and the resident
  // peak is their sum. glibc gives a new thread a free arena, or a new one
  // when every arena is in use by a live thread at that moment; the threads
  // an edit starts (Analysis's run_beside, the content checks' stretches) are
  // new each edit, and the moment one finds no free arena depends on timing:
  // a 4th or 5th arena appeared after some edits and stayed resident (~10 MB
  // each for a 10 MB document, docs/performance.md, mem22). Three arenas: the
  // I/O thread's (the main heap, the texts), and two for the worker and the
  // threads beside it; further threads share them. glibc reads the limit
  // when it next needs a new arena (before it has 9 it leaves its own limit
  // unset), so setting it after the worker's threads started still holds.
  mallopt(M_ARENA_MAX, kServerArenas);
#endif
}

void release_freed_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace bitext::lsp
