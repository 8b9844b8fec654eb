// Speakers inferred for unlabelled transcripts, and "Label speakers".
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/speaker_inference.hpp"
#include "bitext/speaker_labelling.hpp"
#include "core/byte_pairs.hpp"
#include "core/speaker_cues.hpp"
#include "core/speaker_participants.hpp"

using namespace bitext;

namespace {

// Written for this test: a host who introduces herself and her guest, a
// greeting that names the guest, thanks for the invitation, questions and
// answers, a back-channel reply inside an answer.
const std::string kInterview =
    "欢迎收听《长夜》。我是安娜·伯格。今天的嘉宾是作家汤姆·里德。\n"
    "Welcome to Long Night. I'm Anna Berg. Today our guest is the writer Tom Reed.\n"
    "汤姆，谢谢你来到节目。\n"
    "Tom, thanks for coming on.\n"
    "谢谢邀请。\n"
    "Thanks for having me.\n"
    "你是怎么开始写作的？\n"
    "How did you start writing?\n"
    "我小时候就喜欢讲故事。后来我开始把它们写下来。\n"
    "I loved telling stories as a child. Later I started writing them down.\n"
    "对。\n"
    "Yeah.\n"
    "第一本书花了我五年。\n"
    "The first book took me five years.\n"
    "五年！为什么这么久？\n"
    "Five years! Why so long?\n"
    "因为我一直在重写开头。\n"
    "Because I kept rewriting the beginning.\n";

std::vector<std::string> speakers_of(const Transcript& transcript) {
  std::vector<std::string> names;
  for (const Pair& pair : transcript.pairs) names.push_back(pair.speaker);
  return names;
}

// The text with every inserted label removed again (edits are insertions).
std::string without_insertions(const std::string& text, const std::vector<TextEdit>& edits) {
  // In ascending order each insertion sits at its own offset once the ones before it are gone.
  std::string labelled = apply_edits(text, edits);
  std::vector<TextEdit> sorted = edits;
  std::stable_sort(sorted.begin(), sorted.end(), [](const TextEdit& a, const TextEdit& b) { return a.begin < b.begin; });
  for (const TextEdit& edit : sorted) {
    REQUIRE(labelled.compare(edit.begin, edit.replacement.size(), edit.replacement) == 0);
    labelled.erase(edit.begin, edit.replacement.size());
  }
  return labelled;
}

}  // namespace

TEST_CASE("an unlabelled interview gets its host and guest by name, with the cue that decided each turn") {
  const auto analysis = Analysis::run(kInterview, CheckOptions{});
  const Transcript& transcript = analysis->transcript();
  REQUIRE(transcript.pairs.size() == 9);
  CHECK(speakers_of(transcript) == std::vector<std::string>{"Anna Berg", "Anna Berg", "Tom Reed", "Anna Berg",
                                                            "Tom Reed", "Anna Berg", "Tom Reed", "Anna Berg",
                                                            "Tom Reed"});
  const SpeakerModel& model = transcript.speaker_model;
  CHECK_FALSE(model.labelled());
  REQUIRE(model.speakers.size() == 2);
  CHECK(model.speakers[0].name == "Anna Berg");
  CHECK(model.speakers[0].inferred);
  CHECK(model.speakers[0].translation_spelling == "安娜·伯格");
  CHECK(model.speakers[1].name == "Tom Reed");
  CHECK(model.speakers[1].translation_spelling == "汤姆");
  CHECK(transcript.pairs[2].speaker_index == 1);

  REQUIRE(model.turns.size() == 8);
  // The first turn: Anna introduces herself; "Tom, thanks for coming on" is hers, not Tom's.
  CHECK(model.turns[0].first_pair == 0);
  CHECK(model.turns[0].last_pair == 1);
  CHECK(model.turns[0].cue == SpeakerCue::SelfIntroduction);
  CHECK(model.turns[0].evidence == "I'm Anna Berg");
  CHECK(model.turns[0].inferred);
  CHECK(model.turns[0].confidence > 0.9F);
  // Tom answers the greeting that named him.
  CHECK(model.turns[1].cue == SpeakerCue::Addressed);
  // The question goes to the host by her role, and the answer follows the question.
  CHECK(model.turns[3].speaker == 1);
  CHECK(model.turns[3].cue == SpeakerCue::Alternation);
  // "Yeah." inside Tom's answer is Anna's.
  CHECK(model.turns[4].first_pair == 5);
  CHECK(model.turns[4].cue == SpeakerCue::BackChannel);
  for (const SpeakerTurn& turn : model.turns) {
    CHECK(turn.confidence > 0.0F);
    CHECK(turn.confidence <= 1.0F);
  }
}

