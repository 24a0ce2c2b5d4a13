// The figures stage: finds every number of the body that is no part of a
// time, identifier or list label, values it exactly, and attaches its kind,
// qualifiers, counted unit and time (see include/communique/figure.h).
#include <algorithm>
#include <cstddef>
#include <cstring>

#include "core/norm_hash.h"
#include "core/stage.h"
#include "figures/assemble.h"
#include "header/header.h"
#include "tokenize/token_starts.h"

namespace communique::internal {
namespace {

bool YearLike(std::string_view s) {
  if (s.size() != 4) return false;
  for (char c : s) if (c < '0' || c > '9') return false;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  return y >= 1800 && y <= 2100;
}

class FigureStage final : public Stage {
 public:
  explicit FigureStage(FigureLexicon lex) : lex_(std::move(lex)) {}

  void AddStartWords(StartWords* words) const override {
    for (const auto& [word, unused] : lex_.starters) words->Add(HashWord(word), kStartFigure);
  }

  void Run(std::string_view text, Analysis* a, ScratchSlot*) const override {
    if (a->tokens.empty() || a->sentences.empty()) return;
    FigureDoc doc;
    doc.text = text;
    doc.a = a;
    doc.lex = &lex_;
    Prepare(&doc);
    std::vector<FigureDraft> drafts;
    size_t i = 0;
    while (i < doc.size() && doc.tok(i).span.begin < a->header.body_begin) ++i;
    const Token* toks = a->tokens.data();
    const size_t n = a->tokens.size();
    const char* pool = a->norm_pool.data();
    const uint64_t* hashes = NormHashes(*a);  // null for hand-built tokens
    const uint8_t* starts = TokenStarts(*a);  // likewise
    while (i < n) {
      // Tokens that start nothing, most of them, skipped by their start
      // bits or in a tight loop; the pretest below repeats its tests for
      // the rest.
      if (starts) {
        i = NextStart<kStartFigure>(starts, n, i, n);
        if (i >= n) break;
      } else if (hashes) {
        i = SkipToCandidate(toks, hashes, pool, i, n);
        if (i >= n) break;
      }
      // A pretest on the token alone, before MayStart: most other tokens are
      // words that start nothing, or punctuation.
      const Token& t = toks[i];
      if (t.kind == TokenKind::kWord) {
        const uint64_t h = hashes ? hashes[i] : HashWord(std::string_view(pool + t.norm.begin, t.norm.size()));
        if (!MayStartWord(text, h, t)) {
          ++i;
          continue;
        }
      } else if (t.kind == TokenKind::kPunctuation || t.kind == TokenKind::kQuote) {
        // Only a sign or a leading point before a number starts a figure
        // (MayStart): "-3", ".08".
        const char c = t.norm.size() == 1 ? pool[t.norm.begin] : '\0';
        if ((c != '-' && c != '.') || i + 1 >= n || toks[i + 1].kind != TokenKind::kNumber) {
          ++i;
          continue;
        }
      }
      if (doc.in_time[i] || !MayStart(doc, i)) {
        ++i;
        continue;
      }
      FigureDraft d;
      if (Find(doc, i, drafts, &d)) {
        i = std::max(d.last, i + 1);
        drafts.push_back(std::move(d));
      } else {
        ++i;
      }
    }
    MergeBoundPairs(doc, &drafts);
    LinkTimes(doc, &drafts);
    a->figures.reserve(a->figures.size() + drafts.size());
    for (FigureDraft& d : drafts) {
      d.fig.span = {doc.tok(d.first).span.begin, doc.tok(d.last - 1).span.end};
      d.fig.number = {doc.tok(d.num_first).span.begin, doc.tok(d.num_last - 1).span.end};
      // "10km": the numeral without its glued unit.
      if (d.unit_suffix && d.unit_suffix < d.fig.number.end - d.fig.number.begin) d.fig.number.end -= d.unit_suffix;
      // "192." at a sentence end: the point is no part of the numeral.
      if (doc.is(d.num_last - 1, TokenKind::kNumber)) {
        std::string_view tail = doc.surface(d.num_last - 1);
        if (tail.size() > 1 && (tail.back() == '.' || tail.back() == ',')) {
          --d.fig.number.end;
          if (d.last == d.num_last) --d.fig.span.end;
        }
      }
      a->figures.push_back(std::move(d.fig));
    }
  }

