// Analysis of one version of a document. run() does everything; rerun() gives
// the same result but reuses what only depends on unchanged bytes:
//  - the line starts in the unchanged prefix and suffix of the text,
//  - the script profile of every line whose text is unchanged (the expensive
//    per-character work), found through the edits and verified byte for byte,
//  - the UTF-8 validity of the unchanged prefix and suffix of the text,
//  - which old line each unchanged line was, so that content_checks finds its
//    cached work by position.
//  - the reading of every unchanged line (pairing_detail.hpp).
//  - the speaker model's label reads and pair cues where the bytes they read
//    are unchanged (speaker_memo.hpp).
// Pairing, checks and findings are recomputed: they depend on the whole
// document (its languages, order and typical lengths) and are linear and cheap.
#include "bitext/analysis.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <span>
#include <utility>

#include "bitext/checks.hpp"
#include "bitext/content.hpp"
#include "bitext/pairing.hpp"
#include "bitext/rules.hpp"
#include "bitext/speaker_checks.hpp"
#include "bitext/speaker_labels.hpp"
#include "layout_analysis.hpp"
#include "pairing_detail.hpp"
#include "run_beside.hpp"
#include "sorted_runs.hpp"
#include "speaker_inference_detail.hpp"
#include "speaker_memo.hpp"
#include "speaker_model.hpp"