TEST_CASE("without any name, speakers are Host and Guest by role, never an invented name") {
  const std::string text =
      "你是怎么开始做陶艺的？\nHow did you get into pottery?\n"
      "我在大学里上了一门夜校课。从那以后就停不下来了。\nI took an evening class at university. I could not stop after that.\n"
      "你最喜欢做什么？\nWhat do you like making most?\n"
      "碗。碗很简单，但要做好很难。\nBowls. A bowl is simple, but hard to make well.\n";
  const auto analysis = Analysis::run(text, CheckOptions{});
  const Transcript& transcript = analysis->transcript();
  REQUIRE(transcript.pairs.size() == 4);
  CHECK(speakers_of(transcript) == std::vector<std::string>{"Host", "Guest", "Host", "Guest"});
  REQUIRE(transcript.speaker_model.speakers.size() == 2);
  CHECK(transcript.speaker_model.speakers[0].translation_spelling == "主持人");
  CHECK(transcript.speaker_model.speakers[1].translation_spelling == "嘉宾");
  CHECK(transcript.speaker_model.turns[1].cue == SpeakerCue::Alternation);
}

TEST_CASE("a hand-over gives the next turn to the one named") {
  const std::string text =
      "我是丽莎·格林，和我一起的是联合主持人马克·斯通。今天的嘉宾是露西·韦尔。\n"
      "I'm Lisa Green, and with me is my co-host Mark Stone. Our guest is Lucy Vale.\n"
      "露西，欢迎。\nLucy, welcome to the show.\n"
      "谢谢邀请。\nThanks for having me.\n"
      "第一个问题我让马克来问。\nI'll let Mark kick it off with the first question.\n"
      "好。露西，你的第一份工作是什么？\nSure. Lucy, what was your first job?\n"
      "我在一家书店工作。\nI worked in a bookshop.\n";
  const auto analysis = Analysis::run(text, CheckOptions{});
  const Transcript& transcript = analysis->transcript();
  REQUIRE(transcript.pairs.size() == 6);
  CHECK(speakers_of(transcript) ==
        std::vector<std::string>{"Lisa Green", "Lisa Green", "Lucy Vale", "Lisa Green", "Mark Stone", "Lucy Vale"});
  const SpeakerModel& model = transcript.speaker_model;
  REQUIRE(model.turns.size() == 5);
  CHECK(model.turns[3].speaker == 2);
  CHECK(model.speakers[2].name == "Mark Stone");
  CHECK(model.turns[3].cue == SpeakerCue::Handover);
  CHECK(model.turns[3].evidence == "I'll let Mark");
}

TEST_CASE("add_inferred_speakers leaves a labelled transcript alone") {
  const auto analysis = Analysis::run(kInterview, CheckOptions{});
  Transcript transcript = analysis->transcript();
  transcript.speaker_model = {};
  for (Pair& pair : transcript.pairs) {
    pair.speaker.clear();
    pair.speaker_index = -1;
  }
  transcript.speaker_model.speakers.push_back({"Clara", "", "Clara", false, 1});
  transcript.speaker_model.labels.push_back(SpeakerLabel{});
  add_inferred_speakers(transcript, analysis->text());
  CHECK(transcript.speaker_model.speakers.size() == 1);
  CHECK(transcript.speaker_model.turns.empty());
  CHECK(transcript.pairs[0].speaker.empty());
}

