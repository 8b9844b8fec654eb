// The editor's speaker features on transcripts whose speaker model is made by
// hand here (labels found by the test itself), so that rename, completion and
// workspace symbols are tested apart from the core's label reader.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bitext/pairing.hpp"
#include "bitext/text.hpp"
#include "lsp/settings.hpp"
#include "lsp/speaker_completion.hpp"
#include "lsp/speaker_rename.hpp"
#include "lsp/speaker_symbols.hpp"

using namespace bitext;
using namespace bitext::lsp;

namespace {

struct Spelling {
  std::string translation;  // "" when never labelled on that side
  std::string original;
  bool inferred = false;
};

// A transcript in the line layout with labels "Name: " / "Name：" / "**Name:** "
// at the start of lines, whose names are the given spellings.
class Doc {
 public:
  Doc(std::string text, const std::vector<Spelling>& speakers) : text_(std::move(text)), index_(text_) {
    transcript = parse_transcript(index_, CheckOptions{});
    // The model is this test's alone (the core's, from labels or inference, is replaced).
    transcript.speaker_model = SpeakerModel{};
    for (Pair& pair : transcript.pairs) {
      pair.speaker.clear();
      pair.speaker_index = -1;
    }
    SpeakerModel& model = transcript.speaker_model;
    for (const Spelling& s : speakers) {
      Speaker speaker;
      speaker.translation_spelling = s.translation;
      speaker.original_spelling = s.original;
      speaker.name = s.original.empty() ? s.translation : s.original;
      speaker.inferred = s.inferred;
      model.speakers.push_back(speaker);
    }
    for (std::size_t line = 0; line < index_.line_count(); ++line) {
      const std::string_view content = index_.line_text(line);
      const std::size_t base = index_.line_start(line);
      for (std::size_t s = 0; s < speakers.size(); ++s) {
        if (speakers[s].inferred) continue;
        for (const std::string* spelling : {&speakers[s].translation, &speakers[s].original}) {
          if (spelling->empty()) continue;
          const std::size_t bold = content.substr(0, 2) == "**" ? 2 : 0;
          if (content.substr(bold, spelling->size()) != *spelling) continue;
          std::string_view rest = content.substr(bold + spelling->size());
          std::size_t colon = rest.substr(0, 1) == ":" ? 1 : rest.substr(0, 3) == "\xEF\xBC\x9A" ? 3 : 0;
          if (colon == 0) continue;
          std::size_t end = bold + spelling->size() + colon + bold;
          while (end < content.size() && content[end] == ' ') ++end;
          SpeakerLabel label;
          label.line = static_cast<std::uint32_t>(line);
          label.begin = base;
          label.end = base + end;
          label.name_begin = base + bold;
          label.name_end = base + bold + spelling->size();
          const Pair* pair = transcript.pair_of_line(label.line);
          label.pair = pair == nullptr ? -1 : static_cast<std::int32_t>(pair->index);
          label.side = pair != nullptr && transcript.lines[line].kind == LineKind::Translation ? LabelSide::Translation
                                                                                              : LabelSide::Original;
          label.form = bold > 0 ? LabelForm::Bold : LabelForm::Colon;
          label.speaker = static_cast<std::int32_t>(s);
          model.labels.push_back(label);
          ++model.speakers[s].labels;
          if (pair != nullptr) transcript.pairs[pair->index].speaker_index = label.speaker;
          break;
        }
      }
    }
    // Unlabelled pairs continue the turn before them; a speaker marked
    // inferred takes the pairs whose lines start with "(name)" in this test.
    std::int32_t current = -1;
    for (Pair& pair : transcript.pairs) {
      for (std::size_t s = 0; s < speakers.size(); ++s) {
        const std::string mark = "(" + speakers[s].original + ")";
        if (speakers[s].inferred && !pair.original.empty() &&
            index_.line_text(pair.original.front()).substr(0, mark.size()) == mark) {
          pair.speaker_index = static_cast<std::int32_t>(s);
        }
      }
      if (pair.speaker_index < 0) pair.speaker_index = current;
      current = pair.speaker_index;
      if (current >= 0) pair.speaker = model.speakers[current].name;
    }
  }
  Doc(const Doc&) = delete;

