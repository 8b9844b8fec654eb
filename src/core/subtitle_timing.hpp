// Subtitle timing lines ("00:01:02,500 --> 00:01:04,000"), shared by the SRT
// and WebVTT readers: reading them with the exact place of a mistake, the
// standard form of each format, and writing a time back in a line's form.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bitext/layout.hpp"

namespace bitext::detail {

enum class TimingFormat : std::uint8_t { Srt, Vtt };

struct Timestamp {
  bool valid = false;
  std::int64_t ms = 0;
  std::size_t begin = 0;  // byte range of the timestamp in the text
  std::size_t end = 0;
  std::size_t error_at = 0;  // where reading failed (when !valid)
  std::string problem;       // what was expected there
  bool has_hours = false;
  char separator = 0;        // ',' or '.'
  bool standard = false;     // the format's own form
};

struct TimingLine {
  Timestamp start;
  Timestamp end;
  bool has_arrow = false;
};

// Reads the timing line [begin, end) of `text`.
TimingLine read_timing_line(std::string_view text, std::size_t begin, std::size_t end, TimingFormat format);

// A line that is meant as a timing line: has "-->", or starts like a timestamp.
// Lax on purpose: inside a subtitle file a malformed timing is reported, not read as text.
bool looks_like_timing(std::string_view line);

// A timing line as layout detection counts it: "-->" after something that
// starts like a timestamp. Prose writes arrows too ("stable --> testing").
bool is_timing_shaped(std::string_view line);

// "HH:MM:SS,mmm" (SRT) or "HH:MM:SS.mmm" (WebVTT).
std::string format_timestamp(std::int64_t ms, TimingFormat format);

// The reader's findings for one timing line (malformed: error; a form players
// accept but the format does not define: information with the standard form
// as the fix).
void report_timing(const TimingLine& timing, TimingFormat format, std::vector<Finding>& findings);

}  // namespace bitext::detail
