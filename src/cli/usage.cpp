#include "cli/usage.hpp"

#include <string>

namespace bitext::cli {

namespace {

// The options of every command that reads a transcript (command_line.hpp's take_reading_option).
constexpr std::string_view kReadingOptions = R"(  --order auto|translation-first|original-first
                       which line of a pair comes first (default auto)
  --translation-language auto|TAG
                       which language is the translation, e.g. zh or en
                       (default auto: detected from the file name and text)
  --layout auto|lines|paragraphs|markdown|srt|vtt
                       how the file is laid out (default auto)
)";

}  // namespace

std::string_view main_usage() {
  return R"(Usage: bitext <command> [options] [arguments]

Checks bilingual transcripts: each segment is a translation line paired with
its original line.

Commands:
  check     report misaligned pairs in transcripts, like a compiler
  outline   print the structure of a transcript: header, pairs, footer
  report    write the alignment report of transcripts as one HTML page
  detect    tell whether files are bilingual transcripts, and their layout
  lsp       run the language server on standard input and output
  eval      measure the checks by injecting errors into clean transcripts
            (--speakers: inferred speakers against hand labels)
  label-speakers
            write labels for the inferred speakers of an unlabelled transcript
  help      show the help of a command

Options:
  -h, --help     show this help
  --version      show the version

Run 'bitext help <command>' for the options of a command, and
'bitext help checks' for the list of checks.
)";
}

std::optional<std::string_view> command_usage(std::string_view command) {
  if (command == "check") {
    return R"(Usage: bitext check [options] PATH...

Checks each PATH and prints one line per finding:
  path:line:column: severity: message [code]
followed by 'note:' lines that point at the partner line. Lines and columns
start at 1; columns count Unicode characters (code points). A summary goes
to standard error.

PATH is a file, '-' for standard input, or a directory: directories are
searched recursively for .bitext files and for .txt files that look like
bilingual transcripts (other files and hidden folders are skipped). Files
are checked in parallel; output is sorted by path, findings by position.

Options:
  --format text|json   output format (default text). json prints an array of
                       {"path", "uri", "diagnostics": [...]} with LSP-shaped
                       diagnostics (0-based lines, UTF-16 columns)
  --order auto|translation-first|original-first
                       which line of a pair comes first (default auto:
                       detected from the document); forced, it also says
                       which side is the translation, unless
                       --translation-language names it
  --translation-language auto|TAG
                       which language is the translation, as a language
                       tag such as zh or en (default auto: from the file
                       name's tags such as .zh-en., the language of the
                       header and footer, else the script that is not Latin)
  --layout auto|lines|paragraphs|markdown|srt|vtt
                       how the files are laid out (default auto: from the
                       extension .md/.srt/.vtt, then the content)
  --no-content         structural checks only; skip the content checks
                       (lengths, numbers, drift)
  --rule CODE=LEVEL    turn a check off or change its severity; LEVEL is off,
                       error, warning, info or hint (repeatable), e.g.
                       --rule split-line=off --rule untranslated=error;
                       CODE is one of the codes 'bitext help checks' lists
  --jobs N             check at most N files at a time (default: all cores)
  -h, --help           show this help

Exit status: 0 no errors or warnings, 1 errors or warnings found (information
and hints do not count), 2 bad usage or a file could not be checked.
)";
  }
  if (command == "label-speakers") {
    static const std::string usage = std::string(R"(Usage: bitext label-speakers [options] FILE

Writes FILE ('-' for standard input) with a speaker label at the start of
every turn, for the speakers inferred from the text (self-introductions,
names addressed, hosts' and guests' wording, questions and answers). Labels
follow the document's style: "Name: " (Chinese "名字：") in line layouts,
"**Name:** " in Markdown. After labelling, the labels are the truth: edit a
wrong one and the rest follow. A file that already has labels is unchanged.
Nothing else in the file changes: the output minus the labels is the input.

Options:
  --style original|both|translation
                       which side gets the label: the original (default),
                       both (each in its language's spelling), or the
                       translation
  --in-place           rewrite FILE instead of writing to standard output
)") + std::string(kReadingOptions) + R"(  -h, --help           show this help

Exit status: 0 written, 2 bad usage or the file could not be read or written.
)";
    return usage;
  }
  if (command == "outline") {
    static const std::string usage = std::string(R"(Usage: bitext outline [options] FILE

Prints the structure of FILE ('-' for standard input): the header (front
matter), every pair with its line numbers and the first words of both
lines, and the footer (back matter).

Options:
)") + std::string(kReadingOptions) + R"(  -h, --help           show this help

Exit status: 0 printed, 2 bad usage or the file could not be read.
)";
    return usage;
  }
  if (command == "report") {
    static const std::string usage = std::string(R"(Usage: bitext report [options] PATH...

Writes the alignment report of each PATH as one self-contained HTML page
(inline style and script, nothing fetched from the network): the pairs side
by side (translation | original) with speaker turns and chapters as headings,
each finding on its pair, a strip of all pairs coloured by their alignment
score (click to jump), filters by severity and code, counts per code, and
the file's layout, scripts and pair count. PATH is a file, '-' for standard
input, or a directory (searched like 'bitext check' does); with several
files the page starts with an index, one row per file.

Options:
  -o, --output FILE    write the page to FILE (default: standard output)
)") + std::string(kReadingOptions) + R"(  --no-content         structural checks only
  --stdin-name NAME    the name shown for standard input (default <stdin>)
  -h, --help           show this help

Exit status: 0 written, 2 bad usage or a file could not be read (the page
is still written for the others). Findings do not change the status.
)";
    return usage;
  }
  if (command == "detect") {
    static const std::string usage = std::string(R"(Usage: bitext detect [options] FILE...

Tells whether each FILE ('-' for standard input) is a bilingual transcript,
from the pairing of its first 64 KiB: which line of a pair comes first, the
scripts of the translation and the original, subtitle markup and speaker
labels. The same test as the directory search of 'bitext check' and the
language server's bitext/detect request.

Options:
  --format text|json   json prints an array of {"path", "bilingual", "order",
                       "translationScript", "originalScript", "pairs",
                       "bytesExamined", "subtitles", "speakers"}
)") + std::string(kReadingOptions) + R"(  -h, --help           show this help

Exit status: 0 every FILE is a bilingual transcript, 1 some FILE is not,
2 bad usage or a file could not be read.
)";
    return usage;
  }
  if (command == "lsp") {
    return R"(Usage: bitext lsp [--stdio] [--listen 127.0.0.1:PORT]

Runs the Bitext language server, speaking the Language Server Protocol
(JSON-RPC) on standard input and output. Editors start it themselves; see
the README for editor set-up.

Options:
  --stdio                  standard input and output (the default; accepted
                           for clients that pass it)
  --listen 127.0.0.1:PORT  serve one client over TCP on a loopback address
                           instead (PORT 0 picks a free port, printed on stderr)
  -h, --help               show this help
)";
  }
  if (command == "help") {
    return R"(Usage: bitext help [COMMAND | checks]

Shows the help of COMMAND (check, outline, report, detect, lsp, eval,
label-speakers), or the list of commands; 'bitext help checks' lists
every check with its code, severity and fix.
)";
  }
  return std::nullopt;
}

}  // namespace bitext::cli
