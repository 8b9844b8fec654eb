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
  // Offset (< limit) of a header that starts right after a complete JSON object
  // inside the pending body: proof that the declared length lied.
  std::optional<std::size_t> find_lie(std::size_t limit);
  void compact();

  std::string buffer_;
  std::size_t consumed_ = 0;
  State state_ = State::Header;
  bool eof_ = false;
  std::size_t body_length_ = 0;   // Body/Skip: declared length
  std::size_t scanned_ = 0;       // Body/Resync: bytes of pending() already searched for a header
  std::size_t skip_left_ = 0;     // Skip: body bytes still to drop
  bool skip_reported_ = false;    // Skip: the TooLarge error was given
  FrameError::Kind resync_kind_ = FrameError::Kind::MissingHeader;  // Resync: what went wrong
  std::string resync_detail_;
  std::string junk_prefix_;       // Resync: kept start of the dropped bytes
};

// "Content-Length: N\r\n\r\n" + body.
std::string frame_message(std::string_view body);

}  // namespace bitext::lsp
