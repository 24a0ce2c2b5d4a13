#include "figures/numbers.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "figures/fractions.h"

namespace communique::internal {
namespace {

// A value kept exact as long as the arithmetic allows, with a double shadow.
struct Val {
  Decimal d;
  double v = 0;
  bool exact = true;

  static Val Int(uint64_t x) { Val r; r.d = Decimal::FromInt(x); r.v = static_cast<double>(x); return r; }
  static Val Of(const Decimal& x) { Val r; r.d = x; r.v = x.ToDouble(); return r; }
  bool IsZero() const { return exact ? d.IsZero() : v == 0; }
};

Val Add(const Val& a, const Val& b) {
  Val r;
  r.exact = a.exact && b.exact;
  if (r.exact) { r.d = Decimal::Add(a.d, b.d); r.v = r.d.ToDouble(); }
  else r.v = a.v + b.v;
  return r;
}

// a * m where m is a table value (power of ten or small).
Val Mul(Val a, uint64_t m) {
  int zeros = 0;
  uint64_t x = m;
  while (x >= 10 && x % 10 == 0) { x /= 10; ++zeros; }
  a.v *= static_cast<double>(m);
  if (a.exact) {
    if (x > 1) a.d.MultiplySmall(static_cast<uint32_t>(x));
    a.d.Shift(zeros);
  }
  return a;
}

Val Div(const Val& a, uint64_t den) {
  Val r;
  r.v = a.v / static_cast<double>(den);
  r.exact = a.exact && Decimal::DivideExact(a.d, den, &r.d);
  return r;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) if (!IsDigit(c)) return false;
  return true;
}

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

// Splits "1,234.5" into groups by the separator `sep`.
std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  for (;;) {
    size_t j = s.find(sep, i);
    if (j == std::string_view::npos) { out.push_back(s.substr(i)); break; }
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// Digits in groups of three after a first group of one to three,
// separated by commas: "35,000", "1,234,567".
bool ThousandsGroups(std::string_view s) {
  size_t first = s.find(',');
  if (first == 0 || first > 3 || (s.size() - first) % 4 != 0) return false;
  for (size_t k = 0; k < s.size(); ++k) {
    const bool comma_place = k >= first && (k - first) % 4 == 0;
    if (comma_place ? s[k] != ',' : !IsDigit(s[k])) return false;
  }
  return true;
}

// Canonical "1234.5" from a numeral with grouping and decimal separators;
// false when the separators make no number (192.168.1.2, 22,24,26).
bool CanonicalDigits(std::string_view s, std::string* out) {
  size_t commas = 0, points = 0;
  for (char c : s) commas += c == ',', points += c == '.';
  out->clear();
  if (commas && points) {
    char dec = s[s.find_last_of(",.")];
    char group = dec == '.' ? ',' : '.';
    if ((dec == '.' ? points : commas) != 1) return false;
    std::string_view int_part = s.substr(0, s.find(dec));
    std::vector<std::string_view> g = SplitOn(int_part, group);
    for (size_t k = 1; k < g.size(); ++k) if (g[k].size() != 3 && !(g[k].size() == 2 && k + 1 < g.size())) return false;
    for (char c : s) {
      if (c == group) continue;
      out->push_back(c == dec ? '.' : c);
    }
    return true;
  }
  if (commas && ThousandsGroups(s)) {  // "35,000", the common case, without splitting
    for (char c : s) if (c != ',') out->push_back(c);
    return true;
  }
  if (commas) {
    std::vector<std::string_view> g = SplitOn(s, ',');
    bool thousands = !g[0].empty() && g[0].size() <= 3;
    for (size_t k = 1; k < g.size(); ++k) thousands = thousands && g[k].size() == 3;
    bool indian = g.size() >= 3 && g.back().size() == 3 && g[0].size() <= 2;
    for (size_t k = 1; indian && k + 1 < g.size(); ++k) indian = g[k].size() == 2;
    if (thousands || indian) {
      for (char c : s) if (c != ',') out->push_back(c);
      return true;
    }
    if (g.size() == 2 && !g[0].empty() && !g[1].empty()) {  // European decimal comma: 1,3
      *out = std::string(g[0]) + "." + std::string(g[1]);
      return true;
    }
    return false;
  }
  if (points > 1) {
    std::vector<std::string_view> g = SplitOn(s, '.');
    if (g[0].empty() || g[0].size() > 3) return false;
    for (size_t k = 1; k < g.size(); ++k) if (g[k].size() != 3) return false;
    for (char c : s) if (c != '.') out->push_back(c);
    return true;
  }
  *out = std::string(s);
  return true;
}

struct DigitToken {
  Decimal value;
  std::string suffix;   // lower case
  bool upper = false;
  bool ordinal = false;
  bool plain = false;   // digits only, no separators or suffix
};

bool ParseDigitToken(std::string_view s, DigitToken* t) {
  if (AllDigits(s)) {  // most numbers: what the general path gives them
    t->plain = true;
    return Decimal::Parse(s, &t->value);
  }
  size_t n = 0;
  while (n < s.size() && (IsDigit(s[n]) || s[n] == ',' || s[n] == '.')) ++n;
  std::string_view num = s.substr(0, n);
  std::string_view rest = s.substr(n);
  while (!num.empty() && (num.back() == ',' || num.back() == '.')) {
    num.remove_suffix(1);
  }
  if (num.empty() || !IsDigit(num.back())) return false;
  if (num.size() != n && !rest.empty()) return false;  // "5.km"
  std::string canon;
  if (!CanonicalDigits(num, &canon) || !Decimal::Parse(canon, &t->value)) return false;
  t->plain = AllDigits(num) && rest.empty();
  for (char c : rest) if (!std::isalpha(static_cast<unsigned char>(c)) && !IsDigit(c) && c != '/') return false;
  std::string low = Lower(rest);
  t->upper = !rest.empty() && std::isupper(static_cast<unsigned char>(rest[0]));
  if (low == "st" || low == "nd" || low == "rd" || low == "th") {
    if (!t->value.IsInteger()) return false;
    t->ordinal = true;
    return true;
  }
  int shift = 0;
  // "1.3e6": a decimal exponent.
  if (low.size() >= 2 && low.size() <= 4 && low[0] == 'e' && AllDigits(low.substr(1))) {
    t->value.Shift(std::atoi(low.c_str() + 1));
    return true;
  }
  if (low == "k") shift = 3;
  else if (low == "bn" || low == "b" || low == "bln") shift = 9;
  else if (low == "mn" || low == "mln") shift = 6;
  else if (low == "mm" && t->upper) shift = 6;
  else if (low == "m" && t->upper) shift = 6;
  else if (low == "tn" || low == "trn") shift = 12;
  if (shift) t->value.Shift(shift);
  else t->suffix = low;
  return true;
}

int VulgarFraction(std::string_view s, uint64_t* num) {
  static constexpr struct { std::string_view s; uint64_t n, d; } kTable[] = {
      {"½", 1, 2}, {"⅓", 1, 3}, {"⅔", 2, 3}, {"¼", 1, 4}, {"¾", 3, 4}, {"⅕", 1, 5},
      {"⅖", 2, 5}, {"⅗", 3, 5}, {"⅘", 4, 5}, {"⅙", 1, 6}, {"⅚", 5, 6}, {"⅛", 1, 8},
      {"⅜", 3, 8}, {"⅝", 5, 8}, {"⅞", 7, 8}};
  for (const auto& e : kTable) if (s == e.s) { *num = e.n; return static_cast<int>(e.d); }
  return 0;
}

bool IsSpaceGap(std::string_view gap) {
  return gap == " " || gap == "\xC2\xA0" || gap == "\xE2\x80\xAF" || gap == "\xE2\x80\x89";
}

// "3/4" in one token; only common denominators (9/11 and 24/7 are names).
bool SlashFraction(std::string_view s, uint64_t* num, uint64_t* den) {
  size_t slash = s.find('/');
  if (slash == std::string_view::npos) return false;
  std::string_view a = s.substr(0, slash), b = s.substr(slash + 1);
  if (!AllDigits(a) || !AllDigits(b) || a.size() > 3 || b.size() > 3) return false;
  *num = std::stoull(std::string(a));
  *den = std::stoull(std::string(b));
  static constexpr uint64_t kDens[] = {2, 3, 4, 5, 6, 8, 10, 16, 32, 100};
  bool ok = false;
  for (uint64_t x : kDens) ok = ok || x == *den;
  return ok && *num > 0 && *num < *den;
}

// Signed exponent digits at s[*p] ("-4", "+23", "6"); advances *p.
bool Exponent(std::string_view s, size_t* p, int* out) {
  size_t q = *p;
  bool neg = false;
  if (q < s.size() && (s[q] == '-' || s[q] == '+')) { neg = s[q] == '-'; ++q; }
  size_t b = q;
  while (q < s.size() && IsDigit(s[q]) && q - b < 4) ++q;
  if (q == b || (q < s.size() && IsDigit(s[q]))) return false;
  int v = std::atoi(std::string(s.substr(b, q - b)).c_str());
  *out = neg ? -v : v;
  *p = q;
  return true;
}

// A numeral the tokenizer split at punctuation with no space around it:
// "12,34,567.89", "1.111,11", "1,3", "-12e-1", "1.3x10^6", "1.1^23".
// Returns the number of tokens from k, or 0 when the tokens make no such
// numeral (or only the first token does).
size_t GluedNumeral(const FigureDoc& doc, size_t k, size_t limit, Decimal* exact, double* approx, bool* is_exact) {
  constexpr size_t kMaxTokens = 8, kMaxChars = 64;
  if (!doc.glued(k + 1) || k + 1 >= limit) return 0;
  // Inside a list written without spaces ("22,24,26,31"): no numeral.
  if (k > 0 && doc.glued(k) && (doc.surface(k - 1) == "," || doc.surface(k - 1) == ".")) return 0;
  std::string_view next = doc.surface(k + 1);
  if (next.size() != 1 || std::string_view(",.^-+").find(next[0]) == std::string_view::npos) return 0;
  char joined[kMaxChars];
  size_t len = 0;
  size_t ends[kMaxTokens];
  size_t n = 0;
  for (size_t q = k; q < limit && n < kMaxTokens && (q == k || doc.glued(q)); ++q) {
    std::string_view t = doc.surface(q);
    bool punct = t.size() == 1 && std::string_view(",.^-+").find(t[0]) != std::string_view::npos;
    if (!(doc.is(q, TokenKind::kNumber) || punct) || len + t.size() > kMaxChars) break;
    for (char c : t) joined[len++] = c;
    ends[n++] = len;
  }
  std::string_view s(joined, len);
  size_t p = 0;
  while (p < s.size() && (IsDigit(s[p]) || s[p] == ',' || s[p] == '.')) ++p;
  size_t mant_end = p;
  while (mant_end > 0 && !IsDigit(s[mant_end - 1])) --mant_end;
  if (mant_end == 0) return 0;
  int exp10 = 0, power = 0;
  bool has_exp10 = false, has_power = false;
  size_t end = mant_end;
  if (p == mant_end && p < s.size()) {
    size_t after_e = p + 1, after_x10 = p + 4, after_caret = p + 1;
    if ((s[p] == 'e' || s[p] == 'E') && Exponent(s, &after_e, &exp10)) {
      has_exp10 = true;
      end = after_e;
    } else if ((s[p] == 'x' || s[p] == 'X') && s.substr(p + 1, 3) == "10^" && Exponent(s, &after_x10, &exp10)) {
      has_exp10 = true;
      end = after_x10;
    } else if (s[p] == '^' && Exponent(s, &after_caret, &power)) {
      has_power = true;
      end = after_caret;
    }
  }
  size_t used = 0;
  while (used < n && ends[used] < end) ++used;
  if (used == n || ends[used] != end || used == 0) return 0;  // ends inside a token, or one token
  std::string canon;
  Decimal d;
  if (!CanonicalDigits(s.substr(0, mant_end), &canon) || !Decimal::Parse(canon, &d)) return 0;
  if (has_exp10) d.Shift(exp10);
  *is_exact = !has_power;
  *exact = d;
  *approx = has_power ? std::pow(d.ToDouble(), power) : d.ToDouble();
  return used + 1;
}

// "a seventh term", "one third world": a singular ordinal before a content
// word is an ordinal, not a fraction ("a third of", "one fifth." are).
bool OrdinalUseNext(const FigureDoc& doc, size_t k) {
  if (!doc.is(k, TokenKind::kWord)) return false;
  std::string_view w = doc.norm(k);
  return !doc.lex->Has(w, kRoleStop) && w != "and" && w != "or";
}

enum class Last { kNone, kA, kUnit, kTen, kHundred, kScale, kDigits, kAnd, kFraction, kDone };

// The running state of a spelled-out (or mixed) number.
struct WordState {
  Val total, head, tail;  // value = total + head + tail; tail = last unit/ten group
  Last last = Last::kNone;
  bool ordinal = false;
  bool words = false;
  bool mixed = false;     // "two and a half": head is the whole part of the fraction
  Val Current() const { return Add(head, tail); }
  Val Value() const { return Add(total, Current()); }
};

// Denominator of a fraction word: third(s) -> 3, half/halves -> 2, quarter(s) -> 4.
uint64_t Denominator(const FigureLexicon& lex, std::string_view w, bool* plural) {
  *plural = false;
  if (w == "half") return 2;
  if (w == "halves") { *plural = true; return 2; }
  if (w == "quarter") return 4;
  if (w == "quarters") { *plural = true; return 4; }
  std::string_view sing = w;
  if (w.size() > 2 && w.back() == 's') { sing = w.substr(0, w.size() - 1); *plural = true; }
  const NumberWord* nw = lex.Number(sing);
  if (!nw || nw->kind == NumberWordKind::kUnit || nw->kind == NumberWordKind::kTen ||
      nw->kind == NumberWordKind::kScale)
    return 0;
  if (sing == "first" || sing == "second") return 0;
  if (!*plural && sing != w) return 0;
  return nw->value;
}

bool IsScaleWord(const FigureLexicon& lex, std::string_view w, uint64_t* value) {
  const NumberWord* nw = lex.Number(w);
  if (!nw || nw->kind != NumberWordKind::kScale) return false;
  *value = nw->value;
  return true;
}

// Whether WordParser::StepWord may take the word (one without a hyphen): a
// number word, its plural, or a word Denominator or StepWord knows by name.
bool MayBeNumberWord(const FigureLexicon& lex, std::string_view w) {
  if (lex.Number(w) || w == "half" || w == "halves" || w == "quarter" || w == "quarters") return true;
  return w.size() > 2 && w.back() == 's' && lex.Number(w.substr(0, w.size() - 1));
}

// Calls f on each part of a hyphenated word ("forty-five" -> forty, five)
// while f returns true; true if it did for every part.
template <typename F>
bool AllParts(std::string_view w, F f) {
  size_t i = 0;
  for (;;) {
    size_t j = w.find('-', i);
    if (!f(w.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i))) return false;
    if (j == std::string_view::npos) return true;
    i = j + 1;
  }
}

class WordParser {
 public:
  WordParser(const FigureDoc& doc, size_t end_limit) : doc_(doc), lex_(*doc.lex), limit_(end_limit) {}

