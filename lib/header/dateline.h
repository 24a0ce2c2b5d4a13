// Internal: the news-wire dateline at the start of a text, matched by a
// hand-written scanner (compiling the equivalent RE2 pattern, with its
// Unicode letter classes, took a fifth of Analyzer::Create).
#ifndef COMMUNIQUE_LIB_HEADER_DATELINE_H_
#define COMMUNIQUE_LIB_HEADER_DATELINE_H_

#include <cstddef>
#include <string_view>

namespace communique::internal {

/// A byte range of the scanned text; empty when the part is absent.
struct DatelinePiece {
  size_t begin = 0, end = 0;
  bool empty() const { return begin == end; }
};

struct DatelineParts {
  size_t end = 0;  ///< end of the match, after its trailing spaces
  DatelinePiece place, date, agency_slash, agency_paren, dash;
};

/// Matches at the start of `text`, with the leftmost-first (Perl) choices
/// of the pattern below, where SP is a space or U+00A0, \p{..} are Unicode
/// categories, \d is ASCII and MONTH an English month name or its listed
/// abbreviations (Jan, Feb, Mar, Apr, Jun, Jul, Aug, Sep, Sept, Oct, Nov, Dec):
///
///   (\p{Lu}[\p{Lu}.'-]*(?:SP(?:\p{Lu}[\p{Lu}.'-]*|de|del|da|la|al|el)){0,3})   place
///   (?:,SP+D\.C\.)?
///   (?:,SP*(MONTH\.?SP+\d{1,2}|\d{1,2}SP+MONTH))?                            date
///   SP*\.?SP*
///   (?:/([\p{L}-]+(?: [\p{L}-]+)?)/|\(([\p{L}-]+(?: [\p{L}-]+)?)\))?          agency
///   SP*\.?SP*(--|-|—|–|:)?SP+                                                dash
///
/// Linear in the text: every choice but the word ends is decided by one
/// character, and the place has at most four words.
bool MatchDateline(std::string_view text, DatelineParts* parts);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_HEADER_DATELINE_H_
