// What the analysis reports: findings with their fixes as plain text edits on
// byte offsets of the analysed text. The LSP layer converts offsets to ranges.
#pragma once

#include <cstddef>
#include <cstdint>
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
};

// Apply edits (in any order, non-overlapping; inserts at one offset keep their
// order) and return the new text. Throws std::invalid_argument on overlap or
// on offsets outside the text.
std::string apply_edits(std::string_view text, std::vector<TextEdit> edits);

}  // namespace bitext
