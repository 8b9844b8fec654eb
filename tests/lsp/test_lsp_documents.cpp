// The server's document model: incremental edits in every position encoding,
// line bookkeeping for re-analysis, and the outline and folding built from a
// transcript (made by hand here, so speaker turns can be tested before the
// core detects speakers).
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "bitext/text.hpp"
#include "lsp/document_store.hpp"
#include "lsp/folding.hpp"
#include "lsp/symbols.hpp"
#include "lsp/text_buffer.hpp"
#include "lsp/text_document.hpp"

using namespace bitext;
using namespace bitext::lsp;

namespace {

// Checks the document's line table against a fresh core LineIndex.
void check_lines(const TextDocument& document) {
  LineIndex index(document.text());
  REQUIRE(document.line_count() == index.line_count());
  for (std::size_t line = 0; line < index.line_count(); ++line) {
    CAPTURE(line);
    CHECK(document.line_start(line) == index.line_start(line));
  }
}

}  // namespace

TEST_CASE("positions after emoji and CJK, in each encoding") {
  // "a😀b\r\n你c": 😀 is 4 bytes, 2 UTF-16 units, 1 code point; 你 is 3 bytes, 1 unit.
  TextDocument document("a\xF0\x9F\x98\x80" "b\r\n\xE4\xBD\xA0" "c");
  CHECK(document.line_count() == 2);
  CHECK(document.offset_of({0, 3}, PositionEncoding::Utf16) == 5);  // before b
  CHECK(document.offset_of({0, 5}, PositionEncoding::Utf8) == 5);
  CHECK(document.offset_of({0, 2}, PositionEncoding::Utf32) == 5);
  CHECK(document.offset_of({0, 2}, PositionEncoding::Utf16) == 1);   // inside the surrogate pair: snaps back
  CHECK(document.offset_of({0, 99}, PositionEncoding::Utf16) == 6);  // clamps before "\r\n"
  CHECK(document.offset_of({1, 1}, PositionEncoding::Utf16) == 11);  // after 你
  CHECK(document.offset_of({1, 3}, PositionEncoding::Utf8) == 11);
  CHECK(document.offset_of({7, 0}, PositionEncoding::Utf16) == 12);  // past the last line: end of text
}

TEST_CASE("incremental edits with CJK and emoji in UTF-16") {
  TextDocument document("你好🤗世界\nhello\n");
  // Insert "，" after 🤗: 你(1) 好(1) 🤗(2) -> UTF-16 column 4.
  LineEdit edit = document.apply(Range{{0, 4}, {0, 4}}, "，", PositionEncoding::Utf16);
  CHECK(document.text() == "你好🤗，世界\nhello\n");
  CHECK(edit.first_line == 0);
  CHECK(edit.old_line_count == 1);
  CHECK(edit.new_line_count == 1);
  // Replace "世界\nhel" (line 0 column 5 .. line 1 column 3) by "X\nY\nZ".
  edit = document.apply(Range{{0, 5}, {1, 3}}, "X\nY\nZ", PositionEncoding::Utf16);
  CHECK(document.text() == "你好🤗，X\nY\nZlo\n");
  CHECK(edit.first_line == 0);
  CHECK(edit.old_line_count == 2);
  CHECK(edit.new_line_count == 3);
  check_lines(document);
}

TEST_CASE("an edit leaves the text an analysis holds as it was, and writes in place when nobody holds it") {
  TextDocument document("你好\nhello\nworld\n");
  std::shared_ptr<const std::string> held = document.shared_text();  // as an analysis job holds it
  const std::string* held_address = held.get();
  document.apply(Range{{1, 5}, {2, 0}}, " there\n", PositionEncoding::Utf16);
  CHECK(*held == "你好\nhello\nworld\n");
  CHECK(document.text() == "你好\nhello there\nworld\n");
  CHECK(document.shared_text().get() != held_address);
  check_lines(document);
  // Once the holder lets go, later edits change the buffer itself.
  held.reset();
  const std::string* own = document.shared_text().get();
  document.apply(Range{{0, 0}, {0, 1}}, "您", PositionEncoding::Utf16);
  CHECK(document.text() == "您好\nhello there\nworld\n");
  CHECK(document.shared_text().get() == own);
  check_lines(document);
}

