// Joined lines (joined_lines.hpp). Why the reading holds on unseen text: a
// pair that lost a side while a line beside the gap ends (or starts) with a
// whole sentence run in exactly the missing language, whose length the
// document's own ratio accepts as the partner, is far more likely a join than
// a Chinese line quoting an English sentence; mixed lines of terms, commands
// and titles fail the run tests (three words, a capital after the script
// change) or leave no pair without a side.
#include "joined_lines.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "bitext/length.hpp"
#include "chars.hpp"
#include "front_matter.hpp"
#include "join_carried.hpp"
#include "join_english_end.hpp"
#include "join_entries.hpp"
#include "join_glue.hpp"
#include "join_lead.hpp"
#include "join_sidebar.hpp"
#include "join_numbers.hpp"
#include "line_end_marks.hpp"
#include "line_facts.hpp"

namespace bitext::detail {
namespace {

// At least this many letters for an English run and Han characters for a
// Chinese one: shorter is an initialism or a symbol kept in the other
// language. (Terms and titles pass: the pair without a partner beside it is
// what tells a join from a term.)
constexpr std::size_t kJoinRunLetters = 4;
constexpr std::size_t kJoinRunWords = 5;
constexpr std::size_t kJoinRunHan = 2;
// |δ| of the Gale-Church model within which a run fits as its partner's
// translation: the model's two-sided 1% band.
constexpr double kJoinFitDelta = 2.58;
// At a sentence end, where the cut is the text's own structure, the fit only
// has to rule out a gross mismatch: the model's two-sided 0.1% band.
constexpr double kJoinSentenceFitDelta = 3.29;

bool join_space(char c) { return c == ' ' || c == '\t'; }

// An English run at a join: after (before) a sentence end at least
// kJoinRunLetters letters; at a bare script change at least kJoinRunWords
// words, since a Chinese line often starts or ends with an English term or
// title of one or two words ("6.3. 安装 Debian Edu", "NFS HOWTO"). With
// `short_run` given, a run of fewer words passes too and sets it: the caller
// then needs other evidence (the dictionary) that it is a line of its own.
bool english_run(std::string_view text, bool at_sentence_end, bool* short_run = nullptr) {
  std::size_t letters = 0, words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool letter = chars::is_ascii_letter(static_cast<unsigned char>(c));
    letters += letter ? 1 : 0;
    if (letter && !in_word) ++words;
    in_word = letter || (in_word && !join_space(c));
  }
  if (letters < kJoinRunLetters) return false;
  if (at_sentence_end || words >= kJoinRunWords) return true;
  if (short_run) *short_run = true;
  return short_run != nullptr;
}

std::size_t han_of(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    if (decoded.valid && chars::is_han(decoded.code_point)) ++count;
    at += std::max<std::size_t>(decoded.length, 1);
  }
  return count;
}

// A Chinese run has at least kJoinRunHan Han characters, or one beside a
// section number: a caption or a link's title ("图 17.5. Pixelize").
bool chinese_run(std::string_view text) {
  const std::size_t han = han_of(text);
  return han >= kJoinRunHan || (han == 1 && has_section_number(text));
}

bool join_sentence_mark(char32_t c) {
  return c == U'.' || c == U'!' || c == U'?' || c == U':' || c == U'。' || c == U'！' || c == U'？' || c == U'：';
}

// Last code point of text[0, end) that is not a closing mark, or 0.
char32_t last_mark_before(std::string_view text, std::size_t end) {
  std::size_t at = end;
  while (at > 0) {
    std::size_t begin = at - 1;
    while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
    const DecodedCodePoint decoded = decode_utf8(text, begin);
    if (!decoded.valid || !chars::is_closing_mark(decoded.code_point)) return decoded.valid ? decoded.code_point : 0;
    at = begin;
  }
  return 0;
}

// Bytes of a footnote's label ("[99]") at `at`, or 0: a footnote list starts
// each of its lines, in either language, with it.
std::size_t join_footnote_at(std::string_view line, std::size_t at) {
  const std::size_t end = footnote_mark_end(line, at);
  return end == 0 ? 0 : end - at;
}

// Bytes of a heading's number label ("8.11.2.", "23.") or a footnote's
// ("[99]") at `at`, or 0. Both lines of a numbered heading or footnote carry it.
std::size_t join_label_at(std::string_view line, std::size_t at) {
  if (const std::size_t footnote = join_footnote_at(line, at)) return footnote;
  std::size_t end = at;
  bool digit = false;
  while (end < line.size() && (chars::is_ascii_digit(static_cast<unsigned char>(line[end])) || line[end] == '.')) {
    digit = digit || line[end] != '.';
    ++end;
  }
  return digit && end > at && line[end - 1] == '.' ? end - at : 0;
}

// The line starts with the label `label` (the other run's number: the two runs are one heading's lines).
bool starts_with_join_label(std::string_view line, std::string_view label) {
  return !label.empty() && line.substr(0, label.size()) == label && join_label_at(line, 0) == label.size();
}

