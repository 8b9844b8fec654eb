// Who takes part in a conversation, before deciding who says what: the people
// the text names as present (self-introductions, hosts and guests introduced
// at the top of the show, people addressed or handed over to more than once)
// with their role, plus an unnamed host or guest where the text shows one
// speaks but never names them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
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

// The names read_cast looked for in the pairs' text (besides their cues):
// what a pair's text must still say for the cast to come out the same
// (speaker_inference_memo.hpp).
struct CastNames {
  std::vector<std::string> known;           // the participants' first spellings (plain mentions)
  std::vector<std::string> addressed;       // every name addressed (written inside sentences?)
  std::vector<std::string> addressed_once;  // names addressed in one pair (pairs writing them)
};

struct Cast {
  std::vector<Participant> participants;
  std::vector<PairReading> pairs;
  CastNames names;
};

// The participants and the per-pair readings of a transcript's pairs, from
// each pair's own cues (cues[i] == read_pair_cues(sides[i])).
Cast read_cast(const std::vector<PairSides>& sides, const std::vector<PairCues>& cues);

// The two scans of a pair's Latin text that read_cast makes besides its cues:
// is `name` written with a capital inside a sentence ("... thanks to Theo"),
// and per name of `names`, how many of `sides` write it so.
bool capitalised_inside_sentence(std::string_view text, std::string_view name);
std::map<std::string, std::size_t, std::less<>> pairs_writing_inside_sentences(const std::vector<PairSides>& sides,
                                                                               const std::vector<std::string>& names);

}  // namespace bitext::detail
