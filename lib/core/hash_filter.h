// HashFilter: a 32 Kbit set of HashWord bits (core/hash.h) in front of a
// word table, tested with the token's precomputed norm hash (NormHash): one
// bit test rejects most words. False positives are possible (about one word
// in 150 for a table of 200 words); false negatives are not.
#ifndef COMMUNIQUE_LIB_CORE_HASH_FILTER_H_
#define COMMUNIQUE_LIB_CORE_HASH_FILTER_H_

#include <array>
#include <cstdint>
#include <string_view>

#include "core/hash.h"

namespace communique::internal {

class HashFilter {
 public:
  void Add(std::string_view word) { AddHash(HashWord(word)); }
  void AddHash(uint64_t h) {
    const uint64_t b = Bit(h);
    bits_[b / 64] |= uint64_t{1} << (b % 64);
  }
  bool MayContain(uint64_t h) const {
    const uint64_t b = Bit(h);
    return (bits_[b / 64] >> (b % 64)) & 1;
  }

 private:
  static constexpr uint64_t kBits = uint64_t{1} << 15;
  // High bits: the low ones index the open-addressing tables keyed by the
  // same hash.
  static uint64_t Bit(uint64_t h) { return (h >> 40) & (kBits - 1); }
  std::array<uint64_t, kBits / 64> bits_{};
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_CORE_HASH_FILTER_H_
