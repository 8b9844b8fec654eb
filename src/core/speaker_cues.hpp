// What speaker inference reads in one pair: the wording cues of each
// language (questions, back-channel replies, host and guest phrases) and the
// names people give themselves and each other. English cues are read on the
// Latin side, Chinese cues on the Han side, whichever role each side has.
#pragma once

#include <cstddef>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/previous_text.hpp"
#include "bitext/transcript.hpp"
#include "byte_pairs.hpp"
#include "counted_ptr.hpp"

namespace bitext::detail {

// A pair's two sides by language rather than by role: views of the document
// text, or of `joined` when a side has several ranges (joined by a space).
struct PairSides {
  std::string_view latin;  // the side written in Latin script ("" when none)
  std::string_view han;    // the side written in Han script ("" when none)
  std::unique_ptr<std::array<std::string, 2>> joined;  // latin, han; on the heap so that views survive moves
};
// The byte ranges pair_sides joins for pair `pair`: its sides' text depends on
// nothing else (ranges that are empty or past the text are skipped). Mostly
// one range a side: kept inside the pair's entry, without an allocation.
using SideRanges = InlineVector<Pair::TextRange, 2>;
struct PairSideRanges {
  SideRanges latin;
  SideRanges han;
};
PairSideRanges pair_side_ranges(const Transcript& transcript, std::size_t pair);
// The text of each side of every pair (several lines of one side joined by a
// space), viewing `text`, which must outlive them.
std::vector<PairSides> pair_sides(const Transcript& transcript, std::string_view text);
// One pair's sides from its ranges, as pair_sides makes them.
PairSides pair_sides_of(std::string_view text, const PairSideRanges& ranges);
// The same from a previous version's text (its views valid while `text` lives).
PairSides pair_sides_of(const PreviousText& text, const PairSideRanges& ranges);

// A short phrase that decided a cue, for the turn's evidence: one of
// read_wording's constant phrases, pointed to rather than viewed (a version
// keeps every pair's cues: 8 bytes a cue instead of 24).
struct Cue {
  const std::string_view* phrase = nullptr;  // in read_wording's lists (static storage); null: not found
  bool found() const { return phrase != nullptr; }
  std::string_view words() const { return phrase ? *phrase : std::string_view{}; }
  bool operator==(const Cue&) const = default;
};

// Its flags are bit-fields: a version keeps every pair's wording (speaker_memo.hpp).
struct PairWording {
  bool question : 1 = false;         // its last sentence asks (tag questions such as "Right?" do not)
  bool back_channel : 1 = false;     // nothing but "Yeah." / "Right." / "对。"
  bool answer_opening : 1 = false;   // opens like a reply: "Yeah.", "Well,", "没错"
  bool agreement_opening : 1 = false;  // opens with a word that takes up what was said: "Yeah.", "Right,", "Well,", "No,"
  bool reaction_opening : 1 = false; // opens by judging what was just said: "I love that", "Great point"
  bool continues_talk : 1 = false;   // opens with "And", "But", "So", "Because": the speaker's talk goes on
  bool speaks_to_listener : 1 = false;  // "you mentioned", "as you say", "your point": a reply to the one who spoke
  bool starts_mid_sentence : 1 = false;  // begins in lower case: the previous pair's sentence goes on
  bool ends_open : 1 = false;        // no sentence end at the end: the sentence goes on in the next pair
  std::uint32_t words = 0;       // length in words (Latin) or in Han characters / 2
  std::uint32_t sentences = 0;   // sentences it ends (at least 1 when it has text)
  Cue guest_thanks;              // "thanks for having me", "谢谢邀请"
  Cue host_wording;              // "welcome to", "thanks for coming on", "欢迎收听"
  Cue greeting;                  // "X, welcome.", "Hi, X.": said to someone arriving
  Cue sign_off;                  // "what's the best way for people to ...", "thanks for joining us"
  // Every field: a rerun that compares wordings (speaker_inference_memo.cpp) sees a field added later.
  bool operator==(const PairWording&) const = default;
};
// A pair's Latin side lower-cased (ASCII letters only) and its byte pairs,
// made once for both cue readers.
struct LatinReading {
  explicit LatinReading(std::string_view latin);
  std::string lower;
  BytePairs pairs;  // of `lower`
};
PairWording read_wording(const PairSides& sides, const LatinReading& latin);
PairWording read_wording(const PairSides& sides);

enum class MentionKind : std::uint8_t {
  SelfIntroduction,  // "I'm Dana Kovac", "my name is ...", "我是..."
  CoHost,            // "I'm joined by ...", "my co-host ...": another host, introduced by this speaker
  Guest,             // "our guest is ...", "joined today by ...": a guest, introduced by this speaker
  Addressed,         // "Mira, thanks ...": said to that person, not by them
  Handover,          // "I'll let Omar kick it off", "over to you, Omar": the next turn is theirs
  Mentioned,         // any other capitalised occurrence of a known name
};

struct NameMention {
  std::string name;      // as written on the Latin side ("Dana Kovac", "Mira")
  MentionKind kind = MentionKind::Mentioned;
  bool at_end = false;   // in the pair's last sentence: the next speaker is likely them
  bool opens = false;    // an address that opens the pair ("Felix, I guess ...")
  std::string words;     // the phrase ("I'm Dana Kovac")
};
// Names the pair introduces or addresses (not plain mentions: those need the
// list of known names, see find_mentions).
std::vector<NameMention> read_name_mentions(const PairSides& sides, const LatinReading& latin);
std::vector<NameMention> read_name_mentions(const PairSides& sides);

// Everything inference reads in one pair on its own: a pure function of the
// pair's sides, so a version can take it from the previous one for a pair
// whose sides are unchanged (speaker_memo.hpp).
struct PairCues {
  PairWording wording;
  // read_name_mentions. Most pairs have none and a version keeps every pair's
  // cues, so they are one pointer, null when none, shared by the versions that
  // take the pair's cues from the previous one (never changed once set).
  const std::vector<NameMention>& mentions() const;
  void set_mentions(std::vector<NameMention> mentions);

 private:
  CountedPtr<const std::vector<NameMention>> mentions_;
};
PairCues read_pair_cues(const PairSides& sides);
std::vector<PairCues> read_pair_cues(const std::vector<PairSides>& sides);

// Occurrences of `known` names in the Latin side as capitalised words.
void find_mentions(const PairSides& sides, const std::vector<std::string>& known, std::vector<NameMention>& out);

// The spelling of `name` on the Han side of a pair that mentions it: the name
// itself when the Han side carries it in Latin letters, "X" in "X（name）", a
// leading "X，" when the Latin side opens with "name,", "我是X" for "I'm name".
std::string han_spelling(const PairSides& sides, std::string_view name);

// ASCII helpers shared by the cue readers.
std::string ascii_lower(std::string_view text);
bool is_capitalised_word(std::string_view word);  // "Anna", "José", "Ólafur"
// Is text[at] the first byte of an accented Latin letter in UTF-8 ("á", "Ø", "ł")?
bool is_accented_letter(std::string_view text, std::size_t at);
// The last '.', '?' or '!' of `text`, and the first from `from` on (npos when
// none): find_last_of / find_first_of(".?!") without a set search per byte.
std::size_t last_sentence_mark(std::string_view text);
std::size_t first_sentence_mark(std::string_view text, std::size_t from);
// Do two names refer to one person ("Dana" / "Dana Kovac", "Mira" / "Miranda")?
bool same_person(std::string_view a, std::string_view b);

}  // namespace bitext::detail