  const LineIndex& index() const { return index_; }
  std::string_view text() const { return text_; }
  // Byte offset of the n-th occurrence (0-based) of `needle`.
  std::size_t at(std::string_view needle, int nth = 0) const {
    std::size_t found = text_.find(needle);
    while (nth-- > 0) found = text_.find(needle, found + 1);
    REQUIRE(found != std::string::npos);
    return found;
  }
  // The text with `edits` applied (in document order, non-overlapping).
  std::string applied(const std::vector<TextEdit>& edits) const {
    std::string out;
    std::size_t at = 0;
    for (const TextEdit& edit : edits) {
      out.append(text_, at, edit.begin - at);
      out += edit.replacement;
      at = edit.end;
    }
    out.append(text_, at, std::string::npos);
    return out;
  }

  Transcript transcript;

 private:
  std::string text_;
  LineIndex index_;
};

// Two speakers labelled on both sides, each language with its own spelling;
// the fourth pair is unlabelled (it continues Jason's turn).
const char* const kInterview =
    "克莱姆：谢谢你来。\n"
    "Clem: Thanks for coming.\n"
    "杰森：谢谢邀请。\n"
    "Jason Warner: Thanks for having me.\n"
    "杰森：我们开始吧。\n"
    "Jason Warner: Let's start.\n"
    "好的。\n"
    "Okay.\n"
    "克莱姆：第一个问题。\n"
    "Clem: First question.\n";

std::vector<Spelling> interview_speakers() {
  return {Spelling{"克莱姆", "Clem"}, Spelling{"杰森", "Jason Warner"}};
}

}  // namespace

TEST_CASE("the rename target: a label's name, anywhere on its line, or a line of a labelled turn") {
  Doc doc(kInterview, interview_speakers());
  RenameTarget on_name = rename_target(doc.transcript, doc.index(), doc.at("Clem") + 2);
  CHECK(on_name.speaker == 0);
  CHECK(on_name.begin == doc.at("Clem"));
  CHECK(on_name.end == doc.at("Clem") + 4);
  CHECK(on_name.placeholder == "Clem");
  CHECK(on_name.refusal.empty());

  RenameTarget in_text = rename_target(doc.transcript, doc.index(), doc.at("having"));
  CHECK(in_text.speaker == 1);
  CHECK(in_text.begin == doc.at("Jason Warner"));
  CHECK(in_text.placeholder == "Jason Warner");

  RenameTarget chinese = rename_target(doc.transcript, doc.index(), doc.at("谢谢你来"));
  CHECK(chinese.speaker == 0);
  CHECK(chinese.placeholder == "克莱姆");

  // "Okay." has no label: the line of Jason's turn is the selection.
  RenameTarget unlabelled = rename_target(doc.transcript, doc.index(), doc.at("Okay") + 1);
  CHECK(unlabelled.speaker == 1);
  CHECK(unlabelled.begin == doc.at("Okay"));
  CHECK(unlabelled.end == doc.at("Okay") + 5);
  CHECK(unlabelled.placeholder == "Jason Warner");
}

TEST_CASE("no rename target outside speakers, and a refusal on an inferred speaker") {
  Doc doc("本集简介\n双语字幕\n谢谢。\n(Host) Thanks.\n好。\nGood.\n",
          {Spelling{"", "Host", true}});
  CHECK(rename_target(doc.transcript, doc.index(), doc.at("简介")).speaker == -1);  // front matter
  RenameTarget inferred = rename_target(doc.transcript, doc.index(), doc.at("Thanks"));
  CHECK(inferred.speaker == 0);
  CHECK(inferred.refusal.find("inferred speaker") != std::string::npos);
  CHECK(inferred.refusal.find("\u201CLabel speakers\u201D") != std::string::npos);
  SpeakerRename refused = rename_speaker(doc.transcript, doc.text(), 0, "Clem");
  CHECK(refused.edits.empty());
  CHECK(refused.error == inferred.refusal);
}

