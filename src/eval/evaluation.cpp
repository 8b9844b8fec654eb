// `bitext eval`: error kinds, clean documents from transcripts and TSV, and
// scoring the analysis on injected errors (the injections: error_injection.cpp).
#include "eval/evaluation.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <utility>

#include "bitext/finding.hpp"
#include "bitext/text.hpp"
#include "core/chars.hpp"

namespace bitext {
namespace {

constexpr std::array<ErrorKind, kErrorKindCount> kAllKinds = {
    ErrorKind::DeletedLine,  ErrorKind::DuplicatedLine,       ErrorKind::SplitLine,
    ErrorKind::SwappedOrder, ErrorKind::Untranslated,         ErrorKind::TruncatedTranslation,
    ErrorKind::ChangedNumber, ErrorKind::Drift,               ErrorKind::ShiftedBlock,
    ErrorKind::JoinedLines,  ErrorKind::MergedLines,
};

constexpr std::string_view kDeletedCodes[] = {"missing-translation", "missing-original"};
constexpr std::string_view kDuplicatedCodes[] = {"duplicate-line"};
constexpr std::string_view kSplitCodes[] = {"split-line"};
constexpr std::string_view kSwappedCodes[] = {"swapped-order"};
constexpr std::string_view kUntranslatedCodes[] = {"untranslated"};
constexpr std::string_view kTruncatedCodes[] = {"length-outlier"};
constexpr std::string_view kNumberCodes[] = {"number-mismatch"};
constexpr std::string_view kDriftCodes[] = {"boundary-drift"};
constexpr std::string_view kShiftedCodes[] = {"shifted-block"};
constexpr std::string_view kJoinedCodes[] = {"joined-lines"};
// A line holding two segments' translations (or originals) reads, from its
// partner lines' side, as one segment whose other side is on two lines.
constexpr std::string_view kMergedCodes[] = {"split-line"};

// Findings this many lines before or after the injected lines still point at it
// (one pair each way).
constexpr std::size_t kLineTolerance = 2;

// Key of a finding that survives an injection elsewhere: its code and the
// text of the line it starts on.
std::string finding_key(const Finding& finding, const LineIndex& index) {
  return finding.code + '\x1f' + std::string(index.line_text(index.line_of(finding.begin)));
}

bool is_warning(const Finding& finding) { return finding.severity <= Severity::Warning; }
bool is_reported(const Finding& finding) { return finding.severity <= Severity::Information; }

// Why an injection was missed, from what the analysis did report: the right
// code below the severity that counts, the right code on another pair, another
// code at the place (which one), a hint of another code, or nothing at all.
std::string miss_class(std::span<const Finding> findings, std::span<const std::string_view> codes,
                       const std::function<bool(const Finding&)>& near) {
  auto accepted = [&](const Finding& finding) {
    return std::find(codes.begin(), codes.end(), finding.code) != codes.end();
  };
  const Finding* other = nullptr;
  const Finding* other_hint = nullptr;
  bool hint = false, elsewhere = false;
  for (const Finding& finding : findings) {
    if (accepted(finding)) {
      if (near(finding)) hint = true;  // not reported, or it would have been detected
      else if (is_reported(finding)) elsewhere = true;
    } else if (near(finding)) {
      const Finding*& slot = is_reported(finding) ? other : other_hint;
      if (!slot || finding.severity < slot->severity) slot = &finding;
    }
  }
  if (hint) return "right code, hint";
  if (elsewhere) return "right code, another pair";
  if (other) return "other code: " + other->code + " (" + std::string(severity_name(other->severity)) + ")";
  if (other_hint) return "other code as hint: " + other_hint->code;
  return "no finding";
}

// Text without white space: two texts equal under it differ only in joiners
// (a space between scripts or none, a line end or a space).
std::string without_spaces(std::string_view text) {
  std::string out;
  for (const char c : text)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
  return out;
}

// The first line where `got` and `want` differ, both shown: what a fix that
// does not restore the clean text got wrong.
std::string first_difference(std::string_view got, std::string_view want) {
  std::size_t line = 0, at = 0;
  while (at < got.size() && at < want.size() && got[at] == want[at]) {
    if (got[at] == '\n') ++line;
    ++at;
  }
  auto line_around = [&](std::string_view text) {
    std::size_t begin = std::min(at, text.size());
    while (begin > 0 && text[begin - 1] != '\n') --begin;
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    return std::string(text.substr(begin, end - begin));
  };
  return "line " + std::to_string(line + 1) + " got \"" + line_around(got) + "\" want \"" + line_around(want) + "\"";
}

}  // namespace

std::string_view error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::DeletedLine: return "deleted-line";
    case ErrorKind::DuplicatedLine: return "duplicated-line";
    case ErrorKind::SplitLine: return "split-line";
    case ErrorKind::SwappedOrder: return "swapped-order";
    case ErrorKind::Untranslated: return "untranslated";
    case ErrorKind::TruncatedTranslation: return "truncated";
    case ErrorKind::ChangedNumber: return "changed-number";
    case ErrorKind::Drift: return "drift";
    case ErrorKind::ShiftedBlock: return "shifted-block";
    case ErrorKind::JoinedLines: return "joined-lines";
    case ErrorKind::MergedLines: return "merged-lines";
  }
  return "unknown";
}

