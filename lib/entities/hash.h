// Internal: the hash tables of the entity stage (phrase-trie words,
// gazetteer words, tagger features), keyed by HashWord (core/hash.h).
#ifndef COMMUNIQUE_LIB_ENTITIES_HASH_H_
#define COMMUNIQUE_LIB_ENTITIES_HASH_H_

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "../core/hash.h"  // MixHash, HashWord (relative: unit tests include this file)

namespace communique::internal {

/// ASCII A-Z lowered in eight bytes at once (other bytes kept).
inline uint64_t LowerAsciiWord8(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const uint64_t low7 = w & ~kHigh;
  const uint64_t ge_a = low7 + (0x80 - 'A') * kOnes;      // high bit: byte >= 'A'
  const uint64_t gt_z = low7 + (0x80 - 'Z' - 1) * kOnes;  // high bit: byte > 'Z'
  return w | (((ge_a & ~gt_z & ~w) & kHigh) >> 2);         // ASCII upper: | 0x20
}

/// HashWord of the ASCII-lower-cased string, without a copy: the same
/// steps as HashWord on each lowered eight-byte word.
inline uint64_t HashLowerWord(std::string_view s) { return HashWordMapped(s, LowerAsciiWord8); }

/// HashWord of `a` + `b` + `c` (an entity's registry key, "p:" + name),
/// concatenated on the stack when short.
inline uint64_t HashJoined(std::string_view a, std::string_view b, std::string_view c = {}) {
  char buf[256];
  const size_t n = a.size() + b.size() + c.size();
  if (n > sizeof buf) return HashWord(std::string(a) + std::string(b) + std::string(c));
  size_t at = 0;
  for (std::string_view part : {a, b, c}) {
    if (part.empty()) continue;  // an empty view may hold a null pointer: no memcpy
    std::memcpy(buf + at, part.data(), part.size());
    at += part.size();
  }
  return HashWord(std::string_view(buf, n));
}

/// A flat open-addressing map from word hashes (never 0) to small values.
/// Key and value share a slot: a found key costs one cache line, not two.
template <typename V>
class HashMap64 {
 public:
  /// The value of `key`, or nullptr.
  const V* Find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    for (size_t s = key & mask_;; s = (s + 1) & mask_) {
      if (slots_[s].key == key) return &slots_[s].value;
      if (slots_[s].key == 0) return nullptr;
    }
  }
  /// The value of `key`, inserted as V{} if absent.
  V& operator[](uint64_t key) {
    if ((count_ + 1) * 2 > slots_.size()) Grow();
    size_t s = key & mask_;
    for (; slots_[s].key != 0; s = (s + 1) & mask_)
      if (slots_[s].key == key) return slots_[s].value;
    slots_[s].key = key;
    ++count_;
    return slots_[s].value;
  }
  void Reserve(size_t n) {
    size_t want = 16;
    while (want < n * 2) want *= 2;
    if (want > slots_.size()) Rehash(want);
  }
  size_t size() const { return count_; }

 private:
  struct Slot {
    uint64_t key = 0;  ///< 0: empty
    V value{};
  };
  void Grow() { Rehash(slots_.empty() ? 16 : slots_.size() * 2); }
  void Rehash(size_t slots) {
    std::vector<Slot> old(slots);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    count_ = 0;
    for (Slot& o : old)
      if (o.key != 0) (*this)[o.key] = std::move(o.value);
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0, count_ = 0;
};

/// Whether the first n bytes (n <= 24) at `a` and `b` are equal, without a
/// memcmp call (it costs more than a short word): two or three fixed-size
/// loads per side, overlapping in the middle, none outside [a, a + n) or [b, b + n).
inline bool SameShortBytes(const char* a, const char* b, size_t n) {
  auto differ = [&](size_t at, auto zero) {  // the sizeof(zero) bytes at `at` differ
    decltype(zero) x, y;
    std::memcpy(&x, a + at, sizeof x);
    std::memcpy(&y, b + at, sizeof y);
    return x ^ y;
  };
  if (n >= 8) {
    uint64_t d = differ(0, uint64_t{}) | differ(n - 8, uint64_t{});
    if (n > 16) d |= differ(8, uint64_t{});
    return d == 0;
  }
  if (n >= 4) return (differ(0, uint32_t{}) | differ(n - 4, uint32_t{})) == 0;
  if (n >= 2) return (differ(0, uint16_t{}) | differ(n - 2, uint16_t{})) == 0;
  return n == 0 || a[0] == b[0];
}

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_ENTITIES_HASH_H_