// A heading's two lines joined: the line's number label repeated before an
// English title ("20. 用户 HowTo20. HowTos for users", "12.1.2. LVM（逻辑卷管理）12.1.2. LVM").
// The Chinese title may end with Latin words, so the repeated label, not the
// script change, is the split; it is evidence enough for a title of any length.
// A reference list's entry key ("[WKPD-JPEG] 维基百科… [WKPD-JPEG] Wikipedia…", join_entries.hpp) likewise.
std::optional<LanguageJoin> repeated_label_join(std::string_view line) {
  // An appendix's letter label ("B.5.2. 后台守护进程（daemon） B.5.2. Daemons") is a number label too.
  const auto number_label_at = [&](std::size_t at) {
    if (at + 1 < line.size() && chars::is_ascii_upper(line[at]) && line[at + 1] == '.' &&
        (at == 0 || !chars::is_ascii_letter(static_cast<unsigned char>(line[at - 1])))) {
      const std::size_t rest = join_label_at(line, at + 1);
      return rest > 1 ? rest + 1 : std::size_t{0};
    }
    return join_label_at(line, at);
  };
  const bool key = number_label_at(0) == 0;
  const auto label_at = [&](std::size_t at) { return key ? reference_key_at(line, at) : number_label_at(at); };
  const std::size_t size = label_at(0);
  if (size == 0) return std::nullopt;
  const std::string_view label = line.substr(0, size);
  for (std::size_t at = line.find(label, size); at != std::string_view::npos; at = line.find(label, at + 1)) {
    const char before = line[at - 1];
    if (!key && (chars::is_ascii_digit(static_cast<unsigned char>(before)) || before == '.' || before == '[')) continue;
    if (label_at(at) != size || !chinese_run(line.substr(0, at)) || chars::contains_cjk(line.substr(at)))
      continue;
    std::size_t start = at + size;
    while (start < line.size() && join_space(line[start])) ++start;
    if (start >= line.size() || !chars::is_ascii_letter(static_cast<unsigned char>(line[start]))) continue;
    std::size_t first_end = end_before_spaces(line, at);
    return LanguageJoin{first_end, at};
  }
  return std::nullopt;
}

std::optional<LanguageJoin> chinese_then_english_at_change(std::string_view line, bool* short_run) {
  if (const auto join = repeated_label_join(line)) return join;
  std::size_t last_cjk_end = 0;
  for (std::size_t at = 0; at < line.size();) {
    const DecodedCodePoint decoded = decode_utf8(line, at);
    at += std::max<std::size_t>(decoded.length, 1);
    if (decoded.valid && chars::is_cjk(decoded.code_point)) last_cjk_end = at;
  }
  if (last_cjk_end == 0) return std::nullopt;
  std::size_t second = last_cjk_end;
  while (second < line.size() && join_space(line[second])) ++second;
  if (second >= line.size()) return std::nullopt;
  // Closing brackets and footnote marks after the last CJK character end the
  // Chinese sentence ("。 [100]If …", "(必须) The …"), unless the line is a
  // footnote list's (it starts with a label), where a label starts the English run.
  const std::size_t cjk_end = last_cjk_end;
  if (join_footnote_at(line, 0) == 0 || join_footnote_at(line, second) == 0) {
    std::size_t end = second;
    for (;;) {
      if (const std::size_t footnote = join_footnote_at(line, end)) {
        end += footnote;
      } else if (end < line.size() && (line[end] == ')' || line[end] == ']')) {
        ++end;
      } else if (const DecodedCodePoint mark = decode_utf8(line, end);
                 end < line.size() && mark.valid && mark.code_point >= 0x80 && chars::is_closing_mark(mark.code_point)) {
        end += mark.length;  // a Chinese title's closing quote: "第 12 节 “装饰滤镜”Section 12, …"
      } else {
        break;
      }
      last_cjk_end = end;
      while (end < line.size() && join_space(line[end])) ++end;
    }
    second = end;
    if (second >= line.size()) return std::nullopt;
  }
  // Both runs ending with a semicolon are two list entries' lines (join_entries.hpp); the
  // Chinese entry's may be the ASCII mark ("…的架构;modern, easily scalable infrastructure;").
  bool entry_end = false;
  if (const std::size_t semicolon = entry_semicolon_at(line, second); semicolon > 0 && ends_list_entry(line)) {
    last_cjk_end = second + 1;
    second += semicolon;
    entry_end = true;
    if (second >= line.size()) return std::nullopt;
  }
  // A colon introduces a term, a path or a command ("非官方来源：mentors.debian.net"), not a sentence.
  const char32_t mark = last_mark_before(line, cjk_end);
  entry_end = entry_end || (mark == U'；' && ends_list_entry(line));
  const bool after_end = (join_sentence_mark(mark) && mark != U'：' && mark != U':') || entry_end;
  // A number label starting the English run: the capital is after it, and the
  // same label starting the Chinese run says the two are one heading's lines.
  const std::size_t label = join_label_at(line, second);
  std::size_t start = second + label;
  while (label && start < line.size() && join_space(line[start])) ++start;
  if (start >= line.size()) return std::nullopt;
  const bool same_label = starts_with_join_label(line, line.substr(second, label));
  const char first = line[start];
  // A small letter at a bare script change starts a term more often than a line ("使用 dpkg"): it
  // passes only as a short run, which the dictionary must find translated by the Chinese run
  // ("按日期by date", "点击click": a menu entry's two lines). Such an entry has no capital: a small
  // word before capitals is the Chinese run's last term ("工具 dpkg、APT 和 ar TOOLS dpkg, APT and ar").
  const bool small_start = !after_end && short_run && chars::is_ascii_lower(first) &&
                           std::none_of(line.begin() + static_cast<std::ptrdiff_t>(start), line.end(), [](char c) { return chars::is_ascii_upper(c); });
  // A list term that starts both entries' lines ("-c, 不断刷新连接列表。-c, to continuously…"): the
  // English run starts with it; its length rules stay those of a run at the script change.
  const bool same_lead = label == 0 && repeats_lead_at(line, second);
  if (!chars::is_ascii_upper(first) && !(after_end && chars::is_ascii_alnum(static_cast<unsigned char>(first))) && !small_start &&
      !same_lead)
    return std::nullopt;
  if (!chinese_run(line.substr(0, last_cjk_end)) ||
      !english_run(line.substr(start), after_end || same_label, short_run))
    return std::nullopt;
  if (small_start && !chars::is_ascii_upper(first) && !same_label) *short_run = true;
  return LanguageJoin{last_cjk_end, second};
}

