#include "lsp/folding.hpp"

namespace bitext::lsp {
namespace {

void add(json& out, std::uint32_t first, std::uint32_t last, const char* kind) {
  if (last <= first) return;  // one line does not fold
  out.push_back({{"startLine", first}, {"endLine", last}, {"kind", kind}});
}

bool separates_runs(LineKind kind) { return kind == LineKind::Blank || kind == LineKind::Markup; }

}  // namespace

json folding_ranges(const Transcript& transcript) {
  json out = json::array();
  if (!transcript.front_matter.empty()) {
    add(out, transcript.front_matter.front(), transcript.front_matter.back(), "comment");
  }
  const auto& pairs = transcript.pairs;
  std::size_t run_start = 0;
  for (std::size_t i = 1; i <= pairs.size(); ++i) {
    bool ends = i == pairs.size() || pairs[i].speaker != pairs[i - 1].speaker;
    if (!ends) {
      for (std::uint32_t line = pairs[i - 1].last_line() + 1; line < pairs[i].first_line(); ++line) {
        if (line < transcript.lines.size() && separates_runs(transcript.lines[line].kind)) {
          ends = true;
          break;
        }
      }
    }
    if (ends && !pairs.empty()) {
      add(out, pairs[run_start].first_line(), pairs[i - 1].last_line(), "region");
      run_start = i;
    }
  }
  if (!transcript.back_matter.empty()) {
    add(out, transcript.back_matter.front(), transcript.back_matter.back(), "comment");
  }
  return out;
}

}  // namespace bitext::lsp
