#include "header/dateline.h"

#include <utf8proc.h>

#include "core/utf8.h"

namespace communique::internal {
namespace {

// The month names of MONTH, each longer form before its abbreviations: the
// order in which the pattern's alternatives are tried.
constexpr std::string_view kMonths[] = {
    "January", "Jan", "February", "Feb", "March", "Mar", "April", "Apr", "May",
    "June", "Jun", "July", "Jul", "August", "Aug", "September", "Sept", "Sep",
    "October", "Oct", "November", "Nov", "December", "Dec"};
constexpr std::string_view kParticles[] = {"de", "del", "da", "la", "al", "el"};
constexpr std::string_view kDashes[] = {"--", "-", "\xE2\x80\x94", "\xE2\x80\x93", ":"};

// The steps after the date: SP* \.? SP* AGENCY? SP* \.? SP* DASH? SP+.
enum class Step { kSpaces, kDot, kAgency, kDash, kLastSpaces };
constexpr Step kTail[] = {Step::kSpaces, Step::kDot,    Step::kSpaces, Step::kAgency,    Step::kSpaces,
                          Step::kDot,    Step::kSpaces, Step::kDash,   Step::kLastSpaces};

// A depth-first search in the pattern's order of preference; the first
// success wins, and each step records its part as the search returns.
class Scanner {
 public:
  Scanner(std::string_view text, DatelineParts* out) : s_(text), out_(out) {}

  bool Match() {
    const size_t first = UpperAt(0);
    return first != 0 && WordRest(first, 1);
  }

 private:
  bool At(size_t pos, std::string_view literal) const {
    return pos <= s_.size() && s_.substr(pos, literal.size()) == literal;
  }
  // Byte length of an SP at pos, or 0.
  size_t SpaceAt(size_t pos) const { return At(pos, " ") ? 1 : At(pos, "\xC2\xA0") ? 2 : 0; }
  size_t SkipSpaces(size_t pos) const {
    while (size_t n = SpaceAt(pos)) pos += n;
    return pos;
  }
  bool DigitAt(size_t pos) const { return pos < s_.size() && s_[pos] >= '0' && s_[pos] <= '9'; }
  // Byte length of a letter at pos (an upper-case one if `upper`), or 0.
  size_t LetterAt(size_t pos, bool upper) const {
    if (pos >= s_.size()) return 0;
    const char c = s_[pos];
    if (static_cast<unsigned char>(c) < 0x80)
      return (c >= 'A' && c <= 'Z') || (!upper && c >= 'a' && c <= 'z') ? 1 : 0;
    const Decoded d = DecodeAt(s_, pos);
    if (!d.valid) return 0;
    const utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(d.cp));
    const bool ok = upper ? cat == UTF8PROC_CATEGORY_LU
                          : cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
    return ok ? d.len : 0;
  }
  size_t UpperAt(size_t pos) const { return LetterAt(pos, true); }

  // A place word after its first capital: [\p{Lu}.'-]*, longest first,
  // then one character shorter at a time.
  bool WordRest(size_t pos, int words) {
    size_t end = pos;
    while (true) {
      if (At(end, ".") || At(end, "'") || At(end, "-")) ++end;
      else if (size_t n = UpperAt(end)) end += n;
      else break;
    }
    while (true) {
      if (Words(end, words)) return true;
      if (end == pos) return false;
      do --end;  // back to the start of the previous character
      while ((static_cast<unsigned char>(s_[end]) & 0xC0) == 0x80);
    }
  }

  // After `words` place words ending at pos: up to four words in all.
  bool Words(size_t pos, int words) {
    if (words < 4) {
      if (const size_t space = SpaceAt(pos)) {
        const size_t next = pos + space;
        if (const size_t first = UpperAt(next); first != 0 && WordRest(next + first, words + 1))
          return true;
        for (std::string_view particle : kParticles)
          if (At(next, particle) && Words(next + particle.size(), words + 1)) return true;
      }
    }
    if (!AfterPlace(pos)) return false;
    out_->place = {0, pos};
    return true;
  }

