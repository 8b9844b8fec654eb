// Structural checks: findings from the shape of the pairing alone.
// Codes: missing-translation, missing-original, swapped-order, duplicate-line,
// split-line, untranslated, empty-line, invalid-utf8.
#pragma once

#include <vector>

#include "bitext/finding.hpp"
#include "bitext/options.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"

namespace bitext {

std::vector<Finding> structural_checks(const Transcript& transcript, const LineIndex& index,
                                       const CheckOptions& options);

}  // namespace bitext
