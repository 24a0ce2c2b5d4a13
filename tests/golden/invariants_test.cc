// Property checks over every corpora/ document, and over damaged copies of
// them under the replace policy: spans in range and sorted, each record's
// "text" equal to its span of the input, indices valid, output identical
// across runs and across threads.
#include <doctest/doctest.h>

#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "corpus.h"

namespace {

using communique::Analysis;
using communique::Span;
using communique::testing::CorpusDoc;

void CheckSpan(Span s, size_t size, const char* what) {
  CAPTURE(what);
  CHECK(s.begin <= s.end);
  CHECK(s.end <= size);
}

template <typename Records>
void CheckSorted(const Records& r, const char* what) {
  CAPTURE(what);
  for (size_t i = 1; i < r.size(); ++i) CHECK(r[i - 1].span.begin <= r[i].span.begin);
}

// Every JSON object with begin, end and text has text == input[begin:end].
void CheckJsonTexts(const nlohmann::json& j, std::string_view text) {
  if (j.is_object()) {
    if (j.contains("begin") && j.contains("end") && j.contains("text") && j["text"].is_string()) {
      size_t b = j["begin"].get<size_t>(), e = j["end"].get<size_t>();
      REQUIRE(b <= e);
      REQUIRE(e <= text.size());
      CHECK(j["text"].get<std::string>() == text.substr(b, e - b));
    }
    for (const auto& [key, value] : j.items()) CheckJsonTexts(value, text);
  } else if (j.is_array()) {
    for (const auto& v : j) CheckJsonTexts(v, text);
  }
}

void CheckInvariants(const Analysis& a, std::string_view text) {
  const size_t n = text.size();
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    CheckSpan(a.tokens[i].span, n, "token");
    CHECK(a.tokens[i].span.begin < a.tokens[i].span.end);
    if (i) CHECK(a.tokens[i - 1].span.end <= a.tokens[i].span.begin);
    CHECK(a.tokens[i].norm.end <= a.norm_pool.size());
  }
  for (const auto& s : a.sentences) {
    CheckSpan(s.span, n, "sentence");
    REQUIRE(s.first_token + s.token_count <= a.tokens.size());
    CHECK(s.paragraph < a.paragraphs.size());
    CHECK(a.tokens[s.first_token].span.begin == s.span.begin);
    CHECK(a.tokens[s.first_token + s.token_count - 1].span.end == s.span.end);
  }
  for (size_t i = 1; i < a.sentences.size(); ++i) CHECK(a.sentences[i - 1].span.end <= a.sentences[i].span.begin);
  for (const auto& p : a.paragraphs) {
    CheckSpan(p.span, n, "paragraph");
    CHECK(p.first_sentence + p.sentence_count <= a.sentences.size());
    CHECK(p.turn < static_cast<int32_t>(a.turns.size()));
  }
  CheckSorted(a.paragraphs, "paragraphs");
  for (const auto& t : a.times) CheckSpan(t.span, n, "time");
  CheckSorted(a.times, "times");
  for (const auto& f : a.figures) {
    CheckSpan(f.span, n, "figure");
    CHECK(f.time < static_cast<int32_t>(a.times.size()));
  }
  CheckSorted(a.figures, "figures");
  for (size_t i = 0; i < a.entities.size(); ++i) {
    CHECK(a.entities[i].id == i);
    CHECK_FALSE(a.entities[i].mentions.empty());
    for (const auto& m : a.entities[i].mentions) CheckSpan(m.span, n, "mention");
    CheckSorted(a.entities[i].mentions, "mentions");
  }
  for (const auto& q : a.quotes) {
    CheckSpan(q.span, n, "quote");
    CHECK(q.speaker < static_cast<int32_t>(a.entities.size()));
  }
  CheckSorted(a.quotes, "quotes");
  for (size_t i = 0; i < a.claims.size(); ++i) {
    const auto& c = a.claims[i];
    CheckSpan(c.span, n, "claim");
    CHECK(c.quote < static_cast<int32_t>(a.quotes.size()));
    CHECK(c.speaker < static_cast<int32_t>(a.entities.size()));
    for (uint32_t k : c.figures) CHECK(k < a.figures.size());
    for (uint32_t k : c.times) CHECK(k < a.times.size());
    for (uint32_t k : c.entities) CHECK(k < a.entities.size());
    for (uint32_t k : c.restates) CHECK(k < a.claims.size());
  }
  for (const auto& d : a.diagnostics) CheckSpan(d.span, n, "diagnostic");
}

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
      CheckInvariants(a, d.text);
      std::string json = ToJson(a, d.text);
      auto parsed = nlohmann::json::parse(json, nullptr, false);
      REQUIRE_FALSE(parsed.is_discarded());
      CheckJsonTexts(parsed, d.text);
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
        CheckInvariants(a, text);
        CHECK_FALSE(nlohmann::json::parse(ToJson(a, text), nullptr, false).is_discarded());
      }
    }
  }
}