TEST_CASE("an edit its holders read no more is written into their buffer, keeping the bytes it wrote over") {
  TextDocument document("你好\nhello\nworld\n");
  document.apply(Range{{0, 0}, {0, 0}}, "", PositionEncoding::Utf16);  // into its own buffer, nobody holding it
  std::shared_ptr<const std::string> held = document.shared_text();    // as the base analysis holds it
  const std::string* address = held.get();
  // Not tracked since an analysis: a copy, whatever the caller says.
  document.apply(Range{{1, 0}, {1, 0}}, "", PositionEncoding::Utf16, true);
  CHECK(document.shared_text().get() != address);
  CHECK_FALSE(document.written_over().has_value());
  held = document.shared_text();
  address = held.get();
  document.analysed_as_is();
  REQUIRE(document.written_over().has_value());
  CHECK(document.written_over()->prefix == held->size());  // nothing written over yet
  document.apply(Range{{1, 5}, {2, 0}}, " there\n", PositionEncoding::Utf16, true);
  CHECK(document.wrote_shared());
  CHECK(document.shared_text().get() == address);
  CHECK(*held == "你好\nhello there\nworld\n");
  check_lines(document);
  document.apply(Range{{0, 0}, {0, 1}}, "您", PositionEncoding::Utf16, true);
  CHECK(document.text() == "您好\nhello there\nworld\n");
  const std::optional<WrittenOver> over = document.written_over();
  REQUIRE(over.has_value());
  const PreviousText previous(document.text(), *over);
  CHECK(previous.range(0, previous.size()) == "你好\nhello\nworld\n");
  // Without `write_shared` an edit goes into a new buffer, and nothing is tracked.
  document.apply(Range{{2, 0}, {2, 0}}, "!", PositionEncoding::Utf16);
  CHECK_FALSE(document.wrote_shared());
  CHECK(document.shared_text().get() != address);
  CHECK(*held == "您好\nhello there\nworld\n");
  CHECK_FALSE(document.written_over().has_value());
  check_lines(document);
}

TEST_CASE("the same edit in UTF-8 and UTF-32 columns") {
  TextDocument utf8("🤗a\n");
  utf8.apply(Range{{0, 4}, {0, 5}}, "b", PositionEncoding::Utf8);  // 🤗 is 4 bytes
  CHECK(utf8.text() == "🤗b\n");
  TextDocument utf32("🤗a\n");
  utf32.apply(Range{{0, 1}, {0, 2}}, "b", PositionEncoding::Utf32);  // 🤗 is one code point
  CHECK(utf32.text() == "🤗b\n");
}

TEST_CASE("line ends are rescanned where an edit joins or splits them") {
  TextDocument document("a\rb\nc");
  CHECK(document.line_count() == 3);
  // Insert "\n" at the start of line 1, right after the lone "\r": it becomes "\r\n".
  LineEdit edit = document.apply(Range{{1, 0}, {1, 0}}, "\n", PositionEncoding::Utf16);
  CHECK(document.text() == "a\r\nb\nc");
  CHECK(document.line_count() == 3);
  CHECK(edit.first_line == 0);  // the line before takes part: its line end changed
  check_lines(document);
  // Delete the "\r\n" between line 0 and 1.
  document.apply(Range{{0, 1}, {1, 0}}, "", PositionEncoding::Utf16);
  CHECK(document.text() == "ab\nc");
  check_lines(document);
  // A change without a range replaces everything.
  edit = document.apply(std::nullopt, "x\ny\nz\n", PositionEncoding::Utf16);
  CHECK(edit.first_line == 0);
  CHECK(edit.old_line_count == 2);
  CHECK(edit.new_line_count == 4);
  check_lines(document);
}