// A section number with an inner dot ("7.2", "8.28") standing in the Chinese
// run and again in a Latin tail after a capital word or directly: one title's
// two lines ("图 17.5. Pixelize Figure 17.5. Pixelize", "上一页7.2. 通常步骤Prev7.2.
// Common Procedures", "第 8.28 节 “Recompose”Section 8.28, “Recompose”"). The
// cut is at that word (at a capital after a small letter when glued: "WineNext13.8.").
std::optional<LanguageJoin> repeated_number_join(std::string_view line) {
  const auto start = repeated_number_start(line);
  if (!start) return std::nullopt;
  std::size_t first_end = end_before_spaces(line, *start);
  if (first_end == 0 || han_of(line.substr(0, first_end)) == 0 || !english_run(line.substr(*start), true))
    return std::nullopt;
  return LanguageJoin{first_end, *start};
}

void chinese_then_english(std::string_view line, std::vector<JoinCandidate>& out) {
  bool short_run = false;
  if (const auto join = chinese_then_english_at_change(line, &short_run)) out.push_back({*join, short_run});
  // Then the repeated number: it places the cut where the Chinese title ends in Latin words too.
  if (const auto join = repeated_number_join(line)) {
    JoinCandidate candidate{*join};
    candidate.repeated_number = true;
    out.push_back(candidate);
  }
  // Then a Latin text carried into both runs ("文化 Mozilla CULTURE Mozilla", join_carried.hpp): like a
  // repeated number, one title's two lines, whatever the English run's length.
  std::size_t tail_begin = 0;
  for (std::size_t at = 0; at < line.size();) {
    const DecodedCodePoint decoded = decode_utf8(line, at);
    at += std::max<std::size_t>(decoded.length, 1);
    if (decoded.valid && chars::is_cjk(decoded.code_point)) tail_begin = at;
  }
  while (tail_begin > 0 && tail_begin < line.size() && join_space(line[tail_begin])) ++tail_begin;
  if (tail_begin == 0 || !chinese_run(line.substr(0, tail_begin))) return;
  // A sidebar's two title lines (join_sidebar.hpp): the Chinese run starts with its label, the English
  // run with the label in capitals; like a repeated number, structure enough for a short title.
  if (const std::size_t han = han_label(line); han > 0) {
    const auto start = sidebar_label_in(line, tail_begin);
    std::size_t first_end = end_before_spaces(line, start ? *start : 0);
    if (start && first_end > han) {
      const auto same = std::find_if(out.begin(), out.end(), [&](const JoinCandidate& c) { return c.join.second_begin == *start; });
      if (same != out.end()) {
        same->repeated_number = true;
      } else if (english_run(line.substr(*start), true)) {
        JoinCandidate candidate{LanguageJoin{first_end, *start}};
        candidate.repeated_number = true;
        out.push_back(candidate);
      }
    }
  }
  // An untranslated sentence starting both runs (join_lead.hpp): the same, where it follows the Han text.
  if (const auto join = repeated_opening_join(line);
      join && std::none_of(out.begin(), out.end(), [&](const JoinCandidate& c) { return c.join.second_begin == join->second_begin; })) {
    JoinCandidate candidate{*join};
    candidate.repeated_number = true;
    out.push_back(candidate);
  }
  if (const auto start = carried_tail_start(line, tail_begin)) {
    std::size_t first_end = end_before_spaces(line, *start);
    JoinCandidate candidate{LanguageJoin{first_end, *start}};
    candidate.repeated_number = true;
    if (std::none_of(out.begin(), out.end(), [&](const JoinCandidate& c) { return c.join.second_begin == *start; }))
      out.push_back(candidate);
  }
}

