#include "lsp/speaker_lookup.hpp"

#include <algorithm>

namespace bitext::lsp {

std::pair<std::size_t, std::size_t> labels_on_line(const SpeakerModel& model, std::uint32_t line) {
  const auto& labels = model.labels;
  auto first = std::lower_bound(labels.begin(), labels.end(), line,
                                [](const SpeakerLabel& label, std::uint32_t value) { return label.line < value; });
  auto last = std::upper_bound(first, labels.end(), line,
                               [](std::uint32_t value, const SpeakerLabel& label) { return value < label.line; });
  return {static_cast<std::size_t>(first - labels.begin()), static_cast<std::size_t>(last - labels.begin())};
}

Script name_script(std::string_view name) { return classify_script(name).dominant; }

std::string_view spelling_in_script(const Speaker& speaker, Script script) {
  for (const std::string* spelling : {&speaker.translation_spelling, &speaker.original_spelling, &speaker.name}) {
    if (!spelling->empty() && name_script(*spelling) == script) return *spelling;
  }
  return {};
}

std::string_view label_name(std::string_view text, const SpeakerLabel& label) {
  if (label.name_end <= label.name_begin || label.name_end > text.size()) return {};
  return text.substr(label.name_begin, label.name_end - label.name_begin);
}

}  // namespace bitext::lsp
