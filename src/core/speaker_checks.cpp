// Speaker checks over the labels of a document (speakers.hpp): the two sides
// of a pair naming different speakers, a side left unlabelled where the
// document labels both, and a rare spelling of a frequent name. Findings are
// made at each code's default severity and point at the partner line.
#include "bitext/speaker_checks.hpp"

#include <algorithm>
#include <string>

#include "bitext/rules.hpp"
#include "bitext/speaker_labels.hpp"
#include "bitext/text.hpp"

namespace bitext {
namespace {

// A spelling is rare next to a frequent one when the frequent one labels at
// least this many times as often, and this many times at least.
constexpr std::uint32_t kRareAtMost = 2;
constexpr std::uint32_t kFrequentAtLeast = 4;
constexpr std::uint32_t kFrequencyRatio = 3;

std::u32string code_points(std::string_view text) {
  std::u32string out;
  for (std::size_t at = 0; at < text.size();) {
    const DecodedCodePoint decoded = decode_utf8(text, at);
    const char32_t c = decoded.code_point;
    out.push_back(c < 0x80 && c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c);
    at += std::max<std::size_t>(decoded.length, 1);
  }
  return out;
}

// Levenshtein distance of two short names (in code points, case folded).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::u32string x = code_points(a), y = code_points(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[y.size()];
}

// Close enough to be a misspelling: one edit in a short name, two in a long one.
bool close_spelling(std::string_view rare, std::string_view frequent) {
  const std::size_t length = std::max(code_points(rare).size(), code_points(frequent).size());
  if (length < 3) return false;
  const std::size_t distance = edit_distance(rare, frequent);
  return distance > 0 && distance <= (length >= 8 ? 2u : 1u);
}

class SpeakerChecker {
 public:
  SpeakerChecker(const Transcript& transcript, std::string_view text)
      : transcript_(transcript), model_(transcript.speaker_model), text_(text) {}

  std::vector<Finding> run() {
    if (!model_.labelled()) return {};
    find_variants();
    side_labels();
    for (const Pair& pair : transcript_.pairs) check_pair(pair);
    spelling();
    return std::move(findings_);
  }

 private:
  struct SideLabels {
    const SpeakerLabel* translation = nullptr;
    const SpeakerLabel* original = nullptr;
  };

  std::string name_at(const SpeakerLabel& label) const {
    return written_name(text_.substr(label.name_begin, label.name_end - label.name_begin));
  }
  const Speaker& speaker(std::int32_t index) const { return model_.speakers[static_cast<std::size_t>(index)]; }
  std::string pair_number(const Pair& pair) const { return std::to_string(pair.index + 1); }

  // Speakers whose every label is a rare, close spelling of a frequent speaker's.
  void find_variants() {
    variant_of_.assign(model_.speakers.size(), -1);
    for (std::size_t rare = 0; rare < model_.speakers.size(); ++rare) {
      const Speaker& r = model_.speakers[rare];
      if (r.labels > kRareAtMost) continue;
      for (std::size_t frequent = 0; frequent < model_.speakers.size(); ++frequent) {
        const Speaker& f = model_.speakers[frequent];
        if (frequent == rare || f.labels < kFrequentAtLeast || f.labels < kFrequencyRatio * r.labels) continue;
        const bool original = !r.original_spelling.empty() && !f.original_spelling.empty() &&
                              close_spelling(r.original_spelling, f.original_spelling);
        const bool translation = !r.translation_spelling.empty() && !f.translation_spelling.empty() &&
                                 close_spelling(r.translation_spelling, f.translation_spelling);
        if (original || translation) {
          variant_of_[rare] = static_cast<std::int32_t>(frequent);
          break;
        }
      }
    }
  }

  void side_labels() {
    by_pair_.assign(transcript_.pairs.size(), {});
    for (const SpeakerLabel& label : model_.labels) {
      if (label.pair < 0 || label.speaker < 0 || label.name_begin == label.name_end) continue;
      SideLabels& slot = by_pair_[static_cast<std::size_t>(label.pair)];
      if (label.side == LabelSide::Translation) slot.translation = &label;
      if (label.side == LabelSide::Original) slot.original = &label;
    }
    for (const SideLabels& slot : by_pair_) {
      if (slot.translation && slot.original) ++both_;
      else if (slot.translation || slot.original) ++one_;
    }
  }

  bool same_speaker(std::int32_t a, std::int32_t b) const {
    if (a == b) return true;
    const auto root = [&](std::int32_t s) {
      const std::int32_t v = variant_of_[static_cast<std::size_t>(s)];
      return v >= 0 ? v : s;
    };
    return root(a) == root(b);
  }

  // The first line of a side, for related locations.
  RelatedLocation related_side(const Pair& pair, bool translation, std::string message) const {
    const SideLines& side = translation ? pair.translation : pair.original;
    const TranscriptLine& line = transcript_.lines[side.front()];
    return {line.begin, line.end, std::move(message)};
  }

  Finding& add(std::string_view code, std::size_t begin, std::size_t end, const Pair& pair, std::string message) {
    Finding finding;
    finding.code = std::string(code);
    finding.severity = default_severity(code);
    finding.begin = begin;
    finding.end = end;
    finding.pair = static_cast<std::int32_t>(pair.index);
    finding.message = std::move(message);
    findings_.push_back(std::move(finding));
    return findings_.back();
  }

  void check_pair(const Pair& pair) {
    const SideLabels& slot = by_pair_[pair.index];
    if (slot.translation && slot.original) {
      if (!same_speaker(slot.translation->speaker, slot.original->speaker)) mismatch(pair, slot);
      return;
    }
    if (both_ < 2 || both_ < one_) return;  // the document does not label both sides
    if (slot.translation && !pair.original.empty()) missing(pair, *slot.translation, false);
    if (slot.original && !pair.translation.empty()) missing(pair, *slot.original, true);
  }

