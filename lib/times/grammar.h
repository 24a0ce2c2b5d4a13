// Internal: the time-expression grammar. A hand-written parser over atoms
// with bounded look-ahead: ParseAt(i) tries every rule at atom i and keeps
// the longest parse, so a document is scanned in one linear pass.
#ifndef COMMUNIQUE_LIB_TIMES_GRAMMAR_H_
#define COMMUNIQUE_LIB_TIMES_GRAMMAR_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "communique/time.h"
#include "times/calendar.h"
#include "times/lexicon.h"

namespace communique::internal::times {

/// One parsed expression (atoms [first, last)).
struct Expr {
  size_t first = 0, last = 0;
  TimeType type = TimeType::kDate;
  Point point;              ///< when value is empty
  std::string value;        ///< overrides Timex(point): P6M, PRESENT_REF, 2014/2016
  TimeMod mod = TimeMod::kNone;
  bool has_range = false;
  CivilDate range_begin, range_end;
  std::string_view quant;   ///< EVERY, EACH: literals only
  std::string freq;
  bool anchored = false;
  bool has_until = false;  ///< a clock range on the point's day: until_hour:until_minute
  int until_hour = kUnknown, until_minute = kUnknown;
};

/// The parts of a duration in falling units ("2 years 1 month 21 days").
struct DurParts {
  int n = 0;
  std::string_view unit[4];
  double amount[4] = {0, 0, 0, 0};
};

class Grammar {
 public:
  /// pool: the analysis' norm pool, which the atoms' texts are in.
  Grammar(const Lexicon& lex, std::span<const Atom> atoms, const char* pool, std::optional<CivilDate> dct)
      : lex_(lex), at_(atoms), pool_(pool), dct_(dct) {}
  /// The longest expression starting at atom i, or nullopt.
  std::optional<Expr> ParseAt(size_t i) const;
  /// The last explicit day the text named ("on July 9, 2015"): "six years
  /// later" counts from it rather than from the document date.
  void SetNarrativeDate(const CivilDate& d) { narrative_ = d; }
  const std::optional<CivilDate>& narrative_date() const { return narrative_; }

 private:
  // grammar.cc: structure, absolute dates, parts, ranges
  /// The longest expression at atom i (its end, 0 if none), parsed into
  /// *e, which must be as constructed (e->first aside); on failure *e is
  /// left in no particular state.
  size_t Core(size_t i, Expr* e) const;
  /// Whether no rule can start at number atom i: it is not a four-digit year
  /// and the atom after it in its sentence is a word unknown to the lexicon
  /// (or punctuation after a plain integer) that no rule reads after a number.
  bool NoRuleAfterNumber(size_t i) const;
  size_t DateLit(size_t i, Expr* e) const;
  size_t MonthFirst(size_t i, Expr* e) const;
  size_t DayFirst(size_t i, Expr* e) const;
  size_t YearLike(size_t i, Expr* e) const;
  size_t Part(size_t i, Expr* e) const;
  size_t Quarter(size_t i, Expr* e) const;
  size_t TimeOfDay(size_t i, Point* p) const;
  size_t AttachTime(size_t i, Expr* e) const;
  size_t RangeTail(size_t i, bool between, Expr* e) const;
  size_t ClockFor(size_t j, size_t end, Expr* e) const;
  // relative.cc: relative and deictic dates, durations, sets, references
  size_t Relative(size_t i, Expr* e) const;
  size_t Deictic(size_t i, Expr* e) const;
  size_t Offset(size_t i, Expr* e) const;
  size_t Duration(size_t i, Expr* e, std::string* unit, double* amount, DurParts* parts = nullptr) const;
  size_t Set(size_t i, Expr* e) const;
  size_t Ref(size_t i, Expr* e) const;
  size_t Weekday(size_t i, Expr* e) const;
  size_t Amount(size_t i, double* value) const;
  // compound.cc: clock ranges, day + clock, numeric dates, days of month, holidays
  /// time_of_day (unless null): what TimeOfDay(i, p) returned, as Clock tries it first.
  size_t Clock(size_t i, Point* p, bool* meridiem, bool bare_ok, size_t* time_of_day = nullptr) const;
  /// time_of_day (unless null) is set to TimeOfDay(i, a) if the range tried it (else left alone);
  /// on failure *a then holds what that call wrote.
  size_t ClockRange(size_t i, Point* a, Point* b, bool* strong, size_t* time_of_day = nullptr) const;
  size_t DayClock(size_t k, Expr* e) const;
  size_t DayAfterClock(size_t k, Expr* e) const;
  size_t NumericDate(size_t i, Expr* e) const;
  size_t MonthDay(size_t i, Expr* e) const;
  size_t HolidayAt(size_t i, Expr* e) const;
  size_t HolidayDay(size_t i, Expr* e) const;
  size_t OffsetFrom(size_t i, Expr* e) const;
  size_t DayRange(size_t i, Expr* e) const;
  bool DayOfWeek(const Point& week, int weekday, Point* out) const;
  // spoken.cc: clock times and years in words
  size_t MeridiemAt(size_t k, bool* pm) const;  ///< atoms of an a.m./p.m. marker at k, 0 if none
  bool ClockFollows(size_t k) const;             ///< "pm", "o'clock", "-9am" after a number
  int SmallNumber(size_t i, size_t* end) const;  ///< 0..59 in digits or words, -1 if none
  size_t SpokenClock(size_t i, Point* p, bool bare_ok) const;
  int YearWords(size_t i, size_t* end) const;
  int YearAt(size_t y, size_t start, size_t* end) const;  ///< a year in digits or words

  // helpers
  /// Atom i exists in start's sentence (inline: every rule asks).
  bool Ok(size_t i, size_t start) const { return i < at_.size() && at_[i].sentence == at_[start].sentence; }
  std::string_view Text(const Atom& a) const { return a.text(pool_); }
  bool Is(size_t i, std::string_view w) const { return i < at_.size() && Text(at_[i]) == w; }
  const WordInfo* Word(size_t i) const { return i < at_.size() ? at_[i].word() : nullptr; }
  int MonthAt(size_t i) const;           ///< month number, honouring May/March checks; 0 if none
  int DayNumber(size_t i) const;         ///< 1..31 from "25", "25th", "twenty-fifth"; 0 if none
  int YearNumber(size_t i, bool strong) const;  ///< a plausible year, or kUnknown
  int Tense(size_t first, size_t last) const;   ///< -1 past, +1 future, 0 unknown
  void Anchor(Expr* e) const;            ///< fills a year-less point from the document date
  void Finish(Expr* e) const;            ///< range from the point

  const Lexicon& lex_;
  std::span<const Atom> at_;
  const char* pool_;
  std::optional<CivilDate> dct_;
  std::optional<CivilDate> narrative_;
};

TimeMod ModFromName(std::string_view name);

/// Easter Sunday of year y (Gregorian computus).
CivilDate Easter(int y);
/// The date of a holiday in year y; false if it has none (Feb 29).
bool HolidayDate(const Holiday& h, int y, CivilDate* out);

}  // namespace communique::internal::times

#endif  // COMMUNIQUE_LIB_TIMES_GRAMMAR_H_
