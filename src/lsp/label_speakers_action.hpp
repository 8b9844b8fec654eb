// The "Label speakers" source action: when a document's speakers are all
// inferred (it has no labels), an action that writes a label at the start of
// each turn (speaker_labelling.hpp), on the sides the `speakerLabelStyle`
// setting says. After it, the labels are the truth: rename and completion
// work on them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bitext/speaker_labelling.hpp"
#include "lsp/feature_context.hpp"

namespace bitext::lsp {

inline constexpr std::string_view kLabelSpeakersKind = "source.labelSpeakers";

// The action as JSON text (its edit cached per snapshot and style), or none
// when the document has labels already or no inferred speakers.
std::optional<std::string> label_speakers_action(const FeatureContext& context, LabelStyle style);

std::string_view label_style_name(LabelStyle style);  // "original", "both", "translation"

}  // namespace bitext::lsp
