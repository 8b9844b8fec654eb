// Content-Length framing of LSP base-protocol messages. A FrameReader is fed
// raw bytes in arbitrary chunks and yields complete bodies or framing errors;
// it never buffers more than one bounded message, and after any error it
// resynchronises on the next header so that the server keeps serving.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "lsp/object_shape.hpp"

namespace bitext::lsp {

// Largest body we accept. Larger messages are skipped without being buffered.
inline constexpr std::size_t kMaxMessageBytes = std::size_t{64} << 20;
// Longest header block we accept before calling it malformed.
inline constexpr std::size_t kMaxHeaderBytes = 8 * 1024;
// How much of a skipped or broken message we keep to find its id.
inline constexpr std::size_t kKeptPrefixBytes = 64 * 1024;

struct FrameBody {
  std::string body;
};

struct FrameError {
  enum class Kind {
    MalformedHeader,  // header block unreadable (no or bad Content-Length, too long, ...)
    MissingHeader,    // bytes where a header should start (e.g. a bare JSON body)
    LengthMismatch,   // the next header starts inside the declared body: the length lied
    TooLarge,         // declared length above kMaxMessageBytes; the body is skipped
    TruncatedAtEof,   // input ended inside a message
  };
  Kind kind;
  std::string detail;       // human-readable, for the error message
  std::string body_prefix;  // start of the offending bytes (<= kKeptPrefixBytes), to find an id
};

using FrameEvent = std::variant<FrameBody, FrameError>;

class FrameReader {
 public:
  void feed(std::string_view bytes);
  void feed_eof();
  // The next complete event, or nullopt when more input is needed.
  std::optional<FrameEvent> next();
  // Bytes held for messages not yet complete (for tests of boundedness).
  std::size_t buffered_bytes() const { return buffer_.size() - consumed_; }

 private:
  enum class State { Header, Body, Skip, Resync };
  std::optional<FrameEvent> next_header();
  std::optional<FrameEvent> next_body();
  std::optional<FrameEvent> next_skip();
  std::optional<FrameEvent> next_resync();
  std::string_view pending() const { return std::string_view(buffer_).substr(consumed_); }
  void consume(std::size_t n);
  void restart_scan();                  // pending() starts anew: nothing of it searched yet
  void keep_junk(std::string_view bytes);  // into junk_prefix_, up to kKeptPrefixBytes
  // Offset (< limit) of a header that starts right after a complete JSON object
  // inside the pending body: proof that the declared length lied.
  std::optional<std::size_t> find_lie(std::size_t limit);
  // The error for a lie found at `lie`: the bytes before it are dropped as
  // that message, and the header at `lie` is read next.
  FrameError length_lie(std::size_t lie);
  void compact();

  std::string buffer_;
  std::size_t consumed_ = 0;
  State state_ = State::Header;
  bool eof_ = false;
  std::size_t body_length_ = 0;   // Body/Skip: declared length
  // Header/Body/Resync: bytes of pending() already searched (for the end of
  // the header block, or for a next header), so that a stream trickling in
  // byte by byte costs linear time, not quadratic.
  std::size_t scanned_ = 0;
  bool header_named_ = false;     // Header: the first line's "Name:" has been seen
  ObjectShape body_shape_;        // Body/Skip: shape of pending()[0, body_shape_fed_)
  std::size_t body_shape_fed_ = 0;
  std::size_t lie_checked_ = 0;   // Body/Skip: candidates before this offset were checked
  std::size_t skip_left_ = 0;     // Skip: body bytes still to drop
  bool skip_reported_ = false;    // Skip: the TooLarge error was given
  FrameError::Kind resync_kind_ = FrameError::Kind::MissingHeader;  // Resync: what went wrong
  std::string resync_detail_;
  std::string junk_prefix_;       // Resync: kept start of the dropped bytes
  ObjectShape junk_shape_;        // Resync: shape of junk_prefix_
};

// "Content-Length: N\r\n\r\n" + body.
std::string frame_message(std::string_view body);
// The same in the body's own buffer (the header moved in front of it), for
// bodies of megabytes (diagnostics): no second copy. Reserve
// kFrameHeaderRoom bytes more than the body to spare a reallocation.
inline constexpr std::size_t kFrameHeaderRoom = 32;
std::string frame_in_place(std::string body);

}  // namespace bitext::lsp
