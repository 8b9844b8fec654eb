// Content checks: runs the stages of content_stages.hpp over a document and
// memoises their results between versions.
//
// The memo is per pair of the previous version (ContentState): a stage's
// result is taken from there only when everything the stage reads is the
// same — the pairs' lines unchanged byte for byte (Analysis::rerun verifies
// `previous_lines`), the same fits, and for findings the same pair numbers and
// relative line positions. Every memoised value is owned by the state through
// a shared_ptr, so a state never points into another one's storage. Line
// features are not kept: a re-analysis computes them for the pairs a stage
// must re-run (around the edits), so memory does not grow with the text.
#include "bitext/content.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <thread>

#include "content_stages.hpp"

namespace bitext {

using namespace content;

namespace {

constexpr std::uint32_t kNoPair = 0xFFFFFFFFu;

// The lines a stage read for its findings: both lines of up to kMaxBlock pairs
// (kept inline: the memo checks them for every pair of every version).
struct ReadLines {
  std::array<std::uint32_t, 2 * kMaxBlock> lines{};
  std::size_t count = 0;
  const std::uint32_t* begin() const { return lines.data(); }
  const std::uint32_t* end() const { return lines.data() + count; }
  std::size_t size() const { return count; }
  std::uint32_t operator[](std::size_t i) const { return lines[i]; }
};

// Findings of one stage call as made, with what they were made from besides
// the pairs' content and the fits.
struct MadeFindings {
  std::uint32_t pair = 0;                   // messages name pairs by number
  bool explained = false;                   // pair findings: re-paired by a strong alternative
  std::optional<SelectedAlternative> selected;  // realign findings: the alternative reported
  std::size_t base = 0;                     // the first byte of the lines read
  std::vector<std::size_t> line_offsets;    // the begins of the lines read, relative to `base`
  std::string line_break;                   // merges: the line end their fix copies
  std::vector<Finding> findings;
};

// `findings` moved from `from` to `to` bytes.
void append_moved(std::vector<Finding>& out, const std::vector<Finding>& findings, std::size_t from, std::size_t to) {
  for (Finding finding : findings) {
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
    out.push_back(std::move(finding));
  }
}

unsigned worker_count(std::size_t items, std::size_t per_worker) {
  const unsigned cores = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  return static_cast<unsigned>(std::clamp<std::size_t>(items / per_worker, 1, cores));
}

// Runs body(begin, end, stretch) over [0, count) in `workers` contiguous stretches.
template <class Body>
void in_stretches(std::size_t count, unsigned workers, const Body& body) {
  if (workers <= 1) {
    body(std::size_t{0}, count, 0u);
    return;
  }
  std::vector<std::thread> threads;
  std::vector<std::exception_ptr> failures(workers);
  for (unsigned w = 1; w < workers; ++w) {
    threads.emplace_back([&, w] {
      try {
        body(count * w / workers, count * (w + 1) / workers, w);
      } catch (...) {
        failures[w] = std::current_exception();
      }
    });
  }
  try {
    body(std::size_t{0}, count / workers, 0u);
  } catch (...) {
    failures[0] = std::current_exception();
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& failure : failures)
    if (failure) std::rethrow_exception(failure);
}

}  // namespace

struct ContentState {
  struct PairRecord {
    PairLines lines;
    LineSummary translation, original;
    std::shared_ptr<const PairChecks> checks;
    double cost = 0;
    double lexical = 0;
    double fit_score = 1;  // the pair score before findings lower it (of `cost`)
    std::shared_ptr<const std::vector<Alternative>> alternatives;  // relative to this anchor; null: none
    std::shared_ptr<const MadeFindings> findings;                  // pair_findings
    std::shared_ptr<const MadeFindings> realign;                   // of the alternative selected at this anchor
  };
  DocumentFits fits;
  std::vector<PairRecord> pairs;
  std::vector<std::uint32_t> pair_of_line;  // the valid pair a line belongs to, or kNoPair
};

namespace {

class ContentRun {
 public:
  ContentRun(const Transcript& transcript, const LineIndex& index, const ContentState* previous,
             std::span<const std::uint32_t> previous_lines)
      : previous_(previous && previous_lines.size() == index.line_count() ? previous : nullptr),
        previous_lines_(previous_lines) {
    table_.transcript = &transcript;
    table_.index = &index;
    table_.lexicon = document_lexicon(transcript.translation_script, transcript.original_script);
  }