void english_then_chinese(std::string_view line, std::vector<JoinCandidate>& out) {
  const std::size_t first_cjk = chars::first_cjk_at(line);
  if (first_cjk == 0 || first_cjk >= line.size()) return;
  std::size_t head_end = end_before_spaces(line, first_cjk);
  // A number label starting the Chinese run ("…Quality of Service10.4.1. 原则"): the join is before it.
  // A footnote mark is the English run's own ("…in general.[92]一般…") unless the line is a footnote
  // list's ("[99] Old … anymore.[100] 作为替代…"): there each line starts with its label.
  std::size_t label_begin = head_end;
  bool footnote = false;
  if (head_end > 0 && line[head_end - 1] == ']' && join_footnote_at(line, 0) > 0) {
    label_begin = head_end - 1;
    while (label_begin > 0 && line[label_begin - 1] != '[' &&
           chars::is_ascii_digit(static_cast<unsigned char>(line[label_begin - 1])))
      --label_begin;
    label_begin = label_begin > 0 ? label_begin - 1 : head_end;
    footnote = join_footnote_at(line, label_begin) == head_end - label_begin;
    if (!footnote) label_begin = head_end;
  }
  while (!footnote && label_begin > 0 &&
         (chars::is_ascii_digit(static_cast<unsigned char>(line[label_begin - 1])) || line[label_begin - 1] == '.'))
    --label_begin;
  // An appendix's letter label ("…DistributionsA.1. 调查和合作"): one capital before the label's first dot.
  if (!footnote && label_begin > 0 && label_begin < head_end && line[label_begin] == '.' &&
      chars::is_ascii_upper(line[label_begin - 1]) && join_label_at(line, label_begin) == head_end - label_begin &&
      (label_begin == 1 || !chars::is_ascii_upper(line[label_begin - 2])))
    --label_begin;
  const bool letter_label = !footnote && label_begin < head_end && chars::is_ascii_upper(line[label_begin]);
  const auto runs = [&](const LanguageJoin& join, bool at_sentence_end, bool* short_english) {
    return chinese_run(line.substr(join.second_begin)) &&
           english_run(line.substr(0, join.first_end), at_sentence_end, short_english);
  };
  // A list entry's semicolon ends the English run where the Chinese run ends with one too (join_entries.hpp).
  const char32_t head_mark = last_mark_before(line, head_end);
  const bool head_ends_sentence = join_sentence_mark(head_mark) || (head_mark == U';' && ends_list_entry(line));
  // The script change itself, the last candidate.
  const auto at_change = [&] {
    JoinCandidate candidate{LanguageJoin{head_end, first_cjk}};
    if (runs(candidate.join, head_ends_sentence, &candidate.short_run)) out.push_back(candidate);
  };
  if (label_begin < head_end && (letter_label ? join_label_at(line, label_begin + 1) : join_label_at(line, label_begin)) ==
                                    head_end - label_begin - (letter_label ? 1 : 0)) {
    // Both runs start with a label of the same kind: two headings' (or footnotes') lines ("21.2. Report bugs 21.3. 文档").
    const std::size_t own_label = join_label_at(line, 0);
    const bool same_label = footnote || starts_with_join_label(line, line.substr(label_begin, head_end - label_begin)) ||
                            (own_label > 0 && own_label < label_begin &&
                             std::count(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(own_label), '.') ==
                                 std::count(line.begin() + static_cast<std::ptrdiff_t>(label_begin),
                                            line.begin() + static_cast<std::ptrdiff_t>(head_end), '.'));
    std::size_t english_end = end_before_spaces(line, label_begin);
    JoinCandidate candidate{LanguageJoin{english_end, label_begin}};
    // A title carries one number: a label followed by Han text with another section number may end an
    // English caption ("Figure 15.101.图 15.102."), so it is no evidence of the Chinese run's start there.
    candidate.label_start = !footnote && !has_section_number(line.substr(head_end));
    // (The label's own dot is no sentence end: the script change after the label is the only other split.)
    if (english_end > 0 && chinese_run(line.substr(label_begin)) &&
        english_run(line.substr(0, english_end), same_label, &candidate.short_run))
      out.push_back(candidate);
    if (!footnote) at_change();
    return;
  }
  // A reference list's next key before the Chinese run starts it, as a footnote list's label does.
  if (const auto key = next_reference_key(line, first_cjk)) {
    std::size_t english_end = end_before_spaces(line, *key);
    const LanguageJoin join{english_end, *key};
    if (runs(join, true, nullptr)) out.push_back({join});
  }
  // A number's dot read as a sentence end ("Section 8." + "31, “Desaturate”第…", "Chapter 2." +
  // "Fire up GIMP第 2 章…"): a cut there is tried only after the script change.
  std::optional<JoinCandidate> number_dot_cut;
  if (!head_ends_sentence) {
    // The Chinese run may start with Latin words or a number ("Debian Edu
    // 又名…", "6.2. 安装"): the join is then the last sentence end before
    // them, followed by a capital or a digit, or by a term in small letters
    // right before the Han text ("…reserved for local use.emerg：…", "…of the file; chgrp group file 改变…").
    for (std::size_t at = head_end; at-- > 0;) {
      const char c = line[at];
      if (c != '.' && c != '!' && c != '?' && c != ':' && c != ';') continue;
      if (c == '.' && in_section_label(line, at)) continue;  // "Figure 17.368. Hue tab 图 17.371.": a title follows
      std::size_t next = at + 1;
      if (next < head_end && join_space(line[next])) ++next;
      if (small_term_after(line, at, next, head_end)) {
        const LanguageJoin join{at + 1, next};
        if (runs(join, true, nullptr)) out.push_back({join});
        break;
      }
      if (c == ';') continue;
      // A footnote mark after the sentence end is the sentence's ("… outdated. [1] Debian 的软件包…").
      std::size_t first_end = at + 1;
      if (const std::size_t mark = join_footnote_at(line, next); mark > 0 && next + mark < head_end) {
        first_end = next + mark;
        next = first_end;
        if (next < head_end && join_space(line[next])) ++next;
        if (next < head_end && !chars::is_ascii_upper(line[next])) continue;
      }
      if (next < head_end && (chars::is_ascii_upper(line[next]) || chars::is_ascii_digit(static_cast<unsigned char>(line[next])))) {
        const LanguageJoin join{first_end, next};
        // A number's inner dot: the sentence's end may be further back ("…released 2013-09-28.Debian Edu 6.0.7").
        if (c == '.' && inner_number_dot(line, at)) {
          if (!number_dot_cut && runs(join, true, nullptr)) number_dot_cut = JoinCandidate{join};
          continue;
        }
        if (runs(join, true, nullptr)) {
          if (c == '.' && line_label_dot(line, at))
            number_dot_cut = JoinCandidate{join};
          else
            out.push_back({join});
        }
        break;
      }
    }
    // Then, where that cut fails its partners: a number label's closing dot
    // ("Prev15.4. Becoming…", "…services11.8.2. TURN 服务器") ends no sentence
    // but starts a title, maybe the Chinese run's: a cut before the label (not
    // where another section number follows: a title carries one).
    for (std::size_t at = head_end; at-- > 0;) {
      if (line[at] != '.' || !closes_section_label(line, at) || has_section_number(line.substr(at + 1))) continue;
      std::size_t begin = at;
      while (begin > 0 && (chars::is_ascii_digit(static_cast<unsigned char>(line[begin - 1])) || line[begin - 1] == '.'))
        --begin;
      std::size_t english_end = end_before_spaces(line, begin);
      JoinCandidate candidate{LanguageJoin{english_end, begin}};
      if (english_end > 0 && runs(candidate.join, false, &candidate.short_run)) out.push_back(candidate);
    }
  }
  if (std::none_of(out.begin(), out.end(), [&](const JoinCandidate& c) { return c.join.second_begin == first_cjk; }))
    at_change();
  if (number_dot_cut) out.push_back(*number_dot_cut);
}

}  // namespace

