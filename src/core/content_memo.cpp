// The memo between versions (see content_checks.cpp's opening comment): a
// stage's findings kept per pair as records, and what a rerun checks before it
// takes them (the same pairs, lines at the same relative offsets, the same
// neighbours), then copies them at their new offsets.
#include <algorithm>

#include "content_run.hpp"

namespace bitext::content {
namespace {

// `finding` moved from `from` to `to` bytes.
void move_finding(Finding& finding, std::size_t from, std::size_t to) {
  auto move = [&](std::size_t& offset) { offset = offset - from + to; };
  move(finding.begin);
  move(finding.end);
  for (RelatedLocation& related : finding.related) {
    move(related.begin);
    move(related.end);
  }
  for (Fix& fix : finding.fixes) {
    for (TextEdit& edit : fix.edits) {
      move(edit.begin);
      move(edit.end);
    }
  }
}

}  // namespace

// Most pairs have no findings of a kind: they share one record (reused
// whatever their place, never written: nothing is listed of it).
const CountedPtr<MadeFindings>& no_findings() {
  static const auto none = CountedPtr<MadeFindings>::make();
  return none;
}

bool ContentRun::same_pairs(std::size_t p, std::size_t q, std::size_t count) const {
  if (!has_previous_ || p + count > table_.size() || q + count > previous_valid_.size()) return false;
  for (std::size_t k = 0; k < count; ++k) {
    const bool valid = table_.valid(p + k);
    if (valid != (previous_valid_[q + k] != 0)) return false;
    if (valid && mapped_[p + k] != q + k) return false;
  }
  return true;
}

// The lines a finding of pairs [first, first + count) reads, in pair order.
ReadLines ContentRun::read_lines(std::size_t first, std::size_t count) const {
  ReadLines read;
  for (std::size_t p = first; p < first + std::min(count, kMaxBlock); ++p) {
    read.lines[read.count++] = table_.line(p, true);
    read.lines[read.count++] = table_.line(p, false);
  }
  return read;
}

std::size_t ContentRun::base_of(const ReadLines& lines) const {
  std::size_t base = table_.line_begin(lines[0]);
  for (const std::uint32_t line : lines) base = std::min(base, table_.line_begin(line));
  return base;
}

// Whether `lines` sit where they sat when `made` was made, relative to each other.
bool ContentRun::same_offsets(const MadeFindings& made, const ReadLines& lines) const {
  const std::size_t base = base_of(lines);
  if (made.line_offsets.size() != lines.size()) return false;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (table_.line_begin(lines[i]) - base != made.line_offsets[i]) return false;
  return true;
}

// The pairs either side of p are those either side of the previous version's q.
bool ContentRun::same_neighbours(std::size_t p, std::size_t q) const {
  for (const int side : {-1, 1}) {
    const bool here = side < 0 ? p > 0 : p + 1 < table_.size();
    const bool there = side < 0 ? q > 0 : q + 1 < previous_valid_.size();
    if (here != there) return false;
    if (here && !same_pairs(p + side, q + side, 1)) return false;
  }
  return true;
}

bool ContentRun::same_neighbours_of_block(std::size_t first, std::size_t count) const {
  const std::size_t q = mapped_[first];
  if (first > 0 && (q == 0 || !same_pairs(first - 1, q - 1, 1))) return false;
  if (first == 0 && q != 0) return false;
  const bool after = first + count < table_.size();
  if (after != (q + count < previous_valid_.size())) return false;
  return !after || same_pairs(first + count, q + count, 1);
}

CountedPtr<MadeFindings> ContentRun::made(std::size_t pair, std::optional<SelectedAlternative> selected,
                                               std::vector<Finding> findings) const {
  auto made = CountedPtr<MadeFindings>::make();
  made->pair = static_cast<std::uint32_t>(pair);
  const ReadLines lines = read_lines(pair, selected ? selected->alternative.count : 1);
  made->base = base_of(lines);
  for (const std::uint32_t line : lines) made->line_offsets.push_back(table_.line_begin(line) - made->base);
  if (selected) {
    const bool merge = selected->alternative.type == MoveType::Merge;
    made->selection = CountedPtr<MadeSelection>::make(
        MadeSelection{std::move(*selected), merge ? std::string(line_break_after(lines)) : std::string()});
  }
  if (!findings.empty()) made->findings = std::make_unique<std::vector<Finding>>(std::move(findings));
  return made;
}

// The bytes ending the first of `lines` (what a merge's fix copies).
std::string_view ContentRun::line_break_after(const ReadLines& lines) const {
  const std::uint32_t low = *std::min_element(lines.begin(), lines.end());
  if (std::size_t{low} + 1 >= table_.transcript->lines.size()) return {};
  const std::size_t end = table_.line_end(low);
  return table_.text().substr(end, table_.line_begin(low + 1) - end);
}

CountedPtr<MadeFindings> ContentRun::reused(const MadeFindings& before) const {
  const std::vector<ContentState::ListedFinding>& listed = previous_listed_;
  if (std::size_t{before.first} + before.count > listed.size()) return nullptr;
  for (std::size_t i = before.first; i < before.first + before.count; ++i)
    if (listed[i].at >= previous_findings_.size()) return nullptr;  // (kNotListed too)
  auto made = CountedPtr<MadeFindings>::make();
  made->pair = before.pair;
  made->selection = before.selection;
  made->line_offsets = before.line_offsets;
  made->reused = &before;
  return made;
}

void ContentRun::list(MadeFindings& made, std::size_t base, std::vector<Finding>& out) const {
  made.first = static_cast<std::uint32_t>(out.size());
  if (made.reused) {
    const MadeFindings& before = *made.reused;
    for (std::size_t i = before.first; i < before.first + before.count; ++i) {
      const ContentState::ListedFinding& listed = previous_listed_[i];
      Finding finding = previous_findings_[listed.at];
      finding.severity = listed.made;
      move_finding(finding, before.base, base);
      out.push_back(std::move(finding));
    }
    made.reused = nullptr;
  } else {
    // Made by this run, where the lines are.
    if (made.findings) {
      out.insert(out.end(), std::make_move_iterator(made.findings->begin()),
                 std::make_move_iterator(made.findings->end()));
      made.findings.reset();
    }
  }
  made.count = static_cast<std::uint32_t>(out.size() - made.first);
  made.base = base;
}

CountedPtr<MadeFindings> ContentRun::reusable_lexical(std::size_t p) const {
  const ContentState::PairRecord* before = previous_record(p);
  if (!before || !before->findings) return nullptr;
  const MadeFindings& made = *before->findings;
  // Whether a pair has lexical findings depends on its lines alone.
  if (made.count == 0) return no_findings();
  // Their text names the pair by number and the neighbours a token is found in.
  if (made.pair != p || !same_neighbours(p, mapped_[p]) || !same_offsets(made, read_lines(p, 1))) return nullptr;
  return reused(made);
}

// A pair's length findings read its lines, summaries and checks (the same for
// a pair of the previous version with the same lines) and the fits.
CountedPtr<MadeFindings> ContentRun::reusable_length(std::size_t p) const {
  if (!same_fits_ || p >= previous_length_.size() || (!previous_length_[p] && !previous_no_length_[p]) ||
      previous_local_[p] != state_->pairs[p].local_ratio)
    return nullptr;
  if (previous_no_length_[p]) return no_findings();
  const MadeFindings& made = *previous_length_[p];
  // Their text names the pair by number; they span both its lines.
  if (made.pair != p || !same_offsets(made, read_lines(p, 1))) return nullptr;
  return reused(made);
}

CountedPtr<MadeFindings> ContentRun::reusable_realign(const SelectedAlternative& selected) const {
  const Alternative& alternative = selected.alternative;
  if (!same_fits_ || alternative.first >= previous_realign_.size() || !previous_realign_[alternative.first]) return nullptr;
  const MadeFindings& made = *previous_realign_[alternative.first];
  if (!made.selection || made.selection->selected.alternative != alternative ||
      made.selection->selected.mirror != selected.mirror)
    return nullptr;
  if (!same_pairs(alternative.first, mapped_[alternative.first], alternative.count)) return nullptr;
  // Which side a rotation moves reads the pairs on either side of the block too (originals_in_order).
  if (alternative.type == MoveType::Rotation && !same_neighbours_of_block(alternative.first, alternative.count))
    return nullptr;
  const ReadLines lines = read_lines(alternative.first, alternative.count);
  if (!same_offsets(made, lines)) return nullptr;
  // A merge's fix also copies the line break between its lines.
  if (alternative.type == MoveType::Merge && made.selection->line_break != line_break_after(lines)) return nullptr;
  return reused(made);
}

}  // namespace bitext::content
