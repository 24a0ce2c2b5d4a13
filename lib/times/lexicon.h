// Internal: the word classes of the times stage (lib/data/time_words.tsv,
// time_phrases.tsv) and the atoms the grammar reads: tokens re-split at
// letter/digit/hyphen boundaries, with numeric date and clock literals
// recognised whole.
#ifndef COMMUNIQUE_LIB_TIMES_LEXICON_H_
#define COMMUNIQUE_LIB_TIMES_LEXICON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/re2.h>

#include "communique/analysis.h"
#include "communique/status.h"
#include "times/calendar.h"

namespace communique::internal::times {

/// Every class a word can have (a word may have several: "second", "may").
struct WordInfo {
  int month = 0, weekday = 0, weekdays = 0, weekday_abbr = 0;
  int season = -1;
  std::string unit;      ///< S MIN H D W FN M Q Y DE CE WE NI MIL
  bool unit_plural = false;
  int number = -1;       ///< cardinal value; -2 = vague (several, few)
  int ordinal = 0;
  int relative = -9;     ///< -1 last, 0 this, +1 next; -9 none
  std::string part_of_day, timezone, set, anchor_mod, part_mod, ref;
};

/// A holiday of time_phrases.tsv: a fixed day (@12-25), a day after Easter
/// (@easter+1) or the n-th weekday of a month (@11/4/4 = fourth Thursday of
/// November, n = -1 the last), plus an offset in days.
struct Holiday {
  enum Kind : uint8_t { kFixed, kEaster, kNthWeekday } kind = kFixed;
  int month = 0, day = 0, weekday = 0, nth = 0, offset = 0;
};

enum class AtomKind : uint8_t { kWord, kNumber, kPunct, kDateLit, kTimeLit };

struct Atom {
  uint32_t begin = 0, end = 0;
  AtomKind kind = AtomKind::kWord;
  std::string text;        ///< lower-cased
  const WordInfo* word = nullptr;
  double number = 0;       ///< kNumber value
  int digits = 0;          ///< digit count of a plain integer, 0 if not one
  int ordinal = 0;         ///< 21 for "21st"
  bool capitalized = false;
  bool glued = false;      ///< no space before and part of the previous atom's token
  bool separators = false; ///< "2,020", "1.5"
  int32_t sentence = -1;
  int y = kUnknown, m = kUnknown, d = kUnknown;  ///< kDateLit
  int hh = kUnknown, mm = kUnknown, ss = kUnknown;  ///< kTimeLit (24 h after am/pm)
  bool has_meridiem = false;
};

class Lexicon {
 public:
  static Result<std::unique_ptr<Lexicon>> Create();
  const WordInfo* Find(std::string_view w) const;
  /// Value of a multi-word reference phrase ("so far"), or "".
  std::string_view Phrase(std::string_view joined) const;
  size_t max_phrase_words() const { return max_phrase_words_; }
  /// Whether a word begins some reference phrase ("so" of "so far").
  bool StartsPhrase(std::string_view w) const { return phrase_starts_.count(std::string(w)) > 0; }
  const Holiday* FindHoliday(std::string_view joined) const;
  bool StartsHoliday(std::string_view w) const { return holiday_starts_.count(std::string(w)) > 0; }
  size_t max_holiday_words() const { return max_holiday_words_; }
  /// The atoms of a document's tokens.
  void Atoms(std::string_view text, const Analysis& a, std::vector<Atom>* out) const;

 private:
  Lexicon();
  void AddPieces(std::string_view text, const Token& t, std::string_view norm, int32_t sentence,
                 std::vector<Atom>* out) const;
  std::unordered_map<std::string, WordInfo> words_;
  std::unordered_map<std::string, std::string> phrases_;
  std::unordered_map<std::string, bool> phrase_starts_;
  size_t max_phrase_words_ = 1;
  std::unordered_map<std::string, Holiday> holidays_;
  std::unordered_map<std::string, bool> holiday_starts_;
  size_t max_holiday_words_ = 0;
  RE2 iso_date_, dmy_dots_, mdy_slash_, mdy_dash_, ym_, clock_, meridiem_;
};

}  // namespace communique::internal::times

#endif  // COMMUNIQUE_LIB_TIMES_LEXICON_H_