TEST_CASE("label speakers: one label per turn in the chosen style, and nothing else changes") {
  const auto analysis = Analysis::run(kInterview, CheckOptions{});
  const Transcript& transcript = analysis->transcript();
  const std::string& text = analysis->text();

  const std::vector<TextEdit> original = speaker_label_edits(transcript, text, LabelStyle::Original);
  CHECK(original.size() == 8);
  const std::string labelled = apply_edits(text, original);
  CHECK(labelled ==
        "欢迎收听《长夜》。我是安娜·伯格。今天的嘉宾是作家汤姆·里德。\n"
        "Anna Berg: Welcome to Long Night. I'm Anna Berg. Today our guest is the writer Tom Reed.\n"
        "汤姆，谢谢你来到节目。\n"
        "Tom, thanks for coming on.\n"
        "谢谢邀请。\n"
        "Tom Reed: Thanks for having me.\n"
        "你是怎么开始写作的？\n"
        "Anna Berg: How did you start writing?\n"
        "我小时候就喜欢讲故事。后来我开始把它们写下来。\n"
        "Tom Reed: I loved telling stories as a child. Later I started writing them down.\n"
        "对。\n"
        "Anna Berg: Yeah.\n"
        "第一本书花了我五年。\n"
        "Tom Reed: The first book took me five years.\n"
        "五年！为什么这么久？\n"
        "Anna Berg: Five years! Why so long?\n"
        "因为我一直在重写开头。\n"
        "Tom Reed: Because I kept rewriting the beginning.\n");
  CHECK(without_insertions(text, original) == text);

  const std::vector<TextEdit> both = speaker_label_edits(transcript, text, LabelStyle::Both);
  CHECK(both.size() == 16);
  const std::string both_text = apply_edits(text, both);
  CHECK(both_text.substr(0, both_text.find('\n', both_text.find('\n') + 1)) ==
        "安娜·伯格：欢迎收听《长夜》。我是安娜·伯格。今天的嘉宾是作家汤姆·里德。\n"
        "Anna Berg: Welcome to Long Night. I'm Anna Berg. Today our guest is the writer Tom Reed.");
  CHECK(both_text.find("汤姆：谢谢邀请。\nTom Reed: Thanks for having me.\n") != std::string::npos);
  CHECK(without_insertions(text, both) == text);

  const std::vector<TextEdit> translation = speaker_label_edits(transcript, text, LabelStyle::Translation);
  CHECK(translation.size() == 8);
  const std::string translation_text = apply_edits(text, translation);
  CHECK(translation_text.find("汤姆：谢谢邀请。\nThanks for having me.\n") != std::string::npos);
  CHECK(without_insertions(text, translation) == text);
  for (const TextEdit& edit : translation) CHECK(edit.begin == edit.end);
}

TEST_CASE("label styles by name") {
  CHECK(parse_label_style("original") == LabelStyle::Original);
  CHECK(parse_label_style("both") == LabelStyle::Both);
  CHECK(parse_label_style("translation") == LabelStyle::Translation);
  CHECK_FALSE(parse_label_style("left").has_value());
}

TEST_CASE("a transcript without pairs has no speakers") {
  const auto analysis = Analysis::run("只有一行中文。\n", CheckOptions{});
  CHECK(analysis->transcript().speaker_model.speakers.empty());
  CHECK(speaker_label_edits(analysis->transcript(), analysis->text(), LabelStyle::Both).empty());
}

TEST_CASE("after labelling, the labels give the same speakers, and they are labels, not guesses") {
  const auto analysis = Analysis::run(kInterview, CheckOptions{});
  const Transcript& inferred = analysis->transcript();
  for (const LabelStyle style : {LabelStyle::Original, LabelStyle::Both, LabelStyle::Translation}) {
    CAPTURE(static_cast<int>(style));
    const std::string labelled = apply_edits(analysis->text(), speaker_label_edits(inferred, analysis->text(), style));
    const auto reread = Analysis::run(labelled, CheckOptions{});
    const Transcript& transcript = reread->transcript();
    CHECK(transcript.speaker_model.labelled());
    REQUIRE(transcript.pairs.size() == inferred.pairs.size());
    for (std::size_t i = 0; i < transcript.pairs.size(); ++i) {
      CAPTURE(i);
      const std::int32_t index = transcript.pairs[i].speaker_index;
      REQUIRE(index >= 0);
      const Speaker& speaker = transcript.speaker_model.speakers[static_cast<std::size_t>(index)];
      CHECK_FALSE(speaker.inferred);
      // The original side's spelling when labelled there, else the translation's.
      const Speaker& before = inferred.speaker_model.speakers[static_cast<std::size_t>(inferred.pairs[i].speaker_index)];
      CHECK(transcript.pairs[i].speaker ==
            (style == LabelStyle::Translation ? before.translation_spelling : before.original_spelling));
    }
    // Labelling a labelled document changes nothing.
    CHECK(speaker_label_edits(transcript, reread->text(), style).empty());
  }
}

