// communique-extract: runs communique over text files, directories and JSONL
// (plain or gzipped, files or stdin) and writes one JSON record per document,
// in input order. See docs/extractor.md.
//
// Exit status: 0 every document analysed; 1 some document failed (its error
// record is in the output; 0 with --tolerate-errors); 2 usage or I/O error
// before any work, or the output could not be written.
#include <unistd.h>

#if defined(COMMUNIQUE_EXTRACT_MIMALLOC)
#include <mimalloc.h>
#elif defined(__GLIBC__)
#include <malloc.h>
#endif

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "communique/communique.h"
#include "extract.h"
#include "inputs.h"
#include "pipeline.h"
#include "progress.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitDocumentsFailed = 1;
constexpr int kExitUsage = 2;

int Usage(const std::string& message) {
  std::fprintf(stderr, "communique-extract: %s\nRun with --help for usage.\n", message.c_str());
  return kExitUsage;
}

// The malloc this binary runs with (see examples/CMakeLists.txt). Naming
// mimalloc's version also keeps the linker from dropping the library.
std::string AllocatorName() {
#if defined(COMMUNIQUE_EXTRACT_MIMALLOC)
  const int v = mi_version();
  return "mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." + std::to_string(v % 10);
#else
  return "the C library's malloc";
#endif
}

}  // namespace

int main(int argc, char** argv) {
#if !defined(COMMUNIQUE_EXTRACT_MIMALLOC) && defined(__GLIBC__)
  // Memory freed after one document stays in the heap for the next instead
  // of going back to the kernel and being faulted in again (a page fault
  // costs more than the malloc): the heap is trimmed only above 64 MB free,
  // and blocks up to 32 MB (the most glibc allows) come from the heap.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
  CLI::App app{
      "communique-extract: structured, dated records from diplomatic statements.\n"
      "Reads text files (one document each), directories (recursively: *.txt as text,\n"
      "*.jsonl and *.jsonl.gz as JSONL) and JSONL ({\"id\",\"text\",\"date\"?} per line;\n"
      "from files or stdin) and writes one JSON object per document, in input order.\n"
      "Exit status: 0 all ok, 1 some document failed (error record in the output),\n"
      "2 usage or I/O error.",
      "communique-extract"};
  std::vector<std::string> paths;
  std::string output = "-";
  std::string date;
  std::string utf8 = "replace";
  std::string stdin_format = "jsonl";
  uint64_t max_bytes = 64ull << 20;
  unsigned threads = std::thread::hardware_concurrency();
  if (threads == 0) threads = 1;
  size_t max_in_flight = 0;
  bool pretty = false, tokens = false, fail_fast = false, tolerate_errors = false;
  bool progress_on = false, progress_off = false;

  app.add_option("inputs", paths,
                 "files, directories, or - for stdin (default: stdin when it is not a terminal)");
  app.add_option("-o,--output", output, "write here instead of stdout");
  app.add_flag("--pretty", pretty, "indented JSON: one array of records instead of JSONL");
  app.add_option("--date", date, "default document date YYYY-MM-DD (a JSONL \"date\" wins)");
  app.add_flag("--tokens", tokens, "include the tokens of each document");
  app.add_option("--utf8", utf8, "invalid UTF-8: strict (error record) or replace (U+FFFD + diagnostic)")
      ->check(CLI::IsMember({"strict", "replace"}))
      ->capture_default_str();
  app.add_option("--max-bytes", max_bytes,
                 "larger documents become error records (suffixes KB, MB, GB = 1024 multiples)")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  app.add_option("--threads", threads, "worker threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u))
      ->capture_default_str();
  app.add_option("--max-in-flight", max_in_flight,
                 "documents held in memory at once (default: 32 per thread + 32)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20));
  app.add_flag("--progress", progress_on, "progress line on stderr even when it is not a terminal");
  app.add_flag("--no-progress", progress_off, "no progress line, even on a terminal");
  app.add_flag("--fail-fast", fail_fast, "stop after the first failed document");
  app.add_flag("--tolerate-errors", tolerate_errors,
               "exit 0 even if some documents failed (their error records are in the output);\n"
               "for Hadoop Streaming and Spark, where a non-zero exit fails the task");
  app.add_option("--stdin-format", stdin_format, "what stdin holds")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  app.set_version_flag("--version", std::string("communique-extract ") + communique::Version() +
                                        "\nallocator: " + AllocatorName());

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help, version or the error
    return code == 0 ? kExitOk : kExitUsage;
  }

  extract::RunOptions options;
  options.analyzer.utf8_policy =
      utf8 == "strict" ? communique::Utf8Policy::kStrict : communique::Utf8Policy::kReplace;
  options.analyzer.max_document_bytes = max_bytes;
  options.json.tokens = tokens;
  options.json.pretty = pretty;
  options.threads = threads;
  options.max_in_flight = max_in_flight > 0 ? max_in_flight : 32 * size_t{threads} + 32;
  options.fail_fast = fail_fast;
  options.stdin_format = stdin_format == "text" ? extract::Format::kText : extract::Format::kJsonl;
  if (!date.empty()) {
    options.default_date = communique::CivilDate::Parse(date);
    if (!options.default_date) return Usage("--date wants YYYY-MM-DD, got \"" + date + "\"");
  }
  bool stderr_tty = isatty(STDERR_FILENO) != 0;
  options.progress = !progress_off && (progress_on || stderr_tty);
  options.progress_tty = stderr_tty;

  if (paths.empty()) {
    if (isatty(STDIN_FILENO)) return Usage("no input (name files or directories, or pipe JSONL)");
    paths.push_back("-");
  }
  std::vector<extract::Input> inputs;
  communique::Status expanded = extract::ExpandInputs(paths, options.stdin_format, &inputs);
  if (!expanded.ok()) return Usage(expanded.message());

  auto analyzer = communique::Analyzer::Create(options.analyzer);
  if (!analyzer.ok()) return Usage(analyzer.status().ToString());

  std::FILE* out = stdout;
  if (output != "-") {
    out = std::fopen(output.c_str(), "wb");
    if (out == nullptr) return Usage("cannot open " + output + ": " + std::strerror(errno));
  }
  static char out_buffer[1 << 20];
  std::setvbuf(out, out_buffer, _IOFBF, sizeof out_buffer);

  extract::Counters counters;
  for (const extract::Input& input : inputs) {
    if (input.path == "-") {
      counters.input_total = 0;  // unknown: no ETA
      break;
    }
    counters.input_total += input.size;
  }
  extract::Progress progress(&counters, options.progress, options.progress_tty);
  extract::RunEnd end =
      extract::RunPipeline(inputs, options, analyzer.value(), out, &counters, &progress);
  if (out != stdout && std::fclose(out) != 0 && end != extract::RunEnd::kOutputError) {
    progress.Message("communique-extract: cannot write " + output);
    end = extract::RunEnd::kOutputError;
  }
  progress.Finish(options.threads);
  switch (end) {
    case extract::RunEnd::kAllOk: return kExitOk;
    case extract::RunEnd::kSomeFailed: return tolerate_errors ? kExitOk : kExitDocumentsFailed;
    case extract::RunEnd::kOutputError: return kExitUsage;
  }
  return kExitUsage;
}
