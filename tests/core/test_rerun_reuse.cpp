// Analysis::rerun reuses the previous version's work wrapped around pure
// steps (line readings, the speaker model's label reads and pair cues,
// content work per pair): after any edit it must give exactly what run gives,
// speakers included. Edits here are the ones that move what can be reused:
// at the start and end of the text, line breaks typed and removed (pairs
// shift), names and labels typed (the cast and labelled-ness of the whole
// document change), several edits at once, and layouts other than lines.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/helper_thread.hpp"
#include "support/analysis_compare.hpp"
#include "support/document_editor.hpp"
#include "support/sanitizers.hpp"
#include "support/text_files.hpp"


using namespace bitext;
using bitext::test_support::read_source_file;
using bitext::test_support::split_lines;
using bitext::test_support::join_lines;
using bitext::test_support::check_same_analysis;
using bitext::test_support::tagged_copies;
using bitext::test_support::Editor;

namespace {

void check_edits(const std::string& path, const CheckOptions& options, unsigned seed, int edits,
                 Analysis::PreviousWork previous_work = Analysis::PreviousWork::Keep) {
  CAPTURE(path);
  std::vector<std::string> lines = split_lines(read_source_file(path));
  Editor editor{std::mt19937(seed), lines};
  auto current = Analysis::run(join_lines(lines), options);
  const Layout layout = current->transcript().layout;
  std::size_t speakers_seen = 0;
  int in_layout = 0;  // edits analysed in the document's own layout (typing can change which it is)
  for (int edit = 0; edit < edits; ++edit) {
    const std::vector<LineEdit> line_edits = editor.edit();
    const std::string text = join_lines(lines);
    CAPTURE(edit);
    const std::shared_ptr<const Analysis> previous = current;
    const bool lines_before = previous->transcript().layout == Layout::Lines;
    const std::size_t findings_before = previous->findings().size();
    current = Analysis::rerun(*current, std::make_shared<const std::string>(text), line_edits, options, previous_work);
    check_same_analysis(*Analysis::run(text, options), *current);
    // Consumed: a rerun of a line document took the previous version (nobody
    // else read it) and freed its transcript; its findings stay.
    const bool consumed = previous_work == Analysis::PreviousWork::Consume && lines_before &&
                          current->transcript().layout == Layout::Lines;
    CHECK(previous->taken() == consumed);
    CHECK(previous->try_read().has_value() == !consumed);
    if (consumed) CHECK(previous->transcript().pairs.empty());
    CHECK(previous->findings().size() == findings_before);
    speakers_seen += current->transcript().speaker_model.speakers.size();
    in_layout += current->transcript().layout == layout ? 1 : 0;
  }
  CHECK(in_layout * 2 > edits);
  CHECK(speakers_seen > 0);  // the speaker model had something to say all along
}

}  // namespace

TEST_CASE("rerun after edits that move, add and remove speaker cues gives exactly what run gives") {
  const CheckOptions options;
  SUBCASE("inferred speakers: the sample") { check_edits("examples/unsupervised-learning-ep1.zh-en.txt", options, 1, 60); }
  SUBCASE("inferred speakers: another show") { check_edits("tests/fixtures/speakers/deep-currents.zh-en.txt", options, 2, 60); }
  SUBCASE("labels") { check_edits("tests/fixtures/speakers/lines-colon.txt", options, 3, 80); }
  SUBCASE("own-line labels") { check_edits("tests/fixtures/speakers/lines-otter.txt", options, 4, 80); }
}

// The server's worker reruns from each version once and lets the rerun free
// that version's work as it goes: the same results.
TEST_CASE("rerun that releases the previous version's work gives exactly what run gives") {
  const CheckOptions options;
  check_edits("examples/unsupervised-learning-ep1.zh-en.txt", options, 5, 30, Analysis::PreviousWork::Release);
  check_edits("tests/fixtures/speakers/lines-colon.txt", options, 6, 30, Analysis::PreviousWork::Release);
}

// The server's worker lets the rerun take the version it reruns from when no
// request reads it: its transcript goes too, before the new version's peak.
TEST_CASE("rerun that consumes the previous version gives exactly what run gives") {
  const CheckOptions options;
  check_edits("examples/unsupervised-learning-ep1.zh-en.txt", options, 9, 30, Analysis::PreviousWork::Consume);
  check_edits("tests/fixtures/speakers/lines-colon.txt", options, 10, 30, Analysis::PreviousWork::Consume);
  check_edits("tests/fixtures/speakers/lines-otter.txt", options, 11, 30, Analysis::PreviousWork::Consume);
}

