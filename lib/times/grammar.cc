// The time grammar: structure (prefixes, ranges), absolute dates, parts of
// periods and clock times. Relative expressions, durations and sets are in
// relative.cc.
#include "times/grammar.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <iterator>

namespace communique::internal::times {
namespace {

constexpr size_t kTenseWindow = 12;

// Whether w is in a word list; the size and first byte are tested before the
// bytes are compared.
template <size_t N>
bool InList(std::string_view w, const std::string_view (&list)[N]) {
  for (std::string_view p : list)
    if (p.size() == w.size() && (w.empty() || p[0] == w[0]) && p == w) return true;
  return false;
}

// A word list with the (first byte, last byte, length) shapes of its words,
// so that most words are rejected by one bit test.
template <size_t N>
class WordList {
 public:
  constexpr explicit WordList(const std::string_view (&words)[N]) {
    for (size_t k = 0; k < N; ++k) {
      words_[k] = words[k];
      shapes_[Bucket(words[k])] |= uint32_t{1} << Length(words[k]);
    }
  }
  bool Has(std::string_view w) const {
    if (w.empty() || !(shapes_[Bucket(w)] >> Length(w) & 1)) return false;
    for (std::string_view p : words_)
      if (p.size() == w.size() && p[0] == w[0] && p == w) return true;
    return false;
  }

