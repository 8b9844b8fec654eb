#include "lsp/framing.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <nlohmann/json.hpp>

namespace bitext::lsp {
namespace {

constexpr std::string_view kLengthName = "content-length";
constexpr std::string_view kTypeName = "content-type";
// Larger read buffers are freed once empty rather than kept.
constexpr std::size_t kKeptBufferBytes = std::size_t{1} << 20;

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[i]) != prefix[i]) return false;
  }
  return true;
}

// True when `rest` is the start of `name` (any case), cut short.
bool is_cut_name(std::string_view rest, std::string_view name) {
  return rest.size() < name.size() && starts_with_nocase(rest, name.substr(0, rest.size()));
}

// Position of the next "Content-Length" or "Content-Type" (any case) at or
// after `from`, or npos. `resume`, when given, gets where a search of the same
// text grown longer must start again: the first name that the end of `text`
// cuts short, or text.size().
std::size_t find_header_start(std::string_view text, std::size_t from, std::size_t* resume = nullptr) {
  if (resume != nullptr) *resume = text.size();
  for (std::size_t i = from; i < text.size(); ++i) {
    // Every body byte passes here (a lie is looked for in every body): no
    // locale call per byte. Only 'C' and 'c' give 'c' with the 0x20 bit set.
    if ((text[i] | 0x20) != 'c') continue;
    std::string_view rest = text.substr(i);
    if (starts_with_nocase(rest, kLengthName) || starts_with_nocase(rest, kTypeName)) return i;
    if (resume != nullptr && *resume == text.size() && (is_cut_name(rest, kLengthName) || is_cut_name(rest, kTypeName))) {
      *resume = i;
    }
  }
  return std::string_view::npos;
}

bool is_token_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// True when `bytes` is one complete JSON object: then a header found right
// after it proves that the declared length lied (a valid body cannot continue
// after a complete value).
bool is_complete_object(std::string_view bytes) {
  std::string_view t = trim(bytes);
  if (t.size() < 2 || t.front() != '{' || t.back() != '}') return false;
  return nlohmann::json::accept(t);
}

std::string keep_prefix(std::string_view bytes) {
  return std::string(bytes.substr(0, std::min(bytes.size(), kKeptPrefixBytes)));
}

struct ParsedHeader {
  std::optional<std::size_t> length;
  std::string error;  // empty when fine
};

ParsedHeader parse_header_block(std::string_view block) {
  ParsedHeader result;
  while (!block.empty()) {
    std::size_t eol = block.find('\n');
    std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view{} : block.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 ||
        !std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon), is_token_char)) {
      result.error = "malformed header line";
      return result;
    }
    std::string_view name = line.substr(0, colon);
    std::string_view value = trim(line.substr(colon + 1));
    if (name.size() == kLengthName.size() && starts_with_nocase(name, kLengthName)) {
      std::size_t length = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
      if (value.empty() || ec != std::errc{} || end != value.data() + value.size()) {
        result.error = "Content-Length is not a non-negative integer";
        return result;
      }
      if (result.length && *result.length != length) {
        result.error = "conflicting Content-Length headers";
        return result;
      }
      result.length = length;
    }
    // Other headers (Content-Type) are accepted and ignored: UTF-8 is the only encoding.
  }
  if (!result.length) result.error = "no Content-Length header";
  return result;
}

}  // namespace

void FrameReader::feed(std::string_view bytes) {
  compact();
  buffer_.append(bytes);
}

void FrameReader::feed_eof() { eof_ = true; }

void FrameReader::consume(std::size_t n) {
  consumed_ += n;
  restart_scan();
}

void FrameReader::restart_scan() {
  scanned_ = 0;
  header_named_ = false;
  body_shape_ = ObjectShape();
  body_shape_fed_ = 0;
  lie_checked_ = 0;
}

void FrameReader::keep_junk(std::string_view bytes) {
  if (junk_prefix_.size() >= kKeptPrefixBytes) return;
  const std::string_view kept = bytes.substr(0, std::min(bytes.size(), kKeptPrefixBytes - junk_prefix_.size()));
  junk_prefix_.append(kept);
  junk_shape_.feed(kept);
}

void FrameReader::compact() {
  if (consumed_ == 0) return;
  if (consumed_ == buffer_.size()) {
    // A large message's buffer is freed, not kept for the next small one.
    if (buffer_.capacity() > kKeptBufferBytes) {
      std::string().swap(buffer_);
    } else {
      buffer_.clear();
    }
    consumed_ = 0;
  } else if (consumed_ > (std::size_t{1} << 20) || consumed_ * 2 > buffer_.size()) {
    buffer_.erase(0, consumed_);
    consumed_ = 0;
  }
}