namespace bitext {
namespace {

// detect_layout, keeping the content's answer in `content`; a rerun takes the
// previous version's (`known`, of `known_text`) when the text starts as it did.
Layout layout_of(std::string_view text, const CheckOptions& options, std::optional<Layout>& content,
                 const std::optional<Layout>& known = std::nullopt, const PreviousText* known_text = nullptr) {
  const std::optional<Layout> named = layout_from_name(options.document_name, options.layout);
  const bool markdown_by_name = named && *named == Layout::Markdown && options.layout == Layout::Auto;
  if (named && !markdown_by_name) return *named;
  const std::size_t window = kLayoutDetectionBytes;
  if (known && known_text != nullptr && text.substr(0, window) == known_text->range(0, window)) content = *known;
  else content = markdown_by_name ? markdown_or_lines(text) : layout_from_content(text);
  return *content;
}

// Versions tell each other apart by this (two of them can share one buffer).
std::uint64_t new_analysis_id() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

bool is_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// First invalid UTF-8 offset of `text`, knowing that of `old_text`. UTF-8 is
// self-synchronising: bytes before the first change decode as before, and once
// decoding is back on a code point boundary inside the unchanged suffix the
// rest decodes as it did in the old text.
std::optional<std::size_t> first_invalid_after_edit(const PreviousText& old_text,
                                                    std::optional<std::size_t> old_invalid,
                                                    std::string_view text, CommonEnds ends) {
  const std::size_t prefix = ends.prefix;
  const std::size_t suffix = ends.suffix;
  if (prefix == old_text.size() && prefix == text.size()) return old_invalid;
  if (old_invalid && *old_invalid + 4 <= prefix) return old_invalid;

  // A boundary at or before the first change, before which the old text was valid.
  std::size_t start = old_invalid ? std::min(prefix, *old_invalid) : prefix;
  while (start > 0 && start < old_text.size() && is_continuation(old_text.at(start)) &&
         !(old_invalid && start == *old_invalid))
    --start;

  const std::size_t suffix_start = text.size() - suffix;
  const std::size_t shift_back = old_text.size() - text.size();  // modular: old = new + shift_back
  std::size_t at = start;
  while (at < text.size()) {
    if (at >= suffix_start && !is_continuation(text[at])) {
      const std::size_t old_at = at + shift_back;
      if (!old_invalid) return std::nullopt;        // the old suffix was valid from this boundary
      if (*old_invalid >= old_at) return *old_invalid - shift_back;  // same sequence, moved
    }
    const DecodedCodePoint decoded = decode_utf8(text, at);
    if (!decoded.valid) return at;
    at += decoded.length;
  }
  return std::nullopt;
}

// Where each new line's script profile can come from. Lines inside the
// common byte prefix or suffix are unchanged by construction (same bytes,
// same line ends around them). For the lines in between, the edits say which
// old line stood there (applied one after the other, each in the coordinates
// the previous one left, as LSP content changes are); such a line is reused
// only if its bytes are equal, so that wrong edits cannot change the result.
struct LineRun {
  std::size_t new_line;
  std::size_t old_line;
  std::size_t count;
};

bool map_lines(const std::vector<LineEdit>& edits, std::size_t old_count, std::size_t new_count,
               std::vector<LineRun>& runs) {
  runs.assign(1, {0, 0, old_count});
  std::size_t current_count = old_count;
  for (const LineEdit& edit : edits) {
    const std::size_t first = edit.first_line;
    const std::size_t removed_end = first + edit.old_line_count;
    if (removed_end > current_count) return false;
    std::vector<LineRun> next;
    next.reserve(runs.size() + 1);
    for (const LineRun& run : runs) {
      const std::size_t run_end = run.new_line + run.count;
      if (run.new_line < first) next.push_back({run.new_line, run.old_line, std::min(run_end, first) - run.new_line});
      if (run_end > removed_end) {
        const std::size_t from = std::max(run.new_line, removed_end);
        next.push_back({from - edit.old_line_count + edit.new_line_count, run.old_line + (from - run.new_line),
                        run_end - from});
      }
    }
    runs = std::move(next);
    current_count = current_count - edit.old_line_count + edit.new_line_count;
  }
  return current_count == new_count;
}

// Also fills `previous_lines`: for each new line, the old line with the same
// bytes (kNoLine when it is new or changed).
std::vector<ScriptProfile> reused_profiles(const Analysis& previous, const PreviousText& previous_text,
                                           const LineIndex& index, const std::vector<LineEdit>& edits,
                                           CommonEnds ends, std::vector<std::uint32_t>& previous_lines) {
  const LineIndex& old_index = previous.index();
  const std::vector<TranscriptLine>& old_lines = previous.transcript().lines;
  const std::size_t count = index.line_count();
  const std::size_t old_count = old_index.line_count();
  const std::size_t size = index.text().size();
  std::vector<ScriptProfile> profiles(count);
  previous_lines.assign(count, kNoLine);
  if (old_lines.size() != old_count) {  // cannot happen: every analysis has one per line
    for (std::size_t line = 0; line < count; ++line) profiles[line] = detail::profile_line(index.line_text(line));
    return profiles;
  }

  // Prefix: a line whose content and line end lie before the first change.
  // (Positions come from the line starts alone, to avoid touching the text.)
  std::size_t first_open = 0;  // first line not settled by the prefix
  while (first_open + 1 < count && first_open < old_count && index.line_start(first_open + 1) <= ends.prefix) {
    profiles[first_open] = old_lines[first_open].script;
    previous_lines[first_open] = static_cast<std::uint32_t>(first_open);
    ++first_open;
  }
  // Suffix: a line whose preceding line end lies after the last change; it
  // has as many lines after it in both versions.
  std::size_t last_open = count;  // one past the last line not settled by the suffix
  while (last_open > first_open && count - last_open + 1 < old_count &&
         index.line_start(last_open - 1) >= size - ends.suffix + 1) {
    --last_open;
    const std::size_t old_line = old_count - (count - last_open);
    profiles[last_open] = old_lines[old_line].script;
    previous_lines[last_open] = static_cast<std::uint32_t>(old_line);
  }
  // Between: the edits' word, checked byte for byte.
  std::vector<LineRun> runs;
  if (!edits.empty() && map_lines(edits, old_count, count, runs)) {
    for (const LineRun& run : runs) {
      const std::size_t from = std::max(run.new_line, first_open);
      const std::size_t to = std::min(run.new_line + run.count, last_open);
      for (std::size_t line = from; line < to; ++line) {
        const std::size_t old_line = run.old_line + (line - run.new_line);
        if (old_line >= old_count ||
            previous_text.range(old_index.line_start(old_line), old_index.line_end(old_line)) != index.line_text(line))
          continue;
        profiles[line] = old_lines[old_line].script;
        previous_lines[line] = static_cast<std::uint32_t>(old_line);
      }
    }
  }
  for (std::size_t line = first_open; line < last_open; ++line)
    if (previous_lines[line] == kNoLine) profiles[line] = detail::profile_line(index.line_text(line));
  return profiles;
}

// The previous version's work a rerun reads, each part dropped here once its
// stage has used it: freed then when the rerun took it from the previous
// version (PreviousWork::Release), else still kept by that version.
struct Reusable {
  std::shared_ptr<const detail::LineReadings> readings;
  std::shared_ptr<const detail::SpeakerMemo> memo;  // what `speakers` recalls
  std::shared_ptr<const ContentState> content;
  std::span<const Finding> findings;  // the previous version's, where its content state's are listed
};

struct Outputs {
  Transcript& transcript;
  std::shared_ptr<const detail::LineReadings>& line_readings;
  std::shared_ptr<const detail::SpeakerMemo>& speaker_memo;
  std::vector<Finding>& findings;
  std::vector<double>& pair_scores;
  std::shared_ptr<const ContentState>& content_state;
};

// The last step of every analysis, the early list's too: the user's rule
// settings (producers emit at the rules' default severities), then the
// findings in the order of where they are.
bool settled_before(const Finding& a, const Finding& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; }

// A version keeps its findings while the user types, and the next copies
// those it reuses: their texts are kept at their size, not at the capacity
// that building them left (a quarter more).
void fit_texts(std::vector<Finding>& findings) {
  for (Finding& finding : findings) {
    finding.message.shrink_to_fit();
    for (RelatedLocation& related : finding.related) related.message.shrink_to_fit();
  }
}

void settle_findings(std::vector<Finding>& findings, const CheckOptions& options) {
  fit_texts(findings);
  apply_rules(findings, options);
  detail::stable_sort_runs(findings.begin(), findings.end(), settled_before);
}

// The same, telling where each finding went: `listed_at[i]` is the index of
// the i-th in the settled list, or kNotListed when the rules dropped it (the
// content state reads its findings back from there). The same order as
// above: a stable sort of the indices by the same key, applied in place.
void settle_findings(std::vector<Finding>& findings, const CheckOptions& options,
                     std::vector<std::uint32_t>& listed_at, std::span<const char> follow_on) {
  fit_texts(findings);
  listed_at.assign(findings.size(), kNotListed);
  std::vector<std::uint32_t> kept;  // settled index -> index before
  kept.reserve(findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (i < follow_on.size() && follow_on[i]) continue;
    if (!options.rules.empty() && !options.enabled(findings[i].code)) continue;
    if (kept.size() != i) findings[kept.size()] = std::move(findings[i]);
    kept.push_back(static_cast<std::uint32_t>(i));
  }
  findings.resize(kept.size());
  if (!options.rules.empty())
    for (Finding& finding : findings) finding.severity = options.severity(finding.code, finding.severity);
  std::vector<std::uint32_t> order(findings.size());  // settled position -> position after the rules
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<std::uint32_t>(k);
  detail::stable_sort_runs(order.begin(), order.end(),
                           [&](std::uint32_t a, std::uint32_t b) { return settled_before(findings[a], findings[b]); });
  for (std::size_t k = 0; k < order.size(); ++k) listed_at[kept[order[k]]] = static_cast<std::uint32_t>(k);
  // findings[k] = old findings[order[k]], one cycle of the permutation at a time.
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (order[k] == k) continue;
    Finding held = std::move(findings[k]);
    std::size_t at = k;
    while (order[at] != k) {
      const std::size_t from = order[at];
      findings[at] = std::move(findings[from]);
      order[at] = static_cast<std::uint32_t>(at);
      at = from;
    }
    findings[at] = std::move(held);
    order[at] = static_cast<std::uint32_t>(at);
  }
}

// The content findings that read a joined line (joined-lines) as one line of
// its pair: the length, tokens and boundaries of two lines taken for one are
// the same mistake, which the joined-lines finding already reports with its
// fix, so they are left out (never a second finding for one mistake).
std::vector<char> joined_follow_ons(const std::vector<Finding>& findings, std::size_t content_from,
                                    const Transcript& transcript, const LineIndex& index) {
  std::vector<char> follow_on;
  std::vector<std::int32_t> joined_pairs;
  for (std::size_t i = 0; i < content_from; ++i) {
    if (findings[i].code != "joined-lines") continue;
    const std::size_t line = index.line_of(findings[i].begin);
    if (line < transcript.lines.size() && transcript.lines[line].pair >= 0)
      joined_pairs.push_back(transcript.lines[line].pair);
  }
  if (joined_pairs.empty()) return follow_on;
  follow_on.assign(findings.size(), 0);
  for (std::size_t i = content_from; i < findings.size(); ++i)
    follow_on[i] = std::find(joined_pairs.begin(), joined_pairs.end(), findings[i].pair) != joined_pairs.end();
  return follow_on;
}

// At the rule's default severity, like every producer's.
void add_invalid_utf8(const LineIndex& index, std::optional<std::size_t> invalid_utf8, const Transcript& transcript,
                      std::vector<Finding>& findings) {
  if (!invalid_utf8) return;
  const std::size_t at = *invalid_utf8;
  const std::size_t line = index.line_of(at);
  Finding finding;
  finding.code = "invalid-utf8";
  finding.severity = default_severity("invalid-utf8");
  finding.begin = at;
  finding.end = at + std::max<std::size_t>(1, decode_utf8(index.text(), at).length);
  finding.message = "Invalid UTF-8 at byte " + std::to_string(at) + " (line " + std::to_string(line + 1) +
                    "): the file is not valid UTF-8; invalid bytes are read as U+FFFD";
  const Pair* pair = transcript.pair_of_line(static_cast<std::uint32_t>(line));
  finding.pair = pair ? static_cast<std::int32_t>(pair->index) : -1;
  findings.push_back(std::move(finding));
}

// The previous version lends its work for the lines `previous_lines` says are
// unchanged. An unchanged line whose speaker label came or went (a name's
// recurrence is the document's) reads differently: its content work is not
// reused. `previous_widths`: line_label_widths of the transcript before the
// edit (empty when it had no labels), taken before pairing, so that a rerun
// that consumes the previous version frees its transcript before building the
// new one; freed here.
std::vector<std::uint32_t> same_reading_lines(std::span<const std::uint32_t> previous_lines,
                                              std::vector<std::uint32_t> previous_widths,
                                              const Transcript& transcript) {
  std::vector<std::uint32_t> lines(previous_lines.begin(), previous_lines.end());
  const std::vector<std::uint32_t> widths = line_label_widths(transcript);
  if (previous_widths.empty() && widths.empty()) return lines;
  for (std::size_t line = 0; line < lines.size() && line < transcript.lines.size(); ++line) {
    const std::uint32_t old_line = lines[line];
    if (old_line == kNoLine || (!previous_widths.empty() && old_line >= previous_widths.size())) continue;
    const std::uint32_t old_label = previous_widths.empty() ? 0 : previous_widths[old_line];
    if ((widths.empty() ? 0 : widths[line]) != old_label) lines[line] = kNoLine;
  }
  return lines;
}

// Memory freed in a thread's malloc arena stays resident (and the server keeps
// it on purpose, lsp/heap.hpp): returned when a full run's stage leaves
// megabytes of it that the next stage would not reuse, so that it does not
// come on top of the next stage's peak.
void release_free_memory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

// From this many lines (~2 ms of work) a full run profiles them in two threads.
constexpr std::size_t kParallelProfilesFrom = 2048;

// Below this many pairs the inference runs before the content checks on the
// calling thread (a thread costs more than it saves).
constexpr std::size_t kOverlapFromPairs = 1024;

void analyse(const LineIndex& index, std::optional<std::size_t> invalid_utf8,
             std::vector<ScriptProfile> profiles, const CheckOptions& options,
             Reusable previous, std::span<const std::uint32_t> reused_lines, const Transcript* previous_transcript,
             const detail::SpeakerRecall& speakers, Outputs out, const EarlyFindingsListener* early = nullptr,
             bool keep_rerun_work = true, Transcript* taken_previous = nullptr) {
  // A previous version taken by a consuming rerun: of its transcript, only its
  // speaker model is read on (by the inference: kept apart for it, and freed
  // once read), and its labels' widths (same_reading_lines, taken here). The
  // rest is freed before pairing, not kept beside the new version's.
  std::vector<std::uint32_t> previous_label_widths =
      previous_transcript != nullptr ? line_label_widths(*previous_transcript) : std::vector<std::uint32_t>();
  detail::SpeakerRecall recall = speakers;
  SpeakerModel recalled_model;
  auto release_taken_previous = [&] {
    if (taken_previous == nullptr) return;
    recalled_model = std::move(taken_previous->speaker_model);
    recall.previous_model = &recalled_model;
    recall.given_model = &recalled_model;
    *taken_previous = Transcript{};
    taken_previous = nullptr;
  };
  release_taken_previous();
  detail::PairedLines paired = detail::pair_lines(index, options, profiles, previous.readings.get(), reused_lines);
  previous.readings.reset();
  std::vector<ScriptProfile>().swap(profiles);  // the lines keep theirs: not beside the content checks' peak
  const ContentState* previous_content = previous.content.get();
  out.transcript = std::move(paired.transcript);
  if (keep_rerun_work) out.line_readings = std::move(paired.readings);
  paired.readings.reset();
  const detail::LabelSources sources{index.text(), index, Layout::Lines};
  std::shared_ptr<detail::SpeakerMemo> memo = detail::read_speaker_labels(out.transcript, sources, &recall);
  const std::vector<std::uint32_t> previous_lines = same_reading_lines(reused_lines, std::move(previous_label_widths), out.transcript);

  // On a full run the speakers of an unlabelled document are inferred while
  // the content checks run: both only read the labelled transcript (the
  // checks read labels, never speakers), and the inferred model is set after
  // both. A rerun of a long document overlaps them too (below).
  std::optional<SpeakerModel> inferred;
  std::optional<ContentResult> content;
  const std::size_t pair_count = out.transcript.pairs.size();
  // Without rerun the memo is dropped in the inference's thread, before the
  // content checks' peak (its cues are ~a quarter of the document's size).
  auto infer = [&] {
    inferred = detail::infer_unlabelled_speakers(out.transcript, sources, &recall, *memo);
    recalled_model = SpeakerModel{};
    if (!keep_rerun_work) memo.reset();
  };
  // The structural checks read the labelled transcript's pairing, never the
  // inferred speakers: on the long path they run first, so that a listener
  // hears them before the content checks (a rerun runs them after, and must
  // give the same: test_rerun_reuse's long document).
  std::optional<std::vector<Finding>> structural;
  if (options.content_checks && previous_content == nullptr && pair_count >= kOverlapFromPairs) {
    const bool telling = early != nullptr && *early;
    // Without a listener (`bitext check`) nobody waits for them: they are made
    // beside, after the inference, instead of on the one thread before the
    // content checks (a document with join candidates fits its length model
    // there, ~3 % of a check).
    if (telling) structural = structural_checks(out.transcript, index, options);
    // Then, as the content checks pass cuts, with the content findings of the
    // pairs before each: in the order of the final list (the producers'
    // order, as there, before the same stable sort).
    auto tell = [&](std::size_t content_pairs, std::span<const Finding> content_findings) {
      EarlyFindings known{index, invalid_utf8, *structural, content_pairs};
      add_invalid_utf8(index, invalid_utf8, out.transcript, known.findings);
      known.findings.insert(known.findings.end(), content_findings.begin(), content_findings.end());
      settle_findings(known.findings, options);
      (*early)(known);
    };
    if (telling) tell(0, {});
    const ContentPrefixListener on_prefix = [&](const ContentPrefix& prefix) { tell(prefix.pairs, prefix.findings); };
    // Pairing's working memory, then the content checks' (their threads'
    // arenas, which a rerun does not use): not beside the inference's peak
    // and the results written after (the server's open: 59 -> 53 MB at 10 MB).
    release_free_memory();
    detail::run_beside(
        [&] {
          infer();
          if (!telling) structural = structural_checks(out.transcript, index, options);
          release_free_memory();  // the inference's, beside the content checks' peak
        },
        [&] {
          content = telling ? content_checks(out.transcript, index, on_prefix)
                            : content_checks(out.transcript, index, previous_content, previous_lines, previous.findings);
        });
    release_free_memory();
  } else if (options.content_checks && pair_count >= kOverlapFromPairs) {
    // A rerun of a long document: the inference and the structural checks
    // (serial, a third of the rerun's work) beside the content checks, whose
    // serial stretches (reading the pairs, the document fits, the selection)
    // would otherwise leave a core idle. Each frees the previous version's
    // work it used as soon as it is done with it.
    detail::run_beside(
        [&] {
          infer();
          previous.memo.reset();
          structural = structural_checks(out.transcript, index, options);
        },
        [&] {
          content = content_checks_releasing(out.transcript, index, std::move(previous.content), previous_lines,
                                             previous.findings);
        });
  } else {
    infer();
    previous.memo.reset();
    if (options.content_checks)
      content = content_checks_releasing(out.transcript, index, std::move(previous.content), previous_lines,
                                         previous.findings);
    previous.content.reset();
  }
  if (inferred) detail::set_speaker_model(out.transcript, std::move(*inferred));
  if (keep_rerun_work) out.speaker_memo = std::move(memo);

  out.findings = structural ? std::move(*structural) : structural_checks(out.transcript, index, options);
  for (Finding& finding : speaker_checks(out.transcript, index.text())) out.findings.push_back(std::move(finding));
  add_invalid_utf8(index, invalid_utf8, out.transcript, out.findings);

  const std::size_t content_from = out.findings.size();
  std::shared_ptr<ContentState> content_state;
  if (content) {
    out.findings.insert(out.findings.end(), std::make_move_iterator(content->findings.begin()),
                        std::make_move_iterator(content->findings.end()));
    out.pair_scores = std::move(content->pair_scores);
    out.pair_scores.resize(pair_count, 1.0);
    if (keep_rerun_work) content_state = std::move(content->state);
    content.reset();
  } else {
    // Structure alone: a pair with a missing side is surely not aligned.
    out.pair_scores.resize(pair_count);
    for (std::size_t i = 0; i < pair_count; ++i) {
      const Pair& pair = out.transcript.pairs[i];
      out.pair_scores[i] = pair.translation.empty() || pair.original.empty() ? 0.0 : 1.0;
    }
  }
  const std::vector<char> follow_on = joined_follow_ons(out.findings, content_from, out.transcript, index);
  if (!content_state) {
    if (!follow_on.empty()) {
      std::size_t at = 0;
      std::erase_if(out.findings, [&](const Finding&) { return follow_on[at++] != 0; });
    }
    settle_findings(out.findings, options);
    return;
  }
  // The content state keeps no copy of its findings: it reads them back from this list.
  std::vector<std::uint32_t> listed_at;
  settle_findings(out.findings, options, listed_at, follow_on);
  list_content_findings(*content_state, std::span<const std::uint32_t>(listed_at).subspan(content_from));
  out.content_state = std::move(content_state);
}

}  // namespace

