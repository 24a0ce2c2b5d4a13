// The quotes stage: direct quotes (paired marks, repaired when a mark was
// lost), partial and scare quotes, reported speech, their cues and speakers.
//
// Passes, each linear in the tokens: pair marks (marks.h); attribute each
// quote to a cue after or before it (attribution.h); scan the sentences
// outside quotes for reported speech; classify embedded quotes as partial
// (inside reported speech) or scare quotes; resolve every speech event to a
// speaker in document order (speakers.h); let unattributed quotes continue
// the speaker of their paragraph; make transcript turns speech of their
// speaker.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "core/stage.h"
#include "quotes/attribution.h"
#include "quotes/lexicon.h"
#include "quotes/marks.h"
#include "quotes/speakers.h"
#include "tokenize/token_starts.h"

namespace communique::internal {
namespace {

constexpr size_t kMinIndirectTokens = 3;
constexpr size_t kMinLeftClauseTokens = 4;
constexpr size_t kThatWindow = 12;
constexpr size_t kScareMaxWords = 6;
constexpr size_t kFullNameLookBack = 800;  // tokens searched back for a speaker's full name
constexpr size_t kMaxFullNames = 32;       // speakers per document whose full name is looked for

struct Candidate {
  Quote q;
  size_t first = 0, last = 0;  // content tokens
  int event = -1;              // SpeechEvent index, or -1
  bool embedded = false;       // starts inside a sentence (partial or scare)
  bool needs_speaker = false;  // direct quote with no cue of its own
  bool scare = false;          // known scare quote ("so-called")
  bool suppressed = false;
};

class QuoteRun {
 public:
  QuoteRun(std::string_view text, Analysis* a, const QuoteLexicon& lex, std::vector<uint32_t> quote_marks)
      : text_(text), a_(a), lex_(lex), tp_(TokenParagraphs(*a)), finder_(*a, lex, tp_),
        quote_marks_(std::move(quote_marks)), in_quote_(a->tokens.size(), 0), consumed_(a->tokens.size(), 0) {}

  void Run() {
    Marks();
    Reported();
    Embedded();
    Resolve();
    Inherit();
    Turns();
    Emit();
  }

 private:
  // --- 1. quotation marks -------------------------------------------------
  void Marks() {
    std::function<bool(size_t)> after = [this](size_t c) { return finder_.After(c).has_value(); };
    std::function<bool(size_t)> before = [this](size_t o) { return finder_.Before(o).has_value(); };
    std::vector<MarkedQuote> marks = PairQuoteMarks(text_, a_, tp_, quote_marks_, after, before);
    for (const MarkedQuote& m : marks) {
      Candidate c;
      c.first = m.first;
      c.last = m.last;
      c.q.span = Trim(m.span);
      c.q.repaired = m.repaired;
      c.q.kind = QuoteKind::kDirect;
      size_t lo = m.open != kNoToken ? m.open : m.first;
      size_t hi = m.close != kNoToken ? m.close + 1 : m.last;
      for (size_t t = lo; t < hi; ++t) in_quote_[t] = static_cast<uint32_t>(cands_.size() + 1);
      if (m.open != kNoToken && ScareContext(m)) {
        c.q.kind = QuoteKind::kScare;
        c.embedded = c.scare = true;
        cands_.push_back(std::move(c));
        continue;
      }
      std::optional<SpeechEvent> ev;
      if (m.close != kNoToken) ev = finder_.After(m.close);
      if (!ev && m.open != kNoToken) ev = finder_.Before(m.open);
      if (!ev && m.open != kNoToken && !Embedded(m.open)) ev = finder_.ColonSubject(m.open);
      if (ev && ev->weak && NotSpeech(m)) ev.reset();  // `Paintings: “On the Seashore”`
      c.embedded = m.open != kNoToken && Embedded(m.open);
      if (c.embedded && IsSentenceClose(m)) c.embedded = !ev.has_value();
      if (ev) {
        for (size_t t = ev->cue_b; t < ev->cue_e; ++t) consumed_[t] = 1;
        c.event = AddEvent(*ev);
        if (c.embedded) c.q.kind = QuoteKind::kPartial;
      } else if (!c.embedded && NotSpeech(m)) {
        c.q.kind = QuoteKind::kScare;  // a title or a word in marks, with no cue
        c.embedded = c.scare = true;
      } else if (!c.embedded) {
        c.needs_speaker = true;
      }
      cands_.push_back(std::move(c));
    }
  }

  // A quote with no cue that is no speech: three words or fewer ("“necessary,”"),
  // or a title in title case without a sentence end ("“Building a Sustainable,
  // Resilient Future”").
  bool NotSpeech(const MarkedQuote& m) const {
    size_t words = 0, capitalized = 0, other = 0;
    for (size_t t = m.first; t < m.last; ++t) {
      if (IsFinalPunct(NormOf(*a_, t)) && t + 1 < m.last) return false;
      if (!IsWordToken(*a_, t)) continue;
      ++words;
      if (a_->tokens[t].flags & kTokenCapitalized) {
        ++capitalized;
      } else {
        std::string_view w = NormOf(*a_, t);
        bool function = w == "of" || w == "and" || w == "for" || w == "the" || w == "a" || w == "an" || w == "in" ||
                        w == "to" || w == "on" || w == "with" || w == "at" || w == "by";
        other += function ? 0 : 1;
      }
    }
    bool final = m.last > m.first && IsFinalPunct(NormOf(*a_, m.last - 1));
    // A short sentence of its own ("“We welcome it.”") is speech.
    if (words <= 3) return !(final && words >= 2 && (a_->tokens[m.first].flags & kTokenCapitalized));
    return !final && other == 0 && capitalized >= 2;
  }

