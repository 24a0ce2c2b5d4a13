// Property checks over every corpora/ document, and over damaged copies of
// them under the replace policy: spans in range and sorted, each record's
// "text" equal to its span of the input, indices valid, output identical
// across runs and across threads.
#include <doctest/doctest.h>

#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "corpus.h"

// The span invariants are the fuzz targets' (one definition), reported here
// as doctest failures instead of aborts.
#define FUZZ_CHECK(cond) REQUIRE(static_cast<bool>(cond))
#include "../fuzz/fuzz_check.h"

namespace {

using communique::Analysis;
using communique::testing::CorpusDoc;

std::string ToJson(const Analysis& a, std::string_view text) {
  std::string out;
  communique::AppendJson(a, text, {true, false}, &out);
  return out;
}

}  // namespace

TEST_SUITE("invariants") {
  TEST_CASE("records of every corpus document keep the span invariants") {
    auto docs = communique::testing::LoadCorpus(COMMUNIQUE_CORPORA_DIR);
    REQUIRE_FALSE(docs.empty());
    auto analyzer = communique::Analyzer::Create({}).value();
    communique::Session session = analyzer->NewSession();
    Analysis a, b;
    for (const CorpusDoc& d : docs) {
      CAPTURE(d.file);
      communique::DocumentInfo info{d.id, d.date};
      REQUIRE(session.Analyze(d.text, info, &a).ok());
      communique::fuzz::CheckAnalysis(a, d.text);
      std::string json = ToJson(a, d.text);
      auto parsed = nlohmann::json::parse(json, nullptr, false);
      REQUIRE_FALSE(parsed.is_discarded());
      communique::fuzz::CheckJsonTexts(parsed, d.text);
      REQUIRE(session.Analyze(d.text, info, &b).ok());
      CHECK(ToJson(b, d.text) == json);  // deterministic across runs
    }
  }

  TEST_CASE("threads sharing one Analyzer produce the single-thread output") {
    auto docs = communique::testing::LoadCorpus(COMMUNIQUE_CORPORA_DIR);
    auto analyzer = communique::Analyzer::Create({}).value();
    std::vector<std::string> reference;
    {
      communique::Session s = analyzer->NewSession();
      Analysis a;
      for (const auto& d : docs) {
        REQUIRE(s.Analyze(d.text, {d.id, d.date}, &a).ok());
        reference.push_back(ToJson(a, d.text));
      }
    }
    constexpr int kThreads = 8;
    std::vector<std::vector<std::string>> outputs(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] {
        communique::Session s = analyzer->NewSession();
        Analysis a;
        for (size_t k = 0; k < docs.size(); ++k) {
          const auto& d = docs[(k + static_cast<size_t>(t)) % docs.size()];
          (void)s.Analyze(d.text, {d.id, d.date}, &a);
          outputs[static_cast<size_t>(t)].push_back(ToJson(a, d.text));
        }
      });
    for (auto& th : threads) th.join();
    for (int t = 0; t < kThreads; ++t)
      for (size_t k = 0; k < docs.size(); ++k)
        CHECK(outputs[static_cast<size_t>(t)][k] == reference[(k + static_cast<size_t>(t)) % docs.size()]);
  }

  TEST_CASE("damaged copies under the replace policy keep the invariants") {
    auto docs = communique::testing::LoadCorpus(COMMUNIQUE_CORPORA_DIR);
    communique::Options opt;
    opt.utf8_policy = communique::Utf8Policy::kReplace;
    auto analyzer = communique::Analyzer::Create(opt).value();
    communique::Session session = analyzer->NewSession();
    std::mt19937 rng(20210802);
    Analysis a;
    for (const CorpusDoc& d : docs) {
      for (int round = 0; round < 4; ++round) {
        std::string text = d.text;
        for (int k = 0; k < 20 && !text.empty(); ++k)
          text[rng() % text.size()] = static_cast<char>(rng() & 0xFF);  // bytes, quotes, NULs
        text.resize(rng() % (text.size() + 1));                          // cut anywhere
        CAPTURE(d.file);
        REQUIRE(session.Analyze(text, {d.id, d.date}, &a).ok());
        communique::fuzz::CheckAnalysis(a, text);
        CHECK_FALSE(nlohmann::json::parse(ToJson(a, text), nullptr, false).is_discarded());
      }
    }
  }
}
