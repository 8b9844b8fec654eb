#include "cli/display_text.hpp"

#include "bitext/text.hpp"

namespace bitext::cli {

std::string display_text(std::string_view text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  std::string out;
  out.reserve(text.size());
  std::size_t offset = 0;
  while (offset < text.size()) {
    const DecodedCodePoint decoded = decode_utf8(text, offset);
    const std::size_t length = decoded.length == 0 ? 1 : decoded.length;
    const char32_t c = decoded.code_point;
    const bool control = c < 0x20 ? c != U'\t' : (c == 0x7F || (c >= 0x80 && c < 0xA0));
    if (!decoded.valid || control) {
      out += kReplacement;
    } else {
      out.append(text.substr(offset, length));
    }
    offset += length;
  }
  return out;
}

}  // namespace bitext::cli