  // Whether an opening mark stands inside a clause ("about "hacker attacks").
  bool Embedded(size_t open) const {
    if (open == 0 || !finder_.SameParagraph(open - 1, open)) return false;
    size_t s = finder_.SentenceOf(open);
    if (open <= finder_.SentenceFirst(s)) return false;
    std::string_view p = NormOf(*a_, open - 1);
    if (p == ":" || p == "," || IsDash(p) || p == "(" || IsFinalPunct(p)) return false;
    if (IsQuoteToken(*a_, open - 1)) return false;
    return !lex_.MatchCue(*a_, open - 1, open);  // `said "We ...` is direct
  }

  // Whether the words before an opening mark make the quote a scare quote:
  // "so-called" (any length), or "the" before one or two words ("the “D”
  // indicator").
  bool ScareContext(const MarkedQuote& m) const {
    size_t open = m.open;
    if (open == 0 || !finder_.SameParagraph(open - 1, open)) return false;
    std::string_view p = NormOf(*a_, open - 1);
    if (p == "so-called") return true;
    if (p == "called" && open >= 2) {
      size_t k = open - 2;
      if (IsDash(NormOf(*a_, k)) && k > 0) --k;
      if (NormOf(*a_, k) == "so") return true;
    }
    if (p != "the") return false;
    size_t words = 0;
    for (size_t t = m.first; t < m.last; ++t) {
      if (IsFinalPunct(NormOf(*a_, t))) return false;
      words += IsWordToken(*a_, t) ? 1 : 0;
    }
    return words <= 2;
  }

  // Whether the quote ends its sentence with its own final punctuation.
  bool IsSentenceClose(const MarkedQuote& m) const {
    return m.last > m.first && (IsFinalPunct(NormOf(*a_, m.last - 1)) || NormOf(*a_, m.last - 1) == ",");
  }

  int AddEvent(const SpeechEvent& ev) {
    if (ev.np_b != ev.np_e || ev.inherit >= 0) event_ending_at_.emplace_back(ev.cue_e, static_cast<int>(events_.size()));
    events_.push_back(ev);
    return static_cast<int>(events_.size() - 1);
  }

  // --- 2. reported speech -------------------------------------------------
  void Reported() {
    const uint64_t* hashes = NormHashes(*a_);  // null for hand-built tokens
    const uint8_t* starts = TokenStarts(*a_);  // likewise
    const size_t n = a_->tokens.size();
    for (size_t s = 0; s < a_->sentences.size(); ++s) {
      const size_t end = finder_.SentenceEnd(s);
      size_t i = a_->sentences[s].first_token;
      // Most sentences hold no cue: the start bits (or the hash scan) before
      // SentenceFirst.
      if (starts) {
        i = NextStart<kStartCue>(starts, n, i, end);
        if (i >= end) continue;
      } else if (hashes) {
        while (i < end && !lex_.MayStartCue(hashes[i])) ++i;
        if (i >= end) continue;
      }
      const size_t first = finder_.SentenceFirst(s);
      for (i = std::max(i, first); i < end;) {
        // Most words start no cue: a tight scan with the hash filter first.
        if (starts)
          i = NextStart<kStartCue>(starts, n, i, end);
        else if (hashes)
          while (i < end && !lex_.MayStartCue(hashes[i])) ++i;
        if (i >= end) break;
        if (!lex_.MayStartCue(NormHash(*a_, i)) || in_quote_[i] || consumed_[i]) { ++i; continue; }
        const CueForm* f = lex_.MatchCue(*a_, i, end);
        // The bare "say" ("I have to say that") only introduces marked quotes.
        if (!f || (f->words.size() == 1 && f->words[0] == "say")) { ++i; continue; }
        size_t next = ReportedAt(i, f, first, end);
        i = std::max(next, i + 1);
      }
    }
  }

