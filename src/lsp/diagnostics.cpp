#include "lsp/diagnostics.hpp"

#include "lsp/framing.hpp"
#include "lsp/json_writer.hpp"

namespace bitext::lsp {

namespace {

DiagnosticOptions server_options(const FeatureContext& context) {
  return DiagnosticOptions{context.uri, context.snapshot.version(), context.caps.related_information, false};
}

void append_text_edits(std::string& out, const std::vector<DiagnosticTextEdit>& edits) {
  out.push_back('[');
  for (std::size_t i = 0; i < edits.size(); ++i) {
    if (i > 0) out.push_back(',');
    out += "{\"newText\":";
    append_json_string(out, edits[i].new_text);
    out += ",\"range\":";
    append_json_range(out, edits[i].range);
    out.push_back('}');
  }
  out.push_back(']');
}

// PublishDiagnosticsParams of `findings` (sorted by where they begin, as the
// cursor needs) for version `version` of `uri`.
void append_publish_params(std::string& out, const std::vector<Finding>& findings, PositionCursor& positions,
                           const DiagnosticOptions& options, std::string_view uri, std::int64_t version) {
  out.reserve(out.size() + 64 + kFrameHeaderRoom + findings.size() * 640);  // framed in place after
  out += "{\"diagnostics\":[";
  auto range_of = [&](std::size_t begin, std::size_t end) { return positions.range(begin, end); };
  Diagnostic diagnostic;  // one, refilled: its vectors keep their memory
  for (std::uint32_t i = 0; i < findings.size(); ++i) {
    if (i > 0) out.push_back(',');
    make_diagnostic(diagnostic, findings[i], i, range_of, options);
    append_json(out, diagnostic);
  }
  out += "],\"uri\":";
  append_json_string(out, uri);
  out += ",\"version\":";
  append_json_int(out, version);
  out.push_back('}');
}

}  // namespace

void append_json(std::string& out, const Diagnostic& d) {
  append_json_head(out, d);
  append_json_tail(out, d);
}

// Keys in nlohmann's (sorted) order, so that serialize() of to_json gives the same bytes.
void append_json_head(std::string& out, const Diagnostic& d) {
  out += "{\"code\":";
  append_json_string(out, d.code);
  out += ",\"data\":{\"code\":";
  append_json_string(out, d.code);
  if (!d.fixes.empty()) {
    out += ",\"fixes\":[";
    for (std::size_t i = 0; i < d.fixes.size(); ++i) {
      if (i > 0) out.push_back(',');
      out += "{\"edits\":";
      append_text_edits(out, d.fixes[i].edits);
      out += ",\"isPreferred\":";
      out += d.fixes[i].is_preferred ? "true" : "false";
      out += ",\"title\":";
      append_json_string(out, d.fixes[i].title);
      out.push_back('}');
    }
    out.push_back(']');
  }
  out += ",\"index\":";
  append_json_int(out, d.index);
  if (d.version) {
    out += ",\"version\":";
    append_json_int(out, *d.version);
  }
}

void append_json_tail(std::string& out, const Diagnostic& d) {
  out += "},\"message\":";
  append_json_string(out, d.message);
  out += ",\"range\":";
  append_json_range(out, d.range);
  if (!d.related_information.empty()) {
    out += ",\"relatedInformation\":[";
    bool first = true;
    for (const DiagnosticRelatedInformation& related : d.related_information) {
      if (!first) out.push_back(',');
      first = false;
      out += "{\"location\":{\"range\":";
      append_json_range(out, related.range);
      out += ",\"uri\":";
      append_json_string(out, related.uri);
      out += "},\"message\":";
      append_json_string(out, related.message);
      out.push_back('}');
    }
    out.push_back(']');
  }
  out += ",\"severity\":";
  append_json_int(out, d.severity);
  out += ",\"source\":\"bitext\"}";
}

json diagnostic_for(const FeatureContext& context, std::uint32_t finding_index) {
  Diagnostic diagnostic;
  make_diagnostic(diagnostic, context.analysis().findings()[finding_index], finding_index,
                  [&](std::size_t begin, std::size_t end) { return context.range_of(begin, end); },
                  server_options(context));
  json out;
  to_json(out, diagnostic);
  return out;
}

std::string publish_diagnostics_text(const FeatureContext& context) {
  std::string out;
  append_publish_diagnostics(out, context);
  return out;
}

void append_publish_diagnostics(std::string& out, const FeatureContext& context) {
  PositionCursor positions = context.position_cursor();
  append_publish_params(out, context.analysis().findings(), positions, server_options(context), context.uri,
                        context.snapshot.version());
}

void append_early_publish_diagnostics(std::string& out, std::string_view uri, std::int64_t version,
                                      const EarlyFindings& early, PositionEncoding encoding,
                                      bool related_information) {
  PositionCursor positions(early.index, encoding, early.invalid_utf8_at.value_or(early.index.text().size()));
  append_publish_params(out, early.findings, positions, DiagnosticOptions{uri, std::nullopt, related_information, false},
                        uri, version);
}

std::optional<std::uint32_t> finding_of_diagnostic(const FeatureContext& context, const ClientDiagnostic& diagnostic) {
  if (!diagnostic.code) return std::nullopt;
  const std::string& code = *diagnostic.code;
  const auto& findings = context.analysis().findings();
  // Fast path: the data we attached, for this very version.
  if (diagnostic.data && diagnostic.data->version == context.snapshot.version()) {
    std::uint32_t i = diagnostic.data->index;
    if (i < findings.size() && findings[i].code == code) return i;
    return std::nullopt;
  }
  // A diagnostic from another version (or a client that drops data): the
  // finding of the same code starting at the same place, if there is one.
  std::size_t begin = context.offset_of(diagnostic.range.start);
  std::size_t end = context.offset_of(diagnostic.range.end);
  auto line = static_cast<std::uint32_t>(context.index().line_of(begin));
  for (std::uint32_t i : context.snapshot.findings_on_lines(line, line)) {
    if (findings[i].code == code && findings[i].begin == begin && findings[i].end == end) return i;
  }
  return std::nullopt;
}

}  // namespace bitext::lsp
