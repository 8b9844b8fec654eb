// A large document just opened: the server publishes its structure's findings
// before the content checks end, then with the content findings of its first
// pairs as the checks pass them, then the full set (as rust-analyzer publishes
// its own diagnostics before cargo check's). Asserted exactly: each early list
// is the core's early list, which is the full list's structural findings and
// the content findings of the pairs before its cut, in the full list's order,
// with data renumbered and no data.version; the full list is the core's
// findings in its order, the same with or without a listener; an early list
// made stale by an edit is never shown; nothing is published early once a
// list was published (a settings change re-analyses without it), nor when the
// early list is empty.
#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/rules.hpp"
#include "lsp/memory_connection.hpp"
#include "support/sanitizers.hpp"
#include "support/text_files.hpp"

using namespace bitext;
using namespace bitext::lsp;
using bitext::test_support::join_lines;
using bitext::test_support::read_source_file;
using bitext::test_support::split_lines;
using std::chrono::milliseconds;

namespace {

const std::string kUri = "file:///large.zh-en.txt";

json request(int id, const std::string& method, json params) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

json notification(const std::string& method, json params) {
  return json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

json next(MemoryConnection& connection) {
  auto message = connection.receive(milliseconds(60000));
  REQUIRE(message.has_value());
  return *message;
}

// The sample's pairs 10 times (1,170 pairs: past the size from which the
// content checks run beside the speaker inference), each line tagged so that
// no two are equal, with structural faults: an English line dropped in copy
// 3 (a Chinese line alone) and a line doubled in copy 7.
std::string large_document(bool faults = true) {
  const std::vector<std::string> lines = split_lines(read_source_file("examples/unsupervised-learning-ep1.zh-en.txt"));
  std::vector<std::string> out(lines.begin(), lines.begin() + 3);
  for (int copy = 0; copy < 10; ++copy) {
    for (std::size_t i = 3; i + 2 < lines.size(); ++i) {
      std::string line = lines[i] + " [" + std::to_string(copy) + "]";
      if (faults && copy == 3 && i == 40) continue;
      out.push_back(line);
      if (faults && copy == 7 && i == 60) out.push_back(line);
    }
  }
  out.insert(out.end(), lines.end() - 2, lines.end());
  return join_lines(out);
}

void initialize(MemoryConnection& connection) {
  connection.send(request(1, "initialize", {{"capabilities", json::object()}, {"initializationOptions", {{"debounceMs", 0}}}}));
  CHECK(next(connection)["id"] == 1);
  connection.send(notification("initialized", json::object()));
}

json did_open(const std::string& text) {
  return notification("textDocument/didOpen",
                      {{"textDocument", {{"uri", kUri}, {"languageId", "bitext"}, {"version", 1}, {"text", text}}}});
}

json publish_of(MemoryConnection& connection, int version) {
  json published = next(connection);
  REQUIRE(published["method"] == "textDocument/publishDiagnostics");
  CHECK(published["params"]["uri"] == kUri);
  CHECK(published["params"]["version"] == version);
  return published["params"]["diagnostics"];
}

bool structural(const json& diagnostic) {
  const Rule* rule = find_rule(diagnostic["code"].get<std::string>());
  REQUIRE(rule != nullptr);
  return rule->kind == RuleKind::Structural;
}

// What the early list without content findings must be, from the full one.
json early_part_of(const json& full) {
  json early = json::array();
  for (const json& diagnostic : full) {
    if (!structural(diagnostic)) continue;
    json copy = diagnostic;
    copy["data"].erase("version");
    copy["data"]["index"] = early.size();
    early.push_back(std::move(copy));
  }
  return early;
}

// The lists published for `version`, the full one (its data has the version) last.
std::vector<json> publishes_until_full(MemoryConnection& connection, int version) {
  std::vector<json> lists;
  for (;;) {
    lists.push_back(publish_of(connection, version));
    REQUIRE(!lists.back().empty());
    if (lists.back()[0]["data"].contains("version")) return lists;
    CHECK(lists.size() < 10);
  }
}

// Whether a final finding belongs in an early list told the content findings
// of the pairs before `content_pairs`.
bool in_early_list(const Finding& finding, std::size_t content_pairs) {
  const Rule* rule = find_rule(finding.code);
  REQUIRE(rule != nullptr);
  return rule->kind == RuleKind::Structural ||
         (rule->kind == RuleKind::Content && finding.pair >= 0 && static_cast<std::size_t>(finding.pair) < content_pairs);
}

bool same_finding(const Finding& a, const Finding& b) {
  return a.code == b.code && a.severity == b.severity && a.message == b.message && a.begin == b.begin &&
         a.end == b.end && a.related.size() == b.related.size() && a.fixes.size() == b.fixes.size() &&
         a.pair == b.pair && a.confidence == b.confidence;
}

// The core's analysis with its early lists (content pairs, findings).
struct CoreLists {
  std::vector<Finding> findings;
  std::vector<std::pair<std::size_t, std::vector<Finding>>> early;
};

CoreLists core_lists(const std::string& text) {
  CheckOptions options;
  options.document_name = kUri;
  CoreLists lists;
  const EarlyFindingsListener listener = [&](const EarlyFindings& early) {
    lists.early.emplace_back(early.content_pairs, early.findings);
  };
  lists.findings = Analysis::run(std::make_shared<const std::string>(text), options, listener)->findings();
  return lists;
}

// Each early list of the core is exactly the final findings it may show, in
// their order; each tells more pairs than the one before.
void check_core_early_lists(const CoreLists& core) {
  REQUIRE(!core.early.empty());
  CHECK(core.early[0].first == 0);
  for (std::size_t k = 0; k < core.early.size(); ++k) {
    const auto& [content_pairs, findings] = core.early[k];
    if (k > 0) CHECK(content_pairs > core.early[k - 1].first);
    std::vector<const Finding*> expected;
    for (const Finding& finding : core.findings)
      if (in_early_list(finding, content_pairs)) expected.push_back(&finding);
    REQUIRE(findings.size() == expected.size());
    for (std::size_t i = 0; i < findings.size(); ++i) CHECK(same_finding(findings[i], *expected[i]));
  }
}

// The server's early lists are the core's non-empty ones, written from the
// full list: the same diagnostics, renumbered, without data.version.
void check_published_early_lists(const std::vector<json>& lists, const CoreLists& core) {
  std::vector<json> expected;
  for (const auto& [content_pairs, findings] : core.early) {
    if (findings.empty()) continue;
    json early = json::array();
    for (std::size_t i = 0; i < core.findings.size(); ++i) {
      if (!in_early_list(core.findings[i], content_pairs)) continue;
      json copy = lists.back()[i];
      copy["data"].erase("version");
      copy["data"]["index"] = early.size();
      early.push_back(std::move(copy));
    }
    expected.push_back(std::move(early));
  }
  REQUIRE(lists.size() == expected.size() + 1);
  for (std::size_t k = 0; k < expected.size(); ++k) CHECK(lists[k] == expected[k]);
}

std::size_t count_code(const json& diagnostics, const std::string& code) {
  std::size_t count = 0;
  for (const json& diagnostic : diagnostics) count += diagnostic["code"] == code;
  return count;
}

// Under AddressSanitizer (each analysis ~5x dearer) the core's own run is
// left out: the protocol's paths are what the sanitizer is for.
void check_full_list(const json& full, const std::string& text, int version = 1,
                     const CoreLists* with_listener = nullptr) {
  if (bitext::test::kUnderAddressSanitizer) return;
  CheckOptions options;
  options.document_name = kUri;
  const auto analysis = Analysis::run(text, options);
  const std::vector<Finding>& findings = analysis->findings();
  REQUIRE(full.size() == findings.size());
  if (with_listener != nullptr) {
    REQUIRE(with_listener->findings.size() == findings.size());
    for (std::size_t i = 0; i < findings.size(); ++i) CHECK(same_finding(with_listener->findings[i], findings[i]));
  }
  for (std::size_t i = 0; i < findings.size(); ++i) {
    CHECK(full[i]["code"] == findings[i].code);
    CHECK(full[i]["message"] == findings[i].message);
    CHECK(full[i]["data"]["index"] == i);
    CHECK(full[i]["data"]["version"] == version);
  }
}

}  // namespace

TEST_CASE("a large document just opened: its structure's findings, then its first pairs', then all, in order") {
  const std::string text = large_document();
  MemoryConnection connection;
  initialize(connection);
  connection.send(did_open(text));
  const std::vector<json> lists = publishes_until_full(connection, 1);
  const json& full = lists.back();

  CHECK(count_code(full, "missing-translation") + count_code(full, "missing-original") >= 1);
  CHECK(count_code(full, "duplicate-line") == 1);
  // The structure's findings alone, then with the first 512 and 1,024 pairs'
  // content findings (at cuts no alternative crosses, at or before those).
  REQUIRE(lists.size() == 4);
  CHECK(lists[0] == early_part_of(full));
  CHECK(lists[0].size() < lists[1].size());
  CHECK(lists[1].size() < lists[2].size());
  CHECK(lists[2].size() < full.size());
  if (!bitext::test::kUnderAddressSanitizer) {
    const CoreLists core = core_lists(text);
    check_full_list(full, text, 1, &core);
    check_core_early_lists(core);
    REQUIRE(core.early.size() == 3);
    CHECK(core.early[1].first > 400);
    CHECK(core.early[1].first <= 512);
    CHECK(core.early[2].first > 900);
    CHECK(core.early[2].first <= 1024);
    check_published_early_lists(lists, core);
  }

  // Settings that change the options (a content rule turned off): analysed
  // again from scratch, and published once, as before.
  std::string content_code;
  for (const json& diagnostic : full)
    if (content_code.empty() && !structural(diagnostic)) content_code = diagnostic["code"].get<std::string>();
  REQUIRE(!content_code.empty());
  connection.send(notification("workspace/didChangeConfiguration",
                               {{"settings", {{"bitext", {{"debounceMs", 0}, {"rules", {{content_code, "off"}}}}}}}}));
  const json again = publish_of(connection, 1);
  CHECK(count_code(again, content_code) == 0);
  CHECK(again.size() == full.size() - count_code(full, content_code));
  CHECK(count_code(again, "duplicate-line") == 1);
  connection.settle(milliseconds(200), milliseconds(2000));
  CHECK(connection.pending_frames() == 0);
}

TEST_CASE("an early list made stale by an edit is not published") {
  // The analysis of version 1 stops right after handing out its early list,
  // until the test has sent version 2.
  struct Gate {
    std::mutex mutex;
    std::condition_variable changed;
    bool early_given = false, released = false;
  };
  auto gate = std::make_shared<Gate>();
  Analyser gated = [gate](AnalysisJob& job) -> std::shared_ptr<const Analysis> {
    if (job.version == 1 && job.on_early) {
      EarlyFindingsListener publish = job.on_early;
      job.on_early = [gate, publish](const EarlyFindings& early) {
        publish(early);
        std::unique_lock lock(gate->mutex);
        gate->early_given = true;
        gate->changed.notify_all();
        gate->changed.wait(lock, [&] { return gate->released; });
      };
    }
    return analyse_with_core(job);
  };
  const std::string text = large_document();
  MemoryConnection connection("test", gated);
  initialize(connection);
  connection.send(did_open(text));
  {
    std::unique_lock lock(gate->mutex);
    REQUIRE(gate->changed.wait_for(lock, std::chrono::seconds(60), [&] { return gate->early_given; }));
  }
  // The early list of version 1 is posted to the I/O thread, which has not run it yet.
  json position{{"line", 0}, {"character", 0}};
  connection.send(notification("textDocument/didChange",
                               {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                                {"contentChanges", json::array({{{"range", {{"start", position}, {"end", position}}},
                                                                 {"text", "x"}}})}}));
  {
    std::lock_guard lock(gate->mutex);
    gate->released = true;
    gate->changed.notify_all();
  }
  // Version 2 was queued while version 1 was analysed: the worker reruns it
  // from version 1's analysis, made meanwhile, so that its full list (with
  // the content findings) is the only publish. Nothing of version 1 is shown.
  const json full = publish_of(connection, 2);
  CHECK(early_part_of(full).size() < full.size());
  check_full_list(full, "x" + text, 2);
  connection.settle(milliseconds(200), milliseconds(2000));
  CHECK(connection.pending_frames() == 0);
}

TEST_CASE("a large document without structural findings shows its first pairs' content findings first") {
  if (bitext::test::kUnderAddressSanitizer) return;  // one more large analysis, no other path
  const std::string text = large_document(false);
  MemoryConnection connection;
  initialize(connection);
  connection.send(did_open(text));
  const std::vector<json> lists = publishes_until_full(connection, 1);
  REQUIRE(early_part_of(lists.back()).empty());  // what this case is about
  CHECK(lists.size() == 3);  // the empty structural list is not published
  const CoreLists core = core_lists(text);
  REQUIRE(core.early.size() == 3);
  CHECK(core.early[0].second.empty());
  check_core_early_lists(core);
  check_published_early_lists(lists, core);
  check_full_list(lists.back(), text, 1, &core);
  connection.settle(milliseconds(300), milliseconds(2000));
  CHECK(connection.pending_frames() == 0);
}

TEST_CASE("a small document is published once") {
  MemoryConnection connection;
  initialize(connection);
  connection.send(did_open(read_source_file("examples/unsupervised-learning-ep1.zh-en.txt")));
  const json full = publish_of(connection, 1);
  CHECK(full.size() > 0);
  connection.settle(milliseconds(200), milliseconds(2000));
  CHECK(connection.pending_frames() == 0);
}
