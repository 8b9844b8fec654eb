// What the analysis reports: findings with their fixes as plain text edits on
// byte offsets of the analysed text. The LSP layer converts offsets to ranges.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bitext {

enum class Severity : std::uint8_t { Error = 1, Warning = 2, Information = 3, Hint = 4 };
std::string_view severity_name(Severity severity);  // "error", "warning", "info", "hint"

// Replace bytes [begin, end) with `replacement`.
struct TextEdit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string replacement;
  bool operator==(const TextEdit&) const = default;
};

struct Fix {
  std::string title;             // "Insert a placeholder translation", ...
  std::vector<TextEdit> edits;   // non-overlapping
  bool preferred = false;        // the one obvious fix
};

struct RelatedLocation {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string message;  // "original line of pair 12", ...
};

// What a content finding rests on: a number and the signals that gave it.
// Signals are bits so that a finding can name several.
enum class Signal : std::uint16_t {
  Length = 1 << 0,         // the length model (Gale–Church δ)
  SentenceCount = 1 << 1,  // sentence and question counts against this document's usual difference
  Numbers = 1 << 2,        // numbers agree or disagree
  Tokens = 1 << 3,         // carried-over names, acronyms, URLs
  Prior = 1 << 4,          // the prior cost of the kind of re-pairing
  Mirror = 1 << 5,         // a drift's mirror in the other language fits as well
  CutOff = 1 << 6,         // a translation that stops mid-sentence where its original does not
  Words = 1 << 7,          // content words with a translation on the other side (the dictionary)
};
struct Evidence {
  // Re-pairings (shifted-block, boundary-drift, merge-suggested): nats of
  // pairing cost saved, penalties included. length-outlier: the length
  // residual in standard deviations of this document's spread, plus nats of
  // the sentence-count and cut-off cues.
  double score = 0;
  std::uint16_t signals = 0;  // Signal bits
  bool has(Signal signal) const { return (signals & static_cast<std::uint16_t>(signal)) != 0; }
  bool operator==(const Evidence&) const = default;
};
std::string_view signal_name(Signal signal);  // "length", "sentence-count", "numbers", ...

struct Finding {
  std::string code;  // stable kebab-case, e.g. "missing-original"
  Severity severity = Severity::Warning;
  std::string message;
  std::size_t begin = 0;  // byte range the finding covers (usually a line's content)
  std::size_t end = 0;
  std::vector<RelatedLocation> related;  // the partner line(s)
  std::vector<Fix> fixes;
  std::int32_t pair = -1;   // 0-based pair index, -1 when none
  double confidence = 1.0;  // 0..1; content findings map it to severity
  std::optional<Evidence> evidence;  // content findings with a measured score
};

// Apply edits (in any order, non-overlapping; inserts at one offset keep their
// order) and return the new text. Throws std::invalid_argument on overlap or
// on offsets outside the text.
std::string apply_edits(std::string_view text, std::vector<TextEdit> edits);

}  // namespace bitext
