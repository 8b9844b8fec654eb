// Wording cues of one pair for speaker inference: does it ask, is it a bare
// back-channel reply, does it open like an answer, does it carry host or guest
// phrases. English phrases are read on the Latin side, Chinese ones on the Han
// side; either language alone can raise a cue, since translations drop or add
// the small words a cue rests on.
#include <algorithm>
#include <array>
#include <cctype>
#include <span>

#include "byte_pairs.hpp"
#include "chars.hpp"
#include "speaker_cues.hpp"

namespace bitext::detail {
namespace {

void add_side_ranges(const Transcript& transcript, const SideLines& lines,
                     const TextRanges& ranges, SideRanges& out) {
  if (!ranges.empty()) {
    out.append(ranges.begin(), ranges.end());
    return;
  }
  for (std::uint32_t line : lines)
    if (line < transcript.lines.size()) out.push_back({transcript.lines[line].begin, transcript.lines[line].end});
}

bool readable(std::string_view text, const Pair::TextRange& range) {
  return range.begin < range.end && range.end <= text.size();
}

// The side's text: a view of `text` when one range has text, else the ranges
// joined into `joined`.
std::string_view side_text(std::string_view text, const SideRanges& ranges,
                           std::unique_ptr<std::array<std::string, 2>>& joined, std::size_t slot) {
  const auto count = static_cast<std::size_t>(
      std::count_if(ranges.begin(), ranges.end(), [&](const Pair::TextRange& range) { return readable(text, range); }));
  if (count == 0) return {};
  if (count == 1) {
    for (const Pair::TextRange& range : ranges)
      if (readable(text, range)) return text.substr(range.begin, range.end - range.begin);
  }
  if (!joined) joined = std::make_unique<std::array<std::string, 2>>();
  std::string& out = (*joined)[slot];
  for (const Pair::TextRange& range : ranges) {
    if (!readable(text, range)) continue;
    if (!out.empty()) out += ' ';
    out.append(text.substr(range.begin, range.end - range.begin));
  }
  return out;
}

// The first of `needles` (in their order) that occurs in `haystack`; `pairs`
// are the byte pairs of `haystack` or of a text it is part of.
// The first of `needles` (in their order) that occurs in `haystack`, as a
// pointer into `needles` (null when none); `pairs` as for contains_any.
const std::string_view* first_contained(std::string_view haystack, const BytePairs& pairs,
                                        std::span<const std::string_view> needles) {
  for (const std::string_view& needle : needles)
    if (pairs.may_contain(needle) && haystack.find(needle) != std::string_view::npos) return &needle;
  return nullptr;
}
bool contains_any(std::string_view haystack, const BytePairs& pairs, std::span<const std::string_view> needles,
                  std::string_view& found) {
  const std::string_view* first = first_contained(haystack, pairs, needles);
  if (first) found = *first;
  return first != nullptr;
}

std::string_view trim_cue_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The last sentence of a Latin text (lower-cased input), without its end mark.
std::string_view last_sentence(std::string_view lower) {
  lower = trim_cue_blanks(lower);
  if (lower.empty()) return lower;
  std::size_t end = lower.size() - 1;
  while (end > 0 && (lower[end] == '.' || lower[end] == '?' || lower[end] == '!')) --end;
  std::size_t begin = last_sentence_mark(lower.substr(0, end + 1));
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  return trim_cue_blanks(lower.substr(begin, end + 1 - begin));
}

// Tags that end a statement with a question mark without asking anything.
constexpr std::string_view kTagQuestions[] = {
    "right", "you know", "yeah", "okay", "ok", "no", "huh", "isn't it", "don't you think", "correct", "see", "eh"};
constexpr std::string_view kHanTagQuestions[] = {"对吧？", "是吧？", "对不对？", "对吗？", "不是吗？",
                                                 "对吧?", "是吧?", "对不对?", "对吗?", "不是吗?"};

// Does one of the text's last two sentences ask? The question often comes
// before a closing remark ("... how did it start? I hear it's quite a story.").
// Words that report a question rather than put it: "so we were like, fine.
// Where do we even start?", "readers keep asking me like, oh, where do the
// names come from?" (a story, not a question to the listener).
constexpr std::string_view kReportingWords[] = {"were like,", "was like,", "are like,", "'re like,", "ask us", "asked us",
                                                "asking us", "ask me", "asked me", "asking me", "like, oh",
                                                "i wondered", "we wondered", "i thought, ", "we thought, "};

enum class Asking : std::uint8_t { No, Asks, Reported };

Asking latin_question(std::string_view lower, const BytePairs& pairs) {
  std::string_view rest = trim_cue_blanks(lower);
  for (int sentence = 0; sentence < 2 && !rest.empty(); ++sentence) {
    const std::string_view last = last_sentence(rest);
    std::size_t mark = rest.size();
    while (mark > 0 && (rest[mark - 1] == '.' || rest[mark - 1] == '?' || rest[mark - 1] == '!' || rest[mark - 1] == ' '))
      --mark;
    const bool asks = mark < rest.size() && rest.substr(mark).find('?') != std::string_view::npos;
    const std::size_t begin = last_sentence_mark(rest.substr(0, mark));
    if (asks && std::find(std::begin(kTagQuestions), std::end(kTagQuestions), last) == std::end(kTagQuestions)) {
      // The question and the sentence before it: reported there, it asks nobody.
      const std::string_view before = begin == std::string_view::npos ? std::string_view{} : last_sentence(rest.substr(0, begin + 1));
      std::string_view found;
      if (contains_any(last, pairs, kReportingWords, found) || contains_any(before, pairs, kReportingWords, found))
        return Asking::Reported;
      return Asking::Asks;
    }
    if (begin == std::string_view::npos) break;
    rest = trim_cue_blanks(rest.substr(0, begin + 1));
  }
  return Asking::No;
}

constexpr std::string_view kHanSentenceEnds[] = {"。", "？", "！", "?", "!"};
// The bytes those end with: most places of a side end with none, and need no comparison.
constexpr std::array<bool, 256> kHanSentenceEndLastBytes = [] {
  std::array<bool, 256> last{};
  for (std::string_view end : kHanSentenceEnds) last[static_cast<unsigned char>(end.back())] = true;
  return last;
}();

bool han_question(std::string_view han) {
  std::string_view rest = trim_cue_blanks(han);
  for (int sentence = 0; sentence < 2 && !rest.empty(); ++sentence) {
    const bool asks = ends_with(rest, "？") || ends_with(rest, "?");
    bool tag = false;
    for (std::string_view t : kHanTagQuestions)
      if (ends_with(rest, t)) tag = true;
    if (asks && !tag) return true;
    // Drop the last sentence: back to the previous sentence end.
    rest.remove_suffix(ends_with(rest, "?") || ends_with(rest, "!") || ends_with(rest, ".") ? 1 : std::min<std::size_t>(3, rest.size()));
    // The end of the last sentence mark: the first place, going back, where one ends.
    std::size_t cut = std::string_view::npos;
    for (std::size_t at = rest.size(); at > 0 && cut == std::string_view::npos; --at) {
      if (!kHanSentenceEndLastBytes[static_cast<unsigned char>(rest[at - 1])]) continue;
      const std::string_view head = rest.substr(0, at);
      for (std::string_view end : kHanSentenceEnds)
        if (ends_with(head, end)) cut = at;
    }
    if (cut == std::string_view::npos) break;
    rest = rest.substr(0, cut);
  }
  return false;
}

// Words a listener says without taking the floor.
constexpr std::string_view kBackChannelWords[] = {
    "yeah", "yes", "yep", "yup", "right", "exactly", "sure", "okay", "ok", "mm-hmm", "mhm", "uh-huh",
    "totally", "absolutely", "true", "wow", "cool", "great", "nice", "indeed", "definitely", "agreed", "hmm", "no",
    // short confirmations: "That's right.", "That is correct.", "Oh, totally."
    "that's", "that", "is", "correct", "oh", "so", "of", "course", "it", "yes", "fair", "enough"};

bool latin_back_channel(std::string_view lower) {
  std::size_t words = 0;
  std::string word;
  auto flush = [&]() -> bool {
    if (word.empty()) return true;
    ++words;
    const bool ok = std::find(std::begin(kBackChannelWords), std::end(kBackChannelWords), word) != std::end(kBackChannelWords);
    word.clear();
    return ok;
  };
  for (char c : lower) {
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '\'') {
      word += c;
    } else if (!flush()) {
      return false;
    }
  }
  if (!flush()) return false;
  return words >= 1 && words <= 4;
}

constexpr std::string_view kHanBackChannel[] = {"对", "对对", "是的", "是", "没错", "嗯", "确实",
                                                              "好的", "好", "当然", "对啊", "是啊", "没错没错", "真的"};

bool han_back_channel(std::string_view han) {
  std::string_view s = trim_cue_blanks(han);
  // Strip trailing and separating marks: "对。", "对，对。", "是的！"
  std::string bare;
  for (std::size_t i = 0; i < s.size();) {
    const std::string_view rest = s.substr(i);
    bool mark = false;
    for (std::string_view p : {"。", "，", "！", "、", "…", ".", ",", "!", " "}) {
      if (rest.substr(0, p.size()) == p) {
        i += p.size();
        mark = true;
        break;
      }
    }
    if (!mark) bare += s[i++];
  }
  if (bare.empty() || bare.size() > 12) return false;
  for (std::string_view word : kHanBackChannel) {
    // The reply may repeat its word: "对对对", "是的是的".
    std::string_view rest = bare;
    while (rest.substr(0, word.size()) == word) rest.remove_prefix(word.size());
    if (rest.empty()) return true;
  }
  return false;
}

constexpr std::string_view kAnswerOpenings[] = {
    "yeah", "yes", "yep", "well", "right", "exactly", "sure", "absolutely", "no", "so, first",
    "great question", "that's a great question", "it's an interesting question", "good question", "i think", "totally"};
constexpr std::string_view kHanAnswerOpenings[] = {"是的", "没错", "对", "确实", "嗯", "当然", "好问题",
                                                                "这是个好问题"};

// Words that open a reply by taking up what the previous speaker said.
constexpr std::string_view kAgreementOpenings[] = {"yeah", "yes", "yep", "right", "exactly", "sure", "absolutely",
                                                   "totally", "well", "no"};
constexpr std::string_view kHanAgreementOpenings[] = {"是的", "没错", "对，", "对。", "对,", "确实", "嗯", "当然，"};

// Openers that judge what the previous speaker said: a listener taking the floor.
constexpr std::string_view kReactionOpenings[] = {
    "[laughs]", "[laughter]", "ha, ", "haha",  // one laughs at what someone else said
    "i love that", "i love it", "love that", "that's great", "that's amazing", "that's awesome", "awesome",
    "that's fascinating", "fascinating", "that's a great point", "great point", "good point", "that's so cool",
    "that's really interesting", "it's a really interesting point", "that's a really interesting", "wow",
    "that sounds", "that's wonderful", "that's clever", "that's fair", "fair enough", "of course they"};
constexpr std::string_view kHanReactionOpenings[] = {"太棒了", "太好了", "太妙了", "我喜欢", "真聪明", "有道理",
                                                     "很有意思", "非常有趣", "这听起来"};

// Connectives that carry a speaker's own talk on into the next paragraph.
constexpr std::string_view kContinuations[] = {"and ", "and, ", "but ", "but, ", "so ", "because ", "also, ",
                                               "plus, ", "or ", "and then ", "which "};
constexpr std::string_view kHanContinuations[] = {"而且", "但是", "所以", "因为", "另外", "还有", "不过"};

// Words said to the one who just spoke, about what they said or did: the
// speaker is someone else. Not the generic "you" ("you know", "if you ...").
constexpr std::string_view kToListener[] = {
    "you mentioned", "you said", "as you say", "you talk about", "you talked about", "you were talking about",
    "you bring up", "you brought up", "you've talked about", "you were saying", "you just said", "your point",
    "you guys", "heard you", "you've been working", "you've seen", "you obviously", "your perspective", "your work"};
constexpr std::string_view kHanToListener[] = {"你提到", "你刚才说", "你说的", "你们", "你刚才提到", "你的观点"};

constexpr std::string_view kGuestThanks[] = {
    "thanks for having me", "thank you for having me", "thanks for having us", "thank you for having us",
    "thanks for inviting", "glad to be here", "happy to be here", "great to be here"};
constexpr std::string_view kHanGuestThanks[] = {"谢谢邀请", "感谢邀请", "很高兴来到", "很高兴参加",
                                                             "谢谢你们邀请"};
constexpr std::string_view kHostWording[] = {
    "welcome to", "thanks for coming on", "thanks so much for coming on", "thank you for coming on",
    "thanks for joining us", "thank you for joining us", "welcome back to", "welcome to the show",
    "thanks for being here", "welcome, everybody", "kick it off", "kick things off", "first question",
    "let's get started", "let's start with", "i'm curious", "i'm super curious", "i'd love to hear", "i want to ask",
    "let me ask", "i wanted to ask", "my question is", "i'd like to ask"};
constexpr std::string_view kHanHostWording[] = {"欢迎收听", "欢迎来到", "欢迎大家", "谢谢你来到",
                                                 "感谢你来到", "非常感谢你的到来", "第一个问题", "我们开始吧", "我很好奇", "我想问"};
// Greetings said to someone arriving ("Inês, welcome.", "Hi, Dana."): with
// their name, they mark the one greeted as a guest of the show.
constexpr std::string_view kGreetings[] = {", welcome.", ", welcome!", "welcome, ", "hi, ", "hello, ", "hey, ",
                                           "good to have you", "great to have you", "nice to have you"};
constexpr std::string_view kHanGreetings[] = {"，欢迎你", "，欢迎。", "，欢迎！", "，你好"};
constexpr std::string_view kSignOff[] = {
    "best way for", "where can people", "where can folks", "thanks for coming on the show",
    "we'll let you get back", "thank you so much for joining", "that's all for today"};

// Sentence ends: a run of end marks followed by a space or the end ("Okay... So" ends one).
std::size_t latin_sentences(std::string_view lower) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    const char c = lower[i];
    if (c != '.' && c != '?' && c != '!') continue;
    while (i + 1 < lower.size() && (lower[i + 1] == '.' || lower[i + 1] == '?' || lower[i + 1] == '!')) ++i;
    if (i + 1 == lower.size() || lower[i + 1] == ' ') ++count;
  }
  return std::max<std::size_t>(count, lower.empty() ? 0 : 1);
}

