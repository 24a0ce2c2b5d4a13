// Percent, money and units of measure around a number; ranges; qualifiers.
#include <cctype>

#include "core/norm_hash.h"
#include "figures/assemble.h"

namespace communique::internal {
namespace {

bool AllUpperCode(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s) if (!std::isupper(static_cast<unsigned char>(c))) return false;
  return true;
}

bool IsoCodeAt(const FigureDoc& doc, size_t k, std::string* code) {
  std::string_view s = doc.surface(k);
  if (!doc.is(k, TokenKind::kWord) || !AllUpperCode(s) || !doc.lex->iso_codes.count(s)) return false;
  *code = std::string(s);
  return true;
}

auto NormAt(const FigureDoc& doc) {
  return [&doc](size_t k) { return doc.norm(k); };
}

// Currency after an amount starting at token k: alias ("dollars"), ISO code.
bool CurrencyAfter(const FigureDoc& doc, size_t k, std::string* code, std::string* unit, size_t* len) {
  if (IsoCodeAt(doc, k, code)) { *len = 1; return true; }
  size_t l = 0;
  const PhraseEntry* e = doc.PhraseAt(doc.lex->currencies, k, &l);
  if (!e || e->c == "pre") return false;
  *code = e->a;
  *unit = e->b;
  *len = l;
  return true;
}

// A single-token suffix glued to digits: "usd" in 115USD.
bool CurrencyWord(const FigureDoc& doc, std::string_view w, std::string* code, std::string* unit) {
  std::string up;
  for (char c : w) up.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  if (doc.lex->iso_codes.count(up)) { *code = up; return true; }
  size_t l = 0;
  const PhraseEntry* e = doc.lex->currencies.LongestAt(0, 1, [w](size_t) { return w; }, &l);
  if (!e || l != 1) return false;
  *code = e->a;
  *unit = e->b;
  return true;
}

const PhraseEntry* UnitAt(const FigureDoc& doc, size_t k, size_t* len) {
  return doc.PhraseAt(doc.lex->units, k, len);
}

void SetMoney(FigureDraft* d, const std::string& code, const std::string& unit) {
  d->fig.kind = FigureKind::kMoney;
  d->fig.currency = code;
  d->fig.unit = unit;
}

// "15 dollars and 50", "thirteen dollars forty five": the cents after a currency word.
void AttachCents(const FigureDoc& doc, FigureDraft* d) {
  size_t k = d->last;
  if (doc.norm(k) == "and") ++k;
  NumberMatch c;
  if (!ParseNumberAt(doc, k, &c) || c.ordinal || c.negative || !c.exact || !c.suffix.empty()) return;
  uint64_t cents = 0;
  if (!c.value.ToUint64(&cents) || cents >= 100 || c.last - c.first > 2) return;
  // Only at the end of a phrase: "15 dollars and 15." not "5 dollars and 3 euros".
  if (c.last < doc.size() && doc.is(c.last, TokenKind::kWord)) return;
  Decimal frac;
  Decimal::DivideExact(Decimal::FromInt(cents), 100, &frac);
  Decimal whole;
  if (!Decimal::Parse(d->fig.exact, &whole)) return;
  Decimal sum = Decimal::Add(whole, frac);
  d->fig.exact = sum.ToString();
  d->fig.value = d->fig.low = d->fig.high = sum.ToDouble();
  d->last = c.last;
}

}  // namespace

bool CurrencyNoun(const FigureDoc& doc, std::string_view word, std::string* code) {
  std::string unit;
  if (word.size() <= 3) return false;  // ISO codes are no nouns: "usd", but also "won", "eur"
  return CurrencyWord(doc, word, code, &unit);
}

void SetValue(const NumberMatch& m, Figure* f) {
  f->value = m.Value();
  f->exact = m.Exact();
  f->low = f->high = f->value;
  if (m.ordinal) f->kind = FigureKind::kOrdinal;
}

