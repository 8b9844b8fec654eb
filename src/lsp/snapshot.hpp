// One analysed version of a document as the features see it: the core
// Analysis plus lookup tables built once, off the I/O thread, so that each
// request costs O(log n + answer), not O(document).
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "bitext/analysis.hpp"

namespace bitext::lsp {

class Snapshot {
 public:
  Snapshot(std::shared_ptr<const Analysis> analysis, std::int64_t version);

  const Analysis& analysis() const { return *analysis_; }
  const std::shared_ptr<const Analysis>& analysis_ptr() const { return analysis_; }
  std::int64_t version() const { return version_; }

  // Indices into analysis().findings() of the findings touching any line in
  // [first_line, last_line], ascending and without duplicates.
  std::vector<std::uint32_t> findings_on_lines(std::uint32_t first_line, std::uint32_t last_line) const;

 private:
  std::shared_ptr<const Analysis> analysis_;
  std::int64_t version_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> line_findings_;  // (line, finding), sorted
};

}  // namespace bitext::lsp