std::optional<ErrorKind> parse_error_kind(std::string_view name) {
  for (const ErrorKind kind : kAllKinds)
    if (error_kind_name(kind) == name) return kind;
  return std::nullopt;
}

std::span<const ErrorKind> all_error_kinds() { return kAllKinds; }

bool is_structural(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::DeletedLine:
    case ErrorKind::DuplicatedLine:
    case ErrorKind::SplitLine:
    case ErrorKind::SwappedOrder:
    case ErrorKind::Untranslated:
    case ErrorKind::JoinedLines:
    case ErrorKind::MergedLines:
      return true;
    default:
      return false;
  }
}

bool fix_restores(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::DuplicatedLine:
    case ErrorKind::SplitLine:
    case ErrorKind::SwappedOrder:
    case ErrorKind::Drift:
    case ErrorKind::ShiftedBlock:
    case ErrorKind::JoinedLines:
    case ErrorKind::MergedLines:
      return true;
    default:
      return false;
  }
}

std::span<const std::string_view> accepted_codes(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::DeletedLine: return kDeletedCodes;
    case ErrorKind::DuplicatedLine: return kDuplicatedCodes;
    case ErrorKind::SplitLine: return kSplitCodes;
    case ErrorKind::SwappedOrder: return kSwappedCodes;
    case ErrorKind::Untranslated: return kUntranslatedCodes;
    case ErrorKind::TruncatedTranslation: return kTruncatedCodes;
    case ErrorKind::ChangedNumber: return kNumberCodes;
    case ErrorKind::Drift: return kDriftCodes;
    case ErrorKind::ShiftedBlock: return kShiftedCodes;
    case ErrorKind::JoinedLines: return kJoinedCodes;
    case ErrorKind::MergedLines: return kMergedCodes;
  }
  return {};
}

std::optional<CleanDocument> clean_document_of(const Analysis& analysis, std::string name) {
  const Transcript& transcript = analysis.transcript();
  const LineIndex& index = analysis.index();
  if (transcript.pairs.empty()) return std::nullopt;
  CleanDocument document;
  document.name = std::move(name);
  document.translation_first = transcript.order != LineOrder::OriginalFirst;
  for (const std::uint32_t line : transcript.front_matter) document.front.emplace_back(index.line_text(line));
  for (const Pair& pair : transcript.pairs) {
    if (pair.translation.size() != 1 || pair.original.size() != 1) return std::nullopt;
    document.pairs.push_back({std::string(index.line_text(pair.translation[0])),
                              std::string(index.line_text(pair.original[0]))});
  }
  for (const std::uint32_t line : transcript.back_matter) document.back.emplace_back(index.line_text(line));
  const std::string& text = analysis.text();
  document.final_newline = !text.empty() && text.back() == '\n';
  if (render(document) != text) return std::nullopt;
  return document;
}

