// Measured evaluation of the checks: take clean transcripts, inject one error
// of a known kind at a known place, run the analysis, and score whether a
// finding of the right code points at that place, whether its preferred fix
// restores the clean text byte for byte, and how many warnings are false
// alarms. Deterministic for a seed: the random numbers come from std::mt19937
// with distributions written here (std distributions differ between libraries).
#pragma once

#include <array>
#include <map>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/options.hpp"

namespace bitext {

enum class ErrorKind : std::uint8_t {
  DeletedLine,           // one line of a pair removed
  DuplicatedLine,        // one line repeated right after itself
  SplitLine,             // one line broken in two at a sentence boundary
  SwappedOrder,          // the two lines of a pair in the wrong order
  Untranslated,          // the translation line replaced by the original
  TruncatedTranslation,  // the translation lost its end (cut at a clause boundary)
  ChangedNumber,         // one digit of a number changed on one side
  Drift,                 // a sentence moved into the neighbouring pair's line, either side, either way
  ShiftedBlock,          // 2-5 consecutive pairs paired with their neighbours' lines (rotation by one)
  JoinedLines,           // two lines of different languages joined into one (a pair's, or across two pairs)
  MergedLines,           // one side of two consecutive pairs on one line (the second pair's line of that side gone)
};
inline constexpr std::size_t kErrorKindCount = 11;

std::string_view error_kind_name(ErrorKind kind);  // "deleted-line", "drift", ...
std::optional<ErrorKind> parse_error_kind(std::string_view name);
std::span<const ErrorKind> all_error_kinds();
bool is_structural(ErrorKind kind);  // found from the shape of the pairing alone
// Kinds whose fix is expected to restore the clean text exactly (the issue's
// drift, swap, split, duplicate and shifted blocks).
bool fix_restores(ErrorKind kind);
// Finding codes that count as detecting an error of this kind.
std::span<const std::string_view> accepted_codes(ErrorKind kind);

// A clean transcript as lines: header, pairs, footer. Rendered with "\n".
struct CleanPair {
  std::string translation;
  std::string original;
};
struct CleanDocument {
  std::string name;
  std::vector<std::string> front;
  std::vector<CleanPair> pairs;
  std::vector<std::string> back;
  bool translation_first = true;
  bool final_newline = false;  // the text ends with a line end
};
std::string render(const CleanDocument& document);

// The clean document of an analysed text: header, pairs and footer as the
// analysis found them. Returns nullopt when the text is not exactly that (a
// pair without one line per side, blank lines, "\r\n" line ends), so that
// render() gives back the analysed text byte for byte.
std::optional<CleanDocument> clean_document_of(const Analysis& analysis, std::string name);

// Clean documents from a `zh<TAB>en<TAB>source` file: consecutive pairs of one
// source, `pairs_per_document` at a time; with `across_sources`, consecutive
// pairs whatever their source (the layout of the project's external held-out
// set: 100 real pairs a document, so no page of 2-3 pairs weighs like a long
// one). Pairs whose translation has no Chinese character (untranslated
// paragraphs) are skipped: in a transcript they would be real "untranslated"
// findings, not clean pairs.
struct TsvCorpus {
  std::vector<CleanDocument> documents;
  std::size_t skipped_latin = 0;   // pairs left out because the translation has no Chinese character
  std::size_t skipped_malformed = 0;  // lines without two tab-separated fields
};
TsvCorpus documents_from_tsv(std::string_view tsv, std::size_t pairs_per_document, bool across_sources = false);

// Deterministic random numbers: std::mt19937 with our own bounded draw.
class EvalRandom {
 public:
  explicit EvalRandom(std::uint32_t seed) : engine_(seed) {}
  std::size_t below(std::size_t bound);  // uniform in [0, bound); bound > 0
  bool chance(std::uint32_t numerator, std::uint32_t denominator) { return below(denominator) < numerator; }

