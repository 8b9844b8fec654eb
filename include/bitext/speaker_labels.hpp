// Reading speaker labels: the label forms at the start of a side's text or on
// a line of their own (speakers.hpp lists them), whether a name looks like a
// person's, and the model of a document's labelled speakers (filled inside
// parse_transcript and the layout analysis, before any check reads the text:
// a label is not content). Speakers of unlabelled documents are inferred
// elsewhere, only when `!speaker_model.labelled()`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/layout.hpp"
#include "bitext/speakers.hpp"
#include "bitext/transcript.hpp"

namespace bitext {

// A label as written at the start of a text; offsets relative to that start.
struct LabelMatch {
  std::size_t begin = 0;       // the label's first byte (after leading blanks and a byte order mark)
  std::size_t end = 0;         // past the label with its markup, colon and following blanks
  std::size_t name_begin = 0;  // the name alone; an empty range for nameless labels
  std::size_t name_end = 0;
  LabelForm form = LabelForm::Colon;
  bool alone = false;          // nothing but blanks follows on its line: it opens a turn
  bool strong = false;         // a form that is a label wherever it stands (bold, voice, timestamped, ...)
  bool nameless() const { return name_begin == name_end; }
};

// The label at the start of `text` if it has a label's form and a name-like
// name (name_like). Whether the document's labels agree it is one (recurring
// names) is decided by fill_speaker_model. `layout` allows the forms of that
// layout only ("- " dialogue dashes in subtitles, "**Name:**" anywhere).
std::optional<LabelMatch> read_label(std::string_view text, Layout layout);

// A label alone (nothing else on the text's single line): a line that opens a
// turn and is not a side of a pair ("Mira  0:02", "**Mira:**", "Mira:").
std::optional<LabelMatch> read_own_line_label(std::string_view line, Layout layout);

// A person's name or a speaker's tag as labels write them: at most 5 words
// and 12 CJK characters, words capitalised (or all capitals), no sentence
// punctuation, no digits except in diarization tags ("Speaker 1",
// "SPEAKER_00", "Speaker A"), and not a word that introduces other things
// ("Note", "Step", "Source", "Author", "来源", ...).
bool name_like(std::string_view name);

// A name as written in a label, as shown: HTML character references decoded
// (WebVTT voices: "Far&#237;as" is "Farías"), blanks collapsed.
std::string written_name(std::string_view name);

// The key under which two writings of a name are the same spelling (case
// and blanks folded): "MIRA" and "Mira".
std::string spelling_key(std::string_view name);

// The byte where a side's text begins after its label, if the line (of
// `transcript.lines`) begins with one; lines[line].begin otherwise. What
// every content check reads.
std::size_t text_begin(const Transcript& transcript, std::uint32_t line);

// Per line of `transcript.lines`, text_begin(transcript, line) - lines[line].begin:
// the width of the speaker label its text starts after (0 when none). Empty
// when the transcript has no labels. Found by one walk over the labels, not a
// search of them per line (a labelled document's lines are all read again at
// each edit).
std::vector<std::uint32_t> line_label_widths(const Transcript& transcript);

// Where a side begins with its label: before the line when a layout's label
// precedes it ("**Name：**" then the paragraph), lines[line].begin otherwise.
// What a fix that moves a whole side (a swap) moves, so that each label stays
// with its language's text.
std::size_t side_begin(const Transcript& transcript, std::uint32_t line);

}  // namespace bitext
