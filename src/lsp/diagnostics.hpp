// textDocument/publishDiagnostics from the core's findings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "lsp/feature_context.hpp"

namespace bitext::lsp {

// One finding as an LSP Diagnostic. Its `data` ({version, index, code}) lets
// codeAction find the finding's fixes without re-running the analysis.
json diagnostic_for(const FeatureContext& context, std::uint32_t finding_index);

// The same, appended to `out` as JSON text (what publishing uses: thousands of
// findings are written directly instead of through a json tree).
void append_diagnostic(std::string& out, const FeatureContext& context, std::uint32_t finding_index);

// PublishDiagnosticsParams for the whole snapshot, as JSON text and parsed.
std::string publish_diagnostics_text(const FeatureContext& context);
// The same appended to `out` (publishing writes it straight into the message).
void append_publish_diagnostics(std::string& out, const FeatureContext& context);
json publish_diagnostics_params(const FeatureContext& context);

// The finding a diagnostic sent back by the client stands for, when it is one
// of ours and still matches the snapshot; nullopt otherwise.
std::optional<std::uint32_t> finding_of_diagnostic(const FeatureContext& context, const json& diagnostic);

}  // namespace bitext::lsp
