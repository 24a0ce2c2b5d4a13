// Internal: the 64-bit word hash shared by the stages. The tokenizer stores
// HashWord of every token's normalized form (core/norm_hash.h), and the
// stages' word tables are keyed by it. Tables keyed by the hash alone: two
// different words share a hash with probability about 2^-64 per pair.
#ifndef COMMUNIQUE_LIB_CORE_HASH_H_
#define COMMUNIQUE_LIB_CORE_HASH_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace communique::internal {

inline uint64_t MixHash(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// HashWord's constants: the tokenizer computes the same hash while it copies
// a norm (lib/tokenize/tokenizer.cc, AppendNorm).
inline constexpr uint64_t kHashSeed = 0x9e3779b97f4a7c15ULL;
inline constexpr uint64_t kHashLengthFactor = 0xff51afd7ed558ccdULL;
inline constexpr uint64_t kHashChunkFactor = 0x9fb21c651e98df25ULL;

/// Hash of a byte string, eight bytes at a time; never 0. Equals:
///   h = kHashSeed ^ (n * kHashLengthFactor);
///   per whole 8-byte word w (little-endian): h = (h ^ w) * kHashChunkFactor; h ^= h >> 31;
///   h = MixHash(h ^ tail), tail = the last n % 8 bytes, little-endian, zero-padded;
///   0 becomes 1.
/// `map` is applied to every eight-byte word (and the zero-padded tail)
/// before it is mixed in; HashWord maps nothing.
template <typename WordMap>
inline uint64_t HashWordMapped(std::string_view s, WordMap map) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = kHashSeed ^ (static_cast<uint64_t>(n) * kHashLengthFactor);
  while (n >= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    h = (h ^ map(v)) * kHashChunkFactor;
    h ^= h >> 31;
    p += 8;
    n -= 8;
  }
  // The last n < 8 bytes, little-endian, without a byte loop: two
  // overlapping 4-byte loads (n >= 4) or up to three single bytes.
  uint64_t v = 0;
  if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    v = lo | (static_cast<uint64_t>(hi) << (8 * (n - 4)));
  } else {
    switch (n) {
      case 3: v |= static_cast<uint64_t>(static_cast<unsigned char>(p[2])) << 16; [[fallthrough]];
      case 2: v |= static_cast<uint64_t>(static_cast<unsigned char>(p[1])) << 8; [[fallthrough]];
      case 1: v |= static_cast<uint64_t>(static_cast<unsigned char>(p[0])); break;
      default: break;
    }
  }
  h = MixHash(h ^ map(v));
  return h == 0 ? 1 : h;
}

inline uint64_t HashWord(std::string_view s) {
  return HashWordMapped(s, [](uint64_t w) { return w; });
}

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_CORE_HASH_H_