std::size_t han_sentences(std::string_view han) {
  std::size_t count = 0;
  for (std::string_view end : {"。", "？", "！"})
    for (std::size_t at = han.find(end); at != std::string_view::npos; at = han.find(end, at + end.size())) ++count;
  return std::max<std::size_t>(count, han.empty() ? 0 : 1);
}

}  // namespace

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {
bool is_sentence_mark(char c) { return c == '.' || c == '?' || c == '!'; }
}  // namespace

std::size_t last_sentence_mark(std::string_view text) {
  for (std::size_t at = text.size(); at > 0; --at)
    if (is_sentence_mark(text[at - 1])) return at - 1;
  return std::string_view::npos;
}

std::size_t first_sentence_mark(std::string_view text, std::size_t from) {
  for (std::size_t at = from; at < text.size(); ++at)
    if (is_sentence_mark(text[at])) return at;
  return std::string_view::npos;
}

bool is_accented_letter(std::string_view text, std::size_t at) {
  if (at + 1 >= text.size()) return false;
  const auto lead = static_cast<unsigned char>(text[at]);
  const auto next = static_cast<unsigned char>(text[at + 1]);
  if (lead < 0xC3 || lead > 0xC9 || next < 0x80 || next > 0xBF) return false;
  return !(lead == 0xC3 && (next == 0x97 || next == 0xB7));  // "×", "÷"
}

