#include "speaker_model.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "bitext/script.hpp"
#include "bitext/speaker_inference.hpp"
#include "bitext/speaker_labels.hpp"
#include "line_facts.hpp"
#include "speaker_inference_detail.hpp"
#include "speaker_inference_memo.hpp"
#include "speaker_memo.hpp"

namespace bitext::detail {
namespace {

// A name as labels write it, read once per writing (ModelBuilder::make).
struct NameReading {
  std::string name;  // written_name
  std::string key;   // spelling_key of the name
  // The places of the key among the document's keys and of the name among
  // its names, in sorted order (ModelBuilder::number_names).
  std::int32_t key_number = -1;
  std::int32_t name_number = -1;
};
const std::string kNoName;

// A label as read, before the document decides whether it is one.
struct Candidate {
  LabelMatch match;          // offsets absolute in the document
  LabelSide side = LabelSide::Original;
  std::int32_t pair = -1;    // the pair it labels or opens (-1: none follows)
  const NameReading* reading = nullptr;  // its name's; null when nameless (shared by the writing's labels)
  bool translation = false;  // in the translation's language (an own-line label: by its script)
  const std::string& name() const { return reading != nullptr ? reading->name : kNoName; }
  const std::string& key() const { return reading != nullptr ? reading->key : kNoName; }  // empty when nameless
};

// How many of a document's labels must be labels on their own (strong forms,
// recurring names) before a name seen once counts too: one is not a style.
constexpr std::size_t kLabelledDocument = 2;

LabelMatch absolute(LabelMatch match, std::size_t base) {
  match.begin += base;
  match.end += base;
  match.name_begin += base;
  match.name_end += base;
  return match;
}

bool blank_bytes(std::string_view text, std::size_t begin, std::size_t end) {
  for (std::size_t at = begin; at < end && at < text.size(); ++at)
    if (text[at] != ' ' && text[at] != '\t') return false;
  return true;
}

class ModelBuilder {
 public:
  ModelBuilder(Transcript& transcript, const LabelSources& sources, LabelReader& reader)
      : transcript_(transcript), sources_(sources), reader_(reader) {}

  void run() {
    read_side_labels();
    sort_candidates();
    read_own_line_labels();
    sort_candidates();
    number_names();
    accept();
    if (accepted_.empty()) return;
    name_speakers();
    make_turns();
  }

 private:
  // The label at the start of a side: in a layout, markup before the text
  // unit on its line ("<v Name>", a Markdown label unit) is read with it.
  std::optional<LabelMatch> side_label(std::size_t begin, std::size_t end) const {
    if (std::optional<LabelMatch> unit = label_unit_before(begin)) return unit;
    if (!sources_.reading.empty()) {
      const std::size_t line_start = sources_.document.line_start(sources_.document.line_of(begin));
      if (line_start < begin) {
        if (std::optional<LabelMatch> match = reader_.read(line_start, end)) {
          const LabelMatch found = absolute(*match, line_start);
          if (found.end >= begin || blank_bytes(sources_.reading, found.end, begin)) return found;
        }
      }
    }
    std::optional<LabelMatch> match = reader_.read(begin, end);
    if (!match) return std::nullopt;
    LabelMatch found = absolute(*match, begin);
    if (found.end > end) return std::nullopt;
    return found;
  }

