// The drift search's bounds (content_alternatives.cpp): a cut they drop
// before comparing its numbers and tokens is one the full comparison drops
// too, so the bounded search finds exactly the alternatives of the full one.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bitext/lexicon.hpp"
#include "bitext/options.hpp"
#include "bitext/pairing.hpp"
#include "bitext/pairing_cost.hpp"
#include "bitext/text.hpp"
#include "core/content_stages.hpp"
#include "support/built_dictionary.hpp"
#include "support/calibration_pairs.hpp"
#include "support/text_files.hpp"

using namespace bitext;
using namespace bitext::content;
using bitext::test_support::built_dictionary;
using bitext::test_support::join_lines;
using bitext::test_support::read_source_file;
using bitext::test_support::split_lines;

namespace {

// A document's pair table as the content run builds it (every pair's features,
// checks and cost as given), for stage 2 alone.
struct Document {
  std::string text;
  LineIndex index;
  Transcript transcript;
  PairTable table;
};

std::unique_ptr<Document> document_of(std::string text, const Lexicon* lexicon) {
  auto doc = std::make_unique<Document>();
  doc->text = std::move(text);
  doc->index = LineIndex(doc->text);
  doc->transcript = parse_transcript(doc->index, CheckOptions{});
  PairTable& table = doc->table;
  table.transcript = &doc->transcript;
  table.index = &doc->index;
  table.lexicon = lexicon;
  const std::size_t n = doc->transcript.pairs.size();
  table.lines.assign(n, {});
  table.features.resize(2 * n);
  table.cost.assign(n, 0.0);
  table.lexical.assign(n, 0.0);
  table.checks.assign(n, {});
  table.original_words.assign(n, {});
  table.mismatches.assign(n, &no_mismatches());
  std::vector<LineSummary> translations, originals;
  for (std::size_t p = 0; p < n; ++p) {
    const Pair& pair = doc->transcript.pairs[p];
    if (pair.translation.size() != 1 || pair.original.size() != 1) continue;
    PairLines& lines = table.lines[p];
    lines.translation_line = pair.translation[0];
    lines.original_line = pair.original[0];
    if (table.line_text(lines.translation_line).empty() || table.line_text(lines.original_line).empty()) continue;
    lines.valid = true;
    for (const bool translation : {true, false})
      table.features[2 * p + (translation ? 0 : 1)] =
          std::make_unique<const LineFeatures>(line_features(table.side_text(p, translation)));
    translations.push_back(summary_of(table.side(p, true)));
    originals.push_back(summary_of(table.side(p, false)));
  }
  table.fits = fit_document(translations, originals, doc->transcript.translation_script,
                            doc->transcript.original_script);
  for (std::size_t p = 0; p < n; ++p) {
    if (!table.valid(p)) continue;
    const LineFeatures &t = table.side(p, true), &o = table.side(p, false);
    table.checks[p] = check_pair(t, o, table.side_text(p, true), table.side_text(p, false)).lexical;
    table.lexical[p] = lexical_cost(table.checks[p]);
    table.cost[p] = shape_cost(summary_of(t), summary_of(o), table.fits) + table.lexical[p];
  }
  return doc;
}

// The corpus's transcripts as they are and with text drifted: every third
// pair's last sentence moved to the start of the next pair's line (English
// and Chinese in turn), and one line dropped (every later pair shifted).
// The first 800 pairs of the calibration's tuning split (technical text:
// numbers, commands, names) make a fourth transcript.
std::vector<std::string> documents() {
  std::string calibration;
  const auto pairs = test_support::read_calibration_pairs(std::string(BITEXT_SOURCE_DIR) +
                                                          "/data/calibration/debian-docs.zh-en.tsv");
  for (std::size_t i = 0; i < pairs.size() && i < 800; ++i) calibration += pairs[i].zh + "\n" + pairs[i].en + "\n";
  std::vector<std::string> out;
  for (const std::string& clean : {read_source_file("tests/eval/corpus/interview-garden.zh-en.txt"),
                                   read_source_file("tests/eval/corpus/talk-databases.zh-en.txt"),
                                   read_source_file("tests/eval/corpus/subtitles-kitchen.zh-en.txt"), calibration}) {
    out.push_back(clean);
    std::vector<std::string> lines = split_lines(clean);
    for (std::size_t i = 0; i + 2 < lines.size(); i += 3) {
      std::string& line = lines[i];
      const std::size_t english = line.rfind(". ", line.size() - 2);
      const std::size_t chinese = line.rfind("。", line.size() - 4);
      const std::size_t at = english != std::string::npos ? english + 2
                             : chinese != std::string::npos ? chinese + 3 : std::string::npos;
      if (at == std::string::npos || at >= line.size()) continue;
      lines[i + 2] = line.substr(at) + (english != std::string::npos ? " " : "") + lines[i + 2];
      line.resize(english != std::string::npos ? english + 1 : at);
    }
    out.push_back(join_lines(lines));
    lines.erase(lines.begin() + std::ptrdiff_t(lines.size() / 2));
    out.push_back(join_lines(lines));
  }
  return out;
}

// Every anchor's alternatives, bounded and full; how many drifts they hold.
std::size_t compare_searches(const Lexicon* lexicon) {
  std::size_t drifts = 0;
  for (const std::string& text : documents()) {
    const auto doc = document_of(text, lexicon);
    for (std::size_t anchor = 0; anchor < doc->table.size(); ++anchor) {
      const std::vector<Alternative> bounded = alternatives_at(doc->table, anchor, DriftSearch::Bounded);
      const std::vector<Alternative> full = alternatives_at(doc->table, anchor, DriftSearch::Full);
      CHECK(bounded == full);
      for (const Alternative& alternative : full) drifts += alternative.type == MoveType::Drift;
    }
  }
  return drifts;
}

}  // namespace

