#include "times/calendar.h"

#include <chrono>
#include <cstdio>

namespace communique::internal::times {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

sys_days ToSys(const CivilDate& d) {
  return sys_days(std::chrono::year{d.year} / std::chrono::month{d.month} / std::chrono::day{d.day});
}

CivilDate FromSys(sys_days s) {
  year_month_day ymd(s);
  return {static_cast<int32_t>(static_cast<int>(ymd.year())),
          static_cast<uint8_t>(static_cast<unsigned>(ymd.month())),
          static_cast<uint8_t>(static_cast<unsigned>(ymd.day()))};
}

CivilDate Make(int y, int m, int d) {
  return {static_cast<int32_t>(y), static_cast<uint8_t>(m), static_cast<uint8_t>(d)};
}

std::string Pad(int v, int width) {
  char buf[16];
  if (v >= 0 && width >= 0 && width <= 10) {  // the common case without snprintf: same digits
    char* end = buf + sizeof buf;
    char* p = end;
    do { *--p = static_cast<char>('0' + v % 10); v /= 10; } while (v > 0);
    while (end - p < width) *--p = '0';
    return std::string(p, end);
  }
  std::snprintf(buf, sizeof buf, "%0*d", width, v);
  return buf;
}

std::string YearText(const Point& p) { return p.year == kUnknown ? "XXXX" : Pad(p.year, 4); }

const char* const kSeasons[] = {"SP", "SU", "FA", "WI"};

// Monday of ISO week 1 of iso_year.
sys_days IsoWeekOneMonday(int iso_year) {
  sys_days jan4 = ToSys(Make(iso_year, 1, 4));
  int wd = Weekday(FromSys(jan4));
  return jan4 - days(wd - 1);
}

}  // namespace

bool ValidDate(int y, int m, int d) {
  if (y < -9999 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  return year_month_day(std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)} /
                        std::chrono::day{static_cast<unsigned>(d)}).ok();
}

CivilDate AddDays(const CivilDate& d, int n) { return FromSys(ToSys(d) + days(n)); }

CivilDate AddMonths(const CivilDate& d, int n) {
  year_month_day ymd(ToSys(d));
  auto ym = ymd.year() / ymd.month() + std::chrono::months(n);
  auto last = std::chrono::year_month_day_last(ym.year(), std::chrono::month_day_last(ym.month()));
  unsigned day = std::min(static_cast<unsigned>(ymd.day()), static_cast<unsigned>(last.day()));
  return FromSys(sys_days(ym.year() / ym.month() / std::chrono::day{day}));
}

int Weekday(const CivilDate& d) {
  unsigned wd = std::chrono::weekday(ToSys(d)).iso_encoding();
  return static_cast<int>(wd);
}

long DaysBetween(const CivilDate& a, const CivilDate& b) {
  return static_cast<long>((ToSys(b) - ToSys(a)).count());
}

int IsoWeek(const CivilDate& d, int* iso_year) {
  sys_days s = ToSys(d);
  CivilDate thursday = FromSys(s + days(4 - Weekday(d)));  // the week's Thursday decides the year
  *iso_year = thursday.year;
  return static_cast<int>((s - IsoWeekOneMonday(thursday.year)).count() / 7 + 1);
}

Point DayPoint(const CivilDate& d) {
  Point p;
  p.gran = Gran::kDay;
  p.year = d.year;
  p.month = d.month;
  p.day = d.day;
  return p;
}

Point Containing(const CivilDate& d, Gran g) {
  Point p;
  p.gran = g;
  p.year = d.year;
  switch (g) {
    case Gran::kCentury: p.year = d.year / 100; break;
    case Gran::kDecade: p.year = d.year / 10; break;
    case Gran::kHalf: p.sub = d.month <= 6 ? 1 : 2; break;
    case Gran::kQuarter: p.sub = (d.month - 1) / 3 + 1; break;
    case Gran::kMonth: p.month = d.month; break;
    case Gran::kWeek:
    case Gran::kWeekend: p.sub = IsoWeek(d, &p.year); break;
    case Gran::kDay: return DayPoint(d);
    default: break;
  }
  return p;
}

