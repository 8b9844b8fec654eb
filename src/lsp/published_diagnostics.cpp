#include "lsp/published_diagnostics.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string_view>

#include "lsp/diagnostics.hpp"
#include "lsp/framing.hpp"
#include "lsp/json_writer.hpp"

namespace bitext::lsp {
namespace {

// Offsets of the new version whose line and column are those of an offset of
// the old one: before the first changed byte (the bytes up to and including
// the offset decide its line and column), or, when the line count is the
// same, on a line starting after the last changed byte.
class OffsetMap {
 public:
  OffsetMap(const Analysis& old, const Analysis& now, const CommonEnds& ends)
      : index_(now.index()), ends_(ends), same_lines_(old.index().line_count() == now.index().line_count()) {}

  std::optional<std::size_t> old_offset(std::size_t offset) const {
    if (offset < ends_.prefix) return offset;
    const std::size_t suffix_start = ends_.new_size - ends_.suffix;
    if (same_lines_ && offset >= suffix_start && index_.line_start(index_.line_of(offset)) > suffix_start)
      return ends_.old_begin(offset, offset);
    return std::nullopt;
  }

 private:
  const LineIndex& index_;
  CommonEnds ends_;
  bool same_lines_ = false;
};

// Whether `old` is written as `now` would be (its offsets mapped by `map`).
bool same_text(const Finding& old, const Finding& now, std::size_t old_end, const OffsetMap& map) {
  if (old.end != old_end || old.severity != now.severity || old.code != now.code || old.message != now.message ||
      old.related.size() != now.related.size())
    return false;
  for (std::size_t r = 0; r < now.related.size(); ++r) {
    const auto begin = map.old_offset(now.related[r].begin);
    const auto end = map.old_offset(now.related[r].end);
    if (!begin || !end || *begin != old.related[r].begin || *end != old.related[r].end ||
        old.related[r].message != now.related[r].message)
      return false;
  }
  return true;
}

}  // namespace

void PublishedDiagnostics::passed_over(const Analysis& version) {
  const std::shared_ptr<const Analysis> old = source_.lock();
  if (old && version.rerun_from(*old)) {
    passed_id_ = version.id();
    passed_ends_ = version.previous_ends();
  } else if (old && passed_id_ != 0 && version.previous_id() == passed_id_) {
    passed_id_ = version.id();
    passed_ends_ = through(passed_ends_, version.previous_ends());
  } else {
    passed_id_ = 0;
  }
}

std::optional<CommonEnds> PublishedDiagnostics::ends_from(const Analysis& old, const Analysis& now) const {
  if (now.rerun_from(old)) return now.previous_ends();
  if (passed_id_ != 0 && now.previous_id() == passed_id_) return through(passed_ends_, now.previous_ends());
  if (source_written_over_) return std::nullopt;  // its text is no longer there to compare
  return now.common_ends_with(old);
}

void PublishedDiagnostics::append(std::string& out, const FeatureContext& context) {
  const Analysis& analysis = context.analysis();
  const std::vector<Finding>& findings = analysis.findings();
  const std::shared_ptr<const Analysis> old = source_.lock();
  const std::optional<CommonEnds> ends = old ? ends_from(*old, analysis) : std::nullopt;
  const bool reuse = ends && uri_ == context.uri && related_information_ == context.caps.related_information &&
                     encoding_ == context.caps.encoding && tails_.size() == old->findings().size();
  std::optional<OffsetMap> map;
  std::vector<char> taken;
  if (reuse) {
    map.emplace(*old, analysis, *ends);
    taken.assign(tails_.size(), 0);
  }

  std::vector<std::string> tails(findings.size());
  out.reserve(out.size() + 64 + kFrameHeaderRoom + findings.size() * 640);  // framed in place after
  out += "{\"diagnostics\":[";
  PositionCursor positions = context.position_cursor();
  auto range_of = [&](std::size_t begin, std::size_t end) { return positions.range(begin, end); };
  const DiagnosticOptions options{context.uri, context.snapshot.version(), context.caps.related_information, false};
  Diagnostic diagnostic;  // one, refilled: its vectors keep their memory
  Diagnostic head;        // code, index and version alone
  head.version = options.version;
  std::size_t next_old = 0;  // old findings before it begin before any later mapped finding
  written_ = 0;
  for (std::uint32_t i = 0; i < findings.size(); ++i) {
    const Finding& finding = findings[i];
    if (reuse) {
      const std::vector<Finding>& old_findings = old->findings();
      const auto begin = map->old_offset(finding.begin);
      const auto end = map->old_offset(finding.end);
      if (begin && end) {
        while (next_old < old_findings.size() && old_findings[next_old].begin < *begin) ++next_old;
        for (std::size_t k = next_old; k < old_findings.size() && old_findings[k].begin == *begin; ++k) {
          if (!taken[k] && same_text(old_findings[k], finding, *end, *map)) {
            taken[k] = 1;
            tails[i] = std::move(tails_[k]);
            break;
          }
        }
      }
    }
    if (tails[i].empty()) {
      make_diagnostic(diagnostic, finding, i, range_of, options);
      append_json_tail(tails[i], diagnostic);
      tails[i].shrink_to_fit();  // kept until the next publish: at its size, not at what appending left
      ++written_;
    }
    if (i > 0) out.push_back(',');
    head.code = finding.code;
    head.index = i;
    append_json_head(out, head);
    out += tails[i];
  }
  out += "],\"uri\":";
  append_json_string(out, context.uri);
  out += ",\"version\":";
  append_json_int(out, context.snapshot.version());
  out.push_back('}');

  source_ = context.snapshot.analysis_ptr();
  source_written_over_ = false;
  passed_id_ = 0;
  uri_ = context.uri;
  related_information_ = context.caps.related_information;
  encoding_ = context.caps.encoding;
  tails_ = std::move(tails);
}

}  // namespace bitext::lsp
