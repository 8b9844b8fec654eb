// JSON written directly as text (diagnostics, outline, fix-all edits) must be
// byte-for-byte what serialize() makes of the same value, and results cached
// per snapshot must be made once and belong to that snapshot only.
#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "lsp/diagnostics.hpp"
#include "lsp/json_writer.hpp"
#include "lsp/published_diagnostics.hpp"
#include "lsp/jsonrpc.hpp"
#include "lsp/protocol.hpp"
#include "lsp/snapshot.hpp"
#include "lsp/symbols.hpp"

using namespace bitext;
using namespace bitext::lsp;

TEST_CASE("append_json_string escapes exactly as serialize does") {
  std::vector<std::string> values = {
      "",
      "plain",
      "quote \" and backslash \\",
      "controls \b\f\n\r\t and \x01\x1f",
      "\x7f is not escaped",
      "你好🤗",
      std::string("nul \0 inside", 12),
      "invalid \xff\xfe bytes",
      "truncated \xe4\xbd",
  };
  for (const std::string& value : values) {
    CAPTURE(value);
    std::string out = "x";
    append_json_string(out, value);
    CHECK(out == "x" + serialize(json(value)));
  }
  // Each escaped byte at every place of strings long enough for the
  // eight-bytes-at-a-time scan, among ASCII and CJK.
  for (const char special : {'"', '\\', '\n', '\x01', '\x1f'}) {
    for (const std::string& filler : {std::string("abcdefghijklmnopqrstuvwxyz"), std::string("你好世界你好世界你好")}) {
      for (std::size_t at = 0; at <= filler.size(); ++at) {
        std::string value = filler;
        value.insert(at, 1, special);
        CAPTURE(value);
        std::string out;
        append_json_string(out, value);
        CHECK(out == serialize(json(value)));
      }
    }
  }
  // By hand, for the escapes that matter most.
  std::string out;
  append_json_string(out, "a\"b\\c\nd\x01");
  CHECK(out == R"("a\"b\\c\nd\u0001")");
}

TEST_CASE("numbers, positions and ranges are written in serialize's key order") {
  std::string out;
  append_json_int(out, -42);
  out += ' ';
  append_json_int(out, 4294967295);
  CHECK(out == "-42 4294967295");
  out.clear();
  append_json_range(out, Range{Position{3, 7}, Position{4, 0}});
  CHECK(out == R"({"end":{"character":0,"line":4},"start":{"character":7,"line":3}})");
  CHECK(out == serialize(json(Range{Position{3, 7}, Position{4, 0}})));
}

TEST_CASE("publishDiagnostics text: one diagnostic per finding, columns in the client's encoding") {
  // Line 2 is a translation whose original is missing (between two pairs);
  // 🤗 is 2 UTF-16 units, 4 UTF-8 bytes.
  std::string text = "你好🤗\nHello 🤗\n再见🤗\n谢谢\nThanks";
  auto analysis = Analysis::run(text, CheckOptions{});
  REQUIRE(!analysis->findings().empty());
  Snapshot snapshot(analysis, 5);
  std::string uri = "file:///a \"b\".txt";
  for (PositionEncoding encoding : {PositionEncoding::Utf16, PositionEncoding::Utf8}) {
    ClientCapabilities caps;
    caps.encoding = encoding;
    caps.related_information = true;
    FeatureContext context{uri, snapshot, caps};
    std::string params_text = publish_diagnostics_text(context);
    json params = json::parse(params_text);
    CHECK(serialize(params) == params_text);  // same bytes as the json path would give
    CHECK(params["uri"] == uri);
    CHECK(params["version"] == 5);
    REQUIRE(params["diagnostics"].size() == analysis->findings().size());
    for (std::uint32_t i = 0; i < analysis->findings().size(); ++i) {
      const Finding& finding = analysis->findings()[i];
      const json& d = params["diagnostics"][i];
      CHECK(d["code"] == finding.code);
      CHECK(d["message"] == finding.message);
      CHECK(d["source"] == "bitext");
      CHECK(d["severity"] == static_cast<int>(finding.severity));
      CHECK(d["data"] == json{{"version", 5}, {"index", i}, {"code", finding.code}});
      CHECK(d["range"]["start"] == json(analysis->index().position_of(finding.begin, encoding)));
      CHECK(d["range"]["end"] == json(analysis->index().position_of(finding.end, encoding)));
      CHECK(d == diagnostic_for(context, i));
    }
  }
  // The missing original of "再见🤗" (line 2): its end column is 2 + 2 in UTF-16, 6 + 4 in UTF-8.
  for (auto [encoding, end] : {std::pair{PositionEncoding::Utf16, 4}, std::pair{PositionEncoding::Utf8, 10}}) {
    ClientCapabilities caps;
    caps.encoding = encoding;
    FeatureContext context{uri, snapshot, caps};
    int found = 0;
    json params = json::parse(publish_diagnostics_text(context));
    for (const json& d : params["diagnostics"]) {
      if (d["code"] != "missing-original") continue;
      ++found;
      CHECK(d["range"] == json{{"start", {{"line", 2}, {"character", 0}}}, {"end", {{"line", 2}, {"character", end}}}});
      CHECK(d.contains("relatedInformation") == false);  // the client did not ask for it
    }
    CHECK(found == 1);
  }
}

