#include "lsp/code_actions.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "lsp/diagnostics.hpp"
#include "lsp/label_speakers_action.hpp"

namespace bitext::lsp {
namespace {

// The fix a fix-all applies for a finding: its preferred fix, or its only one.
const Fix* automatic_fix(const Finding& finding) {
  for (const Fix& fix : finding.fixes) {
    if (fix.preferred) return &fix;
  }
  return finding.fixes.size() == 1 ? &finding.fixes.front() : nullptr;
}

using KindFilter = std::optional<std::vector<std::string>>;

bool wanted(const KindFilter& only, std::string_view kind) {
  if (!only) return true;
  return std::any_of(only->begin(), only->end(), [&](const std::string& filter) { return kind_matches(kind, filter); });
}

// Whether an "only" filter names the fix-all kind or a parent of it.
bool asks_for_fix_all(const KindFilter& only) {
  if (!only) return false;
  return std::any_of(only->begin(), only->end(), [&](const std::string& filter) {
    return kind_matches(kFixAllKind, filter) && filter != "source";
  });
}

// Auto-fixable findings per code ("" = all), counted once per snapshot so that
// a cursor move costs the findings on its lines, not all of them.
using FixableCounts = std::map<std::string, std::size_t, std::less<>>;

std::size_t count_fixable(const FeatureContext& context, std::string_view code) {
  auto counts = context.snapshot.memo<FixableCounts>("fixableCounts", [&] {
    FixableCounts out;
    for (const Finding& finding : context.analysis().findings()) {
      if (automatic_fix(finding) == nullptr) continue;
      ++out[finding.code];
      ++out[""];
    }
    return out;
  });
  auto it = counts->find(code);
  return it == counts->end() ? 0 : it->second;
}

// The WorkspaceEdit of a fix-all, as JSON text: built once per snapshot, code,
// URI and client flavour (the first request pays, repeats are a copy).
RawJson fix_all_workspace_edit(const FeatureContext& context, std::string_view code) {
  std::string key = "fixAll " + std::string(encoding_name(context.caps.encoding)) +
                    (context.caps.document_changes ? " documentChanges " : " changes ") + context.uri + "\n" +
                    std::string(code);
  return RawJson{context.snapshot.memo<std::string>(
      key, [&] { return serialize(workspace_edit(context, fix_all_edits(context, code).first)); })};
}

// `action` (an object) with "edit" set to the raw `edit`, as JSON text. "edit"
// sorts before the other keys of an action, so it goes first.
std::string with_edit(json action, const RawJson& edit) {
  if (action.is_object()) action.erase("edit");
  std::string rest = serialize(action);  // "{...}"
  std::string out = "{\"edit\":" + *edit.text;
  if (rest.size() > 2) out.push_back(',');
  out.append(rest, 1, std::string::npos);
  return out;
}

// A fix-all action, as JSON text; its edit is left to codeAction/resolve when
// the client can resolve it.
std::string fix_all_action(const FeatureContext& context, std::string_view code, std::size_t count) {
  std::string title = code.empty() ? "Fix all auto-fixable bitext findings in this file (" + std::to_string(count) + ")"
                                   : "Fix all " + std::string(code) + " findings in this file (" +
                                         std::to_string(count) + ")";
  json action{{"title", std::move(title)}, {"kind", kFixAllKind}};
  if (context.caps.code_action_resolve_edit) {
    action["data"] = json{{"uri", context.uri}, {"version", context.snapshot.version()}, {"code", std::string(code)}};
    return serialize(action);
  }
  return with_edit(std::move(action), fix_all_workspace_edit(context, code));
}

}  // namespace

json text_edits(const FeatureContext& context, const std::vector<TextEdit>& edits) {
  json out = json::array();
  for (const TextEdit& edit : edits) {
    out.push_back({{"range", context.range_of(edit.begin, edit.end)}, {"newText", edit.replacement}});
  }
  return out;
}

json workspace_edit(const FeatureContext& context, json edits) {
  if (context.caps.document_changes) {
    return json{{"documentChanges",
                 json::array({{{"textDocument", {{"uri", context.uri}, {"version", context.snapshot.version()}}},
                               {"edits", std::move(edits)}}})}};
  }
  return json{{"changes", {{context.uri, std::move(edits)}}}};
}

std::pair<json, std::size_t> fix_all_edits(const FeatureContext& context, std::string_view code) {
  // Accepted edits: replacements never intersect, and no insertion falls
  // strictly inside a replacement (at one offset, insertions keep their order).
  std::map<std::size_t, std::size_t> replaced;  // begin -> end, pairwise disjoint
  std::multiset<std::size_t> inserted;
  std::vector<TextEdit> edits;
  std::size_t fixed = 0;
  auto overlaps = [&](const TextEdit& edit) {
    auto after = replaced.lower_bound(edit.end);
    if (after != replaced.begin() && std::prev(after)->second > edit.begin) return true;
    if (edit.end > edit.begin) {
      auto inside = inserted.upper_bound(edit.begin);
      if (inside != inserted.end() && *inside < edit.end) return true;
    }
    return false;
  };
  for (const Finding& finding : context.analysis().findings()) {
    if (!code.empty() && finding.code != code) continue;
    const Fix* fix = automatic_fix(finding);
    if (fix == nullptr) continue;
    if (std::any_of(fix->edits.begin(), fix->edits.end(), overlaps)) continue;
    for (const TextEdit& edit : fix->edits) {
      if (edit.end > edit.begin) {
        replaced[edit.begin] = edit.end;
      } else {
        inserted.insert(edit.begin);
      }
      edits.push_back(edit);
    }
    ++fixed;
  }
  // Document order; stable so that insertions at one offset keep their order.
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.begin < b.begin; });
  return {text_edits(context, edits), fixed};
}

