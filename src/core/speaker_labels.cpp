// The forms of a speaker label at the start of a text, and what makes a name
// look like a speaker's. Offsets are bytes relative to the text given.
#include "bitext/speaker_labels.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>

#include "bitext/text.hpp"
#include "chars.hpp"

namespace bitext {
namespace {

constexpr std::string_view kFullColon = "\uFF1A";
constexpr std::size_t kMaxNameBytes = 80;
constexpr std::size_t kMaxWords = 5;
constexpr std::size_t kMaxCjk = 12;

bool ascii_space(char c) { return c == ' ' || c == '\t'; }
bool digit(char c) { return c >= '0' && c <= '9'; }

// Blanks (White_Space, zero-width, byte order mark) from `at` on.
std::size_t skip_blanks(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    if (!decoded.valid || !chars::is_blank(decoded.code_point)) break;
    if (decoded.code_point == U'\n' || decoded.code_point == U'\r') break;
    at += decoded.length;
  }
  return at;
}

// Blanks including line ends.
std::size_t skip_white(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    if (!decoded.valid || !chars::is_blank(decoded.code_point)) break;
    at += decoded.length;
  }
  return at;
}

// Where the line that `at` is on ends (two memchr: find_first_of tests the
// set at every byte, most of read_label's time on a line without a label).
std::size_t line_end(std::string_view text, std::size_t at) {
  if (at >= text.size()) return text.size();
  const char* from = text.data() + at;
  std::size_t length = text.size() - at;
  if (const void* newline = std::memchr(from, '\n', length)) length = static_cast<const char*>(newline) - from;
  if (const void* cr = std::memchr(from, '\r', length)) length = static_cast<const char*>(cr) - from;
  return at + length;
}

bool rest_of_line_blank(std::string_view text, std::size_t at) { return skip_blanks(text, at) == line_end(text, at); }

// [h:]m:ss with optional fractions (".500", ",500"); returns its end or npos.
std::size_t timestamp_end(std::string_view text, std::size_t at) {
  std::size_t groups = 0;
  std::size_t pos = at;
  while (true) {
    const std::size_t start = pos;
    while (pos < text.size() && digit(text[pos])) ++pos;
    const std::size_t digits = pos - start;
    if (digits == 0 || digits > 2 + (groups == 0 ? 1 : 0)) return std::string_view::npos;
    if (groups > 0 && digits != 2) return std::string_view::npos;
    ++groups;
    if (pos < text.size() && text[pos] == ':' && groups < 3) {
      ++pos;
      continue;
    }
    break;
  }
  if (groups < 2) return std::string_view::npos;
  if (pos + 1 < text.size() && (text[pos] == '.' || text[pos] == ',') && digit(text[pos + 1])) {
    ++pos;
    while (pos < text.size() && digit(text[pos])) ++pos;
  }
  return pos;
}

// A colon after `at` (ASCII ":" followed by a blank or the end, or "："):
// the position past it, or npos.
std::size_t colon_end(std::string_view text, std::size_t at) {
  if (text.substr(at, kFullColon.size()) == kFullColon) return at + kFullColon.size();
  if (at < text.size() && text[at] == ':') {
    if (at + 1 == text.size() || ascii_space(text[at + 1]) || text[at + 1] == '\r' || text[at + 1] == '\n')
      return at + 1;
    // "Name:text" is rare; "10:30", "https://" are not labels.
  }
  return std::string_view::npos;
}

