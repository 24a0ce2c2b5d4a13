// The figures stage: values, kinds, units, exclusions and time links.
#include <doctest/doctest.h>

#include <string>

#include "test_util.h"

using communique::Analysis;
using communique::Figure;
using communique::FigureBound;
using communique::FigureKind;
using communique::Slice;

namespace {

// The figure whose numeral text is `number`, or nullptr.
const Figure* Find(std::string_view text, const Analysis& a, std::string_view number) {
  for (const Figure& f : a.figures)
    if (Slice(text, f.number) == number) return &f;
  return nullptr;
}

// The exact value of the figure whose number reads `number`; "(no figure)" if none.
std::string ExactOf(std::string_view text, const Analysis& a, std::string_view number) {
  const Figure* f = Find(text, a, number);
  return f ? f->exact : "(no figure)";
}

}  // namespace

TEST_SUITE("figures") {
  TEST_CASE("digits and words keep exact values") {
    std::string t = "They sent 35,000 troops, forty-five tanks, 1.5 million barrels and "
                    "one hundred and twenty drones, plus 999999999999999999999 leaflets.";
    Analysis a = communique::testing::AnalyzeOk(t);
    const Figure* f = Find(t, a, "35,000");
    REQUIRE(f);
    CHECK(f->exact == "35000");
    CHECK(f->unit == "troop");
    f = Find(t, a, "forty-five");
    REQUIRE(f);
    CHECK(f->exact == "45");
    CHECK(f->unit == "tank");
    f = Find(t, a, "1.5 million");
    REQUIRE(f);
    CHECK(f->exact == "1500000");
    f = Find(t, a, "one hundred and twenty");
    REQUIRE(f);
    CHECK(f->exact == "120");
    CHECK(f->unit == "drone");
    f = Find(t, a, "999999999999999999999");
    REQUIRE(f);
    CHECK(f->exact == "999999999999999999999");
  }

  TEST_CASE("figures start at plain, capitalized and hyphenated words, ISO codes, signs and points") {
    // Each kind of token the fast scan over non-starting tokens must stop at.
    std::string t = "Officials said Three ships and seven boats arrived, forty-five more left, "
                    "USD 300 was paid, the index fell to -3 from .08 in the period.";
    Analysis a = communique::testing::AnalyzeOk(t);
    CHECK(ExactOf(t, a, "Three") == "3");
    CHECK(ExactOf(t, a, "seven") == "7");
    CHECK(ExactOf(t, a, "forty-five") == "45");
    CHECK(ExactOf(t, a, "-3") == "-3");
    CHECK(ExactOf(t, a, ".08") == "0.08");
    const Figure* f = Find(t, a, "300");
    REQUIRE(f);
    CHECK(f->currency == "USD");
    CHECK(Slice(t, f->span) == "USD 300");
    CHECK(a.figures.size() == 6);
  }

  TEST_CASE("a whole number and a fraction before a scale word are scaled together") {
    std::string t = "They shipped one and a half million doses, two and a half billion dollars, "
                    "21 and a half thousand tons, half a million tents and three million and a half rations.";
    Analysis a = communique::testing::AnalyzeOk(t);
    const Figure* f = Find(t, a, "one and a half million");
    REQUIRE(f);
    CHECK(f->exact == "1500000");
    f = Find(t, a, "two and a half billion");
    REQUIRE(f);
    CHECK(f->exact == "2500000000");
    f = Find(t, a, "21 and a half thousand");
    REQUIRE(f);
    CHECK(f->exact == "21500");
    f = Find(t, a, "half a million");
    REQUIRE(f);
    CHECK(f->exact == "500000");
    f = Find(t, a, "three million and a half");
    REQUIRE(f);
    CHECK(f->exact == "3500000");
  }

  TEST_CASE("comma groups: thousands, Indian lakhs, a decimal comma, and no number") {
    // Thousands groups take a fast path; the other readings the general one.
    std::string t = "They counted 1,234,567 votes, 12,34,567 rupees, 1,3 tonnes, 007 agents and 45 ships "
                    "but not 22,24,26 here.";
    Analysis a = communique::testing::AnalyzeOk(t);
    const Figure* f = Find(t, a, "1,234,567");
    REQUIRE(f);
    CHECK(f->exact == "1234567");
    f = Find(t, a, "12,34,567");
    REQUIRE(f);
    CHECK(f->exact == "1234567");
    f = Find(t, a, "1,3");
    REQUIRE(f);
    CHECK(f->exact == "1.3");
    f = Find(t, a, "007");
    REQUIRE(f);
    CHECK(f->exact == "7");
    f = Find(t, a, "45");
    REQUIRE(f);
    CHECK(f->exact == "45");
    CHECK(f->unit == "ship");
    CHECK_FALSE(Find(t, a, "22,24,26"));
  }

  TEST_CASE("a currency word starts a figure only with its phrase") {
    // "us", "can" and "u.s." start currency phrases ("US $", "Can $") and
    // nothing else; where no phrase follows they start no figure.
    std::string t = "The U.S. gave US $5 million, we can add Can $40 and they told us 3 times about C$ 20.";
    Analysis a = communique::testing::AnalyzeOk(t);
    REQUIRE(a.figures.size() == 4);
    CHECK(Slice(t, a.figures[0].span) == "US $5 million");
    CHECK(a.figures[0].currency == "USD");
    CHECK(a.figures[0].exact == "5000000");
    CHECK(Slice(t, a.figures[1].span) == "Can $40");
    CHECK(a.figures[1].currency == "CAD");
    CHECK(Slice(t, a.figures[2].span) == "3");
    CHECK(a.figures[2].currency.empty());
    CHECK(Slice(t, a.figures[3].span) == "C$ 20");
    CHECK(a.figures[3].currency == "CAD");
  }

  TEST_CASE("currency words and qualifiers at the edges of the text") {
    // The phrase tests by hash: a currency word as the last token, a
    // qualifier of one word, of three words, and none before the first token.
    std::string t = "Talk to us";
    CHECK(communique::testing::AnalyzeOk(t).figures.empty());
    t = "US $";
    CHECK(communique::testing::AnalyzeOk(t).figures.empty());
    t = "5 ships. About 7 ships. In excess of 9 ships, us $3.";
    Analysis a = communique::testing::AnalyzeOk(t);
    REQUIRE(a.figures.size() == 4);
    CHECK(a.figures[0].bound == FigureBound::kExact);
    CHECK(Slice(t, a.figures[1].bound_span) == "About");
    CHECK(a.figures[1].bound == FigureBound::kApprox);
    CHECK(Slice(t, a.figures[2].bound_span) == "In excess of");
    CHECK(a.figures[2].bound == FigureBound::kMoreThan);
    CHECK(Slice(t, a.figures[3].span) == "us $3");
    CHECK(a.figures[3].currency == "USD");
  }

  TEST_CASE("lone number words and the words that extend them") {
    // A lone number word is read fast; a spaced hyphen, "in", "point",
    // "dozen" after it must still extend it.
    std::string t = "On the first day twenty - five people came, one in five voters left, three point five "
                    "tonnes and five dozen eggs arrived, and two ships sailed for the second time.";
    Analysis a = communique::testing::AnalyzeOk(t);
    const Figure* f = Find(t, a, "twenty - five");
    REQUIRE(f);
    CHECK(f->exact == "25");
    CHECK(f->unit == "person");
    f = Find(t, a, "one in five");
    REQUIRE(f);
    CHECK(f->exact == "0.2");
    f = Find(t, a, "three point five");
    REQUIRE(f);
    CHECK(f->exact == "3.5");
    f = Find(t, a, "five dozen");
    REQUIRE(f);
    CHECK(f->exact == "60");
    f = Find(t, a, "two");
    REQUIRE(f);
    CHECK(f->exact == "2");
    CHECK(f->unit == "ship");
    CHECK_FALSE(Find(t, a, "first"));   // "the first day": a time, no figure
    f = Find(t, a, "second");
    REQUIRE(f);
    CHECK(f->kind == FigureKind::kOrdinal);
    CHECK(f->exact == "2");
  }

  TEST_CASE("percent, money and units of measure") {
    std::string t = "Prices rose 12 percent, exports fell 3.5% and the deal is worth $5 billion, "
                    "or 100 million rubles, for a 10 km road.";
    Analysis a = communique::testing::AnalyzeOk(t);
    const Figure* f = Find(t, a, "12");
    REQUIRE(f);
    CHECK(f->kind == FigureKind::kPercent);
    CHECK(f->sign == 1);
    f = Find(t, a, "3.5");
    REQUIRE(f);
    CHECK(f->kind == FigureKind::kPercent);
    CHECK(f->sign == -1);
    f = Find(t, a, "5 billion");
    REQUIRE(f);
    CHECK(f->kind == FigureKind::kMoney);
    CHECK(f->currency == "USD");
    CHECK(f->exact == "5000000000");
    f = Find(t, a, "100 million");
    REQUIRE(f);
    CHECK(f->currency == "RUB");
    f = Find(t, a, "10");
    REQUIRE(f);
    CHECK(f->kind == FigureKind::kQuantity);
    CHECK(f->unit == "km");
  }

  TEST_CASE("rates: a unit per unit of measure or time") {
    std::string t = "Output reached 1.5 million barrels a day; trains ran at 80 km per hour, "
                    "cars at 10km/hr, and 12 percent a year is no rate of a unit.";
    Analysis a = communique::testing::AnalyzeOk(t);
    const Figure* f = Find(t, a, "1.5 million");
    REQUIRE(f);
    CHECK(f->unit == "bbl/d");
    CHECK(Slice(t, f->span) == "1.5 million barrels a day");
    f = Find(t, a, "80");
    REQUIRE(f);
    CHECK(f->unit == "km/h");
    f = Find(t, a, "10");  // the numeral without its glued unit
    REQUIRE(f);
    CHECK(f->unit == "km/h");
    f = Find(t, a, "12");
    REQUIRE(f);
    CHECK(f->kind == FigureKind::kPercent);
    CHECK(f->unit.empty());
  }

  TEST_CASE("qualifiers, ranges, vague amounts and fractions") {
    std::string t = "More than 1,000 troops arrived, between 30 and 40 ships left, "
                    "tens of thousands of refugees fled and two-thirds of voters agreed.";
    Analysis a = communique::testing::AnalyzeOk(t);
    const Figure* f = Find(t, a, "1,000");
    REQUIRE(f);
    CHECK(f->bound == FigureBound::kMoreThan);
    f = Find(t, a, "30 and 40");
    REQUIRE(f);
    CHECK(f->kind == FigureKind::kRange);
    CHECK(f->low == 30);
    CHECK(f->high == 40);
    CHECK(f->unit == "ship");
    f = Find(t, a, "tens of thousands of");
    REQUIRE(f);
    CHECK(f->kind == FigureKind::kVague);
    CHECK(f->unit == "refugee");
    CHECK(f->low >= 10000);
    f = Find(t, a, "two-thirds");
    REQUIRE(f);
    CHECK(f->value == doctest::Approx(2.0 / 3.0));
    CHECK(f->exact.empty());  // not a terminating decimal
  }

  TEST_CASE("vague amounts of money carry the currency") {
    std::string t = "They spent millions of dollars and tens of thousands of euros on dozens of trucks.";
    Analysis a = communique::testing::AnalyzeOk(t);
    REQUIRE(a.figures.size() == 3);
    CHECK(a.figures[0].kind == FigureKind::kVague);
    CHECK(a.figures[0].currency == "USD");
    CHECK(a.figures[1].currency == "EUR");
    CHECK(a.figures[2].currency.empty());
    CHECK(a.figures[2].unit == "truck");
  }

  TEST_CASE("partitives: what a fraction or 'N of' counts") {
    std::string t = "They sent a dozen tanks, half the budget, two-thirds of voters, one of Moscow's closest "
                    "allies, and a quarter of the vote went to him.";
    Analysis a = communique::testing::AnalyzeOk(t);
    const Figure* f = Find(t, a, "half");
    REQUIRE(f);
    CHECK(f->unit == "budget");  // not "tank" from the parallel before it
    f = Find(t, a, "two-thirds");
    REQUIRE(f);
    CHECK(f->unit == "voter");
    f = Find(t, a, "one");
    REQUIRE(f);
    CHECK(f->unit == "ally");
    f = Find(t, a, "a quarter");
    REQUIRE(f);
    CHECK(f->unit != "went");  // a singular head only when it stands alone
  }

  TEST_CASE("identifiers, years and durations are no figures") {
    std::string t = "Under Resolution 2231 and Article 5, the G7 and COVID-19 talks lasted six months in 2020 "
                    "(22 U.S.C. 2751).";
    Analysis a = communique::testing::AnalyzeOk(t);
    for (const Figure& f : a.figures) {
      std::string_view s = Slice(t, f.number);
      CHECK(s != "2231");
      CHECK(s != "5");
      CHECK(s != "19");
      CHECK(s != "six");
      CHECK(s != "2020");
      CHECK(s != "22");
      CHECK(s != "2751");
    }
  }

  TEST_CASE("of them, ellipsis and time links") {
    std::string t = "Requests from the ministry remain unanswered. There were forty-five of them in 2020, "
                    "and thirty-five in 2021. We satisfied 45 such requests last year.";
    communique::DocumentInfo info;
    info.date = communique::CivilDate{2021, 8, 2};
    Analysis a = communique::testing::AnalyzeOk(t, info);
    const Figure* f = Find(t, a, "forty-five");
    REQUIRE(f);
    CHECK(f->unit == "request");
    f = Find(t, a, "thirty-five");
    REQUIRE(f);
    CHECK(f->unit == "request");
    f = Find(t, a, "45");
    REQUIRE(f);
    CHECK(f->unit == "request");
    REQUIRE(f->time >= 0);
    CHECK(Slice(t, a.times[static_cast<size_t>(f->time)].span) == "last year");
  }

  TEST_CASE("a figure's time is in its own clause, before or after it") {
    std::string t = "Since 2015, we have made six attempts. The plant made 300 tonnes; in 2019 it closed. "
                    "Exports reached 12 billion dollars, 40 percent more, in 2018.";
    communique::DocumentInfo info;
    info.date = communique::CivilDate{2021, 8, 2};
    Analysis a = communique::testing::AnalyzeOk(t, info);
    auto time_of = [&](std::string_view number) -> std::string_view {
      const Figure* f = Find(t, a, number);
      if (!f || f->time < 0) return {};
      return Slice(t, a.times[static_cast<size_t>(f->time)].span);
    };
    CHECK(time_of("six") == "Since 2015");  // before it, same clause
    CHECK(time_of("300") == "");            // the time is past a ';'
    CHECK(time_of("40") == "2018");
    CHECK(time_of("12 billion") == "");     // the next figure comes first
  }

  TEST_CASE("long digit runs and odd input do not break") {
    std::string t(20000, '9');
    t += " people and 1,2,3,4,5 and -";
    Analysis a = communique::testing::AnalyzeOk(t);
    REQUIRE_FALSE(a.figures.empty());
    CHECK(a.figures[0].exact.size() == 20000);
  }
}

