// Who speaks each pair of an unlabelled transcript: a Viterbi decode over the
// pairs whose state is the current speaker and the speaker before them (so
// that an interjection returns the floor and an answer goes back to the one
// who asked). Each pair scores each participant from its own words (a self-
// introduction, addressing someone, host or guest wording, asking) and from
// the pair before it (a question or a name at its end hands the floor on).
// Bare back-channel replies inside someone's talk ("Yeah.") are left out of
// the decode and given to the listener afterwards.
#include "bitext/speaker_inference.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "speaker_cues.hpp"
#include "speaker_decode.hpp"
#include "speaker_inference_detail.hpp"
#include "speaker_participants.hpp"

namespace bitext {
namespace {

using detail::Cast;
using detail::MentionKind;
using detail::PairReading;
using detail::Participant;
using detail::SpeakerRole;
using detail::DecodeTrace;
using detail::StepScores;
using detail::decode_points;

// Scores are log-odds-like points; each is a judgement of how strong a cue is
// relative to the others, not a value fitted to any corpus.
struct Weights {
  static constexpr double self_introduction = 6.0;   // "I'm X": X speaks
  static constexpr double not_addressee = 6.0;       // "X, ..." is not said by X
  static constexpr double not_introduced = 4.0;      // introducing X is done by someone else
  static constexpr double named_next = 3.0;          // a name at the end of the previous pair (or a hand-over)
  static constexpr double named_next_early = 2.0;    // a name earlier in a previous pair that asks
  static constexpr double introduced_next = 2.0;     // the one just introduced speaks next
  static constexpr double mentioned = 1.0;          // people rarely speak of themselves by name
  static constexpr double asks = 0.8;                // hosts ask, guests answer
  static constexpr double talks_at_length = 0.5;     // guests talk at length: a statement of sentences, no question
  static constexpr double guest_thanks = 3.0;        // "thanks for having me"
  static constexpr double host_wording = 2.0;        // "welcome to", "thanks for coming on"
  static constexpr double sign_off = 2.0;            // the host closes the show
  static constexpr double opens_show = 1.5;          // a host opens the show
  static constexpr double stay = 1.0;                // turns run over several pairs
  static constexpr double mid_sentence = 2.0;        // a pair that starts in lower case goes on
  static constexpr double open_end = 1.0;            // a pair that ends without a sentence end goes on
  static constexpr double after_question = 2.5;      // people do not answer their own questions
  static constexpr double answer_after_question = 1.0;
  static constexpr double agreement = 1.0;           // "Yeah, ...", "Well, ...": a reply to someone else
  static constexpr double reply_thanks = 2.0;        // thanks for the invitation answer the welcome
  static constexpr double handed_on = 1.5;           // a name at the end hands the floor on
  static constexpr double reaction = 1.5;            // "I love that", "Mira, ...": someone takes the floor
  static constexpr double guest_answers = 1.5;       // a host's question is put to a guest
  static constexpr std::size_t long_pair_sentences = 2;
  static constexpr double short_turn = 1.0;          // a short pair was a whole turn
  static constexpr std::size_t short_pair_words = 20;
  static constexpr double continues_talk = 0.7;      // "And ...", "So ..." after a paragraph: the talk goes on
  static constexpr double speaks_to_listener = 1.5;  // "you mentioned ...": said to the one who spoke
};

double role_score(SpeakerRole role, double points) {
  if (role == SpeakerRole::Host) return points;
  if (role == SpeakerRole::Guest) return -points;
  return 0.0;
}

// The floor passes to participant `who` after pair `i`.
std::int32_t named_next(const PairReading& reading, bool strong_only) {
  std::int32_t found = -1;
  for (std::size_t m = 0; m < reading.mentions.size(); ++m) {
    const auto& mention = reading.mentions[m];
    const std::int32_t who = reading.mention_participants[m];
    if (who < 0) continue;
    if (mention.kind == MentionKind::Handover) return who;
    if (mention.kind == MentionKind::Addressed && (mention.at_end || !strong_only)) found = who;
  }
  return found;
}

// Does the pair close by introducing participant p ("... our guests today are
// A and B. Welcome!")? The one introduced greets or thanks next.
bool introduced_in(const PairReading& reading, std::size_t p) {
  for (std::size_t m = 0; m < reading.mentions.size(); ++m)
    if (reading.mention_participants[m] == static_cast<std::int32_t>(p) &&
        (reading.mentions[m].kind == MentionKind::Guest || reading.mentions[m].kind == MentionKind::CoHost) &&
        (reading.mentions[m].at_end || reading.wording.host_wording.found()))
      return true;
  return false;
}

// Does the pair greet a guest by name ("Inês, welcome.", "Hi, Dana.")? The
// one who greets a guest arriving is a host (guests greet hosts too, so a
// greeting alone says nothing).
bool greets_guest(const Cast& cast, const PairReading& reading) {
  if (!reading.wording.greeting.found()) return false;
  for (std::size_t m = 0; m < reading.mentions.size(); ++m) {
    const std::int32_t who = reading.mention_participants[m];
    if (reading.mentions[m].kind == MentionKind::Addressed && who >= 0 &&
        cast.participants[static_cast<std::size_t>(who)].role == SpeakerRole::Guest)
      return true;
  }
  return false;
}

// Points for participant p speaking pair i, from the pair's own words and the pair before.
double emission(const Cast& cast, std::size_t i, std::size_t p, std::size_t previous_pair, bool has_previous) {
  const PairReading& reading = cast.pair(i);
  const Participant& who = cast.participants[p];
  double score = 0;
  for (std::size_t m = 0; m < reading.mentions.size(); ++m) {
    if (reading.mention_participants[m] != static_cast<std::int32_t>(p)) continue;
    switch (reading.mentions[m].kind) {
      case MentionKind::SelfIntroduction: score += Weights::self_introduction; break;
      case MentionKind::Addressed: score -= Weights::not_addressee; break;
      case MentionKind::CoHost:
      case MentionKind::Guest:
      case MentionKind::Handover: score -= Weights::not_introduced; break;
      case MentionKind::Mentioned: score -= Weights::mentioned; break;
    }
  }
  const detail::PairWording& wording = reading.wording;
  if (wording.question) score += role_score(who.role, Weights::asks);
  if (!wording.question && !wording.reaction_opening && wording.sentences >= Weights::long_pair_sentences)
    score += role_score(who.role, -Weights::talks_at_length);
  if (wording.guest_thanks.found()) score += role_score(who.role, -Weights::guest_thanks);
  else if (wording.host_wording.found() || greets_guest(cast, reading)) score += role_score(who.role, Weights::host_wording);
  if (wording.sign_off.found()) score += role_score(who.role, Weights::sign_off);
  if (i == 0) score += role_score(who.role, Weights::opens_show);
  if (has_previous) {
    const PairReading& before = cast.pair(previous_pair);
    const std::int32_t strong = named_next(before, true);
    if (strong == static_cast<std::int32_t>(p)) {
      score += Weights::named_next;
    } else if (before.wording.question && named_next(before, false) == static_cast<std::int32_t>(p)) {
      score += Weights::named_next_early;
    } else if (introduced_in(before, p)) {
      score += Weights::introduced_next;
    }
  }
  return score;
}

// Does the pair open by addressing someone ("Felix, I guess ...")? People
// name whom they speak to as they take the floor.
// Not when the pair before named the same person: the one who introduced
// them goes on to greet them ("... our guest is Lucy Vale." "Lucy, welcome.").
bool addresses_first(const PairReading& reading, const PairReading& before) {
  for (std::size_t m = 0; m < reading.mentions.size(); ++m) {
    if (reading.mentions[m].kind != MentionKind::Addressed || !reading.mentions[m].opens) continue;
    const std::int32_t who = reading.mention_participants[m];
    const bool named_before = who >= 0 && std::find(before.mention_participants.begin(),
                                                    before.mention_participants.end(), who) !=
                                              before.mention_participants.end();
    if (!named_before) return true;
  }
  return false;
}

// Points for the speaker of pair i staying the speaker of pair `previous`.
// `pairs_not_turns`: pairs cut by time or by sentence rather than by who speaks, so that
// a short pair says nothing about the turn.
double stay_score(const Cast& cast, std::size_t i, std::size_t previous, bool pairs_not_turns) {
  const detail::PairWording& now = cast.wording(i);
  const detail::PairWording& before = cast.wording(previous);
  double score = Weights::stay;
  // Transcripts start a new line or paragraph when the speaker changes or a
  // talk grows long: a pair of a sentence or two that ends its sentence was a
  // whole turn, and the next pair is someone else's.
  if (!pairs_not_turns && before.words <= Weights::short_pair_words && !before.ends_open && !now.starts_mid_sentence)
    score -= Weights::short_turn;
  if (now.starts_mid_sentence) score += Weights::mid_sentence;
  if (before.ends_open) score += Weights::open_end;
  if (before.question) {
    score -= Weights::after_question;
    if (now.answer_opening) score -= Weights::answer_after_question;
  }
  if (now.agreement_opening) score -= Weights::agreement;
  if (now.continues_talk && !before.question && before.words > Weights::short_pair_words)
    score += Weights::continues_talk;
  if (now.speaks_to_listener) score -= Weights::speaks_to_listener;
  if (now.guest_thanks.found()) score -= Weights::reply_thanks;
  if (now.reaction_opening) score -= Weights::reaction;
  if (addresses_first(cast.pair(i), cast.pair(previous))) score -= Weights::reaction;
  if (named_next(cast.pair(previous), true) >= 0) score -= Weights::handed_on;
  return score;
}

struct Decision {
  std::int32_t speaker = -1;
  SpeakerCue cue = SpeakerCue::Default;
  std::string evidence;
};

// The cue that best explains why pair i is participant p's.
Decision explain(const Cast& cast, const std::vector<detail::PairSides>& sides, std::size_t i, std::size_t p,
                 std::int32_t previous_pair, std::int32_t previous_speaker) {
  const PairReading& reading = cast.pair(i);
  const Participant& who = cast.participants[p];
  const auto speaker = static_cast<std::int32_t>(p);
  for (std::size_t m = 0; m < reading.mentions.size(); ++m)
    if (reading.mention_participants[m] == speaker && reading.mentions[m].kind == MentionKind::SelfIntroduction)
      return {speaker, SpeakerCue::SelfIntroduction, reading.mentions[m].words};
  if (previous_pair >= 0) {
    const PairReading& before = cast.pair(static_cast<std::size_t>(previous_pair));
    for (std::size_t m = 0; m < before.mentions.size(); ++m) {
      if (before.mention_participants[m] != speaker) continue;
      if (before.mentions[m].kind == MentionKind::Handover)
        return {speaker, SpeakerCue::Handover, before.mentions[m].words};
      if (before.mentions[m].kind == MentionKind::Addressed && previous_speaker != speaker)
        return {speaker, SpeakerCue::Addressed, before.mentions[m].words};
    }
  }
  if (reading.wording.guest_thanks.found() && who.role == SpeakerRole::Guest)
    return {speaker, SpeakerCue::Role, std::string(reading.wording.guest_thanks.words())};
  if (reading.wording.host_wording.found() && who.role == SpeakerRole::Host)
    return {speaker, SpeakerCue::Role, std::string(reading.wording.host_wording.words())};
  if (previous_speaker == speaker) return {speaker, SpeakerCue::Continued, {}};
  if (previous_pair >= 0 && cast.wording(static_cast<std::size_t>(previous_pair)).question) {
    const std::string_view asked = sides[static_cast<std::size_t>(previous_pair)].latin;
    const std::size_t from = asked.size() > 60 ? asked.size() - 60 : 0;
    return {speaker, SpeakerCue::Alternation, std::string(asked.substr(from))};
  }
  if (who.known_by == SpeakerCue::Introduced) return {speaker, SpeakerCue::Introduced, who.evidence};
  return {speaker, SpeakerCue::Default, {}};
}

float confidence_of(SpeakerCue cue, bool named) {
  float confidence = 0.4F;
  switch (cue) {
    case SpeakerCue::SelfIntroduction: confidence = 0.95F; break;
    case SpeakerCue::Addressed:
    case SpeakerCue::Handover: confidence = 0.85F; break;
    case SpeakerCue::Role: confidence = 0.8F; break;
    case SpeakerCue::Introduced: confidence = 0.7F; break;
    case SpeakerCue::Continued: confidence = 0.7F; break;
    case SpeakerCue::Alternation: confidence = 0.65F; break;
    case SpeakerCue::BackChannel: confidence = 0.6F; break;
    default: confidence = 0.4F; break;
  }
  return named ? confidence : confidence * 0.9F;
}

// An unnamed speaker's name in a side's language: Chinese for Han, else as is.
std::string unnamed_spelling(const std::string& name, Script script) {
  if (script != Script::Han) return name;
  if (name == "Host") return "主持人";
  if (name == "Guest") return "嘉宾";
  if (name.rfind("Speaker ", 0) == 0) return "说话人" + name.substr(8);
  return name;
}

// Interjections inside someone's talk: a bare back-channel reply that does not answer a question.
bool interjection(const Cast& cast, std::size_t i) {
  if (!cast.wording(i).back_channel || i == 0 || i + 1 >= cast.size()) return false;
  return !cast.wording(i - 1).question;
}

// The pairs the decode runs over: every pair but interjections.
std::vector<std::uint32_t> decoded_pairs(const Cast& cast) {
  std::vector<std::uint32_t> order;
  order.reserve(cast.size());
  for (std::size_t i = 0; i < cast.size(); ++i)
    if (!interjection(cast, i)) order.push_back(static_cast<std::uint32_t>(i));
  return order;
}

// Short pairs end turns only where pairs are turns or paragraphs: subtitle
// cues are cut by time, and a document of one sentence per pair by sentence.
bool pairs_are_not_turns(const Transcript& transcript, const Cast& cast) {
  std::size_t multi_sentence = 0;
  for (std::size_t i = 0; i < cast.size(); ++i) multi_sentence += cast.wording(i).sentences >= 2 ? 1 : 0;
  return transcript.layout == Layout::Srt || transcript.layout == Layout::Vtt || multi_sentence * 4 < cast.size();
}

// The decode's scores of a step: what each participant gets for speaking its
// pair, after the pair decoded before it. A step reads its own pair and that
// one only, never others (decode_again relies on it).
class StepScoring {
 public:
  StepScoring(const Cast& cast, const std::vector<std::uint32_t>& order, bool pairs_not_turns)
      : cast_(cast), order_(order), pairs_not_turns_(pairs_not_turns), hosts_(cast.participants.size()) {
    for (std::size_t p = 0; p < hosts_.size(); ++p) hosts_[p] = cast.participants[p].role == SpeakerRole::Host;
  }
  void operator()(std::size_t t, StepScores& scores) const {
    const std::size_t k = hosts_.size();
    const std::size_t i = order_[t];
    if (t == 0) {
      for (std::size_t s = 0; s < k; ++s) scores.emit[s] = decode_points(emission(cast_, i, s, 0, false));
      return;
    }
    const std::size_t previous = order_[t - 1];
    const bool asked = cast_.wording(previous).question;
    const bool bridged = previous + 1 != i;  // an interjection between: the talker goes on
    for (std::size_t s = 0; s < k; ++s) scores.emit[s] = decode_points(emission(cast_, i, s, previous, true));
    scores.stay = decode_points(stay_score(cast_, i, previous, pairs_not_turns_) + (bridged ? Weights::stay : 0.0));
    for (std::size_t a = 0; a < k; ++a)
      for (std::size_t b = 0; b < k; ++b)
        scores.take_over[a * k + b] = decode_points(asked && hosts_[a] && !hosts_[b] ? Weights::guest_answers : 0.0);
  }

