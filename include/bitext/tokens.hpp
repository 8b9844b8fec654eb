// Carried-over tokens: Latin-script names, acronyms, identifiers, versions,
// URLs and e-mail addresses. A Chinese translation line keeps these in Latin
// script, so each should be found in its original line; and some tokens of the
// original (URLs, e-mails, acronyms, identifiers, versions) must appear in the
// translation. The evidence is graded: transliteration slips (Carpathi vs
// Carter, JavaScript vs "Java Script") are near matches, not absences, because
// they are translation issues, not alignment errors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/text.hpp"

namespace bitext {

enum class TokenKind : std::uint8_t {
  Word,        // lowercase word: course, issue
  Name,        // capitalised or CamelCase: Mira, GitHub, ChatGPT
  Acronym,     // two or more capitals, optional plural s: AGI, CEO, PRs
  Identifier,  // letters with digits, '_', '/', '.' or '+': GPT-3, x86_64, dh_make, debian/rules
  Version,     // digits with two or more dots, or v + digits: 2.6.32, v1.2
  Url,         // scheme://..., www...., or a domain with a known top-level domain: hf.co//course
  Email,       // local@domain.tld
};

// How strongly a faithful translation is expected to repeat an original token.
enum class Carry : std::uint8_t {
  None,      // words and names: translated or transliterated as often as not
  Expected,  // acronyms (AGI, GPL) and word compounds (GNU/Linux): usually kept, sometimes spelled out
  Required,  // URLs, e-mails, versions, code-like identifiers and paths: copied verbatim
};

struct LatinToken {
  std::size_t begin = 0;  // byte span in the line
  std::size_t end = 0;
  TokenKind kind = TokenKind::Word;
  Carry carry = Carry::None;
  // Comparison key: lowercase letters and digits only, possessive 's and a
  // plural s removed ("Hugging-Face's" -> "huggingface", "PRs" -> "pr").
  std::string key;
  // Keys of the segments of a compound token ("Unix-like" -> unix, like;
  // "GNU/Linux" -> gnu, linux); empty for a token of one segment.
  std::vector<std::string> parts;
  bool operator==(const LatinToken&) const = default;
};

// Latin-script tokens of a line in text order. Pure numbers are not tokens
// (numbers.hpp reads them). Single letters are tokens, so that spelled-out
// addresses join up ("h f dot c o"), but are never checked on their own.
// Never throws; invalid UTF-8 bytes separate tokens.
std::vector<LatinToken> scan_tokens(std::string_view line);
// The same with the line's code points as decode_code_points gives them
// (decoded once for every scanner of a line).
std::vector<LatinToken> scan_tokens(std::string_view line, std::span<const CodePointSpan> code_points);

// Whether an original-side token must appear in a faithful translation
// (carry != None). Acronyms that translators routinely spell out in Chinese
// (AI, ML, CEO, US, WWW, ...), all-caps English words (NOT, MUST) and long
// all-caps placeholders (PATHPREFIX) carry nothing; tokens that start with a
// number (32-bit, 13th) are numbers, not tokens at all.
bool must_carry(const LatinToken& token);

enum class TokenMatch : std::uint8_t {
  None,
  Near,   // within a small edit distance: a spelling or transliteration slip
  Exact,  // same key, or the key of adjacent tokens joined ("Hugging Face" = "HuggingFace"),
          // or a segment of a compound (Unix = "Unix-like"), or every word segment of a
          // compound found (FIPS-151-2 = "FIPS 151-2"), or an acronym of the other
          // side's words (ML = machine learning, F1 = Formula One), or spelled out
          // (hf.co//course = "h f dot c o slash slash course")
};
// Near also covers a translation word that abbreviates an original word (man = manual).

struct TokenComparison {
  // Translation tokens (all kinds but lowercase Words of fewer than 3 letters)
  // and must-carry original tokens, graded.
  std::vector<std::size_t> unmatched_translation;  // indices into the translation's tokens
  std::vector<std::size_t> near_translation;
  // Original tokens with carry != None (the token's `carry` says how much an
  // absence weighs: Required is strong evidence, Expected weak).
  std::vector<std::size_t> unmatched_original;     // indices into the original's tokens
  std::vector<std::size_t> near_original;
  std::size_t matched_translation = 0;
  std::size_t matched_original = 0;
  // Tokens considered on each side; matched + near + unmatched.
  std::size_t considered_translation() const {
    return matched_translation + near_translation.size() + unmatched_translation.size();
  }
  std::size_t considered_original() const {
    return matched_original + near_original.size() + unmatched_original.size();
  }
  bool consistent() const { return unmatched_translation.empty() && unmatched_original.empty(); }
};

TokenComparison compare_tokens(std::span<const LatinToken> translation,
                               std::span<const LatinToken> original);

// Every key under which compare_tokens finds this line's tokens exactly: the
// keys of 1..3 adjacent tokens joined, compound segments, digit variants
// (GPT-two -> gpt2), acronyms of 2..6 adjacent words (ml, f1) and spelled-out
// addresses with "dot"/"slash" dropped (up to 8 words). Sorted, unique. For
// callers that hash keys to compare many line pairs quickly: a translation
// token whose key (or joined key) is among the original's keys is an Exact
// match, and so is a must-carry original token among the translation's keys.
std::vector<std::string> token_match_keys(std::span<const LatinToken> tokens);
// The initials among them (of 2..6 adjacent words, with their digit and
// acronym variants), sorted; and whether each of `keys` is one, found without
// listing them (what compare_tokens asks).
std::vector<std::string> token_initials(std::span<const LatinToken> tokens);
std::vector<bool> are_token_initials(std::span<const LatinToken> tokens, std::span<const std::string> keys);

// Lowercase-alphanumeric key of a piece of text as scan_tokens computes it
// (exposed for tests and for callers that match user-supplied names).
std::string token_key(std::string_view text);

}  // namespace bitext
