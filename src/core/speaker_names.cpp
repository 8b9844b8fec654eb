// Names in a pair for speaker inference: who introduces themselves, whom they
// introduce as co-host or guest, whom they address ("Mira, thanks ..." is
// said to Mira, never by Mira) and to whom they hand over. Names are read on
// the Latin side, where capitals mark them; the Han side gives each name's
// Chinese spelling where the translation writes it differently.
#include <algorithm>
#include <array>
#include <cctype>

#include "bitext/text.hpp"
#include "byte_pairs.hpp"
#include "chars.hpp"
#include "speaker_cues.hpp"

namespace bitext::detail {
namespace {

// Capitalised words that open sentences or clauses without being names.
constexpr std::string_view kNotNames[] = {
    "So", "Well", "Yeah", "Yes", "No", "Now", "Okay", "OK", "Right", "And", "But", "Also", "Actually", "Anyway",
    "Again", "Basically", "First", "Second", "Third", "Then", "Today", "Sure", "Like", "Look", "Listen", "Honestly",
    "Obviously", "Clearly", "Hey", "Hi", "Hello", "Alright", "All", "Great", "Thanks", "Thank", "Oh", "Um", "Uh",
    "Awesome", "Cool", "Wow", "Exactly", "Absolutely", "Totally", "Interesting", "Sorry", "Please", "However",
    "Finally", "Ultimately", "Similarly", "Plus", "Otherwise", "Instead", "Last", "Next", "Maybe", "Perhaps",
    "Because", "Since", "If", "When", "While", "Though", "Although", "In", "On", "At", "For", "To", "From", "With",
    "Of", "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "It's", "We", "You", "They", "He", "She",
    "I", "I'm", "I've", "I'll", "I'd", "My", "Our", "Your", "Their", "His", "Her", "There", "Here", "What", "Why", "How", "Where", "Who",
    "Which", "Yep", "Mm", "Hmm", "Ah", "Man", "Guys", "Folks", "Everyone", "Everybody", "Tonight", "Indeed", "True",
    "Fair", "Good", "Nice", "Agreed", "Correct", "Definitely", "Probably", "Seriously", "Literally", "Frankly",
    "Personally", "Technically", "Historically", "Interestingly", "Importantly", "Unfortunately", "Fortunately",
    "Essentially", "Generally", "Typically", "Usually", "Sometimes", "Often", "Especially", "Specifically",
    "Anyways", "Gosh", "God", "Boy", "Whoa", "Wait", "Let's", "Let", "Just", "Even", "Not", "Is", "Are", "Was",
    "Do", "Does", "Did", "Can", "Could", "Would", "Should", "Will", "Happy", "Glad", "Super", "Ladies", "Friends",
    "Thankfully", "Luckily", "Welcome", "Congratulations", "Cheers", "Bye", "Goodbye", "Morning", "Evening",
    "Curious", "Apparently", "Whenever", "Both", "Each", "Every", "One", "Two", "Three"};

bool not_a_name(std::string_view word) {
  return std::find(std::begin(kNotNames), std::end(kNotNames), word) != std::end(kNotNames);
}

struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
};

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || c == '-'; }

// The length of the word character at `at`: 1 for an ASCII one, 2 for an
// accented Latin letter ("é" in "José"), 0 for none.
std::size_t word_char_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return 0;
  if (is_word_char(text[at])) return 1;
  return is_accented_letter(text, at) ? 2 : 0;
}

// The length of the word character that ends right before `end`, as word_char_at.
std::size_t word_char_before(std::string_view text, std::size_t end) {
  if (end == 0) return 0;
  if (is_word_char(text[end - 1])) return 1;
  return end >= 2 && is_accented_letter(text, end - 2) ? 2 : 0;
}

// A name starting at `at` in `text`: one to three capitalised words separated
// by single spaces, none of them a sentence word. Returns its end, or `at`.
std::size_t name_end(std::string_view text, std::size_t at, std::size_t max_words = 3) {
  std::size_t pos = at;
  std::size_t end = at;
  for (std::size_t count = 0; count < max_words; ++count) {
    std::size_t word_end = pos;
    while (const std::size_t step = word_char_at(text, word_end)) word_end += step;
    std::string_view word = text.substr(pos, word_end - pos);
    if (word.size() > 2 && word.substr(word.size() - 2) == "'s") {
      word.remove_suffix(2);
      word_end -= 2;
    }
    const bool acronym = std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!is_capitalised_word(word) || not_a_name(word) || acronym) break;
    end = word_end;
    if (word_end + 1 >= text.size() || text[word_end] != ' ') break;
    pos = word_end + 1;
  }
  return end;
}

