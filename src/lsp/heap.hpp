// Heap policy of the long-running server. Re-analysing a large document
// allocates and frees tens of megabytes per keystroke; memory returned to the
// system must be faulted in again next time, which costs more than the
// analysis itself on some machines (a 10 MB copy: 0.5 ms into reused memory,
// 30-90 ms into fresh pages on the VMs we measured). So freed memory is kept
// while the user types and returned once the server is idle. No-ops where the
// C library offers no such control.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace bitext::lsp {

// Keeps freed memory in the process (large blocks from the heap, no trimming).
void keep_freed_memory();
// Returns the freed memory kept so far to the system (and the spare text buffer).
void release_freed_memory();

// An empty string with room for `capacity` bytes, for the text of a document's
// next version. A large buffer, once its last holder lets it go, is kept (one,
// the largest, and only while fewer than two others are alive) for the next
// call instead of freed: the heap splits a freed block of megabytes among the
// re-analysis's small allocations, so that every keystroke of a large document
// copied its text into fresh pages.
std::shared_ptr<std::string> text_buffer(std::size_t capacity);
// The same holding `text`.
std::shared_ptr<std::string> text_buffer(std::string text);

}  // namespace bitext::lsp