  // A reader's label unit that opens the paragraph of a side ("**Name：**" and
  // the text on the next line): a label of that side.
  std::optional<LabelMatch> label_unit_before(std::size_t begin) const {
    if (sources_.units == nullptr) return std::nullopt;
    const std::vector<Unit>& units = *sources_.units;
    auto after = std::lower_bound(units.begin(), units.end(), begin,
                                  [](const Unit& unit, std::size_t offset) { return unit.begin < offset; });
    if (after == units.begin()) return std::nullopt;
    const Unit& label = *std::prev(after);
    if (label.kind != UnitKind::Label || label.end > begin) return std::nullopt;
    std::size_t line_ends = 0;
    for (std::size_t at = label.end; at < begin; ++at) {
      const char c = sources_.text[at];
      if (c == '\n' || (c == '\r' && (at + 1 >= begin || sources_.text[at + 1] != '\n'))) ++line_ends;
      else if (c != ' ' && c != '\t' && c != '\r') return std::nullopt;
    }
    if (line_ends > 1) return std::nullopt;  // a blank line between: a label of its own
    // Read up to the text: the spaces after the label are the label's.
    std::optional<LabelMatch> match = reader_.read(label.begin, begin);
    if (!match) return std::nullopt;
    return absolute(*match, label.begin);
  }

  void add(const LabelMatch& match, LabelSide side, std::int32_t pair) { candidates_.push_back(make(match, side, pair)); }

  Candidate make(const LabelMatch& match, LabelSide side, std::int32_t pair) {
    Candidate candidate;
    candidate.match = match;
    candidate.side = side;
    candidate.pair = pair;
    if (!match.nameless()) {
      // A document writes a few names over and over: each writing is read once.
      const std::string_view written = sources_.text.substr(match.name_begin, match.name_end - match.name_begin);
      auto [known, added] = names_.try_emplace(written);
      if (added) {
        known->second.name = written_name(written);
        known->second.key = spelling_key(known->second.name);
      }
      candidate.reading = &known->second;
    }
    return candidate;
  }

  void read_side_labels() {
    for (const Pair& pair : transcript_.pairs) {
      for (const bool translation : {true, false}) {
        const SideLines& side = translation ? pair.translation : pair.original;
        if (side.empty()) continue;
        const TranscriptLine& line = transcript_.lines[side.front()];
        const LabelSide where = translation ? LabelSide::Translation : LabelSide::Original;
        if (std::optional<LabelMatch> match = side_label(line.begin, line.end))
          add(*match, where, static_cast<std::int32_t>(pair.index));
        read_further_dashes(pair, translation, where);
      }
    }
  }

  // "- Why?" / "- Because." in one subtitle cue: each dialogue dash that opens
  // a later line of the side starts another speaker's words within the cue.
  void read_further_dashes(const Pair& pair, bool translation, LabelSide where) {
    if (sources_.layout != Layout::Srt && sources_.layout != Layout::Vtt) return;
    const TextRanges& kept = translation ? pair.translation_ranges : pair.original_ranges;
    std::vector<Pair::TextRange> spans(kept.begin(), kept.end());
    if (spans.empty())
      for (const std::uint32_t line : translation ? pair.translation : pair.original)
        spans.push_back({transcript_.lines[line].begin, transcript_.lines[line].end});
    const std::string_view text = sources_.text;
    for (std::size_t r = 0; r < spans.size(); ++r) {
      for (std::size_t at = spans[r].begin; at < spans[r].end && at < text.size(); ++at) {
        const bool line_start = (at == spans[r].begin && r > 0) || (at > spans[r].begin && text[at - 1] == '\n');
        if (!line_start) continue;
        const std::size_t end = std::min(text.find('\n', at), spans[r].end);
        const std::optional<LabelMatch> match = reader_.read(at, end);
        if (match && match->form == LabelForm::Dash) add(absolute(*match, at), where, static_cast<std::int32_t>(pair.index));
      }
    }
  }

  // The pair that the first text at or after `offset` belongs to.
  std::int32_t pair_after(std::size_t offset) const {
    const auto& lines = transcript_.lines;
    auto at = std::lower_bound(lines.begin(), lines.end(), offset,
                               [](const TranscriptLine& line, std::size_t value) { return line.end <= value; });
    for (; at != lines.end(); ++at)
      if (at->pair >= 0 && (at->kind == LineKind::Translation || at->kind == LineKind::Original)) return at->pair;
    return -1;
  }

