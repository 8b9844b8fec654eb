// Random edits of a document's lines as a user makes them, each with the
// LineEdit that describes it: the rerun tests replay them.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"

namespace bitext::test_support {

inline bool continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

inline std::size_t boundary(const std::string& text, std::size_t at) {
  while (at > 0 && at < text.size() && continuation(text[at])) --at;
  return at;
}

// One random edit of `lines`, with the LineEdit that describes it (or none:
// rerun then finds the change by comparing).
struct Editor {
  std::mt19937 random;
  std::vector<std::string>& lines;

  std::uint32_t pick_line() {
    // The first and last lines (the edges of what is shared) a quarter of the time.
    const unsigned roll = random() % 8;
    if (roll == 0) return 0;
    if (roll == 1) return static_cast<std::uint32_t>(lines.size() - 1);
    return static_cast<std::uint32_t>(random() % lines.size());
  }

  std::vector<LineEdit> edit() {
    static const std::string kTyped[] = {"a", " ", "3", "的", "。", "?", ".", "，"};
    static const std::string kOpenings[] = {"Clem, ", "I'm Jacob Efron. ", "Clem: ", "Jacob: ", "Thanks for having me. ",
                                            "我是Jacob。", "- ", "Welcome to the show. "};
    const std::uint32_t line = pick_line();
    std::string& text = lines[line];
    const unsigned kind = random() % 11;
    if (kind < 4) {  // a character typed
      text.insert(boundary(text, random() % (text.size() + 1)), kTyped[random() % std::size(kTyped)]);
      return {{line, 1, 1}};
    }
    if (kind < 6 && !text.empty()) {  // a character deleted
      const std::size_t at = boundary(text, random() % text.size());
      std::size_t end = at + 1;
      while (end < text.size() && continuation(text[end])) ++end;
      text.erase(at, end - at);
      return {{line, 1, 1}};
    }
    if (kind == 6) {  // a line break typed: the line splits, every later pair moves
      const std::size_t at = boundary(text, random() % (text.size() + 1));
      const std::string tail = text.substr(at);
      text.erase(at);
      lines.insert(lines.begin() + line + 1, tail);
      return {{line, 1, 2}};
    }
    if (kind == 7 && line + 1 < lines.size()) {  // a line break deleted: two lines join
      text += lines[line + 1];
      lines.erase(lines.begin() + line + 1);
      return {{line, 2, 1}};
    }
    if (kind == 8) {  // a cue or label at the start of a line
      text.insert(0, kOpenings[random() % std::size(kOpenings)]);
      return random() % 4 == 0 ? std::vector<LineEdit>{} : std::vector<LineEdit>{{line, 1, 1}};
    }
    if (kind == 9) {  // a byte replaced by another: every offset stays, one pair reads differently
      static const char kSwapped[] = {'?', '.', ':', ',', 'a', 'I'};
      std::size_t at = text.empty() ? 0 : random() % text.size();
      while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0x80) != 0) ++at;
      if (at < text.size()) text[at] = kSwapped[random() % std::size(kSwapped)];
      return {{line, 1, 1}};
    }
    // Two lines far apart edited at once (one rerun, two edits, in order).
    const auto other = static_cast<std::uint32_t>(random() % lines.size());
    text += "x";
    lines[other].insert(0, "y");
    return {{line, 1, 1}, {other, 1, 1}};
  }
};

}  // namespace bitext::test_support