  // Parses from token j; returns the committed end (exclusive), or j.
  size_t Run(size_t j, NumberMatch* m) {
    size_t k = j, committed = j;
    WordState committed_state;
    while (k < limit_ && st_.last != Last::kDone) {
      size_t used = Step(k, m);
      if (!used) break;
      k += used;
      if (st_.last != Last::kA && st_.last != Last::kAnd) { committed = k; committed_state = st_; }
    }
    if (committed == j) return j;
    st_ = committed_state;
    // "3 million and a half": the fraction is of the scale before "and".
    if (st_.last == Last::kFraction && and_after_scale_ && last_scale_ >= 1000) {
      st_.tail = Mul(st_.tail, last_scale_);
    }
    Val v = st_.Value();
    m->exact = v.exact;
    m->value = v.d;
    m->approx = v.v;
    m->ordinal = st_.ordinal;
    m->words = st_.words;
    return committed;
  }

 private:
  std::string_view Word(size_t k) const { return doc_.is(k, TokenKind::kWord) ? doc_.norm(k) : std::string_view(); }
  std::string_view FirstPart(size_t k) const {
    std::string_view w = Word(k);
    size_t d = w.find('-');
    return d == std::string_view::npos ? w : w.substr(0, d);
  }
  bool StartsNumber(size_t k) const {
    if (doc_.is(k, TokenKind::kNumber)) return true;
    const NumberWord* nw = lex_.Number(FirstPart(k));
    return nw && (nw->kind == NumberWordKind::kUnit || nw->kind == NumberWordKind::kTen);
  }
  bool DenominatorWithin(size_t k, size_t n) const {
    for (size_t q = k; q < k + n && q < limit_; ++q) {
      std::string_view w = Word(q);
      size_t d = w.rfind('-');
      if (d != std::string_view::npos) w = w.substr(d + 1);
      bool plural = false;
      if (Denominator(lex_, w, &plural)) return true;
    }
    return false;
  }