  // One cue outside quotes; returns the token to continue scanning at.
  size_t ReportedAt(size_t i, const CueForm* f, size_t first, size_t end) {
    size_t ce = i + f->words.size();
    SpeechEvent ev;
    ev.cue_b = i;
    ev.cue_e = ce;
    ev.form = f;
    QuoteKind kind = QuoteKind::kIndirect;
    size_t cb = 0, cend = 0;  // content tokens
    if (f->type == CueType::kAccording) {
      kind = QuoteKind::kAccordingTo;
      finder_.RightNp(ce, &ev.np_b, &ev.np_e);
      ev.np_right = true;
      if (ev.np_b == ev.np_e) return ce;
      if (ev.np_e < end && NormOf(*a_, ev.np_e) == ",") {
        cb = ev.np_e + 1;
        cend = ContentEnd(cb, end);
      } else if (i > first && NormOf(*a_, i - 1) == ",") {
        cb = LeftClauseStart(first, i - 1);
        cend = i - 1;
      }
    } else if (f->type == CueType::kParticiple) {
      if (i == first || (NormOf(*a_, i - 1) != "," && NormOf(*a_, i - 1) != "and")) return ce;
      ev.inherit = PreviousEvent(i);
      if (ev.inherit < 0) return ce;
      cb = RightClauseStart(ce, end, f);
      cend = cb < end ? ContentEnd(cb, end) : cb;
    } else {
      if (f->strict && !finder_.SpeechContext(i, ce)) return ce;
      if (f->words.size() == 1 && finder_.Passive(i)) return ce;  // "he was told that ..."
      if (i > first && IsModifierSlot(NormOf(*a_, i - 1))) return ce;  // "Russia's claimed commitment"
      finder_.LeftNp(i, &ev.np_b, &ev.np_e);
      size_t before = ev.np_b;  // token before the subject
      size_t j = i;
      while (j > first && IsSubjectVerbFiller(NormOf(*a_, j - 1))) --j;
      if (ev.np_b == ev.np_e && j > first && NormOf(*a_, j - 1) == "and") {
        // "X thanked him and said that ...": the sentence's subject.
        finder_.RightNp(first, &ev.np_b, &ev.np_e);
        // "The Acting President highly rated ...": the subject ends at the
        // first lower-case word after its capitalized head.
        for (size_t k = ev.np_b + 1; k < ev.np_e; ++k)
          if ((a_->tokens[k - 1].flags & kTokenCapitalized) && !(a_->tokens[k].flags & kTokenCapitalized) &&
              NormOf(*a_, k) != "of") {
            ev.np_e = k;
            break;
          }
        before = first;
      }
      if (ev.np_b == ev.np_e) ApposedSubject(first, j, &ev.np_b, &ev.np_e);
      if (ev.np_b == ev.np_e) {
        if (j == first) return ce;
        std::string_view p = NormOf(*a_, j - 1);
        if (p != "," && !IsDash(p)) return ce;
        finder_.RightNp(ce, &ev.np_b, &ev.np_e);  // `..., said X.`
        ev.np_right = true;
        if (ev.np_b == ev.np_e) return ce;
        cb = LeftClauseStart(first, j - 1);
        cend = j - 1;
      } else {
        cb = RightClauseStart(ce, end, f);
        if (cb < end) {
          cend = ContentEnd(cb, end);
        } else if (before == first + 1 && NormOf(*a_, first) == "as" && ce + 1 < end && NormOf(*a_, ce) == ",") {
          cb = ce + 1;  // `As X said, CLAUSE.`
          cend = ContentEnd(cb, end);
        } else if (before > first && (NormOf(*a_, before - 1) == "," || IsDash(NormOf(*a_, before - 1)))) {
          // `CLAUSE, X said ...`; a cue that ends the sentence takes any clause.
          bool final_cue = ce < end && IsFinalPunct(NormOf(*a_, ce));
          cb = LeftClauseStart(first, before - 1, final_cue);
          cend = before - 1;
        }
      }
    }
    int id = AddEvent(ev);
    if (cend <= cb || cend - cb < kMinIndirectTokens) return ce;
    for (size_t t = cb; t < cend; ++t)
      if (in_quote_[t] && !IsQuoteToken(*a_, t)) {
        // The clause holds a quote attributed elsewhere: not reported speech.
        if (!cands_[in_quote_[t] - 1].embedded) return ce;
        break;
      }
    Candidate c;
    c.first = cb;
    c.last = cend;
    c.q.kind = kind;
    c.q.span = Trim({a_->tokens[cb].span.begin, a_->tokens[cend - 1].span.end});
    c.event = id;
    reported_.push_back(cands_.size());
    cands_.push_back(std::move(c));
    return cb > i ? cend : ce;
  }

  // "Mr. Smith, the director of the agency, said ...": a short name phrase
  // opening the sentence, then an apposition between commas, then the cue
  // at token j: the name is the subject.
  void ApposedSubject(size_t first, size_t j, size_t* b, size_t* e) const {
    if (j < first + 4 || NormOf(*a_, j - 1) != ",") return;
    size_t c1 = kNoToken;
    for (size_t k = j - 1; k > first + 1; --k)
      if (NormOf(*a_, k - 1) == ",") { c1 = k - 1; break; }
    if (c1 == kNoToken || c1 - first > 5 || j - 1 - c1 < 2) return;
    std::string_view lead = NormOf(*a_, first), app = NormOf(*a_, c1 + 1);
    if (!(a_->tokens[first].flags & kTokenCapitalized) || IsPrepositionLike(lead) || IsClauseBoundaryWord(lead))
      return;
    if (app != "the" && app != "a" && app != "an" && app != "who" && StripPossessive(app).size() == app.size())
      return;
    for (size_t k = first; k < c1; ++k)
      if (!IsWordToken(*a_, k)) return;
    *b = first;
    *e = c1;
  }

  // After a cue: the clause after "that", or a that-less clause.
  size_t RightClauseStart(size_t ce, size_t end, const CueForm* f) const {
    for (size_t k = ce; k < end && k < ce + kThatWindow; ++k) {
      std::string_view w = NormOf(*a_, k);
      if (w == "that") return k + 1;
      // "told journalists he hoped that ...": the clause starts at its subject.
      if (k > ce && (w == "he" || w == "she" || w == "they" || w == "we") && k + 1 < end &&
          IsWordToken(*a_, k + 1) && NormOf(*a_, k - 1) != "that")
        return k;
      if (IsQuoteToken(*a_, k) || w == ";" || w == ":" || IsFinalPunct(w)) break;
    }
    if (ce >= end || !IsWordToken(*a_, ce)) return end;
    std::string_view w = NormOf(*a_, ce);
    if (IsPrepositionLike(w) || IsClauseBoundaryWord(w) || w == "so" || w == "of" || w == "against") return end;
    if (w == "it" && (ce + 1 >= end || !IsAuxiliary(NormOf(*a_, ce + 1)))) return end;  // "said it was" is a clause
    // Verbs that mostly take a noun object ("stressed the importance of",
    // "pointed out the necessity of") report a clause only after "that".
    static constexpr std::array<std::string_view, 24> kObjectVerbs = {
        "tell", "inform", "assure", "ask", "urge", "accuse", "call on", "call for", "propose", "deny", "confirm",
        "announce", "point out", "stress", "emphasise", "underline", "underscore", "reiterate", "note",
        "acknowledge", "demand", "declare", "affirm", "reaffirm"};
    if (std::find(kObjectVerbs.begin(), kObjectVerbs.end(), f->lemma) != kObjectVerbs.end()) return end;
    // "said Monday": a time starting at the clause start (times are sorted by begin).
    const uint32_t at = a_->tokens[ce].span.begin;
    auto t = std::lower_bound(a_->times.begin(), a_->times.end(), at,
                              [](const TimeExpression& x, uint32_t b) { return x.span.begin < b; });
    if (t != a_->times.end() && t->span.begin == at) return end;
    return ce;
  }

