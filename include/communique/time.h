// communique/time.h: time expressions normalized to TimeML TIMEX3.
//
//   for (const communique::TimeExpression& t : analysis.times)
//     std::cout << communique::Slice(text, t.span) << " -> " << t.value;
//   // "last year -> 2020", "the first six months of 2021 -> 2021-H1"
//
// Relative expressions are anchored on the document date (DocumentHeader);
// without one they keep a relative form (see docs/records.md). Plain data.
#ifndef COMMUNIQUE_TIME_H_
#define COMMUNIQUE_TIME_H_

#include <cstdint>
#include <string>

#include "communique/config.h"
#include "communique/span.h"

COMMUNIQUE_BEGIN_NAMESPACE

enum class TimeType : uint8_t { kDate, kTime, kDuration, kSet };

/// TIMEX3 mod values.
enum class TimeMod : uint8_t {
  kNone, kStart, kMid, kEnd, kApprox, kBefore, kAfter, kOnOrBefore,
  kOnOrAfter, kLessThan, kMoreThan, kEqualOrLess, kEqualOrMore,
};

struct TimeExpression {
  Span span;
  TimeType type = TimeType::kDate;
  std::string value;        ///< TIMEX3 value: 2021-08-02, 2021-H1, P6M, PRESENT_REF, XXXX-09-25
  TimeMod mod = TimeMod::kNone;
  std::string range_begin;  ///< ISO date, inclusive; empty if the value is no calendar period
  std::string range_end;    ///< ISO date, exclusive
  std::string quant;        ///< for sets: EVERY, EACH, ...
  std::string freq;         ///< for sets: 2X for "twice a year"
  bool anchored = false;    ///< the value was computed from the document date
};

COMMUNIQUE_API std::string_view TimeTypeName(TimeType t) noexcept;  ///< "DATE"
COMMUNIQUE_API std::string_view TimeModName(TimeMod m) noexcept;    ///< "START", "" for none

COMMUNIQUE_END_NAMESPACE

#endif  // COMMUNIQUE_TIME_H_