 private:
  std::mt19937 engine_;
};

struct Injection {
  ErrorKind kind = ErrorKind::DeletedLine;
  std::string text;             // the document with the error
  std::size_t first_line = 0;   // 0-based lines of `text` that carry the error
  std::size_t last_line = 0;    // inclusive
  std::size_t pair = 0;         // first clean pair concerned
  std::string description;      // "drift: last sentence of the original of pair 12 moved into pair 13"
  // Split or drift: the cut separates a number label ("3.1.6.", "图 16.139.",
  // "Next13.8.") from the heading or caption it numbers, which the simple
  // sentence rule takes for a sentence. Counted apart (KindScore::label_*).
  bool label_cut = false;
};

// Sentences of a line for injection: a simple punctuation rule, deliberately
// not the detector's ICU segmentation. Each part keeps its end punctuation; for
// spaced scripts the single space between parts is not part of either.
struct SentencePart {
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::vector<SentencePart> injection_sentences(std::string_view line);
// A sentence part that is only a number label: at most one run of letters, then
// a number ending in a full stop ("3.1.6.", "图 16.139.", "Next13.8.").
bool is_number_label(std::string_view part);

// One error of `kind` at a random eligible place, or nullopt when the document
// has no place for it (no number to change, no line with two sentences, ...).
std::optional<Injection> inject(const CleanDocument& document, ErrorKind kind, EvalRandom& random);

// ---- scoring ----

struct KindScore {
  std::size_t injected = 0;
  std::size_t detected = 0;      // a finding of an accepted code at the place (error, warning or info)
  std::size_t warned = 0;        // ... with severity error or warning
  std::size_t restorable = 0;    // detected and fix_restores(kind)
  std::size_t restored = 0;      // ... whose preferred fix gives the clean text exactly
  std::size_t restored_any = 0;  // ... where one of the detecting finding's fixes does (the user may pick it)
  std::size_t label_injected = 0;  // injections with Injection::label_cut
  std::size_t label_detected = 0;
  double recall() const { return injected ? double(detected) / double(injected) : 1.0; }
  double restored_share() const { return restorable ? double(restored) / double(restorable) : 1.0; }
};

struct DocumentBaseline {
  std::string name;
  std::size_t pairs = 0;
  std::size_t warnings = 0;     // errors and warnings on the clean text
  std::size_t informations = 0; // information-level findings on the clean text
  std::vector<Finding> findings;
  bool reference = false;       // has real errors: excluded from the clean warning rate
  std::array<KindScore, kErrorKindCount> kinds{};  // this document's share of the scores
  std::size_t new_warnings = 0;   // this document's share of EvaluationReport::new_warnings
  std::size_t true_warnings = 0;  // ... and of true_warnings
};

// The scores of the documents of at least `min_pairs` pairs only (each
// document gets as many injections per kind whatever its size, so small
// documents weigh like large ones in the pooled scores).
struct DocumentSubset {
  std::size_t min_pairs = 0;
  std::size_t documents = 0;
  std::size_t pairs = 0;
  std::array<KindScore, kErrorKindCount> kinds{};
  std::size_t new_warnings = 0;
  std::size_t true_warnings = 0;
  double precision() const { return new_warnings ? double(true_warnings) / double(new_warnings) : 1.0; }
  double restored_share() const;  // pooled over drift, swap, split and duplicate
};

struct EvaluationReport {
  std::array<KindScore, kErrorKindCount> kinds{};
  std::size_t new_warnings = 0;       // warnings of injected runs absent from the clean run
  std::size_t true_warnings = 0;      // ... that point at the injected error
  std::size_t new_informations = 0;   // information findings absent from the clean run
  std::vector<DocumentBaseline> baselines;
  std::vector<std::string> misses;    // descriptions of undetected injections (for tuning)
  // Per kind, why injections were missed (miss_class()): count per class.
  std::array<std::map<std::string, std::size_t>, kErrorKindCount> miss_classes{};
  std::vector<std::string> miss_texts;  // the injected text of each miss (when keep_miss_texts)
  // Per kind, why the preferred fix of a detected injection does not restore
  // the clean text ("joiner only", "another fix of the finding restores", ...):
  // count per class; and each such injection described, with the first line
  // the preferred fix gets wrong.
  std::array<std::map<std::string, std::size_t>, kErrorKindCount> unrestored_classes{};
  std::vector<std::string> unrestored;
  std::vector<std::string> unrestored_texts;  // the injected text of each (when keep_miss_texts)
  std::vector<std::string> false_alarms;  // messages of warnings away from the injection

  double precision() const { return new_warnings ? double(true_warnings) / double(new_warnings) : 1.0; }
  std::size_t clean_pairs() const;     // pairs of non-reference documents
  std::size_t clean_warnings() const;  // their warnings on the clean text
  double clean_warnings_per_100_pairs() const;
  // Pooled over the structural or the content kinds of the nine
  // (joined-lines is gated on its own), and the lowest per-kind recall among them.
  double recall(bool structural) const;
  double min_recall(bool structural) const;
  double restored_share() const;               // pooled over fix_restores kinds
  DocumentSubset documents_of_at_least(std::size_t min_pairs) const;
};

struct EvaluationSettings {
  std::uint32_t seed = 1;
  std::size_t trials = 20;  // injections per kind and document
  std::vector<ErrorKind> kinds;  // empty: all
  CheckOptions options;
  bool keep_miss_texts = false;  // fill EvaluationReport::miss_texts and unrestored_texts
};

struct EvaluationDocument {
  CleanDocument document;
  bool reference = false;  // has real errors (the sample): clean-run findings are its baseline
};

EvaluationReport evaluate(std::span<const EvaluationDocument> documents, const EvaluationSettings& settings);

}  // namespace bitext