TEST_CASE("an edit copies the text into the buffer the replaced version freed") {
  free_spare_text_buffer();
  const std::size_t size = 3 * kSpareTextBufferBytes;
  std::string opened;
  opened.reserve(text_buffer_capacity(size + 1));  // as the message parser gives an opened text (long_strings.cpp)
  opened.append(size, 'a').append("\n");
  const std::string original = opened;
  TextDocument document(std::move(opened));
  std::shared_ptr<const std::string> version1 = document.shared_text();  // an analysis holds it
  document.apply(Range{{0, 3}, {0, 3}}, "x", PositionEncoding::Utf16);
  std::shared_ptr<const std::string> version2 = document.shared_text();
  CHECK(version2.get() != version1.get());
  CHECK(*version1 == original);
  CHECK(spare_text_buffer_capacity() == 0);
  // A new buffer has room for a text grown by a few more bytes.
  CHECK(version2->capacity() == text_buffer_capacity(size + 2));
  CHECK(version2->capacity() >= size + 2 + size / 256);

  // Version 1 is freed (its analysis replaced): its buffer is kept, and the
  // next edit made while version 2 is held goes into it.
  const char* bytes1 = version1->data();
  const std::size_t capacity1 = version1->capacity();
  version1.reset();
  CHECK(spare_text_buffer_capacity() == capacity1);
  document.apply(Range{{0, 4}, {0, 4}}, "y", PositionEncoding::Utf16);
  CHECK(document.text().data() == bytes1);
  CHECK(spare_text_buffer_capacity() == 0);
  CHECK(document.text() == "aaaxy" + std::string(size - 3, 'a') + "\n");
  CHECK(*version2 == "aaax" + std::string(size - 3, 'a') + "\n");

  // The spare is taken only by a text it holds without much waste: neither a
  // text grown past its room nor another document's much smaller one.
  const std::size_t capacity2 = version2->capacity();
  version2.reset();
  CHECK(spare_text_buffer_capacity() == capacity2);
  std::shared_ptr<const std::string> version3 = document.shared_text();
  document.apply(Range{{0, 0}, {0, 0}}, std::string(capacity2, 'b'), PositionEncoding::Utf16);
  CHECK(spare_text_buffer_capacity() == capacity2);
  CHECK(document.text().size() == capacity2 + size + 3);
  CHECK(document.text().capacity() == text_buffer_capacity(capacity2 + size + 3));
  check_lines(document);
  TextDocument other(std::string(size / 2, 'c'));
  std::shared_ptr<const std::string> other1 = other.shared_text();
  other.apply(Range{{0, 0}, {0, 0}}, "d", PositionEncoding::Utf16);
  CHECK(spare_text_buffer_capacity() == capacity2);
  CHECK(other.text().capacity() == text_buffer_capacity(size / 2 + 1));

  // Of two freed buffers the larger is kept; small buffers are left to the
  // heap; the spare is freed on demand (the server, once idle).
  version3.reset();
  CHECK(spare_text_buffer_capacity() == std::max(capacity1, capacity2));
  free_spare_text_buffer();
  CHECK(spare_text_buffer_capacity() == 0);
  TextDocument small("short\n");
  std::shared_ptr<const std::string> held = small.shared_text();
  small.apply(Range{{0, 0}, {0, 0}}, "a ", PositionEncoding::Utf16);
  held.reset();
  CHECK(spare_text_buffer_capacity() == 0);
}

