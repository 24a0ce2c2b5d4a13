// communique/document.h: the document header, paragraphs, sentences and
// speaker turns.
//
//   const communique::DocumentHeader& h = analysis.header;
//   if (h.date) std::cout << h.date->ToString();   // "2021-08-02"
//   std::cout << h.place << " " << h.source;       // "WASHINGTON TASS"
//
// The header is what precedes the body: an optional metadata line
// (`date 2021-08-02`) and a news-wire dateline (`WASHINGTON, August 2.
// /TASS/.`, `MOSCOW, Aug 2 (Reuters) -`, `LONDON — `). Press-briefing
// transcripts have speaker labels (`MR PRICE:`), recorded as turns.
// Plain data; thread-compatible.
#ifndef COMMUNIQUE_DOCUMENT_H_
#define COMMUNIQUE_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>

#include "communique/config.h"
#include "communique/span.h"

COMMUNIQUE_BEGIN_NAMESPACE

/// A proleptic Gregorian calendar date.
struct CivilDate {
  int32_t year = 0;
  uint8_t month = 0;  ///< 1..12
  uint8_t day = 0;    ///< 1..31
  /// "YYYY-MM-DD".
  COMMUNIQUE_API std::string ToString() const;
  /// Parses "YYYY-MM-DD" (a "THH:MM:SS" suffix is accepted and ignored);
  /// nullopt unless it names a real calendar day.
  COMMUNIQUE_API static std::optional<CivilDate> Parse(std::string_view iso) noexcept;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

/// Where the document date came from.
enum class DateSource : uint8_t {
  kNone,      ///< no date known
  kCaller,    ///< DocumentInfo::date
  kMetadata,  ///< a leading `date YYYY-MM-DD` line
  kDateline,  ///< the dateline's day and month, year from caller or metadata
};

struct DocumentHeader {
  std::optional<CivilDate> date;  ///< the document date, if known
  DateSource date_source = DateSource::kNone;
  Span metadata;          ///< the metadata line (`date 2021-08-02`), empty if none
  Span metadata_date;     ///< its date text
  Span dateline;          ///< the whole dateline, empty if none
  Span dateline_date;     ///< `August 2`, empty if the dateline has no date
  Span place_span;        ///< `WASHINGTON`
  std::string place;      ///< the place as written (`WASHINGTON`)
  Span source_span;       ///< `TASS` (inside /TASS/, (Reuters), (AP))
  std::string source;     ///< the agency as written
  uint32_t body_begin = 0;  ///< first byte of the body
};

/// A paragraph: text between blank lines, or one transcript turn's line.
struct Paragraph {
  Span span;
  uint32_t first_sentence = 0;
  uint32_t sentence_count = 0;
  int32_t turn = -1;  ///< index into Analysis::turns, or -1
};

struct Sentence {
  Span span;
  uint32_t first_token = 0;
  uint32_t token_count = 0;
  uint32_t paragraph = 0;  ///< index into Analysis::paragraphs
};

/// A transcript speaker label (`MR PRICE:`, `QUESTION:`) and the text it
/// governs, up to the next label.
struct Turn {
  Span label;          ///< `MR PRICE` (without the colon)
  Span span;           ///< the label through the end of the turn
  std::string speaker; ///< label normalized: `Price`, `Question`
  bool is_question = false;  ///< QUESTION:, Q:, a reporter's turn
};

COMMUNIQUE_END_NAMESPACE

#endif  // COMMUNIQUE_DOCUMENT_H_
