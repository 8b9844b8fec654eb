// The cast of a conversation from the names its pairs introduce and address.
// A name enters the cast when someone introduces themselves or is introduced
// as host or guest near the top of the show, when the talk is handed over to
// them, or when they are addressed in two pairs or more (one vocative-looking
// capitalised word is too weak: "Google, for example, ..." is not a person).
#include <algorithm>
#include <cctype>
#include <map>

#include "speaker_participants.hpp"

namespace bitext::detail {
namespace {

constexpr std::size_t kMaxParticipants = 8;
// A name addressed once is someone present when it is also written with a
// capital inside sentences in this many pairs (the address among them).
constexpr std::size_t kMinPairsSpokenOf = 3;

std::string_view first_token(std::string_view name) { return name.substr(0, name.find(' ')); }

// The participant a spelling refers to: the same full name, else the same
// first name where one spelling is the first name alone, else a short form
// ("Mira" of "Miranda") when both are single words of four letters or more.
bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    const char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
    if (x != y) return false;
  }
  return true;
}

std::int32_t resolve(const std::vector<Participant>& cast, std::string_view name) {
  for (std::size_t i = 0; i < cast.size(); ++i)
    for (const std::string& spelling : cast[i].spellings)
      if (equal_ignoring_case(spelling, name)) return static_cast<std::int32_t>(i);
  for (std::size_t i = 0; i < cast.size(); ++i)
    for (const std::string& spelling : cast[i].spellings)
      if (same_person(spelling, name)) return static_cast<std::int32_t>(i);
  if (name.find(' ') == std::string_view::npos && name.size() >= 4) {
    for (std::size_t i = 0; i < cast.size(); ++i)
      for (const std::string& spelling : cast[i].spellings) {
        const std::string_view first = first_token(spelling);
        const std::string_view shorter = first.size() < name.size() ? first : name;
        const std::string_view longer = first.size() < name.size() ? name : first;
        if (shorter.size() >= 4 && longer.substr(0, shorter.size()) == shorter && longer.size() - shorter.size() <= 3)
          return static_cast<std::int32_t>(i);
      }
  }
  return -1;
}

std::int32_t add_or_merge(std::vector<Participant>& cast, const NameMention& mention, SpeakerRole role,
                          SpeakerCue cue) {
  std::int32_t at = resolve(cast, mention.name);
  if (at < 0) {
    if (cast.size() >= kMaxParticipants) return -1;
    cast.push_back({mention.name, {mention.name}, "", role, cue, mention.words});
    return static_cast<std::int32_t>(cast.size() - 1);
  }
  Participant& participant = cast[static_cast<std::size_t>(at)];
  if (std::find(participant.spellings.begin(), participant.spellings.end(), mention.name) ==
      participant.spellings.end())
    participant.spellings.push_back(mention.name);
  if (participant.role == SpeakerRole::Unknown) participant.role = role;
  if (participant.known_by == SpeakerCue::Default || cue == SpeakerCue::SelfIntroduction) {
    participant.known_by = cue;
    participant.evidence = mention.words;
  }
  return at;
}

// The display name: the longest spelling that starts with the most used first name.
std::string display_name(const Participant& participant, const std::map<std::string, std::size_t>& uses) {
  std::string best_first;
  std::size_t best_uses = 0;
  for (const std::string& spelling : participant.spellings) {
    const std::string first(first_token(spelling));
    const auto found = uses.find(first);
    const std::size_t count = found == uses.end() ? 0 : found->second;
    if (best_first.empty() || count > best_uses) {
      best_first = first;
      best_uses = count;
    }
  }
  std::string name;
  for (const std::string& spelling : participant.spellings)
    if (first_token(spelling) == best_first && spelling.size() > name.size()) name = spelling;
  return name;
}

}  // namespace

// "... thanks to Theo for ..." (a name), not "Curious, ..." (a sentence opener).
bool capitalised_inside_sentence(std::string_view text, std::string_view name) {
  for (std::size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    const std::size_t end = at + name.size();
    if (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) continue;
    if (at < 2 || text[at - 1] != ' ') continue;
    const char before = text[at - 2];
    if (std::islower(static_cast<unsigned char>(before)) || before == ',') return true;
  }
  return false;
}

