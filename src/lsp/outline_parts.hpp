// The parts of a document that the outline, folding and hover show besides
// pairs: speaker turns, chapters with their extent, subtitle cues with their
// timings, front matter, and the first words of a pair as a reader sees them
// (no markup, no speaker label).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/text.hpp"
#include "bitext/transcript.hpp"

namespace bitext::lsp {

// The document's speaker turns: Transcript::speaker_model.turns, or, for a
// transcript that sets only Pair::speaker, one turn per run of pairs of one
// speaker (speaker index -1, cue Label).
std::vector<SpeakerTurn> speaker_turns(const Transcript& transcript);

// "pair 3" or "pairs 3–5" (0-based indices in, 1-based out).
std::string pair_range_text(std::uint32_t first, std::uint32_t last);

// The display name of a turn's speaker ("Mira", "Speaker 2").
std::string_view turn_speaker_name(const Transcript& transcript, const SpeakerTurn& turn);

// The turn that pair `pair` belongs to, or nullptr.
const SpeakerTurn* turn_of_pair(const std::vector<SpeakerTurn>& turns, std::uint32_t pair);

// The first line of a pair's symbol and fold: a subtitle cue's number line
// for the first pair of its cue, else the pair's first line.
std::uint32_t pair_block_first_line(const Transcript& transcript, const LineIndex& index, const Pair& pair);

// The lines of chapter `chapter` (a Markdown heading): from its heading to
// the line before the next heading of the same or a higher level (or before
// the back matter, or the document's end), trailing blank lines left out.
struct LineSpan {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
};
LineSpan chapter_lines(const Transcript& transcript, const LineIndex& index, std::size_t chapter);

// The document lines of its front matter: the layout's front matter units
// (YAML/TOML block, WEBVTT header) and the unpaired text before the first pair,
// in order, without duplicates.
std::vector<std::uint32_t> front_matter_lines(const Transcript& transcript, const LineIndex& index);

// "00:01:02" (hours, minutes, seconds) for an outline name.
std::string clock_time(std::int64_t ms);
// "00:01:02,500" (SRT) or "00:01:02.500" (WebVTT) for a hover.
std::string subtitle_time(std::int64_t ms, Layout layout);

// The first words of a pair's translation (else its original) as a reader
// sees them: the text unit only, emphasis, tags and link targets left out, a
// speaker label left out, wrapped lines joined. Empty when the pair has no text.
std::string pair_words(const Transcript& transcript, const LineIndex& index, const Pair& pair,
                       std::size_t max_chars = 40);

// The text of one side of a pair (all its units, joined by a space) without
// markup or speaker labels.
std::string side_words(const Transcript& transcript, const LineIndex& index, const Pair& pair, bool translation);

}  // namespace bitext::lsp
