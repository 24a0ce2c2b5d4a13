// communique/quote.h: quotes and reported speech, with speakers and cues.
//
//   for (const communique::Quote& q : analysis.quotes)
//     if (q.speaker >= 0)
//       std::cout << analysis.entities[q.speaker].name << ": "
//                 << communique::Slice(text, q.span);
//
// Plain data; indices refer to sibling vectors of the same Analysis.
#ifndef COMMUNIQUE_QUOTE_H_
#define COMMUNIQUE_QUOTE_H_

#include <cstdint>
#include <string>

#include "communique/config.h"
#include "communique/span.h"

COMMUNIQUE_BEGIN_NAMESPACE

enum class QuoteKind : uint8_t {
  kDirect,       ///< "..." he said
  kPartial,      ///< quoted words inside reported speech
  kIndirect,     ///< X said (that) ...
  kAccordingTo,  ///< according to X, ...
  kScare,        ///< the so-called "reset": not speech
};

struct Quote {
  Span span;                 ///< the quoted content, without the marks
  QuoteKind kind = QuoteKind::kDirect;
  int32_t speaker = -1;      ///< index into Analysis::entities, or -1
  Span speaker_mention;      ///< the words naming the speaker here ("he")
  Span cue;                  ///< the speech cue ("said", "according to")
  std::string cue_lemma;     ///< "say", "according to"
  bool repaired = false;     ///< a missing quotation mark was inferred
  bool anonymous = false;    ///< an unnamed source ("a senior official")
};

COMMUNIQUE_API std::string_view QuoteKindName(QuoteKind k) noexcept;  ///< "direct"

COMMUNIQUE_END_NAMESPACE

#endif  // COMMUNIQUE_QUOTE_H_
