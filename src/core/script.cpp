#include "bitext/script.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>

#include "bitext/text.hpp"

namespace bitext {
namespace {

// Internal buckets: Kana is separate so that Han can be counted as Japanese
// when a line has kana.
enum Bucket : std::size_t {
  kLatin, kHan, kKana, kHangul, kCyrillic, kGreek, kArabic, kHebrew, kThai, kDevanagari, kOther,
  kBucketCount
};

std::size_t bucket_of(UScriptCode code) {
  switch (code) {
    case USCRIPT_LATIN:
      return kLatin;
    case USCRIPT_HAN:
      return kHan;
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_KATAKANA_OR_HIRAGANA:
      return kKana;
    case USCRIPT_HANGUL:
      return kHangul;
    case USCRIPT_CYRILLIC:
      return kCyrillic;
    case USCRIPT_GREEK:
      return kGreek;
    case USCRIPT_ARABIC:
      return kArabic;
    case USCRIPT_HEBREW:
      return kHebrew;
    case USCRIPT_THAI:
      return kThai;
    case USCRIPT_DEVANAGARI:
      return kDevanagari;
    default:
      return kOther;
  }
}

Script script_of(std::size_t bucket, bool has_kana) {
  switch (bucket) {
    case kLatin: return Script::Latin;
    case kHan: return has_kana ? Script::Japanese : Script::Han;
    case kKana: return Script::Japanese;
    case kHangul: return Script::Hangul;
    case kCyrillic: return Script::Cyrillic;
    case kGreek: return Script::Greek;
    case kArabic: return Script::Arabic;
    case kHebrew: return Script::Hebrew;
    case kThai: return Script::Thai;
    case kDevanagari: return Script::Devanagari;
    default: return Script::Other;
  }
}

}  // namespace

bool is_cjk_script(Script script) {
  return script == Script::Han || script == Script::Japanese || script == Script::Hangul;
}

std::string_view script_name(Script script) {
  switch (script) {
    case Script::None: return "none";
    case Script::Latin: return "latin";
    case Script::Han: return "han";
    case Script::Japanese: return "japanese";
    case Script::Hangul: return "hangul";
    case Script::Cyrillic: return "cyrillic";
    case Script::Greek: return "greek";
    case Script::Arabic: return "arabic";
    case Script::Hebrew: return "hebrew";
    case Script::Thai: return "thai";
    case Script::Devanagari: return "devanagari";
    case Script::Other: return "other";
  }
  return "none";
}

ScriptProfile classify_script(std::string_view line) {
  std::array<std::uint32_t, kBucketCount> counts{};
  for (std::size_t at = 0; at < line.size();) {
    const unsigned char byte = static_cast<unsigned char>(line[at]);
    if (byte < 0x80) {  // ASCII fast path: only a-z and A-Z are letters
      const unsigned char lower = byte | 0x20;
      if (lower >= 'a' && lower <= 'z') ++counts[kLatin];
      ++at;
      continue;
    }
    const DecodedCodePoint decoded = decode_utf8(line, at);
    at += decoded.length;
    if (!decoded.valid) continue;
    const auto cp = static_cast<UChar32>(decoded.code_point);
    if (cp >= 0x4E00 && cp <= 0x9FFF) {  // CJK Unified Ideographs, the bulk of Chinese
      ++counts[kHan];
      continue;
    }
    if (!u_isalpha(cp)) continue;  // digits, punctuation, symbols, emoji, marks
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode code = uscript_getScript(cp, &status);
    if (U_FAILURE(status) || code == USCRIPT_COMMON || code == USCRIPT_INHERITED) continue;
    ++counts[bucket_of(code)];
  }

  const bool has_kana = counts[kKana] > 0;
  if (has_kana) {  // Japanese: kana plus the Han used with it
    counts[kKana] += counts[kHan];
    counts[kHan] = 0;
  }

  ScriptProfile profile;
  std::uint32_t best_weight = 0, second_weight = 0, total_weight = 0;
  for (std::size_t bucket = 0; bucket < kBucketCount; ++bucket) {
    if (counts[bucket] == 0) continue;
    profile.letters += counts[bucket];
    const Script script = script_of(bucket, has_kana);
    const std::uint32_t weight = counts[bucket] * (is_cjk_script(script) ? kCjkLetterWeight : 1);
    total_weight += weight;
    // Ties go to the earlier bucket; Latin first would make a tie Latin, so
    // prefer the non-Latin script on a tie (a translation line with names).
    const bool better = weight > best_weight ||
                        (weight == best_weight && profile.dominant == Script::Latin);
    if (better) {
      second_weight = best_weight;
      profile.secondary = profile.dominant;
      profile.secondary_letters = profile.dominant_letters;
      best_weight = weight;
      profile.dominant = script;
      profile.dominant_letters = counts[bucket];
    } else if (weight > second_weight) {
      second_weight = weight;
      profile.secondary = script;
      profile.secondary_letters = counts[bucket];
    }
  }
  // Mixed: the second script carries at least a quarter of the weighted letters.
  profile.mixed = second_weight > 0 && second_weight * 4 >= total_weight;
  return profile;
}

}  // namespace bitext
