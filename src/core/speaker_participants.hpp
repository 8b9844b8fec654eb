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
#include <memory>
#include <span>
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

// What inference reads of one pair: its wording and its mentions, resolved
// to participants. Views of the cast's cues and mentions.
struct PairReading {
  const PairWording& wording;
  std::span<const NameMention> mentions;  // resolved to participant names where they match one
  std::span<const std::int32_t> mention_participants;  // one per mention: index into participants, or -1
};

// The pairs' mentions as the cast resolved them, kept for the pairs that
// have any (a few in a hundred): immutable once read, so that a version
// whose cast is the previous one's shares them instead of copying a reading
// per pair on every edit.
struct CastMentions {
  struct OfPair {
    std::uint32_t pair = 0;
    std::vector<NameMention> mentions;
    std::vector<std::int32_t> participants;  // one per mention: index into participants, or -1
  };
  std::vector<OfPair> by_pair;  // sorted by pair
  std::vector<std::uint32_t> slot;  // per pair: its index in by_pair, or kNone
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
};

// The names read_cast looked for in the pairs' text (besides their cues):
// what a pair's text must still say for the cast to come out the same
// (speaker_inference_memo.hpp).
struct CastNames {
  std::vector<std::string> known;           // the participants' first spellings (plain mentions)
  std::vector<std::string> addressed;       // every name addressed (written inside sentences?)
  std::vector<std::string> addressed_once;  // names addressed in one pair (pairs writing them)
};

// Who takes part, and per pair what inference reads: the wording is the
// pair's cues' (`cues`, which must outlive the cast), the mentions the
// cast's (read_cast adds the plain mentions of known names to the cues').
struct Cast {
  std::vector<Participant> participants;
  CastNames names;
  const std::vector<PairCues>* cues = nullptr;
  std::shared_ptr<const CastMentions> mentions;

  std::size_t size() const { return cues == nullptr ? 0 : cues->size(); }
  const PairWording& wording(std::size_t pair) const { return (*cues)[pair].wording; }
  PairReading pair(std::size_t pair) const {
    const std::uint32_t at = mentions == nullptr || pair >= mentions->slot.size() ? CastMentions::kNone : mentions->slot[pair];
    if (at == CastMentions::kNone) return {wording(pair), {}, {}};
    const CastMentions::OfPair& of = mentions->by_pair[at];
    return {wording(pair), of.mentions, of.participants};
  }
};

// The participants and the per-pair readings of a transcript's pairs, from
// each pair's own cues (cues[i] == read_pair_cues(sides[i])); the cast views `cues`.
Cast read_cast(const std::vector<PairSides>& sides, const std::vector<PairCues>& cues);

// The two scans of a pair's Latin text that read_cast makes besides its cues:
// is `name` written with a capital inside a sentence ("... thanks to Theo"),
// and per name of `names`, how many of `sides` write it so.
bool capitalised_inside_sentence(std::string_view text, std::string_view name);
std::map<std::string, std::size_t, std::less<>> pairs_writing_inside_sentences(const std::vector<PairSides>& sides,
                                                                               const std::vector<std::string>& names);

}  // namespace bitext::detail
