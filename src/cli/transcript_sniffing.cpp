#include "cli/transcript_sniffing.hpp"

#include "bitext/detection.hpp"

namespace bitext::cli {

bool looks_like_transcript(std::string_view text, const CheckOptions& options, std::size_t window) {
  return detect_transcript(text, options, window).bilingual;
}

}  // namespace bitext::cli
