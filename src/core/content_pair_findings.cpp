// Content stage 4b: the findings of one pair as given — a length odd for
// this document, numbers and carried-over names without a counterpart.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "chars.hpp"
#include "content_stages.hpp"
#include "line_end_marks.hpp"

namespace bitext::content {

std::string quoted(std::string_view text, std::size_t max_chars) {
  return "'" + preview(text, max_chars) + "'";
}

// The end of a line for previews: its last `max_chars` code points.
std::string tail_preview(std::string_view text, std::size_t max_chars) {
  std::vector<std::size_t> starts;
  for (std::size_t at = 0; at < text.size();) {
    starts.push_back(at);
    at += std::max<std::size_t>(decode_utf8(text, at).length, 1);
  }
  if (starts.size() <= max_chars) return "'" + std::string(text) + "'";
  return "'…" + std::string(text.substr(starts[starts.size() - max_chars])) + "'";
}

namespace {

// The class of a line's final mark: 1 full stop, 2 question, 3 exclamation,
// 4 colon (a lead-in), 0 anything else; CJK and ASCII forms alike.
int final_mark_class(std::string_view line) {
  switch (detail::last_mark(line)) {
    case U'.': case U'\u3002': case U'\uFF0E': return 1;
    case U'?': case U'\uFF1F': return 2;
    case U'!': case U'\uFF01': return 3;
    case U':': case U'\uFF1A': return 4;
    default: return 0;
  }
}

}  // namespace


std::vector<Finding> length_findings(const PairTable& table, std::size_t p, const LineSummary& t,
                                     const LineSummary& o) {
  std::vector<Finding> out;
  const PairLines& slot = table.lines[p];
  const std::string_view t_text = table.line_text(slot.translation_line);
  // Length: odd relative to this document's own ratio and spread.
  {
    double residual = length_delta(t.length, o.length, table.fits.length);
    double ratio = table.fits.length.c;
    const char* whose = "this document's ratio";
    // Evidence in standard deviations of this document's own spread, plus the
    // cues of a cut: a translation that stops mid-sentence while its original
    // ends one, and fewer sentences than usual. The first is rare in clean
    // text and is what a cut leaves: it adds 2 and lowers the bar for the
    // length itself to 1 standard deviation (information level below 1.5;
    // docs/calibration.md).
    const std::string_view o_text = table.line_text(slot.original_line);
    // What else a cut leaves: a translation that ends at a clause mark where
    // its original does not, or at its number label where its original goes
    // on with the title, or without the web address its original ends with.
    const std::string_view dropped_address = residual > 0 ? dropped_final_address(t_text, o_text) : std::string_view{};
    const bool dangling = residual > 0 && (ends_at_other_clause_mark(t_text, o_text) ||
                                           ends_inside_original_token(t_text, o_text) ||
                                           (ends_with_number_label(t_text) && !ends_with_number_label(o_text)) ||
                                           !dropped_address.empty());
    const bool cut_off = (residual > 0 && !t.ends_sentence && o.ends_sentence) || dangling;
    // The dictionary's view of a cut: the original's last content words have
    // no counterpart in the translation, while earlier ones have: at least
    // half of them and kTailWords, as a cut at mid-line or before leaves.
    const PairChecks::OriginalWords& words = table.original_words[p];
    const bool unmatched_tail = residual > 0 && words.matched >= kTailWords && words.unmatched_tail >= kTailWords &&
                                2 * words.unmatched_tail >= words.words;
    const int tail = unmatched_tail ? std::min<int>(words.unmatched_tail, kTailWordsCounted) : 0;
    // Without a cue of a cut, the length must be odd for the pair's
    // neighbourhood as well as for the document: a pair between the two
    // ratios is not odd, and the less odd of the two counts.
    if (!cut_off && !unmatched_tail && p < table.local_ratio.size() && table.local_ratio[p] > 0) {
      const double local = length_delta(t.length, o.length, {table.local_ratio[p], table.fits.length.s2});
      if ((local > 0) != (residual > 0)) {
        residual = 0;
      } else if (std::fabs(local) < std::fabs(residual)) {
        residual = local;
        ratio = table.local_ratio[p];
        whose = "its neighbouring pairs' ratio";
      }
    }
    const int difference = o.sentences - t.sentences;
    double evidence = std::fabs(residual);
    if (cut_off) evidence += kCutOffEvidence;
    evidence += kWordWeight * tail;
    // Sentence and question counts that are odd for this document, in the
    // same direction as the length, add evidence; the length itself must be
    // odd (kMinResidual) for a length finding at all.
    double shape = 0;
    if ((residual > 0) == (difference > 0)) shape += table.fits.counts.of(difference);
    const int question_difference = o.questions - t.questions;
    if ((residual > 0) == (question_difference > 0)) shape += table.fits.questions.of(question_difference);
    evidence += std::min(shape, 3.0);
    // A dangling end is a shape no clean line has (docs/calibration.md): with
    // a translation shorter than predicted at all it is information by itself,
    // however compact the rest of the line's translation is.
    if (dangling) evidence = std::max(evidence, kLengthThresholds.information);
    const double min_residual = dangling ? 0.0 : cut_off ? kCutOffMinResidual : kMinResidual;
    if (std::fabs(residual) < min_residual || residual == 0) evidence = 0;
    // A length only that odd because of the cut cue is never more than information.
    if (std::fabs(residual) < kMinResidual)
      evidence = std::min(evidence, std::nextafter(kLengthThresholds.warning, 0.0));
    // Nor is a length within a factor kWarningLengthFactor of the prediction
    // without a cue of a cut: long faithful lines vary that much in style.
    const double predicted = ratio * t.length;
    if (!cut_off && tail == 0 && predicted > 0 && o.length < kWarningLengthFactor * predicted &&
        o.length * kWarningLengthFactor > predicted)
      evidence = std::min(evidence, std::nextafter(kLengthThresholds.warning, 0.0));
    // A translation shorter than predicted that ends as its original ends (the
    // same final mark, a lead-in's colon included) with as many sentences was
    // not cut: a cut stops where the original goes on. Condensed wording and
    // words left out inside it fit alike, so it is at most information.
    if (residual > 0 && !cut_off && tail == 0 && t.sentences >= o.sentences && final_mark_class(t_text) != 0 &&
        final_mark_class(t_text) == final_mark_class(o_text))
      evidence = std::min(evidence, std::nextafter(kLengthThresholds.warning, 0.0));
    if (const auto severity = severity_of(evidence, kLengthThresholds)) {
      Finding finding;
      finding.code = "length-outlier";
      Evidence cues{evidence, static_cast<std::uint16_t>(Signal::Length)};
      if (shape > 0) cues.signals |= static_cast<std::uint16_t>(Signal::SentenceCount);
      if (cut_off) cues.signals |= static_cast<std::uint16_t>(Signal::CutOff);
      if (tail > 0) cues.signals |= static_cast<std::uint16_t>(Signal::Words);
      finding.evidence = cues;
      finding.pair = static_cast<std::int32_t>(p);
      finding.confidence = confidence_of(evidence, kLengthThresholds);
      const double expected = predicted;
      char buffer[200];
      if (residual > 0) {
        finding.begin = table.line_begin(slot.translation_line);
        finding.end = table.line_end(slot.translation_line);
        std::snprintf(buffer, sizeof buffer,
                      "The translation of pair %zu looks truncated: its original is %.0f%% of the length %s "
                      "predicts (%.1f standard deviations)",
                      p + 1, expected > 0 ? 100.0 * o.length / expected : 0.0, whose, residual);
        finding.message = buffer;
        if (!dropped_address.empty())
          finding.message += "; it lacks the address its original ends with, '" + std::string(dropped_address) + "'";
        else if (cut_off)
          finding.message += "; it ends with " + tail_preview(t_text, 12) + " mid-sentence";
        if (tail > 0)
          finding.message += "; the original's last " + std::to_string(words.unmatched_tail) +
                             " content words have no counterpart in it";
        if (difference > 0 && table.fits.counts.of(difference) > 0)
          finding.message += "; it has " + std::to_string(t.sentences) + " sentence" + (t.sentences > 1 ? "s" : "") +
                             " where the original has " + std::to_string(o.sentences);
      } else {
        finding.begin = table.line_begin(slot.translation_line);
        finding.end = table.line_end(slot.translation_line);
        std::snprintf(buffer, sizeof buffer,
                      "The translation of pair %zu is over-long: its original is only %.0f%% of the length %s "
                      "predicts (%.1f standard deviations)",
                      p + 1, expected > 0 ? 100.0 * o.length / expected : 0.0, whose, -residual);
        finding.message = buffer;
      }
      finding.related.push_back({table.line_begin(slot.original_line), table.line_end(slot.original_line),
                                 "original of pair " + std::to_string(p + 1)});
      finding.severity = *severity;
      out.push_back(std::move(finding));
    }
  }

  return out;
}

std::vector<Finding> lexical_findings(const PairTable& table, std::size_t p) {
  std::vector<Finding> out;
  const PairLines& slot = table.lines[p];
  const LineFeatures& t = table.side(p, true);
  const LineFeatures& o = table.side(p, false);
  const std::string_view t_text = table.line_text(slot.translation_line);
  const std::string_view o_text = table.line_text(slot.original_line);

  // Numbers: missing and extra reported separately, by value.
  if (!t.numbers.empty() || !o.numbers.empty()) {
    const NumberComparison& numbers = table.mismatches[p]->numbers;
    const bool both = !numbers.unmatched_translation.empty() && !numbers.unmatched_original.empty();
    // A changed number replaces one value by another. When each side has two or
    // more values the other lacks, one change explains neither side, and lines
    // whose numbers disagree wholesale are as likely not each other's
    // translation (the pairing's and the length check's question): information.
    auto values = [&](bool in_translation, const std::vector<std::size_t>& unmatched) {
      const auto& mentions = in_translation ? t.numbers : o.numbers;
      const std::string_view text = in_translation ? t_text : o_text;
      std::vector<std::string_view> seen;
      for (const std::size_t i : unmatched) {
        const std::string_view value = text.substr(mentions[i].begin, mentions[i].end - mentions[i].begin);
        if (std::find(seen.begin(), seen.end(), value) == seen.end()) seen.push_back(value);
      }
      return seen.size();
    };
    const bool wholesale =
        both && values(true, numbers.unmatched_translation) >= 2 && values(false, numbers.unmatched_original) >= 2;
    // A value one side lacks that the neighbouring pair lacks on the other side
    // ("1.1" extra here, missing from the next translation): the numbers cross
    // between the pairs as a misalignment (a shift, a lost or moved line)
    // leaves them, which the structural and drift findings name. One change
    // explains no crossing: information. Only a value of two digits or more
    // counts: a single digit recurs by chance in neighbouring lines (a changed
    // "6." of a list next to a line that mentions 5).
    auto crosses = [&](bool in_translation, const std::vector<std::size_t>& unmatched) {
      const auto& mentions = in_translation ? t.numbers : o.numbers;
      const std::string_view text = in_translation ? t_text : o_text;
      auto distinctive = [&](const NumberMention& m) {
        const std::string_view written = text.substr(m.begin, m.end - m.begin);
        return std::count_if(written.begin(), written.end(), [](char c) { return chars::is_ascii_digit(static_cast<unsigned char>(c)); }) >= 2;
      };
      for (const std::size_t q : {p - 1, p + 1}) {
        if (q >= table.size() || !table.valid(q)) continue;
        const NumberComparison& other = table.mismatches[q]->numbers;
        const auto& their_unmatched = in_translation ? other.unmatched_original : other.unmatched_translation;
        const auto& theirs = table.side(q, !in_translation).numbers;
        for (const std::size_t i : unmatched)
          if (distinctive(mentions[i]))
            for (const std::size_t j : their_unmatched)
              if (match_numbers(mentions[i], theirs[j]) != NumberMatch::None) return true;
      }
      return false;
    };
    const bool crossing =
        both && (crosses(true, numbers.unmatched_translation) || crosses(false, numbers.unmatched_original));
    auto report = [&](bool in_translation, const std::vector<std::size_t>& unmatched) {
      if (unmatched.empty()) return;
      const auto& mentions = in_translation ? t.numbers : o.numbers;
      const std::string_view text = in_translation ? t_text : o_text;
      const std::uint32_t line = in_translation ? slot.translation_line : slot.original_line;
      const std::uint32_t partner = in_translation ? slot.original_line : slot.translation_line;
      Finding finding;
      finding.code = "number-mismatch";
      finding.pair = static_cast<std::int32_t>(p);
      const NumberMention& first = mentions[unmatched.front()];
      finding.begin = table.line_begin(line) + first.begin;
      finding.end = table.line_begin(line) + first.end;
      std::string list;
      for (const std::size_t i : unmatched) {
        if (!list.empty()) list += ", ";
        list += "'" + std::string(text.substr(mentions[i].begin, mentions[i].end - mentions[i].begin)) + "'";
      }
      const bool plural = unmatched.size() > 1;
      if (in_translation) {
        finding.message = "Extra number" + std::string(plural ? "s " : " ") + list + " in the translation of pair " +
                          std::to_string(p + 1) + ": not in the original " + quoted(o_text);
      } else {
        finding.message = "Missing number" + std::string(plural ? "s " : " ") + list +
                          ": the original of pair " + std::to_string(p + 1) + " has " +
                          (plural ? "them" : "it") + ", the translation " + quoted(t_text) + " does not";
      }
      // Both sides with a number the other lacks: most likely one was changed.
      finding.confidence = both && !wholesale && !crossing ? 0.92 : 0.6;
      if (crossing)
        finding.message += " (both sides have a number the other lacks, and a neighbouring pair lacks it on the other "
                           "side: the lines are likely misaligned)";
      else if (wholesale)
        finding.message += " (both sides have several numbers the other lacks: more than one change, or lines that "
                           "do not translate each other)";
      else if (both)
        finding.message += " (both sides have a number the other lacks: one was probably changed)";
      finding.related.push_back({table.line_begin(partner), table.line_end(partner),
                                 std::string(in_translation ? "original" : "translation") + " of pair " +
                                     std::to_string(p + 1)});
      finding.severity = both && !wholesale && !crossing ? Severity::Warning : Severity::Information;
      out.push_back(std::move(finding));
    };
    report(true, numbers.unmatched_translation);
    report(false, numbers.unmatched_original);
  }

  // A technical token with a digit changed: the same token on both sides but
  // for the digits (killall(1) / killall(3), ISO-8859-1 / ISO-8860-1) is a
  // changed number beyond reasonable doubt.
  for (const PairMismatches::ChangedToken& changed : table.mismatches[p]->changed_tokens) {
    const std::string_view t_token =
        t_text.substr(changed.translation_begin, changed.translation_end - changed.translation_begin);
    const std::string_view o_token = o_text.substr(changed.original_begin, changed.original_end - changed.original_begin);
    Finding finding;
    finding.code = "number-mismatch";
    finding.pair = static_cast<std::int32_t>(p);
    finding.begin = table.line_begin(slot.translation_line) + changed.translation_begin;
    finding.end = table.line_begin(slot.translation_line) + changed.translation_end;
    finding.message = "'" + std::string(t_token) + "' in the translation of pair " + std::to_string(p + 1) +
                      " is '" + std::string(o_token) + "' in the original: a number was changed";
    finding.confidence = 0.95;
    finding.related.push_back({table.line_begin(slot.original_line) + changed.original_begin,
                               table.line_begin(slot.original_line) + changed.original_end,
                               "original of pair " + std::to_string(p + 1)});
    finding.severity = Severity::Warning;
    out.push_back(std::move(finding));
  }

  // Carried-over names, acronyms and URLs.
  // The fast exact check found every token: the graded comparison would too.
  if ((!t.tokens.empty() || !o.tokens.empty()) && table.checks[p].unmatched_tokens > 0) {
    const TokenComparison& tokens = table.mismatches[p]->tokens;
    // One finding per side and grade, listing the words; a word found in the
    // neighbouring pair's partner line points at a drift.
    auto report = [&](bool in_translation, const std::vector<std::size_t>& indices, bool near) {
      if (indices.empty()) return;
      const auto& list = in_translation ? t.tokens : o.tokens;
      const std::string_view text = in_translation ? t_text : o_text;
      const std::uint32_t line = in_translation ? slot.translation_line : slot.original_line;
      const std::uint32_t partner = in_translation ? slot.original_line : slot.translation_line;
      std::vector<std::string> words;
      std::string elsewhere;
      for (const std::size_t i : indices) {
        const LatinToken& token = list[i];
        std::string word(text.substr(token.begin, token.end - token.begin));
        if (std::find(words.begin(), words.end(), word) != words.end()) continue;
        if (!near && elsewhere.empty()) {
          const std::uint64_t key = token_key_hash(token.key);
          for (const std::size_t q : {p - 1, p + 1}) {
            if (q >= table.size() || !table.valid(q)) continue;
            const auto& present = table.side(q, !in_translation).keys.present;
            if (std::binary_search(present.begin(), present.end(), key)) {
              elsewhere = " ('" + word + "' is in the " + (in_translation ? "original" : "translation") +
                          " of pair " + std::to_string(q + 1) + ")";
              break;
            }
          }
        }
        words.push_back(std::move(word));
      }
      std::string listed;
      for (const std::string& word : words) listed += (listed.empty() ? "'" : ", '") + word + "'";
      const bool plural = words.size() > 1;
      Finding finding;
      finding.code = "token-not-carried";
      finding.pair = static_cast<std::int32_t>(p);
      finding.begin = table.line_begin(line) + list[indices.front()].begin;
      finding.end = table.line_begin(line) + list[indices.front()].end;
      if (in_translation) {
        finding.message = listed + " in the translation of pair " + std::to_string(p + 1) +
                          (near ? (plural ? " are" : " is") + std::string(" spelled differently in the original ")
                                : (plural ? " do" : " does") + std::string(" not appear in its original ")) +
                          quoted(o_text);
      } else {
        finding.message = listed + " of the original of pair " + std::to_string(p + 1) +
                          (near ? (plural ? " are" : " is") + std::string(" spelled differently in the translation ")
                                : (plural ? " are" : " is") + std::string(" not carried into the translation ")) +
                          quoted(t_text);
      }
      finding.message += elsewhere;
      finding.confidence = near ? 0.3 : 0.55;
      finding.related.push_back({table.line_begin(partner), table.line_end(partner),
                                 std::string(in_translation ? "original" : "translation") + " of pair " +
                                     std::to_string(p + 1)});
      finding.severity = near ? Severity::Hint : Severity::Information;
      out.push_back(std::move(finding));
    };
    report(true, tokens.unmatched_translation, false);
    report(false, tokens.unmatched_original, false);
    report(true, tokens.near_translation, true);
    report(false, tokens.near_original, true);
  }
  return out;
}

}  // namespace bitext::content
