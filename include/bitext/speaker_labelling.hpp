// "Label speakers": plain text edits that write the inferred speakers into
// the document as labels at the start of each turn, in the document's own
// style, so that from then on the labels are the truth.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "bitext/finding.hpp"
#include "bitext/transcript.hpp"

namespace bitext {

enum class LabelStyle : std::uint8_t {
  Original,     // "Mira: " at the start of the original side
  Both,         // both sides, each in its language's spelling ("米拉：" / "Mira: ")
  Translation,  // the translation side only
};
std::optional<LabelStyle> parse_label_style(std::string_view name);  // "original", "both", "translation"

// One insertion per labelled side at the first pair of every turn of
// `transcript`'s speaker model (its offsets are into `text`); a side a pair
// lacks is skipped, and the other side labelled when the style names only
// the missing one. Colon labels ("Name: ", "名字：") in line-like layouts,
// bold ones ("**Name:** ") in Markdown. No edits when the transcript already
// has labels or no speakers. Edits only insert: the text is never changed.
std::vector<TextEdit> speaker_label_edits(const Transcript& transcript, std::string_view text, LabelStyle style);

}  // namespace bitext
