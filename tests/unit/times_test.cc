// The times stage: finding, normalizing and anchoring time expressions.
#include <doctest/doctest.h>

#include <string>

#include "test_util.h"

using communique::Analysis;
using communique::CivilDate;
using communique::DocumentInfo;
using communique::TimeExpression;
using communique::TimeMod;
using communique::TimeType;
using communique::testing::AnalyzeOk;

namespace {

Analysis Run(const std::string& text, const char* date) {
  DocumentInfo info;
  if (date) info.date = CivilDate::Parse(date);
  return AnalyzeOk(text, info);
}

// The time whose text is `surface`, or null.
const TimeExpression* Find(const std::string& text, const Analysis& a, std::string_view surface) {
  for (const TimeExpression& t : a.times)
    if (communique::Slice(text, t.span) == surface) return &t;
  return nullptr;
}

std::string ValueOf(const std::string& text, const char* date, std::string_view surface) {
  Analysis a = Run(text, date);
  const TimeExpression* t = Find(text, a, surface);
  return t ? t->value : "<none: " + std::to_string(a.times.size()) + " times>";
}

}  // namespace

TEST_SUITE("times") {
  TEST_CASE("absolute dates and periods") {
    CHECK(ValueOf("It happened on September 25, 2020.", "2021-08-02", "September 25, 2020") == "2020-09-25");
    CHECK(ValueOf("It happened on 25 September 2020.", "2021-08-02", "25 September 2020") == "2020-09-25");
    CHECK(ValueOf("Signed on 2021-08-02 in Geneva.", nullptr, "2021-08-02") == "2021-08-02");
    CHECK(ValueOf("Signed on 02.08.2021 in Geneva.", nullptr, "02.08.2021") == "2021-08-02");
    CHECK(ValueOf("Trade fell in the 1990s.", nullptr, "1990s") == "199");
    CHECK(ValueOf("The threats of the 21st century are new.", nullptr, "the 21st century") == "20");
    CHECK(ValueOf("Growth slowed in Q3 2022.", nullptr, "Q3 2022") == "2022-Q3");
    CHECK(ValueOf("Prices rose in early 2022.", nullptr, "early 2022") == "2022");
  }

  TEST_CASE("the first six months of a year is its first half, with a range") {
    std::string text = "They sent 35 requests in the first six months of 2021 alone.";
    Analysis a = Run(text, "2021-08-02");
    const TimeExpression* t = Find(text, a, "the first six months of 2021");
    REQUIRE(t != nullptr);
    CHECK(t->value == "2021-H1");
    CHECK(t->range_begin == "2021-01-01");
    CHECK(t->range_end == "2021-07-01");
    CHECK_FALSE(t->anchored);
  }

  TEST_CASE("relative expressions are anchored on the document date") {
    CHECK(ValueOf("There were 45 such requests last year.", "2021-08-02", "last year") == "2020");
    CHECK(ValueOf("Two appeals in the first half of the current year.", "2021-08-02",
                  "the first half of the current year") == "2021-H1");
    CHECK(ValueOf("He arrived yesterday.", "2021-03-01", "yesterday") == "2021-02-28");
    CHECK(ValueOf("Talks will resume next month.", "2021-12-15", "next month") == "2022-01");
    CHECK(ValueOf("He left two days ago.", "2021-03-01", "two days ago") == "2021-02-27");
    Analysis a = Run("He left last year.", "2021-08-02");
    REQUIRE(!a.times.empty());
    CHECK(a.times[0].anchored);
  }

  TEST_CASE("a weekday follows the tense of its sentence") {
    // 2021-08-04 is a Wednesday.
    CHECK(ValueOf("The minister said on Monday that talks failed.", "2021-08-04", "Monday") == "2021-08-02");
    CHECK(ValueOf("The minister will travel on Monday.", "2021-08-04", "Monday") == "2021-08-09");
    CHECK(ValueOf("The interview was published on Monday.", "2021-08-02", "Monday") == "2021-08-02");
  }

  TEST_CASE("a day without a year gets one from the document date and tense") {
    CHECK(ValueOf("The talks were held on September 25.", "2021-08-02", "September 25") == "2020-09-25");
    CHECK(ValueOf("The talks will be held on September 25.", "2021-08-02", "September 25") == "2021-09-25");
    CHECK(ValueOf("The talks were held on September 25.", nullptr, "September 25") == "XXXX-09-25");
  }

  TEST_CASE("without a document date relative values stay relative") {
    Analysis a = Run("There were 45 such requests last year.", nullptr);
    REQUIRE(a.times.size() == 1);
    CHECK(a.times[0].value == "UNDEF-REF-year-MINUS-1");
    CHECK_FALSE(a.times[0].anchored);
    CHECK(a.times[0].range_begin.empty());
  }

  TEST_CASE("durations, sets and references") {
    std::string text = "For six months, nearly every day, the talks went on; so far nothing, twice a year.";
    Analysis a = Run(text, "2021-08-02");
    const TimeExpression* d = Find(text, a, "six months");
    REQUIRE(d != nullptr);
    CHECK(d->type == TimeType::kDuration);
    CHECK(d->value == "P6M");
    const TimeExpression* s = Find(text, a, "every day");
    REQUIRE(s != nullptr);
    CHECK(s->type == TimeType::kSet);
    CHECK(s->value == "P1D");
    CHECK(s->quant == "EVERY");
    CHECK(s->mod == TimeMod::kApprox);
    const TimeExpression* f = Find(text, a, "twice a year");
    REQUIRE(f != nullptr);
    CHECK(f->freq == "2X");
    CHECK(ValueOf(text, "2021-08-02", "so far") == "PRESENT_REF");
    CHECK(ValueOf("Cooperation is possible in the future.", nullptr, "in the future") == "FUTURE_REF");
  }

  TEST_CASE("modifiers and ranges") {
    std::string text = "Since 2015 the treaty held, from 2014 to 2016 in full.";
    Analysis a = Run(text, "2021-08-02");
    const TimeExpression* s = Find(text, a, "Since 2015");
    REQUIRE(s != nullptr);
    CHECK(s->value == "2015");
    CHECK(s->mod == TimeMod::kStart);
    const TimeExpression* r = Find(text, a, "from 2014 to 2016");
    REQUIRE(r != nullptr);
    CHECK(r->value == "2014/2016");
    CHECK(r->range_begin == "2014-01-01");
    CHECK(r->range_end == "2017-01-01");
  }

  TEST_CASE("times of day") {
    CHECK(ValueOf("The vote is at 3 p.m. today.", nullptr, "3 p.m.") == "T15:00");
    CHECK(ValueOf("They met at 10:30 GMT.", nullptr, "10:30 GMT") == "T10:30");
  }

  TEST_CASE("a day range with a trailing year, a clock with a length of hours") {
    CHECK(ValueOf("The forum ran May 24-27, 2021 in Geneva.", "2022-08-02", "May 24-27, 2021") ==
          "2021-05-24/2021-05-27");
    CHECK(ValueOf("The polls open from 10 am for 3 hours 30 minutes.", "2021-08-02",
                  "10 am for 3 hours 30 minutes") == "T10:00/T13:30");
    CHECK(ValueOf("Talks ran from april the ninth till the seventeenth.", "2021-08-02",
                  "from april the ninth till the seventeenth") == "2021-04-09/2021-04-17");
  }
  TEST_CASE("the weekend of a holiday") {
    CHECK(ValueOf("Traffic peaked over the Labor Day 2021 weekend.", "2021-10-02", "Labor Day 2021 weekend") ==
          "2021-W35-WE");
    CHECK(ValueOf("Prices rose on the weekend of Thanksgiving 2023.", "2024-01-02",
                  "the weekend of Thanksgiving 2023") == "2023-W47-WE");
  }
  TEST_CASE("no false times") {
    const char* texts[] = {"May I ask a question?", "This may take longer.", "They will march on the capital.",
                           "Some 2,020 troops arrived.", "Resolution 2231 was adopted.", "Under Article 5 allies act.",
                           "The G20 met.", "S-400 systems were sold.", "COVID-19 spread.",
                           "The 1540 Committee met.", "Call +1 202 555 0100 now"};
    for (const char* t : texts) {
      Analysis a = Run(t, "2021-08-02");
      std::string found;
      for (const TimeExpression& x : a.times)
        if (x.value != "PRESENT_REF") found += std::string(communique::Slice(t, x.span)) + ";";
      CHECK_MESSAGE(found.empty(), t, " -> ", found);
    }
  }

  TEST_CASE("header dates are times too") {
    std::string text = "date 2021-08-02\nWASHINGTON, August 2. /TASS/. Talks went on.";
    Analysis a = Run(text, nullptr);
    CHECK(ValueOf(text, nullptr, "2021-08-02") == "2021-08-02");
    CHECK(ValueOf(text, nullptr, "August 2") == "2021-08-02");
  }
}

