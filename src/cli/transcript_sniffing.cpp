#include "cli/transcript_sniffing.hpp"

#include "bitext/pairing.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"

namespace bitext::cli {

bool looks_like_transcript(std::string_view text, const CheckOptions& options, std::size_t window) {
  if (text.size() > window) {
    // Cut at a line end so the last line seen is whole.
    const std::size_t cut = text.find_last_of("\r\n", window);
    text = text.substr(0, cut == std::string_view::npos ? window : cut);
  }
  const LineIndex index(text);
  const Transcript transcript = parse_transcript(index, options);
  return transcript.pairs.size() >= 2 && transcript.translation_script != Script::None &&
         transcript.original_script != Script::None &&
         transcript.translation_script != transcript.original_script;
}

}  // namespace bitext::cli
