// Pairing step 1, classification: what each unit is on its own (blank,
// format markup, a placeholder, text) and whether it ends like a sentence.
// A function of the unit's text, its profile and the placeholders alone, so
// the reading of an unchanged unit can be kept from one version to the next.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/options.hpp"
#include "pairing_units.hpp"

namespace bitext::detail {

enum class UnitClass : std::uint8_t { Blank, Markup, Content, TranslationMark, OriginalMark };

// Packed in a byte: a document's readings are kept between versions.
class UnitReading {
 public:
  UnitReading() = default;
  UnitReading(UnitClass kind, bool sentence_end)
      : bits_(static_cast<std::uint8_t>(static_cast<std::uint8_t>(kind) | (sentence_end ? kSentenceEnd : 0))) {}

  UnitClass kind() const { return static_cast<UnitClass>(bits_ & kClassBits); }
  bool sentence_end() const { return (bits_ & kSentenceEnd) != 0; }  // ends with . ! ? … or their CJK forms
  bool content() const { return kind() == UnitClass::Content || placeholder(); }
  bool placeholder() const { return kind() == UnitClass::TranslationMark || kind() == UnitClass::OriginalMark; }
  bool operator==(const UnitReading&) const = default;

 private:
  static constexpr std::uint8_t kClassBits = 0x7, kSentenceEnd = 0x8;
  std::uint8_t bits_ = 0;
};

// The placeholders that make a unit a placeholder, trimmed once.
struct Placeholders {
  explicit Placeholders(const CheckOptions& options);
  std::string translation;
  std::string original;
  std::size_t shortest = 0;  // bytes: shorter units cannot be one
};

// `first` is true for the unit that starts the document (markup such as
// "WEBVTT" counts there only).
UnitReading read_unit(std::string_view text, const ScriptProfile& script, bool first, const Placeholders& placeholders);

// Every unit read; large documents on two threads (reading the text costs one
// cache miss per line). `known[i]`, when not null, is taken instead of reading
// unit i again.
std::vector<UnitReading> read_units(const UnitSequence& sequence, const Placeholders& placeholders,
                                    const std::vector<const UnitReading*>& known = {});

// A speaker label alone opens a turn, and a turn begins between pairs: in a
// document of line pairs the lines either side of a pair boundary are in the
// two languages. A line read as a label alone with lines of one language on
// both sides sits in the slot of one pair's side instead (a translation cut
// to its colon, "GECOS："; a heading ending with one, "请留意："): it is
// content. Returns the readings with those lines read as content, or empty
// when there is none (sequences with groups, or whose order may change per
// pair, keep their readings). Not part of a unit's own reading: it depends on
// the neighbours, so the cached readings stay read_unit's.
std::vector<UnitReading> labels_inside_pairs(const UnitSequence& sequence, std::span<const UnitReading> readings);

}  // namespace bitext::detail
