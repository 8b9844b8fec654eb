#include "lsp/outline_parts.hpp"

#include <algorithm>
#include <cstdio>

namespace bitext::lsp {
namespace {

bool is_blank_line(const Transcript& transcript, std::uint32_t line) {
  return line < transcript.lines.size() && transcript.lines[line].kind == LineKind::Blank;
}

std::uint32_t line_of(const LineIndex& index, std::size_t offset) {
  return static_cast<std::uint32_t>(index.line_of(offset));
}

// The byte ranges of one side's text units: the layout's ranges, else the
// side's document lines.
std::vector<Pair::TextRange> side_ranges(const LineIndex& index, const Pair& pair, bool translation) {
  const auto& ranges = translation ? pair.translation_ranges : pair.original_ranges;
  if (!ranges.empty()) return {ranges.begin(), ranges.end()};
  std::vector<Pair::TextRange> out;
  for (std::uint32_t line : translation ? pair.translation : pair.original)
    out.push_back({index.line_start(line), index.line_end(line)});
  return out;
}

// Markup a reader does not see, by layout: tags (WebVTT voice, class and
// timestamp tags; inline HTML and subtitle italics), and in Markdown emphasis
// markers, code ticks and link targets.
class MarkupFilter {
 public:
  explicit MarkupFilter(Layout layout)
      : tags_(layout == Layout::Markdown || layout == Layout::Vtt || layout == Layout::Srt),
        markdown_(layout == Layout::Markdown) {}

  void append(std::string_view text, std::string& out) const {
    for (std::size_t at = 0; at < text.size();) {
      const char c = text[at];
      if (tags_ && c == '<') {
        const std::size_t close = text.find('>', at + 1);
        if (close != std::string_view::npos && at + 1 < text.size() && starts_tag(text[at + 1])) {
          at = close + 1;
          continue;
        }
      }
      if (markdown_) {
        if (c == '*' || c == '`' || c == '[') {
          ++at;
          continue;
        }
        if ((c == '_' || c == '~') && at + 1 < text.size() && text[at + 1] == c) {
          at += 2;
          continue;
        }
        if (c == ']') {
          ++at;
          if (at < text.size() && text[at] == '(') {
            const std::size_t close = text.find(')', at);
            at = close == std::string_view::npos ? text.size() : close + 1;
          }
          continue;
        }
      }
      if (c == '\r' || c == '\n') {
        // A line end inside a wrapped paragraph: a space between words, nothing
        // between two CJK characters (or any two non-ASCII ones).
        const bool joined = !out.empty() && static_cast<unsigned char>(out.back()) >= 0x80 && at + 1 < text.size() &&
                            (static_cast<unsigned char>(text[at + 1]) >= 0x80 ||
                             (text[at + 1] == '\n' && at + 2 < text.size() &&
                              static_cast<unsigned char>(text[at + 2]) >= 0x80));
        if (!joined) out.push_back(' ');
        ++at;
        continue;
      }
      out.push_back(c == '\t' ? ' ' : c);
      ++at;
    }
  }

 private:
  static bool starts_tag(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '!';
  }
  bool tags_;
  bool markdown_;
};

// Appends text[begin, end) without the speaker labels inside it.
void append_without_labels(const Transcript& transcript, std::string_view text, std::size_t begin, std::size_t end,
                           const MarkupFilter& filter, std::string& out) {
  const auto& labels = transcript.speaker_model.labels;
  auto label = std::lower_bound(labels.begin(), labels.end(), begin,
                                [](const SpeakerLabel& l, std::size_t offset) { return l.end <= offset; });
  std::size_t at = begin;
  for (; label != labels.end() && label->begin < end; ++label) {
    if (label->begin > at) filter.append(text.substr(at, label->begin - at), out);
    at = std::max(at, std::min(label->end, end));
  }
  if (at < end) filter.append(text.substr(at, end - at), out);
}

}  // namespace

std::vector<SpeakerTurn> speaker_turns(const Transcript& transcript) {
  if (!transcript.speaker_model.turns.empty()) return transcript.speaker_model.turns;
  std::vector<SpeakerTurn> turns;
  const auto& pairs = transcript.pairs;
  for (std::size_t i = 0; i < pairs.size();) {
    if (pairs[i].speaker.empty()) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < pairs.size() && pairs[j].speaker == pairs[i].speaker) ++j;
    SpeakerTurn turn;
    turn.speaker = pairs[i].speaker_index;
    turn.first_pair = static_cast<std::uint32_t>(i);
    turn.last_pair = static_cast<std::uint32_t>(j - 1);
    const auto& speakers = transcript.speaker_model.speakers;
    turn.inferred = turn.speaker >= 0 && static_cast<std::size_t>(turn.speaker) < speakers.size() &&
                    speakers[turn.speaker].inferred;
    turns.push_back(std::move(turn));
    i = j;
  }
  return turns;
}

std::string pair_range_text(std::uint32_t first, std::uint32_t last) {
  return first == last ? "pair " + std::to_string(first + 1)
                       : "pairs " + std::to_string(first + 1) + "–" + std::to_string(last + 1);
}

