// Internal: the lower-case plural nouns that name a list of places after or
// before them ("the counties of A, B, and C", "A and B counties"). The
// resolver's PlaceLists starts only at these words; FindHits notes where
// they are (the skip of lower-case words stops at them: Lexicon marks them
// in the phrase trie), so that no pass over every word is needed.
#ifndef COMMUNIQUE_LIB_ENTITIES_LIST_NOUNS_H_
#define COMMUNIQUE_LIB_ENTITIES_LIST_NOUNS_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace communique::internal {

enum ListNounKind : uint8_t {
  kListDivision = 1,  ///< members right after it, with or without "of": "counties Canadian, Carter"
  kListPlaceOf = 2,   ///< members only after "of": "the cities of Selma and Montgomery"
  kListTrailing = 4,  ///< members before it: "Bexar and Travis counties"
};

uint8_t ListNounKindsOfPlural(std::string_view key);
/// The ListNounKind bits of a case-folded word; 0 for other words.
inline uint8_t ListNounKinds(std::string_view key) {
  // Most words end here, without a call.
  return key.size() >= 6 && key.back() == 's' ? ListNounKindsOfPlural(key) : 0;
}

/// Every word with ListNounKinds != 0.
std::span<const std::string_view> ListNouns();

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_LIST_NOUNS_H_
