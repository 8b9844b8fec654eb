// Timing checks of subtitle layouts (SRT, WebVTT), from the cues a reader
// found. Codes: subtitle-end-before-start (error), subtitle-overlap (warning,
// fix: end at the next start), subtitle-out-of-order (warning),
// subtitle-numbering (information, fix: renumber the file),
// subtitle-reading-speed and subtitle-line-too-long (hints). The readers
// report subtitle-timestamp-malformed (error) and subtitle-timestamp-form
// (information, fix: the format's own form).
#pragma once

#include <string_view>
#include <vector>

#include "bitext/finding.hpp"
#include "bitext/layout.hpp"
#include "bitext/options.hpp"

namespace bitext {

std::vector<Finding> subtitle_checks(std::string_view text, const DocumentLayout& layout, const CheckOptions& options);

}  // namespace bitext
