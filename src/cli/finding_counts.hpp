// How many findings of each severity a run produced. Errors and warnings make
// `bitext check` exit 1; information and hints are shown but do not fail a run.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "bitext/finding.hpp"

namespace bitext::cli {

struct FindingCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t notes = 0;  // information and hints

  void add(Severity severity) {
    if (severity == Severity::Error) {
      ++errors;
    } else if (severity == Severity::Warning) {
      ++warnings;
    } else {
      ++notes;
    }
  }
  void add(const FindingCounts& other) {
    errors += other.errors;
    warnings += other.warnings;
    notes += other.notes;
  }
  bool failing() const { return errors + warnings > 0; }
};

inline FindingCounts count_findings(const std::vector<Finding>& findings) {
  FindingCounts counts;
  for (const Finding& finding : findings) counts.add(finding.severity);
  return counts;
}

// "1 warning", "3 warnings": a count with its noun, as the summaries print it.
inline std::string plural(std::size_t n, const char* singular, const char* plural_form) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural_form);
}

}  // namespace bitext::cli