  // (Side labels are read in text order in most documents: not sorted again.)
  void sort_candidates() {
    const auto by_begin = [](const Candidate& a, const Candidate& b) { return a.match.begin < b.match.begin; };
    if (!std::is_sorted(candidates_.begin(), candidates_.end(), by_begin))
      std::sort(candidates_.begin(), candidates_.end(), by_begin);
  }

  // Candidates are sorted and do not overlap.
  bool overlaps_side_label(std::size_t begin, std::size_t end) const {
    const auto after = std::upper_bound(candidates_.begin(), candidates_.end(), begin,
                                        [](std::size_t offset, const Candidate& c) { return offset < c.match.end; });
    return after != candidates_.end() && after->match.begin < end;
  }

  void read_own_line_labels() {
    const std::string_view text = sources_.text;
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    if (sources_.units != nullptr) {
      for (const Unit& unit : *sources_.units)
        if (unit.kind == UnitKind::Label) ranges.emplace_back(unit.begin, unit.end);
    }
    // Lines (text units) that pairing set aside as markup: a label alone is one.
    for (const TranscriptLine& line : transcript_.lines)
      if (line.kind == LineKind::Markup) ranges.emplace_back(line.begin, line.end);
    std::sort(ranges.begin(), ranges.end());
    std::vector<Candidate> own;
    for (const auto& [begin, end] : ranges) {
      if (overlaps_side_label(begin, end)) continue;
      std::optional<LabelMatch> match = read_own_line_label(text.substr(begin, end - begin), sources_.layout);
      if (!match) continue;
      own.push_back(make(absolute(*match, begin), LabelSide::OwnLine, pair_after(end)));
    }
    for (Candidate& candidate : own) candidates_.push_back(std::move(candidate));
  }

  // The document's keys and names numbered in their sorted order: the
  // tables that follow are indexed by number, and visited in the order the
  // strings themselves would be.
  void number_names() {
    std::map<std::string_view, std::int32_t> key_numbers, name_numbers;
    for (const auto& [written, reading] : names_) {
      if (reading.key.empty()) continue;
      key_numbers.emplace(reading.key, 0);
      name_numbers.emplace(reading.name, 0);
    }
    for (auto* numbers : {&key_numbers, &name_numbers}) {
      std::int32_t next = 0;
      for (auto& [text, number] : *numbers) number = next++;
    }
    key_count_ = key_numbers.size();
    name_count_ = name_numbers.size();
    for (auto& [written, reading] : names_) {
      if (reading.key.empty()) continue;
      reading.key_number = key_numbers.find(reading.key)->second;
      reading.name_number = name_numbers.find(reading.name)->second;
    }
  }
  static std::size_t key_number(const Candidate& candidate) {
    return static_cast<std::size_t>(candidate.reading->key_number);
  }

  // Labels by their form, their name's recurrence, and the document's style.
  void accept() {
    for (Candidate& candidate : candidates_)
      candidate.translation = candidate.side == LabelSide::Translation ||
                              (candidate.side == LabelSide::OwnLine && !candidate.key().empty() &&
                               in_translation_script(candidate));
    std::vector<std::size_t> seen(key_count_);  // per key: its labels
    for (const Candidate& candidate : candidates_)
      if (!candidate.key().empty()) ++seen[key_number(candidate)];
    std::vector<char> sure(candidates_.size());
    for (std::size_t c = 0; c < candidates_.size(); ++c) {
      const Candidate& candidate = candidates_[c];
      sure[c] = candidate.match.strong || candidate.key().empty() || seen[key_number(candidate)] >= 2;
    }
    const auto sure_count = static_cast<std::size_t>(std::count(sure.begin(), sure.end(), 1));
    accepted_.reserve(candidates_.size());
    for (std::size_t c = 0; c < candidates_.size(); ++c) {
      Candidate& candidate = candidates_[c];
      // A nameless label in a document without named ones says nothing.
      if (candidate.key().empty() && candidate.match.form == LabelForm::Timestamped && sure_count < 1) continue;
      if (sure[c] || sure_count >= kLabelledDocument) accepted_.push_back(std::move(candidate));
    }
    std::vector<Candidate>().swap(candidates_);  // (moved from: read no more)
  }

