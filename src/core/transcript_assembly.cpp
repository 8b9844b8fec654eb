#include "transcript_assembly.hpp"

#include <array>
#include <utility>

namespace bitext::detail {
namespace {

void set_kind(Transcript& transcript, const TextUnit& unit, LineKind kind, std::int32_t pair = -1) {
  for (std::uint32_t line = unit.first_line; line <= unit.last_line && line < transcript.lines.size(); ++line) {
    transcript.lines[line].kind = kind;
    transcript.lines[line].pair = pair;
  }
}

template <class Lines>
void append_lines(Lines& to, const TextUnit& unit) {
  for (std::uint32_t line = unit.first_line; line <= unit.last_line; ++line) to.push_back(line);
}

}  // namespace

Transcript unpaired_transcript(const AssemblyInput& input) {
  Transcript transcript;
  const std::size_t line_count = input.lines.units.size();
  transcript.lines.resize(line_count);
  for (std::size_t line = 0; line < line_count; ++line) {
    TranscriptLine& entry = transcript.lines[line];
    entry.number = static_cast<std::uint32_t>(line);
    entry.begin = input.lines.units[line].begin;
    entry.end = input.lines.units[line].end;
    entry.script = input.lines.script_of(line);
  }
  for (std::size_t unit = 0; unit < input.units.units.size(); ++unit) {
    const UnitClass kind = input.readings[unit].kind();
    set_kind(transcript, input.units.units[unit],
             kind == UnitClass::Blank    ? LineKind::Blank
             : kind == UnitClass::Markup ? LineKind::Markup
                                         : LineKind::FrontMatter);  // until paired
  }
  return transcript;
}

Transcript monolingual_transcript(const AssemblyInput& input, Script language) {
  Transcript transcript = unpaired_transcript(input);
  transcript.translation_script = language;
  transcript.original_script = Script::None;
  for (std::size_t unit = 0; unit < input.units.units.size(); ++unit)
    if (input.readings[unit].content()) append_lines(transcript.front_matter, input.units.units[unit]);
  return transcript;
}

Transcript assemble_transcript(const AssemblyInput& input, const std::vector<Item>& items, const Solution& solution,
                               const Orientation& orientation, std::array<Script, 2> scripts) {
  Transcript transcript = unpaired_transcript(input);
  const bool translation_first = orientation.translation_first;
  const Script first_script = orientation.first == kScript2 ? scripts[1] : scripts[0];
  const Script second_script = orientation.first == kScript2 ? scripts[0] : scripts[1];
  transcript.order = translation_first ? LineOrder::TranslationFirst : LineOrder::OriginalFirst;
  transcript.order_per_pair = input.units.order_per_pair;
  transcript.translation_script = translation_first ? first_script : second_script;
  transcript.original_script = translation_first ? second_script : first_script;

  const LineKind first_kind = translation_first ? LineKind::Translation : LineKind::Original;
  const LineKind second_kind = translation_first ? LineKind::Original : LineKind::Translation;
  transcript.pairs.reserve(solution.segments.size());
  for (const Segment& segment : solution.segments) {
    const std::uint32_t at = segment.first_item;
    auto unit_of = [&](std::uint32_t offset) -> const TextUnit& { return input.units.units[items[at + offset].unit]; };
    if (segment.kind == SegmentKind::Front || segment.kind == SegmentKind::FrontFirst) {
      append_lines(transcript.front_matter, unit_of(0));
      set_kind(transcript, unit_of(0), LineKind::FrontMatter);
      continue;
    }
    if (segment.kind == SegmentKind::Back || segment.kind == SegmentKind::BackFirst) {
      append_lines(transcript.back_matter, unit_of(0));
      set_kind(transcript, unit_of(0), LineKind::BackMatter);
      continue;
    }
    // At most two units a side; no allocation per pair.
    struct Side {
      std::array<const TextUnit*, 2> units{};
      std::size_t count = 0;
      void add(const TextUnit& unit) { units[count++] = &unit; }
    } first_side, second_side;
    switch (segment.kind) {
      case SegmentKind::Pair:
        first_side.add(unit_of(0));
        second_side.add(unit_of(1));
        break;
      case SegmentKind::Swapped:
        second_side.add(unit_of(0));
        first_side.add(unit_of(1));
        break;
      case SegmentKind::FirstOnly:
        first_side.add(unit_of(0));
        break;
      case SegmentKind::SecondOnly:
        second_side.add(unit_of(0));
        break;
      case SegmentKind::FirstDoubled:
        first_side.add(unit_of(0));
        first_side.add(unit_of(1));
        second_side.add(unit_of(2));
        break;
      case SegmentKind::SecondDoubled:
        first_side.add(unit_of(0));
        second_side.add(unit_of(1));
        second_side.add(unit_of(2));
        break;
      default:
        continue;
    }
    Pair pair;
    pair.index = static_cast<std::uint32_t>(transcript.pairs.size());
    const auto pair_index = static_cast<std::int32_t>(pair.index);
    SideLines& first_lines = translation_first ? pair.translation : pair.original;
    SideLines& second_lines = translation_first ? pair.original : pair.translation;
    for (std::size_t k = 0; k < first_side.count; ++k) {
      append_lines(first_lines, *first_side.units[k]);
      set_kind(transcript, *first_side.units[k], first_kind, pair_index);
    }
    for (std::size_t k = 0; k < second_side.count; ++k) {
      append_lines(second_lines, *second_side.units[k]);
      set_kind(transcript, *second_side.units[k], second_kind, pair_index);
    }
    transcript.pairs.push_back(std::move(pair));
  }
  return transcript;
}

}  // namespace bitext::detail
