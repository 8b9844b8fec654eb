// Glued scripts (join_glue.hpp).
#include "join_glue.hpp"

#include "bitext/text.hpp"
#include "chars.hpp"

namespace bitext::detail {
namespace {

bool han_at(std::string_view line, std::size_t at) {
  if (at >= line.size()) return false;
  const DecodedCodePoint decoded = decode_utf8(line, at);
  return decoded.valid && chars::is_han(decoded.code_point);
}
bool han_before(std::string_view line, std::size_t at) {
  return at > 0 && han_at(line, code_point_start_before(line, at));
}

}  // namespace

bool glues_scripts(std::string_view line) {
  bool previous_han = false, previous_letter = false;
  for (std::size_t at = 0; at < line.size();) {
    const DecodedCodePoint decoded = decode_utf8(line, at);
    const bool han = decoded.valid && chars::is_han(decoded.code_point);
    const bool letter = chars::is_ascii_letter(static_cast<unsigned char>(line[at]));
    if ((han && previous_letter) || (letter && previous_han)) return true;
    previous_han = han;
    previous_letter = letter;
    at += decoded.length > 0 ? decoded.length : 1;
  }
  return false;
}

bool spaces_scripts(std::string_view line) {
  for (std::size_t run = line.find(' '); run != std::string_view::npos;) {
    std::size_t after = run;
    while (after < line.size() && line[after] == ' ') ++after;
    if ((han_before(line, run) && chars::ascii_letter_at(line, after)) ||
        (run > 0 && chars::ascii_letter_at(line, run - 1) && han_at(line, after)))
      return true;
    run = line.find(' ', after);
  }
  return false;
}

bool glued_cut(std::string_view line, const LanguageJoin& join) {
  if (join.first_end != join.second_begin || join.first_end == 0) return false;
  const std::size_t at = join.first_end;
  return (han_before(line, at) && chars::ascii_letter_at(line, at)) ||
         (chars::ascii_letter_at(line, at - 1) && han_at(line, at));
}

}  // namespace bitext::detail
