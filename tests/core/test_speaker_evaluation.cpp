// Scoring inferred speakers against hand labels (src/eval/speaker_evaluation).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "eval/speaker_evaluation.hpp"

using namespace bitext;

namespace {

Transcript with_speakers(const std::vector<std::string>& names) {
  Transcript transcript;
  for (std::size_t i = 0; i < names.size(); ++i) {
    Pair pair;
    pair.index = static_cast<std::uint32_t>(i);
    pair.speaker = names[i];
    transcript.pairs.push_back(pair);
  }
  return transcript;
}

}  // namespace

TEST_CASE("hand labels: pair number, tab, speaker; comments and blank lines skipped") {
  std::string error;
  const auto truth = parse_speaker_truth("# a comment\n1\tAnna Berg\n\n3\tTom\r\n2\tAnna Berg\n", error);
  REQUIRE(truth.has_value());
  CHECK(*truth == std::vector<std::string>{"Anna Berg", "Anna Berg", "Tom"});
  CHECK_FALSE(parse_speaker_truth("1 Anna\n", error).has_value());
  CHECK(error == "line 1: expected a pair number, a tab and a speaker");
  CHECK_FALSE(parse_speaker_truth("ok\n0\tAnna\n", error).has_value());
  CHECK(error == "line 1: expected a pair number, a tab and a speaker");
  CHECK_FALSE(parse_speaker_truth("2\t\n", error).has_value());
}

TEST_CASE("names match ignoring case, or by the first name alone") {
  CHECK(speaker_name_matches("Jacob", "Jacob Efron"));
  CHECK(speaker_name_matches("jacob efron", "Jacob Efron"));
  CHECK_FALSE(speaker_name_matches("Jacob Smith", "Jacob Efron"));
  CHECK_FALSE(speaker_name_matches("Speaker 1", "Jacob Efron"));
  CHECK_FALSE(speaker_name_matches("", "Jacob"));
}

TEST_CASE("named, mapped and baseline shares") {
  // Truth: A A B B B C; inferred: names right for A, B swapped with an unnamed speaker.
  const std::vector<std::string> truth{"Ann", "Ann", "Bob", "Bob", "Bob", "Cy"};
  const Transcript transcript = with_speakers({"Ann", "Ann", "Speaker 2", "Speaker 2", "Ann", "Speaker 2"});
  const SpeakerScore score = score_speakers(truth, transcript);
  CHECK(score.pairs == 6);
  CHECK(score.named == 2);
  CHECK(score.baseline == 3);
  CHECK(score.true_speakers == 3);
  CHECK(score.inferred_speakers == 2);
  // Best mapping: Ann->Ann (2 right), Speaker 2->Bob (2 right): 4; pairs 5 and 6 wrong.
  CHECK(score.mapped == 4);
  CHECK(score.wrong == std::vector<std::size_t>{4, 5});
  CHECK(score.share(score.mapped) == doctest::Approx(4.0 / 6.0));
  // Changes: true after pairs 2 and 5; inferred after 2, 4 and 5: two found.
  CHECK(score.true_changes == 2);
  CHECK(score.inferred_changes == 3);
  CHECK(score.changes_found == 2);
}

TEST_CASE("pairs without a label are not scored") {
  const std::vector<std::string> truth{"Ann", "", "Bob"};
  const SpeakerScore score = score_speakers(truth, with_speakers({"Bob", "Ann", "Ann"}));
  CHECK(score.pairs == 2);
  CHECK(score.named == 0);
  CHECK(score.mapped == 2);  // inferred Bob is true Ann, inferred Ann true Bob
  // Pairs 1 and 3 are not consecutive: no change is judged across the unlabelled pair.
  CHECK(score.true_changes == 0);
  CHECK(score.inferred_changes == 0);
  CHECK(score.changes_found == 0);
}
