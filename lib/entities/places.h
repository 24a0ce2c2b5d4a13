// Internal: place rules on tagger spans (places.cc; the resolver's place
// rules are Resolver members declared in resolver.h).
#ifndef COMMUNIQUE_LIB_ENTITIES_PLACES_H_
#define COMMUNIQUE_LIB_ENTITIES_PLACES_H_

#include "entities/lexicon.h"
#include "entities/tagger.h"

namespace communique::internal {

/// A tagger location of several words that no gazetteer knows, with no
/// location head, ending in a common word that names no kind of site
/// ("Federal Register", "National Partnership", "Person Acting"): not a place.
bool PlaceOfCommonHead(const Lexicon& lex, const NerSentence& words, const NerSpan& ns);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_PLACES_H_
