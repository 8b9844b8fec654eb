// What a cut leaves at the end of a translation, beyond its length: shapes
// that end no clean translation line of the calibration data (docs/calibration.md).
#include <string_view>

#include "chars.hpp"
#include "content_stages.hpp"
#include "line_facts.hpp"

namespace bitext::content {

namespace {
std::string_view trimmed_end(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The kind of clause mark a line ends with: 0 none, 1 comma, 2 semicolon, 3 colon.
int clause_mark_kind(std::string_view text) {
  text = trimmed_end(text);
  if (text.empty()) return 0;
  const char32_t c = decode_utf8(text, code_point_start_before(text, text.size())).code_point;
  if (!chars::is_clause_mark(c)) return 0;
  if (c == U';' || c == U'；') return 2;
  if (c == U':' || c == U'：') return 3;
  return 1;
}

// Opening quotes and brackets before a token ("“with...Texts.”", "(example"),
// and the angle bracket before an address ("<https://...>").
std::string_view without_opening(std::string_view token) {
  for (std::size_t before = token.size() + 1; token.size() < before;) {
    before = token.size();
    token = chars::without_opening_marks(token);
    if (token.starts_with('<')) token.remove_prefix(1);
  }
  return token;
}
}  // namespace

// A clause mark whose kind the original's end does not share: clean lines end
// "，" where their original ends ",", "；" where it ends ";", "：" where ":".
bool ends_at_other_clause_mark(std::string_view translation, std::string_view original) {
  const int kind = clause_mark_kind(translation);
  return kind != 0 && kind != clause_mark_kind(original);
}

// The translation's last Latin token stops at a mark inside a token its
// original has whole ("/etc/apt/sources." of "/etc/apt/sources.list.d/",
// "https:" of a URL): the line was cut there, not ended.
bool ends_inside_original_token(std::string_view translation, std::string_view original) {
  translation = trimmed_end(translation);
  std::size_t start = translation.size();
  while (start > 0 && translation[start - 1] > ' ' && translation[start - 1] <= '~') --start;
  const std::string_view fragment = translation.substr(start);
  if (fragment.empty() || chars::is_ascii_alnum(static_cast<unsigned char>(fragment.back()))) return false;
  // A token that begins with the fragment begins where the fragment occurs:
  // only the whitespace-separated chunks around its occurrences are read.
  for (std::size_t at = original.find(fragment); at != std::string_view::npos; at = original.find(fragment, at + 1)) {
    std::size_t begin = at, end = at;
    while (begin > 0 && original[begin - 1] != ' ' && original[begin - 1] != '\t') --begin;
    while (end < original.size() && original[end] != ' ' && original[end] != '\t') ++end;
    const std::string_view token = without_opening(original.substr(begin, end - begin));
    if (token.data() != original.data() + at || token.size() <= fragment.size()) continue;
    for (const char c : token.substr(fragment.size()))
      if (chars::is_ascii_alnum(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

// A translation cut short: a move of the original's text leaves pair a's
// translation as it is, so one that still ends with a cut's shape against
// pair a's original after the move (a clause mark of another kind, a mark
// inside a token the original has whole) is still cut, and the move repairs
// nothing there. A move of the translation's own text makes its end; only a
// cut inside a token says no sentence ends there (a drift may move a clause,
// and clean podcast lines end at commas).
bool move_leaves_cut_end(bool moves_translation, bool forward, std::string_view head, std::string_view partner,
                         std::string_view original_before, std::optional<bool>* before_memo) {
  if (moves_translation) return ends_inside_original_token(head, partner);
  // Pair a's original after the move: forward, the head; backward, its old text and the head.
  if (ends_at_other_clause_mark(partner, head) || ends_inside_original_token(partner, head)) return true;
  if (forward) return false;
  if (!before_memo) return ends_inside_original_token(partner, original_before);
  if (!*before_memo) *before_memo = ends_inside_original_token(partner, original_before);
  return **before_memo;
}

// The original ends with a web address that the translation does not have,
// scheme aside ("http://" for "https://"): translators copy addresses
// verbatim, so a translation without its original's closing link was cut
// before it (a bibliography entry cut to "维基百科(英文) - GNU.").
std::string_view dropped_final_address(std::string_view translation, std::string_view original) {
  // The original's last whitespace-separated chunk with a letter or digit.
  std::string_view last;
  for (std::size_t end = original.size(); end > 0 && last.empty();) {
    end = detail::end_before_spaces(original, end);
    std::size_t begin = end;
    while (begin > 0 && original[begin - 1] != ' ' && original[begin - 1] != '\t') --begin;
    const std::string_view chunk = original.substr(begin, end - begin);
    for (const char c : chunk)
      if (chars::is_ascii_alnum(static_cast<unsigned char>(c))) {
        last = chunk;
        break;
      }
    end = begin;
  }
  last = without_opening(last);
  while (!last.empty() && std::string_view(".,;:!?)]>\"'").find(last.back()) != std::string_view::npos)
    last.remove_suffix(1);
  std::string_view address = last;
  if (const std::size_t scheme = address.find("://"); scheme != std::string_view::npos) {
    address.remove_prefix(scheme + 3);
  } else if (address.substr(0, 4) != "www.") {
    return {};
  }
  if (address.empty() || translation.find(address) != std::string_view::npos) return {};
  return last;
}

}  // namespace bitext::content
