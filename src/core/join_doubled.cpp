// A joined line the pairing read as half of a split segment (joined_lines.hpp,
// doubled_join). Why it holds on unseen text: when a pair's two lines are
// glued, the pairing may take the glued line as one side's line and the next
// line of that side as its continuation, a split segment. Two readings then
// explain the three lines; the join is taken only where its four runs
// alternate in the document's order and both pairs it makes fit the
// document's length model, which a segment split inside one language (both
// halves in that language) cannot do.
#include <algorithm>
#include <array>

#include "joined_lines.hpp"
#include "join_sidebar.hpp"

namespace bitext::detail {
namespace {

bool cjk_side(Script script) { return script == Script::Han || script == Script::Japanese; }

struct Run {
  std::string_view text;
  bool translation = false;
};

}  // namespace

std::optional<DoubledJoin> doubled_join(const Transcript& transcript, const LineIndex& index, const Pair& pair,
                                        bool translation_side, JoinLengthFit& fit) {
  const SideLines& side = translation_side ? pair.translation : pair.original;
  const SideLines& other = translation_side ? pair.original : pair.translation;
  if (index.of_ranges() || side.size() != 2 || other.size() != 1) return std::nullopt;
  const bool translation_cjk = cjk_side(transcript.translation_script);
  if (translation_cjk == cjk_side(transcript.original_script)) return std::nullopt;
  std::array<std::uint32_t, 3> lines{side[0], side[1], other.front()};
  std::sort(lines.begin(), lines.end());
  if (lines[1] != lines[0] + 1 || lines[2] != lines[1] + 1) return std::nullopt;  // three lines in a row
  const bool translation_first = transcript.order != LineOrder::OriginalFirst;
  for (const std::uint32_t mixed : {side[0], side[1]}) {
    const std::string_view text = index.line_text(mixed);
    for (const bool cjk_first : {true, false}) {
      const bool first_translation = cjk_first == translation_cjk;
      for (const JoinCandidate& candidate : language_joins(text, cjk_first)) {
        std::array<Run, 4> runs{};
        std::size_t count = 0, mixed_at = 0;
        for (const std::uint32_t line : lines) {
          if (line == mixed) {
            mixed_at = count;
            runs[count++] = {text.substr(0, candidate.join.first_end), first_translation};
            runs[count++] = {text.substr(candidate.join.second_begin), !first_translation};
          } else {
            runs[count++] = {index.line_text(line), line == other.front() ? !translation_side : translation_side};
          }
        }
        // The document's order: translation, original, translation, original (or the reverse).
        bool ordered = true;
        for (std::size_t k = 0; k < 4; ++k) ordered = ordered && runs[k].translation == ((k % 2 == 0) == translation_first);
        if (!ordered) continue;
        bool fits = true;
        for (std::size_t k = 0; k < 4 && fits; k += 2) {
          const Run& translation = runs[k].translation ? runs[k] : runs[k + 1];
          const Run& original = runs[k].translation ? runs[k + 1] : runs[k];
          fits = fit.fits(translation.text, original.text);
        }
        if (!fits) continue;
        // A short English run needs the dictionary's word: the pair it belongs to is the mixed line's own or a neighbour's.
        if (candidate.short_run && !candidate.repeated_number) {
          const std::size_t english_at = cjk_first ? mixed_at + 1 : mixed_at;
          const std::size_t partner_at = english_at % 2 == 0 ? english_at + 1 : english_at - 1;
          // Or the run starts with a sidebar's label and its partner with the Chinese one (join_sidebar.hpp).
          const bool sidebar = sidebar_label(runs[english_at].text) > 0 && han_label(runs[partner_at].text) > 0;
          if (!sidebar && !fit.translated(runs[english_at].text, runs[partner_at].text)) continue;
        }
        return DoubledJoin{mixed, candidate.join, !first_translation, mixed_at % 2 == 0};
      }
    }
  }
  return std::nullopt;
}

}  // namespace bitext::detail