TEST_CASE("random edits keep the text and line table exact, and LineEdits describe them") {
  std::mt19937 random(12345);
  const std::vector<std::string> pieces = {"", "a", "你", "🤗", "\n", "\r", "\r\n", "e\u0301", "xy\nz", "\n\n"};
  std::string text = "你好\r\n🤗 world\rline\n";
  TextDocument document(text);
  for (int step = 0; step < 400; ++step) {
    CAPTURE(step);
    auto encoding = static_cast<PositionEncoding>(random() % 3);
    LineIndex before(text);
    auto pick = [&] {
      auto line = static_cast<std::uint32_t>(random() % (before.line_count() + 1));
      auto column = static_cast<std::uint32_t>(random() % 12);
      return Position{line, column};
    };
    Position a = pick();
    Position b = pick();
    if (b < a) std::swap(a, b);
    std::string inserted = pieces[random() % pieces.size()] + pieces[random() % pieces.size()];
    // The expected text, from the core index over the old text.
    std::size_t begin = before.offset_of(a, encoding);
    std::size_t end = before.offset_of(b, encoding);
    std::string expected = text.substr(0, begin) + inserted + text.substr(end);
    std::vector<std::string> old_lines;
    for (std::size_t i = 0; i < before.line_count(); ++i) old_lines.emplace_back(before.line_text(i));

    LineEdit edit = document.apply(Range{a, b}, inserted, encoding);
    REQUIRE(document.text() == expected);
    check_lines(document);

    // Lines outside the edit are unchanged, before and after it.
    LineIndex after(expected);
    REQUIRE(edit.first_line + edit.old_line_count <= old_lines.size());
    REQUIRE(old_lines.size() - edit.old_line_count + edit.new_line_count == after.line_count());
    for (std::uint32_t i = 0; i < edit.first_line; ++i) CHECK(after.line_text(i) == old_lines[i]);
    std::size_t tail = old_lines.size() - edit.first_line - edit.old_line_count;
    for (std::size_t i = 0; i < tail; ++i) {
      CHECK(after.line_text(after.line_count() - 1 - i) == old_lines[old_lines.size() - 1 - i]);
    }
    text = expected;
  }
}

TEST_CASE("the ends edits leave alone since the held text was copied bound the bytes both share") {
  std::mt19937 random(777);
  const std::vector<std::string> pieces = {"", "a", "你", "\n", "\r\n", "ab", "字"};
  TextDocument document("a你a\nab字\r\naaa\n");
  CHECK_FALSE(document.known_ends_from(document.text()));  // never copied
  for (int round = 0; round < 300; ++round) {
    CAPTURE(round);
    const std::shared_ptr<const std::string> held = document.shared_text();  // an analysis holds it
    const int edits = 1 + static_cast<int>(random() % 3);  // the first copies, the others write in place
    for (int e = 0; e < edits; ++e) {
      LineIndex index(document.text());
      auto pick = [&] {
        return Position{static_cast<std::uint32_t>(random() % (index.line_count() + 1)),
                        static_cast<std::uint32_t>(random() % 6)};
      };
      Position a = pick();
      Position b = pick();
      if (b < a) std::swap(a, b);
      document.apply(Range{a, b}, pieces[random() % pieces.size()], PositionEncoding::Utf8);
    }
    const std::string& text = document.text();
    const std::optional<CommonEnds> known = document.known_ends_from(*held);
    REQUIRE(known);
    CHECK(known->old_size == held->size());
    CHECK(known->new_size == text.size());
    // A lower bound: the bytes it names are the same in both ...
    REQUIRE(known->prefix <= std::min(held->size(), text.size()));
    REQUIRE(known->suffix <= std::min(held->size(), text.size()));
    CHECK(held->compare(0, known->prefix, text, 0, known->prefix) == 0);
    CHECK(held->compare(held->size() - known->suffix, known->suffix, text, text.size() - known->suffix) == 0);
    // ... and the rerun's comparison from it is the full comparison.
    const CommonEnds compared = common_ends(*held, text);
    const CommonEnds from_known = common_ends(*held, text, *known);
    CHECK(from_known.prefix == compared.prefix);
    CHECK(from_known.suffix == compared.suffix);
    CHECK(from_known.old_size == compared.old_size);
    CHECK(from_known.new_size == compared.new_size);
    CHECK_FALSE(document.known_ends_from(std::string(*held)));  // same bytes, another buffer
  }
  const std::shared_ptr<const std::string> held = document.shared_text();
  document.apply(std::nullopt, "whole", PositionEncoding::Utf8);
  CHECK_FALSE(document.known_ends_from(*held));  // a whole replacement says nothing
}

