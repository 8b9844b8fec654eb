// The server writes edits into the buffer the previous version analysed (one
// copy of a large document, not two), keeping only the bytes it wrote over
// (WrittenOver). PreviousText puts them back for the rerun, which must then
// give exactly what run gives without reading the previous version's text.
#include <doctest/doctest.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/previous_text.hpp"
#include "support/analysis_compare.hpp"
#include "support/document_editor.hpp"
#include "support/text_files.hpp"

using namespace bitext;
using bitext::test_support::check_same_analysis;
using bitext::test_support::Editor;
using bitext::test_support::join_lines;
using bitext::test_support::read_source_file;
using bitext::test_support::split_lines;

namespace {

// One edit of `text` as the server writes it: [begin, end) becomes `inserted`,
// the stretch widened first (it reads the bytes the edit replaces).
void write_over(std::string& text, std::optional<WrittenOver>& since, std::size_t begin, std::size_t end,
                const std::string& inserted) {
  since = widen(since ? &*since : nullptr, text, begin, end);
  text.replace(begin, end - begin, inserted);
}

void check_previous(const std::string& previous, const std::string& now, const WrittenOver& over) {
  const PreviousText text(now, over);
  REQUIRE(text.size() == previous.size());
  CHECK(text.range(0, previous.size()) == previous);
  for (std::size_t at = 0; at < previous.size(); ++at) REQUIRE(text.at(at) == previous[at]);
  // Every range that starts or ends near the stretch, where copies are made.
  for (std::size_t begin = over.prefix > 3 ? over.prefix - 3 : 0; begin < previous.size() && begin < over.prefix + 3; ++begin)
    for (std::size_t end = begin; end <= previous.size(); end += 1 + (end - begin) / 2)
      REQUIRE(text.range(begin, end) == std::string_view(previous).substr(begin, end - begin));
  const CommonEnds ends = text.common_ends_with(now, {});
  const CommonEnds compared = common_ends(previous, now);
  CHECK(ends.prefix == compared.prefix);
  CHECK(ends.suffix == compared.suffix);
  CHECK(ends.old_size == compared.old_size);
  CHECK(ends.new_size == compared.new_size);
}

}  // namespace

TEST_CASE("the bytes written over, put back, are the previous text, whatever edits came in between") {
  std::mt19937 random(7);
  static const std::string kInserted[] = {"", "a", "的", "\n", "xyz\n\n", "aaaa"};
  for (int round = 0; round < 200; ++round) {
    CAPTURE(round);
    const std::string previous = "aaaa的bbbb\ncccc\n" + std::string(random() % 40, 'a') + "dd\n";
    std::string now = previous;
    std::optional<WrittenOver> over;
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int edit = 0; edit < edits; ++edit) {
      const std::size_t begin = random() % (now.size() + 1);
      const std::size_t end = begin + random() % (now.size() - begin + 1) / 4;
      write_over(now, over, begin, end, kInserted[random() % std::size(kInserted)]);
    }
    check_previous(previous, now, *over);
  }
}

TEST_CASE("an edit inside the stretch written over keeps it; one outside widens it to reach the edit") {
  std::string text = "0123456789";
  std::optional<WrittenOver> over;
  write_over(text, over, 4, 5, "xy");  // "0123xy56789"
  CHECK(over->prefix == 4);
  CHECK(over->suffix == 5);
  CHECK(over->replaced == "4");
  write_over(text, over, 5, 6, "");  // "0123x56789": inside
  CHECK(over->prefix == 4);
  CHECK(over->suffix == 5);
  CHECK(over->replaced == "4");
  write_over(text, over, 1, 2, "Z");  // "0Z23x56789": before it
  CHECK(over->prefix == 1);
  CHECK(over->suffix == 5);
  CHECK(over->replaced == "1234");
  check_previous("0123456789", text, *over);
}

