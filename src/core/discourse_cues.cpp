// Discourse cues of where a sentence belongs: a sentence that opens with a
// connective or an anaphor continues the one before it, and one that ends
// with a colon introduces what follows it. The lists are the short, standard
// ones: the commonest sentence-initial explicit connectives of the Penn
// Discourse Treebank (Prasad et al. 2008) and of the Chinese Discourse
// Treebank (Zhou & Xue 2012), and the personal and demonstrative reference
// items of Halliday & Hasan, "Cohesion in English" (1976), with their
// Chinese counterparts. No word here comes from the calibration data.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "bitext/text.hpp"
#include "chars.hpp"
#include "content_stages.hpp"

namespace bitext::content {

namespace {
constexpr std::array<std::string_view, 34> kEnglishOpeners = {
    // connectives
    "however", "but", "also", "so", "thus", "therefore", "then", "instead", "moreover", "furthermore", "otherwise",
    "nevertheless", "hence", "still", "yet", "besides", "meanwhile", "in addition", "for example", "for instance",
    "as a result", "in fact",
    // reference items
    "this", "these", "that", "those", "it", "its", "they", "their", "such", "he", "she", "his"};
constexpr std::array<std::string_view, 24> kChineseOpeners = {
    // connectives
    "但", "不过", "然而", "另外", "此外", "而且", "并且", "因此", "所以", "因而", "于是", "例如", "比如", "同时",
    "否则",
    // reference items (这 also covers 这些, 这样; 它 它们; 他 他们)
    "这", "那", "该", "它", "其", "此", "他", "她", "本"};

// A cross-reference ("See Chapter 5…", "参见 第 5 章…") points from what the
// text before it said to more on it, so it continues that text: a manual puts
// it after the content it refers from.
constexpr std::array<std::string_view, 1> kEnglishReferences = {"see"};
constexpr std::array<std::string_view, 7> kChineseReferences = {"参见", "参看", "请参见", "请参看", "请参阅", "参阅", "详见"};

// A pointer to further reading ("For more information, see…", "Read the
// manual page for details.", "欲了解更多信息，请阅读…", "详情请见…") closes
// what it points from, as a cross-reference does, wherever it says so in
// the sentence: the English purpose phrase, or in Chinese the noun of more
// detail with a verb of reading.
constexpr std::array<std::string_view, 3> kEnglishFurther = {"for more ", "for further ", "for additional "};
constexpr std::array<std::string_view, 3> kEnglishDetail = {"information", "details", "info"};
constexpr std::array<std::string_view, 3> kChineseFurther = {"更多", "详细", "进一步"};
constexpr std::array<std::string_view, 4> kChineseDetail = {"信息", "细节", "资料", "内容"};
constexpr std::array<std::string_view, 10> kChineseReading = {"阅读", "参见", "参阅", "参看", "请见", "详见",
                                                              "浏览", "访问", "查看", "查阅"};

// A yes-no question's answer said alone: English "Yes."/"No.", and in
// Chinese the question's verb or its negation (有, 可以, 不能: Chinese
// answers echo the verb; Li & Thompson, "Mandarin Chinese", 1981, ch. 18).
constexpr std::array<std::string_view, 2> kEnglishAnswers = {"yes", "no"};
constexpr std::array<std::string_view, 16> kChineseAnswers = {"是", "是的", "不是", "对", "不", "有", "没有", "可以",
                                                              "不可以", "能", "不能", "会", "不会", "行", "不行", "好"};

bool is_ascii_letter(char c) { return chars::is_ascii_letter(static_cast<unsigned char>(c)); }
char ascii_lower(char c) { return chars::is_ascii_upper(static_cast<unsigned char>(c)) ? char(c - 'A' + 'a') : c; }

// The text without leading blanks and opening quotes or brackets.
std::string_view opening(std::string_view text) {
  for (std::size_t before = text.size() + 1; text.size() < before;) {
    before = text.size();
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    text = chars::without_opening_marks(text);
  }
  return text;
}

bool starts_with_english(std::string_view text, std::string_view phrase) {
  if (text.size() < phrase.size()) return false;
  for (std::size_t i = 0; i < phrase.size(); ++i)
    if (ascii_lower(text[i]) != phrase[i]) return false;
  return text.size() == phrase.size() || !is_ascii_letter(text[phrase.size()]);
}
}  // namespace

bool opens_with_continuation(std::string_view sentence) {
  const std::string_view text = opening(sentence);
  if (text.empty()) return false;
  auto english = [&](std::string_view phrase) { return starts_with_english(text, phrase); };
  auto chinese = [&](std::string_view word) { return text.starts_with(word); };
  if (is_ascii_letter(text.front()))
    return std::any_of(kEnglishOpeners.begin(), kEnglishOpeners.end(), english) ||
           std::any_of(kEnglishReferences.begin(), kEnglishReferences.end(), english);
  return std::any_of(kChineseOpeners.begin(), kChineseOpeners.end(), chinese) ||
         std::any_of(kChineseReferences.begin(), kChineseReferences.end(), chinese);
}

bool points_further(std::string_view sentence) {
  auto english_at = [&](std::size_t at, std::string_view phrase) {
    return (at == 0 || !is_ascii_letter(sentence[at - 1])) && starts_with_english(sentence.substr(at), phrase);
  };
  for (std::size_t at = 0; at < sentence.size(); ++at) {
    if (ascii_lower(sentence[at]) != 'f') continue;
    // "for details", or "for more/further/additional" and the noun
    if (english_at(at, "for details")) return true;
    for (std::string_view further : kEnglishFurther) {
      if (!english_at(at, further.substr(0, further.size() - 1))) continue;
      const std::size_t noun = at + further.size();
      if (noun <= sentence.size() && sentence[noun - 1] == ' ' &&
          std::any_of(kEnglishDetail.begin(), kEnglishDetail.end(),
                      [&](std::string_view word) { return english_at(noun, word); }))
        return true;
    }
  }
  auto contains = [&](std::string_view word) { return sentence.find(word) != std::string_view::npos; };
  // 详情 ("the details"), or 更多/详细/进一步 (的) and the noun
  const bool detail = contains("详情") || std::any_of(kChineseFurther.begin(), kChineseFurther.end(), [&](std::string_view more) {
    for (std::size_t at = sentence.find(more); at != std::string_view::npos; at = sentence.find(more, at + 1)) {
      std::string_view rest = sentence.substr(at + more.size());
      if (rest.starts_with("的")) rest.remove_prefix(std::string_view("的").size());
      if (std::any_of(kChineseDetail.begin(), kChineseDetail.end(), [&](std::string_view noun) { return rest.starts_with(noun); }))
        return true;
    }
    return false;
  });
  return detail && std::any_of(kChineseReading.begin(), kChineseReading.end(), contains);
}

bool is_answer_alone(std::string_view sentence) {
  std::string_view text = opening(sentence);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  // One sentence-final mark, ASCII or full width.
  for (std::string_view mark : {".", "!", "。", "！"}) {
    if (text.ends_with(mark)) {
      text.remove_suffix(mark.size());
      break;
    }
  }
  if (text.empty()) return false;
  if (is_ascii_letter(text.front()))
    return std::any_of(kEnglishAnswers.begin(), kEnglishAnswers.end(), [&](std::string_view word) {
      return text.size() == word.size() && starts_with_english(text, word);
    });
  return std::find(kChineseAnswers.begin(), kChineseAnswers.end(), text) != kChineseAnswers.end();
}

std::string opening_words(std::string_view sentence) {
  std::string out;
  int words = 0;
  for (std::size_t at = 0; at < sentence.size() && words < 2;) {
    const DecodedCodePoint decoded = decode_utf8(sentence, at);
    const char32_t c = decoded.code_point;
    if (chars::is_ascii_letter(c)) {
      if (words > 0) out += ' ';
      while (at < sentence.size() && is_ascii_letter(sentence[at])) out += ascii_lower(sentence[at++]);
      ++words;
      continue;
    }
    if (chars::is_han(c)) {
      if (words > 0) out += ' ';
      out += sentence.substr(at, decoded.length);
      ++words;
    }
    at += std::max<std::size_t>(decoded.length, 1);
  }
  return words == 2 ? out : std::string{};
}

}  // namespace bitext::content
