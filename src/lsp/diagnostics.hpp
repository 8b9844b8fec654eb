// The one mapping from a core Finding to an LSP Diagnostic, shared by the
// server (textDocument/publishDiagnostics) and `bitext check --format json`.
// Shape: range, severity, code, source "bitext", message, relatedInformation
// (when the finding has partner lines and the reader wants them), and
// data {code, index, version?, fixes?}: `index` is the finding's place in its
// analysis and `version` the document version (server), which let codeAction
// find the finding again; `fixes` carries its fixes as LSP text edits (CLI,
// whose readers have no codeAction to ask).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/finding.hpp"
#include "bitext/text.hpp"
#include "lsp/feature_context.hpp"
#include "lsp/protocol.hpp"

namespace bitext::lsp {

// Strings are views into the Finding (and the URI): a Diagnostic is made just
// before it is written, while its analysis is alive.
struct DiagnosticRelatedInformation {
  std::string_view uri;
  Range range;
  std::string_view message;
};

struct DiagnosticTextEdit {
  Range range;
  std::string_view new_text;
};

struct DiagnosticFix {
  std::string_view title;
  bool is_preferred = false;
  std::vector<DiagnosticTextEdit> edits;
};

struct Diagnostic {
  Range range;
  int severity = 2;
  std::string_view code;
  std::string_view message;
  std::vector<DiagnosticRelatedInformation> related_information;  // empty: the key is left out
  std::uint32_t index = 0;                                        // data.index
  std::optional<std::int64_t> version;                            // data.version
  std::vector<DiagnosticFix> fixes;                               // data.fixes, left out when empty
};

struct DiagnosticOptions {
  std::string_view uri;                  // of the related locations
  std::optional<std::int64_t> version;   // the document version, when there is one
  bool related_information = true;
  bool fixes = false;
};

// Fills `out` (reusing its vectors' memory) with finding `index`; `range_of`
// turns a byte range into a Range: (std::size_t begin, std::size_t end) -> Range.
template <class RangeOf>
void make_diagnostic(Diagnostic& out, const Finding& finding, std::uint32_t index, RangeOf&& range_of,
                     const DiagnosticOptions& options) {
  out.range = range_of(finding.begin, finding.end);
  out.severity = static_cast<int>(finding.severity);
  out.code = finding.code;
  out.message = finding.message;
  out.related_information.clear();
  if (options.related_information) {
    for (const RelatedLocation& location : finding.related) {
      out.related_information.push_back({options.uri, range_of(location.begin, location.end), location.message});
    }
  }
  out.index = index;
  out.version = options.version;
  out.fixes.clear();
  if (options.fixes) {
    for (const Fix& fix : finding.fixes) {
      DiagnosticFix& written = out.fixes.emplace_back(DiagnosticFix{fix.title, fix.preferred, {}});
      for (const TextEdit& edit : fix.edits) written.edits.push_back({range_of(edit.begin, edit.end), edit.replacement});
    }
  }
}

// The Diagnostic as JSON text: the fast writer that publishing uses (thousands
// of findings), byte for byte what serialize(json(diagnostic)) gives.
void append_json(std::string& out, const Diagnostic& diagnostic);
// The same in two parts: up to data.version (code, fixes, index, version) and
// the rest (message, ranges, related information, severity), which a
// finding that did not change keeps from one version to the next.
void append_json_head(std::string& out, const Diagnostic& diagnostic);
void append_json_tail(std::string& out, const Diagnostic& diagnostic);

// The Diagnostic as a json value, for any nlohmann json type (the CLI's
// report keeps insertion order: the README's order of keys).
template <class Json>
void to_json(Json& j, const Diagnostic& d) {
  auto range = [](const Range& r) {
    return Json{{"start", {{"line", r.start.line}, {"character", r.start.character}}},
                {"end", {{"line", r.end.line}, {"character", r.end.character}}}};
  };
  j = Json{{"range", range(d.range)},
           {"severity", d.severity},
           {"code", std::string(d.code)},
           {"source", "bitext"},
           {"message", std::string(d.message)}};
  if (!d.related_information.empty()) {
    Json related = Json::array();
    for (const DiagnosticRelatedInformation& r : d.related_information) {
      related.push_back(
          Json{{"location", {{"uri", std::string(r.uri)}, {"range", range(r.range)}}}, {"message", std::string(r.message)}});
    }
    j["relatedInformation"] = std::move(related);
  }
  Json data{{"code", std::string(d.code)}, {"index", d.index}};
  if (d.version) data["version"] = *d.version;
  if (!d.fixes.empty()) {
    Json fixes = Json::array();
    for (const DiagnosticFix& fix : d.fixes) {
      Json edits = Json::array();
      for (const DiagnosticTextEdit& edit : fix.edits) {
        edits.push_back(Json{{"range", range(edit.range)}, {"newText", std::string(edit.new_text)}});
      }
      fixes.push_back(Json{{"title", std::string(fix.title)}, {"isPreferred", fix.is_preferred}, {"edits", std::move(edits)}});
    }
    data["fixes"] = std::move(fixes);
  }
  j["data"] = std::move(data);
}

// Finding `finding_index` of the context's snapshot as the server publishes it.
json diagnostic_for(const FeatureContext& context, std::uint32_t finding_index);

// PublishDiagnosticsParams for the whole snapshot, as JSON text.
std::string publish_diagnostics_text(const FeatureContext& context);
// The same appended to `out` (publishing writes it straight into the message).
void append_publish_diagnostics(std::string& out, const FeatureContext& context);

// PublishDiagnosticsParams of an analysis's early findings (the structure's,
// before the content checks end), for version `version` of `uri`. Each
// diagnostic is what the finished analysis will publish for the same finding
// except for data: {code, index} with `index` its place in this early list and
// no data.version, so that a code action asked for it finds the finding by
// its range and code (the fast path of finding_of_diagnostic needs a version).
void append_early_publish_diagnostics(std::string& out, std::string_view uri, std::int64_t version,
                                      const EarlyFindings& early, PositionEncoding encoding,
                                      bool related_information);

// The finding a diagnostic sent back by the client stands for, when it is one
// of ours and still matches the snapshot; nullopt otherwise.
std::optional<std::uint32_t> finding_of_diagnostic(const FeatureContext& context, const ClientDiagnostic& diagnostic);

}  // namespace bitext::lsp