TEST_CASE("compose merges consecutive LineEdits") {
  // Lines 2..3 became 1 line; then lines 5..5 of the result became 3 lines.
  LineEdit merged = compose(LineEdit{2, 2, 1}, LineEdit{5, 1, 3});
  // Intermediate span [2, 6) = old [2, 7); new: 4 - 1 + 3 = 6 lines.
  CHECK(merged.first_line == 2);
  CHECK(merged.old_line_count == 5);
  CHECK(merged.new_line_count == 6);
  // An edit before the first one.
  merged = compose(LineEdit{10, 1, 1}, LineEdit{0, 0, 2});
  CHECK(merged.first_line == 0);
  CHECK(merged.old_line_count == 11);
  CHECK(merged.new_line_count == 13);
}

TEST_CASE("re-analysis bookkeeping: edits since the base, and rebasing on stale results") {
  Document document("file:///a", 1, 1, "x\n");
  document.base = nullptr;
  CHECK_FALSE(document.edit_since_base().has_value());  // no base: full analysis
  // Pretend revision 0 was analysed.
  document.rebase(std::shared_ptr<const Analysis>(), 0);
  document.record_edit(LineEdit{0, 1, 2});  // revision 1
  document.record_edit(LineEdit{1, 1, 1});  // revision 2
  document.base_revision = 0;
  CHECK(document.edits.size() == 2);
  // A result for revision 1 becomes the base; only the second edit remains.
  document.rebase(std::shared_ptr<const Analysis>(), 1);
  CHECK(document.base_revision == 1);
  REQUIRE(document.edits.size() == 1);
  CHECK(document.edits[0].from_revision == 1);
  CHECK(document.edits[0].edit.first_line == 1);
  // Collapsed entries cannot be split by an analysis in between.
  document.record_edit(LineEdit{3, 0, 1});  // revision 3
  document.edits.assign(1, RevisionEdit{1, 3, LineEdit{1, 2, 3}});
  document.rebase(std::shared_ptr<const Analysis>(), 2);
  CHECK(document.base_revision == 1);
  // forget_base: older results can no longer become the base.
  document.forget_base();
  document.rebase(std::shared_ptr<const Analysis>(), 2);
  CHECK(document.base_revision == 3);
}

