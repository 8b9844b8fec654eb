// A document's last published diagnostics, kept as JSON text per finding, so
// that publishing the next version writes again only the findings that are
// new, changed, or whose positions moved. After a one-character edit nearly
// all of a large document's thousands of findings are the same text at the
// same line and column: converting their byte offsets to positions (counting
// UTF-16 units from the line start) and escaping their messages again was most
// of the server's work after the analysis.
//
// A finding reuses the text of an old finding when both have the same code,
// severity, message and related messages, and each of its byte ranges lies in
// the text both versions share at their start (before the first changed byte)
// or, when the edit kept the line count, on a line that starts inside the
// shared end (so its line and column are the same). The shared start and end
// are found by comparing the two texts, not taken from the edits: the result
// is what writing every diagnostic afresh gives, whatever happened between.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "lsp/feature_context.hpp"

namespace bitext::lsp {

class PublishedDiagnostics {
 public:
  // Appends the PublishDiagnosticsParams of the context's snapshot to `out`,
  // byte for byte what append_publish_diagnostics writes, and remembers them.
  void append(std::string& out, const FeatureContext& context);

  // Findings written afresh by the last append (the rest were reused).
  std::size_t written() const { return written_; }
  // Edits were written into the buffer of the version last published: its
  // texts are reused only by a version rerun from it (which knows what the
  // edits changed), not by comparing its text.
  void source_written_over() { source_written_over_ = true; }
  // A version that is not published (of an older revision) on the way to the
  // next that is: when it was rerun from the one last published, or from such
  // a version, the bytes it shares with that one are kept, so that the next
  // published version, rerun from it, still reuses the texts by the reruns' ends.
  void passed_over(const Analysis& version);

 private:
  // The analysis the texts were written for; not kept alive by this (a
  // version replaced before it was published leaves nothing to reuse).
  std::weak_ptr<const Analysis> source_;
  std::string uri_;
  bool related_information_ = false;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  std::vector<std::string> tails_;  // per finding of source_: append_json_tail's text
  std::size_t written_ = 0;
  bool source_written_over_ = false;
  std::uint64_t passed_id_ = 0;  // the last version passed over on a chain of reruns from source_ (0: none)
  CommonEnds passed_ends_;       // ... and the bytes it shares with source_
  // What `now` shares with `old` (source_), when that is known without reading a text written over.
  std::optional<CommonEnds> ends_from(const Analysis& old, const Analysis& now) const;
};

}  // namespace bitext::lsp