  // Speakers: names on the two sides of the same pairs are one speaker when
  // each is the other's most frequent partner; a name written alike on both
  // sides is one speaker.
  void name_speakers() {
    const std::size_t keys = key_count_;
    const auto number_of = key_number;

    // Per pair: its first named label of each side.
    std::vector<std::pair<const Candidate*, const Candidate*>> by_pair;
    for (const Candidate& candidate : accepted_) {
      if (candidate.key().empty() || candidate.pair < 0) continue;
      if (static_cast<std::size_t>(candidate.pair) >= by_pair.size())
        by_pair.resize(std::max(transcript_.pairs.size(), static_cast<std::size_t>(candidate.pair) + 1));
      auto& slot = by_pair[static_cast<std::size_t>(candidate.pair)];
      const Candidate*& mine = candidate.translation ? slot.first : slot.second;
      if (mine == nullptr) mine = &candidate;
    }
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> together;  // (translation key, original key)
    for (const auto& slot : by_pair)
      if (slot.first != nullptr && slot.second != nullptr) ++together[{number_of(*slot.first), number_of(*slot.second)}];
    // Each key's most frequent partner on the other side, and how often (0: none).
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<std::pair<std::size_t, std::size_t>> best_original(keys, {kNone, 0}), best_translation(keys, {kNone, 0});
    for (const auto& [pair_keys, count] : together) {
      auto& for_translation = best_original[pair_keys.first];
      if (count > for_translation.second) for_translation = {pair_keys.second, count};
      auto& for_original = best_translation[pair_keys.second];
      if (count > for_original.second) for_original = {pair_keys.first, count};
    }
    // Speaker per (side, key): translation keys and original keys (-1: none yet).
    std::vector<std::int32_t> translation_speaker(keys, -1), original_speaker(keys, -1);
    std::vector<std::int32_t> any_speaker(keys, -1);  // a key written alike on either side
    // Per (speaker, side, name number): its labels; visited in that order.
    std::map<std::tuple<std::int32_t, bool, std::int32_t>, std::size_t> writings;
    auto new_speaker = [&]() {
      transcript_.speaker_model.speakers.emplace_back();
      return static_cast<std::int32_t>(transcript_.speaker_model.speakers.size() - 1);
    };
    // The key each is the other's best partner with, or kNone.
    auto mutual_partner = [&](std::size_t key, bool translation) {
      const auto& best = translation ? best_original : best_translation;
      const auto& back = translation ? best_translation : best_original;
      if (best[key].second == 0) return kNone;
      const std::size_t partner = best[key].first;
      return back[partner].second != 0 && back[partner].first == key ? partner : kNone;
    };
    speaker_of_.assign(accepted_.size(), -1);
    for (std::size_t c = 0; c < accepted_.size(); ++c) {
      const Candidate& candidate = accepted_[c];
      if (candidate.key().empty()) continue;
      const bool translation = candidate.translation;
      const std::size_t key = number_of(candidate);
      auto& mine = translation ? translation_speaker : original_speaker;
      std::int32_t speaker = mine[key];
      if (speaker < 0) {
        // Its partner spelling, if each is the other's best partner.
        auto& theirs = translation ? original_speaker : translation_speaker;
        const std::size_t partner = mutual_partner(key, translation);
        if (partner != kNone) speaker = theirs[partner];
        if (speaker < 0) speaker = any_speaker[key];
        if (speaker < 0) speaker = new_speaker();
        mine[key] = speaker;
        if (any_speaker[key] < 0) any_speaker[key] = speaker;
        // The partner's key now names this speaker too.
        if (partner != kNone && theirs[partner] < 0) theirs[partner] = speaker;
      }
      ++writings[{speaker, translation, candidate.reading->name_number}];
      ++transcript_.speaker_model.speakers[static_cast<std::size_t>(speaker)].labels;
      speaker_of_[c] = speaker;
    }
    // Each speaker's spelling on each side: its most frequent name there (the first in order on a tie).
    std::vector<std::string_view> name_of(name_count_);
    for (const auto& [written, reading] : names_)
      if (reading.name_number >= 0) name_of[static_cast<std::size_t>(reading.name_number)] = reading.name;
    for (auto at = writings.begin(); at != writings.end();) {
      const auto [speaker_number, translation, first_name] = at->first;
      auto most = at;
      for (; at != writings.end() && std::get<0>(at->first) == speaker_number && std::get<1>(at->first) == translation; ++at)
        if (at->second > most->second) most = at;
      Speaker& speaker = transcript_.speaker_model.speakers[static_cast<std::size_t>(speaker_number)];
      (translation ? speaker.translation_spelling : speaker.original_spelling) =
          std::string(name_of[static_cast<std::size_t>(std::get<2>(most->first))]);
    }
    for (Speaker& speaker : transcript_.speaker_model.speakers)
      speaker.name = !speaker.original_spelling.empty() ? speaker.original_spelling : speaker.translation_spelling;
  }

