#include "entities/hits.h"

#include "entities/list_nouns.h"

namespace communique::internal {
namespace {

// Lower-case words that may sit inside a name ("Osama bin Laden",
// "Charles de Gaulle", "Ludwig van Beethoven").
bool IsNameParticle(std::string_view k) {
  return k == "bin" || k == "ibn" || k == "al" || k == "de" || k == "da" || k == "van" ||
         k == "von" || k == "der" || k == "del" || k == "la" || k == "le" || k == "di" || k == "dos";
}

bool IsCalendarWord(std::string_view k) {
  if (k.size() < 3 || k.size() > 9) return false;
  switch (k[0]) {  // one or two comparisons instead of a scan of the list
    case 'm': return k == "monday" || k == "march" || k == "may";
    case 't': return k == "tuesday" || k == "thursday";
    case 'w': return k == "wednesday";
    case 'f': return k == "friday" || k == "february" || k == "feb.";
    case 's': return k == "saturday" || k == "sunday" || k == "september" || k == "sept.";
    case 'j': return k == "january" || k == "june" || k == "july" || k == "jan.";
    case 'a': return k == "april" || k == "august" || k == "aug.";
    case 'o': return k == "october" || k == "oct.";
    case 'n': return k == "november" || k == "nov.";
    case 'd': return k == "december" || k == "dec.";
    default: return false;
  }
}

// A capitalized word that can be part of a name: not "I", not a weekday or
// month, and in ALL CAPS not a common word ("DEPUTY SECRETARY FOR MANAGEMENT
// AND RESOURCES BRIAN P. MCKEON": the name is "BRIAN P. MCKEON").
// This part decides for a capitalized or all-upper word.
[[gnu::noinline]] bool IsCapitalNameWord(const Lexicon& lex, const Word& w) {
  if (w.key == "i" || IsCalendarWord(w.key)) return false;
  if (w.shape != Shape::kUpper || w.key.size() < 3) return true;
  const uint64_t h = w.hash;  // keys are case-folded already
  return !lex.IsCommonLower(h) || (lex.GazBitsOfLower(h) & (kGazGiven | kGazSurname | kGazPlace)) != 0;
}

// The common case (not a word, or lower case) is decided inline.
inline bool IsNameWord(const Lexicon& lex, const Word& w) {
  return w.is_word && w.shape != Shape::kLower && IsCapitalNameWord(lex, w);
}

// A short lower-case syllable ("te", "keung", "un").
bool IsSyllable(const Word& w) {
  if (!w.is_word || w.shape != Shape::kLower || w.key.empty() || w.key.size() > 6) return false;
  for (char c : w.key)
    if (c < 'a' || c > 'z') return false;
  return true;
}

// "J.", "B.": one letter and a period.
bool IsInitial(std::string_view k) {
  return k.size() == 2 && k[1] == '.' && k[0] >= 'a' && k[0] <= 'z';
}

// A run of given names and initials ("Antony J.", "Mary Ann").
bool IsGivenRun(const Lexicon& lex, const std::vector<Word>& words, const Hit& run) {
  for (uint32_t w = run.first; w < run.last; ++w)
    if (!IsInitial(words[w].key) && !lex.IsGivenName(words[w].key)) return false;
  return true;
}

// Picks the reading of an ambiguous phrase: the lowest EntryKind.
int32_t Best(const Lexicon& lex, const std::vector<uint32_t>& values) {
  int32_t best = -1;
  for (uint32_t v : values)
    if (best < 0 || lex.entry(v).kind < lex.entry(static_cast<uint32_t>(best)).kind)
      best = static_cast<int32_t>(v);
  return best;
}

}  // namespace

void FindHits(const Lexicon& lex, const std::vector<Word>& words, const std::vector<uint32_t>& starts,
              std::vector<Hit>* hits, std::vector<int32_t>* hit_at, std::vector<uint32_t>* list_nouns) {
  hits->clear();
  list_nouns->clear();
  // Notes the list nouns among words [from, to): every word the loop below
  // visits or takes. The words it skips are none (the trie's skip stops at
  // them: PhraseTrie::MarkLowerStop).
  auto note = [&](size_t from, size_t to) {
    for (size_t k = from; k < to; ++k)
      if (words[k].shape == Shape::kLower && ListNounKinds(words[k].key) != 0)
        list_nouns->push_back(static_cast<uint32_t>(k));
  };
  // Entries kept from before are -1 already; the array never shrinks, so
  // that a shorter document before a longer one costs no refill.
  if (hit_at->size() < words.size()) hit_at->resize(words.size(), -1);
  std::vector<uint32_t> scratch;
  PhraseTrie::IdCache ids;
  size_t n = words.size();
  size_t sentence_end = 0;
  size_t next_start = 0;  // into starts
  int32_t run = -1;  // index of the open run hit
  auto push = [&](Hit h) {
    (*hit_at)[h.first] = static_cast<int32_t>(hits->size());
    hits->push_back(h);
  };
  for (size_t i = 0; i < n;) {
    if (i >= sentence_end) {
      // The sentence ends at the next start word (words of one sentence
      // index follow each other, each index's first word a start).
      while (next_start < starts.size() && starts[next_start] <= i) ++next_start;
      sentence_end = next_start < starts.size() ? starts[next_start] : n;
      run = -1;
    }
    // Outside a run, lower-case words that start no phrase change nothing.
    if (run < 0) {
      i = lex.trie().SkipCannotStart(words, i, sentence_end);
      if (i >= sentence_end) continue;
    }
    note(i, i + 1);
    PhraseTrie::Match m = lex.trie().StartsNothing(words, i, sentence_end)
                              ? PhraseTrie::Match{}
                              : lex.trie().Longest(words, &ids, i, sentence_end, &scratch);
    // A one-word place that is also a given name, before an initial and a
    // capitalized word, starts a person's name ("VICTORIA J. NULAND").
    if (m.length == 1 && i + 2 < sentence_end && IsInitial(words[i + 1].key) &&
        IsNameWord(lex, words[i + 2]) && lex.IsGivenName(words[i].key)) {
      const EntryKind k = lex.entry(static_cast<uint32_t>(Best(lex, *m.values))).kind;
      if (k == EntryKind::kPlace || k == EntryKind::kCapital || k == EntryKind::kRegion) m.length = 0;
    }
    // A one-word city, capital or seat right after given names is a family
    // name ("Alexander Hamilton", "Elia Kazan", "George Washington"): it
    // joins the run.
    if (m.length == 1 && run >= 0 && (*hits)[static_cast<size_t>(run)].last == i &&
        i - (*hits)[static_cast<size_t>(run)].first <= 3 && words[i].shape == Shape::kCapital &&
        !words[i - 1].possessive && IsGivenRun(lex, words, (*hits)[static_cast<size_t>(run)])) {
      // A capital or seat must be a family name too ("Spartak Moscow" is a club).
      const EntryKind k = lex.entry(static_cast<uint32_t>(Best(lex, *m.values))).kind;
      const bool family = (lex.WordBits(words[i].key) & (kGazFamily | kGazSurname)) != 0;
      if (k == EntryKind::kPlace || ((k == EntryKind::kCapital || k == EntryKind::kSeat) && family))
        m.length = 0;
    }
    if (m.length > 0) {
      int32_t e = Best(lex, *m.values);
      // Given names and initials before a known person's name are part of
      // it ("Antony J." + "Blinken"): the person hit takes the run's words.
      if (run >= 0 && e >= 0 && lex.entry(static_cast<uint32_t>(e)).kind == EntryKind::kPerson &&
          (*hits)[static_cast<size_t>(run)].last == i && IsGivenRun(lex, words, hits->back())) {
        uint32_t first = hits->back().first;
        (*hit_at)[first] = -1;
        hits->pop_back();
        push({first, static_cast<uint32_t>(i + m.length), e, true});
        note(i + 1, i + m.length);
        run = -1;
        i += m.length;
        continue;
      }
      // A lower-case-only match (a title or role noun) inside a run of
      // capitals does not break the run ("Director" in "Film Director Guild").
      push({static_cast<uint32_t>(i), static_cast<uint32_t>(i + m.length), e});
      note(i + 1, i + m.length);
      run = -1;
      i += m.length;
      continue;
    }
    const Word& w = words[i];
    // "Al-Maeena", "El-Hassan": a hyphen without spaces between capitals.
    bool tight_hyphen = w.key == "-" && i > 0 && words[i - 1].end == w.begin &&
                        i + 1 < sentence_end && words[i + 1].begin == w.end;
    // "Lai Ching-te", "Kwok Wai-keung": a two-syllable given name after a
    // family name, its second syllable in lower case.
    if (tight_hyphen && run >= 0 && (*hits)[static_cast<size_t>(run)].last == i &&
        i - (*hits)[static_cast<size_t>(run)].first >= 2 && IsSyllable(words[i + 1]) &&
        (i + 2 >= sentence_end || words[i + 2].begin > words[i + 1].end)) {
      (*hits)[static_cast<size_t>(run)].last = static_cast<uint32_t>(i + 2);
      note(i + 1, i + 2);
      i += 2;
      continue;
    }
    // "von der Leyen", "de la Fuente": two particles before the name word.
    bool particle = run >= 0 && (IsNameParticle(w.key) || tight_hyphen) && i + 1 < sentence_end &&
                    (IsNameWord(lex, words[i + 1]) ||
                     (IsNameParticle(w.key) && i + 2 < sentence_end && words[i + 1].shape == Shape::kLower &&
                      IsNameParticle(words[i + 1].key) && IsNameWord(lex, words[i + 2])));
    if (IsNameWord(lex, w) || particle) {
      if (run >= 0 && !words[i - 1].possessive) {
        (*hits)[static_cast<size_t>(run)].last = static_cast<uint32_t>(i + 1);
      } else if (!particle) {
        run = static_cast<int32_t>(hits->size());
        push({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), -1});
      }
    } else {
      run = -1;
    }
    ++i;
  }
}

void ClearHitAt(const std::vector<Hit>& hits, std::vector<int32_t>* hit_at) {
  for (const Hit& h : hits) (*hit_at)[h.first] = -1;
}

}  // namespace communique::internal