Point Shift(const Point& p, int n) {
  if (p.year == kUnknown || n == 0) return p;
  Point q = p;
  switch (p.gran) {
    case Gran::kCentury:
    case Gran::kDecade:
    case Gran::kYear: q.year += n; break;
    case Gran::kHalf: {
      int idx = p.year * 2 + (p.sub - 1) + n;
      q.year = idx / 2; q.sub = idx % 2 + 1;
      break;
    }
    case Gran::kQuarter: {
      int idx = p.year * 4 + (p.sub - 1) + n;
      q.year = idx / 4; q.sub = idx % 4 + 1;
      break;
    }
    case Gran::kSeason: q.year += n; break;
    case Gran::kMonth: {
      int idx = p.year * 12 + (p.month - 1) + n;
      q.year = idx / 12; q.month = idx % 12 + 1;
      break;
    }
    case Gran::kWeek:
    case Gran::kWeekend: {
      CivilDate monday = FromSys(IsoWeekOneMonday(p.year) + days(7 * (p.sub - 1 + n)));
      q.sub = IsoWeek(monday, &q.year);
      break;
    }
    case Gran::kDay:
    case Gran::kTime: {
      if (p.month == kUnknown || p.day == kUnknown) break;
      CivilDate d = AddDays(Make(p.year, p.month, p.day), n);
      q.year = d.year; q.month = d.month; q.day = d.day;
      break;
    }
    default: break;
  }
  return q;
}

namespace {

// Timex of the common points, a year, month, day or clock time whose fields
// have at most 4 (year) and 2 digits, written into a stack buffer: the text
// of the general code below, without its temporary strings. False for the
// other points.
bool CommonTimex(const Point& p, std::string* out) {
  const auto fits = [](int v, int max) { return v == kUnknown || (v >= 0 && v <= max); };
  if (!fits(p.year, 9999) || !fits(p.month, 99) || !fits(p.day, 99) || !fits(p.hour, 99) || !fits(p.minute, 99) ||
      !fits(p.second, 99) || p.part_of_day.size() > 8)
    return false;
  char buf[40];  // "FY" or "XXXX-XX-XXTxx:xx:xx", a part of day of at most 8 bytes
  char* w = buf;
  const auto put = [&w](std::string_view s) {
    for (char c : s) *w++ = c;
  };
  const auto num = [&w, &put](int v, int width, std::string_view unknown) {  // Pad(v, width) for v in range
    if (v == kUnknown) return put(unknown);
    for (int k = width - 1; k >= 0; --k, v /= 10) w[k] = static_cast<char>('0' + v % 10);
    w += width;
  };
  switch (p.gran) {
    case Gran::kYear:
      if (p.fiscal) put("FY");
      num(p.year, 4, "XXXX");
      break;
    case Gran::kMonth:
      num(p.year, 4, "XXXX");
      put("-");
      num(p.month, 2, "XX");
      break;
    case Gran::kDay:
    case Gran::kTime:
      if (p.month != kUnknown || p.day != kUnknown || p.year != kUnknown) {
        num(p.year, 4, "XXXX");
        put("-");
        num(p.month, 2, "XX");
        put("-");
        num(p.day, 2, "XX");
      }
      if (p.hour != kUnknown) {
        put("T");
        num(p.hour, 2, "");
        put(":");
        num(p.minute == kUnknown ? 0 : p.minute, 2, "");
        if (p.second != kUnknown) {
          put(":");
          num(p.second, 2, "");
        }
      } else if (!p.part_of_day.empty()) {
        put("T");
        put(p.part_of_day);
      }
      break;
    default:
      return false;
  }
  out->assign(buf, static_cast<size_t>(w - buf));
  return true;
}

}  // namespace

