#include "lsp/speaker_lookup.hpp"

#include <algorithm>

namespace bitext::lsp {

std::pair<std::size_t, std::size_t> labels_on_line(const SpeakerModel& model, std::uint32_t line) {
  const auto& labels = model.labels;
  auto first = std::lower_bound(labels.begin(), labels.end(), line,
                                [](const SpeakerLabel& label, std::uint32_t value) { return label.line < value; });
  auto last = std::upper_bound(first, labels.end(), line,
                               [](std::uint32_t value, const SpeakerLabel& label) { return value < label.line; });
  return {static_cast<std::size_t>(first - labels.begin()), static_cast<std::size_t>(last - labels.begin())};
}

Script name_script(std::string_view name) { return classify_script(name).dominant; }

std::string_view spelling_in_script(const Speaker& speaker, Script script) {
  for (const std::string* spelling : {&speaker.translation_spelling, &speaker.original_spelling, &speaker.name}) {
    if (!spelling->empty() && name_script(*spelling) == script) return *spelling;
  }
  return {};
}

std::vector<SpeakerTurn> speaker_turns(const Transcript& transcript) {
  if (!transcript.speaker_model.turns.empty()) return transcript.speaker_model.turns;
  std::vector<SpeakerTurn> turns;
  const auto& pairs = transcript.pairs;
  for (std::size_t i = 0; i < pairs.size();) {
    std::size_t j = i + 1;
    while (j < pairs.size() && pairs[j].speaker_index == pairs[i].speaker_index) ++j;
    const std::int32_t speaker = pairs[i].speaker_index;
    if (speaker >= 0 && static_cast<std::size_t>(speaker) < transcript.speaker_model.speakers.size()) {
      SpeakerTurn turn;
      turn.speaker = speaker;
      turn.first_pair = static_cast<std::uint32_t>(i);
      turn.last_pair = static_cast<std::uint32_t>(j - 1);
      turn.inferred = transcript.speaker_model.speakers[speaker].inferred;
      turns.push_back(std::move(turn));
    }
    i = j;
  }
  return turns;
}

std::string_view label_name(std::string_view text, const SpeakerLabel& label) {
  if (label.name_end <= label.name_begin || label.name_end > text.size()) return {};
  return text.substr(label.name_begin, label.name_end - label.name_begin);
}

}  // namespace bitext::lsp
