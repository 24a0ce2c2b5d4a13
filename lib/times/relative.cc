// The time grammar, part two: expressions relative to the document date
// (last year, yesterday, two days ago), durations, sets and general
// references. Without a document date, relative dates keep a relative
// value (UNDEF-REF-year-MINUS-1), as HeidelTime writes them.
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>

#include "times/grammar.h"

namespace communique::internal::times {
namespace {

Gran UnitGran(std::string_view u) {
  if (u == "Y") return Gran::kYear;
  if (u == "M") return Gran::kMonth;
  if (u == "W") return Gran::kWeek;
  if (u == "WE") return Gran::kWeekend;
  if (u == "D") return Gran::kDay;
  if (u == "Q") return Gran::kQuarter;
  if (u == "H") return Gran::kHalf;
  if (u == "DE") return Gran::kDecade;
  if (u == "CE") return Gran::kCentury;
  return Gran::kNone;
}

std::string UnitName(Gran g) {
  switch (g) {
    case Gran::kYear: return "year";
    case Gran::kMonth: return "month";
    case Gran::kWeek: case Gran::kWeekend: return "week";
    case Gran::kDay: return "day";
    case Gran::kQuarter: return "quarter";
    case Gran::kHalf: return "half";
    case Gran::kDecade: return "decade";
    case Gran::kCentury: return "century";
    default: return "unit";
  }
}

std::string Undef(Gran g, int n) {
  return "UNDEF-REF-" + UnitName(g) + (n < 0 ? "-MINUS-" : "-PLUS-") + std::to_string(n < 0 ? -n : n);
}

std::string Num(double v) {
  if (v < 0) return "X";
  // an integral value below 1e15 is exact: "%.0f" prints its digits ("-0" aside)
  if (v == std::floor(v) && v < 1e15 && !std::signbit(v)) return std::to_string(static_cast<long long>(v));
  char buf[32];
  if (v == std::floor(v)) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// TIMEX3 duration of n units ("P6M", "PT3H", "PXY" for a vague amount).
std::string DurationValue(std::string_view u, double n) {
  double f = 1;
  std::string code;
  bool clock = false;
  if (u == "S") { code = "S"; clock = true; }
  else if (u == "MIN") { code = "M"; clock = true; }
  else if (u == "H") { code = "H"; clock = true; }
  else if (u == "D" || u == "NI") code = "D";
  else if (u == "W") code = "W";
  else if (u == "FN") { code = "W"; f = 2; }
  else if (u == "M") code = "M";
  else if (u == "Q") { code = "M"; f = 3; }
  else if (u == "Y") code = "Y";
  else if (u == "DE") { code = "Y"; f = 10; }
  else if (u == "CE") { code = "Y"; f = 100; }
  else if (u == "MIL") { code = "Y"; f = 1000; }
  else if (u == "WE") code = "WE";
  else return "";
  return std::string(clock ? "PT" : "P") + Num(n < 0 ? n : n * f) + code;
}

// Units from the largest down, so that "2 years 1 month" is one duration.
int UnitRank(std::string_view u) {
  static constexpr std::string_view kOrder[] = {"MIL", "CE", "DE", "Y", "Q", "M", "FN", "W", "D", "H", "MIN", "S"};
  for (size_t k = 0; k < std::size(kOrder); ++k)
    if (u == kOrder[k]) return static_cast<int>(k);
  return 99;
}

// One TIMEX3 duration of several parts: P2Y1M21D, PT2H30M, P1DT5H.
std::string CombinedDuration(const DurParts& dp) {
  double y = 0, mo = 0, w = 0, d = 0, h = 0, mi = 0, sec = 0;
  for (int k = 0; k < dp.n; ++k) {
    std::string_view u = dp.unit[k];
    double a = dp.amount[k];
    if (u == "MIL") y += 1000 * a;
    else if (u == "CE") y += 100 * a;
    else if (u == "DE") y += 10 * a;
    else if (u == "Y") y += a;
    else if (u == "Q") mo += 3 * a;
    else if (u == "M") mo += a;
    else if (u == "FN") w += 2 * a;
    else if (u == "W") w += a;
    else if (u == "D" || u == "NI") d += a;
    else if (u == "H") h += a;
    else if (u == "MIN") mi += a;
    else if (u == "S") sec += a;
  }
  std::string v = "P";
  if (y != 0) v += Num(y) + "Y";
  if (mo != 0) v += Num(mo) + "M";
  if (w != 0) v += Num(w) + "W";
  if (d != 0) v += Num(d) + "D";
  if (h != 0 || mi != 0 || sec != 0) {
    v += "T";
    if (h != 0) v += Num(h) + "H";
    if (mi != 0) v += Num(mi) + "M";
    if (sec != 0) v += Num(sec) + "S";
  }
  return v;
}

CivilDate ShiftDays(const CivilDate& d, std::string_view u, int n) {
  if (u == "D" || u == "NI") return AddDays(d, n);
  if (u == "W") return AddDays(d, 7 * n);
  if (u == "FN") return AddDays(d, 14 * n);
  if (u == "M") return AddMonths(d, n);
  if (u == "Q") return AddMonths(d, 3 * n);
  if (u == "Y") return AddMonths(d, 12 * n);
  if (u == "DE") return AddMonths(d, 120 * n);
  return d;
}

}  // namespace

size_t Grammar::Amount(size_t i, double* v) const {
  if (i >= at_.size()) return 0;
  const Atom& a = at_[i];
  if (a.kind == AtomKind::kNumber) {
    if (a.ordinal() || (a.glued && i > 0 && at_[i - 1].kind == AtomKind::kWord)) return 0;
    if (a.digits() > 4) return 0;
    *v = a.number();
    return i + 1;
  }
  const WordInfo* w = a.word();
  if (!w || w->number == -1) return 0;
  if (Text(a) == "a" || Text(a) == "an") {
    if (Is(i + 1, "few")) { *v = -1; return i + 2; }
    if (Is(i + 1, "couple") && Is(i + 2, "of")) { *v = 2; return i + 3; }
    *v = 1;
    return i + 1;
  }
  if (w->number == -2) {
    if (Text(a) == "some" || Text(a) == "few") return 0;  // "some days": too vague alone
    *v = -1;
    return i + 1;
  }
  if (Text(a) == "couple") return 0;
  double n = w->number;
  size_t j = i + 1;
  if (n >= 20 && n < 100) {  // twenty-five, twenty five
    size_t k = Is(j, "-") ? j + 1 : j;
    if (const WordInfo* u = Word(k); u && u->number > 0 && u->number < 10 && Ok(k, i)) { n += u->number; j = k + 1; }
  }
  if (Is(j, "hundred")) { n *= 100; ++j; }
  *v = n;
  return j;
}

size_t Grammar::Duration(size_t i, Expr* e, std::string* unit, double* amount, DurParts* parts) const {
  size_t j = Amount(i, amount);
  bool half = false, fraction = false;
  if (!j && Is(i, "half") && (Is(i + 1, "a") || Is(i + 1, "an"))) { *amount = 0.5; j = i + 2; half = true; }
  if (j && *amount >= 1 && Is(j, "and") && Ok(j + 2, i)) {  // one and a half hours, two and half years
    bool quarter = Is(j + 1, "a") && Is(j + 2, "quarter");
    size_t k = Is(j + 1, "a") && (Is(j + 2, "half") || quarter) ? j + 3 : Is(j + 1, "half") ? j + 2 : 0;
    if (k && Word(k) && !Word(k)->unit.empty()) { *amount += quarter ? 0.25 : 0.5; j = k; fraction = true; }
  }
  bool hyphen = false;
  if (j && Is(j, "-")) { hyphen = true; ++j; }
  if (!j || !Ok(j, i)) {
    // bare plurals after "for"/"over": for years, over decades
    const WordInfo* w = Word(i);
    if (!w || !w->unit_plural || i == 0 || !(Is(i - 1, "for") || Is(i - 1, "over")) ||
        !(w->unit == "Y" || w->unit == "DE" || w->unit == "M" || w->unit == "W" || w->unit == "CE"))
      return 0;
    *unit = w->unit;
    *amount = -1;
    e->type = TimeType::kDuration;
    e->value = DurationValue(*unit, -1);
    return i + 1;
  }
  const WordInfo* w = Word(j);
  if (!w || w->unit.empty() || !Ok(j, i)) return 0;
  if (!fraction) {
    if (half && w->unit_plural) return 0;
    if (hyphen && w->unit_plural) return 0;
    if (*amount == 1 && w->unit_plural && !Is(i, "one")) return 0;
    if (*amount > 1 && !w->unit_plural && !hyphen && at_[i].kind != AtomKind::kNumber) return 0;
  }
  if (Text(at_[j]) == "second" && at_[i].kind != AtomKind::kNumber && *amount != 1) return 0;
  if (Text(at_[j]) == "second" && (Is(i, "a") || Is(i, "an")) &&
      !(Is(j + 1, "later") || Is(j + 1, "ago") || Is(j + 1, "earlier") || Is(j + 1, "after") || Is(j + 1, "before")))
    return 0;  // a second round, wait a second: an ordinal or an idiom
  if (w->unit == "Q" && !fraction && Is(j + 1, "of") && !(Ok(j + 2, i) && Word(j + 2) && Word(j + 2)->unit == "Y"))
    return 0;  // a quarter of a billion dollars, three quarters of the vote: a fraction
  if (w->unit == "NI" && !w->unit_plural && *amount == 1) return 0;  // "a night"
  *unit = w->unit;
  e->type = TimeType::kDuration;
  e->value = DurationValue(*unit, *amount);
  size_t end = j + 1;
  if (!fraction && *amount >= 0 && Is(end, "and") && (Is(end + 1, "a") || Is(end + 1, "half")) &&
      (Is(end + 1, "half") || Is(end + 2, "half") || (Is(end + 2, "quarter") && !Is(end + 3, "of"))) &&
      Ok(end + 1, i)) {  // a year and a half, an hour and half, a year and a quarter
    *amount += Is(end + 2, "quarter") ? 0.25 : 0.5;
    e->value = DurationValue(*unit, *amount);
    end += Is(end + 1, "half") ? 2 : 3;
  }
  if (e->value.empty()) return 0;
  // further parts in falling units: 2 hours and 30 minutes, 2 years 1 month 21 days
  DurParts local;
  DurParts& dp = parts ? *parts : local;
  dp.n = 1;
  dp.unit[0] = w->unit;
  dp.amount[0] = *amount;
  if (*amount < 0 || *amount != std::floor(*amount)) return end;
  while (dp.n < 4) {
    size_t k = end;
    if (Is(k, ",") || Is(k, "and")) ++k;
    double n = 0;
    size_t a = Ok(k, i) ? Amount(k, &n) : 0;
    if (!a || n < 1 || n != std::floor(n) || Text(at_[k]) == "a" || Text(at_[k]) == "an") break;
    const WordInfo* u = Word(a);
    if (!u || u->unit.empty() || !Ok(a, i) || UnitRank(u->unit) <= UnitRank(dp.unit[dp.n - 1])) break;
    if ((n == 1) == u->unit_plural && at_[k].kind != AtomKind::kNumber) break;
    dp.unit[dp.n] = u->unit;
    dp.amount[dp.n] = n;
    ++dp.n;
    end = a + 1;
  }
  if (dp.n > 1) e->value = CombinedDuration(dp);
  return end;
}

size_t Grammar::Offset(size_t i, Expr* e) const {
  // in N units (from now); N units ago / later / earlier / from now
  bool in = Is(i, "in") || Is(i, "within");
  size_t j = in ? i + 1 : i;
  if (!Ok(j, i)) return 0;
  Expr d;
  std::string unit;
  double amount = 0;
  DurParts dp;
  size_t end = Duration(j, &d, &unit, &amount, &dp);
  if (!end || amount < 0 || amount != std::floor(amount)) return 0;
  int n = IntOf(amount);
  int sign = 0;
  bool narrative = Is(end, "later") || Is(end, "earlier");
  if (in) {
    if (Is(i, "within")) return 0;
    sign = 1;
    if (Is(end, "from") && Is(end + 1, "now")) end += 2;
    else if (Is(end, "time")) ++end;
  } else if (Is(end, "ago") || Is(end, "earlier") || Is(end, "before")) {
    if (Is(end, "before") && !(Is(end + 1, "today") || Is(end + 1, "now"))) return 0;
    sign = -1;
    end += Is(end, "before") ? 2 : 1;
  } else if (Is(end, "later") || (Is(end, "from") && (Is(end + 1, "now") || Is(end + 1, "today"))) ||
             (Is(end, "after") && Is(end + 1, "today"))) {
    sign = 1;
    end += Is(end, "later") ? 1 : 2;
  } else {
    return 0;
  }
  if (!Ok(end - 1, i)) return 0;
  Gran g = UnitGran(unit);
  if (unit == "H" || unit == "MIN" || unit == "S") {
    if (!in && sign < 0) return 0;
    e->type = TimeType::kTime;
    e->value = "FUTURE_REF";
    return end;
  }
  if (!dct_) {
    e->value = Undef(g == Gran::kNone ? Gran::kDay : g, sign * n);
    return end;
  }
  e->anchored = true;
  const CivilDate& base = narrative && narrative_ ? *narrative_ : *dct_;
  if (dp.n > 1) {  // 2 years 1 month 21 days later: a day
    CivilDate day = base;
    for (int k = 0; k < dp.n; ++k) day = ShiftDays(day, dp.unit[k], sign * static_cast<int>(dp.amount[k]));
    e->point = DayPoint(day);
    if (narrative && narrative_) e->anchored = false;
    return end;
  }
  if (unit == "DE" || unit == "CE") {
    e->point = Containing(base, Gran::kYear);
    e->point.year += sign * n * (unit == "DE" ? 10 : 100);
    return end;
  }
  e->point = DayPoint(ShiftDays(base, unit, sign * n));
  if (unit == "Y") e->point = Containing(ShiftDays(base, unit, sign * n), Gran::kYear);
  if (narrative && narrative_) e->anchored = false;
  return end;
}

// this/last/next/past/previous/coming/following/current + unit, month, weekday or season
size_t Grammar::Relative(size_t i, Expr* e) const {
  size_t j = i;
  bool earlier = false, later = false;
  if (Is(j, "earlier")) { earlier = true; ++j; }
  else if (Is(j, "later")) { later = true; ++j; }
  if (Is(j, "the")) ++j;
  const WordInfo* r = Word(j);
  if (!r || r->relative == -9 || !Ok(j, i)) return 0;
  std::string_view rw = Text(at_[j]);
  if (rw == "same") return 0;
  int rel = r->relative;
  size_t k = j + 1;
  if ((Is(k, "calendar") || Is(k, "working")) && Word(k + 1) && (Word(k + 1)->unit == "Y" || Word(k + 1)->unit == "W"))
    ++k;  // this calendar year
  const WordInfo* w = Word(k);
  if (!Ok(k, i)) return 0;
  if ((earlier || later) && rel != 0) return 0;
  // the past two years, the next five days: a duration ending or starting now
  if (rel != 0 && (!w || (w->unit.empty() && !w->month && !w->weekday && w->season < 0))) {
    Expr d;
    std::string unit;
    double amount = 0;
    size_t end = Duration(k, &d, &unit, &amount);
    if (!end || amount <= 1) return 0;
    *e = d;
    if (dct_ && amount == std::floor(amount)) {
      int n = IntOf(amount);
      e->has_range = true;
      e->anchored = true;
      if (unit == "Q") {  // the past two quarters: whole calendar quarters
        CivilDate b, en;
        Range(Shift(Containing(*dct_, Gran::kQuarter), rel < 0 ? -n : 1), &b, &en);
        e->range_begin = b;
        e->range_end = AddMonths(b, 3 * n);
        return end;
      }
      if (!(unit == "D" || unit == "W" || unit == "FN" || unit == "M" || unit == "Y" || unit == "DE")) {
        e->has_range = false;  // hours, weekends: no calendar range
        return end;
      }
      if (rel < 0) { e->range_begin = ShiftDays(*dct_, unit, -n); e->range_end = *dct_; }
      else { e->range_begin = AddDays(*dct_, 1); e->range_end = ShiftDays(e->range_begin, unit, n); }
    }
    return end;
  }
  if (!w) return 0;
  if (!w->unit.empty() && !w->unit_plural) {
    Gran g = UnitGran(w->unit);
    if (g == Gran::kNone || g == Gran::kDay) return 0;
    if (!dct_) { e->value = Undef(g, rel); return k + 1; }
    e->point = Shift(Containing(*dct_, g), rel);
    if (g == Gran::kWeekend) e->point.gran = Gran::kWeekend;
    e->anchored = true;
    // next week Monday, this week on Tuesday, previous week - Monday
    size_t d = k + 1;
    if (Is(d, "on") || Is(d, "-") || Is(d, ",")) ++d;
    Point day;
    if (g == Gran::kWeek && Ok(d, i) && Word(d) && (Word(d)->weekday || (Word(d)->weekday_abbr && at_[d].capitalized)) &&
        DayOfWeek(e->point, Word(d)->weekday ? Word(d)->weekday : Word(d)->weekday_abbr, &day)) {
      e->point = day;
      return d + 1;
    }
    return k + 1;
  }
  if (w->month && MonthAt(k) && (rw == "last" || rw == "next" || rw == "this" || rw == "past" || rw == "coming")) {
    e->point.gran = Gran::kMonth;
    e->point.month = w->month;
    if (dct_) {
      int y = dct_->year;
      if (rel < 0 && w->month >= dct_->month) --y;
      if (rel > 0 && w->month <= dct_->month) ++y;
      e->point.year = y;
      e->anchored = true;
    }
    return k + 1;
  }
  if (w->season >= 0 && rw != "current") {
    e->point.gran = Gran::kSeason;
    e->point.sub = w->season;
    if (dct_) {
      e->point.year = dct_->year + (rw == "this" ? 0 : rel);
      e->anchored = true;
    }
    return k + 1;
  }
  if (w->weekday && rw != "current") {
    e->point.gran = Gran::kWeekday;
    e->point.weekday = w->weekday;
    if (!dct_) return k + 1;
    int today = times::Weekday(*dct_);
    CivilDate monday = AddDays(*dct_, 1 - today);
    CivilDate day;
    if (rw == "past") day = AddDays(*dct_, -(((today - w->weekday) % 7 + 7) % 7 == 0 ? 7 : ((today - w->weekday) % 7 + 7) % 7));
    else if (rw == "coming") day = AddDays(*dct_, ((w->weekday - today) % 7 + 7) % 7 == 0 ? 7 : ((w->weekday - today) % 7 + 7) % 7);
    else day = AddDays(monday, 7 * rel + w->weekday - 1);
    e->point = DayPoint(day);
    e->anchored = true;
    size_t end = k + 1;
    if (Word(end) && Word(end)->part_of_day.size() == 2) { e->point.part_of_day = Word(end)->part_of_day; ++end; }
    return end;
  }
  if (!w->part_of_day.empty() && w->part_of_day.size() == 2 && rw == "this") {  // this morning
    if (!dct_) { e->value = "PRESENT_REF"; return k + 1; }
    e->point = DayPoint(*dct_);
    e->point.part_of_day = w->part_of_day;
    e->anchored = true;
    return k + 1;
  }
  return 0;
}

size_t Grammar::Deictic(size_t i, Expr* e) const {
  size_t j = i;
  int offset = 0;
  bool found = true;
  std::string_view pod;  // a lexicon string or a literal
  std::string_view w = Text(at_[i]);
  if (w == "today") offset = 0;
  else if (w == "tomorrow") offset = 1;
  else if (w == "yesterday") offset = -1;
  else if (w == "tonight" || w == "tonite") { offset = 0; pod = "NI"; }
  else if (w == "last" && Is(i + 1, "night")) { offset = -1; pod = "NI"; ++j; }
  else if (w == "the" && Is(i + 1, "day") && (Is(i + 2, "after") || Is(i + 2, "before")) &&
           (Is(i + 3, "tomorrow") || Is(i + 3, "yesterday"))) {
    offset = (Is(i + 2, "after") ? 1 : -1) + (Is(i + 3, "tomorrow") ? 1 : -1);
    j += 3;
  } else if (w == "the" && (Is(i + 1, "next") || Is(i + 1, "following") || Is(i + 1, "previous")) && Is(i + 2, "day")) {
    // the next day: from the document date (a narrative's last day is not tracked reliably enough)
    offset = Is(i + 1, "previous") ? -1 : 1;
    j += 2;
  } else found = false;
  if (!found) return 0;
  ++j;
  if (pod.empty() && Ok(j, i) && Word(j) && Word(j)->part_of_day.size() == 2) { pod = Word(j)->part_of_day; ++j; }
  if (!dct_) {
    e->value = Undef(Gran::kDay, offset);
    return j;
  }
  e->point = DayPoint(AddDays(*dct_, offset));
  e->point.part_of_day = pod;
  e->anchored = true;
  return j;
}

size_t Grammar::Weekday(size_t i, Expr* e) const {
  const WordInfo* w = Word(i);
  if (!w) return 0;
  int wd = w->weekday;
  if (!wd && w->weekday_abbr && at_[i].capitalized && !at_[i].glued &&
      (DayNumber(i + 1) || (Is(i + 1, ",") && MonthAt(i + 2)) ||
       (Is(i + 1, "at") && i + 2 < at_.size() && (at_[i + 2].kind == AtomKind::kNumber || at_[i + 2].kind == AtomKind::kTimeLit))))
    wd = w->weekday_abbr;
  if (!wd) return 0;
  e->point.gran = Gran::kWeekday;
  e->point.weekday = wd;
  size_t j = i + 1;
  {  // Tuesday of next week, Wednesday evening next week
    size_t k = j;
    std::string_view pod;  // a lexicon string
    if (Ok(k, i) && Word(k) && Word(k)->part_of_day.size() == 2) { pod = Word(k)->part_of_day; ++k; }
    if (Is(k, "of")) ++k;
    Expr week;
    week.first = k;
    Point day;
    if (Ok(k, i) && Word(k) && (Word(k)->relative != -9 || Is(k, "the")))
      if (size_t end = Relative(k, &week); end && DayOfWeek(week.point, wd, &day)) {
        e->point = day;
        e->point.part_of_day = pod;
        e->anchored = true;
        return end;
      }
  }
  bool clock = ClockFollows(j + 1);
  if (DayNumber(j) && !clock && !MonthAt(j + 1) && !Is(j + 1, "of")) ++j;  // Sunday 31: keep the weekday
  return j;
}

size_t Grammar::Set(size_t i, Expr* e) const {
  const WordInfo* w = Word(i);
  e->type = TimeType::kSet;
  if ((Is(i, "semi") || Is(i, "bi")) && Is(i + 1, "-") && Word(i + 2) && !Word(i + 2)->set.empty() && Ok(i + 2, i)) {
    std::string_view v = Word(i + 2)->set;  // semi-annually P0.5Y, bi-weekly P2W
    if (v.size() < 3 || v[0] != 'P' || v[1] < '1' || v[1] > '9' || v.size() != 3) return 0;
    double n = (v[1] - '0') * (Is(i, "semi") ? 0.5 : 2.0);
    e->value = "P" + Num(n) + std::string(v.substr(2));
    e->quant = "EVERY";
    return i + 3;
  }
  if (w && !w->set.empty()) {
    e->value = w->set;
    e->quant = "EVERY";
    return i + 1;
  }
  if (w && w->weekdays) {  // Mondays
    e->point.gran = Gran::kWeekday;
    e->point.weekday = w->weekdays;
    e->quant = "EVERY";
    return i + 1;
  }
  // once/twice/N times a|per unit
  std::string freq;
  size_t j = i;
  if (Is(i, "once")) { freq = "1X"; ++j; }
  else if (Is(i, "twice")) { freq = "2X"; ++j; }
  else if (Is(i, "thrice")) { freq = "3X"; ++j; }
  else {
    double n = 0;
    size_t k = Amount(i, &n);
    if (k && n > 0 && Is(k, "times")) { freq = Num(n) + "X"; j = k + 1; }
  }
  if (!freq.empty()) {
    if (!(Is(j, "a") || Is(j, "per") || Is(j, "an") || Is(j, "every") || Is(j, "each"))) return 0;
    const WordInfo* u = Word(j + 1);
    if (!u || u->unit.empty() || u->unit_plural || !Ok(j + 1, i)) return 0;
    e->value = DurationValue(u->unit, 1);
    e->freq = freq;
    e->quant = "EVERY";
    return j + 2;
  }
  if (!(Is(i, "every") || Is(i, "each") || (Is(i, "per") && Word(i + 1) && !Word(i + 1)->unit.empty())))
    return 0;
  e->quant = Is(i, "each") ? "EACH" : "EVERY";
  j = i + 1;
  double n = 1;
  if (Is(j, "other")) { n = 2; ++j; }
  else if (size_t k = Amount(j, &n); k && n > 1) j = k;
  const WordInfo* u = Word(j);
  if (Is(j, "weekday") && Ok(j, i)) { e->value = "P1WD"; return j + 1; }
  if (!u || !Ok(j, i)) return 0;
  if (!u->unit.empty()) {
    e->value = DurationValue(u->unit, n);
    return e->value.empty() ? 0 : j + 1;
  }
  if (u->weekday) {
    e->point.gran = Gran::kWeekday;
    e->point.weekday = u->weekday;
    return j + 1;
  }
  if (u->month) {
    e->point.gran = Gran::kMonth;
    e->point.month = u->month;
    return j + 1;
  }
  if (u->part_of_day.size() == 2) {
    e->point.gran = Gran::kTime;
    e->point.part_of_day = u->part_of_day;
    return j + 1;
  }
  return 0;
}

size_t Grammar::Ref(size_t i, Expr* e) const {
  size_t max = lex_.max_phrase_words();
  JoinedWords joined;
  size_t best = 0;
  std::string_view value;
  if (!(at_[i].flags & kPhraseStart) || !(i + 1 < at_.size() && (at_[i + 1].flags & kPhraseSecond))) max = 0;
  // whether atom i + n can be word n of a phrase
  auto can_add = [&](size_t n) {
    return n < max && Ok(i + n, i) && (n == 0 || Lexicon::MayContinue(at_[i + n], Text(at_[i + n])));
  };
  for (size_t n = 0; can_add(n) && joined.Add(Text(at_[i + n])); ++n) {
    if (n == 0) continue;
    if (std::string_view v = lex_.Phrase(joined.view()); !v.empty()) { best = i + n + 1; value = v; }
    if (!can_add(n + 1) || !lex_.Continues(joined.view())) break;  // the table lookup last
  }
  if (!best && at_[i].word() && !at_[i].word()->ref.empty()) {
    if (Text(at_[i]) == "now" && Is(i + 1, "that")) return 0;
    best = i + 1;
    value = at_[i].word()->ref;
  }
  if (!best) return 0;
  if (best == i + 2 && Is(i, "to") && Is(i + 1, "date") &&
      ((i > 0 && Is(i - 1, "up")) || (Ok(best, i) && at_[best].kind != AtomKind::kPunct)))
    return 0;  // up to date equipment, equals to date 1
  e->value = std::string(value);
  return best;
}

}  // namespace communique::internal::times
