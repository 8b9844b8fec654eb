// Carried leads at a join (join_lead.hpp). Why it holds on unseen text: a
// pair whose English line starts with an address, an option or a sentence
// left untranslated keeps that text at the start of its Chinese line too, so
// where an English run is followed by that same text and then Han text, the
// Chinese line starts there; an English title followed by an unrelated Latin
// term and Han text does not share its beginning with the next English line.
#include "join_lead.hpp"

#include <algorithm>

#include "bitext/text.hpp"
#include "chars.hpp"
#include "line_facts.hpp"

namespace bitext::detail {
namespace {

bool lead_blank(char c) { return c == ' ' || c == '\t'; }

// The bytes of the partner's first token: up to a blank or a non-ASCII byte,
// without a trailing comma, colon, semicolon or full stop.
std::string_view first_token(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && !lead_blank(text[end]) && static_cast<unsigned char>(text[end]) < 0x80) ++end;
  while (end > 0 && (text[end - 1] == ',' || text[end - 1] == ':' || text[end - 1] == ';' || text[end - 1] == '.')) --end;
  return text.substr(0, end);
}

// A shared beginning of a word or two in small letters ("the ") is chance: a
// carried text of such words is at least this long (two short words and their
// blanks). A token with a capital or a sign in it (a name, "GECOS", an option
// "-t", an address, "#skolelinux"), or one right after a sentence's end, is
// carried whatever its length, from three bytes.
constexpr std::size_t kLeadBytes = 8;
constexpr std::size_t kLeadTokenBytes = 3;

}  // namespace

bool repeats_lead_at(std::string_view line, std::size_t at) {
  const std::string_view token = first_token(line);
  if (at == 0 || token.size() < 2 || line.substr(at, token.size()) != token ||
      std::none_of(token.begin(), token.end(), [](char c) { return chars::is_ascii_letter(static_cast<unsigned char>(c)); }))
    return false;
  const std::size_t end = at + token.size();
  return end >= line.size() || !chars::is_ascii_alnum(static_cast<unsigned char>(line[end]));
}

std::optional<LanguageJoin> carried_lead_join(std::string_view line, std::string_view partner) {
  while (!partner.empty() && lead_blank(partner.front())) partner.remove_prefix(1);
  const std::string_view token = first_token(partner);
  if (token.size() < 2 || std::none_of(token.begin(), token.end(), [](char c) {
        return chars::is_ascii_letter(static_cast<unsigned char>(c));
      }))
    return std::nullopt;
  const std::size_t first_cjk = chars::first_cjk_at(line);
  if (first_cjk >= line.size()) return std::nullopt;
  const bool glue_ok = !chars::is_ascii_lower(static_cast<unsigned char>(token[0])) && !chars::is_ascii_digit(static_cast<unsigned char>(token[0]));
  const bool marked = std::any_of(token.begin(), token.end(), [](char c) {
    return chars::is_ascii_upper(static_cast<unsigned char>(c)) || !chars::is_ascii_alnum(static_cast<unsigned char>(c));
  });
  std::size_t best = 0, best_shared = 0;
  // At most 64 places a line: a line of one token repeated would make the comparisons quadratic.
  int places = 0;
  for (std::size_t at = line.find(token, 1); at != std::string_view::npos && at < first_cjk && places < 64;
       at = line.find(token, at + 1), ++places) {
    const char before = line[at - 1];
    if (!lead_blank(before) && chars::is_ascii_alnum(static_cast<unsigned char>(before)) && !glue_ok) continue;
    std::size_t shared = 0;
    while (at + shared < line.size() && shared < partner.size() && line[at + shared] == partner[shared]) ++shared;
    // After a sentence's end a term in small letters starts the next line as a name does ("…local use.emerg：…").
    std::size_t mark = at;
    if (mark > 0 && lead_blank(line[mark - 1])) --mark;
    const bool after_end = mark > 0 && (line[mark - 1] == '.' || line[mark - 1] == ';' || line[mark - 1] == '!' ||
                                        line[mark - 1] == '?' || line[mark - 1] == ':');
    const std::size_t needed = marked || after_end ? std::max(token.size(), kLeadTokenBytes) : kLeadBytes;
    if (shared >= needed && shared > best_shared) {
      best = at;
      best_shared = shared;
    }
  }
  if (best == 0) return std::nullopt;
  const std::size_t first_end = end_before_spaces(line, best);
  if (first_end == 0) return std::nullopt;
  return LanguageJoin{first_end, best};
}

std::optional<LanguageJoin> repeated_opening_join(std::string_view line) {
  const std::size_t first_cjk = chars::first_cjk_at(line);
  if (first_cjk == 0 || first_cjk >= line.size() || !chars::is_ascii_upper(static_cast<unsigned char>(line[0])))
    return std::nullopt;
  // The opening's first three words, as bytes of the line.
  std::size_t opening = 0;
  for (int words = 0; words < 3; ++words) {
    while (opening < first_cjk && !lead_blank(line[opening])) ++opening;
    if (opening >= first_cjk) return std::nullopt;
    if (words < 2) ++opening;
  }
  const std::string_view start = line.substr(0, opening);
  std::optional<LanguageJoin> cut;
  for (std::size_t at = line.find(start, first_cjk); at != std::string_view::npos; at = line.find(start, at + 1)) {
    const auto before = static_cast<unsigned char>(line[at - 1]);
    if (chars::is_ascii_alnum(before) || chars::contains_cjk(line.substr(at))) continue;
    cut = LanguageJoin{end_before_spaces(line, at), at};
  }
  return cut;
}

}  // namespace bitext::detail