std::optional<FrameEvent> FrameReader::next() {
  switch (state_) {
    case State::Header: return next_header();
    case State::Body: return next_body();
    case State::Skip: return next_skip();
    case State::Resync: return next_resync();
  }
  return std::nullopt;
}

std::optional<FrameEvent> FrameReader::next_header() {
  std::string_view in = pending();
  if (scanned_ == 0) {
    // Blank lines between messages are harmless.
    std::size_t blanks = 0;
    while (blanks < in.size() && std::isspace(static_cast<unsigned char>(in[blanks]))) ++blanks;
    if (blanks > 0) {
      consumed_ += blanks;
      in = pending();
    }
  }
  if (in.empty()) return std::nullopt;

  // Anything that does not start like "Name:" is not a header (a bare body, garbage).
  // The first scanned_ bytes were searched before: without a colon, all name characters.
  if (!header_named_) {
    std::size_t i = scanned_;
    while (i < in.size() && is_token_char(in[i])) ++i;
    if (i < in.size() && (in[i] != ':' || i == 0)) {
      state_ = State::Resync;
      restart_scan();
      if (find_header_start(in.substr(0, i + 1), 0) == 0) {
        // A header name without its colon ("Content-Type\r\n", "Content-Length : 2"):
        // the resync must not find this same header again, so its first byte is dropped.
        resync_kind_ = FrameError::Kind::MalformedHeader;
        resync_detail_ = "malformed header line";
        keep_junk(in.substr(0, 1));
        consumed_ += 1;
      } else {
        resync_kind_ = FrameError::Kind::MissingHeader;
        resync_detail_ = "bytes outside a message where a Content-Length header was expected";
      }
      return next_resync();
    }
    header_named_ = i < in.size();
  }

  // The end of the header block, searched for in the bytes not searched yet
  // (and the 3 before them, where a "\r\n\r\n" may start).
  const std::size_t from = scanned_ > 3 ? scanned_ - 3 : 0;
  std::size_t crlf = in.find("\r\n\r\n", from);
  std::size_t lf = in.find("\n\n", from);
  std::size_t end = std::min(crlf, lf);
  if (end == std::string_view::npos) {
    if (in.size() > kMaxHeaderBytes) {
      state_ = State::Resync;
      restart_scan();
      resync_kind_ = FrameError::Kind::MalformedHeader;
      resync_detail_ = "header block longer than 8 KiB";
      consumed_ += 1;  // so that the resync finds the next header, not this one
      return next_resync();
    }
    if (eof_) {
      FrameError error{FrameError::Kind::TruncatedAtEof, "input ended inside a header", keep_prefix(in)};
      consume(in.size());
      return error;
    }
    scanned_ = in.size();
    return std::nullopt;
  }
  std::size_t block_end = end + (end == crlf ? 4 : 2);
  ParsedHeader header = parse_header_block(in.substr(0, end));
  consume(block_end);
  if (!header.error.empty()) {
    // The body that follows has no known length: drop it up to the next header.
    state_ = State::Resync;
    resync_kind_ = FrameError::Kind::MalformedHeader;
    resync_detail_ = header.error;
    return next_resync();
  }
  body_length_ = *header.length;
  if (body_length_ > kMaxMessageBytes) {
    state_ = State::Skip;
    skip_left_ = body_length_;
    skip_reported_ = false;
    return next_skip();
  }
  state_ = State::Body;
  if (body_length_ > kKeptBufferBytes) {
    // A large body (a document's text) is read into one buffer of its size:
    // grown by doubling, the buffer held up to twice the body, and the old
    // and the new buffer both while it grew.
    buffer_.erase(0, consumed_);
    consumed_ = 0;
    buffer_.reserve(body_length_);
  }
  return next_body();
}

std::optional<std::size_t> FrameReader::find_lie(std::size_t limit) {
  std::string_view in = pending().substr(0, limit);
  // Each candidate is checked once, in order; the bytes before it are only
  // parsed when their shape, kept up to date byte by byte, is one object.
  // Once the shape is broken, no header further on can prove a lie.
  std::size_t resume = in.size();
  const std::size_t from = std::max(scanned_, lie_checked_);
  for (std::size_t k = body_shape_.broken() ? std::string_view::npos : find_header_start(in, from, &resume);
       k != std::string_view::npos; k = find_header_start(in, k + 1, &resume)) {
    body_shape_.feed(in.substr(body_shape_fed_, k - body_shape_fed_));
    body_shape_fed_ = k;
    lie_checked_ = k + 1;
    if (body_shape_.broken()) {
      resume = in.size();
      break;
    }
    if (body_shape_.closed() && is_complete_object(in.substr(0, k))) return k;
  }
  scanned_ = resume;
  return std::nullopt;
}

