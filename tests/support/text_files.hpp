// Reading the repository's files and cutting texts into lines, as the core
// tests that edit documents line by line need them.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace bitext::test_support {

// A file of the source tree, by its path from the repository's root, whole.
inline std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(BITEXT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The text's lines without their '\n' (a last empty line when it ends in one).
inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (true) {
    const std::size_t end = text.find('\n', at);
    lines.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
    if (end == std::string::npos) return lines;
    at = end + 1;
  }
}

// The inverse of split_lines.
inline std::string join_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) text += '\n';
    text += lines[i];
  }
  return text;
}

// The sample's pairs `copies` times (its 3-line header and 2-line footer once),
// each line tagged with its copy so that no two lines are equal (as
// bench_check's distinct text).
inline std::string tagged_copies(const std::string& sample, int copies) {
  const std::vector<std::string> lines = split_lines(sample);
  std::vector<std::string> out(lines.begin(), lines.begin() + 3);
  for (int copy = 0; copy < copies; ++copy)
    for (std::size_t i = 3; i + 2 < lines.size(); ++i) out.push_back(lines[i] + " [" + std::to_string(copy) + "]");
  out.insert(out.end(), lines.end() - 2, lines.end());
  return join_lines(out);
}

}  // namespace bitext::test_support
