// Internal UTF-8 helpers: validation and decoding with U+FFFD repair.
#ifndef COMMUNIQUE_LIB_CORE_UTF8_H_
#define COMMUNIQUE_LIB_CORE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "communique/span.h"

namespace communique::internal {

inline constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
  char32_t cp;   ///< the code point, or kReplacement for an ill-formed sequence
  uint32_t len;  ///< bytes consumed (>= 1); an ill-formed sequence is its maximal subpart
  bool valid;
};

/// Decodes the code point at text[pos]. REQUIRES pos < text.size().
Decoded DecodeAt(std::string_view text, size_t pos) noexcept;

/// Offset of the first invalid byte, or text.size() if all of it is UTF-8.
size_t FirstInvalidUtf8(std::string_view text) noexcept;

/// Spans of every ill-formed sequence (maximal subparts), at most `limit`;
/// *total receives the full count.
std::vector<Span> InvalidUtf8Spans(std::string_view text, size_t limit,
                                   size_t* total);

/// Appends the UTF-8 encoding of cp.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_CORE_UTF8_H_