bool boundary_after(std::string_view text, std::size_t end) {
  if (end >= text.size()) return true;
  const char c = text[end];
  if (c == '.' || c == ',' || c == ';' || c == '!' || c == '?' || c == ')' || c == ':') return true;
  const std::string_view rest = text.substr(end);
  for (std::string_view follow : {" and ", " here", " from ", " (", " with ", " of ", " at ", " -"})
    if (rest.substr(0, follow.size()) == follow) return true;
  return false;
}

// The names of a list after a trigger: "A", "A and B", "A, B, and C".
void read_name_list(std::string_view text, std::size_t at, MentionKind kind, std::string_view trigger,
                    std::vector<NameMention>& out, bool at_end) {
  // "our guest is the writer Tom Reed": up to three lower-case words describe the name.
  // The description stays in the sentence: "joined by two regular panelists. I've got ..." names nobody.
  for (int skip = 0; skip < 3 && at < text.size() && text[at] >= 'a' && text[at] <= 'z'; ++skip) {
    const std::size_t space = text.find(' ', at);
    if (space == std::string_view::npos) return;
    const char last = text[space - 1];
    if (last == '.' || last == '!' || last == '?' || last == ';' || last == ':') return;
    at = space + 1;
  }
  for (int count = 0; count < 5 && at < text.size(); ++count) {
    const std::size_t end = name_end(text, at);
    if (end == at) return;
    NameMention mention{std::string(text.substr(at, end - at)), kind, at_end, false,
                        std::string(trigger) + std::string(text.substr(at, end - at))};
    // "Ruth Adler (me, myself and I)": the speaker introducing themselves in a list of hosts.
    const std::string_view after = text.substr(end);
    if (after.substr(0, 5) == " (me," || after.substr(0, 5) == " (me)") mention.kind = MentionKind::SelfIntroduction;
    out.push_back(std::move(mention));
    std::size_t next = end;
    bool more = false;
    for (std::string_view joiner : {", and ", " and ", ", as well as ", " as well as ", ", "}) {
      if (text.substr(next, joiner.size()) == joiner) {
        next += joiner.size();
        more = true;
        break;
      }
    }
    if (!more) {
      // "A (me, myself and I), as well as B"
      const std::size_t close = text.find(')', end);
      if (after.substr(0, 2) == " (" && close != std::string_view::npos) {
        for (std::string_view joiner : {", as well as ", " as well as ", ", and ", " and "})
          if (text.substr(close + 1, joiner.size()) == joiner) {
            next = close + 1 + joiner.size();
            more = true;
            break;
          }
      }
    }
    if (!more) return;
    at = next;
  }
}

struct Trigger {
  std::string_view words;  // lower case
  MentionKind kind;
  bool list;
};

constexpr Trigger kTriggers[] = {
    {"i'm your host, ", MentionKind::SelfIntroduction, false},
    {"i'm your host ", MentionKind::SelfIntroduction, false},
    {"my name is ", MentionKind::SelfIntroduction, false},
    {"my name's ", MentionKind::SelfIntroduction, false},
    {"i'm ", MentionKind::SelfIntroduction, false},
    {"i am ", MentionKind::SelfIntroduction, false},
    {"my co-host ", MentionKind::CoHost, true},
    {"my cohost ", MentionKind::CoHost, true},
    {"my co-host, ", MentionKind::CoHost, true},
    {"hosts today are ", MentionKind::CoHost, true},
    {"hosts are ", MentionKind::CoHost, true},
    {"co-hosting with ", MentionKind::CoHost, true},
    {"guest is ", MentionKind::Guest, true},
    {"guests are ", MentionKind::Guest, true},
    {"guest today is ", MentionKind::Guest, true},
    {"guests today are ", MentionKind::Guest, true},
    {"joined today by ", MentionKind::Guest, true},
    {"joining us today is ", MentionKind::Guest, true},
    {"joining us today are ", MentionKind::Guest, true},
    {"with us today is ", MentionKind::Guest, true},
    {"please welcome ", MentionKind::Guest, true},
    {"joined by ", MentionKind::Guest, true},
    {"i've got ", MentionKind::Guest, false},  // only with "here" / "with us" after the name
    {"i'll let ", MentionKind::Handover, false},
    {"over to you, ", MentionKind::Handover, false},
    {"hand it over to ", MentionKind::Handover, false},
    {"turn it over to ", MentionKind::Handover, false},
};