TEST_CASE("a new name in one script renames that script's labels only") {
  Doc doc(kInterview, interview_speakers());
  SpeakerRename latin = rename_speaker(doc.transcript, doc.text(), 0, "Clement");
  REQUIRE(latin.error.empty());
  CHECK(latin.merged_into == -1);
  CHECK(doc.applied(latin.edits) ==
        "克莱姆：谢谢你来。\nClement: Thanks for coming.\n杰森：谢谢邀请。\nJason Warner: Thanks for having me.\n"
        "杰森：我们开始吧。\nJason Warner: Let's start.\n好的。\nOkay.\n克莱姆：第一个问题。\nClement: First question.\n");

  SpeakerRename han = rename_speaker(doc.transcript, doc.text(), 0, " 克莱门特 ");
  REQUIRE(han.error.empty());
  REQUIRE(han.edits.size() == 2);
  CHECK(han.edits[0] == TextEdit{0, 9, "克莱门特"});
  CHECK(doc.applied(han.edits).find("克莱门特：第一个问题。\nClem: First question.") != std::string::npos);
}

TEST_CASE("a name per script, separated by a slash, renames both languages") {
  Doc doc(kInterview, interview_speakers());
  for (const char* both : {"Clement / 克莱门特", "克莱门特／Clement"}) {
    CAPTURE(both);
    SpeakerRename result = rename_speaker(doc.transcript, doc.text(), 0, both);
    REQUIRE(result.error.empty());
    CHECK(doc.applied(result.edits) ==
          "克莱门特：谢谢你来。\nClement: Thanks for coming.\n杰森：谢谢邀请。\nJason Warner: Thanks for having me.\n"
          "杰森：我们开始吧。\nJason Warner: Let's start.\n好的。\nOkay.\n克莱门特：第一个问题。\nClement: First question.\n");
  }
}

TEST_CASE("renaming onto another speaker merges them, each language taking the other's spelling") {
  // "Jason Waner" (a misspelling, once) is merged into Jason Warner: its
  // Chinese label takes Jason Warner's Chinese spelling too.
  Doc doc("杰森：谢谢邀请。\nJason Warner: Thanks for having me.\n"
          "詹森：我们开始吧。\nJason Waner: Let's start.\n"
          "克莱姆：好的。\nClem: Okay.\n",
          {Spelling{"杰森", "Jason Warner"}, Spelling{"詹森", "Jason Waner"}, Spelling{"克莱姆", "Clem"}});
  SpeakerRename merge = rename_speaker(doc.transcript, doc.text(), 1, "jason warner");
  REQUIRE(merge.error.empty());
  CHECK(merge.merged_into == 0);
  CHECK(doc.applied(merge.edits) ==
        "杰森：谢谢邀请。\nJason Warner: Thanks for having me.\n"
        "杰森：我们开始吧。\nJason Warner: Let's start.\n"
        "克莱姆：好的。\nClem: Okay.\n");

  // Given for both languages, the merged speaker takes the new Chinese
  // spelling everywhere, the other speaker's labels included.
  SpeakerRename both = rename_speaker(doc.transcript, doc.text(), 1, "Jason Warner / 贾森");
  REQUIRE(both.error.empty());
  CHECK(both.merged_into == 0);
  CHECK(doc.applied(both.edits) ==
        "贾森：谢谢邀请。\nJason Warner: Thanks for having me.\n"
        "贾森：我们开始吧。\nJason Warner: Let's start.\n"
        "克莱姆：好的。\nClem: Okay.\n");
}

