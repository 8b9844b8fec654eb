// Layout readers (paragraphs, Markdown, SRT, WebVTT): fixtures read as they
// are, exact findings and fixes, the same results with CRLF, a BOM, tabs and
// trailing spaces, and the sample converted to each layout.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/layout.hpp"

using namespace bitext;

namespace {

std::string read_file(const std::string& relative) {
  std::ifstream in(std::string(BITEXT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::shared_ptr<const Analysis> analyse(std::string text, const std::string& name, Layout layout = Layout::Auto) {
  CheckOptions options;
  options.name_hint = name;
  options.layout = layout;
  return Analysis::run(std::move(text), options);
}

// "code@pair" of every finding, in order.
std::vector<std::string> codes(const Analysis& analysis) {
  std::vector<std::string> result;
  for (const Finding& finding : analysis.findings())
    result.push_back(finding.code + "@" + std::to_string(finding.pair + 1));
  return result;
}

std::size_t errors_and_warnings(const Analysis& analysis) {
  std::size_t count = 0;
  for (const Finding& finding : analysis.findings())
    count += finding.severity == Severity::Error || finding.severity == Severity::Warning ? 1 : 0;
  return count;
}

// The same document with a BOM, CRLF line ends, and a tab and spaces after
// every non-blank line.
std::string roughened(const std::string& text) {
  std::string out = "\xEF\xBB\xBF";
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    out += line;
    if (!line.empty()) out += " \t ";
    if (end < text.size()) out += "\r\n";
    start = end + 1;
  }
  return out;
}

std::string text_at(const Analysis& analysis, std::size_t begin, std::size_t end) {
  return analysis.text().substr(begin, end - begin);
}

}  // namespace

TEST_CASE("layout detection: extension first, then content") {
  CHECK(detect_layout("anything", "a.srt") == Layout::Srt);
  CHECK(detect_layout("anything", "dir/A.VTT") == Layout::Vtt);
  CHECK(detect_layout("anything", "notes.markdown") == Layout::Markdown);
  CHECK(detect_layout("x", "a.txt", Layout::Paragraphs) == Layout::Paragraphs);
  CHECK(detect_layout(read_file("tests/fixtures/layouts/clean.vtt"), "") == Layout::Vtt);
  CHECK(detect_layout(read_file("tests/fixtures/layouts/clean.srt"), "") == Layout::Srt);
  CHECK(detect_layout(read_file("tests/fixtures/layouts/clean-paragraphs.txt"), "") == Layout::Paragraphs);
  CHECK(detect_layout(read_file("examples/unsupervised-learning-ep1.zh-en.txt"), "") == Layout::Lines);
  CHECK(parse_layout("markdown") == Layout::Markdown);
  CHECK(!parse_layout("docx"));
}

namespace {

const char* const kContentCodes[] = {"boundary-drift", "length-outlier", "merge-suggested",
                                     "number-mismatch", "shifted-block",  "token-not-carried"};

bool is_content_code(const std::string& code) {
  for (const char* content : kContentCodes)
    if (code == content) return true;
  return false;
}

// pair (1-based) -> its content finding codes, sorted.
std::map<int, std::vector<std::string>> content_by_pair(const Analysis& analysis) {
  std::map<int, std::vector<std::string>> result;
  for (const Finding& finding : analysis.findings())
    if (is_content_code(finding.code)) result[finding.pair + 1].push_back(finding.code);
  for (auto& [pair, list] : result) std::sort(list.begin(), list.end());
  return result;
}

struct SamplePair {
  std::string translation;  // Chinese
  std::string original;     // English
};

std::vector<SamplePair> sample_pairs(const Analysis& sample) {
  std::vector<SamplePair> pairs;
  for (const Pair& pair : sample.transcript().pairs) {
    REQUIRE(pair.translation.size() == 1);
    REQUIRE(pair.original.size() == 1);
    pairs.push_back({std::string(sample.index().line_text(pair.translation[0])),
                     std::string(sample.index().line_text(pair.original[0]))});
  }
  return pairs;
}

bool is_ascii_word_byte(char c) { return static_cast<unsigned char>(c) < 0x80 && c != ' '; }

// English wrapped at 72 columns between words; Chinese at 36 characters (72
// columns), only between two non-ASCII characters, so no number or name is cut.
std::string wrapped(const std::string& text) {
  std::string out;
  std::size_t column = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto byte = static_cast<unsigned char>(text[at]);
    const std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    const bool wide = length >= 3;
    if (text[at] == ' ' && column > 0) {
      std::size_t next = text.find(' ', at + 1);
      if (next == std::string::npos) next = text.size();
      if (column + (next - at) > 72) {
        out += '\n';
        column = 0;
        ++at;
        continue;
      }
    }
    if (wide && column >= 70 && !out.empty() && !is_ascii_word_byte(out.back()) && at + length < text.size() &&
        static_cast<unsigned char>(text[at + length]) >= 0x80) {
      out += '\n';
      column = 0;
    }
    out += text.substr(at, length);
    column += wide ? 2 : 1;
    at += length;
  }
  return out;
}

std::string timestamp(int ms, char separator) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d:%02d%c%03d", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60,
                separator, ms % 1000);
  return buffer;
}