bool is_capitalised_word(std::string_view word) {
  if (word.size() < 2) return false;
  std::size_t at = 0;
  if (word[0] >= 'A' && word[0] <= 'Z') {
    at = 1;
  } else if (is_accented_letter(word, 0) && static_cast<unsigned char>(word[0]) == 0xC3 &&
             static_cast<unsigned char>(word[1]) < 0x9F) {
    at = 2;  // "Á" ... "Þ"
  } else {
    return false;
  }
  if (at >= word.size()) return false;
  while (at < word.size()) {
    const char c = word[at];
    if ((c >= 'a' && c <= 'z') || c == '\'' || c == '-' || (c >= 'A' && c <= 'Z')) {
      ++at;
    } else if (is_accented_letter(word, at)) {
      at += 2;
    } else {
      return false;
    }
  }
  return true;
}

PairSideRanges pair_side_ranges(const Transcript& transcript, std::size_t pair_number) {
  const bool translation_latin = transcript.translation_script == Script::Latin;
  const bool original_latin = transcript.original_script == Script::Latin;
  const bool translation_han = transcript.translation_script == Script::Han;
  const bool original_han = transcript.original_script == Script::Han;
  const Pair& pair = transcript.pairs[pair_number];
  PairSideRanges ranges;
  if (translation_latin || translation_han)
    add_side_ranges(transcript, pair.translation, pair.translation_ranges, translation_latin ? ranges.latin : ranges.han);
  if ((original_latin && !translation_latin) || (original_han && !translation_han))
    add_side_ranges(transcript, pair.original, pair.original_ranges, original_latin ? ranges.latin : ranges.han);
  return ranges;
}