// The first colon of the line within the name's reach (ASCII or full-width),
// outside parentheses (a timestamp's colons: "Name (00:01:02):").
std::size_t find_colon(std::string_view text, std::size_t from) {
  const std::size_t reach = std::min(text.size(), from + kMaxNameBytes + 1);  // the line's end is looked for only that far
  const std::size_t stop = line_end(text.substr(0, reach), from);
  int depth = 0;
  for (std::size_t at = from; at < stop; ++at) {
    if (text[at] == '(') ++depth;
    if (text[at] == ')' && depth > 0) --depth;
    if (depth == 0 && (text[at] == ':' || (text[at] == kFullColon[0] && text.substr(at, kFullColon.size()) == kFullColon)))
      return at;
  }
  return std::string_view::npos;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Words that open other things than a speaker's turn.
bool stop_word(std::string_view name) {
  static constexpr std::array<std::string_view, 52> kLatin = {
      "note",     "notes",   "nb",       "ps",      "p.s.",      "step",     "source",     "sources",  "author",
      "authors",  "date",    "title",    "tags",    "tag",       "summary",  "transcript", "translation",
      "translator", "translated by", "original", "link", "links", "url",  "update",     "edit",     "edited",
      "tip",      "tips",    "warning",  "caution", "important", "example",  "examples",   "chapter",  "part",
      "section",  "episode", "break",    "ad break", "sponsor",  "intro",    "outro",      "music",    "time",
      "location", "re",      "fyi",      "todo",    "keywords",  "description", "subject"};
  static constexpr std::array<std::string_view, 26> kCjk = {
      "注", "注意", "注释", "备注", "来源", "出处", "作者", "日期", "标题", "摘要", "简介", "本集简介", "提示",
      "译者", "翻译", "原文", "链接", "时间", "地点", "步骤", "例如", "总结", "更新", "编者按", "广告", "音乐"};
  const std::string lower = lower_ascii(name);
  if (std::find(kLatin.begin(), kLatin.end(), lower) != kLatin.end()) return true;
  return std::find(kCjk.begin(), kCjk.end(), name) != kCjk.end();
}

// Chinese characters that make a phrase a clause ("他说", "我想说的是"), not a name.
bool clause_character(char32_t c) {
  static constexpr std::u32string_view kFunction = U"的了是在我你他她它们这那就不也都说道和与而但要会能可有没很还又把被让给对从到为以之所其或着过吗呢吧啊呀么";
  return kFunction.find(c) != std::u32string_view::npos;
}

// Diarization tags: "Speaker 1", "SPEAKER_00", "Speaker A", "Spk 2", "说话人1", "发言人 2".
bool diarization_tag(std::string_view name) {
  for (const std::string_view prefix : {std::string_view("speaker"), std::string_view("spk"),
                                        std::string_view("说话人"), std::string_view("发言人")}) {
    if (name.size() <= prefix.size() || lower_ascii(name.substr(0, prefix.size())) != prefix) continue;
    std::string_view rest = name.substr(prefix.size());
    if (!rest.empty() && (rest.front() == ' ' || rest.front() == '_')) rest.remove_prefix(1);
    if (rest.empty() || rest.size() > 3) return false;
    const bool digits = std::all_of(rest.begin(), rest.end(), digit);
    const bool letter = rest.size() == 1 && std::isupper(static_cast<unsigned char>(rest[0]));
    return digits || letter;
  }
  return false;
}

bool particle(std::string_view word) {
  static constexpr std::array<std::string_view, 16> kParticles = {"de", "da", "di", "del", "della", "van", "von",
                                                                  "der", "den", "le", "la", "du", "bin", "ibn",
                                                                  "al", "dos"};
  return std::find(kParticles.begin(), kParticles.end(), word) != kParticles.end();
}

}  // namespace

// Ordinals, times and dates in Chinese ("第一步", "十点半", "三月"): not names.
bool counted_phrase(std::string_view name) {
  if (name.find("\u7B2C") != std::string_view::npos) return true;  // 第
  for (const std::string_view unit : {"\u6B65", "\u7AE0", "\u8282", "\u96C6", "\u671F", "\u9875", "\u70B9",
                                      "\u534A", "\u5206", "\u79D2", "\u5E74", "\u6708", "\u65E5"})  // 步章节集期页点半分秒年月日
    if (name.size() >= unit.size() && name.substr(name.size() - unit.size()) == unit) return true;
  return false;
}