  // A word after which a cue form is an adjective ("its alleged", "the stated").
  static bool IsModifierSlot(std::string_view w) {
    if (StripPossessive(w).size() != w.size()) return true;
    static constexpr std::array<std::string_view, 10> kList = {
        "the", "a", "an", "its", "their", "his", "her", "our", "this", "these"};
    return std::find(kList.begin(), kList.end(), w) != kList.end();
  }

  static bool IsAuxiliary(std::string_view w) {
    static constexpr std::array<std::string_view, 14> kList = {
        "is", "was", "would", "will", "had", "has", "could", "should", "must", "may", "might", "can", "did", "does"};
    return std::find(kList.begin(), kList.end(), w) != kList.end();
  }

  // The end of a reported clause: before the sentence's final punctuation
  // and before a following ", adding ..." cue.
  size_t ContentEnd(size_t cb, size_t end) const {
    size_t e = end;
    for (size_t k = cb; k < end; ++k) {
      std::string_view w = NormOf(*a_, k);
      if (w == "," && k + 1 < end) {
        const CueForm* f = lex_.MatchCue(*a_, k + 1, end);
        if (f && (f->type == CueType::kParticiple || f->type == CueType::kAccording)) { e = k; break; }
      } else if (w == "and" && k + 1 < end && !in_quote_[k]) {
        // `... said that X and affirmed that Y`, `... and called on them to`:
        // the second cue starts a predicate of its own.
        const CueForm* f = lex_.MatchCue(*a_, k + 1, end);
        if (f && f->type == CueType::kVerb && !f->strict) { e = k; break; }
      }
    }
    while (e > cb && (IsFinalPunct(NormOf(*a_, e - 1)) || NormOf(*a_, e - 1) == "," ||
                      (IsQuoteToken(*a_, e - 1) && !in_quote_[e - 1])))
      --e;
    return e;
  }

  // The clause before "..., X said": none if it is an adverbial clause or
  // phrase ("As he was greeting the guest, X told him ...").
  size_t LeftClauseStart(size_t first, size_t comma, bool final_cue = false) const {
    size_t b = first;
    while (b < comma && IsQuoteToken(*a_, b)) ++b;
    if (comma - b < kMinLeftClauseTokens) return comma;
    if (final_cue) return b;
    std::string_view w = NormOf(*a_, b);
    if (IsPrepositionLike(w) || IsClauseBoundaryWord(w) || w == "once" || w == "until" || w == "unless")
      return comma;
    return b;
  }

  // The latest speech event before token i in its paragraph.
  int PreviousEvent(size_t i) const {
    int best = -1;
    size_t scanned = 0;
    for (size_t k = events_.size(); k > 0 && scanned < 32; --k, ++scanned) {
      const SpeechEvent& e = events_[k - 1];
      if (e.cue_b < i && finder_.SameParagraph(e.cue_b, i) &&
          (best < 0 || e.cue_b > events_[static_cast<size_t>(best)].cue_b))
        best = static_cast<int>(k - 1);
    }
    return best;
  }

  // --- 3. embedded quotes: partial or scare ------------------------------
  void Embedded() {
    // By cue end; among events ending at one token, the last added is found.
    std::stable_sort(event_ending_at_.begin(), event_ending_at_.end(),
                     [](const std::pair<size_t, int>& x, const std::pair<size_t, int>& y) { return x.first < y.first; });
    // reported_ is in sentence order: find each quote's sentence by bisection.
    for (Candidate& c : cands_) {
      if (!c.embedded || c.event >= 0 || c.scare) continue;
      size_t s = finder_.SentenceOf(c.first);
      auto it = std::lower_bound(reported_.begin(), reported_.end(), s, [&](size_t r, size_t v) {
        return finder_.SentenceOf(cands_[r].first) < v;
      });
      Candidate* host = nullptr;
      for (; it != reported_.end() && finder_.SentenceOf(cands_[*it].first) == s && !host; ++it) {
        Candidate& rc = cands_[*it];
        if (rc.first <= c.first && rc.last >= c.last) host = &rc;
      }
      if (host) {
        c.q.kind = QuoteKind::kPartial;
        c.event = host->event;
        // The quote stands for the clause around it, unless the clause is a
        // that-clause the quote completes (`said that X was "...,"`): then
        // both are reported speech.
        bool completes = host->first > 0 && NormOf(*a_, host->first - 1) == "that" && host->last <= c.last + 1;
        if (!completes) host->suppressed = true;
        continue;
      }
      // `demanded "to see that data"`, `said that "..."`: a cue right before the mark.
      size_t open = c.first - 1;
      size_t k = open > 0 && NormOf(*a_, open - 1) == "that" ? open - 1 : open;
      auto ev = std::upper_bound(event_ending_at_.begin(), event_ending_at_.end(), k,
                                 [](size_t v, const std::pair<size_t, int>& e) { return v < e.first; });
      if (ev != event_ending_at_.begin() && std::prev(ev)->first == k) {
        c.q.kind = QuoteKind::kPartial;
        c.event = std::prev(ev)->second;
        continue;
      }
      size_t words = 0;
      for (size_t t = c.first; t < c.last; ++t) words += IsWordToken(*a_, t) ? 1 : 0;
      if (words <= kScareMaxWords) {
        c.q.kind = QuoteKind::kScare;
      } else {
        c.q.kind = QuoteKind::kPartial;
        c.needs_speaker = true;
      }
    }
  }

