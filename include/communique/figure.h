// communique/figure.h: figures (numbers with what they count).
//
//   for (const communique::Figure& f : analysis.figures)
//     std::cout << f.value << " " << f.unit;   // "35 request", "5000000000 (USD)"
//
// Numbers that belong to other records (years, "six months", Resolution 2231,
// G20) are not figures. Plain data.
#ifndef COMMUNIQUE_FIGURE_H_
#define COMMUNIQUE_FIGURE_H_

#include <cstdint>
#include <string>

#include "communique/config.h"
#include "communique/span.h"

COMMUNIQUE_BEGIN_NAMESPACE

enum class FigureKind : uint8_t {
  kCardinal, kOrdinal, kPercent, kMoney, kQuantity, kRange, kVague,
};

/// Approximation or bound words bound to the figure.
enum class FigureBound : uint8_t {
  kExact,        ///< no qualifier
  kApprox,       ///< about, some, nearly, almost, roughly, around
  kMoreThan,     ///< more than, over, above
  kAtLeast,      ///< at least, no fewer than
  kLessThan,     ///< fewer than, less than, under, below
  kAtMost,       ///< up to, at most, no more than
};

struct Figure {
  Span span;
  FigureKind kind = FigureKind::kCardinal;
  double value = 0;         ///< the number; for ranges and vague amounts, see low/high
  std::string exact;        ///< the exact decimal value as text ("35", "2500000000", "0.75")
  double low = 0, high = 0; ///< bounds for kRange / kVague (equal to value otherwise)
  std::string unit;         ///< lemma of the counted noun or unit of measure ("request", "km")
  std::string currency;     ///< ISO 4217 code for money ("USD"), else empty
  FigureBound bound = FigureBound::kExact;
  int8_t sign = 0;          ///< -1 for a drop/decrease/negative, +1 for a rise, 0 unknown
  int32_t time = -1;        ///< index into Analysis::times of the time that dates it, or -1
  Span unit_span;           ///< the counted noun in the text (may be outside span: "of them")
  Span number;              ///< the numeral itself ("35" in "35 new requests", "5 billion" in "$5 billion")
  Span bound_span;          ///< the qualifier words ("more than"), empty if none; not inside span
};

COMMUNIQUE_API std::string_view FigureKindName(FigureKind k) noexcept;   ///< "cardinal"
COMMUNIQUE_API std::string_view FigureBoundName(FigureBound b) noexcept; ///< "more_than"

COMMUNIQUE_END_NAMESPACE

#endif  // COMMUNIQUE_FIGURE_H_
