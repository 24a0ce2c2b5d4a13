#include "core/utf8.h"

#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <utf8proc.h>

namespace communique::internal {

Decoded DecodeAt(std::string_view text, size_t pos) noexcept {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data()) + pos;
  if (*p < 0x80) return {*p, 1, true};
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t remain = static_cast<utf8proc_ssize_t>(text.size() - pos);
  utf8proc_ssize_t n = utf8proc_iterate(p, remain, &cp);
  if (n > 0 && cp >= 0) return {static_cast<char32_t>(cp), static_cast<uint32_t>(n), true};
  // Maximal subpart (Unicode 3.9, U+FFFD substitution): a valid lead byte
  // followed by as many valid continuation bytes as the lead allows.
  uint32_t len = 1;
  uint8_t lead = *p;
  uint32_t need = lead >= 0xF0 && lead <= 0xF4 ? 3 : lead >= 0xE0 && lead <= 0xEF ? 2
                 : lead >= 0xC2 && lead <= 0xDF ? 1 : 0;
  for (uint32_t i = 1; i <= need && pos + i < text.size(); ++i) {
    uint8_t c = p[i];
    uint8_t lo = 0x80, hi = 0xBF;
    if (i == 1) {
      if (lead == 0xE0) lo = 0xA0;
      if (lead == 0xED) hi = 0x9F;
      if (lead == 0xF0) lo = 0x90;
      if (lead == 0xF4) hi = 0x8F;
    }
    if (c < lo || c > hi) break;
    len = i + 1;
  }
  return {kReplacement, len, false};
}

namespace {

// The offset of the first non-ASCII byte at or after text[i], or the offset
// where fewer than 8 bytes remain. 32 bytes a step with SSE2 (part of every
// x86-64), else 8; text is mostly ASCII between its quotes and dashes.
inline size_t SkipAscii(std::string_view text, size_t i) noexcept {
  const char* p = text.data();
  const size_t n = text.size();
#if defined(__SSE2__)
  for (; i + 32 <= n; i += 32) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 16));
    if (_mm_movemask_epi8(_mm_or_si128(a, b)) != 0) {
      const auto lo = static_cast<unsigned>(_mm_movemask_epi8(a));
      const auto hi = static_cast<unsigned>(_mm_movemask_epi8(b));
      return i + static_cast<size_t>(__builtin_ctz(lo | hi << 16));
    }
  }
#endif
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (uint64_t high = w & 0x8080808080808080ull)
      return i + static_cast<size_t>(__builtin_ctzll(high) / 8);
  }
  return i;
}

}  // namespace

size_t FirstInvalidUtf8(std::string_view text) noexcept {
  size_t i = 0, n = text.size();
  while (i < n) {
    i = SkipAscii(text, i);
    if (i >= n) break;
    const auto c = static_cast<uint8_t>(text[i]);
    if (c < 0x80) { ++i; continue; }
    // Two- and three-byte characters (most non-ASCII text: quotes, dashes,
    // accents) checked here by Table 3-7 of the Unicode Standard, as
    // DecodeAt would; the rest take DecodeAt.
    auto at = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (at(i + 1) & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    if (c >= 0xE0 && c <= 0xEF && i + 2 < n && (at(i + 2) & 0xC0) == 0x80) {
      const uint8_t b = at(i + 1);
      if (b >= (c == 0xE0 ? 0xA0 : 0x80) && b <= (c == 0xED ? 0x9F : 0xBF)) {
        i += 3;
        continue;
      }
    }
    Decoded d = DecodeAt(text, i);
    if (!d.valid) return i;
    i += d.len;
  }
  return n;
}

std::vector<Span> InvalidUtf8Spans(std::string_view text, size_t limit,
                                   size_t* total) {
  std::vector<Span> spans;
  size_t count = 0;
  size_t i = FirstInvalidUtf8(text);
  while (i < text.size()) {
    Decoded d = DecodeAt(text, i);
    if (!d.valid) {
      ++count;
      if (spans.size() < limit)
        spans.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + d.len)});
    }
    i += d.len;
    if (d.valid) {
      size_t rest = FirstInvalidUtf8(text.substr(i));
      i += rest;
    }
  }
  if (total) *total = count;
  return spans;
}

void AppendUtf8(char32_t cp, std::string* out) {
  uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

}  // namespace communique::internal