  // An own-line label belongs to the side whose language it is written in.
  bool in_translation_script(const Candidate& candidate) const {
    const std::string_view name =
        sources_.text.substr(candidate.match.name_begin, candidate.match.name_end - candidate.match.name_begin);
    const ScriptProfile profile = classify_script(name);
    return profile.dominant == transcript_.translation_script && profile.dominant != transcript_.original_script;
  }

  // Each pair's speaker: its labels' (the original's when the two disagree),
  // else the turn before it continues; a nameless change of speaker (">>",
  // "- ") leaves the speaker unknown until the next name.
  void make_turns() {
    SpeakerModel& model = transcript_.speaker_model;
    std::vector<bool> in_original;  // per label: names the original's speaker
    std::vector<std::int32_t> of_pair(transcript_.pairs.size(), -2);  // -2: no label
    // The labels are in text order: their lines are found by walking the lines, not by a search each.
    std::size_t line = 0;
    for (std::size_t c = 0; c < accepted_.size(); ++c) {
      const Candidate& candidate = accepted_[c];
      while (line + 1 < sources_.document.line_count() && sources_.document.line_start(line + 1) <= candidate.match.begin)
        ++line;
      SpeakerLabel label;
      label.line = static_cast<std::uint32_t>(line);
      label.begin = candidate.match.begin;
      label.end = candidate.match.end;
      label.name_begin = candidate.match.name_begin;
      label.name_end = candidate.match.name_end;
      label.side = candidate.side;
      label.form = candidate.match.form;
      label.pair = candidate.pair;
      if (!speaker_of_.empty()) label.speaker = speaker_of_[c];
      model.labels.push_back(label);
      in_original.push_back(!candidate.translation);
    }
    // Nameless labels take the speaker they continue.
    std::int32_t current = -1;
    std::size_t next_label = 0;
    std::vector<std::size_t> naming(transcript_.pairs.size(), model.labels.size());  // the label naming each pair
    for (std::size_t p = 0; p < transcript_.pairs.size(); ++p) {
      std::int32_t named = -2, original = -2;
      std::size_t named_by = model.labels.size(), original_by = model.labels.size();
      bool unknown = false;
      const std::size_t first_label = next_label;
      for (; next_label < model.labels.size() &&
             (model.labels[next_label].pair < 0 || static_cast<std::size_t>(model.labels[next_label].pair) <= p);
           ++next_label) {
        SpeakerLabel& label = model.labels[next_label];
        if (label.pair < 0) continue;
        if (label.name_begin == label.name_end) {
          if (label.form == LabelForm::Chevron || label.form == LabelForm::Dash) unknown = true;
          continue;
        }
        named = label.speaker;
        named_by = next_label;
        if (in_original[next_label]) {
          original = label.speaker;
          original_by = next_label;
        }
      }
      if (original >= 0) {
        named = original;
        named_by = original_by;
      }
      if (named >= 0) naming[p] = named_by;
      // A nameless label ("(00:01:02):") is the pair's named speaker's, else the one it continues.
      for (std::size_t k = first_label; k < next_label; ++k) {
        SpeakerLabel& label = model.labels[k];
        const bool nameless_continuation = label.pair >= 0 && label.name_begin == label.name_end &&
                                           label.form != LabelForm::Chevron && label.form != LabelForm::Dash;
        if (nameless_continuation) label.speaker = named >= 0 ? named : current;
      }
      if (named >= 0) current = named;
      else if (unknown) current = -1;
      of_pair[p] = current;
    }
    std::vector<SharedString> names;  // one copy of each name, shared by its pairs
    names.reserve(model.speakers.size());
    for (const Speaker& speaker : model.speakers) names.emplace_back(speaker.name);
    for (std::size_t p = 0; p < transcript_.pairs.size(); ++p) {
      Pair& pair = transcript_.pairs[p];
      pair.speaker_index = of_pair[p];
      pair.speaker = of_pair[p] >= 0 ? names[static_cast<std::size_t>(of_pair[p])] : SharedString();
      if (of_pair[p] < 0) continue;
      if (!model.turns.empty() && model.turns.back().speaker == of_pair[p] && model.turns.back().last_pair + 1 == p) {
        model.turns.back().last_pair = static_cast<std::uint32_t>(p);
        continue;
      }
      SpeakerTurn turn;
      turn.speaker = of_pair[p];
      turn.first_pair = turn.last_pair = static_cast<std::uint32_t>(p);
      turn.cue = SpeakerCue::Label;
      if (naming[p] < model.labels.size()) {  // the label as written, without the blanks after it
        const SpeakerLabel& label = model.labels[naming[p]];
        turn.evidence = std::string(trim(sources_.text.substr(label.begin, label.end - label.begin)));
      }
      model.turns.push_back(turn);
    }
  }

