#include "cli/check_targets.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace bitext::cli {
namespace {

namespace fs = std::filesystem;

std::string lowercase_extension(const fs::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return extension;
}

// Hidden entries (".git", ".cache", editor backups) are never transcripts.
bool hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

void collect_directory(const fs::path& directory, std::vector<CheckTarget>& targets) {
  std::error_code error;
  fs::directory_iterator it(directory, error);
  if (error) {
    targets.push_back({directory.generic_string(), false, "cannot read directory: " + error.message()});
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(error)) {
    if (error) break;
    const fs::directory_entry& entry = *it;
    if (hidden(entry.path())) continue;
    std::error_code status_error;
    // Symbolic links to directories are not followed: they can make cycles.
    if (entry.is_directory(status_error) && !entry.is_symlink(status_error)) {
      collect_directory(entry.path(), targets);
      continue;
    }
    if (!entry.is_regular_file(status_error)) continue;
    const std::string extension = lowercase_extension(entry.path());
    if (extension == ".bitext") {
      targets.push_back({entry.path().generic_string(), false, {}});
    } else if (extension == ".txt" || extension == ".md" || extension == ".markdown" || extension == ".srt" ||
               extension == ".vtt") {
      targets.push_back({entry.path().generic_string(), true, {}});
    }
  }
  if (error) {
    targets.push_back({directory.generic_string(), false, "cannot read directory: " + error.message()});
  }
}

}  // namespace

std::vector<CheckTarget> collect_check_targets(std::span<const std::string_view> paths) {
  std::vector<CheckTarget> targets;
  for (const std::string_view path : paths) {
    std::error_code error;
    if (path != "-" && fs::is_directory(fs::path(path), error)) {
      collect_directory(fs::path(path), targets);
    } else {
      // Missing and unreadable files are reported when they are read.
      targets.push_back({std::string(path), false, {}});
    }
  }
  std::stable_sort(targets.begin(), targets.end(),
                   [](const CheckTarget& a, const CheckTarget& b) { return a.path < b.path; });
  // A file named twice, or named and also found in a directory, is checked
  // once; a named file wins over a candidate, since its errors must show.
  std::vector<CheckTarget> unique;
  for (CheckTarget& target : targets) {
    if (!unique.empty() && unique.back().path == target.path) {
      unique.back().candidate = unique.back().candidate && target.candidate;
      continue;
    }
    unique.push_back(std::move(target));
  }
  return unique;
}

}  // namespace bitext::cli