TEST_CASE("names that cannot be labels, and a script the speaker is not labelled in, are refused") {
  Doc doc(kInterview, interview_speakers());
  auto error_of = [&](const char* name) { return rename_speaker(doc.transcript, doc.text(), 0, name).error; };
  CHECK(error_of("") == "the new name is empty");
  CHECK(error_of("   ") == "the new name is empty");
  CHECK(error_of("Clem: the host").find("label markup") != std::string::npos);
  CHECK(error_of("**Clem**").find("label markup") != std::string::npos);
  CHECK(error_of("a b c d e f").find("longer than a label can be") != std::string::npos);
  CHECK(error_of("一二三四五六七八九十一二三").find("longer than a label can be") != std::string::npos);
  CHECK(error_of("Clement / Clem").find("same script (latin)") != std::string::npos);
  CHECK(error_of("A / B / C").find("one name per language") != std::string::npos);
  CHECK(error_of("Клим").find("is written in cyrillic, but the labels of \u201CClem\u201D are in han and latin") !=
        std::string::npos);

  // Labelled on the English side only: a Chinese name alone has no label to change.
  Doc english("谢谢你来。\nClem: Thanks for coming.\n谢谢邀请。\nJason: Thanks for having me.\n",
              {Spelling{"", "Clem"}, Spelling{"", "Jason"}});
  SpeakerRename result = rename_speaker(english.transcript, english.text(), 0, "克莱门特");
  CHECK(result.edits.empty());
  CHECK(result.error ==
        "\u201C克莱门特\u201D is written in han, but the labels of \u201CClem\u201D are in latin: each language keeps its "
        "own spelling, so give the name in that script, or one per language (\u201CAnna / 安娜\u201D)");
  SpeakerRename both = rename_speaker(english.transcript, english.text(), 0, "Clement / 克莱门特");
  REQUIRE(both.error.empty());
  CHECK(english.applied(both.edits) == "谢谢你来。\nClement: Thanks for coming.\n谢谢邀请。\nJason: Thanks for having me.\n");
}

TEST_CASE("completion offers the labels in the document's style and the line's language") {
  // A new pair being typed at the end: the Chinese line, then the English one.
  Doc doc(std::string(kInterview) + "克\n" + "Cl\n", interview_speakers());
  std::vector<LabelCompletion> han = label_completions(doc.transcript, doc.index(), doc.at("克\n"));
  REQUIRE(han.size() == 2);
  CHECK(han[0].label == "克莱姆：");  // Clem and Jason have 4 labels each: Clem, the first speaker, first
  CHECK(han[1].label == "杰森：");
  CHECK(han[0].begin == doc.at("克\n"));
  CHECK(han[0].end == doc.at("克\n"));
  std::vector<LabelCompletion> typed = label_completions(doc.transcript, doc.index(), doc.at("克\n") + 3);
  REQUIRE(typed.size() == 1);  // what is typed selects the names it begins
  CHECK(typed[0].label == "克莱姆：");
  CHECK(typed[0].end == doc.at("克\n") + 3);

  std::vector<LabelCompletion> latin = label_completions(doc.transcript, doc.index(), doc.at("Cl\n") + 2);
  REQUIRE(latin.size() == 1);
  CHECK(latin[0].label == "Clem: ");
  CHECK(latin[0].speaker == 0);
  CHECK(latin[0].begin == doc.at("Cl\n"));

  // At the very start of an unlabelled line of the English side.
  std::vector<LabelCompletion> start = label_completions(doc.transcript, doc.index(), doc.at("Okay."));
  REQUIRE(start.size() == 2);
  CHECK(start[1].label == "Jason Warner: ");
  CHECK(start[1].begin == start[1].end);
}

TEST_CASE("no completion inside a line's text, after a label, in front matter or without labels") {
  Doc doc(std::string("本集简介\n双语字幕\n") + kInterview, interview_speakers());
  CHECK(label_completions(doc.transcript, doc.index(), doc.at("Thanks for coming") + 6).empty());  // after "Clem: Thanks"
  CHECK(label_completions(doc.transcript, doc.index(), doc.at("Okay.") + 2).empty());              // "Ok" of "Okay."
  CHECK(label_completions(doc.transcript, doc.index(), doc.at("Okay.") + 5).empty());              // after "Okay."
  CHECK(label_completions(doc.transcript, doc.index(), doc.at("简介")).empty());                   // front matter
  Doc plain("谢谢你来。\nThanks for coming.\n谢谢邀请。\nThanks for having me.\n", {});
  CHECK(label_completions(plain.transcript, plain.index(), plain.at("Thanks")).empty());
}

