#include "quotes/attribution.h"

#include <algorithm>
#include <array>

namespace communique::internal {

namespace {

constexpr size_t kMaxLeftNp = 12;    // "Russian Ambassador to the United States Anatoly Antonov"
constexpr size_t kMaxRightNp = 10;
constexpr size_t kMaxRightTitleNp = 18;  // "Assistant Secretary of State for International Security and ... Eliot Kang"
constexpr size_t kAfterWindow = 10;  // tokens after a closing mark that may hold the cue
constexpr size_t kBeforeWindow = 12;
constexpr size_t kMaxParenthetical = 6;  // tokens of ", for his part," and the like

}  // namespace

bool IsPrepositionLike(std::string_view w) {
  static constexpr std::array<std::string_view, 30> kList = {
      "in", "on", "at", "during", "after", "before", "to", "with", "for", "from",
      "while", "about", "by", "via", "as", "when", "that", "who", "which", "through",
      "under", "over", "into", "upon", "following", "ahead", "amid", "according", "told", "without"};
  return std::find(kList.begin(), kList.end(), w) != kList.end();
}

CueFinder::CueFinder(const Analysis& a, const QuoteLexicon& lex, const std::vector<uint32_t>& tp)
    : a_(a), lex_(lex), tp_(tp) {
  const size_t n = a.tokens.size();
  bool in_order = true;  // no sentence starts before the previous one ends
  for (size_t k = 1; k < a.sentences.size() && in_order; ++k)
    in_order = a.sentences[k].first_token >= size_t{a.sentences[k - 1].first_token} + a.sentences[k - 1].token_count;
  // The segmenter's output: SentenceOf searches the sentences, no table.
  if (in_order) return;
  token_sentence_.assign(n, 0);
  for (size_t s = 0; s < a.sentences.size(); ++s) {
    size_t b = std::min<size_t>(a.sentences[s].first_token, token_sentence_.size());
    size_t e = std::min<size_t>(b + a.sentences[s].token_count, token_sentence_.size());
    std::fill(token_sentence_.begin() + static_cast<std::ptrdiff_t>(b),
              token_sentence_.begin() + static_cast<std::ptrdiff_t>(e), static_cast<uint32_t>(s));
  }
}

size_t CueFinder::SentenceOf(size_t tok) const {
  if (!token_sentence_.empty()) return token_sentence_[tok];
  // The last sentence starting at or before tok, if it holds tok; else 0
  // (a token between sentences), as a table would say.
  auto it = std::upper_bound(a_.sentences.begin(), a_.sentences.end(), tok,
                             [](size_t t, const Sentence& s) { return t < s.first_token; });
  if (it == a_.sentences.begin()) return 0;
  --it;
  return tok < size_t{it->first_token} + it->token_count ? static_cast<size_t>(it - a_.sentences.begin()) : 0;
}

size_t CueFinder::SentenceFirst(size_t sentence) const {
  const Sentence& s = a_.sentences[sentence];
  size_t i = s.first_token, end = SentenceEnd(sentence);
  while (i < end && a_.tokens[i].span.begin < a_.header.body_begin) ++i;
  // Skip a transcript label ("MR PRICE:") at the start of a turn.
  int32_t turn = a_.paragraphs[s.paragraph].turn;
  if (turn >= 0) {
    uint32_t label_end = a_.turns[static_cast<size_t>(turn)].label.end;
    size_t j = i;
    while (j < end && a_.tokens[j].span.begin < label_end) ++j;
    if (j > i && j < end && NormOf(a_, j) == ":") i = j + 1;
  }
  return i;
}

bool CueFinder::IsNpBreak(size_t t) const {
  if (IsPunctToken(a_, t)) return true;
  if (a_.tokens[t].kind != TokenKind::kWord && a_.tokens[t].kind != TokenKind::kNumber) return true;
  bool lower = !(a_.tokens[t].flags & kTokenCapitalized);
  return lower && IsClauseBoundaryWord(NormOf(a_, t));
}

// Words that open a short parenthetical between a subject and its verb
// ("Mr Hu, for his part, said"; "the minister, however, stressed").
bool OpensParenthetical(std::string_view w) {
  static constexpr std::array<std::string_view, 16> kList = {
      "for", "in", "on", "at", "by", "however", "meanwhile", "though", "too", "also",
      "moreover", "furthermore", "instead", "nevertheless", "speaking", "commenting"};
  return std::find(kList.begin(), kList.end(), w) != kList.end();
}

void CueFinder::LeftNp(size_t cue, size_t* b, size_t* e) const {
  size_t s = SentenceOf(cue);
  size_t first = SentenceFirst(s);
  size_t j = cue;
  while (j > first && IsSubjectVerbFiller(NormOf(a_, j - 1)) && !(a_.tokens[j - 1].flags & kTokenCapitalized)) --j;
  if (j > first + 2 && NormOf(a_, j - 1) == ",") {
    // Skip ", for his part," back to the subject.
    for (size_t c = j - 2; c > first && j - 1 - c <= kMaxParenthetical; --c) {
      if (IsPunctToken(a_, c)) {
        if (NormOf(a_, c) == "," && c + 1 < j - 1 && OpensParenthetical(NormOf(a_, c + 1)) &&
            IsWordToken(a_, c - 1))
          j = c;
        break;
      }
    }
  }
  *e = j;
  size_t k = j;
  while (k > first && j - k < kMaxLeftNp && !IsNpBreak(k - 1) && !lex_.MatchCue(a_, k - 1, j)) {
    if (k - 1 == first && IsClauseBoundaryWord(NormOf(a_, k - 1))) break;  // "As X said, ..."
    --k;
  }
  *b = k;
  if (k == j && j > first + 1 && NormOf(a_, j - 1) == "who" && !(a_.tokens[j - 1].flags & kTokenCapitalized)) {
    // "Coretta Scott King, who said": the phrase before the relative pronoun.
    size_t r = j - 1;
    if (r > first && NormOf(a_, r - 1) == ",") --r;
    size_t m = r;
    while (m > first && r - m < kMaxLeftNp && !IsNpBreak(m - 1) && !lex_.MatchCue(a_, m - 1, r)) --m;
    if (m < r && r - m < kMaxLeftNp) {
      *b = m;
      *e = r;
      return;
    }
  }
  // A phrase that runs into a reported clause is no subject ("... the talks
  // were productive he said" is handled by the caller's comma rule).
  if (k < j && j - k >= kMaxLeftNp) *b = *e;
}

void CueFinder::RightNp(size_t j, size_t* b, size_t* e) const {
  // Bounded by punctuation and the paragraph, not the sentence: the
  // segmenter may end one after "U.S." in "said U.S. Secretary ...".
  size_t end = std::min(a_.tokens.size(), j + kMaxRightNp);
  if (j < a_.tokens.size())
    for (size_t k = j + 1; k < end; ++k)
      if (!SameParagraph(k, j)) { end = k; break; }
  *b = j;
  size_t k = j;
  if (k < end && IsWordToken(a_, k) && !(a_.tokens[k].flags & kTokenCapitalized) &&
      (IsClauseBoundaryWord(NormOf(a_, k)) || IsPrepositionLike(NormOf(a_, k)))) {
    *e = k;  // `said that ...`, `said in ...`: no noun phrase
    return;
  }
  // A title's portfolio joins capitalized words with "for", "and", "of", "on"
  // ("Under Secretary of State for Arms Control and International Security
  // Bonnie Jenkins"): the phrase may run longer, up to the paragraph.
  size_t title_end = std::min(a_.tokens.size(), j + kMaxRightTitleNp);
  while (k < end && !IsPunctToken(a_, k) && IsWordToken(a_, k)) {
    std::string_view w = NormOf(a_, k);
    if (k > j && !(a_.tokens[k].flags & kTokenCapitalized) && (IsPrepositionLike(w) || IsClauseBoundaryWord(w))) {
      // ("Council on Environmental Quality Chairman Katherine Scarlett"): a
      // capitalized chain; a person named inside it still wins in Resolve.
      bool joins = (w == "for" || w == "and" || w == "on") && (a_.tokens[k - 1].flags & kTokenCapitalized) &&
                   k + 1 < title_end && SameParagraph(k + 1, j) && IsWordToken(a_, k + 1) &&
                   (a_.tokens[k + 1].flags & kTokenCapitalized) && (a_.tokens[j].flags & kTokenCapitalized);
      if (!joins) break;
      end = std::max(end, title_end);
    }
    if (k > j && lex_.MatchCue(a_, k, end)) break;
    ++k;
  }
  *e = k;
}

bool CueFinder::HasTitleWord(size_t b, size_t e) const {
  for (size_t k = b; k < e; ++k)
    if ((a_.tokens[k].flags & kTokenCapitalized) && lex_.IsTitleWord(NormOf(a_, k))) return true;
  return false;
}

bool CueFinder::Passive(size_t cue) const {
  size_t k = cue;
  while (k > 0 && cue - k < 3 && IsWordToken(a_, k - 1)) {
    std::string_view w = NormOf(a_, k - 1);
    if (w == "was" || w == "were" || w == "been" || w == "being" || w == "is" || w == "are" || w == "be") return true;
    if (w != "also" && w != "once" && w != "then" && !(w.size() > 4 && w.substr(w.size() - 2) == "ly")) return false;
    --k;
  }
  return false;
}

bool CueFinder::SpeechContext(size_t i, size_t e) const {
  if (e < a_.tokens.size()) {
    std::string_view n = NormOf(a_, e);
    if (n == "that" || n == ":" || n == "," || IsQuoteToken(a_, e)) return true;
    if (IsFinalPunct(n)) {
      // `CLAUSE, Mr Putin added.`: a subject right after a comma.
      size_t b = 0, f = 0;
      LeftNp(i, &b, &f);
      if (b < f && b > 0 && NormOf(a_, b - 1) == ",") return true;
    }
  }
  size_t j = i;
  while (j > 0 && IsSubjectVerbFiller(NormOf(a_, j - 1))) --j;
  return j > 0 && IsSpeakerPronoun(NormOf(a_, j - 1));
}

std::optional<SpeechEvent> CueFinder::After(size_t close) const {
  size_t n = a_.tokens.size();
  size_t j = close + 1;
  if (j < n && SameParagraph(j, close) && (NormOf(a_, j) == "," || IsDash(NormOf(a_, j)))) ++j;
  if (j >= n || !SameParagraph(j, close)) return std::nullopt;
  size_t limit = std::min(n, j + kAfterWindow);
  // `”— White House spokeswoman Abigail Jackson` closing its line: a byline.
  if (j == close + 2 && IsDash(NormOf(a_, close + 1)) && (a_.tokens[j].flags & kTokenCapitalized)) {
    size_t b = 0, e = 0;
    RightNp(j, &b, &e);
    bool ends = e >= n || !SameParagraph(e, j) || (a_.tokens[e].flags & kTokenLineStart);
    if (b < e && ends) {
      SpeechEvent ev;
      ev.cue_b = close + 1;
      ev.cue_e = close + 2;
      ev.np_b = b;
      ev.np_e = e;
      ev.np_right = true;
      ev.weak = true;
      return ev;
    }
  }
  // `," said X` / `," according to X`
  if (const CueForm* f = lex_.MatchCue(a_, j, limit); f && f->type != CueType::kParticiple) {
    SpeechEvent ev;
    ev.cue_b = j;
    ev.cue_e = j + f->words.size();
    ev.form = f;
    RightNp(ev.cue_e, &ev.np_b, &ev.np_e);
    ev.np_right = true;
    if (ev.np_b == ev.np_e) return std::nullopt;
    return ev;
  }
  // `," he said` / `," the Russian diplomat has said`; not `" after X noted`.
  std::string_view w = NormOf(a_, j);
  if (IsPrepositionLike(w) || IsClauseBoundaryWord(w)) return std::nullopt;
  for (size_t k = j; k < limit && SameParagraph(k, close); ++k) {
    if (IsQuoteToken(a_, k)) break;
    if (IsPunctToken(a_, k) && NormOf(a_, k) != "," && !IsDash(NormOf(a_, k))) break;
    const CueForm* f = lex_.MatchCue(a_, k, limit);
    if (!f || f->type != CueType::kVerb) continue;
    if (k == j || (f->words.size() == 1 && Passive(k))) break;  // `," he was told`
    SpeechEvent ev;
    ev.cue_b = k;
    ev.cue_e = k + f->words.size();
    ev.form = f;
    size_t b = 0, e = 0;
    LeftNp(k, &b, &e);
    if (b != j || b == e) {
      // appositions: `," Antonov, the ambassador, said`: the name before the comma.
      ev.np_b = j;
      ev.np_e = e > j ? e : k;
      for (size_t c = j + 1; c < ev.np_e; ++c)
        if (NormOf(a_, c) == ",") { ev.np_e = c; break; }
    } else {
      ev.np_b = b;
      ev.np_e = e;
    }
    return ev;
  }
  return std::nullopt;
}

std::optional<SpeechEvent> CueFinder::ColonSubject(size_t open) const {
  if (open == 0 || NormOf(a_, open - 1) != ":" || !SameParagraph(open - 1, open)) return std::nullopt;
  size_t colon = open - 1;
  size_t first = SentenceFirst(SentenceOf(colon));
  while (first < colon && !IsWordToken(a_, first)) ++first;  // a bullet
  if (first >= colon || !(a_.tokens[first].flags & kTokenCapitalized)) return std::nullopt;
  std::string_view w = NormOf(a_, first);
  size_t b = first, e = first;
  RightNp(first, &b, &e);
  // The subject ends at the first lower-case word after its capitalized
  // words ("of", "for", "and" inside a title go on), and that word is a verb
  // ("described", "reflected", "says"), not a role ("NBC News anchor X").
  for (size_t k = b + 1; k < e; ++k) {
    if (!(a_.tokens[k - 1].flags & kTokenCapitalized) || (a_.tokens[k].flags & kTokenCapitalized)) continue;
    std::string_view n = NormOf(a_, k);
    if ((n == "of" || n == "for" || n == "and") && k + 1 < e && (a_.tokens[k + 1].flags & kTokenCapitalized)) continue;
    e = k;
    break;
  }
  if (b == e || e - b > 8 || e >= colon || !IsWordToken(a_, e) || (a_.tokens[e].flags & kTokenCapitalized)) return std::nullopt;
  std::string_view verb = NormOf(a_, e);
  bool verb_like = verb.size() > 3 && (verb.substr(verb.size() - 2) == "ed" || verb.back() == 's');
  if (!verb_like || IsPrepositionLike(w) || IsClauseBoundaryWord(w)) return std::nullopt;
  SpeechEvent ev;
  ev.cue_b = colon;
  ev.cue_e = colon + 1;
  ev.np_b = b;
  ev.np_e = e;
  ev.weak = true;
  return ev;
}

std::optional<SpeechEvent> CueFinder::Before(size_t open) const {
  if (open == 0) return std::nullopt;
  size_t p = open - 1;
  std::string_view pn = NormOf(a_, p);
  // A paragraph that ends "The message says:" introduces the next one's quote.
  bool first_in_paragraph = !SameParagraph(p, open);
  if (first_in_paragraph && (pn != ":" || tp_[p] == UINT32_MAX || tp_[p] + 1 != tp_[open])) return std::nullopt;
  bool punct = pn == ":" || pn == "," || IsDash(pn);
  size_t last = punct ? p : open;  // the cue (and its adjuncts) end before `last`
  size_t s = SentenceOf(p);
  size_t first = SentenceFirst(s);
  for (size_t k = last; k > first && last - k < kBeforeWindow;) {
    --k;
    if (IsQuoteToken(a_, k) || IsFinalPunct(NormOf(a_, k))) break;
    const CueForm* f = lex_.MatchCue(a_, k, last);
    if (!f || f->type == CueType::kParticiple) continue;
    if (f->type == CueType::kVerb && f->words.size() == 1 && Passive(k)) return std::nullopt;  // "X was asked, “...”"
    size_t cue_e = k + f->words.size();
    if (!punct && cue_e != last) continue;  // `said "We...` needs the cue right before
    SpeechEvent ev;
    ev.cue_b = k;
    ev.cue_e = cue_e;
    ev.form = f;
    if (f->type == CueType::kAccording) {
      RightNp(cue_e, &ev.np_b, &ev.np_e);
      ev.np_right = true;
    } else {
      LeftNp(k, &ev.np_b, &ev.np_e);
    }
    if (ev.np_b == ev.np_e) return std::nullopt;
    return ev;
  }
  return std::nullopt;
}

}  // namespace communique::internal