  ContentResult run();

 private:
  void read_pairs();
  void map_to_previous();
  void compute_features(const std::vector<bool>& needed);
  void need_pair(std::vector<bool>& needed, std::size_t pair) const {
    if (pair < table_.size() && table_.valid(pair) && !table_.has_features(pair)) needed[pair] = true;
  }
  // Pairs [p, p + count) are those of the previous version from `q` on, each
  // valid in both or invalid in both.
  bool same_pairs(std::size_t p, std::size_t q, std::size_t count) const;
  const ContentState::PairRecord* previous_record(std::size_t pair) const {
    return mapped_[pair] == kNoPair ? nullptr : &previous_->pairs[mapped_[pair]];
  }
  ReadLines read_lines(std::size_t first, std::size_t count) const;
  std::size_t base_of(const ReadLines& lines) const;
  bool same_offsets(const MadeFindings& made, const ReadLines& lines) const;
  bool same_neighbours(std::size_t p, std::size_t q) const;
  std::shared_ptr<const MadeFindings> made(std::size_t pair, std::optional<SelectedAlternative> selected,
                                           bool explained, std::vector<Finding> findings) const;
  std::shared_ptr<const MadeFindings> reusable_pair_findings(std::size_t pair, bool explained) const;
  std::shared_ptr<const MadeFindings> reusable_realign(const SelectedAlternative& selected) const;
  std::string_view line_break_after(const ReadLines& lines) const;

