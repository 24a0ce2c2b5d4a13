// Internal: character classes for tokenizing, ASCII by table and the rest
// through utf8proc's Unicode categories.
#ifndef COMMUNIQUE_LIB_TOKENIZE_CHARS_H_
#define COMMUNIQUE_LIB_TOKENIZE_CHARS_H_

#include <array>
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

/// Classes of general punctuation U+2000..U+203F (E2 80 xx: curly quotes,
/// dashes, spaces) and of Latin-1 U+0080..U+00FF (C2 xx, C3 xx: no-break
/// space, accented letters), the most frequent non-ASCII characters of news
/// text. Filled before main (utf8proc's categories).
extern const std::array<CharInfo, 64> kGeneralPunctuationInfo;
extern const std::array<CharInfo, 128> kLatin1Info;

/// Classifies a non-ASCII code point at text[pos] (out of line).
CharInfo ClassifyNonAscii(std::string_view text, size_t pos) noexcept;

/// Classifies the code point at text[pos]. REQUIRES pos < text.size().
/// The tables' characters inline: no call for the quotes and dashes of
/// news text.
inline CharInfo ClassifyAt(std::string_view text, size_t pos) noexcept {
  auto b = static_cast<uint8_t>(text[pos]);
  if (b < 0x80)
    return {kAsciiClass[b], b, 1, b >= 'A' && b <= 'Z', b >= 'a' && b <= 'z'};
  if (b == 0xE2 && text.size() - pos > 2 && text[pos + 1] == '\x80' &&
      (static_cast<uint8_t>(text[pos + 2]) & 0xC0) == 0x80)
    return kGeneralPunctuationInfo[static_cast<uint8_t>(text[pos + 2]) & 0x3F];
  if ((b == 0xC2 || b == 0xC3) && text.size() - pos > 1 && (static_cast<uint8_t>(text[pos + 1]) & 0xC0) == 0x80)
    return kLatin1Info[((b & 1) << 6) | (static_cast<uint8_t>(text[pos + 1]) & 0x3F)];
  return ClassifyNonAscii(text, pos);
}

/// s with ASCII capitals lowered, written to buf (at least s.size()
/// bytes): no string allocated.
inline std::string_view AsciiLowerInto(std::string_view s, char* buf) noexcept {
  for (size_t k = 0; k < s.size(); ++k) {
    const char c = s[k];
    buf[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::string_view(buf, s.size());
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
