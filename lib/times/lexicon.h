// Internal: the word classes of the times stage (lib/data/time_words.tsv,
// time_phrases.tsv) and the atoms the grammar reads: tokens re-split at
// letter/digit/hyphen boundaries, with numeric date and clock literals
// recognised whole.
#ifndef COMMUNIQUE_LIB_TIMES_LEXICON_H_
#define COMMUNIQUE_LIB_TIMES_LEXICON_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/re2.h>

#include "communique/analysis.h"
#include "communique/status.h"
#include "core/hash.h"
#include "times/calendar.h"
#include "tokenize/token_starts.h"

namespace communique::internal::times {

/// The rules of the grammar (Grammar::Core) that can start at an atom, one
/// bit each (Atom::starts). Set once per atom from its kind, word classes and
/// form, so that Core tries only the rules whose first test can pass: each
/// bit admits every atom its rules can start with (and may admit more).
enum StartBit : uint16_t {
  kStartDateLit = 1 << 0,       ///< a date literal, a weekday before one
  kStartMonthFirst = 1 << 1,    ///< a month or weekday word
  kStartDay = 1 << 2,           ///< DayFirst, MonthDay, DayRange: a number, ordinal or number word, weekday, the
  kStartYear = 1 << 3,          ///< YearLike: a number, ordinal or number word, the, fy, fiscal, calendar
  kStartQuarter = 1 << 4,       ///< a number, q, h
  kStartPart = 1 << 5,          ///< a number, ordinal or part word (early), the, last, final, week
  kStartRelative = 1 << 6,      ///< a relative word (next), the, earlier, later
  kStartDeictic = 1 << 7,       ///< today, tomorrow, yesterday, tonight, tonite, last, the
  kStartOffset = 1 << 8,        ///< an amount (kStartAmount), in, within
  kStartSet = 1 << 9,           ///< a number or number word, set word, weekday plural, every, each, per, once...
  kStartRef = 1 << 10,          ///< a reference word, the first word of a reference phrase
  kStartNumericDate = 1 << 11,  ///< a number without separators or ordinal suffix
  kStartHoliday = 1 << 12,      ///< a holiday's first word, a relative word, the, weekend
  kStartAmount = 1 << 13,       ///< Duration, OffsetFrom: a number, number word, unit plural, half
  kStartWeekday = 1 << 14,      ///< a weekday word
  kStartClock = 1 << 15,        ///< a number, clock literal, number word, noon, midnight, half, quarter, a, from, between
};

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
  uint16_t starts = 0;   ///< StartBit of these classes (the form's own bits are in Atom::starts)
};

/// A holiday of time_phrases.tsv: a fixed day (@12-25), a day after Easter
/// (@easter+1) or the n-th weekday of a month (@11/4/4 = fourth Thursday of
/// November, n = -1 the last), plus an offset in days.
struct Holiday {
  enum Kind : uint8_t { kFixed, kEaster, kNthWeekday } kind = kFixed;
  int month = 0, day = 0, weekday = 0, nth = 0, offset = 0;
};

/// Words and punctuation first: Atom::word() tests kind <= kPunct.
enum class AtomKind : uint8_t { kWord, kPunct, kNumber, kDateLit, kTimeLit };

/// Flags of a word form: where an expression can start.
enum WordFlag : uint8_t {
  kOpener = 1,        ///< opens an expression without being a time word ("from", "the", "today")
  kPhraseStart = 2,   ///< first word of a reference phrase ("so" of "so far")
  kHolidayStart = 4,  ///< first word of a holiday ("christmas", "new")
  kCore = 8,          ///< a time word proper: month, weekday, unit, ordinal, part of day, set, ref;
                      ///< also set on number, date and clock atoms
  kPhraseSecond = 16, ///< second word of a reference phrase ("far" of "so far")
  kPodStart = 32,     ///< early, late, mid, in: before a part of day ("late afternoon", "in the morning")
  kPrefix = 64,       ///< a modifier Grammar::ParseAt takes before an expression ("from", "about", "more";
                      ///< also set on an atom whose stripped form is one: "about.")
  kPhraseLater = 128, ///< a word after the first of some phrase or holiday ("far", "year's", "eve")
};