TEST_CASE("completion in the bold label style, and retyping an existing label") {
  Doc doc("**克莱姆：** 谢谢你来。\n**Clem:** Thanks for coming.\n**杰森：** 谢谢邀请。\n**Jason Warner:** Thanks.\n"
          "好的。\n**J\n",
          interview_speakers());
  std::vector<LabelCompletion> bold = label_completions(doc.transcript, doc.index(), doc.at("**J\n") + 3);
  REQUIRE(bold.size() == 1);
  CHECK(bold[0].label == "**Jason Warner:** ");
  std::vector<LabelCompletion> star = label_completions(doc.transcript, doc.index(), doc.at("**J\n") + 1);
  REQUIRE(star.size() == 2);  // "*", the trigger character: every speaker
  CHECK(star[0].label == "**Clem:** ");
  // Plain "Cl" is not the beginning of a label in this document's style.
  Doc plain_typed("**克莱姆：** 谢谢你来。\n**Clem:** Thanks for coming.\nCl\n", {Spelling{"克莱姆", "Clem"}});
  CHECK(label_completions(plain_typed.transcript, plain_typed.index(), plain_typed.at("Cl\n") + 2).empty());
  // At the start of an existing label's name: the whole label is replaced.
  std::vector<LabelCompletion> retype = label_completions(doc.transcript, doc.index(), doc.at("Clem"));
  REQUIRE(retype.size() == 2);
  CHECK(retype[1].begin == doc.at("**Clem"));
  CHECK(retype[1].end == doc.at("Thanks for coming"));
  CHECK(retype[1].label == "**Jason Warner:** ");
}

TEST_CASE("workspace symbols find every turn of a speaker, then the pairs") {
  Doc doc(kInterview, interview_speakers());
  std::string uri = "file:///t.txt";
  std::vector<OpenDocumentView> views{OpenDocumentView{&uri, &doc.transcript, &doc.index()}};
  json clem = json::parse(workspace_symbols_with_speakers(views, "clem", PositionEncoding::Utf16));
  REQUIRE(clem.size() == 4);  // Clem's two turns, then the two pairs whose text contains "Clem"
  CHECK(clem[0]["name"] == "Clem");
  CHECK(clem[0]["kind"] == kSymbolNamespace);
  CHECK(clem[0]["containerName"] == "pair 1");
  CHECK(clem[0]["location"]["range"] == json::parse(R"({"start":{"line":0,"character":0},"end":{"line":1,"character":24}})"));
  CHECK(clem[1]["containerName"] == "pair 5");
  CHECK(clem[1]["location"]["range"]["start"]["line"] == 8);
  CHECK(clem[2]["kind"] == kSymbolString);
  CHECK(clem[2]["containerName"] == "Clem");

  // Jason's turn spans pairs 2-4 (pair 4 unlabelled); "杰森" finds it by the Chinese spelling.
  json jason = json::parse(workspace_symbols_with_speakers(views, "杰森", PositionEncoding::Utf16));
  REQUIRE(jason.size() == 3);  // the turn, then the two pairs whose text contains 杰森
  CHECK(jason[0]["name"] == "Jason Warner");
  CHECK(jason[0]["containerName"] == "pairs 2\u20134");
  CHECK(jason[0]["location"]["range"]["end"]["line"] == 7);
  CHECK(jason[1]["kind"] == kSymbolString);

  // Pairs alone, as before, for a query that names no speaker, and for an empty one.
  CHECK(json::parse(workspace_symbols_with_speakers(views, "question", PositionEncoding::Utf16)).size() == 1);
  CHECK(json::parse(workspace_symbols_with_speakers(views, "", PositionEncoding::Utf16)).size() == 5);
}

TEST_CASE("the speakerLabelStyle setting") {
  std::vector<std::string> warnings;
  CHECK(Settings{}.speaker_label_style == LabelStyle::Original);
  Settings both = apply_settings(Settings{}, json::parse(R"({"bitext":{"speakerLabelStyle":"both"}})"), warnings);
  CHECK(both.speaker_label_style == LabelStyle::Both);
  Settings translation = apply_settings(both, json::parse(R"({"speakerLabelStyle":"translation"})"), warnings);
  CHECK(translation.speaker_label_style == LabelStyle::Translation);
  CHECK(warnings.empty());
  Settings kept = apply_settings(translation, json::parse(R"({"speakerLabelStyle":"left"})"), warnings);
  CHECK(kept.speaker_label_style == LabelStyle::Translation);
  CHECK(warnings == std::vector<std::string>{"speakerLabelStyle: expected \"original\", \"both\" or \"translation\""});
}