TEST_CASE("a panel: guests named before 'is with us' and after 'I've got', each greeted one answers next") {
  // Written for this test: an unnamed host, a guest and a panelist, short turns.
  const std::string text =
      "欢迎收听《夜班》。我们有一位特别嘉宾——萨姆·帕克和我们在一起。嘿，萨姆。谢谢你的到来。\n"
      "Welcome to Night Shift. We have a special guest - Sam Park is with us here. Hey, Sam. Thanks for joining us.\n"
      "很高兴来到这里。\nGlad to be here.\n"
      "当然，还有一位常驻嘉宾。李·陈也在这里。你好吗，李？\n"
      "And of course, joined by one regular panelist. I've got Lee Chan here. What's up, Lee?\n"
      "大家好。\nHello, everyone.\n"
      "那么，萨姆，这个节目是怎么开始的？\nSo, Sam, how did the show start?\n"
      "它起初是朋友之间的一个玩笑。后来越做越大。\nIt started as a joke between friends. Then it grew.\n"
      "李，你当时也在，对吧？\nLee, you were there too, right?\n"
      "我在。我记得很清楚。\nI was. I remember it well.\n";
  const auto analysis = Analysis::run(text, CheckOptions{});
  const Transcript& transcript = analysis->transcript();
  REQUIRE(transcript.pairs.size() == 8);
  CHECK(speakers_of(transcript) == std::vector<std::string>{"Host", "Sam Park", "Host", "Lee Chan", "Host",
                                                            "Sam Park", "Host", "Lee Chan"});
  // "I've got ..." names nobody called "I've".
  for (const Speaker& speaker : transcript.speaker_model.speakers) CHECK(speaker.name != "I've");
}

TEST_CASE("an answer alone ('Chrome.') is not someone addressed") {
  const std::string text =
      "哪个浏览器份额最大？\nWhich browser has the biggest share?\n"
      "Chrome。\nChrome.\n"
      "对，是Chrome。\nYes, Chrome.\n"
      "我猜对了！\nI guessed right!\n";
  const auto analysis = Analysis::run(text, CheckOptions{});
  for (const Speaker& speaker : analysis->transcript().speaker_model.speakers) CHECK(speaker.name != "Chrome");
}

TEST_CASE("one short sentence per pair is a monologue, not short turns") {
  const std::string text =
      "今天我们聊聊开源模型。\nToday we talk about open models.\n"
      "这个社区增长得非常快。\nThis community is growing very fast.\n"
      "大模型就像一级方程式赛车。\nBig models are like Formula One cars.\n"
      "谢谢大家收听。\nThanks everyone for listening.\n";
  const auto analysis = Analysis::run(text, CheckOptions{});
  CHECK(analysis->transcript().speaker_model.speakers.empty());
}

TEST_CASE("a reply that opens by taking up what was said ('Yeah, ...') is someone else's") {
  // Written for this test: two statements, the second opening with "Yeah,".
  const std::string text =
      "欢迎收听《长夜》。我是安娜·伯格。今天的嘉宾是作家汤姆·里德。\n"
      "Welcome to Long Night. I'm Anna Berg. Today our guest is the writer Tom Reed.\n"
      "谢谢邀请。\nThanks for having me.\n"
      "你的上一本书写了五年，每一页都看得出来。我很喜欢那本书的开头和结尾。\n"
      "Your last book took five years to write, and it shows on every page. I loved how it begins and how it ends.\n"
      "是的，我重写了很多次开头，直到感觉对了为止。\n"
      "Yeah, I rewrote the beginning many times until it felt right. It was a long road.\n";
  const auto analysis = Analysis::run(text, CheckOptions{});
  CHECK(speakers_of(analysis->transcript()) ==
        std::vector<std::string>{"Anna Berg", "Tom Reed", "Anna Berg", "Tom Reed"});
}

TEST_CASE("a name with an accent is a name: 'Tomás' is greeted, answers, and keeps his spelling") {
  // Written for this test: a guest whose name carries an accent.
  const std::string text =
      "欢迎收听《港口》。我是玛雅·林。今天的嘉宾是工程师托马斯·雷耶斯。托马斯，欢迎你。\n"
      "Welcome to Harbor. I'm Maya Lin. Today our guest is the engineer Tomás Reyes. Tomás, welcome.\n"
      "谢谢邀请。\nThanks for having me.\n"
      "一道防洪堤能给城市争取多少时间？\nHow much time does a flood barrier buy a city?\n"
      "大约五十年。之后就得重新设计了。\nAbout fifty years. After that you have to redesign it.\n";
  const auto analysis = Analysis::run(text, CheckOptions{});
  CHECK(speakers_of(analysis->transcript()) ==
        std::vector<std::string>{"Maya Lin", "Tomás Reyes", "Maya Lin", "Tomás Reyes"});
  // An accented letter counts as a letter of the word, "×" does not.
  CHECK(detail::is_capitalised_word("Tomás"));
  CHECK(detail::is_capitalised_word("Ólafur"));
  CHECK_FALSE(detail::is_capitalised_word("tomás"));
  CHECK_FALSE(detail::is_capitalised_word("Tom×s"));
}

