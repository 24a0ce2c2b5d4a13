// Finding and valuing one number at a token position: digits ("35,000",
// "1.5", "10bn", "1 234 567", "3/4"), words ("forty-five", "one hundred and
// twenty", "two-thirds", "a quarter"), and both mixed ("2.5 million",
// "3 hundred and 21"), with ordinals ("21st", "twenty-first").
#ifndef COMMUNIQUE_LIB_FIGURES_NUMBERS_H_
#define COMMUNIQUE_LIB_FIGURES_NUMBERS_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "communique/analysis.h"
#include "core/norm_hash.h"
#include "figures/decimal.h"
#include "figures/lexicon.h"

namespace communique::internal {

/// One document as the figures stage sees it.
struct FigureDoc {
  std::string_view text;
  const Analysis* a = nullptr;
  const FigureLexicon* lex = nullptr;
  std::vector<uint8_t> in_time;     // per token: inside a time record
  /// Per time record (Analysis::times): its tokens, [first, last) = those
  /// that begin inside its span.
  struct TimeTokens { size_t first = 0, last = 0; };
  std::vector<TimeTokens> time_tokens;
  /// Per token: sentence index; empty when `sentences_in_order` (then
  /// SentenceOf searches the sentences instead).
  std::vector<uint32_t> sentence;
  bool sentences_in_order = false;  // every sentence non-empty, in token order

  /// The sentence of token k; a token outside every sentence takes the one
  /// before it (0 before the first).
  uint32_t SentenceOf(size_t k) const {
    if (!sentences_in_order) return sentence[k];
    const std::vector<Sentence>& ss = a->sentences;
    auto it = std::upper_bound(ss.begin(), ss.end(), k,
                               [](size_t v, const Sentence& x) { return v < x.first_token; });
    return it == ss.begin() ? 0 : static_cast<uint32_t>(it - ss.begin() - 1);
  }

  size_t size() const { return a->tokens.size(); }
  const Token& tok(size_t i) const { return a->tokens[i]; }
  std::string_view norm(size_t i) const { return i < size() ? a->Norm(a->tokens[i]) : std::string_view(); }
  std::string_view surface(size_t i) const {
    return i < size() ? Slice(text, a->tokens[i].span) : std::string_view();
  }
  /// The longest entry of `table` on the norms from token i, nullptr if
  /// none: the first word's hash is tested first (most tokens start none).
  const PhraseEntry* PhraseAt(const PhraseTable& table, size_t i, size_t* len) const {
    if (i >= size() || !table.MayStartWith(NormHash(*a, i))) return nullptr;
    return table.LongestAt(i, size(), [this](size_t k) { return norm(k); }, len);
  }
  /// Token i follows token i-1 with no white space between.
  bool glued(size_t i) const { return i < size() && i > 0 && !(tok(i).flags & kTokenSpaceBefore); }
  bool is(size_t i, TokenKind k) const { return i < size() && tok(i).kind == k; }
};

/// A number found at a token.
struct NumberMatch {
  size_t first = 0, last = 0;  // tokens [first, last)
  Decimal value;               // exact value when `exact`
  bool exact = true;
  double approx = 0;           // the value when not exact (2/3)
  bool ordinal = false;
  bool words = false;          // spelled out, at least in part
  bool negative = false;
  /// Letters glued to the digits of the last token that are not part of the
  /// number ("km" in "1.5km", "usd" in "115USD", "pm", "s" of "1990s").
  std::string suffix;
  bool suffix_upper = false;   // the suffix was written in capitals ("10M")

  double Value() const { return exact ? value.ToDouble() : approx; }
  std::string Exact() const { return exact ? value.ToString() : std::string(); }
};

/// Parses the number starting at token i (a minus sign or "minus" included);
/// false if none starts there.
bool ParseNumberAt(const FigureDoc& doc, size_t i, NumberMatch* out);

/// Multiplies the match by a scale word at token k ("million", "bn"); false
/// if k is no scale word.
bool ApplyScaleWord(const FigureDoc& doc, size_t k, NumberMatch* m);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_FIGURES_NUMBERS_H_