  // One token; returns how many tokens it used (0: not part of the number).
  size_t Step(size_t k, NumberMatch* m) {
    cur_ = k;
    if (doc_.is(k, TokenKind::kNumber)) return StepDigits(k, m);
    // "fifty - two", "five - eighths": a spaced hyphen inside a number.
    if (doc_.surface(k) == "-" && (st_.last == Last::kTen || st_.last == Last::kUnit)) {
      std::string_view next = Word(k + 1);
      const NumberWord* nw = lex_.Number(next);
      bool plural = false;
      bool unit_after_ten = st_.last == Last::kTen && nw && nw->kind == NumberWordKind::kUnit && nw->value < 10;
      bool fraction = st_.last == Last::kUnit && Denominator(lex_, next, &plural) != 0;
      if (!(unit_after_ten || fraction)) return 0;
      return 1;
    }
    // "2.33 k"
    if (st_.last == Last::kDigits && Word(k) == "k") {
      st_.total = Add(st_.total, Mul(st_.Current(), 1000));
      st_.head = st_.tail = Val();
      return Mark(Last::kScale, 1);
    }
    if (doc_.is(k, TokenKind::kSymbol)) {
      uint64_t num = 0;
      int den = VulgarFraction(doc_.surface(k), &num);
      if (!den || !(st_.last == Last::kNone || st_.last == Last::kDigits || st_.last == Last::kUnit)) return 0;
      Val f = Div(Val::Int(num), static_cast<uint64_t>(den));
      st_.head = st_.Current();
      st_.tail = f;
      st_.last = Last::kFraction;
      return 1;
    }
    std::string_view w = Word(k);
    if (w.empty()) return 0;
    if (w == "a" || w == "an") {
      if (st_.last == Last::kFraction) {  // "half a dozen", "half a million"
        std::string_view next = Word(k + 1);
        uint64_t s = 0;
        if (next == "dozen") { Scale(12); return Mark(Last::kScale, 2); }
        if (IsScaleWord(lex_, next, &s) && s >= 1000) { Scale(s); return Mark(Last::kScale, 2); }
        return 0;
      }
      if (st_.last != Last::kNone && st_.last != Last::kAnd) return 0;
      std::string_view next = FirstPart(k + 1);
      uint64_t s = 0;
      bool plural = false;
      if (!(IsScaleWord(lex_, next, &s) || next == "dozen" || Denominator(lex_, next, &plural) ||
            (next.size() > 0 && Word(k + 1).find('-') != std::string_view::npos &&
             DenominatorWithin(k + 1, 1))))
        return 0;
      st_.head = st_.Current();
      st_.tail = Val::Int(1);
      st_.last = Last::kA;
      return 1;
    }
    if (w == "and") {
      if ((st_.last == Last::kHundred || st_.last == Last::kScale) && (StartsNumber(k + 1) || Word(k + 1) == "a")) {
        and_after_scale_ = st_.last == Last::kScale;
        return Mark(Last::kAnd, 1);
      }
      if ((st_.last == Last::kUnit || st_.last == Last::kTen || st_.last == Last::kDigits) &&
          (StartsNumber(k + 1) || Word(k + 1) == "a") && DenominatorWithin(k + 1, 3)) {
        st_.head = st_.Current();
        st_.tail = Val();
        st_.mixed = true;
        return Mark(Last::kAnd, 1);
      }
      return 0;
    }
    if (w == "point") return StepPoint(k);
    if (w == "dozen" || w == "dozens" || w == "doz" || w == "dozs") {
      if (st_.last == Last::kFraction) { Scale(12); return Mark(Last::kScale, 1); }
      if (!(st_.last == Last::kUnit || st_.last == Last::kTen || st_.last == Last::kDigits || st_.last == Last::kA))
        return 0;
      st_.head = Add(st_.head, Mul(st_.tail, 12));
      st_.tail = Val();
      st_.words = true;
      return Mark(Last::kHundred, 1);
    }
    // "two thirds of a million"
    if (w == "of" && st_.last == Last::kFraction && Word(k + 1) == "a") {
      uint64_t s = 0;
      if (IsScaleWord(lex_, Word(k + 2), &s) && s >= 1000) {
        Scale(s);
        return Mark(Last::kScale, 3);
      }
      return 0;
    }
    // Most words after a number are no number words; StepWord would refuse
    // them without a change of state (no copy of the state needed).
    if (w.find('-') == std::string_view::npos && !MayBeNumberWord(lex_, w)) return 0;
    WordState saved = st_;
    if (!AllParts(w, [this](std::string_view part) { return StepWord(part); })) {
      st_ = saved;
      return 0;
    }
    st_.words = true;
    return 1;
  }

