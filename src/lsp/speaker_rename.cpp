#include "lsp/speaker_rename.hpp"

#include <algorithm>
#include <optional>

#include "lsp/ascii_text.hpp"
#include "lsp/code_actions.hpp"
#include "lsp/speaker_lookup.hpp"

namespace bitext::lsp {
namespace {

constexpr std::size_t kMaxNameWords = 5;      // as the label reader's "short" (issue: ≤ 5 words,
constexpr std::uint32_t kMaxNameCjk = 12;     // ≤ 12 CJK characters): a longer name is no label

constexpr std::string_view kFullWidthSlash = "\xEF\xBC\x8F";  // U+FF0F

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

std::string in_quotes(std::string_view name) { return "\u201C" + std::string(name) + "\u201D"; }

// Why `name` cannot be a speaker's name in a label, or "" when it can.
std::string name_problem(std::string_view name) {
  if (name.empty()) return "the new name is empty";
  if (name.find_first_of("\r\n\t") != std::string_view::npos) return "a speaker's name is one line";
  for (std::string_view markup : {":", "\xEF\xBC\x9A", "*", "#", "[", "]", "<", ">", "(", ")", "\xEF\xBC\x88", "\xEF\xBC\x89"}) {
    if (name.find(markup) != std::string_view::npos) {
      return in_quotes(name) + " contains " + in_quotes(markup) + ", which is label markup: the label would no longer read as a name";
    }
  }
  const ScriptProfile profile = classify_script(name);
  std::size_t words = 0;
  for (std::size_t i = 0; i < name.size();) {
    while (i < name.size() && name[i] == ' ') ++i;
    if (i < name.size()) ++words;
    while (i < name.size() && name[i] != ' ') ++i;
  }
  if (words > kMaxNameWords || (is_cjk_script(profile.dominant) && profile.dominant_letters > kMaxNameCjk)) {
    return in_quotes(name) + " is longer than a label can be (" + std::to_string(kMaxNameWords) + " words, " +
           std::to_string(kMaxNameCjk) + " CJK characters): the label would no longer read as a name";
  }
  return "";
}

// A new name as given: one name, or one per script ("Anna / 安娜").
struct GivenName {
  std::string name;
  Script script;
};

std::vector<GivenName> split_new_name(std::string_view new_name, std::string& error) {
  std::vector<std::string_view> parts;
  std::string_view rest = new_name;
  while (true) {
    std::size_t slash = rest.find('/');
    std::size_t wide = rest.find(kFullWidthSlash);
    std::size_t at = std::min(slash, wide);
    if (at == std::string_view::npos) break;
    parts.push_back(rest.substr(0, at));
    rest.remove_prefix(at + (at == slash ? 1 : kFullWidthSlash.size()));
  }
  parts.push_back(rest);
  if (parts.size() > 2) {
    error = "give one name, or one name per language separated by a slash (\u201CAnna / 安娜\u201D)";
    return {};
  }
  std::vector<GivenName> given;
  for (std::string_view part : parts) {
    std::string_view name = trim(part);
    if (std::string problem = name_problem(name); !problem.empty()) {
      error = problem;
      return {};
    }
    given.push_back(GivenName{std::string(name), name_script(name)});
  }
  if (given.size() == 2 && given[0].script == given[1].script) {
    error = "the two names " + in_quotes(given[0].name) + " and " + in_quotes(given[1].name) + " are in the same script (" +
            std::string(script_name(given[0].script)) + "): give one name per language";
    return {};
  }
  return given;
}

// The other speaker whose name or spelling the new name is (a merge), or -1.
std::int32_t existing_speaker(const SpeakerModel& model, std::int32_t renamed, const std::vector<GivenName>& given) {
  for (std::size_t i = 0; i < model.speakers.size(); ++i) {
    if (static_cast<std::int32_t>(i) == renamed) continue;
    const Speaker& other = model.speakers[i];
    for (const GivenName& name : given) {
      for (const std::string* spelling : {&other.name, &other.translation_spelling, &other.original_spelling}) {
        if (!spelling->empty() && equals_nocase(*spelling, name.name)) return static_cast<std::int32_t>(i);
      }
    }
  }
  return -1;
}

std::string inferred_refusal(const Speaker& speaker) {
  return in_quotes(speaker.name) +
         " is an inferred speaker: no label in the document names them, so there is nothing to rename. "
         "Run \u201CLabel speakers\u201D (a source action; in VS Code the command \u201CBitext: Label Speakers\u201D) "
         "to write the labels, then rename.";
}

}  // namespace

RenameTarget rename_target(const Transcript& transcript, const LineIndex& index, std::size_t offset) {
  RenameTarget target;
  const SpeakerModel& model = transcript.speaker_model;
  if (index.line_count() == 0) return target;
  const auto line = static_cast<std::uint32_t>(index.line_of(offset));
  const std::string_view text = index.text();

  // A label on the line: the one under the cursor, else the line's first named one.
  auto [first, last] = labels_on_line(model, line);
  const SpeakerLabel* chosen = nullptr;
  for (std::size_t i = first; i < last; ++i) {
    const SpeakerLabel& label = model.labels[i];
    if (label.speaker < 0 || label_name(text, label).empty()) continue;
    if (chosen == nullptr || (label.begin <= offset && offset <= label.end)) chosen = &label;
  }
  if (chosen != nullptr && static_cast<std::size_t>(chosen->speaker) < model.speakers.size()) {
    target.speaker = chosen->speaker;
    target.begin = chosen->name_begin;
    target.end = chosen->name_end;
    target.placeholder = std::string(label_name(text, *chosen));
    if (model.speakers[chosen->speaker].inferred) target.refusal = inferred_refusal(model.speakers[chosen->speaker]);
    return target;
  }

  // A line of a turn: the pair's speaker, the line's text as the selection.
  const Pair* pair = transcript.pair_of_line(line);
  if (pair == nullptr || pair->speaker_index < 0 || static_cast<std::size_t>(pair->speaker_index) >= model.speakers.size()) {
    return target;
  }
  const Speaker& speaker = model.speakers[pair->speaker_index];
  target.speaker = pair->speaker_index;
  std::size_t begin = index.line_start(line), end = index.line_end(line);
  while (begin < end && is_blank(text[begin])) ++begin;
  while (end > begin && is_blank(text[end - 1])) --end;
  target.begin = begin;
  target.end = end;
  target.placeholder = speaker.name;
  if (speaker.inferred) target.refusal = inferred_refusal(speaker);
  return target;
}

SpeakerRename rename_speaker(const Transcript& transcript, std::string_view text, std::int32_t speaker,
                             std::string_view new_name) {
  SpeakerRename out;
  const SpeakerModel& model = transcript.speaker_model;
  if (speaker < 0 || static_cast<std::size_t>(speaker) >= model.speakers.size()) {
    out.error = "no speaker here";
    return out;
  }
  const Speaker& renamed = model.speakers[speaker];
  if (renamed.inferred) {
    out.error = inferred_refusal(renamed);
    return out;
  }
  std::vector<GivenName> given = split_new_name(new_name, out.error);
  if (!out.error.empty()) return out;
  out.merged_into = existing_speaker(model, speaker, given);

  // The spelling each script gets: the one given, else (in a merge) the other speaker's.
  std::vector<GivenName> spellings = given;
  if (out.merged_into >= 0) {
    const Speaker& other = model.speakers[out.merged_into];
    // A name given as the other speaker's spelling is that spelling as written ("dana kovac").
    for (GivenName& g : spellings) {
      for (const std::string* spelling : {&other.translation_spelling, &other.original_spelling, &other.name}) {
        if (!spelling->empty() && equals_nocase(*spelling, g.name)) g.name = *spelling;
      }
    }
    for (const std::string* spelling : {&other.translation_spelling, &other.original_spelling, &other.name}) {
      if (spelling->empty()) continue;
      const Script script = name_script(*spelling);
      bool known = std::any_of(spellings.begin(), spellings.end(), [&](const GivenName& g) { return g.script == script; });
      if (!known) spellings.push_back(GivenName{*spelling, script});
    }
  }
  auto spelling_for = [&](Script script) -> const std::string* {
    for (const GivenName& g : spellings) {
      if (g.script == script) return &g.name;
    }
    // A name without letters (a number) stands for every script not given otherwise.
    for (const GivenName& g : spellings) {
      if (g.script == Script::None) return &g.name;
    }
    return nullptr;
  };

  bool renamed_any_label = false;
  std::vector<Script> label_scripts;  // of the renamed speaker's labels, for the error below
  for (const SpeakerLabel& label : model.labels) {
    if (label.speaker != speaker && (out.merged_into < 0 || label.speaker != out.merged_into)) continue;
    std::string_view name = label_name(text, label);
    if (name.empty()) continue;
    const Script script = name_script(name);
    const std::string* spelling = spelling_for(script);
    if (label.speaker == speaker) {
      if (spelling != nullptr) renamed_any_label = true;
      if (std::find(label_scripts.begin(), label_scripts.end(), script) == label_scripts.end()) label_scripts.push_back(script);
    }
    if (spelling != nullptr && *spelling != name) out.edits.push_back(TextEdit{label.name_begin, label.name_end, *spelling});
  }
  if (!renamed_any_label) {
    std::string written = given.size() == 1 ? in_quotes(given[0].name) + " is written in " + std::string(script_name(given[0].script))
                                            : "the new names are written in " + std::string(script_name(given[0].script)) +
                                                  " and " + std::string(script_name(given[1].script));
    std::string scripts;
    for (Script script : label_scripts) scripts += (scripts.empty() ? "" : " and ") + std::string(script_name(script));
    out.error = written + ", but the labels of " + in_quotes(renamed.name) + " are " +
                (scripts.empty() ? "nameless" : "in " + scripts) +
                ": each language keeps its own spelling, so give the name in that script, or one per language "
                "(\u201CAnna / 安娜\u201D)";
    out.edits.clear();
    out.merged_into = -1;
    return out;
  }
  std::sort(out.edits.begin(), out.edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.begin < b.begin; });
  return out;
}

Reply prepare_rename(const FeatureContext& context, const TextDocumentPositionParams& params) {
  RenameTarget target = rename_target(context.transcript(), context.index(), context.offset_of(params.position));
  if (target.speaker < 0) return json(nullptr);
  if (!target.refusal.empty()) throw RpcError(ErrorCode::RequestFailed, target.refusal);
  return json{{"range", context.range_of(target.begin, target.end)}, {"placeholder", target.placeholder}};
}

Reply rename(const FeatureContext& context, const RenameParams& params) {
  RenameTarget target = rename_target(context.transcript(), context.index(), context.offset_of(params.position));
  if (target.speaker < 0) {
    throw RpcError(ErrorCode::RequestFailed,
                   "no speaker here: rename works on a speaker label or on a line of a labelled speaker's turn");
  }
  if (!target.refusal.empty()) throw RpcError(ErrorCode::RequestFailed, target.refusal);
  SpeakerRename result = rename_speaker(context.transcript(), context.index().text(), target.speaker, params.new_name);
  if (!result.error.empty()) throw RpcError(ErrorCode::RequestFailed, result.error);
  return workspace_edit(context, text_edits(context, result.edits));
}

}  // namespace bitext::lsp
