#include "split_evidence.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "bitext/numbers.hpp"
#include "bitext/text.hpp"
#include "front_matter.hpp"
#include "line_end_marks.hpp"
#include "line_facts.hpp"
#include "pairing_costs.hpp"

namespace bitext::detail {

using namespace pairing_cost;

namespace {

// Latin words (ASCII letters and digits, two or more) of a line, lower-cased.
// In a line of a cased script only the words that look like names count:
// with a capital that does not start a sentence, or with a digit.
std::vector<std::string> latin_words(std::string_view line, bool names_only) {
  std::vector<std::string> words;
  bool sentence_start = true;
  for (std::size_t at = 0; at < line.size();) {
    const auto byte = static_cast<unsigned char>(line[at]);
    const bool alnum = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9');
    if (!alnum) {
      if (byte == '.' || byte == '!' || byte == '?') sentence_start = true;
      ++at;
      continue;
    }
    std::size_t end = at;
    bool capital = false, digit = false;
    while (end < line.size()) {
      const auto c = static_cast<unsigned char>(line[end]);
      if (c >= 'A' && c <= 'Z') capital = true;
      else if (c >= '0' && c <= '9') digit = true;
      else if (!(c >= 'a' && c <= 'z')) break;
      ++end;
    }
    const bool keep = end - at >= 2 && (!names_only || digit || (capital && !sentence_start));
    if (keep) {
      std::string word(line.substr(at, end - at));
      for (char& c : word) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      words.push_back(std::move(word));
    }
    sentence_start = false;
    at = end;
  }
  return words;
}

}  // namespace

bool opens_lower_case(std::string_view line) {
  line = trim(line);
  for (std::size_t at = 0; at < line.size();) {
    const DecodedCodePoint decoded = decode_utf8(line, at);
    at += std::max<std::size_t>(decoded.length, 1);
    if (decoded.valid && is_quote_or_bracket(decoded.code_point)) continue;
    return decoded.code_point >= U'a' && decoded.code_point <= U'z';
  }
  return false;
}

// Evidence from the text around a line break for "one segment split in two"
// (negative) or "two segments" (positive).
BreakCues break_cues(std::string_view left, std::string_view right, bool cased, std::string_view partner) {
  BreakCues cues;
  const char32_t last = last_mark(left);
  // A numbered heading ("6.3. 安装 Debian Edu") ends without a mark because it
  // is a title, a line of its own, not a sentence broken off; so do two list
  // entries that meet ("Normalize" | "Color Enhance"): a sentence broken in two
  // leaves its marks to one of its parts. A label with no title ("Chapter 2.")
  // ends with a full stop and is a heading broken off. A page's navigation
  // link ("NextForeword") is a segment of its own, whatever ends before it,
  // unless the partner holds its link too (then the partner holds two segments).
  const auto titles = [&] {
    return numbered_heading(left) || (list_entry(left) && list_entry(right)) ||
           (navigation_line(right) && navigation_link_inside(partner, right) == 0);
  };
  if (last == U'?' || last == U'\uFF1F') {
    cues.fixed += kBreakAtQuestion;
  } else if ((ends_inside_sentence(left) && !titles()) || bare_label(left)) {
    cues.fixed -= kBreakInSentence;
  }
  // In a cased script, a right part that starts in lower case continues a
  // sentence. (A full stop and a capital say nothing: a line broken between
  // sentences looks the same as two lines, and only lengths, sentence counts
  // and names can tell them apart.)
  cues.lower_right = cased && opens_lower_case(right);
  return cues;
}

// Evidence from names carried over between the two languages: Latin names
// and terms inside a Chinese line appear as such in its English original.
// If the questioned part has names that its partner has and the other part
// has not, it belongs to the partner (a split). If a Chinese questioned part
// has names and the English partner has none of them, it had another
// partner (a lone line); an English name may be rendered in Chinese, so the
// converse is no evidence. Names in both parts (a document's recurring
// topic) say nothing.
double shared_names_cost(std::string_view questioned, std::string_view other_part, bool questioned_cased,
                         std::string_view partner, bool partner_cased) {
  if (questioned_cased == partner_cased) return 0.0;  // no carried names between two such scripts
  std::vector<std::string> names = latin_words(questioned, questioned_cased);
  if (names.empty()) return 0.0;
  const std::vector<std::string> partner_words = latin_words(partner, false);
  const auto in = [](const std::vector<std::string>& words, const std::string& word) {
    return std::find(words.begin(), words.end(), word) != words.end();
  };
  std::size_t found = 0;
  for (const std::string& name : names) found += in(partner_words, name) ? 1 : 0;
  if (found == 0) return questioned_cased ? 0.0 : kSharedNames;
  const std::vector<std::string> other_words = latin_words(other_part, false);
  for (const std::string& name : names)
    if (in(partner_words, name) && !in(other_words, name)) return -kSharedNames;
  return 0.0;
}

// Evidence from numbers, which a translation keeps: if the questioned part's
// numbers are in the partner and not in the other part, it belongs to the
// partner (a split); if it has numbers and the partner has none of them, its
// own partner is missing (a lone line). Only numbers that must have a
// counterpart (numbers.hpp: digits, large numerals) count against.
double shared_numbers_cost(std::string_view questioned, std::string_view other_part, std::string_view partner) {
  const std::vector<NumberMention> mine = scan_numbers(questioned);
  if (mine.empty()) return 0.0;
  const std::vector<NumberMention> theirs = scan_numbers(partner);
  const std::vector<NumberMention> others = scan_numbers(other_part);
  const auto found_in = [](const NumberMention& number, const std::vector<NumberMention>& in) {
    return std::any_of(in.begin(), in.end(),
                       [&](const NumberMention& other) { return match_numbers(number, other) != NumberMatch::None; });
  };
  bool missing = false, found = false, found_only_here = false;
  for (const NumberMention& number : mine) {
    if (!number.strong) continue;
    if (!found_in(number, theirs)) {
      missing = true;
    } else {
      found = true;
      if (!found_in(number, others)) found_only_here = true;
    }
  }
  if (missing && !found) return kSharedNumbers;
  if (found_only_here && !missing) return -kSharedNumbers;
  return 0.0;
}

// Each unmatched content word is worth kSharedWordEach, up to kSharedWords in all: a word
// is weaker evidence than a carried name (a gloss can miss a free rendering),
// two or more words as strong. Only this way round: partner words that only the
// questioned part translates are no evidence of a split, since a long lone line
// finds several chance counterparts in a long partner (3 of "excited",
// "machine learning", "CTO" in the sample's conversation).
double shared_words_cost(const Lexicon& lexicon, std::string_view questioned, std::string_view other_part,
                         std::string_view partner, bool questioned_chinese) {
  auto words_of = [&](std::string_view line, bool chinese) {
    return chinese ? chinese_line_words(line, &lexicon) : english_line_words(line);
  };
  const std::vector<LexicalWord> mine = words_of(questioned, questioned_chinese);
  if (mine.empty()) return 0.0;
  const std::vector<LexicalWord> others = words_of(other_part, questioned_chinese);
  const std::vector<LexicalWord> theirs = words_of(partner, !questioned_chinese);
  const LexicalEvidence with_mine =
      questioned_chinese ? lexical_evidence(lexicon, mine, theirs) : lexical_evidence(lexicon, theirs, mine);
  const LexicalEvidence with_others =
      questioned_chinese ? lexical_evidence(lexicon, others, theirs) : lexical_evidence(lexicon, theirs, others);
  const std::size_t my_content = questioned_chinese ? with_mine.chinese_content : with_mine.english_content;
  const std::size_t my_hits = questioned_chinese ? with_mine.chinese_hits : with_mine.english_hits;
  const std::size_t other_hits = questioned_chinese ? with_others.chinese_hits : with_others.english_hits;
  if (other_hits == 0 || my_hits >= my_content) return 0.0;
  // The partner's words that the questioned part translates and the other
  // part does not: what a split would add. With none, its hits are words the
  // other part shares (a recurring term: "HowTo", 安装 against "install"), and
  // its unmatched words are what its own, lost partner said.
  const std::vector<bool>& by_mine = questioned_chinese ? with_mine.english_matched : with_mine.chinese_matched;
  const std::vector<bool>& by_others = questioned_chinese ? with_others.english_matched : with_others.chinese_matched;
  for (std::size_t k = 0; k < by_mine.size() && k < by_others.size(); ++k)
    if (by_mine[k] && !by_others[k]) return 0.0;
  return std::min(kSharedWords, kSharedWordEach * double(my_content - my_hits));
}

}  // namespace bitext::detail
