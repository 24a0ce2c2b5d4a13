// Internal: the hash tables of the entity stage (phrase-trie words,
// gazetteer words, tagger features), keyed by HashWord (core/hash.h).
#ifndef COMMUNIQUE_LIB_ENTITIES_HASH_H_
#define COMMUNIQUE_LIB_ENTITIES_HASH_H_

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "../core/hash.h"  // MixHash, HashWord (relative: unit tests include this file)

namespace communique::internal {

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
