#include "bitext/speaker_labelling.hpp"

namespace bitext {
namespace {

bool spaced(Script script) { return script != Script::Han && script != Script::Japanese; }

std::string label_text(std::string_view name, Script script, Layout layout) {
  const std::string_view colon = spaced(script) ? ":" : "：";
  const std::string_view space = spaced(script) ? " " : "";
  if (layout == Layout::Markdown) return "**" + std::string(name) + std::string(colon) + "**" + std::string(space.empty() ? "" : " ");
  return std::string(name) + std::string(colon) + std::string(space);
}

// Where a side's text starts, or nullopt when the pair lacks that side.
std::optional<std::size_t> side_start(const Transcript& transcript, const SideLines& lines,
                                      const TextRanges& ranges) {
  if (!ranges.empty()) return ranges.front().begin;
  if (lines.empty() || lines.front() >= transcript.lines.size()) return std::nullopt;
  return transcript.lines[lines.front()].begin;
}

}  // namespace

std::optional<LabelStyle> parse_label_style(std::string_view name) {
  if (name == "original") return LabelStyle::Original;
  if (name == "both") return LabelStyle::Both;
  if (name == "translation") return LabelStyle::Translation;
  return std::nullopt;
}

std::vector<TextEdit> speaker_label_edits(const Transcript& transcript, std::string_view text, LabelStyle style) {
  std::vector<TextEdit> edits;
  const SpeakerModel& model = transcript.speaker_model;
  if (model.labelled() || model.speakers.empty()) return edits;
  for (const SpeakerTurn& turn : model.turns) {
    if (turn.first_pair >= transcript.pairs.size() || turn.speaker < 0 ||
        static_cast<std::size_t>(turn.speaker) >= model.speakers.size())
      continue;
    const Pair& pair = transcript.pairs[turn.first_pair];
    const Speaker& speaker = model.speakers[static_cast<std::size_t>(turn.speaker)];
    const auto translation = side_start(transcript, pair.translation, pair.translation_ranges);
    const auto original = side_start(transcript, pair.original, pair.original_ranges);
    bool label_translation = style != LabelStyle::Original && translation;
    bool label_original = style != LabelStyle::Translation && original;
    if (!label_translation && !label_original) {  // the style's side is missing here: label the other one
      label_translation = translation.has_value();
      label_original = original.has_value();
      if (label_translation && label_original) label_translation = style == LabelStyle::Translation;
      if (label_translation && label_original) label_original = false;
    }
    auto insert = [&](std::size_t at, std::string_view name, Script script) {
      if (at > text.size()) return;
      edits.push_back({at, at, label_text(name.empty() ? std::string_view(speaker.name) : name, script, transcript.layout)});
    };
    if (label_translation)
      insert(*translation, speaker.translation_spelling, transcript.translation_script);
    if (label_original) insert(*original, speaker.original_spelling, transcript.original_script);
  }
  return edits;
}

}  // namespace bitext
