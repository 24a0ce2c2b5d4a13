// communique-bench: throughput of the pipeline on a real corpus, stage by
// stage, as MB/s (median and best of N runs) and documents/s, plus peak RSS.
//
//   communique-bench --corpus ../shared/corpora/real/statedept/statedept.jsonl.gz --max-mb 20
//
// Each configuration runs the tokenizer and sentence splitter plus the stages
// named; "tokens" is the tokenizer + sentences alone. One thread.
#include <sys/resource.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "communique/communique.h"
#include "corpus_sample.h"

namespace {

using Doc = communique::bench::SampleDoc;

double PeakRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

struct Config {
  const char* name;
  bool times, figures, entities, quotes;
};

}  // namespace

int main(int argc, char** argv) {
  std::string corpus;
  double max_mb = 20;
  int runs = 5;
  CLI::App app{"Pipeline throughput on a real corpus (JSONL or JSONL.gz with id/text)."};
  app.add_option("--corpus", corpus, "corpus file")->required()->check(CLI::ExistingFile);
  app.add_option("--max-mb", max_mb, "MB of text to load (default 20)");
  app.add_option("--runs", runs, "runs per configuration (default 5)");
  CLI11_PARSE(app, argc, argv);

  std::vector<Doc> docs;
  size_t bytes = 0;
  if (!communique::bench::LoadSample(corpus, static_cast<size_t>(max_mb * 1e6), &docs, &bytes)) {
    std::cerr << "communique-bench: cannot read " << corpus << "\n";
    return 2;
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("corpus: %s\ndocuments: %zu, text: %.1f MB, runs: %d, compiler: %s\n\n", corpus.c_str(), docs.size(), mb,
              runs, __VERSION__);
  std::printf("| configuration | median MB/s | best MB/s | docs/s | tokens/s (M) |\n|---|---|---|---|---|\n");
  const Config configs[] = {
      {"tokens + sentences", false, false, false, false},
      {"+ times", true, false, false, false},
      {"+ times + figures", true, true, false, false},
      {"+ times + figures + entities", true, true, true, false},
      {"full pipeline (+ quotes, claims)", true, true, true, true},
  };
  for (const Config& c : configs) {
    communique::Options opt;
    opt.utf8_policy = communique::Utf8Policy::kReplace;
    opt.times = c.times;
    opt.figures = c.figures;
    opt.entities = c.entities;
    opt.quotes = c.quotes;
    auto created = communique::Analyzer::Create(opt);
    if (!created.ok()) {
      std::cerr << created.status().ToString() << "\n";
      return 1;
    }
    communique::Session session = created.value()->NewSession();
    communique::Analysis a;
    std::vector<double> seconds;
    size_t tokens = 0;
    for (int r = 0; r < runs; ++r) {
      tokens = 0;
      auto t0 = std::chrono::steady_clock::now();
      for (const Doc& d : docs) {
        communique::DocumentInfo info;
        info.id = d.id;
        (void)session.Analyze(d.text, info, &a);
        tokens += a.tokens.size();
      }
      seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(seconds.begin(), seconds.end());
    double median = seconds[seconds.size() / 2], best = seconds.front();
    std::printf("| %s | %.1f | %.1f | %.0f | %.2f |\n", c.name, mb / median, mb / best,
                static_cast<double>(docs.size()) / median, static_cast<double>(tokens) / median / 1e6);
    std::fflush(stdout);
  }
  std::printf("\npeak RSS: %.1f MB (includes the loaded corpus, %.1f MB)\n", PeakRssMb(), mb);
  return 0;
}
