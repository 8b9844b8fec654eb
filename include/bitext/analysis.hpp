// One complete analysis of one version of a document: its text, line index,
// transcript and findings. Immutable once built, shared between threads.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bitext/finding.hpp"
#include "bitext/options.hpp"
#include "bitext/previous_text.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"

namespace bitext {

struct ContentState;  // content.hpp
namespace detail {
struct LineReadings;  // pairing's memory of the lines, src/core/pairing_detail.hpp
struct LayoutMemo;    // a layout document's reusable work, src/core/layout_analysis.hpp
struct SpeakerMemo;   // the speaker model's reusable work, src/core/speaker_memo.hpp
}

// Lines [first_line, first_line + old_line_count) of the previous text became
// `new_line_count` lines. Lets the analyser reuse work for untouched lines.
struct LineEdit {
  std::uint32_t first_line = 0;
  std::uint32_t old_line_count = 0;
  std::uint32_t new_line_count = 0;
};

// What a full analysis of a large document knows before it ends: the findings
// of the document's structure (structural_checks, and invalid-utf8), and the
// content findings of its first `content_pairs` pairs (ContentPrefix), after
// the rules, sorted. They are exactly the final findings from those producers
// (content: those naming a pair before `content_pairs`), in the final order;
// the speaker findings, and the other pairs' content findings, come with the
// finished analysis only. `index` views the analysed text and lives only
// during the call.
struct EarlyFindings {
  const LineIndex& index;
  std::optional<std::size_t> invalid_utf8_at;
  std::vector<Finding> findings;
  std::size_t content_pairs = 0;
};
// Called on the analysing thread before the content checks start (no content
// pairs), then as they pass cuts in the document, each time with more content
// pairs, each list holding the previous one; only when they run beside the
// speaker inference (a full run of a large line-by-line document with content
// checks on).
using EarlyFindingsListener = std::function<void(const EarlyFindings&)>;

class Analysis {
 public:
  // Full analysis. Never throws on any input bytes (invalid UTF-8 is reported
  // as a finding with code "invalid-utf8" and analysed as U+FFFD).
  static std::shared_ptr<const Analysis> run(std::string text, const CheckOptions& options);
  // The same on a text the caller shares (the server's document store keeps
  // the very buffer it analyses: one copy of a large document, not two).
  static std::shared_ptr<const Analysis> run(std::shared_ptr<const std::string> text, const CheckOptions& options);
  // The same, telling `early` the structural findings as soon as they are
  // known, then with the content findings of the first pairs (EarlyFindings).
  static std::shared_ptr<const Analysis> run(std::shared_ptr<const std::string> text, const CheckOptions& options,
                                             const EarlyFindingsListener& early);
  // The same analysis for a caller that will not rerun it (bitext check):
  // without the work kept for rerun, a fifth of the memory of a large document.
  static std::shared_ptr<const Analysis> run_once(std::string text, const CheckOptions& options);
  // Re-analysis after edits to `previous`'s text, reusing unchanged work.
  // Gives exactly the same result as run(text, options).
  static std::shared_ptr<const Analysis> rerun(const Analysis& previous, std::string text,
                                               const std::vector<LineEdit>& edits,
                                               const CheckOptions& options);
  static std::shared_ptr<const Analysis> rerun(const Analysis& previous, std::shared_ptr<const std::string> text,
                                               const std::vector<LineEdit>& edits,
                                               const CheckOptions& options);
  // What a rerun does with `previous`'s work kept for rerun (never its text,
  // transcript or findings, which stay readable by other threads meanwhile).
  enum class PreviousWork {
    Keep,     // `previous` can be rerun from again, with the same reuse (tests, benchmarks)
    Release,  // each part is freed once the rerun has used it: the caller reruns from `previous`
              // only once (a later rerun from it is still exact, but reuses nothing)
    Consume,  // as Release, and `previous`'s transcript too, once read, when no Reading holds
              // `previous` (try_read): the rerun takes it, and it is read no more (below)
  };
  static std::shared_ptr<const Analysis> rerun(const Analysis& previous, std::shared_ptr<const std::string> text,
                                               const std::vector<LineEdit>& edits, const CheckOptions& options,
                                               PreviousWork previous_work);
  // The same, told bytes `previous`'s text and `text` are known to share at
  // their start and end (the caller made `text` by editing that buffer:
  // TextDocument's unchanged ends), which the rerun then does not compare
  // again. A promise: wrong ends give a wrong analysis.
  static std::shared_ptr<const Analysis> rerun(const Analysis& previous, std::shared_ptr<const std::string> text,
                                               const std::vector<LineEdit>& edits, const CheckOptions& options,
                                               PreviousWork previous_work, const CommonEnds& known_ends);
  // The same when the edits were written into `previous`'s own buffer (`text`
  // is that buffer): `previous`'s text is `text` with `written_over` put back,
  // and nothing of the rerun reads `previous.text()`.
  static std::shared_ptr<const Analysis> rerun(const Analysis& previous, std::shared_ptr<const std::string> text,
                                               const std::vector<LineEdit>& edits, const CheckOptions& options,
                                               PreviousWork previous_work, const WrittenOver& written_over);