Reply code_actions(const FeatureContext& context, const CodeActionParams& params, LabelStyle label_style) {
  const Range& range = params.range;
  const KindFilter& only = params.context.only;
  const auto& findings = context.analysis().findings();

  // Findings the client asks about: those of the diagnostics it sends (via
  // their data, echoed as sent: clients match them by value), then any other
  // finding touching the requested range.
  std::vector<std::pair<std::uint32_t, json>> selected;
  std::set<std::uint32_t> seen;
  for (const ClientDiagnostic& diagnostic : params.context.diagnostics) {
    if (diagnostic.source != "bitext") continue;
    if (auto i = finding_of_diagnostic(context, diagnostic); i && seen.insert(*i).second) {
      selected.emplace_back(*i, diagnostic.sent);
    }
  }
  std::size_t begin = context.offset_of(range.start);
  std::size_t end = std::max(begin, context.offset_of(range.end));
  auto first_line = static_cast<std::uint32_t>(context.index().line_of(begin));
  auto last_line = static_cast<std::uint32_t>(context.index().line_of(end));
  for (std::uint32_t i : context.snapshot.findings_on_lines(first_line, last_line)) {
    const Finding& finding = findings[i];
    bool touches = finding.begin <= end && begin <= finding.end;
    if (touches && seen.insert(i).second) selected.emplace_back(i, diagnostic_for(context, i));
  }

  if (!context.caps.code_action_literals) return json::array();  // we have no commands to offer instead
  std::vector<std::string> actions;  // JSON text each
  if (wanted(only, "quickfix")) {
    for (const auto& [i, diagnostic] : selected) {
      for (const Fix& fix : findings[i].fixes) {
        json action{{"title", fix.title},
                    {"kind", "quickfix"},
                    {"diagnostics", json::array({diagnostic})},
                    {"edit", workspace_edit(context, text_edits(context, fix.edits))}};
        if (fix.preferred) action["isPreferred"] = true;
        actions.push_back(serialize(action));
      }
    }
  }
  if (wanted(only, kFixAllKind)) {
    std::set<std::string> codes;
    for (const auto& [i, diagnostic] : selected) {
      if (automatic_fix(findings[i]) != nullptr) codes.insert(findings[i].code);
    }
    for (const std::string& code : codes) {
      // One finding of a kind is already covered by its quick fix.
      if (std::size_t count = count_fixable(context, code); count >= 2) {
        actions.push_back(fix_all_action(context, code, count));
      }
    }
    if (asks_for_fix_all(only)) {
      if (std::size_t count = count_fixable(context, ""); count >= 1) {
        actions.push_back(fix_all_action(context, "", count));
      }
    }
  }
  // Like "fix all", a document-wide action: offered when asked for by kind
  // ("source", "source.labelSpeakers"), not in every cursor move's quick fixes.
  if (only && wanted(only, kLabelSpeakersKind)) {
    if (auto action = label_speakers_action(context, label_style)) actions.push_back(std::move(*action));
  }
  std::string out = "[";
  for (std::size_t k = 0; k < actions.size(); ++k) {
    if (k > 0) out.push_back(',');
    out += actions[k];
  }
  out.push_back(']');
  return RawJson{std::make_shared<const std::string>(std::move(out))};
}

Reply resolve_code_action(const FeatureContext& context, const CodeActionToResolve& action) {
  return RawJson{
      std::make_shared<const std::string>(with_edit(action.action, fix_all_workspace_edit(context, action.data.code)))};
}

}  // namespace bitext::lsp