TEST_CASE("publishDiagnostics text of thousands of diagnostics is each diagnostic in order") {
  // 2,100 pairs, each with a number only in its translation: 2,100 findings.
  std::string text;
  for (int i = 0; i < 2100; ++i) {
    text += "我们卖了" + std::to_string(i + 1) + "个苹果🤗。\nWe sold some apples.\n";
  }
  auto analysis = Analysis::run(text, CheckOptions{});
  REQUIRE(analysis->findings().size() >= 2048);
  Snapshot snapshot(analysis, 9);
  std::string uri = "file:///many.txt";
  ClientCapabilities caps;
  caps.related_information = true;
  FeatureContext context{uri, snapshot, caps};
  const std::string params_text = publish_diagnostics_text(context);
  std::string expected = "{\"diagnostics\":[";
  for (std::uint32_t i = 0; i < analysis->findings().size(); ++i) {
    if (i > 0) expected += ',';
    expected += serialize(diagnostic_for(context, i));
  }
  expected += "],\"uri\":\"file:///many.txt\",\"version\":9}";
  CHECK(params_text == expected);
}

TEST_CASE("Snapshot::memo makes each key once, and a new snapshot starts empty") {
  auto analysis = Analysis::run("你好\nHello", CheckOptions{});
  Snapshot first(analysis, 1);
  int made = 0;
  auto a = first.memo<std::string>("k", [&] { return "a" + std::to_string(++made); });
  auto b = first.memo<std::string>("k", [&] { return "b" + std::to_string(++made); });
  auto c = first.memo<std::string>("other", [&] { return "c" + std::to_string(++made); });
  CHECK(*a == "a1");
  CHECK(a == b);  // the same object, not remade
  CHECK(*c == "c2");
  CHECK(made == 2);
  Snapshot second(analysis, 2);
  auto d = second.memo<std::string>("k", [&] { return "d" + std::to_string(++made); });
  CHECK(*d == "d3");
  CHECK(*first.memo<std::string>("k", [&] { return std::string("never"); }) == "a1");
}