TEST_SUITE("times2") {
  TEST_CASE("clock ranges and a day with a clock time") {
    CHECK(ValueOf("She spoke from 3 to 5 p.m. on Monday.", "2021-08-04", "3 to 5 p.m. on Monday") ==
          "2021-08-02T15:00/2021-08-02T17:00");
    CHECK(ValueOf("Talks will run between 2 and 4 pm tomorrow.", "2021-08-02", "between 2 and 4 pm tomorrow") ==
          "2021-08-03T14:00/2021-08-03T16:00");
    CHECK(ValueOf("The vote is tomorrow at 3 p.m.", "2021-08-02", "tomorrow at 3 p.m.") == "2021-08-03T15:00");
    // a bare number range is no time without a day: a score
    CHECK(ValueOf("They won 3 to 5.", "2021-08-02", "3 to 5").starts_with("<none"));
  }
  TEST_CASE("holidays: fixed, Easter computus, n-th weekday") {
    CHECK(ValueOf("He met them on Christmas 2019.", "2021-08-02", "Christmas 2019") == "2019-12-25");
    CHECK(ValueOf("They met on Easter 2018.", "2021-08-02", "Easter 2018") == "2018-04-01");
    CHECK(ValueOf("They met on Easter 2024.", "2021-08-02", "Easter 2024") == "2024-03-31");
    CHECK(ValueOf("The talks ended on Thanksgiving 2020.", "2021-08-02", "Thanksgiving 2020") == "2020-11-26");
    CHECK(ValueOf("The summit was held on Independence Day.", "2021-08-02", "Independence Day") == "2021-07-04");
  }
  TEST_CASE("numeric dates split by the tokenizer, days of the month, weeks") {
    CHECK(ValueOf("Figures for 2015-12 were revised.", "2021-08-02", "2015-12") == "2015-12");
    CHECK(ValueOf("The 2009-10 budget passed.", "2021-08-02", "2009-10").find("2009-10") == std::string::npos);
    CHECK(ValueOf("The deadline is 10-1-2018.", "2021-08-02", "10-1-2018") == "2018-10-01");
    CHECK(ValueOf("He left on the 18th.", "2021-08-25", "the 18th") == "2021-08-18");
    CHECK(ValueOf("We meet next week on Tuesday.", "2021-08-02", "next week on Tuesday") == "2021-08-10");
    CHECK(ValueOf("It happened three days after Christmas 2019.", "2021-08-02",
                  "three days after Christmas 2019") == "2019-12-28");
  }
}

