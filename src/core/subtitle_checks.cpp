#include "bitext/subtitle_checks.hpp"

#include <cstdio>
#include <string>

#include "bitext/rules.hpp"
#include "bitext/script.hpp"
#include "bitext/text.hpp"
#include "chars.hpp"
#include "line_facts.hpp"
#include "subtitle_timing.hpp"

namespace bitext {
namespace {

bool is_cjk(Script script) { return script == Script::Han || script == Script::Japanese || script == Script::Hangul; }

std::string seconds(std::int64_t ms) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f s", static_cast<double>(ms) / 1000.0);
  return buffer;
}

// Characters a viewer reads: code points that are not markup, with runs of
// spaces counted once, and no spaces at all in CJK text (style guides count
// them so).
std::size_t reading_characters(std::string_view reading, bool cjk) {
  std::size_t count = 0;
  bool in_space = true;
  for (std::size_t at = 0; at < reading.size();) {
    const DecodedCodePoint decoded = decode_utf8(reading, at);
    at += decoded.length;
    if (chars::is_white_space(decoded.code_point) || decoded.code_point == U'\n' ||
        decoded.code_point == U'\r') {
      if (!in_space && !cjk) ++count;
      in_space = true;
      continue;
    }
    in_space = false;
    ++count;
  }
  if (!cjk && count > 0 && in_space) --count;  // a trailing space
  return count;
}

class SubtitleChecker {
 public:
  SubtitleChecker(std::string_view text, const DocumentLayout& layout, const CheckOptions& options)
      : text_(text), layout_(layout), options_(options),
        format_(layout.layout == Layout::Srt ? detail::TimingFormat::Srt : detail::TimingFormat::Vtt) {}

  std::vector<Finding> run() {
    timings();
    numbering();
    text_limits();
    return std::move(findings_);
  }

 private:
  // At the rule's default severity: apply_rules applies the settings.
  Finding* add(std::string_view code, std::size_t begin, std::size_t end, std::string message) {
    Finding finding;
    finding.code = std::string(code);
    finding.severity = default_severity(code);
    finding.begin = begin;
    finding.end = end;
    finding.message = std::move(message);
    findings_.push_back(std::move(finding));
    return &findings_.back();
  }

  void timings() {
    const std::vector<Cue>& cues = layout_.cues;
    const Cue* previous = nullptr;  // the last cue with a readable timing
    for (std::size_t k = 0; k < cues.size(); ++k) {
      const Cue& cue = cues[k];
      const CueTiming& timing = cue.timing;
      if (!timing.valid) continue;
      if (timing.end_ms <= timing.start_ms) {
        add("subtitle-end-before-start", timing.begin, timing.end,
            "Cue " + std::to_string(k + 1) + " ends (" + seconds(timing.end_ms) + ") " +
                (timing.end_ms == timing.start_ms ? "when it starts" : "before it starts") + " (" +
                seconds(timing.start_ms) + ")");
      }
      if (previous != nullptr) {
        const CueTiming& before = previous->timing;
        if (timing.start_ms < before.start_ms) {
          Finding* finding = add("subtitle-out-of-order", timing.begin, timing.end,
                                 "Cue " + std::to_string(k + 1) + " starts (" + seconds(timing.start_ms) +
                                     ") before the cue above it (" + seconds(before.start_ms) + ")");
          if (finding) finding->related.push_back({before.begin, before.end, "timing of the cue above"});
        } else if (timing.start_ms < before.end_ms && before.end_ms > before.start_ms) {
          Finding* finding =
              add("subtitle-overlap", before.begin, before.end,
                  "Cue ends (" + seconds(before.end_ms) + ") after the next cue starts (" +
                      seconds(timing.start_ms) + "): both are on screen for " +
                      seconds(before.end_ms - timing.start_ms));
          if (finding) {
            finding->related.push_back({timing.begin, timing.end, "timing of the next cue"});
            Fix fix;
            fix.title = "End the cue when the next one starts";
            fix.preferred = true;
            fix.edits.push_back({before.end_begin, before.end_end, detail::format_timestamp(timing.start_ms, format_)});
            finding->fixes.push_back(std::move(fix));
          }
        }
      }
      previous = &cue;
    }
  }

