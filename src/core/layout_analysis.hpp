// Analysis of a document in a layout other than lines: the reader's text
// units are the "lines" the pairing and the checks read (LineIndex::of_ranges
// over the reading text, where markup is blanked out), then the transcript is
// told back in document lines.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bitext/content.hpp"
#include "bitext/finding.hpp"
#include "bitext/layout.hpp"
#include "bitext/options.hpp"
#include "bitext/previous_text.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"

namespace bitext::detail {

// What a re-analysis of a layout document reuses of the previous version: the
// content checks' work per pair of text units, found through the units whose
// text is unchanged byte for byte (compared in the reading text they were
// analysed in, kept here) and read from the same byte (the same label before it).
struct LayoutMemo {
  std::shared_ptr<const std::string> reading;  // null: the document's text was read as it is
  std::vector<std::pair<std::size_t, std::size_t>> ranges;  // of the text units in `reading`
  // Per text unit: the bytes of a speaker label before its text (the content
  // checks read from there on). A label that came or went changes them.
  std::vector<std::uint32_t> label_skips;
  std::shared_ptr<const ContentState> content;
  // Its findings, as made (the document's list has them in document lines, with some fixes withheld).
  std::vector<Finding> content_findings;
};

struct LayoutAnalysis {
  Transcript transcript;  // in document lines
  std::vector<Finding> findings;
  std::vector<double> pair_scores;
  std::shared_ptr<const LayoutMemo> memo;
};

// `previous`: the memo of the document's previous version in the same layout
// (whose text was `previous_text`), or null.
LayoutAnalysis analyse_layout(const LineIndex& index, DocumentLayout layout, const CheckOptions& options,
                              const LayoutMemo* previous = nullptr, const PreviousText* previous_text = nullptr);

// False when applying `fix` would remove text it does not put back (a fix
// computed on the reading text copies text whose markup was blanked out):
// such a fix is withheld. Line ends that become spaces are not text.
bool fix_keeps_text(std::string_view text, const Fix& fix);

}  // namespace bitext::detail
