#include "lsp/document_store.hpp"

#include <algorithm>

namespace bitext::lsp {

void Document::record_edit(const LineEdit& edit) {
  edits.push_back(RevisionEdit{revision, revision + 1, edit});
  ++revision;
}

std::optional<LineEdit> Document::edit_since_base() {
  if (!base) return std::nullopt;
  if (edits.empty()) return LineEdit{0, 0, 0};
  LineEdit merged = edits.front().edit;
  for (std::size_t i = 1; i < edits.size(); ++i) merged = compose(merged, edits[i].edit);
  edits.assign(1, RevisionEdit{edits.front().from_revision, edits.back().to_revision, merged});
  return merged;
}

void Document::rebase(std::shared_ptr<const Analysis> analysis, std::uint64_t analysed_revision) {
  if (analysed_revision < base_revision) return;
  // A collapsed entry spanning the analysed revision cannot be split.
  bool straddles = std::any_of(edits.begin(), edits.end(), [&](const RevisionEdit& e) {
    return e.from_revision < analysed_revision && analysed_revision < e.to_revision;
  });
  if (straddles) return;
  edits.erase(std::remove_if(edits.begin(), edits.end(),
                             [&](const RevisionEdit& e) { return e.to_revision <= analysed_revision; }),
              edits.end());
  base = std::move(analysis);
  base_revision = analysed_revision;
}

void Document::forget_base() {
  base.reset();
  edits.clear();
  base_revision = revision;  // analyses of earlier text can no longer become the base
}

Document& DocumentStore::open(const std::string& uri, std::int64_t version, std::string text) {
  auto document = std::make_unique<Document>(uri, next_serial_++, version, std::move(text));
  auto& slot = documents_[uri];
  slot = std::move(document);
  return *slot;
}

Document* DocumentStore::find(std::string_view uri) {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : it->second.get();
}

std::unique_ptr<Document> DocumentStore::close(std::string_view uri) {
  auto it = documents_.find(uri);
  if (it == documents_.end()) return nullptr;
  auto document = std::move(it->second);
  documents_.erase(it);
  return document;
}

std::vector<Document*> DocumentStore::all() {
  std::vector<Document*> out;
  for (auto& [uri, document] : documents_) out.push_back(document.get());
  return out;
}

}  // namespace bitext::lsp
