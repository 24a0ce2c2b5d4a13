// The claims stage: one dated claim per statement unit of speech.
//
// Statement units are the sentences of each quote (clipped to the quote),
// the sentence around a partial quote, the sentences of a transcript turn
// not already covered by a quote in it, and up to two sentences that follow
// reported speech in its paragraph without a cue or quote of their own
// ("According to X, A. There were B." — B is still X's account). A unit
// with two or more figures is split between them (at ";", "and" or ","), so
// each figure gets the period that governs its own clause. Units with no
// figure, time or entity make no claim. Claims by the same speaker with the
// same figure value, unit and period link to the earlier ones (restates).
#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

#include "core/hash.h"
#include "core/norm_hash.h"
#include "core/stage.h"
#include "core/tables.h"
#include "quotes/lexicon.h"
#include "tokenize/token_starts.h"
#include "tokenize/tokenizer.h"

namespace communique::internal {
namespace {

constexpr size_t kMaxContinuation = 2;
constexpr size_t kMaxRestateLinks = 4;
constexpr uint32_t kStatedOnWindow = 24;  // bytes between a cue and "on Monday"

// std::lower_bound over the indices [0, n), where before(i) tells whether
// element i comes before the key: searched outward from `hint`, so a few
// steps find an answer near it (claims mostly follow one another), about
// 2 log n steps any other. The same index as std::lower_bound.
template <typename Before>
size_t LowerBoundNear(size_t n, size_t hint, Before before) {
  size_t lo = 0, hi = n;  // the answer is in [lo, hi]
  if (hint < n && before(hint)) {
    lo = hint + 1;
    for (size_t step = 1, probe = lo; probe < n; step *= 2, probe = lo + step - 1) {
      if (!before(probe)) { hi = probe; break; }
      lo = probe + 1;
    }
  } else {
    hi = std::min(hint, n);
    for (size_t step = 1; hi > 0; step *= 2) {
      const size_t probe = hi > step ? hi - step : 0;
      if (before(probe)) { lo = probe + 1; break; }
      hi = probe;
    }
  }
  while (lo < hi) {  // binary search in [lo, hi)
    const size_t mid = lo + (hi - lo) / 2;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Where the searches of the previous claim piece ended: the hints of the next.
struct Cursors {
  size_t figure = 0, time = 0, mention = 0, token = 0;
};

struct Unit {
  Span span;
  int32_t quote = -1;  // source quote (also for continuations)
  bool continuation = false;
};

class ClaimStage final : public Stage {
 public:
  Status Init() {
    Tsv tsv;
    if (Status s = LoadTable("claim_markers.tsv", 2, &tsv); !s.ok()) return s;
    if (tsv.rows.size() > kMarkerSlots / 2)
      return Status(ErrorCode::kDataLoadFailed, "claim_markers.tsv: more rows than the marker table takes");
    for (const TsvRow& row : tsv.rows) {
      if (row.fields[1] == "negation") AddMarker(HashWord(row.fields[0]), kNegation);
      else if (row.fields[1] == "hedge") AddMarker(HashWord(row.fields[0]), kHedge);
    }
    return Status();
  }

  void Run(std::string_view text, Analysis* a, ScratchSlot*) const override {
    if (a->quotes.empty()) return;
    std::vector<Unit> units = Units(*a);
    // Mentions as (begin << 32 | entity): sorted as (begin, entity) pairs
    // would be, by plain integer comparisons.
    std::vector<uint64_t> mentions;
    size_t mention_count = 0;
    for (const Entity& e : a->entities) mention_count += e.mentions.size();
    mentions.reserve(mention_count);
    for (const Entity& e : a->entities)
      for (const Mention& m : e.mentions) mentions.push_back(uint64_t{m.span.begin} << 32 | e.id);
    std::sort(mentions.begin(), mentions.end());
    std::string doc_date = a->header.date ? a->header.date->ToString() : std::string();
    // The norm hashes of the tokens (computed here for hand-built tokens).
    std::vector<uint64_t> own_hashes;
    const uint64_t* hashes = NormHashes(*a);
    if (!hashes) {
      own_hashes.resize(a->tokens.size());
      for (size_t k = 0; k < own_hashes.size(); ++k) own_hashes[k] = NormHash(*a, k);
      hashes = own_hashes.data();
    }
    std::vector<Span> pieces;
    Cursors cursors;
    a->claims.reserve(a->claims.size() + units.size());  // at least one piece a unit; most make a claim
    for (const Unit& u : units) {
      SplitAtFigures(*a, u.span, &cursors.figure, &pieces);
      for (const Span& piece : pieces) {
        // Built in place: moving a Claim in copies its three strings.
        Claim& c = a->claims.emplace_back();
        c.span = piece;
        while (c.span.begin < c.span.end && (text[c.span.begin] == ' ' || text[c.span.begin] == '\n')) ++c.span.begin;
        while (c.span.end > c.span.begin && (text[c.span.end - 1] == ' ' || text[c.span.end - 1] == '\n')) --c.span.end;
        if (!Fill(text, *a, hashes, mentions, &cursors, &c)) {
          a->claims.pop_back();
          continue;
        }
        const Quote& q = a->quotes[static_cast<size_t>(u.quote)];
        c.quote = u.continuation ? -1 : u.quote;
        c.speaker = q.speaker;
        c.cue = u.continuation ? Span{} : q.cue;
        c.kind = u.continuation ? QuoteKind::kIndirect : q.kind;
        c.stated_on = StatedOn(*a, q, doc_date);
        c.about = About(text, *a, c);
      }
    }
    SortClaims(&a->claims);
    LinkRestatements(a);
  }

  void AddStartWords(StartWords* words) const override {
    for (uint64_t h : markers_)
      if (h != 0) words->Add(h, kStartMarker);
  }

 private:
  // Sentences of a span, clipped to it; [first, end) sentence indices.
  static std::pair<size_t, size_t> SentencesOf(const Analysis& a, Span s) {
    auto lo = std::upper_bound(a.sentences.begin(), a.sentences.end(), s.begin,
                               [](uint32_t v, const Sentence& x) { return v < x.span.end; });
    auto hi = std::lower_bound(lo, a.sentences.end(), s.end,
                               [](const Sentence& x, uint32_t v) { return x.span.begin < v; });
    return {static_cast<size_t>(lo - a.sentences.begin()), static_cast<size_t>(hi - a.sentences.begin())};
  }

  static std::vector<Unit> Units(const Analysis& a) {
    std::vector<Unit> out;
    out.reserve(a.quotes.size() * 2);
    std::vector<uint8_t> covered(a.sentences.size(), 0);  // by a quote other than a turn
    // Per quote: its sentences, searched once for both passes.
    std::vector<std::pair<size_t, size_t>> sentences(a.quotes.size());
    for (size_t qi = 0; qi < a.quotes.size(); ++qi) {
      const Quote& q = a.quotes[qi];
      if (q.kind == QuoteKind::kScare) continue;
      sentences[qi] = SentencesOf(a, q.span);
      if (q.cue_lemma == "turn") continue;
      for (size_t s = sentences[qi].first; s < sentences[qi].second; ++s) covered[s] = 1;
    }
    for (size_t qi = 0; qi < a.quotes.size(); ++qi) {
      const Quote& q = a.quotes[qi];
      if (q.kind == QuoteKind::kScare) continue;
      auto [b, e] = sentences[qi];
      bool turn = q.cue_lemma == "turn";
      for (size_t s = b; s < e; ++s) {
        if (turn && covered[s]) continue;
        Span sp = a.sentences[s].span;
        if (q.kind != QuoteKind::kPartial && !turn) sp = {std::max(sp.begin, q.span.begin), std::min(sp.end, q.span.end)};
        if (!sp.empty()) out.push_back({sp, static_cast<int32_t>(qi), false});
      }
      if (turn || (q.kind != QuoteKind::kIndirect && q.kind != QuoteKind::kAccordingTo) || e == 0) continue;
      // Sentences that go on with the reported account.
      uint32_t para = a.sentences[e - 1].paragraph;
      for (size_t s = e; s < a.sentences.size() && s < e + kMaxContinuation; ++s) {
        if (covered[s] || a.sentences[s].paragraph != para) break;
        covered[s] = 1;
        out.push_back({a.sentences[s].span, static_cast<int32_t>(qi), true});
      }
    }
    return out;
  }

  // The records of v (sorted by begin) that begin inside s; *hint: where
  // to search from, set to the first of them.
  template <typename T>
  static std::pair<size_t, size_t> Inside(const std::vector<T>& v, Span s, size_t* hint) {
    const size_t lo = LowerBoundNear(v.size(), *hint, [&v, &s](size_t k) { return v[k].span.begin < s.begin; });
    size_t hi = lo;
    while (hi < v.size() && v[hi].span.begin < s.end) ++hi;
    *hint = lo;
    return {lo, hi};
  }

  // Claims by span.begin: std::sort on indices, which makes the same
  // comparisons and so the same order as sorting the Claims themselves
  // (ties included), then the Claims out of place are moved along the
  // permutation's cycles (most are in place); none if already in order.
  static void SortClaims(std::vector<Claim>* claims) {
    bool sorted = true;
    for (size_t k = 1; k < claims->size() && sorted; ++k)
      sorted = (*claims)[k - 1].span.begin < (*claims)[k].span.begin;
    if (sorted) return;  // strictly increasing: std::sort would keep it
    std::vector<uint32_t> order(claims->size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<uint32_t>(k);
    const std::vector<Claim>& c = *claims;
    std::sort(order.begin(), order.end(),
              [&c](uint32_t x, uint32_t y) { return c[x].span.begin < c[y].span.begin; });
    // Claim k goes where order[k] names it: claims[k] = old claims[order[k]].
    std::vector<Claim>& v = *claims;
    for (size_t k = 0; k < order.size(); ++k) {
      if (order[k] == k) continue;
      Claim first = std::move(v[k]);
      size_t j = k;
      while (order[j] != k) {
        const size_t from = order[j];
        v[j] = std::move(v[from]);
        order[j] = static_cast<uint32_t>(j);
        j = from;
      }
      v[j] = std::move(first);
      order[j] = static_cast<uint32_t>(j);
    }
  }

  // A unit with several figures, cut between them, into *out.
  static void SplitAtFigures(const Analysis& a, Span u, size_t* figure_hint, std::vector<Span>* out_pieces) {
    std::vector<Span>& out = *out_pieces;
    out.clear();
    auto [fb, fe] = Inside(a.figures, u, figure_hint);
    if (fe - fb < 2) {
      out.push_back(u);
      return;
    }
    uint32_t start = u.begin;
    for (size_t f = fb; f + 1 < fe; ++f) {
      uint32_t from = a.figures[f].span.end, to = a.figures[f + 1].span.begin;
      auto tb = std::lower_bound(a.tokens.begin(), a.tokens.end(), from,
                                 [](const Token& t, uint32_t v) { return t.span.begin < v; });
      const Token* cut = nullptr;
      for (auto t = tb; t != a.tokens.end() && t->span.begin < to; ++t) {
        std::string_view n = a.Norm(*t);
        if (n == ";" || n == "and" || n == "," || n == "but" || n == "while") {
          if (!(cut && a.Norm(*cut) == "," && n == "and" && cut + 1 == &*t)) cut = &*t;
        }
      }
      uint32_t end = cut ? cut->span.begin : to;
      uint32_t next = cut ? cut->span.end : to;
      if (cut && a.Norm(*cut) == "," && cut + 1 < a.tokens.data() + a.tokens.size() &&
          a.Norm(*(cut + 1)) == "and")
        next = (cut + 1)->span.end;
      if (end > start) out.push_back({start, end});
      start = next;
    }
    if (u.end > start) out.push_back({start, u.end});
  }

  // Figures, times, entities, polarity and hedge of a claim; false if it
  // carries no figure, time or entity.
  bool Fill(std::string_view text, const Analysis& a, const uint64_t* hashes,
            const std::vector<uint64_t>& mentions, Cursors* at, Claim* c) const {
    auto [fb, fe] = Inside(a.figures, c->span, &at->figure);
    if (fe - fb > 1) c->figures.reserve(fe - fb);
    for (size_t f = fb; f < fe; ++f)
      if (a.figures[f].span.end <= c->span.end) c->figures.push_back(static_cast<uint32_t>(f));
    auto [tb, te] = Inside(a.times, c->span, &at->time);
    if (te - tb > 1) c->times.reserve(te - tb);
    for (size_t t = tb; t < te; ++t)
      if (a.times[t].span.end <= c->span.end) c->times.push_back(static_cast<uint32_t>(t));
    const uint64_t span_begin_key = uint64_t{c->span.begin} << 32, span_end_key = uint64_t{c->span.end} << 32;
    at->mention = LowerBoundNear(mentions.size(), at->mention,
                                 [&mentions, span_begin_key](size_t k) { return mentions[k] < span_begin_key; });
    auto m = mentions.begin() + static_cast<ptrdiff_t>(at->mention);
    auto m_end = m;
    while (m_end != mentions.end() && *m_end < span_end_key) ++m_end;
    if (m_end - m > 1) c->entities.reserve(static_cast<size_t>(m_end - m));
    for (; m != m_end; ++m) c->entities.push_back(static_cast<uint32_t>(*m));
    std::sort(c->entities.begin(), c->entities.end());
    c->entities.erase(std::unique(c->entities.begin(), c->entities.end()), c->entities.end());
    if (c->figures.empty() && c->times.empty() && c->entities.empty()) return false;
    const Token* toks = a.tokens.data();
    const size_t n_toks = a.tokens.size();
    const uint32_t span_begin = c->span.begin;
    size_t i = LowerBoundNear(n_toks, at->token,
                              [toks, span_begin](size_t k) { return toks[k].span.begin < span_begin; });
    const char* pool = a.norm_pool.data();
    // By pointers, the end in a local: the loop runs over most tokens of the
    // quotes and rarely does more than one probe.
    const uint32_t span_end = c->span.end;
    const Token* const toks_end = toks + n_toks;
    const uint8_t* const starts = TokenStarts(a);  // null for hand-built tokens
    auto mark = [&](const Token* t, uint64_t h) {
      const uint8_t kind = MarkerKind(h);
      if (!t->clitic && kind == 0) return;
      const std::string_view n(pool + t->norm.begin, t->norm.size());
      if ((kind & kNegation) || (t->clitic && n.size() >= 3 && n.compare(n.size() - 3, 3, "n't") == 0))
        c->negated = true;
      if (c->hedge.empty() && (kind & kHedge) && !(t->flags & kTokenCapitalized))
        c->hedge = std::string(Slice(text, t->span));
    };
    if (starts) {
      // Only the tokens with a marker's start bit: the next claim's search
      // starts from this one's first token.
      for (size_t k = NextStart<kStartMarker>(starts, n_toks, i, n_toks); k < n_toks && toks[k].span.begin < span_end;
           k = NextStart<kStartMarker>(starts, n_toks, k + 1, n_toks))
        mark(toks + k, hashes[k]);
      at->token = i;
      return true;
    }
    const Token* t = toks + i;
    for (const uint64_t* h = hashes + i; t != toks_end && t->span.begin < span_end; ++t, ++h) mark(t, *h);
    at->token = static_cast<size_t>(t - toks);
    return true;
  }

  // The period the claim is about: its figure's own time, else the first
  // calendar time in the unit, else any time. "since 2015" runs to the day
  // of the statement: 2015/2021-08-02.
  static std::string About(std::string_view text, const Analysis& a, const Claim& c) {
    const TimeExpression* t = nullptr;
    for (uint32_t f : c.figures) {
      int32_t ft = a.figures[f].time;
      if (!t && ft >= 0 && static_cast<size_t>(ft) < a.times.size()) t = &a.times[static_cast<size_t>(ft)];
    }
    for (uint32_t k : c.times)
      if (!t && !a.times[k].range_begin.empty()) t = &a.times[k];
    if (!t && !c.times.empty()) t = &a.times[c.times[0]];
    if (!t) return std::string();
    std::string_view words = Slice(text, t->span);
    bool since = t->mod == TimeMod::kOnOrAfter || words.substr(0, 6) == "since " || words.substr(0, 6) == "Since ";
    if (since && !t->range_begin.empty() && !c.stated_on.empty() && t->range_begin < c.stated_on)
      return t->value + "/" + c.stated_on;
    return t->value;
  }

  // "said on Monday": a full date right next to the cue dates the statement.
  static std::string StatedOn(const Analysis& a, const Quote& q, const std::string& doc_date) {
    if (q.cue.empty()) return doc_date;
    uint32_t lo = q.cue.begin > kStatedOnWindow ? q.cue.begin - kStatedOnWindow : 0;
    auto it = std::lower_bound(a.times.begin(), a.times.end(), lo,
                               [](const TimeExpression& t, uint32_t v) { return t.span.begin < v; });
    for (; it != a.times.end() && it->span.begin < q.cue.end + kStatedOnWindow; ++it) {
      if (it->type != TimeType::kDate || it->value.size() != 10) continue;
      if (!CivilDate::Parse(it->value)) continue;
      if (!doc_date.empty() && it->value > doc_date) continue;
      return it->value;
    }
    return doc_date;
  }

  static void LinkRestatements(Analysis* a) {
    std::unordered_map<std::string, std::vector<uint32_t>> seen;
    std::string key;  // one buffer for every claim's key, no temporaries
    for (size_t k = 0; k < a->claims.size(); ++k) {
      Claim& c = a->claims[k];
      if (c.speaker < 0 || c.figures.size() != 1 || c.about.empty()) continue;
      const Figure& f = a->figures[c.figures[0]];
      if (f.unit.empty()) continue;
      // speaker \t unit \t period \t value
      key = std::to_string(c.speaker);
      key += '\t';
      key += f.unit;
      key += '\t';
      key += c.about;
      key += '\t';
      key += f.exact.empty() ? std::to_string(f.value) : f.exact;
      std::vector<uint32_t>& earlier = seen[key];
      for (size_t n = earlier.size(); n > 0 && c.restates.size() < kMaxRestateLinks; --n)
        c.restates.push_back(earlier[n - 1]);
      std::sort(c.restates.begin(), c.restates.end());
      earlier.push_back(static_cast<uint32_t>(k));
    }
  }

  // The words of both lists by HashWord (keyed by the hash alone, as the
  // stages' word tables are: core/hash.h), open addressing, 0 = empty; a
  // probe per token from its norm hash.
  static constexpr size_t kMarkerSlots = 256;  // > 4x the lists
  static constexpr uint8_t kNegation = 1, kHedge = 2;
  uint8_t MarkerKind(uint64_t h) const {
    for (size_t i = h & (kMarkerSlots - 1);; i = (i + 1) & (kMarkerSlots - 1)) {
      if (markers_[i] == h) return marker_kinds_[i];
      if (markers_[i] == 0) return 0;
    }
  }
  void AddMarker(uint64_t h, uint8_t kind) {
    size_t i = h & (kMarkerSlots - 1);
    while (markers_[i] != 0 && markers_[i] != h) i = (i + 1) & (kMarkerSlots - 1);
    markers_[i] = h;
    marker_kinds_[i] |= kind;
  }

  std::array<uint64_t, kMarkerSlots> markers_{};
  std::array<uint8_t, kMarkerSlots> marker_kinds_{};
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateClaimStage(const Options&) {
  auto stage = std::make_unique<ClaimStage>();
  if (Status s = stage->Init(); !s.ok()) return s;
  return std::unique_ptr<Stage>(std::move(stage));
}

}  // namespace communique::internal
