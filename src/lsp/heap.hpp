// Heap policy of the long-running server. Re-analysing a large document
// allocates and frees tens of megabytes per keystroke; memory returned to the
// system must be faulted in again next time, which costs more than the
// analysis itself on some machines (a 10 MB copy: 0.5 ms into reused memory,
// 30-90 ms into fresh pages on the VMs we measured). So freed memory is kept
// while the user types and returned once the server is idle. No-ops where the
// C library offers no such control.
#pragma once

namespace bitext::lsp {

// Keeps freed memory in the process (large blocks from the heap, no trimming).
void keep_freed_memory();
// Returns the freed memory kept so far to the system.
void release_freed_memory();
// Binds the calling thread to a malloc arena now, for a long-lived thread that
// only frees what others allocated: glibc binds a thread at its first malloc
// or free, for good, to a free arena if there is one, and one that the
// analysis' helper threads had left holding megabytes of kept memory was then
// lost to them: they made another, and typing in a 10 MB document kept 2-7 MB more.
void bind_thread_to_arena();

}  // namespace bitext::lsp
