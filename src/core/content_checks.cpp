// Content checks: runs the stages of content_stages.hpp over a document and
// memoises their results between versions (the memo's records, and what a
// rerun checks before it reuses one, are in content_memo.cpp).
//
// The memo is per pair of the previous version (ContentState): a stage's
// result is taken from there only when everything the stage reads is the
// same — the pairs' lines unchanged byte for byte (Analysis::rerun verifies
// `previous_lines`), the same fits, and for findings the same pair numbers and
// relative line positions. Every memoised value is owned by the state through
// a counted pointer, so a state never points into another one's storage. The
// findings themselves are not kept: a rerun copies those it reuses from the
// list the caller listed them in (list_content_findings). Line
// features are not kept: a run computes them for the pairs a stage must run
// for, in one sweep per stretch of the document that drops them a few pairs
// later, so memory does not grow with the text.
#include "bitext/content.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <memory>
#include <thread>

#include "content_run.hpp"
#include "run_beside.hpp"

namespace bitext {

using namespace content;
using detail::CountedPtr;

namespace {

unsigned worker_count(std::size_t items, std::size_t per_worker) {
  const unsigned cores = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  return static_cast<unsigned>(std::clamp<std::size_t>(items / per_worker, 1, cores));
}

}  // namespace

void list_content_findings(ContentState& state, std::span<const std::uint32_t> listed_at) {
  if (listed_at.size() != state.listed.size()) {  // (not this state's findings: none reused)
    state.listed.clear();
    return;
  }
  for (std::size_t i = 0; i < listed_at.size(); ++i) state.listed[i].at = listed_at[i];
}

namespace content {

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
  has_previous_ = true;
  previous_valid_.resize(previous_->pairs.size());
  for (std::size_t q = 0; q < previous_->pairs.size(); ++q) previous_valid_[q] = previous_->pairs[q].lines.valid;
  previous_listed_ = previous_->listed;
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

void ContentRun::take_previous_records() {
  const std::size_t n = table_.size();
  if (!previous_) {
    state_->pairs.resize(n);
    return;
  }
  previous_pairs_ = previous_->pairs.size();
  old_ratios_.reserve(previous_pairs_);
  old_local_.reserve(previous_pairs_);
  for (const ContentState::PairRecord& before : previous_->pairs) {
    if (!before.lines.valid) continue;
    old_ratios_.push_back(pair_length_ratio(before.summary(true), before.summary(false)));
    old_local_.push_back(before.local_ratio);
  }
  previous_local_.assign(n, 0.0);
  for (std::size_t p = 0; p < n; ++p)
    if (mapped_[p] != kNoPair) previous_local_[p] = previous_->pairs[mapped_[p]].local_ratio;
  // In place only when nobody else reads the previous state, and the pairs
  // kept are in their previous order (then each record moves at most once).
  bool in_order = owned_previous_ != nullptr && owned_previous_.use_count() == 1;
  for (std::size_t p = 0, last = 0, any = 0; in_order && p < n; ++p) {
    if (mapped_[p] == kNoPair) continue;
    in_order = any == 0 || mapped_[p] > last;
    last = mapped_[p];
    any = 1;
  }
  if (!in_order) {
    state_->pairs.resize(n);
    return;
  }
  // Two versions' records are never alive at once: the previous ones are this run's.
  std::vector<ContentState::PairRecord> records = std::move(const_cast<ContentState&>(*previous_).pairs);
  if (n > records.size()) {
    if (n > records.capacity()) records.reserve(n + n / 64);
    records.resize(n);
  }
  // Records that move towards the start first, in order, then those that move
  // towards the end, from the end: none is written over before it has moved.
  for (std::size_t p = 0; p < n; ++p)
    if (mapped_[p] != kNoPair && mapped_[p] > p) records[p] = std::move(records[mapped_[p]]);
  for (std::size_t p = n; p-- > 0;)
    if (mapped_[p] != kNoPair && mapped_[p] < p) records[p] = std::move(records[mapped_[p]]);
  for (std::size_t p = 0; p < n; ++p)
    if (mapped_[p] == kNoPair) records[p] = ContentState::PairRecord{};
  records.resize(n);
  state_->pairs = std::move(records);
  records_in_place_ = true;
}

void ContentRun::keep_previous_findings() {
  if (previous_) {
    const std::size_t n = table_.size();
    previous_length_.resize(n);
    previous_realign_.resize(n);
    previous_no_length_.assign(n, 0);
    for (std::size_t p = 0; p < n; ++p) {
      const ContentState::PairRecord* before = previous_record(p);
      if (before == nullptr) continue;
      if (before->length && before->length->count == 0) previous_no_length_[p] = 1;
      else if (before->length) previous_length_[p] = before->length;
      if (before->realign) previous_realign_[p] = before->realign;
      if (lexical_[p] && lexical_[p]->reused) previous_lexical_.push_back(before->findings);
    }
    // In place, what stage 4 writes for only some pairs starts empty, as in a record made afresh.
    if (records_in_place_) {
      for (ContentState::PairRecord& record : state_->pairs) {
        record.length = nullptr;
        record.realign = nullptr;
      }
    }
  }
  previous_ = nullptr;
  owned_previous_.reset();
}

void ContentRun::ensure_features(std::size_t begin, std::size_t end) {
  for (std::size_t p = begin; p < std::min(end, table_.size()); ++p) {
    if (!table_.valid(p) || table_.has_features(p)) continue;
    for (const bool translation : {true, false}) {
      const std::size_t side = 2 * p + (translation ? 0 : 1);
      // Stage 1's outline is read once: a seam's second reading starts afresh.
      if (side < outlines_.size() && outlines_[side].read) {
        SideOutline& kept = outlines_[side];
        kept.read = false;
        const LineSummary summary = state_->pairs[p].summary(translation);
        const LineOutline outline{summary.length, kept.spaced, summary.sentences, summary.questions,
                                  summary.ends_sentence, kept.starts_lower, kept.dominant};
        const std::span<const std::uint32_t> offsets =
            std::span<const std::uint32_t>(outline_offsets_[kept.stretch]).subspan(kept.offsets_begin, kept.offsets_count);
        table_.features[side] =
            std::make_unique<const LineFeatures>(line_features(table_.side_text(p, translation), &outline, offsets));
        continue;
      }
      table_.features[side] = std::make_unique<const LineFeatures>(line_features(table_.side_text(p, translation)));
    }
  }
}

void ContentRun::release_features(std::size_t begin, std::size_t end) {
  for (std::size_t p = begin; p < std::min(end, table_.size()); ++p) {
    table_.features[2 * p].reset();
    table_.features[2 * p + 1].reset();
  }
}

// Stage 1b: a pair's checks and cost as given.
void ContentRun::check_and_cost(std::size_t p) {
  if (!table_.valid(p)) return;
  ContentState::PairRecord& record = state_->pairs[p];
  const ContentState::PairRecord* before = previous_record(p);
  if (before) {
    record.check = before->check;
    record.original_words = before->original_words;
    record.mismatches = before->mismatches;
  } else {
    ensure_features(p, p + 1);
    PairChecks checks =
        check_pair(table_.side(p, true), table_.side(p, false), table_.side_text(p, true), table_.side_text(p, false));
    record.check = checks.lexical;
    record.original_words = original_words(table_, table_.side(p, true), table_.side(p, false));
    if (!checks.mismatches.none())
      record.mismatches = CountedPtr<const PairMismatches>::make(std::move(checks.mismatches));
  }
  const double lexical = lexical_cost(record.check);
  if (before && same_costs_) {
    record.cost = before->cost;
    record.fit_score = before->fit_score;
  } else {
    record.cost = shape_cost(record.summary(true), record.summary(false), table_.fits) + lexical;
    // 1 at a perfect fit, 0.5 at about 3 nats.
    record.fit_score = std::min(1.0 / (1.0 + std::exp(record.cost - 3.0)) * (1.0 + std::exp(-3.0)), 1.0);
  }
  table_.checks[p] = record.check;
  table_.original_words[p] = record.original_words;
  table_.mismatches[p] = record.mismatches ? record.mismatches.get() : &no_mismatches();
  table_.cost[p] = record.cost;
  table_.lexical[p] = lexical;
}

// Stage 2: the alternatives anchored at a dirty anchor (reads pairs [anchor, anchor + kWindow)).
void ContentRun::alternatives_for(std::size_t anchor, content::NeighbourCosts* neighbours) {
  if (!dirty_[anchor]) return;
  ensure_features(anchor, anchor + kWindow);
  std::vector<Alternative> found = alternatives_at(table_, anchor, DriftSearch::Bounded, neighbours);
  for (Alternative& alternative : found) alternative.first -= static_cast<std::uint32_t>(anchor);
  // Kept for the next version: without the slack the vector grew with.
  if (!found.empty())
    state_->pairs[anchor].alternatives = CountedPtr<const std::vector<Alternative>>::make(found.begin(), found.end());
}

// Stage 4b, the part that reads features: a pair's numbers and tokens (and its neighbours' tokens).
void ContentRun::lexical_for(std::size_t p) {
  if (!table_.valid(p) || lexical_[p]) return;
  ensure_features(p == 0 ? 0 : p - 1, p + 2);
  std::vector<Finding> findings = lexical_findings(table_, p);
  lexical_[p] = findings.empty() ? no_findings() : made(p, std::nullopt, std::move(findings));
}

// Pair p is checked and costed when the sweep reaches it; the anchor kWindow - 1
// pairs back then has every pair it reads, and the pair before p its
// neighbours. The anchors and lexical findings whose pairs cross `end` are
// left to seam(), so that a thread only ever holds features of its own pairs.
void ContentRun::sweep(std::size_t begin, std::size_t end) {
  const std::size_t n = table_.size();
  content::NeighbourCosts neighbours;  // this thread's, for its anchors in order
  for (std::size_t p = begin; p < end; ++p) {
    check_and_cost(p);
    if (p > begin && (p - 1 > begin || begin == 0)) lexical_for(p - 1);
    if (p + 1 >= begin + kWindow) {
      alternatives_for(p + 1 - kWindow, &neighbours);
      if (p + 1 >= begin + kWindow + 1) release_features(p - kWindow, p + 1 - kWindow);
    }
    // Every anchor before the target has its alternatives, every pair its lexical findings.
    if (begin == 0 && prefix_listener_ != nullptr && p + 1 == next_prefix_ + kWindow) {
      tell_prefix(next_prefix_);
      next_prefix_ *= 2;
    }
  }
  if (end == n) {
    for (std::size_t anchor = std::max(begin, end >= kWindow - 1 ? end - (kWindow - 1) : 0); anchor < end; ++anchor)
      alternatives_for(anchor, &neighbours);
    if (end > begin && (end - 1 > begin || begin == 0)) lexical_for(end - 1);
  }
  release_features(begin, end);
}

void ContentRun::seam(std::size_t stretch_begin, std::size_t at) {
  const std::size_t first = std::max(stretch_begin, at >= kWindow - 1 ? at - (kWindow - 1) : 0);
  for (std::size_t anchor = first; anchor < at; ++anchor) alternatives_for(anchor);
  lexical_for(at - 1);
  lexical_for(at);
  release_features(first == 0 ? 0 : first - 1, at + kWindow);
}

// The alternatives anchored in [from, to), in the order stage 3 sees them,
// each numbered from `from` (stage 3 selects among pairs from..to-1 as 0..).
std::vector<Alternative> ContentRun::candidates_in(std::size_t from, std::size_t to) const {
  std::vector<Alternative> candidates;
  for (std::size_t anchor = from; anchor < to; ++anchor) {
    if (!state_->pairs[anchor].alternatives) continue;
    for (Alternative alternative : *state_->pairs[anchor].alternatives) {
      alternative.first += static_cast<std::uint32_t>(anchor - from);
      candidates.push_back(alternative);
    }
  }
  return candidates;
}

// A cut that no candidate crosses splits stage 3: the strongest-first choice
// before it never meets one after it. The pairs' own findings read their pair
// (and the lexical ones its neighbours' tokens, fixed by the sweep), the fits
// and whether a strong alternative explains the pair: so the findings of the
// pairs before such a cut are final once the sweep has passed it.
void ContentRun::tell_prefix(std::size_t target) {
  const std::size_t from = prefix_end_;
  std::size_t cut = from;
  std::size_t reach = from;  // the end of the furthest alternative anchored before `anchor + 1`
  for (std::size_t anchor = from; anchor < target; ++anchor) {
    if (const auto& found = state_->pairs[anchor].alternatives)
      for (const Alternative& alternative : *found)
        reach = std::max<std::size_t>(reach, anchor + alternative.first + alternative.count);
    if (reach <= anchor + 1) cut = anchor + 1;
  }
  if (cut == from) return;
  const Selection selection = select_alternatives(candidates_in(from, cut), cut - from);
  for (SelectedAlternative selected : selection.selected) {
    selected.alternative.first += static_cast<std::uint32_t>(from);
    if (selected.mirror) selected.mirror->first += static_cast<std::uint32_t>(from);
    prefix_alternatives_.push_back({selected.alternative.evidence, realign_findings(table_, selected)});
  }
  for (std::size_t p = from; p < cut; ++p) {
    if (!table_.valid(p)) continue;
    if (!selection.explained[p - from]) {
      std::vector<Finding> length = length_findings(table_, p, state_->pairs[p].summary(true),
                                                         state_->pairs[p].summary(false));
      prefix_pair_findings_.insert(prefix_pair_findings_.end(), std::make_move_iterator(length.begin()),
                                   std::make_move_iterator(length.end()));
    }
    if (const auto& made_now = lexical_[p]->findings)
      prefix_pair_findings_.insert(prefix_pair_findings_.end(), made_now->begin(), made_now->end());
  }
  prefix_end_ = cut;

  // In the result's order: the first stretch's selected alternatives in order
  // of evidence (ties: in the order of the document, as stage 3's stable sort
  // leaves them), then its pairs in order.
  std::vector<const ToldAlternative*> order;
  for (const ToldAlternative& told : prefix_alternatives_) order.push_back(&told);
  std::stable_sort(order.begin(), order.end(),
                   [](const ToldAlternative* a, const ToldAlternative* b) { return a->evidence > b->evidence; });
  ContentPrefix prefix;
  prefix.pairs = cut;
  for (const ToldAlternative* told : order)
    prefix.findings.insert(prefix.findings.end(), told->findings.begin(), told->findings.end());
  prefix.findings.insert(prefix.findings.end(), prefix_pair_findings_.begin(), prefix_pair_findings_.end());
  (*prefix_listener_)(prefix);
}

// A full run's lookups of every line are over after the sweep, its last ones
// (a drift's words) after the findings: the dictionary image's pages (all of
// it on kernels that map the page cache in large folios) are not kept beside
// the findings and what the caller writes next. A rerun's too: its words
// are remembered (Lexicon::remembering), so the next rerun maps only new ones.
void ContentRun::release_lexicon_pages() const {
  if (table_.lexicon != nullptr) table_.lexicon->release_pages();
}

ContentResult ContentRun::run() {
  const Transcript& transcript = *table_.transcript;
  const std::size_t n = transcript.pairs.size();
  read_pairs();
  map_to_previous();
  take_previous_records();

  // Stage 1: the summaries of the pairs not seen before (their outline, not
  // their features) and the fits.
  const unsigned outline_workers = worker_count(n, 1024);
  outlines_.assign(2 * n, {});
  outline_offsets_.assign(outline_workers, {});
  detail::in_stretches(n, outline_workers, [&](std::size_t begin, std::size_t end, unsigned stretch) {
    for (std::size_t p = begin; p < end; ++p) {
      if (!table_.valid(p)) continue;
      ContentState::PairRecord& record = state_->pairs[p];
      record.lines = table_.lines[p];
      if (const ContentState::PairRecord* before = previous_record(p)) {
        for (const bool translation : {true, false}) record.set_summary(translation, before->summary(translation));
      } else {
        for (const bool translation : {true, false}) {
          const SideText side = table_.side_text(p, translation);
          std::vector<std::uint32_t>& offsets = outline_offsets_[stretch];
          const std::size_t offsets_begin = offsets.size();
          const LineOutline outline = read_outline(side.text, side.script, offsets);
          record.set_summary(translation, summary_of(outline));
          if (offsets.size() > UINT32_MAX) continue;  // (features read afresh)
          outlines_[2 * p + (translation ? 0 : 1)] = {
              static_cast<std::uint32_t>(offsets_begin), static_cast<std::uint32_t>(offsets.size() - offsets_begin),
              outline.dominant, outline.spaced, outline.starts_lower, true, static_cast<std::uint16_t>(stretch)};
        }
      }
    }
  });
  {  // (freed before the stages that follow: the findings' peak)
    std::vector<LineSummary> translations, originals;
    translations.reserve(n);
    originals.reserve(n);
    for (std::size_t p = 0; p < n; ++p) {
      if (!table_.valid(p)) continue;
      translations.push_back(state_->pairs[p].summary(true));
      originals.push_back(state_->pairs[p].summary(false));
    }
    table_.fits = fit_document(translations, originals, transcript.translation_script, transcript.original_script);
    std::vector<double> local;
    if (previous_) {  // (a rerun: the previous valid pairs' ratios, to keep the results of unchanged neighbourhoods)
      local = neighbourhood_ratios(translations, originals, old_ratios_, old_local_);
      std::vector<double>().swap(old_ratios_);
      std::vector<double>().swap(old_local_);
    } else {
      local = neighbourhood_ratios(translations, originals);
    }
    table_.local_ratio.assign(n, 0.0);
    for (std::size_t p = 0, v = 0; p < n; ++p)
      if (table_.valid(p)) state_->pairs[p].local_ratio = table_.local_ratio[p] = local[v++];
  }
  state_->fits = table_.fits;
  same_costs_ = previous_ && previous_->fits.same_costs(table_.fits);
  same_fits_ = previous_ && previous_->fits == table_.fits;
  // Other costs make every pair's checks again: as many words as a full run,
  // read from the image as there (remembering them would keep a copy of it).
  if (remembering_ && !same_costs_) table_.lexicon = document_lexicon(transcript.translation_script, transcript.original_script);

  // What stages 1b, 2 and 4b must compute: checks of the pairs not seen
  // before, alternatives of the anchors whose window changed (memoised by the
  // window's pairs), lexical findings not reusable.
  table_.cost.assign(n, 0.0);
  table_.lexical.assign(n, 0.0);
  table_.checks.assign(n, LexicalCheck{});
  table_.original_words.assign(n, {});
  table_.mismatches.assign(n, &no_mismatches());
  dirty_.assign(n, 0);
  lexical_.assign(n, nullptr);
  for (std::size_t anchor = 0; anchor < n; ++anchor) {
    if (!table_.valid(anchor)) continue;
    lexical_[anchor] = reusable_lexical(anchor);
    const std::size_t window = std::min(n, anchor + kWindow) - anchor;
    const ContentState::PairRecord* before = previous_record(anchor);
    const std::size_t q = mapped_[anchor];
    if (same_costs_ && before && std::min(previous_pairs_, q + kWindow) - q == window &&
        same_pairs(anchor, q, window)) {
      state_->pairs[anchor].alternatives = before->alternatives;
      continue;
    }
    dirty_[anchor] = 1;
    state_->pairs[anchor].alternatives = nullptr;  // (a record kept in place had its previous ones)
  }
  // Stages 1b, 2 and 4b in one sweep per stretch, then the seams between stretches.
  const unsigned workers = worker_count(n, 2048);
  detail::in_stretches(n, workers, [&](std::size_t begin, std::size_t end, unsigned) { sweep(begin, end); });
  for (unsigned w = 1; w < workers; ++w) seam(n * (w - 1) / workers, n * w / workers);
  for (std::size_t p = 0; p < n; ++p) lexical_for(p);  // none left unless the stretches were too short for seams
  release_features(0, n);
  std::vector<SideOutline>().swap(outlines_);  // (those of pairs no stage read)
  std::vector<std::vector<std::uint32_t>>().swap(outline_offsets_);
  release_lexicon_pages();  // the findings below look up only a drift's words
  // Stages 3 and 4 read the pairs' lines, words and ratios, never their costs,
  // checks, mismatches or features: those tables are not kept beside the
  // findings (a rerun's peak, with two versions' records alive).
  std::vector<double>().swap(table_.cost);
  std::vector<double>().swap(table_.lexical);
  std::vector<LexicalCheck>().swap(table_.checks);
  std::vector<const PairMismatches*>().swap(table_.mismatches);
  std::vector<std::unique_ptr<const LineFeatures>>().swap(table_.features);
  std::vector<char>().swap(dirty_);
  keep_previous_findings();
  // Stage 3: selection.
  const Selection selection = select_alternatives(candidates_in(0, n), n);

  // Stage 4: findings, memoised per selected alternative, and per pair for
  // the lexical ones (above) and the length ones.
  std::vector<CountedPtr<MadeFindings>> realign(selection.selected.size());
  // A selected alternative's findings read its pairs' text, not the features
  // (those were freed by the sweep; computing them again was a tenth of a check).
  for (std::size_t i = 0; i < selection.selected.size(); ++i) realign[i] = reusable_realign(selection.selected[i]);
  // The selected alternatives, then the pairs, of each stretch of the
  // document in turn (the same order however many threads write them).
  std::vector<std::vector<Finding>> parts(workers);
  std::vector<std::vector<MadeFindings*>> listed(workers);  // each part's records, numbered within it
  detail::in_stretches(n, workers, [&](std::size_t begin, std::size_t end, unsigned stretch) {
    // The stretch's records in order, then their findings listed into a part
    // reserved at its size (not grown by doubling beside two versions' records).
    std::vector<MadeFindings*>& records = listed[stretch];
    std::vector<std::size_t> bases;
    auto list_made = [&](MadeFindings& made, std::size_t base) {
      records.push_back(&made);
      bases.push_back(base);
    };
    for (std::size_t i = 0; i < selection.selected.size(); ++i) {
      const SelectedAlternative& selected = selection.selected[i];
      if (selected.alternative.first < begin || selected.alternative.first >= end) continue;
      if (!realign[i]) realign[i] = made(selected.alternative.first, selected, realign_findings(table_, selected));
      list_made(*realign[i], base_of(read_lines(selected.alternative.first, selected.alternative.count)));
      // Only this alternative's anchor record is written.
      state_->pairs[selected.alternative.first].realign = realign[i];
    }
    for (std::size_t p = begin; p < end; ++p) {
      if (!table_.valid(p)) continue;
      ContentState::PairRecord& record = state_->pairs[p];
      if (!selection.explained[p]) {
        CountedPtr<MadeFindings> length = reusable_length(p);
        if (!length) {
          std::vector<Finding> found = length_findings(table_, p, record.summary(true), record.summary(false));
          length = found.empty() ? no_findings() : made(p, std::nullopt, std::move(found));
        }
        if (length != no_findings()) list_made(*length, base_of(read_lines(p, 1)));
        record.length = std::move(length);
      }
      if (lexical_[p] != no_findings()) list_made(*lexical_[p], base_of(read_lines(p, 1)));
      record.findings = lexical_[p];
    }
    std::size_t count = 0;
    for (const MadeFindings* made : records)
      count += made->reused ? made->reused->count : made->findings ? made->findings->size() : 0;
    std::vector<Finding>& out = parts[stretch];
    out.reserve(count);
    for (std::size_t i = 0; i < records.size(); ++i) list(*records[i], bases[i], out);
  });

  ContentResult result;
  std::size_t total = 0;
  for (const std::vector<Finding>& part : parts) total += part.size();
  result.findings.reserve(total);
  for (std::size_t w = 0; w < parts.size(); ++w) {
    for (MadeFindings* made : listed[w]) made->first += static_cast<std::uint32_t>(result.findings.size());
    result.findings.insert(result.findings.end(), std::make_move_iterator(parts[w].begin()),
                           std::make_move_iterator(parts[w].end()));
    std::vector<Finding>().swap(parts[w]);
  }
  state_->listed.resize(result.findings.size());
  for (std::size_t i = 0; i < result.findings.size(); ++i) state_->listed[i].made = result.findings[i].severity;
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
  release_lexicon_pages();
  result.state = std::move(state_);
  return result;
}

}  // namespace content

ContentResult content_checks(const Transcript& transcript, const LineIndex& index, const ContentState* previous,
                             std::span<const std::uint32_t> previous_lines, std::span<const Finding> previous_findings) {
  ContentRun run(transcript, index, previous, previous_lines, previous_findings);
  return run.run();
}

ContentResult content_checks_releasing(const Transcript& transcript, const LineIndex& index,
                                       std::shared_ptr<const ContentState> previous,
                                       std::span<const std::uint32_t> previous_lines,
                                       std::span<const Finding> previous_findings) {
  ContentRun run(transcript, index, previous.get(), previous_lines, previous_findings);
  run.own_previous(std::move(previous));
  return run.run();
}

ContentResult content_checks(const Transcript& transcript, const LineIndex& index,
                             const ContentPrefixListener& on_prefix) {
  ContentRun run(transcript, index, nullptr, {}, {});
  if (on_prefix) run.tell_prefixes(on_prefix);
  return run.run();
}

}  // namespace bitext
