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
  // The log itself is kept per revision (the next result cuts it): an analysis
  // of a revision inside it can still become the base, and the latest one.
  LineEdit merged = edits.front().edit;
  for (std::size_t i = 1; i < edits.size(); ++i) merged = compose(merged, edits[i].edit);
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

bool Document::may_write_over_base() const {
  return jobs_pending == 0 && base && &base->text() == &text.text();
}

bool Document::edits_lead_from_latest() const {
  // The log starts at the base; it leads from `latest` when they are one analysis.
  if (!latest || !base || base != latest->analysis_ptr() || base_revision != latest_revision) return false;
  return edits.empty() || edits.front().from_revision == base_revision;
}

std::optional<std::uint32_t> Document::line_in_latest(std::uint32_t line) const {
  if (!edits_lead_from_latest()) return std::nullopt;
  for (auto it = edits.rbegin(); it != edits.rend(); ++it) {
    const LineEdit& edit = it->edit;
    if (line < edit.first_line) continue;
    if (line < edit.first_line + edit.new_line_count) return std::nullopt;  // edited
    line = line - edit.new_line_count + edit.old_line_count;
  }
  return line;
}

bool Document::line_readable_in_latest(std::uint32_t line) const {
  if (!latest) return false;
  if (!latest_written_over) return true;
  // What was written over is known since the base: readable only when `latest` is that version.
  const std::optional<WrittenOver>& over = text.written_over();
  if (latest->analysis_ptr() != base) return false;
  const LineIndex& index = latest->analysis().index();
  // (Its line end too: a hover's range may reach the line's end.)
  return over && line < index.line_count() && index.line_end(line) < over->prefix;
}

std::optional<std::uint32_t> Document::line_in_current(std::uint32_t line) const {
  if (!edits_lead_from_latest()) return std::nullopt;
  for (const RevisionEdit& revision_edit : edits) {
    const LineEdit& edit = revision_edit.edit;
    if (line < edit.first_line) continue;
    if (line < edit.first_line + edit.old_line_count) return std::nullopt;  // edited
    line = line - edit.old_line_count + edit.new_line_count;
  }
  return line;
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
