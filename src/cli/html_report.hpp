// The alignment report for people: one self-contained HTML page (inline CSS
// and script, no external resource) showing a transcript as two columns pair
// by pair, its findings on their pairs, and a strip of the pairs coloured by
// their alignment score. Written from the core's analysis; the core knows
// nothing of HTML.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/analysis.hpp"

namespace bitext::cli {

// One file of a report: analysed, or with the reason it could not be.
struct ReportedFile {
  std::string path;                          // as shown
  std::shared_ptr<const Analysis> analysis;  // null when `error` is set
  std::string error;
};

// The whole page. With more than one file (or `index` set) it starts with an
// index table, one row per file, each linking to the file's section.
std::string html_report(const std::vector<ReportedFile>& files, bool index);

// Text made safe inside HTML elements and attribute values: & < > " ' are
// escaped, invalid UTF-8 and control characters become U+FFFD.
std::string html_escape(std::string_view text);

// The page's stylesheet and script (html_report_assets.cpp).
std::string_view report_style();
std::string_view report_script();

}  // namespace bitext::cli
