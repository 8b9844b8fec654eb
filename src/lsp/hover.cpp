#include "lsp/hover.hpp"

#include <algorithm>
#include <cstdio>

#include "bitext/rules.hpp"
#include "lsp/outline_parts.hpp"

namespace bitext::lsp {
namespace {

std::string format_score(double score) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", score);
  return buffer;
}

// Builds the same content as markdown or plain text.
class Content {
 public:
  explicit Content(bool markdown) : markdown_(markdown) {}
  void strong(std::string_view text) {
    if (markdown_) out_ += "**";
    out_ += text;
    if (markdown_) out_ += "**";
  }
  void text(std::string_view text) { out_ += text; }
  void quote(std::string_view document_text) {
    out_ += markdown_ ? "> " : "  ";
    out_ += markdown_ ? escape_markdown(document_text) : std::string(document_text);
    out_ += "\n";
  }
  void paragraph_break() { out_ += "\n"; }
  void rule() { out_ += markdown_ ? "\n---\n\n" : "\n\n"; }
  std::string& str() { return out_; }

 private:
  bool markdown_;
  std::string out_;
};

std::string format_seconds(std::int64_t ms) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f s", static_cast<double>(ms) / 1000.0);
  return buffer;
}

// "Cue 2 of 3 · 00:00:04,500 → 00:00:08,000 (3.5 s)"
void describe_cue_timing(Content& content, const Transcript& transcript, std::size_t cue_index) {
  const Cue& cue = transcript.cues[cue_index];
  content.strong("Cue " + std::to_string(cue_index + 1) + " of " + std::to_string(transcript.cues.size()));
  content.text(" · ");
  const CueTiming& timing = cue.timing;
  if (!timing.valid) {
    content.text("timing not readable\n");
    return;
  }
  content.text(subtitle_time(timing.start_ms, transcript.layout) + " → " + subtitle_time(timing.end_ms, transcript.layout) +
               " (" + format_seconds(timing.end_ms - timing.start_ms) + ")\n");
}

std::string quoted(const FeatureContext& context, std::string_view text) {
  std::string inner = context.caps.markdown_hover ? escape_markdown(text) : std::string(text);
  return "“" + inner + "”";
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
    text.remove_suffix(1);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text;
}

// The label naming pair `pair`, or nullptr (labels are in document order, so in pair order).
const SpeakerLabel* label_of_pair(const Transcript& transcript, std::uint32_t pair) {
  const auto& labels = transcript.speaker_model.labels;
  auto it = std::lower_bound(labels.begin(), labels.end(), static_cast<std::int32_t>(pair),
                             [](const SpeakerLabel& label, std::int32_t p) { return label.pair < p; });
  for (; it != labels.end() && it->pair == static_cast<std::int32_t>(pair); ++it)
    if (it->speaker >= 0 || it->name_end > it->name_begin) return &*it;
  return nullptr;
}

// "Speaker: **Mira** · labelled “Mira:” on line 3", "… · continues the turn
// labelled on line 3 (pairs 2–5)", "… · inferred (hand-over, confidence 0.72): “I'll let Omar…”".
void describe_speaker(Content& content, const FeatureContext& context, const Pair& pair) {
  const Transcript& transcript = context.transcript();
  const std::vector<SpeakerTurn> turns = speaker_turns(transcript);
  const SpeakerTurn* turn = turn_of_pair(turns, pair.index);
  const std::string_view name = turn != nullptr ? turn_speaker_name(transcript, *turn) : std::string_view(pair.speaker);
  if (name.empty()) return;
  content.text("Speaker: ");
  content.strong(context.caps.markdown_hover ? escape_markdown(name) : std::string(name));
  const auto& speakers = transcript.speaker_model.speakers;
  const int speaker = turn != nullptr ? turn->speaker : pair.speaker_index;
  if (speaker >= 0 && static_cast<std::size_t>(speaker) < speakers.size()) {
    const Speaker& known = speakers[speaker];
    if (!known.translation_spelling.empty() && !known.original_spelling.empty() &&
        known.translation_spelling != known.original_spelling) {
      const std::string spellings = known.original_spelling + " / " + known.translation_spelling;
      content.text(" (" + (context.caps.markdown_hover ? escape_markdown(spellings) : spellings) + ")");
    }
  }
  const std::string_view text = context.index().text();
  if (const SpeakerLabel* label = label_of_pair(transcript, pair.index)) {
    content.text(" · labelled " + quoted(context, trimmed(text.substr(label->begin, label->end - label->begin))) +
                 " on line " + std::to_string(label->line + 1) + "\n");
    return;
  }
  if (turn == nullptr) {
    content.text("\n");
    return;
  }
  const std::string pairs = pair_range_text(turn->first_pair, turn->last_pair);
  if (!turn->inferred) {
    if (const SpeakerLabel* opening = label_of_pair(transcript, turn->first_pair)) {
      content.text(" · continues the turn labelled on line " + std::to_string(opening->line + 1) + " (" + pairs + ")\n");
    } else {
      content.text(" · " + std::string(speaker_cue_name(turn->cue)) + " (" + pairs + ")\n");
    }
    return;
  }
  content.text(" · inferred (" + std::string(speaker_cue_name(turn->cue)) + ", confidence " +
               format_score(turn->confidence) + ", " + pairs + ")");
  if (!turn->evidence.empty()) content.text(": " + quoted(context, turn->evidence));
  content.text("\n");
}

