// communique/analysis.h: the owning bundle of every record of one document.
//
//   communique::Analysis a;
//   communique::Status s = session.Analyze(text, {}, &a);
//   for (const communique::Sentence& sent : a.sentences) ...
//
// Analysis is plain data: copyable, owning nothing that points into the
// Analyzer or the input text. Session::Analyze() refills it (clear() keeps
// capacity, so reusing one Analysis per thread avoids allocations).
// Each vector is sorted by span.begin; all cross references are indices.
#ifndef COMMUNIQUE_ANALYSIS_H_
#define COMMUNIQUE_ANALYSIS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "communique/claim.h"
#include "communique/config.h"
#include "communique/document.h"
#include "communique/entity.h"
#include "communique/figure.h"
#include "communique/quote.h"
#include "communique/span.h"
#include "communique/status.h"
#include "communique/time.h"
#include "communique/token.h"

COMMUNIQUE_BEGIN_NAMESPACE

/// A non-fatal finding: repaired bytes, an unbalanced quote, a limit reached.
struct Diagnostic {
  ErrorCode code = ErrorCode::kOk;
  Span span;
  std::string message;
};

struct Analysis {
  std::string id;                       ///< DocumentInfo::id, copied
  DocumentHeader header;
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Turn> turns;
  std::vector<TimeExpression> times;
  std::vector<Figure> figures;
  std::vector<Entity> entities;         ///< sorted by first mention
  std::vector<Quote> quotes;
  std::vector<Claim> claims;
  std::vector<Diagnostic> diagnostics;
  std::string norm_pool;                ///< storage of Token::norm
  /// A 64-bit hash of each token's Norm(), parallel to `tokens`; filled by
  /// the tokenizer for the library's own word lookups (the values may change
  /// between versions: do not store them).
  std::vector<uint64_t> norm_hashes;
  /// Per token, bits that tell the library's own scans which tokens may
  /// start their work, parallel to `tokens`; filled by the tokenizer (the
  /// values may change between versions: do not store them).
  std::vector<uint8_t> token_starts;

  /// The normalized form of a token of this analysis.
  std::string_view Norm(const Token& t) const noexcept {
    return std::string_view(norm_pool).substr(t.norm.begin, t.norm.size());
  }
  /// Empties every vector, keeping capacity.
  COMMUNIQUE_API void Clear() noexcept;
};

COMMUNIQUE_END_NAMESPACE

#endif  // COMMUNIQUE_ANALYSIS_H_
