#include "lsp/diagnostics.hpp"

#include "lsp/json_writer.hpp"

namespace bitext::lsp {

namespace {

void append_diagnostic(std::string& out, const FeatureContext& context, PositionCursor& positions,
                       std::uint32_t finding_index) {
  // Keys in nlohmann's (sorted) order, so that diagnostic_for's json is the same.
  const Finding& finding = context.analysis().findings()[finding_index];
  out += "{\"code\":";
  append_json_string(out, finding.code);
  out += ",\"data\":{\"code\":";
  append_json_string(out, finding.code);
  out += ",\"index\":";
  append_json_int(out, finding_index);
  out += ",\"version\":";
  append_json_int(out, context.snapshot.version());
  out += "},\"message\":";
  append_json_string(out, finding.message);
  out += ",\"range\":";
  append_json_range(out, positions.range(finding.begin, finding.end));
  if (context.caps.related_information && !finding.related.empty()) {
    out += ",\"relatedInformation\":[";
    bool first = true;
    for (const RelatedLocation& location : finding.related) {
      if (!first) out.push_back(',');
      first = false;
      out += "{\"location\":{\"range\":";
      append_json_range(out, positions.range(location.begin, location.end));
      out += ",\"uri\":";
      append_json_string(out, context.uri);
      out += "},\"message\":";
      append_json_string(out, location.message);
      out.push_back('}');
    }
    out.push_back(']');
  }
  out += ",\"severity\":";
  append_json_int(out, static_cast<int>(finding.severity));
  out += ",\"source\":\"bitext\"}";
}

}  // namespace

void append_diagnostic(std::string& out, const FeatureContext& context, std::uint32_t finding_index) {
  PositionCursor positions(context);
  append_diagnostic(out, context, positions, finding_index);
}

json diagnostic_for(const FeatureContext& context, std::uint32_t finding_index) {
  std::string text;
  append_diagnostic(text, context, finding_index);
  return json::parse(text);
}

std::string publish_diagnostics_text(const FeatureContext& context) {
  std::string out;
  append_publish_diagnostics(out, context);
  return out;
}

void append_publish_diagnostics(std::string& out, const FeatureContext& context) {
  const auto& findings = context.analysis().findings();
  out.reserve(out.size() + 64 + findings.size() * 640);
  out += "{\"diagnostics\":[";
  PositionCursor positions(context);  // findings come sorted by where they begin
  for (std::uint32_t i = 0; i < findings.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_diagnostic(out, context, positions, i);
  }
  out += "],\"uri\":";
  append_json_string(out, context.uri);
  out += ",\"version\":";
  append_json_int(out, context.snapshot.version());
  out.push_back('}');
}

json publish_diagnostics_params(const FeatureContext& context) { return json::parse(publish_diagnostics_text(context)); }

std::optional<std::uint32_t> finding_of_diagnostic(const FeatureContext& context, const json& diagnostic) {
  if (!diagnostic.is_object()) return std::nullopt;
  auto code = diagnostic.find("code");
  if (code == diagnostic.end() || !code->is_string()) return std::nullopt;
  const auto& findings = context.analysis().findings();
  // Fast path: the data we attached, for this very version.
  if (auto data = diagnostic.find("data"); data != diagnostic.end() && data->is_object()) {
    auto version = data->find("version");
    auto index = data->find("index");
    if (version != data->end() && index != data->end() && version->is_number_integer() &&
        index->is_number_unsigned() && version->get<std::int64_t>() == context.snapshot.version()) {
      auto i = index->get<std::uint64_t>();
      if (i < findings.size() && findings[i].code == *code) return static_cast<std::uint32_t>(i);
      return std::nullopt;
    }
  }
  // A diagnostic from another version (or a client that drops data): the
  // finding of the same code starting at the same place, if there is one.
  auto range = diagnostic.find("range");
  if (range == diagnostic.end()) return std::nullopt;
  Range r;
  try {
    r = range->get<Range>();
  } catch (const std::exception&) {
    return std::nullopt;
  }
  std::size_t begin = context.offset_of(r.start);
  std::size_t end = context.offset_of(r.end);
  auto line = static_cast<std::uint32_t>(context.index().line_of(begin));
  for (std::uint32_t i : context.snapshot.findings_on_lines(line, line)) {
    if (findings[i].code == *code && findings[i].begin == begin && findings[i].end == end) return i;
  }
  return std::nullopt;
}

}  // namespace bitext::lsp