 private:
  // The first token from i on that is no word for which MayStartWord is
  // false (neither hyphenated nor a starter nor an ISO code's shape) and no
  // punctuation but a sign or point before a number; n if none. A small
  // function of its own: the loop's values stay in registers.
  [[gnu::noinline]] size_t SkipToCandidate(const Token* toks, const uint64_t* hashes, const char* pool, size_t i,
                                           size_t n) const {
    Token mask;  // the bytes that make a token other than a plain word
    mask.kind = static_cast<TokenKind>(0xFF);
    mask.flags = kTokenHyphenated | kTokenCapitalized;
    const uint32_t not_plain_word = KindAndFlags(mask);
    const HashFilter& starters = lex_.starter_hashes;
    const Token* const end = toks + n;
    const uint64_t* h = hashes + i;
    for (const Token* t = toks + i; t != end; ++t, ++h) {
      if (!(KindAndFlags(*t) & not_plain_word)) {  // a word, neither hyphenated nor capitalized
        if (!starters.MayContain(*h)) continue;
      } else if (t->kind == TokenKind::kWord) {
        if (!(t->flags & kTokenHyphenated) && !starters.MayContain(*h) && t->span.size() != 3) continue;
      } else if (t->kind == TokenKind::kPunctuation || t->kind == TokenKind::kQuote) {
        const char c = t->norm.size() == 1 ? pool[t->norm.begin] : '\0';
        if (!((c == '-' || c == '.') && t + 1 != end && t[1].kind == TokenKind::kNumber)) continue;
      }
      return static_cast<size_t>(t - toks);
    }
    return n;
  }

  // A token's kind, quote role, flags and clitic bytes (adjacent members)
  // as one value: one load and one mask test instead of two byte tests.
  static uint32_t KindAndFlags(const Token& t) {
    static_assert(offsetof(Token, quote) == offsetof(Token, kind) + 1 &&
                  offsetof(Token, flags) == offsetof(Token, kind) + 2 &&
                  offsetof(Token, clitic) == offsetof(Token, kind) + 3);
    uint32_t v;
    std::memcpy(&v, reinterpret_cast<const unsigned char*>(&t) + offsetof(Token, kind), sizeof v);
    return v;
  }

  static void Prepare(FigureDoc* doc) {
    const Analysis& a = *doc->a;
    doc->in_time.assign(a.tokens.size(), 0);
    const size_t n = a.tokens.size();
    // Sentences in token order, none empty (the segmenter's output): the
    // sentence of a token is found by search, with no per-token table.
    bool in_order = true;
    for (size_t s = 0; s < a.sentences.size() && in_order; ++s)
      in_order = a.sentences[s].token_count > 0 && (s == 0 || a.sentences[s].first_token >= a.sentences[s - 1].first_token);
    doc->sentences_in_order = in_order;
    if (!in_order) {
      doc->sentence.assign(n, 0);
      for (size_t s = 0; s < a.sentences.size(); ++s) {
        size_t b = std::min<size_t>(a.sentences[s].first_token, n);
        size_t e = std::min<size_t>(size_t{a.sentences[s].first_token} + a.sentences[s].token_count, n);
        std::fill(doc->sentence.begin() + static_cast<ptrdiff_t>(b), doc->sentence.begin() + static_cast<ptrdiff_t>(e),
                  static_cast<uint32_t>(s));
      }
      // Tokens outside sentences take the sentence before them.
      for (size_t t = 1; t < n; ++t)
        if (doc->sentence[t] < doc->sentence[t - 1]) doc->sentence[t] = doc->sentence[t - 1];
    }
    size_t t = 0;
    doc->time_tokens.resize(a.times.size());
    for (size_t ti = 0; ti < a.times.size(); ++ti) {  // times are sorted by begin
      const TimeExpression& x = a.times[ti];
      while (t > 0 && a.tokens[t - 1].span.end > x.span.begin) --t;
      // The first token ending after the time begins (tokens are in order).
      t = static_cast<size_t>(std::partition_point(a.tokens.begin() + static_cast<ptrdiff_t>(t), a.tokens.end(),
                                                   [&x](const Token& tk) { return tk.span.end <= x.span.begin; }) -
                              a.tokens.begin());
      size_t end = t;
      while (end < a.tokens.size() && a.tokens[end].span.begin < x.span.end) ++end;
      // For LinkTimes: the tokens beginning inside the time (not token t
      // when the time begins inside it; the walk above passed t, so end > t).
      doc->time_tokens[ti] = {t < end && a.tokens[t].span.begin < x.span.begin ? t + 1 : t, end};
      if (FractionOfSomething(*doc, t, end)) continue;
      for (size_t k = t; k < end; ++k) doc->in_time[k] = 1;
    }
  }

