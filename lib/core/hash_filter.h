// Bit filters in front of hash tables: one bit test rejects most lookups.
// False positives are possible, false negatives are not.
#ifndef COMMUNIQUE_LIB_CORE_HASH_FILTER_H_
#define COMMUNIQUE_LIB_CORE_HASH_FILTER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/hash.h"

namespace communique::internal {

/// 2^kLog2Bits bits; a hash sets bit (h >> kShift) mod 2^kLog2Bits. Pick
/// hash bits that the filtered table does not index by (its low bits).
template <unsigned kLog2Bits, unsigned kShift>
class BitFilter {
 public:
  void AddHash(uint64_t h) { words_[Bit(h) / 64] |= uint64_t{1} << (Bit(h) % 64); }
  bool MayContain(uint64_t h) const { return (words_[Bit(h) / 64] >> (Bit(h) % 64)) & 1; }
  void Clear() { words_.assign(words_.size(), 0); }

 private:
  static constexpr uint64_t kBits = uint64_t{1} << kLog2Bits;
  static_assert(kBits >= 64 && kLog2Bits + kShift <= 64);
  static uint64_t Bit(uint64_t h) { return (h >> kShift) & (kBits - 1); }
  std::vector<uint64_t> words_ = std::vector<uint64_t>(kBits / 64, 0);
};

/// A 32 Kbit set of HashWord bits (core/hash.h) in front of a word table,
/// tested with the token's precomputed norm hash (NormHash). About one word
/// in 150 is a false positive for a table of 200 words.
class HashFilter : public BitFilter<15, 40> {
 public:
  void Add(std::string_view word) { AddHash(HashWord(word)); }
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_CORE_HASH_FILTER_H_
