#include "bitext/speakers.hpp"

namespace bitext {

std::string_view speaker_cue_name(SpeakerCue cue) {
  switch (cue) {
    case SpeakerCue::Label: return "label";
    case SpeakerCue::Continued: return "continued";
    case SpeakerCue::SelfIntroduction: return "self-introduction";
    case SpeakerCue::Introduced: return "introduced";
    case SpeakerCue::Addressed: return "addressed";
    case SpeakerCue::Handover: return "hand-over";
    case SpeakerCue::Role: return "role";
    case SpeakerCue::Alternation: return "alternation";
    case SpeakerCue::BackChannel: return "back-channel";
    case SpeakerCue::Default: return "default";
  }
  return "unknown";
}

}  // namespace bitext