// Per name of `names`, the pairs that write it with a capital inside a
// sentence (after a lower-case word or a comma), read in one pass over the
// text; no pass when there is no name to count.
std::map<std::string, std::size_t, std::less<>> pairs_writing_inside_sentences(
    const std::vector<PairSides>& sides, const std::vector<std::string>& names) {
  std::map<std::string, std::size_t, std::less<>> pairs_of;
  for (const std::string& name : names) pairs_of.emplace(name, 0);
  if (pairs_of.empty()) return pairs_of;
  for (const PairSides& side : sides) {
    const std::string_view text = side.latin;
    std::vector<std::string_view> seen;
    for (std::size_t at = 2; at < text.size(); ++at) {
      const char before = text[at - 2];
      if (text[at - 1] != ' ' || !(std::islower(static_cast<unsigned char>(before)) || before == ',')) continue;
      std::size_t end = at;
      while (end < text.size()) {
        const char c = text[end];
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '\'' || c == '-') {
          ++end;
        } else if (is_accented_letter(text, end)) {
          end += 2;
        } else {
          break;
        }
      }
      std::string_view word = text.substr(at, end - at);
      if (word.size() > 2 && word.substr(word.size() - 2) == "'s") word.remove_suffix(2);
      const auto found = pairs_of.find(word);
      if (found == pairs_of.end() || std::find(seen.begin(), seen.end(), word) != seen.end()) continue;
      seen.push_back(word);
      ++found->second;
    }
  }
  return pairs_of;
}

const std::vector<NameMention>& PairCues::mentions() const {
  static const std::vector<NameMention> none;
  return mentions_ ? *mentions_ : none;
}

void PairCues::set_mentions(std::vector<NameMention> mentions) {
  mentions_ = mentions.empty() ? nullptr : CountedPtr<const std::vector<NameMention>>::make(std::move(mentions));
}

PairCues read_pair_cues(const PairSides& sides) {
  const LatinReading latin(sides.latin);
  PairCues cues;
  cues.wording = read_wording(sides, latin);
  cues.set_mentions(read_name_mentions(sides, latin));
  return cues;
}

