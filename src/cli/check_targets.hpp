// Which files `bitext check` looks at: the named files as they are, and for
// each named directory its .bitext files and the .txt files that may be
// transcripts, found recursively. Sorted by path, without duplicates.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bitext::cli {

struct CheckTarget {
  std::string path;  // as shown and opened; "-" is standard input
  // A .txt file found in a directory: checked only when it looks like a
  // transcript, and skipped silently when it cannot be read.
  bool candidate = false;
  std::string error;  // set when the path could not even be listed
};

std::vector<CheckTarget> collect_check_targets(std::span<const std::string_view> paths);

}  // namespace bitext::cli