TEST_CASE("FeatureContext::range_of gives LineIndex::position_of's columns at every offset") {
  // ASCII lines (converted without decoding), CJK and emoji, CRLF, a lone CR,
  // and invalid bytes, in each encoding.
  std::string text =
      "plain ascii line\r\n你好🤗 mixed a\rHello 🤗!\n\xff\xfe bad \xe4\xbd\n"
      "\xc3\xa9t\xc3\xa9 \xc0\xaf overlong \xed\xa0\x80 surrogate \xf4\x90\x80\x80 big\nend 你";
  auto analysis = Analysis::run(text, CheckOptions{});
  Snapshot snapshot(analysis, 1);
  std::string uri = "file:///r";
  for (PositionEncoding encoding : {PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32}) {
    ClientCapabilities caps;
    caps.encoding = encoding;
    FeatureContext context{uri, snapshot, caps};
    for (std::size_t offset = 0; offset <= text.size() + 2; ++offset) {
      CAPTURE(offset);
      Range range = context.range_of(offset, offset);
      CHECK(range.start == analysis->index().position_of(offset, encoding));
      CHECK(range.end == range.start);
    }
  }
  // A PositionCursor gives the same in any order of offsets: forward, back,
  // near the last line and far from it.
  for (PositionEncoding encoding : {PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32}) {
    ClientCapabilities caps;
    caps.encoding = encoding;
    FeatureContext context{uri, snapshot, caps};
    PositionCursor cursor = context.position_cursor();
    std::vector<std::size_t> offsets;
    for (std::size_t offset = 0; offset <= text.size() + 2; offset += 3) offsets.push_back(offset);
    for (std::size_t offset = text.size() + 2; offset-- > 0;) offsets.push_back(offset);
    for (std::size_t i = 0; i < text.size(); i += 7) offsets.push_back((i * 37) % (text.size() + 1));
    for (std::size_t offset : offsets) {
      CAPTURE(offset);
      CHECK(cursor.at(offset) == analysis->index().position_of(offset, encoding));
    }
  }
  // By hand: "Hello " is ASCII, so its end is column 6 on line 2 in every encoding.
  ClientCapabilities caps;
  FeatureContext context{uri, snapshot, caps};
  std::size_t hello = text.find("Hello");
  CHECK(context.range_of(hello, hello + 6) == Range{Position{2, 0}, Position{2, 6}});
}

TEST_CASE("one Diagnostic, written fast or through json, is the same text; fixes and version are optional") {
  std::string text = "你好🤗\nHello 🤗\n再见🤗\n谢谢\nThanks";
  auto analysis = Analysis::run(text, CheckOptions{});
  const LineIndex& index = analysis->index();
  auto range_of = [&](std::size_t begin, std::size_t end) {
    return Range{index.position_of(begin, PositionEncoding::Utf16), index.position_of(end, PositionEncoding::Utf16)};
  };
  std::size_t with_fixes = 0;
  for (std::uint32_t i = 0; i < analysis->findings().size(); ++i) {
    const Finding& finding = analysis->findings()[i];
    for (const DiagnosticOptions& options :
         {DiagnosticOptions{"file:///a", 7, true, false}, DiagnosticOptions{"file:///a", std::nullopt, true, true},
          DiagnosticOptions{"file:///a", 7, false, false}}) {
      Diagnostic diagnostic;
      make_diagnostic(diagnostic, finding, i, range_of, options);
      std::string fast;
      append_json(fast, diagnostic);
      json tree;
      to_json(tree, diagnostic);
      CHECK(fast == serialize(tree));
      CHECK(tree["data"]["index"] == i);
      CHECK(tree["data"]["code"] == finding.code);
      CHECK(tree["data"].contains("version") == options.version.has_value());
      CHECK(tree["data"].contains("fixes") == (options.fixes && !finding.fixes.empty()));
      CHECK(tree.contains("relatedInformation") == (options.related_information && !finding.related.empty()));
      if (options.fixes && !finding.fixes.empty()) {
        ++with_fixes;
        CHECK(tree["data"]["fixes"].size() == finding.fixes.size());
        CHECK(tree["data"]["fixes"][0]["title"] == finding.fixes[0].title);
      }
    }
  }
  CHECK(with_fixes >= 1);
}

