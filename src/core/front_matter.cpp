// Front matter told by content (front_matter.hpp).
#include "front_matter.hpp"

#include "bitext/lexicon.hpp"

namespace bitext::detail {

HeaderFit header_fit(std::string_view line, Script line_script, std::span<const std::string_view> others) {
  if (line_script != Script::Han && line_script != Script::Latin) return HeaderFit::Unknown;
  const Lexicon* lexicon = Lexicon::shared();
  if (!lexicon) return HeaderFit::Unknown;
  const bool chinese = line_script == Script::Han;
  const std::vector<LexicalWord> words = chinese ? chinese_line_words(line, lexicon) : english_line_words(line);
  // Two content words the dictionary can match at least: one says little.
  constexpr std::size_t kKnownWords = 2;
  std::size_t known = 0;
  for (const LexicalWord& word : words) known += word.origin == WordOrigin::Latin || lexicon->contains(word.key);
  if (known < kKnownWords) return HeaderFit::Unknown;
  for (const std::string_view other : others) {
    const std::vector<LexicalWord> other_words = chinese ? english_line_words(other) : chinese_line_words(other, lexicon);
    const LexicalEvidence evidence =
        chinese ? lexical_evidence(*lexicon, words, other_words) : lexical_evidence(*lexicon, other_words, words);
    const std::size_t hits = chinese ? evidence.chinese_hits : evidence.english_hits;
    if (hits >= kKnownWords) return HeaderFit::Partner;
  }
  return HeaderFit::NoPartner;
}

}  // namespace bitext::detail