TEST_CASE("the bounded drift search finds exactly the full search's alternatives") {
  const std::size_t drifts = compare_searches(nullptr);
  CHECK(drifts > 20);
}

TEST_CASE("the bounded drift search finds exactly the full search's alternatives, with the dictionary") {
  const Lexicon* lexicon = built_dictionary();
  if (!lexicon) {
    MESSAGE("no cedict.lex next to the bitext binary (scripts/fetch-cedict.sh): skipped");
    return;
  }
  const std::size_t drifts = compare_searches(lexicon);
  CHECK(drifts > 20);
}

// The original of pair 4 ends with the sentence whose translation begins pair
// 5's: a drift, and its move back is offered. With pair 4's translation cut
// inside a token its original has whole ("…http://archive.example." of
// "…http://archive.example.org/."), the same move leaves that translation cut:
// a truncation, so no move of pair 4's original text is offered (trunc18).
TEST_CASE("a translation cut inside its original's token gets no drift of the original's text") {
  std::vector<std::string> lines = {
      "今天天气很好。", "The weather is nice today.", "我们去公园散步吧。", "Let's go for a walk in the park.",
      "这家餐厅的菜很好吃。", "The food at this restaurant is delicious.",
      "所有旧版本都可以在 http://archive.example.org/ 找到。",
      "All old versions of the packages are available at http://archive.example.org/. The version number is "
      "dropped to make the backport of the package easier.",
      "版本号被去掉了，以使软件包的 backport 更为容易。请把窗户打开。", "Please open the window.",
      "我明天要去北京出差。", "I am going to Beijing on business tomorrow.", "他昨天买了一本新书。",
      "He bought a new book yesterday."};
  auto original_drifts = [](const std::string& text) {
    const auto doc = document_of(text, nullptr);
    REQUIRE(doc->table.size() == 7);
    std::size_t found = 0;
    for (const Alternative& alternative : alternatives_at(doc->table, 3, DriftSearch::Full))
      found += alternative.type == MoveType::Drift && !alternative.translation_side;
    return found;
  };
  CHECK(original_drifts(join_lines(lines)) > 0);
  lines[6] = "所有旧版本都可以在 http://archive.example.";
  CHECK(original_drifts(join_lines(lines)) == 0);
}
