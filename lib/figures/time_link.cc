// Linking each figure to the time record of its clause: "45 such requests
// last year", "since 2015, we have taken six attempts".
#include <algorithm>

#include "core/norm_hash.h"
#include "figures/assemble.h"

namespace communique::internal {
namespace {

// A token that opens a new clause: ";", ":", ", and/but", a reporting verb,
// a quote mark. By kind first: only words have clause roles (all letters).
// Inline in LinkTimes' clause loops: called for every token they pass.
[[gnu::always_inline]] inline bool ClauseBreak(const FigureDoc& doc, size_t k) {
  if (k >= doc.size()) return false;
  const Token& t = doc.tok(k);
  if (t.kind == TokenKind::kWord)  // the hash filter first: most words have no clause role
    return doc.lex->clause_hashes.MayContain(NormHash(*doc.a, k)) && doc.lex->Has(doc.norm(k), kRoleClause);
  if (t.kind == TokenKind::kQuote) return true;
  if (t.kind != TokenKind::kPunctuation || t.norm.size() != 1) return false;
  const char c = doc.a->norm_pool[t.norm.begin];
  if (c == ';' || c == ':') return true;
  if (c != ',' || k + 1 >= doc.size()) return false;
  std::string_view n = doc.norm(k + 1);
  return n == "and" || n == "but" || n == "while" || n == "whereas" || n == "which";
}

}  // namespace

void LinkTimes(const FigureDoc& doc, std::vector<FigureDraft>* drafts) {
  const Analysis& a = *doc.a;
  if (a.times.empty() || a.sentences.empty()) return;
  // Times as token ranges, in order.
  struct T { size_t first, last; int32_t index; };
  std::vector<T> times;
  for (size_t i = 0; i < a.times.size(); ++i) {
    if (a.times[i].type == TimeType::kSet) continue;
    const FigureDoc::TimeTokens& tt = doc.time_tokens[i];  // found by Prepare
    if (tt.first < tt.last) times.push_back({tt.first, tt.last, static_cast<int32_t>(i)});
  }
  std::sort(times.begin(), times.end(), [](const T& x, const T& y) { return x.first < y.first; });
  for (size_t n = 0; n < drafts->size(); ++n) {
    FigureDraft& d = (*drafts)[n];
    const Sentence& s = a.sentences[doc.SentenceOf(d.num_first)];
    size_t sb = s.first_token, se = s.first_token + s.token_count;
    // The clause: back and forward to a clause break within the sentence.
    // Bounded: a run-on "sentence" of thousands of tokens stays linear.
    constexpr size_t kMaxClause = 80;
    auto it = std::lower_bound(times.begin(), times.end(), d.last,
                               [](const T& t, size_t x) { return t.first < x; });
    // Each clause walk only when a time lies within its reach (most figures
    // have none): the walks stop at the sentence and after kMaxClause tokens.
    const size_t reach_back =
        d.first <= sb ? d.first : std::max(sb, d.first > kMaxClause ? d.first - kMaxClause : 0);
    const bool time_ahead = it != times.end() && it->first < std::min(se, d.last + kMaxClause);
    const bool time_behind = it != times.begin() && std::prev(it)->first >= reach_back;
    if (!time_ahead && !time_behind) continue;
    if (time_ahead) {
      size_t ce = d.last;
      while (ce < se && ce - d.last < kMaxClause && !ClauseBreak(doc, ce)) ++ce;
      // The next figure of the clause bounds a following time.
      size_t next_fig = ce;
      if (n + 1 < drafts->size() && (*drafts)[n + 1].first < next_fig) next_fig = (*drafts)[n + 1].first;
      if (it->first < next_fig && it->last <= ce) {
        d.fig.time = it->index;
        continue;
      }
    }
    if (!time_behind) continue;
    // Else the nearest time before it in the clause.
    size_t cb = d.first;
    while (cb > sb && d.first - cb < kMaxClause && !ClauseBreak(doc, cb - 1)) --cb;
    for (auto p = it; p != times.begin();) {
      --p;
      if (p->last <= d.first && p->first >= cb) { d.fig.time = p->index; break; }
      if (p->first < cb) break;
    }
  }
}

}  // namespace communique::internal