/// A number as an int, saturated at a million: the values of "1e21" or a
/// 300-digit run are out of int range (casting them is undefined behaviour),
/// and calendar arithmetic on a count (months, days) must not overflow.
inline int IntOf(double v) {
  constexpr double kMax = 1e6;
  if (!(v > -kMax)) return -1000000;  // also NaN
  if (v > kMax) return 1000000;
  return static_cast<int>(v);
}

/// A token or piece of one. 32 bytes, two to a cache line (an atom is built
/// for every token): the text is an offset into the analysis' norm pool,
/// and a number's value or a literal's fields share the word's place.
class Atom {
 public:
  Atom() = default;
  /// A word or punctuation atom of a whole token (no classes yet), every
  /// member set at once: built in registers and stored whole.
  Atom(uint32_t b, uint32_t e, int32_t sent, AtomKind k, bool cap, bool glue, uint32_t pool_begin, uint32_t size)
      : begin(b), end(e), sentence(sent), kind(k), capitalized(cap), glued(glue), text_begin_(pool_begin),
        text_size_(size) {}
  uint32_t begin = 0, end = 0;
  int32_t sentence = -1;
  uint16_t starts = 0;     ///< StartBit: the rules that can start here
  uint8_t flags = 0;       ///< WordFlag bits of the word form
  AtomKind kind : 3 = AtomKind::kWord;
  bool capitalized : 1 = false;
  bool glued : 1 = false;       ///< no space before and part of the previous atom's token
  bool separators : 1 = false;  ///< "2,020", "1.5"
  bool has_meridiem : 1 = false;
  bool ordinal_suffix : 1 = false;  ///< a kNumber with st/nd/rd/th ("21st")

  /// The lower-cased text, in the analysis' norm pool.
  std::string_view text(const char* pool) const { return {pool + text_begin_, text_size_}; }
  void set_text(const char* pool, std::string_view t) {
    set_text(static_cast<uint32_t>(t.data() - pool), static_cast<uint32_t>(t.size()));
  }
  void set_text(uint32_t pool_begin, uint32_t size) {
    text_begin_ = pool_begin;
    text_size_ = size;
  }
  /// A word's classes (null for other kinds).
  const WordInfo* word() const { return kind <= AtomKind::kPunct ? u_.word : nullptr; }
  void set_word(const WordInfo* w) { u_.word = w; }
  /// kNumber value (0 for other kinds).
  double number() const { return kind == AtomKind::kNumber ? u_.number : 0; }
  /// 21 for "21st" (0 if no ordinal suffix).
  int16_t ordinal() const { return ordinal_suffix ? static_cast<int16_t>(number()) : int16_t{0}; }
  /// Digit count of a plain integer (at most 99), 0 if not one.
  uint8_t digits() const {
    if (kind != AtomKind::kNumber || separators) return 0;
    return static_cast<uint8_t>(std::min<uint32_t>(text_size_ - (ordinal_suffix ? 2 : 0), 99));
  }
  /// Sets a kNumber atom's value and ordinal suffix (the text is set first).
  void set_number(double v, bool suffix) {
    kind = AtomKind::kNumber;
    u_.number = v;
    ordinal_suffix = suffix;
  }
  /// kDateLit: year, month, day; kTimeLit: hour (24 h after am/pm), minute, second.
  int y() const { return Field(0); }
  int m() const { return Field(1); }
  int d() const { return Field(2); }
  int hh() const { return y(); }  ///< kTimeLit
  int mm() const { return m(); }
  int ss() const { return d(); }
  /// Sets a literal's fields (kUnknown or values the literal patterns allow: at most 4 digits).
  void set_literal(AtomKind k, int y, int m, int d) {
    kind = k;
    u_.ymd = {Narrow(y), Narrow(m), Narrow(d)};
  }

 private:
  static constexpr int16_t kNone = INT16_MIN;  ///< kUnknown
  static int16_t Narrow(int v) { return v == kUnknown || v < -32767 || v > 32767 ? kNone : static_cast<int16_t>(v); }
  int Field(int k) const {
    if (kind != AtomKind::kDateLit && kind != AtomKind::kTimeLit) return kUnknown;
    const int16_t v = u_.ymd[static_cast<size_t>(k)];
    return v == kNone ? kUnknown : v;
  }
  uint32_t text_begin_ = 0, text_size_ = 0;
  union Payload {
    const WordInfo* word = nullptr;
    double number;
    std::array<int16_t, 3> ymd;
  } u_;
};
static_assert(sizeof(Atom) <= 32, "two atoms per cache line");

