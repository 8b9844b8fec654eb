// Structural finding for a three-line document whose pairing rests on one pair:
// its far line holds a pair's two lines joined when the document is read in
// the other order (detail::reordered_edge_join, join_order.cpp).
#include <string>
#include <string_view>

#include "structural_checker.hpp"

namespace bitext::structural {

// Information: the header-and-pair reading fits as well, and only the
// document's own order (which one pair cannot fix) tells them apart.
bool StructuralChecker::joined_reordered_edge(std::uint32_t number, const Pair& edge) {
  const auto reading = detail::reordered_edge_join(transcript_, index_, number, join_fit_);
  if (!reading) return false;
  const std::string first_part = side_part(!reading->second_translation);
  const std::string second_part = side_part(reading->second_translation);
  const std::uint32_t pair_line = reading->first == number ? reading->second : reading->first;
  const bool vowel = !first_part.empty() && std::string_view("AEIOU").find(first_part.front()) != std::string_view::npos;
  Finding& finding = add("joined-lines", reading->line, reading->line, edge,
                         "Line " + line_number(reading->line) + " holds " + (vowel ? "an " : "a ") + first_part + " and its " + second_part +
                             " joined into one line, lines " + line_number(reading->first) + " and " +
                             line_number(reading->second) + " being a pair in that order; or line " +
                             line_number(number) + " is the document's " +
                             (number < reading->line ? "header" : "footer") + " and line " +
                             line_number(reading->line) + " pairs with line " + line_number(pair_line));
  finding.severity = Severity::Information;
  finding.fixes.push_back(split_at_join(reading->line, reading->join, second_part));
  finding.related.push_back(related(number, "line " + line_number(number)));
  return true;
}

}  // namespace bitext::structural