  // "three quarters of the vote", "a quarter of the budget", "3/4 of the
  // members": a time record (P9M, P3M, XXXX-03-04) that is a fraction of a
  // noun phrase; the figure is read despite it.
  static bool FractionOfSomething(const FigureDoc& doc, size_t first, size_t end) {
    if (end <= first || end + 1 >= doc.size() || doc.norm(end) != "of") return false;
    std::string_view next = doc.norm(end + 1);
    if (doc.is(end + 1, TokenKind::kNumber) || MonthNumber(doc.surface(end + 1)) > 0 || next == "this" ||
        next == "next" || next == "last" || next == "fiscal")
      return false;  // "the first quarter of 2021", "of this year"
    std::string_view last = doc.norm(end - 1);
    if (last == "quarter" || last == "quarters") {
      if (end - first > 3) return false;
      std::string_view w = doc.norm(end - 2);
      if (end - first < 2) return false;
      const NumberWord* nw = doc.lex->Number(w);
      return w == "a" || w == "one" || w == "three" || (nw && nw->kind == NumberWordKind::kUnit && last == "quarters");
    }
    std::string_view s = doc.surface(end - 1);
    return doc.is(end - 1, TokenKind::kNumber) && s.find('/') != std::string_view::npos && s.size() <= 5;
  }

  // A cheap test before Find: most words start no figure.
  bool MayStart(const FigureDoc& doc, size_t i) const {
    if (doc.is(i, TokenKind::kPunctuation) || doc.is(i, TokenKind::kQuote)) {
      // Only a sign or a leading point starts a figure: "-3", ".08".
      std::string_view p = doc.norm(i);
      return (p == "-" || p == ".") && doc.is(i + 1, TokenKind::kNumber);
    }
    if (!doc.is(i, TokenKind::kWord)) return true;
    std::string_view w = doc.norm(i);
    // "a dozen", "an estimated" ... : an article starts a figure only before
    // a word that could itself start or continue one.
    if (w == "a" || w == "an") return !doc.is(i + 1, TokenKind::kWord) || MayFollowArticle(doc, i + 1);
    std::string_view s = doc.surface(i);
    const bool iso_shape = s.size() == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';  // ISO codes
    const uint8_t bits = lex_.StarterBits(NormHash(*doc.a, i), w);
    if (bits & FigureLexicon::kStarterWord) {
      // "us", "can", "u.s.": only a currency phrase starts a figure there
      // (Find fails at such a word without one).
      if (bits & FigureLexicon::kCurrencyOnlyWord) return iso_shape || CurrencyPhraseAt(doc, i);
      return true;
    }
    // A hyphenated word whose first part is a starter ("forty-five").
    if ((doc.tok(i).flags & kTokenHyphenated) && IsStarter(w)) return true;
    return iso_shape;
  }

  // A currency phrase at token i that may come before an amount (as
  // CurrencyBefore reads it).
  bool CurrencyPhraseAt(const FigureDoc& doc, size_t i) const {
    // "can", "us": mostly no phrase, as the next word's hash tells.
    const uint64_t next = i + 1 < doc.size() ? NormHash(*doc.a, i + 1) : 0;
    if (!lex_.currencies.MayMatchAt(NormHash(*doc.a, i), i + 1 < doc.size() ? &next : nullptr)) return false;
    size_t len = 0;
    const PhraseEntry* e = doc.PhraseAt(lex_.currencies, i, &len);
    return e && e->c != "post";
  }

