// A three-line document read in the other order (joined_lines.hpp,
// reordered_edge_join). Why the reading holds: with one pair, nothing but that
// pair fixes the document's order. Lines "2.1.2. 选项 / 2.1.2. Options / 12.5.2.
// 对话窗口的说明12.5.2. Description…" pair as a Chinese header and an English-first
// pair only because the last line holds Han text; read Chinese-first, the first
// two lines are a pair that fits and the last splits into a Chinese run and its
// English partner. Both readings leave one thing unexplained (a header without
// its partner, or a joined line), so the caller reports it as information.
#include <optional>

#include "chars.hpp"
#include "joined_lines.hpp"

namespace bitext::detail {

std::optional<ReorderedJoin> reordered_edge_join(const Transcript& transcript, const LineIndex& index,
                                                 std::uint32_t edge_line, JoinLengthFit& fit) {
  if (index.of_ranges() || transcript.pairs.size() != 1) return std::nullopt;
  const bool translation_cjk = cjk_script(transcript.translation_script);
  if (translation_cjk == cjk_script(transcript.original_script)) return std::nullopt;
  const Pair& pair = transcript.pairs.front();
  if (pair.translation.size() != 1 || pair.original.size() != 1) return std::nullopt;
  // The document's only text lines: the edge line and the pair's two, in line order.
  const bool front = edge_line < pair.first_line();
  const std::uint32_t lines[3] = {front ? edge_line : pair.first_line(), front ? pair.first_line() : pair.last_line(),
                                  front ? pair.last_line() : edge_line};
  if (next_text_line(transcript, lines[0], -1) >= 0 || next_text_line(transcript, lines[2], 1) >= 0 ||
      next_text_line(transcript, lines[0], 1) != lines[1] || next_text_line(transcript, lines[1], 1) != lines[2])
    return std::nullopt;
  // The other order's pair: the edge line and the pair's line beside it; the pair's far line is the joined one.
  const std::uint32_t first = front ? lines[0] : lines[1], second = front ? lines[1] : lines[2];
  const std::uint32_t joined = front ? lines[2] : lines[0];
  const std::string_view first_text = index.line_text(first), second_text = index.line_text(second);
  const bool cjk_first = chars::contains_cjk(first_text);
  if (cjk_first == chars::contains_cjk(second_text)) return std::nullopt;
  const bool translation_first = cjk_first == translation_cjk;
  if (!fit.fits(translation_first ? first_text : second_text, translation_first ? second_text : first_text))
    return std::nullopt;
  const auto join = own_join(index.line_text(joined), cjk_first, translation_cjk, fit);
  if (!join) return std::nullopt;
  return ReorderedJoin{joined, *join, first, second, !translation_first};
}

}  // namespace bitext::detail