std::string Timex(const Point& p) {
  if (std::string s; CommonTimex(p, &s)) return s;
  switch (p.gran) {
    case Gran::kMillennium: return p.year == kUnknown ? "XX" : std::to_string(p.year);
    case Gran::kCentury: return p.year == kUnknown ? "XX" : Pad(p.year, 2);
    case Gran::kDecade: return p.year == kUnknown ? "XXX" : Pad(p.year, 3);
    case Gran::kYear: return (p.fiscal ? "FY" : "") + YearText(p);
    case Gran::kHalf: return YearText(p) + "-H" + std::to_string(p.sub);
    case Gran::kQuarter: return YearText(p) + "-Q" + std::to_string(p.sub);
    case Gran::kSeason: return YearText(p) + "-" + kSeasons[p.sub & 3];
    case Gran::kMonth: return YearText(p) + "-" + (p.month == kUnknown ? "XX" : Pad(p.month, 2));
    case Gran::kWeek:
    case Gran::kWeekend: {
      std::string s = YearText(p);
      if (p.month_week) s.append("-").append(p.month == kUnknown ? std::string("XX") : Pad(p.month, 2));
      s.append("-W").append(p.sub == kUnknown ? std::string("XX") : Pad(p.sub, 2));
      if (p.gran == Gran::kWeekend) s += "-WE";
      return s;
    }
    case Gran::kWeekday:
    case Gran::kDay:
    case Gran::kTime: {
      std::string s;
      if (p.gran == Gran::kWeekday) {
        s = "XXXX-WXX-";
        s.append(std::to_string(p.weekday));
      } else if (p.month != kUnknown || p.day != kUnknown || p.year != kUnknown) {
        s = YearText(p);
        s.append("-").append(p.month == kUnknown ? "XX" : Pad(p.month, 2));
        s.append("-").append(p.day == kUnknown ? "XX" : Pad(p.day, 2));
      }
      if (p.hour != kUnknown) {
        s.append("T").append(Pad(p.hour, 2)).append(":").append(Pad(p.minute == kUnknown ? 0 : p.minute, 2));
        if (p.second != kUnknown) s.append(":").append(Pad(p.second, 2));
      } else if (!p.part_of_day.empty()) {
        s.append("T").append(p.part_of_day);
      }
      return s;
    }
    default: return "";
  }
}

bool Range(const Point& p, CivilDate* b, CivilDate* e) {
  if (p.year == kUnknown || p.fiscal) return false;
  switch (p.gran) {
    case Gran::kMillennium: *b = Make(p.year * 1000, 1, 1); *e = Make(p.year * 1000 + 1000, 1, 1); return true;
    case Gran::kCentury: *b = Make(p.year * 100, 1, 1); *e = Make(p.year * 100 + 100, 1, 1); return true;
    case Gran::kDecade: *b = Make(p.year * 10, 1, 1); *e = Make(p.year * 10 + 10, 1, 1); return true;
    case Gran::kYear: *b = Make(p.year, 1, 1); *e = Make(p.year + 1, 1, 1); return true;
    case Gran::kHalf: *b = Make(p.year, p.sub == 1 ? 1 : 7, 1); *e = AddMonths(*b, 6); return true;
    case Gran::kQuarter: *b = Make(p.year, 3 * p.sub - 2, 1); *e = AddMonths(*b, 3); return true;
    case Gran::kSeason:  // meteorological seasons; winter runs December to February
      *b = Make(p.year, 3 + 3 * (p.sub & 3), 1);
      *e = AddMonths(*b, 3);
      return true;
    case Gran::kMonth:
      if (p.month == kUnknown) return false;
      *b = Make(p.year, p.month, 1); *e = AddMonths(*b, 1); return true;
    case Gran::kWeek:
    case Gran::kWeekend: {
      if (p.sub == kUnknown || p.month_week) return false;
      CivilDate monday = FromSys(IsoWeekOneMonday(p.year) + days(7 * (p.sub - 1)));
      *b = p.gran == Gran::kWeekend ? AddDays(monday, 5) : monday;
      *e = AddDays(monday, 7);
      return true;
    }
    case Gran::kDay:
    case Gran::kTime:
      if (p.month == kUnknown || p.day == kUnknown || !ValidDate(p.year, p.month, p.day)) return false;
      *b = Make(p.year, p.month, p.day); *e = AddDays(*b, 1); return true;
    default: return false;
  }
}

}  // namespace communique::internal::times