TEST_SUITE("times3") {
  TEST_CASE("clock times in words") {
    CHECK(ValueOf("They met at half past three.", "2021-08-02", "half past three") == "T03:30");
    CHECK(ValueOf("The vote is at a quarter to four p.m.", "2021-08-02", "a quarter to four p.m.") == "T15:45");
    CHECK(ValueOf("It began ten past 9 in the evening.", "2021-08-02", "ten past 9 in the evening") == "T21:10");
    CHECK(ValueOf("The talks open at six pm.", "2021-08-02", "six pm") == "T18:00");
    CHECK(ValueOf("She spoke from 3 to 5 p.m. on Monday.", "2021-08-04", "3 to 5 p.m. on Monday") ==
          "2021-08-02T15:00/2021-08-02T17:00");
    // a range of numbers, not "ten minutes to twelve"
    CHECK(ValueOf("Between ten to twelve people were hurt.", "2021-08-02", "ten to twelve").starts_with("<none"));
  }
  TEST_CASE("a weekday with a clock time, a clock range ending after its start") {
    CHECK(ValueOf("The meeting will be on Thursday 1 pm.", "2021-08-02", "Thursday 1 pm") == "2021-08-05T13:00");
    CHECK(ValueOf("He worked from 10:30 to 3 on 1/1/2015.", "2021-08-02", "10:30 to 3 on 1/1/2015") ==
          "2015-01-01T10:30/2015-01-01T15:00");
  }
  TEST_CASE("years in words, durations of several parts") {
    CHECK(ValueOf("He was born on 13 Sept nineteen seventy two.", "2021-08-02", "13 Sept nineteen seventy two") ==
          "1972-09-13");
    CHECK(ValueOf("It opened in August two thousand and fifteen.", "2021-08-02", "August two thousand and fifteen") ==
          "2015-08");
    CHECK(ValueOf("The talks lasted 2 hours and 30 minutes.", "2021-08-02", "2 hours and 30 minutes") == "PT2H30M");
    CHECK(ValueOf("It took one and a half hours.", "2021-08-02", "one and a half hours") == "PT1.5H");
    CHECK(ValueOf("They left two and a half years ago.", "2021-08-02", "two and a half years") == "P2.5Y");
  }
  TEST_CASE("day intervals, first N days, ranges to now") {
    CHECK(ValueOf("Talks ran from 3 to 5 March 2020.", "2021-08-02", "3 to 5 March 2020") == "2020-03-03/2020-03-05");
    CHECK(ValueOf("Exports fell in the first ten days of last year.", "2021-08-02", "the first ten days of last year") ==
          "2020-01-01/2020-01-10");
    CHECK(ValueOf("Prices rose from March to date.", "2021-08-02", "from March to date") == "2021-03/2021-08-02");
  }
  TEST_CASE("no false times in briefing phrases") {
    Analysis a = Run("He won a second term. Iron Dome got a quarter of a billion dollars. Hold on a second.",
                     "2021-08-02");
    CHECK(a.times.empty());
    CHECK(ValueOf("It is out of hand with this march.", "2021-08-02", "this march").starts_with("<none"));
    CHECK(Run("The ssn is 123-12-1234, call 555-1212.", "2021-08-02").times.empty());
    CHECK(ValueOf("Sales will be semi-annually reviewed.", "2021-08-02", "semi-annually") == "P0.5Y");
  }
}

