// Speaker labels: the label forms read at the start of a side or on a line of
// their own, name-likeness, and the speaker model of labelled fixtures in
// every layout (exact speaker per pair, turns, label byte ranges), each also
// with CRLF line ends and a byte order mark.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/detection.hpp"
#include "bitext/pairing.hpp"
#include "bitext/speaker_labels.hpp"
#include "support/text_files.hpp"


using namespace bitext;
using bitext::test_support::read_source_file;
using bitext::test_support::split_lines;
using bitext::test_support::join_lines;

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& values) {
    std::string out = "{";
    for (const std::string& value : values) out += "\"" + value + "\" ";
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace {

std::string with_crlf_and_bom(const std::string& text) {
  std::string out = "\xEF\xBB\xBF";
  for (const char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::shared_ptr<const Analysis> analyse(std::string text, const std::string& name) {
  CheckOptions options;
  options.document_name = name;
  return Analysis::run(std::move(text), options);
}

// The speaker of every pair ("" when unknown).
std::vector<std::string> speakers_of(const Transcript& transcript) {
  std::vector<std::string> names;
  for (const Pair& pair : transcript.pairs) names.push_back(pair.speaker);
  return names;
}

// "first-last:speaker" of every turn.
std::vector<std::string> turns_of(const Transcript& transcript) {
  std::vector<std::string> turns;
  const SpeakerModel& model = transcript.speaker_model;
  for (const SpeakerTurn& turn : model.turns)
    turns.push_back(std::to_string(turn.first_pair + 1) + "-" + std::to_string(turn.last_pair + 1) + ":" +
                    model.speakers[static_cast<std::size_t>(turn.speaker)].name);
  return turns;
}

// "line:label|name" of every label (1-based line, the label's bytes as written).
std::vector<std::string> labels_of(const Transcript& transcript, std::string_view text) {
  std::vector<std::string> labels;
  for (const SpeakerLabel& label : transcript.speaker_model.labels)
    labels.push_back(std::to_string(label.line + 1) + ":" +
                     std::string(text.substr(label.begin, label.end - label.begin)) + "|" +
                     std::string(text.substr(label.name_begin, label.name_end - label.name_begin)));
  return labels;
}

}  // namespace

TEST_CASE("read_label: forms and their byte ranges") {
  struct Case {
    std::string_view text;
    Layout layout;
    std::string_view label;  // "" when none
    std::string_view name;
    LabelForm form;
  };
  const Case cases[] = {
      {"Mara: hello", Layout::Lines, "Mara: ", "Mara", LabelForm::Colon},
      {"玛拉：你好", Layout::Lines, "玛拉：", "玛拉", LabelForm::Colon},
      {"Mara Lee:  hello", Layout::Lines, "Mara Lee:  ", "Mara Lee", LabelForm::Colon},
      {"**Mara:** hello", Layout::Markdown, "**Mara:** ", "Mara", LabelForm::Bold},
      {"**玛拉：**你好", Layout::Markdown, "**玛拉：**", "玛拉", LabelForm::Bold},
      {"**Mara**: hello", Layout::Markdown, "**Mara**: ", "Mara", LabelForm::Bold},
      {"### Mara:", Layout::Markdown, "### Mara:", "Mara", LabelForm::Heading},
      {"[Mara] hello", Layout::Lines, "[Mara] ", "Mara", LabelForm::Bracket},
      {"Mara (00:01:02): hello", Layout::Lines, "Mara (00:01:02): ", "Mara", LabelForm::Timestamped},
      {"(00:01:02): hello", Layout::Lines, "(00:01:02): ", "", LabelForm::Timestamped},
      {"[00:01:02] Mara: hello", Layout::Lines, "[00:01:02] Mara: ", "Mara", LabelForm::Timestamped},
      {"Mara Lee  0:02", Layout::Lines, "Mara Lee  0:02", "Mara Lee", LabelForm::Otter},
      {"Speaker 1: hello", Layout::Lines, "Speaker 1: ", "Speaker 1", LabelForm::Colon},
      {"SPEAKER_00: hello", Layout::Lines, "SPEAKER_00: ", "SPEAKER_00", LabelForm::Colon},
      {"Speaker A: hello", Layout::Lines, "Speaker A: ", "Speaker A", LabelForm::Colon},
      {"<v Mara Lee>hello", Layout::Vtt, "<v Mara Lee>", "Mara Lee", LabelForm::Voice},
      {"<v.loud Carlos Far&#237;as>hola</v>", Layout::Vtt, "<v.loud Carlos Far&#237;as>", "Carlos Far&#237;as",
       LabelForm::Voice},
      {">> hello", Layout::Srt, ">> ", "", LabelForm::Chevron},
      {"- hello", Layout::Srt, "- ", "", LabelForm::Dash},
      {"  Mara: hello", Layout::Lines, "Mara: ", "Mara", LabelForm::Colon},
      {"\xEF\xBB\xBFMara: hello", Layout::Lines, "Mara: ", "Mara", LabelForm::Colon},
      // Not labels.
      {"Note: the mic was off", Layout::Lines, "", "", LabelForm::Colon},
      {"Step 1: install it", Layout::Lines, "", "", LabelForm::Colon},
      {"https://example.org/x", Layout::Lines, "", "", LabelForm::Colon},
      {"10:30 is the time", Layout::Lines, "", "", LabelForm::Colon},
      {"The answer is Q: maybe", Layout::Lines, "", "", LabelForm::Colon},
      {"Source: a blog", Layout::Lines, "", "", LabelForm::Colon},
      {"Author: someone", Layout::Lines, "", "", LabelForm::Colon},
      {"But here's the thing: no", Layout::Lines, "", "", LabelForm::Colon},
      {"我想说的是：没有", Layout::Lines, "", "", LabelForm::Colon},
      {"- a list item", Layout::Lines, "", "", LabelForm::Colon},
      {"[a link](https://example.org) text", Layout::Markdown, "", "", LabelForm::Colon},
      {"Mara:hello", Layout::Lines, "", "", LabelForm::Colon},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const std::optional<LabelMatch> match = read_label(c.text, c.layout);
    if (c.label.empty()) {
      CHECK_FALSE(match.has_value());
      continue;
    }
    REQUIRE(match.has_value());
    CHECK(c.text.substr(match->begin, match->end - match->begin) == c.label);
    CHECK(c.text.substr(match->name_begin, match->name_end - match->name_begin) == c.name);
    CHECK(match->form == c.form);
  }
}

TEST_CASE("read_label: a name is read up to its longest (80 bytes) before a colon or an Otter time, and not past a line end") {
  const std::string name80 = "Abcdefghijklmnop Abcdefghijklmno Abcdefghijklmno Abcdefghijklmno Abcdefghijklmno";
  const std::string name81 = "A" + name80;
  REQUIRE(name80.size() == 80);
  struct Case {
    std::string text;
    std::string_view label;  // "" when none
    LabelForm form;
  };
  const Case cases[] = {
      {name80 + ": hello", ": ", LabelForm::Colon},
      {name81 + ": hello", "", LabelForm::Colon},
      {name80 + "\xEF\xBC\x9A\xE4\xBD\xA0", "\xEF\xBC\x9A", LabelForm::Colon},  // full-width colon
      {name81 + "\xEF\xBC\x9A\xE4\xBD\xA0", "", LabelForm::Colon},
      {name80 + "  0:02", "  0:02", LabelForm::Otter},
      {name81 + "  0:02", "", LabelForm::Otter},
      {"Mara Lee  0:02\r", "  0:02", LabelForm::Otter},
      {"Mara Lee\r  0:02", "", LabelForm::Otter},
      {"Mara Lee\n  0:02", "", LabelForm::Otter},
      {"Mara\r: hello", "", LabelForm::Colon},
      {"Mara Lee: \r\n", ": ", LabelForm::Colon},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const std::optional<LabelMatch> match = read_label(c.text, Layout::Lines);
    if (c.label.empty()) {
      CHECK_FALSE(match.has_value());
      continue;
    }
    REQUIRE(match.has_value());
    CHECK(match->begin == 0);
    CHECK(std::string_view(c.text).substr(match->name_end, match->end - match->name_end) == c.label);
    CHECK(match->form == c.form);
  }
}

TEST_CASE("name_like: names and diarization tags, not clauses or headers") {
  for (const std::string_view name : {"Mara", "Mara Lee", "Dr. Lee", "Jean-Luc Picard", "O'Neil", "Q", "玛拉",
                                      "玛拉·李", "Speaker 2", "SPEAKER_01", "Ludwig van Beethoven", "CDR"})
    CHECK_MESSAGE(name_like(name), name);
  for (const std::string_view name : {"", "Note", "Step 1", "the host", "Mara, Lee", "One Two Three Four Five Six",
                                      "我认为", "他说", "Chapter", "来源", "一二三四五六七八九十一二三", "Break"})
    CHECK_FALSE_MESSAGE(name_like(name), name);
  CHECK(spelling_key("MARA  Lee") == spelling_key("mara lee"));
  CHECK(written_name("Carlos Far&#237;as") == "Carlos Far\u00EDas");
  CHECK(written_name("Tom &amp;  Jerry") == "Tom & Jerry");
  CHECK(written_name("&#xD800;x") == "&#xD800;x");  // a surrogate is no character: kept as written
  for (const std::string_view name : {"第一步", "十点半", "三月"}) CHECK_FALSE_MESSAGE(name_like(name), name);
}

TEST_CASE("line layout: labels on both sides, merged spellings, turns and continued pairs") {
  const std::string plain = read_source_file("tests/fixtures/speakers/lines-colon.txt");
  for (const std::string& text : {plain, with_crlf_and_bom(plain)}) {
    const bool rough = text != plain;
    CAPTURE(rough);
    const auto analysis = analyse(text, "talk.txt");
    const Transcript& transcript = analysis->transcript();
    REQUIRE(transcript.pairs.size() == 6);
    CHECK(speakers_of(transcript) == std::vector<std::string>{"Mara", "Ken", "Ken", "Mara", "Ken", "Ken"});
    CHECK(turns_of(transcript) == std::vector<std::string>{"1-1:Mara", "2-3:Ken", "4-4:Mara", "5-6:Ken"});
    const SpeakerModel& model = transcript.speaker_model;
    REQUIRE(model.speakers.size() == 2);
    CHECK(model.speakers[0].original_spelling == "Mara");
    CHECK(model.speakers[0].translation_spelling == "玛拉");
    CHECK(model.speakers[1].translation_spelling == "肯");
    CHECK(model.speakers[0].labels == 4);
    CHECK(transcript.pairs[2].speaker_index == 1);
    CHECK(labels_of(transcript, text) ==
          std::vector<std::string>{"1:玛拉：|玛拉", "2:Mara: |Mara", "3:肯：|肯", "4:Ken: |Ken", "7:玛拉：|玛拉",
                                   "8:Mara: |Mara", "9:肯：|肯", "10:Ken: |Ken"});
    // The first label starts after the byte order mark.
    CHECK(model.labels[0].begin == (rough ? 3u : 0u));
    CHECK(model.labels[1].side == LabelSide::Original);
    CHECK(model.labels[0].side == LabelSide::Translation);
    CHECK(model.labels[0].pair == 0);
    CHECK(model.labels[7].pair == 4);
    CHECK(model.labelled());
    REQUIRE(model.turns.size() == 4);
    CHECK(model.turns[1].evidence == "Ken:");
    CHECK(model.turns[1].cue == SpeakerCue::Label);
    CHECK(model.turns[1].confidence == 1.0F);
    CHECK_FALSE(model.turns[1].inferred);
  }
}

TEST_CASE("a speaker written two ways on a side is spelled the way written most, the first in order on a tie") {
  const std::string tie = "玛拉：你好。\nMARA: Hello.\n肯：谢谢。\nKen: Thanks.\n玛拉：再见。\nMara: Bye.\n";
  const std::string most = tie + "玛拉：好的。\nMara: Fine.\n";
  for (const auto& [document, expected] : {std::pair{tie, "MARA"}, std::pair{most, "Mara"}}) {
    const std::string& text = document;  // (a lambda may not name a structured binding: clang 14)
    const std::string spelling = expected;
    CAPTURE(text);
    const auto analysis = analyse(text, "talk.txt");
    const SpeakerModel& model = analysis->transcript().speaker_model;
    REQUIRE(model.speakers.size() == 2);
    CHECK(model.speakers[0].original_spelling == spelling);
    CHECK(model.speakers[0].name == spelling);
    CHECK(model.speakers[0].translation_spelling == "玛拉");
    CHECK(model.speakers[0].labels == (text == tie ? 4 : 6));
  }
}

TEST_CASE("line layout: labels on the translation side only name the speakers in its spelling") {
  const std::string text = read_source_file("tests/fixtures/speakers/lines-translation-only.txt");
  const auto analysis = analyse(text, "talk.txt");
  const Transcript& transcript = analysis->transcript();
  CHECK(speakers_of(transcript) == std::vector<std::string>{"玛拉", "肯", "肯", "玛拉"});
  REQUIRE(transcript.speaker_model.speakers.size() == 2);
  CHECK(transcript.speaker_model.speakers[0].original_spelling.empty());
  CHECK(transcript.speaker_model.speakers[0].translation_spelling == "玛拉");
}

TEST_CASE("parse_transcript fills the speaker model too") {
  const std::string text = read_source_file("tests/fixtures/speakers/lines-colon.txt");
  const LineIndex index(text);
  const Transcript transcript = parse_transcript(index, CheckOptions{});
  CHECK(speakers_of(transcript) == std::vector<std::string>{"Mara", "Ken", "Ken", "Mara", "Ken", "Ken"});
}

TEST_CASE("an unlabelled document reads no labels (its speakers are inferred); a lone 'Name:' is not a label") {
  const std::string text =
      "我们今天聊聊开源。\nToday we talk about open source.\n注意：录音有杂音。\nNote: the recording is noisy.\n"
      "最后一句。\nOne last line.\n";
  const auto analysis = analyse(text, "talk.txt");
  CHECK_FALSE(analysis->transcript().speaker_model.labelled());
  CHECK(analysis->transcript().speaker_model.labels.empty());
  for (const Speaker& speaker : analysis->transcript().speaker_model.speakers) CHECK(speaker.inferred);
  // "Note" is no speaker's name, inferred or not.
  for (const std::string& name : speakers_of(analysis->transcript())) CHECK(name != "Note");
  // Once, and not a stop word: still not a label in a document that labels nothing else.
  const std::string once = "玛拉：你好。\nMara: Hello.\n今天聊聊开源。\nToday we talk about open source.\n";
  CHECK_FALSE(analyse(once, "talk.txt")->transcript().speaker_model.labelled());
}

namespace {

struct FixtureCase {
  const char* file;
  Layout layout;
  std::vector<std::string> speakers;  // per pair
  std::vector<std::string> labels;    // "line:label|name"
};

}  // namespace

TEST_CASE("fixtures in every label form and layout, also with CRLF and a BOM: exact speakers and labels") {
  const FixtureCase cases[] = {
      {"lines-otter.txt", Layout::Lines, {"Mara Lee", "Mara Lee", "Ken Ito", "Mara Lee"},
       {"1:Mara Lee  0:02|Mara Lee", "6:Ken Ito  0:15|Ken Ito", "9:Mara Lee  0:31|Mara Lee"}},
      {"lines-rev.txt", Layout::Lines, {"Mara", "Ken", "Ken", "Mara"},
       {"2:Mara (00:00:02): |Mara", "4:Ken (00:00:10): |Ken", "6:(00:00:15): |", "8:Mara (00:00:21): |Mara"}},
      {"lines-bracket.txt", Layout::Lines, {"Mara", "Ken", "Ken", "Mara"},
       {"1:[玛拉] |玛拉", "2:[Mara] |Mara", "3:[肯] |肯", "4:[Ken] |Ken", "7:[玛拉] |玛拉", "8:[Mara] |Mara"}},
      {"lines-timestamped.txt", Layout::Lines, {"Speaker 1", "Speaker 2", "Speaker 2", "Speaker 1"},
       {"1:[00:00:02] 说话人1：|说话人1", "2:[00:00:02] Speaker 1: |Speaker 1", "3:[00:00:10] 说话人2：|说话人2",
        "4:[00:00:10] Speaker 2: |Speaker 2", "7:[00:00:21] 说话人1：|说话人1", "8:[00:00:21] Speaker 1: |Speaker 1"}},
      {"lines-diarization.txt", Layout::Lines, {"SPEAKER_00", "SPEAKER_01", "Speaker A", "SPEAKER_00"},
       {"2:SPEAKER_00: |SPEAKER_00", "4:SPEAKER_01: |SPEAKER_01", "6:Speaker A: |Speaker A",
        "8:SPEAKER_00: |SPEAKER_00"}},
      {"paragraphs-otter.txt", Layout::Paragraphs, {"Mara Lee", "Ken Ito", "Ken Ito"},
       {"1:Mara Lee  0:02|Mara Lee", "8:Ken Ito  0:15|Ken Ito"}},
      {"markdown-labels.md", Layout::Markdown, {"Mara Lee", "Ken Ito", "Ken Ito", "Mara Lee"},
       {"3:**Mara Lee:** |Mara Lee", "5:**玛拉：**|玛拉", "8:**Ken Ito:** |Ken Ito", "10:**肯：** |肯",
        "16:### Mara Lee:|Mara Lee"}},
      {"subtitles-labels.srt", Layout::Srt, {"Mara", "Ken", "Ken", "", ""},
       {"3:Mara: |Mara", "4:玛拉：|玛拉", "8:Ken: |Ken", "9:肯：|肯", "18:>> |", "19:>> |", "23:- |", "24:- |", "25:- |", "26:- |"}},
      {"subtitles-voices.vtt", Layout::Vtt, {"Mara Lee", "Ken Ito", "Ken Ito"},
       {"4:<v Mara Lee>|Mara Lee", "5:<v Mara Lee>|Mara Lee", "8:<v Ken Ito>|Ken Ito", "9:<v Ken Ito>|Ken Ito"}},
  };
  for (const FixtureCase& c : cases) {
    const std::string plain = read_source_file(std::string("tests/fixtures/speakers/") + c.file);
    for (const std::string& text : {plain, with_crlf_and_bom(plain)}) {
      const bool rough = text != plain;
      const std::string file = c.file;
      CAPTURE(file);
      CAPTURE(rough);
      const auto analysis = analyse(text, c.file);
      const Transcript& transcript = analysis->transcript();
      CHECK(transcript.layout == c.layout);
      CHECK(speakers_of(transcript) == c.speakers);
      CHECK(labels_of(transcript, text) == c.labels);
      // Every label's line is the document line it starts on.
      for (const SpeakerLabel& label : transcript.speaker_model.labels)
        CHECK(analysis->index().line_of(label.begin) == label.line);
      // No speaker check fires on a consistent document.
      for (const Finding& finding : analysis->findings()) CHECK(finding.code.rfind("speaker-", 0) != 0);
    }
  }
}

namespace {

std::vector<const Finding*> with_code(const Analysis& analysis, std::string_view code) {
  std::vector<const Finding*> found;
  for (const Finding& finding : analysis.findings())
    if (finding.code == code) found.push_back(&finding);
  return found;
}

}  // namespace

TEST_CASE("labels are not content: no number, token or length finding comes from a label") {
  // "Speaker 2" carries a number and a Latin name the Chinese side does not have.
  const std::string text =
      "主持人：今天我们聊聊城市里的屋顶农场。\nSpeaker 2: Today we talk about rooftop farms in the city.\n"
      "主持人：它们每年能产出很多蔬菜。\nSpeaker 2: They grow a lot of vegetables every year.\n"
      "玛拉：我去过其中一个农场。\nMara Lee: I have visited one of those farms.\n"
      "玛拉：那里的番茄非常好吃。\nMara Lee: The tomatoes there were very good.\n";
  const auto analysis = analyse(text, "talk.txt");
  CHECK(speakers_of(analysis->transcript()) == std::vector<std::string>{"Speaker 2", "Speaker 2", "Mara Lee", "Mara Lee"});
  for (const Finding& finding : analysis->findings()) CHECK_MESSAGE(false, std::string(finding.code + ": " + finding.message));
  // Read as text, the labels would give the English side a number and a name the Chinese side lacks.
  CHECK(text_begin(analysis->transcript(), 1) == text.find("Today"));
  CHECK(text_begin(analysis->transcript(), 0) == text.find("今天"));
}

TEST_CASE("a drift fix on labelled lines keeps each label on its line") {
  std::vector<std::string> lines = split_lines(read_source_file("tests/eval/corpus/interview-garden.zh-en.txt"));
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  REQUIRE(lines.size() == 100);
  std::vector<std::string> labels(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool host = (i / 2) % 2 == 0;
    labels[i] = i % 2 == 0 ? (host ? "林悦：" : "马克：") : (host ? "Lin Yue: " : "Mark: ");
    lines[i] = labels[i] + lines[i];
  }
  const std::string clean = join_lines(lines);
  // As in test_content: the English of pair 11 loses its last sentence to the start of pair 12's English.
  const std::string moved = "We experimented on three buildings and recorded the yield, the water use and the hours of "
                            "sunlight for every box.";
  REQUIRE(lines[21].substr(lines[21].size() - moved.size()) == moved);
  lines[21].resize(lines[21].size() - moved.size() - 1);
  lines[23] = labels[23] + moved + " " + lines[23].substr(labels[23].size());
  const std::string drifted = join_lines(lines);

  const auto analysis = analyse(drifted, "garden.txt");
  REQUIRE(analysis->transcript().speaker_model.labels.size() == 100);
  const auto drifts = with_code(*analysis, "boundary-drift");
  REQUIRE(drifts.size() == 1);
  bool restored = false;
  for (const Fix& fix : drifts.front()->fixes) {
    const std::vector<std::string> fixed = split_lines(apply_edits(drifted, fix.edits));
    REQUIRE(fixed.size() == labels.size());
    for (std::size_t i = 0; i < fixed.size(); ++i) {
      CAPTURE(i);
      CHECK(fixed[i].rfind(labels[i], 0) == 0);  // the label still opens its line
      CHECK(fixed[i].find(labels[i], 1) == std::string::npos);  // and was not carried elsewhere
    }
    restored = restored || join_lines(fixed) == clean;
  }
  CHECK(restored);
}

TEST_CASE("speaker checks: mismatch, a missing label with its fix, a rare spelling with its fix") {
  const std::vector<std::string> lines = {
      "玛拉：我们从屋顶农场说起。", "Mara Lee: Let's start with rooftop farms.",  // 1
      "肯：好的，我来介绍一下。", "Ken Ito: Sure, let me introduce them.",        // 2
      "玛拉：它们在哪里？", "Mara Lee: Where are they?",                            // 3
      "肯：大多在市中心。", "Ken Ito: Mostly downtown.",                            // 4
      "玛拉：产量怎么样？", "Mara Le: How is the yield?",                           // 5: rare spelling
      "肯：还不错。", "Mara Lee: Not bad.",                                         // 6: the sides disagree
      "每年大约十吨。", "Ken Ito: About ten tonnes a year.",                        // 7: translation unlabelled
  };
  const std::string text = join_lines(lines);
  const auto analysis = analyse(text, "talk.txt");
  const Transcript& transcript = analysis->transcript();
  CHECK(speakers_of(transcript) ==
        std::vector<std::string>{"Mara Lee", "Ken Ito", "Mara Lee", "Ken Ito", "Mara Le", "Mara Lee", "Ken Ito"});
  std::vector<std::string> found;
  for (const Finding& finding : analysis->findings()) found.push_back(finding.code + "@" + std::to_string(finding.pair + 1));
  CHECK(found == std::vector<std::string>{"speaker-spelling@5", "speaker-mismatch@6", "speaker-label-missing@7"});

  const Finding& spelling = *with_code(*analysis, "speaker-spelling").front();
  CHECK(spelling.severity == Severity::Information);
  CHECK(text.substr(spelling.begin, spelling.end - spelling.begin) == "Mara Le");
  REQUIRE(spelling.fixes.size() == 1);
  CHECK(split_lines(apply_edits(text, spelling.fixes[0].edits))[9] == "Mara Lee: How is the yield?");
  REQUIRE(spelling.related.size() == 1);
  CHECK(analysis->index().line_of(spelling.related[0].begin) == 8);

  const Finding& mismatch = *with_code(*analysis, "speaker-mismatch").front();
  CHECK(mismatch.severity == Severity::Warning);
  CHECK(mismatch.message == "The translation names 肯 but its original names Mara Lee, another speaker (pair 6)");
  REQUIRE(mismatch.related.size() == 1);
  CHECK(analysis->index().line_of(mismatch.related[0].begin) == 11);

  const Finding& missing = *with_code(*analysis, "speaker-label-missing").front();
  CHECK(missing.severity == Severity::Information);
  CHECK(analysis->index().line_of(missing.begin) == 12);
  REQUIRE(missing.fixes.size() == 1);
  CHECK(split_lines(apply_edits(text, missing.fixes[0].edits))[12] == "肯：每年大约十吨。");
}

TEST_CASE("speaker-label-missing: not where the document labels one side only") {
  const std::string text = read_source_file("tests/fixtures/speakers/lines-rev.txt");
  CHECK(with_code(*analyse(text, "talk.txt"), "speaker-label-missing").empty());
}

TEST_CASE("Markdown: the swap fix moves each side with its label") {
  const std::string text =
      "**Mara Lee:** Thanks for having me, happy to be here.\n\n**玛拉：** 谢谢邀请，很高兴来到这里。\n\n"
      "**肯：** 我们先聊聊开源吧，这是今天的主题。\n\n**Ken Ito:** Let's start with open source, that is today's topic.\n\n"
      "**Mara Lee:** I think open source will win in the end.\n\n**玛拉：** 我认为开源最终会赢。\n";
  // The order forced: left to auto, Markdown notes may change the order per pair (test_layouts).
  CheckOptions options;
  options.document_name = "talk.md";
  options.order = LineOrder::OriginalFirst;
  const auto analysis = Analysis::run(text, options);
  CHECK(speakers_of(analysis->transcript()) == std::vector<std::string>{"Mara Lee", "Ken Ito", "Mara Lee"});
  const auto swapped = with_code(*analysis, "swapped-order");
  REQUIRE(swapped.size() == 1);
  REQUIRE(swapped.front()->fixes.size() == 1);
  const std::vector<std::string> fixed = split_lines(apply_edits(text, swapped.front()->fixes[0].edits));
  CHECK(fixed[4] == "**Ken Ito:** Let's start with open source, that is today's topic.");
  CHECK(fixed[6] == "**肯：** 我们先聊聊开源吧，这是今天的主题。");
}

TEST_CASE("label-likeness in documents: metadata, notes, steps, URLs and times are not speakers") {
  // Front matter keys are metadata.
  const std::string markdown =
      "---\nAuthor: Mara Lee\nSource: https://example.org/x\n---\n\n"
      "Note: the recording starts late.\n\n注意：录音开始得晚。\n\n"
      "Step 1: plant the seeds in spring.\n\n第一步：春天播种。\n\n"
      "At 10:30 we open the gates.\n\n我们十点半开门。\n";
  const auto analysis = analyse(markdown, "notes.md");
  CHECK_FALSE(analysis->transcript().speaker_model.labelled());
  CHECK(analysis->transcript().pairs.size() == 3);
}

TEST_CASE("rerun: a label that the rest of the document makes one reads as run reads it") {
  // "Mara:" once is no label; a second "Mara:" further down makes the first one a label too,
  // without its line changing: the re-analysis must not reuse that line's content work.
  const std::string base_text =
      "玛拉：屋顶农场每年产出十吨蔬菜。\nMara: Rooftop farms grow ten tonnes of vegetables a year.\n"
      "它们大多在市中心。\nThey are mostly downtown.\n";
  const std::string edited = base_text + "玛拉：还有三十个在郊区。\nMara: And thirty more in the suburbs.\n";
  CheckOptions options;
  const auto base = Analysis::run(base_text, options);
  CHECK_FALSE(base->transcript().speaker_model.labelled());
  const auto full = Analysis::run(edited, options);
  const auto incremental = Analysis::rerun(*base, edited, {{4, 1, 3}}, options);
  CHECK(speakers_of(full->transcript()) == std::vector<std::string>{"Mara", "Mara", "Mara"});
  CHECK(speakers_of(incremental->transcript()) == speakers_of(full->transcript()));
  REQUIRE(incremental->findings().size() == full->findings().size());
  for (std::size_t i = 0; i < full->findings().size(); ++i) {
    CHECK(incremental->findings()[i].code == full->findings()[i].code);
    CHECK(incremental->findings()[i].begin == full->findings()[i].begin);
    CHECK(incremental->findings()[i].message == full->findings()[i].message);
  }
  CHECK(incremental->pair_scores() == full->pair_scores());
}

TEST_CASE("label-likeness in a labelled document: steps, notes, times and URLs still are not labels") {
  const std::string text =
      "玛拉：我们开始吧，先说种子。\nMara: Let's begin with the seeds.\n"
      "第一步：春天把种子种下。\nStep 1: Plant the seeds in spring.\n"
      "肯：然后呢？要等多久？\nKen: And then? How long do we wait?\n"
      "注意：要多浇水。\nNote: water them a lot.\n"
      "十点半：我们开门。\n10:30: we open the gates.\n"
      "网址在这里。\nhttps://example.org/garden has the map.\n"
      "玛拉：大概两个月。\nMara: About two months.\n";
  const auto analysis = analyse(text, "talk.txt");
  CHECK(speakers_of(analysis->transcript()) ==
        std::vector<std::string>{"Mara", "Mara", "Ken", "Ken", "Ken", "Ken", "Mara"});
  CHECK(labels_of(analysis->transcript(), text) ==
        std::vector<std::string>{"1:玛拉：|玛拉", "2:Mara: |Mara", "5:肯：|肯", "6:Ken: |Ken", "13:玛拉：|玛拉",
                                 "14:Mara: |Mara"});
}

TEST_CASE("WebVTT voices written with character references; Markdown labels on a paragraph of their own") {
  const std::string vtt =
      "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Carlos Far&#237;as>Thanks for having me.</v>\n"
      "<v Carlos Far&#237;as>谢谢邀请。</v>\n\n00:00:03.500 --> 00:00:05.000\nSo what do you think?\n那么你怎么看？\n";
  const auto voices = analyse(vtt, "talk.vtt");
  CHECK(speakers_of(voices->transcript()) == std::vector<std::string>{"Carlos Far\u00EDas", "Carlos Far\u00EDas"});

  const std::string markdown =
      "**Mara Lee:**\n\nThanks for having me, happy to be here.\n\n**玛拉：**\n\n谢谢邀请，很高兴来到这里。\n\n"
      "**Ken Ito:**\n\nLet's start with open source, that is today's topic.\n\n**肯：**\n\n我们先聊聊开源吧，这是今天的主题。\n";
  const auto own = analyse(markdown, "talk.md");
  CHECK(speakers_of(own->transcript()) == std::vector<std::string>{"Mara Lee", "Ken Ito"});
  const SpeakerModel& model = own->transcript().speaker_model;
  REQUIRE(model.labels.size() == 4);
  CHECK(model.labels[1].side == LabelSide::OwnLine);
  CHECK(model.labels[1].line == 4);
  CHECK(model.labels[1].pair == 0);
  REQUIRE(model.speakers.size() == 2);
  CHECK(model.speakers[0].translation_spelling == "玛拉");
  CHECK(model.speakers[0].original_spelling == "Mara Lee");
}

TEST_CASE("detection: speakers are the labels the analysis reads; a label line is not markup") {
  const auto detect = [](const std::string& file) {
    CheckOptions options;
    options.document_name = file;
    return detect_transcript(read_source_file("tests/fixtures/speakers/" + file), options);
  };
  const Detection colon = detect("lines-colon.txt");
  CHECK(colon.speakers);
  CHECK_FALSE(colon.markup);
  const Detection otter = detect("lines-otter.txt");
  CHECK(otter.speakers);
  CHECK_FALSE(otter.markup);
  CHECK(detect("subtitles-voices.vtt").speakers);
  CHECK(detect("markdown-labels.md").speakers);
  CheckOptions options;
  CHECK_FALSE(detect_transcript("今天聊聊开源。\nToday we talk about open source.\n我们开始吧。\nLet's begin.\n", options).speakers);
}

TEST_CASE("a nameless Rev label continues the last speaker") {
  const std::string text = read_source_file("tests/fixtures/speakers/lines-rev.txt");
  const auto analysis = analyse(text, "talk.txt");
  const SpeakerModel& model = analysis->transcript().speaker_model;
  REQUIRE(model.labels.size() == 4);
  CHECK(model.labels[2].form == LabelForm::Timestamped);
  CHECK(model.labels[2].name_begin == model.labels[2].name_end);
  CHECK(model.labels[2].speaker == model.labels[1].speaker);
  CHECK(model.labels[2].speaker >= 0);
  CHECK(model.turns.size() == 3);
}