  size_t Mark(Last l, size_t used) { st_.last = l; return used; }



  // Multiplies the fraction just read ("quarter million"), with its whole
  // part when it has one ("two and a half million").
  void Scale(uint64_t s) {
    Val scaled = st_.mixed ? Mul(st_.Current(), s) : Add(st_.head, Mul(st_.tail, s));
    st_.mixed = false;
    st_.total = Add(st_.total, scaled);
    st_.head = st_.tail = Val();
  }

  bool StepWord(std::string_view w) {
    bool plural = false;
    uint64_t den = Denominator(lex_, w, &plural);
    const NumberWord* nw = lex_.Number(w);
    Last last = st_.last;
    if (den && (last == Last::kUnit || last == Last::kTen || last == Last::kA || last == Last::kDigits)) {
      bool one = st_.tail.exact && st_.tail.d.ToString() == "1";
      bool fraction = plural || w == "half" || w == "quarter" ||
                      (one && (last == Last::kUnit || last == Last::kA));
      if (nw && nw->kind == NumberWordKind::kOrdinalScale && !plural && last != Last::kA) fraction = false;
      if (fraction && !plural && w != "half" && w != "quarter" && OrdinalUseNext(doc_, cur_ + 1)) fraction = false;
      if (fraction) {
        st_.tail = Div(st_.tail, den);
        st_.last = Last::kFraction;
        return true;
      }
    }
    if (!nw) {
      if ((w == "half") && last == Last::kNone) {
        st_.tail = Div(Val::Int(1), 2);
        st_.last = Last::kFraction;
        return true;
      }
      if (w == "quarter" && last == Last::kNone && NextIsScale()) {
        st_.tail = Div(Val::Int(1), 4);
        st_.last = Last::kFraction;
        return true;
      }
      return false;
    }
    switch (nw->kind) {
      case NumberWordKind::kUnit:
        if (last == Last::kNone || last == Last::kHundred || last == Last::kScale || last == Last::kAnd) {
          st_.head = st_.Current();
          st_.tail = Val::Int(nw->value);
        } else if (last == Last::kTen && nw->value < 10) {
          st_.tail = Add(st_.tail, Val::Int(nw->value));
        } else {
          return false;
        }
        st_.last = Last::kUnit;
        return true;
      case NumberWordKind::kTen:
        if (!(last == Last::kNone || last == Last::kHundred || last == Last::kScale || last == Last::kAnd)) return false;
        st_.head = st_.Current();
        st_.tail = Val::Int(nw->value);
        st_.last = Last::kTen;
        return true;
      case NumberWordKind::kScale:
        if (nw->value == 100) {
          if (!(last == Last::kUnit || last == Last::kTen || last == Last::kDigits || last == Last::kA)) return false;
          st_.head = Mul(st_.Current(), 100);
          st_.tail = Val();
          st_.last = Last::kHundred;
          return true;
        }
        last_scale_ = nw->value;
        if (last == Last::kScale) {
          st_.total = Mul(st_.total, nw->value);
        } else if (last == Last::kFraction) {
          Scale(nw->value);
        } else if (last == Last::kUnit || last == Last::kTen || last == Last::kDigits || last == Last::kA ||
                   last == Last::kHundred) {
          st_.total = Add(st_.total, Mul(st_.Current(), nw->value));
          st_.head = st_.tail = Val();
        } else {
          return false;
        }
        st_.last = Last::kScale;
        return true;
      case NumberWordKind::kOrdinal:
      case NumberWordKind::kOrdinalTen:
        if (last == Last::kTen && nw->kind == NumberWordKind::kOrdinal && nw->value < 10) {
          st_.tail = Add(st_.tail, Val::Int(nw->value));
        } else if (last == Last::kNone || last == Last::kHundred || last == Last::kScale || last == Last::kAnd) {
          st_.head = st_.Current();
          st_.tail = Val::Int(nw->value);
        } else {
          return false;
        }
        st_.ordinal = true;
        st_.last = Last::kDone;
        return true;
      case NumberWordKind::kOrdinalScale:
        if (last == Last::kNone) {
          st_.tail = Val::Int(nw->value);
        } else if (last == Last::kUnit || last == Last::kTen || last == Last::kHundred || last == Last::kDigits ||
                   last == Last::kA) {
          st_.total = Add(st_.total, Mul(st_.Current(), nw->value));
          st_.head = st_.tail = Val();
        } else {
          return false;
        }
        st_.ordinal = true;
        st_.last = Last::kDone;
        return true;
    }
    return false;
  }

