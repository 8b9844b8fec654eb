// One analysed version of a document as the features see it: the core
// Analysis plus lookup tables built once per version, on first use (not on
// the way to publishing its diagnostics), so that each request costs
// O(log n + answer), not O(document).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
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

  // A result derived from this snapshot alone (plus whatever `key` names: the
  // outline for a URI and encoding, the fix-all edits of a code), made by
  // `make` on first use and shared after: clients ask again and again about
  // the same version, and a new version is a new Snapshot, so nothing goes stale.
  // One key must always be used with one T.
  template <class T>
  std::shared_ptr<const T> memo(const std::string& key, const std::function<T()>& make) const {
    std::lock_guard lock(memo_mutex_);
    auto& slot = memo_[key];
    if (!slot) slot = std::make_shared<const T>(make());
    return std::static_pointer_cast<const T>(slot);
  }

 private:
  std::shared_ptr<const Analysis> analysis_;
  std::int64_t version_;
  // (line, finding), sorted; made on first use, not before publishing.
  const std::vector<std::pair<std::uint32_t, std::uint32_t>>& line_findings() const;
  void make_line_findings() const;
  mutable std::once_flag line_findings_made_;
  mutable std::vector<std::pair<std::uint32_t, std::uint32_t>> line_findings_;
  mutable std::mutex memo_mutex_;
  mutable std::map<std::string, std::shared_ptr<const void>, std::less<>> memo_;
};

}  // namespace bitext::lsp