/// Whether Grammar::ParseAt can succeed at an atom: some rule can start
/// there, or it is a modifier or part-of-day word that can precede one.
inline bool MayStartParse(const Atom& a) { return a.starts || (a.flags & (kPodStart | kPrefix)); }

/// Longest phrase or holiday of time_phrases.tsv, in bytes (checked at load).
constexpr size_t kMaxPhraseBytes = 64;

/// Words joined by single spaces, as the phrase and holiday keys are, in a
/// fixed buffer: Add fails once the text would be longer than every key.
class JoinedWords {
 public:
  bool Add(std::string_view w) {
    const size_t space = len_ ? 1 : 0;
    if (len_ + space + w.size() > kMaxPhraseBytes) return false;
    if (space) buf_[len_++] = ' ';
    w.copy(buf_ + len_, w.size());
    len_ += w.size();
    return true;
  }
  std::string_view view() const { return {buf_, len_}; }

 private:
  char buf_[kMaxPhraseBytes];
  size_t len_ = 0;
};

class Lexicon {
 public:
  static Result<std::unique_ptr<Lexicon>> Create();
  const WordInfo* Find(std::string_view w) const;
  /// The word's classes (or null) and its WordFlag bits, in one lookup.
  /// Inline: most words of a text fail the shape test.
  const WordInfo* Lookup(std::string_view w, uint8_t* flags) const {
    uint16_t starts;
    return Lookup(w, flags, &starts);
  }
  /// The same with the StartBit of the form and its classes.
  const WordInfo* Lookup(std::string_view w, uint8_t* flags, uint16_t* starts) const {
    size_t head, tail;
    if (const size_t n = w.size(); n >= 2) {  // ShapeBit, inline for the common case
      const size_t len = n < 31 ? n : 31;
      head = (ShapeLetter(w[0]) * 28 + ShapeLetter(w[1])) * 32 + len;
      tail = (ShapeLetter(w[n - 1]) * 28 + ShapeLetter(w[n - 2])) * 32 + len;
    } else {
      head = ShapeBit(w, false);
      tail = ShapeBit(w, true);
    }
    if (!(shapes_[head / 64] >> (head % 64) & 1) || !(tails_[tail / 64] >> (tail % 64) & 1)) {
      *flags = 0;
      *starts = 0;
      return nullptr;
    }
    return Probe(HashWord(w), flags, starts);
  }
  /// Value of a multi-word reference phrase ("so far"), or "".
  std::string_view Phrase(std::string_view joined) const;
  size_t max_phrase_words() const { return max_phrase_words_; }
  /// Whether "first second" begins some reference phrase ("so far", "in the").
  bool PhrasePair(std::string_view first, std::string_view second) const;
  /// Whether a word begins some reference phrase ("so" of "so far").
  bool StartsPhrase(std::string_view w) const { uint8_t f = 0; Lookup(w, &f); return f & kPhraseStart; }
  const Holiday* FindHoliday(std::string_view joined) const;
  /// Whether some longer phrase or holiday begins with these words.
  bool Continues(std::string_view joined) const { return prefixes_.count(joined) > 0; }
  /// Whether an atom can be a later word of a phrase or holiday key: a
  /// word of one (kPhraseLater), or a text of several words.
  static bool MayContinue(const Atom& a, std::string_view text) {
    return (a.flags & kPhraseLater) || text.find(' ') != std::string_view::npos;
  }
  bool StartsHoliday(std::string_view w) const { uint8_t f = 0; Lookup(w, &f); return f & kHolidayStart; }
  size_t max_holiday_words() const { return max_holiday_words_; }
  /// Marks every word form of the lexicon with kStartTime, and each form
  /// with classes followed by "." or "'s" (FindStripped), so that Atoms
  /// looks up only the tokens that have the bit.
  void AddStartWords(StartWords* words) const;
  /// The atoms of tokens [token_begin, token_end) (out is cleared), and
  /// in may_start (cleared) the indices of the atoms where MayStartParse
  /// holds, ascending: the stage parses there only, without a second pass
  /// over every atom.
  void Atoms(std::string_view text, const Analysis& a, size_t token_begin, size_t token_end,
             std::vector<Atom>* out, std::vector<uint32_t>* may_start) const;

