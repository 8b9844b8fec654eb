#include "lsp/speaker_symbols.hpp"

#include <algorithm>

#include "lsp/ascii_text.hpp"
#include "lsp/json_writer.hpp"
#include "lsp/speaker_lookup.hpp"

namespace bitext::lsp {
namespace {

bool speaker_matches(const Speaker& speaker, std::string_view lowered_query) {
  for (const std::string* spelling : {&speaker.name, &speaker.translation_spelling, &speaker.original_spelling}) {
    if (!spelling->empty() && contains_nocase(*spelling, lowered_query)) return true;
  }
  return false;
}

}  // namespace

std::string speaker_turn_symbols(const std::vector<OpenDocumentView>& documents, std::string_view query,
                                 PositionEncoding encoding, std::size_t limit, std::size_t& count) {
  count = 0;
  std::string out;
  std::string needle(query);
  std::transform(needle.begin(), needle.end(), needle.begin(), ascii_lower);
  if (needle.empty()) return out;
  for (const OpenDocumentView& document : documents) {
    const Transcript& transcript = *document.transcript;
    const LineIndex& index = *document.index;
    const auto& speakers = transcript.speaker_model.speakers;
    bool any = std::any_of(speakers.begin(), speakers.end(), [&](const Speaker& s) { return speaker_matches(s, needle); });
    if (!any) continue;
    for (const SpeakerTurn& turn : speaker_turns(transcript)) {
      if (count >= limit) return out;
      if (turn.speaker < 0 || static_cast<std::size_t>(turn.speaker) >= speakers.size() ||
          turn.last_pair >= transcript.pairs.size() || turn.first_pair > turn.last_pair) {
        continue;
      }
      const Speaker& speaker = speakers[turn.speaker];
      if (!speaker_matches(speaker, needle)) continue;
      const std::uint32_t first_line = transcript.pairs[turn.first_pair].first_line();
      const std::uint32_t last_line = transcript.pairs[turn.last_pair].last_line();
      Range range{Position{first_line, 0}, index.position_of(index.line_end(last_line), encoding)};
      std::string container = pair_range_text(turn.first_pair, turn.last_pair);
      if (turn.inferred || speaker.inferred) container += " (inferred)";
      if (count > 0) out.push_back(',');
      append_symbol_information(out, speaker.name, container, kSymbolNamespace, range, *document.uri);
      ++count;
    }
  }
  return out;
}

std::string workspace_symbols_with_speakers(const std::vector<OpenDocumentView>& documents, std::string_view query,
                                            PositionEncoding encoding, std::size_t limit) {
  std::size_t count = 0;
  std::string speakers = speaker_turn_symbols(documents, query, encoding, limit, count);
  std::string pairs = workspace_symbols_text(documents, query, encoding, limit - count);
  if (speakers.empty()) return pairs;
  std::string out = "[" + speakers;
  if (pairs.size() > 2) out.push_back(',');
  out.append(pairs, 1, std::string::npos);
  return out;
}

}  // namespace bitext::lsp
