// merged-lines at a document's last line: the footer line without a partner
// may be the partner of the second half of the last pair's line (structural
// checks; see StructuralChecker::merged_edge).
#include <algorithm>
#include <optional>
#include <vector>

#include "front_matter.hpp"
#include "merged_anchors.hpp"
#include "merged_lexical.hpp"
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
  // The merged line lies between its first partner and the footer, or, where
  // its side opens the document's pairs, right before its first partner
  // ("以下操作…不可恢复： 关闭图像" / "There are a few…" / "Closing the image"): the
  // second part then goes right before the footer.
  const bool merged_between = first + 2 == number && merged + 1 == number;
  const bool merged_before_partner = merged + 2 == number && first + 1 == number;
  if (!merged_between && !merged_before_partner) return false;
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
  if (footer_number || detail::navigation_link_inside(text, text_of(number)))
    return merged_finding(edge, merged, first, number, partners_translation, merged_between, true);
  // Without a number or link, only where the length model and the dictionary
  // both speak for the merge: the word boundary the lengths predict opens a
  // segment whose words translate the footer, none leans across it, and the
  // merge is the likelier reading than a deleted last line.
  const double first_length = double(text_of(first).size()), footer_length = double(text_of(number).size());
  const double share = first_length / (first_length + footer_length);
  auto taken = [&](const detail::LanguageJoin& cut) {
    return merged_cut_taken(text, cut, first, number, partners_translation);
  };
  std::optional<detail::LanguageJoin> cut = detail::merged_length_cut(text, share);
  if (cut && !taken(*cut)) cut.reset();
  // The boundary nearest the lengths' share may fall inside a word ("基本图像图|层类型"
  // with no space): then the dictionary's cuts, under the same tests.
  if (!cut && join_fit_.lexicon()) {
    const bool merged_chinese = merged_line_chinese(partners_translation);
    for (const detail::LanguageJoin& candidate :
         detail::merged_lexical_seams(*join_fit_.lexicon(), text, merged_chinese, text_of(first), text_of(number),
                                      detail::leading_latin_token(text_of(number)), share, false))
      if (taken(candidate)) {
        cut = candidate;
        break;
      }
  }
  if (!cut) return false;
  merged_report(edge, merged, first, number, partners_translation, merged_between, *cut);
  return true;
}

// The same shape at the document's first line: the header line without a
// partner, then the first pair, whose line right after the header holds the
// header's partner text and then its own partner's ("12.5. 关于" before
// "12.5. About12.5.2. Description of the dialog window" | "12.5.2. 对话窗口的说明").
// Here the pairing already gives the merged line its second partner, so what
// tells a merge is that the line also holds the header's text: a number of
// the header that the second partner lacks, before a number of the second
// partner that the header lacks (numbers carry over as they are, in the
// segments' order); or the second partner is a navigation link whose link
// word the line holds after its start. A real header's pair translates only
// its own partner and holds neither.
bool StructuralChecker::merged_front(std::uint32_t number, const Pair& edge) {
  if (edge.translation.size() != 1 || edge.original.size() != 1) return false;
  const int side = language_side(number);
  if (side < 0) return false;
  const bool partners_translation = side == 1;
  const std::uint32_t second = partners_translation ? edge.translation.front() : edge.original.front();
  const std::uint32_t merged = partners_translation ? edge.original.front() : edge.translation.front();
  if (merged != number + 1 || second != number + 2) return false;
  const std::string_view text = text_of(merged);
  const std::vector<detail::MergedNumber> header = detail::merged_numbers(text_of(number));
  const std::vector<detail::MergedNumber> own = detail::merged_numbers(text_of(second));
  const std::vector<detail::MergedNumber> numbers = detail::merged_numbers(text);
  std::optional<std::size_t> header_number;
  bool own_number = false;
  for (const detail::MergedNumber& n : numbers) {
    const bool in_header = detail::merged_number_in(header, n.text), in_own = detail::merged_number_in(own, n.text);
    if (in_header && !in_own && !header_number) header_number = n.end;
    if (in_own && !in_header && header_number && n.begin >= *header_number) own_number = true;
  }
  // Or the line opens with the header's heading label, which the second
  // partner lacks ("10. 终止" before "10. TERMINATIONYou may not copy…" |
  // "你不可以复制…"): a label names one segment and stands at its start; where
  // a line was deleted before the first pair, the pair's line opens with its
  // own partner's text.
  const std::string_view label = detail::leading_latin_token(text_of(number));
  const bool header_label = !label.empty() && detail::is_label_token(label) &&
                            detail::leading_latin_token(text) == label &&
                            text_of(second).find(label) == std::string_view::npos;
  if (!own_number && !header_label && !detail::navigation_link_inside(text, text_of(second))) return false;
  return merged_finding(edge, merged, number, second, partners_translation, true, true);
}

}  // namespace bitext::structural
