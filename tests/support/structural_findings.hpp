// The structural checks' findings on a text read as a line transcript with
// default options: what the joined- and merged-lines tests assert on.
#pragma once

#include <string>
#include <vector>

#include "bitext/checks.hpp"
#include "bitext/finding.hpp"
#include "bitext/pairing.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"

namespace bitext::test_support {

inline std::vector<Finding> structural_findings(const std::string& text) {
  const CheckOptions options;
  const LineIndex index(text);
  const Transcript transcript = parse_transcript(index, options);
  return structural_checks(transcript, index, options);
}

}  // namespace bitext::test_support