// Where the last sentence of `text` begins.
std::size_t sentence_begin_before(std::string_view text, std::size_t end) {
  while (end > 0 && (text[end - 1] == '.' || text[end - 1] == '?' || text[end - 1] == '!' || text[end - 1] == ' '))
    --end;
  const std::size_t mark = last_sentence_mark(text.substr(0, end));
  return mark == std::string_view::npos ? 0 : mark + 1;
}

// Where the close of `text` begins: its last sentence, and the one before when
// the last is a short statement ("Hey, Lena. Thanks for joining us."): what
// comes right before a brief closing remark still hands the floor on.
std::size_t last_sentence_begin(std::string_view text) {
  const std::size_t begin = sentence_begin_before(text, text.size());
  if (begin == 0) return 0;
  const std::string_view last = text.substr(begin);
  const auto words = static_cast<std::size_t>(std::count(last.begin(), last.end(), ' '));
  if (words > 4 || last.find('?') != std::string_view::npos) return begin;
  return sentence_begin_before(text, begin);
}

// Openers a vocative may follow at a sentence start: "Well, Mira, ...", "And hello, Felix."
constexpr std::string_view kVocativeLeads[] = {"", "well, ", "so, ", "and ", "oh, ", "hey ", "hey, ",
                                                             "hi ", "hello, ", "and hello, ", "thanks, ", "okay, "};

void read_vocatives(std::string_view text, const std::string& lower, std::vector<NameMention>& out) {
  const std::size_t last_begin = last_sentence_begin(text);
  std::size_t sentence = 0;
  while (sentence < text.size()) {
    while (sentence < text.size() && text[sentence] == ' ') ++sentence;
    std::size_t stop = first_sentence_mark(text, sentence);
    if (stop == std::string_view::npos) stop = text.size();
    const std::string_view s = text.substr(sentence, stop - sentence);
    const std::string_view ls = std::string_view(lower).substr(sentence, stop - sentence);
    const bool at_end = sentence >= last_begin;
    // "Name, ..." at the start (after an opener) ...
    for (std::string_view lead : kVocativeLeads) {
      if (ls.substr(0, lead.size()) != lead) continue;
      const std::size_t end = name_end(s, lead.size(), 2);
      // A name alone ("Chrome.") is an answer, not an address: it needs a greeting before or words after.
      if (end > lead.size() && ((end == s.size() && !lead.empty()) || (end < s.size() && s[end] == ','))) {
        out.push_back({std::string(s.substr(lead.size(), end - lead.size())), MentionKind::Addressed, at_end,
                       sentence == 0, std::string(s.substr(0, std::min(s.size(), end + 30)))});
        break;
      }
    }
    // ... or ", Name" closing the sentence ("Does that match what you remember, Felix?").
    const std::size_t comma = s.rfind(", ");
    if (comma != std::string_view::npos) {
      const std::size_t end = name_end(s, comma + 2, 2);
      if (end > comma + 2 && end == s.size() && comma + 2 > 0) {
        std::string name(s.substr(comma + 2, end - comma - 2));
        if (out.empty() || out.back().name != name || out.back().kind != MentionKind::Addressed)
          out.push_back({std::move(name), MentionKind::Addressed, at_end, false,
                         std::string(s.substr(comma >= 30 ? comma - 30 : 0))});
      }
    }
    sentence = stop + 1;
  }
}

// A character of a name written in Chinese: Han, or the dot between a transliterated name's parts.
bool is_name_char(char32_t c) { return chars::is_han(c) || c == U'\u00B7' || c == U'\u30FB' || c == U'\u2022'; }

