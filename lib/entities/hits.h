// Internal: the one left-to-right pass over a document's words that finds
// table phrases (longest match in the trie, within a sentence) and runs of
// other capitalized words (candidate names).
#ifndef COMMUNIQUE_LIB_ENTITIES_HITS_H_
#define COMMUNIQUE_LIB_ENTITIES_HITS_H_

#include <cstdint>
#include <vector>

#include "entities/lexicon.h"
#include "entities/words.h"

namespace communique::internal {

struct Hit {
  uint32_t first = 0, last = 0;  ///< word range [first, last)
  int32_t entry = -1;            ///< Lexicon entry; -1: a run of capitalized words
  bool full_name = false;        ///< a known person's name with given names before it
};

/// Hits in text order, non-overlapping. `hit_at[w]` is the hit starting at
/// word w, or -1 (it may have more entries than `words`, all -1): `hit_at`
/// must hold only -1 on entry (empty, or cleaned by ClearHitAt), so that only
/// the words a hit starts are written, not every word. `starts`: the words
/// that start a sentence (BuildWords).
/// `list_nouns` receives the lower-case words with ListNounKinds (in order).
void FindHits(const Lexicon& lex, const std::vector<Word>& words, const std::vector<uint32_t>& starts,
              std::vector<Hit>* hits, std::vector<int32_t>* hit_at, std::vector<uint32_t>* list_nouns);

/// Sets hit_at[h.first] back to -1 for every hit of `hits`, as FindHits set
/// them: `hit_at` is then ready for the next FindHits.
void ClearHitAt(const std::vector<Hit>& hits, std::vector<int32_t>* hit_at);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_HITS_H_
