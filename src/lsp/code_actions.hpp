// textDocument/codeAction: the core's fixes as edit-based quick fixes linked to
// their diagnostics, plus "fix all of this kind in the file" source actions.
// Cheap per cursor move: findings are looked up through the diagnostics'
// `data` and the snapshot's line table, and the edits of a fix-all action are
// deferred to codeAction/resolve when the client supports it.
#pragma once

#include "bitext/speaker_labelling.hpp"
#include "lsp/feature_context.hpp"

namespace bitext::lsp {

inline constexpr std::string_view kFixAllKind = "source.fixAll.bitext";

// Core edits as LSP TextEdit[], and a WorkspaceEdit of them for the context's
// document (documentChanges with its version when the client supports them).
json text_edits(const FeatureContext& context, const std::vector<TextEdit>& edits);
json workspace_edit(const FeatureContext& context, json edits);

// The actions as JSON text (fix-all edits are cached per snapshot and spliced in),
// with "Label speakers" (label_speakers_action.hpp) in `label_style`.
Reply code_actions(const FeatureContext& context, const CodeActionParams& params, LabelStyle label_style);

// Fills in the edit of a fix-all action returned without one. The action's
// data holds {uri, version, code}; the caller checks uri and version.
Reply resolve_code_action(const FeatureContext& context, const CodeActionToResolve& action);

// All auto-fixable findings with `code` (every code when empty) as one edit list:
// each finding's preferred fix (or its only fix), skipping fixes that overlap
// an earlier one. Returns the TextEdit[] and how many findings it fixes.
std::pair<json, std::size_t> fix_all_edits(const FeatureContext& context, std::string_view code);

}  // namespace bitext::lsp