Analysis::Analysis(std::shared_ptr<const std::string> text)
    : text_(text ? std::move(text) : std::make_shared<const std::string>()), index_(*text_), id_(new_analysis_id()) {}

Analysis::Analysis(std::shared_ptr<const std::string> text, const Analysis& previous, const CommonEnds& ends)
    : text_(std::move(text)), index_(*text_, previous.index_, ends), id_(new_analysis_id()), previous_id_(previous.id_),
      previous_ends_(ends) {}

std::optional<Analysis::Reading> Analysis::try_read() const {
  std::int32_t readers = readers_.load(std::memory_order_relaxed);
  do {
    if (readers < 0) return std::nullopt;
  } while (!readers_.compare_exchange_weak(readers, readers + 1, std::memory_order_acquire, std::memory_order_relaxed));
  return Reading(this);
}

bool Analysis::take(Reading& reading) const {
  std::int32_t only = 1;
  if (reading.analysis_ != this ||
      !readers_.compare_exchange_strong(only, -1, std::memory_order_acquire, std::memory_order_relaxed))
    return false;
  reading.analysis_ = nullptr;
  return true;
}

CommonEnds Analysis::common_ends_with(const Analysis& old) const {
  if (rerun_from(old)) return previous_ends_;
  if (&old == this) return CommonEnds{text().size(), 0, text().size(), text().size()};
  // The same buffer under another version: written over since (its index
  // still knows the size it had).
  if (old.text_ == text_) return CommonEnds{0, 0, old.index_.text().size(), text().size()};
  return common_ends(old.text(), text());
}

