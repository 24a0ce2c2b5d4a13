// Internal: context tests that reject a tagger "person" span (stage.cc), by
// the words around it: "the Board", "FDA Commissioner", "Will he ...",
// "Building On Past Success", "Bureau of Oceans".
#ifndef COMMUNIQUE_LIB_ENTITIES_PERSON_FILTERS_H_
#define COMMUNIQUE_LIB_ENTITIES_PERSON_FILTERS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "entities/lexicon.h"
#include "entities/tagger.h"

namespace communique::internal {

enum class PersonContext {
  kKeep,       ///< nothing in the context speaks against a person
  kAfterThe,   ///< right after "the": no person unless the document knows the name
  kReject,     ///< no person's name
};

/// Judges the tagged person words [first, end) of `words` (`toks`: the
/// sentence's tokens, same indices) by their own shape and their neighbours.
PersonContext TaggedPersonContext(const Lexicon& lex, const Token* toks, const NerSentence& words,
                                  size_t first, size_t end);

/// The title cut off before a tagged person's name ("Secretary of Labor
/// Martin Walsh" -> "Secretary"): the last title word of [first, name), as
/// written ("CEO") or title-cased from capitals ("SECRETARY"); "" if none.
std::string CutTitle(const Lexicon& lex, const NerSentence& words, size_t first, size_t name);

/// "Albert and Marcia": a tagged person span with "and" inside is two
/// names; `ns` keeps the first and the second is appended to `spans`.
void SplitPersonPair(const NerSentence& words, NerSpan* ns, std::vector<NerSpan>* spans);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_PERSON_FILTERS_H_