bool name_like(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameBytes) return false;
  if (stop_word(name) || counted_phrase(name)) return false;
  if (diarization_tag(name)) return true;
  std::size_t words = 0, cjk = 0;
  bool in_word = false;
  bool word_start_checked = false;
  std::size_t word_begin = 0;
  for (std::size_t at = 0; at < name.size();) {
    const DecodedCodePoint decoded = decode_utf8(name, at);
    if (!decoded.valid) return false;
    const char32_t c = decoded.code_point;
    const std::size_t next = at + decoded.length;
    if (c == U' ') {
      in_word = false;
      at = next;
      continue;
    }
    if (!in_word) {
      in_word = true;
      ++words;
      word_begin = at;
      word_start_checked = false;
    }
    if (c < 0x80) {
      const char a = static_cast<char>(c);
      if (std::isalpha(static_cast<unsigned char>(a))) {
        if (!word_start_checked) {
          word_start_checked = true;
          if (std::islower(static_cast<unsigned char>(a))) {
            std::size_t word_end = name.find(' ', word_begin);
            if (word_end == std::string_view::npos) word_end = name.size();
            if (words == 1 || !particle(name.substr(word_begin, word_end - word_begin))) return false;
          }
        }
      } else if (a == '.') {
        // "Dr. Smith", "J.R.": after a letter only.
        if (at == 0 || !std::isalpha(static_cast<unsigned char>(name[at - 1]))) return false;
      } else if (a == '-' || a == '\'') {
        if (at == word_begin) return false;
      } else {
        return false;  // digits, sentence marks, brackets, slashes, ...
      }
    } else if (c == U'\u00B7' || c == U'\u30FB' || c == U'\u2027' || c == U'\u2019' || c == U'\u2022') {
      // the dot between the parts of a transliterated name ("蒂姆·斯威尼"), curly apostrophe
      if (at == word_begin) return false;
    } else if (chars::is_han(c) || (c >= 0x3041 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF)) {
      if (clause_character(c)) return false;
      ++cjk;
      word_start_checked = true;
    } else if (chars::is_cjk(c)) {
      return false;  // CJK punctuation and full-width forms
    } else if (chars::is_blank(c) || chars::is_sentence_end(c) || chars::is_opening_mark(c) ||
               chars::is_closing_mark(c)) {
      return false;
    } else {
      word_start_checked = true;  // other scripts' letters: no case to check
    }
    at = next;
  }
  return words >= 1 && words <= kMaxWords && cjk <= kMaxCjk;
}