  // Whether MayStart may hold for a word token (norm hash h): its norm may
  // be a starter ("a" and "an" are), it is hyphenated, or it looks like an
  // ISO code.
  bool MayStartWord(std::string_view text, uint64_t h, const Token& t) const {
    if ((t.flags & kTokenHyphenated) || lex_.starter_hashes.MayContain(h)) return true;
    // An ISO code starts with a capital (the tokenizer's flag: a cheap test first).
    if (!(t.flags & kTokenCapitalized) || t.span.size() != 3 || t.span.begin + 1 >= text.size()) return false;
    const char c0 = text[t.span.begin], c1 = text[t.span.begin + 1];
    return c0 >= 'A' && c0 <= 'Z' && c1 >= 'A' && c1 <= 'Z';
  }

  // A starter word, or a hyphenated word whose first part is one ("forty-five").
  bool IsStarter(std::string_view w, bool hyphenated = true) const {
    if (lex_.starter_filter.MayContain(w) && lex_.starters.count(w)) return true;
    if (!hyphenated) return false;
    size_t dash = w.find('-');
    return dash != std::string_view::npos && lex_.starter_filter.MayContain(w.substr(0, dash)) &&
           lex_.starters.count(w.substr(0, dash));
  }

  bool MayFollowArticle(const FigureDoc& doc, size_t k) const {
    const std::string_view next = doc.norm(k);
    // Most words after "a" are neither a starter nor a word of an "a ..."
    // phrase, as their hash tells; a hyphenated one may start with a starter.
    if (!lex_.article_next_hashes.MayContain(NormHash(*doc.a, k)) && next.find('-') == std::string_view::npos)
      return false;
    if (IsStarter(next)) return true;
    return lex_.after_article_filter.MayContain(next) && lex_.after_article.count(next);
  }

  static bool LowerBound(FigureBound b) { return b == FigureBound::kMoreThan || b == FigureBound::kAtLeast; }
  static bool UpperBound(FigureBound b) { return b == FigureBound::kLessThan || b == FigureBound::kAtMost; }

  // "more than 10 and less than 40", "no more than 50 and no less than 20":
  // two opposite bounds joined by "and"/"but" make one range.
  static void MergeBoundPairs(const FigureDoc& doc, std::vector<FigureDraft>* drafts) {
    std::vector<FigureDraft>& v = *drafts;
    size_t out = 0;
    for (size_t n = 0; n < v.size(); ++n) {
      if (out > 0) {
        FigureDraft& a = v[out - 1];
        const FigureDraft& b = v[n];
        bool opposite = (LowerBound(a.fig.bound) && UpperBound(b.fig.bound)) ||
                        (UpperBound(a.fig.bound) && LowerBound(b.fig.bound));
        bool prefixed = !a.fig.bound_span.empty() && !b.fig.bound_span.empty() &&
                        a.fig.bound_span.end <= doc.tok(a.first).span.begin &&
                        b.fig.bound_span.end <= doc.tok(b.first).span.begin;
        bool same_kind = a.fig.kind == b.fig.kind && a.fig.kind != FigureKind::kRange &&
                         a.fig.kind != FigureKind::kVague && a.fig.kind != FigureKind::kOrdinal;
        size_t k = a.last, gap = 0;
        bool joined = opposite && prefixed && same_kind;
        while (joined && k < doc.size() && doc.tok(k).span.end <= b.fig.bound_span.begin) {
          std::string_view w = doc.norm(k);
          joined = (w == "and" || w == "but" || w == ",") && ++gap <= 2;
          ++k;
        }
        bool a_low = LowerBound(a.fig.bound);
        double low = a_low ? a.fig.value : b.fig.value, high = a_low ? b.fig.value : a.fig.value;
        if (joined && gap > 0 && low < high) {  // "more than 40 and less than 10" stays two
          std::string lo_x = a_low ? a.fig.exact : b.fig.exact, hi_x = a_low ? b.fig.exact : a.fig.exact;
          a.fig.kind = FigureKind::kRange;
          a.fig.low = a.fig.value = low;
          a.fig.high = high;
          a.fig.exact = lo_x.empty() || hi_x.empty() ? std::string() : lo_x + "/" + hi_x;
          a.fig.bound = FigureBound::kExact;
          if (a.fig.unit.empty()) a.fig.unit = b.fig.unit;
          a.last = b.last;
          a.num_last = b.num_last;
          continue;
        }
      }
      if (out != n) v[out] = std::move(v[n]);
      ++out;
    }
    v.resize(out);
  }

