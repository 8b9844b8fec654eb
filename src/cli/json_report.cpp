#include "cli/json_report.hpp"

#include <filesystem>
#include <system_error>

#include "bitext/position_cursor.hpp"
#include "cli/huge_pages.hpp"
#include "lsp/diagnostics.hpp"
#include "lsp/json_writer.hpp"

namespace bitext::cli {
namespace {

std::string percent_encode_path(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' ||
                            byte == '~' || byte == '/';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

}  // namespace

std::string input_uri(const std::string& path) {
  if (path == "-") return "untitled:stdin";
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(path, error);
  if (error) absolute = path;
  return "file://" + percent_encode_path(absolute.lexically_normal().generic_string());
}

void PrettyJsonWriter::element() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;  // the top-level value
  if (!empty_.back()) out_.push_back(',');
  empty_.back() = 0;
  out_.push_back('\n');
  out_.append(2 * depth_, ' ');
}

void PrettyJsonWriter::open(char bracket) {
  element();
  out_.push_back(bracket);
  empty_.push_back(1);
  ++depth_;
}

void PrettyJsonWriter::close(char bracket) {
  --depth_;
  if (!empty_.back()) {
    out_.push_back('\n');
    out_.append(2 * depth_, ' ');
  }
  empty_.pop_back();
  out_.push_back(bracket);
}

void PrettyJsonWriter::key(std::string_view name) {
  element();
  out_.push_back('"');
  out_ += name;
  out_ += "\": ";
  after_key_ = true;
}

void PrettyJsonWriter::string(std::string_view value) {
  element();
  lsp::append_json_string(out_, value);
}

void PrettyJsonWriter::number(std::int64_t value) {
  element();
  lsp::append_json_int(out_, value);
}

void PrettyJsonWriter::boolean(bool value) {
  element();
  out_ += value ? "true" : "false";
}

void PrettyJsonWriter::raw(std::string_view json_text) {
  element();
  out_ += json_text;
}

namespace {

// The members and their order of lsp::to_json (the README's order of keys).
void write_range(PrettyJsonWriter& json, const Range& range) {
  json.begin_object();
  for (const bool start : {true, false}) {
    const Position& position = start ? range.start : range.end;
    json.key(start ? "start" : "end");
    json.begin_object();
    json.key("line");
    json.number(position.line);
    json.key("character");
    json.number(position.character);
    json.end_object();
  }
  json.end_object();
}

void write_diagnostic(PrettyJsonWriter& json, const lsp::Diagnostic& d) {
  json.begin_object();
  json.key("range");
  write_range(json, d.range);
  json.key("severity");
  json.number(d.severity);
  json.key("code");
  json.string(d.code);
  json.key("source");
  json.string("bitext");
  json.key("message");
  json.string(d.message);
  if (!d.related_information.empty()) {
    json.key("relatedInformation");
    json.begin_array();
    for (const lsp::DiagnosticRelatedInformation& related : d.related_information) {
      json.begin_object();
      json.key("location");
      json.begin_object();
      json.key("uri");
      json.string(related.uri);
      json.key("range");
      write_range(json, related.range);
      json.end_object();
      json.key("message");
      json.string(related.message);
      json.end_object();
    }
    json.end_array();
  }
  json.key("data");
  json.begin_object();
  json.key("code");
  json.string(d.code);
  json.key("index");
  json.number(d.index);
  if (d.version) {
    json.key("version");
    json.number(*d.version);
  }
  if (!d.fixes.empty()) {
    json.key("fixes");
    json.begin_array();
    for (const lsp::DiagnosticFix& fix : d.fixes) {
      json.begin_object();
      json.key("title");
      json.string(fix.title);
      json.key("isPreferred");
      json.boolean(fix.is_preferred);
      json.key("edits");
      json.begin_array();
      for (const lsp::DiagnosticTextEdit& edit : fix.edits) {
        json.begin_object();
        json.key("range");
        write_range(json, edit.range);
        json.key("newText");
        json.string(edit.new_text);
        json.end_object();
      }
      json.end_array();
      json.end_object();
    }
    json.end_array();
  }
  json.end_object();
  json.end_object();
}

}  // namespace

void append_json_diagnostics(std::string& out, unsigned depth, const Analysis& analysis,
                             const std::vector<Finding>& findings, const std::string& uri) {
  // The server's mapping, with the fixes in data (a report has no codeAction to ask).
  const lsp::DiagnosticOptions options{uri, std::nullopt, true, true};
  PositionCursor positions(analysis.index(), PositionEncoding::Utf16,
                           analysis.invalid_utf8_at().value_or(analysis.text().size()));
  auto range_of = [&](std::size_t begin, std::size_t end) { return positions.range(begin, end); };
  // ~1.4-1.5 KB per finding on the distinct text: reserved with room to spare
  // (pages not written are never touched), so that the text is not copied as
  // it grows, a copy of megabytes on top of the check's memory.
  out.reserve(out.size() + 64 + findings.size() * 2048);
  // Huge pages for the first 1 KB per finding (the layout alone is ~0.45 KB):
  // a huge page is resident whole once touched, so at most the one where the
  // text ends is partly unused; the spare room beyond stays untouched.
  advise_huge_pages(out.data() + out.size(), findings.size() * 1024);
  PrettyJsonWriter json(out, depth);
  json.begin_array();
  lsp::Diagnostic diagnostic;
  for (std::uint32_t i = 0; i < findings.size(); ++i) {
    lsp::make_diagnostic(diagnostic, findings[i], i, range_of, options);
    write_diagnostic(json, diagnostic);
  }
  json.end_array();
}

}  // namespace bitext::cli