std::string_view side_name(LineKind kind) {
  return kind == LineKind::Translation ? "translation" : "original";
}

void describe_pair(Content& content, const FeatureContext& context, const TranscriptLine& line, const Pair& pair) {
  const Transcript& transcript = context.transcript();
  content.strong("Pair " + std::to_string(pair.index + 1) + " of " + std::to_string(transcript.pairs.size()));
  content.text(" · ");
  content.text(side_name(line.kind));
  const auto& scores = context.analysis().pair_scores();
  if (pair.index < scores.size()) content.text(" · alignment " + format_score(scores[pair.index]));
  content.text("\n");
  describe_speaker(content, context, pair);
  if (pair.cue >= 0 && static_cast<std::size_t>(pair.cue) < transcript.cues.size())
    describe_cue_timing(content, transcript, static_cast<std::size_t>(pair.cue));
  content.paragraph_break();
  bool on_translation = line.kind == LineKind::Translation;
  const auto& partners = on_translation ? pair.original : pair.translation;
  std::string other = on_translation ? "Original" : "Translation";
  if (partners.empty()) {
    content.text(other + ": ");
    content.strong("missing");
    content.text("\n");
    return;
  }
  const bool units = !(on_translation ? pair.original_ranges : pair.translation_ranges).empty();
  if (units) {
    // A paragraph or a cue's lines: the side as a reader sees it, markup left out.
    const std::string where = partners.size() == 1 ? "line " + std::to_string(partners.front() + 1)
                                                   : "lines " + std::to_string(partners.front() + 1) + "–" +
                                                         std::to_string(partners.back() + 1);
    content.text(other + " (" + where + "):\n");
    content.quote(preview(side_words(transcript, context.index(), pair, !on_translation), 400));
    return;
  }
  for (std::uint32_t partner : partners) {
    content.text(other + " (line " + std::to_string(partner + 1) + "):\n");
    content.quote(context.index().line_text(partner));
  }
}

// The layout unit a line starts in, or nullptr.
const Unit* unit_of_line(const Transcript& transcript, const TranscriptLine& line) {
  const auto& units = transcript.units;
  const std::size_t before = std::max(line.end, line.begin + 1);  // a unit starting on the line, indented or not
  auto it = std::lower_bound(units.begin(), units.end(), before,
                             [](const Unit& unit, std::size_t offset) { return unit.begin < offset; });
  if (it == units.begin()) return nullptr;
  --it;
  return it->end > line.begin ? &*it : nullptr;
}

