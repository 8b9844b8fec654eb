// Speaker checks over a transcript's labels (speaker_labels.hpp): codes
// speaker-mismatch, speaker-label-missing and speaker-spelling (the speaker
// rules of rules.hpp), made at each code's default severity; apply_rules()
// applies the user's settings afterwards. Nothing when no label was read.
#pragma once

#include <string_view>
#include <vector>

#include "bitext/finding.hpp"
#include "bitext/transcript.hpp"

namespace bitext {

// `text` is the document the transcript's labels and lines are offsets of.
std::vector<Finding> speaker_checks(const Transcript& transcript, std::string_view text);

}  // namespace bitext