TsvCorpus documents_from_tsv(std::string_view tsv, std::size_t pairs_per_document, bool across_sources) {
  TsvCorpus corpus;
  pairs_per_document = std::max<std::size_t>(pairs_per_document, 2);
  CleanDocument current;
  std::string current_source;
  auto flush = [&] {
    if (current.pairs.size() >= 2) corpus.documents.push_back(std::move(current));
    current = CleanDocument{};
  };
  std::size_t at = 0;
  while (at < tsv.size()) {
    std::size_t end = tsv.find('\n', at);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view row = tsv.substr(at, end - at);
    at = end + 1;
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (row.empty()) continue;
    const std::size_t tab1 = row.find('\t');
    const std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : row.find('\t', tab1 + 1);
    if (tab1 == std::string_view::npos) {
      ++corpus.skipped_malformed;
      continue;
    }
    const std::string_view zh = row.substr(0, tab1);
    const std::string_view en = row.substr(tab1 + 1, tab2 == std::string_view::npos ? row.npos : tab2 - tab1 - 1);
    const std::string_view source = tab2 == std::string_view::npos ? std::string_view() : row.substr(tab2 + 1);
    if (zh.empty() || en.empty()) {
      ++corpus.skipped_malformed;
      continue;
    }
    // A translation that is mostly Latin (commands, paths, UI labels with a
    // few Chinese words) is a Chinese line of the document like any other and
    // is kept; one without a single Chinese character is an untranslated
    // paragraph, which the checks rightly report, so it cannot be clean text.
    bool has_han = false;
    for (std::size_t k = 0; k < zh.size() && !has_han;) {
      const DecodedCodePoint decoded = decode_utf8(zh, k);
      has_han = decoded.valid && chars::is_han(decoded.code_point);
      k += std::max<std::size_t>(decoded.length, 1);
    }
    if (!has_han) {
      ++corpus.skipped_latin;
      continue;
    }
    if ((source != current_source && !across_sources) || current.pairs.size() >= pairs_per_document) {
      flush();
      current_source = std::string(source);
    }
    if (current.name.empty())
      current.name = std::string(source) + "#" + std::to_string(corpus.documents.size() + 1);
    current.pairs.push_back({std::string(zh), std::string(en)});
  }
  flush();
  return corpus;
}

std::size_t EvaluationReport::clean_pairs() const {
  std::size_t total = 0;
  for (const DocumentBaseline& baseline : baselines)
    if (!baseline.reference) total += baseline.pairs;
  return total;
}

std::size_t EvaluationReport::clean_warnings() const {
  std::size_t total = 0;
  for (const DocumentBaseline& baseline : baselines)
    if (!baseline.reference) total += baseline.warnings;
  return total;
}

double EvaluationReport::clean_warnings_per_100_pairs() const {
  const std::size_t pairs = clean_pairs();
  return pairs ? 100.0 * double(clean_warnings()) / double(pairs) : 0.0;
}

// The pooled recalls and their lowest kind are over the issue's nine kinds:
// kinds added later (joined-lines, merged-lines) are reported and gated on their own
// (--min-recall KIND=X), so that the pooled figures stay comparable.
namespace {
bool pooled_kind(ErrorKind kind) { return kind != ErrorKind::JoinedLines && kind != ErrorKind::MergedLines; }
}  // namespace

double EvaluationReport::recall(bool structural) const {
  std::size_t injected = 0, detected = 0;
  for (const ErrorKind kind : kAllKinds) {
    if (is_structural(kind) != structural || !pooled_kind(kind)) continue;
    injected += kinds[static_cast<std::size_t>(kind)].injected;
    detected += kinds[static_cast<std::size_t>(kind)].detected;
  }
  return injected ? double(detected) / double(injected) : 1.0;
}

double EvaluationReport::min_recall(bool structural) const {
  double lowest = 1.0;
  for (const ErrorKind kind : kAllKinds) {
    const KindScore& score = kinds[static_cast<std::size_t>(kind)];
    if (is_structural(kind) == structural && pooled_kind(kind) && score.injected)
      lowest = std::min(lowest, score.recall());
  }
  return lowest;
}

double EvaluationReport::restored_share() const {
  std::size_t restorable = 0, restored = 0;
  for (const ErrorKind kind : kAllKinds) {
    restorable += kinds[static_cast<std::size_t>(kind)].restorable;
    restored += kinds[static_cast<std::size_t>(kind)].restored;
  }
  return restorable ? double(restored) / double(restorable) : 1.0;
}