bool cjk_script(Script script) { return script == Script::Han || script == Script::Japanese; }

std::int64_t next_text_line(const Transcript& transcript, std::int64_t from, int step) {
  for (std::int64_t at = from + step; at >= 0 && at < static_cast<std::int64_t>(transcript.lines.size()); at += step)
    if (transcript.lines[static_cast<std::size_t>(at)].kind != LineKind::Blank) return at;
  return -1;
}

bool JoinLengthFit::fits(std::string_view translation, std::string_view original) {
  return std::abs(signed_delta(translation, original)) <= kJoinFitDelta;
}

double JoinLengthFit::signed_delta(std::string_view translation, std::string_view original) {
  if (!model_) {
    std::vector<LengthPair> pairs;
    for (const Pair& pair : transcript_.pairs)
      if (pair.translation.size() == 1 && pair.original.size() == 1)
        pairs.push_back({line_length(index_.line_text(pair.translation[0]), transcript_.translation_script),
                         line_length(index_.line_text(pair.original[0]), transcript_.original_script)});
    model_ = fit_length_model(pairs, length_prior(transcript_.translation_script, transcript_.original_script)).model;
    std::vector<double> lengths;
    for (const LengthPair& pair : pairs) lengths.push_back((pair.translation + pair.original / model_->c) / 2);
    if (!lengths.empty()) {
      std::nth_element(lengths.begin(), lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() / 2), lengths.end());
      typical_length_ = lengths[lengths.size() / 2];
    }
  }
  const double l1 = line_length(translation, transcript_.translation_script);
  const double l2 = line_length(original, transcript_.original_script);
  if (l1 <= 0 || l2 <= 0) return std::numeric_limits<double>::infinity();
  return length_delta(l1, l2, *model_);
}

double JoinLengthFit::delta(std::string_view translation, std::string_view original) {
  const double plain = std::abs(signed_delta(translation, original));
  // The model's variance grows with length (Gale-Church) at the rate fitted on the
  // document's typical pair; past that, a paraphrase's length difference grows with
  // the text itself (its standard deviation, not its variance, in proportion), so
  // the spread widens as the text both sides share (the shorter) outgrows that pair.
  const double shared = std::min(line_length(translation, transcript_.translation_script),
                                 line_length(original, transcript_.original_script) / model_->c);
  return typical_length_ > 0 && shared > typical_length_ ? plain / std::sqrt(shared / typical_length_) : plain;
}

const Lexicon* JoinLengthFit::lexicon() {
  if (!lexicon_) {
    const auto chinese_english = [](Script a, Script b) { return a == Script::Han && b == Script::Latin; };
    const Script t = transcript_.translation_script, o = transcript_.original_script;
    const Lexicon* shared = chinese_english(t, o) || chinese_english(o, t) ? Lexicon::shared() : nullptr;
    // The structural checks run again at every edit and look up the same
    // words around it: remembered, they read no page of the image again.
    if (shared) remembering_.emplace(shared->remembering());
    lexicon_ = remembering_ ? &*remembering_ : nullptr;
  }
  return *lexicon_;
}