  // --- 4. speakers ----------------------------------------------------------
  void Resolve() {
    if (events_.empty()) return;  // no cue: nothing to resolve, no candidate has an event
    std::vector<Span> quoted;  // marked quotes come first in cands_, in order
    for (const Candidate& c : cands_)
      if (c.q.kind == QuoteKind::kDirect || c.q.kind == QuoteKind::kPartial || c.q.kind == QuoteKind::kScare)
        if (c.event < 0 || c.q.kind != QuoteKind::kIndirect) quoted.push_back(c.q.span);
    std::sort(quoted.begin(), quoted.end(), [](const Span& x, const Span& y) { return x.begin < y.begin; });
    resolver_.emplace(*a_, lex_);  // entities are as the stage found them until here
    resolver_->SetQuoted(std::move(quoted));
    std::vector<size_t> order(events_.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(),
              [&](size_t x, size_t y) { return events_[x].cue_b < events_[y].cue_b; });
    for (size_t k : order) {
      SpeechEvent& e = events_[k];
      if (e.inherit >= 0) {
        e.ref = events_[static_cast<size_t>(e.inherit)].ref;
        resolver_->Note(e.ref.entity, a_->tokens[e.cue_b].span.begin);
      } else {
        e.ref = resolver_->Resolve(e.np_b, e.np_e, e.np_right);
        if (e.ref.entity < 0 && !e.ref.name.empty()) {
          e.ref.entity = NamedPerson(e.ref.name);
          resolver_->Note(e.ref.entity, e.ref.name.begin);
        }
        if (e.ref.entity >= 0) e.ref.entity = FullName(e.ref.entity);
        if (e.ref.entity < 0 && e.ref.pronoun && e.np_e == e.np_b + 1) {
          std::string_view w = NormOf(*a_, e.np_b);
          if (w == "i" || w == "we") e.ref.entity = std::max(TurnSpeaker(e.cue_b), -1);
        }
      }
    }
    for (Candidate& c : cands_) {
      if (c.event < 0) continue;
      const SpeechEvent& e = events_[static_cast<size_t>(c.event)];
      Apply(e, &c.q);
    }
  }

  void Apply(const SpeechEvent& e, Quote* q) const {
    q->speaker = e.ref.entity;
    q->speaker_mention = e.ref.mention;
    q->anonymous = e.ref.anonymous;
    q->cue = {a_->tokens[e.cue_b].span.begin, a_->tokens[e.cue_e - 1].span.end};
    q->cue_lemma = e.form ? e.form->lemma : std::string();
  }

  // Quotes with no cue continue the speaker of a neighbouring quote in their
  // paragraph ("...," he said. "More ..."), else of the previous paragraph's
  // last quote, else the transcript turn's speaker.
  void Inherit() {
    std::vector<size_t> direct;  // attributed non-reported quotes, in order
    for (size_t k = 0; k < cands_.size(); ++k)
      if (!cands_[k].q.span.empty()) direct.push_back(k);
    std::sort(direct.begin(), direct.end(), [&](size_t x, size_t y) { return cands_[x].first < cands_[y].first; });
    std::vector<std::pair<size_t, int>> by_cue;  // (cue token, event) of resolved events, in order
    for (size_t k = 0; k < events_.size(); ++k)
      if (events_[k].ref.entity >= 0 && !events_[k].weak) by_cue.emplace_back(events_[k].cue_b, static_cast<int>(k));
    std::sort(by_cue.begin(), by_cue.end());
    for (size_t n = 0; n < direct.size(); ++n) {
      Candidate& c = cands_[direct[n]];
      if (c.event >= 0 && events_[static_cast<size_t>(c.event)].weak &&
          events_[static_cast<size_t>(c.event)].ref.entity < 0) {
        c.event = -1;  // "Here is what you missed: “...”": no subject after all
        c.q.cue = {};
        c.q.speaker_mention = {};
        c.needs_speaker = c.q.kind == QuoteKind::kDirect;
      }
      if (!c.needs_speaker) continue;
      uint32_t para = finder_.ParagraphOf(c.first);
      const Candidate* from = nullptr;
      for (size_t m = n; m > 0 && !from; --m) {
        const Candidate& p = cands_[direct[m - 1]];
        if (finder_.ParagraphOf(p.first) != para) break;
        if (p.event >= 0 && p.q.kind != QuoteKind::kScare) from = &p;
      }
      for (size_t m = n + 1; m < direct.size() && !from; ++m) {
        const Candidate& p = cands_[direct[m]];
        if (finder_.ParagraphOf(p.first) != para) break;
        if (p.event >= 0 && p.q.kind == QuoteKind::kDirect) from = &p;
      }
      if (from) {
        Apply(events_[static_cast<size_t>(from->event)], &c.q);
        c.event = from->event;
        continue;
      }
      // A speech verb earlier in the paragraph ("He also called for ... .
      // “We believe ...”").
      auto it = std::lower_bound(by_cue.begin(), by_cue.end(), std::make_pair(c.first, -1));
      if (it != by_cue.begin() && finder_.SameParagraph(std::prev(it)->first, c.first)) {
        int ev = std::prev(it)->second;
        Apply(events_[static_cast<size_t>(ev)], &c.q);
        c.event = ev;
        continue;
      }
      int32_t turn_speaker = HeadlineTurn(c.first) ? -1 : TurnSpeaker(c.first);
      if (turn_speaker >= 0 || turn_speaker == kRoleTurn) {
        c.q.speaker = std::max(turn_speaker, -1);
        c.q.anonymous = turn_speaker == kRoleTurn;
        continue;
      }
      // The previous paragraph's last attributed direct quote, if it is
      // adjacent and this quote opens its paragraph (a wire continuation,
      // not "The Guardian: “...”").
      bool opens = false;
      if (c.first > 0 && para != UINT32_MAX && IsQuoteToken(*a_, c.first - 1)) {
        uint32_t pb = a_->paragraphs[para].span.begin;
        size_t open = c.first - 1;
        auto before_para = [&](size_t k) { return a_->tokens[k].span.end <= pb; };
        opens = open == 0 || before_para(open - 1) ||
                (IsBullet(NormOf(*a_, open - 1)) && (open - 1 == 0 || before_para(open - 2)));
      }
      for (size_t m = n; m > 0 && opens; --m) {
        const Candidate& p = cands_[direct[m - 1]];
        uint32_t pp = finder_.ParagraphOf(p.first);
        if (pp + 1 < para) break;
        if (pp + 1 == para && p.q.kind == QuoteKind::kDirect && p.q.speaker >= 0) {
          c.q.speaker = p.q.speaker;
          c.q.anonymous = p.q.anonymous;
          break;
        }
      }
    }
  }

