#include "lsp/hover.hpp"

#include <cstdio>

#include "bitext/rules.hpp"

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
  if (!pair.speaker.empty()) {
    content.text("Speaker: ");
    content.strong(pair.speaker);
    content.text("\n");
  }
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
  for (std::uint32_t partner : partners) {
    content.text(other + " (line " + std::to_string(partner + 1) + "):\n");
    content.quote(context.index().line_text(partner));
  }
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
      content.strong("Markup");
      content.text(" · a format line (index, timing or note), not text\n");
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
