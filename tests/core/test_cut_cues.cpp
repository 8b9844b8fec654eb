// Cues that a line was cut (cut_cues.cpp): ends_inside_original_token reads
// only the chunks of the original around the fragment's occurrences; it must
// answer as reading every whitespace-separated token of the original does.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>

#include "core/content_stages.hpp"

using bitext::content::ends_inside_original_token;

namespace {

bool alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view strip_openings(std::string_view token) {
  for (bool again = true; again && !token.empty();) {
    again = false;
    for (const std::string_view open : {"\"", "'", "(", "[", "{", "<", "\u201c", "\u2018", "\uff08"}) {
      if (token.substr(0, open.size()) == open) {
        token.remove_prefix(open.size());
        again = true;
      }
    }
  }
  return token;
}

// The definition: the translation's trailing printable-ASCII run, ending in a
// mark, begins a longer token of the original (openings stripped) that has a
// letter or digit after it. Every token of the original is read.
bool by_every_token(std::string_view translation, std::string_view original) {
  while (!translation.empty() && (translation.back() == ' ' || translation.back() == '\t')) translation.remove_suffix(1);
  std::size_t start = translation.size();
  while (start > 0 && translation[start - 1] > ' ' && translation[start - 1] <= '~') --start;
  const std::string_view fragment = translation.substr(start);
  if (fragment.empty() || alnum(fragment.back())) return false;
  for (std::size_t at = 0; at < original.size();) {
    while (at < original.size() && (original[at] == ' ' || original[at] == '\t')) ++at;
    std::size_t end = at;
    while (end < original.size() && original[end] != ' ' && original[end] != '\t') ++end;
    const std::string_view token = strip_openings(original.substr(at, end - at));
    if (token.size() > fragment.size() && token.substr(0, fragment.size()) == fragment)
      for (const char c : token.substr(fragment.size()))
        if (alnum(c)) return true;
    at = end;
  }
  return false;
}

}  // namespace

TEST_CASE("ends_inside_original_token: a fragment cut inside a token of the original") {
  CHECK(ends_inside_original_token("编辑 /etc/apt/sources.", "Edit /etc/apt/sources.list.d/ now."));
  CHECK(ends_inside_original_token("访问 https:", "Visit https://example.org today"));
  CHECK(ends_inside_original_token("见 foo.", "see (\"foo.bar\")"));  // after the openings
  CHECK_FALSE(ends_inside_original_token("见 (foo.", "see (foo.bar)"));  // the openings are not the token's
  CHECK_FALSE(ends_inside_original_token("编辑 /etc/apt/sources.", "Edit /etc/apt/sources. now"));
  CHECK_FALSE(ends_inside_original_token("见 foo.", "see (xfoo.bar)"));
  CHECK_FALSE(ends_inside_original_token("见 foo", "see foo.bar"));
  CHECK_FALSE(ends_inside_original_token("见 .", "a... b"));
  CHECK(ends_inside_original_token("见 .", "a .b"));
}

TEST_CASE("ends_inside_original_token answers as reading every token of the original") {
  // Short random texts over the characters that matter: separators, marks,
  // openings, letters and digits, so that fragments occur often, inside
  // tokens, after openings and at chunk edges.
  const std::string_view pieces[] = {" ", "\t", ".", "/", ":", "(", "\"", "'", "a", "b", "1", "\u201c", "\uff08", "中"};
  std::mt19937 random(14);
  const auto text = [&](std::size_t most) {
    std::string out;
    const std::size_t size = random() % (most + 1);
    for (std::size_t k = 0; k < size; ++k) out += pieces[random() % std::size(pieces)];
    return out;
  };
  int found = 0;
  for (int trial = 0; trial < 200000; ++trial) {
    const std::string translation = text(6), original = text(24);
    const bool expected = by_every_token(translation, original);
    found += expected ? 1 : 0;
    CAPTURE(translation);
    CAPTURE(original);
    REQUIRE(ends_inside_original_token(translation, original) == expected);
  }
  CHECK(found > 1000);  // the comparison saw many cut fragments, not only misses
}

TEST_CASE("dropped_final_address: the web address the original ends with, missing from the translation") {
  using bitext::content::dropped_final_address;
  CHECK(dropped_final_address("[WKPD-GNU] 维基百科(英文) - GNU.", "[WKPD-GNU] Wikipedia - GNU. https://en.wikipedia.org/wiki/GNU .") ==
        "https://en.wikipedia.org/wiki/GNU");
  CHECK(dropped_final_address("见", "See (www.debian.org).") == "www.debian.org");
  // A cut inside the address leaves it missing as well.
  CHECK(dropped_final_address("链接在 http://get.", "linked on https://get.debian.org/cdimage/") ==
        "https://get.debian.org/cdimage/");
  // Carried, with or without the same scheme; or the original ends with no address.
  CHECK(dropped_final_address("链接在 http://get.debian.org/cdimage/", "linked on https://get.debian.org/cdimage/")
            .empty());
  CHECK(dropped_final_address("见 https://gimp.org 。", "See https://gimp.org .").empty());
  CHECK(dropped_final_address("访问 https://gimp.org 了解更多", "Visit https://gimp.org to learn more").empty());
  CHECK(dropped_final_address("编辑 /etc/apt/sources.list", "Edit /etc/apt/sources.list").empty());
  CHECK(dropped_final_address("", "").empty());
  CHECK(dropped_final_address("见", "https://").empty());
}
