// Internal: the 64-bit string hash of the entity stage (phrase-trie words,
// gazetteer words, tagger features). Tables keyed by it keep only the hash:
// two different words share a hash with probability about 2^-64 per pair.
#ifndef COMMUNIQUE_LIB_ENTITIES_HASH_H_
#define COMMUNIQUE_LIB_ENTITIES_HASH_H_

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace communique::internal {

inline uint64_t MixHash(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

/// Hash of a byte string, eight bytes at a time; never 0.
inline uint64_t HashWord(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ (static_cast<uint64_t>(n) * 0xff51afd7ed558ccdULL);
  while (n >= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    h = (h ^ v) * 0x9fb21c651e98df25ULL;
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
  h = MixHash(h ^ v);
  return h == 0 ? 1 : h;
}

/// A flat open-addressing map from word hashes (never 0) to small values.
template <typename V>
class HashMap64 {
 public:
  /// The value of `key`, or nullptr.
  const V* Find(uint64_t key) const {
    if (keys_.empty()) return nullptr;
    for (size_t s = key & mask_;; s = (s + 1) & mask_) {
      if (keys_[s] == key) return &values_[s];
      if (keys_[s] == 0) return nullptr;
    }
  }
  /// The value of `key`, inserted as V{} if absent.
  V& operator[](uint64_t key) {
    if ((count_ + 1) * 2 > keys_.size()) Grow();
    size_t s = key & mask_;
    for (; keys_[s] != 0; s = (s + 1) & mask_)
      if (keys_[s] == key) return values_[s];
    keys_[s] = key;
    ++count_;
    return values_[s];
  }
  void Reserve(size_t n) {
    size_t want = 16;
    while (want < n * 2) want *= 2;
    if (want > keys_.size()) Rehash(want);
  }
  size_t size() const { return count_; }

 private:
  void Grow() { Rehash(keys_.empty() ? 16 : keys_.size() * 2); }
  void Rehash(size_t slots) {
    std::vector<uint64_t> old_keys(slots, 0);
    std::vector<V> old_values(slots);
    old_keys.swap(keys_);
    old_values.swap(values_);
    mask_ = keys_.size() - 1;
    count_ = 0;
    for (size_t i = 0; i < old_keys.size(); ++i)
      if (old_keys[i] != 0) (*this)[old_keys[i]] = std::move(old_values[i]);
  }
  std::vector<uint64_t> keys_;
  std::vector<V> values_;
  size_t mask_ = 0, count_ = 0;
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_HASH_H_
