// Internal: checks on organization names the NER tagger proposes.
#ifndef COMMUNIQUE_LIB_ENTITIES_ORGANIZATIONS_H_
#define COMMUNIQUE_LIB_ENTITIES_ORGANIZATIONS_H_

#include "entities/lexicon.h"
#include "entities/tagger.h"

namespace communique::internal {

/// A tagged "organization" that is no named body: an event or document
/// named by its last word ("Department Press Briefing", "National Volunteer
/// Week"), or one capitalized common word that is no organization head
/// ("the Administration", "the Government"; even when listed as a
/// government that needs its country).
bool NotAnOrganization(const Lexicon& lex, const NerSentence& words, const NerSpan& ns);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_ORGANIZATIONS_H_