 private:
  const Cast& cast_;
  const std::vector<std::uint32_t>& order_;
  bool pairs_not_turns_;
  std::vector<bool> hosts_;
};

// Per pair, its speaker and the previous different speaker (-1: none), from
// the decoded path; interjections go to the one being talked to.
struct PairSpeakers {
  std::vector<std::int32_t> speaker_of;
  std::vector<std::int32_t> listener_of;
};
PairSpeakers pair_speakers(const DecodeTrace& decoded, std::size_t n) {
  const std::size_t k = decoded.speakers;
  PairSpeakers out{std::vector<std::int32_t>(n, -1), std::vector<std::int32_t>(n, -1)};
  for (std::size_t t = 0; t < decoded.steps.size(); ++t) {
    out.speaker_of[decoded.steps[t]] = decoded.speaker_at(t);
    out.listener_of[decoded.steps[t]] = decoded.listener_at(t);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (out.speaker_of[i] >= 0) continue;
    const std::int32_t talker = out.speaker_of[i - 1];
    std::int32_t listener = out.listener_of[i - 1];
    if (listener < 0 || listener == talker) {
      // Nobody spoke before the talker: the first other participant.
      listener = talker == 0 && k > 1 ? 1 : 0;
    }
    out.speaker_of[i] = listener;
    out.listener_of[i] = talker;
  }
  return out;
}

// Why pair i is its speaker's: an interjection's own words, else explain.
Decision decision_of(const Cast& cast, const std::vector<detail::PairSides>& sides, const PairSpeakers& path,
                     std::size_t i) {
  const std::int32_t speaker = path.speaker_of[i];
  if (interjection(cast, i))
    return {speaker, SpeakerCue::BackChannel, std::string(sides[i].latin.empty() ? sides[i].han : sides[i].latin)};
  const std::int32_t previous = i > 0 ? path.speaker_of[i - 1] : -1;
  return explain(cast, sides, i, static_cast<std::size_t>(speaker), i > 0 ? std::int32_t(i - 1) : -1, previous);
}

// Speakers in order of first appearance; unnamed ones by role, else numbered.
// `index_of` receives each participant's place among them (-1: never speaks).
std::vector<Speaker> model_speakers(const Transcript& transcript, const Cast& cast, const PairSpeakers& path,
                                    std::vector<std::int32_t>& index_of) {
  const std::size_t k = cast.participants.size();
  const std::size_t n = path.speaker_of.size();
  std::vector<Speaker> speakers;
  index_of.assign(k, -1);
  for (std::size_t i = 0; i < n && speakers.size() < k; ++i) {
    const auto p = static_cast<std::size_t>(path.speaker_of[i]);
    if (index_of[p] >= 0) continue;
    index_of[p] = static_cast<std::int32_t>(speakers.size());
    const Participant& participant = cast.participants[p];
    Speaker speaker;
    speaker.name = participant.name;
    speaker.original_spelling = participant.name;
    speaker.translation_spelling = participant.han_spelling.empty() ? participant.name : participant.han_spelling;
    if (transcript.original_script != Script::Latin) std::swap(speaker.original_spelling, speaker.translation_spelling);
    speaker.inferred = true;
    speakers.push_back(std::move(speaker));
  }
  std::size_t numbered = 0;
  // An unnamed participant is called by their role only when their own pairs
  // show it (a host asks or welcomes, a guest thanks or answers); otherwise
  // the role was only assumed and they are "Speaker N".
  std::vector<bool> shows_role(k, false);
  for (std::size_t i = 0; i < n; ++i) {
    const auto p = static_cast<std::size_t>(path.speaker_of[i]);
    const detail::PairWording& wording = cast.wording(i);
    if (cast.participants[p].role == SpeakerRole::Host &&
        (wording.question || wording.host_wording.found() || wording.sign_off.found()))
      shows_role[p] = true;
    if (cast.participants[p].role == SpeakerRole::Guest &&
        (wording.guest_thanks.found() ||
         (i > 0 && cast.wording(i - 1).question && path.speaker_of[i - 1] != path.speaker_of[i])))
      shows_role[p] = true;
  }
  for (std::size_t p = 0; p < k; ++p) {
    if (index_of[p] < 0 || !cast.participants[p].name.empty() || !shows_role[p]) continue;
    Speaker& speaker = speakers[static_cast<std::size_t>(index_of[p])];
    const SpeakerRole role = cast.participants[p].role;
    speaker.name = role == SpeakerRole::Host ? "Host" : role == SpeakerRole::Guest ? "Guest" : "";
  }
  for (Speaker& speaker : speakers)
    if (speaker.name.empty()) speaker.name = "Speaker " + std::to_string(++numbered);
  for (Speaker& speaker : speakers) {
    if (speaker.original_spelling.empty()) speaker.original_spelling = unnamed_spelling(speaker.name, transcript.original_script);
    if (speaker.translation_spelling.empty())
      speaker.translation_spelling = unnamed_spelling(speaker.name, transcript.translation_script);
  }
  return speakers;
}

// Turns: runs of one speaker; the turn's cue is its strongest pair's. Pair i
// joins the last turn or starts one.
void add_to_turns(std::vector<SpeakerTurn>& turns, const Cast& cast, const PairSpeakers& path,
                  const std::vector<std::int32_t>& index_of, std::size_t i, const Decision& decision) {
  const auto participant = static_cast<std::size_t>(path.speaker_of[i]);
  const std::int32_t speaker = index_of[participant];
  const bool named = !cast.participants[participant].name.empty();
  const float confidence = confidence_of(decision.cue, named);
  if (!turns.empty() && turns.back().speaker == speaker) {
    SpeakerTurn& turn = turns.back();
    turn.last_pair = static_cast<std::uint32_t>(i);
    if (decision.cue != SpeakerCue::Continued && confidence > turn.confidence) {
      turn.confidence = confidence;
      turn.cue = decision.cue;
      turn.evidence = preview(decision.evidence, 60);
    }
    return;
  }
  SpeakerTurn turn;
  turn.speaker = speaker;
  turn.first_pair = turn.last_pair = static_cast<std::uint32_t>(i);
  turn.inferred = true;
  turn.cue = decision.cue == SpeakerCue::Continued ? SpeakerCue::Default : decision.cue;
  turn.confidence = confidence_of(turn.cue, named);
  turn.evidence = preview(decision.evidence, 60);
  turns.push_back(std::move(turn));
}

bool same_speakers(const std::vector<Speaker>& a, const std::vector<Speaker>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Speaker& x, const Speaker& y) {
    return x.name == y.name && x.translation_spelling == y.translation_spelling &&
           x.original_spelling == y.original_spelling && x.inferred == y.inferred && x.labels == y.labels;
  });
}

}  // namespace

}  // namespace bitext

