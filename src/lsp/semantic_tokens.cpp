#include "lsp/semantic_tokens.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <string_view>

#include "lsp/protocol.hpp"
#include "lsp/server.hpp"
#include "lsp/speaker_lookup.hpp"

namespace bitext::lsp {
namespace {

// Indices into the legend below.
enum TokenType : std::uint32_t { kString, kVariable, kNamespace, kNumber, kComment, kKeyword };
constexpr const char* kTokenTypes[] = {"string", "variable", "namespace", "number", "comment", "keyword"};
enum TokenModifier : std::uint32_t { kDocumentation = 1U << 0, kReadonly = 1U << 1 };
constexpr const char* kTokenModifiers[] = {"documentation", "readonly"};

struct Token {
  std::size_t begin = 0;  // byte offsets in the document
  std::size_t end = 0;
  std::uint32_t type = 0;
  std::uint32_t modifiers = 0;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t'; }

std::size_t digits(std::string_view text, std::size_t at, std::size_t most) {
  std::size_t n = 0;
  while (at + n < text.size() && n < most && is_digit(text[at + n])) ++n;
  return n;
}

// Length of a time at `at` (0 when none): [H]H:MM[:SS][.mmm|,mmm], as in SRT
// and WebVTT timings and "[00:15]" prefixes.
std::size_t timestamp_length(std::string_view text, std::size_t at) {
  if (at > 0 && is_digit(text[at - 1])) return 0;
  std::size_t i = at;
  const std::size_t hours = digits(text, i, 2);
  if (hours == 0 || i + hours >= text.size() || text[i + hours] != ':') return 0;
  i += hours + 1;
  if (digits(text, i, 2) != 2) return 0;
  i += 2;
  if (i + 2 < text.size() && text[i] == ':' && digits(text, i + 1, 2) == 2) i += 3;
  if (i + 1 < text.size() && (text[i] == '.' || text[i] == ',') && digits(text, i + 1, 3) > 0)
    i += 1 + digits(text, i + 1, 3);
  if (i < text.size() && is_digit(text[i])) return 0;
  return i - at;
}

// A bracketed time at the start of a line: "[00:15]" or "(01:02:03)".
std::size_t bracketed_time_length(std::string_view text, std::size_t at) {
  if (at >= text.size() || (text[at] != '[' && text[at] != '(')) return 0;
  const char close = text[at] == '[' ? ']' : ')';
  const std::size_t time = timestamp_length(text, at + 1);
  if (time == 0 || at + 1 + time >= text.size() || text[at + 1 + time] != close) return 0;
  return time + 2;
}

class LineTokenizer {
 public:
  LineTokenizer(const FeatureContext& context, std::vector<Token>& out) : context_(context), out_(out) {}

  void line(std::uint32_t number) {
    const Transcript& transcript = context_.transcript();
    if (number >= transcript.lines.size()) return;
    const TranscriptLine& entry = transcript.lines[number];
    const std::string_view text = context_.index().line_text(number);
    const std::size_t base = context_.index().line_start(number);
    std::size_t begin = 0, end = text.size();
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    if (begin == end) return;
    switch (entry.kind) {
      case LineKind::Blank:
        return;
      case LineKind::FrontMatter:
      case LineKind::BackMatter:
        add(base, begin, end, kComment, kDocumentation);
        return;
      case LineKind::Markup:
        // An own-line label ("**Mira:**", "### Mira:") is markup to the pairing.
        for_each_label(number, base, begin, end,
                       [&](std::size_t gap_begin, std::size_t gap_end) { markup(text, base, gap_begin, gap_end); });
        return;
      case LineKind::Translation:
      case LineKind::Original:
        break;
    }
    const std::uint32_t type = entry.kind == LineKind::Translation ? kString : kVariable;
    const std::uint32_t modifiers = entry.kind == LineKind::Translation ? 0U : static_cast<std::uint32_t>(kReadonly);
    if (const std::size_t time = bracketed_time_length(text, begin); time > 0 && !labels_start_before(number, base, begin + time)) {
      add(base, begin, begin + time, kNumber, 0);
      begin += time;
    }
    // The line's text around its labels (a WebVTT voice span, a dialogue dash
    // in a cue may sit after text), each label as the reader found it.
    for_each_label(number, base, begin, end, [&](std::size_t gap_begin, std::size_t gap_end) {
      trimmed(text, gap_begin, gap_end);
      if (gap_begin < gap_end) add(base, gap_begin, gap_end, type, modifiers);
    });
  }

 private:
  void add(std::size_t base, std::size_t begin, std::size_t end, std::uint32_t type, std::uint32_t modifiers) {
    out_.push_back(Token{base + begin, base + end, type, modifiers});
  }

  static void trimmed(std::string_view text, std::size_t& begin, std::size_t& end) {
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
  }

  // Whether a label on the line starts before `until` (line-relative): a
  // leading "[00:15]" that is part of a label is the label's.
  bool labels_start_before(std::uint32_t number, std::size_t base, std::size_t until) const {
    const SpeakerModel& model = context_.transcript().speaker_model;
    auto [first, last] = labels_on_line(model, number);
    return first < last && model.labels[first].begin < base + until;
  }

