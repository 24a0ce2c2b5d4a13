// The entity stage's word hash (lib/entities/hash.h, header-only): the tail
// of a word is read without a byte loop; it must hash exactly as the plain
// little-endian byte loop does, for every length.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "../../lib/entities/hash.h"

namespace {

uint64_t ReferenceHash(std::string_view s) {
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
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  h = communique::internal::MixHash(h ^ v);
  return h == 0 ? 1 : h;
}

}  // namespace

TEST_SUITE("entities") {

TEST_CASE("HashWord equals the byte-loop hash for every length and byte") {
  std::string s;
  for (size_t len = 0; len <= 40; ++len) {
    s.assign(len, 'a');
    for (size_t i = 0; i < len; ++i) s[i] = static_cast<char>('a' + (i * 7 + len) % 26);
    CHECK(communique::internal::HashWord(s) == ReferenceHash(s));
    if (len > 0) {
      s[len - 1] = '\xE2';  // high bytes in the tail
      s[len / 2] = '\x80';
      CHECK(communique::internal::HashWord(s) == ReferenceHash(s));
    }
  }
  CHECK(communique::internal::HashWord("ab") != communique::internal::HashWord("ba"));
  CHECK(communique::internal::HashWord("") != 0);
}

TEST_CASE("HashLowerWord is HashWord of the ASCII-lower-cased string") {
  using communique::internal::HashLowerWord;
  using communique::internal::HashWord;
  // Every byte value at every position of words of 0..20 bytes.
  for (size_t len = 0; len <= 20; ++len) {
    for (int b = 0; b < 256; ++b) {
      std::string s(len, 'Q');
      for (size_t i = 0; i < len; ++i) s[i] = static_cast<char>("aZ@[`{\x80\xC3Mz"[(i + len) % 10]);
      if (len > 0) s[static_cast<size_t>(b) % len] = static_cast<char>(b);
      std::string lower = s;
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      CHECK(HashLowerWord(s) == HashWord(lower));
    }
  }
  CHECK(HashLowerWord("Moscow") == HashWord("moscow"));
  CHECK(HashLowerWord("U.S.-RUSSIA") == HashWord("u.s.-russia"));
}

TEST_CASE("HashJoined hashes the concatenation") {
  using communique::internal::HashJoined;
  using communique::internal::HashWord;
  CHECK(HashJoined("p:", "Anatoly Antonov") == HashWord("p:Anatoly Antonov"));
  CHECK(HashJoined("l:", "Paris", ":m") == HashWord("l:Paris:m"));
  const std::string long_name(300, 'x');
  CHECK(HashJoined("o:", long_name) == HashWord("o:" + long_name));
}

}  // TEST_SUITE

TEST_CASE("HashJoined of empty parts equals HashWord of the joined string") {
  using communique::internal::HashJoined;
  using communique::internal::HashWord;
  CHECK(HashJoined("p:", "Lavrov") == HashWord("p:Lavrov"));
  CHECK(HashJoined("p:", "Lavrov", std::string_view()) == HashWord("p:Lavrov"));
  CHECK(HashJoined(std::string_view(), "l:", "Kyiv") == HashWord("l:Kyiv"));
  CHECK(HashJoined(std::string_view(), std::string_view()) == HashWord(""));
}

TEST_CASE("SameShortBytes agrees with memcmp for every length up to 24 and every differing byte") {
  using communique::internal::SameShortBytes;
  // Each word in a buffer of its own size: ASan sees a read past either end.
  for (size_t n = 0; n <= 24; ++n) {
    std::vector<char> a(n), b(n);
    for (size_t k = 0; k < n; ++k) a[k] = b[k] = static_cast<char>('a' + k);
    CHECK(SameShortBytes(a.data(), b.data(), n));
    for (size_t k = 0; k < n; ++k) {
      b[k] = 'Z';
      CHECK_FALSE(SameShortBytes(a.data(), b.data(), n));
      b[k] = a[k];
    }
  }
}