Cast read_cast(const std::vector<PairSides>& sides, const std::vector<PairCues>& cues) {
  Cast cast;
  cast.cues = &cues;
  const std::size_t window = std::max<std::size_t>(8, sides.size() / 10);
  // Per pair its mentions as read here (the cues' and plain mentions of known
  // names), kept in the cast for the pairs that have any.
  std::vector<CastMentions::OfPair> read(sides.size());
  for (std::size_t i = 0; i < sides.size(); ++i) read[i].mentions = cues[i].mentions();

  // Introductions at the top of the show first, then hand-overs, then names addressed twice or more.
  std::vector<Participant>& people = cast.participants;
  for (std::size_t i = 0; i < sides.size(); ++i) {
    const bool early = i < window;
    for (const NameMention& mention : read[i].mentions) {
      switch (mention.kind) {
        case MentionKind::SelfIntroduction:
          if (early || resolve(people, mention.name) >= 0)
            add_or_merge(people, mention, i < 3 ? SpeakerRole::Host : SpeakerRole::Unknown,
                         SpeakerCue::SelfIntroduction);
          break;
        case MentionKind::CoHost:
          if (early) add_or_merge(people, mention, SpeakerRole::Host, SpeakerCue::Introduced);
          break;
        case MentionKind::Guest:
          if (early) add_or_merge(people, mention, SpeakerRole::Guest, SpeakerCue::Introduced);
          break;
        default: break;
      }
    }
  }
  for (std::size_t i = 0; i < sides.size(); ++i)
    for (const NameMention& mention : read[i].mentions)
      if (mention.kind == MentionKind::Handover) add_or_merge(people, mention, SpeakerRole::Unknown, SpeakerCue::Handover);

  std::map<std::string, std::size_t> addressed_pairs;  // by spelling: pairs addressing it
  for (std::size_t i = 0; i < sides.size(); ++i) {
    std::vector<std::string> seen;
    for (const NameMention& mention : read[i].mentions)
      if (mention.kind == MentionKind::Addressed &&
          std::find(seen.begin(), seen.end(), mention.name) == seen.end()) {
        seen.push_back(mention.name);
        ++addressed_pairs[mention.name];
      }
  }
  // A name only ever addressed needs its translation to carry it too (in
  // Latin letters or as the Chinese words opening the address): "Curious,
  // like ..." opens sentences the way names do, but is translated away.
  std::map<std::string, std::size_t> carried;
  for (std::size_t i = 0; i < sides.size(); ++i)
    for (const NameMention& mention : read[i].mentions)
      if (mention.kind == MentionKind::Addressed &&
          (sides[i].han.empty() || !han_spelling(sides[i], mention.name).empty()))
        ++carried[mention.name];
  // ... or to be written with a capital inside a sentence somewhere, as names are.
  for (auto& [name, count] : addressed_pairs) {
    if (count < 2 || carried[name] > 0) continue;
    for (const PairSides& side : sides)
      if (capitalised_inside_sentence(side.latin, name)) {
        ++carried[name];
        break;
      }
  }
  // Addressed once and spoken of in other pairs ("Nice one, Dana." ... "so
  // Dana leads" ... "then Dana picks"): someone present, where a company named once is not.
  std::vector<std::string> addressed_once;
  for (const auto& [name, count] : addressed_pairs)
    if (count == 1 && is_capitalised_word(name)) addressed_once.push_back(name);
  const auto spoken_of = pairs_writing_inside_sentences(sides, addressed_once);
  for (const auto& [name, count] : addressed_pairs) cast.names.addressed.push_back(name);
  cast.names.addressed_once = std::move(addressed_once);
  auto spoken_enough = [&spoken_of](const std::string& name) {
    const auto found = spoken_of.find(name);
    return found != spoken_of.end() && found->second >= kMinPairsSpokenOf;
  };
  for (std::size_t i = 0; i < sides.size(); ++i)
    for (const NameMention& mention : read[i].mentions)
      if (mention.kind == MentionKind::Addressed &&
          ((addressed_pairs[mention.name] >= 2 && carried[mention.name] >= 1) ||
           (addressed_pairs[mention.name] == 1 && spoken_enough(mention.name)) || resolve(people, mention.name) >= 0 ||
           (cues[i].wording.host_wording.found() && i < window)))  // "Tom, thanks for coming on"
        add_or_merge(people, mention, SpeakerRole::Unknown, SpeakerCue::Addressed);

  // Welcomed or thanked for coming while addressed (or greeted by name at the
  // top of the show): a guest.
  for (std::size_t i = 0; i < sides.size(); ++i) {
    const PairWording& wording = cues[i].wording;
    if (!wording.host_wording.found() && !(wording.greeting.found() && i < window)) continue;
    for (const NameMention& mention : read[i].mentions) {
      if (mention.kind != MentionKind::Addressed) continue;
      const std::int32_t at = resolve(people, mention.name);
      if (at >= 0 && people[static_cast<std::size_t>(at)].role == SpeakerRole::Unknown)
        people[static_cast<std::size_t>(at)].role = SpeakerRole::Guest;
    }
  }

  // Plain mentions of the cast's first names, then every mention resolved.
  std::vector<std::string> known;
  for (const Participant& participant : people) known.push_back(participant.spellings.front());
  cast.names.known = known;
  std::map<std::string, std::size_t> uses;
  std::map<std::string, std::int32_t, std::less<>> resolved;  // the cast is fixed from here: resolve each spelling once
  auto resolve_once = [&](const std::string& name) {
    const auto found = resolved.find(name);
    if (found != resolved.end()) return found->second;
    const std::int32_t at = resolve(people, name);
    resolved.emplace(name, at);
    return at;
  };
  for (std::size_t i = 0; i < sides.size(); ++i) {
    CastMentions::OfPair& reading = read[i];
    std::vector<NameMention> plain;
    find_mentions(sides[i], known, plain);
    for (NameMention& mention : plain) {
      const std::int32_t who = resolve_once(mention.name);
      const bool already = std::any_of(reading.mentions.begin(), reading.mentions.end(),
                                       [&](const NameMention& m) { return resolve_once(m.name) == who; });
      if (!already) reading.mentions.push_back(std::move(mention));
    }
    for (const NameMention& mention : reading.mentions) {
      const std::int32_t at = resolve_once(mention.name);
      reading.participants.push_back(at);
      if (at >= 0) {
        ++uses[std::string(first_token(mention.name))];
        Participant& participant = people[static_cast<std::size_t>(at)];
        if (participant.han_spelling.empty()) participant.han_spelling = han_spelling(sides[i], mention.name);
      }
    }
  }
  for (Participant& participant : people) participant.name = display_name(participant, uses);
  auto kept = std::make_shared<CastMentions>();
  kept->slot.assign(sides.size(), CastMentions::kNone);
  for (std::size_t i = 0; i < sides.size(); ++i) {
    if (read[i].mentions.empty()) continue;
    kept->slot[i] = static_cast<std::uint32_t>(kept->by_pair.size());
    read[i].pair = static_cast<std::uint32_t>(i);
    kept->by_pair.push_back(std::move(read[i]));
  }
  kept->by_pair.shrink_to_fit();
  cast.mentions = std::move(kept);

  // Someone must ask and someone answer: an unnamed host or guest where the
  // text names none, so that "Host" / "Guest" can carry those turns.
  const bool has_host = std::any_of(people.begin(), people.end(), [](const Participant& p) { return p.role == SpeakerRole::Host; });
  const bool has_guest = std::any_of(people.begin(), people.end(), [](const Participant& p) { return p.role == SpeakerRole::Guest; });
  const std::size_t unknown = static_cast<std::size_t>(std::count_if(
      people.begin(), people.end(), [](const Participant& p) { return p.role == SpeakerRole::Unknown; }));
  if (!has_host) people.push_back({"", {}, "", SpeakerRole::Host, SpeakerCue::Default, ""});
  if (!has_guest && (people.size() < 2 || unknown == 0))
    people.push_back({"", {}, "", SpeakerRole::Guest, SpeakerCue::Default, ""});
  return cast;
}

}  // namespace bitext::detail
