#include "lsp/diagnostics.hpp"

namespace bitext::lsp {

json diagnostic_for(const FeatureContext& context, std::uint32_t finding_index) {
  const Finding& finding = context.analysis().findings()[finding_index];
  json diagnostic{
      {"range", context.range_of(finding.begin, finding.end)},
      {"severity", static_cast<int>(finding.severity)},
      {"code", finding.code},
      {"source", "bitext"},
      {"message", finding.message},
      {"data", {{"version", context.snapshot.version()}, {"index", finding_index}, {"code", finding.code}}},
  };
  if (context.caps.related_information && !finding.related.empty()) {
    json related = json::array();
    for (const RelatedLocation& location : finding.related) {
      related.push_back({{"location", context.location(location.begin, location.end)}, {"message", location.message}});
    }
    diagnostic["relatedInformation"] = std::move(related);
  }
  return diagnostic;
}

json publish_diagnostics_params(const FeatureContext& context) {
  json diagnostics = json::array();
  const auto& findings = context.analysis().findings();
  for (std::uint32_t i = 0; i < findings.size(); ++i) diagnostics.push_back(diagnostic_for(context, i));
  return json{{"uri", context.uri}, {"version", context.snapshot.version()}, {"diagnostics", std::move(diagnostics)}};
}

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
