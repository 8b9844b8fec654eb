// The adjacent byte pairs of a text, as a filter for phrase searches: a
// phrase with a byte pair the text lacks cannot occur in it. The speaker cue
// readers look for ~100 fixed phrases in every pair and find almost none;
// asking this first skips nearly all of the searches without changing what
// they find.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace bitext::detail {

class BytePairs {
 public:
  explicit BytePairs(std::string_view text) {
    for (std::size_t at = 1; at < text.size(); ++at) set(slot(text[at - 1], text[at]));
  }

  // False only when `phrase` surely does not occur in the text (one of its
  // byte pairs is missing); a phrase shorter than two bytes may always occur.
  bool may_contain(std::string_view phrase) const {
    for (std::size_t at = 1; at < phrase.size(); ++at)
      if (!has(slot(phrase[at - 1], phrase[at]))) return false;
    return true;
  }

 private:
  static constexpr std::size_t kBits = 4096;
  // Distinct for any two pairs of lower-case ASCII letters; other pairs may
  // share a slot, which only lets a search run.
  static std::size_t slot(char first, char second) {
    return ((static_cast<std::size_t>(static_cast<unsigned char>(first)) << 6) ^
            static_cast<unsigned char>(second)) & (kBits - 1);
  }
  void set(std::size_t bit) { bits_[bit >> 6] |= std::uint64_t{1} << (bit & 63); }
  bool has(std::size_t bit) const { return (bits_[bit >> 6] >> (bit & 63)) & 1U; }

  std::array<std::uint64_t, kBits / 64> bits_{};
};

}  // namespace bitext::detail