std::vector<PairSides> pair_sides(const Transcript& transcript, std::string_view text) {
  std::vector<PairSides> sides(transcript.pairs.size());
  for (std::size_t i = 0; i < transcript.pairs.size(); ++i) {
    const PairSideRanges read = pair_side_ranges(transcript, i);
    sides[i].latin = side_text(text, read.latin, sides[i].joined, 0);
    sides[i].han = side_text(text, read.han, sides[i].joined, 1);
  }
  return sides;
}

PairSides pair_sides_of(std::string_view text, const PairSideRanges& ranges) {
  PairSides sides;
  sides.latin = side_text(text, ranges.latin, sides.joined, 0);
  sides.han = side_text(text, ranges.han, sides.joined, 1);
  return sides;
}

PairSides pair_sides_of(const PreviousText& text, const PairSideRanges& ranges) {
  // The bytes the ranges span, read once, and the ranges moved into them.
  std::size_t first = text.size(), last = 0;
  for (const SideRanges* side : {&ranges.latin, &ranges.han}) {
    for (const Pair::TextRange& range : *side) {
      if (range.begin >= range.end || range.end > text.size()) continue;
      first = std::min<std::size_t>(first, range.begin);
      last = std::max<std::size_t>(last, range.end);
    }
  }
  if (first >= last) return pair_sides_of(std::string_view(), PairSideRanges{});
  const std::string_view span = text.range(first, last);
  PairSideRanges moved;
  for (auto [from, to] : {std::pair{&ranges.latin, &moved.latin}, std::pair{&ranges.han, &moved.han}}) {
    for (Pair::TextRange range : *from) {
      if (range.begin >= range.end || range.end > text.size()) continue;  // not readable: left out as side_text does
      range.begin -= static_cast<decltype(range.begin)>(first);
      range.end -= static_cast<decltype(range.end)>(first);
      to->push_back(range);
    }
  }
  return pair_sides_of(span, moved);
}