TEST_CASE("a name addressed once and spoken of in other pairs is someone present; a word addressed once is not") {
  // Written for this test: a quiz host who greets a player once and speaks of her twice more.
  const std::string text =
      "好，下一题。\nOkay, next question.\n"
      "你猜怎么着，莉娜。我们打平了！\nGuess what, Lena. We tied!\n"
      "真的吗？\nReally?\n"
      "莉娜有两百分，和我一样。\nSo Lena has two hundred points, same as me.\n"
      "那莉娜先选吧。\nThen let Lena pick first.\n"
      "我选历史，两百分。\nI pick history for two hundred.\n";
  const auto analysis = Analysis::run(text, CheckOptions{});
  const auto& speakers = analysis->transcript().speaker_model.speakers;
  CHECK(std::any_of(speakers.begin(), speakers.end(), [](const Speaker& s) { return s.name == "Lena"; }));
  // The one greeted does not say the greeting.
  CHECK(analysis->transcript().pairs[1].speaker != "Lena");
}

TEST_CASE("talk goes on across paragraphs that open with 'And' / 'So'; 'you mentioned' is said to the one who spoke") {
  detail::PairSides sides;
  sides.latin = "And that is why the second version took so long.";
  CHECK(detail::read_wording(sides).continues_talk);
  sides.latin = "Android phones were next.";
  CHECK_FALSE(detail::read_wording(sides).continues_talk);
  sides.latin = "You mentioned the first version. What changed?";
  CHECK(detail::read_wording(sides).speaks_to_listener);
  sides.latin = "If you know the code, you can change it.";
  CHECK_FALSE(detail::read_wording(sides).speaks_to_listener);
  sides.latin = "";
  sides.han = "你提到了第一个版本。";
  CHECK(detail::read_wording(sides).speaks_to_listener);
}

TEST_CASE("a question reported inside a story asks nobody, in either language; a laugh or a greeting is read too") {
  detail::PairSides sides;
  sides.latin = "We had the idea in a kitchen. So we were like, fine. Where do we even start?";
  CHECK_FALSE(detail::read_wording(sides).question);
  sides.han = "我们当时想，好吧。到底从哪儿开始？";
  CHECK_FALSE(detail::read_wording(sides).question);  // the translation does not make it a question
  sides.latin = "Then readers kept asking me like, oh, where do the names come from?";
  CHECK_FALSE(detail::read_wording(sides).question);
  sides.latin = "We had the idea in a kitchen. Where would you start?";
  CHECK(detail::read_wording(sides).question);  // put to the listener
  sides.latin = "Which ones are like the old maps, and which are new?";
  CHECK(detail::read_wording(sides).question);  // "are like" without a comma reports nothing
  sides.han = "";
  sides.latin = "[laughs] Right, that was close.";
  CHECK(detail::read_wording(sides).reaction_opening);
  sides.latin = "Ha, I live on the ninth floor.";
  CHECK(detail::read_wording(sides).reaction_opening);
  sides.latin = "Hamburg is a port city.";
  CHECK_FALSE(detail::read_wording(sides).reaction_opening);
  sides.latin = "The first is the surveyor Inês Duarte. Inês, welcome.";
  CHECK(detail::read_wording(sides).greeting.found());
  sides.latin = "Welcome to the show.";
  CHECK_FALSE(detail::read_wording(sides).greeting.found());
}

TEST_CASE("a guest's story that ends on a question they were asked stays the guest's") {
  // Written for this test: the guest's answer quotes what friends asked; the talk goes on.
  const std::string text =
      "欢迎收听《长夜》。我是安娜·伯格。今天的嘉宾是作家汤姆·里德。\n"
      "Welcome to Long Night. I'm Anna Berg. Today our guest is the writer Tom Reed.\n"
      "谢谢邀请。\nThanks for having me.\n"
      "你是怎么开始写作的？\nHow did you start writing?\n"
      "我小时候就讲故事。后来朋友们开始问我，哦，你是怎么想出来的？\n"
      "I told stories as a child. Later my friends started to ask me like, oh, how do you come up with that?\n"
      "于是我开始把它们写下来。第一本书花了我五年。\n"
      "So I started writing them down. The first book took me five years.\n";
  const auto analysis = Analysis::run(text, CheckOptions{});
  CHECK(speakers_of(analysis->transcript()) ==
        std::vector<std::string>{"Anna Berg", "Tom Reed", "Anna Berg", "Tom Reed", "Tom Reed"});
}

