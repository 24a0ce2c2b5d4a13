// FindHits' hit_at array (lib/entities/hits.cc): kept between documents,
// as a Session keeps it, and cleaned by ClearHitAt, it gives the same
// answers as a new array.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "communique/communique.h"
#include "entities/hits.h"
#include "entities/lexicon.h"
#include "entities/words.h"

using namespace communique;
using namespace communique::internal;

namespace {

struct Found {
  std::vector<Hit> hits;
  std::vector<int32_t> hit_at;
  size_t words = 0;
};

// FindHits over `text`, with `hit_at` as given (new or kept).
Found Find(const Lexicon& lex, const std::string& text, std::vector<int32_t> hit_at) {
  static const auto analyzer = Analyzer::Create({}).value();
  const Analysis a = analyzer->Analyze(text, {}).value();
  std::vector<Word> words;
  std::vector<uint32_t> starts, list_nouns;
  BuildWords(text, a, &words, &starts);
  Found f;
  f.hit_at = std::move(hit_at);
  FindHits(lex, words, starts, &f.hits, &f.hit_at, &list_nouns);
  f.words = words.size();
  return f;
}

}  // namespace

TEST_CASE("a kept and cleaned hit_at answers as a new one, for a shorter document after a longer one") {
  Lexicon lex;
  REQUIRE(lex.Load().ok());
  const std::string longer =
      "Secretary of State Antony J. Blinken met Foreign Minister Wang Yi in Beijing on Monday. "
      "They discussed Ukraine, the Taiwan Strait and the counties of Bexar, Travis and Hays. "
      "The United Nations Security Council will meet in New York.";
  const std::string shorter = "President Biden spoke with Chancellor Scholz of Germany.";

  Found first = Find(lex, longer, {});
  REQUIRE(first.hits.size() > 5);
  REQUIRE(first.hit_at.size() == first.words);
  ClearHitAt(first.hits, &first.hit_at);
  CHECK(std::all_of(first.hit_at.begin(), first.hit_at.end(), [](int32_t v) { return v == -1; }));

  const Found kept = Find(lex, shorter, std::move(first.hit_at));
  const Found fresh = Find(lex, shorter, {});
  REQUIRE(kept.hits.size() == fresh.hits.size());
  for (size_t i = 0; i < fresh.hits.size(); ++i) {
    CHECK(kept.hits[i].first == fresh.hits[i].first);
    CHECK(kept.hits[i].last == fresh.hits[i].last);
    CHECK(kept.hits[i].entry == fresh.hits[i].entry);
  }
  // The kept array is longer than the document: its words answer as the
  // new array's, the rest is -1.
  REQUIRE(kept.hit_at.size() >= fresh.words);
  for (size_t w = 0; w < kept.hit_at.size(); ++w)
    CHECK(kept.hit_at[w] == (w < fresh.words ? fresh.hit_at[w] : -1));
}