bool JoinLengthFit::translated(std::string_view english, std::string_view chinese) {
  const Lexicon* dictionary = lexicon();
  if (!dictionary) return false;
  const std::vector<LexicalWord> english_words = english_line_words(english);
  if (english_words.empty()) return false;
  const std::vector<LexicalWord> chinese_words = chinese_line_words(chinese, dictionary);
  const LexicalEvidence evidence = lexical_evidence(*dictionary, chinese_words, english_words);
  // Words carried over (a name, a command) count towards "most", but one word
  // at least must be a translation: a term both lines carry is no evidence.
  std::vector<LexicalWord> translating = chinese_words;
  std::erase_if(translating, [](const LexicalWord& word) { return word.origin != WordOrigin::Chinese; });
  if (lexical_evidence(*dictionary, translating, english_words).english_hits == 0) return false;
  return 2 * evidence.english_hits >= english_words.size();
}

bool JoinLengthFit::spaces_scripts_except(std::uint32_t line) {
  if (!glued_lines_) {
    glued_lines_ = 0;
    for (std::uint32_t number = 0; number < index_.line_count(); ++number) {
      const std::string_view text = index_.line_text(number);
      if (glues_scripts(text)) {
        if (*glued_lines_ == 0) first_glued_ = number;
        ++*glued_lines_;
      }
      if (spaces_scripts(text)) {
        if (spaced_lines_ == 0) first_spaced_ = number;
        ++spaced_lines_;
      }
    }
  }
  const bool none_glued = *glued_lines_ == 0 || (*glued_lines_ == 1 && first_glued_ == line);
  const bool spaced = spaced_lines_ > 1 || (spaced_lines_ == 1 && first_spaced_ != line);
  return none_glued && spaced;
}

std::vector<JoinCandidate> language_joins(std::string_view line, bool cjk_first) {
  std::vector<JoinCandidate> candidates;
  if (cjk_first)
    chinese_then_english(line, candidates);
  else
    english_then_chinese(line, candidates);
  for (JoinCandidate& candidate : candidates) {
    const std::size_t end = candidate.join.first_end;
    const char32_t mark = last_mark_before(line, end);
    const bool number_dot = mark == U'.' && end >= 2 && chars::is_ascii_digit(static_cast<unsigned char>(line[end - 2]));
    candidate.link_start = navigation_line(line.substr(candidate.join.second_begin));
    candidate.sentence_end = !candidate.short_run && !candidate.repeated_number && !number_dot &&
                             (mark == U'。' || mark == U'！' || mark == U'？' || mark == U'.' || mark == U'!' || mark == U'?');
  }
  return candidates;
}

namespace {

double join_fit_limit(const JoinCandidate& candidate) {
  return candidate.sentence_end ? kJoinSentenceFitDelta : kJoinFitDelta;
}

}  // namespace

std::optional<LanguageJoin> language_join(std::string_view line, bool cjk_first) {
  return language_join(line, cjk_first, nullptr);
}

// As language_join, and with `short_run` given an English run of fewer words
// than a sentence run passes too, setting it.
std::optional<LanguageJoin> language_join(std::string_view line, bool cjk_first, bool* short_run) {
  if (short_run) *short_run = false;
  const std::vector<JoinCandidate> candidates = language_joins(line, cjk_first);
  if (candidates.empty() || (candidates.front().short_run && !short_run)) return std::nullopt;
  if (short_run) *short_run = candidates.front().short_run;
  return candidates.front().join;
}

namespace {

// Of a line's candidate splits (in language_joins' order of preference), the
// first whose runs fit their partners (`score`: the worst |δ| of its fits,
// above kJoinFitDelta when one fails or the candidate lacks the evidence it
// needs). The fit rejects cuts that leave a run without its partner's length;
// among cuts that fit, a word or two apart, it is no judge.
template <typename Score>
const JoinCandidate* best_join(const std::vector<JoinCandidate>& candidates, Score score) {
  for (const JoinCandidate& candidate : candidates)
    if (score(candidate) <= join_fit_limit(candidate)) return &candidate;
  return nullptr;
}

constexpr double kNoJoin = std::numeric_limits<double>::infinity();

}  // namespace