  bool NextIsScale() const {
    uint64_t v = 0;
    return IsScaleWord(lex_, FirstPart(cur_ + 1), &v) && v >= 1000;
  }

  // "point zero three", "point seventy-one"
  size_t StepPoint(size_t k) {
    if (!(st_.last == Last::kUnit || st_.last == Last::kTen || st_.last == Last::kHundred ||
          st_.last == Last::kScale || st_.last == Last::kDigits))
      return 0;
    std::string digits;
    size_t q = k + 1;
    for (; q < limit_; ++q) {
      std::string_view w = Word(q);
      if (w.empty()) break;
      uint64_t sum = 0;
      bool ok = AllParts(w, [this, &sum](std::string_view p) {
        const NumberWord* nw = lex_.Number(p);
        if (!nw || !(nw->kind == NumberWordKind::kUnit || nw->kind == NumberWordKind::kTen)) return false;
        sum += nw->value;
        return true;
      });
      if (!ok) break;
      digits += std::to_string(sum);
    }
    if (digits.empty()) return 0;
    Decimal frac;
    if (!Decimal::Parse("0." + digits, &frac)) return 0;
    st_.tail = Add(st_.tail, Val::Of(frac));
    st_.last = Last::kDone;
    st_.words = true;
    return q - k;
  }