DocumentSubset EvaluationReport::documents_of_at_least(std::size_t min_pairs) const {
  DocumentSubset subset;
  subset.min_pairs = min_pairs;
  for (const DocumentBaseline& baseline : baselines) {
    if (baseline.reference || baseline.pairs < min_pairs) continue;
    ++subset.documents;
    subset.pairs += baseline.pairs;
    subset.new_warnings += baseline.new_warnings;
    subset.true_warnings += baseline.true_warnings;
    for (std::size_t k = 0; k < kErrorKindCount; ++k) {
      KindScore& into = subset.kinds[k];
      const KindScore& from = baseline.kinds[k];
      into.injected += from.injected;
      into.detected += from.detected;
      into.warned += from.warned;
      into.restorable += from.restorable;
      into.restored += from.restored;
      into.restored_any += from.restored_any;
      into.label_injected += from.label_injected;
      into.label_detected += from.label_detected;
    }
  }
  return subset;
}

double DocumentSubset::restored_share() const {
  std::size_t restorable = 0, restored = 0;
  for (const ErrorKind kind :
       {ErrorKind::Drift, ErrorKind::SwappedOrder, ErrorKind::SplitLine, ErrorKind::DuplicatedLine}) {
    restorable += kinds[static_cast<std::size_t>(kind)].restorable;
    restored += kinds[static_cast<std::size_t>(kind)].restored;
  }
  return restorable ? double(restored) / double(restorable) : 1.0;
}

