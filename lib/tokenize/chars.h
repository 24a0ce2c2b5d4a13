// Internal: character classes for tokenizing, ASCII by table and the rest
// through utf8proc's Unicode categories.
#ifndef COMMUNIQUE_LIB_TOKENIZE_CHARS_H_
#define COMMUNIQUE_LIB_TOKENIZE_CHARS_H_

#include <cstdint>
#include <string_view>

#include "core/utf8.h"

namespace communique::internal {

enum class CharClass : uint8_t {
  kSpace, kNewline, kLetter, kDigit, kMark,  // kMark: combining marks, ZWJ/ZWNJ, soft hyphen
  kApostrophe,   // ' and U+2019
  kQuote,        // " “ ” „ « » ‹ › ‘ `
  kHyphen,       // - (ASCII hyphen-minus) and U+2010/U+2011
  kDash,         // – — ― and other Pd
  kPeriod, kComma, kPunct, kSymbol, kOther, kInvalid,
};

struct CharInfo {
  CharClass cls;
  char32_t cp;
  uint32_t len;
  bool upper;  // an upper-case or title-case letter
  bool lower;  // a lower-case letter
};

/// Class of each ASCII byte.
extern const CharClass kAsciiClass[128];

/// Classifies a non-ASCII code point at text[pos] (out of line).
CharInfo ClassifyNonAscii(std::string_view text, size_t pos) noexcept;

/// Classifies the code point at text[pos]. REQUIRES pos < text.size().
inline CharInfo ClassifyAt(std::string_view text, size_t pos) noexcept {
  auto b = static_cast<uint8_t>(text[pos]);
  if (b < 0x80)
    return {kAsciiClass[b], b, 1, b >= 'A' && b <= 'Z', b >= 'a' && b <= 'z'};
  return ClassifyNonAscii(text, pos);
}

/// True for ASCII letters and digits.
inline bool IsAsciiAlnum(uint8_t b) noexcept {
  return b < 0x80 && (kAsciiClass[b] == CharClass::kLetter || kAsciiClass[b] == CharClass::kDigit);
}

inline bool IsWordChar(CharClass c) {
  return c == CharClass::kLetter || c == CharClass::kDigit || c == CharClass::kMark;
}
inline bool IsSpaceClass(CharClass c) {
  return c == CharClass::kSpace || c == CharClass::kNewline;
}

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_TOKENIZE_CHARS_H_