  // A number inside something else: an identifier, a list label, a date or
  // clock time the times stage did not take, a duration.
  bool Excluded(const FigureDoc& doc, const NumberMatch& m, size_t after) const {
    size_t i = m.first;
    std::string_view s = doc.surface(i);
    if (doc.is(i, TokenKind::kNumber) && !m.negative) {
      if (i > 0 && lex_.Has(doc.norm(i - 1), kRoleIdPrefix | kRoleIdCode) && !m.words) return true;
      // "22 U.S.C. 2751", "15 CFR 744": the title number before a legal code.
      if (lex_.Has(doc.norm(m.last), kRoleIdCode)) return true;
      // COVID-19, SCP-173: a number glued by a hyphen to a word.
      if (i >= 2 && doc.glued(i) && doc.norm(i - 1) == "-" && doc.glued(i - 1) &&
          (doc.is(i - 2, TokenKind::kWord) || doc.is(i - 2, TokenKind::kNumber)))
        return true;
      // Glued to a word or code on the left: "#5", "/3".
      if (i > 0 && doc.glued(i) && (doc.is(i - 1, TokenKind::kWord) || doc.norm(i - 1) == "#" ||
                                    doc.norm(i - 1) == "/" || doc.norm(i - 1) == "+" || doc.norm(i - 1) == "."))
        return true;
      // Chains of three or more numbers: phone numbers, dates, versions.
      std::string_view nx = doc.norm(m.last);
      if ((nx == "-" || nx == "/" || nx == "." || nx == ":") && doc.glued(m.last) && doc.glued(m.last + 1) &&
          doc.is(m.last + 1, TokenKind::kNumber)) {
        std::string_view n2 = doc.norm(m.last + 2);
        if (nx == ":" || nx == "/" || ((n2 == "-" || n2 == "/" || n2 == ".") && doc.glued(m.last + 2))) return true;
      }
      // List labels: "1." or "2)" at the start of a line, "(3)".
      if ((doc.tok(i).flags & kTokenLineStart) && (nx == "." || nx == ")") && m.last + 1 < doc.size() &&
          !(doc.tok(m.last + 1).flags & kTokenLineStart))
        return true;
      if (nx == ")" && m.last == i + 1 && (i == 0 || doc.norm(i - 1) == "(" || doc.norm(i - 1) == "," ||
                                           (doc.tok(i).flags & kTokenLineStart)))
        return !m.words && s.size() <= 2;
      // A year the times stage did not take.
      if (YearLike(s) && m.last == i + 1 && !ModifierFollows(doc, after)) return true;
    }
    // Dates: next to a month name.
    if (i > 0 && MonthNumber(doc.surface(i - 1)) > 0 && doc.is(i, TokenKind::kNumber)) return true;
    if (MonthNumber(doc.surface(after)) > 0 && doc.is(i, TokenKind::kNumber)) return true;
    // Durations and clock times: "six months", "5 pm", "10:30".
    std::string_view w = doc.norm(after);
    if (lex_.Has(w, kRoleTimeUnit) || lex_.Has(w, kRoleClock)) return true;
    if (w == "-" && doc.glued(after) && lex_.Has(doc.norm(after + 1), kRoleTimeUnit)) return true;
    if (w == ":" && doc.glued(after) && doc.is(after + 1, TokenKind::kNumber)) return true;
    // "one" as a pronoun: "the one", "this one", "one another".
    if (m.words && doc.norm(i) == "one" && m.last == i + 1) {
      if (i > 0 && lex_.Has(doc.norm(i - 1), kRoleNoOne)) return true;
      if (doc.norm(after) == "another" || doc.norm(after) == "'s") return true;
    }
    return false;
  }

  bool ModifierFollows(const FigureDoc& doc, size_t k) const {
    if (k >= doc.size() || !doc.is(k, TokenKind::kWord)) return doc.norm(k) == "%";
    std::string_view w = doc.norm(k);
    return !lex_.Has(w, kRoleStop) && lex_.LooksPlural(w);
  }

