// Fuzzer: the LSP framing reader fed arbitrary byte streams in arbitrary
// chunks. Checks, beyond "no crash" under ASan/UBSan:
//  - every body it yields is a run of bytes of the input, after the bodies
//    before it, never more than the size limit;
//  - it holds no more than one bounded message while waiting for input, and
//    nothing once the input has ended;
//  - the chunking does not matter when the stream is well framed: the same
//    bodies come out whether the bytes arrive at once or in pieces.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "lsp/framing.hpp"

using namespace bitext::lsp;

namespace {

struct Events {
  std::vector<std::string> bodies;
  std::size_t errors = 0;
  std::size_t next_from = 0;  // where the next body may start in the input, at the earliest
};

void drain(FrameReader& reader, Events& events, std::string_view input) {
  while (auto event = reader.next()) {
    if (auto* body = std::get_if<FrameBody>(&*event)) {
      FUZZ_CHECK(body->body.size() <= kMaxMessageBytes);
      // In stream order, each after the one before (which also keeps this
      // search linear in the input, not quadratic in the number of bodies).
      const std::size_t at = input.find(body->body, events.next_from);
      FUZZ_CHECK(at != std::string_view::npos);
      events.next_from = at + body->body.size();
      events.bodies.push_back(std::move(body->body));
    } else {
      const FrameError& error = std::get<FrameError>(*event);
      FUZZ_CHECK(error.body_prefix.size() <= kKeptPrefixBytes);
      ++events.errors;
    }
  }
  // Waiting for more input: at most a header block plus one body (and the
  // few bytes of a header name kept while resynchronising).
  FUZZ_CHECK(reader.buffered_bytes() <= kMaxHeaderBytes + kMaxMessageBytes + 64);
}

enum class Chunking { Whole, ByByte, ByHash };

// Feeds `input` cut as `chunking` says (without a vector of cut points: the
// input runs to 64 KiB, and allocations dominate the cost under ASan).
Events read_in_chunks(std::string_view input, Chunking chunking) {
  FrameReader reader;
  Events events;
  std::size_t at = 0;
  std::uint32_t hash = 2166136261u;
  for (std::size_t i = 1; i < input.size() && chunking != Chunking::Whole; ++i) {
    hash = (hash ^ static_cast<unsigned char>(input[i - 1])) * 16777619u;
    if (chunking == Chunking::ByHash && hash % 7 != 0) continue;
    reader.feed(input.substr(at, i - at));
    drain(reader, events, input);
    at = i;
  }
  reader.feed(input.substr(at));
  drain(reader, events, input);
  reader.feed_eof();
  drain(reader, events, input);
  FUZZ_CHECK(reader.buffered_bytes() == 0);
  return events;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The whole input is the stream, so that any byte string (a transcript's
  // stream, a regression) is a meaningful input. The chunkings: all at once,
  // byte by byte, and pieces cut where a hash of the bytes so far says.
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const Events whole = read_in_chunks(input, Chunking::Whole);
  const Events by_byte = read_in_chunks(input, Chunking::ByByte);
  const Events by_piece = read_in_chunks(input, Chunking::ByHash);
  if (whole.errors == 0 && by_byte.errors == 0 && by_piece.errors == 0) {
    FUZZ_CHECK(whole.bodies == by_byte.bodies);
    FUZZ_CHECK(whole.bodies == by_piece.bodies);
  }
  return 0;
}
