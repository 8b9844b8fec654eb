// Runs the real `bitext` command from a benchmark: started with its output
// to /dev/null, optionally stopped for ptrace at exec (to read its peak memory
// as it exits).
#pragma once

#include <fcntl.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include <string>
#include <vector>

namespace bitext::bench {

// The child's pid (argv[0] is "bitext"), or -1 when fork failed.
inline pid_t spawn_quiet(const std::string& binary, std::vector<std::string> args, bool traced) {
  args.insert(args.begin(), "bitext");
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  const int null = ::open("/dev/null", O_WRONLY);
  ::dup2(null, 1);
  ::dup2(null, 2);
  if (traced) ::ptrace(PTRACE_TRACEME, 0, nullptr, nullptr);
  ::execv(binary.c_str(), argv.data());
  ::_exit(127);
}

}  // namespace bitext::bench
