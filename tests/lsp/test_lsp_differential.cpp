// Differential test through the protocol: a server that follows hundreds of
// random incremental didChange notifications (UTF-16 ranges at random
// columns, inside surrogate pairs, past line ends and past the last line,
// several changes per notification, line ends of every kind) publishes for
// the final version exactly the diagnostics of a fresh server opened on the
// final text. The final text is computed here independently, with the core
// LineIndex (the server edits its text incrementally through TextDocument and
// re-analyses with Analysis::rerun between bursts).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include "bitext/text.hpp"
#include "lsp/framing.hpp"
#include "lsp/server.hpp"

using namespace bitext;
using json = nlohmann::json;

namespace {

const std::string kUri = "file:///differential.txt";

// One server in this process, driven through its byte interface.
class InProcessServer {
 public:
  InProcessServer() : work_(boost::asio::make_work_guard(io_)), server_(io_, [this](std::string frame) { reader_.feed(frame); }) {
    send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"},
          {"params", {{"capabilities", json::object()}, {"initializationOptions", {{"debounceMs", 5}}}}}});
    send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  }
  void send(const json& message) { server_.receive(lsp::frame_message(message.dump())); }
  void run_for(std::chrono::milliseconds duration) {
    io_.run_for(duration);
    collect();
  }
  // The diagnostics published for `version`, waiting up to a minute for them.
  std::optional<json> diagnostics_for(std::int64_t version) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
      for (const json& message : received_) {
        if (message.value("method", "") == "textDocument/publishDiagnostics" &&
            message["params"].value("version", std::int64_t{-1}) == version) {
          return message["params"]["diagnostics"];
        }
      }
      run_for(std::chrono::milliseconds(5));
    }
    return std::nullopt;
  }

 private:
  void collect() {
    while (auto event = reader_.next()) {
      REQUIRE(std::holds_alternative<lsp::FrameBody>(*event));
      received_.push_back(json::parse(std::get<lsp::FrameBody>(*event).body));
    }
  }
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  lsp::FrameReader reader_;  // the server's output, read back
  std::vector<json> received_;
  lsp::Server server_;  // last: destroyed first
};

json open_message(const std::string& text, std::int64_t version, const std::string& uri = kUri) {
  return {{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
          {"params", {{"textDocument", {{"uri", uri}, {"languageId", "bitext"}, {"version", version}, {"text", text}}}}}};
}

json position_json(Position p) { return {{"line", p.line}, {"character", p.character}}; }

std::string first_lines(const std::string& text, std::size_t count) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < count && at != std::string::npos; ++i) at = text.find('\n', at + 1);
  return at == std::string::npos ? text : text.substr(0, at + 1);
}

// Columns (UTF-16) just after the high surrogate of each astral character of `line`.
std::vector<std::uint32_t> inside_surrogates(std::string_view line) {
  std::vector<std::uint32_t> columns;
  std::uint32_t column = 0;
  for (std::size_t at = 0; at < line.size();) {
    const DecodedCodePoint decoded = decode_utf8(line, at);
    at += std::max<std::size_t>(decoded.length, 1);
    if (decoded.code_point > 0xFFFF) columns.push_back(column + 1);
    column += decoded.code_point > 0xFFFF ? 2 : 1;
  }
  return columns;
}

class EditMaker {
 public:
  explicit EditMaker(std::uint32_t seed) : random_(seed) {}

  // One change on `text` (applied to it), as its JSON.
  json change(std::string& text) {
    LineIndex index(text);
    const std::uint32_t lines = static_cast<std::uint32_t>(index.line_count());
    if (below(200) == 0) {  // now and then the whole document
      const std::string replacement = first_lines(text, lines / 2);
      text = replacement;
      return {{"text", replacement}};
    }
    Position start = random_position(index, lines);
    Position end = start;
    if (below(3) == 0) {
      end = random_position(index, lines);
      if (end < start) std::swap(start, end);
    }
    std::string inserted = random_text(index);
    const std::size_t begin = index.offset_of(start, PositionEncoding::Utf16);
    const std::size_t finish = index.offset_of(end, PositionEncoding::Utf16);
    text = text.substr(0, begin) + inserted + text.substr(finish);
    return {{"range", {{"start", position_json(start)}, {"end", position_json(end)}}}, {"text", inserted}};
  }

  std::size_t below(std::size_t bound) { return std::uniform_int_distribution<std::size_t>(0, bound - 1)(random_); }

 private:
  Position random_position(const LineIndex& index, std::uint32_t lines) {
    // Mostly on existing lines; sometimes on the line past the last.
    const std::uint32_t line = static_cast<std::uint32_t>(below(lines + 1));
    const std::string_view text = line < lines ? index.line_text(line) : std::string_view{};
    const std::uint32_t length = static_cast<std::uint32_t>(code_units(text, PositionEncoding::Utf16));
    const auto surrogates = inside_surrogates(text);
    if (!surrogates.empty() && below(3) == 0) return Position{line, surrogates[below(surrogates.size())]};
    // Past the line end now and then.
    return Position{line, static_cast<std::uint32_t>(below(length + 4))};
  }

