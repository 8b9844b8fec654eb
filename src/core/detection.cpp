#include "bitext/detection.hpp"

#include <algorithm>

#include "bitext/analysis.hpp"
#include "bitext/layout.hpp"
#include "bitext/pairing.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"

namespace bitext {

Detection detect_transcript(std::string_view text, const CheckOptions& options, std::size_t window) {
  if (text.size() > window) {
    // Cut at a line end so the last line seen is whole.
    const std::size_t cut = text.find_last_of("\r\n", window);
    text = text.substr(0, cut == std::string_view::npos ? window : cut);
  }
  Detection detection;
  detection.layout = detect_layout(text, options.document_name, options.layout);
  // Other layouts: the beginning read as the analysis reads it, structure only.
  std::shared_ptr<const Analysis> analysis;
  Transcript lines_transcript;
  if (detection.layout != Layout::Lines) {
    CheckOptions structure = options;
    structure.content_checks = false;
    structure.layout = detection.layout;
    analysis = Analysis::run(std::string(text), structure);
  } else {
    lines_transcript = parse_transcript(LineIndex(text), options);
  }
  const Transcript& transcript = analysis ? analysis->transcript() : lines_transcript;
  detection.order = transcript.order;
  detection.translation_script = transcript.translation_script;
  detection.original_script = transcript.original_script;
  detection.pairs = transcript.pairs.size();
  detection.bytes_examined = text.size();
  detection.bilingual = transcript.pairs.size() >= 2 && transcript.translation_script != Script::None &&
                        transcript.original_script != Script::None &&
                        transcript.translation_script != transcript.original_script;
  // A speaker label alone on its line is set aside like markup, but is not format.
  const std::vector<SpeakerLabel>& labels = transcript.speaker_model.labels;
  detection.markup = std::any_of(transcript.lines.begin(), transcript.lines.end(), [&](const TranscriptLine& line) {
    return line.kind == LineKind::Markup && std::none_of(labels.begin(), labels.end(), [&](const SpeakerLabel& label) {
             return label.side == LabelSide::OwnLine && label.line == line.number;
           });
  });
  // Labels read by the same reader as the analysis; inferred speakers are not labels.
  detection.speakers = transcript.speaker_model.labelled();
  return detection;
}

}  // namespace bitext
