// communique-claims: reads the JSONL records of communique-extract (files or
// stdin, plain or gzipped) and writes a claims table, one row per figure of a
// claim keyed by (speaker, unit, period, value) and sorted so each key's
// history reads in stated_on order, and a report of conflicting values for
// one (speaker, unit, period). See docs/extractor.md.
//
// Exit status: 0 every line was a record; 1 some line was bad (broken JSON,
// an error record, no "claims" array; 0 with --tolerate-bad); 2 usage or I/O
// error.
#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <simdjson.h>

#include "table.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitBadLines = 1;
constexpr int kExitUsage = 2;

// Reads one line (without its '\n') of any length; false at the end.
bool ReadLine(gzFile in, std::string* line) {
  line->clear();
  char chunk[1 << 16];
  while (gzgets(in, chunk, sizeof chunk) != nullptr) {
    size_t n = std::strlen(chunk);
    line->append(chunk, n);
    if (n > 0 && chunk[n - 1] == '\n') {
      line->pop_back();
      if (!line->empty() && line->back() == '\r') line->pop_back();
      return true;
    }
  }
  return !line->empty();
}

struct Counts {
  size_t lines = 0, blank = 0, records = 0, without_claims = 0;
  size_t bad = 0, bad_json = 0, error_records = 0, not_records = 0;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "communique-claims: a claims table and a conflict report from the JSONL records of\n"
      "communique-extract (files, or stdin; gzip is detected). One row per figure of a claim:\n"
      "speaker, unit, period, value, stated_on, document, kind, figure text and span, sorted by\n"
      "(speaker, code, unit, period, stated_on, id). A conflict is one (speaker, unit, period)\n"
      "with two or more values. Exit status: 0 ok, 1 some line was bad, 2 usage or I/O error.",
      "communique-claims"};
  std::vector<std::string> paths;
  std::string output = "-", conflicts_path;
  std::string mode = "table";
  bool json = false, tolerate_bad = false, quiet = false;
  size_t max_reports = 100;
  claims::Options options;
  app.add_option("inputs", paths, "JSONL files of communique-extract, or - for stdin (default)");
  app.add_option("-o,--output", output, "write here instead of stdout");
  app.add_option("--mode", mode, "what goes to the output: table or conflicts")
      ->check(CLI::IsMember({"table", "conflicts"}))
      ->capture_default_str();
  app.add_option("--conflicts", conflicts_path, "also write the conflict report to this file");
  std::string scope = "all";
  app.add_option("--scope", scope,
                 "conflicts counted: all, across (values differ between documents) or within "
                 "(one document gives two values)")
      ->check(CLI::IsMember({"all", "across", "within"}))
      ->capture_default_str();
  bool all_units = false;
  app.add_flag("--all-units", all_units,
               "conflicts also between percentages, money and measures (default: only counted "
               "nouns, \"45 requests\")");
  bool no_qualifiers = false;
  app.add_flag("--no-qualifiers", no_qualifiers,
               "leave the words between numeral and noun (\"satellite\" in \"12 satellite "
               "launches\") out of the key");
  app.add_flag("--json", json, "JSONL instead of TSV (one object per row / per conflict)");
  app.add_flag("--claim-text", options.claim_text, "add the claim's text (capped) to each row");
  app.add_option("--max-text", options.max_text, "cap of the figure text, bytes")
      ->check(CLI::Range(size_t{8}, size_t{1} << 20))
      ->capture_default_str();
  app.add_option("--max-claim-text", options.max_claim_text, "cap of the claim text, bytes")
      ->check(CLI::Range(size_t{8}, size_t{1} << 20))
      ->capture_default_str();
  bool empty_is_bad = false;
  app.add_flag("--empty-is-bad", empty_is_bad,
               "a record with an empty \"claims\" array is a bad line (default: counted as "
               "without_claims)");
  app.add_flag("--tolerate-bad", tolerate_bad, "exit 0 even when some input line was bad");
  app.add_option("--max-reports", max_reports, "bad lines listed one by one on stderr")
      ->capture_default_str();
  app.add_flag("-q,--quiet", quiet, "no summary line on stderr (bad lines are still listed)");
  CLI11_PARSE(app, argc, argv);
  options.counted_only = !all_units;
  options.qualifiers = !no_qualifiers;
  options.scope = scope == "across"   ? claims::Options::Scope::kAcross
                  : scope == "within" ? claims::Options::Scope::kWithin
                                      : claims::Options::Scope::kAll;
  if (paths.empty()) paths.push_back("-");

  claims::Table table(options);
  Counts counts;
  simdjson::dom::parser parser;
  std::string line, why;
  auto report = [&](const std::string& source, size_t number, const std::string& message) {
    ++counts.bad;
    if (counts.bad <= max_reports) {
      std::fprintf(stderr, "communique-claims: %s:%zu: %s\n", source.c_str(), number,
                   message.c_str());
    }
  };
  for (const std::string& path : paths) {
    gzFile in = path == "-" ? gzdopen(fileno(stdin), "rb") : gzopen(path.c_str(), "rb");
    if (in == nullptr) {
      std::fprintf(stderr, "communique-claims: cannot open %s: %s\n", path.c_str(),
                   std::strerror(errno));
      return kExitUsage;
    }
    gzbuffer(in, 1 << 17);
    const std::string source = path == "-" ? "<stdin>" : path;
    size_t number = 0;
    while (ReadLine(in, &line)) {
      ++number;
      ++counts.lines;
      if (line.find_first_not_of(" \t\r") == std::string::npos) { ++counts.blank; continue; }
      size_t size = line.size();
      line.append(simdjson::SIMDJSON_PADDING, '\0');
      simdjson::dom::element doc;
      simdjson::dom::object record;
      simdjson::error_code err = parser.parse(line.data(), size, false).get(doc);
      if (err == simdjson::SUCCESS) err = doc.get_object().get(record);
      if (err != simdjson::SUCCESS) {
        ++counts.bad_json;
        report(source, number, std::string("invalid JSON: ") + simdjson::error_message(err));
        continue;
      }
      switch (table.Add(record, source, static_cast<uint32_t>(number), &why)) {
        case claims::LineResult::kClaims: ++counts.records; break;
        case claims::LineResult::kNoClaims:
          ++counts.records;
          ++counts.without_claims;
          if (empty_is_bad) report(source, number, "a record without claims");
          break;
        case claims::LineResult::kError:
          if (why.rfind("error record", 0) == 0) ++counts.error_records;
          else ++counts.not_records;
          report(source, number, why);
          break;
      }
      if (line.capacity() > (16u << 20)) std::string().swap(line);
    }
    int gz_err = 0;
    const char* gz_message = gzerror(in, &gz_err);
    bool failed = gz_err != Z_OK && gz_err != Z_BUF_ERROR;
    gzclose(in);
    if (failed) {
      std::fprintf(stderr, "communique-claims: read error in %s: %s\n", source.c_str(), gz_message);
      return kExitUsage;
    }
  }
  if (counts.bad > max_reports) {
    std::fprintf(stderr, "communique-claims: %zu more bad lines not listed\n",
                 counts.bad - max_reports);
  }
  table.Finish();

  std::FILE* out = output == "-" ? stdout : std::fopen(output.c_str(), "wb");
  if (out == nullptr) {
    std::fprintf(stderr, "communique-claims: cannot write %s: %s\n", output.c_str(),
                 std::strerror(errno));
    return kExitUsage;
  }
  if (mode == "table") {
    if (json) table.WriteJsonl(out); else table.WriteTsv(out);
  } else {
    if (json) table.WriteConflictsJsonl(out); else table.WriteConflictsTsv(out);
  }
  bool write_failed = std::fflush(out) != 0 || std::ferror(out) != 0;
  if (out != stdout) write_failed = std::fclose(out) != 0 || write_failed;
  if (!conflicts_path.empty()) {
    std::FILE* c = std::fopen(conflicts_path.c_str(), "wb");
    if (c == nullptr) {
      std::fprintf(stderr, "communique-claims: cannot write %s: %s\n", conflicts_path.c_str(),
                   std::strerror(errno));
      return kExitUsage;
    }
    if (json) table.WriteConflictsJsonl(c); else table.WriteConflictsTsv(c);
    write_failed = std::fclose(c) != 0 || write_failed;
  }
  if (write_failed) {
    std::fprintf(stderr, "communique-claims: write error\n");
    return kExitUsage;
  }
  if (!quiet) {
    std::fprintf(stderr,
                 "communique-claims: lines=%zu records=%zu without_claims=%zu bad=%zu "
                 "(json=%zu error_records=%zu not_records=%zu) blank=%zu claims=%zu "
                 "claims_without_figures=%zu rows=%zu keys=%zu conflicts=%zu "
                 "bad_references=%zu memory=%.1fMB\n",
                 counts.lines, counts.records, counts.without_claims, counts.bad,
                 counts.bad_json, counts.error_records, counts.not_records, counts.blank,
                 table.claims(), table.claims_without_figures(), table.rows(), table.keys(),
                 table.CountConflicts(), table.bad_references(),
                 static_cast<double>(table.MemoryBytes()) / 1e6);
  }
  return counts.bad > 0 && !tolerate_bad ? kExitBadLines : kExitOk;
}
