// The live text of one open document, edited by didChange. Keeps its own line
// starts, updated incrementally, so that an edit costs the edited lines plus a
// shift of the later line starts, not a rescan of the text. The text's buffer
// is shared with the analysis of it (one copy of a large document, not two):
// an edit writes in place when nobody else holds the buffer, or when the
// caller says that no analysis reads it (then the bytes written over are kept,
// for the rerun from the version that analysed it: WrittenOver), and into a
// new buffer, in one pass, when an analysis may be reading it.
// Columns are converted by the core LineIndex over the one line concerned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/previous_text.hpp"
#include "bitext/text.hpp"

namespace bitext::lsp {

class TextDocument {
 public:
  explicit TextDocument(std::string text);

  const std::string& text() const { return *text_; }
  // The current text's buffer, to hand to an analysis; never changed after.
  std::shared_ptr<const std::string> shared_text() const { return text_; }
  std::size_t line_count() const { return starts_.size(); }
  std::size_t line_start(std::size_t line) const { return starts_[line]; }

  // Byte offset of an LSP position (clamped like LineIndex::offset_of).
  std::size_t offset_of(Position position, PositionEncoding encoding) const;

  // Replaces `range` (or everything when nullopt) with `new_text`, returning
  // which lines of the text before the edit were replaced by how many lines.
  // `write_shared`: the buffer's other holders read it no more until the next
  // analysis, so a ranged edit is written into it (when the text is tracked
  // since an analysis: analysed_as_is).
  LineEdit apply(const std::optional<Range>& range, const std::string& new_text, PositionEncoding encoding,
                 bool write_shared = false);
  // Whether the last apply wrote into a buffer that others hold.
  bool wrote_shared() const { return wrote_shared_; }

  // An analysis of the buffer as it is now became the base of the next rerun:
  // from here on, edits written into the buffer keep the bytes they replace.
  void analysed_as_is();
  // The previous text the tracked analysis read, as the bytes written over
  // since (nothing written: an empty stretch); null when the buffer is not
  // the one that analysis holds.
  const std::optional<WrittenOver>& written_over() const { return written_over_; }

  // The bytes the current text is known to share with `from`'s at their start
  // and end (the edits' ranges since the text was copied out of `from`, the
  // buffer an analysis held), if `from` is that buffer: for Analysis::rerun,
  // which then compares only the bytes between.
  std::optional<CommonEnds> known_ends_from(const std::string& from) const;
  std::weak_ptr<const std::string> edited_from() const { return edited_from_; }

 private:
  explicit TextDocument(std::shared_ptr<std::string> text);
  std::size_t line_of(std::size_t offset) const;
  std::shared_ptr<std::string> text_;  // never null
  std::vector<std::size_t> starts_;    // same lines as LineIndex(*text_)
  // The buffer the text was last copied out of by an edit (none after a whole
  // replacement), and lower bounds of the bytes the two share at each end.
  std::weak_ptr<const std::string> edited_from_;
  CommonEnds known_ends_;
  // Since analysed_as_is, on this buffer: what edits wrote over (nullopt:
  // the buffer is not the one the tracked analysis read).
  std::optional<WrittenOver> written_over_;
  bool wrote_shared_ = false;
};

// One LineEdit equivalent to `first` followed by `second` (whose line numbers
// refer to the text after `first`).
LineEdit compose(const LineEdit& first, const LineEdit& second);

// Lines edited between two revisions of a document.
struct RevisionEdit {
  std::uint64_t from_revision = 0;
  std::uint64_t to_revision = 0;
  LineEdit edit;
};

// The single edit made by the entries of `log` (ascending) after revision
// `from`; nullopt when there are none, or one spans `from`, or one is missing.
std::optional<LineEdit> edit_from(const std::vector<RevisionEdit>& log, std::uint64_t from);

}  // namespace bitext::lsp
