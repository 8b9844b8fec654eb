// Test helpers for the command-line tests: run the `bitext` binary with
// arguments, optional standard input and a working directory, and capture its
// exit status, standard output and standard error separately.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace bitext::test {

inline std::string read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_whole_file(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// A fresh directory, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "bitext-cli-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code error;
    // Tests may have taken permissions away; give them back so removal works.
    for (auto it = std::filesystem::recursive_directory_iterator(path_, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
      std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                   std::filesystem::perm_options::add, error);
    }
    std::filesystem::remove_all(path_, error);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, std::string_view content) const {
    const std::filesystem::path file = path_ / name;
    write_whole_file(file, content);
    return file;
  }

 private:
  std::filesystem::path path_;
};

struct ProcessResult {
  int status = -1;  // exit status, or 128 + signal number when killed
  std::string out;
  std::string err;
};

// Runs BITEXT_BINARY with `args`. Standard input is `input` when given,
// otherwise /dev/null. `directory` is the working directory (default: the
// repository root, so fixture paths can be relative).
inline ProcessResult run_bitext(const std::vector<std::string>& args,
                                const std::optional<std::string>& input = std::nullopt,
                                const std::filesystem::path& directory = BITEXT_SOURCE_DIR) {
  const TempDir io;
  const std::string in_path = input ? io.write("stdin", *input).string() : std::string("/dev/null");
  const std::string out_path = (io.path() / "stdout").string();
  const std::string err_path = (io.path() / "stderr").string();
  const std::string dir = directory.string();

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());

  std::vector<std::string> storage{"bitext"};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : storage) argv.push_back(arg.data());
  argv.push_back(nullptr);

  pid_t pid = 0;
  const int spawn_error = posix_spawn(&pid, BITEXT_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawn_error != 0) throw std::runtime_error("cannot run " + std::string(BITEXT_BINARY));
  int wait_status = 0;
  while (::waitpid(pid, &wait_status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  ProcessResult result;
  result.status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
  result.out = read_whole_file(out_path);
  result.err = read_whole_file(err_path);
  return result;
}

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The text report without the messages, which belong to the checks: each
// finding as "path:line:column: severity [code]", each related location as
// "path:line:column: note". Lines that do not parse are kept whole, so they
// make the comparison fail visibly.
inline std::vector<std::string> report_skeleton(const std::string& out) {
  static const std::regex finding(R"(^(.*:\d+:\d+): (error|warning|info|hint): .* \[([a-z0-9-]+)\]$)");
  static const std::regex note(R"(^(.*:\d+:\d+): note: .*$)");
  std::vector<std::string> skeleton;
  for (const std::string& line : split_lines(out)) {
    std::smatch match;
    if (std::regex_match(line, match, finding)) {
      skeleton.push_back(match[1].str() + ": " + match[2].str() + " [" + match[3].str() + "]");
    } else if (std::regex_match(line, match, note)) {
      skeleton.push_back(match[1].str() + ": note");
    } else {
      skeleton.push_back("unparsed: " + line);
    }
  }
  return skeleton;
}

// The findings only (related-location notes dropped).
inline std::vector<std::string> finding_skeleton(const std::string& out) {
  std::vector<std::string> findings;
  for (std::string& line : report_skeleton(out)) {
    if (line.size() < 6 || line.compare(line.size() - 6, 6, ": note") != 0) findings.push_back(std::move(line));
  }
  return findings;
}

inline std::string fixture_path(const std::string& name) { return "tests/cli/fixtures/" + name; }

inline std::string fixture(const std::string& name) {
  return read_whole_file(std::filesystem::path(BITEXT_SOURCE_DIR) / fixture_path(name));
}

}  // namespace bitext::test