  std::string random_text(const LineIndex& index) {
    static const char* const kPieces[] = {"",   "a",  "中", "。", ".",    " ",  "\n", "\r\n", "\r",
                                          "🤗", "1",  "，", "Hello world. ", "你好。", "\n\n", "😀😀", "（注）"};
    if (below(10) == 0) {  // a pasted line
      return std::string(index.line_text(below(index.line_count()))) + "\n";
    }
    return kPieces[below(std::size(kPieces))];
  }

  std::mt19937 random_;
};

std::string sample_text() {
  std::ifstream in(BITEXT_SOURCE_DIR "/examples/unsupervised-learning-ep1.zh-en.txt", std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

// Checks that `incremental` publishes for `version` what a fresh server opened
// on `text` publishes; returns how many diagnostics were compared.
static std::size_t check_as_fresh(InProcessServer& incremental, const std::string& text, std::int64_t version) {
  const std::optional<json> published = incremental.diagnostics_for(version);
  REQUIRE(published.has_value());
  InProcessServer fresh;
  fresh.send(open_message(text, version));
  const std::optional<json> expected = fresh.diagnostics_for(version);
  REQUIRE(expected.has_value());
  CHECK(published->size() == expected->size());
  CHECK(*published == *expected);
  return expected->size();
}

TEST_CASE("random incremental edits end with the diagnostics of a fresh server on the final text") {
  const std::string sample = sample_text();
  REQUIRE(!sample.empty());
  // A part of the sample with astral characters and "\r\n" line ends mixed in.
  std::string initial = first_lines(sample, 40);
  initial.insert(initial.find('\n') + 1, "🤗 Hugging Face 🤗\r\n");
  initial += "这是第二十一对😀。\r\nThis is pair twenty-one 😀.\r\n";

  std::size_t compared = 0;  // diagnostics compared over all seeds
  for (std::uint32_t seed : {1u, 2u, 3u}) {
    CAPTURE(seed);
    InProcessServer incremental;
    std::string text = initial;
    incremental.send(open_message(text, 1));
    EditMaker maker(seed);
    std::int64_t version = 1;
    std::size_t changes = 0;
    for (int notification = 0; notification < 150; ++notification) {
      json content_changes = json::array();
      const std::size_t count = 1 + maker.below(3);
      for (std::size_t i = 0; i < count; ++i) content_changes.push_back(maker.change(text));
      changes += count;
      incremental.send({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"},
                        {"params", {{"textDocument", {{"uri", kUri}, {"version", ++version}}},
                                    {"contentChanges", content_changes}}}});
      // Bursts, with pauses long enough now and then for an analysis to
      // finish, so that re-analyses build on re-analyses.
      if (maker.below(4) == 0) incremental.run_for(std::chrono::milliseconds(maker.below(30)));
    }
    INFO("changes: " << changes << ", final text: " << text.size() << " bytes");
    compared += check_as_fresh(incremental, text, version);
  }
  CHECK(compared > 0);  // the comparison was not of empty lists only
}

TEST_CASE("edits written one at a time into the buffer the last analysis read publish a fresh server's diagnostics") {
  // Each edit waits for the previous one's diagnostics: no job reads the
  // buffer, so the server writes the edit into it and reruns from the bytes it
  // wrote over; every version's published list is compared.
  std::string text = first_lines(sample_text(), 60);
  InProcessServer incremental;
  incremental.send(open_message(text, 1));
  REQUIRE(incremental.diagnostics_for(1).has_value());
  EditMaker maker(11);
  std::size_t compared = 0;
  for (std::int64_t version = 2; version <= 40; ++version) {
    CAPTURE(version);
    incremental.send({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"},
                      {"params", {{"textDocument", {{"uri", kUri}, {"version", version}}},
                                  {"contentChanges", json::array({maker.change(text)})}}}});
    compared += check_as_fresh(incremental, text, version);
  }
  CHECK(compared > 0);
}

TEST_CASE("the document URI names the layout: an .srt document gets the subtitle checks") {
  std::ifstream in(BITEXT_SOURCE_DIR "/tests/fixtures/layouts/errors.srt", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  REQUIRE(!text.str().empty());
  InProcessServer server;
  server.send(open_message(text.str(), 1, "file:///subtitles/errors.srt"));
  const std::optional<json> published = server.diagnostics_for(1);
  REQUIRE(published.has_value());
  std::vector<std::string> codes;
  for (const json& diagnostic : *published) codes.push_back(diagnostic.value("code", ""));
  CHECK(std::count(codes.begin(), codes.end(), "subtitle-overlap") == 1);
  CHECK(std::count(codes.begin(), codes.end(), "subtitle-numbering") == 2);
  CHECK(std::count(codes.begin(), codes.end(), "subtitle-end-before-start") == 1);
}