FrameError FrameReader::length_lie(std::size_t lie) {
  FrameError error{FrameError::Kind::LengthMismatch,
                   "Content-Length " + std::to_string(body_length_) +
                       " runs past the end of the message into the next header",
                   keep_prefix(pending().substr(0, lie))};
  consume(lie);
  state_ = State::Header;
  return error;
}

std::optional<FrameEvent> FrameReader::next_body() {
  std::string_view in = pending();
  if (in.size() >= body_length_) {
    FrameBody body;
    if (in.size() == body_length_ && body_length_ > kKeptBufferBytes) {
      // A large body that ends the input so far (the usual case): the buffer
      // becomes the body, without a copy of megabytes.
      buffer_.erase(0, consumed_);
      body.body = std::move(buffer_);
      buffer_ = std::string();
      consumed_ = 0;
      restart_scan();
    } else {
      body.body.assign(in.substr(0, body_length_));
      consume(body_length_);
      compact();
    }
    state_ = State::Header;
    return body;
  }
  if (auto lie = find_lie(in.size())) return length_lie(*lie);
  if (eof_) {
    FrameError error{FrameError::Kind::TruncatedAtEof, "input ended inside a message body", keep_prefix(in)};
    consume(in.size());
    state_ = State::Header;
    return error;
  }
  return std::nullopt;
}

std::optional<FrameEvent> FrameReader::next_skip() {
  if (!skip_reported_) {
    // Look at the start first: a length can lie upwards too, and the id is there.
    std::string_view in = pending();
    if (auto lie = find_lie(std::min(in.size(), kKeptPrefixBytes))) return length_lie(*lie);
    if (in.size() < kKeptPrefixBytes && !eof_) return std::nullopt;
    skip_reported_ = true;
    FrameError error{FrameError::Kind::TooLarge,
                     "message of " + std::to_string(body_length_) + " bytes exceeds the limit of " +
                         std::to_string(kMaxMessageBytes) + " bytes",
                     keep_prefix(in)};
    return error;
  }
  std::string_view in = pending();
  std::size_t n = std::min(in.size(), skip_left_);
  consume(n);
  skip_left_ -= n;
  if (skip_left_ == 0) {
    state_ = State::Header;
    return next_header();
  }
  if (eof_) state_ = State::Header;  // nothing more will come
  return std::nullopt;
}

std::optional<FrameEvent> FrameReader::next_resync() {
  std::string_view in = pending();
  std::size_t resume = in.size();
  std::size_t header = find_header_start(in, scanned_, &resume);
  std::size_t junk_end = header;
  if (header == std::string_view::npos) {
    // A bare JSON object with no header at all: answer it now rather than
    // waiting for a next message that the client may never send. Parsed only
    // when its shape says it may be one (not again on every byte that trickles in).
    const std::string_view head = in.substr(0, kKeptPrefixBytes);
    ObjectShape shape = junk_shape_;
    shape.feed(head);
    if (eof_ || (shape.closed() && is_complete_object(junk_prefix_ + std::string(head)))) junk_end = in.size();
  }
  if (junk_end == std::string_view::npos) {
    // Drop what cannot be part of a header name (all but a name cut short at
    // the end); keep its start for the id.
    keep_junk(in.substr(0, resume));
    consumed_ += resume;
    scanned_ = 0;
    return std::nullopt;
  }
  keep_junk(in.substr(0, junk_end));
  consume(junk_end);
  state_ = State::Header;
  FrameError error{resync_kind_, resync_detail_, std::move(junk_prefix_)};
  junk_prefix_.clear();
  junk_shape_ = ObjectShape();
  if (trim(error.body_prefix).empty() && error.kind == FrameError::Kind::MissingHeader) return next_header();
  return error;
}

std::string frame_message(std::string_view body) {
  const std::string header = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  std::string out;
  out.reserve(header.size() + body.size());  // one allocation: bodies run to megabytes
  out += header;
  out.append(body);
  return out;
}

std::string frame_in_place(std::string body) {
  const std::string header = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  body.insert(0, header);
  return body;
}

}  // namespace bitext::lsp