std::shared_ptr<const Analysis> Analysis::run(std::string text, const CheckOptions& options) {
  return analyse_text(std::make_shared<const std::string>(std::move(text)), options);
}

std::shared_ptr<const Analysis> Analysis::run(std::shared_ptr<const std::string> text, const CheckOptions& options) {
  return analyse_text(std::move(text), options);
}

std::shared_ptr<const Analysis> Analysis::run(std::shared_ptr<const std::string> text, const CheckOptions& options,
                                             const EarlyFindingsListener& early) {
  return analyse_text(std::move(text), options, &early);
}

std::shared_ptr<const Analysis> Analysis::run_once(std::string text, const CheckOptions& options) {
  std::shared_ptr<Analysis> analysis =
      analyse_text(std::make_shared<const std::string>(std::move(text)), options, nullptr, false);
  analysis->layout_memo_.reset();
  return analysis;
}

std::shared_ptr<Analysis> Analysis::analyse_text(std::shared_ptr<const std::string> text, const CheckOptions& options,
                                                 const EarlyFindingsListener* early, bool keep_rerun_work) {
  std::shared_ptr<Analysis> analysis(new Analysis(std::move(text)));
  const LineIndex& index = analysis->index_;
  if (const Layout layout = layout_of(analysis->text(), options, analysis->content_layout_);
      layout != Layout::Lines) {
    analysis->first_invalid_utf8_ = first_invalid_utf8(analysis->text());
    analysis->analyse_layout(layout, options, nullptr, nullptr);
    return analysis;
  }
  // Every line's script profile, and where the text stops being UTF-8: on a
  // long document the second half's profiles in a thread of their own.
  std::vector<ScriptProfile> profiles(index.line_count());
  const std::size_t count = profiles.size();
  auto profile = [&](std::size_t from, std::size_t to) {
    for (std::size_t line = from; line < to; ++line) profiles[line] = detail::profile_line(index.line_text(line));
  };
  if (count >= kParallelProfilesFrom) {
    detail::run_beside([&] { profile(count / 2, count); },
               [&] {
                 analysis->first_invalid_utf8_ = first_invalid_utf8(analysis->text());
                 profile(0, count / 2);
               });
  } else {
    analysis->first_invalid_utf8_ = first_invalid_utf8(analysis->text());
    profile(0, count);
  }
  analyse(index, analysis->first_invalid_utf8_, std::move(profiles), options, {}, {}, nullptr, {},
          {analysis->transcript_, analysis->line_readings_, analysis->speaker_memo_, analysis->findings_,
           analysis->pair_scores_, analysis->content_state_},
          early, keep_rerun_work);
  return analysis;
}