TEST_CASE("the one who greets a guest by name ('Inês, welcome.', 'Hi, Ravi.') is a host") {
  // Written for this test: a host introduces two guests in statements that end by greeting them.
  const std::string text =
      "欢迎收听《三角洲》，一档关于河流和绘制河流地图的人的节目。我是主持人奥拉·伯格。\n"
      "Hello and welcome to Delta, a show about rivers and the people who map them. I'm your host, Ola Berg.\n"
      "今天有两位嘉宾和我一起。\n"
      "Today I have two guests with me.\n"
      "第一位是测量师伊内丝·杜阿尔特，她在葡萄牙绘制河流地图。伊内丝，欢迎你。\n"
      "The first is the surveyor Inês Duarte, who maps rivers in Portugal. Inês, welcome.\n"
      "谢谢你，奥拉。很高兴来到这里。\n"
      "Thank you, Ola. Glad to be here.\n"
      "还有规划师拉维·梅农，他研究印度的港口。你好，拉维。\n"
      "And the planner Ravi Menon, who studies ports in India. Hi, Ravi.\n"
      "你好！谢谢邀请。\n"
      "Hi! Thanks for having me.\n"
      "伊内丝，河流变化得有多快？\n"
      "Inês, how fast are the rivers changing?\n"
      "比地图快。有些河岸一年移动一米。\n"
      "Faster than the maps. Some banks move a meter a year.\n"
      "拉维，港口呢？\n"
      "Ravi, what about the ports?\n"
      "港口更慢，但更贵。\n"
      "The ports move slower, but they cost more.\n";
  const auto analysis = Analysis::run(text, CheckOptions{});
  CHECK(speakers_of(analysis->transcript()) ==
        std::vector<std::string>{"Ola Berg", "Ola Berg", "Ola Berg", "Inês", "Ola Berg", "Ravi", "Ola Berg", "Inês",
                                 "Ola Berg", "Ravi"});
}

TEST_CASE("the cast reads each pair's wording from its cues and keeps mentions only for the pairs that name someone") {
  // Inference reads pairs through Cast::pair; a version whose cast is the
  // previous one's shares its mentions, so nothing per pair may live elsewhere.
  const auto analysis = Analysis::run(kInterview, CheckOptions{});
  const Transcript& transcript = analysis->transcript();
  const std::vector<detail::PairSides> sides = detail::pair_sides(transcript, kInterview);
  const std::vector<detail::PairCues> cues = detail::read_pair_cues(sides);
  const detail::Cast cast = detail::read_cast(sides, cues);
  REQUIRE(cast.size() == 9);
  REQUIRE(cast.mentions != nullptr);
  std::size_t naming = 0;
  for (std::size_t i = 0; i < cast.size(); ++i) {
    const detail::PairReading reading = cast.pair(i);
    CHECK(&reading.wording == &cues[i].wording);
    REQUIRE(reading.mention_participants.size() == reading.mentions.size());
    // The cues' own mentions come first, then plain mentions of known names.
    REQUIRE(reading.mentions.size() >= cues[i].mentions().size());
    for (std::size_t m = 0; m < cues[i].mentions().size(); ++m) CHECK(reading.mentions[m].name == cues[i].mentions()[m].name);
    if (!reading.mentions.empty()) ++naming;
  }
  CHECK(cast.mentions->by_pair.size() == naming);
  CHECK(naming < cast.size());
  // "I'm Anna Berg" in pair 0 is resolved to the participant Anna Berg; "Tom, thanks for coming on" addresses Tom Reed.
  auto participant_named = [&](const detail::PairReading& reading, std::string_view words) -> std::string {
    for (std::size_t m = 0; m < reading.mentions.size(); ++m)
      if (reading.mentions[m].words == words && reading.mention_participants[m] >= 0)
        return cast.participants[static_cast<std::size_t>(reading.mention_participants[m])].name;
    return "";
  };
  CHECK(participant_named(cast.pair(0), "I'm Anna Berg") == "Anna Berg");
  CHECK(cast.pair(2).mentions.empty());  // "Thanks for having me."
  CHECK(cast.pair(2).mention_participants.empty());
  const detail::PairReading greeting = cast.pair(1);
  REQUIRE_FALSE(greeting.mentions.empty());
  CHECK(greeting.mentions[0].kind == detail::MentionKind::Addressed);
  CHECK(cast.participants[static_cast<std::size_t>(greeting.mention_participants[0])].name == "Tom Reed");
}

