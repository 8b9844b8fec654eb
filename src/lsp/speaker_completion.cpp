#include "lsp/speaker_completion.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "lsp/ascii_text.hpp"
#include "lsp/speaker_lookup.hpp"

namespace bitext::lsp {
namespace {

constexpr std::size_t kMaxTypedBytes = 80;  // past this, the line is text, not a label being typed
constexpr std::size_t kMaxTypedWords = 5;   // as a label's name (issue 11: ≤ 5 words)
constexpr int kCompletionKindModule = 9;    // CompletionItemKind: speakers are namespaces in the outline

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// How labels are written in the document: the text before and after the name.
struct LabelStyle {
  std::string prefix;  // "", "**", "[", "### ", "<v "
  std::string suffix;  // ": ", "：", ":** ", "] ", ">"
};

// The most frequent style per script of the name, and over all labels. Labels
// with a time in them ("Name (00:01:02): ") are no template for a new label.
struct Styles {
  std::map<Script, LabelStyle> by_script;
  std::optional<LabelStyle> any;
};

Styles label_styles(const SpeakerModel& model, std::string_view text) {
  std::map<std::tuple<Script, std::string, std::string>, std::size_t> counts;
  for (const SpeakerLabel& label : model.labels) {
    std::string_view name = label_name(text, label);
    if (name.empty() || label.begin > label.name_begin || label.name_end > label.end || label.end > text.size()) continue;
    std::string_view prefix = text.substr(label.begin, label.name_begin - label.begin);
    std::string_view suffix = text.substr(label.name_end, label.end - label.name_end);
    if (has_digit(prefix) || has_digit(suffix) || prefix.find_first_of("\r\n") != std::string_view::npos ||
        suffix.find_first_of("\r\n") != std::string_view::npos) {
      continue;
    }
    ++counts[{name_script(name), std::string(prefix), std::string(suffix)}];
  }
  Styles styles;
  std::map<Script, std::size_t> best;
  std::size_t best_any = 0;
  std::map<std::pair<std::string, std::string>, std::size_t> overall;
  for (const auto& entry : counts) {
    const Script script = std::get<0>(entry.first);
    const std::size_t count = entry.second;
    if (count > best[script]) {
      best[script] = count;
      styles.by_script[script] = LabelStyle{std::get<1>(entry.first), std::get<2>(entry.first)};
    }
    overall[{std::get<1>(entry.first), std::get<2>(entry.first)}] += count;
  }
  for (const auto& entry : overall) {
    if (entry.second > best_any) {
      best_any = entry.second;
      styles.any = LabelStyle{entry.first.first, entry.first.second};
    }
  }
  return styles;
}

// Whether `typed` can be the beginning of a label with this prefix: it is part
// of the prefix ("*" of "**"), or the prefix and the beginning of a name.
bool fits_prefix(std::string_view typed, std::string_view prefix) {
  if (typed.size() <= prefix.size()) return prefix.substr(0, typed.size()) == typed;
  return typed.substr(0, prefix.size()) == prefix;
}

// The name part of what is typed looks like the beginning of a name: no label
// end, no sentence punctuation, a few words at most.
bool name_like(std::string_view name) {
  if (name.size() > kMaxTypedBytes) return false;
  for (std::string_view stop : {":", "\xEF\xBC\x9A", ".", ",", "?", "!", "\xE3\x80\x82", "\xEF\xBC\x8C", "\xEF\xBC\x9F",
                                "\xEF\xBC\x81", "]", ">", "*"}) {
    if (name.find(stop) != std::string_view::npos) return false;
  }
  std::size_t words = 0;
  for (std::size_t i = 0; i < name.size();) {
    while (i < name.size() && name[i] == ' ') ++i;
    if (i < name.size()) ++words;
    while (i < name.size() && name[i] != ' ') ++i;
  }
  return words <= kMaxTypedWords;
}

}  // namespace

std::vector<LabelCompletion> label_completions(const Transcript& transcript, const LineIndex& index, std::size_t offset) {
  const SpeakerModel& model = transcript.speaker_model;
  if (!model.labelled() || index.line_count() == 0) return {};
  const std::string_view text = index.text();
  const auto line = static_cast<std::uint32_t>(index.line_of(offset));
  const std::size_t line_start = index.line_start(line), line_end = index.line_end(line);
  if (offset < line_start || offset > line_end) return {};

  // Where the label starts (after indentation), and a label already there.
  std::size_t start = line_start;
  while (start < offset && is_blank(text[start])) ++start;
  const SpeakerLabel* existing = nullptr;
  auto [first, last] = labels_on_line(model, line);
  for (std::size_t i = first; i < last; ++i) {
    const SpeakerLabel& label = model.labels[i];
    if (label.begin == start && !label_name(text, label).empty() && offset <= label.name_end) existing = &label;
  }
  if (existing == nullptr && line < transcript.lines.size()) {
    // Front matter and subtitle markup hold no labels (an own-line label is
    // markup too, but is found above).
    const LineKind kind = transcript.lines[line].kind;
    if (kind == LineKind::FrontMatter || kind == LineKind::Markup) return {};
  }
  const std::string_view typed = text.substr(start, offset - start);

  // The line's language: its role, else the script of what is on it.
  Script script = Script::None;
  if (line < transcript.lines.size()) {
    const LineKind kind = transcript.lines[line].kind;
    if (kind == LineKind::Translation) script = transcript.translation_script;
    if (kind == LineKind::Original) script = transcript.original_script;
  }
  if (existing != nullptr) script = name_script(label_name(text, *existing));
  if (script == Script::None) script = name_script(typed);
  if (script == Script::None) script = name_script(text.substr(offset, line_end - offset));

  const Styles styles = label_styles(model, text);
  std::vector<Script> scripts;
  if (script != Script::None) {
    scripts.push_back(script);
  } else {
    for (const auto& entry : styles.by_script) scripts.push_back(entry.first);
  }

  std::vector<LabelCompletion> out;
  for (Script wanted : scripts) {
    auto found = styles.by_script.find(wanted);
    if (found == styles.by_script.end() && !styles.any) continue;
    const LabelStyle& style = found != styles.by_script.end() ? found->second : *styles.any;
    if (existing == nullptr) {
      if (!fits_prefix(typed, style.prefix)) continue;
      if (typed.size() > style.prefix.size() && !name_like(typed.substr(style.prefix.size()))) continue;
    }
    for (std::size_t s = 0; s < model.speakers.size(); ++s) {
      const Speaker& speaker = model.speakers[s];
      if (speaker.inferred || speaker.labels == 0) continue;
      std::string_view spelling = spelling_in_script(speaker, wanted);
      if (spelling.empty()) spelling = speaker.name;
      if (spelling.empty()) continue;
      const bool duplicate = std::any_of(out.begin(), out.end(), [&](const LabelCompletion& c) { return c.name == spelling; });
      if (duplicate) continue;
      LabelCompletion completion;
      completion.speaker = static_cast<std::int32_t>(s);
      completion.name = std::string(spelling);
      completion.label = style.prefix + completion.name + style.suffix;
      if (!starts_with_nocase(completion.label, typed)) continue;  // "Ok" of "Okay." is no label
      completion.begin = start;
      completion.end = existing != nullptr ? existing->end : offset;
      out.push_back(std::move(completion));
    }
  }
  std::stable_sort(out.begin(), out.end(), [&](const LabelCompletion& a, const LabelCompletion& b) {
    return model.speakers[a.speaker].labels > model.speakers[b.speaker].labels;
  });
  return out;
}

Reply speaker_completion(const FeatureContext& context, const TextDocumentPositionParams& params) {
  const Transcript& transcript = context.transcript();
  std::vector<LabelCompletion> completions =
      label_completions(transcript, context.index(), context.offset_of(params.position));
  json items = json::array();
  for (std::size_t rank = 0; rank < completions.size(); ++rank) {
    const LabelCompletion& completion = completions[rank];
    const Speaker& speaker = transcript.speaker_model.speakers[completion.speaker];
    std::string sort = std::to_string(rank);
    sort.insert(0, 4 - std::min<std::size_t>(4, sort.size()), '0');
    items.push_back({{"label", completion.name},
                     {"kind", kCompletionKindModule},
                     {"detail", "speaker · " + std::to_string(speaker.labels) + (speaker.labels == 1 ? " label" : " labels")},
                     {"filterText", completion.label},
                     {"sortText", sort},
                     {"insertTextFormat", 1},
                     {"textEdit", {{"range", context.range_of(completion.begin, completion.end)},
                                   {"newText", completion.label}}}});
  }
  return items;
}

}  // namespace bitext::lsp
