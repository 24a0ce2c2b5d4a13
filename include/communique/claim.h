// communique/claim.h: dated claims: who stated what, when, about which period.
//
//   for (const communique::Claim& c : analysis.claims)
//     std::cout << c.stated_on << " " << c.about << " " << c.figures.size();
//
// One claim per statement unit (a sentence or clause of a quote or of
// reported speech) with at least one figure, time or entity. Plain data.
#ifndef COMMUNIQUE_CLAIM_H_
#define COMMUNIQUE_CLAIM_H_

#include <cstdint>
#include <string>
#include <vector>

#include "communique/config.h"
#include "communique/quote.h"
#include "communique/span.h"

COMMUNIQUE_BEGIN_NAMESPACE

struct Claim {
  Span span;                      ///< the statement unit
  int32_t quote = -1;             ///< index into Analysis::quotes
  int32_t speaker = -1;           ///< index into Analysis::entities
  Span cue;
  QuoteKind kind = QuoteKind::kDirect;
  std::string stated_on;          ///< ISO date the statement was made
  std::string about;              ///< TIMEX3 value of the period it is about
  std::vector<uint32_t> figures;  ///< indices into Analysis::figures
  std::vector<uint32_t> times;    ///< indices into Analysis::times
  std::vector<uint32_t> entities; ///< indices into Analysis::entities
  bool negated = false;
  std::string hedge;              ///< "allegedly", "reportedly", "may"; empty if none
  std::vector<uint32_t> restates; ///< indices of earlier claims it restates
};

COMMUNIQUE_END_NAMESPACE

#endif  // COMMUNIQUE_CLAIM_H_