void Analysis::analyse_layout(Layout layout, const CheckOptions& options, const Analysis* previous,
                              const PreviousText* previous_text) {
  const bool same_layout = previous && previous_text && previous->layout_memo_ && previous->transcript_.layout == layout;
  detail::LayoutAnalysis result =
      detail::analyse_layout(index_, read_layout(text(), layout), options, same_layout ? previous->layout_memo_.get() : nullptr,
                             same_layout ? previous_text : nullptr);
  transcript_ = std::move(result.transcript);
  findings_ = std::move(result.findings);
  pair_scores_ = std::move(result.pair_scores);
  layout_memo_ = std::move(result.memo);
  add_invalid_utf8(index_, first_invalid_utf8_, transcript_, findings_);
  settle_findings(findings_, options);
}

std::shared_ptr<const Analysis> Analysis::rerun(const Analysis& previous, std::string text,
                                                const std::vector<LineEdit>& edits,
                                                const CheckOptions& options) {
  return rerun(previous, std::make_shared<const std::string>(std::move(text)), edits, options);
}

std::shared_ptr<const Analysis> Analysis::rerun(const Analysis& previous, std::shared_ptr<const std::string> text,
                                                const std::vector<LineEdit>& edits,
                                                const CheckOptions& options) {
  return rerun(previous, std::move(text), edits, options, PreviousWork::Keep);
}