// The run of name characters that ends at `end` (exclusive), at most `max` characters.
std::string_view name_run_before(std::string_view text, std::size_t end, std::size_t max) {
  std::size_t begin = end;
  std::size_t count = 0;
  while (begin > 0 && count < max) {
    const std::size_t start = code_point_start_before(text, begin);
    if (!is_name_char(decode_utf8(text, start).code_point)) break;
    begin = start;
    ++count;
  }
  return text.substr(begin, end - begin);
}

// The run of name characters from `begin` up to the mark `stop` right after it, or "".
std::string_view name_run_until(std::string_view text, std::size_t begin, std::string_view stop, std::size_t max) {
  std::size_t at = begin;
  for (std::size_t count = 0; at < text.size() && count <= max; ++count) {
    if (text.substr(at, stop.size()) == stop) return count >= 2 ? text.substr(begin, at - begin) : std::string_view();
    const DecodedCodePoint decoded = decode_utf8(text, at);
    if (!is_name_char(decoded.code_point)) return {};
    at += decoded.length;
  }
  return {};
}

// Where the name that ends at `end` begins: one to three capitalised words
// back, none of them a sentence word; `end` when there is none.
std::size_t name_begin_before(std::string_view text, std::size_t end) {
  std::size_t begin = end;
  std::size_t pos = end;
  for (int count = 0; count < 3; ++count) {
    std::size_t b = pos;
    while (const std::size_t step = word_char_before(text, b)) b -= step;
    if (b == pos || name_end(text, b, 1) != pos) break;
    begin = b;
    if (b == 0 || text[b - 1] != ' ') break;
    pos = b - 1;
  }
  return begin;
}

// "Lena Ortiz is with us", "Ivo joins us": a person present, named
// before the words that say so. Read as a guest's introduction (the one who
// says it is the host).
void read_present_names(std::string_view text, std::string_view lower, const BytePairs& pairs, std::size_t last_begin,
                        std::vector<NameMention>& out) {
  for (std::string_view follower : {" is with us", " is here with us", " joins us", " is joining us"}) {
    if (!pairs.may_contain(follower)) continue;
    for (std::size_t at = lower.find(follower); at != std::string::npos; at = lower.find(follower, at + 1)) {
      const std::size_t begin = name_begin_before(text, at);
      if (begin == at) continue;
      out.push_back({std::string(text.substr(begin, at - begin)), MentionKind::Guest, begin >= last_begin, false,
                     std::string(text.substr(begin, at + follower.size() - begin))});
    }
  }
}

}  // namespace

bool same_person(std::string_view a, std::string_view b) {
  if (ascii_lower(a) == ascii_lower(b)) return true;
  const std::string_view first_a = a.substr(0, a.find(' '));
  const std::string_view first_b = b.substr(0, b.find(' '));
  // "Dana" and "Dana Kovac"; not "Dana Kovac" and "Dana Smith".
  if (first_a == first_b && (first_a.size() == a.size() || first_b.size() == b.size())) return true;
  return false;
}

std::vector<NameMention> read_name_mentions(const PairSides& sides) {
  return read_name_mentions(sides, LatinReading(sides.latin));
}

