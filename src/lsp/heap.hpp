// Heap policy of the long-running server. Re-analysing a large document
// allocates and frees tens of megabytes per keystroke; memory returned to the
// system must be faulted in again next time, which costs more than the
// analysis itself on some machines (a 10 MB copy: 0.5 ms into reused memory,
// 30-90 ms into fresh pages on the VMs we measured). So freed memory is kept
// while the user types and returned once the server is idle. No-ops where the
// C library offers no such control.
#pragma once

namespace bitext::lsp {

// Keeps freed memory in the process (large blocks from the heap, no trimming),
// in one malloc arena that every thread shares: with an arena per thread, the
// resident memory is the sum of each arena's high-water mark (the I/O
// thread's, the worker's, its helper's and the open's threads'), kept apart;
// in one, the memory one thread freed serves the next that allocates. Called
// before the server starts its threads (a thread keeps the arena it first used).
void keep_freed_memory();
// Returns the freed memory kept so far to the system.
void release_freed_memory();

}  // namespace bitext::lsp