bool CurrencyBefore(const FigureDoc& doc, size_t i, std::string* code, std::string* unit, size_t* len,
                    NumberMatch* amount) {
  size_t l = 0;
  if (IsoCodeAt(doc, i, code)) {
    l = 1;
  } else {
    const PhraseEntry* e = doc.PhraseAt(doc.lex->currencies, i, &l);
    if (!e || e->c == "post") return false;
    *code = e->a;
    *unit = e->b;
  }
  NumberMatch m;
  if (!ParseNumberAt(doc, i + l, &m)) return false;
  *len = l;
  *amount = std::move(m);
  return true;
}

// A time unit as the denominator of a rate: "hour" -> "h".
std::string TimeSymbol(const FigureLexicon& lex, std::string_view w) {
  std::string lemma = lex.Lemma(w);
  static constexpr std::pair<std::string_view, std::string_view> kSymbols[] = {
      {"millisecond", "ms"}, {"ms", "ms"}, {"second", "s"}, {"sec", "s"}, {"minute", "min"}, {"min", "min"},
      {"hour", "h"}, {"hr", "h"}, {"day", "d"}, {"week", "wk"}, {"month", "mo"}, {"year", "yr"}};
  for (const auto& [word, symbol] : kSymbols)
    if (lemma == word) return std::string(symbol);
  return lemma;
}

// "per hour", "/ms", "a day" after a unit: the unit becomes a rate
// ("bbl/day", "km/h"). The denominator is a unit of measure or of time.
void AttachRate(const FigureDoc& doc, FigureDraft* d) {
  const FigureLexicon& lex = *doc.lex;
  size_t k = d->last;
  std::string_view w = doc.norm(k);
  bool slash = w == "/" && doc.glued(k) && doc.glued(k + 1);
  std::string_view den = doc.is(k + 1, TokenKind::kWord) ? doc.norm(k + 1) : std::string_view();
  if (den.empty()) return;
  if ((w == "a" || w == "an") && lex.Has(den, kRoleTimeUnit)) {  // "a day"
    d->fig.unit.push_back('/');
    d->fig.unit.append(TimeSymbol(lex, den));
    d->last = k + 2;
    return;
  }
  if (!slash && w != "per") return;
  size_t l = 0;
  std::string name;
  if (const PhraseEntry* e = UnitAt(doc, k + 1, &l)) {
    name = e->a;
  } else if (lex.Has(den, kRoleTimeUnit) || den == "hr" || den == "ms" || den == "sec" || den == "min") {
    name = TimeSymbol(lex, den);
    l = 1;
  } else {
    return;
  }
  d->fig.unit.push_back('/');  // not `+= "/" + name`: g++ 12 -Wrestrict false positive
  d->fig.unit.append(name);
  d->last = k + 1 + l;
}

