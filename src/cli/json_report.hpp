// Machine-readable output of findings: the server's LSP Diagnostics
// (lsp/diagnostics.hpp; ranges in UTF-16 code units), with each finding's
// fixes as LSP text edits in `data.fixes`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bitext/analysis.hpp"
#include "bitext/finding.hpp"
#include "bitext/text.hpp"

namespace bitext::cli {

// The URI tools use for a file: file:///absolute/path, percent-encoded, or
// "untitled:stdin" for standard input.
std::string input_uri(const std::string& path);

// Writes JSON text laid out as nlohmann's dump(2) lays out a tree (two spaces
// per level, "key": value, [] and {} when empty), without building the tree:
// for a 10 MB document the tree and its dump were a tenth of the check, all
// of it after the analysis on one thread.
class PrettyJsonWriter {
 public:
  PrettyJsonWriter(std::string& out, unsigned depth) : out_(out), depth_(depth) {}
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The next member's name (plain ASCII, not escaped), then its value.
  void key(std::string_view name);
  void string(std::string_view value);
  void number(std::int64_t value);
  void boolean(bool value);
  // A value already written as JSON text at this writer's depth.
  void raw(std::string_view json_text);

 private:
  void open(char bracket);
  void close(char bracket);
  void element();  // before an array element (a member's value follows its key)
  std::string& out_;
  unsigned depth_;
  std::vector<char> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

// The diagnostics of `findings` as the JSON array that dump(2) wrote for
// to_json's ordered tree (lsp/diagnostics.hpp), byte for byte, appended at
// nesting depth `depth` (its first line not indented); ranges in UTF-16 on
// `analysis`'s text.
void append_json_diagnostics(std::string& out, unsigned depth, const Analysis& analysis,
                             const std::vector<Finding>& findings, const std::string& uri);

}  // namespace bitext::cli
