// The time grammar, part four: times and years in words ("half past three",
// "ten to six", "five-thirty", "six pm", "nineteen eighty-six", "two
// thousand and fifteen") and the clock markers the other rules test for.
#include "times/grammar.h"

namespace communique::internal::times {

// a.m./p.m. at atom k, also split as "a m", "p . m ."; the atoms it takes.
size_t Grammar::MeridiemAt(size_t k, bool* pm) const {
  if (k >= at_.size()) return 0;
  std::string_view t = Text(at_[k]);
  if (t == "am" || t == "a.m." || t == "a.m") { *pm = false; return 1; }
  if (t == "pm" || t == "p.m." || t == "p.m") { *pm = true; return 1; }
  if ((t == "a" || t == "p" || t == "a." || t == "p.") && Ok(k + 1, k)) {
    *pm = t[0] == 'p';
    if (Is(k + 1, "m") || Is(k + 1, "m.")) return Is(k + 2, ".") && at_[k + 2].glued ? 3 : 2;
    if (Is(k + 1, ".") && (Is(k + 2, "m") || Is(k + 2, "m."))) return Is(k + 3, ".") ? 4 : 3;
  }
  return 0;
}

// Whether atom k continues a number into a clock time: "1 pm", "4 o'clock",
// "8-9am", "11 - 4": a weekday before it is then not a day of month.
bool Grammar::ClockFollows(size_t k) const {
  bool pm;
  if (k >= at_.size()) return false;
  if (MeridiemAt(k, &pm) || Is(k, "o'clock") || Is(k, "oclock") || Is(k, ":")) return true;
  if ((Is(k, "-") || Is(k, "to")) && k + 1 < at_.size() &&
      (at_[k + 1].kind == AtomKind::kTimeLit ||
       (at_[k + 1].kind == AtomKind::kNumber && at_[k + 1].digits() >= 1 && at_[k + 1].digits() <= 2 &&
        (k + 2 >= at_.size() || at_[k + 2].kind == AtomKind::kPunct || MeridiemAt(k + 2, &pm) ||
         (at_[k + 2].glued && at_[k + 2].kind == AtomKind::kWord)))))
    return true;
  return false;
}

// A number 1..59 in words or digits: "ten", "forty-five", "forty five", "10".
int Grammar::SmallNumber(size_t i, size_t* end) const {
  if (i >= at_.size()) return -1;
  const Atom& a = at_[i];
  if (a.kind == AtomKind::kNumber) {
    if (a.digits() < 1 || a.digits() > 2 || a.separators || a.ordinal() || a.number() > 59) return -1;
    if (i + 1 < at_.size() && at_[i + 1].glued && at_[i + 1].kind == AtomKind::kWord) return -1;
    *end = i + 1;
    return IntOf(a.number());
  }
  if (!a.word() || a.word()->number < 0 || a.word()->number > 59 || Text(a) == "a" || Text(a) == "an" ||
      Text(a) == "couple" || Text(a) == "dozen")
    return -1;
  int n = a.word()->number;
  *end = i + 1;
  if (n >= 20 && n % 10 == 0) {
    size_t k = Is(i + 1, "-") ? i + 2 : i + 1;
    if (const WordInfo* u = Word(k); u && u->number >= 1 && u->number <= 9 && Ok(k, i) && !Is(k, "a")) {
      n += u->number;
      *end = k + 1;
    }
  }
  return n;
}

// Spoken clock times: "half past three", "a quarter to four", "ten past 9",
// "twenty minutes to six", "eight o'clock", "six pm", "nine thirty a m",
// "five-thirty". A bare "nine thirty" only where a clock is expected.
size_t Grammar::SpokenClock(size_t i, Point* p, bool bare_ok) const {
  if (i >= at_.size()) return 0;
  size_t j = i, k = 0;
  int minutes = -1;
  if (Is(j, "half")) { minutes = 30; ++j; }
  else if (Is(j, "quarter") || (Is(j, "a") && Is(j + 1, "quarter"))) { minutes = 15; j += Is(j, "a") ? 2 : 1; }
  else if (int n = SmallNumber(j, &k); n >= 1) {
    minutes = n;
    j = k;
    if (Is(j, "minutes") || Is(j, "minute") || Is(j, "mins") || Is(j, "min")) ++j;
  }
  bool pm = false;
  // N past|to H; "ten to twelve" is a clock only with "minutes", a.m./p.m.,
  // o'clock, a part of day or after "at"
  if (minutes >= 1 && (Is(j, "past") || Is(j, "to")) && Ok(j + 1, i)) {
    bool to = Is(j, "to");
    size_t hend = 0;
    int h = SmallNumber(j + 1, &hend);
    if (h < 1 || h > 12 || (to && minutes > 30) || (Word(hend) && !Word(hend)->unit.empty())) return 0;
    size_t end = hend;
    bool marked = false;
    if (size_t m = MeridiemAt(end, &pm)) { end += m; marked = true; }
    else if (Is(end, "o'clock")) { ++end; marked = true; }
    bool spoken = Is(i, "half") || Is(i, "quarter") || Is(i, "a");
    bool unit = j > i + 1 && at_[j - 1].word() && at_[j - 1].word()->unit == "MIN";
    // "3 to 5 p.m." and "from ten to six" are ranges
    bool range = i > 0 && (Is(i - 1, "from") || Is(i - 1, "between"));
    if (to && !spoken && !unit &&
        (at_[i].kind != AtomKind::kWord || range || !(marked || bare_ok || (Is(end, "in") && Is(end + 1, "the")))))
      return 0;
    int hour = to ? h - 1 : h, minute = to ? 60 - minutes : minutes;
    if (hour == 0) hour = 12;
    if (marked) hour = pm ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour);
    p->hour = hour; p->minute = minute; p->second = kUnknown;
    return end;
  }
  // H [MM] (am|pm|o'clock), H-MM, bare H MM
  if (Is(i, "half") || Is(i, "quarter") || Is(i, "a")) return 0;
  int h = SmallNumber(i, &k);
  if (h < 0 || h > 12 || at_[i].kind != AtomKind::kWord) return 0;
  size_t end = k;
  int minute = 0;
  bool hyphen = Is(end, "-");
  size_t mend = 0;
  int mm = SmallNumber(hyphen ? end + 1 : end, &mend);
  if (Is(hyphen ? end + 1 : end, "oh") && Ok(end + 2, i)) {  // nine oh five
    mm = SmallNumber(hyphen ? end + 2 : end + 1, &mend);
    if (mm > 9) mm = -1;
  } else if (mm >= 0 && mm < 10) {
    mm = -1;  // "six two" is no clock
  }
  bool has_minutes = mm >= 0 && Ok(mend - 1, i) && at_[hyphen ? end + 1 : end].kind == AtomKind::kWord;
  if (has_minutes) { minute = mm; end = mend; }
  if (size_t m = MeridiemAt(end, &pm)) {
    p->hour = pm ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h);
    p->minute = minute; p->second = kUnknown;
    return end + m;
  }
  if (!has_minutes && (Is(end, "o'clock") || Is(end, "oclock"))) {
    p->hour = h; p->minute = 0; p->second = kUnknown;
    return end + 1;
  }
  if (has_minutes && (hyphen || bare_ok || (Is(end, "in") && Is(end + 1, "the")))) {
    p->hour = h; p->minute = minute; p->second = kUnknown;
    return end;
  }
  return 0;
}

