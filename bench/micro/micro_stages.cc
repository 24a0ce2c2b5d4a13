// communique-micro: Google Benchmark microbenchmarks, one per pipeline stage,
// on a few MB of real text, reporting bytes/s of document text.
//
//   COMMUNIQUE_BENCH_CORPUS=statedept.jsonl.gz communique-micro
//   communique-micro --corpus=statedept.jsonl.gz --mb=4 --benchmark_min_time=2
//
// The corpus is JSONL (optionally gzipped) with a "text" field per line; with
// no corpus the program says so and exits 0. Each stage is timed alone: the
// records of the stages before it are computed once, outside the timed region,
// and copied into the working Analysis with the timer paused. Times are CPU
// times of the benchmark thread, so a busy machine disturbs them less than
// wall time.
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "../corpus_sample.h"
#include "communique/communique.h"
#include "core/stage.h"
#include "header/header.h"
#include "tokenize/segmenter.h"
#include "tokenize/tokenizer.h"

namespace {

namespace cq = communique;
namespace in = communique::internal;

using Doc = communique::bench::SampleDoc;
using communique::bench::LoadSample;

// Everything a stage benchmark needs, built once.
struct Fixture {
  cq::Options options;
  std::vector<Doc> docs;
  size_t bytes = 0;
  std::unique_ptr<in::Tokenizer> tokenizer;
  std::unique_ptr<in::Segmenter> segmenter;
  std::unique_ptr<in::HeaderParser> header;
  // In run order: times, figures, entities, quotes, claims.
  std::vector<std::unique_ptr<in::Stage>> stages;
  // before[k][d]: document d analysed up to (not including) stages[k].
  std::vector<std::vector<cq::Analysis>> before;
};

Fixture* g_fixture = nullptr;

template <typename T>
std::unique_ptr<T> Take(cq::Result<std::unique_ptr<T>> r, const char* what) {
  if (!r.ok()) {
    std::fprintf(stderr, "communique-micro: %s: %s\n", what, r.status().ToString().c_str());
    std::exit(1);
  }
  return std::move(r).value();
}

void Prepare(cq::Analysis* a, const Doc& d) {
  const Fixture& f = *g_fixture;
  a->Clear();
  a->id = d.id;
  f.header->Parse(d.text, d.date, &a->header, &a->diagnostics);
  f.tokenizer->Tokenize(d.text, 0, a);
  f.segmenter->Segment(d.text, a->header.body_begin, f.options.max_sentence_tokens, a);
}

void BuildFixture(Fixture* f) {
  f->options.utf8_policy = cq::Utf8Policy::kReplace;
  f->tokenizer = Take(in::Tokenizer::Create(), "tokenizer");
  f->segmenter = Take(in::Segmenter::Create(f->tokenizer.get()), "segmenter");
  f->header = Take(in::HeaderParser::Create(), "header");
  f->stages.push_back(Take(in::CreateTimeStage(f->options), "times"));
  f->stages.push_back(Take(in::CreateFigureStage(f->options), "figures"));
  f->stages.push_back(Take(in::CreateEntityStage(f->options), "entities"));
  f->stages.push_back(Take(in::CreateQuoteStage(f->options), "quotes"));
  f->stages.push_back(Take(in::CreateClaimStage(f->options), "claims"));
  f->before.resize(f->stages.size());
  std::vector<in::ScratchSlot> scratch(f->stages.size());  // a Session's
  for (const Doc& d : f->docs) {
    cq::Analysis a;
    Prepare(&a, d);
    for (size_t k = 0; k < f->stages.size(); ++k) {
      f->before[k].push_back(a);
      f->stages[k]->Run(d.text, &a, &scratch[k]);
    }
  }
}

void SetRates(benchmark::State& state, size_t tokens) {
  const Fixture& f = *g_fixture;
  const auto iterations = static_cast<int64_t>(state.iterations());
  state.SetBytesProcessed(iterations * static_cast<int64_t>(f.bytes));
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(iterations) * static_cast<double>(f.docs.size()),
                                                benchmark::Counter::kIsRate);
  if (tokens > 0)
    state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(iterations) * static_cast<double>(tokens),
                                                    benchmark::Counter::kIsRate);
}

// Header, tokenizer and sentence splitter: what every configuration runs.
void BM_TokenizeSentences(benchmark::State& state) {
  const Fixture& f = *g_fixture;
  cq::Analysis a;
  size_t tokens = 0;
  for (auto _ : state) {
    tokens = 0;
    for (const Doc& d : f.docs) {
      Prepare(&a, d);
      tokens += a.tokens.size();
    }
    benchmark::DoNotOptimize(a.sentences.data());
  }
  SetRates(state, tokens);
}