TEST_CASE("outline and folding from a hand-made transcript with speaker turns") {
  // Lines: 0 header, 1-2 pair 1 (Ann), 3-4 pair 2 (Ann), 5 blank, 6-7 pair 3 (Bo), 8 footer.
  std::string text = "Title\n你好\nHello\n再见\nBye\n\n谢谢🤗\nThanks\nEnd";
  LineIndex index(text);
  Transcript transcript;
  auto kinds = std::vector<LineKind>{LineKind::FrontMatter, LineKind::Translation, LineKind::Original,
                                     LineKind::Translation, LineKind::Original,    LineKind::Blank,
                                     LineKind::Translation, LineKind::Original,    LineKind::BackMatter};
  for (std::uint32_t i = 0; i < kinds.size(); ++i) {
    TranscriptLine line;
    line.number = i;
    line.begin = index.line_start(i);
    line.end = index.line_end(i);
    line.kind = kinds[i];
    transcript.lines.push_back(line);
  }
  transcript.front_matter = {0};
  transcript.back_matter = {8};
  transcript.pairs = {Pair{0, {1}, {2}, "Ann"}, Pair{1, {3}, {4}, "Ann"}, Pair{2, {6}, {7}, "Bo"}};

  json symbols = document_symbols("file:///t", transcript, index, PositionEncoding::Utf16, true);
  REQUIRE(symbols.size() == 4);
  CHECK(symbols[0]["name"] == "Front matter");
  CHECK(symbols[0]["detail"] == "1 line");
  CHECK(symbols[0]["range"] == json::parse(R"({"start":{"line":0,"character":0},"end":{"line":1,"character":0}})"));
  CHECK(symbols[1]["name"] == "Ann");
  CHECK(symbols[1]["detail"] == "pairs 1–2 · 你好");
  CHECK(symbols[1]["kind"] == kSymbolNamespace);
  REQUIRE(symbols[1]["children"].size() == 2);
  CHECK(symbols[1]["children"][0]["name"] == "你好");
  CHECK(symbols[1]["children"][0]["detail"] == "pair 1");
  CHECK(symbols[1]["children"][1]["range"] ==
        json::parse(R"({"start":{"line":3,"character":0},"end":{"line":5,"character":0}})"));
  CHECK(symbols[2]["name"] == "Bo");
  CHECK(symbols[2]["children"][0]["name"] == "谢谢🤗");
  // The last line ends the document: its end is a real column ("End" = 3 units).
  CHECK(symbols[3]["name"] == "Back matter");
  CHECK(symbols[3]["range"]["end"] == json::parse(R"({"line":8,"character":3})"));

  json flat = document_symbols("file:///t", transcript, index, PositionEncoding::Utf16, false);
  REQUIRE(flat.size() == 7);  // front, Ann, 2 pairs, Bo, 1 pair, back
  CHECK(flat[2]["containerName"] == "Ann");
  CHECK(flat[2]["location"]["uri"] == "file:///t");

  json folds = folding_ranges(transcript, index);
  // Header and footer are one line each (no fold); the run of Ann's pairs folds; Bo's pair run folds.
  CHECK(folds == json::parse(R"([{"startLine":1,"endLine":4,"kind":"region"},{"startLine":6,"endLine":7,"kind":"region"}])"));

  std::string uri = "file:///t";
  json found = workspace_symbols({OpenDocumentView{&uri, &transcript, &index}}, "THANK", PositionEncoding::Utf16);
  REQUIRE(found.size() == 1);
  CHECK(found[0]["name"] == "谢谢🤗");
  CHECK(found[0]["containerName"] == "Bo");
  CHECK(workspace_symbols({OpenDocumentView{&uri, &transcript, &index}}, "", PositionEncoding::Utf16).size() == 3);
  CHECK(workspace_symbols({OpenDocumentView{&uri, &transcript, &index}}, "", PositionEncoding::Utf16, 2).size() == 2);
}

namespace {

// A transcript made by hand from `text`: each line's kind, and pairs of one
// translation and one original line each.
Transcript hand_made(const LineIndex& index, const std::vector<LineKind>& kinds,
                     const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  Transcript transcript;
  for (std::uint32_t i = 0; i < kinds.size(); ++i) {
    TranscriptLine line;
    line.number = i;
    line.begin = index.line_start(i);
    line.end = index.line_end(i);
    line.kind = kinds[i];
    transcript.lines.push_back(line);
  }
  for (const auto& sides : pairs) {
    Pair pair;
    pair.index = static_cast<std::uint32_t>(transcript.pairs.size());
    pair.translation = {sides.first};
    pair.original = {sides.second};
    transcript.lines[sides.first].pair = static_cast<std::int32_t>(pair.index);
    transcript.lines[sides.second].pair = static_cast<std::int32_t>(pair.index);
    transcript.pairs.push_back(pair);
  }
  return transcript;
}

}  // namespace