  Transcript& transcript_;
  const LabelSources& sources_;
  LabelReader& reader_;  // read_label, with the previous version's reads
  std::vector<Candidate> candidates_;
  std::vector<Candidate> accepted_;
  std::vector<std::int32_t> speaker_of_;  // per accepted label: its speaker, or -1
  // A name as the text writes it -> its written_name and spelling_key (make).
  std::unordered_map<std::string_view, NameReading> names_;
  std::size_t key_count_ = 0, name_count_ = 0;  // number_names  // (its values stay where they are: Candidate::reading)
};

}  // namespace

std::shared_ptr<SpeakerMemo> read_speaker_labels(Transcript& transcript, const LabelSources& sources,
                                                 const SpeakerRecall* recall) {
  transcript.speaker_model = {};
  for (Pair& pair : transcript.pairs) {
    pair.speaker.clear();
    pair.speaker_index = -1;
  }
  auto memo = std::make_shared<SpeakerMemo>();
  memo->layout = sources.layout;
  if (transcript.pairs.empty()) return memo;
  LabelReader reader(sources.text, sources.layout, recall != nullptr ? *recall : SpeakerRecall{});
  ModelBuilder(transcript, sources, reader).run();
  reader.take(*memo);
  return memo;
}

// Every reader's transcript comes through here once its labels are read:
// the one place a document without labels gets inferred speakers. Pair
// cues are recalled by ranges of the document's text: not when inference
// reads a layout's reading text instead.
std::optional<SpeakerModel> infer_unlabelled_speakers(const Transcript& transcript, const LabelSources& sources,
                                                      const SpeakerRecall* recall, SpeakerMemo& memo) {
  if (transcript.pairs.empty() || transcript.speaker_model.labelled()) return std::nullopt;
  const SpeakerRecall lent = recall != nullptr ? *recall : SpeakerRecall{};
  const std::string_view text = sources.reading.empty() ? sources.text : sources.reading;
  const SpeakerRecall by_ranges = sources.reading.empty() ? lent : SpeakerRecall{};
  const std::vector<PairSides> sides = pair_sides(transcript, text);
  std::vector<std::uint32_t> from_previous;
  recall_pair_cues(transcript, sides, by_ranges, memo, &from_previous);
  return infer_with_recall(transcript, sides, from_previous, by_ranges, memo);
}

std::shared_ptr<const SpeakerMemo> fill_speaker_model(Transcript& transcript, const LabelSources& sources,
                                                      const SpeakerRecall* recall) {
  std::shared_ptr<SpeakerMemo> memo = read_speaker_labels(transcript, sources, recall);
  if (std::optional<SpeakerModel> inferred = infer_unlabelled_speakers(transcript, sources, recall, *memo))
    set_speaker_model(transcript, std::move(*inferred));
  return memo;
}

}  // namespace bitext::detail