namespace bitext::detail {

SpeakerModel infer_speakers(const Transcript& transcript, const std::vector<PairSides>& sides,
                            const std::vector<PairCues>& cues) {
  if (transcript.pairs.empty()) return {};
  return infer_from_cast(transcript, sides, read_cast(sides, cues));
}

SpeakerModel infer_from_cast(const Transcript& transcript, const std::vector<PairSides>& sides, const Cast& cast,
                             DecodeTrace* trace) {
  SpeakerModel model;
  const std::size_t n = transcript.pairs.size();
  if (n == 0 || cast.size() != n || cast.participants.empty()) return model;
  const bool pairs_not_turns = pairs_are_not_turns(transcript, cast);
  std::vector<std::uint32_t> order = decoded_pairs(cast);
  const StepScoring scoring(cast, order, pairs_not_turns);
  DecodeTrace local;
  DecodeTrace& decoded = trace != nullptr ? *trace : local;
  decode(cast.participants.size(), order, scoring, decoded);  // a copy: scoring reads order
  decoded.pairs_not_turns = pairs_not_turns;
  const PairSpeakers path = pair_speakers(decoded, n);
  std::vector<std::int32_t> index_of;
  model.speakers = model_speakers(transcript, cast, path, index_of);
  for (std::size_t i = 0; i < n; ++i) add_to_turns(model.turns, cast, path, index_of, i, decision_of(cast, sides, path, i));
  return model;
}

std::optional<SpeakerModel> infer_from_cast_again(const Transcript& transcript, const std::vector<PairSides>& sides,
                                                  const Cast& cast, const std::vector<std::size_t>& changed,
                                                  const DecodeTrace& before, const SpeakerModel& before_model,
                                                  DecodeTrace& trace) {
  const std::size_t n = transcript.pairs.size();
  const std::size_t k = cast.participants.size();
  if (n == 0 || cast.size() != n || changed.empty() || before.speakers != k || before.last.empty() ||
      before_model.turns.empty() || before_model.turns.back().last_pair + 1 != n)
    return std::nullopt;
  const bool pairs_not_turns = pairs_are_not_turns(transcript, cast);
  std::vector<std::uint32_t> order = decoded_pairs(cast);
  if (pairs_not_turns != before.pairs_not_turns || order != before.steps) return std::nullopt;

  // A step reads its pair and the one decoded before it: the steps of the
  // changed pairs and the steps after them score differently.
  std::size_t first = order.size();
  std::size_t last = 0;
  for (const std::size_t pair : changed) {
    const auto at = std::lower_bound(order.begin(), order.end(), pair);
    if (at == order.end() || *at != pair) continue;  // an interjection: not decoded
    const auto t = static_cast<std::size_t>(at - order.begin());
    first = std::min(first, t);
    last = std::max(last, std::min(t + 1, order.size() - 1));
  }
  const StepScoring scoring(cast, order, pairs_not_turns);
  if (first < order.size()) {
    decode_again(before, first, last, scoring, trace);
  } else {
    trace = before;
    trace.steps_decoded = 0;
  }
  trace.pairs_not_turns = pairs_not_turns;

  // The pairs whose decision may differ: the changed ones, those whose
  // speaker or listener changed, and the pair after each (explain reads the pair before).
  const PairSpeakers path = pair_speakers(trace, n);
  const PairSpeakers old_path = pair_speakers(before, n);
  std::size_t low = n;
  std::size_t high = 0;
  auto differs = [&](std::size_t i) {
    low = std::min(low, i);
    high = std::max(high, std::min(i + 1, n - 1));
  };
  for (const std::size_t pair : changed) differs(pair);
  for (std::size_t i = 0; i < n; ++i)
    if (path.speaker_of[i] != old_path.speaker_of[i] || path.listener_of[i] != old_path.listener_of[i]) differs(i);

  SpeakerModel model;
  std::vector<std::int32_t> index_of;
  std::vector<std::int32_t> old_index_of;
  model.speakers = model_speakers(transcript, cast, path, index_of);
  model_speakers(transcript, cast, old_path, old_index_of);
  if (index_of != old_index_of || !same_speakers(model.speakers, before_model.speakers)) {
    for (std::size_t i = 0; i < n; ++i)
      add_to_turns(model.turns, cast, path, index_of, i, decision_of(cast, sides, path, i));
    return model;
  }
  // The turns before the one holding the first pair that may differ are the
  // previous version's, and so are those after the one holding the last: the
  // pairs on either side of that turn's end keep their speakers, so a turn
  // still starts after it, made of the same decisions.
  const std::vector<SpeakerTurn>& turns = before_model.turns;
  auto turn_of = [&turns](std::size_t pair) {
    return static_cast<std::size_t>(std::upper_bound(turns.begin(), turns.end(), pair,
                                                     [](std::size_t p, const SpeakerTurn& turn) { return p < turn.first_pair; }) -
                                    turns.begin()) - 1;
  };
  const std::size_t first_turn = turn_of(low);
  const std::size_t next_turn = turn_of(high) + 1;
  model.turns.assign(turns.begin(), turns.begin() + static_cast<std::ptrdiff_t>(first_turn));
  for (std::size_t i = turns[first_turn].first_pair; i <= turns[next_turn - 1].last_pair; ++i)
    add_to_turns(model.turns, cast, path, index_of, i, decision_of(cast, sides, path, i));
  model.turns.insert(model.turns.end(), turns.begin() + static_cast<std::ptrdiff_t>(next_turn), turns.end());
  return model;
}

std::optional<SpeakerModel> inferred_speaker_model(const Transcript& transcript, const std::vector<PairSides>& sides,
                                                   const std::vector<PairCues>& cues) {
  if (transcript.speaker_model.labelled() || transcript.pairs.empty()) return std::nullopt;
  return kept_inferred_model(infer_speakers(transcript, sides, cues));
}

std::optional<SpeakerModel> kept_inferred_model(SpeakerModel inferred) {
  // One speaker throughout tells a reader nothing (and is what the inference
  // says when it finds no change of speaker): the document keeps no speakers.
  if (inferred.speakers.size() < 2) return std::nullopt;
  return inferred;
}

void set_speaker_model(Transcript& transcript, SpeakerModel model) {
  transcript.speaker_model = std::move(model);
  const SpeakerModel& set = transcript.speaker_model;
  std::vector<SharedString> names;  // one copy of each name, shared by its pairs
  names.reserve(set.speakers.size());
  for (const Speaker& speaker : set.speakers) names.emplace_back(speaker.name);
  for (const SpeakerTurn& turn : set.turns) {
    for (std::uint32_t i = turn.first_pair; i <= turn.last_pair && i < transcript.pairs.size(); ++i) {
      transcript.pairs[i].speaker_index = turn.speaker;
      transcript.pairs[i].speaker = names[static_cast<std::size_t>(turn.speaker)];
    }
  }
}

void add_inferred_speakers(Transcript& transcript, const std::vector<PairSides>& sides,
                           const std::vector<PairCues>& cues) {
  if (std::optional<SpeakerModel> inferred = inferred_speaker_model(transcript, sides, cues))
    set_speaker_model(transcript, std::move(*inferred));
}

std::vector<PairCues> read_pair_cues(const std::vector<PairSides>& sides) {
  std::vector<PairCues> cues;
  cues.reserve(sides.size());
  for (const PairSides& pair : sides) cues.push_back(read_pair_cues(pair));
  return cues;
}

}  // namespace bitext::detail

namespace bitext {

SpeakerModel infer_speakers(const Transcript& transcript, std::string_view text) {
  if (transcript.pairs.empty()) return {};
  const std::vector<detail::PairSides> sides = detail::pair_sides(transcript, text);
  return detail::infer_speakers(transcript, sides, detail::read_pair_cues(sides));
}

void add_inferred_speakers(Transcript& transcript, std::string_view text) {
  if (transcript.speaker_model.labelled() || transcript.pairs.empty()) return;
  const std::vector<detail::PairSides> sides = detail::pair_sides(transcript, text);
  detail::add_inferred_speakers(transcript, sides, detail::read_pair_cues(sides));
}

}  // namespace bitext
