// Writes the fuzzers' seed corpora from the project's own inputs:
//   make_seeds SOURCE_DIR OUT_DIR
// framing/  the byte stream each protocol transcript sends (framed messages and raw bytes);
// jsonrpc/  the same streams (read raw by the fuzzer), and each transcript's
//           message bodies separated by \x1e;
// analysis/ and fixes/  the examples, CLI fixtures and evaluation corpus, cut
//           at line ends into pieces of at most 2 KiB (small inputs run fast).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/framing.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_seed(const fs::path& dir, const std::string& name, const std::string& bytes) {
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << bytes;
}

// The transcript runner's escapes in send-raw blocks.
std::string unescape(const std::string& line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '\\' || i + 1 == line.size()) {
      out += line[i];
      continue;
    }
    const char c = line[++i];
    if (c == 'r') out += '\r';
    else if (c == 'n') out += '\n';
    else if (c == 't') out += '\t';
    else if (c == 'x' && i + 2 < line.size()) {
      out += static_cast<char>(std::stoi(line.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else out += c;
  }
  return out;
}

struct Sent {
  std::string stream;               // bytes on the wire
  std::vector<std::string> bodies;  // the JSON messages
};

Sent sent_by(const std::string& transcript) {
  Sent sent;
  std::istringstream in(transcript);
  std::string line, directive, block;
  auto flush = [&] {
    if (directive == "send:" || directive.rfind("send-padded:", 0) == 0) {
      nlohmann::json message = nlohmann::json::parse(block, nullptr, false);
      std::string body = message.is_discarded() ? block : message.dump();
      sent.stream += bitext::lsp::frame_message(body);
      sent.bodies.push_back(body);
    } else if (directive == "send-raw:") {
      sent.stream += unescape(block);
    }
    block.clear();
  };
  while (std::getline(in, line)) {
    if (line.rfind("// ", 0) == 0) {
      flush();
      directive = line.substr(3);
    } else if (!line.empty() && line[0] != '#') {
      block += directive == "send-raw:" ? line : line + "\n";
    }
  }
  flush();
  return sent;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_seeds SOURCE_DIR OUT_DIR\n";
    return 2;
  }
  const fs::path source = argv[1];
  const fs::path out = argv[2];
  int count = 0;
  for (const auto& entry : fs::directory_iterator(source / "tests/lsp/transcripts")) {
    if (entry.path().extension() != ".jsonrpc") continue;
    const std::string name = entry.path().stem().string();
    const Sent sent = sent_by(read_file(entry.path()));
    write_seed(out / "framing", name, sent.stream);
    write_seed(out / "jsonrpc", name + ".stream", sent.stream);
    std::string joined;
    for (const std::string& body : sent.bodies) joined += (joined.empty() ? "" : "\x1e") + body;
    write_seed(out / "jsonrpc", name + ".bodies", joined);
    count += 3;
  }
  const std::vector<fs::path> documents_dirs = {source / "examples", source / "tests/cli/fixtures",
                                                source / "tests/eval/corpus"};
  for (const fs::path& dir : documents_dirs) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string text = read_file(entry.path());
      std::size_t at = 0;
      for (int piece = 0; at < text.size(); ++piece) {
        std::size_t end = std::min(text.size(), at + 2048);
        if (end < text.size()) {
          std::size_t eol = text.rfind('\n', end);
          if (eol != std::string::npos && eol > at) end = eol + 1;
        }
        const std::string name = entry.path().stem().string() + "." + std::to_string(piece);
        write_seed(out / "analysis", name, text.substr(at, end - at));
        write_seed(out / "fixes", name, text.substr(at, end - at));
        count += 2;
        at = end;
      }
    }
  }
  std::cout << "make_seeds: " << count << " seeds in " << out << "\n";
  return 0;
}
