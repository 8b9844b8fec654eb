// Reading one input (a file or stdin) into memory in one piece, and refusing
// what cannot be a text transcript (binary files, UTF-16, oversized files)
// with a message that says why.
#pragma once

#include <cstddef>
#include <string>

namespace bitext::cli {

// Larger inputs are refused: the analysis keeps a few times the file size in memory.
inline constexpr std::size_t kMaxInputBytes = std::size_t{1} << 30;  // 1 GiB

struct InputFile {
  bool ok = false;
  std::string text;   // the whole content when ok
  std::string error;  // when !ok: "binary file, skipped", "No such file or directory", ...
};

// `path` "-" reads standard input.
InputFile read_input(const std::string& path, std::size_t max_bytes = kMaxInputBytes);

// Why `text` is not a UTF-8 text file, or an empty string when it may be one.
std::string why_not_text(const std::string& text);

}  // namespace bitext::cli
