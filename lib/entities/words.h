// Internal: the word sequence the entity stage matches on. A word is a token,
// or one part of a hyphenated token ("Russia-U.S." is already three tokens;
// "pro-Beijing" becomes "pro", "-", "Beijing"), with a possessive clitic cut
// off ("Russia’s" -> "Russia"). Keys are the tokens' normalized (case-folded)
// text and point into Analysis::norm_pool.
#ifndef COMMUNIQUE_LIB_ENTITIES_WORDS_H_
#define COMMUNIQUE_LIB_ENTITIES_WORDS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "communique/analysis.h"

namespace communique::internal {

/// Letter case of a word's surface form.
enum class Shape : uint8_t {
  kLower,   ///< starts with a lower-case letter, or no letter at all
  kCapital, ///< starts with an upper-case letter
  kUpper,   ///< two or more letters, all upper case (US, NATO, U.S.)
};

struct Word {
  uint32_t begin = 0, end = 0;  ///< surface bytes (possessive excluded)
  std::string_view key;         ///< normalized text (possessive excluded)
  Shape shape = Shape::kLower;
  bool sentence_start = false;  ///< first word of its sentence
  bool possessive = false;      ///< a clitic 's / ' was cut off
  bool is_word = false;         ///< a TokenKind::kWord token (or part of one)
  uint32_t sentence = 0;        ///< index into Analysis::sentences
};

/// The words of a document, in order. Linear in the token count.
std::vector<Word> BuildWords(std::string_view text, const Analysis& a);

/// Shape of a surface string (ASCII letters decide; other letters count as
/// capital only when `token_capitalized`).
Shape ShapeOf(std::string_view surface, bool token_capitalized, bool token_all_upper);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_WORDS_H_
