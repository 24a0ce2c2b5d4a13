// Internal: paragraphs, transcript turns and sentences over the tokens.
#ifndef COMMUNIQUE_LIB_TOKENIZE_SEGMENTER_H_
#define COMMUNIQUE_LIB_TOKENIZE_SEGMENTER_H_

#include <string>
#include <string_view>
#include <unordered_set>

#include "communique/analysis.h"
#include "tokenize/tokenizer.h"

namespace communique::internal {

class Segmenter {
 public:
  /// Loads sentence_starters.tsv and speaker_labels.tsv.
  static Result<std::unique_ptr<Segmenter>> Create(const Tokenizer* tokenizer);

  /// Fills out->paragraphs, out->turns and out->sentences from out->tokens,
  /// starting at the first token at or after body_begin. A sentence longer
  /// than max_sentence_tokens is cut there (with a kLimitReached diagnostic).
  void Segment(std::string_view text, uint32_t body_begin, uint32_t max_sentence_tokens,
               Analysis* out) const;

 private:
  explicit Segmenter(const Tokenizer* tokenizer) : tokenizer_(tokenizer) {}
  /// Number of tokens of a speaker label (`MR PRICE`) at token i, followed by
  /// a colon; 0 if there is none.
  size_t LabelAt(std::string_view text, const Analysis& a, size_t i) const;
  bool BreaksAfter(std::string_view text, const Analysis& a, size_t last, size_t next) const;

  const Tokenizer* tokenizer_;
  std::unordered_set<std::string> starters_;       ///< lower-case words that start sentences
  std::unordered_set<std::string> single_labels_;  ///< one-word labels: QUESTION, Q, MODERATOR
  std::unordered_set<std::string> question_labels_;
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_TOKENIZE_SEGMENTER_H_
