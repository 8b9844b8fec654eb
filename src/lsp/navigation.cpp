#include "lsp/navigation.hpp"

namespace bitext::lsp {

json definition(const FeatureContext& context, Position position) {
  auto partners = partner_lines(context.transcript(), context.line_at(position));
  if (partners.empty()) return nullptr;
  json locations = json::array();
  for (std::uint32_t line : partners) {
    locations.push_back(context.location(context.index().line_start(line), context.index().line_end(line)));
  }
  return locations;
}

json document_highlight(const FeatureContext& context, Position position) {
  auto partners = partner_lines(context.transcript(), context.line_at(position));
  if (partners.empty()) return nullptr;
  json highlights = json::array();
  constexpr int kText = 1;  // DocumentHighlightKind.Text
  for (std::uint32_t line : partners) highlights.push_back({{"range", context.line_range(line)}, {"kind", kText}});
  return highlights;
}

}  // namespace bitext::lsp