TEST_CASE("rerun from a version whose buffer the edits were written into gives what run gives") {
  struct Document {
    const char* path;
    const char* name;
    Layout layout = Layout::Auto;
  };
  const Document documents[] = {
      {"examples/unsupervised-learning-ep1.zh-en.txt", "ep1.txt"},
      {"tests/fixtures/speakers/lines-colon.txt", "lines-colon.txt"},
      {"tests/fixtures/layouts/clean.md", "clean.md"},
      {"tests/fixtures/layouts/clean.srt", "clean.srt"},
      {"tests/fixtures/layouts/clean-paragraphs.txt", "clean-paragraphs.txt", Layout::Paragraphs},
  };
  unsigned seed = 40;
  for (const Document& document : documents) {
    CAPTURE(document.path);
    CheckOptions options;
    options.document_name = document.name;
    options.layout = document.layout;
    std::vector<std::string> lines = split_lines(read_source_file(document.path));
    Editor editor{std::mt19937(++seed), lines};
    // The server's buffer: every version analyses it, and each edit is written into it.
    const auto buffer = std::make_shared<std::string>(join_lines(lines));
    auto current = Analysis::run(std::shared_ptr<const std::string>(buffer), options);
    std::size_t reused = 0;
    std::size_t consumed = 0;
    for (int edit = 0; edit < 40; ++edit) {
      CAPTURE(edit);
      const std::vector<LineEdit> line_edits = editor.edit();
      const std::string text = join_lines(lines);
      // The stretch as the server's edits would leave it: the bytes that
      // differ, and some of those around them that do not (edits are ranges).
      const CommonEnds ends = common_ends(*buffer, text);
      const std::size_t prefix = ends.prefix - std::min<std::size_t>(ends.prefix, edit % 5);
      const std::size_t suffix = ends.suffix - std::min<std::size_t>(ends.suffix, edit % 3);
      WrittenOver over{prefix, suffix, buffer->substr(prefix, buffer->size() - prefix - suffix)};
      buffer->assign(text);  // written over: the previous version's text() now reads the new bytes
      // As the server's worker: the previous version is consumed (nobody else reads it).
      const std::shared_ptr<const Analysis> previous = current;
      current = Analysis::rerun(*current, std::shared_ptr<const std::string>(buffer), line_edits, options,
                                Analysis::PreviousWork::Consume, over);
      const auto fresh = Analysis::run(text, options);
      check_same_analysis(*fresh, *current);
      consumed += previous->taken() ? 1 : 0;
      reused += ends.prefix + ends.suffix > text.size() / 2 ? 1 : 0;
    }
    CHECK(reused > 20);  // most edits were small: the rerun had much to reuse
    // (Line documents: the rerun takes the previous version; other layouts are read again whole.)
    CHECK((consumed > 20) == (current->transcript().layout == Layout::Lines));
  }
}

TEST_CASE("a version of a buffer written over shares nothing it can tell with another version of it") {
  const std::string text = read_source_file("examples/unsupervised-learning-ep1.zh-en.txt");
  const CheckOptions options;
  const auto buffer = std::make_shared<std::string>(text);
  const auto first = Analysis::run(std::shared_ptr<const std::string>(buffer), options);
  const std::size_t at = text.find('\n') + 1;
  WrittenOver over{at, text.size() - at, ""};
  buffer->insert(at, "x");
  const auto second = Analysis::rerun(*first, std::shared_ptr<const std::string>(buffer), {}, options,
                                      Analysis::PreviousWork::Keep, over);
  CHECK(second->rerun_from(*first));
  CHECK_FALSE(first->rerun_from(*second));
  const CommonEnds from_first = second->common_ends_with(*first);  // what the rerun compared
  CHECK(from_first.prefix == at);
  CHECK(from_first.suffix == text.size() - at);
  CHECK(from_first.old_size == text.size());
  // A third version of the buffer, not rerun from `first`: `first`'s text is
  // no longer in the buffer to compare.
  buffer->erase(at, 1);
  const auto third = Analysis::run(std::shared_ptr<const std::string>(buffer), options);
  const CommonEnds unknown = third->common_ends_with(*first);
  CHECK(unknown.prefix == 0);
  CHECK(unknown.suffix == 0);
  CHECK(unknown.old_size == text.size());
  CHECK(unknown.new_size == text.size());
}