std::shared_ptr<const Analysis> Analysis::rerun(const Analysis& previous, std::shared_ptr<const std::string> text,
                                                const std::vector<LineEdit>& edits, const CheckOptions& options,
                                                PreviousWork previous_work) {
  return rerun(previous, std::move(text), edits, options, previous_work, CommonEnds{});
}

std::shared_ptr<const Analysis> Analysis::rerun(const Analysis& previous, std::shared_ptr<const std::string> text,
                                                const std::vector<LineEdit>& edits, const CheckOptions& options,
                                                PreviousWork previous_work, const CommonEnds& known_ends) {
  if (!text) text = std::make_shared<const std::string>();
  const PreviousText previous_text(previous.text());
  return rerun_from_text(previous, previous_text, std::move(text), edits, options, previous_work, known_ends);
}

std::shared_ptr<const Analysis> Analysis::rerun(const Analysis& previous, std::shared_ptr<const std::string> text,
                                                const std::vector<LineEdit>& edits, const CheckOptions& options,
                                                PreviousWork previous_work, const WrittenOver& written_over) {
  if (!text) text = std::make_shared<const std::string>();
  const PreviousText previous_text(*text, written_over);
  return rerun_from_text(previous, previous_text, std::move(text), edits, options, previous_work, CommonEnds{});
}

