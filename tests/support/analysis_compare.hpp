// Two analyses compared field by field: rerun must give exactly what run
// gives (transcript, speaker model, findings, scores).
#pragma once

#include <doctest/doctest.h>

#include "bitext/analysis.hpp"
#include "bitext/finding.hpp"
#include "bitext/speakers.hpp"

namespace bitext::test_support {

inline void check_same_speakers(const SpeakerModel& x, const SpeakerModel& y) {
  REQUIRE(x.speakers.size() == y.speakers.size());
  for (std::size_t i = 0; i < x.speakers.size(); ++i) {
    CHECK(x.speakers[i].name == y.speakers[i].name);
    CHECK(x.speakers[i].translation_spelling == y.speakers[i].translation_spelling);
    CHECK(x.speakers[i].original_spelling == y.speakers[i].original_spelling);
    CHECK(x.speakers[i].inferred == y.speakers[i].inferred);
    CHECK(x.speakers[i].labels == y.speakers[i].labels);
  }
  REQUIRE(x.labels.size() == y.labels.size());
  for (std::size_t i = 0; i < x.labels.size(); ++i) {
    CHECK(x.labels[i].line == y.labels[i].line);
    CHECK(x.labels[i].begin == y.labels[i].begin);
    CHECK(x.labels[i].end == y.labels[i].end);
    CHECK(x.labels[i].name_begin == y.labels[i].name_begin);
    CHECK(x.labels[i].name_end == y.labels[i].name_end);
    CHECK(x.labels[i].side == y.labels[i].side);
    CHECK(x.labels[i].form == y.labels[i].form);
    CHECK(x.labels[i].pair == y.labels[i].pair);
    CHECK(x.labels[i].speaker == y.labels[i].speaker);
  }
  REQUIRE(x.turns.size() == y.turns.size());
  for (std::size_t i = 0; i < x.turns.size(); ++i) {
    CHECK(x.turns[i].speaker == y.turns[i].speaker);
    CHECK(x.turns[i].first_pair == y.turns[i].first_pair);
    CHECK(x.turns[i].last_pair == y.turns[i].last_pair);
    CHECK(x.turns[i].inferred == y.turns[i].inferred);
    CHECK(x.turns[i].confidence == y.turns[i].confidence);
    CHECK(x.turns[i].cue == y.turns[i].cue);
    CHECK(x.turns[i].evidence == y.turns[i].evidence);
  }
}

inline void check_same_finding(const Finding& a, const Finding& b) {
  CHECK(a.code == b.code);
  CHECK(a.severity == b.severity);
  CHECK(a.message == b.message);
  CHECK(a.begin == b.begin);
  CHECK(a.end == b.end);
  CHECK(a.pair == b.pair);
  CHECK(a.confidence == b.confidence);
  CHECK(a.evidence == b.evidence);
  REQUIRE(a.related.size() == b.related.size());
  for (std::size_t i = 0; i < a.related.size(); ++i) {
    CHECK(a.related[i].begin == b.related[i].begin);
    CHECK(a.related[i].end == b.related[i].end);
    CHECK(a.related[i].message == b.related[i].message);
  }
  REQUIRE(a.fixes.size() == b.fixes.size());
  for (std::size_t i = 0; i < a.fixes.size(); ++i) {
    CHECK(a.fixes[i].title == b.fixes[i].title);
    CHECK(a.fixes[i].preferred == b.fixes[i].preferred);
    CHECK(a.fixes[i].edits == b.fixes[i].edits);
  }
}

inline void check_same_analysis(const Analysis& a, const Analysis& b) {
  CHECK(a.text() == b.text());
  CHECK(a.index().line_count() == b.index().line_count());
  CHECK(a.index() == b.index());  // every line start and end
  const Transcript& x = a.transcript();
  const Transcript& y = b.transcript();
  CHECK(x.order == y.order);
  CHECK(x.translation_cue == y.translation_cue);
  CHECK(x.translation_script == y.translation_script);
  CHECK(x.original_script == y.original_script);
  CHECK(x.front_matter == y.front_matter);
  CHECK(x.back_matter == y.back_matter);
  REQUIRE(x.lines.size() == y.lines.size());
  for (std::size_t i = 0; i < x.lines.size(); ++i) {
    CAPTURE(i);
    CHECK(x.lines[i].number == y.lines[i].number);
    CHECK(x.lines[i].begin == y.lines[i].begin);
    CHECK(x.lines[i].end == y.lines[i].end);
    CHECK(x.lines[i].script == y.lines[i].script);
    CHECK(x.lines[i].kind == y.lines[i].kind);
    CHECK(x.lines[i].pair == y.lines[i].pair);
  }
  REQUIRE(x.pairs.size() == y.pairs.size());
  for (std::size_t i = 0; i < x.pairs.size(); ++i) {
    CHECK(x.pairs[i].index == y.pairs[i].index);
    CHECK(x.pairs[i].translation == y.pairs[i].translation);
    CHECK(x.pairs[i].original == y.pairs[i].original);
    CHECK(x.pairs[i].speaker == y.pairs[i].speaker);
    CHECK(x.pairs[i].speaker_index == y.pairs[i].speaker_index);
  }
  check_same_speakers(x.speaker_model, y.speaker_model);
  REQUIRE(a.findings().size() == b.findings().size());
  for (std::size_t i = 0; i < a.findings().size(); ++i) check_same_finding(a.findings()[i], b.findings()[i]);
  CHECK(a.pair_scores() == b.pair_scores());
}

}  // namespace bitext::test_support