// A line `own` (a pair's only line, or a header or footer line beside the
// pairs) whose partner in the missing side was joined to the line beside the
// gap: the missing run first in the next line, or last in the previous one.
// `own_pair` is own's pair (-1 for a header or footer line).
std::optional<JoinedReading> beside_reading(const Transcript& transcript, const LineIndex& index, std::uint32_t own,
                                            std::int32_t own_pair, bool missing_translation, JoinLengthFit& reader) {
  const Script missing_script = missing_translation ? transcript.translation_script : transcript.original_script;
  const Script present_script = missing_translation ? transcript.original_script : transcript.translation_script;
  if (index.of_ranges() || cjk_script(missing_script) == cjk_script(present_script)) return std::nullopt;
  const bool missing_cjk = cjk_script(missing_script);
  const bool translation_first = transcript.order != LineOrder::OriginalFirst;
  const bool missing_second = missing_translation != translation_first;
  auto delta = [&](std::string_view missing_run, std::string_view present_run) {
    return missing_translation ? reader.delta(missing_run, present_run) : reader.delta(present_run, missing_run);
  };
  const std::int64_t beside = next_text_line(transcript, own, missing_second ? 1 : -1);
  if (beside < 0) return std::nullopt;
  const auto number = static_cast<std::uint32_t>(beside);
  const std::int32_t other = transcript.lines[number].pair;
  if (other < 0 || other == own_pair) return std::nullopt;
  const std::string_view text = index.line_text(number);
  const bool cjk_first = missing_second ? missing_cjk : !missing_cjk;
  std::vector<JoinCandidate> candidates = language_joins(text, cjk_first);
  // The rest keeps its own pair: it must fit that pair's line in the missing language, when there is one.
  const Pair& beside_pair = transcript.pairs[static_cast<std::size_t>(other)];
  std::vector<std::uint32_t> rest_partners;
  for (const std::uint32_t line : missing_translation ? beside_pair.translation : beside_pair.original)
    if (line != number) rest_partners.push_back(line);
  if (rest_partners.size() > 1) return std::nullopt;
  // An English-first line whose Chinese run starts with the Latin lead of its English partner (the
  // pair's line when the Chinese run is missing, the rest's partner otherwise; join_lead.hpp): that
  // cut first, since the partner's own text places it.
  if (!cjk_first && (missing_cjk || rest_partners.size() == 1)) {
    const std::string_view partner = index.line_text(missing_cjk ? own : rest_partners[0]);
    if (const auto join = carried_lead_join(text, partner)) {
      JoinCandidate candidate{*join};
      if (chinese_run(text.substr(join->second_begin)) &&
          english_run(text.substr(0, join->first_end), false, &candidate.short_run)) {
        std::erase_if(candidates, [&](const JoinCandidate& c) { return c.join.second_begin == join->second_begin; });
        candidates.insert(candidates.begin(), candidate);
      }
    }
  }
  if (candidates.empty()) return std::nullopt;
  const JoinCandidate* chosen = best_join(candidates, [&](const JoinCandidate& candidate) {
    const std::string_view first = text.substr(0, candidate.join.first_end);
    const std::string_view second = text.substr(candidate.join.second_begin);
    const std::string_view missing_run = missing_second ? first : second;
    const std::string_view rest = missing_second ? second : first;
    double score = delta(missing_run, index.line_text(own));
    if (score > join_fit_limit(candidate)) return kNoJoin;
    if (rest_partners.size() == 1) {
      const std::string_view partner = index.line_text(rest_partners[0]);
      score = std::max(score, missing_translation ? reader.delta(partner, rest) : reader.delta(rest, partner));
      if (score > join_fit_limit(candidate)) return kNoJoin;
    }
    // A short English run is a line of its own where the dictionary finds it
    // translated by its partner (the pair's line when it is the missing run,
    // its own pair's Chinese line when it is the rest), or where structure
    // says so: the same section number in both runs, or a number label that
    // starts the Chinese run, or a section number in each run (two numbered
    // titles: captions, navigation links), with both runs fitting their partners.
    const bool numbered = has_section_number(first) && has_section_number(second);
    // Or where the runs are glued in a document whose writers space the two scripts (join_glue.hpp).
    const bool glued = glued_cut(text, candidate.join) && reader.spaces_scripts_except(number);
    if (candidate.short_run && !candidate.repeated_number &&
        !((candidate.label_start || candidate.link_start || numbered || glued) && rest_partners.size() == 1)) {
      const bool english_missing = !missing_cjk;
      const std::string_view english = english_missing ? missing_run : rest;
      if (!english_missing && rest_partners.size() != 1) return kNoJoin;
      // The number label that starts the English run starts its partner too (the pair's
      // line "19.2. 监视学生" for "19.2. Monitoring pupils"): one heading's two lines.
      const std::string_view partner = index.line_text(english_missing ? own : rest_partners[0]);
      const std::size_t label = join_label_at(english, 0);
      const bool same_heading = label > 0 && starts_with_join_label(partner, english.substr(0, label));
      // Or the English run starts with a sidebar's label in capitals and its partner with the Chinese label.
      const bool sidebar = sidebar_label(english) > 0 && han_label(partner) > 0;
      // Or the run and its partner carry one section number ("Figure 4.9. Guided partitioning", "图 4.9. 引导分区").
      const bool same_number = shares_section_number(english, partner);
      if (!same_heading && !sidebar && !same_number && !reader.translated(english, partner)) return kNoJoin;
    }
    return score;
  });
  if (!chosen) return std::nullopt;
  return JoinedReading{number, chosen->join, false, missing_second, own, static_cast<std::uint32_t>(other)};
}

