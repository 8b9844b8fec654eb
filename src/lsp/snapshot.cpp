#include "lsp/snapshot.hpp"

#include <algorithm>

namespace bitext::lsp {

Snapshot::Snapshot(std::shared_ptr<const Analysis> analysis, std::int64_t version)
    : analysis_(std::move(analysis)), version_(version) {}

const std::vector<std::pair<std::uint32_t, std::uint32_t>>& Snapshot::line_findings() const {
  std::call_once(line_findings_made_, [this] { make_line_findings(); });
  return line_findings_;
}

void Snapshot::make_line_findings() const {
  const auto& findings = analysis_->findings();
  const auto& index = analysis_->index();
  for (std::uint32_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    auto first = static_cast<std::uint32_t>(index.line_of(f.begin));
    // The end is exclusive: a finding ending at a line's end stays on that line.
    auto last = static_cast<std::uint32_t>(index.line_of(f.end > f.begin ? f.end - 1 : f.begin));
    for (std::uint32_t line = first; line <= last; ++line) line_findings_.emplace_back(line, i);
  }
  std::sort(line_findings_.begin(), line_findings_.end());
}

std::vector<std::uint32_t> Snapshot::findings_on_lines(std::uint32_t first_line, std::uint32_t last_line) const {
  std::vector<std::uint32_t> result;
  const auto& table = line_findings();
  auto it = std::lower_bound(table.begin(), table.end(), std::make_pair(first_line, std::uint32_t{0}));
  for (; it != table.end() && it->first <= last_line; ++it) result.push_back(it->second);
  std::sort(result.begin(), result.end());
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

}  // namespace bitext::lsp
