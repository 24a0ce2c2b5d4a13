// TIMEX values of calendar points (lib/times/calendar.cc): the common points
// are written into a stack buffer, the others by the general code; both must
// give the same text at the edges between them.
#include <doctest/doctest.h>

#include <string>

#include "times/calendar.h"

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