  const ContentState* previous_;
  std::span<const std::uint32_t> previous_lines_;
  PairTable table_;
  std::vector<std::uint32_t> mapped_;  // per pair: the previous version's pair with the same lines, or kNoPair
  std::shared_ptr<ContentState> state_ = std::make_shared<ContentState>();
};

void ContentRun::read_pairs() {
  const Transcript& transcript = *table_.transcript;
  const std::size_t n = transcript.pairs.size();
  table_.lines.assign(n, {});
  table_.features.resize(2 * n);
  state_->pair_of_line.assign(table_.index->line_count(), kNoPair);
  for (std::size_t p = 0; p < n; ++p) {
    const Pair& pair = transcript.pairs[p];
    if (pair.translation.size() != 1 || pair.original.size() != 1) continue;
    PairLines& lines = table_.lines[p];
    lines.translation_line = pair.translation[0];
    lines.original_line = pair.original[0];
    const TranscriptLine& t = transcript.lines[lines.translation_line];
    const TranscriptLine& o = transcript.lines[lines.original_line];
    if (table_.line_begin(lines.translation_line) == t.end || table_.line_begin(lines.original_line) == o.end) continue;
    lines.valid = true;
    state_->pair_of_line[lines.translation_line] = static_cast<std::uint32_t>(p);
    state_->pair_of_line[lines.original_line] = static_cast<std::uint32_t>(p);
  }
}

void ContentRun::map_to_previous() {
  mapped_.assign(table_.size(), kNoPair);
  if (!previous_) return;
  for (std::size_t p = 0; p < table_.size(); ++p) {
    const PairLines& lines = table_.lines[p];
    if (!lines.valid) continue;
    const std::uint32_t t = previous_lines_[lines.translation_line];
    const std::uint32_t o = previous_lines_[lines.original_line];
    if (t == kNoLine || o == kNoLine || t >= previous_->pair_of_line.size()) continue;
    const std::uint32_t q = previous_->pair_of_line[t];
    if (q != kNoPair && previous_->pairs[q].lines == PairLines{true, t, o}) mapped_[p] = q;
  }
}

void ContentRun::compute_features(const std::vector<bool>& needed) {
  std::vector<std::uint32_t> work;
  for (std::size_t p = 0; p < needed.size(); ++p)
    if (needed[p] && !table_.has_features(p)) work.push_back(static_cast<std::uint32_t>(p));
  in_stretches(work.size(), worker_count(work.size(), 1024), [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t i = begin; i < end; ++i) {
      const std::uint32_t p = work[i];
      for (const bool translation : {true, false})
        table_.features[2 * p + (translation ? 0 : 1)] =
            std::make_unique<const LineFeatures>(line_features(table_.side_text(p, translation)));
    }
  });
}

bool ContentRun::same_pairs(std::size_t p, std::size_t q, std::size_t count) const {
  if (!previous_ || p + count > table_.size() || q + count > previous_->pairs.size()) return false;
  for (std::size_t k = 0; k < count; ++k) {
    const bool valid = table_.valid(p + k);
    if (valid != previous_->pairs[q + k].lines.valid) return false;
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
    const bool there = side < 0 ? q > 0 : q + 1 < previous_->pairs.size();
    if (here != there) return false;
    if (here && !same_pairs(p + side, q + side, 1)) return false;
  }
  return true;
}

std::shared_ptr<const MadeFindings> ContentRun::made(std::size_t pair, std::optional<SelectedAlternative> selected,
                                                     bool explained, std::vector<Finding> findings) const {
  auto made = std::make_shared<MadeFindings>();
  made->pair = static_cast<std::uint32_t>(pair);
  made->explained = explained;
  const ReadLines lines = read_lines(pair, selected ? selected->alternative.count : 1);
  made->selected = std::move(selected);
  made->base = base_of(lines);
  for (const std::uint32_t line : lines) made->line_offsets.push_back(table_.line_begin(line) - made->base);
  if (made->selected && made->selected->alternative.type == MoveType::Merge) made->line_break = line_break_after(lines);
  made->findings = std::move(findings);
  return made;
}

// The bytes ending the first of `lines` (what a merge's fix copies).
std::string_view ContentRun::line_break_after(const ReadLines& lines) const {
  const std::uint32_t low = *std::min_element(lines.begin(), lines.end());
  if (std::size_t{low} + 1 >= table_.transcript->lines.size()) return {};
  const std::size_t end = table_.line_end(low);
  return table_.text().substr(end, table_.line_begin(low + 1) - end);
}

std::shared_ptr<const MadeFindings> ContentRun::reusable_pair_findings(std::size_t p, bool explained) const {
  const ContentState::PairRecord* before = previous_record(p);
  if (!before || !before->findings || !previous_->fits.same_costs(table_.fits)) return nullptr;
  const MadeFindings& made = *before->findings;
  if (made.explained != explained) return nullptr;
  // Whether a pair has findings depends on its lines and the fits alone.
  if (made.findings.empty()) return before->findings;
  // Their text names the pair by number and the neighbours a token is found in.
  if (made.pair != p || !same_neighbours(p, mapped_[p]) || !same_offsets(made, read_lines(p, 1))) return nullptr;
  return before->findings;
}

std::shared_ptr<const MadeFindings> ContentRun::reusable_realign(const SelectedAlternative& selected) const {
  const Alternative& alternative = selected.alternative;
  const ContentState::PairRecord* before = previous_record(alternative.first);
  if (!before || !before->realign || !(previous_->fits == table_.fits)) return nullptr;
  const MadeFindings& made = *before->realign;
  if (!made.selected || made.selected->alternative != alternative || made.selected->mirror != selected.mirror)
    return nullptr;
  if (!same_pairs(alternative.first, mapped_[alternative.first], alternative.count)) return nullptr;
  const ReadLines lines = read_lines(alternative.first, alternative.count);
  if (!same_offsets(made, lines)) return nullptr;
  // A merge's fix also copies the line break between its lines.
  if (alternative.type == MoveType::Merge && made.line_break != line_break_after(lines)) return nullptr;
  return before->realign;
}

ContentResult ContentRun::run() {
  const Transcript& transcript = *table_.transcript;
  const std::size_t n = transcript.pairs.size();
  read_pairs();
  map_to_previous();
  state_->pairs.resize(n);

  // Stage 1: line features of the pairs not seen before, their summaries and the fits.
  std::vector<bool> needed(n, false);
  for (std::size_t p = 0; p < n; ++p)
    if (table_.valid(p) && mapped_[p] == kNoPair) needed[p] = true;
  compute_features(needed);
  std::vector<LineSummary> translations, originals;
  translations.reserve(n);
  originals.reserve(n);
  for (std::size_t p = 0; p < n; ++p) {
    if (!table_.valid(p)) continue;
    ContentState::PairRecord& record = state_->pairs[p];
    record.lines = table_.lines[p];
    if (const ContentState::PairRecord* before = previous_record(p)) {
      record.translation = before->translation;
      record.original = before->original;
    } else {
      record.translation = summary_of(table_.side(p, true));
      record.original = summary_of(table_.side(p, false));
    }
    translations.push_back(record.translation);
    originals.push_back(record.original);
  }
  table_.fits = fit_document(translations, originals, transcript.translation_script, transcript.original_script);
  state_->fits = table_.fits;
  const bool same_costs = previous_ && previous_->fits.same_costs(table_.fits);

  // Stage 1b: each pair's checks and cost as given.
  table_.cost.assign(n, 0.0);
  table_.lexical.assign(n, 0.0);
  table_.checks.assign(n, LexicalCheck{});
  table_.pair_checks.assign(n, nullptr);
  for (std::size_t p = 0; p < n; ++p) {
    if (!table_.valid(p)) continue;
    ContentState::PairRecord& record = state_->pairs[p];
    const ContentState::PairRecord* before = previous_record(p);
    record.checks = before ? before->checks
                           : std::make_shared<const PairChecks>(check_pair(table_.side(p, true), table_.side(p, false),
                                                                         table_.side_text(p, true), table_.side_text(p, false)));
    if (before && same_costs) {
      record.lexical = before->lexical;
      record.cost = before->cost;
      record.fit_score = before->fit_score;
    } else {
      record.lexical = lexical_cost(record.checks->lexical);
      record.cost = shape_cost(record.translation, record.original, table_.fits) + record.lexical;
      // 1 at a perfect fit, 0.5 at about 3 nats.
      record.fit_score = std::min(1.0 / (1.0 + std::exp(record.cost - 3.0)) * (1.0 + std::exp(-3.0)), 1.0);
    }
    table_.pair_checks[p] = record.checks;
    table_.checks[p] = record.checks->lexical;
    table_.cost[p] = record.cost;
    table_.lexical[p] = record.lexical;
  }

  // Stage 2: alternatives per anchor, memoised by the window's pairs.
  std::vector<bool> dirty(n, false);
  std::fill(needed.begin(), needed.end(), false);
  for (std::size_t anchor = 0; anchor < n; ++anchor) {
    if (!table_.valid(anchor)) continue;
    const std::size_t window = std::min(n, anchor + kWindow) - anchor;
    const ContentState::PairRecord* before = previous_record(anchor);
    const std::size_t q = mapped_[anchor];
    if (same_costs && before && std::min(previous_->pairs.size(), q + kWindow) - q == window &&
        same_pairs(anchor, q, window)) {
      state_->pairs[anchor].alternatives = before->alternatives;
      continue;
    }
    dirty[anchor] = true;
    for (std::size_t k = anchor; k < anchor + window; ++k) need_pair(needed, k);
  }
  compute_features(needed);
  in_stretches(n, worker_count(n, 2048), [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t anchor = begin; anchor < end; ++anchor) {
      if (!dirty[anchor]) continue;
      std::vector<Alternative> found = alternatives_at(table_, anchor);
      for (Alternative& alternative : found) alternative.first -= static_cast<std::uint32_t>(anchor);
      if (!found.empty())
        state_->pairs[anchor].alternatives = std::make_shared<const std::vector<Alternative>>(std::move(found));
    }
  });
  std::vector<Alternative> candidates;
  for (std::size_t anchor = 0; anchor < n; ++anchor) {
    if (!state_->pairs[anchor].alternatives) continue;
    for (Alternative alternative : *state_->pairs[anchor].alternatives) {
      alternative.first += static_cast<std::uint32_t>(anchor);
      candidates.push_back(alternative);
    }
  }