 private:
  static constexpr size_t Bucket(std::string_view w) {
    return (static_cast<unsigned char>(w[0]) * 3u + static_cast<unsigned char>(w.back())) & 63;
  }
  static constexpr size_t Length(std::string_view w) { return w.size() < 31 ? w.size() : 31; }
  std::string_view words_[N] = {};
  uint32_t shapes_[64] = {};
};

constexpr std::string_view kPastWords[] = {"was", "were", "had", "did", "ago", "went", "came", "met", "held", "took",
                                           "gave", "made", "told", "saw", "began", "left", "won", "lost", "sent", "spoke",
                                           "wrote", "became", "fell", "rose", "got", "paid", "led", "hit", "struck"};
constexpr std::string_view kNotPastWords[] = {"need", "united", "based", "indeed", "speed", "proceed", "exceed", "succeed",
                                              "feed", "seed", "hundred", "limited", "red", "bed", "embed", "breed",
                                              "scheduled", "expected", "planned", "intended", "supposed"};
constexpr std::string_view kFutureWords[] = {"will", "'ll", "shall", "won't", "scheduled", "expected", "planned", "plans",
                                             "plan", "intends", "due", "upcoming", "going", "would", "aims", "hopes"};

bool PastWord(std::string_view w) {
  static constexpr WordList kPast(kPastWords);
  static constexpr WordList kNotPast(kNotPastWords);
  if (kPast.Has(w)) return true;
  return w.size() > 4 && w.ends_with("ed") && !kNotPast.Has(w);
}

bool FutureWord(std::string_view w) {
  static constexpr WordList kFuture(kFutureWords);
  return kFuture.Has(w) || w.ends_with("'ll");
}

// +1 a future word, -1 a past word, else 0: one call per word Tense reads.
int WordTense(std::string_view w) {
  if (FutureWord(w)) return 1;
  return PastWord(w) ? -1 : 0;
}

// Every text a rule reads right after a number that is not a four-digit
// year (the rules Grammar::Core tries at a number, and what they call):
// Duration ("3 and a half years", "5-year"), DayFirst ("5 of May", "5-May",
// "the 15th day of June"), YearLike ("the 90 s"), Part ("the first half"),
// Set ("3 times a year"), NumericDate ("10-1"), MonthDay ("on the 18th at",
// "and", "to"), DayRange ("3 to 5 March", "through"), TimeOfDay and
// MeridiemAt ("5 pm", "5 p . m", "4 o'clock", "at 6.45 on"), SpokenClock
// ("10 minutes past 9"), ClockRange ("3 until 5"). A rule that reads
// another word there must add it.
constexpr std::string_view kAfterNumberTexts[] = {
    "and", "-", "–", "/", "of", "day", "s", "'s", "half", "times", "at", "to", "until", "till", "through",
    "am", "a.m.", "a.m", "pm", "p.m.", "p.m", "a", "p", "a.", "p.", "o'clock", "oclock", "on",
    "minutes", "minute", "mins", "min", "past"};


}  // namespace

TimeMod ModFromName(std::string_view n) {
  if (n == "START") return TimeMod::kStart;
  if (n == "MID") return TimeMod::kMid;
  if (n == "END") return TimeMod::kEnd;
  if (n == "APPROX") return TimeMod::kApprox;
  if (n == "BEFORE") return TimeMod::kBefore;
  if (n == "AFTER") return TimeMod::kAfter;
  if (n == "ON_OR_BEFORE") return TimeMod::kOnOrBefore;
  if (n == "ON_OR_AFTER") return TimeMod::kOnOrAfter;
  if (n == "MORE_THAN") return TimeMod::kMoreThan;
  if (n == "LESS_THAN") return TimeMod::kLessThan;
  return TimeMod::kNone;
}

int Grammar::MonthAt(size_t i) const {
  const WordInfo* w = Word(i);
  if (!w || !w->month) return 0;
  const Atom& a = at_[i];
  if (a.glued && i > 0 && at_[i - 1].kind == AtomKind::kWord) return 0;
  std::string_view t = Text(a);
  bool ambiguous = t == "may" || t == "march" || t == "mar" || t == "jan" || t == "dec" || t == "sep" ||
                   t == "oct" || t == "jun" || t == "aug" || t == "apr";
  if (!ambiguous) return w->month;
  if (t == "may" && !a.capitalized && !(i > 0 && Text(at_[i - 1]) == "in") &&
      !(i + 1 >= at_.size() || at_[i + 1].kind == AtomKind::kPunct || at_[i + 1].sentence != a.sentence))
    return 0;  // "this may take", "it may be"
  // May the modal, March the verb: a month only next to a day or year, or
  // after a temporal preposition or modifier.
  if (DayNumber(i + 1) || YearNumber(i + 1, true) != kUnknown) return w->month;
  if ((t == "march" || t == "may") && !a.capitalized &&
      !(i > 0 && (Text(at_[i - 1]) == "in" || Text(at_[i - 1]) == "since" || Text(at_[i - 1]) == "until") &&
        (i + 1 >= at_.size() || at_[i + 1].kind == AtomKind::kPunct || at_[i + 1].sentence != a.sentence)))
    return 0;  // this march, it may; "in may." stays a month
  if ((Is(i + 1, "/") || Is(i + 1, "-")) && i + 2 < at_.size() && at_[i + 1].glued && at_[i + 2].glued && DayNumber(i + 2))
    return w->month;  // Oct/2
  if ((Is(i + 1, "-") || Is(i + 1, "to")) && Word(i + 2) && Word(i + 2)->month && Ok(i + 2, i)) return w->month;
  if ((Is(i + 1, "of") || Is(i + 1, ",") || Is(i + 1, "-")) && YearNumber(i + 2, true) != kUnknown) return w->month;
  if (i > 0) {
    std::string_view p = Text(at_[i - 1]);
    static constexpr std::string_view kBefore[] = {"in", "of", "since", "until", "till", "by", "from", "during", "early",
                                          "late", "mid", "last", "next", "this", "between", "before", "after",
                                          "through", "throughout", "-", "and", "to", "end", "beginning", "middle"};
    for (std::string_view b : kBefore)
      if (p == b) {
        if ((p == "to" || p == "and") && !(i >= 2 && MonthAt(i - 2))) continue;  // "to march", not "May to March"
        return t == "may" && !a.capitalized && (Is(i + 1, "be") || Is(i + 1, "not")) ? 0 : w->month;
      }
  }
  return 0;
}

int Grammar::DayNumber(size_t i) const {
  if (i >= at_.size()) return 0;
  const Atom& a = at_[i];
  if (a.kind == AtomKind::kNumber) {
    if (a.ordinal() >= 1 && a.ordinal() <= 31) return a.ordinal();
    if (a.digits() >= 1 && a.digits() <= 2 && a.number() >= 1 && a.number() <= 31 && !a.separators) {
      if (i + 1 < at_.size() && at_[i + 1].glued && at_[i + 1].kind == AtomKind::kWord) return 0;  // 5am, 3pm
      return IntOf(a.number());
    }
    return 0;
  }
  if (a.word() && a.word()->ordinal >= 1 && a.word()->ordinal <= 31) {
    // "twenty-first", "thirty first"
    if (a.word()->ordinal < 10 && i > 0 && at_[i - 1].word() && (at_[i - 1].word()->number == 20 || at_[i - 1].word()->number == 30))
      return 0;  // handled from the tens word
    return a.word()->ordinal;
  }
  if (a.word() && (a.word()->number == 20 || a.word()->number == 30)) {
    size_t j = Is(i + 1, "-") ? i + 2 : i + 1;
    if (const WordInfo* w = Word(j); w && w->ordinal >= 1 && w->ordinal <= 9) return a.word()->number + w->ordinal;
  }
  return 0;
}

int Grammar::YearNumber(size_t i, bool strong) const {
  if (i >= at_.size()) return kUnknown;
  const Atom& a = at_[i];
  if (a.kind != AtomKind::kNumber || a.digits() != 4 || a.ordinal()) return kUnknown;
  int y = IntOf(a.number());
  if (a.glued && i > 0 && (at_[i - 1].kind == AtomKind::kWord || Text(at_[i - 1]) == "-")) {
    // FY2021 and mid-2020 are years; G2020, S-400, COVID-19 are not
    std::string_view p = Text(at_[i - 1]);
    if (!(p == "fy" || p == "mid" || (p == "-" && i >= 2 && (Text(at_[i - 2]) == "mid" || at_[i - 2].digits() == 4 ||
                                                              (i >= 3 && at_[i - 2].glued && at_[i - 3].kind == AtomKind::kWord) ||
                                                              (at_[i - 2].word() && at_[i - 2].word()->month)))))
      return kUnknown;
  }
  if (i + 1 < at_.size() && at_[i + 1].glued && at_[i + 1].kind == AtomKind::kNumber) return kUnknown;
  if (strong) return (y >= 1000 && y <= 2199) ? y : kUnknown;
  if (y < 1900 || y > 2099) return kUnknown;
  if (i > 0) {
    std::string_view p = Text(at_[i - 1]);
    static constexpr std::string_view kDesignators[] = {"resolution", "article", "no", "no.", "number", "section", "paragraph",
                                               "chapter", "page", "pages", "p.", "pp.", "room", "flight", "route",
                                               "model", "code", "item", "rule", "annex", "bill", "law", "decree",
                                               "order", "protocol", "#", "$", "€", "£", "us$", "tel", "phone", "+",
                                               "about", "nearly", "almost", "over", "some", "approximately", "than"};
    if (InList(p, kDesignators)) return kUnknown;
    if (at_[i - 1].kind == AtomKind::kNumber) return kUnknown;
  }
  if (i + 1 < at_.size() && Ok(i + 1, i)) {
    const Atom& n = at_[i + 1];
    if (n.kind == AtomKind::kNumber || Text(n) == "%" || Text(n) == "percent") return kUnknown;
    if (n.kind == AtomKind::kWord && !n.capitalized && Text(n).size() > 3 && Text(n).back() == 's' &&
        !Text(n).ends_with("'s") && Text(n) != "was" && Text(n) != "has" && Text(n) != "is" &&
        Text(n) != "elections" && Text(n) != "games" && Text(n) != "olympics" && Text(n) != "talks")
      return kUnknown;  // "2000 troops"
    if (n.word() && !n.word()->unit.empty() && Text(n) != "s") return kUnknown;  // "2020 years"
  }
  return y;
}

int Grammar::Tense(size_t first, size_t last) const {
  if (first >= at_.size()) return 0;
  int32_t s = at_[first].sentence;
  for (size_t d = 1; d <= kTenseWindow; ++d) {
    int found = 0;
    size_t at = 0;
    if (first >= d && at_[first - d].sentence == s) {
      at = first - d;
      found = WordTense(Text(at_[at]));
    }
    if (!found && last - 1 + d < at_.size() && at_[last - 1 + d].sentence == s) {
      at = last - 1 + d;
      found = WordTense(Text(at_[at]));
    }
    // "will be held", "will have ended": a participle after a future auxiliary
    if (found < 0)
      for (size_t k = 1; k <= 3 && at >= k && at_[at - k].sentence == s; ++k)
        if (WordTense(Text(at_[at - k])) > 0) return 1;
    if (found) return found;
  }
  return 0;
}

void Grammar::Anchor(Expr* e) const {
  Point& p = e->point;
  if (!dct_ || p.year != kUnknown || e->type == TimeType::kSet) return;
  const CivilDate& d = *dct_;
  // The tense only where a branch below reads it: Tense scans the words around.
  const bool reads_tense = p.gran == Gran::kWeekday || p.gran == Gran::kSeason ||
                           (p.gran == Gran::kMonth && p.month != kUnknown) ||
                           ((p.gran == Gran::kDay || p.gran == Gran::kTime) && p.month != kUnknown && p.day != kUnknown);
  if (!reads_tense) return;
  int tense = Tense(e->first, e->last);
  if (e->mod == TimeMod::kStart || e->mod == TimeMod::kAfter) tense = -1;  // since August: a past August
  if (p.gran == Gran::kWeekday) {
    int diff = p.weekday - times::Weekday(d);  // days from the document date to that weekday this week
    int back = ((-diff) % 7 + 7) % 7, fwd = (diff % 7 + 7) % 7;
    CivilDate day = tense > 0 ? AddDays(d, fwd) : AddDays(d, -back);
    Point q = DayPoint(day);
    q.gran = p.hour != kUnknown ? Gran::kTime : Gran::kDay;
    q.hour = p.hour; q.minute = p.minute; q.second = p.second; q.part_of_day = p.part_of_day;
    p = q;
    e->anchored = true;
    return;
  }
  if (p.gran == Gran::kDay || p.gran == Gran::kTime) {
    if (p.month == kUnknown) return;
    if (p.day == kUnknown) return;
    int best = d.year;
    long best_dist = 1L << 30;
    for (int y = d.year - 1; y <= d.year + 1; ++y) {
      if (!ValidDate(y, p.month, p.day)) continue;
      long diff = DaysBetween(d, {static_cast<int32_t>(y), static_cast<uint8_t>(p.month), static_cast<uint8_t>(p.day)});
      if ((tense < 0 && diff > 0) || (tense > 0 && diff < 0)) continue;
      if (std::labs(diff) < best_dist) { best_dist = std::labs(diff); best = y; }
    }
    if (best_dist == (1L << 30)) return;  // Feb 29 with no leap year near: keep XXXX
    p.year = best;
    e->anchored = true;
    return;
  }
  if (p.gran == Gran::kMonth || p.gran == Gran::kSeason) {
    if (p.gran == Gran::kMonth && p.month == kUnknown) return;
    int idx = p.gran == Gran::kMonth ? p.month : 3 + 3 * (p.sub & 3);  // a season by its first month
    int diff = idx - d.month;                                          // months ahead within the year
    int y = d.year;
    if (tense < 0 && diff > 0) y -= 1;
    else if (tense > 0 && diff < 0) y += 1;
    else if (tense == 0 && diff > 6) y -= 1;
    else if (tense == 0 && diff < -6) y += 1;
    p.year = y;
    e->anchored = true;
  }
}

void Grammar::Finish(Expr* e) const {
  if (e->has_until && e->value.empty()) {  // Monday from 10am to 12pm
    Point b = e->point;
    b.hour = e->until_hour; b.minute = e->until_minute; b.second = kUnknown;
    e->value = Timex(e->point) + "/" + Timex(b);
    e->type = TimeType::kTime;
    return;
  }
  if (!e->value.empty()) return;
  CivilDate b, en;
  if (Range(e->point, &b, &en) && e->point.gran != Gran::kTime) {
    e->has_range = true;
    e->range_begin = b;
    e->range_end = en;
  }
  if (e->type == TimeType::kDate && (e->point.hour != kUnknown || !e->point.part_of_day.empty()))
    e->type = TimeType::kTime;
}

size_t Grammar::DateLit(size_t i, Expr* e) const {
  if (const WordInfo* w = Word(i); w && (w->weekday || w->weekday_abbr) && i + 1 < at_.size()) {
    size_t j = Is(i + 1, ",") ? i + 2 : i + 1;
    if (j < at_.size() && at_[j].kind == AtomKind::kDateLit && Ok(j, i)) i = j;
  }
  const Atom& a = at_[i];
  if (a.kind != AtomKind::kDateLit) return 0;
  e->point.year = a.y();
  e->point.month = a.m();
  e->point.day = a.d();
  e->point.gran = a.d() == kUnknown ? Gran::kMonth : Gran::kDay;
  return i + 1;
}

// [weekday [,]] Month [the] Day [,] [Year] | Month [of|,] Year | Month
size_t Grammar::MonthFirst(size_t i, Expr* e) const {
  size_t j = i;
  int wd = 0;
  if (const WordInfo* w = Word(j); w && (w->weekday || w->weekday_abbr)) {
    wd = w->weekday ? w->weekday : w->weekday_abbr;
    ++j;
    if (Is(j, ",")) ++j;
  }
  int month = MonthAt(j);
  if (!month || !Ok(j, i)) return 0;
  ++j;
  if (Is(j, ".") && !at_[j].glued) {}  // "Sept ." is rare; leave the period
  size_t k = j;
  if (Is(k, "/") || Is(k, "-")) ++k;  // Oct/2
  if (Is(k, "the")) ++k;
  int day = Ok(k, i) ? DayNumber(k) : 0;
  if (day && !(k + 1 < at_.size() && (Is(k + 1, ":") || Text(at_[k + 1]) == "%"))) {
    size_t dk = k + 1;
    if (at_[k].word() && (at_[k].word()->number == 20 || at_[k].word()->number == 30)) dk = Is(k + 1, "-") ? k + 3 : k + 2;
    e->point.gran = Gran::kDay;
    e->point.month = month;
    e->point.day = day;
    size_t y = dk, yend = 0;
    if (Is(y, ",")) ++y;
    if (Is(y, "of") || Is(y, "in")) ++y;
    int year = YearAt(y, i, &yend);
    if (year != kUnknown) { e->point.year = year; return yend; }
    return dk;
  }
  size_t y = j, yend = 0;
  if (Is(y, "of") || Is(y, ",") || Is(y, "-") || Is(y, "/")) ++y;
  int year = YearAt(y, i, &yend);
  if (year == kUnknown && Is(y - 1, "of") && Ok(y, i) && at_[y].kind == AtomKind::kNumber && at_[y].digits() == 2 &&
      !at_[y].ordinal() && !(Ok(y + 1, i) && at_[y + 1].kind != AtomKind::kPunct)) {
    int yy = IntOf(at_[y].number());  // April of 87
    year = yy < 50 ? 2000 + yy : 1900 + yy;
    yend = y + 1;
  }
  if (year != kUnknown) {
    e->point.gran = Gran::kMonth;
    e->point.month = month;
    e->point.year = year;
    return yend;
  }
  if (wd) return 0;
  e->point.gran = Gran::kMonth;
  e->point.month = month;
  return j;
}

// [weekday [,]] [the] Day [of] Month [[of|,] Year]
size_t Grammar::DayFirst(size_t i, Expr* e) const {
  size_t j = i;
  if (const WordInfo* w = Word(j); w && (w->weekday || w->weekday_abbr)) {
    ++j;
    if (Is(j, ",")) ++j;
  }
  if (Is(j, "the")) ++j;
  int day = Ok(j, i) ? DayNumber(j) : 0;
  size_t k = j + 1;
  bool cardinal_words = false;
  if (!day && Ok(j, i) && at_[j].kind == AtomKind::kWord && at_[j].word() && at_[j].word()->number >= 1) {
    // "twenty five January nineteen eighty six": a day in cardinal words, only with a year
    size_t e2 = 0;
    int n = SmallNumber(j, &e2);
    if (n >= 1 && n <= 31 && MonthAt(e2)) { day = n; k = e2; cardinal_words = true; }
  }
  if (!day) return 0;
  if (!cardinal_words && at_[j].word() && (at_[j].word()->number == 20 || at_[j].word()->number == 30))
    k = Is(j + 1, "-") ? j + 3 : j + 2;
  if (Is(k, "day") && Is(k + 1, "of") && (at_[j].ordinal() || (at_[j].word() && at_[j].word()->ordinal))) ++k;  // the 15th day of June
  if (Is(k, "of")) ++k;
  else if (Is(k, "-") || Is(k, "/")) ++k;
  int month = Ok(k, i) ? MonthAt(k) : 0;
  if (!month && Ok(k, i) && Word(k) && Word(k)->month) month = Word(k)->month;  // "the 9th of May"
  if (!month) return 0;
  if (at_[j].kind == AtomKind::kNumber && !at_[j].ordinal() && k == j + 1 && Is(i, "the")) return 0;
  e->point.gran = Gran::kDay;
  e->point.month = month;
  e->point.day = day;
  size_t y = k + 1, yend = 0;
  if (Is(y, ",") || Is(y, "of") || Is(y, "-") || Is(y, "/") || Is(y, "in")) ++y;
  int year = YearAt(y, i, &yend);
  if (year != kUnknown) { e->point.year = year; return yend; }
  if (cardinal_words) return 0;
  if (Ok(y, i) && at_[y].kind == AtomKind::kNumber && at_[y].digits() == 2 && (Is(y - 1, "of") || Is(y - 1, "/"))) {
    int yy = IntOf(at_[y].number());
    e->point.year = yy < 50 ? 2000 + yy : 1900 + yy;
    return y + 1;
  }
  return k + 1;
}

// Years, decades and centuries: 2020, FY2021, the 1990s, the '90s, the 21st century.
size_t Grammar::YearLike(size_t i, Expr* e) const {
  size_t j = i;
  bool fiscal = false;
  if (Is(j, "fy")) { fiscal = true; ++j; }
  else if (Is(j, "fiscal") && Is(j + 1, "year")) { fiscal = true; j += 2; }
  else if ((Is(j, "calendar") || Is(j, "the")) && Is(j + 1, "year")) j += 2;
  bool strong = fiscal || j > i || (i >= 2 && Is(i - 1, "than") && (Is(i - 2, "later") || Is(i - 2, "earlier")));
  // Only a 4-digit number reads `strong` (YearNumber): skip the word list otherwise.
  const bool four_digits = j < at_.size() && at_[j].kind == AtomKind::kNumber && at_[j].digits() == 4 && !at_[j].ordinal();
  if (!strong && i > 0 && four_digits) {
    std::string_view p = Text(at_[i - 1]);
    static constexpr std::string_view kPrep[] = {"in", "since", "until", "till", "by", "of", "from", "to", "between", "during",
                                        "before", "after", "and", "through", "early", "late", "mid", "-", "year",
                                        "spring", "summer", "autumn", "fall", "winter", "end"};
    if (InList(p, kPrep)) strong = true;
    if (p == "-" && i >= 2 && at_[i - 2].kind == AtomKind::kWord && !(Text(at_[i - 2]) == "mid")) strong = false;
  }
  int year = Ok(j, i) ? YearNumber(j, strong) : kUnknown;
  if (year != kUnknown) {
    // decades: 1990s, 1990 s, 1990's
    if (Ok(j + 1, i) && (Is(j + 1, "s") || Is(j + 1, "'s")) && year % 10 == 0 &&
        (at_[j + 1].glued || Is(j + 1, "s"))) {
      e->point.gran = Gran::kDecade;
      e->point.year = year / 10;
      return j + 2;
    }
    e->point.gran = Gran::kYear;
    e->point.year = year;
    e->point.fiscal = fiscal;
    return j + 1;
  }
  // the '90s, the 90s
  if (Ok(j, i) && at_[j].kind == AtomKind::kNumber && at_[j].digits() == 2 && IntOf(at_[j].number()) % 10 == 0 &&
      Ok(j + 1, i) && (Is(j + 1, "s") || Is(j + 1, "'s")) &&
      i > 0 && (Is(i - 1, "the") || Is(i - 1, "in") || Is(i - 1, "'") || Is(i - 1, "early") || Is(i - 1, "late"))) {
    int yy = IntOf(at_[j].number());
    e->point.gran = Gran::kDecade;
    e->point.year = (yy >= 30 ? 1900 + yy : 2000 + yy) / 10;
    return j + 2;
  }
  // the 21st century, the twenty-first century, the third millennium
  size_t k = Is(i, "the") ? i + 1 : i;
  int ord = 0;
  size_t after = k + 1;
  if (Ok(k, i) && at_[k].kind == AtomKind::kNumber && at_[k].ordinal()) ord = at_[k].ordinal();
  else if (Ok(k, i) && (ord = DayNumber(k)) && at_[k].kind == AtomKind::kWord) {
    if (at_[k].word()->number == 20 || at_[k].word()->number == 30) after = Is(k + 1, "-") ? k + 3 : k + 2;
  } else ord = 0;
  if (ord && Ok(after, i) && Word(after) && (Word(after)->unit == "CE" || Word(after)->unit == "MIL") &&
      !Word(after)->unit_plural) {
    e->point.gran = Word(after)->unit == "CE" ? Gran::kCentury : Gran::kMillennium;
    e->point.year = ord - 1;
    return after + 1;
  }
  return 0;
}

// Q3 2022, 2022 Q3, 2019-H2, H1 2021, the second quarter [of 2022], the first half of X
size_t Grammar::Quarter(size_t i, Expr* e) const {
  auto qh = [&](size_t k, Gran* g, int* n) {
    if (k + 1 >= at_.size() || !(Is(k, "q") || Is(k, "h")) || at_[k + 1].kind != AtomKind::kNumber ||
        !at_[k + 1].glued)
      return false;
    *g = Is(k, "q") ? Gran::kQuarter : Gran::kHalf;
    *n = IntOf(at_[k + 1].number());
    return *n >= 1 && *n <= (*g == Gran::kQuarter ? 4 : 2);
  };
  Gran g;
  int n;
  if (qh(i, &g, &n)) {  // Q3 [2022]
    e->point.gran = g;
    e->point.sub = n;
    size_t y = i + 2;
    if (Is(y, "-") || Is(y, ",")) ++y;
    int year = Ok(y, i) ? YearNumber(y, true) : kUnknown;
    if (year != kUnknown) { e->point.year = year; return y + 1; }
    if (!at_[i].capitalized) return 0;
    if (dct_) { e->point.year = dct_->year; e->anchored = true; }
    return i + 2;
  }
  int year = YearNumber(i, true);
  if (year != kUnknown) {  // 2022 Q3, 2019-H2
    size_t k = i + 1;
    if (Is(k, "-")) ++k;
    if (Ok(k, i) && qh(k, &g, &n)) {
      e->point.gran = g; e->point.sub = n; e->point.year = year;
      return k + 2;
    }
  }
  return 0;
}

size_t Grammar::TimeOfDay(size_t i, Point* p) const {
  if (i >= at_.size()) return 0;
  const Atom& a = at_[i];
  size_t j = 0;
  if (a.kind == AtomKind::kTimeLit) {
    if (!a.has_meridiem && a.mm() == kUnknown) return 0;
    p->hour = a.hh(); p->minute = a.mm() == kUnknown ? 0 : a.mm(); p->second = a.ss();
    j = i + 1;
    if (a.has_meridiem && j < at_.size() && at_[j].glued &&
        (Text(at_[j]) == ".m." || Text(at_[j]) == ".m" || Text(at_[j]) == "m." || Text(at_[j]) == "m"))
      ++j;  // 8p.m. split as 8p + .m.
    if (a.has_meridiem && Is(j, ".") && at_[j].glued && Is(j + 1, "m") && at_[j + 1].glued) j += Is(j + 2, ".") ? 3 : 2;
    if (!a.has_meridiem && j < at_.size() && a.hh() >= 1 && a.hh() <= 12) {
      std::string_view n = Text(at_[j]);
      bool am = n == "a.m." || n == "am" || n == "a.m", pm = n == "p.m." || n == "pm" || n == "p.m";
      if (am || pm) {
        p->hour = pm ? (a.hh() == 12 ? 12 : a.hh() + 12) : (a.hh() == 12 ? 0 : a.hh());
        ++j;
      }
    }
  } else if (a.kind == AtomKind::kNumber && a.digits() >= 1 && a.digits() <= 2 && a.number() >= 1 && a.number() <= 12 &&
             !a.separators && i + 1 < at_.size()) {
    std::string_view n = Text(at_[i + 1]);
    bool pm = false;
    size_t mer = MeridiemAt(i + 1, &pm);
    if (!mer && n != "o'clock" && n != "oclock") {
      if (size_t s = SpokenClock(i, p, i > 0 && Is(i - 1, "at"))) return s;  // 10 past 9
      return 0;
    }
    int h = IntOf(a.number());
    p->hour = pm ? (h == 12 ? 12 : h + 12) : (mer && h == 12 ? 0 : h);
    p->minute = 0;
    j = i + 1 + (mer ? mer : 1);
  } else if (a.word() && (a.word()->part_of_day == "NOON" || a.word()->part_of_day == "MIDNIGHT")) {
    p->hour = a.word()->part_of_day == "NOON" ? 12 : 0;
    p->minute = 0;
    j = i + 1;
  } else if (size_t s = SpokenClock(i, p, i > 0 && Is(i - 1, "at"))) {
    j = s;
  } else if (a.kind == AtomKind::kNumber && a.separators && i > 0 && Is(i - 1, "at") && Text(a).size() >= 4 &&
             Text(a).size() <= 5 && Text(a)[Text(a).size() - 3] == '.' &&
             (!Ok(i + 1, i) || at_[i + 1].kind == AtomKind::kPunct || Is(i + 1, "on") ||
              (Word(i + 1) && !Word(i + 1)->timezone.empty()))) {
    // at 6.45, at 17.30 (British clock)
    int h = IntOf(a.number()), m = static_cast<int>(std::lround((a.number() - h) * 100));
    if (h > 23 || m > 59) return 0;
    p->hour = h; p->minute = m;
    j = i + 1;
  } else {
    return 0;
  }
  if (Ok(j, i) && Word(j) && !Word(j)->timezone.empty()) ++j;
  else if (Ok(j + 1, i) && (Is(j + 1, "time")) && at_[j].capitalized) j += 2;  // Moscow time
  return j;
}

// A time after a date: "tomorrow 8:00am", "Monday at 3 p.m.", "Monday morning",
// "Monday morning from 10am to 12pm", "in the morning at 7".
size_t Grammar::AttachTime(size_t j, Expr* e) const {
  Gran g = e->point.gran;
  bool pod_only = g == Gran::kTime && e->point.hour == kUnknown && !e->point.part_of_day.empty();
  if ((g != Gran::kDay && g != Gran::kWeekday && !pod_only) || e->point.hour != kUnknown) return j;
  size_t q = (Is(j, "early") || Is(j, "late")) ? j + 1 : j;  // Sunday early morning
  if (!pod_only && e->point.part_of_day.empty() && Ok(q, e->first) && Word(q) && Word(q)->part_of_day.size() == 2) {
    e->point.part_of_day = Word(q)->part_of_day;
    j = q + 1;
  }
  if (size_t end = DayClock(j, e)) return end;
  return j;
}

// The first half of X, the first six months of X, the end of X, early X, mid-X,
// the last week of X, week 31 [of X].
size_t Grammar::Part(size_t i, Expr* e) const {
  size_t j = Is(i, "the") ? i + 1 : i;
  if (!Ok(j, i)) return 0;
  const WordInfo* w = Word(j);
  // early 2022, mid-2020, late March, the end of last year, the beginning of the month
  if (w && !w->part_mod.empty()) {
    size_t k = j + 1;
    bool of_form = false;
    if (Is(k, "-")) ++k;
    else if (Is(k, "of")) { ++k; of_form = true; }
    if (!of_form && (Text(at_[j]) == "end" || Text(at_[j]) == "beginning" || Text(at_[j]) == "middle" ||
                     Text(at_[j]) == "start" || Text(at_[j]) == "close"))
      return 0;
    size_t u = Is(k, "the") ? k + 1 : k;
    if (of_form && Word(u) && !Word(u)->unit_plural && Ok(u, i) &&
        (Word(u)->unit == "Y" || Word(u)->unit == "M" || Word(u)->unit == "W" || Word(u)->unit == "D") &&
        !(Ok(u + 1, i) && YearNumber(u + 1, true) != kUnknown) && !Is(u + 1, "of")) {
      // "the end of the year": the document's year, month, week or day
      if (!dct_) return 0;
      std::string_view unit = Word(u)->unit;
      e->point = Containing(*dct_, unit == "Y" ? Gran::kYear : unit == "M" ? Gran::kMonth
                                   : unit == "W" ? Gran::kWeek : Gran::kDay);
      e->mod = ModFromName(w->part_mod);
      e->anchored = true;
      return u + 1;
    }
    Expr inner;
    inner.first = k;
    size_t end = Ok(k, i) ? Core(k, &inner) : 0;
    if (!end || !inner.value.empty() || inner.type != TimeType::kDate || inner.point.gran == Gran::kDay ||
        inner.point.gran == Gran::kNone)
      return 0;
    *e = inner;
    e->mod = ModFromName(w->part_mod);
    return end;
  }
  // ordinal part: first/second half|quarter of X; first N months of X; last week of X
  int ord = 0;
  bool last = false;
  if (w && w->ordinal) ord = w->ordinal;
  else if (at_[j].ordinal()) ord = at_[j].ordinal();
  else if (Is(j, "last") || Is(j, "final")) last = true;
  if (!ord && !last) {
    if (Is(j, "week") && Ok(j + 1, i) && at_[j + 1].kind == AtomKind::kNumber && at_[j + 1].digits() <= 2) {
      int wk = IntOf(at_[j + 1].number());
      if (wk < 1 || wk > 53) return 0;
      size_t k = j + 2;
      Expr inner;
      inner.first = k + 1;
      size_t end = k;
      if (Is(k, "of") && Ok(k + 1, i) && (end = Core(k + 1, &inner)) && inner.point.gran == Gran::kYear) {
        e->point = inner.point;
        e->anchored = inner.anchored;
      } else {
        end = k;
        if (!dct_) return 0;
        e->point = Containing(*dct_, Gran::kYear);
        e->anchored = true;
      }
      e->point.gran = Gran::kWeek;
      e->point.sub = wk;
      return end;
    }
    return 0;
  }
  size_t k = j + 1;
  int count = 1;
  double amount = 0;
  if (size_t a = Amount(k, &amount); a && amount >= 1 && amount == std::floor(amount)) {
    count = IntOf(amount);
    k = a;
  }
  const WordInfo* u = Word(k);
  bool half = Is(k, "half");
  if ((!half && (!u || u->unit.empty())) || !Ok(k, i)) return 0;
  std::string unit = half ? "H" : u->unit;
  if (!Is(k + 1, "of") || !Ok(k + 2, i)) {
    // "the second quarter", "the first half" alone: of the document year
    if (!(unit == "Q" || unit == "H") || count != 1 || !ord || !dct_) return 0;
    if (unit == "Q" && ord > 4) return 0;
    e->point = Containing(*dct_, Gran::kYear);
    e->point.gran = Gran::kQuarter;
    e->point.sub = ord;
    e->anchored = true;
    return k + 1;
  }
  Expr inner;
  inner.first = k + 2;
  size_t end;
  if (Is(k + 2, "the") && Is(k + 3, "year") && !(Ok(k + 4, i) && YearNumber(k + 4, true) != kUnknown)) {
    if (!dct_) return 0;
    inner.point = Containing(*dct_, Gran::kYear);
    inner.anchored = true;
    end = k + 4;
  } else {
    end = Core(k + 2, &inner);
  }
  if (!end || !inner.value.empty()) return 0;
  Point base = inner.point;
  e->anchored = inner.anchored;
  if ((unit == "D" || (unit == "W" && count > 1)) && (ord == 1 || last) && base.year != kUnknown &&
      !base.fiscal && (base.gran == Gran::kYear || base.gran == Gran::kMonth)) {
    // the first ten days of last year, the last 3 weeks of this year: an interval of days
    CivilDate rb, re;
    if (!Range(base, &rb, &re)) return 0;
    int days = count * (unit == "W" ? 7 : 1);
    if (days > DaysBetween(rb, re)) return 0;
    CivilDate b = last ? AddDays(re, -days) : rb, en = last ? re : AddDays(rb, days);
    e->value = Timex(DayPoint(b)) + "/" + Timex(DayPoint(AddDays(en, -1)));
    e->has_range = true; e->range_begin = b; e->range_end = en;
    e->point = base;
    return end;
  }
  if (base.gran == Gran::kYear && base.year != kUnknown && !base.fiscal) {
    if ((Text(at_[k]) == "half" || Text(at_[k]) == "halves") && count == 1 && ord <= 2) {
      base.gran = Gran::kHalf; base.sub = last ? 2 : ord;
    } else if (unit == "Q" && count == 1 && ord <= 4) {
      base.gran = Gran::kQuarter; base.sub = last ? 4 : ord;
    } else if (unit == "M" && (ord == 1 || last) && (count == 6 || count == 3)) {
      base.gran = count == 6 ? Gran::kHalf : Gran::kQuarter;
      base.sub = last ? (count == 6 ? 2 : 4) : 1;
    } else if (unit == "M" && count == 1 && ord <= 12) {
      base.gran = Gran::kMonth; base.month = last ? 12 : ord;
    } else if (unit == "M" && (ord == 1 || last) && count < 12) {
      // the first N months of Y: an interval of months
      int m0 = last ? 13 - count : 1;
      Point a = base, b = base;
      a.gran = b.gran = Gran::kMonth;
      a.month = m0; b.month = m0 + count - 1;
      e->value = Timex(a) + "/" + Timex(b);
      CivilDate rb, re, x;
      Range(a, &rb, &x);
      Range(b, &x, &re);
      e->has_range = true; e->range_begin = rb; e->range_end = re;
      e->point = base;
      return end;
    } else if (unit == "W" && count == 1 && !last && ord <= 53) {
      base.gran = Gran::kWeek; base.sub = ord;
    } else {
      return 0;
    }
    e->point = base;
    return end;
  }
  if (base.gran == Gran::kMonth && unit == "W" && count == 1) {
    base.gran = Gran::kWeek;
    base.month_week = true;
    base.sub = last ? 5 : ord;
    e->point = base;
    return end;
  }
  return 0;
}

// ... to Y, ... - Y, ... and Y (after "between"): an interval A/B.
size_t Grammar::RangeTail(size_t j, bool between, Expr* e) const {
  if (!Ok(j, e->first)) return 0;
  size_t k = j;
  if (between ? !(Is(k, "and") || Is(k, "-") || Is(k, "to") || Is(k, "through")) : !(Is(k, "to") || Is(k, "-") || Is(k, "–") || Is(k, "until") ||
                                                   Is(k, "till") || Is(k, "through") || Is(k, "thru")))
    return 0;
  ++k;
  if (Is(k, "the") && Is(k + 1, "end") && Is(k + 2, "of")) k += 3;
  if (!Ok(k, e->first)) return 0;
  Expr b;
  b.first = k;
  size_t end = 0;
  if (dct_ && !Is(j, "-") && (Is(k, "now") || Is(k, "date") || (Is(k, "current") && Is(k + 1, "date")))) {
    b.point = DayPoint(*dct_);  // from March to date, from 2010 till now
    b.anchored = true;
    end = Is(k, "current") ? k + 2 : k + 1;
  } else if (size_t kd = Is(k, "the") ? k + 1 : k;
             e->point.gran == Gran::kDay && e->value.empty() && DayNumber(kd) && Ok(kd, e->first) &&
             !MonthAt(kd + 1) && !Is(kd + 1, "of") && !(Word(kd + 1) && !Word(kd + 1)->unit.empty()) &&
             !ClockFollows(kd + 1)) {
    k = kd;  // from april the ninth till the seventeenth: a bare day of the same month
  } else {
    end = Core(k, &b);
    if (!end) {  // what the failed parse left in b
      b = Expr();
      b.first = k;
    }
  }
  if (end && e->value == "PRESENT_REF" && Is(e->first, "now") && dct_ && b.value.empty() &&
      b.type == TimeType::kDate) {  // between now and November 15
    e->point = DayPoint(*dct_);
    e->value.clear();
    e->anchored = true;
  }
  Point& a = e->point;
  if (!end) {
    // November 19-20, 3 to 12 of Sept: a bare day after a day
    int day = DayNumber(k);
    if (!day || a.gran != Gran::kDay) return 0;
    b.point = a;
    b.point.day = day;
    end = k + 1;
    if (at_[k].word() && (at_[k].word()->number == 20 || at_[k].word()->number == 30)) end = Is(k + 1, "-") ? k + 3 : k + 2;
  }
  if (!b.value.empty() || b.point.gran == Gran::kNone) return 0;
  if (size_t yend = 0; Is(end, ",") && a.year == kUnknown && b.point.year == kUnknown && b.point.gran == Gran::kDay) {
    if (int year = YearAt(end + 1, e->first, &yend); year != kUnknown) {  // May 24-27, 2021
      a.year = year;
      b.point.year = year;
      end = yend;
    }
  }
  bool clock = e->point.gran == Gran::kTime && b.point.gran == Gran::kTime && e->point.year == kUnknown;
  if (clock) {  // 10:30 to 3 p.m.
    if (!e->value.empty() || b.point.year != kUnknown) return 0;
    e->value = Timex(e->point) + "/" + Timex(b.point);
    e->type = TimeType::kTime;
    return end;
  }
  if (b.type != TimeType::kDate || e->type != TimeType::kDate) return 0;
  if (Is(j, "-") && a.gran == Gran::kYear && b.point.gran != Gran::kYear) return 0;
  // complete a missing year from the other end ("Jan-Feb 2017", "from May to Oct 2020")
  if (a.year == kUnknown && b.point.year != kUnknown && a.gran == b.point.gran) {
    a.year = b.point.year;
    if (a.gran == Gran::kMonth && a.month > b.point.month) a.year -= 1;
    if (a.gran == Gran::kDay && (a.month > b.point.month)) a.year -= 1;
  }
  if (b.point.year == kUnknown && a.year != kUnknown && (b.point.gran == Gran::kMonth || b.point.gran == Gran::kDay)) {
    b.point.year = a.year;
    if ((b.point.month != kUnknown && a.month != kUnknown && b.point.month < a.month)) b.point.year += 1;
  }
  e->last = j;
  if (a.year == kUnknown && b.point.year == kUnknown && dct_ && a.gran == b.point.gran &&
      (a.gran == Gran::kMonth || a.gran == Gran::kDay) && a.month != kUnknown && b.point.month != kUnknown) {
    // anchor the interval as a whole: a future interval still running counts
    // ("from August to October" in September), a past one has begun
    int tense = Tense(e->first, end);
    int chosen = kUnknown;
    long best = 1L << 30;
    for (int y = dct_->year - 1; y <= dct_->year + 1; ++y) {
      Point pa = a, pb = b.point;
      pa.year = y;
      pb.year = b.point.month < a.month || (b.point.month == a.month && b.point.day < a.day) ? y + 1 : y;
      CivilDate ab, ae, bb, be;
      if (!Range(pa, &ab, &ae) || !Range(pb, &bb, &be)) continue;
      long to_begin = DaysBetween(*dct_, ab), to_end = DaysBetween(*dct_, be);
      if (tense > 0 && to_end <= 0) continue;
      if (tense < 0 && to_begin > 0) continue;
      long dist = to_begin <= 0 && to_end > 0 ? 0 : std::min(std::labs(to_begin), std::labs(to_end));
      if (tense > 0 && to_begin > 0) dist = to_begin;
      if (tense < 0 && to_end <= 0) dist = -to_end;
      if (dist < best) { best = dist; chosen = y; }
    }
    if (chosen != kUnknown) {
      bool wraps = b.point.month < a.month || (b.point.month == a.month && b.point.day < a.day);
      a.year = chosen;
      b.point.year = wraps ? chosen + 1 : chosen;
      e->anchored = b.anchored = true;
    }
  }
  Anchor(e);
  if (b.point.year == kUnknown && e->point.year != kUnknown && b.point.gran == e->point.gran &&
      (b.point.gran == Gran::kMonth || b.point.gran == Gran::kDay)) {
    b.point.year = e->point.year;  // May to March: March of the next year
    if (b.point.month < e->point.month) b.point.year += 1;
    b.anchored = true;
  }
  b.last = end;
  Anchor(&b);
  Finish(e);
  Finish(&b);
  if (!e->has_range || !b.has_range) {
    e->value = Timex(e->point) + "/" + Timex(b.point);
    e->has_range = false;
    return end;
  }
  if (DaysBetween(e->range_begin, b.range_begin) < 0) return 0;
  e->value = Timex(e->point) + "/" + Timex(b.point);
  e->range_end = b.range_end;
  e->anchored = e->anchored || b.anchored;
  e->mod = TimeMod::kNone;
  return end;
}

bool Grammar::NoRuleAfterNumber(size_t i) const {
  static constexpr WordList kAfterNumber(kAfterNumberTexts);
  const Atom& a = at_[i];
  if (a.digits() == 4 || !Ok(i + 1, i)) return false;  // a year; a number that ends its sentence
  const Atom& next = at_[i + 1];
  if (next.kind == AtomKind::kWord) {
    if (next.word() || next.flags || next.starts) return false;  // a word of the lexicon
  } else if (next.kind != AtomKind::kPunct || a.ordinal() || a.separators) {
    return false;  // "on the 18th.", "at 6.45."
  }
  return !kAfterNumber.Has(Text(next));
}

size_t Grammar::Core(size_t i, Expr* e) const {
  using Rule = size_t (Grammar::*)(size_t, Expr*) const;
  static const Rule kRules[] = {&Grammar::DateLit, &Grammar::MonthFirst, &Grammar::DayFirst, &Grammar::YearLike,
                                &Grammar::Quarter, &Grammar::Part, &Grammar::Relative, &Grammar::Deictic,
                                &Grammar::Offset, &Grammar::Set, &Grammar::Ref, &Grammar::NumericDate,
                                &Grammar::MonthDay, &Grammar::HolidayAt, &Grammar::OffsetFrom, &Grammar::Weekday,
                                &Grammar::DayRange};
  // Each rule is tried only where its first test can pass (Atom::starts,
  // lexicon.h): a rule skipped this way would have returned 0.
  static constexpr uint16_t kRuleStarts[] = {
      kStartDateLit, kStartMonthFirst, kStartDay, kStartYear, kStartQuarter, kStartPart, kStartRelative,
      kStartDeictic, kStartOffset, kStartSet, kStartRef, kStartNumericDate, kStartDay, kStartHoliday,
      kStartAmount, kStartWeekday, kStartDay};
  constexpr size_t kRuleCount = sizeof(kRules) / sizeof(kRules[0]);
  static_assert(std::size(kRuleStarts) == kRuleCount, "one StartBit per rule");
  // The rules (bit k: kRules[k]) of each value of the low and the high byte of a StartBit set.
  struct RuleTable {
    uint32_t low[256] = {}, high[256] = {};
  };
  static constexpr RuleTable kRulesOf = [] {
    RuleTable t;
    for (unsigned b = 0; b < 256; ++b)
      for (size_t k = 0; k < kRuleCount; ++k) {
        if (kRuleStarts[k] & b) t.low[b] |= uint32_t{1} << k;
        if (kRuleStarts[k] & (b << 8)) t.high[b] |= uint32_t{1} << k;
      }
    return t;
  }();
  if (i >= at_.size()) return 0;
  const Atom& a = at_[i];
  if (a.kind == AtomKind::kNumber && NoRuleAfterNumber(i)) return 0;
  uint16_t starts = a.starts;
  // Ref needs a reference word or the first two words of a phrase
  if ((starts & kStartRef) && !(a.word() && !a.word()->ref.empty()) &&
      !((a.flags & kPhraseStart) && i + 1 < at_.size() && (at_[i + 1].flags & kPhraseSecond)))
    starts &= static_cast<uint16_t>(~kStartRef);
  // After "the" a rule needs a day, year, part, relative or holiday word.
  if (Text(a) == "the" && i + 1 < at_.size()) {
    const uint16_t next = at_[i + 1].starts;
    uint16_t keep = kStartRef;
    if (next & kStartDay) keep |= kStartDay;
    if ((next & kStartYear) || Is(i + 1, "year")) keep |= kStartYear;
    if (next & kStartPart) keep |= kStartPart;
    if (next & kStartRelative) keep |= kStartRelative | kStartDeictic;
    if (Is(i + 1, "day")) keep |= kStartDeictic;
    if (next & kStartHoliday) keep |= kStartHoliday;
    starts &= keep;
  }
  // Offset after "in" needs a duration next.
  const bool in = Text(a) == "in" || Text(a) == "within";
  if (in && !(i + 1 < at_.size() && (at_[i + 1].starts & kStartAmount))) starts &= static_cast<uint16_t>(~kStartOffset);
  if (!starts && !(a.flags & kPodStart)) return 0;
  size_t best = 0;
  Expr& best_e = *e;  // the parse so far, in the caller's Expr (as constructed: Core's contract)
  // Duration, OffsetFrom and Offset (but after "in") begin with a duration:
  // parsed once here, into best_e. The first rule that ends there or later
  // replaces it (of rules ending alike the first wins, as among the rules).
  bool duration_best = false;
  // best_e as constructed (no Duration parsed into it): the first rule tried
  // parses into it, not into a scratch Expr moved there
  bool best_e_fresh = !(starts & kStartAmount);
  if (starts & kStartAmount) {
    best_e.first = i;
    std::string unit;
    double amount = 0;
    best = Duration(i, &best_e, &unit, &amount);
    // (on failure best_e holds what Duration left: only a later parse, assigned whole, is read)
    if (best) duration_best = true;
    else starts &= static_cast<uint16_t>(~(kStartAmount | (in ? 0 : kStartOffset)));
  }
  // the rules that can start here, in kRules order
  for (uint32_t rules = kRulesOf.low[starts & 0xff] | kRulesOf.high[starts >> 8]; rules; rules &= rules - 1) {
    const Rule r = kRules[std::countr_zero(rules)];
    if (best_e_fresh) {  // best is 0: a parse is the best so far, and a failed one leaves best_e unread
      best_e_fresh = false;
      best_e.first = i;
      best = (this->*r)(i, &best_e);
      continue;
    }
    Expr x;
    x.first = i;
    size_t end = (this->*r)(i, &x);
    if (end > best || (duration_best && end == best)) {
      best = end;
      best_e = std::move(x);
      duration_best = false;
    }
  }
  if ((a.flags & kPodStart) && (Is(i, "early") || Is(i, "late") || Is(i, "mid")) && Word(i + 1) && Word(i + 1)->part_of_day.size() == 2 &&
      Ok(i + 1, i) && i + 2 > best && !(Word(i + 2) && !Word(i + 2)->unit.empty())) {
    best = i + 2;  // late afternoon
    best_e = Expr();
    best_e.point.gran = Gran::kTime;
    best_e.point.part_of_day = Word(i + 1)->part_of_day;
    best_e.type = TimeType::kTime;
    best_e.mod = ModFromName(Word(i)->part_mod);
  }
  if ((a.flags & kPodStart) && Is(i, "in") && Is(i + 1, "the") && Word(i + 2) && Word(i + 2)->part_of_day.size() == 2 && Ok(i + 2, i) &&
      i + 3 > best) {
    best = i + 3;
    best_e = Expr();
    best_e.point.gran = Gran::kTime;
    best_e.point.part_of_day = Word(i + 2)->part_of_day;
    best_e.type = TimeType::kTime;
  }
  if (starts & kStartClock) {
    // a clock time or clock range, then a part of day or a day:
    // "7 in the evening", "3:00 to 4:00 tomorrow", "between 3 and 8 yesterday"
    Point t, until;
    bool strong = true, range = false;
    // TimeOfDay writes *p without reading it: a call the failed range made
    // left t and its end as a second call would
    size_t time_of_day = SIZE_MAX;
    size_t end = ClockRange(i, &t, &until, &strong, &time_of_day);
    if (end) range = true;
    else end = time_of_day != SIZE_MAX ? time_of_day : TimeOfDay(i, &t);
    if (end > best) {
      Expr x;
      x.first = i;
      x.type = TimeType::kTime;
      x.point.gran = Gran::kTime;
      x.point.hour = t.hour; x.point.minute = t.minute; x.point.second = t.second;
      if (range) { x.has_until = true; x.until_hour = until.hour; x.until_minute = until.minute; }
      std::string pod;
      if (Is(end, "in") && Is(end + 1, "the") && Ok(end + 2, i) && Word(end + 2) && Word(end + 2)->part_of_day.size() == 2) {
        pod = Word(end + 2)->part_of_day;
        end += 3;
      }
      size_t k = Is(end, "on") || Is(end, ",") ? end + 1 : end;
      Expr day;
      size_t day_end = Ok(k, i) ? DayAfterClock(k, &day) : 0;
      if (day_end) {
        x.point.gran = day.point.gran == Gran::kWeekday ? Gran::kWeekday : Gran::kDay;
        x.point.year = day.point.year; x.point.month = day.point.month; x.point.day = day.point.day;
        x.point.weekday = day.point.weekday;
        x.anchored = day.anchored;
        if (pod.empty()) pod = day.point.part_of_day;
        end = day_end;
      }
      if (pod == "AF" || pod == "EV" || (pod == "NI" && x.point.hour >= 5)) {
        if (x.point.hour < 12) x.point.hour += 12;
        if (range && x.until_hour < 12) x.until_hour += 12;
      }
      if (!range || strong || day_end || !pod.empty()) {  // between 5 and 6 in the afternoon
        best = end;
        best_e = std::move(x);
      }
    }
  }
  if (!best) return 0;
  e->first = i;
  if (e->value.empty()) best = AttachTime(best, e);
  e->last = best;
  return best;
}

std::optional<Expr> Grammar::ParseAt(size_t i) const {
  if (i >= at_.size() || at_[i].kind == AtomKind::kPunct) return std::nullopt;
  size_t j = i;
  TimeMod mod = TimeMod::kNone;
  bool from = false, between = false, approx = false;
  std::string_view w = Text(at_[i]);
  if (!(at_[i].flags & kPrefix)) {}  // none of the modifiers below (lexicon.cc marks them all)
  else if (w == "from") { from = true; ++j; }
  else if (w == "between") { between = true; ++j; }
  else if ((w == "more" || w == "less" || w == "fewer") && Is(i + 1, "than")) {
    mod = w == "more" ? TimeMod::kMoreThan : TimeMod::kLessThan; j += 2;
  } else if (w == "at" && (Is(i + 1, "least") || Is(i + 1, "most"))) {
    mod = Is(i + 1, "least") ? TimeMod::kEqualOrMore : TimeMod::kEqualOrLess; j += 2;
  } else if (w == "up" && Is(i + 1, "to")) { mod = TimeMod::kEqualOrLess; j += 2; }
  else if (w == "no" && Is(i + 1, "later") && Is(i + 2, "than")) { mod = TimeMod::kOnOrBefore; j += 3; }
  else if ((w == "later" || w == "earlier") && Is(i + 1, "than")) {  // later than 2018
    mod = w == "later" ? TimeMod::kAfter : TimeMod::kBefore; j += 2;
  }
  else if (w == "as" && Is(i + 1, "of")) { mod = TimeMod::kOnOrAfter; j += 2; }
  else if (w == "prior" && Is(i + 1, "to")) { mod = TimeMod::kBefore; j += 2; }
  else if (at_[i].word() && !at_[i].word()->anchor_mod.empty() &&
           !((w == "about" || w == "around" || w == "some" || w == "over" || w == "under") && i + 1 < at_.size() &&
             at_[i + 1].kind == AtomKind::kWord && !(at_[i + 1].word() && at_[i + 1].word()->number > 0) &&
             !Is(i + 1, "the"))) {
    mod = ModFromName(at_[i].word()->anchor_mod);
    approx = mod == TimeMod::kApprox;
    ++j;
  }
  if (j > i && !Ok(j, i)) return std::nullopt;
  Expr e;
  e.first = j;
  size_t end = Core(j, &e);
  if (!end) return std::nullopt;
  end = ClockFor(j, end, &e);
  if (size_t r = RangeTail(end, between, &e)) {
    end = r;
    e.first = i;
  } else if (between) {
    if (!e.has_until && e.value.find('/') == std::string::npos) return std::nullopt;
    e.first = i;
  } else if (from) {
    e.first = j;
    if (e.mod == TimeMod::kNone && e.type == TimeType::kDate) e.mod = TimeMod::kOnOrAfter;
  } else if (mod != TimeMod::kNone) {
    bool duration = e.type == TimeType::kDuration;
    bool bound = mod == TimeMod::kMoreThan || mod == TimeMod::kLessThan || mod == TimeMod::kEqualOrMore ||
                 mod == TimeMod::kEqualOrLess;
    if (bound && !duration) {
      e.first = j;  // "more than 2020" is not a time modifier
    } else if (mod == TimeMod::kApprox || bound || !duration) {
      if (e.mod == TimeMod::kNone || mod != TimeMod::kApprox) {
        // since early 2020: keep START of since, the part mod is lost (TIMEX3 has one mod)
        e.mod = mod;
      }
      e.first = (approx && e.type == TimeType::kSet) ? j : i;  // "nearly every day": the set alone
    } else {
      e.first = j;
    }
  }
  e.last = end;
  Anchor(&e);
  Finish(&e);
  return e;
}

}  // namespace communique::internal::times