TEST_CASE("outline and folding: front matter, nested chapters, turns from the speaker model cut at a chapter") {
  // 0-2 YAML front matter, 3 "# One", 4 blank, 5-8 pairs 1-2 (Ann, labelled), 9 "## Two",
  // 10-11 pair 3 (Ann, the same turn), 12-13 pair 4 (Speaker 2, inferred).
  const std::string text = "---\ntitle: T\n---\n# One\n\n**Ann:** 你好\nHello\n再见\nBye\n## Two\n谢谢\nThanks\n好\nGood";
  LineIndex index(text);
  using K = LineKind;
  Transcript transcript = hand_made(index,
                                    {K::Markup, K::Markup, K::Markup, K::Markup, K::Blank, K::Translation,
                                     K::Original, K::Translation, K::Original, K::Markup, K::Translation, K::Original,
                                     K::Translation, K::Original},
                                    {{5, 6}, {7, 8}, {10, 11}, {12, 13}});
  transcript.layout = Layout::Markdown;
  transcript.units.push_back(Unit{UnitKind::FrontMatter, index.line_start(0), index.line_end(2)});
  transcript.units.push_back(Unit{UnitKind::Heading, index.line_start(3), index.line_end(3)});
  transcript.chapters.push_back(Chapter{"One", 1, index.line_start(3), index.line_end(3)});
  transcript.units.push_back(Unit{UnitKind::Heading, index.line_start(9), index.line_end(9)});
  transcript.chapters.push_back(Chapter{"Two", 2, index.line_start(9), index.line_end(9)});
  SpeakerModel& model = transcript.speaker_model;
  model.speakers.push_back(Speaker{"Ann", "", "Ann", false, 1});
  model.speakers.push_back(Speaker{"Speaker 2", "", "", true, 0});
  SpeakerLabel label;
  label.line = 5;
  label.begin = index.line_start(5);
  label.end = label.begin + std::string_view("**Ann:** ").size();
  label.name_begin = label.begin + 2;
  label.name_end = label.name_begin + 3;
  label.form = LabelForm::Bold;
  label.pair = 0;
  label.speaker = 0;
  model.labels.push_back(label);
  model.turns.push_back(SpeakerTurn{0, 0, 2, false, 1.0F, SpeakerCue::Label, ""});
  model.turns.push_back(SpeakerTurn{1, 3, 3, true, 0.75F, SpeakerCue::Alternation, ""});
  for (Pair& pair : transcript.pairs) {
    pair.speaker_index = pair.index < 3 ? 0 : 1;
    pair.speaker = model.speakers[pair.speaker_index].name;
  }

  json symbols = document_symbols("file:///t.md", transcript, index, PositionEncoding::Utf16, true);
  auto lines = [](const json& range) {
    return std::to_string(range["start"]["line"].get<int>()) + "-" + std::to_string(range["end"]["line"].get<int>());
  };
  REQUIRE(symbols.size() == 2);
  CHECK(symbols[0]["name"] == "Front matter");
  CHECK(symbols[0]["detail"] == "3 lines");
  CHECK(lines(symbols[0]["range"]) == "0-3");
  const json& one = symbols[1];
  CHECK(one["name"] == "One");
  CHECK(one["kind"] == kSymbolChapter);
  CHECK(one["detail"] == "pairs 1–4");
  CHECK(lines(one["range"]) == "3-13");  // the document's last line: ends at its end
  REQUIRE(one["children"].size() == 2);
  const json& ann = one["children"][0];
  CHECK(ann["name"] == "Ann");
  CHECK(ann["kind"] == kSymbolNamespace);
  // The label is not part of the first words.
  CHECK(ann["detail"] == "pairs 1–2 · 你好");
  CHECK(lines(ann["range"]) == "5-9");
  REQUIRE(ann["children"].size() == 2);
  CHECK(ann["children"][0]["name"] == "你好");
  CHECK(ann["children"][0]["kind"] == kSymbolString);
  CHECK(ann["children"][1]["detail"] == "pair 2");
  const json& two = one["children"][1];
  CHECK(two["name"] == "Two");
  CHECK(two["detail"] == "pairs 3–4");
  CHECK(lines(two["range"]) == "9-13");
  REQUIRE(two["children"].size() == 2);
  // Ann's turn goes on in chapter Two: its rest is a turn there.
  CHECK(two["children"][0]["name"] == "Ann");
  CHECK(two["children"][0]["detail"] == "pair 3 · 谢谢");
  CHECK(two["children"][1]["name"] == "Speaker 2");
  CHECK(two["children"][1]["detail"] == "pair 4 · 好 · inferred");
  REQUIRE(two["children"][1]["children"].size() == 1);
  CHECK(two["children"][1]["children"][0]["name"] == "好");

  // Flat: every symbol names the one it is in.
  json flat = document_symbols("file:///t.md", transcript, index, PositionEncoding::Utf16, false);
  REQUIRE(flat.size() == 10);  // front, One, Ann, 2 pairs, Two, Ann, 1 pair, Speaker 2, 1 pair
  CHECK(flat[1]["name"] == "One");
  CHECK(flat[1].count("containerName") == 0);
  CHECK(flat[2]["containerName"] == "One");
  CHECK(flat[3]["containerName"] == "Ann");
  CHECK(flat[5]["name"] == "Two");
  CHECK(flat[5]["containerName"] == "One");
  CHECK(flat[8]["name"] == "Speaker 2");
  CHECK(flat[8]["containerName"] == "Two");
  CHECK(flat[9]["containerName"] == "Speaker 2");

  // Folds: front matter; chapters One and Two; the turns (Ann's whole turn,
  // across the heading); runs of pairs (broken by the heading and the turn change).
  CHECK(folding_ranges(transcript, index) == json::parse(R"([
    {"startLine":0,"endLine":2,"kind":"comment"},
    {"startLine":3,"endLine":13,"kind":"region"},
    {"startLine":5,"endLine":11,"kind":"region"},
    {"startLine":5,"endLine":8,"kind":"region"},
    {"startLine":9,"endLine":13,"kind":"region"},
    {"startLine":10,"endLine":11,"kind":"region"},
    {"startLine":12,"endLine":13,"kind":"region"}])"));
}

