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

/// Classifies the code point at text[pos]. REQUIRES pos < text.size().
CharInfo ClassifyAt(std::string_view text, size_t pos) noexcept;

inline bool IsWordChar(CharClass c) {
  return c == CharClass::kLetter || c == CharClass::kDigit || c == CharClass::kMark;
}
inline bool IsSpaceClass(CharClass c) {
  return c == CharClass::kSpace || c == CharClass::kNewline;
}

}  // namespace communique::internal

#endif  // COMMUNIQUE_LIB_TOKENIZE_CHARS_H_
