// Fractions spelled with an ordinal denominator ("three twenty-firsts", "a
// twenty-first", "one hundred and thirty fifths") and the separators of
// fractions written with a preposition ("one over three", "1 in 21").
#ifndef COMMUNIQUE_LIB_FIGURES_FRACTIONS_H_
#define COMMUNIQUE_LIB_FIGURES_FRACTIONS_H_

#include <cstdint>

#include "figures/numbers.h"

namespace communique::internal {

struct OrdinalFraction {
  size_t first = 0, last = 0;    // tokens [first, last)
  uint64_t whole = 0, numerator = 0, denominator = 1;
  bool mixed = false;            // "whole and numerator/denominator"
  size_t numerator_words = 0, denominator_words = 0;
  bool article = false;          // "a twenty-first"
  bool plural = false;           // "fifths"
};

/// A fraction of number words ending in an ordinal at token j (before `limit`).
bool ParseOrdinalFraction(const FigureDoc& doc, size_t j, size_t limit, OrdinalFraction* out);

/// "over", "in" or "out of" at token k; *sep_len is its length in tokens.
bool ParsePrepositionFraction(const FigureDoc& doc, size_t k, size_t limit, size_t* sep_len);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_FIGURES_FRACTIONS_H_