  void mismatch(const Pair& pair, const SideLabels& slot) {
    const SpeakerLabel& t = *slot.translation;
    const SpeakerLabel& o = *slot.original;
    Finding& finding = add("speaker-mismatch", t.name_begin, t.name_end, pair,
                           "The translation names " + name_at(t) + " but its original names " + name_at(o) +
                               ", another speaker (pair " + pair_number(pair) + ")");
    finding.related.push_back(related_side(pair, false, "original of pair " + pair_number(pair)));
  }

  // A label on one side of a pair, none on the other (`on_translation`: the
  // translation lacks it).
  void missing(const Pair& pair, const SpeakerLabel& present, bool on_translation) {
    const Speaker& who = speaker(present.speaker);
    const std::string& spelling = on_translation ? who.translation_spelling : who.original_spelling;
    const std::string_view side = on_translation ? "translation" : "original";
    const std::uint32_t line = (on_translation ? pair.translation : pair.original).front();
    const TranscriptLine& entry = transcript_.lines[line];
    Finding& finding = add("speaker-label-missing", entry.begin, entry.end, pair,
                           "The " + std::string(side) + " has no speaker label where its " +
                               (on_translation ? "original" : "translation") + " names " + name_at(present) +
                               " (pair " + pair_number(pair) + ")");
    finding.related.push_back(related_side(pair, !on_translation,
                                           std::string(on_translation ? "original" : "translation") + " of pair " +
                                               pair_number(pair)));
    const std::optional<std::string> label = written_like(spelling, on_translation);
    if (!label) return;
    std::size_t at = entry.begin;
    while (at < entry.end && (text_[at] == ' ' || text_[at] == '\t')) ++at;
    if (text_.substr(at, 3) == "\xEF\xBB\xBF") at += 3;
    Fix fix;
    fix.title = "Add the label " + *label;
    fix.preferred = true;
    fix.edits.push_back({at, at, *label});
    finding.fixes.push_back(std::move(fix));
  }

  // `name` labelled as this document labels that side: the markup and the
  // colon of the side's most common label written around it.
  std::optional<std::string> written_like(const std::string& name, bool translation) const {
    if (name.empty()) return std::nullopt;
    const LabelSide side = translation ? LabelSide::Translation : LabelSide::Original;
    std::vector<std::pair<std::string, std::size_t>> styles;
    for (const SpeakerLabel& label : model_.labels) {
      if (label.side != side || label.name_begin == label.name_end) continue;
      std::string style = std::string(text_.substr(label.begin, label.name_begin - label.begin)) + '\0' +
                          std::string(text_.substr(label.name_end, label.end - label.name_end));
      auto known = std::find_if(styles.begin(), styles.end(), [&](const auto& s) { return s.first == style; });
      if (known == styles.end()) styles.emplace_back(std::move(style), 1);
      else ++known->second;
    }
    if (styles.empty()) return std::nullopt;
    const auto most = std::max_element(styles.begin(), styles.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    const std::size_t cut = most->first.find('\0');
    std::string label = most->first.substr(0, cut) + name + most->first.substr(cut + 1);
    // Text follows the label on its line: after ASCII markup, a space (a
    // full-width colon needs none).
    const bool full_width = label.size() >= 3 && label.compare(label.size() - 3, 3, "\uFF1A") == 0;
    if (label.back() != ' ' && label.back() != '\t' && !full_width) label += ' ';
    return label;
  }

  void spelling() {
    for (const SpeakerLabel& label : model_.labels) {
      if (label.speaker < 0 || label.pair < 0 || label.name_begin == label.name_end) continue;
      const std::int32_t frequent = variant_of_[static_cast<std::size_t>(label.speaker)];
      if (frequent < 0) continue;
      const bool translation = label.side == LabelSide::Translation ||
                               (label.side == LabelSide::OwnLine && speaker(label.speaker).original_spelling.empty());
      const Speaker& f = speaker(frequent);
      const std::string& better = translation ? f.translation_spelling : f.original_spelling;
      const std::string written = name_at(label);
      if (better.empty() || !close_spelling(written, better)) continue;
      const Pair& pair = transcript_.pairs[static_cast<std::size_t>(label.pair)];
      Finding& finding =
          add("speaker-spelling", label.name_begin, label.name_end, pair,
              "Speaker '" + written + "' is labelled " + std::to_string(speaker(label.speaker).labels) +
                  (speaker(label.speaker).labels == 1 ? " time" : " times") + ", '" + better + "' " +
                  std::to_string(f.labels) + " times: a misspelling? (pair " + pair_number(pair) + ")");
      const bool partner_translation = label.side != LabelSide::Translation;
      if (!(partner_translation ? pair.translation : pair.original).empty())
        finding.related.push_back(related_side(pair, partner_translation,
                                               std::string(partner_translation ? "translation" : "original") +
                                                   " of pair " + pair_number(pair)));
      Fix fix;
      fix.title = "Write '" + better + "'";
      fix.preferred = true;
      fix.edits.push_back({label.name_begin, label.name_end, better});
      finding.fixes.push_back(std::move(fix));
    }
  }

  const Transcript& transcript_;
  const SpeakerModel& model_;
  std::string_view text_;
  std::vector<std::int32_t> variant_of_;
  std::vector<SideLabels> by_pair_;
  std::size_t both_ = 0, one_ = 0;
  std::vector<Finding> findings_;
};

}  // namespace

std::vector<Finding> speaker_checks(const Transcript& transcript, std::string_view text) {
  return SpeakerChecker(transcript, text).run();
}

}  // namespace bitext
