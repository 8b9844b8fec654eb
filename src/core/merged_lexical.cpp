// The dictionary's cut of a merged line (merged_lexical.hpp).
#include "merged_lexical.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "bitext/text.hpp"
#include "chars.hpp"
#include "front_matter.hpp"
#include "line_end_marks.hpp"
#include "line_facts.hpp"
#include "merged_anchors.hpp"
#include "structural_checker.hpp"

namespace bitext::detail {
namespace {

bool merged_cut_space(char c) { return c == ' ' || c == '\t'; }

// A sentence end, colon or semicolon (ASCII or CJK) before a cut.
bool merged_cut_stop(char32_t c) {
  return c == U'.' || c == U'?' || c == U'!' || c == U':' || c == U';' || c == U'。' || c == U'？' ||
         c == U'！' || c == U'：' || c == U'；';
}

// The code point that ends right before byte `at` (0 < at).
char32_t merged_cut_before(std::string_view text, std::size_t at) {
  return decode_utf8(text, code_point_start_before(text, at)).code_point;
}

// A heading's number label ("12.4.2.2.", not a footnote mark) with `label`,
// else a token with a digit ("A.1", "Next10.3"): names one segment.
bool merged_lexical_anchor(std::string_view token, bool label) {
  if (token.empty() || token.front() == '[') return false;
  if (label) return is_label_token(token);
  return std::any_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<LexicalWord> merged_line_words(const Lexicon& lexicon, std::string_view text, bool merged_chinese,
                                           const std::vector<std::size_t>& glue) {
  return merged_chinese ? chinese_line_words(text, &lexicon) : merged_english_words(text, glue);
}

std::vector<bool> merged_words_translated(const Lexicon& lexicon, const std::vector<LexicalWord>& words,
                                          bool merged_chinese, std::string_view partner) {
  if (merged_chinese) return lexical_evidence(lexicon, words, english_line_words(partner)).chinese_matched;
  return lexical_evidence(lexicon, chinese_line_words(partner, &lexicon), words).english_matched;
}

bool label_cut_off(std::string_view before_cut, std::string_view first_partner) {
  if (!bare_label(before_cut) || bare_label(first_partner)) return false;
  // A Chinese label's word may follow its number ("1.2 版" for "Version 1.2"):
  // one Han character after a section number is a label alone too.
  const std::string_view partner = trim(first_partner);
  std::size_t at = 0;
  auto number_char = [](char c) { return chars::is_ascii_digit(static_cast<unsigned char>(c)) || c == '.'; };
  while (at < partner.size() && number_char(partner[at])) ++at;
  if (at == 0 || !chars::is_ascii_digit(static_cast<unsigned char>(partner[0]))) return true;
  while (at < partner.size() && partner[at] == ' ') ++at;
  if (at >= partner.size()) return true;
  const DecodedCodePoint word = decode_utf8(partner, at);
  return !(chars::is_cjk(word.code_point) && at + word.length == partner.size());
}

std::vector<LanguageJoin> merged_lexical_seams(const Lexicon& lexicon, std::string_view merged, bool merged_chinese,
                                               std::string_view first, std::string_view second,
                                               std::string_view second_token, double share, bool whole_fits) {
  return MergedLexicalReading(lexicon, merged, merged_chinese, first, second, second_token).seams(share, whole_fits);
}

MergedLexicalReading::MergedLexicalReading(const Lexicon& lexicon, std::string_view merged, bool merged_chinese,
                                           std::string_view first, std::string_view second,
                                           std::string_view second_token)
    : merged_(merged), second_token_(second_token), merged_chinese_(merged_chinese) {
  // Two small-letter words glued ("toolclick", merged_small_glue) are read
  // apart where the first translates only the first partner and the second
  // only the second (an unknown word read as two, "disk|less", leans so by
  // chance only); there the glue is a seam where a segment starts.
  std::vector<std::size_t>& small_glued = small_glued_;
  if (!merged_chinese) {
    const std::vector<std::size_t> glue = merged_small_glue(merged, lexicon);
    const std::vector<LexicalWord> apart = merged_english_words(merged, glue);
    const std::vector<bool> first_apart = merged_words_translated(lexicon, apart, false, first);
    const std::vector<bool> second_apart = merged_words_translated(lexicon, apart, false, second);
    // The word after the glue, or after the function word that follows it.
    for (std::size_t k = 1; k < apart.size(); ++k)
      if (std::find(glue.begin(), glue.end(), apart[k - 1].end) != glue.end() && first_apart[k - 1] &&
          !second_apart[k - 1] && second_apart[k] && !first_apart[k])
        small_glued.push_back(apart[k - 1].end);
  }
  // The merged line's English words glued at a capital are read apart
  // ("NormalizeColor": a merge without a separator glues two words).
  line_ = merged_line_words(lexicon, merged, merged_chinese, small_glued);
  const std::vector<LexicalWord>& line = line_;
  to_first_ = merged_words_translated(lexicon, line, merged_chinese, first);
  to_second_ = merged_words_translated(lexicon, line, merged_chinese, second);
  const std::vector<bool>& to_first = to_first_;
  const std::vector<bool>& to_second = to_second_;
  std::vector<Lean>& leans = leans_;
  for (std::size_t k = 0; k < line.size(); ++k) {
    if (to_first[k] != to_second[k]) leans.push_back({line[k].begin, line[k].end, to_first[k] ? 1 : -1, 1});
  }
  // The second partner's heading label ("12.4.2.2.") or numbered token
  // ("A.1") inside the line and not in the first partner names the next
  // segment (a label counts as two words); beside it, the first partner's
  // label at the line's start names the first ("12. The “Help” Menu12.1. …").
  const bool second_label = merged_lexical_anchor(second_token, true);
  bool second_label_found = false;
  if ((second_label || merged_lexical_anchor(second_token, false)) &&
      first.find(second_token) == std::string_view::npos) {
    for (std::size_t at = merged.find(second_token, 1); at != std::string_view::npos;
         at = merged.find(second_token, at + 1)) {
      const std::size_t after = at + second_token.size();
      const char before = merged[at - 1];
      if (chars::is_ascii_alnum(static_cast<unsigned char>(second_token.front())) &&
          (chars::is_ascii_digit(static_cast<unsigned char>(before)) ||
           (before == '.' && at >= 2 && chars::is_ascii_digit(static_cast<unsigned char>(merged[at - 2])))))
        continue;  // "2.1." inside "12.2.1."
      if (after < merged.size() && chars::is_ascii_digit(static_cast<unsigned char>(merged[after]))) continue;
      leans.push_back({at, after, -1, second_label ? 2 : 1});
      second_label_found = second_label;
      break;
    }
  }
  // A number the line shares with one partner only names that partner's
  // segment: numbers carry over into a translation as they are ("Open recent
  // image #4 Open recent image #5", "Section 11, …Section 12, …"), so a deleted
  // line's neighbour has its own partner's numbers, not the next pair's alone.
  std::size_t& first_token_end = first_token_end_;
  while (first_token_end < merged.size() && merged_cut_space(merged[first_token_end])) ++first_token_end;
  while (first_token_end < merged.size() && !merged_cut_space(merged[first_token_end])) ++first_token_end;
  {
    const std::vector<MergedNumber> numbers = merged_numbers(merged);
    const std::vector<MergedNumber> first_numbers = merged_numbers(first), second_numbers = merged_numbers(second);
    // The line's first token ("上一页13.7.", "B.5.2.") is its own heading's
    // label: a deleted line's neighbour has it too, so it counts only beside
    // a number of the second partner (as merged_lexical_anchor's labels), or
    // where the whole line is too long for the first partner alone (a deleted
    // line's neighbour translates its own partner and fits it).
    std::vector<Lean>& leading = leading_;
    bool& second_number = second_number_;
    for (const MergedNumber& number : numbers) {
      const bool in_first = merged_number_in(first_numbers, number.text);
      if (in_first == merged_number_in(second_numbers, number.text)) continue;
      if (in_first && number.begin < first_token_end) {
        leading.push_back({number.begin, number.end, 1, 1});
        continue;
      }
      // Inside the second partner's label or token, already counted.
      const bool counted = std::any_of(leans.begin(), leans.end(),
                                       [&](const Lean& l) { return number.begin < l.end && l.begin < number.end; });
      second_number = second_number || !in_first;
      if (!counted) leans.push_back({number.begin, number.end, in_first ? 1 : -1, 1});
    }
  }
  const std::string_view first_token = leading_latin_token(first);
  // The first label counts only beside the second: a deleted line's
  // neighbour starts with its own heading's label too.
  if (second_label_found && merged_lexical_anchor(first_token, true) && first_token != second_token) {
    std::size_t at = 0;
    while (at < merged.size() && merged_cut_space(merged[at])) ++at;
    const std::size_t after = at + first_token.size();
    if (merged.substr(at).starts_with(first_token) &&
        (after == merged.size() || !chars::is_ascii_digit(static_cast<unsigned char>(merged[after]))))
      first_label_ = Lean{at, after, 1, 1};
  }
}

std::vector<LanguageJoin> MergedLexicalReading::seams(double share, bool whole_fits) const {
  const std::string_view merged = merged_, second_token = second_token_;
  const bool merged_chinese = merged_chinese_;
  const std::vector<std::size_t>& small_glued = small_glued_;
  const std::vector<LexicalWord>& line = line_;
  const std::size_t first_token_end = first_token_end_;
  // In the order the leans were found (the sort below is not stable).
  std::vector<Lean> leans = leans_;
  if (second_number_ || !whole_fits) leans.insert(leans.end(), leading_.begin(), leading_.end());
  if (first_label_) leans.push_back(*first_label_);
  std::sort(leans.begin(), leans.end(), [](const Lean& a, const Lean& b) { return a.begin < b.begin; });
  // The cut lies between the last first-partner word and the first
  // second-partner word; no word may lean the other way across it.
  std::optional<std::size_t> last_first, first_second;
  int second_only = 0;
  for (std::size_t k = 0; k < leans.size(); ++k) {
    if (leans[k].side > 0) {
      if (first_second) return {};
      last_first = k;
    } else {
      if (!first_second) first_second = k;
      second_only += leans[k].weight;
    }
  }
  if (!first_second) return {};
  // Where the whole line is too long for the first partner alone and at least
  // two words after translate only the second, the first part may be words
  // both partners share ("Import users Choose your new template…" before
  // "导入用户" and "在进行 csv 导入时选择…"): the last such word before them
  // ends the first part. A deleted line's neighbour fits its own partner.
  std::optional<std::size_t> shared_end;
  if (!last_first && !whole_fits && second_only >= 2) {
    for (std::size_t k = 0; k < line.size(); ++k)
      if (to_first_[k] && to_second_[k] && line[k].end <= leans[*first_second].begin) shared_end = line[k].end;
    if (!shared_end) return {};
  } else if (!last_first) {
    return {};
  }
  // One word is enough where the whole line is too long for the first partner
  // alone; else one word only at a cut where a segment starts: after a
  // sentence end or before the second partner's label (rank 2), or in English
  // before a capital (rank 1; Chinese has no capitals, and a script change
  // inside a Chinese line is a term: "安装 GRUB 引导程序").
  const int least_rank = !whole_fits || second_only >= 2 ? 0 : (merged_chinese ? 2 : 1);
  const std::size_t lo = last_first ? leans[*last_first].end : *shared_end, hi = leans[*first_second].begin;
  const double predicted = share * double(merged.size());
  struct Candidate {
    LanguageJoin seam;
    int rank;
    double distance;
  };
  std::vector<Candidate> candidates;
  // Open brackets before the position: a cut inside brackets is none.
  auto bracket_step = [](char32_t c) { return chars::is_opening_bracket(c) ? 1 : chars::is_closing_bracket(c) ? -1 : 0; };
  int depth = 0;
  const std::size_t from = std::max<std::size_t>(lo, 1);
  for (std::size_t at = 0; at < from;) {
    const DecodedCodePoint here = decode_utf8(merged, at);
    depth = std::max(0, depth + bracket_step(here.code_point));
    at += std::max<std::size_t>(here.length, 1);
  }
  for (std::size_t at = from; at <= hi && at < merged.size();) {
    const DecodedCodePoint here = decode_utf8(merged, at);
    const std::size_t step = std::max<std::size_t>(here.length, 1);
    const char32_t current = here.code_point, previous = merged_cut_before(merged, at);
    std::size_t end = at;
    while (end > 0 && merged_cut_space(merged[end - 1])) --end;
    const bool spaced = end < at;
    const bool cjk_here = chars::is_cjk(current), cjk_before = chars::is_cjk(previous);
    const bool upper = chars::is_ascii_upper(current);
    const bool glued = cjk_here || cjk_before || (upper && !chars::is_ascii_upper(previous)) ||
                       (chars::is_ascii_letter(previous) && chars::is_ascii_digit(current)) ||
                       (merged_cut_stop(previous) && chars::is_ascii_letter(current)) ||
                       std::find(small_glued.begin(), small_glued.end(), at) != small_glued.end();
    const bool token = !second_token.empty() && merged.substr(at).starts_with(second_token);
    // A bracket opened right after a word glosses it ("Bootloader（引导程序）"):
    // no cut at an opening bracket nor inside brackets.
    const bool bracket = depth > 0 || bracket_step(current) > 0;
    depth = std::max(0, depth + bracket_step(current));
    if (!merged_cut_space(merged[at]) && end > 0 && !bracket && (spaced || glued || token)) {
      int rank = 0;
      if (token) {
        rank = 3;
      } else if (end == first_token_end && merged_lexical_anchor(merged.substr(0, end), true)) {
        rank = 0;  // a heading's label alone ("15.1.2. | Making Changes"): its dot ends no sentence
      } else if (merged_cut_stop(merged_cut_before(merged, end)) ||
                 std::find(small_glued.begin(), small_glued.end(), at) != small_glued.end()) {
        rank = 2;
      } else if (upper || cjk_here != cjk_before) {
        rank = 1;
      }
      LanguageJoin seam{end, at};
      // A Chinese number's caption or ordinal stands right before it ("图 2.1.",
      // "第 2 章", "例 11.11."): a cut before the number goes before that
      // character, whichever partner the dictionary gives it (图 is also "to plan").
      if (merged_chinese && chars::is_ascii_digit(static_cast<unsigned char>(merged[at])) &&
          chars::is_cjk(merged_cut_before(merged, end))) {
        std::size_t begin = code_point_start_before(merged, end), caption_end = begin;
        while (caption_end > 0 && merged_cut_space(merged[caption_end - 1])) --caption_end;
        if (caption_end > first_token_end) seam = LanguageJoin{caption_end, begin};
      }
      if (rank >= least_rank) candidates.push_back({seam, rank, std::abs(double(at) - predicted)});
    }
    at += step;
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.rank != b.rank ? a.rank > b.rank : a.distance < b.distance;
  });
  std::vector<LanguageJoin> seams;
  for (const Candidate& c : candidates) seams.push_back(c.seam);
  return seams;
}

}  // namespace bitext::detail

namespace bitext::structural {

namespace {

// Whether no code point after a line's leading section label ("1.3.",
// "22.1.2.") is a mark that `ends` names at its offset; false for a label alone.
template <class Ends>
bool no_mark_after_label(std::string_view line, Ends ends) {
  line = detail::trim(line);
  std::size_t at = 0;
  while (at < line.size() && (chars::is_ascii_digit(static_cast<unsigned char>(line[at])) || line[at] == '.')) ++at;
  if (at > 0 && at < line.size() && line[at] != ' ') at = 0;
  if (at >= line.size()) return false;
  for (std::size_t k = at; k < line.size();) {
    const DecodedCodePoint c = decode_utf8(line, k);
    if (ends(line, k, c.code_point)) return false;
    k += std::max<std::size_t>(c.length, 1);
  }
  return true;
}

// A title or heading: no sentence or clause mark after a leading label.
bool title_shaped(std::string_view line) {
  return no_mark_after_label(line, [](std::string_view, std::size_t, char32_t c) {
    return chars::is_sentence_end(c) || chars::is_clause_mark(c);
  });
}

// A heading that may follow a sentence in one line: no sentence end (a
// number's decimal point aside: "Version 0.99"), colon or semicolon after a
// leading label; a comma may stand in it ("JXplorer, an LDAP GUI").
bool heading_shaped(std::string_view line) {
  return no_mark_after_label(line, [](std::string_view text, std::size_t k, char32_t c) {
    const bool decimal = c == U'.' && k > 0 && chars::ascii_digit_at(text, k - 1) && chars::ascii_digit_at(text, k + 1);
    return (chars::is_sentence_end(c) && !decimal) || c == U':' || c == U'：' || c == U';' || c == U'；';
  });
}

}  // namespace

std::optional<detail::LanguageJoin> StructuralChecker::merged_lexical(std::string_view text, std::uint32_t first,
                                                                      std::uint32_t second, bool partners_translation,
                                                                      double share, std::string_view second_token,
                                                                      bool partners_present) {
  const Lexicon* lexicon = join_fit_.lexicon();  // the dictionary of a Chinese-English document, or none
  if (!lexicon) return std::nullopt;
  const bool merged_chinese = merged_line_chinese(partners_translation);
  const bool whole_fits = partners_present || (partners_translation ? join_fit_.fits(text_of(first), text)
                                                                    : join_fit_.fits(text, text_of(first)));
  const detail::MergedLexicalReading reading(*lexicon, text, merged_chinese, text_of(first), text_of(second),
                                             second_token);
  const std::vector<detail::LanguageJoin> seams = reading.seams(share, whole_fits);
  // A label alone ("Figure 16.138.") cut off its title: the next candidate is tried.
  auto label_alone = [&](const detail::LanguageJoin& cut) {
    return detail::label_cut_off(text.substr(0, cut.first_end), text_of(first));
  };
  for (const detail::LanguageJoin& candidate : seams)
    if (!label_alone(candidate) && merged_parts_fit(text, candidate, first, second, partners_translation))
      return candidate;
  if (partners_present) return std::nullopt;
  if (!whole_fits) {
    for (const detail::LanguageJoin& candidate : seams)
      if (!label_alone(candidate) && merged_title_reading(text, candidate, first, second, partners_translation))
        return candidate;
    return std::nullopt;
  }
  // The whole line fits the first partner, but the merged reading may still
  // be the likelier one: the cuts a line too long for it would allow, each
  // weighed against the deletion (merged_reading_likelier).
  for (const detail::LanguageJoin& candidate : reading.seams(share, false))
    if (!label_alone(candidate) && merged_parts_fit(text, candidate, first, second, partners_translation) &&
        merged_reading_likelier(text, candidate, first, second, partners_translation))
      return candidate;
  return std::nullopt;
}

// A short line fits its first partner's length whatever it holds, so the
// length model cannot weigh the two readings there; the dictionary can. Where
// every content word before the cut translates the first partner and every
// one after it the second ("Zoom tool | click" before "缩放工具" / "点击"), the
// two partners together account for the whole line, while a deleted line's
// neighbour would hold words that its own partner does not explain and that
// the next pair's partner alone does.
bool StructuralChecker::merged_parts_translated(std::string_view text, const detail::LanguageJoin& seam,
                                                std::uint32_t first, std::uint32_t second, bool partners_translation) {
  const Lexicon* lexicon = join_fit_.lexicon();
  if (!lexicon) return false;
  // A translation carries its sentence's end mark over: a part without one
  // is no whole translation of a partner that ends a sentence ("Show all
  // help | options." beside "显示所有帮助内容。" is one sentence).
  auto ends_sentence = [](std::string_view part) {
    std::size_t end = part.size();
    end = detail::end_before_spaces(part, end);
    return end > 0 && chars::is_sentence_end(decode_utf8(part, code_point_start_before(part, end)).code_point);
  };
  if ((ends_sentence(text_of(first)) && !ends_sentence(text.substr(0, seam.first_end))) ||
      (ends_sentence(text_of(second)) && !ends_sentence(text.substr(seam.second_begin))))
    return false;
  const bool merged_chinese = merged_line_chinese(partners_translation);
  // A cut between two glued small-letter words ("Zoom tool|click") reads them apart.
  std::vector<std::size_t> glue;
  if (!merged_chinese && seam.first_end == seam.second_begin) {
    const std::vector<std::size_t> small = detail::merged_small_glue(text, *lexicon);
    if (std::find(small.begin(), small.end(), seam.first_end) != small.end()) glue.push_back(seam.first_end);
  }
  const std::vector<LexicalWord> words = detail::merged_line_words(*lexicon, text, merged_chinese, glue);
  const std::vector<bool> to_first = detail::merged_words_translated(*lexicon, words, merged_chinese, text_of(first));
  const std::vector<bool> to_second = detail::merged_words_translated(*lexicon, words, merged_chinese, text_of(second));
  bool before = false, after = false;
  for (std::size_t k = 0; k < words.size(); ++k) {
    // A lone Han character the partner does not explain says nothing: a
    // caption's 图, a conjunction's 且 have many senses or none to match.
    const bool lone_han = words[k].origin == WordOrigin::Chinese && words[k].end - words[k].begin <= 4;
    if (words[k].end <= seam.first_end) {
      if (!to_first[k] && !lone_han) return false;
      before = before || (to_first[k] && !to_second[k]);
    } else if (words[k].begin >= seam.second_begin) {
      if (!to_second[k] && !lone_han) return false;
      after = after || (to_second[k] && !to_first[k]);
    } else {
      return false;
    }
  }
  return before && after;
}

// A title's translation is a title: a line that holds the first partner's
// title, whole, and then more text opening a segment is that title merged with
// the next segment, not its translation run on ("Selection ToolsThe selection
// tools have been rewritten…" before "选取工具"). The sentence's part need not
// fit its partner's length (a sentence is translated more freely than the
// model's band allows); the merge must still be the likelier reading than a
// deletion, and a title has no sentence or clause mark after its label.
bool StructuralChecker::merged_title_reading(std::string_view text, const detail::LanguageJoin& seam,
                                             std::uint32_t first, std::uint32_t second, bool partners_translation) {
  const std::string_view first_part = text.substr(0, seam.first_end), second_part = text.substr(seam.second_begin);
  if (second_part.empty() || !title_shaped(first_part) || !title_shaped(text_of(first))) return false;
  const DecodedCodePoint opening = decode_utf8(second_part, 0);
  if (!chars::is_ascii_upper(opening.code_point) && !chars::is_cjk(opening.code_point)) return false;
  const bool part_fits = partners_translation ? join_fit_.fits(text_of(first), first_part)
                                              : join_fit_.fits(first_part, text_of(first));
  return part_fits && merged_reading_likelier(text, seam, first, second, partners_translation);
}

// The mirror of merged_title_reading: a sentence, then a heading. A sentence's
// translation ends with its end mark, so a line that ends the first partner's
// sentence at the cut and then holds heading-shaped text with a number or word
// of the second partner, itself a heading ("…could be tested there. Version
// 0.99" before "…测试。" / "0.99 版"), ends with the next segment: a deleted
// line's neighbour would end as its own partner does. Each part must fit its
// partner's length, the heading's unless it opens with its partner's label.
bool StructuralChecker::merged_heading_after_sentence(std::string_view text, const detail::LanguageJoin& seam,
                                                      std::uint32_t first, std::uint32_t second,
                                                      bool partners_translation) {
  const Lexicon* lexicon = join_fit_.lexicon();
  if (!lexicon) return false;
  const std::string_view first_part = text.substr(0, seam.first_end), second_part = text.substr(seam.second_begin);
  if (second_part.empty() || !heading_shaped(text_of(second)) || !heading_shaped(second_part)) return false;
  if (!detail::ends_sentence(detail::last_mark(text_of(first))) || !detail::ends_sentence(detail::last_mark(first_part)))
    return false;
  const DecodedCodePoint opening = decode_utf8(second_part, 0);
  if (!chars::is_ascii_upper(opening.code_point) && !chars::is_ascii_digit(opening.code_point) &&
      !chars::is_cjk(opening.code_point))
    return false;
  auto fits = [&](std::string_view part, std::uint32_t partner) {
    return partners_translation ? join_fit_.fits(text_of(partner), part) : join_fit_.fits(part, text_of(partner));
  };
  // A section label carried as it is names the heading where a short mixed
  // heading's length tells little ("14.6. JXplorer, an LDAP GUI").
  const std::string_view label = detail::leading_latin_token(text_of(second));
  const bool labelled = !label.empty() && detail::is_label_token(label) && second_part.substr(0, label.size()) == label;
  if (!fits(first_part, first) || !(labelled || fits(second_part, second))) return false;
  if (!detail::merged_numbers(text_of(second)).empty()) return true;  // carried (merged_words_agree)
  const bool merged_chinese = merged_line_chinese(partners_translation);
  const std::vector<LexicalWord> words = detail::merged_line_words(*lexicon, second_part, merged_chinese);
  const std::vector<bool> to_second = detail::merged_words_translated(*lexicon, words, merged_chinese, text_of(second));
  for (std::size_t k = 0; k < words.size(); ++k)
    if (to_second[k]) return true;
  return false;
}

// A translation ends as its source does (a colon, a sentence end, no mark).
// Where the two partners end unlike and the line has the first partner's end
// mark at the cut and the second's at its end ("以下操作…不可恢复： 关闭图像"
// before "…cannot be undone:" and "Closing the image"), the marks say where the
// first partner's text ends; with a word after the cut that translates the
// second partner alone. A deleted line's neighbour would end unlike its own
// partner and carry its partner's end mark inside.
bool StructuralChecker::merged_marks_place_cut(std::string_view text, const detail::LanguageJoin& seam,
                                               std::uint32_t first, std::uint32_t second, bool partners_translation) {
  const Lexicon* lexicon = join_fit_.lexicon();
  if (!lexicon) return false;
  auto end_class = [](std::string_view line) {
    const char32_t mark = detail::last_mark(line);
    if (detail::ends_sentence(mark)) return 1;
    if (mark == U':' || mark == U'：') return 2;
    if (mark == U';' || mark == U'；') return 3;
    return 0;
  };
  const int first_end = end_class(text_of(first)), second_end = end_class(text_of(second));
  if (first_end == 0 || first_end == second_end || end_class(text.substr(0, seam.first_end)) != first_end ||
      end_class(text.substr(seam.second_begin)) != second_end)
    return false;
  const bool merged_chinese = merged_line_chinese(partners_translation);
  const std::string_view after = text.substr(seam.second_begin);
  const std::vector<LexicalWord> words = detail::merged_line_words(*lexicon, after, merged_chinese);
  const std::vector<bool> to_first = detail::merged_words_translated(*lexicon, words, merged_chinese, text_of(first));
  const std::vector<bool> to_second = detail::merged_words_translated(*lexicon, words, merged_chinese, text_of(second));
  for (std::size_t k = 0; k < words.size(); ++k)
    if (to_second[k] && !to_first[k]) return true;
  return false;
}

}  // namespace bitext::structural