  bool Find(const FigureDoc& doc, size_t i, const std::vector<FigureDraft>& earlier, FigureDraft* d) const {
    // A currency before the amount: "$5 billion", "RUB 5bn".
    std::string code, unit;
    size_t clen = 0;
    size_t start = i;
    NumberMatch m;  // the amount: parsed by CurrencyBefore after a currency
    bool money = CurrencyBefore(doc, i, &code, &unit, &clen, &m);
    if (money) start = i + clen;
    // Vague amounts: "several", "dozens of", "tens of thousands of".
    size_t vlen = 0;
    if (!money) {
      if (const PhraseEntry* v = doc.PhraseAt(lex_.vague, i, &vlen)) {
        d->fig.kind = FigureKind::kVague;
        d->fig.low = std::strtod(v->a.c_str(), nullptr);
        d->fig.high = std::strtod(v->b.c_str(), nullptr);
        d->fig.value = 0;
        d->first = d->num_first = i;
        d->last = d->num_last = i + vlen;
        // "dozens" alone must count something: "dozens of" or "several requests".
        AttachCountedNoun(doc, d);
        ResolveOfThem(doc, earlier, d);
        if (d->fig.unit.empty() && doc.norm(i + vlen - 1) != "of" && doc.norm(i + vlen) != "of") return false;
        // "millions of dollars": a vague amount of money.
        if (!d->fig.unit_span.empty())
          CurrencyNoun(doc, doc.norm(d->last - 1), &d->fig.currency);
        AttachQualifiers(doc, d);
        return true;
      }
    }
    // "percent of 10": the percent word before its number.
    size_t pct = doc.norm(i) == "percent" ? 1 : doc.norm(i) == "per" && doc.norm(i + 1) == "cent" ? 2 : 0;
    if (!money && pct && doc.norm(i + pct) == "of" && (i == 0 || !doc.is(i - 1, TokenKind::kWord)) &&
        i + pct + 1 < doc.size() && !doc.in_time[i + pct + 1]) {
      NumberMatch pm;
      if (ParseNumberAt(doc, i + pct + 1, &pm) && !pm.ordinal && pm.suffix.empty() &&
          !Excluded(doc, pm, pm.last)) {
        d->first = i;
        d->num_first = i + pct + 1;
        d->last = d->num_last = pm.last;
        SetValue(pm, &d->fig);
        d->fig.kind = FigureKind::kPercent;
        AttachQualifiers(doc, d);
        return true;
      }
    }
    if (!money && !ParseNumberAt(doc, start, &m)) return false;
    if (money && m.ordinal) return false;
    d->first = i;
    d->num_first = start;
    d->last = d->num_last = m.last;
    d->fig.kind = FigureKind::kCardinal;
    SetValue(m, &d->fig);
    if (money) {
      d->fig.kind = FigureKind::kMoney;
      d->fig.currency = code;
      d->fig.unit = unit;
    }
    if (!money && Excluded(doc, m, m.last)) return false;
    if (m.ordinal) {
      if (lex_.Has(doc.norm(m.last), kRoleTimeUnit)) return false;  // "21st century"
      if (m.words && doc.norm(m.last) == ",") return false;           // "First, ..."
      // "the second to last", "third from the end": a position, not a number.
      std::string_view to = doc.norm(m.last);
      size_t k = m.last + 1 + (doc.norm(m.last + 1) == "the" ? 1 : 0);
      if ((to == "to" || to == "from") && (doc.norm(k) == "last" || doc.norm(k) == "end")) return false;

      AttachQualifiers(doc, d);
      return true;
    }
    // Scale words after digits or words: "2.5 million" is parsed already;
    // after a currency sign the number may still take one ("$5 billion").
    if (!AttachMeasure(doc, m, d)) return false;
    AttachRange(doc, d);
    if (d->fig.kind == FigureKind::kCardinal || (d->fig.kind == FigureKind::kRange && d->fig.unit.empty())) {
      AttachCountedNoun(doc, d);
      ResolveOfThem(doc, earlier, d);
      if (d->fig.unit.empty()) {
        d->needs_unit = true;
        ResolveEllipsis(doc, earlier, d);
      }
    }
    AttachQualifiers(doc, d);
    return true;
  }

  FigureLexicon lex_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateFigureStage(const Options&) {
  FigureLexicon lex;
  if (Status s = FigureLexicon::Load(&lex); !s.ok()) return s;
  return std::unique_ptr<Stage>(new FigureStage(std::move(lex)));
}

}  // namespace communique::internal
