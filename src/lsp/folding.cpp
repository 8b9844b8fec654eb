#include "lsp/folding.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "lsp/outline_parts.hpp"

namespace bitext::lsp {
namespace {

struct Fold {
  std::uint32_t first;
  std::uint32_t last;
  const char* kind;
  bool operator<(const Fold& other) const {
    // Document order; an outer fold before the folds it holds.
    return std::tie(first, other.last) < std::tie(other.first, last);
  }
};

class Folds {
 public:
  void add(std::uint32_t first, std::uint32_t last, const char* kind) {
    if (last <= first) return;  // one line does not fold
    // One fold per line range (a turn of one pair is also its pair's run).
    if (seen_.insert({first, last}).second) folds_.push_back({first, last, kind});
  }
  json to_json() {
    std::stable_sort(folds_.begin(), folds_.end());
    json out = json::array();
    for (const Fold& fold : folds_) out.push_back({{"startLine", fold.first}, {"endLine", fold.last}, {"kind", fold.kind}});
    return out;
  }

 private:
  std::vector<Fold> folds_;
  std::set<std::pair<std::uint32_t, std::uint32_t>> seen_;
};

bool separates_runs(LineKind kind) { return kind == LineKind::Blank || kind == LineKind::Markup; }

}  // namespace

json folding_ranges(const Transcript& transcript, const LineIndex& index) {
  Folds folds;
  const std::vector<std::uint32_t> front = front_matter_lines(transcript, index);
  if (!front.empty()) {
    // Front matter in pieces (a YAML block, then text under the title) folds piece by piece.
    std::size_t start = 0;
    for (std::size_t k = 1; k <= front.size(); ++k) {
      const bool gap = k < front.size() && [&] {
        for (std::uint32_t line = front[k - 1] + 1; line < front[k]; ++line)
          if (line < transcript.lines.size() && transcript.lines[line].kind != LineKind::Blank) return true;
        return false;
      }();
      if (k == front.size() || gap) {
        folds.add(front[start], front[k - 1], "comment");
        start = k;
      }
    }
  }
  for (std::size_t chapter = 0; chapter < transcript.chapters.size(); ++chapter) {
    const LineSpan span = chapter_lines(transcript, index, chapter);
    folds.add(span.first, span.last, "region");
  }
  for (const Cue& cue : transcript.cues) {
    if (cue.end > cue.begin)
      folds.add(static_cast<std::uint32_t>(index.line_of(cue.begin)), static_cast<std::uint32_t>(index.line_of(cue.end - 1)),
                "region");
  }
  const auto& pairs = transcript.pairs;
  const std::vector<SpeakerTurn> turns = speaker_turns(transcript);
  for (const SpeakerTurn& turn : turns) {
    if (turn.last_pair < pairs.size() && turn.first_pair <= turn.last_pair)
      folds.add(pair_block_first_line(transcript, index, pairs[turn.first_pair]), pairs[turn.last_pair].last_line(),
                "region");
  }
  // In subtitles a run of pairs is a cue's text lines: the cue block folds already.
  const bool subtitles = transcript.layout == Layout::Srt || transcript.layout == Layout::Vtt;
  std::size_t run_start = 0;
  for (std::size_t i = 1; i <= pairs.size() && !subtitles; ++i) {
    bool ends = i == pairs.size() || turn_of_pair(turns, static_cast<std::uint32_t>(i)) !=
                                         turn_of_pair(turns, static_cast<std::uint32_t>(i - 1));
    if (!ends) {
      for (std::uint32_t line = pairs[i - 1].last_line() + 1; line < pairs[i].first_line(); ++line) {
        if (line < transcript.lines.size() && separates_runs(transcript.lines[line].kind)) {
          ends = true;
          break;
        }
      }
    }
    if (ends && !pairs.empty()) {
      folds.add(pairs[run_start].first_line(), pairs[i - 1].last_line(), "region");
      run_start = i;
    }
  }
  if (!transcript.back_matter.empty()) folds.add(transcript.back_matter.front(), transcript.back_matter.back(), "comment");
  return folds.to_json();
}

}  // namespace bitext::lsp
