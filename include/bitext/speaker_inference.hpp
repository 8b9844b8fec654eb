// Speakers of a transcript without labels, inferred from the text of both
// languages: names people give themselves and each other, host and guest
// wording, questions and answers, back-channel interjections and hand-overs.
// Speakers that no cue names are "Host" / "Guest" when their role is clear,
// else "Speaker 1", "Speaker 2", ...; a name is never invented. Every turn
// carries the cue that decided it, its words and a confidence.
#pragma once

#include <string_view>

#include "bitext/speakers.hpp"
#include "bitext/transcript.hpp"

namespace bitext {

// The inferred speaker model of `transcript` (whose line offsets are into
// `text`): every speaker inferred, turns covering every pair. Empty when the
// transcript has no pairs. Works from the transcript's scripts: English cue
// words apply to whichever side is Latin, Chinese ones to the Han side.
SpeakerModel infer_speakers(const Transcript& transcript, std::string_view text);

// When the transcript has no labels: its speaker model becomes the inferred
// one and each pair gets its speaker's name and index. Labelled transcripts
// are left alone (labels are the truth).
void add_inferred_speakers(Transcript& transcript, std::string_view text);

}  // namespace bitext