// The tokenizer alone.
void BM_Tokenize(benchmark::State& state) {
  const Fixture& f = *g_fixture;
  cq::Analysis a;
  size_t tokens = 0;
  for (auto _ : state) {
    tokens = 0;
    for (const Doc& d : f.docs) {
      a.Clear();
      f.tokenizer->Tokenize(d.text, 0, &a);
      tokens += a.tokens.size();
    }
    benchmark::DoNotOptimize(a.tokens.data());
  }
  SetRates(state, tokens);
}

// Stages [first, last] alone, on copies of the records before `first`.
void RunStages(benchmark::State& state, size_t first, size_t last) {
  const Fixture& f = *g_fixture;
  cq::Analysis a;
  std::vector<in::ScratchSlot> scratch(f.stages.size());  // a Session's
  size_t records = 0;
  for (auto _ : state) {
    records = 0;
    for (size_t d = 0; d < f.docs.size(); ++d) {
      state.PauseTiming();
      a = f.before[first][d];
      state.ResumeTiming();
      for (size_t k = first; k <= last; ++k) f.stages[k]->Run(f.docs[d].text, &a, &scratch[k]);
      records += a.times.size() + a.figures.size() + a.entities.size() + a.quotes.size() + a.claims.size();
    }
    benchmark::DoNotOptimize(records);
  }
  SetRates(state, 0);
  state.counters["records"] = static_cast<double>(records);
}

void BM_Times(benchmark::State& s) { RunStages(s, 0, 0); }
void BM_Figures(benchmark::State& s) { RunStages(s, 1, 1); }
void BM_Entities(benchmark::State& s) { RunStages(s, 2, 2); }
void BM_QuotesClaims(benchmark::State& s) { RunStages(s, 3, 4); }

// The whole pipeline through the public API (one Session), for reference.
void BM_FullPipeline(benchmark::State& state) {
  const Fixture& f = *g_fixture;
  auto analyzer = cq::Analyzer::Create(f.options);
  if (!analyzer.ok()) {
    state.SkipWithError(analyzer.status().ToString().c_str());
    return;
  }
  cq::Session session = analyzer.value()->NewSession();
  cq::Analysis a;
  size_t tokens = 0;
  for (auto _ : state) {
    tokens = 0;
    for (const Doc& d : f.docs) {
      cq::DocumentInfo info;
      info.id = d.id;
      info.date = d.date;
      (void)session.Analyze(d.text, info, &a);
      tokens += a.tokens.size();
    }
    benchmark::DoNotOptimize(a.claims.data());
  }
  SetRates(state, tokens);
}

// Building an Analyzer with every stage (tables, patterns): a start-up cost.
void BM_AnalyzerCreate(benchmark::State& state) {
  for (auto _ : state) {
    auto analyzer = cq::Analyzer::Create(g_fixture->options);
    if (!analyzer.ok()) {
      state.SkipWithError(analyzer.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(analyzer.value().get());
  }
}

// Removes --corpus=FILE and --mb=N from argv; the rest goes to Google Benchmark.
void TakeOwnFlags(int* argc, char** argv, std::string* corpus, double* mb) {
  int out = 1;
  for (int i = 1; i < *argc; ++i) {
    if (std::strncmp(argv[i], "--corpus=", 9) == 0) {
      *corpus = argv[i] + 9;
    } else if (std::strncmp(argv[i], "--mb=", 5) == 0) {
      *mb = std::atof(argv[i] + 5);
    } else {
      argv[out++] = argv[i];
    }
  }
  *argc = out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus;
  double mb = 4;
  if (const char* env = std::getenv("COMMUNIQUE_BENCH_CORPUS")) corpus = env;
  if (const char* env = std::getenv("COMMUNIQUE_BENCH_MB")) mb = std::atof(env);
  TakeOwnFlags(&argc, argv, &corpus, &mb);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  if (corpus.empty()) {
    std::printf("communique-micro: skipped: no corpus (set COMMUNIQUE_BENCH_CORPUS or pass --corpus=FILE.jsonl[.gz])\n");
    return 0;
  }
  if (mb <= 0) mb = 4;
  Fixture fixture;
  g_fixture = &fixture;
  if (!LoadSample(corpus, static_cast<size_t>(mb * 1e6), &fixture.docs, &fixture.bytes)) {
    std::printf("communique-micro: skipped: no documents read from %s\n", corpus.c_str());
    return 0;
  }
  BuildFixture(&fixture);
  benchmark::AddCustomContext("corpus", corpus);
  benchmark::AddCustomContext("documents", std::to_string(fixture.docs.size()));
  benchmark::AddCustomContext("text_bytes", std::to_string(fixture.bytes));
  benchmark::AddCustomContext("compiler", __VERSION__);
  benchmark::RegisterBenchmark("tokenize", BM_Tokenize)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("tokenize+sentences", BM_TokenizeSentences)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("times", BM_Times)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("figures", BM_Figures)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("entities", BM_Entities)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("quotes+claims", BM_QuotesClaims)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("full_pipeline", BM_FullPipeline)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("analyzer_create", BM_AnalyzerCreate)->Unit(benchmark::kMillisecond);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
