// Fuzzer: the analysis fed arbitrary documents and sequences of edits (typing,
// deleting, line ends of every kind, pasted lines, undo and redo), with a
// full analysis as the oracle: after every group of edits,
// Analysis::rerun(previous, text, edits) must give exactly the findings and
// pair scores of Analysis::run(text). The edits go through the server's own
// TextDocument (UTF-16 positions), which says which lines changed; sometimes
// the rerun is handed wrong line edits, which may cost reuse but must never
// change the result.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fuzzer/FuzzedDataProvider.h>

#include "bitext/analysis.hpp"
#include "fuzz_check.hpp"
#include "lsp/text_document.hpp"

using namespace bitext;

namespace {

const char* const kTyped[] = {"a",  "中", "。", ".",  " ",  "\n",   "\r\n", "\r", "1",    "🤗", "\"",
                              "（", "）", "?",  "，", "\t", "\xff", "\xe4", "42", "3.5", "Hello world. ", "你好。"};

bool same_related(const RelatedLocation& a, const RelatedLocation& b) {
  return a.begin == b.begin && a.end == b.end && a.message == b.message;
}

bool same_fix(const Fix& a, const Fix& b) {
  return a.title == b.title && a.edits == b.edits && a.preferred == b.preferred;
}

template <typename T, typename Same>
bool same_all(const std::vector<T>& a, const std::vector<T>& b, Same same) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same(a[i], b[i])) return false;
  return true;
}

bool same_finding(const Finding& a, const Finding& b) {
  return a.code == b.code && a.severity == b.severity && a.message == b.message && a.begin == b.begin &&
         a.end == b.end && same_all(a.related, b.related, same_related) && same_all(a.fixes, b.fixes, same_fix) &&
         a.pair == b.pair && a.confidence == b.confidence && a.evidence == b.evidence;
}

void check_equal(const Analysis& rerun, const Analysis& run) {
  FUZZ_CHECK(rerun.text() == run.text());
  FUZZ_CHECK(rerun.findings().size() == run.findings().size());
  for (std::size_t i = 0; i < run.findings().size(); ++i) FUZZ_CHECK(same_finding(rerun.findings()[i], run.findings()[i]));
  FUZZ_CHECK(rerun.pair_scores() == run.pair_scores());
}

// An edit as the client sends it, and what undoes it.
struct RangeEdit {
  Range range;
  std::string text;
};

Position position_at(const std::string& text, std::size_t offset) {
  return LineIndex(text).position_of(offset, PositionEncoding::Utf16);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider provider(data, size);
  CheckOptions options;
  const int order = provider.ConsumeIntegralInRange(0, 7);
  if (order == 1) options.order = LineOrder::TranslationFirst;
  if (order == 2) options.order = LineOrder::OriginalFirst;
  const std::size_t groups = provider.ConsumeIntegralInRange<std::size_t>(0, 12);
  struct Step {
    int kind, edits_mode;
    std::uint32_t a, b, c, d;
  };
  std::vector<std::vector<Step>> plan(groups);
  for (auto& group : plan) {
    const std::size_t edits = provider.ConsumeIntegralInRange<std::size_t>(1, 4);
    for (std::size_t i = 0; i < edits; ++i) {
      group.push_back(Step{provider.ConsumeIntegralInRange(0, 7), provider.ConsumeIntegralInRange(0, 7),
                           provider.ConsumeIntegral<std::uint16_t>(), provider.ConsumeIntegral<std::uint8_t>(),
                           provider.ConsumeIntegral<std::uint8_t>(), provider.ConsumeIntegral<std::uint8_t>()});
    }
  }
  std::string initial = provider.ConsumeRemainingBytesAsString();

  lsp::TextDocument document(initial);
  std::shared_ptr<const Analysis> previous = Analysis::run(initial, options);
  std::vector<RangeEdit> undo, redo;

  for (const auto& group : plan) {
    std::vector<LineEdit> line_edits;
    for (const Step& step : group) {
      const std::string before = document.text();
      RangeEdit edit;
      enum class Source { New, Undo, Redo } source = Source::New;
      if (step.kind == 6 && !undo.empty()) {
        edit = std::move(undo.back());
        undo.pop_back();
        source = Source::Undo;
      } else if (step.kind == 7 && !redo.empty()) {
        edit = std::move(redo.back());
        redo.pop_back();
        source = Source::Redo;
      } else {
        const std::uint32_t line = step.a % static_cast<std::uint32_t>(document.line_count() + 1);
        // Columns run past line ends and land inside surrogate pairs on purpose.
        edit.range.start = Position{line, step.b % 96};
        edit.range.end = step.c % 4 == 0 ? Position{line + step.c % 3, step.d % 96} : edit.range.start;
        if (edit.range.end < edit.range.start) std::swap(edit.range.start, edit.range.end);
        switch (step.kind) {
          case 0: break;  // delete the range
          case 1:
          case 2:
          case 3: edit.text = kTyped[step.d % std::size(kTyped)]; break;
          case 4: {  // paste a copy of a line, with its line end
            LineIndex index(before);
            edit.text = std::string(index.line_text(step.d % index.line_count())) + "\n";
            break;
          }
          default: edit.text = std::string(step.d % 5 + 1, 'x');
        }
      }
      const std::size_t begin = document.offset_of(edit.range.start, PositionEncoding::Utf16);
      const std::size_t end = document.offset_of(edit.range.end, PositionEncoding::Utf16);
      line_edits.push_back(document.apply(edit.range, edit.text, PositionEncoding::Utf16));
      FUZZ_CHECK(document.text() == before.substr(0, begin) + edit.text + before.substr(end));
      RangeEdit inverse{Range{position_at(document.text(), begin), position_at(document.text(), begin + edit.text.size())},
                        before.substr(begin, end - begin)};
      if (source == Source::New) redo.clear();
      (source == Source::Undo ? redo : undo).push_back(std::move(inverse));
    }
    std::vector<LineEdit> given = line_edits;
    const int mode = group.front().edits_mode;
    if (mode == 1) {
      given.assign(1, line_edits.front());
      for (std::size_t i = 1; i < line_edits.size(); ++i) given[0] = lsp::compose(given[0], line_edits[i]);
    } else if (mode == 2) {
      given.clear();  // no word on what changed
    } else if (mode == 3) {
      for (LineEdit& e : given) e.first_line += group.front().b % 3;  // wrong lines
    }
    auto rerun = Analysis::rerun(*previous, document.text(), given, options);
    auto run = Analysis::run(document.text(), options);
    check_equal(*rerun, *run);
    previous = std::move(rerun);
  }
  return 0;
}
