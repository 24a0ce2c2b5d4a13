// Internal: pairing quotation marks into quoted stretches, one linear pass.
//
// Double marks (" “ ” „ « ») pair at the top level; single marks (‘ ’ ')
// pair at the top level only when no double quote is open (nested singles
// are part of the outer quote). A paragraph that ends inside a quote
// continues into the next paragraph when that one opens with a mark (wire
// style). A closing mark without an opening one is repaired, from the start
// of its paragraph (or the end of the previous quote in it), when a speech
// cue follows it; an opening mark never closed is repaired up to the end of
// its paragraph when a cue introduces it. Other strays become diagnostics.
#ifndef COMMUNIQUE_LIB_QUOTES_MARKS_H_
#define COMMUNIQUE_LIB_QUOTES_MARKS_H_

#include <cstddef>
#include <functional>
#include <limits>
#include <vector>

#include "communique/analysis.h"

namespace communique::internal {

inline constexpr size_t kNoToken = std::numeric_limits<size_t>::max();

struct MarkedQuote {
  size_t open = kNoToken;   ///< opening mark token; kNoToken if it was lost
  size_t close = kNoToken;  ///< closing mark token; kNoToken if it was lost
  size_t first = 0;         ///< first content token
  size_t last = 0;          ///< one past the last content token
  Span span;                ///< content bytes, without the marks
  bool repaired = false;
  bool multi_paragraph = false;
};

/// Paragraph index of every token (UINT32_MAX outside sentences).
std::vector<uint32_t> TokenParagraphs(const Analysis& a);

/// Indices of the quotation-mark tokens (TokenKind::kQuote) of `a`, in order.
std::vector<uint32_t> QuoteMarkTokens(const Analysis& a);

/// Pairs the marks of `a`, `quote_marks` being QuoteMarkTokens(*a).
/// `cue_after(close_token)` tells whether a speech cue follows a closing
/// mark; `cue_before(open_token)` whether one introduces an opening mark.
/// Unbalanced marks are added to a->diagnostics.
std::vector<MarkedQuote> PairQuoteMarks(std::string_view text, Analysis* a,
                                        const std::vector<uint32_t>& token_paragraph,
                                        const std::vector<uint32_t>& quote_marks,
                                        const std::function<bool(size_t)>& cue_after,
                                        const std::function<bool(size_t)>& cue_before);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_QUOTES_MARKS_H_