// A consuming rerun makes the previous version's content records its own,
// moved to their pairs' places (ContentRun::take_previous_records): records of
// pairs that changed, shifted or stopped being pairs must read as made afresh.
TEST_CASE("rerun that takes the previous content records in place gives exactly what run gives") {
  const CheckOptions options;
  SUBCASE("the sample") { check_edits("examples/unsupervised-learning-ep1.zh-en.txt", options, 21, 150, Analysis::PreviousWork::Consume); }
  SUBCASE("another show") { check_edits("tests/fixtures/speakers/deep-currents.zh-en.txt", options, 22, 150, Analysis::PreviousWork::Consume); }
  SUBCASE("labels") { check_edits("tests/fixtures/speakers/lines-colon.txt", options, 23, 150, Analysis::PreviousWork::Consume); }
  SUBCASE("own-line labels") { check_edits("tests/fixtures/speakers/lines-otter.txt", options, 24, 150, Analysis::PreviousWork::Consume); }
}

// Which side a shifted block's preferred fix moves reads the pairs on either
// side of the block: its finding is made again when one of them changes (here
// a blank line typed into at edit 58 changes the pair after a three-pair block).
TEST_CASE("rerun decides again which side a shifted block moves when a pair beside the block changes") {
  const CheckOptions options;
  check_edits("tests/fixtures/speakers/lines-colon.txt", options, 110, 60);
}

// A request reading the version (the server's hover on the latest analysis)
// holds a Reading: the rerun then leaves the version whole. A version taken
// is rerun from by a full run (the server reruns from a version once; a
// second rerun from it is still exact).
TEST_CASE("a rerun that may consume the previous version leaves it whole while it is read, and one from a version taken gives what run gives") {
  const CheckOptions options;
  const std::string text = read_source_file("examples/unsupervised-learning-ep1.zh-en.txt");
  std::vector<std::string> lines = split_lines(text);
  const auto base = Analysis::run(text, options);
  const std::size_t pairs = base->transcript().pairs.size();
  Editor editor{std::mt19937(12), lines};
  std::vector<LineEdit> line_edits = editor.edit();
  std::string edited = join_lines(lines);
  {
    std::optional<Analysis::Reading> reading = base->try_read();
    REQUIRE(reading.has_value());
    const auto rerun = Analysis::rerun(*base, std::make_shared<const std::string>(edited), line_edits, options,
                                       Analysis::PreviousWork::Consume);
    check_same_analysis(*Analysis::run(edited, options), *rerun);
    CHECK_FALSE(base->taken());
    CHECK(base->transcript().pairs.size() == pairs);
  }
  const auto taking = Analysis::rerun(*base, std::make_shared<const std::string>(edited), line_edits, options,
                                      Analysis::PreviousWork::Consume);
  check_same_analysis(*Analysis::run(edited, options), *taking);
  CHECK(base->taken());
  CHECK_FALSE(base->try_read().has_value());
  CHECK(base->transcript().pairs.empty());
  line_edits = editor.edit();
  edited = join_lines(lines);
  for (const Analysis::PreviousWork work : {Analysis::PreviousWork::Keep, Analysis::PreviousWork::Consume})
    check_same_analysis(*Analysis::run(edited, options),
                        *Analysis::rerun(*base, std::make_shared<const std::string>(edited), {}, options, work));
}

// A version whose work a rerun released can be rerun from again (the server
// falls back to it when a newer result could not become the base): nothing
// is reused, and the result is still run's.
TEST_CASE("a second rerun from a version whose work was released gives what run gives") {
  const CheckOptions options;
  const std::string text = read_source_file("examples/unsupervised-learning-ep1.zh-en.txt");
  std::vector<std::string> lines = split_lines(text);
  const auto base = Analysis::run(text, options);
  Editor editor{std::mt19937(8), lines};
  for (int edit = 0; edit < 3; ++edit) {
    const std::vector<LineEdit> line_edits = editor.edit();
    const std::string edited = join_lines(lines);
    CAPTURE(edit);
    // Each edit is made on the text so far, but described from `base` only when it is the first.
    const auto rerun = Analysis::rerun(*base, std::make_shared<const std::string>(edited),
                                       edit == 0 ? line_edits : std::vector<LineEdit>{}, options,
                                       Analysis::PreviousWork::Release);
    check_same_analysis(*Analysis::run(edited, options), *rerun);
  }
}

TEST_CASE("rerun of layout documents after edits gives exactly what run gives") {
  struct Document {
    const char* path;
    const char* name;
    Layout layout = Layout::Auto;  // paragraphs are told by their shape, which typing soon breaks: forced
  };
  const Document documents[] = {
      {"tests/fixtures/layouts/clean.md", "clean.md"},
      {"tests/fixtures/speakers/markdown-labels.md", "markdown-labels.md"},
      {"tests/fixtures/layouts/clean.srt", "clean.srt"},
      {"tests/fixtures/speakers/subtitles-labels.srt", "subtitles-labels.srt"},
      {"tests/fixtures/layouts/clean.vtt", "clean.vtt"},
      {"tests/fixtures/speakers/subtitles-voices.vtt", "subtitles-voices.vtt"},
      {"tests/fixtures/layouts/clean-paragraphs.txt", "clean-paragraphs.txt", Layout::Paragraphs},
      {"tests/fixtures/speakers/paragraphs-otter.txt", "paragraphs-otter.txt", Layout::Paragraphs},
  };
  unsigned seed = 10;
  for (const Document& document : documents) {
    CheckOptions options;
    options.document_name = document.name;
    options.layout = document.layout;
    check_edits(document.path, options, ++seed, 60);
  }
}

