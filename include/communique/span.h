// communique/span.h: byte spans into the caller's text.
//
//   std::string_view surface = communique::Slice(text, sentence.span);
//
// INVARIANT: every record's `span` is a half-open range [begin, end) of UTF-8
// byte offsets into the exact buffer passed to Analyze(); Slice(text, span) is
// the record's surface text. An empty surface means begin == end.
// Records never hold views into the caller's text, so they stay valid after
// the text is freed; only Slice() needs the text.
#ifndef COMMUNIQUE_SPAN_H_
#define COMMUNIQUE_SPAN_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "communique/config.h"

COMMUNIQUE_BEGIN_NAMESPACE

/// [begin, end) in UTF-8 bytes. Documents are limited to 4 GiB by uint32_t.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const noexcept { return end - begin; }
  bool empty() const noexcept { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

/// The bytes of `text` covered by `span`, clamped to the text.
inline std::string_view Slice(std::string_view text, Span span) noexcept {
  if (span.begin >= text.size() || span.end <= span.begin) return {};
  size_t end = span.end < text.size() ? span.end : text.size();
  return text.substr(span.begin, end - span.begin);
}

/// Number of code points in text[0, byte_offset); for JavaScript or Python
/// consumers that index by code point. Invalid bytes count one each.
COMMUNIQUE_API size_t CodePointOffset(std::string_view text,
                                      size_t byte_offset) noexcept;
/// Number of UTF-16 code units in text[0, byte_offset).
COMMUNIQUE_API size_t Utf16Offset(std::string_view text,
                                  size_t byte_offset) noexcept;

COMMUNIQUE_END_NAMESPACE

#endif  // COMMUNIQUE_SPAN_H_