TEST_SUITE("times_windows") {
  // The stage reads long documents in windows of whole sentences; no time is
  // lost or cut at a window boundary, and the narrative date carries over.
  TEST_CASE("a document longer than one window keeps every time") {
    std::string text;
    const int sentences = 12000;  // 7 tokens each: about 84,000 tokens
    for (int i = 0; i < sentences; ++i) text += "We met on March 5, 2020 there. ";
    text += "Two days later we left.";
    Analysis a = Run(text, "2021-08-02");
    REQUIRE(a.times.size() == static_cast<size_t>(sentences) + 1);
    for (int i = 0; i < sentences; ++i) CHECK(a.times[static_cast<size_t>(i)].value == "2020-03-05");
    CHECK(a.times.back().value == "2020-03-07");
  }
}

TEST_SUITE("times_starts") {
  // Core tries a rule only where its first atom can start it (Atom::starts):
  // every way into the rules still parses.
  TEST_CASE("rules reached through 'the', 'in', number words and modifiers") {
    CHECK(ValueOf("The talks resume in two weeks.", "2021-08-02", "in two weeks") == "2021-08-16");
    CHECK(ValueOf("A deal is due within a month.", "2021-08-02", "a month") == "P1M");
    CHECK(ValueOf("They met in the morning.", "2021-08-02", "in the morning") == "TMO");
    CHECK(ValueOf("She left a year ago.", "2021-08-02", "a year ago") == "2020");
    CHECK(ValueOf("Shops close the weekend of Labor Day.", "2021-08-02", "the weekend of Labor Day") == "2021-W35-WE");
    CHECK(ValueOf("The year 2020 was hard.", "2021-08-02", "The year 2020") == "2020");
    CHECK(ValueOf("They arrive the day after tomorrow.", "2021-08-02", "the day after tomorrow") == "2021-08-04");
    CHECK(ValueOf("He called the next day.", "2021-08-02", "the next day") == "2021-08-03");
    CHECK(ValueOf("The talks lasted half an hour.", "2021-08-02", "half an hour") == "PT0.5H");
    CHECK(ValueOf("It opened on Sept. 5 in Rome.", "2021-08-02", "Sept. 5") == "2020-09-05");
    CHECK(ValueOf("We spoke on twenty five January nineteen eighty six.", "2021-08-02",
                  "twenty five January nineteen eighty six") == "1986-01-25");
    CHECK(ValueOf("He was born on the twenty-first of May.", "2021-08-02", "the twenty-first of May") == "2021-05-21");
    CHECK(ValueOf("They meet twice a year and every other week.", "2021-08-02", "every other week") == "P2W");
    CHECK(ValueOf("Output grew over 1,000,000 hours.", "2021-08-02", "over 1,000,000 hours") == "PT1000000H");
    CHECK(ValueOf("Leaders met at 10:30 a.m. after the S-400 deal.", "2021-08-02", "10:30 a.m.") == "T10:30");
  }
  TEST_CASE("a number starts a time only before a word the rules read there") {
    const char* date = "2021-05-20";
    CHECK(ValueOf("The talks lasted 3 and a half years in all.", date, "3 and a half years") == "P3.5Y");
    CHECK(ValueOf("They signed a 5-year deal.", date, "5-year") == "P5Y");
    CHECK(ValueOf("It opened on 5 of May in Paris.", date, "5 of May") == "2021-05-05");
    CHECK(ValueOf("Music of the 90 s returned.", date, "90 s") == "199");
    CHECK(ValueOf("They meet 3 times a year now.", date, "3 times a year") == "P1Y");
    CHECK(ValueOf("The vote ran 3 until 5 p.m. on site.", date, "3 until 5 p.m.") == "T15:00/T17:00");
    CHECK(ValueOf("We met at 10 minutes past 9 today.", date, "10 minutes past 9 today") == "2021-05-20T09:10");
    CHECK(ValueOf("The team met 5 p . m . yesterday.", date, "5 p . m . yesterday") == "2021-05-19T17:00");
    CHECK(ValueOf("He left 4 o'clock sharp.", date, "4 o'clock") == "T04:00");
    CHECK(ValueOf("It was on the 18th at noon.", date, "the 18th at noon") == "2021-05-18T12:00");
    CHECK(Run("Some 12 countries and 300 troops joined 1.5 percent of 2,000 people.", date).times.empty());
  }
  TEST_CASE("phrases and holidays of several words") {
    CHECK(ValueOf("Prices will rise in the near future.", "2021-08-02", "in the near future") == "FUTURE_REF");
    CHECK(ValueOf("The summit is on Good Friday.", "2021-08-02", "Good Friday") == "2021-04-02");
    CHECK(ValueOf("They marked International Women's Day.", "2021-08-02", "International Women's Day") ==
          "2021-03-08");
    CHECK(ValueOf("Nothing happened on New Year's Eve.", "2021-08-02", "New Year's Eve") == "2020-12-31");
    CHECK(Run("The new government met the united opposition. Troops in the region moved at the border.",
              "2021-08-02").times.empty());
  }
}
