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

/// A default-constructed Word is left unset, so that BuildWords can size its
/// vector without a pass of stores; it then writes every field of every word.
struct Word {
  Word() {}  // NOLINT: deliberately leaves the fields unset
  Word(uint32_t b, uint32_t e, std::string_view k, uint64_t h, Shape s, bool start, bool poss,
       bool word, uint32_t sent)
      : begin(b), end(e), key(k), hash(h), shape(s), sentence_start(start), possessive(poss),
        is_word(word), sentence(sent) {}
  uint32_t begin, end;  ///< surface bytes (possessive excluded)
  // In an anonymous union so that Word() does not construct it either
  // (string_view's constructor would zero it); used as a plain member.
  union {
    std::string_view key;  ///< normalized text (possessive excluded)
  };
  uint64_t hash;  ///< HashWord(key): the token's norm hash when the word is a whole token
  Shape shape;
  bool sentence_start;   ///< first word of its sentence
  bool possessive;       ///< a clitic 's / ' was cut off
  bool is_word;          ///< a TokenKind::kWord token (or part of one)
  uint32_t sentence;     ///< index into Analysis::sentences
};

/// The words of a document, in order, into `words` (its old content is
/// dropped; its capacity is reused). Linear in the token count. `starts`
/// receives the index of each word with sentence_start set, in order: the
/// sentence boundaries FindHits matches within.
void BuildWords(std::string_view text, const Analysis& a, std::vector<Word>* words,
                std::vector<uint32_t>* starts);

/// Shape of a surface string (ASCII letters decide; other letters count as
/// capital only when `token_capitalized`).
Shape ShapeOf(std::string_view surface, bool token_capitalized, bool token_all_upper);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_WORDS_H_
