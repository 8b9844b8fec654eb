// merged-lines at a document's last line: the footer line without a partner
// may be the partner of the second half of the last pair's line (structural
// checks; see StructuralChecker::merged_edge).
#include <algorithm>
#include <vector>

#include "merged_anchors.hpp"
#include "structural_checker.hpp"

namespace bitext::structural {

// The line after the last pair (`number`, of one side, without a partner)
// and the last pair's line of the other side right before it, which holds a
// number of that line that its own partner (right before it) lacks
// ("Prev15.4. Becoming a Package Maintainer Next16.2. Debian's Future" before
// "下一页16.2. Debian的未来"): the last pair's line holds two segments' text,
// the second partner being the footer line; read as merged_before reads a
// missing line. Why the number: a deleted line's neighbour and a footer are
// both this shape, and the words alone cannot tell them apart in 2- and
// 3-line documents; but a number carries over into a translation as it is,
// so a line that holds the footer's number and not its own partner's holds
// the footer's partner text. The line's first token (its own heading's label)
// is left out: a deleted line's neighbour starts with its own label.
bool StructuralChecker::merged_edge(std::uint32_t number, const Pair& edge) {
  if (number < 2 || edge.translation.size() != 1 || edge.original.size() != 1) return false;
  const int side = language_side(number);
  if (side < 0) return false;
  const bool partners_translation = side == 1;
  const std::uint32_t first = partners_translation ? edge.translation.front() : edge.original.front();
  const std::uint32_t merged = partners_translation ? edge.original.front() : edge.translation.front();
  if (first + 2 != number || merged + 1 != number) return false;
  const std::string_view text = text_of(merged);
  std::size_t token_end = 0;
  while (token_end < text.size() && text[token_end] == ' ') ++token_end;
  while (token_end < text.size() && text[token_end] != ' ') ++token_end;
  const std::vector<detail::MergedNumber> own = detail::merged_numbers(text_of(first));
  const std::vector<detail::MergedNumber> footer = detail::merged_numbers(text_of(number));
  const std::vector<detail::MergedNumber> numbers = detail::merged_numbers(text);
  const bool footer_number = std::any_of(numbers.begin(), numbers.end(), [&](const detail::MergedNumber& n) {
    return n.begin >= token_end && detail::merged_number_in(footer, n.text) && !detail::merged_number_in(own, n.text);
  });
  if (!footer_number) return false;
  return merged_finding(edge, merged, first, number, partners_translation, true, true);
}

}  // namespace bitext::structural