namespace bitext {

namespace {

// Where `entry`'s text begins, given `at`: the first label that ends after the line starts.
std::size_t text_begin_after(const TranscriptLine& entry, std::vector<SpeakerLabel>::const_iterator at,
                             std::vector<SpeakerLabel>::const_iterator end) {
  if (at == end || at->side == LabelSide::OwnLine || at->begin >= entry.end) return entry.begin;
  return std::max(entry.begin, std::min(at->end, entry.end));
}

}  // namespace

std::size_t text_begin(const Transcript& transcript, std::uint32_t line) {
  if (line >= transcript.lines.size()) return 0;
  const TranscriptLine& entry = transcript.lines[line];
  const std::vector<SpeakerLabel>& labels = transcript.speaker_model.labels;
  if (labels.empty()) return entry.begin;
  // Labels do not overlap: their ends are in order too.
  const auto at = std::upper_bound(labels.begin(), labels.end(), entry.begin,
                                   [](std::size_t offset, const SpeakerLabel& label) { return offset < label.end; });
  return text_begin_after(entry, at, labels.end());
}

std::vector<std::uint32_t> line_label_widths(const Transcript& transcript) {
  std::vector<std::uint32_t> widths;
  const std::vector<SpeakerLabel>& labels = transcript.speaker_model.labels;
  if (labels.empty()) return widths;
  widths.resize(transcript.lines.size());
  // The lines' starts do not decrease, so neither does the first label that ends after one.
  std::size_t next_label = 0;
  for (std::size_t line = 0; line < widths.size(); ++line) {
    const TranscriptLine& entry = transcript.lines[line];
    while (next_label < labels.size() && labels[next_label].end <= entry.begin) ++next_label;
    const std::size_t begin =
        text_begin_after(entry, labels.begin() + static_cast<std::ptrdiff_t>(next_label), labels.end());
    widths[line] = static_cast<std::uint32_t>(begin - entry.begin);
  }
  return widths;
}

std::size_t side_begin(const Transcript& transcript, std::uint32_t line) {
  if (line >= transcript.lines.size()) return 0;
  const TranscriptLine& entry = transcript.lines[line];
  const std::vector<SpeakerLabel>& labels = transcript.speaker_model.labels;
  auto at = std::upper_bound(labels.begin(), labels.end(), entry.begin,
                             [](std::size_t offset, const SpeakerLabel& label) { return offset < label.end; });
  if (at == labels.begin()) return entry.begin;
  const SpeakerLabel& label = *std::prev(at);
  const LabelSide side = entry.kind == LineKind::Translation ? LabelSide::Translation : LabelSide::Original;
  if (label.side != side || label.pair != entry.pair || entry.pair < 0) return entry.begin;
  return label.begin;
}

}  // namespace bitext