std::string as_paragraphs(const std::vector<SamplePair>& pairs) {
  std::string out;
  for (const SamplePair& pair : pairs) out += wrapped(pair.translation) + "\n\n" + wrapped(pair.original) + "\n\n";
  return out;
}

// Invented timings: each cue as long as its English needs at 15 characters a second.
std::string as_subtitles(const std::vector<SamplePair>& pairs, bool vtt) {
  std::string out = vtt ? "WEBVTT\n\n" : "";
  int start = 1000;
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const int duration = 1000 + static_cast<int>(pairs[k].original.size()) * 1000 / 15;
    const char separator = vtt ? '.' : ',';
    out += std::to_string(k + 1) + "\n" + timestamp(start, separator) + " --> " +
           timestamp(start + duration, separator) + "\n";
    const std::string speaker = k % 2 == 0 ? "Jacob" : "Clem";
    if (vtt) {
      out += "<v " + speaker + ">" + pairs[k].translation + "</v>\n<v " + speaker + ">" + pairs[k].original + "</v>\n\n";
    } else {
      out += pairs[k].translation + "\n" + pairs[k].original + "\n\n";
    }
    start += duration + 200;
  }
  return out;
}

}  // namespace

TEST_CASE("the sample converted to each layout gives the same content findings per pair") {
  const auto sample = analyse(read_file("examples/unsupervised-learning-ep1.zh-en.txt"), "sample.txt");
  const std::vector<SamplePair> pairs = sample_pairs(*sample);
  // Only the pairs: the converted documents have no header or footer.
  std::string lines_only;
  for (const SamplePair& pair : pairs) lines_only += pair.translation + "\n" + pair.original + "\n";
  const auto reference = analyse(lines_only, "pairs.txt");
  REQUIRE(reference->transcript().pairs.size() == pairs.size());
  const auto expected = content_by_pair(*reference);
  CHECK(expected.size() >= 5);  // the sample has content findings to compare

  struct Converted {
    std::string name;
    std::string text;
    Layout layout;
  };
  const std::vector<Converted> documents = {
      {"sample.txt", as_paragraphs(pairs), Layout::Paragraphs},
      {"sample.srt", as_subtitles(pairs, false), Layout::Srt},
      {"sample.vtt", as_subtitles(pairs, true), Layout::Vtt},
  };
  for (const Converted& document : documents) {
    CAPTURE(document.name);
    const auto analysis = analyse(document.text, document.name);
    CHECK(analysis->transcript().layout == document.layout);
    CHECK(analysis->transcript().pairs.size() == pairs.size());
    CHECK(content_by_pair(*analysis) == expected);
  }
}