TEST_SUITE("figures2") {
  TEST_CASE("numerals the tokenizer splits at punctuation") {
    std::string t = "Totals: 12,34,567.89 rupees, 1.111,11 units, 1.3e6 cells, 6.23x10^-4 grams and -12e-1 points.";
    Analysis a = communique::testing::AnalyzeOk(t);
    const Figure* f = Find(t, a, "12,34,567.89");
    REQUIRE(f);
    CHECK(f->exact == "1234567.89");
    f = Find(t, a, "1.111,11");
    REQUIRE(f);
    CHECK(f->exact == "1111.11");
    f = Find(t, a, "1.3e6");
    REQUIRE(f);
    CHECK(f->exact == "1300000");
    f = Find(t, a, "6.23x10^-4");
    REQUIRE(f);
    CHECK(f->exact == "0.000623");
    f = Find(t, a, "-12e-1");
    REQUIRE(f);
    CHECK(f->exact == "-1.2");
  }

  TEST_CASE("a list without spaces is no decimal") {
    std::string t = "See items 22,24,26,31 below.";
    Analysis a = communique::testing::AnalyzeOk(t);
    CHECK_FALSE(Find(t, a, "26,31"));
  }

  TEST_CASE("fractions with ordinal denominators and prepositions") {
    std::string t = "Shares: three twenty-firsts, one hundred and thirty fifths, one over three, "
                    "one in four voters, two out of five hundred, and a third of them.";
    Analysis a = communique::testing::AnalyzeOk(t);
    const Figure* f = Find(t, a, "three twenty-firsts");
    REQUIRE(f);
    CHECK(f->value == doctest::Approx(3.0 / 21));
    f = Find(t, a, "one hundred and thirty fifths");
    REQUIRE(f);
    CHECK(f->value == doctest::Approx(26));
    f = Find(t, a, "one over three");
    REQUIRE(f);
    CHECK(f->value == doctest::Approx(1.0 / 3));
    f = Find(t, a, "one in four");
    REQUIRE(f);
    CHECK(f->exact == "0.25");
    f = Find(t, a, "two out of five hundred");
    REQUIRE(f);
    CHECK(f->exact == "0.004");
  }

  TEST_CASE("a larger second number is no preposition fraction") {
    std::string t = "There are 12 out of 10 and 3 in 5 years.";
    Analysis a = communique::testing::AnalyzeOk(t);
    CHECK(Find(t, a, "12"));
    CHECK_FALSE(Find(t, a, "3 in 5"));
  }

  TEST_CASE("a singular ordinal before a noun is an ordinal") {
    std::string t = "She won a seventh term with a third of the vote.";
    Analysis a = communique::testing::AnalyzeOk(t);
    const Figure* f = Find(t, a, "seventh");
    REQUIRE(f);
    CHECK(f->kind == FigureKind::kOrdinal);
    f = Find(t, a, "a third");
    REQUIRE(f);
    CHECK(f->value == doctest::Approx(1.0 / 3));
  }

  TEST_CASE("bounds after the figure and opposite bounds make a range") {
    std::string t = "It needs 500 or more votes, and more than 10 and less than 40 seats.";
    Analysis a = communique::testing::AnalyzeOk(t);
    const Figure* f = Find(t, a, "500");
    REQUIRE(f);
    CHECK(f->bound == FigureBound::kAtLeast);
    bool range = false;
    for (const Figure& g : a.figures)
      if (g.kind == FigureKind::kRange && g.low == 10 && g.high == 40) range = true;
    CHECK(range);
  }

  TEST_CASE("a fraction of a noun phrase despite a time reading") {
    std::string t = "Three quarters of the vote went to him, but the first quarter of 2021 was slow.";
    Analysis a = communique::testing::AnalyzeOk(t);
    const Figure* f = Find(t, a, "Three quarters");
    REQUIRE(f);
    CHECK(f->exact == "0.75");
    CHECK_FALSE(Find(t, a, "first"));
  }

  TEST_CASE("a trailing point is not part of the numeral") {
    std::string t = "The count was 192.\nNext line.";
    Analysis a = communique::testing::AnalyzeOk(t);
    CHECK(Find(t, a, "192"));
  }
}
