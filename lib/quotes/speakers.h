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
#include <string>
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
  /// A name the entity stage did not find, after a title ("said Latvian
  /// Minister of Economics Janis Vitenbergs"): the caller makes it a person.
  Span name;
};

class SpeakerResolver {
 public:
  SpeakerResolver(const Analysis& a, const QuoteLexicon& lex);

  /// Resolves the noun phrase of tokens [b, e); `right` if it follows its cue.
  SpeakerRef Resolve(size_t b, size_t e, bool right);
  /// Records a speaker (e.g. one inherited) as the latest antecedent.
  void Note(int32_t entity, uint32_t at);
  /// The quoted stretches of the document (sorted by begin): names inside
  /// them are no antecedents of "he said" outside.
  void SetQuoted(std::vector<Span> quoted) { quoted_ = std::move(quoted); }
  /// Appends the pronoun and role-noun links found to the entities' mentions
  /// (kept sorted). Call once, after resolving.
  void AppendLinks(Analysis* a) const;

 private:
  enum class Want : uint8_t { kPerson, kGroup };
  int32_t Recent(Want want, uint32_t before) const;
  /// "he"/"she": the subject of the nearest earlier sentence that names a
  /// person (a speaker there first, else its first person mention after an
  /// opening adverbial), skipping sentences that open with a pronoun; -1 if
  /// none in a few sentences, -2 if the subject is a role no one fits.
  int32_t SalientPerson(uint32_t before) const;
  /// The first person mention of sentence `s` in [from, to) outside quotes.
  int32_t SubjectMention(size_t s, uint32_t to) const;
  bool Quoted(uint32_t pos) const;
  /// A role noun with no antecedent ("When speaking with journalists, the
  /// Acting President said"): the next person mention with that title.
  /// `modifiers`: the lower-case words before the role noun ("interior" in
  /// "the interior minister"); title words among them must be in the title.
  int32_t NextTitled(std::string_view role, uint32_t after, std::string_view modifiers) const;
  bool ModifiersFit(int32_t entity, std::string_view modifiers) const;
  /// The normalized words of tokens [b, e), space-separated.
  std::string Modifiers(size_t b, size_t e) const;
  bool TitleEndsWith(int32_t entity, std::string_view role) const;
  /// "NPR featured a story, in which it suggested": an organization opening
  /// the current or previous sentence; -1 if none.
  int32_t SubjectOrganization(uint32_t before) const;
  /// "The message said": the writer named in the nearest sentence (of this
  /// and the 3 before) that mentions a message or letter: its speaker, else
  /// its subject; -1 if none.
  int32_t DocumentAuthor(uint32_t before) const;
  /// The latest resolved speaker only (no plain mentions).
  int32_t RecentSpeaker(Want want, uint32_t before, uint32_t look_back = 3000) const;
  /// The latest person mention whose entity's title ends in `role`
  /// ("president" for "Vladimir Putin", title "President").
  int32_t RecentTitled(std::string_view role, uint32_t before) const;
  struct Ref;
  bool Modifier(const Ref& m, uint32_t np_end) const;
  /// Whether a capitalized person role noun ("Minister") is in [b, e).
  bool HasPersonTitle(size_t b, size_t e) const;
  /// The last two words of [b, e) when they are a name after a title and no
  /// entity mention covers them; empty otherwise.
  Span TitledName(size_t b, size_t e) const;
  bool Compatible(int32_t entity, Want want) const;
  /// The entity to report for `entity`: a person known by a surname alone
  /// ("Mr Hu") becomes the one full-name person of the document with that
  /// family name ("Hu Jintao"), if there is exactly one.
  int32_t Canonical(int32_t entity) const;
  /// Narrows [*b, *e) to the words that name the speaker: drops an addressee
  /// ("the message to X"), keeps the possessor of a document noun ("X's
  /// statement") or the head after another possessor ("Russia's envoy").
  void Narrow(size_t* b, size_t* e) const;
  /// The head word of tokens [b, e): the last word, or a speaker noun
  /// before "of".
  size_t Head(size_t b, size_t e) const;

  const Analysis& a_;
  const QuoteLexicon& lex_;
  struct Ref { uint32_t begin, end; int32_t entity; MentionVia via; };
  std::vector<Ref> mentions_;  // every entity mention, sorted by begin
  std::vector<uint8_t> title_only_;  // per entity: a person "named" by a title alone
  std::vector<int32_t> canonical_;   // per entity: see Canonical()
  std::vector<std::pair<uint32_t, int32_t>> speakers_;  // (position, entity), in order
  struct Link { Span span; int32_t entity; MentionVia via; };
  std::vector<Link> links_;
  std::vector<Span> quoted_;
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_QUOTES_SPEAKERS_H_
