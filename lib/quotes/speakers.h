// Internal: who a speech cue's subject noun phrase names.
//
// In order of preference: an entity mention inside the phrase (a person over
// an organization over a state); a pronoun resolved to the most recent
// compatible speaker (or, failing that, the most recent compatible entity
// mention, within a bounded look-back); a role noun ("the diplomat",
// "the ministry") resolved the same way; an unnamed source ("a senior
// official", "sources") flagged anonymous. Resolve in document order: each
// resolved speaker becomes the antecedent of later pronouns. Person entities
// whose name is only a title ("Acting President") are never speakers: the
// phrase is read as a role noun instead.
#ifndef COMMUNIQUE_LIB_QUOTES_SPEAKERS_H_
#define COMMUNIQUE_LIB_QUOTES_SPEAKERS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "communique/analysis.h"
#include "quotes/lexicon.h"

namespace communique::internal {

struct SpeakerRef {
  int32_t entity = -1;
  Span mention;          ///< the words naming the speaker
  bool anonymous = false;
  bool pronoun = false;  ///< resolved through a pronoun or role noun
};

class SpeakerResolver {
 public:
  SpeakerResolver(const Analysis& a, const QuoteLexicon& lex);

  /// Resolves the noun phrase of tokens [b, e); `right` if it follows its cue.
  SpeakerRef Resolve(size_t b, size_t e, bool right);
  /// Records a speaker (e.g. one inherited) as the latest antecedent.
  void Note(int32_t entity, uint32_t at);
  /// Appends the pronoun and role-noun links found to the entities' mentions
  /// (kept sorted). Call once, after resolving.
  void AppendLinks(Analysis* a) const;

 private:
  enum class Want : uint8_t { kPerson, kGroup };
  int32_t Recent(Want want, uint32_t before) const;
  /// The latest resolved speaker only (no plain mentions).
  int32_t RecentSpeaker(Want want, uint32_t before) const;
  /// The latest person mention whose entity's title ends in `role`
  /// ("president" for "Vladimir Putin", title "President").
  int32_t RecentTitled(std::string_view role, uint32_t before) const;
  struct Ref;
  bool Modifier(const Ref& m, uint32_t np_end) const;
  /// Whether a capitalized person role noun ("Minister") is in [b, e).
  bool HasPersonTitle(size_t b, size_t e) const;
  bool Compatible(int32_t entity, Want want) const;
  /// The entity to report for `entity`: a person known by a surname alone
  /// ("Mr Hu") becomes the one full-name person of the document with that
  /// family name ("Hu Jintao"), if there is exactly one.
  int32_t Canonical(int32_t entity) const;
  /// Narrows [*b, *e) to the words that name the speaker: drops an addressee
  /// ("the message to X"), keeps the possessor of a document noun ("X's
  /// statement") or the head after another possessor ("Russia's envoy").
  void Narrow(size_t* b, size_t* e) const;

  const Analysis& a_;
  const QuoteLexicon& lex_;
  struct Ref { uint32_t begin, end; int32_t entity; MentionVia via; };
  std::vector<Ref> mentions_;  // every entity mention, sorted by begin
  std::vector<uint8_t> title_only_;  // per entity: a person "named" by a title alone
  std::vector<int32_t> canonical_;   // per entity: see Canonical()
  std::vector<std::pair<uint32_t, int32_t>> speakers_;  // (position, entity), in order
  struct Link { Span span; int32_t entity; MentionVia via; };
  std::vector<Link> links_;
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_QUOTES_SPEAKERS_H_
