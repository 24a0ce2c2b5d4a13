// Fuzz target: the JSONL reader of communique-extract (examples/extract:
// inputs.cc splits a plain or gzip stream into lines, worker.cc parses each
// line with simdjson and analyses its text). The fuzz input is written to an
// in-memory file and read as `.jsonl` by extract::ReadInputs; every Item goes
// through a Worker. Checks:
//   - each Item's output is one JSON object: a record or an error record;
//   - on plain (non-gzip) input, one Item per non-blank line: no line is lost;
//   - error records carry the line position as their source.
// Both UTF-8 policies run; the analysis runs with the stages off (the Analyze
// target covers them) so the fuzzer spends its time in the reader.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_check.h"
#include "inputs.h"
#include "worker.h"

namespace {

constexpr size_t kMaxInput = 64 << 10;

struct State {
  int fd = -1;
  std::string path;  // /proc/self/fd/N: a file name gzopen can open
  extract::RunOptions options[2];
  std::shared_ptr<const communique::Analyzer> analyzers[2];
};

State& Get() {
  static State* state = [] {
    auto* s = new State;
    s->fd = memfd_create("jsonl_fuzz", 0);
    FUZZ_CHECK(s->fd >= 0);
    s->path = "/proc/self/fd/" + std::to_string(s->fd);
    for (int i = 0; i < 2; ++i) {
      communique::Options& o = s->options[i].analyzer;
      o.utf8_policy = i == 0 ? communique::Utf8Policy::kStrict : communique::Utf8Policy::kReplace;
      o.times = o.figures = o.entities = o.quotes = false;
      o.max_document_bytes = 32 << 10;  // some lines exceed it
      s->analyzers[i] = communique::Analyzer::Create(o).value();
    }
    return s;
  }();
  return *state;
}

// Lines that the reader must turn into Items: non-blank after removing a
// final '\r' (blank = only spaces, tabs, CR, FF, VT).
size_t NonBlankLines(std::string_view data) {
  size_t count = 0;
  while (!data.empty()) {
    size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    if (line.find_first_not_of(" \t\r\f\v") != std::string_view::npos) ++count;
    if (nl == std::string_view::npos) break;
    data.remove_prefix(nl + 1);
  }
  return count;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return -1;
  State& state = Get();
  FUZZ_CHECK(ftruncate(state.fd, 0) == 0);
  FUZZ_CHECK(pwrite(state.fd, data, size, 0) == static_cast<ssize_t>(size));
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bool gzip = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;

  for (int policy = 0; policy < 2; ++policy) {
    const extract::RunOptions& options = state.options[policy];
    extract::Counters counters;
    extract::Worker worker(state.analyzers[policy], options);
    extract::Input input;
    input.path = state.path;
    input.format = extract::Format::kJsonl;
    input.size = size;
    size_t items = 0, errors = 0;
    extract::ReadInputs({input}, options, &counters, [&](extract::Item&& item) {
      item.seq = items++;
      worker.Process(&item);
      FUZZ_CHECK(!item.output.empty());
      FUZZ_CHECK(item.payload.empty());
      auto j = nlohmann::json::parse(item.output, nullptr, false);
      FUZZ_CHECK(!j.is_discarded() && j.is_object());
      FUZZ_CHECK(j.contains("id"));
      if (item.failed) {
        ++errors;
        FUZZ_CHECK(j.contains("error"));
        FUZZ_CHECK(!item.status.ok());
        FUZZ_CHECK(item.source.rfind(state.path + ":", 0) == 0);
      } else {
        FUZZ_CHECK(!j.contains("error"));
        FUZZ_CHECK(j.contains("sentences"));
      }
      return true;
    });
    if (!gzip) FUZZ_CHECK(items == NonBlankLines(bytes));
    FUZZ_CHECK(errors <= items);
  }
  return 0;
}
