// WordFilter: two 4 KB bitsets that answer "could this word be in the set?"
// from its length and its first, second, next-to-last and last bytes,
// without hashing the word. Stages put
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
    uint32_t k2 = Key2(word);
    inner_[k2 >> 6] |= uint64_t{1} << (k2 & 63);
  }
  bool MayContain(std::string_view word) const {
    uint32_t k = Key(word);
    if (!((bits_[k >> 6] >> (k & 63)) & 1)) return false;
    uint32_t k2 = Key2(word);
    return (inner_[k2 >> 6] >> (k2 & 63)) & 1;
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
  // The same with the second and the next-to-last byte: most words that pass
  // the first test fail this one.
  static uint32_t Key2(std::string_view w) {
    if (w.size() < 2) return Key(w);
    uint32_t len = w.size() < 31 ? static_cast<uint32_t>(w.size()) : 31;
    auto second = static_cast<uint32_t>(static_cast<unsigned char>(w[1]));
    auto before_last = static_cast<uint32_t>(static_cast<unsigned char>(w[w.size() - 2]));
    return (len << 10) | ((second & 31) << 5) | (before_last & 31);
  }
  std::array<uint64_t, (32u << 10) / 64> bits_{};
  std::array<uint64_t, (32u << 10) / 64> inner_{};
};

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_CORE_WORD_FILTER_H_
