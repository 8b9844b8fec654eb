// Candidate split points inside a line: sentence ends (ICU's sentence
// BreakIterator, with a locale chosen from the line's script) and clause and
// comma punctuation (。！？；：，、—— … for Chinese; . ? ! ; : , — for English).
// The alignment detector proposes moving text at these points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <span>
#include <vector>

#include "bitext/text.hpp"

#include "bitext/script.hpp"

namespace bitext {

enum class BoundaryStrength : std::uint8_t {
  Comma = 1,     // ， 、 ,
  Clause = 2,    // ； ： —— … ; : — ...
  Sentence = 3,  // ICU sentence boundary, 。 ！ ？
};

struct Boundary {
  // Byte offset where the following text starts: the punctuation, closing
  // quotes/brackets and whitespace before it belong to the left part, so
  // line.substr(0, offset) + line.substr(offset) == line and the right part
  // starts with neither whitespace nor closing punctuation.
  std::size_t offset = 0;
  BoundaryStrength strength = BoundaryStrength::Comma;
  bool operator==(const Boundary&) const = default;
};

// Boundaries strictly inside the line (0 < offset < line.size(), with some
// non-space text on both sides), sorted by offset, one per offset (the
// strongest). `script` picks the ICU locale: Han -> zh, Japanese -> ja,
// anything else -> en (with the standard abbreviation suppressions, so that
// "Mr. Smith" is no sentence end). Never throws; invalid UTF-8 is read as
// U+FFFD and offsets never fall inside a code point or an invalid sequence.
std::vector<Boundary> find_boundaries(std::string_view line, Script script);
// The same with the line's code points as decode_code_points gives them.
std::vector<Boundary> find_boundaries(std::string_view line, Script script, std::span<const CodePointSpan> code_points);
// The same given the offsets of the line's Sentence boundaries, as
// find_sentence_boundaries(line, script) finds them: ICU's sentence iterator
// is not run again (most of a line's cost).
std::vector<Boundary> find_boundaries(std::string_view line, Script script, std::span<const CodePointSpan> code_points,
                                     std::span<const std::uint32_t> sentence_offsets);

// The Sentence boundaries of find_boundaries alone, found faster (the runs of
// weaker punctuation are not read): what a line's sentence count needs.
std::vector<Boundary> find_sentence_boundaries(std::string_view line, Script script);

}  // namespace bitext