std::shared_ptr<const Analysis> Analysis::rerun_from_text(const Analysis& previous, const PreviousText& previous_text,
                                                          std::shared_ptr<const std::string> text,
                                                          const std::vector<LineEdit>& edits,
                                                          const CheckOptions& options, PreviousWork previous_work,
                                                          const CommonEnds& known_ends) {
  // The rerun reads `previous` as one of its readers (taken by another, its
  // transcript is gone), and takes it below when it may consume it.
  std::optional<Reading> reading = previous.try_read();
  if (!reading) return run(std::move(text), options);
  // Other layouts are read again as a whole (their units span lines, and the
  // per-line work below does not carry over); the content checks reuse the
  // previous version's work for the text units that are unchanged.
  std::optional<Layout> content_layout;
  if (const Layout layout = layout_of(*text, options, content_layout, previous.content_layout_, &previous_text);
      layout != Layout::Lines) {
    std::shared_ptr<Analysis> analysis(new Analysis(std::move(text)));
    analysis->content_layout_ = content_layout;
    analysis->first_invalid_utf8_ = first_invalid_utf8(analysis->text());
    analysis->analyse_layout(layout, options, &previous, &previous_text);
    return analysis;
  }
  if (previous.transcript_.layout != Layout::Lines) return run(std::move(text), options);
  const CommonEnds ends = previous_text.common_ends_with(*text, known_ends);
  std::shared_ptr<Analysis> analysis(new Analysis(std::move(text), previous, ends));
  analysis->content_layout_ = content_layout;
  analysis->first_invalid_utf8_ =
      first_invalid_after_edit(previous_text, previous.first_invalid_utf8_, analysis->text(), ends);
  std::vector<std::uint32_t> previous_lines;
  std::vector<ScriptProfile> profiles =
      reused_profiles(previous, previous_text, analysis->index_, edits, ends, previous_lines);
  Reusable reusable{previous.line_readings_, previous.speaker_memo_, previous.content_state_, previous.findings_};
  // (Consume: when this rerun is its only reader, else as Release.)
  const bool took = previous_work == PreviousWork::Consume && previous.take(*reading);
  if (previous_work != PreviousWork::Keep) {
    previous.line_readings_.reset();
    previous.speaker_memo_.reset();
    previous.content_state_.reset();
  }
  const detail::SpeakerRecall speakers{reusable.memo.get(), ends, &previous_text, &previous.transcript_.speaker_model};
  analyse(analysis->index_, analysis->first_invalid_utf8_, std::move(profiles), options, std::move(reusable), previous_lines,
          &previous.transcript_, speakers,
          {analysis->transcript_, analysis->line_readings_, analysis->speaker_memo_, analysis->findings_,
           analysis->pair_scores_, analysis->content_state_},
          nullptr, true, took ? &previous.transcript_ : nullptr);
  return analysis;
}

}  // namespace bitext