bool AttachMeasure(const FigureDoc& doc, const NumberMatch& m, FigureDraft* d) {
  const FigureLexicon& lex = *doc.lex;
  Figure& f = d->fig;
  bool money = f.kind == FigureKind::kMoney;
  if (!m.suffix.empty()) {
    std::string code, unit;
    size_t l = 0;
    if (m.suffix == "m" && money) {
      f.exact.clear();
      NumberMatch scaled = m;
      scaled.value.Shift(6);
      scaled.approx *= 1e6;
      SetValue(scaled, &f);
    } else if (!money && CurrencyWord(doc, m.suffix, &code, &unit)) {
      SetMoney(d, code, unit);
      d->unit_suffix = static_cast<uint32_t>(m.suffix.size());
    } else if (const PhraseEntry* e = lex.units.LongestAt(0, 1, [&m](size_t) { return std::string_view(m.suffix); }, &l);
               e && !money) {
      f.kind = FigureKind::kQuantity;
      f.unit = e->a;
      d->unit_suffix = static_cast<uint32_t>(m.suffix.size());
      AttachRate(doc, d);
    } else {
      return false;  // 1990s, 5pm, 24703m212: not a figure
    }
    return true;
  }
  size_t k = d->last;
  std::string_view w = doc.norm(k);
  if (w == "%" && !money) {
    f.kind = FigureKind::kPercent;
    d->last = k + 1;
    return true;
  }
  bool points = w == "percentage" && (doc.norm(k + 1) == "point" || doc.norm(k + 1) == "points");
  if (!money && (w == "percent" || w == "percents" || w == "pct" || w == "pct." ||
                 (w == "per" && doc.norm(k + 1) == "cent") || points)) {
    f.kind = FigureKind::kPercent;
    if (points) f.unit = "percentage point";
    d->last = (w == "per" || points) ? k + 2 : k + 1;
    return true;
  }
  std::string code, unit;
  size_t l = 0;
  if (!money && CurrencyAfter(doc, k, &code, &unit, &l)) {
    SetMoney(d, code, unit);
    d->last = k + l;
    NumberMatch scaled = m;
    if (ApplyScaleWord(doc, d->last, &scaled)) {  // 75 USD million
      SetValue(scaled, &f);
      ++d->last;
    } else if (!code.empty() && doc.is(d->last - 1, TokenKind::kWord)) {  // not after "$"
      AttachCents(doc, d);
    }
    return true;
  }
  if (money) return true;
  // "20 (kg)"
  if ((w == "(" || w == "[") && UnitAt(doc, k + 1, &l) && (doc.norm(k + 1 + l) == ")" || doc.norm(k + 1 + l) == "]")) {
    f.kind = FigureKind::kQuantity;
    f.unit = UnitAt(doc, k + 1, &l)->a;
    d->last = k + l + 2;
    return true;
  }
  if (const PhraseEntry* e = UnitAt(doc, k, &l)) {
    f.kind = FigureKind::kQuantity;
    f.unit = e->a;
    d->last = k + l;
    AttachRate(doc, d);
    return true;
  }
  // "12-cent", "68-ounce": a compound adjective.
  if ((w == "-") && doc.glued(k) && doc.glued(k + 1) && doc.is(k + 1, TokenKind::kWord)) {
    if (CurrencyWord(doc, doc.norm(k + 1), &code, &unit)) {
      SetMoney(d, code, unit);
      d->last = k + 2;
    } else if (const PhraseEntry* e = UnitAt(doc, k + 1, &l); e && l == 1) {
      f.kind = FigureKind::kQuantity;
      f.unit = e->a;
      d->last = k + 2;
    }
  }
  return true;
}

