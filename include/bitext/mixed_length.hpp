// Lengths of a Chinese line and its English original with the text carried
// over between them taken out: commands, paths, options, UI labels and man
// references (smartd(8)) that the Chinese line keeps in Latin script. Carried
// text has the same length on both sides whatever the translation did, so it
// is no evidence about the translated part; counted in the Gale-Church model
// (length.hpp) it stretches or shrinks a line by the translation ratio c, which
// makes Latin-heavy lines outliers. Measured in docs/calibration.md ("Mixed-script
// lines").
#pragma once

#include <cstddef>
#include <string_view>

#include "bitext/length.hpp"

namespace bitext {

struct MixedLengths {
  double translation = 0;  // Chinese line without carried text (length.hpp's CJK measure)
  double original = 0;     // English line without carried text (all characters)
  double carried = 0;      // characters taken out of the English line
  double glossed = 0;      // Han characters of Chinese glosses of carried terms, taken out: LVM（逻辑卷管理）
  std::size_t latin_runs = 0;    // Latin runs of the Chinese line
  std::size_t carried_runs = 0;  // of which found in the English line
};

// A Latin run is a maximal stretch of the Chinese line made of Latin letters,
// digits and ASCII punctuation or spaces between them; each whitespace-separated
// piece of it that the English line contains (ASCII case-insensitive, not inside
// a longer word) is carried and taken out of both lines. Pieces not found count
// as Latin text of the Chinese line (kLatinInCjkWeight per letter or digit).
// A term given twice counts once: a Chinese gloss in brackets after a carried
// term (LVM（逻辑卷管理）) is taken out of the Chinese line, and a carried term in
// brackets after its Chinese translation (守护进程（daemon）) stays in the English
// line, answered by the translation.
MixedLengths mixed_lengths(std::string_view chinese, std::string_view english);

// Variance per carried character of the English side: a carried piece may come
// with or without quotes, brackets or a space around it (about one character in
// either direction per piece of a few characters).
inline constexpr double kCarriedVariancePerCharacter = 0.25;

// δ of the translated parts, (l2 - c·l1) / √(s²·m + v·carried) with m = (l1 + l2/c)/2
// and v = kCarriedVariancePerCharacter; 0 when there is nothing left on either side.
double mixed_length_delta(const MixedLengths& lengths, const LengthRatioModel& model);

}  // namespace bitext
