// Building Figure records around numbers: currency, percent and units of
// measure (measures.cc), the counted noun, "N of them" and elliptical
// parallels (counted.cc), and the time record of the clause (time_link.cc).
#ifndef COMMUNIQUE_LIB_FIGURES_ASSEMBLE_H_
#define COMMUNIQUE_LIB_FIGURES_ASSEMBLE_H_

#include <string>
#include <vector>

#include "communique/figure.h"
#include "figures/numbers.h"

namespace communique::internal {

/// A figure under construction with its token extent.
struct FigureDraft {
  Figure fig;
  size_t first = 0, last = 0;          // tokens of the figure's span [first, last)
  size_t num_first = 0, num_last = 0;  // tokens of the numeral
  bool counted_unit = false;           // unit is a counted noun (not a measure)
  bool needs_unit = false;             // a bare cardinal that may take a unit from context
  uint32_t unit_suffix = 0;            // bytes of a unit glued to the numeral ("km" of "10km")
};

/// Whether a noun names a currency ("dollars", "rubles"); sets its ISO code.
bool CurrencyNoun(const FigureDoc& doc, std::string_view word, std::string* code);

/// Fills value/exact of a draft from a number.
void SetValue(const NumberMatch& m, Figure* f);

/// A currency written before an amount at token i ("$", "US$", "RUB", "€");
/// sets code/unit, the number of tokens and the amount after them (as
/// ParseNumberAt reads it).
bool CurrencyBefore(const FigureDoc& doc, size_t i, std::string* code, std::string* unit, size_t* len,
                    NumberMatch* amount);

/// Percent, currency or unit of measure after (or glued into) the number
/// ending at d->last; extends the draft and sets kind/unit/currency. False
/// when the number is no figure (a suffix like "pm" or "s" in 1990s).
bool AttachMeasure(const FigureDoc& doc, const NumberMatch& m, FigureDraft* d);

/// "30-40", "between 30 and 40", "from 5 to 10 percent": widens d into a range.
void AttachRange(const FigureDoc& doc, FigureDraft* d);

/// The counted noun after a cardinal or vague amount ("35 new requests",
/// "dozens of refugees"), or a partitive ("45 of the requests").
void AttachCountedNoun(const FigureDoc& doc, FigureDraft* d);

/// "forty-five of them": the unit of the plural noun `them` refers to,
/// looking back over a bounded window. `earlier` are the figures so far.
void ResolveOfThem(const FigureDoc& doc, const std::vector<FigureDraft>& earlier, FigureDraft* d);

/// "forty-five of them in 2020, and thirty-five in 2021": a bare cardinal
/// takes the counted unit of the previous figure of its sentence.
void ResolveEllipsis(const FigureDoc& doc, const std::vector<FigureDraft>& earlier, FigureDraft* d);

/// Qualifiers before the figure (about, more than, up to) and change words
/// (rose, a drop of); may move d->first left.
void AttachQualifiers(const FigureDoc& doc, FigureDraft* d);

/// Sets Figure::time for every draft to the time record of its clause.
void LinkTimes(const FigureDoc& doc, std::vector<FigureDraft>* drafts);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_FIGURES_ASSEMBLE_H_
