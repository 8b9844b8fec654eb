#include "cli/transcript_sniffing.hpp"

#include "bitext/analysis.hpp"
#include "bitext/layout.hpp"
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
  if (detect_layout(text, options.name_hint, options.layout) != Layout::Lines) {
    // Other layouts: read the window as the analysis would, structure only.
    CheckOptions structure = options;
    structure.content_checks = false;
    const std::shared_ptr<const Analysis> analysis = Analysis::run(std::string(text), structure);
    const Transcript& transcript = analysis->transcript();
    return transcript.pairs.size() >= 2 && transcript.original_script != Script::None &&
           transcript.translation_script != transcript.original_script;
  }
  const LineIndex index(text);
  const Transcript transcript = parse_transcript(index, options);
  return transcript.pairs.size() >= 2 && transcript.translation_script != Script::None &&
         transcript.original_script != Script::None &&
         transcript.translation_script != transcript.original_script;
}

}  // namespace bitext::cli
