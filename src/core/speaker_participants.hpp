// Who takes part in a conversation, before deciding who says what: the people
// the text names as present (self-introductions, hosts and guests introduced
// at the top of the show, people addressed or handed over to more than once)
// with their role, plus an unnamed host or guest where the text shows one
// speaks but never names them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bitext/speakers.hpp"
#include "speaker_cues.hpp"

namespace bitext::detail {

enum class SpeakerRole : std::uint8_t { Unknown, Host, Guest };

struct Participant {
  std::string name;             // display name; "" for an unnamed participant
  std::vector<std::string> spellings;  // every Latin spelling seen ("Dana", "Dana Kovac")
  std::string han_spelling;     // the Han side's spelling, "" when unseen
  SpeakerRole role = SpeakerRole::Unknown;
  SpeakerCue known_by = SpeakerCue::Default;  // how the name was learnt
  std::string evidence;
};

// What inference reads per pair, computed once.
struct PairReading {
  PairWording wording;
  std::vector<NameMention> mentions;  // resolved to participant names where they match one
  std::vector<std::int32_t> mention_participants;  // one per mention: index into participants, or -1
};

struct Cast {
  std::vector<Participant> participants;
  std::vector<PairReading> pairs;
};

// The participants and the per-pair readings of a transcript's pairs, from
// each pair's own cues (cues[i] == read_pair_cues(sides[i])).
Cast read_cast(const std::vector<PairSides>& sides, const std::vector<PairCues>& cues);

}  // namespace bitext::detail