  // Tokens for the labels of line `number` inside [begin, end) (line-relative),
  // and `gap(from, to)` for the text between and around them.
  template <class Gap>
  void for_each_label(std::uint32_t number, std::size_t base, std::size_t begin, std::size_t end, Gap gap) {
    const SpeakerModel& model = context_.transcript().speaker_model;
    const std::string_view text = context_.index().line_text(number);
    auto [first, last] = labels_on_line(model, number);
    std::size_t at = begin;
    for (std::size_t i = first; i < last; ++i) {
      const SpeakerLabel& label = model.labels[i];
      std::size_t label_begin = std::max(label.begin, base + at) - base;
      std::size_t label_end = std::min(label.end, base + end);
      if (label_end <= base + label_begin) continue;
      label_end -= base;
      gap(at, label_begin);
      label_tokens(text, base, label_begin, label_end);
      at = label_end;
    }
    gap(at, end);
  }

  // A label: its name and markup as a label token, a time in it ("Name
  // (00:01:02):", "[00:01:02] Name:", "Name  0:02") as a timestamp.
  void label_tokens(std::string_view text, std::size_t base, std::size_t begin, std::size_t end) {
    times_and_runs(text, base, begin, end, kNamespace, true);
  }

  // Timings as numbers; the rest (cue numbers, "-->", settings, WEBVTT, NOTE) as keywords.
  void markup(std::string_view text, std::size_t base, std::size_t begin, std::size_t end) {
    times_and_runs(text, base, begin, end, kKeyword, false);
  }

  // [begin, end) as timestamps (numbers; with `bracketed`, "[00:01:02]" too)
  // and, between them, runs of `run_type` without their outer spaces.
  void times_and_runs(std::string_view text, std::size_t base, std::size_t begin, std::size_t end, std::uint32_t run_type,
                      bool bracketed) {
    std::size_t run = begin;  // start of the current run
    auto flush = [&](std::size_t to) {
      std::size_t from = run;
      trimmed(text, from, to);
      if (from < to) add(base, from, to, run_type, 0);
    };
    const std::string_view upto = text.substr(0, end);
    for (std::size_t i = begin; i < end;) {
      std::size_t time = bracketed ? bracketed_time_length(upto, i) : 0;
      if (time == 0) time = timestamp_length(upto, i);
      if (time > 0) {
        flush(i);
        add(base, i, i + time, kNumber, 0);
        i += time;
        run = i;
      } else {
        ++i;
      }
    }
    flush(end);
  }

  const FeatureContext& context_;
  std::vector<Token>& out_;
};

}  // namespace

json semantic_tokens_legend() {
  json types = json::array(), modifiers = json::array();
  for (const char* type : kTokenTypes) types.push_back(type);
  for (const char* modifier : kTokenModifiers) modifiers.push_back(modifier);
  return json{{"tokenTypes", std::move(types)}, {"tokenModifiers", std::move(modifiers)}};
}

std::vector<std::uint32_t> semantic_tokens(const FeatureContext& context, std::uint32_t first_line,
                                           std::uint32_t last_line) {
  // A text that is not a transcript (one language; a Markdown file the
  // client syncs before it knows) gets no colours rather than all "comment".
  if (context.transcript().pairs.empty()) return {};
  std::vector<Token> tokens;
  LineTokenizer tokenizer(context, tokens);
  const std::size_t line_count = context.index().line_count();
  for (std::size_t line = first_line; line <= last_line && line < line_count; ++line)
    tokenizer.line(static_cast<std::uint32_t>(line));
  std::vector<std::uint32_t> data;
  data.reserve(tokens.size() * 5);
  Position previous{0, 0};
  for (const Token& token : tokens) {
    const Range range = context.range_of(token.begin, token.end);
    if (range.end.character <= range.start.character) continue;
    const std::uint32_t delta_line = range.start.line - previous.line;
    const std::uint32_t delta_start =
        delta_line == 0 ? range.start.character - previous.character : range.start.character;
    data.insert(data.end(), {delta_line, delta_start, range.end.character - range.start.character, token.type,
                             token.modifiers});
    previous = range.start;
  }
  return data;
}

// Requests: the whole document (cached per analysed version) or a range of lines.
void Server::on_semantic_tokens_full(const json& id, const TextDocumentParams& params) {
  with_snapshot(id, params.text_document.uri, [](const FeatureContext& context) -> Reply {
    std::string key = "semanticTokens " + std::string(encoding_name(context.caps.encoding));
    return RawJson{context.snapshot.memo<std::string>(key, [&] {
      const auto last = static_cast<std::uint32_t>(std::min<std::size_t>(
          context.index().line_count(), std::numeric_limits<std::uint32_t>::max()));
      return serialize(json{{"data", semantic_tokens(context, 0, last)}});
    })};
  });
}

void Server::on_semantic_tokens_range(const json& id, const SemanticTokensRangeParams& params) {
  const Range range = params.range;
  with_snapshot(id, params.text_document.uri, [range](const FeatureContext& context) -> Reply {
    return json{{"data", semantic_tokens(context, range.start.line, range.end.line)}};
  });
}

}  // namespace bitext::lsp