TEST_CASE("outline without speakers or chapters is the list of pairs") {
  const std::string text = "你好\nHello\n再见\nBye";
  LineIndex index(text);
  using K = LineKind;
  Transcript transcript =
      hand_made(index, {K::Translation, K::Original, K::Translation, K::Original}, {{0, 1}, {2, 3}});
  json symbols = document_symbols("file:///t", transcript, index, PositionEncoding::Utf16, true);
  REQUIRE(symbols.size() == 2);
  CHECK(symbols[0]["name"] == "你好");
  CHECK(symbols[0]["kind"] == kSymbolString);
  CHECK(symbols[0].count("children") == 0);
  CHECK(symbols[1]["name"] == "再见");
  CHECK(folding_ranges(transcript, index) == json::parse(R"([{"startLine":0,"endLine":3,"kind":"region"}])"));
}

TEST_CASE("a whole replacement takes the same buffers as an edit: its own when free, else the spare") {
  free_spare_text_buffer();
  const std::size_t size = 3 * kSpareTextBufferBytes;
  std::string opened;
  opened.reserve(text_buffer_capacity(size + 1));  // as the message parser gives an opened text
  opened.append(size, 'a').append("\n");
  TextDocument document(std::move(opened));
  const std::string* own = document.shared_text().get();
  // Nobody holds the text: the replacement is written into the same buffer.
  document.apply(std::nullopt, std::string(size - 1, 'b') + "\n", PositionEncoding::Utf16);
  CHECK(document.shared_text().get() == own);
  CHECK(document.text() == std::string(size - 1, 'b') + "\n");
  // An analysis holds it: the replacement goes into the buffer the version
  // before freed, and the held text is left as it was.
  std::shared_ptr<const std::string> version1 = document.shared_text();
  document.apply(Range{{0, 0}, {0, 0}}, "x", PositionEncoding::Utf16);  // copied into a new buffer
  std::shared_ptr<const std::string> version2 = document.shared_text();
  const char* bytes1 = version1->data();
  version1.reset();  // its buffer becomes the spare
  CHECK(spare_text_buffer_capacity() > 0);
  document.apply(std::nullopt, std::string(size, 'c') + "\ny\n", PositionEncoding::Utf16);
  CHECK(document.text().data() == bytes1);
  CHECK(spare_text_buffer_capacity() == 0);
  CHECK(*version2 == "x" + std::string(size - 1, 'b') + "\n");
  CHECK(document.line_count() == 3);
  check_lines(document);
  version2.reset();
  free_spare_text_buffer();
}