  size_t StepDigits(size_t k, NumberMatch* m) {
    if (!(st_.last == Last::kNone || st_.last == Last::kAnd)) return 0;
    DigitToken t;
    std::string_view surf = doc_.surface(k);
    if (surf.find('/') != std::string_view::npos) {
      uint64_t num = 0, den = 0;
      if (!SlashFraction(surf, &num, &den)) return 0;
      st_.head = st_.Current();
      st_.tail = Div(Val::Int(num), den);
      st_.last = Last::kDone;
      return 1;
    }
    if (st_.last == Last::kNone) {
      Val g;
      if (size_t n = GluedNumeral(doc_, k, limit_, &g.d, &g.v, &g.exact)) {
        st_.tail = g;
        st_.last = g.exact ? Last::kDigits : Last::kDone;
        return n;
      }
    }
    if (!ParseDigitToken(surf, &t)) return 0;
    size_t used = 1;
    Val v = Val::Of(t.value);
    if (t.plain && st_.last == Last::kNone) {
      std::string_view s = doc_.surface(k);
      // Space-grouped thousands: 1 234 567.
      if (s.size() <= 3) {
        std::string joined(s);
        size_t q = k + 1;
        while (q < limit_ && doc_.is(q, TokenKind::kNumber)) {
          std::string_view g = doc_.surface(q);
          uint32_t gap_b = doc_.tok(q - 1).span.end, gap_e = doc_.tok(q).span.begin;
          if (!IsSpaceGap(doc_.text.substr(gap_b, gap_e - gap_b))) break;
          bool last_group = g.size() > 4 && g[3] == '.' && AllDigits(g.substr(0, 3)) && AllDigits(g.substr(4));
          if (!(g.size() == 3 && AllDigits(g)) && !last_group) break;
          joined += g;
          ++q;
          if (last_group) break;
        }
        Decimal d;
        if (q > k + 1 && Decimal::Parse(joined, &d)) { v = Val::Of(d); used = q - k; t.suffix.clear(); }
      }
      // Fractions in digits: 3/4, 2 1/4.
      size_t f = k + used;
      uint64_t num = 0, den = 0;
      auto slash_fraction = [&](size_t a, uint64_t* n, uint64_t* d) {
        if (!(doc_.is(a, TokenKind::kNumber) && doc_.surface(a + 1) == "/" && doc_.glued(a + 1) &&
              doc_.is(a + 2, TokenKind::kNumber) && doc_.glued(a + 2) && doc_.surface(a + 3) != "/"))
          return false;
        std::string_view ns = doc_.surface(a), ds = doc_.surface(a + 2);
        if (!AllDigits(ns) || !AllDigits(ds) || ns.size() > 3 || ds.size() > 3) return false;
        *n = std::stoull(std::string(ns));
        *d = std::stoull(std::string(ds));
        static constexpr uint64_t kDens[] = {2, 3, 4, 5, 6, 8, 10, 16, 32, 100};
        bool ok_den = false;
        for (uint64_t x : kDens) ok_den = ok_den || x == *d;
        return ok_den && *n < *d && *n > 0;
      };
      if (used == 1 && slash_fraction(k, &num, &den)) {
        v = Div(Val::Int(num), den);
        used = 3;
      } else if (used == 1 && slash_fraction(f, &num, &den) && !doc_.glued(f)) {
        v = Add(v, Div(Val::Int(num), den));
        used = 4;
      }
    }
    // "2 1/4": a whole number and a fraction token.
    if (used == 1 && t.plain && doc_.is(k + 1, TokenKind::kNumber) && !doc_.glued(k + 1)) {
      uint64_t num = 0, den = 0;
      if (SlashFraction(doc_.surface(k + 1), &num, &den)) {
        v = Add(v, Div(Val::Int(num), den));
        used = 2;
      }
    }
    st_.head = st_.Current();
    st_.tail = v;
    if (t.ordinal) {
      st_.ordinal = true;
      st_.last = Last::kDone;
      return used;
    }
    if (!t.suffix.empty()) {
      m->suffix = t.suffix;
      m->suffix_upper = t.upper;
      st_.last = Last::kDone;
      return used;
    }
    st_.last = Last::kDigits;
    return used;
  }