  static bool IsBullet(std::string_view w) { return w == "-" || w == "\xE2\x80\xA2" || w == "*"; }

  // --- 5. transcript turns --------------------------------------------------
  // Whether the turn holding token `tok` is a headline rather than speech:
  // its label's line ends in a word ("Arizona PBS: Climate tool brings the
  // bad news" over a quote of someone else).
  bool HeadlineTurn(size_t tok) const {
    uint32_t para = finder_.ParagraphOf(tok);
    if (para == UINT32_MAX || a_->paragraphs[para].turn < 0) return false;
    const Turn& t = a_->turns[static_cast<size_t>(a_->paragraphs[para].turn)];
    auto it = std::lower_bound(a_->tokens.begin(), a_->tokens.end(), t.label.end,
                               [](const Token& x, uint32_t v) { return x.span.begin < v; });
    size_t k = static_cast<size_t>(it - a_->tokens.begin());
    size_t last = kNoToken;
    for (; k < a_->tokens.size() && k < tok && a_->tokens[k].span.begin < t.span.end; ++k) {
      if (last != kNoToken && (a_->tokens[k].flags & kTokenLineStart)) break;
      last = k;
    }
    if (last == kNoToken || k >= tok) return false;  // the quote is on the label's line
    return IsWordToken(*a_, last);
  }

  static constexpr int32_t kRoleTurn = -2;  // TurnSpeaker: a role label, no entity
  int32_t TurnSpeaker(size_t tok) {
    uint32_t para = finder_.ParagraphOf(tok);
    if (para == UINT32_MAX) return -1;
    int32_t ti = a_->paragraphs[para].turn;
    if (ti < 0) return -1;
    const Turn& t = a_->turns[static_cast<size_t>(ti)];
    if (t.is_question || t.speaker.empty()) return -1;
    // IsRoleLabel splits and lower-cases the label: once per turn.
    if (role_turn_.size() != a_->turns.size()) role_turn_.assign(a_->turns.size(), -1);
    int8_t& role = role_turn_[static_cast<size_t>(ti)];
    // Briefings alternate a few labels: the recent ones answer without a
    // string key or hash (the maps below give the same answers).
    const std::string_view label = Slice(text_, t.label);
    TurnMemo* memo = nullptr;
    for (TurnMemo& m : turn_memo_)
      if (m.role >= 0 && m.label == label && m.speaker == t.speaker) { memo = &m; break; }
    // 1: a role label ("MODERATOR"); 2: a heading, no speaker ("TO THE SENATE").
    // Briefings repeat a few labels in many turns: once per distinct label.
    if (role < 0 && memo) role = memo->role;
    if (role < 0) {
      std::string key(label);
      key += '\n';
      key += t.speaker;
      auto [it, fresh] = role_by_label_.try_emplace(std::move(key), int8_t{0});
      if (fresh) it->second = lex_.IsRoleLabel(label) ? 1 : lex_.IsHeadingLabel(t.speaker) ? 2 : 0;
      role = it->second;
    }
    if (!memo) {
      memo = &turn_memo_[turn_memo_next_++ % turn_memo_.size()];
      *memo = {label, t.speaker, role, kNoTurnEntity};
    }
    if (role == 2) return -1;
    if (role) return kRoleTurn;
    if (memo->entity != kNoTurnEntity) return memo->entity;
    auto it = turn_entities_.find(t.speaker);
    if (it != turn_entities_.end()) return memo->entity = it->second;
    int32_t id = -1;
    for (const Entity& e : a_->entities) {  // once per distinct speaker
      if (e.type != EntityType::kPerson) continue;
      if (e.name == t.speaker || EndsWithWord(e.name, LastWord(t.speaker))) { id = static_cast<int32_t>(e.id); break; }
    }
    if (id < 0) {
      Entity e;
      e.id = static_cast<uint32_t>(a_->entities.size());
      e.type = EntityType::kPerson;
      e.name = t.speaker;
      a_->entities.push_back(std::move(e));
      id = static_cast<int32_t>(a_->entities.size() - 1);
      created_.push_back(id);
    }
    turn_entities_.emplace(t.speaker, id);
    return memo->entity = id;
  }

