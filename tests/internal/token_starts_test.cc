// Per-token start bits (lib/tokenize/token_starts.h): the slot table of
// start words, the sixteen-at-a-time scan against a plain one, and the bits
// the Analyzer's tokenizer sets.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "communique/communique.h"
#include "core/hash.h"
#include "tokenize/token_starts.h"
#include "tokenize/tokenizer.h"

using namespace communique;
using namespace communique::internal;

namespace {

template <TokenStart kBit>
size_t PlainNextStart(const std::vector<uint8_t>& starts, size_t i, size_t end) {
  while (i < end && !(starts[i] & kBit)) ++i;
  return i;
}

}  // namespace

TEST_CASE("StartWords keeps the bits of the words added") {
  StartWords words;
  words.Add(HashWord("said"), kStartCue);
  words.Add(HashWord("not"), kStartMarker);
  words.Add(HashWord("said"), kStartFigure);
  CHECK(words.Of(HashWord("said")) == (kStartCue | kStartFigure));
  CHECK(words.Of(HashWord("not")) == kStartMarker);
  int others = 0;
  for (const char* w : {"the", "of", "and", "minister", "talks", "Geneva", "week", "border"})
    others += words.Of(HashWord(w)) != 0;
  CHECK(others == 0);  // 2 words in 16,384 slots: a collision here is unlikely
}

TEST_CASE("NextStart finds what a plain scan finds") {
  std::mt19937 rng(7);
  for (size_t size : {0, 1, 15, 16, 17, 31, 32, 33, 100}) {
    std::vector<uint8_t> starts(size);
    for (int density : {0, 3, 30}) {
      for (uint8_t& b : starts)
        b = static_cast<uint8_t>((rng() % 100) < static_cast<unsigned>(density) ? rng() : rng() & kStartName);
      for (size_t i = 0; i <= size; ++i)
        for (size_t end = i; end <= size; end += 1 + end / 8) {
          CHECK(NextStart<kStartCue>(starts.data(), size, i, end) == PlainNextStart<kStartCue>(starts, i, end));
          CHECK(NextStart<kStartMarker>(starts.data(), size, i, end) == PlainNextStart<kStartMarker>(starts, i, end));
          CHECK(NextStart<kStartName>(starts.data(), size, i, end) == PlainNextStart<kStartName>(starts, i, end));
        }
    }
  }
}

TEST_CASE("the Analyzer's tokenizer marks token starts") {
  const auto analyzer = Analyzer::Create({}).value();
  const std::string text =
      "The minister said on Monday that Russia's army had not left 3,000 km of the border. "
      "Mr. Smith\nwent \"home\"!\n\nWhy? \xE2\x80\x9CNo,\xE2\x80\x9D he said. "
      "\xC3\x89lys\xC3\xA9" "e officials were forty-five minutes late, according to USD reports.";
  const Analysis a = analyzer->Analyze(text, {}).value();
  REQUIRE(TokenStarts(a) != nullptr);
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    const Token& t = a.tokens[i];
    const uint8_t s = a.token_starts[i];
    const auto first = static_cast<unsigned char>(text[t.span.begin]);
    CAPTURE(std::string(Slice(text, t.span)));
    CHECK(((s & kStartName) != 0) == ((first >= 'A' && first <= 'Z') || (first >= 0xC3 && first < 0xE0)));
    if (t.clitic) CHECK((s & kStartMarker));
    const bool may_end = first == '.' || first == '?' || first == '!' || first == 0xE2;
    const bool stops = (t.flags & (kTokenLineStart | kTokenParagraphStart | kTokenAbbreviation)) ||
                       (t.kind == TokenKind::kPunctuation && may_end);
    CHECK(((s & kStartBreak) != 0) == stops);
    CHECK(((s & kStartCapital) != 0) ==
          (t.kind == TokenKind::kWord && (t.flags & (kTokenCapitalized | kTokenAllUpper)) != 0));
    CHECK(((s & kStartQuote) != 0) == (t.kind == TokenKind::kQuote));
    if (t.kind == TokenKind::kNumber || (t.flags & kTokenHyphenated)) CHECK((s & kStartFigure));
    const std::string_view norm = a.Norm(t);
    if (norm == "said" || norm == "according") CHECK((s & kStartCue));
    if (norm == "not") CHECK((s & kStartMarker));
    if (norm == "forty-five" || norm == "usd") CHECK((s & kStartFigure));
  }
}

TEST_CASE("a tokenizer without start words marks none") {
  const auto tokenizer = Tokenizer::Create().value();
  Analysis a;
  tokenizer->Tokenize("Talks resume on Monday.", 0, &a);
  CHECK(!a.tokens.empty());
  CHECK(a.token_starts.empty());
  CHECK(TokenStarts(a) == nullptr);
}
