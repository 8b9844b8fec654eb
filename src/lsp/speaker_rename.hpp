// textDocument/prepareRename and textDocument/rename of a speaker: on a label
// (or anywhere on a line of a labelled speaker's turn) the speaker is renamed
// in every label that names it.
//
// Which labels change (documented in the README, "Renaming a speaker"): each
// language keeps its own spelling, so a new name changes the labels written
// in the new name's script only ("Anna" renames the Latin-script labels,
// "安娜" the Han ones); "Anna / 安娜" (a slash between a name per
// script) renames both. A new name that is a spelling of another speaker
// merges the two: every label of both then takes the merged speaker's
// spelling in its script (the one given, else the other speaker's). Inferred
// speakers have no labels to rename: the rename is refused with a pointer to
// "Label speakers".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/finding.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"
#include "lsp/feature_context.hpp"

namespace bitext::lsp {

// The speaker at a document offset, and what the editor selects for the rename.
struct RenameTarget {
  std::int32_t speaker = -1;  // -1: no speaker here
  std::size_t begin = 0;      // the label's name; for a line of a turn without a
  std::size_t end = 0;        // label of its own, the line's text
  std::string placeholder;    // the name as written there (the display name on an unlabelled line)
  std::string refusal;        // not empty: a speaker is here but cannot be renamed
};
RenameTarget rename_target(const Transcript& transcript, const LineIndex& index, std::size_t offset);

// The edits that rename `speaker` to `new_name` under the rule above, or why not.
struct SpeakerRename {
  std::vector<TextEdit> edits;  // in document order, one per label whose name changes
  std::int32_t merged_into = -1;  // the other speaker when the rename merges two
  std::string error;            // not empty: nothing to apply
};
SpeakerRename rename_speaker(const Transcript& transcript, std::string_view text, std::int32_t speaker,
                             std::string_view new_name);

// The requests (RpcError RequestFailed with the reason when refused).
Reply prepare_rename(const FeatureContext& context, const TextDocumentPositionParams& params);
Reply rename(const FeatureContext& context, const RenameParams& params);

}  // namespace bitext::lsp
