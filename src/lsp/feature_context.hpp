// What every feature handler needs: the document's URI and analysed snapshot,
// the client's capabilities, and range conversion through the core LineIndex
// in the negotiated position encoding.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "bitext/position_cursor.hpp"
#include "bitext/text.hpp"
#include "bitext/transcript.hpp"
#include "lsp/jsonrpc.hpp"
#include "lsp/protocol.hpp"
#include "lsp/snapshot.hpp"

namespace bitext::lsp {

// A feature's answer: a json value, or JSON text already serialised (large
// results, cached per snapshot) that is sent as it is.
struct RawJson {
  std::shared_ptr<const std::string> text;
};
using Reply = std::variant<json, RawJson>;

struct FeatureContext {
  const std::string& uri;
  const Snapshot& snapshot;
  const ClientCapabilities& caps;

  const Analysis& analysis() const { return snapshot.analysis(); }
  const Transcript& transcript() const { return snapshot.analysis().transcript(); }
  const LineIndex& index() const { return snapshot.analysis().index(); }

  Range range_of(std::size_t begin, std::size_t end) const;
  // For many offsets in order (publishing diagnostics).
  PositionCursor position_cursor() const;
  Range line_range(std::uint32_t line) const;  // the line's content, line end excluded
  json location(std::size_t begin, std::size_t end) const;
  std::size_t offset_of(Position position) const;
  // The line of a request position, clamped to the document's last line.
  std::uint32_t line_at(Position position) const;
};

// Document lines on the other side of the pair `line` belongs to (original
// lines for a translation line and vice versa); empty when none.
std::vector<std::uint32_t> partner_lines(const Transcript& transcript, std::uint32_t line);

// A short name for a pair: the first words of its translation (or original).
std::string pair_name(const Transcript& transcript, const LineIndex& index, const Pair& pair);

// Whether `kind` is selected by a codeAction "only" filter entry (hierarchical: "source" selects "source.fixAll.bitext").
bool kind_matches(std::string_view kind, std::string_view filter);

}  // namespace bitext::lsp
