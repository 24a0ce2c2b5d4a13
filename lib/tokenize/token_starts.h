// Internal: per-token "may start" bits (Analysis::token_starts), set by the
// tokenizer so that the stages that look for where their work may start
// jump over the tokens that cannot start it, sixteen at a time, instead of
// each testing every token:
//
//   for (size_t i = NextStart<kStartCue>(starts, size, first, end); i < end;
//        i = NextStart<kStartCue>(starts, size, i + 1, end))
//     ... the stage's own exact test of token i ...
//
// A bit that words set (kStartFigure, kStartCue, kStartMarker) is a
// superset: set on every token the stage's own test may accept and on a few
// more (words share slots), so the stage still tests each token it lands on.
// The bits made from a token's own bytes and fields alone (kStartName,
// kStartBreak, kStartCapital, kStartQuote) are exactly the test they name.
#ifndef COMMUNIQUE_LIB_TOKENIZE_TOKEN_STARTS_H_
#define COMMUNIQUE_LIB_TOKENIZE_TOKEN_STARTS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "communique/analysis.h"

namespace communique::internal {

/// The bits of Analysis::token_starts, one per kind of work.
enum TokenStart : uint8_t {
  /// The first byte may start a name (ner::CanStart: A-Z, or a lead byte
  /// C3-DF): the tagger's candidates.
  kStartName = 1,
  /// May start a figure (figures' SkipToCandidate): a word added by the
  /// figures stage, a hyphenated word, a capitalized word of three bytes (an
  /// ISO code's shape), a "-" or "." mark, or a token of another kind than
  /// word, punctuation and quote.
  kStartFigure = 2,
  /// A word added by the quotes stage (the first word of a speech cue).
  kStartCue = 4,
  /// A word added by the claims stage (a negation or hedge), or a token
  /// with a clitic.
  kStartMarker = 8,
  /// May stop the segmenter's run of plain tokens: starts a line or a
  /// paragraph, is an abbreviation, or is punctuation whose first byte may
  /// end a sentence (. ? ! or the lead byte of …).
  kStartBreak = 16,
  /// A word written with a capital (kTokenCapitalized or kTokenAllUpper):
  /// the entity stage's CapitalTokens.
  kStartCapital = 32,
  /// A quotation mark (TokenKind::kQuote): the quotes stage's marks.
  kStartQuote = 64,
  /// A word added by the times stage (a form of its lexicon, also before
  /// "." or "'s"): the words Lexicon::Atoms looks up.
  kStartTime = 128,
};

/// Words (by HashWord) that may start a stage's work, kept as the TokenStart
/// bits of a slot chosen by the hash's top bits: 16 KB, so about one other
/// word in 16,384 per listed word shares a slot. Filled while the Analyzer
/// is built, then read-only (safe for concurrent use).
class StartWords {
 public:
  static constexpr unsigned kLog2Slots = 14;
  void Add(uint64_t hash, TokenStart bit) { slots_[Slot(hash)] |= bit; }
  uint8_t Of(uint64_t hash) const { return slots_[Slot(hash)]; }
  /// Of(hash) is slots()[hash >> kSlotShift].
  static constexpr unsigned kSlotShift = 64 - kLog2Slots;
  const uint8_t* slots() const { return slots_.data(); }

 private:
  static size_t Slot(uint64_t hash) { return static_cast<size_t>(hash >> kSlotShift); }
  std::vector<uint8_t> slots_ = std::vector<uint8_t>(size_t{1} << kLog2Slots, 0);
};

/// The token starts of `a`, or nullptr when they do not cover a.tokens
/// (tokens built by hand): then test every token.
inline const uint8_t* TokenStarts(const Analysis& a) {
  return a.token_starts.size() == a.tokens.size() && !a.tokens.empty() ? a.token_starts.data() : nullptr;
}

/// The first index in [i, end) whose byte has `kBit`, or end. `size`: the
/// bytes readable from `starts` (end <= size); sixteen are tested at a time
/// while sixteen lie below size.
template <TokenStart kBit>
inline size_t NextStart(const uint8_t* starts, size_t size, size_t i, size_t end) {
#if defined(__SSE2__)
  static_assert(kBit != 0 && (kBit & (kBit - 1)) == 0);
  constexpr int kShift = 7 - __builtin_ctz(kBit);  // the bit to bit 7 of its byte
  while (i < end && i + 16 <= size) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(starts + i));
    const auto m = static_cast<uint32_t>(_mm_movemask_epi8(_mm_slli_epi16(v, kShift)));
    if (m) {
      const size_t k = i + static_cast<size_t>(__builtin_ctz(m));
      return k < end ? k : end;
    }
    i += 16;
  }
#else
  (void)size;
#endif
  while (i < end && !(starts[i] & kBit)) ++i;
  return i < end ? i : end;
}

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_TOKENIZE_TOKEN_STARTS_H_