  const FigureDoc& doc_;
  const FigureLexicon& lex_;
  size_t limit_;
  size_t cur_ = 0;                 // the token being read
  uint64_t last_scale_ = 0;        // the last scale word (million in "3 million and a half")
  bool and_after_scale_ = false;
  WordState st_;
};

// Whether the ordinal-denominator reading beats the word parser's, which
// ends at `end` (the word parser keeps "three and a fifth", "nine million
// and five ninths" = 9 5/9 million).
bool PreferFraction(const OrdinalFraction& f, size_t end) {
  if (f.last != end) return f.last > end;
  if (f.denominator_words > 1) return true;
  if (!f.mixed) return f.numerator_words > 1;
  return f.numerator >= f.denominator;
}

// "one over three", "1 in twenty-one", "two out of five hundred": a whole
// number before a larger one; returns the new end of the match.
size_t PrepositionFraction(const FigureDoc& doc, size_t end, size_t limit, NumberMatch* m) {
  size_t sep = 0;
  uint64_t numer = 0, den = 0;
  if (!m->exact || m->negative || !m->value.ToUint64(&numer) || numer == 0) return end;
  if (!ParsePrepositionFraction(doc, end, limit, &sep)) return end;
  size_t k = end + sep;
  if (doc.in_time[k]) return end;
  NumberMatch d;
  WordParser p(doc, limit);
  size_t dend = p.Run(k, &d);
  if (dend == k || d.ordinal || !d.exact || !d.suffix.empty() || !d.value.ToUint64(&den) || den <= numer) return end;
  if (doc.in_time[dend - 1] || (dend < doc.size() && doc.is(dend, TokenKind::kNumber))) return end;
  // "2 in 10 years", "1 over 5 km": the second number counts something else.
  std::string_view after = doc.norm(dend);
  if (doc.lex->Has(after, kRoleTimeUnit) || doc.lex->Has(after, kRoleClock) || after == "%" || after == "percent")
    return end;
  Val v = Div(Val::Int(numer), den);
  m->exact = v.exact;
  m->value = v.d;
  m->approx = v.v;
  m->words = m->words || d.words;
  return dend;
}

// A word after a number that WordParser::Step or PrepositionFraction may
// take: "k", "and", "point", "dozen", number words and their plurals,
// hyphenated words, "over", "in", "out (of)".
bool MayExtendNumber(const FigureLexicon& lex, std::string_view w) {
  return w == "k" || w == "and" || w == "point" || w == "dozen" || w == "dozens" || w == "doz" || w == "dozs" ||
         w == "over" || w == "in" || w == "out" || w.find('-') != std::string_view::npos || MayBeNumberWord(lex, w);
}

// A lone number word ("first", "one", "twenty") before a token that cannot
// extend it, valued as WordParser and ParseNumberAt would value it. An
// ordinal ends the parse at once; after a unit or ten, the next token must
// be no ASCII hyphen (a spaced hyphen joins), no symbol (a vulgar
// fraction) and no word MayExtendNumber.
bool SingleNumberWord(const FigureDoc& doc, size_t i, NumberMatch* m) {
  if (doc.tok(i).flags & kTokenHyphenated) return false;
  std::string_view w = doc.norm(i);
  const NumberWord* nw = doc.lex->Number(w);
  if (!nw || w.find('-') != std::string_view::npos) return false;
  const bool ordinal = nw->kind == NumberWordKind::kOrdinal || nw->kind == NumberWordKind::kOrdinalTen;
  if (!ordinal) {
    if (nw->kind != NumberWordKind::kUnit && nw->kind != NumberWordKind::kTen) return false;
    const size_t k = i + 1;
    if (k < doc.size()) {
      const TokenKind kind = doc.tok(k).kind;
      if (kind == TokenKind::kSymbol || doc.surface(k) == "-") return false;
      if (kind == TokenKind::kWord && MayExtendNumber(*doc.lex, doc.norm(k))) return false;
    }
  }
  m->value = Decimal::FromInt(nw->value);
  m->approx = m->value.ToDouble();
  m->ordinal = ordinal;
  m->words = true;
  m->first = i;
  m->last = i + 1;
  return true;
}

// The common number, a token of digits or of thousands groups ("45",
// "35,000") that nothing after it extends, valued as WordParser and
// ParseNumberAt would value it, without them. False when the general path
// must decide: a glued token other than a lone comma or point before a
// space (GluedNumeral, "3/4"), a number or symbol next (space-grouped
// thousands, "2 1/4", "5½"), or a word next that StepDigits, Step or
// PrepositionFraction may take ("k", "and", "point", "dozen", number words,
// hyphenated words, "over", "in", "out of").
bool PlainInteger(const FigureDoc& doc, size_t i, NumberMatch* m) {
  constexpr size_t kMaxChars = 32;
  std::string_view s = doc.surface(i);
  const bool digits = AllDigits(s);
  if (!digits && !(s.size() <= kMaxChars && ThousandsGroups(s))) return false;
  if (doc.glued(i + 1)) {
    std::string_view p = doc.surface(i + 1);
    if (!(p == "," || p == ".") || doc.glued(i + 2)) return false;
  } else if (i + 1 < doc.size()) {
    const TokenKind kind = doc.tok(i + 1).kind;
    if (kind == TokenKind::kNumber || kind == TokenKind::kSymbol) return false;
    if (kind == TokenKind::kWord && MayExtendNumber(*doc.lex, doc.norm(i + 1))) return false;
  }
  if (digits) {
    if (!Decimal::Parse(s, &m->value)) return false;
  } else {
    char canon[kMaxChars];
    size_t len = 0;
    for (char c : s)
      if (c != ',') canon[len++] = c;
    if (!Decimal::Parse(std::string_view(canon, len), &m->value)) return false;
  }
  m->approx = m->value.ToDouble();
  m->first = i;
  m->last = i + 1;
  return true;
}

}  // namespace