// A year in words: "nineteen eighty-six", "nineteen hundred ninety three",
// "seventeen hundred thirty three", "two thousand [and] fifteen", "two thousand".
int Grammar::YearWords(size_t i, size_t* end) const {
  if (i >= at_.size() || at_[i].kind != AtomKind::kWord || !at_[i].word()) return kUnknown;
  int head = at_[i].word()->number;
  size_t k = 0;
  if (head == 2 && Is(i + 1, "thousand")) {
    size_t j = i + 2;
    if (Is(j, "and") && Ok(j + 1, i)) ++j;
    int rest = Ok(j, i) ? SmallNumber(j, &k) : -1;
    if (rest >= 1 && at_[j].kind == AtomKind::kWord) { *end = k; return 2000 + rest; }
    *end = i + 2;
    return 2000;
  }
  if (head < 10 || head > 20 || head == 10) return kUnknown;
  size_t j = i + 1;
  if (Is(j, "hundred")) {
    ++j;
    if (Is(j, "and")) ++j;
    int rest = Ok(j, i) ? SmallNumber(j, &k) : -1;
    if (rest < 0 && Ok(j, i) && at_[j].word() && at_[j].word()->number >= 60 && at_[j].word()->number <= 90) {
      rest = at_[j].word()->number;  // SmallNumber stops at 59
      k = j + 1;
      if (const WordInfo* u = Word(Is(k, "-") ? k + 1 : k); u && u->number >= 1 && u->number <= 9) {
        rest += u->number;
        k = (Is(k, "-") ? k + 1 : k) + 1;
      }
    }
    if (rest >= 1 && at_[j].kind == AtomKind::kWord) { *end = k; return head * 100 + rest; }
    return kUnknown;
  }
  if (head == 20 || !Ok(j, i)) return kUnknown;  // "twenty twenty" is too ambiguous
  if (Is(j, "oh") && Word(j + 1) && Word(j + 1)->number >= 1 && Word(j + 1)->number <= 9) {
    *end = j + 2;
    return head * 100 + Word(j + 1)->number;
  }
  const WordInfo* t = Word(j);
  if (!t || t->number < 10 || t->number > 90 || Is(j, "dozen") || Is(j, "hundred"))
    return kUnknown;
  int rest = t->number;
  k = j + 1;
  if (rest >= 20 && rest % 10 == 0) {
    size_t u = Is(k, "-") ? k + 1 : k;
    if (const WordInfo* w = Word(u); w && w->number >= 1 && w->number <= 9 && Ok(u, i) && !Is(u, "a")) {
      rest += w->number;
      k = u + 1;
    }
  }
  *end = k;
  return head * 100 + rest;
}

// A year in digits (strong) or in words at atom y; *end past it.
int Grammar::YearAt(size_t y, size_t start, size_t* end) const {
  if (!Ok(y, start)) return kUnknown;
  int year = YearNumber(y, true);
  if (year != kUnknown) { *end = y + 1; return year; }
  return YearWords(y, end);
}

}  // namespace communique::internal::times
