// Internal: calendar points and periods of the times stage, their TIMEX3
// values and calendar ranges, and date arithmetic on std::chrono.
#ifndef COMMUNIQUE_LIB_TIMES_CALENDAR_H_
#define COMMUNIQUE_LIB_TIMES_CALENDAR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "communique/document.h"

namespace communique::internal::times {

constexpr int kUnknown = -999999;

/// Granularity of a calendar point.
enum class Gran : uint8_t {
  kNone, kMillennium, kCentury, kDecade, kYear, kHalf, kQuarter, kSeason, kMonth, kWeek,
  kWeekend, kDay, kWeekday, kTime,
};

/// A calendar point or period; unknown fields are kUnknown.
struct Point {
  Gran gran = Gran::kNone;
  int year = kUnknown;     ///< for kCentury: the century number (20 = 2000s); kDecade: 199
  int sub = kUnknown;      ///< half 1-2, quarter 1-4, season 0-3 (SP SU FA WI), ISO week
  int month = kUnknown;
  int day = kUnknown;
  int weekday = kUnknown;  ///< 1 = Monday .. 7 = Sunday, for kWeekday
  int hour = kUnknown, minute = kUnknown, second = kUnknown;
  std::string_view part_of_day;  ///< MO AF EV NI, for a day's part (kDay/kWeekday) or kTime: a lexicon string or a literal
  bool fiscal = false;      ///< FY2021
  bool month_week = false;  ///< week `sub` of `month` (XXXX-07-W05)
};

/// TIMEX3 value: 2021-08-02, 2021-H1, 199, 20, XXXX-09-25, XXXX-WXX-5, 2021-08-02T15:00.
std::string Timex(const Point& p);

/// Calendar range [begin, end) of a point whose year is known; false otherwise.
bool Range(const Point& p, CivilDate* begin, CivilDate* end);

/// Day arithmetic on real calendars.
CivilDate AddDays(const CivilDate& d, int days);
CivilDate AddMonths(const CivilDate& d, int months);  ///< clamps the day to the month's end
int Weekday(const CivilDate& d);                      ///< 1 = Monday .. 7 = Sunday
int IsoWeek(const CivilDate& d, int* iso_year);
bool ValidDate(int y, int m, int d);
long DaysBetween(const CivilDate& a, const CivilDate& b);  ///< b - a

/// The day point of a CivilDate.
Point DayPoint(const CivilDate& d);

/// Shifts a point of granularity year, half, quarter, month, week or day by
/// n units of its own granularity (needs a known year).
Point Shift(const Point& p, int n);

/// The point of granularity g that contains day d.
Point Containing(const CivilDate& d, Gran g);

}  // namespace communique::internal::times

#endif  // COMMUNIQUE_LIB_TIMES_CALENDAR_H_
