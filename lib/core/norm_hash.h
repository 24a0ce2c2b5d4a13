// Internal: the hash of each token's normalized form, computed once by the
// tokenizer while it writes the norm (Analysis::norm_hashes, parallel to
// Analysis::tokens). Stages key their word tables by HashWord (core/hash.h)
// and look a token up by NormHash instead of hashing its norm again:
//
//   const uint64_t h = NormHash(a, i);       // == HashWord(a.Norm(a.tokens[i]))
//   if (const Entry* e = table.Find(h)) ...  // verify e's string if it matters
#ifndef COMMUNIQUE_LIB_CORE_NORM_HASH_H_
#define COMMUNIQUE_LIB_CORE_NORM_HASH_H_

#include <cstddef>
#include <cstdint>

#include "communique/analysis.h"
#include "core/hash.h"

namespace communique::internal {

/// HashWord(a.Norm(a.tokens[i])). REQUIRES i < a.tokens.size(). Hashes on
/// the fly if the tokens were not made by the tokenizer (hand-built tests).
inline uint64_t NormHash(const Analysis& a, size_t i) {
  return i < a.norm_hashes.size() ? a.norm_hashes[i] : HashWord(a.Norm(a.tokens[i]));
}
/// The same for a token of a.tokens.
inline uint64_t NormHash(const Analysis& a, const Token& t) {
  return NormHash(a, static_cast<size_t>(&t - a.tokens.data()));
}
/// All hashes, or nullptr when they do not cover a.tokens (then use NormHash).
inline const uint64_t* NormHashes(const Analysis& a) {
  return a.norm_hashes.size() == a.tokens.size() ? a.norm_hashes.data() : nullptr;
}

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_CORE_NORM_HASH_H_
