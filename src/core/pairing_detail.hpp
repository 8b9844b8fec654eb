// Internal entry points of pairing, for Analysis::rerun: the script profile of
// a line is the only per-line work worth keeping between two versions of a
// document, so pairing can start from profiles computed earlier.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "bitext/options.hpp"
#include "bitext/script.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"

namespace bitext::detail {

// The profile parse_transcript uses for one line (blank lines: empty profile).
ScriptProfile profile_line(std::string_view line);

// parse_transcript with profiles[i] == profile_line(index.line_text(i)) given.
// `previous` (with `previous_lines`, content.hpp's mapping of unchanged lines)
// lends the reading of unchanged lines; it must have been parsed with the same
// placeholders. `groups` (one per line, or empty): a pair never joins lines
// of two groups, and no line is header or footer (subtitle cues).
Transcript parse_transcript_with_profiles(const LineIndex& index, const CheckOptions& options,
                                          std::vector<ScriptProfile> profiles, const Transcript* previous = nullptr,
                                          std::span<const std::uint32_t> previous_lines = {},
                                          std::span<const std::uint32_t> groups = {});

}  // namespace bitext::detail