  // Cue numbers should run 1, 2, 3, ... (SRT; WebVTT when every cue has a
  // numeric identifier). Each cue whose number breaks the run is reported;
  // the fix renumbers the whole file.
  void numbering() {
    const std::vector<Cue>& cues = layout_.cues;
    if (cues.empty()) return;
    for (const Cue& cue : cues)
      if (!cue.number) return;
    Fix renumber;
    renumber.title = "Renumber the cues 1 to " + std::to_string(cues.size());
    for (std::size_t k = 0; k < cues.size(); ++k)
      if (*cues[k].number != static_cast<std::int64_t>(k + 1))
        renumber.edits.push_back({cues[k].number_begin, cues[k].number_end, std::to_string(k + 1)});
    for (std::size_t k = 0; k < cues.size(); ++k) {
      const std::int64_t expected = k == 0 ? 1 : *cues[k - 1].number + 1;
      const std::int64_t number = *cues[k].number;
      if (number == expected) continue;
      std::string message;
      if (k > 0 && number == *cues[k - 1].number) {
        message = "Cue number " + std::to_string(number) + " repeats the number of the cue above";
      } else if (number > expected) {
        message = "Cue number " + std::to_string(number) + " skips " +
                  (number == expected + 1 ? std::to_string(expected)
                                          : std::to_string(expected) + "–" + std::to_string(number - 1));
      } else {
        message = "Cue number " + std::to_string(number) + " follows " + std::to_string(expected - 1) +
                  ": numbers should rise by one";
      }
      Finding* finding =
          add("subtitle-numbering", cues[k].number_begin, cues[k].number_end, message);
      if (finding && !renumber.edits.empty()) finding->fixes.push_back(renumber);
    }
  }

  void text_limits() {
    const SubtitleStyle& style = options_.subtitle_style;
    for (const Unit& unit : layout_.units) {
      if (unit.kind != UnitKind::Text || unit.cue < 0) continue;
      const Cue& cue = layout_.cues[static_cast<std::size_t>(unit.cue)];
      const std::string_view reading(layout_.reading.data() + unit.begin, unit.end - unit.begin);
      const ScriptProfile profile = classify_script(reading);
      const bool cjk = is_cjk(profile.dominant);
      const std::string_view language = detail::language_name(profile.dominant);
      const double max_cps = cjk ? style.max_cps_han : style.max_cps_latin;
      const std::size_t max_line = cjk ? style.max_line_han : style.max_line_latin;
      if (cue.timing.valid && cue.timing.end_ms > cue.timing.start_ms && max_cps > 0) {
        const std::size_t characters = reading_characters(reading, cjk);
        const double cps = static_cast<double>(characters) * 1000.0 /
                           static_cast<double>(cue.timing.end_ms - cue.timing.start_ms);
        if (cps > max_cps + 1e-9) {
          char rate[64];
          std::snprintf(rate, sizeof rate, "%.1f characters per second", cps);
          char limit[32];
          std::snprintf(limit, sizeof limit, "%g", max_cps);
          add("subtitle-reading-speed", unit.begin, unit.end,
              std::string(language) + " text reads at " + rate + " (" + std::to_string(characters) +
                  " characters in " + seconds(cue.timing.end_ms - cue.timing.start_ms) + "), above " + limit);
        }
      }
      // Each line of the unit (line ends are still in the text, not in the reading).
      for (std::size_t at = unit.begin; at < unit.end;) {
        std::size_t stop = text_.find_first_of("\r\n", at);
        if (stop == std::string_view::npos || stop > unit.end) stop = unit.end;
        const std::size_t characters =
            reading_characters(std::string_view(layout_.reading.data() + at, stop - at), cjk);
        if (max_line > 0 && characters > max_line) {
          add("subtitle-line-too-long", at, stop,
              std::string(language) + " subtitle line of " + std::to_string(characters) + " characters, above " +
                  std::to_string(max_line));
        }
        at = stop;
        while (at < unit.end && (text_[at] == '\r' || text_[at] == '\n')) ++at;
      }
    }
  }

  std::string_view text_;
  const DocumentLayout& layout_;
  const CheckOptions& options_;
  detail::TimingFormat format_;
  std::vector<Finding> findings_;
};

}  // namespace

std::vector<Finding> subtitle_checks(std::string_view text, const DocumentLayout& layout, const CheckOptions& options) {
  if (layout.layout != Layout::Srt && layout.layout != Layout::Vtt) return {};
  return SubtitleChecker(text, layout, options).run();
}

}  // namespace bitext
