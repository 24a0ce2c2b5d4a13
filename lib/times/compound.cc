// The time grammar, part three: compound expressions built from the simpler
// rules of grammar.cc and relative.cc: clock ranges ("from 3 to 5 p.m.",
// "between 9:30 and 11"), a day with a clock time or range ("tomorrow at 3
// p.m.", "Monday from 10am to 12pm"), numeric dates split by the tokenizer
// ("10-1-2018", "2015-12"), days of the month ("the 18th", "Friday the
// 26th"), holidays (time_phrases.tsv) and offsets from a day ("three days
// after Christmas").
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "times/grammar.h"

namespace communique::internal::times {
namespace {

bool Meridiem(std::string_view n, bool* pm) {
  if (n == "a.m." || n == "am" || n == "a.m") { *pm = false; return true; }
  if (n == "p.m." || n == "pm" || n == "p.m") { *pm = true; return true; }
  return false;
}

// Afternoon, evening and night move a bare hour to the afternoon clock.
bool LatePart(std::string_view pod) { return pod == "AF" || pod == "EV" || pod == "NI"; }

CivilDate Make(int y, int m, int d) {
  return {static_cast<int32_t>(y), static_cast<uint8_t>(m), static_cast<uint8_t>(d)};
}

}  // namespace

// Easter Sunday of the Gregorian calendar (anonymous Gregorian computus,
// Meeus/Jones/Butcher).
CivilDate Easter(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Make(y, month, day);
}

bool HolidayDate(const Holiday& h, int y, CivilDate* out) {
  CivilDate d;
  if (h.kind == Holiday::kFixed) {
    if (!ValidDate(y, h.month, h.day)) return false;
    d = Make(y, h.month, h.day);
  } else if (h.kind == Holiday::kEaster) {
    d = Easter(y);
  } else {  // the n-th (or last, n = -1) weekday of a month
    if (h.nth > 0) {
      CivilDate first = Make(y, h.month, 1);
      int shift = ((h.weekday - Weekday(first)) % 7 + 7) % 7;
      d = AddDays(first, shift + 7 * (h.nth - 1));
    } else {
      CivilDate last = AddDays(AddMonths(Make(y, h.month, 1), 1), -1);
      int shift = ((Weekday(last) - h.weekday) % 7 + 7) % 7;
      d = AddDays(last, -shift);
    }
  }
  *out = AddDays(d, h.offset);
  return true;
}

// A clock reading: 10:30, 3 p.m., 9am, or (bare_ok) a bare hour 0-24.
size_t Grammar::Clock(size_t i, Point* p, bool* meridiem, bool bare_ok, size_t* time_of_day) const {
  if (i >= at_.size()) {
    if (time_of_day) *time_of_day = 0;
    return 0;
  }
  *meridiem = false;
  const size_t end = TimeOfDay(i, p);
  if (time_of_day) *time_of_day = end;
  if (end) {
    bool pm;
    *meridiem = at_[i].has_meridiem || (end > i + 1 && Meridiem(Text(at_[i + 1]), &pm));
    return end;
  }
  const Atom& a = at_[i];
  if (a.kind == AtomKind::kTimeLit && a.mm() == kUnknown && !a.has_meridiem && bare_ok) {
    p->hour = a.hh(); p->minute = 0;
    return i + 1;
  }
  if (!bare_ok || a.kind != AtomKind::kNumber || a.digits() < 1 || a.digits() > 2 || a.separators || a.ordinal() ||
      a.number() > 24)
    return 0;
  if (i + 1 < at_.size() && at_[i + 1].glued && at_[i + 1].kind == AtomKind::kWord) return 0;
  p->hour = IntOf(a.number());
  p->minute = 0;
  return i + 1;
}

// [from|between] CLOCK (to|-|until|and) CLOCK. A range of two bare hours
// ("between 3 and 8") is weak: a time only next to a day.
size_t Grammar::ClockRange(size_t i, Point* a, Point* b, bool* strong, size_t* time_of_day) const {
  size_t j = i;
  bool between = i > 0 && Is(i - 1, "between"), from = i > 0 && Is(i - 1, "from");
  if (Is(j, "from")) { from = true; ++j; }
  else if (Is(j, "between")) { between = true; ++j; }
  if (!Ok(j, i)) return 0;
  bool m1 = false, m2 = false;
  size_t k = Clock(j, a, &m1, true, j == i ? time_of_day : nullptr);
  if (!k || !Ok(k, i)) return 0;
  if (!(Is(k, "-") || Is(k, "–") || Is(k, "to") || Is(k, "until") || Is(k, "till") ||
        ((between || from) && Is(k, "and"))))
    return 0;
  if (Is(k, "and") && !between) return 0;
  ++k;
  if (!Ok(k, i)) return 0;
  size_t end = Clock(k, b, &m2, true);
  if (!end) return 0;
  bool minutes = at_[j].kind == AtomKind::kTimeLit || at_[k].kind == AtomKind::kTimeLit;
  *strong = m1 || m2 || (minutes && (from || between));
  // 2 to 4 pm: both afternoon; 10:30 to 3: the end after the start
  if (!m1 && m2 && b->hour >= 12 && a->hour < 12 &&
      (a->hour + 12) * 60 + std::max(a->minute, 0) <= b->hour * 60 + std::max(b->minute, 0))
    a->hour += 12;
  if (!m2 && b->hour < 12 && a->hour < 24 &&
      b->hour * 60 + std::max(b->minute, 0) < a->hour * 60 + std::max(a->minute, 0) && b->hour + 12 > a->hour)
    b->hour += 12;
  if (Ok(end, i) && Word(end) && !Word(end)->timezone.empty()) ++end;
  return end;
}

// A clock time or range after a day: ", at 3 p.m.", " from 10am to 12pm",
// " 6-8", " around 3". Fills the point's hour and the expression's end of range.
size_t Grammar::DayClock(size_t k, Expr* e) const {
  if (Is(k, ",")) ++k;
  bool at = false;
  if (Is(k, "at") || Is(k, "around") || Is(k, "by") || Is(k, "on")) { at = true; ++k; }
  else if (Is(k, "before") || Is(k, "after")) ++k;  // Thursday before 5pm: a meridiem is needed
  if (!Ok(k, e->first) || !(at_[k].starts & kStartClock)) return 0;  // no clock (range) starts at k
  Point a, b;
  bool strong = false;
  std::string_view pod = e->point.part_of_day;
  if (size_t end = ClockRange(k, &a, &b, &strong)) {
    if (!strong && Ok(end, e->first) && at_[end].kind != AtomKind::kPunct) return 0;  // "Monday 2-1 win"
    if (LatePart(pod) && a.hour < 12 && b.hour <= 12 && (pod != "NI" || a.hour >= 5)) {
      a.hour += 12;
      if (b.hour < 12) b.hour += 12;
    }
    e->point.hour = a.hour; e->point.minute = a.minute;
    e->has_until = true;
    e->until_hour = b.hour; e->until_minute = b.minute;
    return end;
  }
  bool meridiem = false;
  if (size_t end = Clock(k, &a, &meridiem, at)) {
    // Tuesday by 2 in the afternoon
    if (Is(end, "in") && Is(end + 1, "the") && Ok(end + 2, e->first) && Word(end + 2) &&
        Word(end + 2)->part_of_day.size() == 2) {
      pod = Word(end + 2)->part_of_day;
      end += 3;
    }
    if (!meridiem && LatePart(pod) && a.hour < 12 && (pod != "NI" || a.hour >= 5)) a.hour += 12;
    e->point.hour = a.hour; e->point.minute = a.minute; e->point.second = a.second;
    if (Ok(end, e->first) && Word(end) && !Word(end)->timezone.empty()) ++end;
    return end;
  }
  return 0;
}

// A day after a clock time: "tomorrow", "yesterday afternoon", "on 1/1/2015",
// "Monday morning", "next Monday", "December 27th".
size_t Grammar::DayAfterClock(size_t k, Expr* e) const {
  using Rule = size_t (Grammar::*)(size_t, Expr*) const;
  static const Rule kDays[] = {&Grammar::Deictic, &Grammar::Relative, &Grammar::Weekday, &Grammar::MonthFirst,
                               &Grammar::DayFirst, &Grammar::DateLit, &Grammar::NumericDate};
  size_t best = 0;
  for (Rule r : kDays) {
    Expr x;
    x.first = k;
    size_t end = (this->*r)(k, &x);
    if (end <= best || !x.value.empty() || x.point.hour != kUnknown) continue;
    if (x.point.gran != Gran::kDay && x.point.gran != Gran::kWeekday) continue;
    if (x.point.gran == Gran::kDay && x.point.day == kUnknown) continue;
    if (end < at_.size() && Ok(end, k) && Word(end) && Word(end)->part_of_day.size() == 2 && x.point.part_of_day.empty()) {
      x.point.part_of_day = Word(end)->part_of_day;
      ++end;
    }
    best = end;
    *e = std::move(x);
  }
  if (best) {
    e->first = k;
    e->last = best;
    Anchor(e);
  }
  return best;
}

// Two to four glued numbers: 2015-12, 12-2015, 10-1-2018, 2018-10-01 when the
// tokenizer split them at the hyphens. "2009-10" is a span of years, not a month.
size_t Grammar::NumericDate(size_t i, Expr* e) const {
  const Atom& a = at_[i];
  if (a.kind != AtomKind::kNumber || a.separators || a.ordinal()) return 0;
  if (i > 0 && a.glued && (at_[i - 1].kind == AtomKind::kWord || at_[i - 1].kind == AtomKind::kNumber)) return 0;
  if (i > 0 && a.glued && at_[i - 1].kind == AtomKind::kPunct && i >= 2 && at_[i - 2].kind == AtomKind::kNumber &&
      at_[i - 1].glued)
    return 0;  // the middle of a chain: 123-12-1234, 555-1212
  int n[3] = {0, 0, 0}, digits[3] = {a.digits(), 0, 0};
  n[0] = IntOf(a.number());
  size_t count = 1, j = i + 1;
  std::string_view sep;
  while (count < 3 && j + 1 < at_.size() && at_[j].glued && at_[j + 1].glued && at_[j + 1].kind == AtomKind::kNumber &&
         !at_[j + 1].separators && !at_[j + 1].ordinal() && (Text(at_[j]) == "-" || Text(at_[j]) == "/") &&
         (sep.empty() || sep == Text(at_[j]))) {
    sep = Text(at_[j]);
    n[count] = IntOf(at_[j + 1].number());
    digits[count] = at_[j + 1].digits();
    ++count;
    j += 2;
  }
  if (count < 2) return 0;
  Point& p = e->point;
  if (count == 3) {
    if (digits[0] == 4 && n[1] >= 1 && n[1] <= 12 && ValidDate(n[0], n[1], n[2])) {
      p.year = n[0]; p.month = n[1]; p.day = n[2];
    } else if (digits[2] == 4 && digits[0] <= 2 && digits[1] <= 2) {
      int m = n[0] > 12 ? n[1] : n[0], d = n[0] > 12 ? n[0] : n[1];  // month first (US) unless impossible
      if (!ValidDate(n[2], m, d)) return 0;
      p.year = n[2]; p.month = m; p.day = d;
    } else {
      return 0;
    }
    p.gran = Gran::kDay;
    return j;
  }
  if (digits[0] == 4 && digits[1] <= 2 && n[1] >= 1 && n[1] <= 12 && n[0] >= 1800 && n[0] <= 2199) {
    if (digits[1] == 2 && n[1] == (n[0] + 1) % 100) return 0;  // 2009-10, 2011-12: two years
    p.year = n[0]; p.month = n[1];
  } else if (digits[1] == 4 && digits[0] <= 2 && n[0] >= 1 && n[0] <= 12 && n[1] >= 1800 && n[1] <= 2199) {
    p.year = n[1]; p.month = n[0];
  } else {
    return 0;
  }
  p.gran = Gran::kMonth;
  return j;
}

// The 18th, on the 29th, Friday the 26th, Sunday 31, the 15th day of next
// month: a day of a month the text does not name.
size_t Grammar::MonthDay(size_t i, Expr* e) const {
  size_t j = i;
  int wd = 0;
  if (const WordInfo* w = Word(j); w && (w->weekday || (w->weekday_abbr && at_[j].capitalized))) {
    wd = w->weekday ? w->weekday : w->weekday_abbr;
    ++j;
    if (Is(j, ",")) ++j;
  }
  bool the = Is(j, "the");
  if (the) ++j;
  if (!Ok(j, i)) return 0;
  int day = DayNumber(j);
  if (!day) return 0;
  bool ordinal = at_[j].ordinal() || (at_[j].word() && at_[j].word()->ordinal) || at_[j].kind == AtomKind::kWord;
  if (!ordinal && !(wd && !the)) return 0;
  if (!ordinal && ClockFollows(j + 1)) return 0;  // Thursday 1 pm, Monday 8-9am: a clock
  size_t k = j + 1;
  if (at_[j].word() && (at_[j].word()->number == 20 || at_[j].word()->number == 30)) k = Is(j + 1, "-") ? j + 3 : j + 2;
  if (Ok(k, i) && (MonthAt(k) || (Is(k, "of") && MonthAt(k + 1)))) return 0;  // DayFirst
  if (Ok(k, i) && Word(k) && !Word(k)->unit.empty() && !Is(k, "day")) return 0;  // the 21st century
  // an explicit month: the 15th [day] of next month / of the month
  size_t m = Is(k, "day") ? k + 1 : k;
  if (Is(m, "of") && Ok(m + 1, i)) {
    Expr month;
    month.first = m + 1;
    size_t end = 0;
    if (Is(m + 1, "the") && Is(m + 2, "month") && dct_) {
      month.point = Containing(*dct_, Gran::kMonth);
      end = m + 3;
    } else if (Relative(m + 1, &month) && month.point.gran == Gran::kMonth && month.point.year != kUnknown) {
      end = Relative(m + 1, &month);
    }
    if (end && ValidDate(month.point.year, month.point.month, day)) {
      e->point = DayPoint(Make(month.point.year, month.point.month, day));
      e->anchored = true;
      return end;
    }
  }
  if (!wd) {
    // "the 18th" alone: only where a day is expected, not "the 18th amendment"
    std::string_view p = i > 0 ? Text(at_[i - 1]) : std::string_view();
    bool prep = p == "on" || p == "by" || p == "until" || p == "till" || p == "since" || p == "before" ||
                p == "after" || p == "from" || p == "of";
    bool closed = !Ok(k, i) || at_[k].kind == AtomKind::kPunct || Is(k, "at") || Is(k, "and") || Is(k, "to");
    if (!(prep && (the || at_[j].ordinal()) && closed)) return 0;
  }
  e->point.gran = Gran::kDay;
  e->point.day = day;
  if (!dct_) {
    if (wd) { e->point.gran = Gran::kWeekday; e->point.weekday = wd; e->point.day = kUnknown; }
    return k;
  }
  // the nearest month (before or after the document date, as the tense says)
  // in which the day exists and falls on the weekday
  int tense = Tense(i, k);
  CivilDate base = Make(dct_->year, dct_->month, 1);
  long best = 1L << 30;
  CivilDate found{};
  for (int off = -12; off <= 12; ++off) {
    CivilDate first = AddMonths(base, off);
    if (!ValidDate(first.year, first.month, day)) continue;
    CivilDate d = Make(first.year, first.month, day);
    if (wd && times::Weekday(d) != wd) continue;
    long diff = DaysBetween(*dct_, d);
    if ((tense < 0 && diff > 0) || (tense > 0 && diff < 0)) continue;
    if (std::labs(diff) < best) { best = std::labs(diff); found = d; }
  }
  if (best == (1L << 30)) return 0;
  e->point = DayPoint(found);
  e->anchored = true;
  return k;
}

// [the weekend of] HOLIDAY [weekend]: the weekend the holiday belongs to
// (Labor Day weekend: Saturday to Monday; Thanksgiving weekend: the one after).
size_t Grammar::HolidayAt(size_t i, Expr* e) const {
  size_t k = i;
  bool weekend = false;
  if (Is(k, "the") && Is(k + 1, "weekend") && Is(k + 2, "of")) { k += 3; weekend = true; }
  else if (Is(k, "weekend") && Is(k + 1, "of")) { k += 2; weekend = true; }
  if (!Ok(k, i)) return 0;
  size_t end = HolidayDay(k, e);
  if (!end) return 0;
  if (!weekend && Is(end, "weekend") && Ok(end, i)) { weekend = true; ++end; }
  if (!weekend) return end;
  const Point& p = e->point;
  if (p.gran != Gran::kDay || p.year == kUnknown || p.month == kUnknown || p.day == kUnknown) return 0;
  CivilDate d = Make(p.year, p.month, p.day);
  int wd = times::Weekday(d);
  if (wd == 2 || wd == 3) return 0;  // a Tuesday or Wednesday holiday has no weekend of its own
  CivilDate saturday = wd == 1 ? AddDays(d, -2) : wd == 7 ? AddDays(d, -1) : AddDays(d, 6 - wd);
  e->point = Containing(saturday, Gran::kWeekend);
  return end;
}

// [last|next|this] HOLIDAY [[of|,] YEAR | of this year]
size_t Grammar::HolidayDay(size_t i, Expr* e) const {
  size_t j = i;
  int rel = -9;
  if (const WordInfo* r = Word(j); r && r->relative != -9 && !Is(j, "same")) { rel = r->relative; ++j; }
  if (!Ok(j, i) || !(at_[j].flags & kHolidayStart)) return 0;
  const Holiday* h = nullptr;
  size_t end = 0;
  JoinedWords joined;
  // whether atom j + n can be word n of a holiday
  auto can_add = [&](size_t n) {
    return n < lex_.max_holiday_words() && Ok(j + n, i) && (n == 0 || Lexicon::MayContinue(at_[j + n], Text(at_[j + n])));
  };
  for (size_t n = 0; can_add(n) && joined.Add(Text(at_[j + n])); ++n) {
    if (const Holiday* x = lex_.FindHoliday(joined.view())) { h = x; end = j + n + 1; }
    if (!can_add(n + 1) || !lex_.Continues(joined.view())) break;  // the table lookup last
  }
  if (!h) return 0;
  size_t y = end;
  if (Is(y, ",") || Is(y, "of") || Is(y, "in")) ++y;
  int year = Ok(y, i) ? YearNumber(y, true) : kUnknown;
  if (year != kUnknown) {
    end = y + 1;
  } else if (Is(end, "of") && Is(end + 1, "this") && Is(end + 2, "year") && dct_) {
    year = dct_->year;
    end += 3;
  }
  CivilDate d;
  if (year != kUnknown) {
    if (!HolidayDate(*h, year, &d)) return 0;
    e->point = DayPoint(d);
    return end;
  }
  if (!dct_) {
    e->point.gran = Gran::kDay;
    if (h->kind == Holiday::kFixed && h->offset == 0) { e->point.month = h->month; e->point.day = h->day; }
    return end;
  }
  int tense = rel != -9 ? rel : Tense(i, end);
  if (rel == 0) tense = 0;
  long best = 1L << 30;
  for (int yy = dct_->year - 1; yy <= dct_->year + 1; ++yy) {
    CivilDate c;
    if (!HolidayDate(*h, yy, &c)) continue;
    long diff = DaysBetween(*dct_, c);
    if ((tense < 0 && diff >= 0) || (tense > 0 && diff <= 0)) continue;
    if (rel == 0 && yy != dct_->year) continue;
    if (std::labs(diff) < best) { best = std::labs(diff); d = c; }
  }
  if (best == (1L << 30)) return 0;
  e->point = DayPoint(d);
  e->anchored = true;
  return end;
}

// N units after|before|from DAY: "three days after Christmas", "4 months from tomorrow".
size_t Grammar::OffsetFrom(size_t i, Expr* e) const {
  Expr d;
  std::string unit;
  double amount = 0;
  size_t end = Duration(i, &d, &unit, &amount);
  if (!end || amount < 1 || amount > 1000 || !(Is(end, "after") || Is(end, "before") || Is(end, "from")) ||
      !Ok(end + 1, i))
    return 0;
  if (Is(end, "from") && (Is(end + 1, "now") || Is(end + 1, "today"))) return 0;  // Offset
  Expr anchor;
  anchor.first = end + 1;
  size_t stop = Core(end + 1, &anchor);
  if (!stop || !anchor.value.empty()) return 0;
  anchor.last = stop;
  Anchor(&anchor);
  const Point& p = anchor.point;
  if (p.gran != Gran::kDay || p.year == kUnknown || p.month == kUnknown || p.day == kUnknown) return 0;
  int n = static_cast<int>(amount) * (Is(end, "before") ? -1 : 1);
  CivilDate base = Make(p.year, p.month, p.day), shifted;
  if (unit == "D") shifted = AddDays(base, n);
  else if (unit == "W") shifted = AddDays(base, 7 * n);
  else if (unit == "M") shifted = AddMonths(base, n);
  else if (unit == "Y") shifted = AddMonths(base, 12 * n);
  else return 0;
  e->point = DayPoint(shifted);
  e->anchored = anchor.anchored;
  return stop;
}

// The Monday..Sunday of a week expression: "next week Monday", "Tuesday of
// next week". Returns false when the week has no known year.
bool Grammar::DayOfWeek(const Point& week, int weekday, Point* out) const {
  CivilDate b, e;
  if (week.gran != Gran::kWeek || !Range(week, &b, &e)) return false;
  *out = DayPoint(AddDays(b, weekday - 1));
  return true;
}

// Two days of one month: "3 to 5 March", "between 3 and 12 of Sept",
// "9-12 June 2019", "between ninth and seventeenth of april".
size_t Grammar::DayRange(size_t i, Expr* e) const {
  auto day_end = [&](size_t k) {
    return at_[k].word() && (at_[k].word()->number == 20 || at_[k].word()->number == 30) ? (Is(k + 1, "-") ? k + 3 : k + 2)
                                                                                  : k + 1;
  };
  int d1 = DayNumber(i);
  if (!d1) return 0;
  size_t k = day_end(i);
  bool between = i > 0 && Is(i - 1, "between");
  if (!(Is(k, "-") || Is(k, "–") || Is(k, "to") || Is(k, "until") || Is(k, "till") || Is(k, "through") ||
        (between && Is(k, "and"))))
    return 0;
  ++k;
  if (Is(k, "the")) ++k;
  if (!Ok(k, i)) return 0;
  int d2 = DayNumber(k);
  if (!d2 || d2 <= d1) return 0;
  size_t m = day_end(k);
  bool of = Is(m, "of");
  if (of) ++m;
  int month = Ok(m, i) ? MonthAt(m) : 0;
  if (!month && of && Ok(m, i) && Word(m) && Word(m)->month) month = Word(m)->month;
  if (!month) return 0;
  size_t end = m + 1, y = m + 1, yend = 0;
  if (Is(y, ",") || Is(y, "of")) ++y;
  Point a;
  a.gran = Gran::kDay;
  a.month = month;
  a.day = d1;
  if (int year = YearAt(y, i, &yend); year != kUnknown) { a.year = year; end = yend; }
  Expr x;
  x.first = i;
  x.last = end;
  x.point = a;
  Anchor(&x);
  if (x.point.year != kUnknown && (!ValidDate(x.point.year, month, d1) || !ValidDate(x.point.year, month, d2)))
    return 0;
  Point b = x.point;
  b.day = d2;
  e->point = x.point;
  e->anchored = x.anchored;
  e->value = Timex(x.point) + "/" + Timex(b);
  CivilDate rb, re, unused;
  if (Range(x.point, &rb, &unused) && Range(b, &unused, &re)) {
    e->has_range = true;
    e->range_begin = rb;
    e->range_end = re;
  }
  return end;
}

// A clock time and a length of hours: "from 10 am for 3 hours 30 minutes",
// "for 2.5 hours from 9": the clock range they span (on the clock's day).
size_t Grammar::ClockFor(size_t j, size_t end, Expr* e) const {
  auto minutes = [&](size_t k, size_t* stop) {
    Expr d;
    std::string unit;
    double amount = 0;
    DurParts dp;
    *stop = Ok(k, j) ? Duration(k, &d, &unit, &amount, &dp) : 0;
    if (!*stop || amount <= 0) return -1.0;
    double total = 0;
    for (int p = 0; p < dp.n; ++p) {
      if (dp.unit[p] == "H") total += 60 * dp.amount[p];
      else if (dp.unit[p] == "MIN") total += dp.amount[p];
      else return -1.0;
    }
    return total;
  };
  size_t stop = 0;
  if (e->type == TimeType::kTime && e->value.empty() && e->point.hour != kUnknown && !e->has_until &&
      Is(end, "for")) {
    double m = minutes(end + 1, &stop);
    int until = e->point.hour * 60 + std::max(e->point.minute, 0) + static_cast<int>(std::lround(m));
    if (m <= 0 || until > 24 * 60) return end;
    e->has_until = true;
    e->until_hour = until / 60;
    e->until_minute = until % 60;
    return stop;
  }
  if (e->type == TimeType::kDuration && Is(end, "from") && Ok(end + 1, j)) {
    Point p;
    bool meridiem = false;
    size_t cend = Clock(end + 1, &p, &meridiem, true);
    double m = minutes(j, &stop);
    if (!cend || m <= 0 || stop != end) return end;
    int until = p.hour * 60 + std::max(p.minute, 0) + static_cast<int>(std::lround(m));
    if (until > 24 * 60) return end;
    *e = Expr();
    e->first = j;
    e->type = TimeType::kTime;
    e->point.gran = Gran::kTime;
    e->point.hour = p.hour;
    e->point.minute = std::max(p.minute, 0);
    e->has_until = true;
    e->until_hour = until / 60;
    e->until_minute = until % 60;
    return cend;
  }
  return end;
}

}  // namespace communique::internal::times