  // A version that a rerun may take (PreviousWork::Consume) is read beside
  // that rerun only under a Reading: while one is held, the rerun does not
  // take it; once it is taken, try_read gives none, and its transcript is
  // gone (empty). Its text, index, findings and ids stay. A rerun from a
  // version taken so is a full run.
  class Reading {
   public:
    Reading(Reading&& other) noexcept : analysis_(std::exchange(other.analysis_, nullptr)) {}
    Reading(const Reading&) = delete;
    Reading& operator=(const Reading&) = delete;
    Reading& operator=(Reading&&) = delete;
    ~Reading() {
      if (analysis_ != nullptr) analysis_->readers_.fetch_sub(1, std::memory_order_release);
    }

   private:
    friend class Analysis;
    explicit Reading(const Analysis* analysis) : analysis_(analysis) {}
    const Analysis* analysis_;
  };
  std::optional<Reading> try_read() const;
  bool taken() const { return readers_.load(std::memory_order_acquire) < 0; }

  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  const std::string& text() const { return *text_; }
  // The analysed text's buffer, shared with whoever passed it in.
  const std::shared_ptr<const std::string>& text_ptr() const { return text_; }
  const LineIndex& index() const { return index_; }
  const Transcript& transcript() const { return transcript_; }
  const std::vector<Finding>& findings() const { return findings_; }  // sorted by begin
  // Alignment score per pair, 0 (surely misaligned) .. 1 (surely right).
  const std::vector<double>& pair_scores() const { return pair_scores_; }
  // Byte offset of the text's first invalid UTF-8 sequence, if any: before it,
  // positions can be counted without decoding.
  std::optional<std::size_t> invalid_utf8_at() const { return first_invalid_utf8_; }
  // The bytes this version shares with `old` at its start and end: the rerun's
  // comparison when this version was rerun from `old`, else compared now;
  // nothing when `old` is another version of the same buffer (its text was
  // written over: Analysis::rerun with WrittenOver).
  CommonEnds common_ends_with(const Analysis& old) const;
  // Whether this version was rerun from `old` itself.
  bool rerun_from(const Analysis& old) const { return previous_id_ != 0 && previous_id_ == old.id_; }
  // The chain of reruns, for a caller that follows it past versions it no
  // longer holds: this version's id (unique), the id of the one it was rerun
  // from (0: none), and the bytes their texts share.
  std::uint64_t id() const { return id_; }
  std::uint64_t previous_id() const { return previous_id_; }
  const CommonEnds& previous_ends() const { return previous_ends_; }

 private:
  explicit Analysis(std::shared_ptr<const std::string> text);
  // A version of `previous`'s text that shares `ends` with it (its lines indexed from previous's).
  Analysis(std::shared_ptr<const std::string> text, const Analysis& previous, const CommonEnds& ends);
  // `keep_rerun_work` false (run_once): each part of the work kept for rerun
  // is dropped as soon as its stage has used it, not kept to the end.
  static std::shared_ptr<Analysis> analyse_text(std::shared_ptr<const std::string> text, const CheckOptions& options,
                                                const EarlyFindingsListener* early = nullptr,
                                                bool keep_rerun_work = true);
  std::shared_ptr<const std::string> text_;  // never null; immutable, so it may be shared
  LineIndex index_;  // views *text_
  // Mutable for the consuming rerun that takes this version (freed then: it
  // holds the only way to it, readers_ below).
  mutable Transcript transcript_;
  std::vector<Finding> findings_;
  std::vector<double> pair_scores_;
  std::optional<std::size_t> first_invalid_utf8_;      // so that rerun scans only the edited bytes
  std::uint64_t id_;                                   // unique per version
  std::uint64_t previous_id_ = 0;                      // the version this one was rerun from, if any,
  CommonEnds previous_ends_;                           // ... and the bytes their texts share
  mutable std::atomic<std::int32_t> readers_{0};  // Readings held; -1 once a consuming rerun took it
  // Takes this version for a consuming rerun that holds `reading`, when no
  // other Reading is held (then `reading` is spent).
  bool take(Reading& reading) const;
  std::optional<Layout> content_layout_;  // layout_from_content's, when the options left the layout to it
  // Read by rerun only, and taken by a rerun that releases them (hence mutable:
  // the caller of such a rerun promises no other rerun reads them meanwhile).
  mutable std::shared_ptr<const ContentState> content_state_;  // content_checks' reusable work
  mutable std::shared_ptr<const detail::LineReadings> line_readings_;  // pairing's reusable work
  mutable std::shared_ptr<const detail::SpeakerMemo> speaker_memo_;    // the speaker model's
  std::shared_ptr<const detail::LayoutMemo> layout_memo_;      // ... of a layout document (not Lines)
  // Fills a layout document's analysis (its text and first invalid byte set),
  // reusing `previous`'s work when it was the same layout.
  void analyse_layout(Layout layout, const CheckOptions& options, const Analysis* previous,
                      const PreviousText* previous_text);
  static std::shared_ptr<const Analysis> rerun_from_text(const Analysis& previous, const PreviousText& previous_text,
                                                         std::shared_ptr<const std::string> text,
                                                         const std::vector<LineEdit>& edits,
                                                         const CheckOptions& options, PreviousWork previous_work,
                                                         const CommonEnds& known_ends);
};

}  // namespace bitext