  // Stage 3: selection.
  const Selection selection = select_alternatives(std::move(candidates), n);

  // Stage 4: findings, memoised per pair and per selected alternative.
  std::vector<std::shared_ptr<const MadeFindings>> realign(selection.selected.size());
  std::vector<std::shared_ptr<const MadeFindings>> pair_made(n);
  std::fill(needed.begin(), needed.end(), false);
  for (std::size_t i = 0; i < selection.selected.size(); ++i) {
    const SelectedAlternative& selected = selection.selected[i];
    realign[i] = reusable_realign(selected);
    if (!realign[i])
      for (std::size_t p = selected.alternative.first; p < selected.alternative.first + selected.alternative.count; ++p)
        need_pair(needed, p);
  }
  for (std::size_t p = 0; p < n; ++p) {
    if (!table_.valid(p)) continue;
    pair_made[p] = reusable_pair_findings(p, selection.explained[p]);
    if (!pair_made[p])
      for (std::size_t k = p == 0 ? 0 : p - 1; k <= p + 1; ++k) need_pair(needed, k);
  }
  compute_features(needed);
  // The selected alternatives, then the pairs, of each stretch of the
  // document in turn (the same order however many threads write them).
  const unsigned workers = worker_count(n, 2048);
  std::vector<std::vector<Finding>> parts(workers);
  in_stretches(n, workers, [&](std::size_t begin, std::size_t end, unsigned stretch) {
    std::vector<Finding>& out = parts[stretch];
    for (std::size_t i = 0; i < selection.selected.size(); ++i) {
      const SelectedAlternative& selected = selection.selected[i];
      if (selected.alternative.first < begin || selected.alternative.first >= end) continue;
      if (!realign[i])
        realign[i] = made(selected.alternative.first, selected, false, realign_findings(table_, selected));
      const std::size_t base = base_of(read_lines(selected.alternative.first, selected.alternative.count));
      append_moved(out, realign[i]->findings, realign[i]->base, base);
      // Only this alternative's anchor record is written.
      state_->pairs[selected.alternative.first].realign = realign[i];
    }
    for (std::size_t p = begin; p < end; ++p) {
      if (!table_.valid(p)) continue;
      if (!pair_made[p])
        pair_made[p] = made(p, std::nullopt, selection.explained[p], pair_findings(table_, p, selection.explained[p]));
      append_moved(out, pair_made[p]->findings, pair_made[p]->base, base_of(read_lines(p, 1)));
      state_->pairs[p].findings = pair_made[p];
    }
  });

