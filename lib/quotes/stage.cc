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
#include <unordered_map>

#include "core/stage.h"
#include "quotes/attribution.h"
#include "quotes/lexicon.h"
#include "quotes/marks.h"
#include "quotes/speakers.h"

namespace communique::internal {
namespace {

constexpr size_t kMinIndirectTokens = 3;
constexpr size_t kMinLeftClauseTokens = 4;
constexpr size_t kThatWindow = 12;
constexpr size_t kScareMaxWords = 6;

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
  QuoteRun(std::string_view text, Analysis* a, const QuoteLexicon& lex)
      : text_(text), a_(a), lex_(lex), tp_(TokenParagraphs(*a)), finder_(*a, lex, tp_),
        in_quote_(a->tokens.size(), 0), consumed_(a->tokens.size(), 0) {}

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
    std::vector<MarkedQuote> marks = PairQuoteMarks(text_, a_, tp_, after, before);
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
    if (words <= 3) return true;
    bool final = m.last > m.first && IsFinalPunct(NormOf(*a_, m.last - 1));
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
    if (ev.np_b != ev.np_e || ev.inherit >= 0) event_ending_at_[ev.cue_e] = static_cast<int>(events_.size());
    events_.push_back(ev);
    return static_cast<int>(events_.size() - 1);
  }

  // --- 2. reported speech -------------------------------------------------
  void Reported() {
    for (size_t s = 0; s < a_->sentences.size(); ++s) {
      size_t first = finder_.SentenceFirst(s), end = finder_.SentenceEnd(s);
      for (size_t i = first; i < end;) {
        if (in_quote_[i] || consumed_[i]) { ++i; continue; }
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
      if (i > first && IsModifierSlot(NormOf(*a_, i - 1))) return ce;  // "Russia's claimed commitment"
      finder_.LeftNp(i, &ev.np_b, &ev.np_e);
      size_t before = ev.np_b;  // token before the subject
      size_t j = i;
      while (j > first && IsSubjectVerbFiller(NormOf(*a_, j - 1))) --j;
      if (ev.np_b == ev.np_e && j > first && NormOf(*a_, j - 1) == "and") {
        // "X thanked him and said that ...": the sentence's subject.
        finder_.RightNp(first, &ev.np_b, &ev.np_e);
        before = first;
      }
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
    for (const TimeExpression& t : a_->times)  // "said Monday" (times are few per sentence)
      if (t.span.begin == a_->tokens[ce].span.begin) return end;
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
      if (auto ev = event_ending_at_.find(k); ev != event_ending_at_.end()) {
        c.q.kind = QuoteKind::kPartial;
        c.event = ev->second;
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
    std::vector<size_t> order(events_.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(),
              [&](size_t x, size_t y) { return events_[x].cue_b < events_[y].cue_b; });
    for (size_t k : order) {
      SpeechEvent& e = events_[k];
      if (e.inherit >= 0) {
        e.ref = events_[static_cast<size_t>(e.inherit)].ref;
        resolver_.Note(e.ref.entity, a_->tokens[e.cue_b].span.begin);
      } else {
        e.ref = resolver_.Resolve(e.np_b, e.np_e, e.np_right);
        if (e.ref.entity < 0 && e.ref.pronoun && e.np_e == e.np_b + 1) {
          std::string_view w = NormOf(*a_, e.np_b);
          if (w == "i" || w == "we") e.ref.entity = TurnSpeaker(e.cue_b);
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
    for (size_t n = 0; n < direct.size(); ++n) {
      Candidate& c = cands_[direct[n]];
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
      int32_t turn_speaker = TurnSpeaker(c.first);
      if (turn_speaker >= 0) {
        c.q.speaker = turn_speaker;
        continue;
      }
      // The previous paragraph's last attributed direct quote, if it is adjacent.
      for (size_t m = n; m > 0; --m) {
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

  // --- 5. transcript turns --------------------------------------------------
  int32_t TurnSpeaker(size_t tok) {
    uint32_t para = finder_.ParagraphOf(tok);
    if (para == UINT32_MAX) return -1;
    int32_t ti = a_->paragraphs[para].turn;
    if (ti < 0) return -1;
    const Turn& t = a_->turns[static_cast<size_t>(ti)];
    if (t.is_question || t.speaker.empty()) return -1;
    auto it = turn_entities_.find(t.speaker);
    if (it != turn_entities_.end()) return it->second;
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
    return id;
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
      if (speaker < 0) continue;
      Candidate c;
      c.first = tok;
      c.q.span = Trim({first->span.begin, t.span.end});
      c.q.kind = QuoteKind::kDirect;
      c.q.speaker = speaker;
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
    resolver_.AppendLinks(a_);
    std::vector<Quote> out;
    for (Candidate& c : cands_)
      if (!c.suppressed && !c.q.span.empty()) out.push_back(std::move(c.q));
    std::stable_sort(out.begin(), out.end(), [](const Quote& x, const Quote& y) {
      return x.span.begin != y.span.begin ? x.span.begin < y.span.begin : x.span.end > y.span.end;
    });
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
  SpeakerResolver resolver_{*a_, lex_};
  std::vector<uint32_t> in_quote_;  // 1 + index of the marked quote holding a token
  std::vector<uint8_t> consumed_;
  std::vector<SpeechEvent> events_;
  std::unordered_map<size_t, int> event_ending_at_;  // cue end token -> event
  std::vector<Candidate> cands_;
  std::vector<size_t> reported_;  // indices into cands_
  std::unordered_map<std::string, int32_t> turn_entities_;
  std::vector<int32_t> created_;
};

class QuoteStage final : public Stage {
 public:
  Status Init() { return lex_.Load(); }
  void Run(std::string_view text, Analysis* a) const override {
    if (a->tokens.empty()) return;
    QuoteRun run(text, a, lex_);
    run.Run();
  }

 private:
  QuoteLexicon lex_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateQuoteStage(const Options&) {
  auto stage = std::make_unique<QuoteStage>();
  if (Status s = stage->Init(); !s.ok()) return s;
  return std::unique_ptr<Stage>(std::move(stage));
}

}  // namespace communique::internal