void AttachRange(const FigureDoc& doc, FigureDraft* d) {
  Figure& f = d->fig;
  if (f.kind == FigureKind::kOrdinal || f.kind == FigureKind::kVague) return;
  size_t k = d->last;
  std::string_view w = doc.norm(k);
  bool between = d->first > 0 && doc.norm(d->first - 1) == "between";
  bool dash = w == "-" || w == "\xE2\x80\x93";
  if (!(dash || w == "to" || w == "through" || (between && w == "and"))) return;
  if (dash && doc.glued(k) != doc.glued(k + 1)) return;  // "30 -40" is no range
  size_t j = k + 1;
  std::string code, unit;
  size_t l = 0;
  FigureDraft hi;
  hi.fig.kind = FigureKind::kCardinal;
  NumberMatch m;  // the amount after the currency, parsed once
  const bool money = f.kind == FigureKind::kMoney && CurrencyBefore(doc, j, &code, &unit, &l, &m);
  if (money) {
    hi.fig.kind = FigureKind::kMoney;
    hi.fig.currency = code;
    j += l;
  }
  if ((!money && !ParseNumberAt(doc, j, &m)) || m.ordinal || m.negative) return;
  // Phone numbers and codes: 222-2222-2222.
  if (dash && (doc.norm(m.last) == "-" && doc.glued(m.last))) return;
  hi.first = hi.num_first = j;
  hi.last = hi.num_last = m.last;
  SetValue(m, &hi.fig);
  if (!AttachMeasure(doc, m, &hi)) return;
  if (f.kind != FigureKind::kCardinal && hi.fig.kind != FigureKind::kCardinal && hi.fig.kind != f.kind) return;
  if (f.kind == FigureKind::kCardinal && hi.fig.kind != FigureKind::kCardinal) {
    f.unit = hi.fig.unit;
    f.currency = hi.fig.currency;
  }
  if (f.kind == FigureKind::kPercent || hi.fig.kind == FigureKind::kPercent) {
    if (f.unit.empty()) f.unit = "percent";
  }
  // "30-40 billion roubles": the scale of the high end applies to a bare low end.
  uint64_t scale = 0;
  const NumberWord* sw = doc.lex->Number(doc.norm(m.last - 1));
  if (sw && sw->kind == NumberWordKind::kScale && sw->value >= 1000 && m.last - 1 > m.first &&
      d->num_last == d->num_first + 1 && doc.is(d->num_first, TokenKind::kNumber) && f.value < 1000) {
    scale = sw->value;
    Decimal low;
    if (Decimal::Parse(f.exact, &low)) {
      int zeros = 0;
      for (uint64_t x = scale; x >= 10 && x % 10 == 0; x /= 10) ++zeros;
      low.Shift(zeros);
      f.exact = low.ToString();
    }
    f.value *= static_cast<double>(scale);
  }
  f.low = f.value;
  f.high = hi.fig.value;
  if (f.exact.empty() || hi.fig.exact.empty()) f.exact.clear();
  else f.exact = f.exact + "/" + hi.fig.exact;
  f.kind = FigureKind::kRange;
  d->last = hi.last;
  d->num_last = hi.num_last;
}

void AttachQualifiers(const FigureDoc& doc, FigureDraft* d) {
  size_t start = d->first;
  uint32_t sent = doc.SentenceOf(start);
  size_t lo = doc.a->sentences.empty() ? 0 : doc.a->sentences[sent].first_token;
  size_t l = 0;
  // Most figures follow no qualifier: the word before tested by its hash first.
  const PhraseEntry* q = start > lo && doc.lex->qualifiers.MayEndWith(NormHash(*doc.a, start - 1))
                             ? doc.lex->qualifiers.LongestEndingAt(start, lo, NormAt(doc), &l)
                             : nullptr;
  if (q) {
    d->fig.bound = ParseBound(q->a);
    d->fig.bound_span = {doc.tok(start - l).span.begin, doc.tok(start - 1).span.end};
    start -= l;
  }
  // "500 or more", "30 or fewer": a bound written after the figure.
  if ((!q || d->fig.bound == FigureBound::kApprox) && d->fig.kind != FigureKind::kRange) {
    size_t k = d->last;
    std::string_view conj = doc.norm(k), word = doc.norm(k + 1);
    if (conj == "or" || conj == "and") {
      bool up = word == "more" || word == "greater" || word == "above" || word == "over" || word == "higher";
      bool down = word == "less" || word == "fewer" || word == "below" || word == "under" || word == "lower";
      // Not "30 or more people than ..." comparisons: no "than" after.
      if ((up || down) && doc.norm(k + 2) != "than") {
        d->fig.bound = up ? FigureBound::kAtLeast : FigureBound::kAtMost;
        d->fig.bound_span = {doc.tok(k).span.begin, doc.tok(k + 1).span.end};
      }
    }
  }
  if (d->fig.value < 0) d->fig.sign = -1;
  // A change word shortly before: "rose 5%", "a drop of 5 percent", "down 34 cents".
  size_t k = start;
  for (int steps = 0; steps < 4 && k > lo; ++steps) {
    --k;
    std::string_view w = doc.norm(k);
    uint16_t role = doc.lex->Role(w);
    if (role & kRoleRise) { if (!d->fig.sign) d->fig.sign = 1; break; }
    if (role & kRoleFall) { d->fig.sign = -1; break; }
    if (!(w == "of" || w == "by" || w == "a" || w == "an" || w == "the")) break;
  }
}

}  // namespace communique::internal
