#include "cli/html_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "bitext/transcript.hpp"
#include "cli/display_text.hpp"
#include "cli/finding_counts.hpp"

namespace bitext::cli {
namespace {

void escape_into(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string number_text(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// Red (0) through amber to green (1): the hue follows the score, so a reader
// sees the bad stretches of a long transcript at a glance.
std::string score_colour(double score) {
  if (!std::isfinite(score)) return "hsl(0,0%,60%)";
  const double clamped = std::clamp(score, 0.0, 1.0);
  return "hsl(" + number_text(120.0 * clamped, 0) + ",70%,42%)";
}

// Severity names in the order the filters and counts show them.
constexpr Severity kSeverities[] = {Severity::Error, Severity::Warning, Severity::Information, Severity::Hint};

struct FileSummary {
  std::size_t pairs = 0;
  FindingCounts counts;
  double mean_score = NAN;
};

FileSummary summarise(const Analysis& analysis) {
  FileSummary summary;
  summary.pairs = analysis.transcript().pairs.size();
  summary.counts = count_findings(analysis.findings());
  const std::vector<double>& scores = analysis.pair_scores();
  if (!scores.empty()) {
    double sum = 0;
    for (const double score : scores) sum += score;
    summary.mean_score = sum / static_cast<double>(scores.size());
  }
  return summary;
}

class FileSectionWriter {
 public:
  FileSectionWriter(std::string& out, const ReportedFile& file, std::size_t number)
      : out_(out), file_(file), analysis_(*file.analysis), prefix_("f" + std::to_string(number) + "-") {}

  void write() {
    const Transcript& transcript = analysis_.transcript();
    sort_findings();
    out_ += "<section class=\"file\" id=\"" + prefix_ + "file\" data-pairs=\"" +
            std::to_string(transcript.pairs.size()) + "\">\n<h1>";
    escape_into(out_, display_text(file_.path));
    out_ += "</h1>\n";
    facts();
    strip();
    counts_and_filters();
    out_ += "<div class=\"transcript\">\n";
    body();
    out_ += "</div>\n</section>\n";
  }

 private:
  void sort_findings() {
    const LineIndex& index = analysis_.index();
    for (const Finding& finding : analysis_.findings()) {
      if (finding.pair >= 0 && static_cast<std::size_t>(finding.pair) < analysis_.transcript().pairs.size()) {
        by_pair_[static_cast<std::size_t>(finding.pair)].push_back(&finding);
      } else {
        by_line_[static_cast<std::uint32_t>(index.line_of(finding.begin))].push_back(&finding);
      }
      ++per_code_[finding.code][static_cast<int>(finding.severity)];
    }
  }

  void facts() {
    const Transcript& transcript = analysis_.transcript();
    const FileSummary summary = summarise(analysis_);
    std::string layout = transcript.order == LineOrder::OriginalFirst ? "original first, then its translation"
                                                                      : "translation first, then its original";
    const bool speakers = transcript.speaker_model.labelled();  // inferred speakers are not labels
    const bool markup = std::any_of(transcript.lines.begin(), transcript.lines.end(),
                                    [](const TranscriptLine& line) { return line.kind == LineKind::Markup; });
    if (speakers) layout += "; speaker labels";
    if (markup) layout += "; subtitle markup (cue numbers, timings)";
    if (transcript.pairs.empty()) layout = "no pairs found: is this a bilingual transcript?";
    out_ += "<dl class=\"facts\">";
    fact("Layout", "layout", layout);
    fact("Languages", "languages",
         "translation: " + std::string(script_name(transcript.translation_script)) +
             ", original: " + std::string(script_name(transcript.original_script)));
    fact("Pairs", "pair-count", std::to_string(summary.pairs));
    fact("Lines", "line-count", std::to_string(analysis_.index().line_count()));
    fact("Findings", "finding-count",
         plural(summary.counts.errors, "error", "errors") + ", " +
             plural(summary.counts.warnings, "warning", "warnings") + ", " +
             plural(summary.counts.notes, "note", "notes"));
    if (std::isfinite(summary.mean_score)) fact("Mean alignment score", "mean-score", number_text(summary.mean_score, 2));
    out_ += "</dl>\n";
  }

  void fact(std::string_view term, std::string_view cls, const std::string& value) {
    out_ += "<dt>";
    out_ += term;
    out_ += "</dt><dd class=\"";
    out_ += cls;
    out_ += "\">";
    escape_into(out_, value);
    out_ += "</dd>";
  }

  void strip() {
    const std::vector<Pair>& pairs = analysis_.transcript().pairs;
    if (pairs.empty()) return;
    const std::vector<double>& scores = analysis_.pair_scores();
    out_ += "<nav class=\"strip\" aria-label=\"alignment score of each pair\">";
    for (const Pair& pair : pairs) {
      const double score = pair.index < scores.size() ? scores[pair.index] : NAN;
      const std::string n = std::to_string(pair.index + 1);
      const auto found = by_pair_.find(pair.index);
      const std::size_t findings = found == by_pair_.end() ? 0 : found->second.size();
      out_ += "<a class=\"cell" + std::string(findings ? " flagged" : "") + "\" href=\"#" + prefix_ + "pair-" + n +
              "\" data-pair=\"" + n + "\" data-score=\"" + (std::isfinite(score) ? number_text(score, 3) : "") +
              "\" style=\"background:" + score_colour(score) + "\" title=\"pair " + n +
              (std::isfinite(score) ? ": score " + number_text(score, 2) : "") +
              (findings ? ", " + plural(findings, "finding", "findings") : "") + "\"></a>";
    }
    out_ += "</nav>\n";
  }

  void counts_and_filters() {
    out_ += "<div class=\"filters\"><fieldset class=\"severities\"><legend>Severity</legend>";
    for (const Severity severity : kSeverities) {
      const std::string name(severity_name(severity));
      out_ += "<label><input type=\"checkbox\" data-filter=\"severity\" value=\"" + name + "\" checked> " + name +
              "</label>";
    }
    out_ += "<label><input type=\"checkbox\" data-filter=\"flagged-only\"> only pairs with findings</label>";
    out_ += "</fieldset>\n";
    if (per_code_.empty()) {
      out_ += "<p class=\"no-findings\">No findings.</p></div>\n";
      return;
    }
    out_ += "<table class=\"counts\"><thead><tr><th>Code</th>";
    for (const Severity severity : kSeverities) out_ += "<th>" + std::string(severity_name(severity)) + "</th>";
    out_ += "<th>Total</th></tr></thead><tbody>";
    for (const auto& [code, by_severity] : per_code_) {
      std::size_t total = 0;
      out_ += "<tr data-code=\"";
      escape_into(out_, code);
      out_ += "\"><td><label><input type=\"checkbox\" data-filter=\"code\" value=\"";
      escape_into(out_, code);
      out_ += "\" checked> <code>";
      escape_into(out_, code);
      out_ += "</code></label></td>";
      for (const Severity severity : kSeverities) {
        const auto it = by_severity.find(static_cast<int>(severity));
        const std::size_t n = it == by_severity.end() ? 0 : it->second;
        total += n;
        out_ += "<td>" + (n ? std::to_string(n) : std::string()) + "</td>";
      }
      out_ += "<td class=\"total\">" + std::to_string(total) + "</td></tr>";
    }
    out_ += "</tbody></table></div>\n";
  }

  // Walks the document in order: front matter, pairs (with speaker turns and
  // chapters as headings), back matter. A chapter is a line of text outside
  // any pair between two pairs (a heading the pairing left alone).
  void body() {
    const Transcript& transcript = analysis_.transcript();
    const LineIndex& index = analysis_.index();
    matter("Front matter", "front", transcript.front_matter);
    std::vector<bool> done(transcript.pairs.size(), false);
    std::string speaker;
    std::vector<std::uint32_t> pending_markup;
    const bool interior = !transcript.pairs.empty();
    std::vector<bool> in_matter(transcript.lines.size(), false);
    for (const std::uint32_t line : transcript.front_matter) if (line < in_matter.size()) in_matter[line] = true;
    for (const std::uint32_t line : transcript.back_matter) if (line < in_matter.size()) in_matter[line] = true;
    // From the first line: subtitle markup before the first pair (its cue number and timing) goes with it.
    const std::uint32_t last = interior ? transcript.pairs.back().last_line() : 0;
    for (std::uint32_t line = 0; interior && line <= last && line < transcript.lines.size(); ++line) {
      const TranscriptLine& entry = transcript.lines[line];
      if (in_matter[line]) continue;  // shown in the front or back matter section
      if (entry.pair >= 0) {
        const auto p = static_cast<std::size_t>(entry.pair);
        if (p >= done.size() || done[p]) continue;
        done[p] = true;
        const Pair& pair = transcript.pairs[p];
        if (!pair.speaker.empty() && pair.speaker != speaker) {
          out_ += "<h3 class=\"speaker\">";
          escape_into(out_, display_text(pair.speaker));
          out_ += "</h3>\n";
        }
        speaker = pair.speaker;
        write_pair(pair, pending_markup);
        pending_markup.clear();
      } else if (entry.kind == LineKind::Markup) {
        pending_markup.push_back(line);
      } else if (entry.kind != LineKind::Blank) {
        out_ += "<h2 class=\"chapter\" data-line=\"" + std::to_string(line) + "\">";
        escape_into(out_, display_text(index.line_text(line)));
        out_ += "</h2>\n";
        line_findings(line);
      }
    }
    matter("Back matter", "back", transcript.back_matter);
    // Findings on lines not shown above (blank lines, markup outside pairs).
    std::vector<const Finding*> rest;
    for (const auto& [line, findings] : by_line_)
      if (!shown_lines_.count(line)) rest.insert(rest.end(), findings.begin(), findings.end());
    if (!rest.empty()) {
      out_ += "<section class=\"matter other\"><h2>Other findings</h2>";
      finding_list(rest);
      out_ += "</section>\n";
    }
  }

  void matter(const char* title, const char* cls, const std::vector<std::uint32_t>& lines) {
    if (lines.empty()) return;
    out_ += "<section class=\"matter ";
    out_ += cls;
    out_ += "\"><h2>";
    out_ += title;
    out_ += "</h2>\n";
    for (const std::uint32_t line : lines) {
      line_paragraph(line, "matter-line");
      line_findings(line);
    }
    out_ += "</section>\n";
  }

  void line_paragraph(std::uint32_t line, const char* cls) {
    out_ += "<p class=\"";
    out_ += cls;
    out_ += "\" data-line=\"" + std::to_string(line) + "\"><span class=\"ln\">" + std::to_string(line + 1) +
            "</span>";
    escape_into(out_, display_text(analysis_.index().line_text(line)));
    out_ += "</p>\n";
  }

  void line_findings(std::uint32_t line) {
    shown_lines_.insert(line);
    const auto found = by_line_.find(line);
    if (found != by_line_.end()) finding_list(found->second);
  }

  void write_pair(const Pair& pair, const std::vector<std::uint32_t>& markup) {
    const std::vector<double>& scores = analysis_.pair_scores();
    const double score = pair.index < scores.size() ? scores[pair.index] : NAN;
    const std::string n = std::to_string(pair.index + 1);
    const auto found = by_pair_.find(pair.index);
    out_ += "<article class=\"pair" + std::string(found != by_pair_.end() ? " flagged" : "") + "\" id=\"" + prefix_ +
            "pair-" + n + "\" data-pair=\"" + n + "\" data-first-line=\"" + std::to_string(pair.first_line()) +
            "\" data-last-line=\"" + std::to_string(pair.last_line()) + "\" data-score=\"" +
            (std::isfinite(score) ? number_text(score, 3) : "") + "\">\n";
    out_ += "<div class=\"pair-head\" style=\"border-color:" + score_colour(score) + "\"><a href=\"#" + prefix_ +
            "pair-" + n + "\">pair " + n + "</a>";
    if (std::isfinite(score)) out_ += " <span class=\"score\">score " + number_text(score, 2) + "</span>";
    for (const std::uint32_t line : markup) {
      out_ += " <span class=\"markup\" data-line=\"" + std::to_string(line) + "\">";
      escape_into(out_, display_text(analysis_.index().line_text(line)));
      out_ += "</span>";
      shown_lines_.insert(line);
    }
    out_ += "</div>\n";
    side("translation", pair.translation);
    side("original", pair.original);
    std::vector<const Finding*> findings;
    if (found != by_pair_.end()) findings = found->second;
    for (const std::uint32_t line : pair.translation) collect_line(line, findings);
    for (const std::uint32_t line : pair.original) collect_line(line, findings);
    if (!findings.empty()) finding_list(findings);
    out_ += "</article>\n";
  }

  void collect_line(std::uint32_t line, std::vector<const Finding*>& findings) {
    shown_lines_.insert(line);
    const auto found = by_line_.find(line);
    if (found != by_line_.end()) findings.insert(findings.end(), found->second.begin(), found->second.end());
  }

  void side(const char* role, const SideLines& lines) {
    out_ += "<div class=\"side ";
    out_ += role;
    out_ += "\">";
    if (lines.empty()) {
      out_ += "<p class=\"missing\">(";
      out_ += role;
      out_ += " missing)</p>";
    }
    for (const std::uint32_t line : lines) line_paragraph(line, "line");
    out_ += "</div>\n";
  }

  void finding_list(const std::vector<const Finding*>& findings) {
    out_ += "<ul class=\"findings\">";
    for (const Finding* finding : findings) {
      const std::string severity(severity_name(finding->severity));
      const std::size_t line = analysis_.index().line_of(finding->begin);
      out_ += "<li class=\"finding " + severity + "\" data-severity=\"" + severity + "\" data-code=\"";
      escape_into(out_, finding->code);
      out_ += "\" data-line=\"" + std::to_string(line) + "\"><span class=\"severity\">" + severity +
              "</span> <span class=\"message\">";
      escape_into(out_, display_text(finding->message));
      out_ += "</span> <code class=\"code\">";
      escape_into(out_, finding->code);
      out_ += "</code> <span class=\"where\">line " + std::to_string(line + 1) + "</span></li>";
    }
    out_ += "</ul>\n";
  }

  std::string& out_;
  const ReportedFile& file_;
  const Analysis& analysis_;
  std::string prefix_;  // element ids are unique per file on a page with several files
  std::map<std::size_t, std::vector<const Finding*>> by_pair_;
  std::map<std::uint32_t, std::vector<const Finding*>> by_line_;  // findings outside any pair
  std::map<std::string, std::map<int, std::size_t>> per_code_;   // code -> severity -> count
  std::set<std::uint32_t> shown_lines_;
};

void index_table(std::string& out, const std::vector<ReportedFile>& files) {
  out += "<section class=\"index\"><h1>Bitext report: " + plural(files.size(), "file", "files") + "</h1>\n";
  out += "<table class=\"files\"><thead><tr><th>File</th><th>Pairs</th><th>Errors</th><th>Warnings</th>"
         "<th>Notes</th><th>Mean score</th></tr></thead><tbody>\n";
  for (std::size_t i = 0; i < files.size(); ++i) {
    const ReportedFile& file = files[i];
    out += "<tr class=\"file-row\"><td><a href=\"#f" + std::to_string(i + 1) + "-file\">";
    escape_into(out, display_text(file.path));
    out += "</a></td>";
    if (!file.analysis) {
      out += "<td colspan=\"5\" class=\"error\">";
      escape_into(out, display_text(file.error));
      out += "</td></tr>\n";
      continue;
    }
    const FileSummary summary = summarise(*file.analysis);
    out += "<td class=\"pairs\">" + std::to_string(summary.pairs) + "</td><td>" +
           std::to_string(summary.counts.errors) + "</td><td>" + std::to_string(summary.counts.warnings) +
           "</td><td>" + std::to_string(summary.counts.notes) + "</td><td";
    if (std::isfinite(summary.mean_score)) {
      out += " style=\"color:" + score_colour(summary.mean_score) + "\">" + number_text(summary.mean_score, 2);
    } else {
      out += ">";
    }
    out += "</td></tr>\n";
  }
  out += "</tbody></table></section>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  escape_into(out, display_text(text));
  return out;
}

std::string html_report(const std::vector<ReportedFile>& files, bool index) {
  std::string out;
  std::size_t bytes = 0;
  for (const ReportedFile& file : files)
    if (file.analysis) bytes += file.analysis->text().size();
  out.reserve(16384 + bytes * 2);
  out += "<!DOCTYPE html>\n<html lang=\"und\">\n<head>\n<meta charset=\"utf-8\">\n";
  // Nothing may be fetched: the page works offline and cannot leak a transcript.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Bitext report: ";
  escape_into(out, files.size() == 1 ? display_text(files.front().path) : plural(files.size(), "file", "files"));
  out += "</title>\n<style>\n";
  out += report_style();
  out += "</style>\n</head>\n<body>\n";
  if (index || files.size() != 1) index_table(out, files);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const ReportedFile& file = files[i];
    if (file.analysis) {
      FileSectionWriter(out, file, i + 1).write();
      continue;
    }
    out += "<section class=\"file failed\" id=\"f" + std::to_string(i + 1) + "-file\"><h1>";
    escape_into(out, display_text(file.path));
    out += "</h1><p class=\"error\">";
    escape_into(out, display_text(file.error));
    out += "</p></section>\n";
  }
  out += "<script>\n";
  out += report_script();
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace bitext::cli
