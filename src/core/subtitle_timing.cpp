#include "subtitle_timing.hpp"

#include "bitext/rules.hpp"

#include <cstdio>

namespace bitext::detail {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool space(char c) { return c == ' ' || c == '\t'; }

struct Digits {
  std::int64_t value = 0;
  std::size_t count = 0;
};

Digits read_digits(std::string_view text, std::size_t& at, std::size_t end) {
  Digits digits;
  while (at < end && digit(text[at]) && digits.count < 12) {
    digits.value = digits.value * 10 + (text[at] - '0');
    ++digits.count;
    ++at;
  }
  return digits;
}

Timestamp read_timestamp(std::string_view text, std::size_t at, std::size_t end, TimingFormat format) {
  Timestamp stamp;
  stamp.begin = at;
  auto fail = [&](std::size_t where, std::string problem) {
    stamp.valid = false;
    stamp.error_at = where;
    stamp.problem = std::move(problem);
    std::size_t stop = where;
    while (stop < end && !space(text[stop])) ++stop;
    stamp.end = std::max(stop, where);
    return stamp;
  };
  const Digits first = read_digits(text, at, end);
  if (first.count == 0) return fail(at, "a number");
  if (at >= end || text[at] != ':') return fail(at, "':'");
  ++at;
  const Digits second = read_digits(text, at, end);
  if (second.count != 2) return fail(second.count > 2 ? at - second.count : at, "two digits of minutes or seconds");
  Digits hours, minutes = first, seconds = second;
  if (at < end && text[at] == ':') {
    ++at;
    const std::size_t seconds_at = at;
    const Digits third = read_digits(text, at, end);
    if (third.count != 2) return fail(third.count > 2 ? seconds_at : at, "two digits of seconds");
    hours = first;
    minutes = second;
    seconds = third;
    stamp.has_hours = true;
  } else if (first.count != 2) {
    return fail(stamp.begin, "two digits of minutes");
  }
  if (minutes.value >= 60) return fail(stamp.begin + (stamp.has_hours ? hours.count + 1 : 0), "minutes below 60");
  const std::size_t seconds_at = at - 2;
  if (seconds.value >= 60) return fail(seconds_at, "seconds below 60");
  if (at >= end || (text[at] != ',' && text[at] != '.')) return fail(at, "',' or '.' and milliseconds");
  stamp.separator = text[at];
  ++at;
  const std::size_t millis_at = at;
  const Digits millis = read_digits(text, at, end);
  if (millis.count == 0 || millis.count > 3) return fail(millis.count == 0 ? at : millis_at, "milliseconds (three digits)");
  if (at < end && !space(text[at])) return fail(at, "a space after the timestamp");
  std::int64_t ms = millis.value;
  for (std::size_t k = millis.count; k < 3; ++k) ms *= 10;
  stamp.ms = ((hours.value * 60 + minutes.value) * 60 + seconds.value) * 1000 + ms;
  stamp.valid = true;
  stamp.end = at;
  if (format == TimingFormat::Srt) {
    stamp.standard = stamp.has_hours && hours.count == 2 && stamp.separator == ',' && millis.count == 3;
  } else {
    stamp.standard = (!stamp.has_hours || hours.count >= 2) && stamp.separator == '.' && millis.count == 3;
  }
  return stamp;
}

}  // namespace

namespace {

bool starts_like_timestamp(std::string_view line) {
  std::size_t at = 0;
  while (at < line.size() && space(line[at])) ++at;
  std::size_t digits = 0;
  while (at < line.size() && digit(line[at])) ++at, ++digits;
  return digits >= 1 && digits <= 2 && at < line.size() && line[at] == ':';
}

}  // namespace

bool looks_like_timing(std::string_view line) {
  return line.find("-->") != std::string_view::npos || starts_like_timestamp(line);
}

bool is_timing_shaped(std::string_view line) {
  return line.find("-->") != std::string_view::npos && starts_like_timestamp(line);
}

TimingLine read_timing_line(std::string_view text, std::size_t begin, std::size_t end, TimingFormat format) {
  TimingLine timing;
  std::size_t at = begin;
  while (at < end && space(text[at])) ++at;
  timing.start = read_timestamp(text, at, end, format);
  const std::size_t arrow = text.substr(0, end).find("-->", at);
  timing.has_arrow = arrow != std::string_view::npos;
  if (!timing.has_arrow) {
    if (timing.start.valid) {
      timing.end.valid = false;
      timing.end.begin = timing.end.error_at = timing.start.end;
      timing.end.end = end;
      timing.end.problem = "' --> ' and an end time";
    }
    return timing;
  }
  if (timing.start.valid && timing.start.end < arrow) {
    // Only spaces may stand between the start time and the arrow.
    for (std::size_t k = timing.start.end; k < arrow; ++k) {
      if (!space(text[k])) {
        timing.start.valid = false;
        timing.start.error_at = k;
        timing.start.end = arrow;
        timing.start.problem = "' --> '";
        break;
      }
    }
  }
  at = arrow + 3;
  while (at < end && space(text[at])) ++at;
  timing.end = read_timestamp(text, at, end, format);
  return timing;
}

std::string format_timestamp(std::int64_t ms, TimingFormat format) {
  if (ms < 0) ms = 0;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld%c%03lld", static_cast<long long>(ms / 3600000),
                static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60),
                format == TimingFormat::Srt ? ',' : '.', static_cast<long long>(ms % 1000));
  return buffer;
}

void report_timing(const TimingLine& timing, TimingFormat format, std::vector<Finding>& findings) {
  const std::string_view name = format == TimingFormat::Srt ? "SRT" : "WebVTT";
  for (const Timestamp* stamp : {&timing.start, &timing.end}) {
    const std::string_view which = stamp == &timing.start ? "start" : "end";
    if (!stamp->valid) {
      Finding finding;
      finding.code = "subtitle-timestamp-malformed";
      finding.severity = default_severity(finding.code);
      finding.begin = stamp->error_at;
      finding.end = std::max(stamp->end, stamp->error_at);
      finding.message = "Malformed " + std::string(which) + " time in a " + std::string(name) +
                        " timing line: expected " + stamp->problem + " here (" +
                        (format == TimingFormat::Srt ? "HH:MM:SS,mmm --> HH:MM:SS,mmm" : "[HH:]MM:SS.mmm --> [HH:]MM:SS.mmm") +
                        ")";
      findings.push_back(std::move(finding));
      if (stamp == &timing.start) return;  // the end is read from where the start failed: say nothing more
      continue;
    }
    if (stamp->standard) continue;
    Finding finding;
    finding.code = "subtitle-timestamp-form";
    finding.severity = default_severity(finding.code);
    finding.begin = stamp->begin;
    finding.end = stamp->end;
    const std::string standard = format_timestamp(stamp->ms, format);
    finding.message = "The " + std::string(which) + " time is not in " + std::string(name) + "'s own form (" +
                      standard + "); players accept it, other tools may not";
    Fix fix;
    fix.title = "Write the time as " + standard;
    fix.preferred = true;
    fix.edits.push_back({stamp->begin, stamp->end, standard});
    finding.fixes.push_back(std::move(fix));
    findings.push_back(std::move(finding));
  }
}

}  // namespace bitext::detail
