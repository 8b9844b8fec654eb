// The model of a bilingual transcript: every document line with its script and
// role, front matter, pairs (translation line(s) + original line(s)) and back
// matter. Built by parse_transcript (pairing.hpp).
#pragma once

#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/inline_vector.hpp"
#include "bitext/layout.hpp"
#include "bitext/options.hpp"
#include "bitext/script.hpp"
#include "bitext/shared_string.hpp"
#include "bitext/speakers.hpp"

namespace bitext {

enum class LineKind : std::uint8_t {
  Blank,        // empty or whitespace only; ignored by pairing
  FrontMatter,  // header before the first pair
  BackMatter,   // footer after the last pair
  Translation,  // translation side of a pair
  Original,     // original side of a pair
  Markup,       // format lines that are not text: SRT index/timing, WEBVTT, NOTE, ...
};

// Kept for every line of every version: the small fields share one word
// (48 bytes, not 56).
struct TranscriptLine {
  std::uint32_t number = 0;  // 0-based line number in the document
  LineKind kind = LineKind::Blank;
  std::size_t begin = 0;     // byte offset of the content
  std::size_t end = 0;       // byte offset past the content (line end excluded)
  ScriptProfile script;
  std::int32_t pair = -1;    // index into Transcript::pairs, or -1
};

// A byte range of the document's text.
struct TextRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A side's text ranges (Pair): one pointer wide, null when there are none, as
// in every pair of a line-by-line document (a version keeps a pair per pair).
class TextRanges {
 public:
  TextRanges() noexcept = default;
  TextRanges(std::span<const TextRange> ranges) { assign(ranges); }
  TextRanges(const std::vector<TextRange>& ranges) { assign(ranges); }
  TextRanges(const TextRanges& other) { assign(other); }
  TextRanges(TextRanges&& other) noexcept = default;
  TextRanges& operator=(const TextRanges& other) {
    if (this != &other) assign(other);
    return *this;
  }
  TextRanges& operator=(TextRanges&& other) noexcept = default;

  std::size_t size() const noexcept { return storage_ ? storage_[0].begin : 0; }
  bool empty() const noexcept { return size() == 0; }
  const TextRange* begin() const noexcept { return storage_ ? storage_.get() + 1 : nullptr; }
  const TextRange* end() const noexcept { return begin() + size(); }
  const TextRange& operator[](std::size_t i) const noexcept { return begin()[i]; }
  const TextRange& front() const noexcept { return *begin(); }
  operator std::span<const TextRange>() const noexcept { return {begin(), size()}; }

 private:
  void assign(std::span<const TextRange> ranges) {
    storage_.reset();
    if (ranges.empty()) return;
    // The first element holds the count.
    storage_ = std::make_unique<TextRange[]>(ranges.size() + 1);
    storage_[0].begin = ranges.size();
    std::copy(ranges.begin(), ranges.end(), storage_.get() + 1);
  }
  std::unique_ptr<TextRange[]> storage_;
};

// One segment. Usually one translation line and one original line; a side is
// empty when that line is missing, and has two lines when a line was split or
// duplicated (the structural checks say which).
// A side's document line numbers, in order: up to four without an allocation
// (a wrapped paragraph's longer list goes to the heap).
using SideLines = InlineVector<std::uint32_t, 4>;
struct Pair {
  std::uint32_t index = 0;                  // 0-based; shown to users 1-based
  SideLines translation;                    // document line numbers, in order
  SideLines original;
  SharedString speaker;                     // the speaker's display name; empty when unknown (shared: 8 bytes)
  std::int32_t speaker_index = -1;          // into Transcript::speaker_model.speakers, or -1
  // Layouts other than lines (layout.hpp): the subtitle cue the pair is in
  // (beside speaker_index: one word for both), and the byte range of each
  // side's text unit (a wrapped paragraph, a language's lines in a cue: the
  // document lines above list every line of it).
  std::int32_t cue = -1;                    // index into Transcript::cues, or -1
  using TextRange = bitext::TextRange;
  TextRanges translation_ranges{};
  TextRanges original_ranges{};
  std::uint32_t first_line() const;          // smallest line number of the pair
  std::uint32_t last_line() const;
};

// What decided which language is the translation (options.hpp).
enum class TranslationCue : std::uint8_t {
  Position,  // no cue: the side that comes first (or as options.order says)
  Option,    // CheckOptions::translation_language
  Order,     // a forced CheckOptions::order: the side in that position
  FileName,  // a language tag in CheckOptions::document_name
  Matter,    // the language of the header and footer (the audience's)
  NotLatin,  // the document's script that is not Latin
};

struct Transcript {
  LineOrder order = LineOrder::TranslationFirst;  // resolved, never Auto
  // The order may change from pair to pair (Markdown notes read with the
  // order left to auto): `order` is then the most common one, and a pair in
  // the other order is no swapped-order finding.
  bool order_per_pair = false;
  TranslationCue translation_cue = TranslationCue::Position;
  Script translation_script = Script::None;
  Script original_script = Script::None;
  std::vector<TranscriptLine> lines;  // one per document line
  std::vector<std::uint32_t> front_matter;
  std::vector<std::uint32_t> back_matter;
  std::vector<Pair> pairs;
  // How the document was read (layout.hpp). For layouts other than lines:
  // the reader's units (text, markup, headings, labels, timings), Markdown
  // headings as chapters, subtitle cues with their timings.
  Layout layout = Layout::Lines;
  std::vector<Unit> units;
  std::vector<Chapter> chapters;
  std::vector<Cue> cues;
  // Speaker labels, speakers and turns (speakers.hpp); empty when none are known.
  SpeakerModel speaker_model;

  // Pair that a document line belongs to, or nullptr.
  const Pair* pair_of_line(std::uint32_t line) const;
};

// The first words of a line for outlines and messages: at most `max_chars`
// code points, cut at a word boundary for spaced scripts, with "…" when cut.
std::string preview(std::string_view line, std::size_t max_chars = 40);

}  // namespace bitext