  // (?:,SP+D\.C\.)? then the date.
  bool AfterPlace(size_t pos) {
    if (At(pos, ",")) {
      const size_t dc = SkipSpaces(pos + 1);
      if (dc > pos + 1 && At(dc, "D.C.") && AfterDc(dc + 4)) return true;
    }
    return AfterDc(pos);
  }

  // (?:,SP*(DATE))? then the tail.
  bool AfterDc(size_t pos) {
    if (At(pos, ",")) {
      const size_t date = SkipSpaces(pos + 1);
      if (MonthFirst(date) || DayFirst(date)) return true;
    }
    return Tail(pos, 0);
  }

  // MONTH\.?SP+\d{1,2}
  bool MonthFirst(size_t pos) {
    for (std::string_view month : kMonths) {
      if (!At(pos, month)) continue;
      const size_t after = pos + month.size();
      for (size_t dot : {1, 0}) {
        if (dot == 1 && !At(after, ".")) continue;
        const size_t day = SkipSpaces(after + dot);
        if (day == after + dot) continue;
        for (size_t digits : {2, 1}) {
          if (!DigitAt(day) || (digits == 2 && !DigitAt(day + 1))) continue;
          if (Tail(day + digits, 0)) {
            out_->date = {pos, day + digits};
            return true;
          }
        }
      }
    }
    return false;
  }

  // \d{1,2}SP+MONTH
  bool DayFirst(size_t pos) {
    for (size_t digits : {2, 1}) {
      if (!DigitAt(pos) || (digits == 2 && !DigitAt(pos + 1))) continue;
      const size_t month_at = SkipSpaces(pos + digits);
      if (month_at == pos + digits) continue;
      for (std::string_view month : kMonths) {
        if (At(month_at, month) && Tail(month_at + month.size(), 0)) {
          out_->date = {pos, month_at + month.size()};
          return true;
        }
      }
    }
    return false;
  }

  // [\p{L}-]+(?: [\p{L}-]+)? closed by `close`: the end of the name, or 0.
  size_t AgencyName(size_t pos, std::string_view close) const {
    auto letters_end = [this](size_t at) {
      while (true) {
        if (At(at, "-")) ++at;
        else if (size_t n = LetterAt(at, false)) at += n;
        else return at;
      }
    };
    const size_t first = letters_end(pos);
    if (first == pos) return 0;
    if (At(first, " ")) {
      const size_t second = letters_end(first + 1);
      if (second > first + 1 && At(second, close)) return second;
    }
    return At(first, close) ? first : 0;
  }

  bool Tail(size_t pos, size_t step) {
    switch (kTail[step]) {
      case Step::kSpaces: {
        // Spaces given back to the final SP+ end the match here, every later
        // part absent: the search's fallback once the longer run fails.
        const size_t end = SkipSpaces(pos);
        if (Tail(end, step + 1)) return true;
        if (end == pos) return false;
        out_->end = end;
        return true;
      }
      case Step::kDot:
        return (At(pos, ".") && Tail(pos + 1, step + 1)) || Tail(pos, step + 1);
      case Step::kAgency: {
        const bool slash = At(pos, "/");
        if (slash || At(pos, "(")) {
          const size_t end = AgencyName(pos + 1, slash ? "/" : ")");
          if (end != 0 && Tail(end + 1, step + 1)) {
            (slash ? out_->agency_slash : out_->agency_paren) = {pos + 1, end};
            return true;
          }
        }
        return Tail(pos, step + 1);
      }
      case Step::kDash:
        for (std::string_view dash : kDashes) {
          if (At(pos, dash) && Tail(pos + dash.size(), step + 1)) {
            out_->dash = {pos, pos + dash.size()};
            return true;
          }
        }
        return Tail(pos, step + 1);
      case Step::kLastSpaces: {
        const size_t end = SkipSpaces(pos);
        if (end == pos) return false;
        out_->end = end;
        return true;
      }
    }
    return false;
  }

  std::string_view s_;
  DatelineParts* out_;
};

}  // namespace

bool MatchDateline(std::string_view text, DatelineParts* parts) {
  *parts = {};
  if (Scanner(text, parts).Match()) return true;
  *parts = {};
  return false;
}

}  // namespace communique::internal
