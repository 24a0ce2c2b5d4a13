// communique/token.h: surface tokens.
//
//   for (const communique::Token& t : analysis.tokens)
//     std::cout << communique::Slice(text, t.span) << "\t"
//               << analysis.Norm(t) << "\n";
//
// Tokens are surface tokens in the sense of UD's CoNLL-U token lines:
// "don't", "Russia’s" and "non-avian" are one token each (`clitic` marks the
// "n't" / "’s" part); punctuation is separate. Tokens do not overlap and are
// sorted by span.begin. Plain data; thread-compatible.
#ifndef COMMUNIQUE_TOKEN_H_
#define COMMUNIQUE_TOKEN_H_

#include <cstdint>

#include "communique/config.h"
#include "communique/span.h"

COMMUNIQUE_BEGIN_NAMESPACE

enum class TokenKind : uint8_t {
  kWord,         ///< letters, possibly with inner apostrophes, hyphens, periods (U.S.)
  kNumber,       ///< digits with separators/decimals (35,000; 1.5), ordinals (21st), 10bn
  kPunctuation,  ///< . , ; : ! ? ( ) [ ] ... dashes, slashes
  kQuote,        ///< a quotation mark; see Token::quote
  kSymbol,       ///< currency signs, %, &, + and other symbols
  kUrl,          ///< http://..., www....
  kEmail,        ///< name@example.org
  kHandle,       ///< @name or #tag
  kOther,        ///< anything else (emoji, unassigned code points, U+FFFD)
};

/// Role of a quotation mark, from its shape and its neighbours.
enum class QuoteRole : uint8_t {
  kNone,       ///< not a quote mark
  kOpen,       ///< “ « ‘ „ or a straight mark before a word
  kClose,      ///< ” » ’ or a straight mark after a word / punctuation
  kAmbiguous,  ///< a straight mark between spaces or at a boundary
};

/// Bit flags on a token.
enum TokenFlag : uint8_t {
  kTokenCapitalized = 1,   ///< first letter upper case
  kTokenAllUpper = 2,      ///< at least two letters, all upper case
  kTokenAbbreviation = 4,  ///< ends with a period that belongs to it (Mr., U.S.)
  kTokenHasDigit = 8,      ///< contains a digit
  kTokenSpaceBefore = 16,  ///< preceded by white space (or starts the text)
  kTokenHyphenated = 32,   ///< contains an inner hyphen (forty-five)
  kTokenLineStart = 64,    ///< first token of a line
  kTokenParagraphStart = 128,  ///< first token after a blank line (or of the text)
};

struct Token {
  Span span;              ///< surface bytes in the caller's text
  Span norm;              ///< range in Analysis::norm_pool: NFC, case-folded,
                          ///< curly quotes/apostrophes/dashes mapped to ASCII
  TokenKind kind = TokenKind::kWord;
  QuoteRole quote = QuoteRole::kNone;
  uint8_t flags = 0;      ///< TokenFlag bits
  uint8_t clitic = 0;     ///< bytes at the end that form a clitic ("'s", "n't"); 0 if none
};

COMMUNIQUE_END_NAMESPACE

#endif  // COMMUNIQUE_TOKEN_H_