 private:
  Lexicon();
  /// The classes of a word without its final period or 's ("sept.",
  /// "monday's") when the whole form has none.
  void FindStripped(std::string_view text, Atom* x) const;
  /// Atoms of a token with digits or hyphens (Atoms builds the common cases inline).
  void AddPieces(std::string_view text, const Token& t, const char* pool, std::string_view norm, int32_t sentence,
                 std::vector<Atom>* out) const;
  struct Hash {  // of the phrase and holiday maps
    using is_transparent = void;
    size_t operator()(std::string_view s) const {  // FNV-1a: words are short
      uint64_t h = 14695981039346656037ull;
      for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
      return static_cast<size_t>(h ^ (h >> 29));
    }
  };
  struct Entry {
    WordInfo info;
    bool has_info = false;
    uint8_t flags = 0;
    uint16_t starts = 0;  ///< StartBit of the form and its classes
  };
  template <class V>
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;
  Map<Entry> words_;  ///< every word form the grammar looks at
  /// words_ as an open-addressing table keyed by HashWord alone (power-of-two
  /// size, linear probing; core/hash.h: two words share a hash with
  /// probability about 2^-64): one probe for most words of a text.
  struct Slot {
    uint64_t hash = 0;
    const Entry* entry = nullptr;
  };
  std::vector<Slot> table_;
  size_t mask_ = 0;
  /// Bits (first two letters, length) and (last two letters, length) of every
  /// form in words_: most words of a text are rejected by them before hashing.
  static size_t ShapeBit(std::string_view w, bool tail);
  /// 1..26 for 'a'..'z', 27 for any other byte.
  static constexpr std::array<uint8_t, 256> kShapeLetter = [] {
    std::array<uint8_t, 256> t{};
    for (size_t c = 0; c < 256; ++c) t[c] = c >= 'a' && c <= 'z' ? static_cast<uint8_t>(c - 'a' + 1) : 27;
    return t;
  }();
  static size_t ShapeLetter(char c) { return kShapeLetter[static_cast<unsigned char>(c)]; }
  /// Lookup of a word's HashWord past the shape test or its kStartTime bit: the hash table.
  const WordInfo* Probe(uint64_t hash, uint8_t* flags, uint16_t* starts) const {
    for (size_t h = hash & mask_;; h = (h + 1) & mask_) {
      const Slot& s = table_[h];
      if (!s.entry) break;
      if (s.hash == hash) {
        *flags = s.entry->flags;
        *starts = s.entry->starts;
        return s.entry->has_info ? &s.entry->info : nullptr;
      }
    }
    *flags = 0;
    *starts = 0;
    return nullptr;
  }
  std::vector<uint64_t> shapes_ = std::vector<uint64_t>(28 * 28 * 32 / 64 + 1, 0);
  std::vector<uint64_t> tails_ = std::vector<uint64_t>(28 * 28 * 32 / 64 + 1, 0);
  Map<std::string> phrases_;
  Map<bool> phrase_pairs_;  ///< first two words of each multi-word phrase
  /// phrase_pairs_ as an open-addressing table (power-of-two size, linear
  /// probing) keyed by PairHash: PhrasePair joins no words to look one up.
  struct PairSlot {
    uint64_t hash = 0;
    std::string key;
    bool used = false;
  };
  std::vector<PairSlot> pair_table_;
  size_t pair_mask_ = 0;
  /// FNV-1a of "first second".
  static uint64_t PairHash(std::string_view first, std::string_view second) {
    uint64_t h = 14695981039346656037ull;
    for (char c : first) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    h = (h ^ static_cast<unsigned char>(' ')) * 1099511628211ull;
    for (char c : second) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h ^ (h >> 29);
  }
  Map<bool> prefixes_;      ///< the first words (not all) of each phrase and holiday
  size_t max_phrase_words_ = 1;
  Map<Holiday> holidays_;
  size_t max_holiday_words_ = 0;
  RE2 iso_date_, dmy_dots_, mdy_slash_, mdy_dash_, ym_, clock_, meridiem_;
};

}  // namespace communique::internal::times

#endif  // COMMUNIQUE_LIB_TIMES_LEXICON_H_
