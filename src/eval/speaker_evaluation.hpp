// Measuring inferred speakers against hand labels: per document, the share of
// pairs whose inferred speaker is right by name ("named"), right after the
// best one-to-one mapping of inferred speakers to true ones ("mapped"), and
// the baseline of always answering the most frequent true speaker.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/transcript.hpp"

namespace bitext {

// Hand labels: one line per pair, "<pair number, 1-based><TAB><speaker>";
// blank lines and lines starting with '#' are ignored. Returns one name per
// pair up to the highest number given ("" where a pair is not labelled), or
// nullopt with `error` set ("line 3: expected a pair number and a speaker").
std::optional<std::vector<std::string>> parse_speaker_truth(std::string_view text, std::string& error);

// Is `inferred` the true speaker's name: equal ignoring case, or one is the
// other's first name alone ("Dana" for "Dana Kovac").
bool speaker_name_matches(std::string_view inferred, std::string_view truth);

struct SpeakerScore {
  std::size_t pairs = 0;     // pairs with a true speaker and a pair in the transcript
  std::size_t named = 0;     // ... whose inferred name matches the true one
  std::size_t mapped = 0;    // ... right under the best one-to-one mapping
  std::size_t baseline = 0;  // ... of the most frequent true speaker
  std::size_t true_speakers = 0;
  std::size_t inferred_speakers = 0;
  std::vector<std::size_t> wrong;  // 0-based pairs wrong under the mapping
  // Changes of speaker between two consecutive labelled pairs: where the turns
  // are cut, apart from who speaks them (a missed change merges two turns).
  std::size_t true_changes = 0;      // the labels change speaker
  std::size_t inferred_changes = 0;  // the inferred speaker changes
  std::size_t changes_found = 0;     // both do

  double share(std::size_t count) const { return pairs ? double(count) / double(pairs) : 0.0; }
};

// `truth` from parse_speaker_truth; the transcript's pairs carry the inferred
// speakers (Pair::speaker / speaker_index). A count mismatch between truth and
// pairs scores the pairs both have.
SpeakerScore score_speakers(const std::vector<std::string>& truth, const Transcript& transcript);

}  // namespace bitext
