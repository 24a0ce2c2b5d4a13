// TIMEX values of calendar points (lib/times/calendar.cc): the common points
// are written into a stack buffer, the others by the general code; both must
// give the same text at the edges between them. And the time atoms
// (lib/times/lexicon.cc): looked up by the tokens' kStartTime bits, they are
// the atoms the plain lookup of every word gives.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "communique/communique.h"
#include "core/hash.h"
#include "times/calendar.h"
#include "times/lexicon.h"
#include "tokenize/token_starts.h"

using namespace communique::internal::times;

namespace {

Point Day(int y, int m, int d) {
  Point p;
  p.gran = Gran::kDay;
  p.year = y;
  p.month = m;
  p.day = d;
  return p;
}

}  // namespace

TEST_CASE("Timex: years, months and days at the edges of four and two digits") {
  CHECK(Timex(Day(2021, 8, 2)) == "2021-08-02");
  CHECK(Timex(Day(9999, 12, 31)) == "9999-12-31");
  CHECK(Timex(Day(10000, 1, 1)) == "10000-01-01");  // five digits: the general code
  CHECK(Timex(Day(0, 1, 1)) == "0000-01-01");
  CHECK(Timex(Day(-5, 1, 1)) == "-005-01-01");      // negative: snprintf's padding
  CHECK(Timex(Day(2021, 99, 9)) == "2021-99-09");
  CHECK(Timex(Day(2021, 100, 9)) == "2021-100-09");
  CHECK(Timex(Day(kUnknown, 7, kUnknown)) == "XXXX-07-XX");
  Point none;
  none.gran = Gran::kDay;
  CHECK(Timex(none).empty());
  Point year;
  year.gran = Gran::kYear;
  year.year = 7;
  CHECK(Timex(year) == "0007");
  year.fiscal = true;
  CHECK(Timex(year) == "FY0007");
  year.year = kUnknown;
  CHECK(Timex(year) == "FYXXXX");
  Point month;
  month.gran = Gran::kMonth;
  month.year = 2020;
  month.month = kUnknown;
  CHECK(Timex(month) == "2020-XX");
  month.month = 3;
  CHECK(Timex(month) == "2020-03");
}

TEST_CASE("Timex: clock times and parts of day") {
  Point t = Day(2021, 8, 2);
  t.gran = Gran::kTime;
  t.hour = 22;
  CHECK(Timex(t) == "2021-08-02T22:00");
  t.minute = 5;
  t.second = 9;
  CHECK(Timex(t) == "2021-08-02T22:05:09");
  t.hour = 100;  // three digits: the general code
  CHECK(Timex(t) == "2021-08-02T100:05:09");
  Point pod;
  pod.gran = Gran::kTime;
  pod.part_of_day = "AF";
  CHECK(Timex(pod) == "TAF");
  pod.part_of_day = "EIGHTCHR";
  CHECK(Timex(pod) == "TEIGHTCHR");
  pod.part_of_day = "NINECHARS";  // longer than the buffer keeps for it: the general code
  CHECK(Timex(pod) == "TNINECHARS");
  Point weekday;
  weekday.gran = Gran::kWeekday;
  weekday.weekday = 3;
  CHECK(Timex(weekday) == "XXXX-WXX-3");
}

TEST_CASE("Lexicon::Atoms: the kStartTime bits find what the plain lookup finds") {
  using communique::internal::HashWord;
  using communique::internal::StartWords;
  using communique::internal::TokenStarts;
  const auto lex = Lexicon::Create().value();
  StartWords words;
  lex->AddStartWords(&words);
  for (const char* w : {"the", "monday", "january", "years", "in", "so", "far", "christmas", "a.m.", "twenty",
                        "sept.", "monday's"}) {
    CAPTURE(w);
    CHECK((words.Of(HashWord(w)) & communique::internal::kStartTime));
  }
  const auto analyzer = communique::Analyzer::Create({}).value();
  const std::string text =
      "On Monday, January 5, the minister said that in the last three years, so far, twice a week "
      "and by Christmas Eve 2021 at 10 a.m. nothing had changed; Sept. talks, Monday's vote, "
      "twenty-one days later, the first half of 2020, MAY 2019 and May we hope.";
  const communique::Analysis with_bits = analyzer->Analyze(text, {}).value();
  REQUIRE(TokenStarts(with_bits) != nullptr);
  communique::Analysis without_bits = with_bits;
  without_bits.token_starts.clear();  // Atoms looks up every word
  REQUIRE(TokenStarts(without_bits) == nullptr);
  std::vector<Atom> a1, a2;
  std::vector<uint32_t> s1, s2;
  lex->Atoms(text, with_bits, 0, with_bits.tokens.size(), &a1, &s1);
  lex->Atoms(text, without_bits, 0, without_bits.tokens.size(), &a2, &s2);
  REQUIRE(a1.size() == a2.size());
  for (size_t i = 0; i < a1.size(); ++i) {
    CAPTURE(a1[i].text(with_bits.norm_pool.data()));
    CHECK(a1[i].begin == a2[i].begin);
    CHECK(a1[i].end == a2[i].end);
    CHECK((a1[i].kind == a2[i].kind));
    CHECK(a1[i].word() == a2[i].word());
    CHECK(a1[i].flags == a2[i].flags);
    CHECK(a1[i].starts == a2[i].starts);
  }
  CHECK(s1 == s2);
  CHECK(!s1.empty());
}
