#include "cli/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>
#include <system_error>

#include "cli/huge_pages.hpp"

namespace bitext::cli {
namespace {

std::string errno_message(int error) { return std::system_category().message(error); }

std::string too_large_message(std::size_t size, std::size_t max_bytes) {
  return "file too large: " + std::to_string(size) + " bytes (the limit is " + std::to_string(max_bytes) +
         " bytes)";
}

// Closes the descriptor on every path out of read_input.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd, bool owned) : fd_(fd), owned_(owned) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (owned_ && fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
  bool owned_;
};

// Reads until end of file into `text`, starting at `text.size()`. The expected
// size is a hint only: files can grow or shrink while being read, and pipes
// have no size at all.
bool read_all(int fd, std::string& text, std::size_t expected, std::size_t max_bytes, InputFile& result) {
  std::size_t used = text.size();
  const std::size_t first = std::max<std::size_t>(expected + 1, 64 * 1024);  // +1 sees end of file in one read
  text.reserve(first);
  advise_huge_pages(text.data() + used, first - used);  // before the pages are first written
  text.resize(first);
  for (;;) {
    if (used == text.size()) {
      if (text.size() > max_bytes) {
        result.error = too_large_message(text.size(), max_bytes);
        return false;
      }
      text.resize(std::min(text.size() * 2, max_bytes + 1));
    }
    const ssize_t got = ::read(fd, text.data() + used, text.size() - used);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      result.error = errno_message(errno);
      return false;
    }
    // A NUL byte already decides (binary, or UTF-16/32): stop reading here,
    // which bounds what /dev/zero on standard input costs.
    if (std::memchr(text.data() + used, '\0', static_cast<std::size_t>(got)) != nullptr) {
      used += static_cast<std::size_t>(got);
      result.error = why_not_text(text.substr(0, std::min<std::size_t>(used, 4)) + '\0');
      return false;
    }
    used += static_cast<std::size_t>(got);
  }
  if (used > max_bytes) {
    result.error = too_large_message(used, max_bytes);
    return false;
  }
  text.resize(used);
  return true;
}

}  // namespace

std::string why_not_text(const std::string& text) {
  const auto starts_with = [&](const char* prefix, std::size_t n) {
    return text.size() >= n && std::memcmp(text.data(), prefix, n) == 0;
  };
  if (starts_with("\xFF\xFE", 2) || starts_with("\xFE\xFF", 2)) {
    return "UTF-16 or UTF-32 file, skipped (convert it to UTF-8)";
  }
  if (std::memchr(text.data(), '\0', text.size()) != nullptr) return "binary file, skipped";
  return {};
}

InputFile read_input(const std::string& path, std::size_t max_bytes) {
  InputFile result;
  const bool is_stdin = path == "-";
  // O_NONBLOCK: opening a FIFO must not wait for a writer; what is not a
  // regular file is refused below before anything is read.
  const int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    result.error = errno_message(errno);
    return result;
  }
  const FileDescriptor guard(fd, !is_stdin);
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    result.error = errno_message(errno);
    return result;
  }
  if (S_ISDIR(info.st_mode)) {
    result.error = "is a directory";
    return result;
  }
  if (!is_stdin && !S_ISREG(info.st_mode)) {
    // A FIFO would block or never end, a device (/dev/zero) never ends: only
    // standard input ("-") is read as a stream.
    result.error = S_ISFIFO(info.st_mode) ? "is a FIFO, not a regular file (use - to read standard input)"
                   : S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode)
                       ? "is a device, not a regular file"
                       : "is not a regular file";
    return result;
  }
  if (!is_stdin) {
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  }
  std::size_t expected = 0;
  if (S_ISREG(info.st_mode)) {
    expected = static_cast<std::size_t>(info.st_size);
    if (expected > max_bytes) {
      result.error = too_large_message(expected, max_bytes);
      return result;
    }
  }
  try {
    if (!read_all(fd, result.text, expected, max_bytes, result)) {
      result.text = std::string();
      return result;
    }
  } catch (const std::bad_alloc&) {
    result.text = std::string();
    result.error = "out of memory while reading the file";
    return result;
  }
  // Pipes grow the buffer by doubling; give back the slack. Regular files were
  // read into a buffer of their size, where shrinking would only copy them.
  if (result.text.capacity() - result.text.size() > result.text.size() / 4 + 4096) result.text.shrink_to_fit();
  result.ok = true;
  return result;
}

}  // namespace bitext::cli
