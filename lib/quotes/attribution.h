// Internal: finding speech cues and the noun phrases and clauses around them.
//
// A speech event is a cue ("said", "according to", ", adding") with its
// subject noun phrase; quotes point at events, and events are resolved to
// speakers in document order (see speakers.h).
#ifndef COMMUNIQUE_LIB_QUOTES_ATTRIBUTION_H_
#define COMMUNIQUE_LIB_QUOTES_ATTRIBUTION_H_

#include <cstddef>
#include <optional>
#include <vector>

#include "communique/analysis.h"
#include "quotes/lexicon.h"
#include "quotes/marks.h"
#include "quotes/speakers.h"

namespace communique::internal {

struct SpeechEvent {
  size_t cue_b = 0, cue_e = 0;  ///< cue tokens
  const CueForm* form = nullptr;
  size_t np_b = 0, np_e = 0;    ///< subject tokens (empty: inherits)
  bool np_right = false;        ///< "said X", "according to X"
  int inherit = -1;             ///< event whose speaker this one continues
  SpeakerRef ref;               ///< filled by resolution
  bool weak = false;            ///< no cue, only a subject before a colon: kept only if resolved
};

/// Token-level views of one document that the cue finders share.
class CueFinder {
 public:
  CueFinder(const Analysis& a, const QuoteLexicon& lex, const std::vector<uint32_t>& token_paragraph);

  /// A cue after a closing quotation mark: `," he said`, `," said X`,
  /// `," according to X`.
  std::optional<SpeechEvent> After(size_t close) const;
  /// A cue introducing an opening mark: `X said: "`, `X told reporters, "`.
  std::optional<SpeechEvent> Before(size_t open) const;

  /// No cue, but `Subject verbs ...: "` : the sentence's subject as a weak
  /// event ("President Trump described his call: “...”").
  std::optional<SpeechEvent> ColonSubject(size_t open) const;
  /// The subject noun phrase left of token `cue` (after skipping "has",
  /// "also"...): [*b, *e). Empty if none.
  void LeftNp(size_t cue, size_t* b, size_t* e) const;
  /// The noun phrase starting at token j ("the minister", "Sergey Lavrov").
  void RightNp(size_t j, size_t* b, size_t* e) const;

  /// The sentence holding token tok (0 for a token outside sentences).
  size_t SentenceOf(size_t tok) const;
  /// First token of the sentence that is in the document body.
  size_t SentenceFirst(size_t sentence) const;
  size_t SentenceEnd(size_t sentence) const {
    const Sentence& s = a_.sentences[sentence];
    return s.first_token + s.token_count;
  }
  bool SameParagraph(size_t x, size_t y) const { return tp_[x] == tp_[y] && tp_[x] != UINT32_MAX; }
  uint32_t ParagraphOf(size_t tok) const { return tp_[tok]; }
  /// Whether the verb at token `cue` is passive ("was asked", "were told"):
  /// its subject is the addressee, not the speaker.
  bool Passive(size_t cue) const;
  /// Whether a strict cue form at [i, e) stands in a speech context.
  bool SpeechContext(size_t i, size_t e) const;

 private:
  bool IsNpBreak(size_t t) const;
  /// Whether a capitalized title word ("Secretary") is in tokens [b, e).
  bool HasTitleWord(size_t b, size_t e) const;

  const Analysis& a_;
  const QuoteLexicon& lex_;
  const std::vector<uint32_t>& tp_;
  std::vector<uint32_t> token_sentence_;  // per token, only when sentences overlap (never from the segmenter)
};

/// Whether the word introduces a prepositional phrase or an object rather
/// than a reported clause ("said in", "told reporters").
bool IsPrepositionLike(std::string_view norm);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_QUOTES_ATTRIBUTION_H_