std::optional<JoinedReading> joined_reading(const Transcript& transcript, const LineIndex& index, const Pair& pair,
                                            bool missing_translation, JoinLengthFit& reader) {
  const SideLines& present = missing_translation ? pair.original : pair.translation;
  if (present.size() != 1 || index.of_ranges()) return std::nullopt;
  const Script missing_script = missing_translation ? transcript.translation_script : transcript.original_script;
  const Script present_script = missing_translation ? transcript.original_script : transcript.translation_script;
  if (cjk_script(missing_script) == cjk_script(present_script)) return std::nullopt;  // one split rule per script pair
  const bool missing_cjk = cjk_script(missing_script);
  const bool translation_first = transcript.order != LineOrder::OriginalFirst;
  const bool missing_second = missing_translation != translation_first;
  const std::uint32_t own = present.front();
  // An English run shorter than a sentence run (a heading's title: "中央备份Central
  // Backup") is a line of its own only when the dictionary finds its words
  // translated by its partner, the Chinese text it pairs with: a term or title
  // quoted in a Chinese line ("安装 Debian Edu") is not what that line says.
  // The same section number in both runs says so too (one title's two lines).
  // The pair's own line: its run, then the missing one where that side belongs.
  {
    const std::string_view text = index.line_text(own);
    const bool cjk_first = missing_second ? !missing_cjk : missing_cjk;
    const std::vector<JoinCandidate> candidates = language_joins(text, cjk_first);
    const JoinCandidate* chosen = best_join(candidates, [&](const JoinCandidate& candidate) {
      const std::string_view first = text.substr(0, candidate.join.first_end);
      const std::string_view second = text.substr(candidate.join.second_begin);
      const std::string_view missing_run = missing_second ? second : first;
      const std::string_view present_run = missing_second ? first : second;
      const double score = missing_translation ? reader.delta(missing_run, present_run) : reader.delta(present_run, missing_run);
      if (score > join_fit_limit(candidate)) return kNoJoin;
      // A short run glued to the other in a document whose writers space the two scripts needs no dictionary.
      if (candidate.short_run && !candidate.repeated_number && !candidate.link_start &&
          !(glued_cut(text, candidate.join) && reader.spaces_scripts_except(own)) &&
          !reader.translated(cjk_first ? second : first, cjk_first ? first : second))
        return kNoJoin;
      return score;
    });
    if (chosen) return JoinedReading{own, chosen->join, true, !missing_second, own, static_cast<std::uint32_t>(pair.index)};
  }
  // The line beside the gap: the missing run first in the next line, or last in the previous one.
  return beside_reading(transcript, index, own, static_cast<std::int32_t>(pair.index), missing_translation, reader);
}

std::optional<LanguageJoin> own_join(std::string_view text, bool cjk_first, bool translation_cjk, JoinLengthFit& fit) {
  const std::vector<JoinCandidate> candidates = language_joins(text, cjk_first);
  const bool translation_first = cjk_first == translation_cjk;
  const JoinCandidate* chosen = best_join(candidates, [&](const JoinCandidate& candidate) {
    const std::string_view first = text.substr(0, candidate.join.first_end), second = text.substr(candidate.join.second_begin);
    const double score = fit.delta(translation_first ? first : second, translation_first ? second : first);
    if (score > kJoinFitDelta) return kNoJoin;
    if (candidate.short_run && !candidate.repeated_number && !candidate.link_start &&
        !fit.translated(cjk_first ? second : first, cjk_first ? first : second))
      return kNoJoin;
    return score;
  });
  if (!chosen) return std::nullopt;
  return chosen->join;
}

std::optional<LanguageJoin> edge_join(const Transcript& transcript, const LineIndex& index, std::uint32_t line,
                                      JoinLengthFit& fit) {
  if (index.of_ranges()) return std::nullopt;
  const bool translation_cjk = cjk_script(transcript.translation_script);
  if (translation_cjk == cjk_script(transcript.original_script)) return std::nullopt;
  const bool translation_first = transcript.order != LineOrder::OriginalFirst;
  return own_join(index.line_text(line), translation_cjk == translation_first, translation_cjk, fit);
}

// Whether text starts with a footnote label "[12]" or a heading's number label
// "10.4.1." (digits and full stops, the last a full stop, then a space or the end).
bool is_label_token(std::string_view text) {
  if (join_footnote_at(text, 0) > 0) return true;
  const std::size_t label = join_label_at(text, 0);
  return label > 0 && text[0] != '.' && (label == text.size() || text[label] == ' ');
}

// The Latin token a line starts with: a footnote label "[12]", or a run of
// letters, digits and "_-./+" that holds a letter ("dh_auto_clean", "Debian");
// empty otherwise.
std::string_view leading_latin_token(std::string_view line) {
  std::size_t at = 0;
  while (at < line.size() && line[at] == ' ') ++at;
  if (is_label_token(line.substr(at))) return line.substr(at, join_label_at(line, at));
  if (at < line.size() && line[at] == '[') return {};
  std::size_t end = at;
  bool letter = false;
  while (end < line.size()) {
    const char c = line[end];
    const bool alpha = chars::is_ascii_letter(c);
    if (!alpha && !chars::is_ascii_digit(c) && c != '_' && c != '-' && c != '.' && c != '/' && c != '+') break;
    letter = letter || alpha;
    ++end;
  }
  while (end > at && (line[end - 1] == '.' || line[end - 1] == '-')) --end;  // a full stop ends a sentence
  return letter && end - at >= 2 ? line.substr(at, end - at) : std::string_view{};
}

}  // namespace bitext::detail
