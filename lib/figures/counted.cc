// What a figure counts: the counted noun after it, "N of them", and
// elliptical parallels.
#include <cctype>

#include "figures/assemble.h"

namespace communique::internal {
namespace {

constexpr size_t kMaxModifiers = 4;      // "35 new cyber security requests"
constexpr size_t kLookBackSentences = 2; // for "of them"
constexpr size_t kLookBackTokens = 160;
constexpr size_t kEarlierFigures = 8;

bool IsLetterWord(const FigureDoc& doc, size_t k) {
  if (!doc.is(k, TokenKind::kWord)) return false;
  std::string_view s = doc.surface(k);
  return !s.empty() && (std::isalpha(static_cast<unsigned char>(s[0])) || static_cast<unsigned char>(s[0]) >= 0x80);
}

// A word that could be a noun or its modifier after a number.
bool ModifierOrNoun(const FigureDoc& doc, size_t k) {
  if (!IsLetterWord(doc, k) || doc.in_time[k]) return false;
  std::string_view w = doc.norm(k);
  const FigureLexicon& lex = *doc.lex;
  if (lex.Has(w, kRoleStop) || lex.Has(w, kRoleTimeUnit) || lex.Number(w)) return false;
  return true;
}

// A plural noun that can be an antecedent of "them": not a verb after a pronoun.
bool PluralNoun(const FigureDoc& doc, size_t k) {
  if (!ModifierOrNoun(doc, k)) return false;
  std::string_view w = doc.norm(k);
  if (!doc.lex->LooksPlural(w) || w.size() < 4) return false;
  if (w.size() > 2 && w.substr(w.size() - 2) == "ly") return false;
  if (k > 0) {
    std::string_view p = doc.norm(k - 1);
    if (p == "he" || p == "she" || p == "it" || p == "who" || p == "which" || p == "that" || p == "this") return false;
  }
  return true;
}

void SetUnit(const FigureDoc& doc, size_t k, FigureDraft* d) {
  d->fig.unit = doc.lex->Lemma(doc.norm(k));
  d->fig.unit_span = doc.tok(k).span;
  d->counted_unit = true;
}

size_t SentenceEnd(const FigureDoc& doc, size_t k) {
  const Sentence& s = doc.a->sentences[doc.SentenceOf(k)];
  return s.first_token + s.token_count;
}

size_t SentenceBegin(const FigureDoc& doc, size_t k) {
  return doc.a->sentences[doc.SentenceOf(k)].first_token;
}

}  // namespace

void AttachCountedNoun(const FigureDoc& doc, FigureDraft* d) {
  Figure& f = d->fig;
  if (f.kind != FigureKind::kCardinal && f.kind != FigureKind::kVague && f.kind != FigureKind::kRange) return;
  if (f.kind == FigureKind::kRange && !f.unit.empty()) return;
  size_t end = SentenceEnd(doc, d->num_first);
  size_t k = d->last;
  // "half the budget", "a third their income": a fraction before a determiner
  // is a partitive without "of".
  bool fraction = f.kind == FigureKind::kCardinal && f.value > 0 && f.value < 1;
  bool bare_partitive = fraction && doc.lex->Has(doc.norm(k), kRolePartitive) &&
                        !doc.lex->Has(doc.norm(k), kRolePronoun);
  if (doc.norm(k) == "of" || bare_partitive) {
    // Partitive: "45 of the 100 requests", "two of these countries",
    // "two-thirds of voters", "one of Moscow's closest allies".
    size_t q = bare_partitive ? k : k + 1;
    bool pronoun = q < end && doc.lex->Has(doc.norm(q), kRolePronoun);
    if (q < end && doc.lex->Has(doc.norm(q), kRolePartitive) && !pronoun) ++q;
    else if (q < end && doc.lex->Has(doc.norm(q), kRolePartitive) && pronoun && ModifierOrNoun(doc, q + 1)) ++q;  // "of these requests"
    else if (q < end && !pronoun && ModifierOrNoun(doc, q) && !bare_partitive) {}  // "of voters"
    else return;
    // A fraction counts a singular noun too ("half the budget"), but only a
    // lone word: in "a quarter of the vote went" the chain runs into a verb.
    size_t head = SIZE_MAX, words = 0;
    for (size_t n = 0; q < end && n < kMaxModifiers + 2; ++q, ++n) {
      if (doc.is(q, TokenKind::kNumber) || doc.lex->Number(doc.norm(q))) continue;
      if (!ModifierOrNoun(doc, q)) break;
      if (doc.lex->LooksPlural(doc.norm(q))) { SetUnit(doc, q, d); return; }
      head = q;
      ++words;
    }
    if (fraction && words == 1) SetUnit(doc, head, d);
    return;
  }
  bool one = f.exact == "1";
  size_t last_candidate = SIZE_MAX;
  for (size_t n = 0; k < end && n < kMaxModifiers; ++k, ++n) {
    if (!ModifierOrNoun(doc, k)) break;
    std::string_view w = doc.norm(k);
    if (w.size() > 3 && w.back() == '\'' && w[w.size() - 2] == 's') {  // "two countries' ministries"
      SetUnit(doc, k, d);
      d->fig.unit = doc.lex->Lemma(w.substr(0, w.size() - 1));
      d->last = k + 1;
      return;
    }
    if (doc.lex->LooksPlural(w)) {
      SetUnit(doc, k, d);
      d->last = k + 1;
      return;
    }
    last_candidate = k;
  }
  if (one && last_candidate != SIZE_MAX) {
    SetUnit(doc, last_candidate, d);
    d->last = last_candidate + 1;
  }
}

void ResolveOfThem(const FigureDoc& doc, const std::vector<FigureDraft>& earlier, FigureDraft* d) {
  if (!d->fig.unit.empty()) return;
  size_t k = d->last;
  if (doc.norm(k) != "of" || !doc.lex->Has(doc.norm(k + 1), kRolePronoun)) return;
  // The window: this sentence up to the number and kLookBackSentences before it.
  uint32_t sent = doc.SentenceOf(d->num_first);
  uint32_t first_sent = sent >= kLookBackSentences ? sent - static_cast<uint32_t>(kLookBackSentences) : 0;
  size_t lo = doc.a->sentences[first_sent].first_token;
  if (d->first > kLookBackTokens && lo < d->first - kLookBackTokens) lo = d->first - kLookBackTokens;
  // 1. A noun that an earlier figure counted (the thing under discussion).
  size_t best = SIZE_MAX;
  for (size_t q = d->first; q-- > lo;) {
    if (!PluralNoun(doc, q)) continue;
    std::string lemma = doc.lex->Lemma(doc.norm(q));
    size_t seen = 0;
    for (size_t e = earlier.size(); e-- > 0 && seen < kEarlierFigures; ++seen)
      if (earlier[e].counted_unit && earlier[e].fig.unit == lemma) { best = q; break; }
    if (best != SIZE_MAX) break;
  }
  // 2. Else the first plural noun of the previous sentence (its subject), or
  //    the nearest one before the number in this sentence.
  if (best == SIZE_MAX && sent > 0) {
    size_t b = doc.a->sentences[sent - 1].first_token;
    size_t e = b + doc.a->sentences[sent - 1].token_count;
    for (size_t q = std::max(b, lo); q < e && best == SIZE_MAX; ++q)
      if (PluralNoun(doc, q)) best = q;
  }
  if (best == SIZE_MAX)
    for (size_t q = d->first; q-- > SentenceBegin(doc, d->first) && best == SIZE_MAX;)
      if (PluralNoun(doc, q)) best = q;
  if (best == SIZE_MAX) return;
  SetUnit(doc, best, d);
}

void ResolveEllipsis(const FigureDoc& doc, const std::vector<FigureDraft>& earlier, FigureDraft* d) {
  if (!d->needs_unit || !d->fig.unit.empty() || d->fig.kind != FigureKind::kCardinal) return;
  // The number stands alone: what follows is no noun.
  size_t k = d->last;
  if (k < doc.size() && ModifierOrNoun(doc, k) && doc.SentenceOf(k) == doc.SentenceOf(d->num_first)) return;
  if (doc.norm(k) == "of") return;
  // "half the budget": a noun phrase of its own follows.
  if (doc.lex->Has(doc.norm(k), kRolePartitive) && !doc.lex->Has(doc.norm(k), kRolePronoun)) return;
  uint32_t sent = doc.SentenceOf(d->num_first);
  for (size_t e = earlier.size(); e-- > 0;) {
    const FigureDraft& p = earlier[e];
    if (doc.SentenceOf(p.num_first) != sent) return;
    if (p.fig.kind != FigureKind::kCardinal) continue;
    if (!p.counted_unit) return;
    // A parallel is joined by a conjunction or a comma between the two.
    bool joined = false;
    for (size_t q = p.last; q < d->first && !joined; ++q) {
      std::string_view w = doc.norm(q);
      joined = w == "and" || w == "," || w == ";" || w == "while" || w == "but" || w == "versus" ||
               w == "compared" || w == "against" || w == "from" || w == "to" || w == "or";
    }
    if (!joined) return;
    d->fig.unit = p.fig.unit;
    d->fig.unit_span = p.fig.unit_span;
    d->counted_unit = true;
    return;
  }
}

}  // namespace communique::internal