  // A speaker known by a surname alone ("Stern said") whose full name the
  // text gave earlier and the entity stage did not take ("Israeli Minister
  // of Intelligence Elazar Stern"): the capitalized word right before one of
  // its first mentions, not a title, role or possessive, not inside another
  // mention, and at a sentence start only before an apposition ("Ksenia
  // Karelina — an American ..."). Once per entity.
  int32_t FullName(int32_t id) {
    if (full_names_.size() >= kMaxFullNames && full_names_.find(id) == full_names_.end()) return id;
    auto [slot, fresh] = full_names_.emplace(id, id);
    if (!fresh) return slot->second;
    const Entity& ent = a_->entities[static_cast<size_t>(id)];
    if (ent.type != EntityType::kPerson || ent.name.empty() || ent.name.find(' ') != std::string::npos) return id;
    std::vector<Span> firsts;  // copied: NamedPerson may grow a_->entities
    for (size_t k = 0; k < ent.mentions.size() && firsts.size() < 8; ++k)
      if (ent.mentions[k].via == MentionVia::kName || ent.mentions[k].via == MentionVia::kSurname)
        firsts.push_back(ent.mentions[k].span);
    if (!firsts.empty()) {
      // Untagged earlier occurrences of the one-word name, a bounded stretch back.
      auto tok = std::lower_bound(a_->tokens.begin(), a_->tokens.end(), firsts.front().begin,
                                  [](const Token& t, uint32_t v) { return t.span.begin < v; });
      size_t ti = static_cast<size_t>(tok - a_->tokens.begin());
      std::string_view surname = tok != a_->tokens.end() ? NormOf(*a_, ti) : std::string_view();
      for (size_t k = ti; k > 0 && ti - k < kFullNameLookBack && !surname.empty() && firsts.size() < 12; --k)
        if (NormOf(*a_, k - 1) == surname && (a_->tokens[k - 1].flags & kTokenCapitalized))
          firsts.push_back(a_->tokens[k - 1].span);
    }
    for (const Span& m : firsts) {
      auto tok = std::lower_bound(a_->tokens.begin(), a_->tokens.end(), m.begin,
                                  [](const Token& t, uint32_t v) { return t.span.begin < v; });
      if (tok == a_->tokens.begin() || tok == a_->tokens.end() || tok->span.begin != m.begin) continue;
      size_t ti = static_cast<size_t>(tok - a_->tokens.begin()), p = ti - 1;
      if (!finder_.SameParagraph(p, ti) || a_->tokens[p].kind != TokenKind::kWord ||
          !(a_->tokens[p].flags & kTokenCapitalized))
        continue;
      std::string_view w = NormOf(*a_, p);
      if (lex_.IsTitleWord(w) || lex_.Noun(w) != SpeakerNoun::kNone || StripPossessive(w).size() != w.size()) continue;
      if (!lex_.IsGivenName(Slice(text_, a_->tokens[p].span)) && (w.size() < 3 || LowerCaseInText(p))) continue;
      if (p == finder_.SentenceFirst(finder_.SentenceOf(p))) {
        size_t after = ti;
        while (after < a_->tokens.size() && a_->tokens[after].span.end <= m.end) ++after;
        if (after >= a_->tokens.size() || (NormOf(*a_, after) != "," && !IsDash(NormOf(*a_, after)))) continue;
      }
      Span full{a_->tokens[p].span.begin, m.end};
      bool covered = false;  // by a mention of something else
      for (const Entity& other : a_->entities)
        for (const Mention& om : other.mentions)
          covered |= om.span.begin <= full.begin && om.span.end > full.begin &&
                     !(om.span.begin == full.begin && om.span.end == full.end);
      if (covered) continue;
      int32_t named = NamedPerson(full);
      full_names_[id] = named;
      return named;
    }
    return id;
  }

  // Whether the word of token p also stands in lower case in the document
  // ("Morning" before a surname is no given name if "morning" occurs).
  // The set of lower-case words is built once, on first use (linear).
  bool LowerCaseInText(size_t p) {
    if (!lower_words_built_) {
      lower_words_built_ = true;
      for (size_t k = 0; k < a_->tokens.size(); ++k)
        if (!(a_->tokens[k].flags & kTokenCapitalized) && a_->tokens[k].kind == TokenKind::kWord)
          lower_words_.insert(NormOf(*a_, k));
    }
    return lower_words_.count(NormOf(*a_, p)) > 0;
  }

  // The person entity named `name` (a full name ending with it), else a new
  // one with that mention.
  int32_t NamedPerson(Span name) {
    std::string_view raw = Slice(text_, name);
    std::string n;  // no-break spaces as spaces
    for (size_t k = 0; k < raw.size(); ++k) {
      bool nbsp = raw[k] == '\xC2' && k + 1 < raw.size() && raw[k + 1] == '\xA0';
      n.push_back(nbsp ? ' ' : raw[k]);
      k += nbsp ? 1 : 0;
    }
    for (const Entity& e : a_->entities)
      if (e.type == EntityType::kPerson && (e.name == n || EndsWithWord(e.name, n))) return static_cast<int32_t>(e.id);
    Entity e;
    e.id = static_cast<uint32_t>(a_->entities.size());
    e.type = EntityType::kPerson;
    e.name = std::move(n);
    e.mentions.push_back({name, MentionVia::kName, name});
    a_->entities.push_back(std::move(e));
    return static_cast<int32_t>(a_->entities.size() - 1);
  }

  static std::string_view LastWord(std::string_view s) {
    size_t sp = s.rfind(' ');
    return sp == std::string_view::npos ? s : s.substr(sp + 1);
  }
  static bool EndsWithWord(std::string_view name, std::string_view w) {
    if (name.size() <= w.size()) return false;
    return name.substr(name.size() - w.size()) == w && name[name.size() - w.size() - 1] == ' ';
  }