bool ParseNumberAt(const FigureDoc& doc, size_t i, NumberMatch* out) {
  if (i >= doc.size()) return false;
  if (doc.is(i, TokenKind::kNumber) || doc.is(i, TokenKind::kWord)) {
    // Only inside its sentence: WordParser reads nothing past its end
    // (a token outside every sentence takes the one before it).
    const Sentence& se = doc.a->sentences[doc.SentenceOf(i)];
    NumberMatch single;
    if (i < size_t{se.first_token} + se.token_count &&
        (doc.is(i, TokenKind::kNumber) ? PlainInteger(doc, i, &single) : SingleNumberWord(doc, i, &single))) {
      *out = std::move(single);
      return true;
    }
  }
  NumberMatch m;
  size_t j = i;
  std::string_view s = doc.surface(i);
  if (doc.lex->Has(doc.norm(i), kRoleNegative) && !doc.is(i, TokenKind::kNumber)) {
    m.negative = true;
    j = i + 1;
  } else if ((s == "-" || s == "\xE2\x88\x92") && doc.is(i + 1, TokenKind::kNumber)) {
    // "-3", "- 1 4/5": a sign, not a hyphen after a word (COVID-19).
    bool after_word = i > 0 && doc.glued(i) &&
                      (doc.is(i - 1, TokenKind::kWord) || doc.is(i - 1, TokenKind::kNumber));
    if (after_word) return false;
    m.negative = true;
    j = i + 1;
  }
  // ".08": a leading decimal point.
  if (doc.surface(j) == "." && (j == 0 || !doc.glued(j)) && doc.is(j + 1, TokenKind::kNumber) &&
      doc.glued(j + 1) && AllDigits(doc.surface(j + 1))) {
    std::string digits = "0.";
    digits += doc.surface(j + 1);
    if (!Decimal::Parse(digits, &m.value)) return false;
    m.approx = m.value.ToDouble();
    m.first = i;
    m.last = j + 2;
    if (m.negative) { m.value.Negate(); m.approx = -m.approx; }
    *out = std::move(m);
    return true;
  }
  size_t limit = doc.size();
  if (j < doc.size()) {
    uint32_t sent = doc.SentenceOf(j);
    const Sentence& se = doc.a->sentences[sent];
    limit = se.first_token + se.token_count;
  }
  WordParser p(doc, limit);
  size_t end = p.Run(j, &m);
  OrdinalFraction f;
  if (!doc.is(j, TokenKind::kNumber) && ParseOrdinalFraction(doc, j, limit, &f) && PreferFraction(f, end)) {
    Val whole = Val::Int(f.whole), numer = Val::Int(f.numerator);
    Val v = f.mixed && f.numerator < f.denominator ? Add(whole, Div(numer, f.denominator))
                                                   : Div(Add(whole, numer), f.denominator);
    m.exact = v.exact;
    m.value = v.d;
    m.approx = v.v;
    m.ordinal = false;
    m.words = true;
    m.suffix.clear();
    end = f.last;
  }
  if (end == j) return false;
  if (!m.ordinal && m.suffix.empty()) end = PrepositionFraction(doc, end, limit, &m);
  m.first = i;
  m.last = end;
  if (m.negative) {
    m.value.Negate();
    m.approx = -m.approx;
  }
  *out = std::move(m);
  return true;
}

bool ApplyScaleWord(const FigureDoc& doc, size_t k, NumberMatch* m) {
  uint64_t s = 0;
  if (!doc.is(k, TokenKind::kWord) || !IsScaleWord(*doc.lex, doc.norm(k), &s) || s < 1000) return false;
  int zeros = 0;
  for (uint64_t x = s; x >= 10 && x % 10 == 0; x /= 10) ++zeros;
  m->approx *= static_cast<double>(s);
  if (m->exact) m->value.Shift(zeros);
  return true;
}

}  // namespace communique::internal
