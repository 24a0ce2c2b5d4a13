// Internal seam: each extractor after tokenizing is a Stage, built once with
// the Analyzer (immutable, shared by threads) and run on one document at a
// time. Tests may build a stage alone through its factory.
#ifndef COMMUNIQUE_LIB_CORE_STAGE_H_
#define COMMUNIQUE_LIB_CORE_STAGE_H_

#include <memory>
#include <string_view>

#include "communique/analysis.h"
#include "communique/analyzer.h"
#include "communique/status.h"
#include "core/scratch.h"

namespace communique::internal {

class StartWords;  // tokenize/token_starts.h

class Stage {
 public:
  virtual ~Stage() = default;
  /// Adds this stage's records to *a. `text` is the whole document;
  /// a->tokens, sentences, paragraphs, header and earlier stages' records are
  /// filled. Must be linear (or n log n) in the text and never fail.
  /// `scratch`: this stage's slot in the calling Session (see scratch.h).
  virtual void Run(std::string_view text, Analysis* a, ScratchSlot* scratch) const = 0;
  /// Adds the words that may start this stage's work to the tokenizer's
  /// StartWords (Analysis::token_starts), once while the Analyzer is built.
  virtual void AddStartWords(StartWords*) const {}
};

/// Factories, one per extractor (lib/<stage>/). Errors: kDataLoadFailed.
Result<std::unique_ptr<Stage>> CreateTimeStage(const Options& options);
Result<std::unique_ptr<Stage>> CreateFigureStage(const Options& options);
Result<std::unique_ptr<Stage>> CreateEntityStage(const Options& options);
Result<std::unique_ptr<Stage>> CreateQuoteStage(const Options& options);  ///< quotes
Result<std::unique_ptr<Stage>> CreateClaimStage(const Options& options);  ///< claims

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_CORE_STAGE_H_
