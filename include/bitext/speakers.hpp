// Who speaks each pair: speaker labels as written in the document, the
// speakers they name (one speaker may be spelled differently in the two
// languages), and turns (runs of consecutive pairs of one speaker). Speakers
// come from labels when the document has them, else from inference over the
// text of both languages (speaker_inference.hpp); the model says which, so the
// editor can show how a speaker is known and refuse to rename a guess.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bitext {

// Where a label sits.
enum class LabelSide : std::uint8_t {
  Translation,  // at the start of the translation side's text
  Original,     // at the start of the original side's text
  OwnLine,      // on a line (unit) of its own that opens a turn ("**Mira:**", "### Mira:", "Mira  0:02")
};

// How a label is written; the style "Label speakers" and completion follow.
enum class LabelForm : std::uint8_t {
  Colon,          // "Name: text" / "Name：text"
  Bold,           // "**Name:** text" / "**Name：**"
  Heading,        // "### Name:"
  Bracket,        // "[Name] text"
  Timestamped,    // "Name (00:01:02): text", "[00:01:02] Name: text", "(00:01:02):"
  Otter,          // "Name  0:02" alone on a line
  Voice,          // WebVTT "<v Name>"
  Chevron,        // ">>" caption speaker change (no name)
  Dash,           // "- " dialogue dash in a subtitle cue (no name)
};

// One label as written. Byte offsets are into the document text.
struct SpeakerLabel {
  std::uint32_t line = 0;         // 0-based document line
  std::size_t begin = 0;          // the whole label with its markup, colon and following spaces ("**Mira:** ")
  std::size_t end = 0;
  std::size_t name_begin = 0;     // the name alone ("Mira"); an empty range for nameless labels
  std::size_t name_end = 0;
  LabelSide side = LabelSide::Original;
  LabelForm form = LabelForm::Colon;
  std::int32_t pair = -1;         // the pair it labels (an own-line label: the pair it opens)
  std::int32_t speaker = -1;      // index into Transcript::speakers; -1 when nameless and nothing to continue
};

// What decided who speaks (a label, or an inference cue).
enum class SpeakerCue : std::uint8_t {
  Label,             // a label names the speaker
  Continued,         // an unlabelled (or nameless-label) pair continues the turn before it
  SelfIntroduction,  // "I'm Dana Kovac", "my name is", "我是…"
  Introduced,        // named by the host's introduction at the top of the show
  Addressed,         // the previous speaker addressed them by name ("Mira, thanks for coming on")
  Handover,          // "I'll let Omar kick it off"
  Role,              // host vs guest wording ("thanks for having me", "welcome to the show")
  Alternation,       // question -> answer: people do not answer their own questions
  BackChannel,       // short "Yeah." / "对。" pairs interjected by the listener
  Default,           // nothing better: the most likely speaker
};

std::string_view speaker_cue_name(SpeakerCue cue);  // "label", "continued", "self-introduction", ...

struct Speaker {
  std::string name;                  // display name: the original side's spelling, else the
                                     // translation's, else "Speaker 1" / "Host" / "Guest"
  std::string translation_spelling;  // as labelled on the translation side ("" when never)
  std::string original_spelling;     // as labelled on the original side ("" when never)
  bool inferred = false;             // no label names this speaker
  std::uint32_t labels = 0;          // how many labels name this speaker
};

// A run of consecutive pairs of one speaker.
struct SpeakerTurn {
  std::int32_t speaker = -1;        // index into Transcript::speakers
  std::uint32_t first_pair = 0;     // inclusive
  std::uint32_t last_pair = 0;      // inclusive
  bool inferred = false;
  float confidence = 1.0F;          // 1 for labelled turns; the inference's belief otherwise
  SpeakerCue cue = SpeakerCue::Label;
  std::string evidence;             // the words that decided it ("I'm Dana Kovac"), may be empty
};

// Everything known about speakers in one document; empty when nothing is.
struct SpeakerModel {
  std::vector<Speaker> speakers;
  std::vector<SpeakerLabel> labels;  // in document order
  std::vector<SpeakerTurn> turns;    // in pair order, covering every pair from the first turn on
  bool labelled() const { return !labels.empty(); }
};

}  // namespace bitext
