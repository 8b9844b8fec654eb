#include "lsp/label_speakers_action.hpp"

#include <algorithm>

#include "lsp/code_actions.hpp"

namespace bitext::lsp {

std::string_view label_style_name(LabelStyle style) {
  switch (style) {
    case LabelStyle::Original: return "original";
    case LabelStyle::Both: return "both";
    case LabelStyle::Translation: return "translation";
  }
  return "original";
}

std::optional<std::string> label_speakers_action(const FeatureContext& context, LabelStyle style) {
  const SpeakerModel& model = context.transcript().speaker_model;
  if (model.labelled() || model.speakers.empty()) return std::nullopt;
  const auto inferred = static_cast<std::size_t>(
      std::count_if(model.speakers.begin(), model.speakers.end(), [](const Speaker& s) { return s.inferred; }));
  if (inferred == 0) return std::nullopt;
  // The edit is the same for every cursor position of a version: made once.
  const std::string key = "labelSpeakers " + std::string(label_style_name(style)) + " " +
                          std::string(encoding_name(context.caps.encoding)) +
                          (context.caps.document_changes ? " documentChanges " : " changes ") + context.uri;
  auto action = context.snapshot.memo<std::string>(key, [&] {
    const std::vector<TextEdit> edits = speaker_label_edits(context.transcript(), context.analysis().text(), style);
    if (edits.empty()) return std::string();
    const char* sides = style == LabelStyle::Both          ? "on both sides"
                        : style == LabelStyle::Translation ? "on the translation side"
                                                           : "on the original side";
    std::string title = "Label speakers: " + std::to_string(inferred) + " inferred speaker" + (inferred == 1 ? "" : "s") +
                        ", " + std::to_string(edits.size()) + " label" + (edits.size() == 1 ? "" : "s") + " " + sides;
    return serialize(json{{"title", std::move(title)},
                          {"kind", kLabelSpeakersKind},
                          {"edit", workspace_edit(context, text_edits(context, edits))}});
  });
  if (action->empty()) return std::nullopt;
  return *action;
}

}  // namespace bitext::lsp