TEST_CASE("byte pairs: every piece of a text may occur in it; a pair of letters it lacks may not") {
  // Random texts of English, Chinese, accented and stray bytes: no substring is ever ruled out.
  const std::string_view pieces[] = {"a", "b", "e", "t", "h", " ", ",", ".", "?", "'", "you", "\xE6\xAC\xA2",
                                     "\xE8\xBF\x8E", "\xEF\xBC\x8C", "\xE3\x80\x82", "\xC3\xA9", "\xEF", "\x80"};
  std::mt19937 random(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 16);
    for (int i = 0; i < count; ++i) text += pieces[random() % std::size(pieces)];
    const detail::BytePairs pairs(text);
    for (std::size_t begin = 0; begin < text.size(); ++begin)
      for (std::size_t end = begin; end <= text.size() && end <= begin + 12; ++end) {
        CAPTURE(text);
        REQUIRE(pairs.may_contain(std::string_view(text).substr(begin, end - begin)));
      }
  }
  // Letter pairs have slots of their own: exactly those of the text may occur.
  const std::string text = "hello there";
  const detail::BytePairs pairs(text);
  for (char a = 'a'; a <= 'z'; ++a)
    for (char b = 'a'; b <= 'z'; ++b) {
      const std::string pair{a, b};
      CAPTURE(pair);
      CHECK(pairs.may_contain(pair) == (text.find(pair) != std::string::npos));
    }
  CHECK_FALSE(pairs.may_contain("hex"));
  CHECK(pairs.may_contain("lo th"));
  CHECK(pairs.may_contain("q"));  // one byte: no pair to rule it out
  CHECK(pairs.may_contain(""));
}

TEST_CASE("wording phrases are found at either end of a side, in either language") {
  detail::PairSides sides;
  sides.latin = "Thanks for having me";  // the phrase is the whole side
  CHECK(detail::read_wording(sides).guest_thanks.words() == "thanks for having me");
  sides.latin = "Oh, and welcome to";  // at the end
  CHECK(detail::read_wording(sides).host_wording.words() == "welcome to");
  sides.latin = "So. That's all for today";
  CHECK(detail::read_wording(sides).sign_off.words() == "that's all for today");
  sides.latin = "Thanks for inviting me, I'm curious";  // the first phrase of the list wins, wherever it is
  CHECK(detail::read_wording(sides).guest_thanks.words() == "thanks for inviting");
  CHECK(detail::read_wording(sides).host_wording.words() == "i'm curious");
  sides.latin = "Thanks for havin me";
  CHECK_FALSE(detail::read_wording(sides).guest_thanks.found());
  sides.latin = "";
  sides.han = "谢谢邀请";
  CHECK(detail::read_wording(sides).guest_thanks.words() == "谢谢邀请");
  sides.han = "好的，我想问";
  CHECK(detail::read_wording(sides).host_wording.words() == "我想问");
  sides.han = "李明，欢迎。";
  CHECK(detail::read_wording(sides).greeting.words() == "，欢迎。");
  sides.han = "我想";
  CHECK_FALSE(detail::read_wording(sides).host_wording.found());
}

TEST_CASE("a cue names its phrase by a pointer into the constant lists: a pair's cues stay small") {
  // A version keeps every pair's cues (speaker_memo.hpp): the four phrases
  // are pointers, not views, and the counts 32 bits (152 bytes a pair before).
  CHECK(sizeof(detail::Cue) == sizeof(void*));
  CHECK(sizeof(detail::PairCues) <= 80);
  detail::PairSides first, second;
  first.latin = "Welcome to the show.";
  second.latin = "Hi all, and welcome to our show";
  const detail::Cue a = detail::read_wording(first).host_wording, b = detail::read_wording(second).host_wording;
  REQUIRE(a.found());
  CHECK(a.words() == "welcome to");
  CHECK(a.phrase == b.phrase);  // the same element of the same list, whichever text found it
  CHECK(a == b);
  CHECK_FALSE(detail::read_wording(first).guest_thanks.found());
  CHECK(detail::read_wording(first).guest_thanks.words().empty());
  CHECK(detail::read_wording(first).guest_thanks == detail::Cue{});
}

