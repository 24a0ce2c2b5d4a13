// Internal: the word lists of the quotes stage (lib/data/speech_cues.tsv,
// speaker_nouns.tsv) and token helpers shared by its parts.
#ifndef COMMUNIQUE_LIB_QUOTES_LEXICON_H_
#define COMMUNIQUE_LIB_QUOTES_LEXICON_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "communique/analysis.h"
#include "communique/status.h"
#include "core/hash_filter.h"
#include "core/norm_hash.h"
#include "core/word_filter.h"
#include "tokenize/tokenizer.h"

namespace communique::internal {

enum class CueType : uint8_t {
  kVerb,        ///< finite: "X said", "said X"
  kParticiple,  ///< ", adding that ...": continues the clause's speaker
  kAccording,   ///< "according to X": the speaker follows
};

struct CueForm {
  std::vector<std::string> words;  ///< normalized token forms
  std::vector<uint64_t> hashes;    ///< HashWord of each word: compared before the strings
  std::string lemma;
  CueType type = CueType::kVerb;
  bool strict = false;  ///< often a noun/adjective: needs a speech context
};

/// kDocument: a statement, message or report ("the statement says"): its
/// author is the possessor ("the minister's statement"), else unknown.
enum class SpeakerNoun : uint8_t { kNone, kPerson, kGroup, kAnonDeterminer, kDocument };

class QuoteLexicon {
 public:
  Status Load();
  /// The longest cue starting at token i (tokens [i, end)), or nullptr.
  /// Inline: called for most tokens, and most fail the filter.
  const CueForm* MatchCue(const Analysis& a, size_t i, size_t end) const {
    if (!cue_hashes_.MayContain(NormHash(a, i))) return nullptr;
    const Token& t = a.tokens[i];
    std::string_view w(a.norm_pool.data() + t.norm.begin, t.norm.size());
    return cue_filter_.MayContain(w) ? MatchCueSlow(a, w, i, end) : nullptr;
  }
  /// Whether a cue may start at a word of norm hash h (MatchCue's first test).
  bool MayStartCue(uint64_t h) const { return cue_hashes_.MayContain(h); }
  /// Adds the cues' first words as kStartCue.
  void AddCueStarts(StartWords* words) const {
    for (const CueForm& f : cues_) words->Add(f.hashes[0], kStartCue);
  }
  SpeakerNoun Noun(std::string_view norm) const;
  /// Whether a lower-case word only ever belongs to a title ("acting",
  /// "president", "secretary", "of"), from entity_titles.tsv.
  bool IsTitleWord(std::string_view lower) const;
  /// Whether a capitalized word is a known given name ("Bonnie").
  bool IsGivenName(std::string_view word) const;
  /// Whether a turn label is a heading, not a speaker: no given name, title
  /// or honorific, and a function word inside ("NOMINATIONS SENT TO THE
  /// SENATE") or a first word in -ing/-ed ("SUPPORTING AMERICAN FISHERMEN").
  bool IsHeadingLabel(std::string_view label) const;
  /// Whether a turn label ("MODERATOR", "SENIOR STATE DEPARTMENT OFFICIAL
  /// ONE", "DEPUTY") names a role, not a person: its last word, a counter
  /// ("ONE", "2") aside, is a title word, a person noun or a one-word label
  /// of speaker_labels.tsv; no word is a given name or an honorific ("MR").
  bool IsRoleLabel(std::string_view label) const;

 private:
  const CueForm* MatchCueSlow(const Analysis& a, std::string_view w, size_t i, size_t end) const;

  std::vector<CueForm> cues_;
  /// Cues by the HashWord of their first word (equal first words verified).
  std::unordered_map<uint64_t, std::vector<size_t>> cues_by_first_;
  WordFilter cue_filter_, noun_filter_, title_filter_;
  HashFilter cue_hashes_;  // cues' first words, before cue_filter_
  StringMap<SpeakerNoun> nouns_;
  StringSet title_words_;
  StringSet head_titles_;  // one-word titles ("president"), lower case
  StringSet given_names_;
  StringSet role_labels_;  // speaker_labels.tsv rows that are no question
};

// Token helpers.
inline std::string_view NormOf(const Analysis& a, size_t i) { return a.Norm(a.tokens[i]); }
inline bool IsWordToken(const Analysis& a, size_t i) {
  TokenKind k = a.tokens[i].kind;
  return k == TokenKind::kWord || k == TokenKind::kNumber;
}
inline bool IsQuoteToken(const Analysis& a, size_t i) { return a.tokens[i].kind == TokenKind::kQuote; }
inline bool IsPunctToken(const Analysis& a, size_t i) {
  TokenKind k = a.tokens[i].kind;
  return k == TokenKind::kPunctuation || k == TokenKind::kQuote;
}
inline bool IsNorm(const Analysis& a, size_t i, std::string_view w) { return NormOf(a, i) == w; }
/// Sentence-final punctuation: . ? ! … (and runs of them).
bool IsFinalPunct(std::string_view norm);
/// A dash or hyphen used as punctuation ("—", "–", "-", "--").
bool IsDash(std::string_view norm);
/// Subject pronouns a quote can be attributed to.
bool IsSpeakerPronoun(std::string_view norm);
/// Words between a subject and its speech verb: auxiliaries and adverbs
/// ("has", "also", "later"), and -ly adverbs.
bool IsSubjectVerbFiller(std::string_view norm);
/// The word without a possessive ending ("minister's" -> "minister"); the
/// word itself if it has none.
std::string_view StripPossessive(std::string_view norm);
/// Words that end a subject noun phrase when walking left from a verb.
bool IsClauseBoundaryWord(std::string_view norm);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_QUOTES_LEXICON_H_