std::vector<NameMention> read_name_mentions(const PairSides& sides, const LatinReading& latin) {
  std::vector<NameMention> out;
  const std::string_view text = sides.latin;
  if (text.empty()) return out;
  const std::string& lower = latin.lower;
  const BytePairs& pairs = latin.pairs;
  const std::size_t last_begin = last_sentence_begin(text);
  for (const Trigger& trigger : kTriggers) {
    if (!pairs.may_contain(trigger.words)) continue;
    for (std::size_t at = lower.find(trigger.words); at != std::string::npos;
         at = lower.find(trigger.words, at + 1)) {
      if (word_char_before(lower, at) > 0) continue;
      const std::size_t start = at + trigger.words.size();
      const std::string_view said = text.substr(at, trigger.words.size());
      if (trigger.list) {
        read_name_list(text, start, trigger.kind, said, out, at >= last_begin);
        continue;
      }
      const std::size_t end = name_end(text, start);
      if (end == start || (trigger.kind != MentionKind::Handover && !boundary_after(text, end))) continue;
      // "I'll let Omar kick it off": a hand-over needs its verb after the name.
      if (trigger.kind == MentionKind::Handover && trigger.words == "i'll let ") {
        const std::string_view rest = std::string_view(lower).substr(end);
        if (!(rest.substr(0, 5) == " kick" || rest.substr(0, 5) == " take" || rest.substr(0, 6) == " start" ||
              rest.substr(0, 4) == " ask" || rest.substr(0, 5) == " jump"))
          continue;
      } else if (trigger.kind == MentionKind::SelfIntroduction && !boundary_after(text, end)) {
        continue;
      } else if (trigger.words == "i've got ") {
        const std::string_view rest = std::string_view(lower).substr(end);
        if (!(rest.substr(0, 5) == " here" || rest.substr(0, 8) == " with us")) continue;
      }
      out.push_back({std::string(text.substr(start, end - start)), trigger.kind, at >= last_begin, false,
                     std::string(text.substr(at, end - at))});
    }
  }
  read_present_names(text, lower, pairs, last_begin, out);
  // "I'm joined by A ... our guest is B": the one joining is a co-host.
  const bool names_a_guest = lower.find("guest") != std::string::npos;
  if (names_a_guest)
    for (NameMention& mention : out)
      if (mention.kind == MentionKind::Guest && mention.words.rfind("joined by ", 0) == 0 &&
          lower.find("guest") > lower.find("joined by "))
        mention.kind = MentionKind::CoHost;
  read_vocatives(text, lower, out);
  // "Name, take it away" / "Name, go ahead": a hand-over.
  for (NameMention& mention : out) {
    if (mention.kind != MentionKind::Addressed) continue;
    const std::string words = ascii_lower(mention.words);
    for (std::string_view verb : {"take it away", "go ahead", "kick it off", "you want to start", "over to you"})
      if (words.find(verb) != std::string::npos) mention.kind = MentionKind::Handover;
  }
  return out;
}

void find_mentions(const PairSides& sides, const std::vector<std::string>& known, std::vector<NameMention>& out) {
  const std::string_view text = sides.latin;
  for (const std::string& name : known) {
    const std::string_view first = std::string_view(name).substr(0, name.find(' '));
    for (std::size_t at = text.find(first); at != std::string_view::npos; at = text.find(first, at + 1)) {
      const std::size_t end = at + first.size();
      if (word_char_before(text, at) > 0 || (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ||
          is_accented_letter(text, end))
        continue;
      // ", Felix, at the lab": an address inside a sentence.
      const bool addressed = at >= 2 && text.substr(at - 2, 2) == ", " && end < text.size() &&
                             (text[end] == ',' || text[end] == '?' || text[end] == '!');
      out.push_back({name, addressed ? MentionKind::Addressed : MentionKind::Mentioned, false, false,
                     std::string(text.substr(at, first.size()))});
      break;
    }
  }
}

std::string han_spelling(const PairSides& sides, std::string_view name) {
  const std::string_view han = sides.han;
  if (han.empty() || name.empty()) return {};
  if (han.find(name) != std::string_view::npos) return std::string(name);
  const std::string_view first = name.substr(0, name.find(' '));
  // "米拉（Mira）" / "米拉(Mira)": the spelling right before the name in brackets.
  for (std::string_view open : {"（", "("}) {
    const std::string bracketed = std::string(open) + std::string(first);
    const std::size_t at = han.find(bracketed);
    if (at == std::string_view::npos) continue;
    const std::string_view run = name_run_before(han, at, 8);
    if (run.size() >= 6) return std::string(run);
  }
  if (han.find(first) != std::string_view::npos) return std::string(first);
  // "Mira, thanks ..." / "米拉，谢谢..."; "I'm Mira." / "我是米拉。"
  const std::string_view latin = sides.latin;
  if (latin.substr(0, first.size()) == first && latin.size() > first.size() && latin[first.size()] == ',') {
    const std::string_view run = name_run_until(han, 0, "，", 8);
    if (!run.empty()) return std::string(run);
  }
  if (latin.find("I'm " + std::string(name)) != std::string_view::npos) {
    const std::size_t at = han.find("我是");
    if (at != std::string_view::npos) {
      std::string_view run = name_run_until(han, at + 6, "。", 8);
      if (run.empty()) run = name_run_until(han, at + 6, "，", 8);
      if (!run.empty()) return std::string(run);
    }
  }
  return {};
}

}  // namespace bitext::detail
