// ObjectShape: whether the bytes seen so far, fed in pieces, have the shape of
// one JSON object ('{', balanced brackets outside strings, '}', whitespace
// around). A necessary condition for nlohmann::json::accept on an object, kept
// up to date in constant time per byte, so that the framing reader can ask
// "is this a complete object?" after every chunk of a trickling stream without
// re-parsing everything it holds (which made reading byte by byte quadratic).
#pragma once

#include <cctype>
#include <cstddef>
#include <string_view>

namespace bitext::lsp {

class ObjectShape {
 public:
  void feed(std::string_view bytes) {
    for (char c : bytes) {
      if (state_ == State::Broken) return;
      step(c);
    }
  }
  // The bytes so far are whitespace, one bracketed value starting with '{',
  // whitespace: worth a full parse.
  bool closed() const { return state_ == State::Closed; }
  // No continuation can make the bytes so far one object.
  bool broken() const { return state_ == State::Broken; }

 private:
  enum class State { Before, Inside, InString, Escape, Closed, Broken };

  static bool space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

  void step(char c) {
    switch (state_) {
      case State::Before:
        if (c == '{') {
          state_ = State::Inside;
          depth_ = 1;
        } else if (!space(c)) {
          state_ = State::Broken;
        }
        return;
      case State::Inside:
        if (c == '"') {
          state_ = State::InString;
        } else if (c == '{' || c == '[') {
          ++depth_;
        } else if (c == '}' || c == ']') {
          if (--depth_ == 0) state_ = c == '}' ? State::Closed : State::Broken;
        }
        return;
      case State::InString:
        if (c == '\\') state_ = State::Escape;
        if (c == '"') state_ = State::Inside;
        return;
      case State::Escape: state_ = State::InString; return;
      case State::Closed:
        if (!space(c)) state_ = State::Broken;
        return;
      case State::Broken: return;
    }
  }

  State state_ = State::Before;
  std::size_t depth_ = 0;
};

}  // namespace bitext::lsp
