// Structural checks: findings from the shape of the pairing alone.
// Codes: the structural rules of rules.hpp, except invalid-utf8 (analysis.cpp).
// Findings are made at their rules' default severities.
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
