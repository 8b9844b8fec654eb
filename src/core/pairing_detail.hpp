// Pairing with a memory between versions of a document, for Analysis::rerun.
// The steps themselves (unit_reading, role_choice, pairing_solve,
// transcript_assembly) know nothing of versions; this wraps them: the reading
// of a line whose bytes are unchanged is taken from the previous version's
// LineReadings instead of reading the line again.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/options.hpp"
#include "bitext/script.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"
#include "transcript_assembly.hpp"
#include "unit_reading.hpp"

namespace bitext::detail {

// Pairing steps 2-4 (languages and roles, the solve, assembly) on units
// already read: the one pairing path, for lines (pair_lines) and for the
// text units of a layout reader (layout_analysis).
Transcript pair_units(const AssemblyInput& input, const CheckOptions& options);

// The profile parse_transcript uses for one line (blank lines: empty profile).
ScriptProfile profile_line(std::string_view line);

// What pairing keeps of one version: the reading of every line, and the
// placeholders they were read with (readings depend on nothing else).
struct LineReadings {
  std::vector<UnitReading> readings;
  std::string translation_placeholder;
  std::string original_placeholder;
};

struct PairedLines {
  Transcript transcript;
  std::shared_ptr<const LineReadings> readings;  // for the next version
};

// parse_transcript with profiles[i] == profile_line(index.line_text(i)) given,
// before its speaker model (speaker_model.hpp: fill_speaker_model).
// `previous` (with `previous_lines`, content.hpp's mapping of unchanged lines:
// the previous line number of each line, or kNoLine) lends the readings of
// unchanged lines when it was read with the same placeholders.
PairedLines pair_lines(const LineIndex& index, const CheckOptions& options, const std::vector<ScriptProfile>& profiles,
                       const LineReadings* previous = nullptr, std::span<const std::uint32_t> previous_lines = {});

}  // namespace bitext::detail
