// communique-peer-run: the library timed under the same protocol as the
// peers of bench/compare (bench/peers/run-peer.js), for a like-for-like row.
//
//   communique-peer-run SAMPLE.jsonl [BUDGET_SECONDS]
//
// Building the Analyzer, reading the sample and a warm-up on the first 5
// documents are not timed. The timed loop analyses every document in order
// (full pipeline, the document's date as reference) into records held in
// memory, as the peers produce their objects, and counts them so the work is
// live. No JSON is parsed or written inside the loop; communique-extract's
// row in bench/compare times that end to end. Prints one JSON object.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "communique/communique.h"
#include "../corpus_sample.h"

namespace {

double ProcessCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

size_t Records(const communique::Analysis& a) {
  return a.tokens.size() + a.sentences.size() + a.times.size() + a.figures.size() + a.entities.size() +
         a.quotes.size() + a.claims.size();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: communique-peer-run SAMPLE.jsonl [BUDGET_SECONDS]\n";
    return 2;
  }
  const double budget = argc == 3 ? std::atof(argv[2]) : 300.0;

  auto t0 = std::chrono::steady_clock::now();
  communique::Options options;
  options.utf8_policy = communique::Utf8Policy::kReplace;
  auto created = communique::Analyzer::Create(options);
  if (!created.ok()) {
    std::cerr << "communique-peer-run: " << created.status().ToString() << "\n";
    return 1;
  }
  const double load_seconds = Since(t0);
  communique::Session session = created.value()->NewSession();
  communique::Analysis analysis;

  std::vector<communique::bench::SampleDoc> docs;
  size_t sample_bytes = 0;
  if (!communique::bench::LoadSample(argv[1], SIZE_MAX, &docs, &sample_bytes)) {
    std::cerr << "communique-peer-run: cannot read " << argv[1] << "\n";
    return 2;
  }
  auto analyze = [&](const communique::bench::SampleDoc& d) {
    communique::DocumentInfo info;
    info.id = d.id;
    info.date = d.date;
    communique::Status status = session.Analyze(d.text, info, &analysis);
    return status.ok() ? Records(analysis) : 0;
  };

  const size_t warmup = std::min<size_t>(5, docs.size());
  size_t warmup_items = 0;
  t0 = std::chrono::steady_clock::now();
  for (size_t i = 0; i < warmup; ++i) warmup_items += analyze(docs[i]);
  const double warmup_seconds = Since(t0);

  size_t items = 0, bytes = 0, done = 0;
  const double cpu0 = ProcessCpuSeconds();
  t0 = std::chrono::steady_clock::now();
  for (const auto& d : docs) {
    items += analyze(d);
    bytes += d.text.size();
    ++done;
    if (Since(t0) > budget) break;
  }
  const double seconds = Since(t0);
  const double cpu_seconds = ProcessCpuSeconds() - cpu0;

  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  nlohmann::json out = {
      {"peer", "communique"},
      {"what", "tokens, sentences, times, figures, entities, quotes, claims"},
      {"versions", {{"communique (library, in process)", communique::Version()}}},
      {"documents", done},
      {"of_documents", docs.size()},
      {"bytes", bytes},
      {"seconds", seconds},
      {"mb_per_s", static_cast<double>(bytes) / 1e6 / seconds},
      {"docs_per_s", static_cast<double>(done) / seconds},
      {"cpu_seconds", cpu_seconds},
      {"mb_per_cpu_s", static_cast<double>(bytes) / 1e6 / cpu_seconds},
      {"items", items},
      {"load_seconds", load_seconds},
      {"warmup_seconds", warmup_seconds},
      {"warmup_items", warmup_items},
      {"peak_rss_mb", static_cast<double>(ru.ru_maxrss) / 1024.0},
      {"budget_hit", done < docs.size()},
  };
  std::cout << out.dump() << "\n";
  return 0;
}
