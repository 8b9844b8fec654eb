// textDocument/completion of speaker names where a label is being typed: at
// the start of a line, with nothing typed yet or the beginning of a label in
// the document's own style ("Cl", "**Cl", "[Cl", "### Cl"), the known
// speakers' labels in that style and in the line's language ("Mira: " on the
// English side, "米拉：" on the Chinese side). Nowhere else: not inside a
// line's text, not after a label, not in front matter or subtitle markup, and
// not in a document without labels (its style and names are unknown).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bitext/text.hpp"
#include "bitext/transcript.hpp"
#include "lsp/feature_context.hpp"

namespace bitext::lsp {

// Characters that begin a label in one of the label forms: the server
// advertises them as completion triggers.
inline constexpr const char* kLabelTriggerCharacters[] = {"*", "[", "#", "<"};

struct LabelCompletion {
  std::int32_t speaker = -1;
  std::string name;        // the spelling offered
  std::string label;       // the whole label inserted ("**Mira:** ", "米拉：")
  std::size_t begin = 0;   // bytes replaced: from the label's start to the cursor
  std::size_t end = 0;     // (through the end of an existing label being retyped)
};

// The completions at byte `offset`, most frequent speaker first; empty where
// no label is being typed.
std::vector<LabelCompletion> label_completions(const Transcript& transcript, const LineIndex& index, std::size_t offset);

// The request: CompletionItem[] (empty where no label is being typed).
Reply speaker_completion(const FeatureContext& context, const TextDocumentPositionParams& params);

}  // namespace bitext::lsp
