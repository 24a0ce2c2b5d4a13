// Claims: statement units, split at figures, periods, polarity, restatements.
#include <doctest/doctest.h>

#include <string>

#include "test_util.h"

namespace communique {
namespace {

using testing::AnalyzeOk;

DocumentInfo Dated(std::string_view iso) {
  DocumentInfo info;
  info.date = CivilDate::Parse(iso);
  return info;
}

const Claim* ClaimWith(std::string_view text, const Analysis& a, std::string_view words) {
  for (const Claim& c : a.claims)
    if (Slice(text, c.span).find(words) != std::string_view::npos) return &c;
  return nullptr;
}

TEST_SUITE("quotes") {
  TEST_CASE("a quote's sentences with figures become dated claims; speech without records does not") {
    std::string text =
        "\"We sent 35 requests in 2020. Nothing else matters,\" the ambassador said.\n";
    Analysis a = AnalyzeOk(text, Dated("2021-08-02"));
    const Claim* c = ClaimWith(text, a, "35 requests");
    REQUIRE(c != nullptr);
    CHECK(c->stated_on == "2021-08-02");
    CHECK(c->kind == QuoteKind::kDirect);
    CHECK(c->quote >= 0);
    CHECK(Slice(text, c->cue) == "said");
    if (!a.times.empty()) CHECK(c->about == "2020");
    CHECK(ClaimWith(text, a, "Nothing else") == nullptr);
  }

  TEST_CASE("two figures in one sentence make two claims; negation and hedges") {
    std::string text =
        "\"There were 45 requests in 2020, and 35 requests in 2021. "
        "The attacks allegedly came from abroad in 2019 and there was no reply in 2020,\" he said.\n";
    Analysis a = AnalyzeOk(text, Dated("2021-08-02"));
    if (a.figures.size() >= 2) {
      const Claim* first = ClaimWith(text, a, "45 requests");
      const Claim* second = ClaimWith(text, a, "35 requests");
      REQUIRE(first != nullptr);
      REQUIRE(second != nullptr);
      CHECK(first != second);
      CHECK(Slice(text, first->span).find("35") == std::string_view::npos);
    }
    const Claim* hedged = ClaimWith(text, a, "allegedly");
    REQUIRE(hedged != nullptr);
    CHECK(hedged->hedge == "allegedly");
    CHECK(hedged->negated);
  }

  TEST_CASE("claims come out in text order when units do not") {
    // The partial quote's unit is its whole sentence, which begins before
    // the direct quote's unit found first: the claims are reordered.
    std::string text =
        "\"We sent 35 requests in 2020,\" the ambassador said, adding that 12 were \"left without any answer\" "
        "in 2021. Moscow said that 7 talks were held in 2019. There were 3 more in 2020.\n";
    Analysis a = AnalyzeOk(text, Dated("2021-08-02"));
    REQUIRE(a.claims.size() >= 3);
    for (size_t k = 1; k < a.claims.size(); ++k) CHECK(a.claims[k - 1].span.begin <= a.claims[k].span.begin);
    CHECK(a.claims[0].kind == QuoteKind::kPartial);  // the whole first sentence
    CHECK(a.claims[1].kind == QuoteKind::kDirect);
    CHECK(Slice(text, a.claims[1].span) == "We sent 35 requests in 2020,");
    CHECK(ClaimWith(text, a, "7 talks") != nullptr);
  }

  TEST_CASE("the same speaker's figure restated with the same unit and period links back") {
    std::string text =
        "Sergey Lavrov spoke to reporters in Moscow.\n\n"
        "According to Lavrov, Russia sent 45 requests in 2020. "
        "\"There were 45 requests in 2020,\" Lavrov said. \"We also sent 12 letters in 2020,\" he said.\n";
    Analysis a = AnalyzeOk(text, Dated("2021-08-02"));
    const Claim* later = nullptr;
    for (const Claim& c : a.claims)
      if (Slice(text, c.span).find("There were 45") != std::string_view::npos) later = &c;
    if (later == nullptr || later->speaker < 0 || a.figures.empty()) return;  // needs entity and figure records
    REQUIRE(later->restates.size() == 1);
    const Claim& earlier = a.claims[later->restates[0]];
    CHECK(Slice(text, earlier.span).find("Russia sent 45") != std::string_view::npos);
    const Claim* letters = ClaimWith(text, a, "12 letters");
    REQUIRE(letters != nullptr);
    CHECK(letters->restates.empty());
  }

  TEST_CASE("'since' periods run to the statement date") {
    std::string text = "\"Since 2015, we have made six attempts,\" he said.\n";
    Analysis a = AnalyzeOk(text, Dated("2021-08-02"));
    const Claim* c = ClaimWith(text, a, "six attempts");
    if (c == nullptr || a.times.empty()) return;  // needs figure and time records
    CHECK(c->about == "2015/2021-08-02");
  }
}

}  // namespace
}  // namespace communique