// Words a reply opens with before what it says.
constexpr std::string_view kFillers[] = {"yeah. ", "yeah, ", "well, ", "oh, ", "no, ", "so, ", "right. "};

LatinReading::LatinReading(std::string_view latin) : lower(ascii_lower(latin)), pairs(lower) {}

PairWording read_wording(const PairSides& sides) { return read_wording(sides, LatinReading(sides.latin)); }

PairWording read_wording(const PairSides& sides, const LatinReading& latin_reading) {
  PairWording wording;
  const std::string_view lower = trim_cue_blanks(latin_reading.lower);  // lower-casing leaves the blanks trim_cue_blanks removes
  const std::string_view han = trim_cue_blanks(sides.han);
  const bool has_latin = !lower.empty();
  const bool has_han = !han.empty();
  const BytePairs& latin_pairs = latin_reading.pairs;  // the untrimmed side's: the same and more
  const BytePairs han_pairs(han);

  // A question when the English asks; the Chinese decides only without English.
  // A question when either language's last sentence asks: translations keep
  // questions the original leaves as statements ("I'd love to hear ...").
  const Asking latin_asks = has_latin ? latin_question(lower, latin_pairs) : Asking::No;
  wording.question = latin_asks == Asking::Asks || (latin_asks == Asking::No && has_han && han_question(han));
  wording.back_channel = has_latin ? latin_back_channel(lower) : han_back_channel(han);
  if (has_latin && has_han && !wording.back_channel) wording.back_channel = latin_back_channel(lower) && han_back_channel(han);

  for (std::string_view opening : kAnswerOpenings) {
    if (lower.rfind(opening, 0) == 0 && (lower.size() == opening.size() || !std::isalpha(static_cast<unsigned char>(lower[opening.size()])))) {
      wording.answer_opening = true;
      break;
    }
  }
  if (!wording.answer_opening && !has_latin)
    for (std::string_view opening : kHanAnswerOpenings)
      if (han.substr(0, opening.size()) == opening) wording.answer_opening = true;
  for (std::string_view opening : kAgreementOpenings)
    if (lower.rfind(opening, 0) == 0 && lower.size() > opening.size() && !std::isalpha(static_cast<unsigned char>(lower[opening.size()])))
      wording.agreement_opening = true;
  if (!has_latin)
    for (std::string_view opening : kHanAgreementOpenings)
      if (han.substr(0, opening.size()) == opening) wording.agreement_opening = true;

  // Past a "Yeah." or "Well," that opens it: "Yeah. It's a really interesting point."
  std::string_view opened = lower;
  for (int skip = 0; skip < 3; ++skip) {
    bool skipped = false;
    for (std::string_view filler : kFillers) {
      if (opened.substr(0, filler.size()) == filler) {
        opened.remove_prefix(filler.size());
        skipped = true;
      }
    }
    if (!skipped) break;
  }
  for (std::string_view reaction : kReactionOpenings)
    if (opened.substr(0, reaction.size()) == reaction) wording.reaction_opening = true;
  if (!has_latin)
    for (std::string_view reaction : kHanReactionOpenings)
      if (han.substr(0, reaction.size()) == reaction) wording.reaction_opening = true;

  for (std::string_view connective : kContinuations)
    if (lower.rfind(connective, 0) == 0) wording.continues_talk = true;
  if (!has_latin)
    for (std::string_view connective : kHanContinuations)
      if (han.substr(0, connective.size()) == connective) wording.continues_talk = true;
  std::string_view to_listener;
  // ... or a pair that opens on the listener's doings: "Your last book took five years".
  wording.speaks_to_listener = has_latin ? contains_any(lower, latin_pairs, kToListener, to_listener) || lower.rfind("your ", 0) == 0
                                         : contains_any(han, han_pairs, kHanToListener, to_listener) || han.rfind("你的", 0) == 0;

  const std::string_view latin = trim_cue_blanks(sides.latin);
  wording.starts_mid_sentence = !latin.empty() && latin[0] >= 'a' && latin[0] <= 'z';
  if (!latin.empty()) {
    const char last = latin.back();
    wording.ends_open = !(last == '.' || last == '?' || last == '!' || last == '"' || last == '\'' || last == ')');
  }

  std::size_t words = 0;
  bool in_word = false;
  for (char c : lower) {
    const auto byte = static_cast<unsigned char>(c);  // std::isalnum in the C locale, without its call
    const bool letter = chars::is_ascii_letter(byte) || chars::is_ascii_digit(byte) || c == '\'';
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  // A Han character is 3 bytes; two make about a word.
  wording.words = static_cast<std::uint32_t>(has_latin ? words : han.size() / 6);
  wording.sentences = static_cast<std::uint32_t>(has_latin ? latin_sentences(lower) : han_sentences(han));

  // Pointers into the constant lists above, which outlive every wording; the
  // Han list is searched only when the Latin one has none.
  wording.guest_thanks.phrase = first_contained(lower, latin_pairs, kGuestThanks);
  if (!wording.guest_thanks.found()) wording.guest_thanks.phrase = first_contained(han, han_pairs, kHanGuestThanks);
  wording.host_wording.phrase = first_contained(lower, latin_pairs, kHostWording);
  if (!wording.host_wording.found()) wording.host_wording.phrase = first_contained(han, han_pairs, kHanHostWording);
  wording.sign_off.phrase = first_contained(lower, latin_pairs, kSignOff);
  wording.greeting.phrase = has_latin ? first_contained(lower, latin_pairs, kGreetings)
                                      : first_contained(han, han_pairs, kHanGreetings);
  return wording;
}

}  // namespace bitext::detail
