// Analysis of a document in a layout other than lines: the reader's text
// units are the "lines" the pairing and the checks read (LineIndex::of_ranges
// over the reading text, where markup is blanked out), then the transcript is
// told back in document lines.
#pragma once

#include <string>
#include <vector>

#include "bitext/finding.hpp"
#include "bitext/layout.hpp"
#include "bitext/options.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"

namespace bitext::detail {

struct LayoutAnalysis {
  Transcript transcript;  // in document lines
  std::vector<Finding> findings;
  std::vector<double> pair_scores;
};

LayoutAnalysis analyse_layout(const LineIndex& index, DocumentLayout layout, const CheckOptions& options);

// False when applying `fix` would remove text it does not put back (a fix
// computed on the reading text copies text whose markup was blanked out):
// such a fix is withheld. Line ends that become spaces are not text.
bool fix_keeps_text(std::string_view text, const Fix& fix);

}  // namespace bitext::detail
