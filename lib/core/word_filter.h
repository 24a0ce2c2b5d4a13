// WordFilter: a 4 KB bitset that answers "could this word be in the set?"
// from its length, first and last byte, without hashing the word. Stages put
// it in front of their hash tables: most words of running text start nothing,
// and a miss here costs a few instructions instead of a string hash and a
// bucket walk. False positives are possible (the table lookup follows);
// false negatives are not.
#ifndef COMMUNIQUE_LIB_CORE_WORD_FILTER_H_
#define COMMUNIQUE_LIB_CORE_WORD_FILTER_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace communique::internal {

class WordFilter {
 public:
  void Add(std::string_view word) {
    uint32_t k = Key(word);
    bits_[k >> 6] |= uint64_t{1} << (k & 63);
  }
  bool MayContain(std::string_view word) const {
    uint32_t k = Key(word);
    return (bits_[k >> 6] >> (k & 63)) & 1;
  }

 private:
  // 5 bits of length (31 = longer), 5 bits each of the first and last byte:
  // lower-case ASCII letters and digits map to distinct values.
  static uint32_t Key(std::string_view w) {
    if (w.empty()) return 0;
    uint32_t len = w.size() < 31 ? static_cast<uint32_t>(w.size()) : 31;
    auto first = static_cast<uint32_t>(static_cast<unsigned char>(w.front()));
    auto last = static_cast<uint32_t>(static_cast<unsigned char>(w.back()));
    return (len << 10) | ((first & 31) << 5) | (last & 31);
  }
  std::array<uint64_t, (32u << 10) / 64> bits_{};
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_CORE_WORD_FILTER_H_
