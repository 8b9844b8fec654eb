// A large document just opened: the server publishes its structure's findings
// before the content checks end, then the full set (as rust-analyzer publishes
// its own diagnostics before cargo check's). Asserted exactly: the early list
// is the full list's structural findings, in its order, with data renumbered
// and no data.version; the full list is the core's findings in its order; an
// early list made stale by an edit is never shown; nothing is published early
// once a list was published (a settings change re-analyses without it), nor
// when the early list is empty.
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

// What the early list must be, from the full one.
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

std::size_t count_code(const json& diagnostics, const std::string& code) {
  std::size_t count = 0;
  for (const json& diagnostic : diagnostics) count += diagnostic["code"] == code;
  return count;
}

// Under AddressSanitizer (each analysis ~5x dearer) the core's own run is
// left out: the protocol's paths are what the sanitizer is for.
void check_full_list(const json& full, const std::string& text, int version = 1) {
  if (bitext::test::kUnderAddressSanitizer) return;
  CheckOptions options;
  options.document_name = kUri;
  const auto analysis = Analysis::run(text, options);
  const std::vector<Finding>& findings = analysis->findings();
  REQUIRE(full.size() == findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    CHECK(full[i]["code"] == findings[i].code);
    CHECK(full[i]["message"] == findings[i].message);
    CHECK(full[i]["data"]["index"] == i);
    CHECK(full[i]["data"]["version"] == version);
  }
}

}  // namespace

TEST_CASE("a large document just opened: its structure's findings first, then all, in the same order") {
  const std::string text = large_document();
  MemoryConnection connection;
  initialize(connection);
  connection.send(did_open(text));
  const json early = publish_of(connection, 1);
  const json full = publish_of(connection, 1);

  check_full_list(full, text);
  CHECK(count_code(full, "missing-translation") + count_code(full, "missing-original") >= 1);
  CHECK(count_code(full, "duplicate-line") == 1);
  CHECK(early.size() < full.size());  // content findings came with the second list only
  CHECK(early == early_part_of(full));

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

TEST_CASE("a large document without structural findings is published once") {
  if (bitext::test::kUnderAddressSanitizer) return;  // one more large analysis, no other path
  MemoryConnection connection;
  initialize(connection);
  connection.send(did_open(large_document(false)));
  const json full = publish_of(connection, 1);
  REQUIRE(early_part_of(full).empty());  // what this case is about
  CHECK(full.size() > 0);
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
