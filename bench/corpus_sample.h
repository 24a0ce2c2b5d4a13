// A sample of a real corpus for the benchmarks: JSONL or JSONL.gz documents
// ({"id", "text", "date"?}) read until a byte budget of text.
#ifndef COMMUNIQUE_BENCH_CORPUS_SAMPLE_H_
#define COMMUNIQUE_BENCH_CORPUS_SAMPLE_H_

#include <zlib.h>

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "communique/communique.h"

namespace communique::bench {

struct SampleDoc {
  std::string id, text;
  std::optional<CivilDate> date;
};

/// Reads documents until max_bytes of text; lines that are no document
/// object with a "text" string are skipped (a benchmark, not an extractor).
/// False if the file cannot be opened or holds no document.
inline bool LoadSample(const std::string& path, size_t max_bytes, std::vector<SampleDoc>* docs,
                       size_t* bytes) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return false;
  std::string line;
  char buf[1 << 16];
  *bytes = 0;
  while (*bytes < max_bytes) {
    char* r = gzgets(f, buf, sizeof buf);
    if (!r) break;
    line.append(r);
    if (line.back() != '\n') continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    line.clear();
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) continue;
    SampleDoc d;
    d.text = j["text"].get<std::string>();
    if (j.contains("id") && j["id"].is_string()) d.id = j["id"].get<std::string>();
    if (j.contains("date") && j["date"].is_string()) d.date = CivilDate::Parse(j["date"].get<std::string>());
    *bytes += d.text.size();
    docs->push_back(std::move(d));
  }
  gzclose(f);
  return !docs->empty();
}

}  // namespace communique::bench

#endif  // COMMUNIQUE_BENCH_CORPUS_SAMPLE_H_