std::string written_name(std::string_view name) {
  std::string out;
  for (std::size_t at = 0; at < name.size(); ++at) {
    const char c = name[at];
    if (c == '&') {
      const std::size_t semicolon = name.find(';', at);
      if (semicolon != std::string_view::npos && semicolon - at <= 10) {
        const std::string_view entity = name.substr(at + 1, semicolon - at - 1);
        char32_t decoded = 0;
        if (entity == "amp") decoded = U'&';
        else if (entity == "lt") decoded = U'<';
        else if (entity == "gt") decoded = U'>';
        else if (entity == "quot") decoded = U'"';
        else if (entity == "apos") decoded = U'\'';
        else if (entity == "nbsp") decoded = U' ';
        else if (entity.size() >= 2 && entity[0] == '#') {
          const bool hex = entity[1] == 'x' || entity[1] == 'X';
          const std::string digits(entity.substr(hex ? 2 : 1));
          if (!digits.empty() && digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") ==
                                     std::string::npos) {
            const unsigned long value = std::stoul(digits, nullptr, hex ? 16 : 10);
            if (value > 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF))
              decoded = static_cast<char32_t>(value);
          }
        }
        if (decoded != 0) {
          append_utf8(out, decoded);
          at = semicolon;
          continue;
        }
      }
    }
    if (ascii_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string spelling_key(std::string_view name) {
  std::string key;
  bool space = false;
  for (const char c : name) {
    if (c == ' ' || c == '\t' || c == '_') {
      space = !key.empty();
      continue;
    }
    if (space) key.push_back(' ');
    space = false;
    key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return key;
}

namespace {

// "Name" + (optional " (timestamp)") + colon, or a nameless "(timestamp):".
std::optional<LabelMatch> colon_label(std::string_view text, std::size_t at) {
  LabelMatch match;
  match.begin = at;
  // "(00:01:02):" — a Rev label without a name.
  if (at < text.size() && text[at] == '(') {
    const std::size_t stamp = timestamp_end(text, at + 1);
    if (stamp == std::string_view::npos || stamp >= text.size() || text[stamp] != ')') return std::nullopt;
    const std::size_t colon = colon_end(text, stamp + 1);
    if (colon == std::string_view::npos) return std::nullopt;
    match.name_begin = match.name_end = at;
    match.end = colon;
    match.form = LabelForm::Timestamped;
    match.strong = true;
    return match;
  }
  const std::size_t colon = find_colon(text, at);
  if (colon == std::string_view::npos || colon == at) return std::nullopt;
  const std::size_t after = colon_end(text, colon);
  if (after == std::string_view::npos) return std::nullopt;
  std::string_view before = text.substr(at, colon - at);
  while (!before.empty() && ascii_space(before.back())) before.remove_suffix(1);
  match.form = LabelForm::Colon;
  // "Name (00:01:02):"
  if (!before.empty() && before.back() == ')') {
    const std::size_t open = before.rfind('(');
    if (open != std::string_view::npos && timestamp_end(before, open + 1) == before.size() - 1) {
      before = before.substr(0, open);
      while (!before.empty() && ascii_space(before.back())) before.remove_suffix(1);
      match.form = LabelForm::Timestamped;
      match.strong = true;
    }
  }
  if (!name_like(before)) return std::nullopt;
  match.name_begin = at;
  match.name_end = at + before.size();
  match.end = after;
  return match;
}

// "**Name:**", "**Name：**", "**Name**:", "__Name:__".
std::optional<LabelMatch> bold_label(std::string_view text, std::size_t at) {
  for (const std::string_view marker : {std::string_view("**"), std::string_view("__")}) {
    if (text.substr(at, 2) != marker) continue;
    const std::size_t close = text.find(marker, at + 2);
    if (close == std::string_view::npos || close == at + 2 || close > at + 2 + kMaxNameBytes) continue;
    std::string_view inside = text.substr(at + 2, close - at - 2);
    std::size_t end = close + 2;
    if (inside.size() >= 1 && inside.back() == ':') {
      inside.remove_suffix(1);
    } else if (inside.size() >= kFullColon.size() && inside.substr(inside.size() - kFullColon.size()) == kFullColon) {
      inside.remove_suffix(kFullColon.size());
    } else if (text.substr(end, 1) == ":") {
      end += 1;
    } else if (text.substr(end, kFullColon.size()) == kFullColon) {
      end += kFullColon.size();
    } else {
      continue;
    }
    while (!inside.empty() && ascii_space(inside.back())) inside.remove_suffix(1);
    if (!name_like(inside)) return std::nullopt;
    LabelMatch match;
    match.begin = at;
    match.name_begin = at + 2;
    match.name_end = at + 2 + inside.size();
    match.end = end;
    match.form = LabelForm::Bold;
    match.strong = true;
    return match;
  }
  return std::nullopt;
}

// "### Name:" (a heading as a label, alone on its line).
std::optional<LabelMatch> heading_label(std::string_view text, std::size_t at) {
  std::size_t pos = at;
  while (pos < text.size() && text[pos] == '#' && pos - at < 6) ++pos;
  if (pos == at || pos >= text.size() || !ascii_space(text[pos])) return std::nullopt;
  pos = skip_blanks(text, pos);
  std::optional<LabelMatch> inner = bold_label(text, pos);
  if (!inner) inner = colon_label(text, pos);
  if (!inner || inner->nameless() || !rest_of_line_blank(text, inner->end)) return std::nullopt;
  inner->begin = at;
  inner->form = LabelForm::Heading;
  inner->strong = true;
  return inner;
}

// "[Name] text" or "[00:01:02] Name: text".
std::optional<LabelMatch> bracket_label(std::string_view text, std::size_t at) {
  if (at >= text.size() || text[at] != '[') return std::nullopt;
  const std::size_t close = text.find(']', at + 1);
  if (close == std::string_view::npos || close > at + 1 + kMaxNameBytes) return std::nullopt;
  if (close + 1 < text.size() && (text[close + 1] == '(' || text[close + 1] == '[')) return std::nullopt;  // a link
  if (timestamp_end(text, at + 1) == close) {
    const std::size_t after = skip_blanks(text, close + 1);
    std::optional<LabelMatch> inner = colon_label(text, after);
    if (!inner || inner->nameless()) return std::nullopt;
    inner->begin = at;
    inner->form = LabelForm::Timestamped;
    inner->strong = true;
    return inner;
  }
  const std::string_view name = text.substr(at + 1, close - at - 1);
  if (!name_like(name)) return std::nullopt;
  LabelMatch match;
  match.begin = at;
  match.name_begin = at + 1;
  match.name_end = close;
  match.end = close + 1;
  match.form = LabelForm::Bracket;
  return match;
}

// "<v Name>" or "<v.loud Name>" (WebVTT voice span).
std::optional<LabelMatch> voice_label(std::string_view text, std::size_t at) {
  if (text.substr(at, 2) != "<v" || at + 2 >= text.size() || (text[at + 2] != ' ' && text[at + 2] != '.'))
    return std::nullopt;
  const std::size_t close = text.find('>', at);
  if (close == std::string_view::npos || close > line_end(text, at)) return std::nullopt;
  std::size_t name = text.find(' ', at + 2);
  if (name == std::string_view::npos || name > close) return std::nullopt;
  name = skip_blanks(text, name);
  std::size_t name_end = close;
  while (name_end > name && ascii_space(text[name_end - 1])) --name_end;
  // The format says this is a voice: any name will do, written with character references or not.
  if (name_end == name || name_end - name > kMaxNameBytes) return std::nullopt;
  LabelMatch match;
  match.begin = at;
  match.name_begin = name;
  match.name_end = name_end;
  match.end = close + 1;
  match.form = LabelForm::Voice;
  match.strong = true;
  return match;
}

// "Name  0:02" alone on its line (Otter): two or more spaces before the time.
std::optional<LabelMatch> otter_label(std::string_view text, std::size_t at) {
  // A gap further than a name's longest (name_like) leaves no label: it is looked for only that far. (A
  // line end before the gap needs no search either: it would be in the name, which name_like refuses.)
  const std::string_view reach = text.substr(0, std::min(text.size(), at + kMaxNameBytes + 2));
  const std::size_t gap = reach.find("  ", at);
  if (gap == std::string_view::npos || gap == at) return std::nullopt;
  const std::size_t stamp = skip_blanks(text, gap);
  const std::size_t stamp_end = timestamp_end(text, stamp);
  if (stamp_end == std::string_view::npos || !rest_of_line_blank(text, stamp_end)) return std::nullopt;
  const std::string_view name = text.substr(at, gap - at);
  if (!name_like(name)) return std::nullopt;
  LabelMatch match;
  match.begin = at;
  match.name_begin = at;
  match.name_end = gap;
  match.end = stamp_end;
  match.form = LabelForm::Otter;
  match.strong = true;
  return match;
}

}  // namespace

std::optional<LabelMatch> read_label(std::string_view text, Layout layout) {
  const std::size_t at = skip_blanks(text, 0);
  if (at >= text.size()) return std::nullopt;
  std::optional<LabelMatch> match;
  const bool subtitles = layout == Layout::Srt || layout == Layout::Vtt;
  const char c = text[at];
  if (c == '<') {
    match = voice_label(text, at);
  } else if (c == '>' && text.substr(at, 2) == ">>") {
    match = LabelMatch{at, at + 2, at, at, LabelForm::Chevron, false, true};
    // ">> CLEM: text": the name follows the change of speaker.
    if (std::optional<LabelMatch> named = colon_label(text, skip_blanks(text, at + 2))) {
      named->begin = at;
      named->strong = true;
      match = named;
    }
  } else if (c == '-' && subtitles && at + 1 < text.size() && ascii_space(text[at + 1])) {
    match = LabelMatch{at, at + 1, at, at, LabelForm::Dash, false, true};
  } else if (c == '*' || c == '_') {
    match = bold_label(text, at);
  } else if (c == '#') {
    match = heading_label(text, at);
  } else if (c == '[') {
    match = bracket_label(text, at);
  } else {
    match = otter_label(text, at);
    if (!match) match = colon_label(text, at);
  }
  if (!match) return std::nullopt;
  // The blanks after the label belong to it; a line end does not (the text
  // may continue on the next line: "**Name:**\ntext" stays two lines).
  match->end = skip_blanks(text, match->end);
  match->alone = match->end == line_end(text, match->end);
  return match;
}

std::optional<LabelMatch> read_own_line_label(std::string_view line, Layout layout) {
  std::optional<LabelMatch> match = read_label(line, layout);
  if (!match || !match->alone || match->nameless()) return std::nullopt;
  if (match->form == LabelForm::Dash || match->form == LabelForm::Chevron) return std::nullopt;
  if (skip_white(line, match->end) != line.size()) return std::nullopt;  // more lines follow
  return match;
}

}  // namespace bitext
