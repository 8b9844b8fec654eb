// The server in-process through the in-memory connection: what needs more
// than a transcript can say (comparing two answers, a hover while typing).
#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

#include "lsp/memory_connection.hpp"

using namespace bitext::lsp;
using std::chrono::milliseconds;

namespace {

const std::string kText =
    "本集简介\n双语字幕\n谢谢邀请🤗。\nThanks for having me 🤗.\n你觉得五年后我们会处在什么位置?\n"
    "Like, where do you kinda see us in five years?\n如今我们已身处一个全面拥抱AI的世界。\n"
    "We're an AI forward entire world at this point now.\n关于 Bayt 播客 🤗";
const std::string kUri = "file:///d.txt";

json request(int id, const std::string& method, json params) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

json notification(const std::string& method, json params) {
  return json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

json hover_at(int id, int line) {
  return request(id, "textDocument/hover",
                 {{"textDocument", {{"uri", kUri}}}, {"position", {{"line", line}, {"character", 1}}}});
}

json insert(int version, int line, int character, const std::string& text) {
  json position{{"line", line}, {"character", character}};
  return notification("textDocument/didChange",
                      {{"textDocument", {{"uri", kUri}, {"version", version}}},
                       {"contentChanges", json::array({{{"range", {{"start", position}, {"end", position}}}, {"text", text}}})}});
}

// The next message, which must come within 20 s.
json next(MemoryConnection& connection) {
  auto message = connection.receive(milliseconds(20000));
  REQUIRE(message.has_value());
  return *message;
}

// A server with `kText` open and its first diagnostics published; edits are
// not re-analysed for 10 s (the longest debounce), so the latest analysis stays.
void open_document(MemoryConnection& connection) {
  connection.send(request(1, "initialize",
                          {{"capabilities", json::object()},
                           {"initializationOptions", {{"debounceMs", 10000}, {"contentChecks", false}}}}));
  CHECK(next(connection)["id"] == 1);
  connection.send(notification("initialized", json::object()));
  connection.send(notification(
      "textDocument/didOpen",
      {{"textDocument", {{"uri", kUri}, {"languageId", "bitext"}, {"version", 1}, {"text", kText}}}}));
  json published = next(connection);
  CHECK(published["method"] == "textDocument/publishDiagnostics");
  CHECK(published["params"]["version"] == 1);
}

// A server with `kText` open and its first diagnostics published; every edit
// is analysed at once (no debounce).
void open_analysed_at_once(MemoryConnection& connection) {
  connection.send(request(1, "initialize",
                          {{"capabilities", json::object()}, {"initializationOptions", {{"debounceMs", 0}, {"contentChecks", false}}}}));
  CHECK(next(connection)["id"] == 1);
  connection.send(notification("textDocument/didOpen",
                               {{"textDocument", {{"uri", kUri}, {"languageId", "bitext"}, {"version", 1}, {"text", kText}}}}));
  CHECK(next(connection)["params"]["version"] == 1);
}

// `kText` opened, an edit of its line 2 analysed (version 2: in a new buffer,
// the opened text's has no room to grow; once analysed, that buffer is the
// base's, and no job reads it), then one of line 4 written into that buffer
// (version 3: the Chinese line of the second pair).
void open_and_edit_twice(MemoryConnection& connection) {
  open_analysed_at_once(connection);
  connection.send(insert(2, 2, 6, "真"));
  CHECK(next(connection)["params"]["version"] == 2);
  connection.send(insert(3, 4, 2, "好"));
}

// Sends a hover that must wait for version 3's analysis, which `release`
// lets go: nothing comes meanwhile; then version 3 is published, then the answer.
json hover_waiting_for_version_3(MemoryConnection& connection, int id, int line, const std::function<void()>& release) {
  connection.send(hover_at(id, line));
  connection.settle(milliseconds(100), milliseconds(1000));
  CHECK(connection.pending_frames() == 0);
  release();
  json published = next(connection);
  CHECK(published["method"] == "textDocument/publishDiagnostics");
  CHECK(published["params"]["version"] == 3);
  json answer = next(connection);
  CHECK(answer["id"] == id);
  return answer;
}

void shut_down(MemoryConnection& connection, int id) {
  connection.send(request(id, "shutdown", nullptr));
  CHECK(next(connection)["id"] == id);
  connection.send(notification("exit", nullptr));
  CHECK(connection.exit_code() == 0);
}

}  // namespace

TEST_CASE("while an edit waits for analysis, a hover on an untouched pair is answered from the latest analysis, moved") {
  MemoryConnection connection;
  open_document(connection);
  connection.send(hover_at(2, 5));
  json before = next(connection);
  REQUIRE(before["id"] == 2);
  REQUIRE(before["result"].is_object());
  CHECK(before["result"]["range"]["start"]["line"] == 5);

  // An edit inside line 2, then a new line at the top: the English line 5 is
  // now line 6, and neither it nor its partner (line 4, now 5) was touched.
  connection.send(insert(2, 2, 6, "真"));
  connection.send(insert(3, 0, 0, "前言\n"));
  connection.send(hover_at(3, 6));
  json moved = next(connection);
  REQUIRE(moved["id"] == 3);
  CHECK(moved["result"]["contents"] == before["result"]["contents"]);
  CHECK(moved["result"]["range"]["start"]["line"] == 6);
  CHECK(moved["result"]["range"]["end"]["line"] == 6);
  CHECK(moved["result"]["range"]["start"]["character"] == before["result"]["range"]["start"]["character"]);
  CHECK(moved["result"]["range"]["end"]["character"] == before["result"]["range"]["end"]["character"]);

  // Line 4 (the English partner of the edited Chinese line, now line 3)
  // quotes an edited line: it waits for the analysis of the current text,
  // as the cancellation shows.
  connection.send(hover_at(4, 4));
  connection.settle(milliseconds(100), milliseconds(1000));
  CHECK(connection.pending_frames() == 0);
  connection.send(notification("$/cancelRequest", {{"id", 4}}));
  json cancelled = next(connection);
  CHECK(cancelled["id"] == 4);
  CHECK(cancelled["error"]["code"] == -32800);

  connection.send(request(5, "shutdown", nullptr));
  CHECK(next(connection)["id"] == 5);
  connection.send(notification("exit", nullptr));
  CHECK(connection.exit_code() == 0);
}

TEST_CASE("while the user types, a hover is answered from the newest analysis even when it is of an old version") {
  // Analyses of version 2 wait until the test lets them go, after version 3
  // has come in; those of version 3 wait until the end.
  struct Gate {
    std::mutex mutex;
    std::condition_variable changed;
    bool second_started = false, second_released = false, third_started = false, third_released = false;
    bool third_written_over = false;  // version 3's job reruns from bytes written into version 2's buffer
  };
  auto gate = std::make_shared<Gate>();
  Analyser gated = [gate](AnalysisJob& job) -> std::shared_ptr<const bitext::Analysis> {
    {
      std::unique_lock lock(gate->mutex);
      if (job.version == 2) {
        gate->second_started = true;
        gate->changed.notify_all();
        gate->changed.wait(lock, [&] { return gate->second_released; });
      } else if (job.version >= 3) {
        gate->third_written_over = job.written_over.has_value() && job.base && job.text == job.base->text_ptr();
        gate->third_started = true;
        gate->changed.notify_all();
        gate->changed.wait(lock, [&] { return gate->third_released; });
      }
    }
    return analyse_with_core(job);
  };
  auto wait_for = [&](bool Gate::*flag) {
    std::unique_lock lock(gate->mutex);
    return gate->changed.wait_for(lock, std::chrono::seconds(20), [&] { return (*gate).*flag; });
  };
  auto release = [&](bool Gate::*flag) {
    std::lock_guard lock(gate->mutex);
    (*gate).*flag = true;
    gate->changed.notify_all();
  };
  MemoryConnection connection("test", gated);
  open_analysed_at_once(connection);

  // Version 2 edits the Chinese line 2; version 3 (a line before the footer)
  // comes in while version 2 is analysed: it is held until version 2's result
  // is in, then written into the buffer version 2 read, so version 2 is never
  // published.
  connection.send(insert(2, 2, 6, "真"));
  REQUIRE(wait_for(&Gate::second_started));
  connection.send(insert(3, 8, 0, "前言\n"));
  release(&Gate::second_released);
  bool third_started = false;  // once the server took version 2's result, between two messages
  for (int round = 0; round < 2000 && !third_started; ++round) {
    connection.poll();
    std::unique_lock lock(gate->mutex);
    third_started = gate->changed.wait_for(lock, milliseconds(10), [&] { return gate->third_started; });
  }
  REQUIRE(third_started);
  CHECK(gate->third_written_over);  // (third_started was read under the lock that wrote this)

  // The English line 3 and its partner (edited by version 2) lie before the
  // change version 3 wrote, so the hover comes from version 2's analysis at once.
  connection.send(hover_at(2, 3));
  const auto hover = connection.receive(milliseconds(5000));
  release(&Gate::third_released);
  REQUIRE(hover.has_value());
  CHECK((*hover)["id"] == 2);
  REQUIRE((*hover)["result"].is_object());
  CHECK((*hover)["result"].dump().find("谢谢邀请🤗真。") != std::string::npos);
  CHECK((*hover)["result"]["range"]["start"]["line"] == 3);

  json published = next(connection);
  CHECK(published["method"] == "textDocument/publishDiagnostics");
  CHECK(published["params"]["version"] == 3);
  connection.send(request(3, "shutdown", nullptr));
  CHECK(next(connection)["id"] == 3);
  connection.send(notification("exit", nullptr));
  CHECK(connection.exit_code() == 0);
}

TEST_CASE("an edit written into the buffer the latest analysis read: a hover before it is answered at once, one after it waits") {
  // Analyses of version 3 wait until the test lets them go.
  struct Gate {
    std::mutex mutex;
    std::condition_variable changed;
    bool started = false, released = false;
  };
  auto gate = std::make_shared<Gate>();
  Analyser gated = [gate](AnalysisJob& job) -> std::shared_ptr<const bitext::Analysis> {
    if (job.version == 3) {
      std::unique_lock lock(gate->mutex);
      gate->started = true;
      gate->changed.notify_all();
      gate->changed.wait(lock, [&] { return gate->released; });
    }
    return analyse_with_core(job);
  };
  MemoryConnection connection("test", gated);
  open_and_edit_twice(connection);
  {
    std::unique_lock lock(gate->mutex);
    REQUIRE(gate->changed.wait_for(lock, std::chrono::seconds(20), [&] { return gate->started; }));
  }
  // The first pair lies before the bytes written over: answered from version 2 at once.
  connection.send(hover_at(2, 3));
  const auto before = connection.receive(milliseconds(5000));
  REQUIRE(before.has_value());
  CHECK((*before)["id"] == 2);
  CHECK((*before)["result"].dump().find("谢谢邀请🤗真。") != std::string::npos);
  // The third pair was not edited, but it lies after them, where version 2's
  // offsets no longer read its text: the hover waits for version 3.
  const json after = hover_waiting_for_version_3(connection, 3, 7, [&] {
    std::lock_guard lock(gate->mutex);
    gate->released = true;
    gate->changed.notify_all();
  });
  CHECK(after["result"].dump().find("如今我们已身处一个全面拥抱AI的世界。") != std::string::npos);
  CHECK(after["result"]["range"]["start"]["line"] == 7);
  shut_down(connection, 4);
}

TEST_CASE("a hover while the rerun has taken the latest analysis waits for the new one") {
  // The analysis of version 3 is made (taking version 2's, its base, which
  // nobody read), then held until the test lets it go.
  struct Gate {
    std::mutex mutex;
    std::condition_variable changed;
    bool analysed = false, released = false, base_taken = false;
  };
  auto gate = std::make_shared<Gate>();
  Analyser gated = [gate](AnalysisJob& job) -> std::shared_ptr<const bitext::Analysis> {
    auto made = analyse_with_core(job);
    if (job.version == 3) {
      std::unique_lock lock(gate->mutex);
      gate->base_taken = job.base && job.base->taken();
      gate->analysed = true;
      gate->changed.notify_all();
      gate->changed.wait(lock, [&] { return gate->released; });
    }
    return made;
  };
  MemoryConnection connection("test", gated);
  open_and_edit_twice(connection);
  {
    std::unique_lock lock(gate->mutex);
    REQUIRE(gate->changed.wait_for(lock, std::chrono::seconds(20), [&] { return gate->analysed; }));
    CHECK(gate->base_taken);
  }
  // The first pair lies before the edit (answered from version 2 while its
  // rerun had not started), but version 2's transcript is gone: the hover waits.
  const json hover = hover_waiting_for_version_3(connection, 2, 3, [&] {
    std::lock_guard lock(gate->mutex);
    gate->released = true;
    gate->changed.notify_all();
  });
  CHECK(hover["result"].dump().find("谢谢邀请🤗真。") != std::string::npos);
  CHECK(hover["result"]["range"]["start"]["line"] == 3);
  shut_down(connection, 4);
}

TEST_CASE("the in-memory connection answers broken bytes like the pipes do, and reports the exit code") {
  MemoryConnection connection;
  connection.send_bytes("Content-Length : 2\r\n\r\n{}");
  connection.close_input();
  json error = next(connection);
  CHECK(error["id"].is_null());
  CHECK(error["error"]["code"] == -32700);
  CHECK(error["error"]["message"] == "malformed header line");
  CHECK(connection.exit_code() == 1);  // the client left without shutdown
  CHECK_FALSE(connection.receive(milliseconds(0)).has_value());
}

TEST_CASE("after a failed analysis every request is answered: a failed re-analysis is redone from scratch, a failed full one is an error at once") {
  // Re-analyses always fail; a full analysis fails when the text has "FAIL".
  Analyser flaky = [](AnalysisJob& job) -> std::shared_ptr<const bitext::Analysis> {
if (job.base && job.edit) throw std::runtime_error("re-analysis broke");
    if (job.text->find("FAIL") != std::string::npos) throw std::runtime_error("analysis broke");
    return analyse_with_core(job);
  };
  MemoryConnection connection("test", flaky);
  open_analysed_at_once(connection);

  // The incremental analysis of version 2 fails and is logged; the full one
  // that follows publishes version 2.
  connection.send(insert(2, 2, 6, "真"));
  json logged = next(connection);
  CHECK(logged["method"] == "window/logMessage");
  CHECK(logged["params"]["message"] == "bitext: analysis of file:///d.txt failed: re-analysis broke");
  json published = next(connection);
  CHECK(published["method"] == "textDocument/publishDiagnostics");
  CHECK(published["params"]["version"] == 2);

  // Version 3 cannot be analysed at all: the outline asked before the failure
  // and the one asked after are both answered with the error.
  connection.send(insert(3, 0, 0, "FAIL"));
  connection.send(request(2, "textDocument/documentSymbol", {{"textDocument", {{"uri", kUri}}}}));
  for (int message = 0; message < 4; ++message) {
    json m = next(connection);
    if (m.contains("method")) {
      CHECK(m["method"] == "window/logMessage");
      continue;
    }
    CHECK(m["id"] == 2);
    CHECK(m["error"]["code"] == -32603);
    CHECK(m["error"]["message"] == "analysis failed: analysis broke");
    break;
  }
  connection.send(request(3, "textDocument/documentSymbol", {{"textDocument", {{"uri", kUri}}}}));
  json after = next(connection);
  CHECK(after["id"] == 3);
  CHECK(after["error"]["message"] == "analysis failed: analysis broke");
}
