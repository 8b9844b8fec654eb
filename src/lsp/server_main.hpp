// Entry point of `bitext lsp`, called by the CLI's main.
#pragma once

namespace bitext::lsp {

// argv[0] is the subcommand ("lsp"); options follow:
//   --stdio                  speak LSP on stdin/stdout (the default; accepted for VS Code)
//   --listen 127.0.0.1:PORT  serve one TCP client on a loopback address instead
//                            (PORT 0 picks a free port; the address is printed on stderr)
//   --help
// Returns the process exit code: 0 after shutdown + exit, 1 when the client
// left without shutdown, 2 for bad arguments.
int run_server(int argc, char** argv);

}  // namespace bitext::lsp
