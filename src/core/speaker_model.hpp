// Filling Transcript::speaker_model from the labels written in the document:
// which label candidates are labels (recurring, strong forms, or any
// name-like one in a document that labels its turns), the speakers they name
// with a spelling per language, and turns. Runs right after pairing, on the
// transcript the checks read, so that a label is never content.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "bitext/layout.hpp"
#include "bitext/speakers.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"

namespace bitext::detail {

struct SpeakerMemo;    // speaker_memo.hpp
struct SpeakerRecall;

struct LabelSources {
  std::string_view text;                   // the document
  const LineIndex& document;               // its lines: labels carry document lines
  Layout layout = Layout::Lines;
  // Layouts other than lines: the reading text (markup blanked, same offsets)
  // and the reader's units (own-line labels are its Label units). In the
  // line layout both are empty and own-line labels are the markup lines that
  // read as one.
  std::string_view reading{};
  const std::vector<Unit>* units = nullptr;
};

// `transcript`'s lines are byte ranges of `sources.text` (document lines, or
// a layout's text units); pairs name them. `recall` lends the previous
// version's label reads and pair cues; the result is this version's, for the
// next (speaker_memo.hpp). The model is the same with or without it.
std::shared_ptr<const SpeakerMemo> fill_speaker_model(Transcript& transcript, const LabelSources& sources,
                                                      const SpeakerRecall* recall = nullptr);

// fill_speaker_model in its steps, for a caller that reads the transcript in
// other threads while speakers are inferred: the labels (what the checks
// need first: a label is not content); then the speakers of an unlabelled
// document, read from a transcript it does not change (so other threads may
// read it meanwhile; it fills `memo`'s pair cues); then setting them
// (set_speaker_model, speaker_inference_detail.hpp).
std::shared_ptr<SpeakerMemo> read_speaker_labels(Transcript& transcript, const LabelSources& sources,
                                                 const SpeakerRecall* recall);
std::optional<SpeakerModel> infer_unlabelled_speakers(const Transcript& transcript, const LabelSources& sources,
                                                      const SpeakerRecall* recall, SpeakerMemo& memo);

}  // namespace bitext::detail