EvaluationReport evaluate(std::span<const EvaluationDocument> documents, const EvaluationSettings& settings) {
  EvaluationReport report;
  EvalRandom random(settings.seed);
  // Kinds added later draw from their own stream, so that the earlier kinds'
  // injections (and figures) for a seed stay what they were.
  EvalRandom joined_random(settings.seed ^ 0x4a6f696eU);
  EvalRandom merged_random(settings.seed ^ 0x4d657267U);
  const std::vector<ErrorKind> kinds =
      settings.kinds.empty() ? std::vector<ErrorKind>(kAllKinds.begin(), kAllKinds.end()) : settings.kinds;
  for (const EvaluationDocument& entry : documents) {
    const CleanDocument& document = entry.document;
    const std::string clean_text = render(document);
    const auto clean = Analysis::run(clean_text, settings.options);
    DocumentBaseline baseline;
    baseline.name = document.name;
    baseline.pairs = document.pairs.size();
    baseline.reference = entry.reference;
    std::map<std::string, std::size_t> baseline_keys;
    for (const Finding& finding : clean->findings()) {
      ++baseline_keys[finding_key(finding, clean->index())];
      if (is_warning(finding)) ++baseline.warnings;
      else if (finding.severity == Severity::Information) ++baseline.informations;
      if (is_reported(finding)) baseline.findings.push_back(finding);
    }
    report.baselines.push_back(std::move(baseline));
    DocumentBaseline& document_baseline = report.baselines.back();
    auto& document_scores = document_baseline.kinds;

    for (const ErrorKind kind : kinds) {
      KindScore& score = report.kinds[static_cast<std::size_t>(kind)];
      KindScore& document_score = document_scores[static_cast<std::size_t>(kind)];
      const auto codes = accepted_codes(kind);
      std::size_t done = 0;
      for (std::size_t attempt = 0; done < settings.trials && attempt < settings.trials * 4; ++attempt) {
        const std::optional<Injection> injection =
            inject(document, kind,
                   kind == ErrorKind::JoinedLines   ? joined_random
                   : kind == ErrorKind::MergedLines ? merged_random
                                                    : random);
        if (!injection) continue;
        ++done;
        ++score.injected;
        ++document_score.injected;
        if (injection->label_cut) {
          ++score.label_injected;
          ++document_score.label_injected;
        }
        const auto analysis = Analysis::run(injection->text, settings.options);
        const LineIndex& index = analysis->index();
        const std::size_t low = injection->first_line >= kLineTolerance ? injection->first_line - kLineTolerance : 0;
        const std::size_t high = injection->last_line + kLineTolerance;
        auto near = [&](const Finding& finding) {
          const std::size_t line = index.line_of(finding.begin);
          return line >= low && line <= high;
        };
        std::map<std::string, std::size_t> remaining = baseline_keys;
        const Finding* detector = nullptr;
        bool warned = false;
        for (const Finding& finding : analysis->findings()) {
          auto key = remaining.find(finding_key(finding, index));
          const bool old = key != remaining.end() && key->second > 0;
          if (old) --key->second;
          const bool accepted = std::find(codes.begin(), codes.end(), finding.code) != codes.end();
          if (accepted && near(finding) && is_reported(finding)) {
            if (!detector || finding.confidence > detector->confidence ||
                (is_warning(finding) && !is_warning(*detector)))
              detector = &finding;
            warned = warned || is_warning(finding);
          }
          if (old) continue;
          if (is_warning(finding)) {
            ++report.new_warnings;
            ++document_baseline.new_warnings;
            if (near(finding)) {
              ++report.true_warnings;
              ++document_baseline.true_warnings;
            } else {
              report.false_alarms.push_back(injection->description + " -> line " +
                                            std::to_string(index.line_of(finding.begin) + 1) + " [" +
                                            finding.code + "] " + finding.message);
            }
          } else if (finding.severity == Severity::Information) {
            ++report.new_informations;
          }
        }
        if (!detector) {
          const std::string why = miss_class(analysis->findings(), codes, near);
          ++report.miss_classes[static_cast<std::size_t>(kind)][why];
          report.misses.push_back(injection->description + " {" + why + "}");
          if (settings.keep_miss_texts) report.miss_texts.push_back(injection->text);
          continue;
        }
        ++score.detected;
        ++document_score.detected;
        if (injection->label_cut) {
          ++score.label_detected;
          ++document_score.label_detected;
        }
        if (warned) {
          ++score.warned;
          ++document_score.warned;
        }
        if (!fix_restores(kind)) continue;
        ++score.restorable;
        ++document_score.restorable;
        const Fix* fix = nullptr;
        for (const Fix& candidate : detector->fixes)
          if (candidate.preferred) fix = &candidate;
        if (!fix && !detector->fixes.empty()) fix = &detector->fixes.front();
        auto restores = [&](const Fix& candidate) {
          try {
            return apply_edits(injection->text, candidate.edits) == clean_text;
          } catch (const std::invalid_argument&) {
            return false;  // overlapping edits restore nothing
          }
        };
        if (fix && restores(*fix)) {
          ++score.restored;
          ++document_score.restored;
        }
        const bool any_restores = std::any_of(detector->fixes.begin(), detector->fixes.end(), restores);
        if (any_restores) {
          ++score.restored_any;
          ++document_score.restored_any;
        }
        if (fix && restores(*fix)) continue;
        // Why the preferred fix does not restore the clean text (for tuning).
        std::string why, shown;
        if (!fix) {
          why = "no fix";
        } else if (any_restores) {
          why = "another fix of the finding restores";
        } else if (std::any_of(analysis->findings().begin(), analysis->findings().end(), [&](const Finding& finding) {
                     return &finding != detector && near(finding) &&
                            std::any_of(finding.fixes.begin(), finding.fixes.end(), restores);
                   })) {
          why = "another finding's fix restores";
        } else {
          std::string got;
          try {
            got = apply_edits(injection->text, fix->edits);
          } catch (const std::invalid_argument&) {
            why = "overlapping edits";
          }
          if (why.empty()) {
            // Edits on lines the injection left as they were: the fix repairs
            // the other side (a drift's mirror) or another place.
            const LineIndex clean_index(clean_text);
            const bool same_lines = clean_index.line_count() == index.line_count();
            const bool elsewhere = std::any_of(fix->edits.begin(), fix->edits.end(), [&](const TextEdit& edit) {
              const std::size_t line = index.line_of(edit.begin);
              if (line < injection->first_line || line > injection->last_line) return true;
              return same_lines && index.line_text(line) == clean_index.line_text(line);
            });
            why = without_spaces(got) == without_spaces(clean_text) ? "joiner only"
                  : elsewhere ? "another repair, on lines the injection left alone"
                              : "another repair, on the injected lines";
            shown = " " + first_difference(got, clean_text);
          }
        }
        ++report.unrestored_classes[static_cast<std::size_t>(kind)][why];
        report.unrestored.push_back(injection->description + " [" + detector->code + "] {" + why + "}" + shown);
        if (settings.keep_miss_texts) report.unrestored_texts.push_back(injection->text);
      }
    }
  }
  return report;
}

}  // namespace bitext