TEST_CASE("a side's words are its runs of ASCII letters, digits and apostrophes; sentence marks are found both ways") {
  detail::PairSides sides;
  sides.latin = "It took 5 years, 10 at most.";
  CHECK(detail::read_wording(sides).words == 7);
  sides.latin = "José's café";  // an accented letter is no ASCII letter: "jos", "'s", "caf"
  CHECK(detail::read_wording(sides).words == 3);
  CHECK(detail::last_sentence_mark("a. b? c") == 4);
  CHECK(detail::last_sentence_mark("a. b! c.") == 7);
  CHECK(detail::last_sentence_mark("no mark") == std::string_view::npos);
  CHECK(detail::last_sentence_mark("wow! so") == 3);
  CHECK(detail::first_sentence_mark("so, wow! ok.", 0) == 7);
  CHECK(detail::last_sentence_mark("") == std::string_view::npos);
  CHECK(detail::first_sentence_mark("a. b? c", 0) == 1);
  CHECK(detail::first_sentence_mark("a. b? c", 2) == 4);
  CHECK(detail::first_sentence_mark("a. b? c", 5) == std::string_view::npos);
  CHECK(detail::first_sentence_mark("a.", 9) == std::string_view::npos);
}

TEST_CASE("a Chinese question is read in the last two sentences, past a tag question") {
  detail::PairSides sides;
  sides.han = "你去过那里吗？";
  CHECK(detail::read_wording(sides).question);
  sides.han = "你去过那里吗？我去过。";  // the sentence before the last asks
  CHECK(detail::read_wording(sides).question);
  sides.han = "你去过那里吗？我去过。很美。";  // three back: no longer read
  CHECK_FALSE(detail::read_wording(sides).question);
  sides.han = "这很美，对吧？";
  CHECK_FALSE(detail::read_wording(sides).question);
  sides.han = "你去过吗?我去过!";  // ASCII marks too
  CHECK(detail::read_wording(sides).question);
  sides.han = "你去过吗？我去过！真的";  // a last sentence without its mark
  CHECK_FALSE(detail::read_wording(sides).question);
}

TEST_CASE("a pair's cues are 56 bytes: the wording's flags in bits, the mentions one pointer shared by copies") {
  static_assert(sizeof(detail::PairCues) <= 56, "a version keeps one per pair (speaker_memo.hpp)");
  detail::PairSides sides;
  sides.latin = "Welcome to Long Night. I'm Anna Berg.";
  const detail::PairCues with = detail::read_pair_cues(sides);
  const std::vector<detail::NameMention> read = detail::read_name_mentions(sides);
  REQUIRE(with.mentions().size() == 1);
  REQUIRE(read.size() == 1);
  CHECK(with.mentions()[0].name == "Anna Berg");
  CHECK(with.mentions()[0].kind == detail::MentionKind::SelfIntroduction);
  CHECK(with.mentions()[0].words == read[0].words);
  CHECK(with.wording == detail::read_wording(sides));
  CHECK(with.wording.host_wording.found());
  const detail::PairCues copy = with;  // as a version takes an unchanged pair's cues from the previous one
  CHECK(&copy.mentions() == &with.mentions());
  CHECK(copy.wording == with.wording);

  sides.latin = "How did you start writing?";
  const detail::PairCues without = detail::read_pair_cues(sides);
  CHECK(without.mentions().empty());
  CHECK(bool(without.wording.question));
  CHECK_FALSE(bool(without.wording.back_channel));
  detail::PairCues none;
  none.set_mentions({});
  CHECK(&none.mentions() == &without.mentions());  // the one empty list, nothing allocated

  detail::PairWording flags;
  flags.question = true;
  flags.ends_open = true;
  CHECK(bool(flags.question));
  CHECK(bool(flags.ends_open));
  CHECK_FALSE(bool(flags.back_channel));
  CHECK_FALSE(bool(flags.answer_opening));
  CHECK_FALSE(bool(flags.agreement_opening));
  CHECK_FALSE(bool(flags.reaction_opening));
  CHECK_FALSE(bool(flags.continues_talk));
  CHECK_FALSE(bool(flags.speaks_to_listener));
  CHECK_FALSE(bool(flags.starts_mid_sentence));
  CHECK(flags != detail::PairWording{});
  flags.question = false;
  flags.ends_open = false;
  CHECK(flags == detail::PairWording{});
}