  ContentResult result;
  for (std::vector<Finding>& part : parts)
    result.findings.insert(result.findings.end(), std::make_move_iterator(part.begin()),
                           std::make_move_iterator(part.end()));
  // Pair scores: the fit of the pair as given, lowered by the strongest finding on it.
  std::vector<double> worst(n, 0.0);
  for (const Finding& finding : result.findings) {
    if (finding.pair < 0) continue;
    double& value = worst[static_cast<std::size_t>(finding.pair)];
    value = std::max(value, finding.severity <= Severity::Information ? finding.confidence : finding.confidence / 2);
  }
  result.pair_scores.assign(n, 1.0);
  for (std::size_t p = 0; p < n; ++p) {
    if (!table_.valid(p)) {
      const Pair& pair = transcript.pairs[p];
      result.pair_scores[p] = pair.translation.empty() || pair.original.empty() ? 0.0 : 0.5;
      continue;
    }
    result.pair_scores[p] = std::clamp(state_->pairs[p].fit_score * (1.0 - worst[p]), 0.0, 1.0);
  }
  result.state = std::move(state_);
  return result;
}

}  // namespace

ContentResult content_checks(const Transcript& transcript, const LineIndex& index, const ContentState* previous,
                             std::span<const std::uint32_t> previous_lines) {
  ContentRun run(transcript, index, previous, previous_lines);
  return run.run();
}

}  // namespace bitext