TEST_CASE("diagnostics published again after edits are those written afresh, and most are reused") {
  std::ifstream in(std::string(BITEXT_SOURCE_DIR) + "/examples/unsupervised-learning-ep1.zh-en.txt", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  REQUIRE(text.size() > 1000);
  const std::string uri = "file:///edited.txt";
  PublishedDiagnostics published;
  std::shared_ptr<const Analysis> previous = Analysis::run(text, CheckOptions{});
  ClientCapabilities caps;
  caps.related_information = true;
  {
    Snapshot snapshot(previous, 1);
    FeatureContext context{uri, snapshot, caps};
    std::string out;
    published.append(out, context);
    CHECK(out == publish_diagnostics_text(context));
    CHECK(published.written() == previous->findings().size());
  }
  // Characters, line breaks of each kind (a "\r" typed before a "\n" joins
  // nothing but moves the line end), CJK and emoji, invalid bytes, edits at
  // the first and last byte; now and then the client's encoding or related
  // information changes, or the published version was freed before the next.
  const std::vector<std::string> inserts = {"x", "字", "🤗", "\n", "\r", "\r\n", "", "\xff", "Speaker: ", "3"};
  std::mt19937 random(12);
  std::size_t reused_edits = 0;
  for (int version = 2; version < 90; ++version) {
    std::size_t at = version % 17 == 0 ? 0 : version % 19 == 0 ? text.size() : random() % (text.size() + 1);
    const std::size_t removed = random() % 3 == 0 ? std::min<std::size_t>(random() % 4, text.size() - at) : 0;
    const std::string& insert = inserts[random() % inserts.size()];
    text.replace(at, removed, insert);
    if (version % 23 == 0) caps.encoding = caps.encoding == PositionEncoding::Utf16 ? PositionEncoding::Utf8 : PositionEncoding::Utf16;
    if (version % 29 == 0) caps.related_information = !caps.related_information;
    if (version % 31 == 0) previous.reset();
    auto analysis = Analysis::run(text, CheckOptions{});
    Snapshot snapshot(analysis, version);
    FeatureContext context{uri, snapshot, caps};
    std::string out;
    published.append(out, context);
    CAPTURE(version);
    CHECK(out == publish_diagnostics_text(context));
    if (published.written() < analysis->findings().size() / 2) ++reused_edits;
    previous = analysis;
  }
  CHECK(reused_edits > 60);  // the comparison covered diagnostics that were reused
}

TEST_CASE("diagnostics of versions rerun from a buffer written over are reused through versions passed over") {
  std::ifstream in(std::string(BITEXT_SOURCE_DIR) + "/examples/unsupervised-learning-ep1.zh-en.txt", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  // The server's buffer: every edit is written into it, and each version is rerun from the one before.
  const auto text = std::make_shared<std::string>(buffer.str());
  const std::string uri = "file:///written-over.txt";
  const ClientCapabilities caps;
  PublishedDiagnostics published;
  std::shared_ptr<const Analysis> current = Analysis::run(std::shared_ptr<const std::string>(text), CheckOptions{});
  std::vector<std::shared_ptr<const Analysis>> alive{current};  // (the server keeps the versions it reads)
  auto publish = [&](int version) {
    Snapshot snapshot(current, version);
    FeatureContext context{uri, snapshot, caps};
    std::string out;
    published.append(out, context);
    CHECK(out == publish_diagnostics_text(context));
    return published.written();
  };
  publish(1);
  // Typing in a few places in turn, as a user does, several characters each.
  std::mt19937 random(5);
  std::size_t place = text->size() / 2, reused = 0;
  for (int version = 2; version < 40; ++version) {
    CAPTURE(version);
    if (version % 9 == 0) place = random() % text->size();
    const std::size_t at = std::min(text->size(), place + static_cast<std::size_t>(version % 4));
    const WrittenOver over{at, text->size() - at, ""};
    text->insert(at, "x");
    published.source_written_over();
    current = Analysis::rerun(*current, std::shared_ptr<const std::string>(text), {}, CheckOptions{},
                              Analysis::PreviousWork::Keep, over);
    alive.push_back(current);
    if (version % 3 != 0) {
      published.passed_over(*current);  // an older revision's result: not published
      continue;
    }
    if (publish(version) < current->findings().size() / 2) ++reused;
  }
  CHECK(reused >= 10);  // of 12 published: reused through the two versions passed over before each
}
