// The open documents: live text, client version, the analysed snapshots, the
// edits made since the analysis that the next re-analysis starts from, and
// the requests waiting for the current version's analysis.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/analysis.hpp"
#include "lsp/jsonrpc.hpp"
#include "lsp/protocol.hpp"
#include "lsp/published_diagnostics.hpp"
#include "lsp/snapshot.hpp"
#include "lsp/text_document.hpp"

namespace bitext::lsp {

// Largest document the server keeps (as `bitext check`'s largest file): the
// analysis holds a few times the text in memory.
inline constexpr std::size_t kMaxDocumentBytes = std::size_t{1} << 30;

struct WaitingRequest {
  json id;
  std::function<json(const Snapshot&)> answer;
};

struct Document {
  Document(std::string uri, std::uint64_t serial, std::int64_t version, std::string text)
      : uri(std::move(uri)), serial(serial), version(version), text(std::move(text)) {}

  std::string uri;
  std::uint64_t serial;        // distinguishes a reopened URI from the old document
  std::int64_t version;        // the client's
  std::uint64_t revision = 0;  // ours: +1 per didChange
  TextDocument text;
  std::shared_ptr<const Snapshot> current;  // analysis of this revision; null while pending
  std::shared_ptr<const Snapshot> latest;   // newest analysis, perhaps of an older revision
  std::uint64_t latest_revision = 0;        // the revision `latest` analysed
  bool latest_written_over = false;         // edits were written into the buffer `latest` read: not to be read
  std::optional<std::string> failure;       // why this revision's analysis failed (none retries it)
  std::vector<WaitingRequest> waiting;      // requests that need `current`
  PublishedDiagnostics published;           // what the last publishDiagnostics said, to reuse

  // Re-analysis bookkeeping: `base` analysed revision `base_revision`, and
  // `edits` lead from there to the current text.
  std::shared_ptr<const Analysis> base;
  std::uint64_t base_revision = 0;
  std::vector<RevisionEdit> edits;
  // Jobs submitted for this document that have not given their result: while
  // any may still read the text's buffer, changes are held (below).
  std::uint32_t jobs_pending = 0;
  // Changes received while a job reads the buffer, in order: written into it
  // once that job's result is in (the buffer is not copied for them), and
  // analysed then. Meanwhile the text, the revision and the edit log are the
  // job's, and no version is current.
  std::vector<TextDocumentContentChangeEvent> held_changes;
  // Whether the next edit may be written into the buffer the base analysed
  // (no job reads it, and the next rerun takes the bytes written over).
  bool may_write_over_base() const;

  void record_edit(const LineEdit& edit);  // one didChange, already applied to `text`
  // The single edit from `base` to the current text (nullopt without a base);
  // the log stays one entry per revision until a result cuts it (rebase).
  std::optional<LineEdit> edit_since_base();
  // A finished analysis of `revision` becomes the base when the log can be cut there.
  void rebase(std::shared_ptr<const Analysis> analysis, std::uint64_t analysed_revision);
  void forget_base();
  // Whether the edit log leads from `latest` to the current text.
  bool edits_lead_from_latest() const;
  // The line of `latest` that current line `line` was, when no edit since
  // `latest` touched it; nullopt when it changed or the edits are not known.
  std::optional<std::uint32_t> line_in_latest(std::uint32_t line) const;
  // Whether `latest` can read its line `line` (its buffer still holds the line
  // where that version read it: not written over, or before what edits wrote over).
  bool line_readable_in_latest(std::uint32_t line) const;
  // The other way: where line `line` of `latest` is now, when no edit touched it.
  std::optional<std::uint32_t> line_in_current(std::uint32_t line) const;  // the next analysis runs from scratch; older results never become the base
};

class DocumentStore {
 public:
  Document& open(const std::string& uri, std::int64_t version, std::string text);
  Document* find(std::string_view uri);
  // Removes and returns the document (to answer its waiting requests).
  std::unique_ptr<Document> close(std::string_view uri);
  std::vector<Document*> all();

 private:
  std::map<std::string, std::unique_ptr<Document>, std::less<>> documents_;
  std::uint64_t next_serial_ = 1;
};

}  // namespace bitext::lsp