// A format line: a cue's number or timing (the cue with both its sides), a
// chapter heading, a speaker label on its own line, or other markup.
void describe_markup(Content& content, const FeatureContext& context, const TranscriptLine& line) {
  const Transcript& transcript = context.transcript();
  const Unit* unit = unit_of_line(transcript, line);
  if (unit != nullptr && unit->cue >= 0 && static_cast<std::size_t>(unit->cue) < transcript.cues.size() &&
      (unit->kind == UnitKind::Timing || unit->kind == UnitKind::Markup)) {
    describe_cue_timing(content, transcript, static_cast<std::size_t>(unit->cue));
    for (const Pair& pair : transcript.pairs) {
      if (pair.cue != unit->cue) continue;
      for (bool translation : {true, false}) {
        const std::string words = preview(side_words(transcript, context.index(), pair, translation), 400);
        content.text(translation ? "Translation:" : "Original:");
        if (words.empty()) {
          content.text(" ");
          content.strong("missing");
          content.text("\n");
        } else {
          content.text("\n");
          content.quote(words);
        }
      }
    }
    return;
  }
  if (unit != nullptr && unit->kind == UnitKind::Heading) {
    for (std::size_t chapter = 0; chapter < transcript.chapters.size(); ++chapter) {
      if (transcript.chapters[chapter].begin != unit->begin) continue;
      const LineSpan span = chapter_lines(transcript, context.index(), chapter);
      std::size_t count = 0;
      for (const Pair& pair : transcript.pairs) count += pair.first_line() >= span.first && pair.first_line() <= span.last;
      content.strong("Chapter");
      content.text(" " + quoted(context, transcript.chapters[chapter].title) + " · lines " + std::to_string(span.first + 1) + "–" + std::to_string(span.last + 1) + ", " +
                   std::to_string(count) + (count == 1 ? " pair\n" : " pairs\n"));
      return;
    }
  }
  for (const SpeakerLabel& label : transcript.speaker_model.labels) {
    if (label.line != line.number || label.pair < 0 || static_cast<std::size_t>(label.pair) >= transcript.pairs.size())
      continue;
    content.strong("Speaker label");
    content.text(" · opens pair " + std::to_string(label.pair + 1) + "\n");
    describe_speaker(content, context, transcript.pairs[label.pair]);
    return;
  }
  if (unit != nullptr && unit->kind == UnitKind::FrontMatter) {
    content.strong("Front matter");
    content.text(" · the document's header (" +
                 std::string(transcript.layout == Layout::Vtt ? "WEBVTT line" : "metadata block") +
                 "), not part of any pair\n");
    return;
  }
  if (unit != nullptr && unit->kind == UnitKind::Label) {
    const std::string_view text = context.index().text();
    content.strong("Speaker label");
    content.text(" · " + quoted(context, trimmed(text.substr(unit->begin, unit->end - unit->begin))) + "\n");
    return;
  }
  content.strong("Markup");
  content.text(transcript.layout == Layout::Markdown ? " · Markdown that is not text of a pair\n"
                                                     : " · a format line (index, timing or note), not text\n");
}

void describe_matter(Content& content, const std::vector<std::uint32_t>& lines, std::uint32_t line, std::string_view what,
                     std::string_view where) {
  std::size_t position = 0;
  while (position < lines.size() && lines[position] != line) ++position;
  content.strong(what);
  content.text(" · line " + std::to_string(position + 1) + " of " + std::to_string(lines.size()) + " " +
               std::string(where) + ", not part of any pair\n");
}

}  // namespace

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  bool at_start = true;
  for (char c : text) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '~': case '#':
        out += '\\';
        break;
      case '-': case '+': case '=':
        if (at_start) out += '\\';
        break;
      default:
        break;
    }
    out += c;
    if (c != ' ') at_start = false;
  }
  return out;
}

json hover(const FeatureContext& context, Position position) {
  const Transcript& transcript = context.transcript();
  std::uint32_t line_number = context.line_at(position);
  if (line_number >= transcript.lines.size()) return nullptr;
  const TranscriptLine& line = transcript.lines[line_number];
  Content content(context.caps.markdown_hover);

  switch (line.kind) {
    case LineKind::Translation:
    case LineKind::Original:
      if (const Pair* pair = transcript.pair_of_line(line_number)) describe_pair(content, context, line, *pair);
      break;
    case LineKind::FrontMatter:
      describe_matter(content, transcript.front_matter, line_number, "Front matter", "of the header");
      break;
    case LineKind::BackMatter:
      describe_matter(content, transcript.back_matter, line_number, "Back matter", "of the footer");
      break;
    case LineKind::Markup:
      describe_markup(content, context, line);
      break;
    case LineKind::Blank:
      break;
  }

  const auto& findings = context.analysis().findings();
  for (std::uint32_t i : context.snapshot.findings_on_lines(line_number, line_number)) {
    const Finding& finding = findings[i];
    if (!content.str().empty()) content.rule();
    content.strong(finding.code);
    content.text(" (" + std::string(severity_name(finding.severity)) + "): ");
    content.text(context.caps.markdown_hover ? escape_markdown(finding.message) : finding.message);
    content.text("\n");
    if (const Rule* rule = find_rule(finding.code)) {
      const std::string about = "About " + finding.code + ": " + std::string(rule->explanation);
      content.text((context.caps.markdown_hover ? escape_markdown(about) : about) + "\n");
    }
    if (!finding.fixes.empty()) {
      content.text("Quick fix: " + (context.caps.markdown_hover ? escape_markdown(finding.fixes.front().title)
                                                                : finding.fixes.front().title) + "\n");
    }
  }
  if (content.str().empty()) return nullptr;
  std::string value = std::move(content.str());
  while (!value.empty() && value.back() == '\n') value.pop_back();
  return json{{"contents", {{"kind", context.caps.markdown_hover ? "markdown" : "plaintext"}, {"value", value}}},
              {"range", context.line_range(line_number)}};
}

}  // namespace bitext::lsp