std::string_view turn_speaker_name(const Transcript& transcript, const SpeakerTurn& turn) {
  const auto& speakers = transcript.speaker_model.speakers;
  if (turn.speaker >= 0 && static_cast<std::size_t>(turn.speaker) < speakers.size() &&
      !speakers[turn.speaker].name.empty())
    return speakers[turn.speaker].name;
  if (turn.first_pair < transcript.pairs.size()) return transcript.pairs[turn.first_pair].speaker;
  return {};
}

const SpeakerTurn* turn_of_pair(const std::vector<SpeakerTurn>& turns, std::uint32_t pair) {
  auto it = std::upper_bound(turns.begin(), turns.end(), pair,
                             [](std::uint32_t p, const SpeakerTurn& turn) { return p < turn.first_pair; });
  if (it == turns.begin()) return nullptr;
  --it;
  return pair <= it->last_pair ? &*it : nullptr;
}

std::uint32_t pair_block_first_line(const Transcript& transcript, const LineIndex& index, const Pair& pair) {
  std::uint32_t first_line = pair.first_line();
  if (pair.cue >= 0 && static_cast<std::size_t>(pair.cue) < transcript.cues.size()) {
    const bool first_of_cue = pair.index == 0 || pair.index > transcript.pairs.size() ||
                              transcript.pairs[pair.index - 1].cue != pair.cue;
    const Cue& cue = transcript.cues[pair.cue];
    if (first_of_cue && cue.end > cue.begin) first_line = std::min(first_line, line_of(index, cue.begin));
  }
  return first_line;
}

LineSpan chapter_lines(const Transcript& transcript, const LineIndex& index, std::size_t chapter) {
  const auto& chapters = transcript.chapters;
  const Chapter& heading = chapters[chapter];
  LineSpan span;
  span.first = line_of(index, heading.begin);
  std::uint32_t last = index.line_count() == 0 ? 0 : static_cast<std::uint32_t>(index.line_count() - 1);
  for (std::size_t next = chapter + 1; next < chapters.size(); ++next) {
    if (chapters[next].level <= heading.level) {
      last = std::min(last, line_of(index, chapters[next].begin) - 1);
      break;
    }
  }
  if (!transcript.back_matter.empty() && transcript.back_matter.front() > span.first)
    last = std::min(last, transcript.back_matter.front() - 1);
  while (last > span.first && is_blank_line(transcript, last)) --last;
  span.last = std::max(last, span.first);
  return span;
}

std::vector<std::uint32_t> front_matter_lines(const Transcript& transcript, const LineIndex& index) {
  std::vector<std::uint32_t> lines = transcript.front_matter;
  for (const Unit& unit : transcript.units) {
    if (unit.kind != UnitKind::FrontMatter || unit.end <= unit.begin) continue;
    for (std::uint32_t line = line_of(index, unit.begin); line <= line_of(index, unit.end - 1); ++line)
      lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  return lines;
}

std::string clock_time(std::int64_t ms) {
  if (ms < 0) ms = 0;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld", static_cast<long long>(ms / 3600000),
                static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60));
  return buffer;
}

std::string subtitle_time(std::int64_t ms, Layout layout) {
  if (ms < 0) ms = 0;
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%c%03lld", layout == Layout::Srt ? ',' : '.', static_cast<long long>(ms % 1000));
  return clock_time(ms) + buffer;
}

namespace {

// The side's text, stopping once it holds `limit` bytes (a preview needs no more).
std::string side_text(const Transcript& transcript, const LineIndex& index, const Pair& pair, bool translation,
                      std::size_t limit) {
  const MarkupFilter filter(transcript.layout);
  std::string out;
  for (const Pair::TextRange& range : side_ranges(index, pair, translation)) {
    if (out.size() >= limit) break;
    if (!out.empty()) out.push_back(' ');
    const std::size_t end = std::min({range.end, index.text().size(), range.begin + limit});
    append_without_labels(transcript, index.text(), range.begin, end, filter, out);
  }
  return out;
}

}  // namespace

std::string side_words(const Transcript& transcript, const LineIndex& index, const Pair& pair, bool translation) {
  return side_text(transcript, index, pair, translation, std::string::npos / 2);
}

std::string pair_words(const Transcript& transcript, const LineIndex& index, const Pair& pair, std::size_t max_chars) {
  // The first unit with text (a split side's first line names the pair, as a
  // reader finds it). Markup and blanks shrink in the preview: read well past
  // max_chars code points.
  const MarkupFilter filter(transcript.layout);
  const std::size_t limit = 16 * max_chars + 64;
  for (bool translation : {true, false}) {
    for (const Pair::TextRange& range : side_ranges(index, pair, translation)) {
      std::string text;
      const std::size_t end = std::min({range.end, index.text().size(), range.begin + limit});
      append_without_labels(transcript, index.text(), range.begin, end, filter, text);
      std::string words = preview(text, max_chars);
      if (!words.empty()) return words;
    }
  }
  return {};
}

}  // namespace bitext::lsp