TEST_CASE("rerun reuses nothing stale across edits at the very start and end of the text") {
  const std::string text = read_source_file("examples/unsupervised-learning-ep1.zh-en.txt");
  const CheckOptions options;
  const auto base = Analysis::run(text, options);
  const std::size_t last = base->index().line_count() - 1;
  const auto last_line = static_cast<std::uint32_t>(last);
  struct Case {
    const char* name;
    std::string text;
    std::vector<LineEdit> edits;
  };
  const std::vector<Case> cases = {
      {"a byte before the first", "x" + text, {{0, 1, 1}}},
      {"a line before the first", "Notes\n" + text, {{0, 0, 1}}},
      {"the first line removed", text.substr(text.find('\n') + 1), {{0, 1, 0}}},
      {"a byte after the last", text + "x", {{last_line, 1, 1}}},
      {"a line after the last", text + "\nI'm Clem.", {{last_line, 1, 2}}},
      {"the last line end removed", text.substr(0, text.rfind('\n')) + text.substr(text.rfind('\n') + 1),
       {{last_line - 1, 2, 1}}},
      {"the same text", text, {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const auto incremental = Analysis::rerun(*base, c.text, c.edits, options);
    check_same_analysis(*Analysis::run(c.text, options), *incremental);
    check_same_analysis(*base, *Analysis::rerun(*incremental, text, {}, options));
  }
}

// A pair's length findings are reused from the previous version when its
// lines and the document's fits are the same: moved with the pair, but made
// again when the pair's number (in their message) or its lines' distance
// changes, or when the edit changed the fits or the pair's neighbourhood ratio. (Which pairs are lent is not
// visible here: breaking each condition of reusable_length fails a case.)
TEST_CASE("rerun moves, renumbers or remakes each pair's length findings as run gives them") {
  const std::string text = read_source_file("examples/unsupervised-learning-ep1.zh-en.txt");
  const CheckOptions options;
  const auto base = Analysis::run(text, options);
  const std::vector<std::string> lines = split_lines(text);
  std::vector<std::size_t> outliers;  // pairs with a length finding
  for (const Finding& finding : base->findings())
    if (finding.code == "length-outlier" && finding.pair >= 0) outliers.push_back(static_cast<std::size_t>(finding.pair));
  REQUIRE(outliers.size() >= 5);
  const Pair& first = base->transcript().pairs.front();
  const std::uint32_t body = std::min(first.translation.front(), first.original.front());
  REQUIRE(std::max(first.translation.back(), first.original.back()) == body + 1);  // its two lines
  std::size_t cases = 0;
  for (const std::size_t p : outliers) {
    const Pair& pair = base->transcript().pairs[p];
    const std::uint32_t upper = std::min(pair.translation.front(), pair.original.front());
    const std::uint32_t far = upper > body + 4 ? body : static_cast<std::uint32_t>(lines.size() - 2);
    struct Case {
      const char* name;
      std::vector<std::string> lines;
      std::vector<LineEdit> edits;
    };
    std::vector<Case> edits;
    {  // a pair typed before the first: every pair's number moves
      std::vector<std::string> edited = lines;
      edited.insert(edited.begin() + body, {"Hello there, everyone.", "大家好。"});
      edits.push_back({"a pair before the first", edited, {{body, 0, 2}}});
    }
    if (upper > body + 2) {  // the first pair moved after this one: its number alone moves, not the fits
      const std::uint32_t lower = std::max(pair.translation.back(), pair.original.back());
      std::vector<std::string> edited = lines;
      edited.erase(edited.begin() + body, edited.begin() + body + 2);
      edited.insert(edited.begin() + (lower - 1), {lines[body], lines[body + 1]});
      edits.push_back({"the first pair moved after it", edited, {{body, 2, 0}, {lower - 1, 0, 2}}});
    }
    {  // a blank line between the pair's two lines: their distance changes
      std::vector<std::string> edited = lines;
      edited.insert(edited.begin() + upper + 1, "");
      edits.push_back({"a blank line inside the pair", edited, {{upper + 1, 0, 1}}});
    }
    {  // a character typed far away: the findings move, or the fits change
      std::vector<std::string> edited = lines;
      edited[far] += "字";
      edits.push_back({"a character typed far away", edited, {{far, 1, 1}}});
    }
    {  // the pair's own line longer
      std::vector<std::string> edited = lines;
      edited[upper] += " and so on and so forth";
      edits.push_back({"the pair's line longer", edited, {{upper, 1, 1}}});
    }
    if (upper + 2 < lines.size()) {  // the next pair's line longer: the pair's neighbourhood ratio changes
      std::vector<std::string> edited = lines;
      edited[upper + 2] += " and so on and so forth, and so on and so forth";
      edits.push_back({"a neighbouring pair's line longer", edited, {{upper + 2, 1, 1}}});
    }
    for (const Case& c : edits) {
      CAPTURE(p);
      CAPTURE(c.name);
      const std::string edited = join_lines(c.lines);
      const auto incremental = Analysis::rerun(*base, edited, c.edits, options);
      check_same_analysis(*Analysis::run(edited, options), *incremental);
      check_same_analysis(*base, *Analysis::rerun(*incremental, text, c.edits.size() == 1 && c.edits[0].old_line_count == 0
                                                                              ? std::vector<LineEdit>{}
                                                                              : c.edits,
                                                  options));
      ++cases;
    }
  }
  CHECK(cases >= 4 * outliers.size());
}

// The content work kept for rerun does not copy its findings: a rerun reads
// those it reuses back from the previous version's list, where the rules may
// have dropped some and changed the severity of others.
TEST_CASE("rerun under other rule settings than the version it reruns from gives what run gives") {
  const std::string text = read_source_file("examples/unsupervised-learning-ep1.zh-en.txt");
  const std::vector<std::string> lines = split_lines(text);
  CheckOptions settings;
  settings.rules["length-outlier"].severity = Severity::Error;
  settings.rules["token-not-carried"].severity = Severity::Error;
  settings.rules["boundary-drift"].enabled = false;
  settings.rules["number-mismatch"].enabled = false;
  const CheckOptions defaults;
  const auto count = [](const Analysis& analysis, std::string_view code, Severity severity) {
    return std::count_if(analysis.findings().begin(), analysis.findings().end(),
                         [&](const Finding& f) { return f.code == code && f.severity == severity; });
  };
  const auto with_defaults = Analysis::run(text, defaults);
  const auto with_settings = Analysis::run(text, settings);
  REQUIRE(count(*with_defaults, "length-outlier", Severity::Information) >= 3);
  REQUIRE(count(*with_defaults, "boundary-drift", Severity::Warning) >= 1);
  REQUIRE(count(*with_defaults, "number-mismatch", Severity::Information) >= 1);
  REQUIRE(count(*with_settings, "length-outlier", Severity::Error) >= 3);
  REQUIRE(count(*with_settings, "boundary-drift", Severity::Warning) == 0);
  // (run lists the findings it settles for the content state; run_once, which keeps none, only settles them)
  check_same_analysis(*Analysis::run_once(text, settings), *with_settings);
  const auto last = static_cast<std::uint32_t>(lines.size() - 1);
  std::vector<std::string> edited_lines = lines;
  edited_lines[last] += "字";  // far from every finding: they are all reused
  const std::string edited = join_lines(edited_lines);
  const std::vector<LineEdit> edits{{last, 1, 1}};
  for (const auto& [from, options] : {std::pair{with_settings, defaults}, std::pair{with_defaults, settings},
                                      std::pair{with_settings, settings}, std::pair{with_defaults, defaults}})
    check_same_analysis(*Analysis::run(edited, options), *Analysis::rerun(*from, edited, edits, options));
  for (const auto& [from, options] : {std::pair{with_settings, defaults}, std::pair{with_defaults, settings}})
    check_same_analysis(*Analysis::run(edited, options),
                        *Analysis::rerun(*from, std::make_shared<const std::string>(edited), edits, options,
                                         Analysis::PreviousWork::Release));
}

namespace {

bool same_turns(const SpeakerModel& a, const SpeakerModel& b) {
  if (a.turns.size() != b.turns.size() || a.labels.size() != b.labels.size()) return false;
  for (std::size_t i = 0; i < a.turns.size(); ++i)
    if (a.turns[i].speaker != b.turns[i].speaker || a.turns[i].first_pair != b.turns[i].first_pair ||
        a.turns[i].cue != b.turns[i].cue)
      return false;
  return true;
}

// Every version made by replacing one `from` byte with `to` (no offset moves)
// that changes the speaker model, rerun from the original: as run.
std::size_t check_same_length_edits(const std::string& text, char from, char to) {
  const CheckOptions options;
  const auto base = Analysis::run(text, options);
  std::size_t changed = 0;
  for (std::size_t at = text.find(from); at != std::string::npos && changed < 4; at = text.find(from, at + 1)) {
    std::string edited = text;
    edited[at] = to;
    const auto fresh = Analysis::run(edited, options);
    if (same_turns(fresh->transcript().speaker_model, base->transcript().speaker_model)) continue;
    ++changed;
    CAPTURE(at);
    const auto line = static_cast<std::uint32_t>(base->index().line_of(at));
    check_same_analysis(*fresh, *Analysis::rerun(*base, edited, {{line, 1, 1}}, options));
    check_same_analysis(*base, *Analysis::rerun(*fresh, text, {{line, 1, 1}}, options));
  }
  return changed;
}

}  // namespace

// Where an edit keeps every offset, positions alone cannot tell that a pair's
// cues or a side's label changed: the bytes must.
TEST_CASE("rerun after a byte replaced in place gives the speakers run gives") {
  SUBCASE("a question becomes a statement") {
    CHECK(check_same_length_edits(read_source_file("examples/unsupervised-learning-ep1.zh-en.txt"), '?', '.') > 0);
  }
  SUBCASE("a label's colon becomes a semicolon") {
    CHECK(check_same_length_edits(read_source_file("tests/fixtures/speakers/lines-colon.txt"), ':', ';') > 0);
  }
}

namespace {

// The whole speaker model as the user sees it: speakers, turns with their evidence, each pair's speaker.
bool same_speaker_model(const Analysis& a, const Analysis& b) {
  const SpeakerModel& x = a.transcript().speaker_model;
  const SpeakerModel& y = b.transcript().speaker_model;
  if (x.speakers.size() != y.speakers.size() || x.turns.size() != y.turns.size()) return false;
  for (std::size_t i = 0; i < x.speakers.size(); ++i)
    if (x.speakers[i].name != y.speakers[i].name || x.speakers[i].translation_spelling != y.speakers[i].translation_spelling)
      return false;
  for (std::size_t i = 0; i < x.turns.size(); ++i)
    if (x.turns[i].speaker != y.turns[i].speaker || x.turns[i].first_pair != y.turns[i].first_pair ||
        x.turns[i].last_pair != y.turns[i].last_pair || x.turns[i].cue != y.turns[i].cue ||
        x.turns[i].confidence != y.turns[i].confidence || x.turns[i].evidence != y.turns[i].evidence)
      return false;
  return true;
}

bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// The release build edits every line; under AddressSanitizer (five times
// slower: these edits were most of the sanitizer tests' time) every eighth,
// which shows a memory error as well as any other line's edit would.
constexpr std::size_t kInPairEditStride = bitext::test::kUnderAddressSanitizer ? 8 : 1;

// Edits of one line that keep its pair where it is and usually its cues:
// every one rerun from `base` must give what run gives. Returns how many
// changed the speaker model as run sees it (so that the edits test something).
template <class Edit>
std::size_t check_in_pair_edits(const std::string& text, const Edit& edit_line, std::size_t stride = kInPairEditStride) {
  const CheckOptions options;
  const auto base = Analysis::run(text, options);
  std::vector<std::string> lines = split_lines(text);
  std::size_t changed = 0;
  std::size_t editable = 0;
  for (std::size_t line = 0; line < lines.size(); ++line) {
    std::string edited_line = lines[line];
    if (!edit_line(edited_line) || editable++ % stride != 0) continue;
    std::vector<std::string> edited_lines = lines;
    edited_lines[line] = edited_line;
    const std::string edited = join_lines(edited_lines);
    CAPTURE(line);
    const auto fresh = Analysis::run(edited, options);
    const auto number = static_cast<std::uint32_t>(line);
    const auto incremental = Analysis::rerun(*base, edited, {{number, 1, 1}}, options);
    check_same_analysis(*fresh, *incremental);
    // And back: the edited version lends to the original.
    check_same_analysis(*base, *Analysis::rerun(*incremental, text, {{number, 1, 1}}, options));
    if (!same_speaker_model(*fresh, *base)) ++changed;
  }
  return changed;
}

}  // namespace

// A full run of a long document profiles its lines in two threads (from 2,048
// lines) and infers speakers while the content checks run (from 1,024 pairs,
// analysis.cpp); a rerun of it also infers speakers, and runs the structural
// checks, beside the content checks. Either way the analysis is the same, and
// so after edits.
TEST_CASE("a long document: run, with speakers inferred beside the content checks, is what rerun gives") {
  const std::string sample = read_source_file("examples/unsupervised-learning-ep1.zh-en.txt");
  const std::string text = tagged_copies(sample, 10);
  const CheckOptions options;
  const auto full = Analysis::run(text, options);
  REQUIRE(full->transcript().pairs.size() >= 1024);
  REQUIRE(full->index().line_count() >= 2048);
  CHECK(full->transcript().speaker_model.speakers.size() >= 2);
  // From an unrelated version: nearly nothing to recall.
  const auto from_other = Analysis::rerun(*Analysis::run(sample, options), text, {}, options);
  check_same_analysis(*full, *from_other);

  std::vector<std::string> lines = split_lines(text);
  Editor editor{std::mt19937(7), lines};
  auto current = full;
  for (int edit = 0; edit < 4; ++edit) {
    const std::vector<LineEdit> line_edits = editor.edit();
    const std::string edited = join_lines(lines);
    CAPTURE(edit);
    current = Analysis::rerun(*current, edited, line_edits, options);
    check_same_analysis(*Analysis::run(edited, options), *current);
  }
}

// The server reruns under a kept helper thread (lsp/analysis_worker.cpp), so
// that each edit allocates in the same two malloc arenas: a rerun of a long
// document, whose parts run beside each other, starts no thread and is exact.
TEST_CASE("a long document's reruns with a kept helper thread start no thread and give what run gives") {
  const std::string sample = read_source_file("examples/unsupervised-learning-ep1.zh-en.txt");
  const std::string text = tagged_copies(sample, 10);
  const CheckOptions options;
  const std::size_t before_run = detail::threads_started();
  auto current = Analysis::run(text, options);
  REQUIRE(current->transcript().pairs.size() >= 1024);
  CHECK(detail::threads_started() > before_run);  // a full run starts its threads
  HelperThread helper;
  std::vector<std::string> lines = split_lines(text);
  Editor editor{std::mt19937(5), lines};
  // (The server's worker consumes the version it reruns from: its transcript
  // is freed before the inference and the content checks run beside each other.)
  for (int edit = 0; edit < 4; ++edit) {
    const std::vector<LineEdit> line_edits = editor.edit();
    const std::string edited = join_lines(lines);
    CAPTURE(edit);
    const std::size_t before = detail::threads_started();
    const auto work = edit % 2 == 0 ? Analysis::PreviousWork::Release : Analysis::PreviousWork::Consume;
    {
      UseHelperThread use(helper);
      current = Analysis::rerun(*current, std::make_shared<const std::string>(edited), line_edits, options, work);
    }
    CHECK(detail::threads_started() == before);
    check_same_analysis(*Analysis::run(edited, options), *current);
  }
}

// run_once (bitext check) drops each part of the work kept for rerun as soon
// as its stage has used it, the speaker memo inside the inference's thread on
// a long document: the analysis is run's, and a rerun from it (which then
// reuses nothing) is still exact.
TEST_CASE("run_once, which keeps no work for rerun, gives what run gives") {
  const std::string sample = read_source_file("examples/unsupervised-learning-ep1.zh-en.txt");
  const CheckOptions options;
  for (const std::string& text : {sample, tagged_copies(sample, 10)}) {
    const auto once = Analysis::run_once(text, options);
    const auto full = Analysis::run(text, options);
    CHECK(full->transcript().speaker_model.speakers.size() >= 2);
    check_same_analysis(*full, *once);
    std::vector<std::string> lines = split_lines(text);
    Editor editor{std::mt19937(11), lines};
    const std::vector<LineEdit> line_edits = editor.edit();
    const std::string edited = join_lines(lines);
    check_same_analysis(*Analysis::run(edited, options), *Analysis::rerun(*once, edited, line_edits, options));
  }
}

// Inference's model is reused whole when every pair reads as before: these
// edits leave a pair's cues as they were but change what inference reads of
// its text besides them (a question's last words, which become the next
// turn's evidence; a participant named mid-sentence; a side emptied), so a
// reuse that compared cues alone would give a stale model.
TEST_CASE("rerun after edits that keep a pair's cues gives the speakers run gives") {
  const std::string sample = read_source_file("examples/unsupervised-learning-ep1.zh-en.txt");
  SUBCASE("a letter replaced near the end of a line (offsets and cues kept)") {
    const std::size_t changed = check_in_pair_edits(sample, [](std::string& line) {
      for (std::size_t back = 3; back < 40 && back < line.size(); ++back) {
        char& c = line[line.size() - back];
        if (!is_ascii_lower(c) || !is_ascii_lower(line[line.size() - back - 1])) continue;
        c = c == 'e' ? 'a' : 'e';
        return true;
      }
      return false;
    });
    CHECK(changed > 0);
  }
  SUBCASE("a participant's name typed inside a sentence") {
    const std::size_t changed = check_in_pair_edits(sample, [](std::string& line) {
      const std::size_t at = line.find(" the ");
      if (at == std::string::npos) return false;
      line.insert(at + 1, "Jacob and ");
      return true;
    });
    CHECK(changed > 0);
  }
  SUBCASE("another show: a letter replaced at the start of the last word") {
    const std::size_t changed =
        check_in_pair_edits(read_source_file("tests/fixtures/speakers/deep-currents.zh-en.txt"), [](std::string& line) {
          const std::size_t at = line.rfind(' ');
          if (at == std::string::npos || at + 2 >= line.size() || !is_ascii_lower(line[at + 1])) return false;
          line[at + 1] = line[at + 1] == 'e' ? 'a' : 'e';
          return true;
        });
    CHECK(changed > 0);
  }
}

TEST_CASE("rerun after a pair's side is emptied or refilled gives the speakers run gives") {
  const std::string sample = read_source_file("examples/unsupervised-learning-ep1.zh-en.txt");
  const std::size_t changed = check_in_pair_edits(sample, [](std::string& line) {
    if (line.empty() || (static_cast<unsigned char>(line[0]) & 0x80) == 0) return false;  // Chinese lines
    line = "。";
    return true;
  });
  CHECK(changed > 0);
}

// The cast is reused while only the decode's wording changes; a welcome is
// the cast's too: "Tom, ... Thanks for coming on." early in a show makes Tom
// a guest, "Thanks for coming in." does not. (A reuse that let the cast
// stand whatever a pair's welcome says gives a stale cast here.)
TEST_CASE("rerun after a welcome is typed or removed gives the cast run gives") {
  const std::string show =
      "欢迎收听本期节目。我是达娜。\n"
      "Welcome, everyone. I'm Dana.\n"
      "汤姆，很高兴见到你。谢谢你来。\n"
      "Tom, great to see you. Thanks for coming on.\n"
      "谢谢邀请，很高兴来到这里。\n"
      "Thanks for having me, glad to be here.\n"
      "那我们开始吧。你最近在做什么？\n"
      "So let's start. What have you been working on lately?\n"
      "我一直在做一个关于海洋的项目。我们测量了很多东西。\n"
      "I have been working on a project about the ocean. We measured a lot of things.\n"
      "听起来很有意思。你们发现了什么？\n"
      "That sounds fascinating. What did you find?\n"
      "我们发现水温在上升。这很令人担忧。\n"
      "We found that the water is warming. That is worrying.\n"
      "谢谢你，今天就到这里。\n"
      "Thank you, that is all for today.\n";
  const std::size_t changed = check_in_pair_edits(show, [](std::string& line) {
    const std::size_t at = line.find("coming on.");
    if (at == std::string::npos) return false;
    line.replace(at, 10, "coming in.");
    return true;
  });
  CHECK(changed > 0);
}

// The decode reads a greeting too: the one who greets a guest by name ("Inês,
// welcome.") leans to a host. Typing or removing the greeting must give what
// run gives (the wording is compared whole, so the decode runs again).
TEST_CASE("rerun after a guest's greeting is typed or removed gives the speakers run gives") {
  const std::string show =
      "欢迎收听《三角洲》，一档关于河流和绘制河流地图的人的节目。我是主持人奥拉·伯格。\n"
      "Hello and welcome to Delta, a show about rivers and the people who map them. I'm your host, Ola Berg.\n"
      "今天有两位嘉宾和我一起。\n"
      "Today I have two guests with me.\n"
      "第一位是测量师伊内丝·杜阿尔特，她在葡萄牙绘制河流地图。伊内丝，欢迎你。\n"
      "The first is the surveyor Inês Duarte, who maps rivers in Portugal. Inês, welcome.\n"
      "谢谢你，奥拉。很高兴来到这里。\n"
      "Thank you, Ola. Glad to be here.\n"
      "伊内丝，河流变化得有多快？\n"
      "Inês, how fast are the rivers changing?\n"
      "比地图快。有些河岸一年移动一米。\n"
      "Faster than the maps. Some banks move a meter a year.\n";
  const std::size_t changed = check_in_pair_edits(show, [](std::string& line) {
    const std::size_t at = line.find("Inês, welcome.");
    if (at == std::string::npos) return false;
    line.replace(at, 14, "Inês, right.");
    return true;
  });
  CHECK(changed > 0);
}

// A word typed or a question's mark changed keeps the cast but not what the
// decode reads: the decode runs again from the pair's step until it rejoins
// the previous version's path, and the turns are made again around the pairs
// whose speaker or cue may change; the rest is the previous version's.
// (Every fourth line, every sixteenth under AddressSanitizer: the random
// edits of this file's other tests rerun the decode too.)
TEST_CASE("rerun after edits that change what the decode reads gives the speakers run gives") {
  constexpr std::size_t kStride = kInPairEditStride * 4;
  const std::string sample = read_source_file("examples/unsupervised-learning-ep1.zh-en.txt");
  SUBCASE("a word typed into a line (the pair's length)") {
    check_in_pair_edits(sample, [](std::string& line) {
      const std::size_t at = line.find(' ');
      if (at == std::string::npos) return false;
      line.insert(at, " really");
      return true;
    }, kStride);
  }
  SUBCASE("a question's mark removed or a statement asked") {
    const std::size_t changed = check_in_pair_edits(sample, [](std::string& line) {
      if (line.empty()) return false;
      if (line.back() == '?') line.back() = '.';
      else if (line.back() == '.') line.back() = '?';
      else return false;
      return true;
    }, kStride);
    CHECK(changed > 0);
  }
}

// On a long document the decode again stops long before the end; typing and
// deleting in the middle, as in the editor, and a question asked there.
TEST_CASE("a long document: edits in the middle that the decode reads, rerun as run") {
  const std::string text = tagged_copies(read_source_file("examples/unsupervised-learning-ep1.zh-en.txt"), 10);
  const CheckOptions options;
  auto current = Analysis::run(text, options);
  std::vector<std::string> lines = split_lines(text);
  const std::size_t middle = lines.size() / 2 + 1;
  const std::size_t question = lines.size() / 3 * 2;
  struct Step {
    std::size_t line;
    std::string line_text;
  };
  const std::string with_question = lines[question].substr(0, lines[question].rfind('.')) + "?";
  const std::vector<Step> steps = {{middle, "字" + lines[middle]}, {middle, lines[middle]},
                                   {middle + 1, lines[middle + 1] + " yes"}, {question, with_question},
                                   {question, lines[question]}};
  // Under AddressSanitizer the first two (a character typed and deleted).
  const std::size_t count = bitext::test::kUnderAddressSanitizer ? 2 : steps.size();
  for (std::size_t s = 0; s < count; ++s) {
    const Step& step = steps[s];
    lines[step.line] = step.line_text;
    const std::string edited = join_lines(lines);
    CAPTURE(step.line);
    current = Analysis::rerun(*current, edited, {{static_cast<std::uint32_t>(step.line), 1, 1}}, options);
    check_same_analysis(*Analysis::run(edited, options), *current);
  }
}

// The server compares the published version with the new one; when the new one
// was rerun from it, the rerun's comparison is the answer (kept, not redone).
TEST_CASE("a version tells the bytes it shares with the one it was rerun from, and with any other") {
  const std::string text = read_source_file("examples/unsupervised-learning-ep1.zh-en.txt");
  const CheckOptions options;
  const auto first = Analysis::run(text, options);
  const std::size_t at = text.find('\n') + 1;  // the second line's start
  std::string typed = text;
  REQUIRE(text[at - 1] == '\n');
  REQUIRE(text[at] != 'x');  // so the typed byte is exactly what differs
  typed.insert(at, "x");
  const auto second = Analysis::rerun(*first, typed, {}, options);
  const auto third = Analysis::rerun(*second, text, {}, options);  // "x" deleted again
  const auto same_text = Analysis::run(second->text_ptr(), options);

  auto check_ends = [](const CommonEnds& ends, std::size_t prefix, std::size_t suffix, std::size_t old_size,
                       std::size_t new_size) {
    CHECK(ends.prefix == prefix);
    CHECK(ends.suffix == suffix);
    CHECK(ends.old_size == old_size);
    CHECK(ends.new_size == new_size);
  };
  check_ends(second->common_ends_with(*first), at, text.size() - at, text.size(), text.size() + 1);
  check_ends(third->common_ends_with(*second), at, text.size() - at, text.size() + 1, text.size());
  // Not the version it was rerun from: compared.
  check_ends(third->common_ends_with(*first), text.size(), 0, text.size(), text.size());
  check_ends(first->common_ends_with(*third), text.size(), 0, text.size(), text.size());
  check_ends(second->common_ends_with(*third), at, text.size() - at, text.size(), text.size() + 1);
  // A version of the same text buffer is the same text.
  check_ends(third->common_ends_with(*same_text), at, text.size() - at, text.size() + 1, text.size());
}

// Layout detection reads only the text's start and the options: a rerun takes
// the previous version's answer only when both are the same.
TEST_CASE("rerun detects the layout as run does when the options or the text's start change") {
  const std::string subtitles = read_source_file("tests/fixtures/layouts/clean.srt");
  const std::string lines = read_source_file("examples/unsupervised-learning-ep1.zh-en.txt");
  CheckOptions as_lines;
  as_lines.layout = Layout::Lines;
  const CheckOptions detected;
  const auto forced = Analysis::run(subtitles, as_lines);
  CHECK(forced->transcript().layout == Layout::Lines);
  const auto rerun_detected = Analysis::rerun(*forced, subtitles + "\n", {}, detected);
  CHECK(rerun_detected->transcript().layout == Layout::Srt);
  check_same_analysis(*Analysis::run(subtitles + "\n", detected), *rerun_detected);

  const auto plain = Analysis::run(lines, detected);
  CHECK(plain->transcript().layout == Layout::Lines);
  const auto headed = Analysis::rerun(*plain, "WEBVTT\n\n" + lines, {}, detected);
  CHECK(headed->transcript().layout == Layout::Vtt);
  check_same_analysis(*Analysis::run("WEBVTT\n\n" + lines, detected), *headed);
  const auto typed = Analysis::rerun(*plain, lines + "x", {}, detected);
  CHECK(typed->transcript().layout == Layout::Lines);
  check_same_analysis(*Analysis::run(lines + "x", detected), *typed);
}