  void Turns() {
    for (size_t ti = 0; ti < a_->turns.size(); ++ti) {
      const Turn& t = a_->turns[ti];
      if (t.is_question) continue;
      auto first = std::lower_bound(a_->tokens.begin(), a_->tokens.end(), t.label.end,
                                    [](const Token& x, uint32_t v) { return x.span.begin < v; });
      if (first != a_->tokens.end() && Slice(text_, first->span) == ":") ++first;
      if (first == a_->tokens.end() || first->span.begin >= t.span.end) continue;
      size_t tok = static_cast<size_t>(first - a_->tokens.begin());
      int32_t speaker = TurnSpeaker(tok);
      if (speaker < 0 && speaker != kRoleTurn) continue;
      Candidate c;
      c.first = tok;
      c.q.span = Trim({first->span.begin, t.span.end});
      c.q.kind = QuoteKind::kDirect;
      // A role label ("MODERATOR:") is an unnamed speaker, no person entity.
      c.q.anonymous = speaker == kRoleTurn;
      c.q.speaker = std::max(speaker, -1);
      c.q.speaker_mention = t.label;
      c.q.cue_lemma = "turn";
      if (c.q.span.empty()) continue;
      cands_.push_back(std::move(c));
      // The label names its speaker: record it on entities this stage made.
      if (std::find(created_.begin(), created_.end(), speaker) != created_.end())
        a_->entities[static_cast<size_t>(speaker)].mentions.push_back({t.label, MentionVia::kName, t.label});
    }
  }

  void Emit() {
    if (resolver_) resolver_->AppendLinks(a_);
    // The candidates' indices are sorted, then each Quote is moved once
    // (a stable sort gives one order, of indices as of Quotes).
    std::vector<uint32_t> order;
    order.reserve(cands_.size());
    for (size_t k = 0; k < cands_.size(); ++k)
      if (!cands_[k].suppressed && !cands_[k].q.span.empty()) order.push_back(static_cast<uint32_t>(k));
    std::stable_sort(order.begin(), order.end(), [this](uint32_t x, uint32_t y) {
      const Span& sx = cands_[x].q.span;
      const Span& sy = cands_[y].q.span;
      return sx.begin != sy.begin ? sx.begin < sy.begin : sx.end > sy.end;
    });
    std::vector<Quote> out;
    out.reserve(order.size());
    for (uint32_t k : order) out.push_back(std::move(cands_[k].q));
    a_->quotes = std::move(out);
  }

  Span Trim(Span s) const {
    while (s.begin < s.end && IsSpace(text_[s.begin])) ++s.begin;
    while (s.end > s.begin && IsSpace(text_[s.end - 1])) --s.end;
    return s;
  }
  static bool IsSpace(char ch) { return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t'; }

  std::string_view text_;
  Analysis* a_;
  const QuoteLexicon& lex_;
  std::vector<uint32_t> tp_;
  CueFinder finder_;
  std::vector<uint32_t> quote_marks_;  // QuoteMarkTokens
  std::optional<SpeakerResolver> resolver_;  // built by Resolve() when there are cues
  std::vector<uint32_t> in_quote_;  // 1 + index of the marked quote holding a token
  std::vector<uint8_t> consumed_;
  std::vector<SpeechEvent> events_;
  // (cue end token, event) of events with a subject or an inherited
  // speaker, in the order added; sorted by Embedded().
  std::vector<std::pair<size_t, int>> event_ending_at_;
  std::vector<Candidate> cands_;
  std::vector<size_t> reported_;  // indices into cands_
  std::unordered_map<std::string, int32_t> turn_entities_;
  std::vector<int8_t> role_turn_;  // per turn: IsRoleLabel of its label, -1 not yet known
  std::unordered_map<std::string, int8_t> role_by_label_;  // label '\n' speaker -> role
  // The last few distinct (label, speaker) pairs of TurnSpeaker, with their
  // role and entity (kNoTurnEntity: not looked up yet).
  static constexpr int32_t kNoTurnEntity = INT32_MIN;
  struct TurnMemo {
    std::string_view label, speaker;
    int8_t role = -1;  // -1: empty slot
    int32_t entity = kNoTurnEntity;
  };
  std::array<TurnMemo, 4> turn_memo_{};
  size_t turn_memo_next_ = 0;
  std::vector<int32_t> created_;
  std::unordered_map<int32_t, int32_t> full_names_;  // see FullName()
  std::unordered_set<std::string_view> lower_words_;  // see LowerCaseInText()
  bool lower_words_built_ = false;
};

class QuoteStage final : public Stage {
 public:
  Status Init() { return lex_.Load(); }
  void Run(std::string_view text, Analysis* a, ScratchSlot*) const override {
    if (a->tokens.empty()) return;
    // Without a quotation mark, a speech cue or transcript turns no pass
    // finds anything, and the per-document tables of QuoteRun are not worth
    // building.
    std::vector<uint32_t> quote_marks = QuoteMarkTokens(*a);
    if (quote_marks.empty() && a->turns.empty() && !HasCue(*a)) return;
    QuoteRun run(text, a, lex_, std::move(quote_marks));
    run.Run();
  }

  void AddStartWords(StartWords* words) const override { lex_.AddCueStarts(words); }

 private:
  bool HasCue(const Analysis& a) const {
    const size_t n = a.tokens.size();
    const uint64_t* hashes = NormHashes(a);  // null for hand-built tokens
    if (const uint8_t* starts = TokenStarts(a)) {
      for (size_t i = NextStart<kStartCue>(starts, n, 0, n); i < n; i = NextStart<kStartCue>(starts, n, i + 1, n))
        if (lex_.MatchCue(a, i, n)) return true;
      return false;
    }
    for (size_t i = 0; i < n; ++i) {
      // Most words start no cue: the hash filter inline before the call.
      if (hashes && !lex_.MayStartCue(hashes[i])) continue;
      if (lex_.MatchCue(a, i, n)) return true;
    }
    return false;
  }

  QuoteLexicon lex_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateQuoteStage(const Options&) {
  auto stage = std::make_unique<QuoteStage>();
  if (Status s = stage->Init(); !s.ok()) return s;
  return std::unique_ptr<Stage>(std::move(stage));
}

}  // namespace communique::internal
